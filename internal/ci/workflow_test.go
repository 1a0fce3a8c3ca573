package ci

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/moim-study/moim/internal/testutil"
)

// combos are every workflow `moim init --ci github` can write: each
// non-empty set of recipes without both generate recipes.
func combos() [][]Recipe {
	var out [][]Recipe
	all := Recipes()
	for mask := 1; mask < 1<<len(all); mask++ {
		var rs []Recipe
		for i, r := range all {
			if mask&(1<<i) != 0 {
				rs = append(rs, r)
			}
		}
		if _, err := ParseRecipes(names(rs)); err == nil {
			out = append(out, rs)
		}
	}
	return out
}

func TestCombos(t *testing.T) {
	// 4 recipes, generate and generate-pr exclusive: 3*2*2 - 1 = 11 sets.
	if n := len(combos()); n != 11 {
		t.Fatalf("%d recipe sets, want 11", n)
	}
}

func TestParseRecipes(t *testing.T) {
	got, err := ParseRecipes([]string{"site, check", "check"})
	if err != nil || strings.Join(names(got), ",") != "check,site" {
		t.Errorf("ParseRecipes = %v, %v; want check,site in job order without duplicates", got, err)
	}
	for _, bad := range [][]string{{"deploy"}, {"generate,generate-pr"}, {""}, nil} {
		if _, err := ParseRecipes(bad); err == nil {
			t.Errorf("ParseRecipes(%q) accepted", bad)
		}
	}
}

// workflow is the part of a workflow file the tests look at.
type workflow struct {
	On          map[string]any `yaml:"on"`
	Permissions map[string]string
	Jobs        map[string]struct {
		If          string            `yaml:"if"`
		Needs       any               `yaml:"needs"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		}
	}
}

func parse(t *testing.T, b []byte) workflow {
	t.Helper()
	var w workflow
	if err := yaml.Unmarshal(b, &w); err != nil {
		t.Fatalf("not YAML: %v\n%s", err, b)
	}
	return w
}

func TestWorkflowJobsFollowRecipes(t *testing.T) {
	for _, rs := range combos() {
		t.Run(strings.Join(names(rs), "+"), func(t *testing.T) {
			b, err := Workflow(Options{Recipes: rs, Branch: "master", Ref: "v1.2.3"})
			if err != nil {
				t.Fatal(err)
			}
			w := parse(t, b)
			has := map[Recipe]bool{}
			for _, r := range rs {
				has[r] = true
			}
			gen := has[Generate] || has[GeneratePR]
			if _, ok := w.Jobs["check"]; ok != has[Check] {
				t.Errorf("check job present %v", ok)
			}
			if _, ok := w.Jobs["generate"]; ok != gen {
				t.Errorf("generate job present %v", ok)
			}
			if _, ok := w.Jobs["deploy"]; ok != has[Site] {
				t.Errorf("deploy job present %v", ok)
			}
			if _, ok := w.On["pull_request"]; ok != has[Check] {
				t.Errorf("pull_request trigger %v", ok)
			}
			if _, ok := w.On["push"]; ok != (gen || has[Site]) {
				t.Errorf("push trigger %v", ok)
			} else if ok && !strings.Contains(string(b), "branches: [master]") {
				t.Error("push does not watch the default branch")
			}
			if w.Permissions["contents"] != "read" {
				t.Errorf("workflow permissions %v, want contents: read", w.Permissions)
			}
			for name, job := range w.Jobs {
				for _, st := range job.Steps {
					if st.Uses == "" {
						continue
					}
					if strings.HasPrefix(st.Uses, MoimAction+"@") {
						if st.Uses != MoimAction+"@v1.2.3" {
							t.Errorf("%s: uses %s, want the given ref", name, st.Uses)
						}
						continue
					}
					// Every other action is pinned to a full commit.
					_, ref, _ := strings.Cut(st.Uses, "@")
					if len(ref) != 40 {
						t.Errorf("%s: %s is not pinned to a commit", name, st.Uses)
					}
				}
				// Jobs share the push and pull_request triggers only behind an if.
				if has[Check] && len(w.Jobs) > 1 && name != "deploy" && job.If == "" {
					t.Errorf("%s: runs on every event of a combined workflow", name)
				}
			}
			if gen {
				job := w.Jobs["generate"]
				want := "commit"
				if has[GeneratePR] {
					want = "pull-request"
					if job.Permissions["pull-requests"] != "write" {
						t.Error("generate-pr cannot open a pull request")
					}
				}
				if job.Permissions["contents"] != "write" {
					t.Error("generate cannot push")
				}
				if got := job.Steps[1].With["changes"]; got != want {
					t.Errorf("changes: %s, want %s", got, want)
				}
			}
		})
	}
}

func TestWorkflowOptions(t *testing.T) {
	b, err := Workflow(Options{Recipes: []Recipe{Generate}, Repo: "studies/ml/", APIKeyEnv: "TEAM_KEY"})
	if err != nil {
		t.Fatal(err)
	}
	w := parse(t, b)
	st := w.Jobs["generate"].Steps[1]
	if st.With["repo"] != "studies/ml" {
		t.Errorf("repo input %q", st.With["repo"])
	}
	if st.Env["TEAM_KEY"] != "${{ secrets.TEAM_KEY }}" {
		t.Errorf("the secret is not passed: env %v", st.Env)
	}
	if st.Uses != MoimAction+"@main" || !strings.Contains(string(b), "branches: [main]") {
		t.Errorf("defaults: uses %s\n%s", st.Uses, b)
	}
	for _, bad := range []Options{
		{Recipes: []Recipe{Check}, Branch: "main; rm"},
		{Recipes: []Recipe{Check}, Ref: "v1 #"},
		{Recipes: []Recipe{Generate}, APIKeyEnv: "${{ github.token }}"},
		{Recipes: []Recipe{Check}, Repo: "a: b"},
		{},
	} {
		if _, err := Workflow(bad); err == nil {
			t.Errorf("Workflow(%+v) accepted", bad)
		}
	}
}

// TestWorkflowGolden keeps the text of the three recipes and of the full
// combination under review (go test ./internal/ci -update rewrites them).
func TestWorkflowGolden(t *testing.T) {
	for _, rs := range [][]Recipe{{Check}, {Generate}, {GeneratePR}, {Site}, {Check, Generate, Site}} {
		name := strings.Join(names(rs), "+") + ".yml"
		b, err := Workflow(Options{Recipes: rs})
		if err != nil {
			t.Fatal(err)
		}
		testutil.Golden(t, filepath.Join("testdata", "workflows", name), b)
	}
}

// TestREADMEShowsTheRecipes keeps the README's three recipes equal to what
// moim init --ci github writes.
func TestREADMEShowsTheRecipes(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []Recipe{Check, Generate, Site} {
		b, err := Workflow(Options{Recipes: []Recipe{r}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(readme), "```yaml\n"+string(b)+"```\n") {
			t.Errorf("README.md does not show the %s recipe as moim init --ci github writes it:\n%s", r, b)
		}
	}
	if !strings.Contains(string(readme), "## Use it in your study repository") {
		t.Error("README.md lacks the section")
	}
}
