package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
)

// stampRepo is the repository TestUnchanged changes: two weeks, a README
// and a template.
var stampRepo = map[string]string{
	"README.md":                       studyReadme,
	"week01/study-note-jimin-park.md": note(1),
	"week01/study-note-yunachoi.md":   note(1),
	"week02/study-note-jimin-park.md": note(2),
	"templates/ai-insights.md":        "# {{week}}주차\n\n## 박지민\n",
}

// TestUnchanged: a workspace is Unchanged until anything Open read from
// changes (a note's text, a README, a file or folder added, removed or
// renamed, the configuration appearing), and never while its files are as
// recent as the time Open ran.
func TestUnchanged(t *testing.T) {
	changes := []struct {
		name   string
		change func(root string) error
	}{
		{"nothing", func(string) error { return nil }},
		{"a note's text", func(root string) error {
			return os.WriteFile(filepath.Join(root, "week01", "study-note-yunachoi.md"), []byte(note(3)), 0o644)
		}},
		{"a note's text, same size", func(root string) error {
			p := filepath.Join(root, "week02", "study-note-jimin-park.md")
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b[len(b)-2] = 'x'
			return os.WriteFile(p, b, 0o644)
		}},
		{"the README", func(root string) error {
			return os.WriteFile(filepath.Join(root, "README.md"), []byte(studyReadme+"\n| 4주차 | 3/25 | 5장 | 복구 | 박지민 | 최유나 |\n"), 0o644)
		}},
		{"the template", func(root string) error {
			return os.WriteFile(filepath.Join(root, "templates", "ai-insights.md"), []byte("# 정리\n"), 0o644)
		}},
		{"a note added", func(root string) error {
			return os.WriteFile(filepath.Join(root, "week02", "study-note-yunachoi.md"), []byte(note(2)), 0o644)
		}},
		{"a week added", func(root string) error {
			if err := os.Mkdir(filepath.Join(root, "week03"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(root, "week03", "study-note-jimin-park.md"), []byte(note(3)), 0o644)
		}},
		{"a note removed", func(root string) error {
			return os.Remove(filepath.Join(root, "week01", "study-note-yunachoi.md"))
		}},
		{"a note renamed", func(root string) error {
			return os.Rename(filepath.Join(root, "week01", "study-note-yunachoi.md"), filepath.Join(root, "week01", "study-note-sky-j.md"))
		}},
		{"the configuration added", func(root string) error {
			return os.WriteFile(filepath.Join(root, ConfigFile), []byte("output: summary.md\n"), 0o644)
		}},
		{"a folder made unreadable", func(root string) error {
			return os.Chmod(filepath.Join(root, "week02"), 0o300)
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			root := mkRepo(t, stampRepo)
			testutil.AgeTree(t, root)
			ws, err := Open(root)
			if err != nil {
				t.Fatal(err)
			}
			if !ws.Unchanged() {
				t.Fatal("Unchanged is false right after Open of a repository an hour old")
			}
			if err := c.change(root); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(filepath.Join(root, "week02"), 0o755) })
			if got, want := ws.Unchanged(), c.name == "nothing"; got != want {
				t.Errorf("after %s: Unchanged = %v, want %v", c.name, got, want)
			}
		})
	}
	t.Run("just written", func(t *testing.T) {
		ws, err := Open(mkRepo(t, stampRepo)) // files as recent as Open: not to be trusted
		if err != nil {
			t.Fatal(err)
		}
		if ws.Unchanged() {
			t.Error("Unchanged is true for files written as Open ran")
		}
	})
	t.Run("not opened", func(t *testing.T) {
		if (&Workspace{}).Unchanged() {
			t.Error("Unchanged is true for a workspace Open did not make")
		}
	})
}
