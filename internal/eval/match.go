package eval

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// profile is the multiset of character bigrams of a text, as
// text.BigramF1 counts them: Normalize, letters and digits only, a
// one-letter text counting as one unigram. Bigrams are packed in a uint64.
type profile struct {
	grams map[uint64]int32
	n     int32
}

func newProfile(s string) profile {
	var rs []rune
	for _, r := range text.Normalize(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	p := profile{grams: make(map[uint64]int32, len(rs))}
	if len(rs) == 1 {
		p.grams[uint64(rs[0])<<32|0xFFFFFFFF]++
		p.n = 1
	}
	for i := 0; i+1 < len(rs); i++ {
		p.grams[uint64(rs[i])<<32|uint64(rs[i+1])]++
		p.n++
	}
	return p
}

// score is how well a sentence with profile s supports a bullet with
// profile b and their overlap: the larger of the bigram F1 and the share of
// the bullet's bigrams found in the sentence (containment), so that a
// bullet quoting part of a long sentence scores high.
func score(overlap, nb, ns int32) float64 {
	if overlap == 0 || nb == 0 || ns == 0 {
		return 0
	}
	contain := float64(overlap) / float64(nb)
	f1 := 2 * float64(overlap) / float64(nb+ns)
	return max(contain, f1)
}

// posting is one sentence holding a bigram.
type posting struct {
	sent  int32
	count int32
}

// noteIndex finds the sentences of one note that best match a text.
type noteIndex struct {
	member  string
	sizes   []int32 // bigram count per sentence
	index   map[uint64][]posting
	compact string // the note's text, compacted, for quote look-up
	scratch []int32
	touched []int32
}

func newNoteIndex(member string, doc *note.Document) *noteIndex {
	ix := &noteIndex{member: member, index: map[uint64][]posting{}}
	var all strings.Builder
	for i, s := range doc.Sentences {
		p := newProfile(s.Text)
		ix.sizes = append(ix.sizes, p.n)
		for g, c := range p.grams {
			ix.index[g] = append(ix.index[g], posting{sent: int32(i), count: c})
		}
		all.WriteString(compact(s.Text))
	}
	for _, b := range doc.Blocks {
		if b.Kind == note.KindCode {
			all.WriteString(compact(b.Text))
		}
	}
	ix.compact = all.String()
	ix.scratch = make([]int32, len(ix.sizes))
	return ix
}

// best returns the best score of any sentence of the note against p.
func (ix *noteIndex) best(p profile) float64 {
	if p.n == 0 {
		return 0
	}
	for g, c := range p.grams {
		for _, post := range ix.index[g] {
			if ix.scratch[post.sent] == 0 {
				ix.touched = append(ix.touched, post.sent)
			}
			ix.scratch[post.sent] += min(c, post.count)
		}
	}
	best := 0.0
	for _, s := range ix.touched {
		best = max(best, score(ix.scratch[s], p.n, ix.sizes[s]))
		ix.scratch[s] = 0
	}
	ix.touched = ix.touched[:0]
	return best
}

// hasQuote reports whether the note contains quote (compared compacted:
// case, spacing and punctuation ignored). Quotes shorter than four letters
// prove nothing and are not found.
func (ix *noteIndex) hasQuote(quote string) bool {
	q := compact(quote)
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
