package web

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
)

// Heatmap sizes (SVG user units).
const (
	hmLabelW  = 170
	hmCellW   = 64
	hmCellH   = 22
	hmHeadH   = 34
	hmShared  = 24 // most shared concepts shown
	hmUnique  = 12 // most mentioned single-member concepts shown
	hmLabelMx = 13 // runes of a concept label before it is cut
)

// heatmap is the week's member × concept matrix drawn as an SVG grid:
// one row per concept (shared ones first, then ones a single member wrote
// about), one column per member, the cell's shade the number of sentences.
type heatmap struct {
	Width, Height int
	Members       []hmCol
	Rows          []hmRow
	Shared        int // concepts that two or more members mention, in all
	Unique        int // concepts only one member mentions, in all
	Total         int
}

type hmCol struct {
	X    int // centre
	Name string
}

type hmRow struct {
	Y       int
	Term    string
	Label   string
	Shared  bool
	Members int
	Cells   []hmCell
	// Divider is true for the first unique row, drawn under a rule.
	Divider bool
}

type hmCell struct {
	X, Y   int
	Count  int
	Class  string
	Member string
}

func newHeatmap(concepts []analyze.Concept, members []string) *heatmap {
	h := &heatmap{Total: len(concepts)}
	if len(members) == 0 || len(concepts) == 0 {
		return h
	}
	var shared, unique []analyze.Concept
	for _, c := range concepts {
		if n := mentions(c); n >= 2 {
			shared = append(shared, c)
		} else if n == 1 {
			unique = append(unique, c)
		}
	}
	h.Shared, h.Unique = len(shared), len(unique)
	// concepts come most shared first; unique ones by count.
	sort.SliceStable(unique, func(i, j int) bool { return sum1(unique[i]) > sum1(unique[j]) })
	if len(shared) > hmShared {
		shared = shared[:hmShared]
	}
	if len(unique) > hmUnique {
		unique = unique[:hmUnique]
	}
	for i, m := range members {
		h.Members = append(h.Members, hmCol{X: hmLabelW + i*hmCellW + hmCellW/2, Name: cut(m, 6)})
	}
	y := hmHeadH
	add := func(c analyze.Concept, divider bool) {
		if divider {
			y += 10
		}
		r := hmRow{Y: y, Term: c.Term, Label: cut(c.Term, hmLabelMx), Members: mentions(c), Divider: divider}
		r.Shared = r.Members >= 2
		for i, m := range members {
			n := c.Counts[m]
			r.Cells = append(r.Cells, hmCell{X: hmLabelW + i*hmCellW + 2, Y: y + 2, Count: n, Member: m, Class: cellClass(n, r.Shared)})
		}
		h.Rows = append(h.Rows, r)
		y += hmCellH
	}
	for _, c := range shared {
		add(c, false)
	}
	for i, c := range unique {
		add(c, i == 0 && len(shared) > 0)
	}
	h.Width = hmLabelW + len(members)*hmCellW + 56
	h.Height = y + 6
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

func sum1(c analyze.Concept) int {
	n := 0
	for _, v := range c.Counts {
		n += v
	}
	return n
}

// level buckets a sentence count into 0..4.
func level(n int) int {
	switch {
	case n <= 0:
		return 0
	case n == 1:
		return 1
	case n <= 3:
		return 2
	case n <= 7:
		return 3
	}
	return 4
}

func cellClass(n int, shared bool) string {
	l := level(n)
	if l == 0 {
		return "hm0"
	}
	if shared {
		return fmt.Sprintf("hms%d", l)
	}
	return fmt.Sprintf("hmu%d", l)
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// Concept chart sizes.
const (
	ccLabelW = 150
	ccCellW  = 96
	ccRowH   = 20
	ccHeadH  = 26
	ccBarMax = 84
)

// conceptChart draws, for each concept, one bar per week whose length is
// the number of sentences mentioning it, split by member.
type conceptChart struct {
	Width, Height int
	Weeks         []ccCol
	Rows          []ccRow
	Members       []ccLegend
}

type ccCol struct {
	X     int
	Label string
}

type ccRow struct {
	Y     int
	Term  string
	Label string
	Segs  []ccSeg
}

type ccSeg struct {
	X, Y, W int
	Class   string
	Title   string
}

type ccLegend struct {
	Name  string
	Class string
}

// memberClass is the colour class of the i-th member (eight colours).
func memberClass(i int) string { return fmt.Sprintf("mc%d", i%8) }

func newConceptChart(rows []conceptRow, weeks []int, members []memberRef) *conceptChart {
	ch := &conceptChart{}
	if len(rows) == 0 || len(weeks) == 0 {
		return ch
	}
	const maxRows = 20
	if len(rows) > maxRows {
		rows = rows[:maxRows]
	}
	peak := 1
	for _, r := range rows {
		for _, v := range r.PerWeek {
			peak = max(peak, v)
		}
	}
	for i, n := range weeks {
		ch.Weeks = append(ch.Weeks, ccCol{X: ccLabelW + i*ccCellW, Label: fmt.Sprintf("%d주차", n)})
	}
	for i, m := range members {
		ch.Members = append(ch.Members, ccLegend{Name: m.Name, Class: memberClass(i)})
	}
	y := ccHeadH
	for _, r := range rows {
		cr := ccRow{Y: y, Term: r.Term, Label: cut(r.Term, 12)}
		for wi := range weeks {
			x := ccLabelW + wi*ccCellW
			for mi, cnt := range r.Cells[wi] {
				if cnt == 0 {
					continue
				}
				w := max(2, cnt*ccBarMax/peak)
				cr.Segs = append(cr.Segs, ccSeg{X: x, Y: y + 4, W: w, Class: memberClass(mi),
					Title: fmt.Sprintf("%s · %d주차 · %s: %d문장", r.Term, weeks[wi], members[mi].Name, cnt)})
				x += w
			}
		}
		ch.Rows = append(ch.Rows, cr)
		y += ccRowH
	}
	ch.Width = ccLabelW + len(weeks)*ccCellW + 8
	ch.Height = y + 4
	return ch
}
