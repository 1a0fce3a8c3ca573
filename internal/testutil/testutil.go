package testutil

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// update is the -update flag of every test binary that imports testutil:
// go test ./internal/doc -update rewrites that package's golden files.
var update *bool

func init() {
	if testing.Testing() {
		update = flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

// Updating reports whether the test run rewrites golden files (-update).
func Updating() bool { return update != nil && *update }

// Golden compares got with the golden file at path (relative to the
// package's folder, under testdata/). With -update it writes got there
// instead, creating the folder.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test with -update to accept, then review the diff): %s", path, FirstDiff(string(got), string(want)))
	}
}

// FirstDiff describes the first line where got and want differ.
func FirstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if i >= len(g) || i >= len(w) || gl != wl {
			return fmt.Sprintf("line %d:\n got  %.300q\n want %.300q", i+1, gl, wl)
		}
	}
	return "no difference"
}

// ModuleRoot returns the folder holding go.mod, found upwards from the
// test's working directory (its package's folder).
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testutil: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// CopyDemo copies the demo study repository, examples/ml-study, as git
// tracks it into a new temporary folder named ml-study and returns that
// folder: its notes, README and template, not the documents, moim.yaml or
// lock a local run of the demo command left (git ignores them).
func CopyDemo(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "ml-study")
	if err := copyRepo(filepath.Join(ModuleRoot(t), "examples", "ml-study"), dst); err != nil {
		t.Fatalf("copy the demo repository: %v", err)
	}
	return dst
}

// copyRepo copies a study repository without what moim writes into it.
func copyRepo(src, dst string) error {
	return copyTree(src, dst, func(rel string, d fs.DirEntry) bool {
		if d.IsDir() {
			return d.Name() != ".moim"
		}
		generated := d.Name() == "ai-insights.md" && filepath.Base(filepath.Dir(rel)) != "templates"
		return !generated && rel != "moim.yaml"
	})
}

// CopyTree copies the folder src, everything in it, to dst.
func CopyTree(src, dst string) error {
	return copyTree(src, dst, func(string, fs.DirEntry) bool { return true })
}

// copyTree copies what keep accepts (a folder it refuses is skipped whole).
func copyTree(src, dst string, keep func(rel string, d fs.DirEntry) bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if rel != "." && !keep(rel, d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// PeakRSSMB returns the process's peak resident set in MB, read from
// /proc/self/status (VmHWM); 0 where that file does not exist.
func PeakRSSMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// AgeTree sets the time of change of every file and folder under root an
// hour back, as in a repository nobody touched while the test runs (moim
// trusts a file's size and time of change only when that time is not
// recent).
func AgeTree(t testing.TB, root string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	var paths []string
	err := filepath.WalkDir(root, func(p string, _ fs.DirEntry, err error) error {
		paths = append(paths, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Deepest first: a folder's time is set after its entries'.
	for i := len(paths) - 1; i >= 0; i-- {
		if err := os.Chtimes(paths[i], old, old); err != nil {
			t.Fatal(err)
		}
	}
}
