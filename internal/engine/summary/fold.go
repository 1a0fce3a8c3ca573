package summary

import (
	"strings"

	"github.com/moim-study/moim/internal/text"
)

// miscTitles are the titles of a member's catch-all heading ("기타", "그
// 외"): no part of the book, its points belong to the section it closes.
var miscTitles = map[string]bool{"기타": true, "그외": true, "etc": true, "misc": true, "기타사항": true, "그밖에": true}

// fold puts the headings that the alignment left as sections of their own
// but that a reader sees as part of another section where they belong:
//
//   - a member's heading that repeats the chapter's title under the
//     chapter heading ("프롬프트 엔지니어링" under "5장. 프롬프트
//     엔지니어링") opens the chapter: its points join the chapter's;
//   - a member's own heading whose subheadings all found their sections
//     under one section of the book ("2) 작성 가이드" over "Ⓐ …", "Ⓑ …"
//     that are 5.2.1, 5.2.2) is that section in the member's words;
//   - a member's heading that names the chapter's overview ("6장 전체
//     개요 – 왜 …", "들어가며") right after the chapter heading opens the
//     chapter too;
//   - a catch-all heading ("기타") closes the section it stands in: its
//     points join that section's;
//   - a member's unnumbered subheading of a section that is still open
//     sits one level below it, so it does not read as the section's
//     sibling.
//
// A heading joins a node holding another heading of the same member only
// for the chapter and catch-all cases; the points keep their member.
func (b *builder) fold(nodes []*node) []*node {
	nodeOf := map[*head]*node{}
	for _, n := range nodes {
		for _, h := range n.heads {
			nodeOf[h] = n
		}
	}
	parent := func(i int) int {
		for j := i - 1; j >= 0; j-- {
			if nodes[j].depth < nodes[i].depth {
				return j
			}
		}
		return -1
	}
	gone := map[*node]bool{}
	b.folded = map[*head]bool{}
	b.named = map[*node]bool{}
	for i, n := range nodes {
		if len(n.heads) != 1 || n.chapter > 0 || n.num != nil || n.cue != "" {
			continue
		}
		h := n.heads[0]
		o := b.outlines[h.member]
		kids := o.children(h)
		var into *node
		switch {
		case len(kids) == 0 && b.chapterTitled(nodes[:i], h):
			for j := i - 1; j >= 0; j-- {
				if nodes[j].chapter > 0 {
					into = nodes[j]
					break
				}
			}
		case len(kids) == 0 && overviewTitle(h.title):
			// The chapter's overview in a member's words ("6장 전체
			// 개요"), before the chapter's first section.
			for j := i - 1; j >= 0; j-- {
				if gone[nodes[j]] {
					continue
				}
				if nodes[j].chapter > 0 {
					into = nodes[j]
					b.named[into] = true
				}
				break
			}
		case len(kids) == 0 && miscTitles[strings.ToLower(h.key)]:
			if p := parent(i); p >= 0 && !gone[nodes[p]] {
				into = nodes[p]
			}
		case len(kids) >= 2:
			into = commonParent(nodes, nodeOf, kids, n, h.member)
		}
		if into != nil && !gone[into] {
			into.heads = append(into.heads, h)
			b.folded[h] = true
			gone[n] = true
		}
	}
	out := without(nodes, gone)
	b.nest(out, nodeOf)
	return out
}

// overviewWords name a chapter's overview in a heading.
var overviewWords = map[string]bool{"개요": true, "개관": true, "들어가며": true, "들어가기": true, "서론": true,
	"overview": true, "intro": true, "introduction": true}

// overviewTitle reports whether a heading's title names an overview: its
// part before a dash or colon ends with one of overviewWords, in at most
// three words ("개요", "6장 전체 개요 – 왜 나누는가", "Overview:
// …"), so that "프롬프트 개요와 구성 요소" is a section of the book.
func overviewTitle(title string) bool {
	head := strings.ToLower(title)
	if i := strings.IndexAny(head, "–—-:："); i >= 0 {
		head = head[:i]
	}
	words := strings.Fields(head)
	return len(words) > 0 && len(words) <= 3 && overviewWords[strings.Trim(words[len(words)-1], ".)")]
}

// chapterTitled reports whether a heading repeats the title of the chapter
// it stands in (the last chapter node of before).
func (b *builder) chapterTitled(before []*node, h *head) bool {
	for j := len(before) - 1; j >= 0; j-- {
		c := before[j]
		if c.chapter == 0 {
			continue
		}
		titles := []string{}
		for _, ch := range b.in.Chapters {
			if ch.Number == c.chapter {
				titles = append(titles, ch.Title)
			}
		}
		for _, x := range c.heads {
			titles = append(titles, x.title)
		}
		for _, t := range titles {
			if t != "" && text.Compact(t) == h.key {
				return true
			}
		}
		return false
	}
	return false
}

// commonParent is the node under which at least two thirds of a member's
// subheadings found their sections, when it is not n itself, not a
// chapter, and holds no heading of that member yet; nil otherwise.
func commonParent(nodes []*node, nodeOf map[*head]*node, kids []*head, n *node, member int) *node {
	at := map[*node]int{}
	for i, x := range nodes {
		at[x] = i
	}
	count := map[*node]int{}
	var best *node
	for _, k := range kids {
		kn, ok := nodeOf[k]
		if !ok {
			continue
		}
		i := at[kn]
		for j := i - 1; j >= 0; j-- {
			if nodes[j].depth < kn.depth {
				p := nodes[j]
				count[p]++
				if best == nil || count[p] > count[best] {
					best = p
				}
				break
			}
		}
	}
	if best == nil || best == n || best.chapter > 0 || best.has(member) || 3*count[best] < 2*len(kids) {
		return nil
	}
	return best
}

// nest moves an unnumbered node one level below the section that encloses
// its headings in the members' notes, when that section is still open (no node at its depth or above stands between them), then keeps
// depths consistent (at most one level below the node before).
func (b *builder) nest(nodes []*node, nodeOf map[*head]*node) {
	at := map[*node]int{}
	for i, x := range nodes {
		at[x] = i
	}
	for i, n := range nodes {
		if n.chapter > 0 || n.num != nil || n.cue != "" {
			continue
		}
		// Every heading votes: one below its enclosing section when that
		// is open, else the node's depth; the node moves when all agree.
		want := 0
		for _, h := range n.heads {
			vote := n.depth
			if j, pn := b.enclosing(nodes, at, nodeOf, h, i); pn != nil && pn.depth >= n.depth {
				open := true
				for k := j + 1; k < i; k++ {
					if nodes[k].depth <= pn.depth {
						open = false
						break
					}
				}
				if open {
					vote = pn.depth + 1
				}
			}
			if want == 0 || vote < want {
				want = vote
			}
		}
		n.depth = want
	}
	prev := 1
	for _, n := range nodes {
		if n.chapter == 0 {
			n.depth = max(2, min(n.depth, prev+1))
		}
		prev = n.depth
	}
}

// enclosing is the node (and its index) of the heading that encloses h
// in the member's note, when it comes before index i; nil otherwise.
func (b *builder) enclosing(nodes []*node, at map[*node]int, nodeOf map[*head]*node, h *head, i int) (int, *node) {
	ph := b.outlines[h.member].parentOf(h)
	if ph == nil {
		return -1, nil
	}
	pn, ok := nodeOf[ph]
	if !ok || pn.cue != "" {
		return -1, nil
	}
	if j, ok := at[pn]; ok && j < i {
		return j, pn
	}
	return -1, nil
}

// children are the headings of the outline nested under h (deeper
// markdown level, up to the next heading at h's level or above).
func (o *outline) children(h *head) []*head {
	var out []*head
	for i, x := range o.heads {
		if x != h {
			continue
		}
		for _, y := range o.heads[i+1:] {
			if y.level <= h.level {
				break
			}
			out = append(out, y)
		}
		break
	}
	return out
}

// parentOf is the heading that encloses h in the member's note (the last
// heading before it at a shallower markdown level), nil for a top heading.
func (o *outline) parentOf(h *head) *head {
	for i, x := range o.heads {
		if x != h {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if o.heads[j].level < h.level {
				return o.heads[j]
			}
		}
		return nil
	}
	return nil
}
