// Package ci writes the GitHub Actions workflow that `moim init --ci
// github` puts into a study repository. A workflow is made of recipes, each
// a job using this repository's action (action.yml at its root):
//
//   - check: moim check on every pull request; fails, naming the weeks in
//     the job's summary, when a week's document is missing or stale.
//   - generate: on every push to the default branch, regenerate the weeks
//     whose notes changed and commit the documents.
//   - generate-pr: the same, but push a branch and open a pull request.
//   - site: on every push to the default branch, publish moim site to
//     GitHub Pages.
package ci

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"text/template"
)

// WorkflowPath is where the workflow goes, relative to the git root.
const WorkflowPath = ".github/workflows/moim.yml"

// Recipe is one job of the workflow.
type Recipe string

// The recipes.
const (
	Check      Recipe = "check"
	Generate   Recipe = "generate"
	GeneratePR Recipe = "generate-pr"
	Site       Recipe = "site"
)

// Recipes lists every recipe, in the order jobs appear in a workflow.
func Recipes() []Recipe { return []Recipe{Check, Generate, GeneratePR, Site} }

// RecipeHelp says in a few words what each recipe does.
var RecipeHelp = map[Recipe]string{
	Check:      "moim check on every pull request",
	Generate:   "regenerate on push and commit the documents",
	GeneratePR: "regenerate on push and open a pull request",
	Site:       "publish moim site to GitHub Pages on push",
}

// Actions the workflows use, pinned by commit with the version as a
// comment (actionlint and Dependabot read that form).
const (
	ActionCheckout       = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"
	ActionConfigurePages = "actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0"
	ActionUploadPages    = "actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1"
	ActionDeployPages    = "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5"
)

// MoimAction is this repository as an action, without a ref.
const MoimAction = "moim-study/moim"

// Options describe the workflow to write.
type Options struct {
	// Recipes are the jobs (at least one; generate and generate-pr
	// exclude each other).
	Recipes []Recipe
	// Repo is the study repository's folder relative to the git root
	// ("" or "." for the root itself).
	Repo string
	// Branch is the default branch that push triggers watch ("main" when
	// empty).
	Branch string
	// Ref is the moim action's ref, e.g. "v1.2.0" ("main" when empty).
	Ref string
	// APIKeyEnv names the environment variable of an LLM engine's API key
	// (from moim.yaml); the generate step then passes the repository
	// secret of that name. Empty for the offline engine.
	APIKeyEnv string
}

// ParseRecipes reads recipe names (repeated or comma-separated).
func ParseRecipes(names []string) ([]Recipe, error) {
	var out []Recipe
	for _, n := range names {
		for _, part := range strings.Split(n, ",") {
			r := Recipe(strings.TrimSpace(part))
			if r == "" {
				continue
			}
			if !slices.Contains(Recipes(), r) {
				return nil, fmt.Errorf("unknown recipe %q (use %s)", r, recipeList())
			}
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no recipe given (use %s)", recipeList())
	}
	if slices.Contains(out, Generate) && slices.Contains(out, GeneratePR) {
		return nil, fmt.Errorf("recipes %s and %s exclude each other: pick one way to publish the documents", Generate, GeneratePR)
	}
	slices.SortFunc(out, func(a, b Recipe) int { return slices.Index(Recipes(), a) - slices.Index(Recipes(), b) })
	return out, nil
}

func recipeList() string {
	var s []string
	for _, r := range Recipes() {
		s = append(s, string(r))
	}
	return strings.Join(s, ", ")
}

var (
	safeBranch = regexp.MustCompile(`^[A-Za-z0-9._/-]+$`)
	safeRef    = regexp.MustCompile(`^[A-Za-z0-9._/-]+$`)
	safeEnv    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// Workflow returns the workflow file for o.
func Workflow(o Options) ([]byte, error) {
	recipes, err := ParseRecipes(names(o.Recipes))
	if err != nil {
		return nil, err
	}
	if o.Branch == "" {
		o.Branch = "main"
	}
	if o.Ref == "" {
		o.Ref = "main"
	}
	repo := strings.Trim(strings.ReplaceAll(o.Repo, `\`, "/"), "/")
	if repo == "." {
		repo = ""
	}
	switch {
	case !safeBranch.MatchString(o.Branch):
		return nil, fmt.Errorf("branch %q: not a plain branch name", o.Branch)
	case !safeRef.MatchString(o.Ref):
		return nil, fmt.Errorf("action ref %q: not a plain tag, branch or commit", o.Ref)
	case o.APIKeyEnv != "" && !safeEnv.MatchString(o.APIKeyEnv):
		return nil, fmt.Errorf("api_key_env %q: not a variable name", o.APIKeyEnv)
	case strings.ContainsAny(repo, "\"'\n:#{}[]"):
		return nil, fmt.Errorf("repository folder %q: quote characters are not supported in a workflow; move the study to a plainer folder name", repo)
	}
	has := func(r Recipe) bool { return slices.Contains(recipes, r) }
	data := map[string]any{
		"Recipes":        strings.Join(names(recipes), ","),
		"Check":          has(Check),
		"Generate":       has(Generate) || has(GeneratePR),
		"PR":             has(GeneratePR),
		"Site":           has(Site),
		"Push":           has(Generate) || has(GeneratePR) || has(Site),
		"Both":           has(Check) && (has(Generate) || has(GeneratePR) || has(Site)),
		"Repo":           repo,
		"Branch":         o.Branch,
		"Action":         MoimAction + "@" + o.Ref,
		"KeyEnv":         o.APIKeyEnv,
		"Checkout":       ActionCheckout,
		"ConfigurePages": ActionConfigurePages,
		"UploadPages":    ActionUploadPages,
		"DeployPages":    ActionDeployPages,
	}
	var b bytes.Buffer
	if err := workflowTmpl.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func names(rs []Recipe) []string {
	var out []string
	for _, r := range rs {
		out = append(out, string(r))
	}
	return out
}

// The template avoids ${{ }} inside run: scripts; there are none.
var workflowTmpl = template.Must(template.New("moim.yml").Delims("[[", "]]").Parse(`# moim keeps the study's weekly insights documents (ai-insights.md) up to date.
# Written by: moim init --ci github --recipe [[.Recipes]]
# Edit freely; the recipes and every input of the action:
# https://github.com/moim-study/moim#use-it-in-your-study-repository
name: moim

on:
[[- if .Check]]
  pull_request:
[[- end]]
[[- if .Push]]
  push:
    branches: [[printf "[%s]" .Branch]]
[[- end]]
  workflow_dispatch:

permissions:
  contents: read

jobs:
[[- if .Check]]
  check:
    # Fails when a week's document is missing or older than its notes; the
    # job's summary names the weeks.
[[- if .Both]]
    if: github.event_name == 'pull_request'
[[- end]]
    runs-on: ubuntu-latest
    steps:
      - uses: [[.Checkout]]
        with:
          persist-credentials: false
      - uses: [[.Action]]
        with:
          command: check
[[- if .Repo]]
          repo: [[.Repo]]
[[- end]]
[[- end]]
[[- if .Generate]]

  generate:
    # Regenerates the weeks whose notes changed (edits people made to the
    # documents are kept) and [[if .PR]]opens a pull request with them.
    # Allow it in Settings → Actions → General → "Allow GitHub Actions to
    # create and approve pull requests".[[else]]commits them to [[.Branch]].[[end]]
[[- if .Both]]
    if: github.event_name != 'pull_request'
[[- end]]
    runs-on: ubuntu-latest
    permissions:
      contents: write
[[- if .PR]]
      pull-requests: write
[[- end]]
    concurrency:
      group: moim-generate-${{ github.ref }}
      cancel-in-progress: false
[[- if and .Site (not .PR)]]
    outputs:
      commit: ${{ steps.moim.outputs.commit }}
[[- end]]
    steps:
      - uses: [[.Checkout]]
      - id: moim
        uses: [[.Action]]
        with:
          command: generate
          changes: [[if .PR]]pull-request[[else]]commit[[end]]
[[- if .Repo]]
          repo: [[.Repo]]
[[- end]]
[[- if .KeyEnv]]
        # moim.yaml names an LLM engine; its key is the repository secret
        # [[.KeyEnv]] (Settings → Secrets and variables → Actions).
        env:
          [[.KeyEnv]]: ${{ secrets.[[.KeyEnv]] }}
[[- else]]
          # With an LLM: add engine: openai (or anthropic) and model: above,
          # store the key as a repository secret, and pass it to this step:
          # env:
          #   OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}
[[- end]]
[[- end]]
[[- if .Site]]

  site:
    # Builds the static web view (moim site). Turn Pages on once: Settings →
    # Pages → Source: GitHub Actions.
[[- if .Both]]
    if: github.event_name != 'pull_request'
[[- end]]
[[- if .Generate]]
    needs: generate
[[- end]]
    runs-on: ubuntu-latest
    steps:
      - uses: [[.Checkout]]
        with:
          persist-credentials: false
[[- if and .Generate (not .PR)]]
          # the documents just committed, if any
          ref: ${{ needs.generate.outputs.commit || github.sha }}
[[- end]]
      - uses: [[.ConfigurePages]]
      - id: moim
        uses: [[.Action]]
        with:
          command: site
[[- if .Repo]]
          repo: [[.Repo]]
[[- end]]
      - uses: [[.UploadPages]]
        with:
          path: ${{ steps.moim.outputs.site-dir }}

  deploy:
    needs: site
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    concurrency:
      group: pages
      cancel-in-progress: false
    steps:
      - id: deployment
        uses: [[.DeployPages]]
[[- end]]
`))
