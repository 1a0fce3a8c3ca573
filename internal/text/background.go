package text

import (
	"sort"
	"strings"
	"unicode"

	"github.com/moim-study/moim/internal/par"
)

// Background tells how widespread a term is across the weeks of a study:
// a term every week's notes use (모델, 데이터) says little about any one
// week, while one that few weeks use (퍼플렉시티) is specific to them. It
// needs no morphology: each week's notes are cut into words, and a term is
// found in a week when a word starts with it (the particle that follows a
// Korean noun is part of the word: "퍼플렉시티는").
type Background struct {
	weeks map[int][]string // week → sorted distinct lower-cased words
	pairs map[int][]string // week → sorted distinct pairs of adjacent words ("비교 평가는")
}

// NewBackground builds the background of a study from the texts of its
// weeks' notes, keyed by week number.
func NewBackground(texts map[int][]string) *Background {
	b := &Background{weeks: map[int][]string{}, pairs: map[int][]string{}}
	// Each week's words are found on their own, the weeks on all cores.
	type result struct {
		week         int
		words, pairs []string
	}
	res := make([]result, 0, len(texts))
	for w := range texts {
		res = append(res, result{week: w})
	}
	par.Each(len(res), func(i int) {
		res[i].words, res[i].pairs = weekWords(texts[res[i].week])
	})
	for _, r := range res {
		b.weeks[r.week], b.pairs[r.week] = r.words, r.pairs
	}
	return b
}

// weekWords returns the sorted distinct lower-cased words of a week's
// texts and the sorted distinct pairs of adjacent words.
func weekWords(ts []string) (words, pairs []string) {
	seen, seenPair := map[string]bool{}, map[string]bool{}
	for _, t := range ts {
		prev := ""
		for _, f := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			f = strings.ToLower(f)
			if !seen[f] {
				seen[f] = true
				words = append(words, f)
			}
			if p := prev + " " + f; prev != "" && !seenPair[p] {
				seenPair[p] = true
				pairs = append(pairs, p)
			}
			prev = f
		}
	}
	sort.Strings(words)
	sort.Strings(pairs)
	return words, pairs
}

// Spread returns the share of the study's weeks other than week that
// mention term (0–1), and how many such weeks there are. A nil Background
// knows no weeks.
func (b *Background) Spread(term string, week int) (share float64, weeks int) {
	parts := strings.Fields(strings.ToLower(term))
	if b == nil || len(parts) == 0 {
		return 0, 0
	}
	return b.share(week, func(w int) bool {
		for _, p := range parts {
			if !hasPrefix(b.weeks[w], p) {
				return false
			}
		}
		return true
	})
}

// share returns the share of the study's weeks other than week for which
// has is true, and how many such weeks there are.
func (b *Background) share(week int, has func(w int) bool) (float64, int) {
	in, weeks := 0, 0
	for w := range b.weeks {
		if w == week {
			continue
		}
		weeks++
		if has(w) {
			in++
		}
	}
	if weeks == 0 {
		return 0, 0
	}
	return float64(in) / float64(weeks), weeks
}

// hasPrefix reports whether a word of the sorted list starts with p.
func hasPrefix(words []string, p string) bool {
	i := sort.SearchStrings(words, p)
	return i < len(words) && strings.HasPrefix(words[i], p)
}

// PhraseSpread is Spread for a term as written: a term of two words counts
// in a week only where the two stand next to each other ("비교 평가", not
// "비교" in one sentence and "평가" in another). Other terms count as in
// Spread.
func (b *Background) PhraseSpread(term string, week int) (share float64, weeks int) {
	parts := strings.Fields(strings.ToLower(term))
	if b == nil || len(parts) != 2 {
		return b.Spread(term, week)
	}
	p := parts[0] + " " + parts[1]
	return b.share(week, func(w int) bool { return hasPrefix(b.pairs[w], p) })
}
