package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/workspace"
)

// GenerateOptions are the flags of `moim generate`.
type GenerateOptions struct {
	Repo     string
	Track    string
	Weeks    []int
	All      bool
	Engine   string
	Model    string
	BaseURL  string
	Out      string
	Format   string
	Template string
	Docs     []string
	Strict   bool
	DryRun   bool
	Verbose  bool

	// progress is the run's status line (set by runGenerate).
	progress *genProgress
}

func newGenerateCmd(s *IO) *cobra.Command {
	o := &GenerateOptions{}
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Write a week's insights document (or summary) from the members' notes",
		Long: `Generate reads the members' notes of a week and writes the week's insights
document (ai-insights.md in the week folder, or the name in moim.yaml), or
with --doc summary the week's summary (summary.md beside it, the 통합 정리:
one outline of the chapter merged from every member's note).

Without --week it does the latest week that has notes. The week's existing
document is the template when it still has the template's placeholders or
was written by moim; edits people made to it are kept. A document written
by hand without moim is never overwritten: use --out to write elsewhere.`,
		Example: `  moim generate                          # latest week, offline engine
  moim generate --week 2 --week 3        # two weeks
  moim generate --doc summary --week 3   # week 3's summary.md
  moim generate --all --doc insights,summary
  moim generate --all --format json      # every week as JSON on stdout
  moim generate --week 1 --out -         # print instead of writing
  moim generate --engine openai --model gpt-4o-mini
  moim generate --engine openai -v       # also list each bullet moim rejected, and why
  OPENAI_BASE_URL=http://127.0.0.1:11434/v1 moim generate --engine openai --model qwen2.5`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.validate(); err != nil {
				return err
			}
			return runGenerate(cmd.Context(), o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Repo, "repo", ".", "study repository `DIR`")
	f.StringVar(&o.Track, "track", "", "only the track (study) `NAME` of a repository with several (see moim ls)")
	f.IntSliceVar(&o.Weeks, "week", nil, "week `N` to generate (repeatable)")
	f.BoolVar(&o.All, "all", false, "generate every week that has notes")
	f.StringVar(&o.Engine, "engine", "", "engine: offline, openai or anthropic (default offline, or moim.yaml's)")
	f.StringVar(&o.Model, "model", "", "model `NAME` for LLM engines")
	f.StringVar(&o.BaseURL, "base-url", "", "API base `URL` for LLM engines")
	f.StringVarP(&o.Out, "out", "o", "", "output `FILE`, or - for standard output")
	f.StringVar(&o.Format, "format", "markdown", "output format: markdown or json")
	f.StringVar(&o.Template, "template", "", "template `FILE` (overrides moim.yaml and the week's document)")
	f.StringSliceVar(&o.Docs, "doc", []string{pipeline.DocInsights}, "documents to write: insights, summary, or both (insights,summary)")
	f.BoolVar(&o.Strict, "strict", false, "treat warnings as errors (exit 2)")
	f.BoolVar(&o.DryRun, "dry-run", false, "LLM engines: print the requests instead of sending them")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "LLM engines: print every rejected bullet with the reason")
	return cmd
}

// validate checks the flags alone, before anything is opened.
func (o *GenerateOptions) validate() error {
	if o.Format != pipeline.FormatMarkdown && o.Format != pipeline.FormatJSON {
		return fmt.Errorf("--format %q: use markdown or json", o.Format)
	}
	if len(o.Weeks) > 0 && o.All {
		return pipeline.ErrWeekAndAll
	}
	seen := map[string]bool{}
	var docs []string
	for _, d := range o.Docs {
		d = strings.ToLower(strings.TrimSpace(d))
		switch d {
		case pipeline.DocInsights, pipeline.DocSummary:
		default:
			return fmt.Errorf("--doc %q: use insights, summary, or insights,summary", d)
		}
		if !seen[d] {
			seen[d] = true
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		docs = []string{pipeline.DocInsights}
	}
	o.Docs = docs
	if len(docs) > 1 && o.Template != "" {
		return fmt.Errorf("--template with --doc %s: a template shapes one kind of document; generate each with its own --template", strings.Join(docs, ","))
	}
	if err := pipeline.CheckOut(o.Format, o.Out, len(o.Weeks)); err != nil {
		return err
	}
	if err := pipeline.CheckDocsOut(o.Format, o.Out, docs); err != nil {
		return err
	}
	if o.Engine != "" {
		if _, ok := engineFactories[o.Engine]; !ok {
			return unknownEngine(o.Engine)
		}
	}
	return nil
}

func unknownEngine(name string) error {
	return fmt.Errorf("--engine %q: unknown engine (offline, openai, anthropic)", name)
}

// generateGCPercent is the garbage collector's GOGC for generate when the
// environment sets none. The Korean dictionary (58 MB) is mapped from its
// cache file, outside the heap: at the default of 100 the heap goal fell by
// twice that and the collector ran about twice as often (9 cycles instead of
// 5 on a corpus-sized study, twice the CPU). 200 gives back about the
// pacing, and the peak memory, of when the dictionary was in the heap. See
// docs/performance.md ("Sixth pass").
const generateGCPercent = 200

// generateGC sets generateGCPercent unless GOGC is set. generate is one
// run that ends; serve and site keep the default.
func generateGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(generateGCPercent)
	}
}

// runGenerate opens the repository, picks the engine and runs the plan of
// pipeline.Run.Generate with this command's output.
func runGenerate(ctx context.Context, o *GenerateOptions, s *IO) error {
	generateGC()
	ws, err := openWorkspace(o.Repo)
	if err != nil {
		return err
	}
	name := o.Engine
	if name == "" {
		name = ws.Config.EngineName()
	}
	factory, ok := engineFactories[name]
	if !ok {
		return unknownEngine(name)
	}
	o.progress = newGenProgress(s)
	defer o.progress.finish()
	run := &pipeline.Run{
		Track: o.Track, Weeks: o.Weeks, All: o.All, Template: o.Template, Out: o.Out, Format: o.Format, Docs: o.Docs,
		Strict: o.Strict, DryRun: o.DryRun, Version: version(), LockWait: lockWait,
		NewEngine:  func(ctx context.Context) (engine.Engine, error) { return factory(ctx, o, ws, s) },
		Summarizer: summarizerFor,
		Stdout:     s.Out,
		Warn:       func(msgs ...string) { warn(s, msgs...) },
		Generating: o.progress.weekStarts,
		Wrote: func(week int, track, shown, template, what string) {
			o.progress.finish()
			label := fmt.Sprintf("week %d", week)
			if len(ws.Tracks) > 1 && track != "" {
				label = fmt.Sprintf("week %d of %s", week, track)
			}
			fmt.Fprintf(s.ErrOut, "moim: %s: wrote %s (%s; template %s)\n", label, shown, what, template)
		},
	}
	if err := run.Generate(ctx, ws); err != nil {
		return err
	}
	if o.DryRun {
		// The requests went to stdout; the offline result is no document.
		fmt.Fprintln(s.ErrOut, "moim: dry run: nothing sent, nothing written")
	}
	return nil
}

// openWorkspace opens the repository --repo names.
func openWorkspace(repo string) (*workspace.Workspace, error) {
	if st, err := os.Stat(repo); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--repo %s: no such folder; give the study repository's folder (default: the current folder)", repo)
	}
	ws, err := workspace.Open(repo)
	if err != nil {
		var ce *workspace.ConfigError
		if errors.As(err, &ce) {
			err = fmt.Errorf("%w\nFix %s as said above, or move it away and run moim init to write a new one from what moim detects.", err, workspace.ConfigFile)
		}
		return nil, err
	}
	return ws, nil
}

// maxWarnings is how many warnings are printed one by one; the rest are
// counted, so that a folder of 10,000 stray files does not flood the
// terminal.
const maxWarnings = 40

func warn(s *IO, msgs ...string) {
	for i, m := range msgs {
		if i == maxWarnings {
			fmt.Fprintf(s.ErrOut, "moim: warning: ... and %d more warnings like these\n", len(msgs)-maxWarnings)
			return
		}
		fmt.Fprintf(s.ErrOut, "moim: %s %s\n", s.Progress.Warning("warning:"), m)
	}
}

// lockWait is how long generate and init wait for another run on the same
// repository to finish.
var lockWait = 3 * time.Second
