package summary

import (
	"math"
	"sort"
)

// node is one heading of the merged outline: the members' headings that
// name the same part of the book (at most one per member).
type node struct {
	heads []*head
	// vec is the summed content vector of the heads (see vectors).
	vec map[string]float64
	// depth, num, chapter and cue are decided from the heads (settle).
	depth   int
	num     []int
	chapter int
	cue     string
}

func (n *node) has(member int) bool {
	for _, h := range n.heads {
		if h.member == member {
			return true
		}
	}
	return false
}

// sim is how well a member's heading fits the node: its best similarity
// with the node's headings, or, when the headings are worded apart, how
// much what the member wrote under it is about what the others wrote
// under theirs (content, see contentSim).
func (n *node) sim(h *head) float64 {
	best := 0.0
	for _, x := range n.heads {
		best = max(best, headSim(x, h))
	}
	if best >= minMatch || h.vec == nil || n.vec == nil || h.cue != "" || h.chapter > 0 {
		return best
	}
	for _, x := range n.heads {
		if x.chapter > 0 || x.cue != "" || x.inChapter > 0 && h.inChapter > 0 && x.inChapter != h.inChapter {
			return best
		}
		if x.num != nil && h.num != nil {
			return best // both numbered by the book, differently
		}
	}
	// Content counts with the title: two titles worded apart ("인컨텍스트
	// 러닝", "인컨텍스트 학습") over the same concepts are the same section;
	// content alone needs a clear match.
	c := cosine(n.vec, h.vec)
	s := best + 0.5*c
	if best < 0.25 {
		s = 0
	}
	if c >= minContent {
		s = max(s, 0.5+0.4*(c-minContent)/(1-minContent))
	}
	if d := n.heads[0].depth - h.depth; d >= 2 || d <= -2 {
		s *= 0.8
	}
	return max(best, min(s, 0.95))
}

func (n *node) add(h *head) {
	n.heads = append(n.heads, h)
	if h.vec == nil {
		return
	}
	if n.vec == nil {
		n.vec = map[string]float64{}
	}
	for k, v := range h.vec {
		n.vec[k] += v
	}
}

// matchCost is subtracted from each match's similarity in the alignment.
const matchCost = 0.4

// align merges the members' outlines into one. The spine is the outline
// the others agree with most (book-numbered outlines first); every other
// outline is aligned to the merged one in order (the alignment that
// maximises the summed similarity of matched headings, each match at
// least minMatch), and its headings that match nothing are inserted after
// the heading they follow in the member's note: a member who skipped a
// section simply has no heading in that node, a member's extra section
// becomes a node of its own.
func align(outlines []*outline) []*node {
	type ranked struct {
		o     *outline
		score float64
	}
	var rs []ranked
	for i, o := range outlines {
		score := 0.0
		for _, h := range o.heads {
			for j, p := range outlines {
				if i == j {
					continue
				}
				for _, x := range p.heads {
					if headSim(h, x) >= minMatch {
						score++
						break
					}
				}
			}
		}
		if o.numbered {
			score *= 1.25
		}
		rs = append(rs, ranked{o, score})
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return len(rs[i].o.heads) > len(rs[j].o.heads)
	})
	var merged []*node
	for _, r := range rs {
		merged = alignOne(merged, r.o.heads)
	}
	return merged
}

// alignOne aligns one member's headings to the merged outline.
func alignOne(merged []*node, heads []*head) []*node {
	n, k := len(merged), len(heads)
	if k == 0 {
		return merged
	}
	// score[i][j]: best total for merged[:i] and heads[:j].
	score := make([][]float64, n+1)
	move := make([][]byte, n+1)
	for i := range score {
		score[i] = make([]float64, k+1)
		move[i] = make([]byte, k+1)
	}
	const (
		skipNode = 1
		skipHead = 2
		match    = 3
	)
	for i := 0; i <= n; i++ {
		for j := 0; j <= k; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, mv := -1.0, byte(0)
			if i > 0 {
				best, mv = score[i-1][j], skipNode
			}
			if j > 0 && score[i][j-1] > best {
				best, mv = score[i][j-1], skipHead
			}
			if i > 0 && j > 0 && !merged[i-1].has(heads[j-1].member) {
				// A match gains what it has above a weak one, so that a
				// few sure matches beat many doubtful ones.
				if s := merged[i-1].sim(heads[j-1]); s >= minMatch && score[i-1][j-1]+s-matchCost > best {
					best, mv = score[i-1][j-1]+s-matchCost, match
				}
			}
			score[i][j], move[i][j] = best, mv
		}
	}
	// Walk back: matched[j] is the node head j joins, -1 none.
	matched := make([]int, k)
	for j := range matched {
		matched[j] = -1
	}
	for i, j := n, k; i > 0 || j > 0; {
		switch move[i][j] {
		case match:
			matched[j-1] = i - 1
			i, j = i-1, j-1
		case skipHead:
			j--
		default:
			i--
		}
	}
	for j, i := range matched {
		if i >= 0 {
			merged[i].add(heads[j])
		}
	}
	// Insert the unmatched headings after the node of the heading before
	// them (or before the node of the first matched heading).
	after := make(map[int][]*node) // node index → nodes inserted after it (-1: at the start)
	anchor := -1
	for j, h := range heads {
		if matched[j] >= 0 {
			anchor = matched[j]
			continue
		}
		nd := &node{}
		nd.add(h)
		after[anchor] = append(after[anchor], nd)
	}
	out := append([]*node(nil), after[-1]...)
	for i, nd := range merged {
		out = append(out, nd)
		out = append(out, after[i]...)
	}
	return out
}

// settle decides each node's chapter, number, depth and cue from its
// headings, keeping depths consistent: a node is at most one level below
// the node before it, and only chapters are at depth 1. Sections that
// would come before the first chapter (a member without chapter headings
// whose first sections match nothing) follow it instead.
func settle(nodes []*node) []*node {
	for _, n := range nodes {
		depths := map[int]int{}
		cues := map[string]int{}
		for _, h := range n.heads {
			if h.chapter > 0 {
				n.chapter = h.chapter
			}
			if h.num != nil && n.num == nil {
				n.num = h.num
			}
			depths[h.depth]++
			cues[h.cue]++
		}
		switch {
		case n.chapter > 0:
			n.depth = 1
		case n.num != nil:
			n.depth = len(n.num)
		default:
			n.depth = mode(depths)
		}
		n.cue = modeString(cues)
	}
	first := -1
	for i, n := range nodes {
		if n.chapter > 0 {
			first = i
			break
		}
	}
	if first > 0 {
		lead := append([]*node(nil), nodes[:first]...)
		nodes = append(append([]*node{nodes[first]}, lead...), nodes[first+1:]...)
	}
	prev := 1
	for _, n := range nodes {
		if n.chapter == 0 {
			n.depth = max(2, min(n.depth, prev+1))
		}
		prev = n.depth
	}
	return nodes
}

func mode(counts map[int]int) int {
	best, n := 0, -1
	for v, c := range counts {
		if c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}

func modeString(counts map[string]int) string {
	best, n := "", -1
	for v, c := range counts {
		if c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}

// minContent is the least cosine of two headings' content vectors at which
// their content alone makes them the same part of the book.
const minContent = 0.5

// vectors weighs, for every heading of the week, the concept terms of its
// points by tf-idf over the week's headings: a term every section uses
// (모델, 프롬프트) says little about which section it is.
func vectors(outlines []*outline) {
	df := map[string]int{}
	n := 0
	for _, o := range outlines {
		for i := range o.heads {
			seen := map[string]bool{}
			for _, p := range o.contentOf(i) {
				for _, t := range p.terms {
					if !seen[t] {
						seen[t] = true
						df[t]++
					}
				}
			}
			if len(seen) > 0 {
				n++
			}
		}
	}
	for _, o := range outlines {
		for i, h := range o.heads {
			tf := map[string]float64{}
			for _, p := range o.contentOf(i) {
				for _, t := range p.terms {
					tf[t]++
				}
			}
			if len(tf) == 0 {
				continue
			}
			h.vec = map[string]float64{}
			for t, c := range tf {
				if idf := math.Log(float64(n+1) / float64(df[t])); idf > 0 {
					h.vec[t] = c * idf
				}
			}
		}
	}
}

// contentOf is what the i-th heading says: its points, and those of the
// subheadings its member wrote in bold right under it (see boldHeadings),
// which hold all of it when the member wrote the section that way.
func (o *outline) contentOf(i int) []*point {
	h := o.heads[i]
	if h.bold {
		return h.points
	}
	pts := h.points
	for _, x := range o.heads[i+1:] {
		if !x.bold {
			break
		}
		pts = append(pts[:len(pts):len(pts)], x.points...)
	}
	return pts
}

// cosine is the cosine similarity of two sparse vectors.
func cosine(a, b map[string]float64) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	dot, na, nb := 0.0, 0.0, 0.0
	for k, v := range a {
		dot += v * b[k]
		na += v * v
	}
	for _, v := range b {
		nb += v * v
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
