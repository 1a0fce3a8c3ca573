package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/ci"
)

func TestInitCIWritesTheWorkflowOnce(t *testing.T) {
	repo := webRepo(t)
	if out, err := exec.Command("git", "init", "-q", "-b", "trunk", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	s, _, errOut := testIO()
	if code := Main(context.Background(), []string{"init", "--repo", repo, "--ci", "github", "--recipe", "site,check"}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	path := filepath.Join(repo, ".github", "workflows", "moim.yml")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := ci.Workflow(ci.Options{Recipes: []ci.Recipe{ci.Check, ci.Site}, Branch: "trunk", Ref: "main"})
	if string(got) != string(want) {
		t.Errorf("workflow differs from ci.Workflow for check+site on trunk:\n%s", got)
	}
	for _, w := range []string{"wrote .github/workflows/moim.yml (check, site)", "Settings → Pages", "wrote " + filepath.Join(repo, "moim.yaml")} {
		if !strings.Contains(errOut.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}

	// Never overwritten: a person's edits to the workflow stay.
	edited := append(got, []byte("# edited by a person\n")...)
	os.WriteFile(path, edited, 0o644)
	s, _, errOut = testIO()
	if code := Main(context.Background(), []string{"init", "--repo", repo, "--ci", "github", "--force"}, s); code != ExitInput {
		t.Fatalf("exit %d, want %d for an existing workflow: %s", code, ExitInput, errOut)
	}
	if !strings.Contains(errOut.String(), "moim never overwrites it") {
		t.Errorf("stderr: %s", errOut)
	}
	if b, _ := os.ReadFile(path); string(b) != string(edited) {
		t.Error("the existing workflow was changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left files beside the workflow: %v", entries)
	}
}

func TestInitCIInASubfolderKeepsMoimYAML(t *testing.T) {
	top := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", "-b", "main", top).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	repo := filepath.Join(top, "studies", "ml")
	os.MkdirAll(filepath.Join(repo, "weeks", "week01"), 0o755)
	os.WriteFile(filepath.Join(repo, "weeks", "week01", "한가람.md"), []byte("# 노트\n\n임베딩은 벡터다.\n"), 0o644)
	yml := "version: 1\nengine:\n  name: anthropic\n  api_key_env: STUDY_KEY\n"
	os.WriteFile(filepath.Join(repo, "moim.yaml"), []byte(yml), 0o644)

	s, _, errOut := testIO()
	if code := Main(context.Background(), []string{"init", "--repo", repo, "--ci", "github", "--recipe", "generate"}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(filepath.Join(top, ".github", "workflows", "moim.yml"))
	if err != nil {
		t.Fatalf("the workflow is not at the git root: %v", err)
	}
	for _, w := range []string{"repo: studies/ml", "STUDY_KEY: ${{ secrets.STUDY_KEY }}", "changes: commit"} {
		if !strings.Contains(string(got), w) {
			t.Errorf("workflow lacks %q:\n%s", w, got)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "moim.yaml")); string(b) != yml {
		t.Error("moim.yaml was rewritten without --force")
	}
	if !strings.Contains(errOut.String(), "kept "+filepath.Join(repo, "moim.yaml")) || !strings.Contains(errOut.String(), "repository secret STUDY_KEY") {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestInitCIErrors(t *testing.T) {
	repo := webRepo(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--ci", "gitlab"}, `--ci "gitlab": the only CI`},
		{[]string{"--ci", "github", "--recipe", "deploy"}, `unknown recipe "deploy"`},
		{[]string{"--ci", "github", "--recipe", "generate,generate-pr"}, "exclude each other"},
	} {
		s, _, errOut := testIO()
		args := append([]string{"init", "--repo", repo}, c.args...)
		if code := Main(context.Background(), args, s); code != ExitInput || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, ExitInput, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(repo, ".github")); err == nil {
		t.Error("a failed init wrote .github")
	}
}

func TestDefaultBranchAndActionRef(t *testing.T) {
	top := t.TempDir()
	os.MkdirAll(filepath.Join(top, ".git", "refs", "remotes", "origin"), 0o755)
	os.WriteFile(filepath.Join(top, ".git", "HEAD"), []byte("ref: refs/heads/feature/x\n"), 0o644)
	if got := defaultBranch(top); got != "feature/x" {
		t.Errorf("checked-out branch: %q", got)
	}
	os.WriteFile(filepath.Join(top, ".git", "refs", "remotes", "origin", "HEAD"), []byte("ref: refs/remotes/origin/master\n"), 0o644)
	if got := defaultBranch(top); got != "master" {
		t.Errorf("origin's default branch: %q", got)
	}
	if got := defaultBranch(""); got != "main" {
		t.Errorf("no git: %q", got)
	}
	for v, want := range map[string]string{"v1.4.0": "v1.4.0", "dev": "main", "v0.0.0-20250101-abcdef": "main", "1.4.0": "main"} {
		if got := actionRef(v); got != want {
			t.Errorf("actionRef(%q) = %q, want %q", v, got, want)
		}
	}
}
