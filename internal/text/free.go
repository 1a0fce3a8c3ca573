package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FreeAnalyzer is the dictionary-free analyzer: it splits eojeol, strips
// josa and predicate endings by suffix lists, joins adjacent bare nouns into
// compounds, and resolves ambiguous endings (정확도 vs 정확+도) with
// KR-WordRank-style L/R statistics learned from a corpus: a stem L that is
// seen with many distinct particles R is a word.
//
// A FreeAnalyzer is immutable after NewFree and safe for concurrent use.
type FreeAnalyzer struct {
	// lr maps a candidate stem L to the number of distinct endings R
	// (particles, predicate endings or nothing) it was seen with.
	lr map[string]int
}

// NewFree returns a dictionary-free analyzer whose stem statistics are
// learned from corpus (for example all notes of a week). With no corpus it
// relies on the suffix lists alone.
func NewFree(corpus ...string) *FreeAnalyzer {
	seen := make(map[string]map[string]bool)
	for _, doc := range corpus {
		for _, w := range strings.FieldsFunc(doc, func(r rune) bool { return !isHangulSyllable(r) }) {
			for _, cut := range candidateCuts(w) {
				l, r := w[:cut], w[cut:]
				m := seen[l]
				if m == nil {
					m = make(map[string]bool)
					seen[l] = m
				}
				m[r] = true
			}
		}
	}
	lr := make(map[string]int, len(seen))
	for l, rs := range seen {
		lr[l] = len(rs)
	}
	return &FreeAnalyzer{lr: lr}
}

// candidateCuts returns byte offsets where w may be cut into stem + ending:
// the end of w and every position whose remainder is a known ending.
func candidateCuts(w string) []int {
	cuts := []int{len(w)}
	for i := range w {
		if i == 0 {
			continue
		}
		if isEnding(w[i:]) {
			cuts = append(cuts, i)
		}
	}
	return cuts
}

var endingSet = func() map[string]bool {
	m := make(map[string]bool)
	for _, j := range josa {
		m[j] = true
	}
	for _, e := range predicateEndings {
		m[e] = true
	}
	return m
}()

func isEnding(s string) bool { return endingSet[s] }

// ambiguousJosa are one-syllable particles that often end nouns too (최고,
// 온도, 회의); they are stripped only when two syllables remain.
var ambiguousJosa = set("야 여 나 도 이 로 만 란 랑 엔 임 의 가")

// nounLikeEndings are one-syllable endings that, after a single syllable,
// usually end a noun instead (역할, 권한, 최고, 문서, 필요, 이해).
var nounLikeEndings = set("한 할 운 던 고 서 며 요 해")

// Terms implements Analyzer.
func (a *FreeAnalyzer) Terms(s string) []Term {
	var c compounder
	for _, p := range scanPieces(s) {
		if p.isLatin {
			c.add(latinMorph(p))
			continue
		}
		a.hangulMorphs(p.text, &c)
	}
	return c.terms()
}

// hangulMorphs splits a non-Latin run into eojeol pieces and feeds their
// morphs to c.
func (a *FreeAnalyzer) hangulMorphs(s string, c *compounder) {
	space := false
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
		case isHangulSyllable(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isHangulSyllable(r2) {
					break
				}
				j += n2
			}
			// A Hangul run glued to a preceding Latin word ("LoRA를")
			// has no space before it.
			a.eojeol(s[i:j], space, c)
			space = false
			i = j
		default:
			c.add(morph{surf: string(r), kind: kBreak, space: space})
			space = false
			i += n
		}
	}
	if space {
		// trailing space before the next Latin piece is carried by
		// that piece's own flag
		return
	}
}

// eojeol analyses one run of Hangul syllables.
func (a *FreeAnalyzer) eojeol(w string, space bool, c *compounder) {
	if breakWords[w] {
		c.add(morph{surf: w, kind: kBreak, space: space})
		return
	}
	if endingSet[w] {
		// a bare particle or ending, e.g. glued to a Latin word: "LoRA를"
		c.add(morph{surf: w, kind: kBreak, space: space})
		return
	}
	if utf8.RuneCountInString(w) >= 2 && (strings.HasSuffix(w, "게") || strings.HasSuffix(w, "히")) {
		// adverbs: 크게, 쉽게, 충분히
		c.add(morph{surf: w, kind: kBreak, space: space})
		return
	}
	if strings.HasSuffix(w, "다") {
		// 어렵다, 크다, 모델이다: a sentence-final predicate; its noun
		// (if any) is kept only through the copula 이다 below
		if s, ok := cutSuffix(w, "이다", 1); ok {
			c.add(morph{surf: s, kind: kNoun, space: space})
		}
		c.add(morph{surf: w, kind: kBreak})
		return
	}
	stem, rest := a.split(w)
	if s, ok := cutSuffix(stem, "들", 2); ok && rest != "" && !isPredicate(rest) {
		// plural before a particle: 모델들의 → 모델
		stem = s
	}
	switch {
	case stem == "":
		c.add(morph{surf: w, kind: kBreak, space: space})
	case rest == "":
		c.add(morph{surf: stem, kind: kNoun, space: space})
	default:
		c.add(morph{surf: stem, kind: kNoun, space: space})
		if isPredicate(rest) {
			c.add(morph{surf: rest, kind: kPred})
		} else {
			c.add(morph{surf: rest, kind: kBreak})
		}
	}
}

// split cuts an eojeol into a noun stem and its ending. stem is "" when the
// whole eojeol is a predicate without a noun stem ("좋은", "있다").
func (a *FreeAnalyzer) split(w string) (stem, rest string) {
	type cand struct {
		stem, rest string
	}
	var cands []cand
	if e := longestSuffix(w, predicateSet, 1); e != "" {
		cands = append(cands, cand{w[:len(w)-len(e)], e})
	}
	if j := longestJosa(w); j != "" {
		cands = append(cands, cand{w[:len(w)-len(j)], j})
	}
	if len(cands) == 0 {
		return w, ""
	}
	// Prefer the cut with the stronger stem statistics; on a tie the list
	// order decides: predicate before particle, longest ending first. The
	// uncut word competes too and wins only with strictly more evidence.
	best := cands[0]
	if len(cands) == 2 {
		// the stem seen with more endings wins; on a tie the longer
		// ending ("데이터+에서", not "데이터에+서")
		c := cands[1]
		if a.lr[c.stem] > a.lr[best.stem] || a.lr[c.stem] == a.lr[best.stem] && len(c.rest) > len(best.rest) {
			best = c
		}
	}
	if a.lr[w] > a.lr[best.stem] && a.lr[w] >= 2 {
		return w, ""
	}
	if nounLikeEndings[best.rest] && utf8.RuneCountInString(best.stem) < 2 {
		// 역할, 권한, 최고, 문서: after one syllable these endings are
		// more likely the end of a noun
		return w, ""
	}
	if isPredicate(best.rest) && !endsLikeVerbalNoun(best.stem) {
		return "", w
	}
	return best.stem, best.rest
}

// endsLikeVerbalNoun reports whether stem can be a noun before a predicate
// ending: stems that are themselves verb forms ("좋", "새로") cannot.
func endsLikeVerbalNoun(stem string) bool {
	return utf8.RuneCountInString(stem) >= 2
}

func isPredicate(e string) bool { return predicateSet[e] }

var (
	predicateSet = func() map[string]bool {
		m := make(map[string]bool)
		for _, e := range predicateEndings {
			m[e] = true
		}
		return m
	}()
	josaSet = func() map[string]bool {
		m := make(map[string]bool)
		for _, j := range josa {
			m[j] = true
		}
		return m
	}()
)

// maxEndingRunes is the length of the longest ending in the lists.
const maxEndingRunes = 5

// longestSuffix returns the longest suffix of w found in endings that
// leaves at least min runes, or "".
func longestSuffix(w string, endings map[string]bool, min int) string {
	n := utf8.RuneCountInString(w)
	// byte offsets of rune starts from the left
	best := ""
	cut := len(w)
	for k := 1; k <= maxEndingRunes && k <= n-min; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:cut])
		cut -= size
		if endings[w[cut:]] {
			best = w[cut:]
		}
	}
	return best
}

// longestJosa returns the longest particle ending w, keeping two runes
// before an ambiguous one-syllable particle (see ambiguousJosa).
func longestJosa(w string) string {
	j := longestSuffix(w, josaSet, 1)
	if j != "" && ambiguousJosa[j] && utf8.RuneCountInString(w)-1 < 2 {
		return ""
	}
	return j
}

// cutSuffix removes suffix from w when at least min runes remain.
func cutSuffix(w, suffix string, min int) (string, bool) {
	if !strings.HasSuffix(w, suffix) {
		return "", false
	}
	s := w[:len(w)-len(suffix)]
	if utf8.RuneCountInString(s) < min {
		return "", false
	}
	return s, true
}
