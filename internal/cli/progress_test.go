package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/progress"
)

// twoWeekRepo adds a second week to webRepo's repository.
func twoWeekRepo(t *testing.T) string {
	t.Helper()
	repo := webRepo(t)
	dir := filepath.Join(repo, "weeks", "week02")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "study-note-HGR.md"), []byte("# 2주차\n\n- **벡터 검색**은 근사 최근접 이웃을 쓴다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return repo
}

func TestGenerateShowsProgressOnATerminal(t *testing.T) {
	repo := twoWeekRepo(t)
	var screen bytes.Buffer
	line := progress.New(&screen, progress.Options{Terminal: true, Width: 60})
	s, _, _ := testIO()
	s.ErrOut, s.Progress = line.Writer(), line
	if code := Main(context.Background(), []string{"generate", "--repo", repo, "--all"}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, screen.String())
	}
	got := screen.String()
	for _, want := range []string{
		"\r\x1b[Kmoim: week 1 (1/2): generating with offline …",
		"\r\x1b[Kmoim: week 2 (2/2): generating with offline …",
		// cleared before the results are printed
		"\r\x1b[Kmoim: week 1: wrote weeks/week01/ai-insights.md",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("terminal output lacks %q:\n%q", want, got)
		}
	}
	if strings.Contains(got, "\x1b[2m") {
		t.Error("colour used without the Color option")
	}
	// The status is gone at the end: the last thing written ends a line.
	if !strings.HasSuffix(got, "\n") {
		t.Errorf("status left on screen: %q", got[max(0, len(got)-80):])
	}
}

func TestNoProgressWithoutATerminal(t *testing.T) {
	repo := twoWeekRepo(t)
	var screen bytes.Buffer
	line := progress.New(&screen, progress.Options{}) // stderr is a pipe or file
	s, _, _ := testIO()
	s.ErrOut, s.Progress = line.Writer(), line
	if code := Main(context.Background(), []string{"generate", "--repo", repo, "--all"}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, screen.String())
	}
	if got := screen.String(); strings.Contains(got, "\x1b") || strings.Contains(got, "\r") || strings.Contains(got, "generating with") {
		t.Errorf("status or escape codes written to a non-terminal: %q", got)
	}
}
