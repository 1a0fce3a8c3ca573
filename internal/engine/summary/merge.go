package summary

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
)

// merge joins the members' own headings that the alignment left as
// subsections of their own beside a subsection that is the same part of
// the chapter, so that a reader does not find the same content under two
// headings:
//
//   - titles that name the same thing in two languages or spellings
//     ("transformer block 이전" and "트랜스포머 블록 이전: 임베딩"): each
//     word the same, or the same loanword (analyze.SameLoanword), the
//     title's tail after a colon or in brackets aside;
//   - a heading on a part of what a sibling heading names ("환각이
//     나타나는 이유" after "환각") whose points (at least two thirds of
//     them) other members already made under that sibling. Headings on
//     different things whose points share words ("사용자 프롬프트" beside
//     "시스템 프롬프트") stay apart, and so does a subheading that repeats
//     what others wrote under its parent without subheadings: it is the
//     parent's structure.
//
// Only an unnumbered heading with no subheadings of its own joins; the
// heading it joins keeps its title and place, the joining heading's
// points become its points (and cluster with what they repeat).
func (b *builder) merge(nodes []*node) []*node {
	gone := map[*node]bool{}
	for j, n := range nodes {
		if n.chapter > 0 || n.num != nil || n.cue != "" || n.depth < 3 || len(n.heads) == 0 {
			continue
		}
		if j+1 < len(nodes) && nodes[j+1].depth > n.depth {
			continue // it has subsections of its own
		}
		p := -1
		for i := j - 1; i >= 0; i-- {
			if nodes[i].depth < n.depth {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		var into *node
		named := false
		best := 0.0
		for i := p + 1; i < j; i++ {
			x := nodes[i]
			if gone[x] || x.chapter > 0 || x.cue != "" || x.depth < n.depth {
				continue
			}
			if !shareMember(x, n) && sameName(x, n) {
				into, named = x, true
				break
			}
			if x.depth != n.depth || !narrows(n, x) {
				continue
			}
			if s := repeats(n, x); s > best {
				into, best = x, s
			}
		}
		if into == nil {
			continue
		}
		joining := n.heads
		if named && hangulShare(n.heads) > hangulShare(into.heads) {
			// The same section named in two languages: the document is
			// Korean, the Korean title names it.
			joining, into.heads = into.heads, n.heads
		}
		into.heads = append(into.heads, joining...)
		for _, h := range joining {
			b.folded[h] = true
		}
		gone[n] = true
	}
	return without(nodes, gone)
}

// without is nodes without those gone, in order (in place).
func without(nodes []*node, gone map[*node]bool) []*node {
	out := nodes[:0]
	for _, n := range nodes {
		if !gone[n] {
			out = append(out, n)
		}
	}
	return out
}

// narrows reports whether a heading of n names a part of what a heading
// of x names: x's title inside n's ("환각" in "환각이 나타나는 이유").
func narrows(n, x *node) bool {
	for _, h := range n.heads {
		for _, y := range x.heads {
			if utf8.RuneCountInString(y.key) >= 2 && len(h.key) > len(y.key) && strings.Contains(h.key, y.key) {
				return true
			}
		}
	}
	return false
}

// hangulShare is the share of Hangul among the letters of the headings'
// titles.
func hangulShare(hs []*head) float64 {
	letters, hangul := 0, 0
	for _, h := range hs {
		for _, r := range h.title {
			if unicode.IsLetter(r) {
				letters++
				if unicode.Is(unicode.Hangul, r) {
					hangul++
				}
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(hangul) / float64(letters)
}

func shareMember(a, b *node) bool {
	for _, h := range b.heads {
		if a.has(h.member) {
			return true
		}
	}
	return false
}

// minRepeat is the least share of a heading's points that repeat another
// section's for the heading to join it.
const minRepeat = 2.0 / 3

// repeats is the share of n's points that another member made under x
// (a point at least minSame alike), when it reaches minRepeat; 0
// otherwise.
func repeats(n, x *node) float64 {
	var mine, theirs []*point
	for _, h := range n.heads {
		mine = append(mine, h.points...)
	}
	for _, h := range x.heads {
		theirs = append(theirs, h.points...)
	}
	if len(mine) == 0 || len(theirs) == 0 {
		return 0
	}
	same := 0
	for _, p := range mine {
		b := 0.0
		for _, q := range theirs {
			if p.member != q.member {
				b = max(b, pointSim(p, q))
			}
		}
		if b >= minSame {
			same++
		}
	}
	s := float64(same) / float64(len(mine))
	if s < minRepeat {
		return 0
	}
	return s
}

// sameName reports whether two nodes have headings that name the same
// thing (see nameWords).
func sameName(a, b *node) bool {
	for _, x := range a.heads {
		for _, y := range b.heads {
			if sameWords(nameWords(x.title), nameWords(y.title)) {
				return true
			}
		}
	}
	return false
}

// tailRe matches what a title adds after its name: a colon and what
// follows, or a bracketed gloss ("(Embedding)", "(가설)").
var tailRe = regexp.MustCompile(`\s*(?:[:：].*$|\([^)]*\)|\[[^\]]*\])`)

// nameWords are the words of a title's name, lower-cased, without its
// tail.
func nameWords(title string) []string {
	t := tailRe.ReplaceAllString(title, " ")
	return strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '/' || r == '·' || r == ','
	})
}

// sameWords reports whether two names have the same words in the same
// order, each written alike or as the same loanword, and at least one
// word written in the other language (otherwise the alignment already
// compared them).
func sameWords(a, b []string) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	loan := false
	for i := range a {
		switch {
		case a[i] == b[i]:
		case analyze.SameLoanword(a[i], b[i]):
			loan = true
		default:
			return false
		}
	}
	return loan
}
