package fsutil

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ai-insights.md")
	if err := os.WriteFile(p, []byte("이전 문서\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("새 문서\n")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "새 문서\n" || runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v", b, st.Mode())
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}

	// A link is followed: the file it points to is replaced, the link stays.
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(p, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := WriteFileAtomic(link, []byte("링크로 쓴 문서\n")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if b, _ := os.ReadFile(p); string(b) != "링크로 쓴 문서\n" {
		t.Errorf("target = %q", b)
	}
}

func TestWriteFileAtomicFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.md")
	os.WriteFile(p, []byte("old"), 0o644)
	// A folder where the temporary file's folder should be: nothing written.
	err := WriteFileAtomic(filepath.Join(p, "x.md"), []byte("new"))
	if err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("old file changed: %q", b)
	}
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "README.md")
	os.WriteFile(file, []byte("x"), 0o644)
	sub := filepath.Join(dir, "weeks")
	os.Mkdir(sub, 0o755)
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
		}{"a device", os.DevNull, false, "not a regular file"})
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
	if _, err := os.Stat(filepath.Join(dir, "weeks", "week09")); err == nil {
		t.Error("CheckOutput created a folder")
	}
}

func TestCheckOutputReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a user that permissions apply to")
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	err := CheckOutput(filepath.Join(ro, "a.md"), "ro/a.md", false)
	if err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Errorf("error = %v", err)
	}
}

func TestLockRepo(t *testing.T) {
	root := t.TempDir()
	ctx := context.Background()
	l1, err := LockRepo(ctx, root, 0)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, StateDir, ".gitignore")); string(b) != "*\n" {
		t.Errorf(".gitignore = %q", b)
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
	l2.Unlock()
}
