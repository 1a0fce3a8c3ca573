//go:build unix

package testutil

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// childEnv marks the process RunUnprivileged starts.
const childEnv = "MOIM_TESTUTIL_UNPRIVILEGED"

func platformEnv(home string) []string { return nil }

// unprivileged is the user root drops to: nobody.
func unprivileged(t testing.TB) (uid, gid uint32) {
	t.Helper()
	uid, gid = 65534, 65534
	if u, err := user.Lookup("nobody"); err == nil {
		if n, err := strconv.ParseUint(u.Uid, 10, 32); err == nil {
			uid = uint32(n)
		}
		if n, err := strconv.ParseUint(u.Gid, 10, 32); err == nil {
			gid = uint32(n)
		}
	}
	return uid, gid
}

// RunUnprivileged makes the calling test run as a user that file
// permissions apply to. Run as such a user it returns false and the test
// goes on. Run as root (how CI runs) it runs the same test again in a
// child process as the user nobody, reports the child's result as the
// test's own and returns true: the caller then returns at once.
//
//	if testutil.RunUnprivileged(t) {
//		return
//	}
func RunUnprivileged(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return false
	}
	if os.Getenv(childEnv) != "" {
		t.Fatal("testutil: the child process still runs as root")
	}
	uid, _ := unprivileged(t)
	// The test binary lives in a folder only root may enter: copy it.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, filepath.Base(exe))
	if err := copyFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	Share(t, dir)
	var pattern []string
	for _, part := range strings.Split(t.Name(), "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.Command(bin, "-test.run="+strings.Join(pattern, "/"), "-test.count=1", "-test.v")
	cmd.Env = Env(t, childEnv+"=1", "CI="+os.Getenv("CI"))
	Unprivileged(t, cmd)
	out, err := cmd.CombinedOutput()
	t.Logf("ran as uid %d in a child process:\n%s", uid, out)
	switch {
	case err != nil:
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			SkipOrFail(t, "cannot run the test as uid %d: %v", uid, err)
			return true
		}
		t.Fatalf("the test failed as uid %d: %v", uid, err)
	case strings.Contains(string(out), "--- SKIP: "+t.Name()):
		SkipOrFail(t, "the test skipped as uid %d", uid)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Fatalf("the child process as uid %d did not run the test", uid)
	}
	return true
}

// Unprivileged makes cmd run as a user that file permissions apply to: as
// itself when the test does not run as root, as nobody when it does. It
// hands dirs (the folders cmd works in, and its HOME) to that user (see
// Share).
func Unprivileged(t testing.TB, cmd *exec.Cmd, dirs ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	uid, gid := unprivileged(t)
	for _, kv := range cmd.Env {
		if home, ok := strings.CutPrefix(kv, "HOME="); ok {
			dirs = append(dirs, home)
		}
	}
	for _, d := range dirs {
		Share(t, d)
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uid, Gid: gid, Groups: []uint32{}}
}

// Share gives the tree at dir to the unprivileged user when the test runs
// as root, and opens the folders above it that tests created (under the
// temporary folder) for that user to pass through. It does nothing for
// other users.
func Share(t testing.TB, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	uid, gid := unprivileged(t)
	err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, int(uid), int(gid))
	})
	if err != nil {
		t.Fatal(err)
	}
	tmp, err := filepath.EvalSymlinks(os.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	for p := filepath.Dir(abs); strings.HasPrefix(p, tmp+string(filepath.Separator)); p = filepath.Dir(p) {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm()&0o001 == 0 {
			if err := os.Chmod(p, st.Mode().Perm()|0o011); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func copyFile(src, dst string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
