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
	// NextDocs are notes of the next week, when they exist already, and
	// other material about what comes next (chapter summaries).
	NextDocs []*note.Document
	// NextAnalysis is the next week's analysis when the run has made it
	// already (generate --all), nil otherwise. Engines may use it to
	// avoid reading NextDocs' sentences again; what they find must not
	// depend on whether it is there.
	NextAnalysis *analyze.Week
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

// ErrNoAnalysis is returned by engines given an input without its
// analysis.
var ErrNoAnalysis = errors.New("engine: the input has no analysis (pipeline analyses each week before generating)")
