package summary

import (
	"regexp"
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
	// terms are the keys of the point's concept terms (from the analysis).
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
}

// metaRe matches lines that are about the note, not its subject: note
// properties, and short remarks on where the note comes from ("블로그에
// 정리한 글을 옮겨 왔다", "링크").
var (
	metaRe   = regexp.MustCompile(`^(날짜|일시|담당자|작성자|작성일|진행 ?상태|상태|태그|카테고리|참석자|발표자|링크|출처|date|author|status|tags|created|updated)\s*[:：]`)
	remarkRe = regexp.MustCompile(`(?i)(정리한 글|옮겨 ?왔|옮겨 ?온|포스팅|이번 글|이 글에서|블로그|velog|tistory|notion|링크|link)`)
)

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
	for k := 0; k < len(blocks); k++ {
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
			p.lines = []string{inline(b)}
			p.emphasis = len(b.Emphasis) > 0
			for k+1 < len(blocks) {
				c := d.Blocks[blocks[k+1]]
				if c.Kind != note.KindListItem || c.Level <= top {
					break
				}
				k++
				if t := inline(c); t != "" {
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
		default:
			p.kind = insight.PointText
			p.lines = []string{inline(b)}
			p.plain = plainText(p.lines)
			p.emphasis = len(b.Emphasis) > 0
			if isLabel(p.plain) {
				if items, next := labelledList(d, blocks, k+1); len(items) > 0 {
					// A label line over a list ("출력 형식 지정하기" and
					// its items) is one point: the label bold, the
					// list nested under it.
					p.kind = insight.PointBullet
					p.lines = []string{"**" + p.plain + "**"}
					for _, c := range items {
						p.lines = append(p.lines, strings.Repeat("  ", c.Level-items[0].Level+1)+"- "+inline(c))
						p.end = max(p.end, c.EndLine)
					}
					p.plain = plainText(p.lines)
					p.emphasis = true
					k = next - 1
				}
			}
		}
		if !substantial(p) {
			continue
		}
		p.grams = text.NewBigrams(p.plain, text.BigramOptions{})
		seen := map[string]bool{}
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
		p.lead = leadOf(p)
		out = append(out, p)
	}
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
	var items []note.Block
	for ; k < len(blocks); k++ {
		c := d.Blocks[blocks[k]]
		if c.Kind != note.KindListItem || len(items) > 0 && c.Level < items[0].Level {
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
	if letters < 4 || metaRe.MatchString(strings.ToLower(p.plain)) {
		return false
	}
	return !(utf8.RuneCountInString(p.plain) < 80 && remarkRe.MatchString(p.plain))
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
