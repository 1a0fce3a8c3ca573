package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/moim-study/moim/internal/ci"
	"github.com/moim-study/moim/internal/workspace"
)

// ciFlagsHelp is the help of init's --ci and --recipe flags.
const ciFlagsHelp = `

With --ci github, init also writes .github/workflows/moim.yml at the git
repository's root (never over an existing file) for the chosen recipes:
  check        moim check on every pull request
  generate     regenerate on push and commit the documents
  generate-pr  regenerate on push and open a pull request
  site         publish moim site to GitHub Pages on push
moim.yaml is then written only when it does not exist yet (or with --force).`

func recipeNames() []string {
	var out []string
	for _, r := range ci.Recipes() {
		out = append(out, string(r)+"\t"+ci.RecipeHelp[r])
	}
	return out
}

// runInitCI writes the GitHub Actions workflow, then moim.yaml when it is
// missing (or --force asks for it again).
func runInitCI(ctx context.Context, o *InitOptions, s *IO) error {
	if o.CI != "github" {
		return fmt.Errorf("--ci %q: the only CI moim writes a workflow for is github", o.CI)
	}
	recipes, err := ci.ParseRecipes(o.Recipes)
	if err != nil {
		return fmt.Errorf("--recipe: %v", err)
	}
	root, err := filepath.Abs(o.Repo)
	if err != nil {
		return fmt.Errorf("--repo %s: %v", o.Repo, err)
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return fmt.Errorf("--repo %s: no such folder; give the study repository's folder", o.Repo)
	}
	// Workflows live at the git repository's root; the study may be a
	// folder inside it.
	gitRoot := findGitRoot(root)
	base := root
	if gitRoot != "" {
		base = gitRoot
	} else {
		warn(s, fmt.Sprintf("%s is not in a git repository; the workflow goes to %s, which must be the repository's root on GitHub", root, filepath.Join(root, ".github")))
	}
	rel, err := filepath.Rel(base, root)
	if err != nil {
		return fmt.Errorf("--repo %s: %v", o.Repo, err)
	}
	path := filepath.Join(base, filepath.FromSlash(ci.WorkflowPath))
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists: moim never overwrites it; edit it, or move it away and run moim init --ci github again", path)
	}

	opts := ci.Options{Recipes: recipes, Repo: filepath.ToSlash(rel), Branch: defaultBranch(gitRoot), Ref: actionRef(version())}
	cfgPath := filepath.Join(root, workspace.ConfigFile)
	if cfg, err := workspace.LoadConfig(cfgPath); err == nil && cfg != nil {
		if name := cfg.Engine.Name; name != "" && name != "offline" {
			opts.APIKeyEnv = cfg.Engine.APIKeyEnv
			if opts.APIKeyEnv == "" {
				opts.APIKeyEnv = strings.ToUpper(name) + "_API_KEY"
			}
		}
	}
	data, err := ci.Workflow(opts)
	if err != nil {
		return err
	}
	if err := writeNew(path, data); err != nil {
		return err
	}
	shown := filepath.ToSlash(filepath.Join(".github", "workflows", "moim.yml"))
	var list []string
	for _, r := range recipes {
		list = append(list, string(r))
	}
	fmt.Fprintf(s.ErrOut, "moim: wrote %s (%s); commit and push it\n", shown, strings.Join(list, ", "))
	for _, r := range recipes {
		switch r {
		case ci.Check:
			fmt.Fprintln(s.ErrOut, "  check:       pull requests run moim check; the job's summary names missing or stale weeks")
		case ci.Generate:
			fmt.Fprintf(s.ErrOut, "  generate:    pushes to %s regenerate the stale weeks and commit the documents\n", opts.Branch)
		case ci.GeneratePR:
			fmt.Fprintf(s.ErrOut, "  generate-pr: pushes to %s regenerate the stale weeks into a pull request; allow it once in\n"+
				"               Settings → Actions → General → \"Allow GitHub Actions to create and approve pull requests\"\n", opts.Branch)
		case ci.Site:
			fmt.Fprintln(s.ErrOut, "  site:        pushes publish moim site to GitHub Pages; turn it on once in Settings → Pages → Source: GitHub Actions")
		}
	}
	if opts.APIKeyEnv != "" {
		fmt.Fprintf(s.ErrOut, "  secret:      moim.yaml names an LLM engine; add its key as the repository secret %s\n", opts.APIKeyEnv)
	}

	if _, err := os.Stat(cfgPath); err == nil && !o.Force {
		fmt.Fprintf(s.ErrOut, "moim: kept %s (moim init --force detects again and overwrites it)\n", cfgPath)
		return nil
	}
	plain := *o
	plain.CI = ""
	return runInit(ctx, &plain, s)
}

// findGitRoot returns the nearest folder at or above dir that holds .git
// (a folder, or the file of a worktree), or "".
func findGitRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

var headRef = regexp.MustCompile(`^ref: refs/(?:remotes/origin|heads)/([A-Za-z0-9._/-]+)\s*$`)

// defaultBranch guesses the branch pushes go to: origin's default branch,
// else the branch checked out, else main.
func defaultBranch(gitRoot string) string {
	if gitRoot == "" {
		return "main"
	}
	gitDir := filepath.Join(gitRoot, ".git")
	if b, err := os.ReadFile(gitDir); err == nil { // a worktree: "gitdir: PATH"
		if d, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir: "); ok {
			gitDir = d
			if common, err := os.ReadFile(filepath.Join(d, "commondir")); err == nil {
				// origin/HEAD lives in the main repository.
				if b, err := os.ReadFile(filepath.Join(d, strings.TrimSpace(string(common)), "refs", "remotes", "origin", "HEAD")); err == nil {
					if m := headRef.FindStringSubmatch(string(b)); m != nil {
						return m[1]
					}
				}
			}
		}
	}
	for _, f := range []string{filepath.Join(gitDir, "refs", "remotes", "origin", "HEAD"), filepath.Join(gitDir, "HEAD")} {
		if b, err := os.ReadFile(f); err == nil {
			if m := headRef.FindStringSubmatch(string(b)); m != nil {
				return m[1]
			}
		}
	}
	return "main"
}

var releaseVersion = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)

// actionRef is the ref of the moim action a workflow uses: this moim's
// release tag, or main for a development build.
func actionRef(v string) string {
	if releaseVersion.MatchString(v) {
		return v
	}
	return "main"
}

// writeNew writes data to path atomically and only when path does not
// exist: a temporary file in the same folder is linked to path, which
// fails if something is there, even when it appeared a moment ago.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".moim-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: moim never overwrites it", path)
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
