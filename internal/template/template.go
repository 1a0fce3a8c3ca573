// Package template reads an insights template into a section schema,
// renders a generated week into markdown, and merges a regenerated document
// with the previous one so that nothing a person wrote is lost.
package template

// SectionSpec is one section of the template (a ### heading).
type SectionSpec struct {
	// Key is the section's canonical meaning (insight.Key*), "" when moim
	// does not know the heading; unknown sections are kept as they are.
	Key string `json:"key"`
	// Heading is the heading text as written in the template.
	Heading string `json:"heading"`
	// Hint is the text of the section's <!-- hint --> comment, if any.
	Hint string `json:"hint,omitempty"`
	// Kind is insight.KindBullets, KindParagraph or KindTable.
	Kind string `json:"kind"`
	// TableHeader holds the table's header and separator lines for
	// table sections ("| 작성 내용 | 수정/보완 내용 | 비고 |", "|---|---|---|").
	TableHeader []string `json:"table_header,omitempty"`
}

// Template is the structure of an insights document.
type Template struct {
	// Title is the title line without "# ", with the week number in it as
	// written: "Week 02 - AI Engineering 인사이트". TitleFor substitutes the
	// number.
	Title string `json:"title"`
	// Intro is the text between the title and the first member heading.
	Intro string `json:"intro,omitempty"`
	// MemberSections are the sections every member block has, in order.
	MemberSections []SectionSpec `json:"member_sections"`
	// GroupHeading is the group block's heading ("통합 토론 주제").
	GroupHeading string `json:"group_heading"`
	// GroupIntro is the text between the group heading and its first section.
	GroupIntro string `json:"group_intro,omitempty"`
	// GroupSections are the group block's sections, in order.
	GroupSections []SectionSpec `json:"group_sections"`
	// Source is where the template came from: a path or "built-in".
	Source string `json:"source"`
}
