// Package engine defines how a week's insights are produced from its notes.
// The offline engine (package engine/offline) is the default; LLM engines
// (engine/llm) build on its evidence.
package engine

import (
	"context"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/template"
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
	Template *template.Template
	// Schedule is this week's schedule row, Next the next week's; either
	// may be nil.
	Schedule *workspace.ScheduleRow
	Next     *workspace.ScheduleRow
	// NextDocs are notes of the next week, when they exist already, and
	// other material about what comes next (chapter summaries).
	NextDocs []*note.Document
}

// Engine fills the sections of a week's document.
type Engine interface {
	// Name is the engine's name as recorded on bullets ("offline", a model).
	Name() string
	// Generate fills every member section and group section the template
	// has. It sets Members and Group of the returned week; the caller sets
	// the file-level fields (title, paths, input hash).
	Generate(ctx context.Context, in *Input) (*insight.Week, error)
}
