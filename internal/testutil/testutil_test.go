package testutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDiff(t *testing.T) {
	for _, tt := range []struct{ got, want, has string }{
		{"a\nb\nc", "a\nx\nc", `line 2:`},
		{"a\nb", "a\nb\nc", `line 3:`},
		{"same", "same", "no difference"},
	} {
		if d := FirstDiff(tt.got, tt.want); !strings.Contains(d, tt.has) {
			t.Errorf("FirstDiff(%q, %q) = %q, want it to say %q", tt.got, tt.want, d, tt.has)
		}
	}
}

// TestCopyDemo: the copy has the demo's notes, README and template.
func TestCopyDemo(t *testing.T) {
	dst := CopyDemo(t)
	if filepath.Base(dst) != "ml-study" {
		t.Errorf("copy at %s, want a folder named ml-study", dst)
	}
	for _, p := range []string{"README.md", "templates/ai-insights.md", "weeks/week01/study-note-PJM.md"} {
		if _, err := os.Stat(filepath.Join(dst, p)); err != nil {
			t.Errorf("%s missing from the copy: %v", p, err)
		}
	}
}

// TestCopyRepoLeavesOutWhatMoimWrote: documents, moim.yaml and the lock
// folder a local run left are not copied; the template is.
func TestCopyRepoLeavesOutWhatMoimWrote(t *testing.T) {
	src := t.TempDir()
	for _, p := range []string{"README.md", "templates/ai-insights.md", "weeks/week01/a.md", "weeks/week01/ai-insights.md", "moim.yaml", ".moim/lock"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(src, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, p), []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(t.TempDir(), "copy")
	if err := copyRepo(src, dst); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{"README.md": true, "templates/ai-insights.md": true, "weeks/week01/a.md": true,
		"weeks/week01/ai-insights.md": false, "moim.yaml": false, ".moim": false} {
		_, err := os.Stat(filepath.Join(dst, p))
		if got := err == nil; got != want {
			t.Errorf("%s copied: %v, want %v", p, got, want)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dst, "weeks/week01/a.md")); err != nil || string(b) != "weeks/week01/a.md" {
		t.Errorf("content %q, %v", b, err)
	}
}

func TestCounter(t *testing.T) {
	var c Counter
	if len(c.Counts()) != 0 {
		t.Error("a new counter has counts")
	}
	done := make(chan bool)
	for range 4 {
		go func() { c.Add(1); c.Add(2); done <- true }()
	}
	for range 4 {
		<-done
	}
	if got := c.Counts(); got[1] != 4 || got[2] != 4 || len(got) != 2 {
		t.Errorf("counts %v", got)
	}
}
