package eval

import (
	"regexp"
	"strings"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// posting is one sentence holding a bigram.
type posting struct {
	sent  int32
	count int32
}

// noteIndex finds the sentences of one note that best match a text.
type noteIndex struct {
	member  string
	sizes   []int // bigram count per sentence
	index   map[uint64][]posting
	compact string // the note's text, compacted, for quote look-up
	scratch []int
	touched []int32
}

func newNoteIndex(member string, doc *note.Document) *noteIndex {
	ix := &noteIndex{member: member, index: map[uint64][]posting{}}
	var all strings.Builder
	for i, s := range doc.Sentences {
		p := text.NewBigrams(s.Text, text.SentenceSupport.BigramOptions)
		ix.sizes = append(ix.sizes, p.Len())
		p.Each(func(g uint64, c int) {
			ix.index[g] = append(ix.index[g], posting{sent: int32(i), count: int32(c)})
		})
		all.WriteString(text.Compact(s.Text))
	}
	for _, b := range doc.Blocks {
		if b.Kind == note.KindCode {
			all.WriteString(text.Compact(b.Text))
		}
	}
	ix.compact = all.String()
	ix.scratch = make([]int, len(ix.sizes))
	return ix
}

// best returns the best text.SentenceSupport of any sentence of the note
// for a bullet with bigrams p.
func (ix *noteIndex) best(p text.Bigrams) float64 {
	if p.Len() == 0 {
		return 0
	}
	p.Each(func(g uint64, c int) {
		for _, post := range ix.index[g] {
			if ix.scratch[post.sent] == 0 {
				ix.touched = append(ix.touched, post.sent)
			}
			ix.scratch[post.sent] += min(c, int(post.count))
		}
	})
	best := 0.0
	for _, s := range ix.touched {
		best = max(best, text.SentenceSupport.Score(ix.scratch[s], p.Len(), ix.sizes[s]))
		ix.scratch[s] = 0
	}
	ix.touched = ix.touched[:0]
	return best
}

// hasQuote reports whether the note contains quote (compared compacted:
// case, spacing and punctuation ignored). Quotes shorter than four letters
// prove nothing and are not found.
func (ix *noteIndex) hasQuote(quote string) bool {
	q := text.Compact(quote)
	return len([]rune(q)) >= 4 && strings.Contains(ix.compact, q)
}

var (
	linkRe     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	headBodyRe = regexp.MustCompile(`^\*\*([^*]+)\*\*\s*[:：]\s*(.*)$`)
)

// plain removes the inline markdown of a bullet: bold and code markers,
// link targets (the link text is kept).
func plain(s string) string {
	s = linkRe.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// matchTexts are the texts of a bullet matched against notes: the whole
// bullet and, for a "**head**: body" bullet, the body alone (a headline is
// often a label moim or a person added, not note text).
func matchTexts(raw string) []string {
	out := []string{plain(raw)}
	if m := headBodyRe.FindStringSubmatch(strings.TrimSpace(raw)); m != nil && strings.TrimSpace(m[2]) != "" {
		out = append(out, plain(m[2]))
	}
	return out
}

// debrisRules are the leftovers of markdown, HTML, LaTeX and chat exports
// that should not reach a bullet. Each has a name reported in
// Row.DebrisKinds.
var debrisRules = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"entity", regexp.MustCompile(`&(nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});`)},
	{"html", regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<(br|p|div|span|img|ul|ol|li|b|i|aside|table|tr|td|a)\b`)},
	{"image", regexp.MustCompile(`!\[`)},
	{"link", regexp.MustCompile(`\]\(`)},
	{"url", regexp.MustCompile(`(?i)https?:|www\.`)},
	{"latex", regexp.MustCompile(`\\[a-zA-Z]{2,}|\$\$`)},
	{"citation", regexp.MustCompile(`【|oaicite|contentReference`)},
}

// debris returns the kinds of leftovers in a bullet, nil for a clean one.
// Besides the rules above, an odd number of "**" (a bold marker cut in
// half) counts as "bold".
func debris(raw string) []string {
	var kinds []string
	for _, r := range debrisRules {
		if r.re.MatchString(raw) {
			kinds = append(kinds, r.kind)
		}
	}
	if strings.Count(raw, "**")%2 == 1 {
		kinds = append(kinds, "bold")
	}
	return kinds
}
