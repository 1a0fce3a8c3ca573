package workspace

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

// TestReadmeEncodings reads the README's members and schedule whatever
// encoding a Korean Windows editor saved it in, and names a README it
// cannot decode instead of reading garbage from it.
func TestReadmeEncodings(t *testing.T) {
	euckr, err := korean.EUCKR.NewEncoder().String(strings.ReplaceAll(studyReadme, "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(studyReadme)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, readme string
		members      int
		warning      string
	}{
		{"UTF-8 with BOM", "\ufeff" + studyReadme, 3, ""},
		{"EUC-KR with CRLF", euckr, 3, ""},
		{"UTF-16LE with BOM", utf16, 3, ""},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", 0, "cannot read it (binary file"},
		{"Latin-1", "caf\xe9 r\xe9sum\xe9\n", 0, "cannot read it (unknown or invalid text encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := mkRepo(t, map[string]string{"README.md": tt.readme, "week01/박지민.md": "# 노트\n\n본문이다.\n"})
			ws, err := Detect(root)
			if err != nil {
				t.Fatal(err)
			}
			listed := 0
			for _, m := range ws.Members {
				if m.Name == "최유나" || m.Name == "정하늘" || m.Name == "박지민" && m.GitHub != "" {
					listed++
				}
			}
			if listed != tt.members {
				t.Errorf("members from the README = %d (%+v), want %d", listed, ws.Members, tt.members)
			}
			if tt.members > 0 && len(ws.Schedule) != 3 {
				t.Errorf("schedule rows = %d, want 3", len(ws.Schedule))
			}
			if tt.warning != "" && !hasWarning(ws, "README.md", tt.warning) {
				t.Errorf("no warning %q:%s", tt.warning, warningList(ws))
			}
		})
	}
}
