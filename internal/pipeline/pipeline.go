package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// Week is one week's inputs, read and parsed.
type Week struct {
	WS   *workspace.Workspace
	Week *workspace.Week
	// Docs maps member name to the parsed note.
	Docs map[string]*note.Document
	// Template is the template that decides the sections.
	Template *doc.Template
	// OutPath is the absolute output path; Prev its current content ("" if none).
	OutPath string
	Prev    string
	// InputHash identifies the notes by content.
	InputHash string
	Warnings  []string
	// Summary is the week's summary document, once LoadSummary read it.
	Summary *Summary

	inputOnce  sync.Once
	input      *engine.Input
	inputPanic *PanicError
	// next is the next week of the same track when the run loaded it too
	// (see Run.Generate): its analysis is passed to the engine as
	// engine.Input.NextAnalysis.
	next *Week
}

// Analysed, when not nil, is called with the week's number each time
// pipeline analyses a week's notes. Tests use it to check that a command
// analyses each week exactly once.
var Analysed func(week int)

// Load reads a week's notes and chooses its template. templatePath, when
// not empty, overrides the configured template. out, when not empty,
// overrides the output path ("-" means standard output: no previous
// document).
func Load(ws *workspace.Workspace, wk *workspace.Week, templatePath, out string) (*Week, error) {
	w := LoadNotes(ws, wk)
	if err := w.loadInsights(templatePath, out); err != nil {
		return nil, err
	}
	return w, nil
}

// LoadNotes reads a week's notes only: the week's documents are loaded by
// Load (the insights) and LoadSummary.
func LoadNotes(ws *workspace.Workspace, wk *workspace.Week) *Week {
	// Start loading the Korean dictionary while the notes are read.
	text.Warm()
	w := &Week{WS: ws, Week: wk, Docs: map[string]*note.Document{}}
	warn := func(msg string) { w.Warnings = append(w.Warnings, msg) }
	// A member's note may be several files (additional notes, a member
	// folder, the presenter's file): each is parsed, then they are joined.
	parts := map[string][]*note.Document{}
	w.InputHash = readNotes(ws, wk, warn, func(member, path, src string) {
		if head, cut := truncateNote(src, MaxNoteBytes); cut {
			warn(fmt.Sprintf("%s: %s is more than moim reads from one note; only its first %s (lines 1-%d) were used", path, mb(len(src)), mb(len(head)), strings.Count(head, "\n")))
			src = head
		}
		parts[member] = append(parts[member], parseNote(path, src))
	})
	for member, docs := range parts {
		w.Docs[member] = note.Merge(docs...)
	}
	return w
}

// loadInsights reads the week's insights document and chooses its
// template (see Load).
func (w *Week) loadInsights(templatePath, out string) error {
	ws, wk := w.WS, w.Week
	var err error
	w.OutPath, w.Prev, err = readOutput(ws, out, wk.Output)
	if err != nil {
		return err
	}
	t, err := chooseTemplate(ws, w, templatePath)
	if err != nil {
		return err
	}
	w.Template = t
	w.Warnings = append(w.Warnings, t.Warnings()...)
	return nil
}

// readOutput resolves where a document goes — out ("-" standard output,
// else a file), or the repository-relative def — and reads what is there
// now ("" when nothing is).
func readOutput(ws *workspace.Workspace, out, def string) (outPath, prev string, err error) {
	switch {
	case out == "-":
		return "", "", nil
	case out != "":
		outPath, _ = filepath.Abs(out)
	default:
		outPath = filepath.Join(ws.Root, filepath.FromSlash(def))
	}
	prev, err = readDocument(ws, outPath)
	if err != nil {
		return "", "", err
	}
	return outPath, prev, nil
}

// readNotes reads and decodes the notes of wk: for each member the files
// of their first note with a readable file (wk.Notes lists a member's
// notes in order of preference). It calls each with every file read, in
// the week's order, warn with every file it skips, and returns the week's
// input hash. The hash covers member, path and whole decoded content of
// each file read, and the week's empty note files: it is what a
// document's state records (doc.State.InputHash) and what `moim check`
// compares, so its definition must not change.
func readNotes(ws *workspace.Workspace, wk *workspace.Week, warn func(string), each func(member, path, src string)) string {
	h := sha256.New()
	done := map[string]bool{}
	for _, nf := range wk.Notes {
		if done[nf.Member] {
			continue
		}
		for _, p := range nf.Paths() {
			src, err := note.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(p)))
			if err != nil {
				// An unreadable note (binary, undecodable, no permission, a
				// folder or a broken link by now) is named and skipped.
				warn(fmt.Sprintf("%s: skipped: %v%s", p, unwrapMsg(err), skipHint(err)))
				continue
			}
			done[nf.Member] = true
			fmt.Fprintf(h, "%s\x00%s\x00%d\x00", nf.Member, p, len(src))
			h.Write([]byte(src))
			if each != nil {
				each(nf.Member, p, src)
			}
		}
	}
	for _, nf := range wk.Empty {
		// An empty note counts for the hash: writing in it changes the week.
		fmt.Fprintf(h, "%s\x00%s\x00empty\x00", nf.Member, nf.Path)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// outputPath is the absolute path of wk's document in ws.
func outputPath(ws *workspace.Workspace, wk *workspace.Week) string {
	return filepath.Join(ws.Root, filepath.FromSlash(wk.Output))
}

// readDocument returns the content of the document at abs, "" when there
// is none.
func readDocument(ws *workspace.Workspace, abs string) (string, error) {
	shown := rel(ws.Root, abs)
	b, err := os.ReadFile(abs)
	switch {
	case err == nil:
		prev, err := note.Decode(abs, b)
		if err != nil {
			return "", fmt.Errorf("%s: cannot read the existing document (%v): moim will not replace what it cannot read; move it away, or write elsewhere with --out FILE", shown, unwrapMsg(err))
		}
		return prev, nil
	case errors.Is(err, fs.ErrNotExist) || isDirErr(abs):
		// Nothing to keep; a folder in the way is the writer's to report
		// (fsutil.CheckOutput).
		return "", nil
	}
	return "", fmt.Errorf("%s: cannot read the existing document (%v); fix it or write elsewhere with --out FILE", shown, unwrapPathErr(err))
}

// MaxNoteBytes is the most of one note that is parsed and analysed. Real
// weekly notes are 10-200 KB; a note beyond this is pasted data or logs,
// and reading all of it would only cost time and memory. The whole file
// still counts for the input hash, so `moim check` sees any change.
var MaxNoteBytes = 4 << 20

// truncateNote cuts src at the last line end at or before max bytes.
func truncateNote(src string, max int) (string, bool) {
	if len(src) <= max {
		return src, false
	}
	cut := strings.LastIndexByte(src[:max], '\n')
	if cut < 0 {
		// One enormous line: cut at a character boundary.
		cut = max
		for cut > 0 && !utf8.RuneStart(src[cut]) {
			cut--
		}
		return src[:cut], true
	}
	return src[:cut+1], true
}

func mb(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// isDirErr reports whether path is a folder, or a file stands where one
// of its folders should be.
func isDirErr(path string) bool {
	for p := path; ; {
		st, err := os.Stat(p)
		if err == nil {
			return st.IsDir() || p != path
		}
		parent := filepath.Dir(p)
		if parent == p {
			return false
		}
		p = parent
	}
}

// skipHint says what to do about a note that could not be read.
func skipHint(err error) string {
	switch {
	case errors.Is(err, note.ErrBinary):
		return "; move or rename it if it is not a note"
	case errors.Is(err, note.ErrEncoding):
		return "; save it as UTF-8 and run moim again"
	case errors.Is(err, fs.ErrPermission):
		return "; check its permissions"
	}
	return ""
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func chooseTemplate(ws *workspace.Workspace, w *Week, override string) (*doc.Template, error) {
	if override != "" {
		return parseTemplateFile(override, override)
	}
	if w.Prev != "" && doc.IsFillable(w.Prev) {
		t, err := doc.Parse(rel(ws.Root, w.OutPath), w.Prev)
		if err == nil {
			return t, nil
		}
		w.Warnings = append(w.Warnings, fmt.Sprintf("%s: not usable as a template (%v); using the configured or built-in template", rel(ws.Root, w.OutPath), err))
	}
	if ws.Template != "" {
		return parseTemplateFile(filepath.Join(ws.Root, filepath.FromSlash(ws.Template)), ws.Template)
	}
	return doc.Builtin(), nil
}

func parseTemplateFile(abs, name string) (*doc.Template, error) {
	src, err := note.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("template %s: cannot read it (%v); fix the path (--template or template: in moim.yaml)", name, unwrapMsg(err))
	}
	t, err := doc.Parse(name, src)
	if err != nil {
		// Parse's error names the file already.
		return nil, fmt.Errorf("%w; fix the template, or give another with --template FILE", err)
	}
	return t, nil
}

// Input returns the engine input of the week: its members in template
// order with their notes, the schedule, next week's material, and the
// analysis of the notes (analyze.Analyze). The week is analysed on the
// first call only; later calls return the same input, so every engine run
// on the week, and every view of it, shares one analysis.
func (w *Week) Input() *engine.Input {
	w.inputOnce.Do(func() {
		// A panic here may happen in Run.Generate's background
		// analysis: it is kept and raised again in every caller.
		defer func() {
			if v := recover(); v != nil {
				w.inputPanic = &PanicError{Value: v, Stack: debug.Stack()}
			}
		}()
		// The chapter summaries, read once for the week's three uses.
		summaries := chapterSummaries(w.WS)
		in := w.buildInput(summaries)
		in.Analysis = analyze.Analyze(in.Notes(), analyze.InStudy(w.Week.Number, studyBackground(w.WS)),
			analyze.WithMaterial(chapterMaterial(summaries, in.Schedule)))
		if Analysed != nil {
			Analysed(w.Week.Number)
		}
		w.input = in
	})
	if w.inputPanic != nil {
		panic(w.inputPanic)
	}
	return w.input
}

func (w *Week) buildInput(summaries []*note.Document) *engine.Input {
	in := &engine.Input{Week: w.Week.Number, Template: w.Template}
	seen := map[string]bool{}
	for _, m := range orderByTemplate(w.WS.MembersOf(w.Week), w.Template) {
		seen[m.Name] = true
		in.Members = append(in.Members, engine.MemberInput{Member: m, Doc: w.Docs[m.Name]})
	}
	// Notes whose member is not in the member list still count.
	var extra []string
	for name := range w.Docs {
		if !seen[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	for _, name := range extra {
		in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: name}, Doc: w.Docs[name]})
	}
	track := w.WS.TrackOf(w.Week)
	in.Schedule = track.ScheduleFor(w.Week.Number)
	in.Scheduled = len(track.Schedule) > 0
	in.Chapters = chapterList(summaries, in.Schedule)
	in.Next = track.ScheduleFor(w.Week.Number + 1)
	var byMember [][]*note.Document // next week's notes, a member's files together
	if next, ok := w.WS.WeekIn(w.Week.Track, w.Week.Number+1); ok {
		for _, nf := range next.Notes {
			var docs []*note.Document
			for _, p := range nf.Paths() {
				abs := filepath.Join(w.WS.Root, filepath.FromSlash(p))
				if src, err := note.ReadFile(abs); err == nil {
					docs = append(docs, parseNote(p, src))
					if in.NextAuthors == nil {
						in.NextAuthors = map[string]string{}
					}
					in.NextAuthors[p] = nf.Member
				}
			}
			if len(docs) > 0 {
				byMember = append(byMember, docs)
			}
		}
	}
	// Past the schedule's rows (or with none), next week's notes say
	// what next week reads when they agree on it.
	if in.Next == nil && len(byMember) > 0 {
		var this []*note.Document
		for _, m := range in.Members {
			this = append(this, m.Doc)
		}
		in.Next = notesRow(w.Week.Number+1, byMember, this)
	}
	// Past the listed rows with no notes yet, the README's stated pace
	// ("주차별로 2장씩") says which chapters come next.
	if in.Next == nil {
		in.Next = pacedRow(w.WS.Root, track.Schedule, w.Week.Number+1)
	}
	in.NextDocs = append(in.NextDocs, chapterMaterial(summaries, in.Next)...)
	for _, docs := range byMember {
		in.NextDocs = append(in.NextDocs, docs...)
	}
	return in
}

// UseNext tells Generate that next, the following week of the same track,
// is analysed too, so that the engine gets its analysis
// (engine.Input.NextAnalysis) instead of reading next week's sentences
// again; the result is the same either way. A week that is not the next
// one of w's track is ignored. Call it before Generate.
func (w *Week) UseNext(next *Week) {
	if next != nil && next.Week.Track == w.Week.Track && next.Week.Number == w.Week.Number+1 {
		w.next = next
	}
}

// Generate runs the engine and fills the file-level fields of the result.
func (w *Week) Generate(ctx context.Context, e engine.Engine) (*insight.Week, error) {
	in := w.Input()
	if w.next != nil {
		withNext := *in
		withNext.NextAnalysis = w.next.Input().Analysis
		in = &withNext
	}
	res, err := e.Generate(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("week %d: %w", w.Week.Number, err)
	}
	res.Number = w.Week.Number
	res.Track = w.Week.Track
	res.Title = w.Template.TitleFor(w.Week.Number)
	res.Dir = w.Week.Dir
	if w.OutPath != "" {
		res.Output = rel(w.WS.Root, w.OutPath)
	}
	res.InputHash = w.InputHash
	res.Warnings = append(res.Warnings, w.Warnings...)
	// A member whose note file is empty gets one line saying so, not the
	// line of a member who wrote nothing.
	for _, nf := range w.Week.Empty {
		for i := range res.Members {
			if m := &res.Members[i]; m.Name == nf.Member && !m.Submitted {
				m.Note, m.Notice, m.Sections = nf.Path, NoticeEmpty, nil
			}
		}
	}
	return res, nil
}

// NoticeEmpty stands for the sections of a member whose note file is empty.
const NoticeEmpty = "이번 주 노트 파일이 비어 있습니다."

// Document composes the markdown document with the previous one, keeping
// every human edit.
func (w *Week) Document(res *insight.Week) (string, error) {
	out, err := doc.Compose(w.Prev, w.Template, res)
	if err != nil {
		return "", fmt.Errorf("%s: %w", res.Output, err)
	}
	return out, nil
}

// State is what a week's document is, compared with the notes.
type State int

// Document states.
const (
	// Missing: no document, or a template moim has not filled yet.
	Missing State = iota
	// Stale: moim wrote it from notes that have changed since.
	Stale
	// Fresh: moim wrote it from the notes as they are now.
	Fresh
	// Handmade: written without moim (content, no moim state); moim
	// cannot tell what it was made from.
	Handmade
)

// State reports whether the week's document exists and was made from the
// notes as they are now.
func (w *Week) State() State {
	return documentState(w.Prev, w.InputHash, doc.IsFillable)
}

// documentState tells what the document src is ("" when there is none),
// compared with the notes whose input hash is input; fillable tells a
// template from a document written by hand.
func documentState(src, input string, fillable func(string) bool) State {
	if src == "" {
		return Missing
	}
	st, ok := doc.ReadState(src)
	switch {
	case ok && st.InputHash == input:
		return Fresh
	case ok:
		return Stale
	case fillable(src):
		return Missing
	}
	return Handmade
}

func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil || len(r) > 1 && r[:2] == ".." {
		return p
	}
	return path.Clean(filepath.ToSlash(r))
}

func unwrapMsg(err error) string {
	if u := errors.Unwrap(err); u != nil {
		return u.Error()
	}
	return err.Error()
}

// orderByTemplate puts the members the template names first, in the
// template's order and with the template's romanised names ("## 박지민 (Park
// Ji-Min)"), then the others in repository order.
func orderByTemplate(members []workspace.Member, t *doc.Template) []workspace.Member {
	type named struct{ name, roman string }
	var listed []named
	if t == nil {
		t = &doc.Template{} // a summary-only run reads no insights template
	}
	for _, h := range t.MemberHeadings {
		name, roman := doc.SplitMemberHeading(h)
		listed = append(listed, named{name, roman})
	}
	var out []workspace.Member
	used := make([]bool, len(members))
	for _, l := range listed {
		for i, m := range members {
			if !used[i] && m.Name == l.name {
				used[i] = true
				if l.roman != "" {
					m.Roman = l.roman
				}
				out = append(out, m)
			}
		}
	}
	for i, m := range members {
		if !used[i] {
			out = append(out, m)
		}
	}
	return out
}
