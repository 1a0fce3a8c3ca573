// Package engine defines how a week's insights are produced from its notes.
// The offline engine (package engine/offline) is the default; LLM engines
// (engine/llm) build on its evidence.
package engine

import (
	"context"
	"sort"

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

// Evidence is one sentence of a member's note offered to a section.
type Evidence struct {
	// ID is unique within a week: "<member index>.<sentence id>", e.g. "2.41".
	ID     string  `json:"id"`
	Member string  `json:"member"`
	File   string  `json:"file"`
	Line   int     `json:"line"`
	Text   string  `json:"text"`
	Score  float64 `json:"score"`
	// Terms are the concept terms of the sentence.
	Terms []string `json:"terms,omitempty"`
}

// Concept is one row of the week's member × concept matrix.
type Concept struct {
	Term string `json:"term"`
	// Counts maps a member name to the number of sentences of their note
	// that mention the concept.
	Counts map[string]int `json:"counts"`
}

// Members returns the names of the members who mention the concept.
func (c Concept) Members() []string {
	var out []string
	for m, n := range c.Counts {
		if n > 0 {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

// Total is the number of sentences, over all members, that mention the
// concept.
func (c Concept) Total() int {
	n := 0
	for _, v := range c.Counts {
		n += v
	}
	return n
}

// Analysis is the offline analysis of a week, shared by all engines.
type Analysis struct {
	// Evidence maps member name → section key → candidates, best first.
	Evidence map[string]map[string][]Evidence `json:"evidence"`
	// Concepts is the member × concept matrix, most shared first.
	Concepts []Concept `json:"concepts"`
	// Sentences maps evidence ID → evidence for every sentence of every note.
	Sentences map[string]Evidence `json:"-"`
}

// Analyzer computes a week's Analysis.
type Analyzer interface {
	Analyze(in *Input) *Analysis
}
