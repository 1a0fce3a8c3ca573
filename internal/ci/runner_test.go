package ci

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// This file runs action.yml's steps the way the GitHub Actions runner runs
// a composite action's steps, closely enough to test them on this machine:
//
//   - `run:` steps go to `bash --noprofile --norc -eo pipefail FILE` (the
//     runner's `shell: bash`), in GITHUB_WORKSPACE, with the step's `env:`;
//   - ${{ inputs.X }}, ${{ github.X }} and ${{ steps.ID.outputs.X }} are
//     replaced as the runner does; any other expression fails the test, so
//     the action cannot start using something this runner fakes wrongly;
//   - each step gets fresh GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH and
//     GITHUB_STEP_SUMMARY files; outputs, env and path are read back after
//     the step (both `k=v` and `k<<DELIM` forms) as the runner does;
//   - the first failing step ends the action with its exit code;
//   - a `uses:` step is not run: the only one allowed is actions/setup-go,
//     whose job (Go on PATH, module and build cache) this machine does.

// actionStep is one step of action.yml.
type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

// actionFile is action.yml; the steps stay a YAML node so that they can
// also be copied verbatim into a workflow (lint_test.go).
type actionFile struct {
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string    `yaml:"using"`
		Steps yaml.Node `yaml:"steps"`
	} `yaml:"runs"`
}

// parseAction reads a composite action's metadata.
func parseAction(b []byte) (*actionFile, error) {
	var a actionFile
	if err := yaml.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("action.yml: %w", err)
	}
	if a.Runs.Using != "composite" {
		return nil, fmt.Errorf("action.yml: runs.using is %q, want composite", a.Runs.Using)
	}
	return &a, nil
}

// event is what triggered the workflow, as the runner's GITHUB_* variables.
type event struct {
	Name    string // GITHUB_EVENT_NAME: push, pull_request, ...
	Ref     string // GITHUB_REF: refs/heads/main
	RefName string // GITHUB_REF_NAME: main
}

var pushToMain = event{Name: "push", Ref: "refs/heads/main", RefName: "main"}

// actionRun is the result of running the action once.
type actionRun struct {
	code    int               // exit code of the failing step, 0 when all passed
	failed  string            // name of the failing step
	summary string            // the step summaries, in order (the job's summary)
	outputs map[string]string // the action's outputs
	log     string            // stdout and stderr of every step
}

var (
	runnerTempOnce sync.Once
	runnerTempDir  string
)

// TestMain removes the shared RUNNER_TEMP after the tests: each run of the
// package's tests made one (about 128 MB with the linked moim) and left it
// in the system's temporary directory.
func TestMain(m *testing.M) {
	code := m.Run()
	if runnerTempDir != "" {
		os.RemoveAll(runnerTempDir)
	}
	os.Exit(code)
}

// runnerTemp is RUNNER_TEMP, shared by the runs of this test binary so
// that the "Build moim" step links moim once (go build keeps an up-to-date
// binary). TestMain removes it.
func runnerTemp(t *testing.T) string {
	runnerTempOnce.Do(func() {
		d, err := os.MkdirTemp("", "moim-runner-")
		if err != nil {
			t.Fatal(err)
		}
		runnerTempDir = d
	})
	return runnerTempDir
}

// runAction runs action.yml's steps in workspace with the given inputs
// (the workflow's `with:`), step env (the workflow step's `env:`), event
// and extra PATH entries (fake tools such as gh).
func runAction(t *testing.T, workspace string, with, stepEnv map[string]string, ev event, pathPrepend ...string) actionRun {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := parseAction(b)
	if err != nil {
		t.Fatal(err)
	}
	var steps []actionStep
	if err := a.Runs.Steps.Decode(&steps); err != nil {
		t.Fatal(err)
	}
	actionPath, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for name := range with {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("input %q is not in action.yml", name)
		}
	}

	temp := runnerTemp(t)
	stepsDir := t.TempDir()
	github := map[string]string{
		"action_path": actionPath,
		"action_ref":  "test",
		"token":       "test-token-not-a-secret",
	}
	outputs := map[string]map[string]string{} // step id → outputs
	var eval func(s, what string) string
	inputs := map[string]string{}
	eval = func(s, what string) string {
		return exprRE.ReplaceAllStringFunc(s, func(m string) string {
			expr := strings.TrimSpace(exprRE.FindStringSubmatch(m)[1])
			switch parts := strings.Split(expr, "."); {
			case len(parts) == 2 && parts[0] == "inputs":
				v, ok := inputs[parts[1]]
				if !ok {
					t.Fatalf("%s: ${{ %s }}: no such input", what, expr)
				}
				return v
			case len(parts) == 2 && parts[0] == "github":
				v, ok := github[parts[1]]
				if !ok {
					t.Fatalf("%s: ${{ %s }}: this test's runner does not provide it", what, expr)
				}
				return v
			case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
				return outputs[parts[1]][parts[3]]
			default:
				t.Fatalf("%s: ${{ %s }}: an expression this test's runner does not evaluate; extend runner_test.go", what, expr)
				return ""
			}
		})
	}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
	}
	for name := range a.Inputs {
		inputs[name] = eval(inputs[name], "default of input "+name)
	}
	for name, v := range with {
		inputs[name] = v
	}

	// The runner's environment: this machine's (Go, git, HOME) without
	// anything GitHub- or LLM-specific, then the runner's variables.
	base := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GITHUB_") || strings.HasPrefix(k, "INPUT_") || strings.HasPrefix(k, "RUNNER_") ||
			strings.HasPrefix(k, "OPENAI_") || strings.HasPrefix(k, "ANTHROPIC_") || strings.HasPrefix(k, "GIT_") || k == "MOIM_CACHE_DIR" {
			continue
		}
		base[k] = v
	}
	// A runner's HOME has no git identity; Go keeps its caches (setup-go's).
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		out, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Fatal(err)
		}
		base[k] = strings.TrimSpace(string(out))
	}
	base["HOME"] = filepath.Join(stepsDir, "home")
	os.MkdirAll(base["HOME"], 0o755)
	base["GIT_CONFIG_NOSYSTEM"] = "1"
	for k, v := range map[string]string{
		"CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux", "RUNNER_TEMP": temp,
		"GITHUB_WORKSPACE": workspace, "GITHUB_ACTION_PATH": actionPath, "GITHUB_REPOSITORY": "study-group/ml-study",
		"GITHUB_EVENT_NAME": ev.Name, "GITHUB_REF": ev.Ref, "GITHUB_REF_NAME": ev.RefName, "GITHUB_REF_TYPE": "branch",
		"MOIM_CACHE_DIR": filepath.Join(stepsDir, "cache"),
	} {
		base[k] = v
	}
	for k, v := range stepEnv {
		base[k] = v
	}
	path := append(append([]string{}, pathPrepend...), base["PATH"])

	var res actionRun
	var log bytes.Buffer
	for i, st := range steps {
		what := fmt.Sprintf("step %d (%s)", i+1, st.Name)
		if st.If != "" {
			t.Fatalf("%s: if: is not evaluated by this test's runner; branch inside the script instead", what)
		}
		if st.Uses != "" {
			if !strings.HasPrefix(st.Uses, "actions/setup-go@") {
				t.Fatalf("%s: uses %s, which this test cannot stand in for", what, st.Uses)
			}
			for k, v := range st.With {
				eval(v, what+" with."+k) // its expressions must be valid all the same
			}
			continue
		}
		if st.Shell != "bash" {
			t.Fatalf("%s: shell %q; the action's scripts are bash", what, st.Shell)
		}
		dir := filepath.Join(stepsDir, fmt.Sprint(i))
		os.MkdirAll(dir, 0o755)
		files := map[string]string{}
		for _, f := range []string{"GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"} {
			files[f] = filepath.Join(dir, strings.ToLower(f))
			os.WriteFile(files[f], nil, 0o644)
		}
		script := filepath.Join(dir, "script.sh")
		if err := os.WriteFile(script, []byte(eval(st.Run, what+" run")), 0o644); err != nil {
			t.Fatal(err)
		}
		env := map[string]string{}
		for k, v := range base {
			env[k] = v
		}
		for k, v := range files {
			env[k] = v
		}
		env["PATH"] = strings.Join(path, string(os.PathListSeparator))
		for k, v := range st.Env {
			env[k] = eval(v, what+" env."+k)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		fmt.Fprintf(&log, "##[step] %s\n", what)
		cmd.Stdout, cmd.Stderr = &log, &log
		err := cmd.Run()

		summary, _ := os.ReadFile(files["GITHUB_STEP_SUMMARY"])
		res.summary += string(summary)
		if st.ID != "" {
			outputs[st.ID] = readKV(t, files["GITHUB_OUTPUT"])
		}
		for k, v := range readKV(t, files["GITHUB_ENV"]) {
			base[k] = v
		}
		if added, _ := os.ReadFile(files["GITHUB_PATH"]); len(added) > 0 {
			for _, p := range strings.Split(strings.TrimSpace(string(added)), "\n") {
				path = append([]string{p}, path...)
			}
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			res.code, res.failed = ee.ExitCode(), st.Name
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	res.outputs = map[string]string{}
	for name, out := range a.Outputs {
		res.outputs[name] = eval(out.Value, "output "+name)
	}
	res.log = log.String()
	return res
}

var exprRE = regexp.MustCompile(`\$\{\{(.*?)\}\}`)

// readKV reads a GITHUB_OUTPUT or GITHUB_ENV file: `key=value` lines and
// `key<<DELIMITER` blocks.
func readKV(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if k, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(k, "=") {
			var val []string
			closed := false
			for sc.Scan() {
				if sc.Text() == delim {
					closed = true
					break
				}
				val = append(val, sc.Text())
			}
			if !closed {
				t.Fatalf("%s: %s<<%s is never closed", path, k, delim)
			}
			out[k] = strings.Join(val, "\n")
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: line %q is neither key=value nor key<<DELIMITER", path, line)
		}
		out[k] = v
	}
	return out
}
