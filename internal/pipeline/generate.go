package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/par"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// Formats of a generate run's result.
const (
	FormatMarkdown = "markdown" // each week's document
	FormatJSON     = "json"     // one insight.Report of every week
)

// ErrNothingToDo is returned when no week has notes: there is nothing to
// generate or check.
var ErrNothingToDo = errors.New("nothing to do")

// PanicError is a panic caught while moim ran: a bug in moim, not in the
// user's files.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// Run is one `moim generate`: which weeks, where the result goes, and the
// hooks through which the command builds the engine and reports progress.
type Run struct {
	// Track narrows the run to one track (study) of a repository with
	// several; "" is every track.
	Track string
	// Weeks are the weeks to generate (of every track that has them); none
	// means the latest week with notes, or every week with notes when All
	// is set.
	Weeks []int
	All   bool
	// Template, when set, is the template file for every week (instead of
	// moim.yaml's and the week's own document).
	Template string
	// Out is where the result goes: "" each week's own document (the JSON
	// report: standard output), "-" standard output, else this file.
	Out string
	// Format is FormatMarkdown or FormatJSON.
	Format string
	// Docs are the documents to write (DocInsights, DocSummary); none
	// means the insights.
	Docs []string
	// Strict turns warnings into an error before anything is written.
	Strict bool
	// DryRun generates but writes nothing (LLM engines print their
	// requests instead of sending them).
	DryRun bool
	// Version is recorded in the JSON report.
	Version string
	// LockWait is how long to wait for another run on the repository.
	LockWait time.Duration

	// NewEngine builds the engine once the repository is locked and the
	// JSON output checked, before any week is read.
	NewEngine func(ctx context.Context) (engine.Engine, error)
	// Summarizer returns the summary engine that goes with the engine
	// (needed with DocSummary).
	Summarizer func(engine.Engine) engine.Summarizer
	// Stdout receives documents and the report written to "-".
	Stdout io.Writer
	// Warn receives warnings: first those found before generating (all at
	// once), then each week's own.
	Warn func(msgs ...string)
	// Wrote is told each document written: its week and track, its path
	// as shown to people, the template it followed and what it holds.
	Wrote func(week int, track, shown, template, what string)
	// Generating, when set, is told as each week's generation starts: the
	// i-th (from 1) of n, the week's number and the engine (a status line).
	Generating func(i, n, week int, engine string)
}

// wants reports whether the run writes the document kind d.
func (r *Run) wants(d string) bool {
	if len(r.Docs) == 0 {
		return d == DocInsights
	}
	for _, x := range r.Docs {
		if x == d {
			return true
		}
	}
	return false
}

// Generate runs the plan of `moim generate` on ws: select the weeks, take
// the repository's lock when files are written, check the outputs, build
// the engine, read every week (refusing to overwrite a document written by
// hand, see Week.State), generate every week, and only then write, each
// document atomically. A failed or interrupted run leaves every document
// as it was.
func (r *Run) Generate(ctx context.Context, ws *workspace.Workspace) error {
	weeks, weekWarns, err := SelectWeeks(ws, r.Track, r.Weeks, r.All)
	if err != nil {
		r.Warn(weekWarns...)
		return err
	}
	if err := CheckOut(r.Format, r.Out, len(weeks)); err != nil {
		return err
	}
	if err := CheckDocsOut(r.Format, r.Out, r.Docs); err != nil {
		return err
	}
	// Every week's analysis needs the dictionary and the study's
	// background: start both now, beside the lock, the engine's set-up and
	// the reading of the weeks.
	text.Warm()
	go studyBackground(ws)
	warnings := append(WorkspaceWarnings(ws), weekWarns...)

	// One run at a time writes into a repository: take the lock before the
	// previous documents are read, keep it until the new ones are written.
	if r.writesFiles() {
		lock, err := fsutil.LockRepo(ctx, ws.Root, r.LockWait)
		var le *fsutil.LockedError
		switch {
		case errors.As(err, &le):
			return err
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			warnings = append(warnings, fmt.Sprintf("%v; going on without the lock", err))
		default:
			defer lock.Unlock()
		}
	}
	if r.Format == FormatJSON && r.toFile() {
		if err := fsutil.CheckOutput(r.Out, r.Out, false); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
	}
	eng, err := r.NewEngine(ctx)
	if err != nil {
		return err
	}
	var summarizer engine.Summarizer
	if r.wants(DocSummary) {
		summarizer = r.Summarizer(eng)
	}
	// A week's summary is drafted beside its insights (both engines only
	// read the week's analysis) unless the insights engine drafts
	// summaries itself: an LLM engine's requests then take turns.
	beside := summarizer != nil && r.wants(DocInsights) && !draftsSummaries(eng)

	// Read everything and check the outputs before any work is done: the
	// weeks on all cores, beside the dictionary load and the study's
	// background.
	loaded := make([]*Week, len(weeks))
	errs := make([]error, len(weeks))
	par.Each(len(weeks), func(i int) { loaded[i], errs[i] = r.load(ws, weeks[i]) })
	for i, w := range loaded {
		if errs[i] != nil {
			return errs[i]
		}
		warnings = append(warnings, w.Warnings...)
		w.Warnings = nil
	}
	r.Warn(warnings...)
	if r.Strict && len(warnings) > 0 {
		return fmt.Errorf("%d warning(s) and --strict is set: nothing was written", len(warnings))
	}

	// A week's engine may use the next week's analysis, which the run
	// makes anyway.
	type weekID struct {
		track  string
		number int
	}
	byID := map[weekID]*Week{}
	for _, w := range loaded {
		byID[weekID{w.Week.Track, w.Week.Number}] = w
	}
	for _, w := range loaded {
		w.UseNext(byID[weekID{w.Week.Track, w.Week.Number + 1}])
	}

	// Generate every week, then write. The results are taken in week
	// order, so warnings, the report and the documents come in the same
	// order however the weeks are scheduled.
	report := insight.Report{Tool: "moim", Version: r.Version, Repo: ws.Root, Engine: eng.Name()}
	var outs []output
	var late []string
	take := func(w *Week, got weekResult) {
		if res := got.insights; res != nil {
			r.Warn(res.Warnings...)
			late = append(late, res.Warnings...)
			report.Weeks = append(report.Weeks, *res)
			if r.Format == FormatMarkdown {
				outs = append(outs, output{path: w.OutPath, shown: rel(ws.Root, w.OutPath), data: []byte(got.insightsMD),
					mkdir: r.Out == "", week: res.Number, track: res.Track, what: summarize(res), template: w.Template.Source})
			}
		}
		if res := got.summary; res != nil {
			r.Warn(res.Warnings...)
			late = append(late, res.Warnings...)
			report.Summaries = append(report.Summaries, *res)
			if r.Format == FormatMarkdown {
				outs = append(outs, output{path: w.Summary.OutPath, shown: rel(ws.Root, w.Summary.OutPath), data: []byte(got.summaryMD),
					mkdir: r.Out == "", week: res.Number, track: res.Track, what: describeSummary(res), template: w.Summary.Template.Source})
			}
		}
	}
	gen := weekGen{run: r, eng: eng, summarizer: summarizer}
	if local(eng) && (summarizer == nil || local(summarizer)) {
		err = gen.planned(ctx, loaded, take)
	} else {
		err = gen.inTurn(ctx, loaded, beside, take)
	}
	if err != nil {
		return err
	}
	if r.Strict && len(late) > 0 {
		return fmt.Errorf("%d warning(s) and --strict is set: nothing was written", len(late))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if r.DryRun {
		return nil
	}
	if r.Format == FormatJSON {
		return r.writeReport(report)
	}
	return r.writeDocuments(outs)
}

// ErrWeekAndAll is the error of asking for given weeks and all weeks.
var ErrWeekAndAll = errors.New("--week and --all cannot be used together")

// CheckOut returns an error when the documents of several weeks would go
// to one markdown file.
func CheckOut(format, out string, weeks int) error {
	if format == FormatMarkdown && weeks > 1 && out != "" && out != "-" {
		return fmt.Errorf("--out %s: several weeks cannot go to one file; use --out - or --format json", out)
	}
	return nil
}

// CheckDocsOut returns an error when two kinds of document would go to one
// markdown file.
func CheckDocsOut(format, out string, docs []string) error {
	if format == FormatMarkdown && len(docs) > 1 && out != "" && out != "-" {
		return fmt.Errorf("--out %s: --doc %s writes two documents, which cannot go to one file; use --out - or --format json, or one --doc at a time", out, strings.Join(docs, ","))
	}
	return nil
}

// output is one document to write once every week is generated.
type output struct {
	path, shown string
	data        []byte
	mkdir       bool
	week        int
	track       string
	what        string // what the document holds, for people
	template    string
}

// toFile reports whether the result goes to the file Out.
func (r *Run) toFile() bool { return r.Out != "" && r.Out != "-" }

// writesFiles reports whether the run writes files (and so takes the
// repository's lock); standard output needs no lock.
func (r *Run) writesFiles() bool {
	switch {
	case r.DryRun:
		return false
	case r.Format == FormatJSON:
		return r.toFile()
	}
	return r.Out != "-"
}

// load reads one week and checks where its document goes: never over a
// document written by hand, and only where it can be written.
func (r *Run) load(ws *workspace.Workspace, wk *workspace.Week) (*Week, error) {
	out := r.Out
	if r.Format == FormatJSON {
		out = "-" // the report, not the week's document
	}
	w := LoadNotes(ws, wk)
	if r.wants(DocInsights) {
		if err := w.loadInsights(r.Template, out); err != nil {
			return nil, err
		}
		if err := r.checkOutput(ws, w.OutPath, w.State()); err != nil {
			return nil, err
		}
	}
	if r.wants(DocSummary) {
		if err := w.LoadSummary(r.Template, out); err != nil {
			return nil, err
		}
		if err := r.checkOutput(ws, w.Summary.OutPath, w.SummaryState()); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// checkOutput refuses a document written by hand and checks that the
// output can be written.
func (r *Run) checkOutput(ws *workspace.Workspace, outPath string, st State) error {
	if outPath == "" {
		return nil
	}
	shown := rel(ws.Root, outPath)
	if r.Out != "" {
		shown = r.Out
	}
	if st == Handmade {
		return fmt.Errorf("%s was written by hand (it has content and no moim state): moim will not overwrite it; write elsewhere with --out FILE, or remove the file to start again from the template", shown)
	}
	// The week folder of a member-first layout may not exist yet.
	return fsutil.CheckOutput(outPath, shown, r.Out == "")
}

func (r *Run) writeReport(report insight.Report) error {
	b, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if !r.toFile() {
		_, err = r.Stdout.Write(b)
		return err
	}
	return writeErr(fsutil.WriteFileAtomic(r.Out, b))
}

// writeDocuments writes the documents: those for standard output in
// order; the files first each to a temporary file beside it, all at once
// (the syncs are waits on the disk, not work), then, once every one is
// ready, renamed into place in order. A file that cannot be prepared
// leaves every document as it was.
func (r *Run) writeDocuments(outs []output) error {
	pending := make([]*fsutil.Pending, len(outs))
	errs := make([]error, len(outs))
	var wg sync.WaitGroup
	disk := make(chan struct{}, maxPreparing)
	for i, out := range outs {
		if out.path == "" {
			continue
		}
		if out.mkdir {
			if err := os.MkdirAll(filepath.Dir(out.path), 0o755); err != nil {
				errs[i] = err
				break
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			disk <- struct{}{}
			defer func() { <-disk }()
			pending[i], errs[i] = fsutil.PrepareFileAtomic(out.path, out.data)
		}()
	}
	wg.Wait()
	discard := func(from int) {
		for _, p := range pending[from:] {
			if p != nil {
				p.Discard()
			}
		}
	}
	for _, err := range errs {
		if err != nil {
			discard(0)
			return writeErr(err)
		}
	}
	for i, out := range outs {
		if out.path == "" {
			fmt.Fprint(r.Stdout, string(out.data))
			continue
		}
		if err := pending[i].Commit(); err != nil {
			discard(i + 1)
			return writeErr(err)
		}
		r.Wrote(out.week, out.track, out.shown, out.template, out.what)
	}
	return nil
}

// maxPreparing is how many documents writeDocuments prepares at once.
const maxPreparing = 8

func writeErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w; the previous document, if any, is unchanged", err)
}

// guard runs one week's engine. It returns as soon as ctx is cancelled
// (Ctrl-C), even when the engine does not look at ctx, and turns a panic
// in the engine into a *PanicError.
func guard[T any](ctx context.Context, run func() (T, error)) (T, error) {
	type result struct {
		res T
		err error
	}
	var zero T
	done := make(chan result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				pe, ok := v.(*PanicError)
				if !ok {
					pe = &PanicError{Value: v, Stack: debug.Stack()}
				}
				done <- result{err: pe}
			}
		}()
		res, err := run()
		done <- result{res, err}
	}()
	select {
	case <-ctx.Done():
		return zero, ctx.Err()
	case r := <-done:
		if r.err != nil && ctx.Err() != nil {
			return zero, ctx.Err()
		}
		return r.res, r.err
	}
}

// summarize says what an insights document holds.
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

// describeSummary says what a summary holds.
func describeSummary(s *insight.Summary) string {
	points := 0
	for _, sec := range s.Sections {
		points += len(sec.Points)
	}
	return fmt.Sprintf("summary of %d notes, %d headings, %d points, engine %s", len(s.Members), len(s.Sections), points, s.Engine)
}

// SelectWeeks returns the weeks to work on — the given ones, every week
// with notes (all), or the latest week with notes — and warnings about
// weeks without notes that were asked for or passed over. In a repository
// with several tracks (studies), week N is week N of every track that has
// it and the latest week is each track's; track, when set, narrows to one
// track (see SelectTracks). It returns ErrNothingToDo when no week is left.
func SelectWeeks(ws *workspace.Workspace, track string, weeks []int, all bool) ([]*workspace.Week, []string, error) {
	var out []*workspace.Week
	var warns []string
	tracks, err := SelectTracks(ws, track)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case len(weeks) > 0 && all:
		return nil, nil, ErrWeekAndAll
	case all:
		for _, t := range tracks {
			for _, wk := range ws.TrackWeeks(t) {
				if len(wk.Notes) > 0 {
					out = append(out, wk)
				} else {
					warns = append(warns, fmt.Sprintf("%s (%s): no notes found, skipped", WeekLabel(ws, wk), weekPlace(wk)))
				}
			}
		}
	case len(weeks) > 0:
		for _, n := range weeks {
			found := false
			for _, t := range tracks {
				wk, ok := ws.WeekIn(t, n)
				if !ok {
					continue
				}
				found = true
				if len(wk.Notes) == 0 {
					warns = append(warns, fmt.Sprintf("%s (%s): no notes found; every member is marked as not submitted", WeekLabel(ws, wk), weekPlace(wk)))
				}
				out = append(out, wk)
			}
			if !found {
				return nil, nil, fmt.Errorf("week %d not found in %s (weeks found: %s)", n, ws.Root, weekList(ws, tracks))
			}
		}
	default:
		for _, t := range tracks {
			wk, ok := ws.LatestIn(t)
			if !ok {
				continue
			}
			out = append(out, wk)
			for _, later := range ws.TrackWeeks(t) {
				if later.Number > wk.Number {
					warns = append(warns, fmt.Sprintf("%s (%s): no notes found yet; doing week %d, the latest week with notes", WeekLabel(ws, later), weekPlace(later), wk.Number))
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, warns, fmt.Errorf("%w: no week with notes found in %s; moim looks for week folders (week01, 1주차, chap03, 241105 …) and member folders with numbered notes. Run moim ls to see every file and why it is not a note, or set layout in moim.yaml", ErrNothingToDo, ws.Root)
	}
	return out, warns, nil
}

// SelectTracks returns the names of the tracks to work on: every track,
// or the one track names (by name or folder).
func SelectTracks(ws *workspace.Workspace, track string) ([]string, error) {
	var names []string
	for _, t := range ws.Tracks {
		names = append(names, t.Name)
	}
	if track == "" {
		return names, nil
	}
	for _, t := range ws.Tracks {
		if t.Name == track || t.Dir != "" && strings.Trim(track, "/") == t.Dir {
			return []string{t.Name}, nil
		}
	}
	if len(names) <= 1 {
		return nil, fmt.Errorf("--track %s: this repository holds one study; leave --track out", track)
	}
	return nil, fmt.Errorf("--track %s: no such track (tracks: %s)", track, strings.Join(names, ", "))
}

// WeekLabel names a week for messages: "week 3", or "week 3 of <track>" in
// a repository with several tracks.
func WeekLabel(ws *workspace.Workspace, wk *workspace.Week) string {
	if len(ws.Tracks) > 1 && wk.Track != "" {
		return fmt.Sprintf("week %d of %s", wk.Number, wk.Track)
	}
	return fmt.Sprintf("week %d", wk.Number)
}

// weekPlace names where a week's notes are looked for.
func weekPlace(wk *workspace.Week) string {
	if wk.Dir != "" {
		return wk.Dir
	}
	return path.Dir(wk.Output)
}

func weekList(ws *workspace.Workspace, tracks []string) string {
	var ns []string
	for _, t := range tracks {
		for _, w := range ws.TrackWeeks(t) {
			if len(ws.Tracks) > 1 {
				ns = append(ns, fmt.Sprintf("%s %d", w.Track, w.Number))
			} else {
				ns = append(ns, fmt.Sprint(w.Number))
			}
		}
	}
	if len(ns) == 0 {
		return "none"
	}
	return strings.Join(ns, ", ")
}

// WorkspaceWarnings are the warnings discovery left on ws, as text.
func WorkspaceWarnings(ws *workspace.Workspace) []string {
	var out []string
	for _, w := range ws.Warnings {
		out = append(out, w.String())
	}
	return out
}
