package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/moim-study/moim/internal/workspace"
	"github.com/moim-study/moim/internal/workspace/fixture"
)

// TestLsSuite runs `moim ls` and `moim ls --json` on every repository of
// the discovery suite and compares them with the expected listing and
// manifest (internal/workspace/testdata/discovery).
func TestLsSuite(t *testing.T) {
	repos, err := fixture.Load(filepath.Join("..", "workspace", "testdata", "discovery"))
	if err != nil || len(repos) < 15 {
		t.Fatalf("discovery suite: %d repositories, %v", len(repos), err)
	}
	for _, r := range repos {
		t.Run(r.Name, func(t *testing.T) {
			root := t.TempDir()
			if err := r.Write(root); err != nil {
				t.Fatal(err)
			}
			s, out, errOut := testIO()
			if code := Main(context.Background(), []string{"ls", "--repo", root}, s); code != ExitOK {
				t.Fatalf("moim ls: exit %d: %s", code, errOut)
			}
			if want := string(r.Section(fixture.WantList)); out.String() != want {
				t.Errorf("moim ls printed\n%s\nwant\n%s", out, want)
			}
			s, out, errOut = testIO()
			if code := Main(context.Background(), []string{"ls", "--json", "--repo", root}, s); code != ExitOK {
				t.Fatalf("moim ls --json: exit %d: %s", code, errOut)
			}
			var got, want workspace.Manifest
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if err := yaml.Unmarshal(r.Section(fixture.WantManifest), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(viaYAML(t, got), viaYAML(t, want)) {
				t.Errorf("moim ls --json = %s\nwant\n%s", out, r.Section(fixture.WantManifest))
			}
		})
	}
}

// viaYAML makes empty and missing lists compare equal.
func viaYAML(t *testing.T, m workspace.Manifest) workspace.Manifest {
	b, err := yaml.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var out workspace.Manifest
	if err := yaml.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// emptyRepo is a repository with files but no note.
func emptyRepo(t *testing.T) string {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "README.md"), []byte("# 스터디\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "docs"), 0o755)
	os.WriteFile(filepath.Join(root, "docs", "guide.md"), []byte("# 안내\n"), 0o644)
	return root
}

// TestNothingToDoExitCodes: on a repository without notes, ls, generate,
// check and site all exit 1 and say where moim looked; ls still lists what
// it skipped and why.
func TestNothingToDoExitCodes(t *testing.T) {
	root := emptyRepo(t)
	for _, args := range [][]string{
		{"ls", "--repo", root},
		{"generate", "--repo", root},
		{"check", "--repo", root},
		{"site", "--repo", root, "--out", filepath.Join(t.TempDir(), "site")},
	} {
		t.Run(args[0], func(t *testing.T) {
			s, out, errOut := testIO()
			if code := Main(context.Background(), args, s); code != ExitCheck {
				t.Fatalf("exit %d, want %d: %s", code, ExitCheck, errOut)
			}
			if args[0] == "ls" {
				if !strings.Contains(out.String(), "docs/guide.md") || !strings.Contains(out.String(), "not in a week") {
					t.Errorf("ls output lacks the skipped file and its reason:\n%s", out)
				}
				return
			}
			if !strings.Contains(errOut.String(), "moim ls") || strings.Contains(errOut.String(), "such as weeks/week01") {
				t.Errorf("stderr does not point to moim ls: %s", errOut)
			}
		})
	}
}

// tracksRepo holds two studies with the same week numbers.
func tracksRepo(t *testing.T) string {
	root := t.TempDir()
	for p, s := range map[string]string{
		"1. 책가/1회차/한서진.md": "# 가\n\n가 책의 **첫 장**을 읽었다.\n",
		"1. 책가/1회차/오태윤.md": "# 가\n\n가 책의 **첫 장** 정리다.\n",
		"1. 책가/2회차/한서진.md": "# 가2\n\n가 책의 **둘째 장**이다.\n",
		"2. 책나/1회차/한서진.md": "# 나\n\n나 책의 **첫 장**이다.\n",
		"2. 책나/1회차/오태윤.md": "# 나\n\n나 책의 **서문**이다.\n",
	} {
		full := filepath.Join(root, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestGenerateTracks: every track gets its own documents; --track narrows
// to one; --week N is week N of each track; check names the track.
func TestGenerateTracks(t *testing.T) {
	root := tracksRepo(t)
	s, _, errOut := testIO()
	if code := Main(context.Background(), []string{"generate", "--repo", root, "--week", "1", "--track", "2. 책나"}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(root, "2. 책나", "1회차", "ai-insights.md")); err != nil {
		t.Errorf("no document for 2. 책나 week 1: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "1. 책가", "1회차", "ai-insights.md")); err == nil {
		t.Error("--track 2. 책나 wrote a document of 1. 책가")
	}
	if !strings.Contains(errOut.String(), "week 1 of 2. 책나: wrote") {
		t.Errorf("stderr = %s", errOut)
	}

	s, out, errOut := testIO()
	if code := Main(context.Background(), []string{"check", "--repo", root}, s); code != ExitCheck {
		t.Fatalf("check: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"week 1 of 2. 책나: fresh", "week 1 of 1. 책가: missing", "week 2 of 1. 책가: missing"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}

	s, _, errOut = testIO()
	if code := Main(context.Background(), []string{"generate", "--repo", root, "--all"}, s); code != ExitOK {
		t.Fatalf("--all: exit %d: %s", code, errOut)
	}
	for _, p := range []string{"1. 책가/1회차", "1. 책가/2회차", "2. 책나/1회차"} {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p), "ai-insights.md"))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if p == "2. 책나/1회차" && (strings.Contains(string(b), "가 책") || !strings.Contains(string(b), "오태윤")) {
			t.Errorf("%s mixes the studies or lacks a member:\n%s", p, b)
		}
	}

	s, _, errOut = testIO()
	if code := Main(context.Background(), []string{"generate", "--repo", root, "--track", "3. 없음"}, s); code != ExitInput || !strings.Contains(errOut.String(), "no such track") {
		t.Errorf("unknown track: exit %d: %s", code, errOut)
	}
}

// TestInitWritesTracks: init on a repository with two studies writes
// tracks:, and generate reads them back.
func TestInitWritesTracks(t *testing.T) {
	root := tracksRepo(t)
	s, _, errOut := testIO()
	if code := Main(context.Background(), []string{"init", "--repo", root}, s); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	b, _ := os.ReadFile(filepath.Join(root, "moim.yaml"))
	for _, want := range []string{"tracks:", "name: 1. 책가", "layout: 1. 책가/{week}회차/{member}.md", "name: 2. 책나"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("moim.yaml lacks %q:\n%s", want, b)
		}
	}
	if !strings.Contains(errOut.String(), "tracks:   2 studies") {
		t.Errorf("init summary: %s", errOut)
	}
	s, out, errOut := testIO()
	if code := Main(context.Background(), []string{"ls", "--repo", root}, s); code != ExitOK || !strings.Contains(out.String(), "track 2. 책나") {
		t.Errorf("ls after init: exit %d\n%s%s", code, out, errOut)
	}
}
