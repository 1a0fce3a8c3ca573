package text

import (
	"slices"
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
	// NewBigrams(a).F1(NewBigrams(b)) with the bigrams in sorted slices
	// instead of maps: the same counts, without building two maps for
	// each pair of texts compared.
	var bufA, bufB [64]uint64
	ga, gb := bigramList(a, bufA[:0]), bigramList(b, bufB[:0])
	overlap := 0
	for i, j := 0, 0; i < len(ga) && j < len(gb); {
		switch {
		case ga[i] < gb[j]:
			i++
		case ga[i] > gb[j]:
			j++
		default:
			overlap++
			i++
			j++
		}
	}
	return f1(len(ga), len(gb), overlap)
}

// bigramList appends to buf, and returns, the bigrams NewBigrams(s,
// BigramOptions{}) counts, sorted, each as often as it occurs: the
// letters and digits of Normalize(s) as one run.
func bigramList(s string, buf []uint64) []uint64 {
	var prev rune = -1
	letters := 0
	for _, r := range NFC(s) {
		if unicode.IsSpace(r) {
			continue // Normalize keeps a space, which is no letter
		}
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if letters++; prev >= 0 {
			buf = append(buf, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	if letters == 1 {
		buf = append(buf, uint64(prev)<<32|unigram)
	}
	slices.Sort(buf)
	return buf
}

// F1 is BigramF1 of the texts ga and gb were counted from, for callers that
// compare one text with many and count each text's bigrams once.
func (ga Bigrams) F1(gb Bigrams) float64 {
	na, nb := ga.Len(), gb.Len()
	if na == 0 || nb == 0 {
		return 0
	}
	return f1(na, nb, ga.Overlap(gb))
}

// f1 is the F1 of two bigram counts na and nb sharing overlap bigrams.
func f1(na, nb, overlap int) float64 {
	if na == 0 || nb == 0 || overlap == 0 {
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
