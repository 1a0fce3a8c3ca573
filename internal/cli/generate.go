package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/template"
	"github.com/moim-study/moim/internal/workspace"
)

// GenerateOptions are the flags of `moim generate`.
type GenerateOptions struct {
	Repo     string
	Weeks    []int
	All      bool
	Engine   string
	Model    string
	BaseURL  string
	Out      string
	Format   string
	Template string
	Strict   bool
	DryRun   bool
}

// EngineFactory builds an engine for `generate`; LLM engines register one.
// Preflight, when not nil, is run before any output file is touched.
type EngineFactory func(ctx context.Context, o *GenerateOptions, ws *workspace.Workspace, s *IO) (e engine.Engine, err error)

var engineFactories = map[string]EngineFactory{
	offline.Name: func(context.Context, *GenerateOptions, *workspace.Workspace, *IO) (engine.Engine, error) {
		return offline.New(), nil
	},
}

func newGenerateCmd(s *IO) *cobra.Command {
	o := &GenerateOptions{}
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Write a week's insights document from the members' notes",
		Long: `Generate reads the members' notes of a week and writes the week's insights
document (ai-insights.md in the week folder, or the name in moim.yaml).

Without --week it does the latest week that has notes. The week's existing
document is the template when it still has the template's placeholders or
was written by moim; edits people made to it are kept. A document written
by hand without moim is never overwritten: use --out to write elsewhere.`,
		Example: `  moim generate                          # latest week, offline engine
  moim generate --week 2 --week 3        # two weeks
  moim generate --all --format json      # every week as JSON on stdout
  moim generate --week 1 --out -         # print instead of writing
  moim generate --engine openai --model gpt-4o-mini
  OPENAI_BASE_URL=http://127.0.0.1:11434/v1 moim generate --engine openai --model qwen2.5`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGenerate(cmd.Context(), o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Repo, "repo", ".", "study repository `DIR`")
	f.IntSliceVar(&o.Weeks, "week", nil, "week `N` to generate (repeatable)")
	f.BoolVar(&o.All, "all", false, "generate every week that has notes")
	f.StringVar(&o.Engine, "engine", "", "engine: offline, openai or anthropic (default offline, or moim.yaml's)")
	f.StringVar(&o.Model, "model", "", "model `NAME` for LLM engines")
	f.StringVar(&o.BaseURL, "base-url", "", "API base `URL` for LLM engines")
	f.StringVarP(&o.Out, "out", "o", "", "output `FILE`, or - for standard output")
	f.StringVar(&o.Format, "format", "markdown", "output format: markdown or json")
	f.StringVar(&o.Template, "template", "", "template `FILE` (overrides moim.yaml and the week's document)")
	f.BoolVar(&o.Strict, "strict", false, "treat warnings as errors (exit 2)")
	f.BoolVar(&o.DryRun, "dry-run", false, "LLM engines: print the requests instead of sending them")
	return cmd
}

func openWorkspace(repo string) (*workspace.Workspace, error) {
	ws, err := workspace.Open(repo)
	if err != nil {
		return nil, &ExitError{Code: ExitInput, Err: err}
	}
	return ws, nil
}

// selectWeeks returns the weeks to work on.
func selectWeeks(ws *workspace.Workspace, weeks []int, all bool) ([]*workspace.Week, error) {
	var out []*workspace.Week
	switch {
	case len(weeks) > 0 && all:
		return nil, inputErr("--week and --all cannot be used together")
	case all:
		for i := range ws.Weeks {
			if len(ws.Weeks[i].Notes) > 0 {
				out = append(out, &ws.Weeks[i])
			}
		}
	case len(weeks) > 0:
		for _, n := range weeks {
			wk, ok := ws.Week(n)
			if !ok {
				return nil, inputErr("week %d not found in %s (weeks found: %s)", n, ws.Root, weekList(ws))
			}
			out = append(out, wk)
		}
	default:
		if wk, ok := ws.Latest(); ok {
			out = append(out, wk)
		}
	}
	if len(out) == 0 {
		return nil, &ExitError{Code: ExitCheck, Err: fmt.Errorf("nothing to do: no week with notes found in %s", ws.Root)}
	}
	return out, nil
}

func weekList(ws *workspace.Workspace) string {
	var ns []string
	for _, w := range ws.Weeks {
		ns = append(ns, fmt.Sprint(w.Number))
	}
	if len(ns) == 0 {
		return "none"
	}
	return strings.Join(ns, ", ")
}

func warn(s *IO, msgs ...string) {
	for _, m := range msgs {
		fmt.Fprintf(s.ErrOut, "moim: warning: %s\n", m)
	}
}

func workspaceWarnings(ws *workspace.Workspace) []string {
	var out []string
	for _, w := range ws.Warnings {
		out = append(out, w.String())
	}
	return out
}

func runGenerate(ctx context.Context, o *GenerateOptions, s *IO) error {
	if o.Format != "markdown" && o.Format != "json" {
		return inputErr("--format %q: use markdown or json", o.Format)
	}
	ws, err := openWorkspace(o.Repo)
	if err != nil {
		return err
	}
	weeks, err := selectWeeks(ws, o.Weeks, o.All)
	if err != nil {
		return err
	}
	if o.Format == "markdown" && len(weeks) > 1 && o.Out != "" && o.Out != "-" {
		return inputErr("--out %s: several weeks cannot go to one file; use --out - or --format json", o.Out)
	}
	var warnings []string
	warnings = append(warnings, workspaceWarnings(ws)...)

	name := o.Engine
	if name == "" {
		name = ws.Config.EngineName()
	}
	factory, ok := engineFactories[name]
	if !ok {
		return inputErr("--engine %q: unknown engine (offline, openai, anthropic)", name)
	}
	eng, err := factory(ctx, o, ws, s)
	if err != nil {
		return &ExitError{Code: ExitInput, Err: err}
	}

	// Read everything and check the outputs before any work is written.
	var loaded []*pipeline.Week
	for _, wk := range weeks {
		out := o.Out
		if o.Format == "json" && out == "" {
			out = "-"
		}
		pw, err := pipeline.Load(ws, wk, o.Template, mdOut(o, out))
		if err != nil {
			return &ExitError{Code: ExitInput, Err: err}
		}
		warnings = append(warnings, pw.Warnings...)
		pw.Warnings = nil
		if pw.OutPath != "" {
			if pw.Prev != "" && !template.IsFillable(pw.Prev) {
				return inputErr("%s was written by hand (it has content and no moim state): moim will not overwrite it; write elsewhere with --out FILE, or remove the file to start again from the template", relTo(ws.Root, pw.OutPath))
			}
			if err := fsutil.CheckWritable(pw.OutPath); err != nil {
				return &ExitError{Code: ExitInput, Err: err}
			}
		}
		loaded = append(loaded, pw)
	}
	warn(s, warnings...)
	if o.Strict && len(warnings) > 0 {
		return inputErr("%d warning(s) and --strict is set", len(warnings))
	}

	report := insight.Report{Tool: "moim", Version: version(), Repo: ws.Root, Engine: eng.Name()}
	for _, pw := range loaded {
		res, err := pw.Generate(ctx, eng)
		if err != nil {
			return err
		}
		warn(s, res.Warnings...)
		report.Weeks = append(report.Weeks, *res)
		if o.Format == "json" {
			continue
		}
		doc, err := pw.Document(res)
		if err != nil {
			return err
		}
		if pw.OutPath == "" {
			fmt.Fprint(s.Out, doc)
			continue
		}
		if err := fsutil.WriteFileAtomic(pw.OutPath, []byte(doc)); err != nil {
			return err
		}
		fmt.Fprintf(s.ErrOut, "moim: week %d: wrote %s (%s)\n", res.Number, relTo(ws.Root, pw.OutPath), summarize(res))
	}
	if o.Format == "json" {
		b, err := json.MarshalIndent(report, "", "  ")
		if err != nil {
			return err
		}
		b = append(b, '\n')
		if o.Out == "" || o.Out == "-" {
			_, err = s.Out.Write(b)
			return err
		}
		return fsutil.WriteFileAtomic(o.Out, b)
	}
	return nil
}

// mdOut is the output path given to the pipeline: "-" for anything not
// written as a week's markdown file.
func mdOut(o *GenerateOptions, out string) string {
	if o.Format == "json" {
		return "-"
	}
	return out
}

func summarize(w *insight.Week) string {
	bullets, submitted := 0, 0
	for _, m := range w.Members {
		if m.Submitted {
			submitted++
		}
		for _, sec := range m.Sections {
			bullets += len(sec.Bullets)
		}
	}
	for _, sec := range w.Group {
		bullets += len(sec.Bullets)
	}
	return fmt.Sprintf("%d/%d notes, %d bullets, engine %s", submitted, len(w.Members), bullets, w.Engine)
}

func relTo(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return p
}
