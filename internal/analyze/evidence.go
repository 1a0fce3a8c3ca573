package analyze

import "sort"

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
	// Keys are the comparison keys of every spelling of the concept the
	// notes use ("컨텍스트", "context").
	Keys []string `json:"keys,omitempty"`
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
