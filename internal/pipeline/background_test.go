package pipeline

import (
	"runtime"
	"sync"
	"testing"
	"time"
	"weak"

	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// TestStudyBackgroundOncePerWorkspace: callers asking for a workspace's
// background at the same time (the weeks analysed in parallel) share one
// reading of it, and it knows the note's words as NewBackground does.
func TestStudyBackgroundOncePerWorkspace(t *testing.T) {
	root := writeRepo(t, "# 버퍼 풀\n\n버퍼 풀은 페이지를 메모리에 둔다.\n")
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]*text.Background, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = studyBackground(ws)
		}()
	}
	wg.Wait()
	for i, b := range got {
		if b == nil || b != got[0] {
			t.Fatalf("caller %d got background %p, caller 0 %p: want one background", i, b, got[0])
		}
	}
	// Week 1 is the only week: from week 2's side it is the one other
	// week, and it uses 페이지 but not 트리.
	if share, weeks := got[0].Spread("페이지", 2); weeks != 1 || share != 1 {
		t.Errorf("Spread(페이지) = %.2f over %d weeks, want 1 over 1", share, weeks)
	}
	if share, _ := got[0].Spread("트리", 2); share != 0 {
		t.Errorf("Spread(트리) = %.2f, want 0", share)
	}
}

// TestStudyBackgroundForgetsCollectedWorkspaces: a workspace no one holds
// any more takes its background with it (serve opens the repository again
// after every change and must not keep every background it ever read).
func TestStudyBackgroundForgetsCollectedWorkspaces(t *testing.T) {
	root := writeRepo(t, "# 버퍼 풀\n\n버퍼 풀은 페이지를 메모리에 둔다.\n")
	// The backgrounds of these workspaces, by their keys: other tests'
	// workspaces may be collected meanwhile, so counting every entry of
	// backgrounds would not tell.
	kept := func(keys []weak.Pointer[workspace.Workspace]) int {
		n := 0
		for _, k := range keys {
			if _, ok := backgrounds.Load(k); ok {
				n++
			}
		}
		return n
	}
	held := make([]*workspace.Workspace, 5)
	keys := make([]weak.Pointer[workspace.Workspace], len(held))
	for i := range held {
		ws, err := workspace.Open(root)
		if err != nil {
			t.Fatal(err)
		}
		if studyBackground(ws) == nil {
			t.Fatal("no background")
		}
		held[i], keys[i] = ws, weak.Make(ws)
	}
	if got := kept(keys); got != len(held) {
		t.Fatalf("%d backgrounds while %d workspaces are held, want %d", got, len(held), len(held))
	}
	runtime.KeepAlive(held)
	held = nil
	for i := 0; i < 50 && kept(keys) > 0; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := kept(keys); got > 0 {
		t.Errorf("%d backgrounds kept after their workspaces were collected, want 0", got)
	}
}
