package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"sort"

	"github.com/moim-study/moim/internal/analyze"
)

// The concepts page (templates/concepts.html): the concepts of every
// week's concept matrix (analyze.Week.Concepts), ranked by how specific a
// concept is to its weeks: how many members took it up in a week, weighed
// by how few of the study's weeks mention it (a concept every week
// mentions is no week's topic). One table, legible on a phone: a bar per
// week split by member, the counts per member.

type conceptsPage struct {
	Weeks    []int
	Members  []memberRef
	Legend   []ccLegend
	Rows     []conceptRow
	Distinct int
}

type conceptRow struct {
	Term      string
	Total     int
	WeeksSeen int
	// Top are the weeks the concept is most taken up in, most first.
	Top       []int
	PerWeek   []weekBar
	PerMember []int
	Score     float64
}

// weekBar is one week's cell of a concept: its count and a bar split by
// member (SVG user units).
type weekBar struct {
	Count int
	Segs  []ccSeg
}

type ccSeg struct {
	X, W  int
	Class string
	Title string
}

type ccLegend struct {
	Name  string
	Class string
}

// maxConceptRows is how many concepts the concepts page lists.
const maxConceptRows = 40

// ccBarMax is the length of the longest bar.
const ccBarMax = 80

func (s *Site) conceptsPage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	return s.buildConcepts(ctx, snap, l)
}

func (s *Site) buildConcepts(ctx context.Context, snap *snapshot, l linker) (*view, error) {
	key := fmt.Sprintf("concepts|%t|%s", l.static, snap.title)
	if v, ok := s.cachedView(snap, l, key); ok {
		return v, nil
	}
	p := s.cache.conceptsPage(snap.studyKey(), func() *conceptsPage { return conceptsData(ctx, snap) })
	v := newView(snap, l, "concepts", "주차별 개념", "concepts", p)
	v.cacheKey = key
	return v, nil
}

// conceptsData builds the concepts page from every week's analysis.
func conceptsData(ctx context.Context, snap *snapshot) *conceptsPage {
	all := snap.analyseAll(ctx)
	p := &conceptsPage{Members: snap.memberRefs()}
	matrices := map[int][]analyze.Concept{}
	for _, wd := range snap.weeks {
		if a := all[wd.wk.Number]; a != nil {
			p.Weeks = append(p.Weeks, wd.wk.Number)
			matrices[wd.wk.Number] = a.aw.Concepts
		}
	}
	for i, m := range p.Members {
		p.Legend = append(p.Legend, ccLegend{Name: m.Name, Class: memberClass(i)})
	}
	p.Rows, p.Distinct = rankConcepts(p.Weeks, matrices, p.Members)
	return p
}

// rankConcepts gathers the weeks' concept matrices into one row per
// concept (by key), ranked by how specific the concept is to its weeks
// (see specificity), at most maxConceptRows; it also returns how many
// concepts there are in all.
func rankConcepts(weeks []int, matrices map[int][]analyze.Concept, members []memberRef) ([]conceptRow, int) {
	memberIdx := map[string]int{}
	for i, m := range members {
		memberIdx[m.Name] = i
	}
	type acc struct {
		row   *conceptRow
		cells [][]int // week × member
		who   []int   // members per week
	}
	// A row is found by any spelling of its concept ("컨텍스트" one week,
	// "context" another, when the analysis merged them).
	rows := map[string]*acc{}
	var order []*acc
	for wi, n := range weeks {
		for _, c := range matrices[n] {
			keys := append([]string{analyze.Key(c.Term)}, c.Keys...)
			var a *acc
			for _, k := range keys {
				if a = rows[k]; a != nil {
					break
				}
			}
			if a == nil {
				a = &acc{row: &conceptRow{Term: c.Term, PerWeek: make([]weekBar, len(weeks)), PerMember: make([]int, len(members))},
					cells: make([][]int, len(weeks)), who: make([]int, len(weeks))}
				for i := range a.cells {
					a.cells[i] = make([]int, len(members))
				}
				order = append(order, a)
			}
			for _, k := range keys {
				if rows[k] == nil {
					rows[k] = a
				}
			}
			for m, cnt := range c.Counts {
				mi, ok := memberIdx[m]
				if !ok || cnt <= 0 {
					continue
				}
				a.row.PerWeek[wi].Count += cnt
				a.row.PerMember[mi] += cnt
				a.cells[wi][mi] += cnt
				a.row.Total += cnt
				a.who[wi]++
			}
		}
	}
	var list []*acc
	for _, a := range order {
		members := 0
		for wi := range weeks {
			if a.row.PerWeek[wi].Count > 0 {
				a.row.WeeksSeen++
				members += a.who[wi]
			}
		}
		if a.row.WeeksSeen == 0 {
			continue
		}
		a.row.Score = float64(members) * specificity(len(weeks), a.row.WeeksSeen)
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i].row, list[j].row
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.Term < b.Term
	})
	if len(list) > maxConceptRows {
		list = list[:maxConceptRows]
	}
	peak := 1
	for _, a := range list {
		for _, wb := range a.row.PerWeek {
			peak = max(peak, wb.Count)
		}
	}
	var out []conceptRow
	for _, a := range list {
		r := a.row
		for wi := range weeks {
			x := 0
			for mi, cnt := range a.cells[wi] {
				if cnt == 0 {
					continue
				}
				w := max(2, cnt*ccBarMax/peak)
				r.PerWeek[wi].Segs = append(r.PerWeek[wi].Segs, ccSeg{X: x, W: w, Class: memberClass(mi),
					Title: fmt.Sprintf("%s · %d주차 · %s: %d문장", r.Term, weeks[wi], members[mi].Name, cnt)})
				x += w
			}
		}
		r.Top = topWeeks(r.PerWeek, a.who, weeks)
		out = append(out, *r)
	}
	return out, len(order)
}

// specificity weighs a concept seen in seen of n weeks: log(n/seen), so a
// concept of one week in eight weighs most and one of every week nothing;
// with one week every concept weighs the same.
func specificity(n, seen int) float64 {
	if n < 2 {
		return 1
	}
	return math.Log(float64(n) / float64(seen))
}

// topWeeks returns the weeks a concept is most taken up in: the weeks
// where the most members mention it, at most two, ties by count.
func topWeeks(bars []weekBar, who []int, weeks []int) []int {
	idx := make([]int, 0, len(weeks))
	for i := range weeks {
		if bars[i].Count > 0 {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		if who[idx[a]] != who[idx[b]] {
			return who[idx[a]] > who[idx[b]]
		}
		return bars[idx[a]].Count > bars[idx[b]].Count
	})
	var out []int
	for _, i := range idx[:min(2, len(idx))] {
		out = append(out, weeks[i])
	}
	return out
}
