package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/fsutil/fsfault"
)

// TestGenerateWriteFails runs `moim generate` with each step of writing
// the document failing (a full disk, a failed sync or rename): the run
// exits 2 naming the document, which stays byte-identical, no temporary
// file is left, and the repository's lock is released. No environment
// variable is involved: the test swaps the file system the writer uses.
func TestGenerateWriteFails(t *testing.T) {
	for _, step := range fsfault.Steps {
		t.Run(string(step), func(t *testing.T) {
			root, doc := smallRepo(t)
			fault := &fsfault.FS{Fail: step}
			restore := fsutil.SetFS(fault)
			code, stderr := run(context.Background(), "generate", "--repo", root, "--week", "1")
			restore()
			if fault.Fired() == 0 {
				t.Fatalf("the run never reached the %s step (exit %d):\n%s", step, code, stderr)
			}
			if code != ExitInput {
				t.Errorf("exit %d, want %d", code, ExitInput)
			}
			for _, want := range []string{"moim: write " + doc + ": ", fsfault.ErrInjected.Error(), "the previous document, if any, is unchanged"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if b, err := os.ReadFile(doc); err != nil || string(b) != previous {
				t.Errorf("document after a failed write: %q, %v", b, err)
			}
			assertNoTemporaryFiles(t, root)
			l, err := fsutil.LockRepo(context.Background(), root, 0)
			if err != nil {
				t.Fatalf("lock not released: %v", err)
			}
			if err := l.Unlock(); err != nil {
				t.Fatal(err)
			}
		})
	}
	// The same run without a fault writes the document: the failures
	// above come from the injected step alone.
	root, doc := smallRepo(t)
	if code, stderr := run(context.Background(), "generate", "--repo", root, "--week", "1"); code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if b, err := os.ReadFile(doc); err != nil || string(b) == previous || !strings.Contains(string(b), "- 사람이 쓴 줄") {
		t.Errorf("document after a good run: %q, %v", b, err)
	}
}

// assertNoTemporaryFiles fails on a temporary or probe file under root.
func assertNoTemporaryFiles(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.Contains(d.Name(), ".tmp-") || strings.HasPrefix(d.Name(), ".moim-probe-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
