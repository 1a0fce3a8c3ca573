package engine

import (
	"context"
	"errors"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// MemberInput is one member of the week with their parsed note.
type MemberInput struct {
	Member workspace.Member
	// Doc is the parsed note, nil when the member submitted none.
	Doc *note.Document
}

// Input is everything an engine needs to fill one week's document.
type Input struct {
	Week     int
	Members  []MemberInput
	Template *doc.Template
	// Schedule is this week's schedule row, Next the next week's; either
	// may be nil.
	Schedule *workspace.ScheduleRow
	Next     *workspace.ScheduleRow
	// Scheduled reports whether the week's track has a schedule at all
	// (moim.yaml's, the README's or a derived one), so that a week past
	// its last row is told apart from a study with no schedule.
	Scheduled bool
	// NextDocs are notes of the next week, when they exist already, and
	// other material about what comes next (chapter summaries).
	NextDocs []*note.Document
	// NextAuthors names the member who wrote each of next week's notes,
	// by the note's path (Document.Path); chapter material has none.
	NextAuthors map[string]string
	// NextAnalysis is the next week's analysis when the run has made it
	// already (generate --all), nil otherwise. Engines may use it to
	// avoid reading NextDocs' sentences again; what they find must not
	// depend on whether it is there.
	NextAnalysis *analyze.Week
	// Chapters are the book's chapters the week covers, from the
	// schedule and the repository's chapter summaries (see Chapter).
	Chapters []Chapter
	// Analysis is the week's analysis of Notes(): pipeline computes it
	// once per week before any engine runs. Engines read it and never
	// analyse the notes themselves.
	Analysis *analyze.Week
}

// Notes lists the members' notes in member order, as analyze.Analyze
// takes them.
func (in *Input) Notes() []analyze.Note {
	out := make([]analyze.Note, len(in.Members))
	for i, m := range in.Members {
		out[i] = analyze.Note{Member: m.Member.Name, Doc: m.Doc}
	}
	return out
}

// Engine fills the sections of a week's document.
type Engine interface {
	// Name is the engine's name as recorded on bullets ("offline", a model).
	Name() string
	// Generate fills every member section and group section the template
	// has from in.Analysis. It sets Members and Group of the returned
	// week; the caller sets the file-level fields (title, paths, input
	// hash).
	Generate(ctx context.Context, in *Input) (*insight.Week, error)
}

// Chapter is one chapter of the book a week covers: its number from the
// schedule ("3-4장"), its title and section headings as the repository's
// chapter summaries give them, when they do.
type Chapter struct {
	Number int
	// Title is the chapter's title without its number ("평가 방법론"), ""
	// when unknown.
	Title string
	// Sections are the chapter's section headings in the chapter
	// summaries, in order; often none.
	Sections []string
	// Source is the line of the chapter summaries naming the chapter.
	Source insight.Source
}

// Local is implemented by engines and summary engines that work on this
// machine alone: they send no request and print nothing, and one value may
// run on several weeks at once. pipeline runs the weeks of such an engine
// on every core; any other engine runs one week at a time, in week order
// (an LLM engine's requests keep their order and their pace).
type Local interface {
	Local() bool
}

// Summarizer drafts a week's summary (summary.md, the 통합 정리): one
// outline of the chapter merged from every member's note.
type Summarizer interface {
	// Name is the engine's name as recorded on points.
	Name() string
	// Summarize merges the members' notes into the week's outline from
	// in.Analysis. It sets the outline, overview, members and engine of
	// the returned summary; the caller sets the file-level fields
	// (title, paths, input hash, header fields).
	Summarize(ctx context.Context, in *Input) (*insight.Summary, error)
}

// ErrNoAnalysis is returned by engines given an input without its
// analysis.
var ErrNoAnalysis = errors.New("engine: the input has no analysis (pipeline analyses each week before generating)")
