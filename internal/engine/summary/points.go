package summary

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// point is one thing a member wrote under a heading: a list item with its
// nested items, a paragraph, a quote or call-out, a code block or a table.
type point struct {
	member int
	kind   string
	// lines are the markdown lines (insight.Point.Lines).
	lines []string
	// plain is the point's text for comparing: no markup, one line.
	plain string
	grams text.Bigrams
	// terms are the keys of the point's concept terms (from the
	// analysis), distinct and sorted.
	terms []string
	// lead is the key of the concept the point is about when it leads
	// with one ("**퍼플렉시티**: …", "퍼플렉시티란 …"), "" otherwise.
	lead string
	// line and end are the first and last note lines; blocks the note
	// blocks it was made of.
	line, end int
	emphasis  bool
	// ids are the evidence IDs of the analysed sentences in the point.
	ids []string
	// centrality is the highest centrality of those sentences.
	centrality float64
	// pos is the point's place among the member's points of its node, in
	// [0, 1].
	pos float64
	// slips counts the words that look like slips of the keyboard, next
	// to the other versions of its cluster (see spelling.slips).
	slips int
	// needs is the point this one does not stand without (see lean): the
	// line it points back at, or the formula whose symbols it defines;
	// nil when it stands alone. orphan marks a point that points at what
	// the draft cannot show (a numbered figure).
	needs  *point
	orphan bool
	// formula marks a point that is a formula only.
	formula bool
}

// metaRe matches lines that are about the note, not its subject: note
// properties; remarkWords short remarks on where the note comes from
// ("블로그에 정리한 글을 옮겨 왔다", "링크").
var (
	metaRe = regexp.MustCompile(`^(날짜|일시|담당자|작성자|작성일|진행 ?상태|상태|태그|카테고리|참석자|발표자|링크|출처|date|author|status|tags|created|updated)\s*[:：]`)
	// titleRe matches the title of a member's write-up of a chapter, as a
	// link's text ("5장 정리", "Chap 5 요약"): it names the note, not the
	// subject.
	titleRe = regexp.MustCompile(`(?i)^(?:제\s*)?(?:chapter|chap|ch)?\.?\s*\d{1,2}\s*(?:장|강|주차)?\.?\s*(?:내용\s*)?(?:정리|요약|정리본|노트|summary|notes?)$`)
)

// remarkWords are the words of a remark on where the note comes from, in
// lower case.
var remarkWords = []string{"정리한 글", "옮겨왔", "옮겨 왔", "옮겨온", "옮겨 온", "포스팅", "이번 글", "이 글에서", "블로그",
	"velog", "tistory", "티스토리", "게시글", "notion", "링크", "link"}

// sentenceIndex finds the analysed sentences of a member by note line.
type sentenceIndex struct {
	lines []int
	sents []analyze.Sentence
}

func newSentenceIndex(am *analyze.Member) *sentenceIndex {
	ix := &sentenceIndex{}
	if am == nil {
		return ix
	}
	ix.sents = append(ix.sents, am.Sentences...)
	sort.SliceStable(ix.sents, func(i, j int) bool { return ix.sents[i].Line < ix.sents[j].Line })
	for _, s := range ix.sents {
		ix.lines = append(ix.lines, s.Line)
	}
	return ix
}

// within returns the sentences starting on lines [from, to].
func (ix *sentenceIndex) within(from, to int) []analyze.Sentence {
	i := sort.SearchInts(ix.lines, from)
	j := sort.SearchInts(ix.lines, to+1)
	return ix.sents[i:j]
}

// points turns the note blocks blocks of member m into points.
func points(m int, d *note.Document, blocks []int, ix *sentenceIndex) []*point {
	var out []*point
	cards := linkCards(d, blocks)
	for k := 0; k < len(blocks); k++ {
		if cards[k] {
			continue
		}
		b := d.Blocks[blocks[k]]
		p := &point{member: m, line: b.Line, end: b.EndLine}
		switch b.Kind {
		case note.KindCode:
			p.kind = insight.PointCode
			p.lines = strings.Split(strings.TrimRight(b.Text, "\n"), "\n")
			p.plain = b.Text
		case note.KindTable:
			p.kind = insight.PointTable
			for ; k < len(blocks) && d.Blocks[blocks[k]].Kind == note.KindTable; k++ {
				t := d.Blocks[blocks[k]]
				p.lines = append(p.lines, oneLine(t.Text))
				p.end = t.EndLine
			}
			k--
			p.plain = strings.Join(p.lines, " ")
		case note.KindListItem:
			p.kind = insight.PointBullet
			top := b.Level
			p.lines = []string{inline(dropCaption(b))}
			if isCaption(b, plainText(p.lines)) {
				p.lines[0] = "" // a figure's caption: as an image-only item
			}
			p.emphasis = len(b.Emphasis) > 0
			for k+1 < len(blocks) {
				// Its nested items, and the paragraphs written inside
				// them (an item's line after its own sublist).
				c := d.Blocks[blocks[k+1]]
				if c.Kind != note.KindListItem && c.Kind != note.KindParagraph || c.Level <= top {
					break
				}
				k++
				if t := nestedLine(c); t != "" {
					p.lines = append(p.lines, strings.Repeat("  ", c.Level-top)+"- "+t)
				}
				p.end = max(p.end, c.EndLine)
			}
			if p.lines[0] == "" {
				// A list item of an image only: its nested items stand
				// on their own.
				if len(p.lines) == 1 {
					continue
				}
				p.lines = p.lines[1:]
				p.lines[0] = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p.lines[0]), "- "))
			}
			p.plain = plainText(p.lines)
		case note.KindQuote, note.KindCallout:
			p.kind = insight.PointQuote
			p.lines = []string{inline(b)}
			p.plain = plainText(p.lines)
			p.emphasis = len(b.Emphasis) > 0
			if b.Kind == note.KindCallout && isHeadline(p.plain, b) || isLabel(p.plain) {
				// A call-out that titles the list under it, or a quote
				// or call-out that titles the quote after it ("**과제
				// 설명**" over the task). (A quote's last line over a
				// list is the end of a quoted example, not a title.)
				if items, next := labelledList(d, blocks, k+1); b.Kind == note.KindCallout && len(items) > 0 {
					p.nest("**"+p.plain+"**", items)
					k = next - 1
				} else if j, ok := nextBlock(d, blocks, k+1); ok && (d.Blocks[blocks[j]].Kind == note.KindQuote || d.Blocks[blocks[j]].Kind == note.KindCallout) {
					p.lines = []string{"**" + p.plain + "**", inline(d.Blocks[blocks[j]])}
					p.plain = plainText(p.lines)
					p.end = max(p.end, d.Blocks[blocks[j]].EndLine)
					p.emphasis = true
					k = j
				}
			}
		default:
			p.kind = insight.PointText
			p.lines = []string{inline(b)}
			p.plain = plainText(p.lines)
			p.emphasis = len(b.Emphasis) > 0
			if isCaption(b, p.plain) {
				continue
			}
			if isLabel(p.plain) || isHeadline(p.plain, b) {
				if items, next := labelledList(d, blocks, k+1); len(items) > 0 {
					// A label line over a list ("출력 형식 지정하기" and
					// its items) is one point: the label bold, the
					// list nested under it.
					p.nest("**"+p.plain+"**", items)
					k = next - 1
				} else if j, ok := nextBlock(d, blocks, k+1); ok && d.Blocks[blocks[j]].Kind == note.KindParagraph && ordinalParaRe.MatchString(d.Blocks[blocks[j]].Text) {
					// A line over items written as numbered paragraphs
					// (each with its own list): it stays the point that
					// introduces them.
				} else if ok && d.Blocks[blocks[j]].Kind == note.KindParagraph && !isLabel(plainText([]string{inline(d.Blocks[blocks[j]])})) {
					// A label over a paragraph: the paragraph nested
					// under the bold label.
					p.nest("**"+p.plain+"**", []note.Block{d.Blocks[blocks[j]]})
					k = j
				} else if n := nextKind(d, blocks, j, ok); (!ok || n == note.KindHeading || n == note.KindParagraph || n == note.KindListItem) && !analyze.Formula(p.plain) {
					// A bare label (a figure's title, a pseudo-heading
					// over nothing) says nothing on its own; a formula
					// does (and may join the line announcing it).
					continue
				}
			} else if items, next := introducedList(d, blocks, k+1, p.plain); len(items) > 0 {
				// A sentence that introduces the list under it ("장점은
				// 다음과 같다.") is one point with the list: the list
				// does not stand without it.
				p.nest(p.lines[0], items)
				k = next - 1
			}
		}
		if !substantial(p) {
			continue
		}
		p.grams = text.NewBigrams(p.plain, text.BigramOptions{})
		seen := map[string]bool{}
		p.formula = (p.kind == insight.PointText || p.kind == insight.PointBullet) && analyze.Formula(plainText(p.lines[:1]))
		for _, s := range ix.within(p.line, p.end) {
			p.ids = append(p.ids, s.ID)
			p.centrality = max(p.centrality, s.Centrality)
			for _, t := range s.Terms {
				if k := analyze.Key(t); !seen[k] {
					seen[k] = true
					p.terms = append(p.terms, k)
				}
			}
		}
		slices.Sort(p.terms) // for common
		p.lead = leadOf(p)
		lean(p, out)
		out = append(out, p)
	}
	out = joinFormulas(out)
	for i, p := range out {
		if len(out) > 1 {
			p.pos = float64(i) / float64(len(out)-1)
		}
	}
	return out
}

// maxLabel is the longest line, in letters, read as a label over a list.
const maxLabel = 40

// sentenceEnd matches the end of a sentence: punctuation, or the endings
// Korean notes end statements with (…다, …요, …음, …함, …됨, …임).
var sentenceEnd = regexp.MustCompile(`([.!?。…]|[다요음함됨임])["')\]]*$`)

// isLabel reports whether a paragraph reads as a label for what follows
// (a pseudo-heading): short, one line, not a sentence, not a definition
// ("X: …" with text after the colon).
func isLabel(plain string) bool {
	s := strings.TrimSpace(plain)
	n := utf8.RuneCountInString(s)
	if n < 2 || n > maxLabel || strings.Contains(s, "\n") || sentenceEnd.MatchString(s) {
		return false
	}
	if i := strings.IndexAny(s, ":："); i >= 0 && strings.TrimSpace(s[i+1:]) != "" {
		return false
	}
	if strings.HasSuffix(s, ",") {
		return false // a lead-in ("장점은,"), see introducedList
	}
	return true
}

// maxLabelled is the most list lines a label takes under it; a longer
// list is points of its own.
const maxLabelled = 10

// labelledList returns the list that follows a label at blocks[from:]
// (blocks without text, such as images, may stand between): every item
// down to the next block that is not an item of that list, and the index
// of that block. It returns no items when no list follows, when the list
// is longer than maxLabelled lines, or when an item does not nest under
// the first one's level.
func labelledList(d *note.Document, blocks []int, from int) ([]note.Block, int) {
	k := from
	for k < len(blocks) && d.Blocks[blocks[k]].Kind != note.KindListItem && d.Blocks[blocks[k]].Kind != note.KindHeading && inline(d.Blocks[blocks[k]]) == "" {
		k++
	}
	// A label inside a list item ("**2) …**" between two of its nested
	// lists) titles its own list, not the items of the outer list after
	// it.
	top := 0
	if from > 0 && from <= len(blocks) && d.Blocks[blocks[from-1]].Kind == note.KindParagraph {
		top = d.Blocks[blocks[from-1]].Level
	}
	var items []note.Block
	for ; k < len(blocks); k++ {
		c := d.Blocks[blocks[k]]
		inItem := c.Kind == note.KindParagraph && len(items) > 0 && c.Level > items[0].Level // a line inside one of its items
		if c.Kind != note.KindListItem && !inItem || c.Level < top || len(items) > 0 && c.Level < items[0].Level {
			break
		}
		if inline(c) == "" {
			continue
		}
		items = append(items, c)
	}
	if len(items) > maxLabelled {
		return nil, from
	}
	return items, k
}

// substantial reports whether a point says something: code and tables
// do; text needs a few letters and must not be note bookkeeping.
func substantial(p *point) bool {
	if p.kind == insight.PointCode || p.kind == insight.PointTable {
		return strings.TrimSpace(p.plain) != ""
	}
	letters := 0
	for _, r := range p.plain {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	if letters < 4 || isMeta(p.plain) || isTitle(p.plain) {
		return false
	}
	return !(utf8.RuneCountInString(p.plain) < 80 && text.ContainsAny(strings.ToLower(p.plain), remarkWords))
}

// isMeta reports whether s is a note's metadata line ("작성자: …"): it
// needs a colon after a short label.
func isMeta(s string) bool {
	if i := strings.IndexAny(s, ":："); i < 0 || i > 64 {
		return false
	}
	return metaRe.MatchString(strings.ToLower(s))
}

// isTitle reports whether s is a write-up's title ("Chap 5 정리"): short,
// with the chapter's number.
func isTitle(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= 80 && strings.ContainsAny(s, "0123456789") && titleRe.MatchString(s)
}

// inline is a block's text as one markdown line: the note's plain text
// cleaned of leftovers, its emphasised spans bold again.
func inline(b note.Block) string {
	s := analyze.Clean(b.Text)
	if s == "" {
		return ""
	}
	return emphasize(s, b.Emphasis)
}

// emphasize wraps the first occurrence of each span in s in "**", longest
// spans first, never inside a span already wrapped.
func emphasize(s string, spans []string) string {
	type rng struct{ a, b int }
	var taken []rng
	sorted := append([]string(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, sp := range sorted {
		sp = strings.TrimSpace(sp)
		if utf8.RuneCountInString(sp) < 2 {
			continue
		}
		from := 0
		for from < len(s) {
			i := strings.Index(s[from:], sp)
			if i < 0 {
				break
			}
			a, b := from+i, from+i+len(sp)
			free := true
			for _, t := range taken {
				if a < t.b && b > t.a {
					free = false
					break
				}
			}
			if free {
				taken = append(taken, rng{a, b})
				break
			}
			from = b
		}
	}
	if len(taken) == 0 {
		return s
	}
	sort.Slice(taken, func(i, j int) bool { return taken[i].a < taken[j].a })
	var out strings.Builder
	last := 0
	for _, t := range taken {
		out.WriteString(s[last:t.a])
		out.WriteString("**")
		out.WriteString(strings.TrimSpace(s[t.a:t.b]))
		out.WriteString("**")
		last = t.b
	}
	out.WriteString(s[last:])
	return out.String()
}

// plainText is the text of markdown lines without markup, on one line.
func plainText(lines []string) string {
	var parts []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		t = strings.TrimPrefix(t, "- ")
		t = strings.ReplaceAll(t, "**", "")
		if t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// leadRe reads a point that leads with its concept: "퍼플렉시티: …",
// "퍼플렉시티란 …", "퍼플렉시티(PPL)는 …".
var leadRe = regexp.MustCompile(`^([^:：.,!?]{2,30}?)\s*(?:[:：]|\s[-–—]\s|이란\s|란\s|\([^)]*\)\s*(?:은|는|이란|란)?\s)`)

// leadOf returns the key of the concept a point leads with: its first
// emphasised span when the point starts with it, or the subject of a
// "X: …" / "X란 …" opening.
func leadOf(p *point) string {
	if p.kind == insight.PointCode || p.kind == insight.PointTable {
		return ""
	}
	head := strings.TrimSpace(p.lines[0])
	if strings.HasPrefix(head, "**") {
		if end := strings.Index(head[2:], "**"); end > 0 {
			return analyze.Key(text.Compact(head[2 : 2+end]))
		}
	}
	if m := leadRe.FindStringSubmatch(p.plain); m != nil {
		return analyze.Key(text.Compact(m[1]))
	}
	return ""
}

// nest makes the point a bullet: first its first line, then the blocks
// (list items, or paragraphs) nested under it, their own nesting kept.
func (p *point) nest(first string, items []note.Block) {
	p.kind = insight.PointBullet
	p.lines = []string{first}
	base := items[0].Level
	for _, c := range items {
		p.lines = append(p.lines, strings.Repeat("  ", max(c.Level-base, 0)+1)+"- "+nestedLine(c))
		p.end = max(p.end, c.EndLine)
	}
	p.plain = plainText(p.lines)
	p.emphasis = p.emphasis || strings.HasPrefix(first, "**")
}

// itemOrdinalRe matches the number a paragraph inside a list item starts
// with ("2) 파인튜닝").
var itemOrdinalRe = regexp.MustCompile(`^\d{1,2}[.)]`)

// nestedLine is the text of a block nested under a point's first line. A
// paragraph written inside a list item keeps the number it starts with:
// there it numbers the item's parts ("**2) 파인튜닝**" between two
// sublists), it is no list marker to drop.
func nestedLine(c note.Block) string {
	t := inline(dropCaption(c))
	if c.Kind != note.KindParagraph || c.Level == 0 || t == "" {
		return t
	}
	raw := strings.TrimSpace(c.Text)
	s := analyze.Clean(raw)
	if n := itemOrdinalRe.FindString(raw); n != "" && !strings.HasPrefix(s, n) {
		return emphasize(n+" "+s, c.Emphasis)
	}
	return t
}

// nextBlock is the index in blocks of the first block at or after from
// that has text (images stand between), and whether there is one.
func nextBlock(d *note.Document, blocks []int, from int) (int, bool) {
	for k := from; k < len(blocks); k++ {
		b := d.Blocks[blocks[k]]
		if b.Kind == note.KindHeading || inline(b) != "" {
			return k, true
		}
	}
	return len(blocks), false
}

// nextKind is the kind of blocks[j] when ok, "" otherwise.
func nextKind(d *note.Document, blocks []int, j int, ok bool) note.Kind {
	if !ok {
		return ""
	}
	return d.Blocks[blocks[j]].Kind
}

// isHeadline reports whether a block written all in bold, short and not
// a sentence, titles what follows ("**용어 정리: 프롬프트와 컨텍스트**"),
// though it has a colon that would make a plain line a definition.
func isHeadline(plain string, b note.Block) bool {
	s := strings.TrimSpace(plain)
	if utf8.RuneCountInString(s) > maxLabel || strings.Contains(s, "\n") || sentenceEnd.MatchString(s) {
		return false
	}
	if b.Kind == note.KindCallout {
		return true
	}
	for _, e := range b.Emphasis {
		if text.Compact(e) == text.Compact(s) {
			return true
		}
	}
	return false
}

// figureRe finds the words a figure's caption uses: what the figure is
// (그림, 예시, 도식) or that it shows something (보여준다, 나타낸다).
var figureRe = regexp.MustCompile(`(?i)(그림|도식|사진|이미지|예시|figure|fig\.|보여\s?준다|보여\s?줌|나타낸다|나타냄)`)

// figureWords hold every word figureRe finds (in lower case), to skip the
// expression for the many lines that have none.
var figureWords = []string{"그림", "도식", "사진", "이미지", "예시", "fig", "보여", "나타낸다", "나타냄"}

// figural reports whether s uses a figure caption's words (figureRe).
func figural(s string) bool {
	return text.ContainsAny(strings.ToLower(s), figureWords) && figureRe.MatchString(s)
}

// arrowRe matches a line that starts with an arrow ("-> …", "→ …").
var arrowRe = regexp.MustCompile(`^\s*(->|=>|→|⇒|➔|➜)`)

// maxCaption is the longest caption, in letters.
const maxCaption = 80

// spansImage reports whether a block spans more note lines than its text
// has: an image (which the parsed text leaves out) stands inside it.
func spansImage(b note.Block) bool {
	return b.EndLine-b.Line+1 > strings.Count(strings.TrimSpace(b.Text), "\n")+1
}

// isCaption reports whether a block is the caption of a figure next to
// it: short, about the figure ("… 예시", "… 방법을 보여준다"), and either
// led by an arrow or written around an image.
func isCaption(b note.Block, plain string) bool {
	if utf8.RuneCountInString(plain) > maxCaption || !figural(plain) {
		return false
	}
	return arrowRe.MatchString(b.Text) || spansImage(b) || figureRefRe.MatchString(plain)
}

// figureRefRe matches a sentence that points at a figure ("위 그림은 …").
var figureRefRe = regexp.MustCompile(`(?i)^(위|아래|다음|이|앞의)\s?(그림|도식|사진|이미지|figure)`)

// dropCaption cuts from a block the last of its lines when that line is
// a figure's caption led by an arrow under an image inside the block
// ("작업: …" / image / "-> 개체명 인식 프롬프트 예시").
func dropCaption(b note.Block) note.Block {
	lines := strings.Split(strings.TrimSpace(b.Text), "\n")
	if len(lines) < 2 || !spansImage(b) {
		return b
	}
	last := lines[len(lines)-1]
	if !arrowRe.MatchString(last) || utf8.RuneCountInString(last) > maxCaption || !figural(last) {
		return b
	}
	b.Text = strings.Join(lines[:len(lines)-1], "\n")
	var keep []string
	for _, e := range b.Emphasis {
		if strings.Contains(b.Text, e) {
			keep = append(keep, e)
		}
	}
	b.Emphasis = keep
	return b
}

// leadInRe matches a sentence that announces a list: it ends with a colon
// or a comma, or says what follows ("다음과 같다", "아래와 같이", "세 가지").
var leadInRe = regexp.MustCompile(`([:：,]\s*$|다음과\s?같|아래와\s?같|다음\s?(?:\d+|두|세|네|다섯)?\s?가지|(?:두|세|네|다섯|\d+)\s?가지(?:가|는|를|로)?\s?(?:있|$))`)

// colonEnd matches a sentence that ends with a colon or a comma.
var colonEnd = regexp.MustCompile(`[:：,]\s*$`)

// ordinalParaRe matches a paragraph that starts with a member's ordinal
// ("1. 재사용성: …", "2) …"): an item of a list written as paragraphs.
var ordinalParaRe = regexp.MustCompile(`^\s*(?:\d{1,2}[.)]|[①-⑳])\s*\S`)

// maxItemLabel is the longest list item, in letters, read as a short
// label that needs the sentence above it ("재사용성", "테스트").
const maxItemLabel = 20

// introducedList returns the list that the sentence lead introduces at
// blocks[from:] (images between allowed) and the index of the block after
// it: the items of a list (up to maxLabelled lines) when the sentence
// announces it (leadInRe) or when its top items are short labels that do
// not stand alone; after a sentence ending in a colon or comma, also
// paragraphs that start with an ordinal. No items otherwise.
func introducedList(d *note.Document, blocks []int, from int, lead string) ([]note.Block, int) {
	announces := leadInRe.MatchString(strings.TrimSpace(lead))
	items, next := labelledList(d, blocks, from)
	if len(items) > 0 {
		if announces {
			return items, next
		}
		for _, c := range items {
			if c.Level == items[0].Level {
				t := plainText([]string{inline(c)})
				if utf8.RuneCountInString(t) > maxItemLabel || sentenceEnd.MatchString(t) {
					return nil, from
				}
			}
		}
		return items, next
	}
	if !colonEnd.MatchString(lead) {
		return nil, from
	}
	k := from
	for ; k < len(blocks) && len(items) < maxLabelled; k++ {
		c := d.Blocks[blocks[k]]
		if c.Kind != note.KindParagraph || !ordinalParaRe.MatchString(c.Text) {
			break
		}
		items = append(items, c)
	}
	if len(items) < 2 {
		return nil, from
	}
	return items, k
}
