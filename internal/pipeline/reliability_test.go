package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/workspace"
)

func TestTruncateNote(t *testing.T) {
	tests := []struct {
		src  string
		max  int
		want string
		cut  bool
	}{
		{"짧은 노트\n", 100, "짧은 노트\n", false},
		{"첫 줄\n둘째 줄\n셋째 줄\n", 20, "첫 줄\n둘째 줄\n", true},
		{"한 줄로 된 아주 긴 노트", 10, "한 줄로", true}, // cut at a character boundary
	}
	for _, tt := range tests {
		got, cut := truncateNote(tt.src, tt.max)
		if got != tt.want || cut != tt.cut || !utf8.ValidString(got) {
			t.Errorf("truncateNote(%q, %d) = %q, %v; want %q, %v", tt.src, tt.max, got, cut, tt.want, tt.cut)
		}
	}
}

// TestLoadSaysWhatItSkipped: an oversized note is read in part, a binary
// one is skipped, and both are named; the input hash still covers the
// whole oversized file.
func TestLoadSaysWhatItSkipped(t *testing.T) {
	root := writeRepo(t, "# 노트\n\n"+strings.Repeat("버퍼 풀은 페이지를 캐시한다.\n", 200))
	dir := filepath.Join(root, "weeks", "week01")
	if err := os.WriteFile(filepath.Join(dir, "문가람.md"), []byte("\x89PNG\r\n\x1a\n\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "README.md"), []byte("# 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n- 문가람\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { MaxNoteBytes = n }(MaxNoteBytes)
	MaxNoteBytes = 1000

	load := func() *Week { return loadWeek1(t, root, "-") }
	w := load()
	joined := strings.Join(w.Warnings, "\n")
	for _, want := range []string{
		"weeks/week01/한서진.md: 9 KB is more than moim reads from one note; only its first 1 KB (lines 1-",
		"weeks/week01/문가람.md: skipped: binary file, not a text note (PNG image); move or rename it",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no warning %q in:\n%s", want, joined)
		}
	}
	if d := w.Docs["한서진"]; d == nil || d.Stats.Bytes > 1000 {
		t.Errorf("the oversized note was not cut: %+v", d)
	}
	if _, ok := w.Docs["문가람"]; ok {
		t.Error("the binary note was parsed")
	}
	// A change past the cut still changes the input hash.
	p := filepath.Join(dir, "한서진.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(b, "마지막 줄을 고쳤다.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if load().InputHash == w.InputHash {
		t.Error("input hash ignores the part of the note that was not analysed")
	}
}

// TestCancelledGeneration: a cancelled context stops the week before any
// document exists.
func TestCancelledGeneration(t *testing.T) {
	w := loadWeek1(t, writeRepo(t, "# 노트\n\n버퍼 풀은 페이지를 캐시한다.\n"), "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := w.Generate(ctx, offlineEngine()); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(w.OutPath); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a document was written (%v)", err)
	}
}

// TestStateFollowsContent: a week is fresh after its document is written
// and stale after any change to a note's content, also one that keeps the
// note's length (one syllable for another of as many bytes); undoing the
// change makes it fresh again.
func TestStateFollowsContent(t *testing.T) {
	const src = "# 노트\n\n버퍼 풀은 **페이지**를 캐시한다.\nCLOCK은 언제 LRU보다 나을까?\n"
	root := writeRepo(t, src)
	note := filepath.Join(root, "weeks", "week01", "한서진.md")
	load := func() *Week { return loadWeek1(t, root, "") }
	w := load()
	if w.State() != Missing {
		t.Fatalf("state before the first run = %v, want Missing", w.State())
	}
	if err := os.WriteFile(w.OutPath, []byte(document(t, w)), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := load()
	if fresh.State() != Fresh {
		t.Fatalf("state after writing the document = %v, want Fresh", fresh.State())
	}

	edited := strings.Replace(src, "캐시한다", "캐시했다", 1)
	if len(edited) != len(src) || edited == src {
		t.Fatalf("the edit must keep the length: %d → %d", len(src), len(edited))
	}
	if err := os.WriteFile(note, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(note); err != nil || st.Size() != int64(len(src)) {
		t.Fatalf("note size %v, %v", st, err)
	}
	stale := load()
	if stale.InputHash == fresh.InputHash || stale.State() != Stale {
		t.Errorf("same-length edit: hash %s (was %s), state %v, want Stale", stale.InputHash, fresh.InputHash, stale.State())
	}

	if err := os.WriteFile(note, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if again := load(); again.InputHash != fresh.InputHash || again.State() != Fresh {
		t.Errorf("after undoing the edit: hash %s, state %v, want %s and Fresh", again.InputHash, again.State(), fresh.InputHash)
	}
}

// loadWeek1 opens the repository at root and loads its week 1; out is
// Load's output override ("" for the week's own document, "-" for none).
func loadWeek1(tb testing.TB, root, out string) *Week { return loadWeek(tb, root, 1, out) }

// loadWeek is loadWeek1 for week n.
func loadWeek(tb testing.TB, root string, n int, out string) *Week {
	tb.Helper()
	ws, err := workspace.Open(root)
	if err != nil {
		tb.Fatal(err)
	}
	wk, ok := ws.Week(n)
	if !ok {
		tb.Fatalf("no week %d", n)
	}
	w, err := Load(ws, wk, "", out)
	if err != nil {
		tb.Fatal(err)
	}
	return w
}
