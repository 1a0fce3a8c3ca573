package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSkipOrFail runs a test that calls SkipOrFail in a child process:
// without CI it is skipped, with CI=true it fails.
func TestSkipOrFail(t *testing.T) {
	if os.Getenv("TESTUTIL_HELPER") == "1" {
		SkipOrFail(t, "the thing this test needs is missing")
		t.Fatal("SkipOrFail returned")
	}
	for _, c := range []struct{ ci, want string }{
		{"", "--- SKIP: TestSkipOrFail"},
		{"false", "--- SKIP: TestSkipOrFail"},
		{"true", "--- FAIL: TestSkipOrFail"},
		{"1", "--- FAIL: TestSkipOrFail"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSkipOrFail$", "-test.v")
		cmd.Env = Env(t, "TESTUTIL_HELPER=1", "CI="+c.ci)
		out, err := cmd.CombinedOutput()
		if !strings.Contains(string(out), c.want) || !strings.Contains(string(out), "the thing this test needs is missing") {
			t.Errorf("CI=%q: %v\n%s", c.ci, err, out)
		}
		if failed := err != nil; failed != strings.Contains(c.want, "FAIL") {
			t.Errorf("CI=%q: exit error %v", c.ci, err)
		}
	}
}

// TestEnv: only PATH, a fresh HOME, the dictionary cache and what the
// caller adds get through.
func TestEnv(t *testing.T) {
	t.Setenv("OPENAI_BASE_URL", "http://127.0.0.1:9")
	t.Setenv("MOIM_DEBUG", "1")
	env := Env(t, "NO_COLOR=1")
	got := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		got[k] = v
	}
	if got["PATH"] != os.Getenv("PATH") || got["NO_COLOR"] != "1" {
		t.Errorf("env = %q", env)
	}
	if _, ok := got["OPENAI_BASE_URL"]; ok {
		t.Errorf("the caller's OPENAI_BASE_URL got through: %q", env)
	}
	if _, ok := got["MOIM_DEBUG"]; ok {
		t.Errorf("the caller's MOIM_DEBUG got through: %q", env)
	}
	if d := got["MOIM_DICT_CACHE"]; d != "" && !filepath.IsAbs(d) && d != "off" {
		t.Errorf("MOIM_DICT_CACHE = %q, want the shared dictionary cache folder", d)
	}
	t.Setenv("MOIM_DICT_CACHE", "off")
	if e := Env(t); !slices.Contains(e, "MOIM_DICT_CACHE=off") {
		t.Errorf("the caller's MOIM_DICT_CACHE=off did not get through: %q", e)
	}
	if home := got["HOME"]; home == os.Getenv("HOME") || !filepath.IsAbs(home) {
		t.Errorf("HOME = %q, want a fresh temporary folder", home)
	} else if st, err := os.Stat(home); err != nil || !st.IsDir() {
		t.Errorf("HOME %s: %v", home, err)
	}
}

// TestModuleRoot finds this module's go.mod.
func TestModuleRoot(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(ModuleRoot(t), "go.mod"))
	if err != nil || !strings.HasPrefix(string(b), "module github.com/moim-study/moim\n") {
		t.Errorf("go.mod: %q, %v", b, err)
	}
}
