package web

import (
	"context"
	"net/http"
	"sort"

	"github.com/moim-study/moim/internal/analyze"
)

// The concepts page (templates/concepts.html): concepts across weeks.

type conceptsPage struct {
	Weeks    []int
	Members  []memberRef
	Rows     []conceptRow
	Chart    *conceptChart
	Distinct int
}

type conceptRow struct {
	Term      string
	Total     int
	WeeksSeen int
	PerWeek   []int
	PerMember []int
	// Cells are PerWeek × member counts, for the chart.
	Cells [][]int
}

// maxConceptRows is how many concepts the concepts page lists.
const maxConceptRows = 40

func (s *Site) conceptsPage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	return s.buildConcepts(ctx, snap, l)
}

func (s *Site) buildConcepts(ctx context.Context, snap *snapshot, l linker) (*view, error) {
	all := snap.analyseAll(ctx)
	p := &conceptsPage{Members: snap.memberRefs()}
	memberIdx := map[string]int{}
	for i, m := range p.Members {
		memberIdx[m.Name] = i
	}
	for _, wd := range snap.weeks {
		if all[wd.wk.Number] != nil {
			p.Weeks = append(p.Weeks, wd.wk.Number)
		}
	}
	rows := map[string]*conceptRow{}
	for wi, n := range p.Weeks {
		for _, c := range all[n].aw.Concepts {
			k := analyze.Key(c.Term)
			row := rows[k]
			if row == nil {
				row = &conceptRow{Term: c.Term, PerWeek: make([]int, len(p.Weeks)), PerMember: make([]int, len(p.Members)),
					Cells: make([][]int, len(p.Weeks))}
				for i := range row.Cells {
					row.Cells[i] = make([]int, len(p.Members))
				}
				rows[k] = row
			}
			for m, cnt := range c.Counts {
				mi, ok := memberIdx[m]
				if !ok {
					continue
				}
				row.PerWeek[wi] += cnt
				row.PerMember[mi] += cnt
				row.Cells[wi][mi] += cnt
				row.Total += cnt
			}
		}
	}
	p.Distinct = len(rows)
	var list []*conceptRow
	for _, r := range rows {
		for _, v := range r.PerWeek {
			if v > 0 {
				r.WeeksSeen++
			}
		}
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.WeeksSeen != b.WeeksSeen {
			return a.WeeksSeen > b.WeeksSeen
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.Term < b.Term
	})
	if len(list) > maxConceptRows {
		list = list[:maxConceptRows]
	}
	for _, r := range list {
		p.Rows = append(p.Rows, *r)
	}
	p.Chart = newConceptChart(p.Rows, p.Weeks, p.Members)
	return newView(snap, l, "concepts", "주차별 개념", "concepts", p), nil
}
