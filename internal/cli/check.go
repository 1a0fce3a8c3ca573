package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/pipeline"
)

// CheckOptions are the flags of `moim check`.
type CheckOptions struct {
	Repo  string
	Track string
}

func newCheckCmd(s *IO) *cobra.Command {
	o := &CheckOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Exit 1 when a week's documents are missing or older than its notes",
		Long: `Check compares, for every week that has notes, the notes on disk with the
ones the week's insights document was generated from (by content, not by
file time). It names each week whose document is missing or stale and exits
1, or exits 0 when all are fresh. A week that has a summary (summary.md) is
checked the same way: a summary template not filled yet is missing, one
moim drafted from notes that changed since is stale, one written by hand is
listed and not failed. It only reads and hashes files (no note is
analysed), so it is quick enough for every CI run.`,
		Example: `  moim check
  moim check --repo ../my-study || moim generate --all --repo ../my-study`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(o, s) },
	}
	cmd.Flags().StringVar(&o.Repo, "repo", ".", "study repository `DIR`")
	cmd.Flags().StringVar(&o.Track, "track", "", "only the track (study) `NAME` of a repository with several")
	return cmd
}

func runCheck(o *CheckOptions, s *IO) error {
	ws, err := openWorkspace(o.Repo)
	if err != nil {
		return err
	}
	weeks, weekWarns, err := pipeline.SelectWeeks(ws, o.Track, nil, true)
	warn(s, append(pipeline.WorkspaceWarnings(ws), weekWarns...)...)
	if err != nil {
		return err
	}
	bad := 0
	for _, wk := range weeks {
		c, err := pipeline.CheckWeek(ws, wk)
		if err != nil {
			return err
		}
		warn(s, c.Warnings...)
		label := pipeline.WeekLabel(ws, wk)
		ok := report(s, label, wk.Output, c.State)
		if c.HasSummary {
			ok = report(s, label, pipeline.SummaryPath(wk), c.Summary) && ok
		}
		if !ok {
			bad++
		}
	}
	if bad > 0 {
		return &staleWeeks{bad: bad, total: len(weeks)}
	}
	return nil
}

// report prints one document's state; false when it fails the check.
func report(s *IO, week, path string, st pipeline.State) bool {
	switch st {
	case pipeline.Missing:
		fmt.Fprintf(s.Out, "%s: missing  %s\n", week, path)
		return false
	case pipeline.Stale:
		fmt.Fprintf(s.Out, "%s: stale    %s (notes changed since it was generated)\n", week, path)
		return false
	case pipeline.Handmade:
		fmt.Fprintf(s.Out, "%s: by hand  %s (written without moim; not checked)\n", week, path)
	default:
		fmt.Fprintf(s.Out, "%s: fresh    %s\n", week, path)
	}
	return true
}

// staleWeeks is the failure of moim check: documents missing or older than
// their notes (exit code 1).
type staleWeeks struct{ bad, total int }

func (e *staleWeeks) Error() string {
	return fmt.Sprintf("%d of %d week(s) need moim generate", e.bad, e.total)
}
