package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/pipeline"
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
	if st, err := os.Stat(repo); err != nil || !st.IsDir() {
		return nil, inputErr("--repo %s: no such folder; give the study repository's folder (default: the current folder)", repo)
	}
	ws, err := workspace.Open(repo)
	if err != nil {
		var ce *workspace.ConfigError
		if errors.As(err, &ce) {
			err = fmt.Errorf("%w\nFix %s as said above, or move it away and run moim init to write a new one from what moim detects.", err, workspace.ConfigFile)
		}
		return nil, &ExitError{Code: ExitInput, Err: err}
	}
	return ws, nil
}

// selectWeeks returns the weeks to work on, and warnings about weeks
// without notes that were asked for or passed over.
func selectWeeks(ws *workspace.Workspace, weeks []int, all bool) ([]*workspace.Week, []string, error) {
	var out []*workspace.Week
	var warns []string
	switch {
	case len(weeks) > 0 && all:
		return nil, nil, inputErr("--week and --all cannot be used together")
	case all:
		for i := range ws.Weeks {
			if len(ws.Weeks[i].Notes) > 0 {
				out = append(out, &ws.Weeks[i])
			} else {
				warns = append(warns, fmt.Sprintf("week %d (%s): no notes found, skipped", ws.Weeks[i].Number, weekPlace(&ws.Weeks[i])))
			}
		}
	case len(weeks) > 0:
		for _, n := range weeks {
			wk, ok := ws.Week(n)
			if !ok {
				return nil, nil, inputErr("week %d not found in %s (weeks found: %s)", n, ws.Root, weekList(ws))
			}
			if len(wk.Notes) == 0 {
				warns = append(warns, fmt.Sprintf("week %d (%s): no notes found; every member is marked as not submitted", n, weekPlace(wk)))
			}
			out = append(out, wk)
		}
	default:
		if wk, ok := ws.Latest(); ok {
			out = append(out, wk)
			for i := range ws.Weeks {
				if later := &ws.Weeks[i]; later.Number > wk.Number {
					warns = append(warns, fmt.Sprintf("week %d (%s): no notes found yet; doing week %d, the latest week with notes", later.Number, weekPlace(later), wk.Number))
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, warns, &ExitError{Code: ExitCheck, Err: fmt.Errorf("nothing to do: no week with notes found in %s; notes go into week folders such as weeks/week01/ (see moim init)", ws.Root)}
	}
	return out, warns, nil
}

// weekPlace names where a week's notes are looked for.
func weekPlace(wk *workspace.Week) string {
	if wk.Dir != "" {
		return wk.Dir
	}
	return path.Dir(wk.Output)
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

// lockWait is how long generate waits for another run on the same
// repository to finish.
var lockWait = 3 * time.Second

// output is one document to write once every week is generated.
type output struct {
	path, shown string
	data        []byte
	mkdir       bool
	res         *insight.Week
	template    string
}

func runGenerate(ctx context.Context, o *GenerateOptions, s *IO) error {
	if o.Format != "markdown" && o.Format != "json" {
		return inputErr("--format %q: use markdown or json", o.Format)
	}
	ws, err := openWorkspace(o.Repo)
	if err != nil {
		return err
	}
	weeks, weekWarns, err := selectWeeks(ws, o.Weeks, o.All)
	if err != nil {
		warn(s, weekWarns...)
		return err
	}
	if o.Format == "markdown" && len(weeks) > 1 && o.Out != "" && o.Out != "-" {
		return inputErr("--out %s: several weeks cannot go to one file; use --out - or --format json", o.Out)
	}
	var warnings []string
	warnings = append(warnings, workspaceWarnings(ws)...)
	warnings = append(warnings, weekWarns...)

	name := o.Engine
	if name == "" {
		name = ws.Config.EngineName()
	}
	factory, ok := engineFactories[name]
	if !ok {
		return inputErr("--engine %q: unknown engine (offline, openai, anthropic)", name)
	}

	// One run at a time writes into a repository: take the lock before the
	// previous documents are read, keep it until the new ones are written.
	if writesFiles(o) {
		lock, err := fsutil.LockRepo(ctx, ws.Root, lockWait)
		var le *fsutil.LockedError
		switch {
		case errors.As(err, &le):
			return &ExitError{Code: ExitInput, Err: err}
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			warnings = append(warnings, fmt.Sprintf("%v; going on without the lock", err))
		default:
			defer lock.Unlock()
		}
	}
	if o.Format == "json" && o.Out != "" && o.Out != "-" {
		if err := fsutil.CheckOutput(o.Out, o.Out, false); err != nil {
			return &ExitError{Code: ExitInput, Err: fmt.Errorf("--out: %w", err)}
		}
	}

	eng, err := factory(ctx, o, ws, s)
	if err != nil {
		return &ExitError{Code: ExitInput, Err: err}
	}

	// Read everything and check the outputs before any work is done.
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
			shown := relTo(ws.Root, pw.OutPath)
			if o.Out != "" {
				shown = o.Out
			}
			if pw.Prev != "" && !doc.IsFillable(pw.Prev) {
				return inputErr("%s was written by hand (it has content and no moim state): moim will not overwrite it; write elsewhere with --out FILE, or remove the file to start again from the template", shown)
			}
			// The week folder of a member-first layout may not exist yet.
			if err := fsutil.CheckOutput(pw.OutPath, shown, o.Out == ""); err != nil {
				return &ExitError{Code: ExitInput, Err: err}
			}
		}
		loaded = append(loaded, pw)
	}
	warn(s, warnings...)
	if o.Strict && len(warnings) > 0 {
		return inputErr("%d warning(s) and --strict is set: nothing was written", len(warnings))
	}

	// Generate every week, then write: an interrupted or failed run
	// leaves every document as it was.
	report := insight.Report{Tool: "moim", Version: version(), Repo: ws.Root, Engine: eng.Name()}
	var outs []output
	var late []string
	for _, pw := range loaded {
		res, err := generateWeek(ctx, pw, eng)
		if err != nil {
			return err
		}
		warn(s, res.Warnings...)
		late = append(late, res.Warnings...)
		report.Weeks = append(report.Weeks, *res)
		if o.Format == "json" {
			continue
		}
		doc, err := pw.Document(res)
		if err != nil {
			return err
		}
		outs = append(outs, output{path: pw.OutPath, shown: relTo(ws.Root, pw.OutPath), data: []byte(doc),
			mkdir: o.Out == "", res: res, template: pw.Template.Source})
	}
	if o.Strict && len(late) > 0 {
		return inputErr("%d warning(s) and --strict is set: nothing was written", len(late))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if o.DryRun {
		// The requests went to stdout; the offline result is no document.
		fmt.Fprintln(s.ErrOut, "moim: dry run: nothing sent, nothing written")
		return nil
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
		return writeErr(fsutil.WriteFileAtomic(o.Out, b))
	}
	for _, out := range outs {
		if out.path == "" {
			fmt.Fprint(s.Out, string(out.data))
			continue
		}
		if out.mkdir {
			if err := os.MkdirAll(filepath.Dir(out.path), 0o755); err != nil {
				return writeErr(err)
			}
		}
		if err := fsutil.WriteFileAtomic(out.path, out.data); err != nil {
			return writeErr(err)
		}
		fmt.Fprintf(s.ErrOut, "moim: week %d: wrote %s (%s; template %s)\n", out.res.Number, out.shown, summarize(out.res), out.template)
	}
	return nil
}

// writesFiles reports whether the run writes files (and so takes the
// repository's lock); standard output needs no lock.
func writesFiles(o *GenerateOptions) bool {
	if o.DryRun {
		return false
	}
	if o.Format == "json" {
		return o.Out != "" && o.Out != "-"
	}
	return o.Out != "-"
}

func writeErr(err error) error {
	if err == nil {
		return nil
	}
	return &ExitError{Code: ExitInput, Err: fmt.Errorf("%w; the previous document, if any, is unchanged", err)}
}

// generateWeek runs the engine for one week. It returns as soon as ctx is
// cancelled (Ctrl-C), even when the engine does not look at ctx, and turns
// a panic in the engine into an error.
func generateWeek(ctx context.Context, pw *pipeline.Week, eng engine.Engine) (*insight.Week, error) {
	type result struct {
		res *insight.Week
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: &panicError{val: r, stack: debug.Stack()}}
			}
		}()
		res, err := pw.Generate(ctx, eng)
		done <- result{res, err}
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-done:
		if r.err != nil && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return r.res, r.err
	}
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
