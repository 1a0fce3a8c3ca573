package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/pipeline"
)

// LsOptions are the flags of `moim ls`.
type LsOptions struct {
	Repo string
	JSON bool
}

func newLsCmd(s *IO) *cobra.Command {
	o := &LsOptions{}
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List the tracks, weeks and members' notes moim finds, and every file that is not a note",
		Long: `Ls shows what moim reads in the repository before anything is generated,
like git status: each track (study) with its layout and members, each week
with every member's note files (additional files of the same member below
the main one, empty notes and members without a note said as such), then
every file that is not a note with the reason (group file, image, code
project, not in a week ...). It reads moim.yaml when there is one.

It exits 1 when no note is found, like generate and check.`,
		Example: `  moim ls
  moim ls --repo ../my-study
  moim ls --json | jq '.tracks[].weeks[].notes'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runLs(o, s) },
	}
	cmd.Flags().StringVar(&o.Repo, "repo", ".", "study repository `DIR`")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "write the listing as JSON")
	return cmd
}

func runLs(o *LsOptions, s *IO) error {
	ws, err := openWorkspace(o.Repo)
	if err != nil {
		return err
	}
	warn(s, pipeline.WorkspaceWarnings(ws)...)
	if o.JSON {
		b, err := json.MarshalIndent(ws.Manifest(), "", "  ")
		if err != nil {
			return err
		}
		if _, err := s.Out.Write(append(b, '\n')); err != nil {
			return err
		}
	} else if err := ws.WriteList(s.Out); err != nil {
		return err
	}
	if _, ok := ws.Latest(); !ok {
		return fmt.Errorf("%w: no notes found in %s", pipeline.ErrNothingToDo, ws.Root)
	}
	return nil
}
