package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/web"
)

// SiteOptions are the flags of `moim site`.
type SiteOptions struct {
	Repo  string
	Out   string
	Track string
}

func newSiteCmd(s *IO) *cobra.Command {
	o := &SiteOptions{}
	cmd := &cobra.Command{
		Use:   "site",
		Short: "Write the web view as a static site",
		Long: `Site writes the pages of 'moim serve' as static HTML files into --out, with
relative links, so the folder can be opened from disk or published (for
example with GitHub Pages): index.html, week-NN.html, member-<slug>.html,
concepts.html, notes/*.html and static/.

The out folder must be a folder of its own: moim refuses the repository
root and the folders that hold notes. Every file is written atomically.`,
		Example: `  moim site --out ./site
  moim site --repo ./my-study --out ./my-study/docs`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSite(cmd.Context(), o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Repo, "repo", ".", "study repository `DIR`")
	f.StringVarP(&o.Out, "out", "o", "", "output `DIR` for the static site (required)")
	f.StringVar(&o.Track, "track", "", "the track (study) `NAME` to show in a repository with several (default: the first)")
	return cmd
}

func runSite(ctx context.Context, o *SiteOptions, s *IO) error {
	if o.Out == "" {
		return fmt.Errorf("--out DIR is required: the folder to write the site into")
	}
	// Like generate and check: a repository without notes is nothing to do.
	ws, err := openWorkspace(o.Repo)
	if err != nil {
		return err
	}
	if _, _, err := pipeline.SelectWeeks(ws, o.Track, nil, true); err != nil {
		return err
	}
	warn(s, trackNotice(ws, o.Track)...)
	s.Progress.Set("moim: site: analysing the notes and writing the pages …")
	defer s.Progress.Clear()
	text.Warm()
	site, err := web.New(o.Repo, web.Options{Track: o.Track})
	if err != nil {
		return err
	}
	files, err := site.WriteSite(ctx, o.Out)
	if err != nil {
		return err
	}
	s.Progress.Clear()
	fmt.Fprintf(s.ErrOut, "moim: wrote %d files to %s (open index.html)\n", len(files), o.Out)
	return nil
}
