package summary

import (
	"strings"
	"unicode"
)

// spelling knows which members wrote each word of the week, to tell a
// member's slip of the keyboard ("meedle" where another member wrote the
// same point with "needle") from the word: a representative should not
// carry it when another member wrote the point with the word right.
type spelling struct {
	// by maps a word to the members (bit per member) who wrote it.
	by map[string]uint64
}

// minTypoWord is the fewest letters of a word checked for slips: shorter
// words differ by one letter too often on purpose.
const minTypoWord = 4

// newSpelling reads the words of every member's analysed sentences.
func newSpelling(index []*sentenceIndex) *spelling {
	sp := &spelling{by: map[string]uint64{}}
	for mi, ix := range index {
		bit := uint64(1) << (mi % 64)
		for _, s := range ix.sents {
			for _, w := range words(s.Text) {
				sp.by[w] |= bit
			}
		}
	}
	return sp
}

// words are the lower-cased runs of letters and digits of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// masks are w with one letter masked, for the letters where a slip is
// told from a word: in a Korean word only its first half (its ending
// changes with the grammar: "만들어진다", "만들어졌다"), in others every
// letter; none for words too short to check.
func masks(w string) []string {
	rs := []rune(w)
	if len(rs) < minTypoWord {
		return nil
	}
	upto := len(rs)
	if unicode.Is(unicode.Hangul, rs[len(rs)-1]) {
		upto = len(rs) / 2
	}
	out := make([]string, 0, upto)
	for i := 0; i < upto; i++ {
		c := rs[i]
		rs[i] = '*'
		out = append(out, string(rs))
		rs[i] = c
	}
	return out
}

// slips counts, for each point of a cluster, the words that look like
// slips of the keyboard: a word no other member wrote anywhere in the
// week while another version of the point has a word one letter apart,
// or a word that mixes a lone consonant or vowel into syllables ("ㅎ애동").
func (sp *spelling) slips(pts []*point) []int {
	near := make([]map[string]bool, len(pts))
	for i, p := range pts {
		near[i] = map[string]bool{}
		for _, w := range words(p.plain) {
			for _, k := range masks(w) {
				near[i][k] = true
			}
		}
	}
	out := make([]int, len(pts))
	for i, p := range pts {
		bit := uint64(1) << (p.member % 64)
		for _, w := range words(p.plain) {
			if strayJamo(w) {
				out[i]++
				continue
			}
			if sp.by[w]&^bit != 0 {
				continue // another member wrote it too
			}
		word:
			for _, k := range masks(w) {
				for j, q := range pts {
					if q.member != p.member && near[j][k] {
						out[i]++
						break word
					}
				}
			}
		}
	}
	return out
}

// strayJamo reports whether a word mixes a lone Hangul letter (ㄱ–ㅣ)
// with syllables: a syllable typed apart.
func strayJamo(w string) bool {
	jamo, syllable := false, false
	for _, r := range w {
		switch {
		case r >= 0x3131 && r <= 0x318E:
			jamo = true
		case r >= 0xAC00 && r <= 0xD7A3:
			syllable = true
		}
	}
	return jamo && syllable
}
