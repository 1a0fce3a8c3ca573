package summary

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// head is one heading of a member's note.
type head struct {
	member int // index of the member's outline
	block  int // index of the heading block in the note
	level  int // markdown heading level
	line   int
	// text is the heading as written (plain text); title without its
	// numbering; key the compacted title, hangul its Hangul letters; full
	// the key of the enclosing heading's title followed by this one's.
	text, title, key, hangul string
	// keyLen is the number of letters of key.
	keyLen int
	// kg and hg are the bigrams of key and hangul; full is this heading
	// with the enclosing heading's title before its own ("AI 평가자" +
	// "한계"), nil for top headings.
	kg, hg grams
	full   *head
	// num is the book's section number ("3.2.1" → 3,2,1) when the
	// member numbers sections by the book; nil otherwise.
	num []int
	// chapter is set on a chapter heading ("3장. 평가 방법론", "CH 3").
	chapter int
	// inChapter is the chapter the heading belongs to, 0 when unknown.
	inChapter int
	// bold is set on a subheading the member wrote as a bold paragraph
	// (see boldHeadings).
	bold bool
	// ordinal is set when the heading starts with a member's own
	// ordinal ("1)", "2-1.", "Ⓐ").
	ordinal bool
	// cue is the kind of a heading that names the member's own kind of
	// content rather than a part of the book (see cueOf).
	cue   string
	depth int
	// content are the indexes of the note's blocks directly under the
	// heading (before the next heading); points the points made of them.
	content []int
	points  []*point
	// vec weighs the concept terms of the points (tf-idf over the week's
	// headings), nil when there are none.
	vec map[string]float64
}

// Cues: headings about the member's own content, gathered at the end.
const (
	cuePractical = insight.KeyPractical // 실무 적용
	cueStudy     = insight.KeyStudy     // 더 공부할 것, 궁금한 점
	cueThoughts  = "thoughts"           // 느낀 점, 생각, 의견
	cueRefs      = "refs"               // 참고 자료
	cueSkip      = "skip"               // 목차: the note's own table of contents
)

// outline is one member's note read as headings and content.
type outline struct {
	name  string
	doc   *note.Document
	am    *analyze.Member
	heads []*head
	// pre are the content blocks before the first heading.
	pre []int
	// numbered is set when the member numbers headings by the book.
	numbered bool
}

var (
	// chapterRe reads a chapter heading: "3장. 평가 방법론", "제3장", "Chap
	// 3. …", "CH 3", "Chapter 3: …".
	chapterRe = regexp.MustCompile(`(?i)^(?:제\s*)?(\d{1,2})(?:\s*[-~]\s*\d{1,2})?\s*장(?:\s*[.:)\-–—]\s*|\s+|$)(.*)$|^(?:chapter|chap|ch)\.?\s*(\d{1,2})\b\s*[.:)\-–—]?\s*(.*)$`)
	// bookNumRe reads a dotted section number: "3.1", "3.2.1.", "1.1 )".
	bookNumRe = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})+)\.?\s*\)?\s*(.*)$`)
	// ordinalRe reads a member's own ordinal: "1)", "(2)", "2-1.", "3.",
	// "Ⓐ", "A.", "①".
	ordinalRe = regexp.MustCompile(`^(?:\(?\d{1,2}\)|\d{1,2}(?:-\d{1,2})*[.)]|\d{1,2}(?:-\d{1,2})+|[A-Za-z][.)]|[Ⓐ-ⓩ①-⑳❶-❿➀-➉])\s*(.*)$`)
)

// readOutline reads a member's note into headings and content.
func readOutline(name string, d *note.Document, am *analyze.Member) *outline {
	o := &outline{name: name, doc: d, am: am}
	var cur, heading *head
	seenChapter := map[int]*head{}
	bold := boldHeadings(d)
	for i, b := range d.Blocks {
		if bold[i] && heading != nil {
			// A subheading written as a bold paragraph.
			h := parseHead(b.Text)
			h.setTitle(strings.TrimRight(h.title, ". "))
			h.block, h.level, h.line, h.bold = i, heading.level+1, b.Line, true
			cur = h
			o.heads = append(o.heads, h)
			continue
		}
		if b.Kind != note.KindHeading {
			if cur == nil {
				o.pre = append(o.pre, i)
			} else {
				cur.content = append(cur.content, i)
			}
			continue
		}
		h := parseHead(b.Text)
		h.block, h.level, h.line = i, b.Level, b.Line
		if first, ok := seenChapter[h.chapter]; ok && h.chapter > 0 {
			if text.Compact(h.title) == text.Compact(first.title) || h.title == "" {
				// The chapter's heading again (after a table of
				// contents): its content continues the chapter.
				cur = first
				continue
			}
			// "3장 전체 개요" after "3장. 평가 방법론": a section.
			h.chapter, h.title = 0, h.text
		}
		if h.chapter > 0 {
			seenChapter[h.chapter] = h
		}
		h.setTitle(h.title)
		cur, heading = h, h
		o.heads = append(o.heads, h)
	}
	// A note's own title — its first heading, alone above all others —
	// is no part of the outline unless it names a chapter.
	if len(o.heads) > 0 && o.heads[0].chapter == 0 {
		first, alone := o.heads[0], true
		for _, h := range o.heads[1:] {
			if h.level <= first.level {
				alone = false
				break
			}
		}
		if alone && len(o.heads) > 1 {
			o.pre = append(o.pre, first.content...)
			o.heads = o.heads[1:]
		}
	}
	return o
}

// boldOrdinalRe reads the number of a numbered paragraph ("1. …", "2) …").
var boldOrdinalRe = regexp.MustCompile(`^(\d{1,2})[.)]\s*\S`)

// maxBoldHeading is the longest bold paragraph read as a subheading, in
// letters.
const maxBoldHeading = 80

// boldHeadings finds the paragraphs a member wrote as subheadings in bold
// (blog editors without heading levels): a numbered one-line paragraph all
// in bold ("**1. 네트워크 분할**") with content of its own after it, in a run
// numbered 1, 2, … (at least two) under one heading. Numbered bold
// paragraphs with nothing between them are a list, not headings.
func boldHeadings(d *note.Document) map[int]bool {
	out := map[int]bool{}
	var run []int
	flush := func() {
		if len(run) >= 2 {
			for _, i := range run {
				out[i] = true
			}
		}
		run = nil
	}
	for i, b := range d.Blocks {
		if b.Kind == note.KindHeading {
			flush()
			continue
		}
		n := boldOrdinal(b)
		if n == 0 {
			continue
		}
		if i+1 == len(d.Blocks) || d.Blocks[i+1].Kind == note.KindHeading || boldOrdinal(d.Blocks[i+1]) > 0 {
			flush() // nothing of its own under it
			continue
		}
		if n != len(run)+1 {
			flush()
			if n != 1 {
				continue
			}
		}
		run = append(run, i)
	}
	flush()
	return out
}

// boldOrdinal is the number of a one-line paragraph written all in bold
// that starts with a number ("**2. 시계 차이**"), 0 for any other
// block. One inside a list item (Level > 0) titles that item's own
// nested list, not a section of the note.
func boldOrdinal(b note.Block) int {
	t := strings.TrimSpace(b.Text)
	if b.Kind != note.KindParagraph || b.Level > 0 || strings.Contains(t, "\n") || utf8.RuneCountInString(t) > maxBoldHeading {
		return 0
	}
	m := boldOrdinalRe.FindStringSubmatch(t)
	if m == nil {
		return 0
	}
	whole := false
	for _, e := range b.Emphasis {
		if text.Compact(e) == text.Compact(t) {
			whole = true
		}
	}
	if !whole {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// parseHead reads a heading's text: a chapter heading, a book number, a
// member's own ordinal, and the title without them.
func parseHead(s string) *head {
	h := &head{text: strings.TrimSpace(s)}
	t := strings.TrimLeftFunc(h.text, func(r rune) bool { return unicode.Is(unicode.So, r) || unicode.IsSpace(r) || r == '\uFE0F' })
	if m := chapterRe.FindStringSubmatch(t); m != nil {
		n, _ := strconv.Atoi(m[1] + m[3])
		h.chapter, t = n, strings.TrimSpace(m[2]+m[4])
	} else if m := bookNumRe.FindStringSubmatch(t); m != nil {
		for _, p := range strings.Split(m[1], ".") {
			n, _ := strconv.Atoi(p)
			h.num = append(h.num, n)
		}
		t = strings.TrimSpace(m[2])
	} else if m := ordinalRe.FindStringSubmatch(t); m != nil && strings.TrimSpace(m[1]) != "" {
		h.ordinal, t = true, strings.TrimSpace(m[1])
	}
	t = strings.Trim(t, " *_:：")
	if t == "" && h.chapter == 0 {
		t = h.text
	}
	h.setTitle(t)
	return h
}

// setTitle sets the title and what is compared of it.
func (h *head) setTitle(t string) {
	h.title = t
	h.setKey(text.Compact(t))
	h.cue = cueOf(t)
}

func (h *head) setKey(key string) {
	h.key = key
	h.keyLen = utf8.RuneCountInString(key)
	h.hangul = hangulOnly(key)
	h.kg = newGrams(key)
	h.hg = newGrams(h.hangul)
}

// HeadingSim is how surely two headings, of a note or a summary, name the
// same part of a book, in [0, 1]: their titles compared without numbers,
// ordinals and chapter prefixes ("3.2.4 퍼플렉서티" and "2-4. 퍼플렉시티
// (PPL)" are close). Chapter headings match chapter headings of the same
// number.
func HeadingSim(a, b string) float64 {
	ha, hb := parseHead(a), parseHead(b)
	if ha.chapter > 0 || hb.chapter > 0 {
		if ha.chapter == hb.chapter {
			return 1
		}
		if ha.chapter > 0 && hb.chapter > 0 {
			return 0
		}
	}
	return titleSim(ha, hb)
}

// cueWords name the member's own kinds of content in a heading; a cue
// heading is short, ends in a word that says what kind of content follows
// (cueEnds), and names no part of the book: "느낀 점", "실무에 적용하기",
// "더 공부할 것", "참고 자료" — but not "모델에게 생각할 시간 주기".
var cueWords = []text.WordRule{
	{Key: cueSkip, Words: []string{"목차", "contents", "toc"}},
	{Key: cueRefs, Words: []string{"참고", "출처", "reference", "링크", "자료"}},
	{Key: cueStudy, Words: []string{"궁금", "질문", "더공부", "공부할", "추가학습", "더알아", "알아볼", "todo", "question"}},
	{Key: cuePractical, Words: []string{"실무", "적용", "실천", "practice", "apply"}},
	{Key: cueThoughts, Words: []string{"느낀", "생각", "소감", "회고", "의견", "후기", "thought", "takeaway", "reflection"}},
}

// cueEnds are the endings of a cue heading.
var cueEnds = []string{"점", "것", "거리", "생각", "소감", "후기", "회고", "의견", "질문", "자료", "링크", "목차", "적용", "적용하기", "아이디어", "참고", "메모", "todo", "questions", "thoughts", "takeaways", "reflections", "references", "links", "contents", "toc", "practice", "ideas", "notes"}

// cueOf tells a heading about the member's own kind of content (see
// cueWords) from a heading about the book: "" for the latter.
func cueOf(title string) string {
	c := text.Compact(title)
	if c == "" || utf8.RuneCountInString(c) > 10 {
		return ""
	}
	ends := false
	for _, e := range cueEnds {
		if strings.HasSuffix(c, e) {
			ends = true
			break
		}
	}
	if !ends {
		return ""
	}
	return text.FirstRule(cueWords, c)
}

// hangulOnly keeps the Hangul letters of s.
func hangulOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// resolve decides, once the week's chapters are known, which members
// number headings by the book, which chapter every heading belongs to and
// each heading's depth (1 chapter, 2 section, 3 subsection …).
func (o *outline) resolve(chapters map[int]bool) {
	valid, invalid := 0, 0
	last := []int(nil)
	increasing := true
	for _, h := range o.heads {
		if h.num == nil {
			continue
		}
		if len(chapters) == 0 || chapters[h.num[0]] {
			valid++
		} else {
			invalid++
		}
		if last != nil && compareNum(h.num, last) <= 0 {
			increasing = false
		}
		last = h.num
	}
	o.numbered = valid >= 2 && invalid == 0 && increasing
	if !o.numbered {
		// A member's own numbering ("3.2." for the second part of the
		// third section) is an ordinal, not the book's number.
		for _, h := range o.heads {
			if h.num != nil {
				h.num, h.ordinal = nil, true
			}
		}
	}
	// Depth: chapters 1, book numbers their length, other headings one
	// below the heading that encloses them (by level; a member's ordinal
	// heading right after a numbered one of the same level is its child).
	var stack []*head
	chapter := 0
	for _, h := range o.heads {
		for len(stack) > 0 && stack[len(stack)-1].level >= h.level {
			top := stack[len(stack)-1]
			if top.level == h.level && top.num != nil && h.ordinal && h.num == nil && h.chapter == 0 {
				break
			}
			stack = stack[:len(stack)-1]
		}
		switch {
		case h.chapter > 0:
			h.depth = 1
			chapter = h.chapter
		case h.num != nil:
			h.depth = len(h.num)
			chapter = h.num[0]
		case len(stack) == 0:
			h.depth = 2
		default:
			h.depth = stack[len(stack)-1].depth + 1
		}
		if len(stack) > 0 && h.chapter == 0 && stack[len(stack)-1].chapter == 0 {
			// A subsection's title with its parent's: "한계" under "AI
			// 평가자" reads "AI 평가자 한계".
			h.full = &head{}
			h.full.setKey(stack[len(stack)-1].key + h.key)
		}
		h.inChapter = chapter
		stack = append(stack, h)
	}
}

func compareNum(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return len(a) - len(b)
}

func numString(n []int) string {
	parts := make([]string, len(n))
	for i, v := range n {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ".")
}

// minMatch is the least similarity at which two headings are the same
// part of the outline.
const minMatch = 0.5

// headSim is how surely two headings of different members are the same
// part of the book, in [0, 1].
func headSim(a, b *head) float64 {
	if a.inChapter > 0 && b.inChapter > 0 && a.inChapter != b.inChapter {
		return 0
	}
	if (a.chapter > 0) != (b.chapter > 0) {
		return 0
	}
	if a.chapter > 0 {
		if a.chapter == b.chapter {
			return 1
		}
		return 0
	}
	if (a.cue == "") != (b.cue == "") {
		return 0
	}
	t := titleSim(a, b)
	if a.num != nil && b.num != nil {
		if compareNum(a.num, b.num) == 0 {
			return max(t, 0.95)
		}
		return t * 0.3
	}
	if a.cue != "" && a.cue == b.cue {
		t = max(t, 0.6)
	}
	switch d := a.depth - b.depth; {
	case d >= 2 || d <= -2:
		t *= 0.7
	case d != 0:
		t *= 0.9
	}
	return t
}

// titleSim compares two heading titles: equal, one inside the other, or
// by character bigrams (also of their Hangul alone, so "퍼플렉서티" and
// "퍼플렉시티(PPL)" are close).
func titleSim(a, b *head) float64 {
	s := keySim(a, b)
	// A short subsection title is compared in its parent's words too.
	if a.full != nil {
		s = max(s, 0.9*keySim(a.full, b))
	}
	if b.full != nil {
		s = max(s, 0.9*keySim(a, b.full))
	}
	return s
}

// keySim compares two compacted titles.
func keySim(a, b *head) float64 {
	if a.key == "" || b.key == "" {
		return 0
	}
	if a.key == b.key {
		return 1
	}
	s := a.kg.f1(b.kg)
	if a.hangul != "" && b.hangul != "" {
		s = max(s, a.hg.f1(b.hg))
		if a.hangul == b.hangul && utf8.RuneCountInString(a.hangul) >= 2 {
			s = max(s, 0.9)
		}
	}
	short, long := a, b
	if len(short.key) > len(long.key) {
		short, long = long, short
	}
	// One title inside the other ("마스크 언어 모델" in "마스크 언어
	// 모델(masked language model)"), when it is most of it: "언어 모델"
	// inside "대규모 언어 모델에서 파운데이션 모델로" is another section.
	if n, l := short.keyLen, long.keyLen; n >= 3 && 2*n >= l && strings.Contains(long.key, short.key) {
		s = max(s, 0.5+0.4*float64(n)/float64(l))
	}
	return s
}

// grams are a title's character bigrams (text.Bigrams), sorted, each with
// its count and weight (see weigh), for fast weighed comparison.
type grams struct {
	keys   []uint64
	counts []int32
	w      []float64
	total  float64 // the weighed count of all bigrams
}

func newGrams(s string) grams {
	var g grams
	type kc struct {
		k uint64
		c int32
	}
	var all []kc
	text.NewBigrams(s, text.BigramOptions{}).Each(func(k uint64, c int) { all = append(all, kc{k, int32(c)}) })
	sort.Slice(all, func(i, j int) bool { return all[i].k < all[j].k })
	for _, x := range all {
		g.keys = append(g.keys, x.k)
		g.counts = append(g.counts, x.c)
	}
	g.weigh(nil)
	return g
}

// weigh sets the weights from idf (1 for a bigram it lacks, or all when
// idf is nil).
func (g *grams) weigh(idf map[uint64]float64) {
	g.w = make([]float64, len(g.keys))
	g.total = 0
	for i, k := range g.keys {
		w := 1.0
		if v, ok := idf[k]; ok {
			w = v
		}
		g.w[i] = w
		g.total += w * float64(g.counts[i])
	}
}

// f1 is the weighed bigram F1 of two titles: a part many of the week's
// headings share ("데이터", "프롬프트") counts less than what tells them
// apart.
func (a grams) f1(b grams) float64 {
	if a.total == 0 || b.total == 0 {
		return 0
	}
	ov := 0.0
	for i, j := 0, 0; i < len(a.keys) && j < len(b.keys); {
		switch {
		case a.keys[i] < b.keys[j]:
			i++
		case a.keys[i] > b.keys[j]:
			j++
		default:
			ov += float64(min(a.counts[i], b.counts[j])) * a.w[i]
			i++
			j++
		}
	}
	return 2 * ov / (a.total + b.total)
}

// weigh weighs the title bigrams of every heading by their inverse
// document frequency over the week's headings, scaled so that a bigram
// only one heading in ten has weighs 1.
func weigh(outlines []*outline) {
	df := map[uint64]int{}
	n := 0
	for _, o := range outlines {
		for _, h := range o.heads {
			n++
			for _, k := range h.kg.keys {
				df[k]++
			}
		}
	}
	if n == 0 {
		return
	}
	idf := make(map[uint64]float64, len(df))
	for k, d := range df {
		idf[k] = min(1, math.Log(1+float64(n)/float64(d))/math.Log(11))
	}
	for _, o := range outlines {
		for _, h := range o.heads {
			for _, x := range []*head{h, h.full} {
				if x != nil {
					x.kg.weigh(idf)
					x.hg.weigh(idf)
				}
			}
		}
	}
}
