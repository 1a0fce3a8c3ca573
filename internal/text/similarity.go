package text

import (
	"strings"
	"unicode"
)

// Normalize returns s in NFC with runs of whitespace collapsed to one
// space, trimmed, and Latin letters lower-cased (Hangul is unchanged).
func Normalize(s string) string {
	s = NFC(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Jaccard returns |A∩B| / |A∪B| of the two lists taken as sets; 0 when
// both are empty.
func Jaccard(a, b []string) float64 {
	sa := make(map[string]bool, len(a))
	for _, x := range a {
		sa[x] = true
	}
	sb := make(map[string]bool, len(b))
	for _, x := range b {
		sb[x] = true
	}
	if len(sa) == 0 && len(sb) == 0 {
		return 0
	}
	inter := 0
	for x := range sa {
		if sb[x] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

// BigramF1 compares two strings by their character bigrams: the F1 of the
// bigram multisets of Normalize(a) and Normalize(b), taken over letters and
// digits only (spaces and punctuation are ignored, so "검색 증강" and
// "검색증강" are equal). A one-letter string counts as one unigram. It
// returns 0 when either side has no letters.
func BigramF1(a, b string) float64 {
	return NewBigrams(a, BigramOptions{}).F1(NewBigrams(b, BigramOptions{}))
}

// F1 is BigramF1 of the texts ga and gb were counted from, for callers that
// compare one text with many and count each text's bigrams once.
func (ga Bigrams) F1(gb Bigrams) float64 {
	na, nb := ga.Len(), gb.Len()
	if na == 0 || nb == 0 {
		return 0
	}
	overlap := ga.Overlap(gb)
	if overlap == 0 {
		return 0
	}
	p := float64(overlap) / float64(na)
	r := float64(overlap) / float64(nb)
	return 2 * p * r / (p + r)
}

// Compact lower-cases s (NFC) and keeps its letters and digits only, so
// that texts compare regardless of spacing, punctuation and markup.
func Compact(s string) string {
	var b strings.Builder
	for _, r := range NFC(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WordRule maps any of its words, found in a compacted text (see Compact),
// to a key.
type WordRule struct {
	Key   string
	Words []string
}

// ContainsAny reports whether s contains one of words (as substrings).
func ContainsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// FirstRule returns the key of the first rule with a word in c, a text
// already compacted, "" when none has.
func FirstRule(rules []WordRule, c string) string {
	for _, r := range rules {
		for _, w := range r.Words {
			if strings.Contains(c, w) {
				return r.Key
			}
		}
	}
	return ""
}
