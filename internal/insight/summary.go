package insight

import "strings"

// Kinds of Point: how a point of a summary is written.
const (
	PointBullet = "bullet" // a list item, with its nested items
	PointText   = "text"   // a paragraph
	PointQuote  = "quote"  // a quote or call-out
	PointCode   = "code"   // a code block, kept as written
	PointTable  = "table"  // a table, kept as written
)

// Point is one point of a summary section: the representative of the
// members' points that say the same thing.
type Point struct {
	// Kind is PointBullet, PointText, PointQuote, PointCode or PointTable.
	Kind string `json:"kind"`
	// Lines are the point's markdown lines without the list marker of
	// the first line: a bullet's text then its nested items ("- ...",
	// indented by two spaces per level); a code block's lines inside its
	// fence; a table's rows, header first.
	Lines []string `json:"lines"`
	// Lang is a code block's language, "" when none was given.
	Lang string `json:"lang,omitempty"`
	// Members are the members who wrote this point (in their own words),
	// the one whose wording was kept first.
	Members []string `json:"members"`
	// Sources are the note lines of every member's version, the kept
	// one first.
	Sources []Source `json:"sources"`
	// Engine names what produced the point: "offline" (a member's own
	// words), a model name, or "offline-fallback".
	Engine string `json:"engine"`
}

// Text is the point's text on one line, list markers and fences left out.
func (p Point) Text() string {
	var parts []string
	for _, l := range p.Lines {
		t := strings.TrimSpace(l)
		t = strings.TrimPrefix(t, "- ")
		if t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// SummarySection is one heading of a summary's outline with the points
// under it (not those of its subsections, which follow it).
type SummarySection struct {
	// Level is the section's depth: 1 a chapter, 2 a section ("3.1"), 3 a
	// subsection ("3.1.2"), 4 and more deeper ones.
	Level int `json:"level"`
	// Number is the book's section number when the notes give it ("3.1").
	Number string `json:"number,omitempty"`
	// Title is the heading without its number.
	Title string `json:"title"`
	// Members are the members whose notes have this section.
	Members []string `json:"members,omitempty"`
	// Sources are the note headings the section was aligned from.
	Sources []Source `json:"sources,omitempty"`
	Points  []Point  `json:"points,omitempty"`
}

// Heading is the section's heading text: the number, when there is one,
// then the title.
func (s SummarySection) Heading() string {
	if s.Number == "" {
		return s.Title
	}
	return s.Number + " " + s.Title
}

// Summary is the generated 통합 정리 (summary.md) of one week: one outline of
// the chapter merged from every member's note.
type Summary struct {
	// Track is the study the week belongs to in a repository with
	// several, "" otherwise.
	Track  string `json:"track,omitempty"`
	Number int    `json:"number"`
	Title  string `json:"title"`
	// Dir is the week folder relative to the repository root.
	Dir string `json:"dir"`
	// Output is the document's path relative to the repository root.
	Output string `json:"output"`
	// Fields fill the template's header fields by meaning: "integrator"
	// (정리자), "date" (날짜), "chapters" (범위), "topic" (주제), "presenter"
	// (발표자), "members" (참여자), "week" (주차); from the schedule.
	Fields map[string]string `json:"fields,omitempty"`
	// Overview is the short 개요 at the top.
	Overview []Point `json:"overview"`
	// Sections are the outline in document order.
	Sections []SummarySection `json:"sections"`
	// Members are the members whose notes the summary merges.
	Members   []string       `json:"members"`
	Engine    string         `json:"engine"`
	InputHash string         `json:"input_hash"`
	Warnings  []string       `json:"warnings,omitempty"`
	Stats     map[string]int `json:"stats,omitempty"`
}
