package summary

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/insight"
)

// cluster is the points of different members that say the same thing.
type cluster struct {
	points []*point
	rep    *point
	// pos is the cluster's place in its node: the mean place of its
	// points among their member's points there.
	pos float64
	// first is the order in which the cluster was started.
	first int
}

func (c *cluster) has(member int) bool {
	for _, p := range c.points {
		if p.member == member {
			return true
		}
	}
	return false
}

// minSame is the least similarity at which two points say the same thing.
const minSame = 0.42

// pointSim is how surely two points of different members say the same
// thing, in [0, 1]: they lead with the same concept, share most of their
// character bigrams (one may be a shorter wording of the other), or share
// most of their concept terms. Code compares only with code, tables with
// tables.
func pointSim(a, b *point) float64 {
	code := func(p *point) bool { return p.kind == insight.PointCode }
	table := func(p *point) bool { return p.kind == insight.PointTable }
	if code(a) != code(b) || table(a) != table(b) {
		return 0
	}
	s := 0.0
	if a.lead != "" && a.lead == b.lead && utf8.RuneCountInString(a.lead) >= 2 {
		s = 0.7
	}
	na, nb := a.grams.Len(), b.grams.Len()
	if na == 0 || nb == 0 {
		return s
	}
	ov := float64(a.grams.Overlap(b.grams))
	s = max(s, 2*ov/float64(na+nb))
	if small := min(na, nb); small >= 12 {
		s = max(s, 0.85*ov/float64(small))
	}
	if shared := common(a.terms, b.terms); shared >= 2 {
		union := len(a.terms) + len(b.terms) - shared
		s = max(s, float64(shared)/float64(union)*1.1)
	}
	return min(s, 1)
}

// common counts the strings two sorted lists of distinct strings share
// (a point's concept terms).
func common(a, b []string) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			n++
			a, b = a[1:], b[1:]
		case a[0] < b[0]:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return n
}

// clusterPoints groups the points of one node: each point joins the
// cluster it is most similar to (its most similar point, at least
// minSame) that has no point of its member yet, or starts a cluster.
// Points come in member order (the outline's rank), each member's in note
// order, so the result is deterministic.
func clusterPoints(pts []*point) []*cluster {
	var out []*cluster
	for _, p := range pts {
		var best *cluster
		bestSim := minSame
		for _, c := range out {
			if c.has(p.member) {
				continue
			}
			for _, q := range c.points {
				if s := pointSim(p, q); s >= bestSim {
					best, bestSim = c, s
				}
			}
		}
		if best == nil {
			best = &cluster{first: len(out)}
			out = append(out, best)
		}
		best.points = append(best.points, p)
	}
	out = mergeClusters(out)
	for _, c := range out {
		c.rep = representative(c)
		for _, p := range c.points {
			c.pos += p.pos
		}
		c.pos /= float64(len(c.points))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].pos != out[j].pos {
			return out[i].pos < out[j].pos
		}
		return out[i].first < out[j].first
	})
	return out
}

// minMerge is the least similarity at which two clusters that share a
// member (who wrote the point twice, in two sentences) are one.
const minMerge = minSame + 0.1

// mergeClusters joins clusters that say the same thing: the closest pair
// first, as long as a point of one and a point of the other, by different
// members, are at least minMerge alike (single linkage, so a merged
// cluster's similarity to another is the larger of its parts').
func mergeClusters(cs []*cluster) []*cluster {
	n := len(cs)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			best := 0.0
			for _, p := range cs[i].points {
				for _, q := range cs[j].points {
					if p.member != q.member {
						best = max(best, pointSim(p, q))
					}
				}
			}
			sim[i][j], sim[j][i] = best, best
		}
	}
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	for {
		bi, bj, best := -1, -1, minMerge
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if alive[i] && alive[j] && sim[i][j] >= best {
					bi, bj, best = i, j, sim[i][j]
				}
			}
		}
		if bi < 0 {
			break
		}
		cs[bi].points = append(cs[bi].points, cs[bj].points...)
		alive[bj] = false
		for k := 0; k < n; k++ {
			sim[bi][k] = max(sim[bi][k], sim[bj][k])
			sim[k][bi] = sim[bi][k]
		}
	}
	var out []*cluster
	for i, c := range cs {
		if alive[i] {
			out = append(out, c)
		}
	}
	return out
}

// representative picks the clearest complete point of a cluster: the one
// that covers most of the cluster's concept terms, reads as whole
// sentences of a fitting length, keeps structure (nested items, emphasis),
// carries no leftovers and no slips of the keyboard.
func representative(c *cluster) *point {
	union := map[string]bool{}
	for _, p := range c.points {
		for _, t := range p.terms {
			union[t] = true
		}
	}
	var best *point
	bestScore := -1.0
	for _, p := range c.points {
		score := 0.45*coverage(p, union) + 0.3*clarity(p) + 0.15*structure(p)
		if p.emphasis {
			score += 0.1
		}
		// A version with a slip of the keyboard that another member
		// wrote right gives way.
		score -= slipCost * float64(min(p.slips, 3))
		if score > bestScore+1e-9 {
			best, bestScore = p, score
		}
	}
	return best
}

// slipCost is what each slip (see spelling.slips) costs a version in the
// choice of the representative: more than emphasis and a clearly better
// length together, so that a version with the words right wins unless it
// says much less.
const slipCost = 0.3

func coverage(p *point, union map[string]bool) float64 {
	if len(union) == 0 {
		return 1
	}
	return float64(len(p.terms)) / float64(len(union))
}

// clarity favours points of 30 to 300 letters that end as a sentence or a
// noun phrase, without leftovers of links, HTML or citations.
func clarity(p *point) float64 {
	if p.kind == insight.PointCode || p.kind == insight.PointTable {
		return 0.8
	}
	n := utf8.RuneCountInString(p.plain)
	s := 1.0
	switch {
	case n < 30:
		s = float64(n) / 30
	case n > 300:
		s = 300 / float64(n)
	}
	lower := strings.ToLower(p.plain)
	for _, junk := range []string{"http", "www.", "&nbsp", "<", "【", "](", "ex)", "e.g"} {
		if strings.Contains(lower, junk) {
			s *= 0.8
		}
	}
	return s
}

func structure(p *point) float64 {
	if len(p.lines) > 1 && len(p.lines) <= 8 {
		return 1
	}
	if len(p.lines) > 8 {
		return 0.5
	}
	return 0.3
}
