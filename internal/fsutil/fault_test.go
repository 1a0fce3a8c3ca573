package fsutil_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/fsutil/fsfault"
)

// TestWriteFileAtomicFailingStep makes each step of the write fail in turn:
// the error names the document, the old document is byte-identical with
// its permissions, and no temporary file is left.
func TestWriteFileAtomicFailingStep(t *testing.T) {
	old := []byte("# 이전 문서\n\n- 사람이 쓴 줄\n")
	for _, step := range fsfault.Steps {
		t.Run(string(step), func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "ai-insights.md")
			if err := os.WriteFile(p, old, 0o640); err != nil {
				t.Fatal(err)
			}
			fault := &fsfault.FS{Fail: step}
			restore := fsutil.SetFS(fault)
			err := fsutil.WriteFileAtomic(p, bytes.Repeat([]byte("새 문서가 더 길다\n"), 1000))
			restore()
			if fault.Fired() == 0 {
				t.Fatalf("the write never reached the %s step", step)
			}
			if !errors.Is(err, fsfault.ErrInjected) || !strings.Contains(err.Error(), "write "+p+":") {
				t.Errorf("error = %v, want the injected one naming %s", err, p)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatalf("the old document is gone: %v", err)
			}
			if !bytes.Equal(b, old) {
				t.Errorf("the old document changed: %q", b)
			}
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if runtime.GOOS != "windows" && st.Mode().Perm() != 0o640 {
				t.Errorf("mode %v, want 0640", st.Mode().Perm())
			}
			assertOnly(t, dir, "ai-insights.md")
			for _, tmp := range fault.Temps() {
				if _, err := os.Lstat(tmp); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("temporary file %s left (%v)", tmp, err)
				}
			}
		})
	}
}

// TestWriteFileAtomicFailingNewDocument: a failed first write leaves no
// document and no temporary file.
func TestWriteFileAtomicFailingNewDocument(t *testing.T) {
	for _, step := range fsfault.Steps {
		t.Run(string(step), func(t *testing.T) {
			dir := t.TempDir()
			fault := &fsfault.FS{Fail: step}
			restore := fsutil.SetFS(fault)
			err := fsutil.WriteFileAtomic(filepath.Join(dir, "new.md"), []byte("새 문서\n"))
			restore()
			if err == nil || fault.Fired() == 0 {
				t.Fatalf("error %v after %d faults, want the injected one", err, fault.Fired())
			}
			assertOnly(t, dir)
		})
	}
}

// TestFaultFSPassesThrough: with no failing step the fault file system
// writes like the real one (so the tests above fail only where they say).
func TestFaultFSPassesThrough(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.md")
	fault := &fsfault.FS{}
	restore := fsutil.SetFS(fault)
	err := fsutil.WriteFileAtomic(p, []byte("새 문서\n"))
	restore()
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "새 문서\n" {
		t.Errorf("document %q, %v", b, err)
	}
	if len(fault.Temps()) != 1 || fault.Fired() != 0 {
		t.Errorf("temps %v, faults %d", fault.Temps(), fault.Fired())
	}
	assertOnly(t, dir, "doc.md")
}

// assertOnly fails unless dir holds exactly names.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, "\n") != strings.Join(names, "\n") {
		t.Errorf("folder holds %q, want %q", got, names)
	}
}

// TestWriteFileReplacedSkipsOnlyTheSync: the variant for pages moim makes
// again never reaches the sync step, and every other step failing leaves
// the old page as it was, as with WriteFileAtomic.
func TestWriteFileReplacedSkipsOnlyTheSync(t *testing.T) {
	old := []byte("<p>이전 페이지</p>\n")
	for _, step := range fsfault.Steps {
		t.Run(string(step), func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "index.html")
			if err := os.WriteFile(p, old, 0o644); err != nil {
				t.Fatal(err)
			}
			fault := &fsfault.FS{Fail: step}
			restore := fsutil.SetFS(fault)
			err := fsutil.WriteFileReplaced(p, []byte("<p>새 페이지</p>\n"))
			restore()
			b, rerr := os.ReadFile(p)
			if rerr != nil {
				t.Fatalf("the page is gone: %v", rerr)
			}
			if step == fsfault.Sync {
				if fault.Fired() != 0 || err != nil {
					t.Fatalf("sync reached %d times, error %v: want no sync", fault.Fired(), err)
				}
				if string(b) != "<p>새 페이지</p>\n" {
					t.Errorf("page = %q, want the new one", b)
				}
				assertOnly(t, dir, "index.html")
				return
			}
			if fault.Fired() == 0 || !errors.Is(err, fsfault.ErrInjected) {
				t.Fatalf("error %v after %d faults, want the injected one", err, fault.Fired())
			}
			if !bytes.Equal(b, old) {
				t.Errorf("the old page changed: %q", b)
			}
			assertOnly(t, dir, "index.html")
		})
	}
}
