package ci

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/moim-study/moim/internal/testutil"
)

// repoRoot is this repository's root, where action.yml is.
const repoRoot = "../.."

// tool finds a linter on PATH. Without it the test is skipped, except in
// CI (CI=true), where .ci/run installs it and its absence is a failure.
func tool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		testutil.SkipOrFail(t, "%s is not installed (%s; .ci/run installs it)", name, install)
	}
	return p
}

// ActionlintInstall is how .ci/run installs the pinned actionlint.
const actionlintInstall = "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// TestActionlint runs actionlint (with shellcheck on every run: script)
// over the action, every workflow `moim init --ci github` can write, and
// this repository's own workflows.
//
// actionlint reads workflows only, so the action is checked twice: its
// steps, inputs and outputs as a reusable workflow (expressions, contexts,
// step ids, the scripts), and through the generated workflows, in which
// moim-study/moim@REF is replaced by the local action "./" so that
// actionlint checks each `with:` against action.yml's inputs.
func TestActionlint(t *testing.T) {
	actionlint := tool(t, "actionlint", actionlintInstall)
	shellcheck := tool(t, "shellcheck", "apt-get install shellcheck")

	dir, wf := lintDir(t)
	action, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(wf, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "action.yml"), action, 0o644); err != nil {
		t.Fatal(err)
	}
	asWorkflow, err := actionAsWorkflow(action)
	if err != nil {
		t.Fatal(err)
	}
	write("action-steps.yml", asWorkflow)

	n := 0
	for _, rs := range combos() {
		for _, key := range []string{"", "OPENAI_API_KEY"} {
			b, err := Workflow(Options{Recipes: rs, Repo: "study", APIKeyEnv: key})
			if err != nil {
				t.Fatal(err)
			}
			local := strings.ReplaceAll(string(b), MoimAction+"@main", "./")
			if local == string(b) {
				t.Fatalf("%v: the workflow does not use %s@main", rs, MoimAction)
			}
			write(fmt.Sprintf("moim-%s-%d.yml", strings.Join(names(rs), "+"), len(key)), []byte(local))
			n++
		}
	}
	own, _ := filepath.Glob(filepath.Join(repoRoot, ".github", "workflows", "*.yml"))
	if len(own) == 0 {
		t.Fatal("no workflows in .github/workflows")
	}
	for _, p := range own {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		write("own-"+filepath.Base(p), b)
	}

	cmd := exec.Command(actionlint, "-shellcheck", shellcheck, "-no-color")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("actionlint: %v\n%s\n--- action.yml as a workflow ---\n%s", err, out, asWorkflow)
	}
	t.Logf("actionlint and shellcheck passed on action.yml, %d generated workflows and %d of this repository's", n, len(own))
}

// TestActionlintCatchesMistakes shows that the lint above can fail: a
// workflow passing an input action.yml lacks, and an action step reading
// an input that does not exist, are both reported.
func TestActionlintCatchesMistakes(t *testing.T) {
	actionlint := tool(t, "actionlint", actionlintInstall)
	dir, wf := lintDir(t)
	action, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "action.yml"), action, 0o644)
	b, _ := Workflow(Options{Recipes: []Recipe{Check}})
	bad := strings.ReplaceAll(string(b), MoimAction+"@main", "./")
	bad = strings.Replace(bad, "command: check", "command: check\n          weeek: 3", 1)
	os.WriteFile(filepath.Join(wf, "typo.yml"), []byte(bad), 0o644)
	broken := strings.Replace(string(action), "${{ inputs.weeks }}", "${{ inputs.weekz }}", 1)
	asWorkflow, err := actionAsWorkflow([]byte(broken))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(wf, "action-steps.yml"), asWorkflow, 0o644)

	cmd := exec.Command(actionlint, "-shellcheck=", "-no-color")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("actionlint passed broken files:\n%s", out)
	}
	for _, want := range []string{`input "weeek" is not defined`, `property "weekz" is not defined`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("actionlint did not report %q:\n%s", want, out)
		}
	}
}

// lintDir makes a git repository for actionlint (which looks for the
// project's root) and returns it with its workflows folder.
func lintDir(t *testing.T) (dir, workflows string) {
	t.Helper()
	dir = t.TempDir()
	workflows = filepath.Join(dir, ".github", "workflows")
	if err := os.MkdirAll(workflows, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	return dir, workflows
}

// actionAsWorkflow turns a composite action into a reusable workflow with
// the same inputs, outputs and steps, which actionlint can check.
func actionAsWorkflow(action []byte) ([]byte, error) {
	a, err := parseAction(action)
	if err != nil {
		return nil, err
	}
	type input struct {
		Description string `yaml:"description"`
		Type        string `yaml:"type"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default,omitempty"`
	}
	type output struct {
		Value string `yaml:"value"`
	}
	inputs := map[string]input{}
	for name, in := range a.Inputs {
		def := in.Default
		if strings.Contains(def, "${{") {
			def = "" // expressions are not allowed in a workflow input's default
		}
		inputs[name] = input{Description: in.Description, Type: "string", Default: def}
	}
	jobOutputs := map[string]string{}
	wfOutputs := map[string]output{}
	for name, out := range a.Outputs {
		jobOutputs[name] = out.Value
		wfOutputs[name] = output{Value: "${{ jobs.action.outputs." + name + " }}"}
	}
	w := map[string]any{
		"name": "action.yml's steps",
		"on": map[string]any{"workflow_call": map[string]any{
			"inputs":  inputs,
			"outputs": wfOutputs,
		}},
		"jobs": map[string]any{"action": map[string]any{
			"runs-on": "ubuntu-latest",
			"outputs": jobOutputs,
			"steps":   &a.Runs.Steps,
		}},
	}
	return yaml.Marshal(w)
}
