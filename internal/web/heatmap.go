package web

import (
	"fmt"
	"sort"

	"github.com/moim-study/moim/internal/analyze"
)

// The week's member × concept heatmap, drawn as an HTML table (text stays
// legible on a phone, where the table scrolls sideways): one row per
// concept of the week's concept matrix (analyze.Week.Concepts, the same
// concepts the documents use), shared concepts first, then the ones a
// single member wrote about; one column per member in the site's member
// order. A cell's number is how many of the member's sentences mention the
// concept; its shade is that number against the member's most mentioned
// concept, so a long note does not outshine a short one.

const (
	hmShared = 24 // most shared concepts shown
	hmUnique = 12 // most mentioned single-member concepts shown
)

type heatmap struct {
	Members []memberRef
	Rows    []hmRow
	Shared  int // concepts that two or more members mention, in all
	Unique  int // concepts only one member mentions, in all
	Total   int
}

type hmRow struct {
	Term    string
	Shared  bool
	Members int
	Cells   []hmCell
	// Divider is true for the first single-member row.
	Divider bool
}

type hmCell struct {
	Count  int
	Class  string
	Member string
}

// newHeatmap draws the concepts of a week for the members (in site order)
// who wrote a note.
func newHeatmap(concepts []analyze.Concept, members []memberRef) *heatmap {
	h := &heatmap{Total: len(concepts), Members: members}
	if len(members) == 0 || len(concepts) == 0 {
		return h
	}
	peak := map[string]int{}
	var shared, unique []analyze.Concept
	for _, c := range concepts {
		for m, n := range c.Counts {
			peak[m] = max(peak[m], n)
		}
		if n := mentions(c); n >= 2 {
			shared = append(shared, c)
		} else if n == 1 {
			unique = append(unique, c)
		}
	}
	h.Shared, h.Unique = len(shared), len(unique)
	// The matrix lists the most shared first; single-member ones go by count.
	sort.SliceStable(unique, func(i, j int) bool { return unique[i].Total() > unique[j].Total() })
	if len(shared) > hmShared {
		shared = shared[:hmShared]
	}
	if len(unique) > hmUnique {
		unique = unique[:hmUnique]
	}
	add := func(c analyze.Concept, divider bool) {
		r := hmRow{Term: c.Term, Members: mentions(c), Divider: divider}
		r.Shared = r.Members >= 2
		for _, m := range members {
			n := c.Counts[m.Name]
			r.Cells = append(r.Cells, hmCell{Count: n, Member: m.Name, Class: cellClass(n, peak[m.Name], r.Shared)})
		}
		h.Rows = append(h.Rows, r)
	}
	for _, c := range shared {
		add(c, false)
	}
	for i, c := range unique {
		add(c, i == 0 && len(shared) > 0)
	}
	return h
}

func mentions(c analyze.Concept) int {
	n := 0
	for _, v := range c.Counts {
		if v > 0 {
			n++
		}
	}
	return n
}

// level buckets a count into 0..4 against the member's peak count.
func level(n, peak int) int {
	if n <= 0 || peak <= 0 {
		return 0
	}
	return min(4, max(1, (4*n+peak-1)/peak))
}

func cellClass(n, peak int, shared bool) string {
	l := level(n, peak)
	if l == 0 {
		return "hm0"
	}
	if shared {
		return fmt.Sprintf("hms%d", l)
	}
	return fmt.Sprintf("hmu%d", l)
}

// memberClass is the colour class of the i-th member (eight colours).
func memberClass(i int) string { return fmt.Sprintf("mc%d", i%8) }
