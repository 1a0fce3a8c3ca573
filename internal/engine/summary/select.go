package summary

import (
	"sort"

	"github.com/moim-study/moim/internal/insight"
)

// budgetShare bounds the draft's length: its points hold at most this
// many times the text of the median member's note (and at least minBudget
// bytes, so that short notes are summarised whole). A summary merges the
// notes into one; hand-made summaries are about one note long.
const (
	budgetShare = 1.25
	minBudget   = 8 << 10
)

// selectClusters keeps the clusters that make the draft: every section
// keeps its most important cluster, then clusters are taken by importance
// — how many members wrote the point, then how central, emphasised and
// defining it is — while the draft stays within its budget. Sections keep
// their clusters' order.
func (b *builder) selectClusters(secs []*draftSection) {
	budget := max(minBudget, int(budgetShare*float64(b.medianNote())))
	type cand struct {
		c    *cluster
		prio float64
		size int
	}
	var all []cand
	keep := map[*cluster]bool{}
	used := 0
	for _, ds := range secs {
		var best *cand
		for _, c := range ds.clusters {
			all = append(all, cand{c: c, prio: 0.6*float64(c.members()) + salience(c), size: c.size()})
			if a := &all[len(all)-1]; best == nil || a.prio > best.prio {
				best = a
			}
		}
		if best != nil {
			keep[best.c] = true
			used += best.size
		}
	}
	// Then the most important cluster that fits, importance counting the
	// concept terms a cluster adds to those already kept (so the draft
	// covers the week's concepts rather than repeating them).
	covered := map[string]bool{}
	for c := range keep {
		c.cover(covered)
	}
	left := make([]bool, len(all))
	for i, a := range all {
		left[i] = !keep[a.c] && a.size <= budget-used
	}
	for {
		best, bestScore := -1, -1.0
		for i, a := range all {
			if !left[i] {
				continue
			}
			if a.size > budget-used {
				left[i] = false
				continue
			}
			if score := a.prio + 1.2*novelty(a.c, covered); score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			break
		}
		left[best] = false
		keep[all[best].c] = true
		used += all[best].size
		all[best].c.cover(covered)
	}
	for _, ds := range secs {
		var kept []*cluster
		for _, c := range ds.clusters {
			if keep[c] {
				kept = append(kept, c)
			}
		}
		ds.clusters = kept
	}
}

// medianNote is the text size, in bytes, of the median member's note.
func (b *builder) medianNote() int {
	var sizes []int
	for _, o := range b.outlines {
		n := 0
		for _, bl := range o.doc.Blocks {
			n += len(bl.Text)
		}
		sizes = append(sizes, n)
	}
	if len(sizes) == 0 {
		return 0
	}
	sort.Ints(sizes)
	return sizes[len(sizes)/2]
}

// cover adds the concept terms of the cluster's representative to set.
func (c *cluster) cover(set map[string]bool) {
	for _, t := range c.rep.terms {
		set[t] = true
	}
}

// novelty is the share of a cluster's concept terms not yet covered.
func novelty(c *cluster, covered map[string]bool) float64 {
	if len(c.rep.terms) == 0 {
		return 0
	}
	n := 0
	for _, t := range c.rep.terms {
		if !covered[t] {
			n++
		}
	}
	return float64(n) / float64(len(c.rep.terms))
}

// members counts the members who wrote a cluster's point.
func (c *cluster) members() int {
	seen := map[int]bool{}
	for _, p := range c.points {
		seen[p.member] = true
	}
	return len(seen)
}

// size is the length of the cluster's representative, in bytes of text.
func (c *cluster) size() int { return len(c.rep.plain) }

// salience says, in [0, 1), how much a cluster's point matters besides
// how many wrote it: the centrality of its sentences in the note, its
// emphasis, a concept it leads with, nested structure; code and tables a
// member took the trouble to write.
func salience(c *cluster) float64 {
	s := 0.0
	for _, p := range c.points {
		v := 0.5 * p.centrality
		if p.emphasis {
			v += 0.2
		}
		if p.lead != "" {
			v += 0.15
		}
		if len(p.lines) > 1 {
			v += 0.1
		}
		if p.kind == insight.PointCode || p.kind == insight.PointTable {
			v = max(v, 0.3)
		}
		s = max(s, v)
	}
	return min(s, 0.99)
}
