package note

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/moim-study/moim/internal/text"
)

// ErrBinary is wrapped by the errors of Decode and ReadFile for files that
// are not text (images, archives, files with NUL bytes).
var ErrBinary = errors.New("binary file, not a text note")

// ErrEncoding is wrapped by the errors of Decode and ReadFile for text in an
// encoding moim cannot decode without losing characters.
var ErrEncoding = errors.New("unknown or invalid text encoding")

// sniffLen is how much of a file is inspected for NUL bytes.
const sniffLen = 8 << 10

// magic lists the signatures of binary formats commonly found beside notes.
var magic = []struct {
	name string
	sig  []byte
}{
	{"PNG image", []byte("\x89PNG\r\n\x1a\n")},
	{"JPEG image", []byte("\xff\xd8\xff")},
	{"GIF image", []byte("GIF87a")},
	{"GIF image", []byte("GIF89a")},
	{"PDF document", []byte("%PDF-")},
	{"ZIP archive", []byte("PK\x03\x04")},
	{"gzip archive", []byte("\x1f\x8b\x08")},
}

// Decode turns the raw bytes of a note into text: UTF-8 (with or without a
// byte order mark), UTF-16 LE/BE with a byte order mark, or EUC-KR/CP949
// when the bytes are not valid UTF-8 but decode cleanly as Korean. Line
// endings become "\n" and the text is normalised to Unicode NFC, so that
// Hangul typed on macOS (NFD) compares equal to Hangul typed elsewhere.
//
// Binary content gives an error wrapping ErrBinary; bytes that no supported
// encoding decodes without replacement characters give an error wrapping
// ErrEncoding. Decode never silently produces U+FFFD. path is only used in
// error messages.
func Decode(path string, raw []byte) (string, error) {
	s, err := decode(raw)
	if err != nil {
		return "", fmt.Errorf("note: %s: %w", path, err)
	}
	return normalize(s), nil
}

// ReadFile reads and decodes the note at path (see Decode). Errors name the
// file.
func ReadFile(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is added below; do not repeat it
		}
		return "", fmt.Errorf("note: %s: %w", path, err)
	}
	return Decode(path, raw)
}

func decode(raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return "", fmt.Errorf("%w: UTF-8 byte order mark but invalid UTF-8", ErrEncoding)
		}
		return string(raw), nil
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return decodeWith(raw, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "UTF-16LE")
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return decodeWith(raw, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "UTF-16BE")
	}
	for _, m := range magic {
		if bytes.HasPrefix(raw, m.sig) {
			return "", fmt.Errorf("%w (%s)", ErrBinary, m.name)
		}
	}
	if bytes.IndexByte(raw[:min(len(raw), sniffLen)], 0) >= 0 {
		return "", fmt.Errorf("%w (NUL byte)", ErrBinary)
	}
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	s, err := decodeWith(raw, korean.EUCKR, "EUC-KR")
	if err != nil {
		return "", fmt.Errorf("%w: not UTF-8, UTF-16 or EUC-KR/CP949", ErrEncoding)
	}
	if !mostlyHangul(s) {
		return "", fmt.Errorf("%w: not UTF-8, and not Korean text in EUC-KR/CP949", ErrEncoding)
	}
	return s, nil
}

// decodeWith decodes raw with enc and rejects any output holding a
// replacement character, which means some bytes did not decode.
func decodeWith(raw []byte, enc encoding.Encoding, name string) (string, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("%w: invalid %s: %v", ErrEncoding, name, err)
	}
	if bytes.ContainsRune(out, utf8.RuneError) || !utf8.Valid(out) {
		return "", fmt.Errorf("%w: invalid %s", ErrEncoding, name)
	}
	return string(out), nil
}

// mostlyHangul reports whether at least half of the non-ASCII letters of a
// text decoded as EUC-KR are Hangul, and it holds no stray control
// characters: text in another single-byte encoding (Latin-1, Shift-JIS)
// often decodes "cleanly" into rare Hanja.
func mostlyHangul(s string) bool {
	hangul, other := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
				return false
			}
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.IsLetter(r):
			other++
		}
	}
	return hangul > 0 && hangul >= other
}

// normalize turns CRLF and CR into LF and the text into NFC.
func normalize(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return text.NFC(s)
}
