package note

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzParse checks that Parse never panics and that what it returns is
// consistent for any input. Seeds: the fixtures, and testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("- a\n  - b\n    - c\n\n> [!NOTE]\n> d")
	f.Add("<aside>\n**x**\n</aside>\n<ul><li>y<ul><li>z")
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode")
	f.Fuzz(func(t *testing.T, src string) {
		d := Parse("fuzz.md", src)
		if d == nil {
			t.Fatal("nil Document")
		}
		if d.Stats.Bytes != len(src) {
			t.Errorf("Stats.Bytes = %d, want %d", d.Stats.Bytes, len(src))
		}
		for _, s := range d.Sentences {
			if s.Line < 1 || s.Line > d.Stats.Lines {
				t.Fatalf("sentence %d line %d outside 1..%d", s.ID, s.Line, d.Stats.Lines)
			}
		}
		checkInvariants(t, d)
		for _, b := range d.Blocks {
			if !utf8.ValidString(b.Text) {
				t.Errorf("block text %q is not valid UTF-8", b.Text)
			}
		}
	})
}

// FuzzDecode checks that Decode never panics, never returns replacement
// characters it invented, and classifies every failure.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("# 제목\r\n본문"))
	f.Add([]byte("\xef\xbb\xbf가나다"))
	f.Add([]byte("\xff\xfeA\x00\x00\xac"))
	f.Add([]byte("\xfe\xff\x00A\xac\x00"))
	f.Add([]byte("\xc7\xd1\xb1\xdb")) // 한글 in EUC-KR
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("a\x00b"))
	f.Add([]byte("\xff\xff"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := Decode("f.md", raw)
		if err != nil {
			if !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) {
				t.Fatalf("unclassified error %v", err)
			}
			if s != "" {
				t.Fatalf("text %q returned with error", s)
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 %q", s)
		}
		if strings.ContainsRune(s, '\r') {
			t.Fatalf("CR left in %q", s)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Fatalf("not NFC: %q", s)
		}
		if strings.ContainsRune(s, utf8.RuneError) && !strings.ContainsRune(string(raw), utf8.RuneError) {
			t.Fatalf("invented U+FFFD from %q", raw)
		}
		if utf8.Valid(raw) && !strings.HasPrefix(string(raw), "\xef\xbb\xbf") && !strings.ContainsRune(string(raw), 0) {
			want := norm.NFC.String(strings.ReplaceAll(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\r", "\n"))
			if s != want {
				t.Fatalf("valid UTF-8 changed: %q -> %q", raw, s)
			}
		}
	})
}
