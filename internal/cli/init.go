package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/workspace"
)

// InitOptions are the flags of `moim init`.
type InitOptions struct {
	Repo  string
	Force bool
	// CI ("github") and Recipes: write a CI workflow (init_ci.go).
	CI      string
	Recipes []string
}

func newInitCmd(s *IO) *cobra.Command {
	o := &InitOptions{}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Detect the repository's layout, members and schedule; write moim.yaml",
		Long: `Init looks at a study repository — week folders, note files, the README's
participant list and schedule table — and writes what it found to moim.yaml
at the repository root, then prints a short summary. Edit moim.yaml to fix
anything it guessed wrong; when present it overrides detection.` + ciFlagsHelp,
		Example: `  moim init                     # the current directory
  moim init --repo ../my-study
  moim init --force             # overwrite an existing moim.yaml
  moim init --ci github --recipe check,generate,site`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runInit(cmd.Context(), o, s) },
	}
	cmd.Flags().StringVar(&o.Repo, "repo", ".", "study repository `DIR`")
	cmd.Flags().BoolVar(&o.Force, "force", false, "overwrite an existing moim.yaml")
	cmd.Flags().StringVar(&o.CI, "ci", "", "also write the CI workflow for `github` (.github/workflows/moim.yml)")
	cmd.Flags().StringSliceVar(&o.Recipes, "recipe", []string{"check"}, "with --ci: check, generate, generate-pr, site (comma-separated or repeated)")
	return cmd
}

func runInit(ctx context.Context, o *InitOptions, s *IO) error {
	if o.CI != "" {
		return runInitCI(ctx, o, s)
	}
	root, err := filepath.Abs(o.Repo)
	if err != nil {
		return fmt.Errorf("--repo %s: %v", o.Repo, err)
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return fmt.Errorf("--repo %s: no such folder; give the study repository's folder", o.Repo)
	}
	path := filepath.Join(root, workspace.ConfigFile)
	if _, err := os.Stat(path); err == nil && !o.Force {
		return fmt.Errorf("%s already exists; edit it, or run moim init --force to detect again and overwrite it", path)
	}
	if err := fsutil.CheckOutput(path, path, false); err != nil {
		return err
	}
	lock, err := fsutil.LockRepo(ctx, root, lockWait)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	ws, err := workspace.Detect(root)
	if err != nil {
		return err
	}
	warn(s, pipeline.WorkspaceWarnings(ws)...)
	cfg := ws.ToConfig()
	if err := workspace.SaveConfig(path, cfg); err != nil {
		return err
	}
	w := s.ErrOut
	fmt.Fprintf(w, "moim: wrote %s\n", path)
	var names []string
	for _, m := range ws.Members {
		if m.Roman != "" {
			names = append(names, fmt.Sprintf("%s (%s)", m.Name, m.Roman))
		} else {
			names = append(names, m.Name)
		}
	}
	fmt.Fprintf(w, "  members:  %d — %s\n", len(ws.Members), orNone(strings.Join(names, ", ")))
	if len(ws.Tracks) > 1 {
		fmt.Fprintf(w, "  tracks:   %d studies, each with its own weeks and documents\n", len(ws.Tracks))
	}
	for _, t := range ws.Tracks {
		indent := "  "
		if len(ws.Tracks) > 1 {
			fmt.Fprintf(w, "  track %s (%s/): members %s\n", t.Name, t.Dir, strings.Join(t.Members, ", "))
			indent = "    "
		}
		fmt.Fprintf(w, "%slayout:   %s\n", indent, layoutSummary(t))
		var weeks []string
		for _, wk := range ws.TrackWeeks(t.Name) {
			weeks = append(weeks, fmt.Sprintf("%d (%d notes)", wk.Number, len(wk.Notes)))
		}
		fmt.Fprintf(w, "%sweeks:    %s\n", indent, orNone(strings.Join(weeks, ", ")))
		fmt.Fprintf(w, "%sschedule: %d rows\n", indent, len(t.Schedule))
	}
	if len(ws.Tracks) == 0 {
		fmt.Fprintf(w, "  weeks:    %s\n", orNone(""))
		fmt.Fprintf(w, "  schedule: %d rows\n", len(ws.Schedule))
	}
	fmt.Fprintf(w, "  output:   %s\n", ws.OutputName)
	fmt.Fprintf(w, "Check it with moim ls: every note, and every file that is not one with the reason.\n")
	return nil
}

// layoutSummary says how moim.yaml finds a track's notes.
func layoutSummary(t workspace.Track) string {
	if t.Layout != "" {
		return t.Layout
	}
	return "no single pattern fits: every week's note files are listed under notes"
}

func orNone(s string) string {
	if s == "" {
		return "(none found)"
	}
	return s
}
