package note

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

const korean1 = "# 스터디 노트\n\n평가는 어렵다. 그래도 해야 한다.\n"

// encode encodes s with enc, failing the test on error.
func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16le := encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), korean1)
	utf16be := encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), korean1)
	euckr := encode(t, korean.EUCKR, korean1)
	// 똠 and 햏 exist only in CP949 (UHC), not in strict EUC-KR.
	cp949 := encode(t, korean.EUCKR, "똠방각하 햏자\n")
	nfd := norm.NFD.String(korean1)

	tests := []struct {
		name string
		raw  []byte
		want string
		err  error
	}{
		{"utf8", []byte(korean1), korean1, nil},
		{"empty", nil, "", nil},
		{"utf8 bom", append([]byte("\xef\xbb\xbf"), korean1...), korean1, nil},
		{"utf16le bom", utf16le, korean1, nil},
		{"utf16be bom", utf16be, korean1, nil},
		{"euc-kr", euckr, korean1, nil},
		{"cp949 extension", cp949, "똠방각하 햏자\n", nil},
		{"crlf", []byte("첫 줄\r\n둘째 줄\r\n"), "첫 줄\n둘째 줄\n", nil},
		{"lone cr", []byte("첫 줄\r둘째 줄"), "첫 줄\n둘째 줄", nil},
		{"nfd to nfc", []byte(nfd), korean1, nil},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", ErrBinary},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "", ErrBinary},
		{"gif", []byte("GIF89a\x01\x00"), "", ErrBinary},
		{"nul byte", []byte("텍스트\x00중간"), "", ErrBinary},
		{"invalid bytes", []byte("abc \xff\xff\xff def"), "", ErrEncoding},
		{"latin-1", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e"), "", ErrEncoding},
		{"hanja only", []byte("ab \xe9\xe9\xe9\xe9 cd"), "", ErrEncoding},
		{"bom but invalid", []byte("\xef\xbb\xbf\xff\xfe"), "", ErrEncoding},
		{"odd utf16", []byte("\xff\xfeA\x00B"), "", ErrEncoding},
		{"utf16 lone surrogate", []byte("\xff\xfe\x00\xd8A\x00"), "", ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("notes/a.md", tt.raw)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				if !strings.Contains(err.Error(), "note: notes/a.md: ") {
					t.Errorf("error %q does not name the file", err)
				}
				if got != "" {
					t.Errorf("got text %q with an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if strings.ContainsRune(got, '\uFFFD') {
				t.Errorf("decoded text holds U+FFFD")
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "week1-홍길동.md")
	if err := os.WriteFile(good, []byte("\xef\xbb\xbf가\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(good)
	if err != nil || got != "가\n" {
		t.Errorf("ReadFile = %q, %v", got, err)
	}

	missing := filepath.Join(dir, "없음.md")
	_, err = ReadFile(missing)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want ErrNotExist", err)
	}
	if err == nil || !strings.HasPrefix(err.Error(), "note: "+missing+": ") || strings.Count(err.Error(), missing) != 1 {
		t.Errorf("error %q should name the file once", err)
	}

	img := filepath.Join(dir, "image.md")
	if err := os.WriteFile(img, []byte("\x89PNG\r\n\x1a\nrest"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(img); !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), img) {
		t.Errorf("err = %v, want ErrBinary naming %s", err, img)
	}
}
