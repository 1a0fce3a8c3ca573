package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// TestCheckWeek: CheckWeek tells the four states of a week's document
// from hashes alone, agrees with what generate wrote into the document
// (Load's input hash, the one definition), names unreadable notes, and
// never asks for the dictionary nor analyses a note.
func TestCheckWeek(t *testing.T) {
	root := writeRepo(t, "# 버퍼 풀\n\n버퍼 풀은 **자주 읽는 페이지**를 메모리에 둔다.\n\nLRU와 CLOCK 중 무엇이 나을까?\n")
	open := func() (*workspace.Workspace, *workspace.Week) {
		ws, err := workspace.Open(root)
		if err != nil {
			t.Fatal(err)
		}
		wk, ok := ws.Week(1)
		if !ok {
			t.Fatal("no week 1")
		}
		return ws, wk
	}
	check := func() Checked {
		t.Helper()
		var dict, analysed int
		text.DictionaryUsed = func() { dict++ }
		Analysed = func(int) { analysed++ }
		defer func() { text.DictionaryUsed, Analysed = nil, nil }()
		ws, wk := open()
		c, err := CheckWeek(ws, wk)
		if err != nil {
			t.Fatal(err)
		}
		if dict != 0 || analysed != 0 {
			t.Errorf("check asked for the dictionary %d times and analysed %d weeks; want none", dict, analysed)
		}
		return c
	}
	out := filepath.Join(root, "weeks", "week01", "ai-insights.md")

	if c := check(); c.State != Missing {
		t.Errorf("before generate: state %v, want Missing", c.State)
	}

	// Generate as `moim generate` does and write the document.
	if err := os.WriteFile(out, []byte(runWeek(t, root)), 0o644); err != nil {
		t.Fatal(err)
	}
	if c := check(); c.State != Fresh {
		t.Errorf("after generate: state %v, want Fresh", c.State)
	}

	// A note that cannot be read is named, and left out of the hash as
	// Load leaves it out.
	readme := filepath.Join(root, "README.md")
	oldReadme, _ := os.ReadFile(readme)
	os.WriteFile(readme, []byte("# 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n- 문가람\n"), 0o644)
	bin := filepath.Join(root, "weeks", "week01", "문가람.md")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00"), 0o644)
	c := check()
	if !strings.Contains(strings.Join(c.Warnings, "\n"), "문가람.md: skipped: binary file") {
		t.Errorf("warnings %q do not name the unreadable note", c.Warnings)
	}
	if c.State != Fresh {
		t.Errorf("an unreadable note made the week %v", c.State)
	}
	os.Remove(bin)
	os.WriteFile(readme, oldReadme, 0o644)

	// A changed note makes the week stale.
	note := filepath.Join(root, "weeks", "week01", "오태윤.md")
	b, _ := os.ReadFile(note)
	os.WriteFile(note, append(b, "버퍼 풀의 크기는 어떻게 정할까?\n"...), 0o644)
	if c := check(); c.State != Stale {
		t.Errorf("after a note changed: state %v, want Stale", c.State)
	}
	// And the same content again makes it fresh: content, not file times.
	os.WriteFile(note, b, 0o644)
	if c := check(); c.State != Fresh {
		t.Errorf("after the note was restored: state %v, want Fresh", c.State)
	}

	// A document written by hand is reported as such.
	os.WriteFile(out, []byte("# 1주차\n\n## 한서진\n\n### 핵심 인사이트\n- 손으로 쓴 정리\n"), 0o644)
	if c := check(); c.State != Handmade {
		t.Errorf("hand-written document: state %v, want Handmade", c.State)
	}
}

// TestInputHashDefinition: the input hash is SHA-256 over, for each
// member's files read, "member\x00path\x00length\x00" and the decoded
// content, then "member\x00path\x00empty\x00" for each empty note, cut to
// 16 hex digits. Documents already written hold it, so it must not
// change; Load (generate) and CheckWeek (check) both compute it so.
func TestInputHashDefinition(t *testing.T) {
	root := writeRepo(t, "# 버퍼 풀\n\n버퍼 풀은 페이지를 메모리에 둔다.\n")
	dir := filepath.Join(root, "weeks", "week01")
	os.WriteFile(filepath.Join(dir, "한서진-부록.md"), []byte("\ufeff부록: LRU 정리\r\n"), 0o644)
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	wk, _ := ws.Week(1)
	for i := range wk.Notes {
		if wk.Notes[i].Member == "한서진" {
			wk.Notes[i].More = []string{"weeks/week01/한서진-부록.md"}
		}
	}
	wk.Empty = []workspace.NoteFile{{Member: "문가람", Path: "weeks/week01/문가람.md"}}

	h := sha256.New()
	for _, nf := range wk.Notes {
		for _, p := range nf.Paths() {
			b, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
			src := strings.ReplaceAll(strings.TrimPrefix(string(b), "\ufeff"), "\r\n", "\n")
			fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s", nf.Member, p, len(src), src)
		}
	}
	h.Write([]byte("문가람\x00weeks/week01/문가람.md\x00empty\x00"))
	want := hex.EncodeToString(h.Sum(nil))[:16]

	w, err := Load(ws, wk, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if w.InputHash != want {
		t.Fatalf("Load's input hash %s, want %s", w.InputHash, want)
	}
	if err := os.WriteFile(w.OutPath, []byte(document(t, w)), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := CheckWeek(ws, wk); err != nil || c.State != Fresh {
		t.Errorf("check of the document generate wrote: %v, %v; want Fresh", c.State, err)
	}
}
