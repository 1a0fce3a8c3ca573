//go:build !unix

package testutil

import (
	"os"
	"os/exec"
	"testing"
)

func platformEnv(home string) []string {
	env := []string{"USERPROFILE=" + home, "LOCALAPPDATA=" + home, "APPDATA=" + home}
	for _, k := range []string{"SYSTEMROOT", "TEMP", "TMP"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// RunUnprivileged skips (or fails in CI) the test: file permissions as
// tests set them do not apply here.
func RunUnprivileged(t *testing.T) bool {
	t.Helper()
	SkipOrFail(t, "unix permissions do not apply on this system")
	return true
}

// Unprivileged skips (or fails in CI) the test: file permissions as tests
// set them do not apply here.
func Unprivileged(t testing.TB, cmd *exec.Cmd, dirs ...string) {
	t.Helper()
	SkipOrFail(t, "unix permissions do not apply on this system")
}

// Share does nothing here.
func Share(t testing.TB, dir string) {}
