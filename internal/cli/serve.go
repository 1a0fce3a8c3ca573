package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/web"
	"github.com/moim-study/moim/internal/workspace"
)

// ServeOptions are the flags of `moim serve`.
type ServeOptions struct {
	Repo  string
	Addr  string
	Track string
}

// DefaultServeAddr is where `moim serve` listens unless told otherwise:
// loopback only.
const DefaultServeAddr = "127.0.0.1:8765"

func newServeCmd(s *IO) *cobra.Command {
	o := &ServeOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve a local web view of the study repository",
		Long: `Serve shows the repository in the browser: an overview of weeks × members
and the schedule, each week's insights with the note lines every bullet
comes from and the week's member × concept heatmap, a page per member with
their "추가 학습" backlog, and the concepts across weeks.

Pages are made by the offline engine from the notes as they are on disk:
edit a note and reload the page. No LLM is called and nothing is written.
The server listens on the loopback address only, unless --addr says
otherwise (moim then warns: anyone who can reach the address can read the
notes), and answers GET and HEAD requests only.`,
		Example: `  moim serve                            # http://127.0.0.1:8765/
  moim serve --repo ./my-study --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Repo, "repo", ".", "study repository `DIR`")
	f.StringVar(&o.Addr, "addr", DefaultServeAddr, "listen address `HOST:PORT`")
	f.StringVar(&o.Track, "track", "", "the track (study) `NAME` to show in a repository with several (default: the first)")
	return cmd
}

// trackNotice says which study the pages show when the repository holds
// several and --track chose none.
func trackNotice(ws *workspace.Workspace, track string) []string {
	if len(ws.Tracks) < 2 || track != "" {
		return nil
	}
	var names []string
	for _, t := range ws.Tracks {
		names = append(names, t.Name)
	}
	return []string{fmt.Sprintf("this repository holds %d tracks (%s); the pages show %s: choose another with --track NAME", len(names), strings.Join(names, ", "), names[0])}
}

func runServe(ctx context.Context, o *ServeOptions, s *IO) error {
	ws, err := openWorkspace(o.Repo)
	if err != nil {
		return err
	}
	if _, err := pipeline.SelectTracks(ws, o.Track); err != nil {
		return err
	}
	warn(s, trackNotice(ws, o.Track)...)
	text.Warm()
	site, err := web.New(o.Repo, web.Options{Track: o.Track, Logf: func(format string, a ...any) {
		fmt.Fprintf(s.ErrOut, "moim: "+format+"\n", a...)
	}})
	if err != nil {
		return err
	}
	site.Warm(ctx)
	if err := site.Serve(ctx, o.Addr, s.ErrOut); err != nil {
		return err
	}
	return nil
}
