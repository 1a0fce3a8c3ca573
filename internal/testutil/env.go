package testutil

// What tests need from the machine they run on: the reference corpus
// beside the repository (../shared), a headless Chromium, symbolic links,
// a user that file permissions apply to (user_unix.go), and a minimal
// environment for the processes tests start.
//
// Outside CI a missing requirement skips the test that needs it. In CI
// (CI=true, as .ci/run sets) it fails the test instead, so that a run
// never turns green by skipping what it was meant to check.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// CI reports whether the tests run in CI: CI=true (or 1).
func CI() bool {
	ok, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && ok
}

// SkipOrFail skips the test, or fails it in CI.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if CI() {
		t.Fatalf("%s (CI=true: this must not be skipped in CI)", msg)
	}
	t.Skip(msg)
}

// Shared returns the shared data folder beside the repository
// (../shared from the module root), skipping the test — or failing it in
// CI — when it is absent.
func Shared(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(filepath.Dir(ModuleRoot(t)), "shared")
	if _, err := os.Stat(dir); err != nil {
		SkipOrFail(t, "reference data not present (%s): %v", dir, err)
	}
	return dir
}

// Corpus returns path (slash-separated) inside ../shared/corpus, the
// reference corpus, skipping the test — or failing it in CI — when it is
// absent. The corpus is evaluation data: tests read it, never copy it.
func Corpus(t testing.TB, path string) string {
	t.Helper()
	p := filepath.Join(Shared(t), "corpus", filepath.FromSlash(path))
	if _, err := os.Stat(p); err != nil {
		SkipOrFail(t, "reference corpus not present: %v", err)
	}
	return p
}

// Chromium returns the headless browser for browser tests, skipping the
// test — or failing it in CI — when there is none.
func Chromium(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	SkipOrFail(t, "no chromium binary found (apt-get install chromium)")
	return ""
}

// Env is the whole environment of a process a test starts: PATH, HOME in
// a fresh temporary folder, MOIM_DICT_CACHE, and extra ("NAME=value").
// Nothing else of the caller's environment gets through, so settings such
// as OPENAI_BASE_URL, MOIM_CACHE_DIR or MOIM_DEBUG in the shell that runs
// go test cannot change a test's result.
//
// MOIM_DICT_CACHE is the caller's, else the user's moim/dict cache folder:
// every moim a test starts shares one pre-decoded copy of the dictionary
// instead of writing its own 60 MB into its fresh HOME. The copy is checked
// and its tables are those of the embedded dictionary, so it changes how
// fast a run is, never what it writes.
func Env(t testing.TB, extra ...string) []string {
	t.Helper()
	home := t.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home}
	if dir := dictCache(); dir != "" {
		env = append(env, "MOIM_DICT_CACHE="+dir)
	}
	env = append(env, platformEnv(home)...)
	return append(env, extra...)
}

// dictCache is the dictionary cache folder processes started by tests
// share (see Env), "" for none.
func dictCache() string {
	if dir := os.Getenv("MOIM_DICT_CACHE"); dir != "" {
		return dir
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "moim", "dict")
}

// Symlink makes newname a symbolic link to oldname. Where links need a
// privilege the test lacks (Windows) the test is skipped, or fails in CI;
// anywhere else a failure fails the test.
func Symlink(t testing.TB, oldname, newname string) {
	t.Helper()
	if err := os.Symlink(oldname, newname); err != nil {
		if runtime.GOOS == "windows" {
			SkipOrFail(t, "symbolic links: %v", err)
		}
		t.Fatal(err)
	}
}
