package fsutil

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ai-insights.md")
	if err := os.WriteFile(p, []byte("이전 문서\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	// A reader that opened the old document keeps reading the old one:
	// the new content goes to a new file, never into the old one.
	reader, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if err := WriteFileAtomic(p, []byte("새 문서\n")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "새 문서\n" || runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v", b, st.Mode())
	}
	if os.SameFile(before, st) {
		t.Error("the document was written in place, not replaced by a new file")
	}
	if old, err := io.ReadAll(reader); err != nil || string(old) != "이전 문서\n" {
		t.Errorf("a reader of the old document sees %q (%v), want the old content", old, err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}

	// A link is followed: the file it points to is replaced, the link stays.
	link := filepath.Join(dir, "link.md")
	testutil.Symlink(t, p, link)
	if err := WriteFileAtomic(link, []byte("링크로 쓴 문서\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced by a file (%v)", err)
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "링크로 쓴 문서\n" {
		t.Errorf("target = %q, %v", b, err)
	}
}

// TestWriteFileAtomicIntoAFile: a file where the document's folder should
// be fails before anything is created, and the file is untouched.
func TestWriteFileAtomicIntoAFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.md")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(filepath.Join(p, "x.md"), []byte("new"))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(p, "x.md")) {
		t.Fatalf("error = %v, want one naming the path", err)
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "old" {
		t.Errorf("file in the way changed: %q, %v", b, err)
	}
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "README.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "weeks")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		path   string
		create bool
		want   string // "" for no error
	}{
		{"new file in existing folder", filepath.Join(sub, "a.md"), false, ""},
		{"existing file", file, false, ""},
		{"missing folder", filepath.Join(dir, "nope", "a.md"), false, "folder " + filepath.Join(dir, "nope") + " does not exist"},
		{"missing folders created later", filepath.Join(dir, "weeks", "week09", "a.md"), true, ""},
		{"a folder", sub, false, "it is a folder"},
		{"under a file", filepath.Join(file, "a.md"), false, file + " is a file, not a folder"},
		{"deep under a file", filepath.Join(file, "x", "a.md"), true, file + " is a file, not a folder"},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests, struct {
			name   string
			path   string
			create bool
			want   string
		}{"a character device", os.DevNull, false, ""})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckOutput(tt.path, tt.path, tt.create)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "weeks", "week09")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("CheckOutput created a folder (%v)", err)
	}
	assertNoProbe(t, dir)
	assertNoProbe(t, sub)
}

// TestCheckOutputReadOnly runs as a user that permissions apply to (as
// nobody in a child process when the tests run as root).
func TestCheckOutputReadOnly(t *testing.T) {
	if testutil.RunUnprivileged(t) {
		return
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	err := CheckOutput(filepath.Join(ro, "a.md"), "ro/a.md", false)
	if err == nil || !strings.Contains(err.Error(), "cannot write ro/a.md: folder ro is not writable") {
		t.Errorf("error = %v", err)
	}
	// The same folder made writable passes: the check looks at permissions.
	if err := os.Chmod(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := CheckOutput(filepath.Join(ro, "a.md"), "ro/a.md", false); err != nil {
		t.Errorf("writable folder: %v", err)
	}
	assertNoProbe(t, ro)
}

// assertNoProbe fails when CheckOutput left its probe file in dir.
func assertNoProbe(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".moim-probe-") {
			t.Errorf("probe file left: %s", filepath.Join(dir, e.Name()))
		}
	}
}

func TestLockRepo(t *testing.T) {
	root := t.TempDir()
	ctx := context.Background()
	l1, err := LockRepo(ctx, root, 0)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(root, StateDir, ".gitignore")); err != nil || string(b) != "*\n" {
		t.Errorf(".gitignore = %q, %v", b, err)
	}
	_, err = LockRepo(ctx, root, 0)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second lock: %v", err)
	}
	if !strings.Contains(err.Error(), "pid ") || !strings.Contains(err.Error(), "another moim run") {
		t.Errorf("message does not name the holder: %v", err)
	}
	// A cancelled wait ends with the context's error.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := LockRepo(cctx, root, 10e9); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled wait: %v", err)
	}
	if err := l1.Unlock(); err != nil {
		t.Fatal(err)
	}
	l2, err := LockRepo(ctx, root, 0)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	if err := l2.Unlock(); err != nil {
		t.Fatal(err)
	}
}
