package text

import (
	"slices"
	"sort"
	"strings"
	"sync"
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
	order []int            // the weeks of weeks, ascending: the bits of a found set
	// found memoizes, for a word ("w" + word) or a pair ("p" + pair), the
	// set of weeks that have a word starting with it, so that every week's
	// analysis does not look up the same word in every other week again
	// (which made the concept matrix grow with the square of the weeks).
	found sync.Map // string → []uint64, bit i for order[i]
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
		b.order = append(b.order, r.week)
	}
	sort.Ints(b.order)
	return b
}

// weeksWith returns the set of weeks (bit i for b.order[i]) with a word of
// lists (b.weeks or b.pairs) starting with p, computed once per key.
func (b *Background) weeksWith(key string, lists map[int][]string, p string) []uint64 {
	if v, ok := b.found.Load(key); ok {
		return v.([]uint64)
	}
	set := make([]uint64, (len(b.order)+63)/64)
	for i, w := range b.order {
		if hasPrefix(lists[w], p) {
			set[i/64] |= 1 << (i % 64)
		}
	}
	v, _ := b.found.LoadOrStore(key, set)
	return v.([]uint64)
}

// shareOf is share for the weeks of set: the share of the study's weeks
// other than week that are in set, and how many such weeks there are.
func (b *Background) shareOf(week int, set []uint64) (float64, int) {
	in, weeks := 0, 0
	for i, w := range b.order {
		if w == week {
			continue
		}
		weeks++
		if set[i/64]&(1<<(i%64)) != 0 {
			in++
		}
	}
	if weeks == 0 {
		return 0, 0
	}
	return float64(in) / float64(weeks), weeks
}

// weekWords returns the sorted distinct lower-cased words of a week's
// texts and the sorted distinct pairs of adjacent words.
func weekWords(ts []string) (words, pairs []string) {
	// Each distinct word gets a number in order of appearance, and a pair
	// is kept as the two numbers: no string is made or hashed per pair.
	ids := map[string]uint32{}
	var byID []string
	seenPair := map[uint64]struct{}{}
	var pairIDs []uint64
	prev := -1
	word := func(f string) {
		f = Lower(f)
		id, ok := ids[f]
		if !ok {
			id = uint32(len(byID))
			ids[f] = id
			byID = append(byID, f)
		}
		if prev >= 0 {
			k := uint64(prev)<<32 | uint64(id)
			if _, ok := seenPair[k]; !ok {
				seenPair[k] = struct{}{}
				pairIDs = append(pairIDs, k)
			}
		}
		prev = int(id)
	}
	for _, t := range ts {
		prev = -1
		// The words are strings.FieldsFunc's, split at every rune that is
		// no letter or digit, read in place.
		start := -1
		for i, r := range t {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if start < 0 {
					start = i
				}
			case start >= 0:
				word(t[start:i])
				start = -1
			}
		}
		if start >= 0 {
			word(t[start:])
		}
	}
	// Number the words again in sorted order. A word holds no byte at or
	// below ' ' (letters and digits only), so "a b" sorts before "c d"
	// exactly when a sorts before c, or a is c and b sorts before d: the
	// pairs sort as their two numbers.
	order := make([]uint32, len(byID))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(x, y uint32) int { return strings.Compare(byID[x], byID[y]) })
	rank := make([]uint64, len(byID))
	words = make([]string, len(byID))
	for r, id := range order {
		rank[id] = uint64(r)
		words[r] = byID[id]
	}
	for i, k := range pairIDs {
		pairIDs[i] = rank[k>>32]<<32 | rank[k&(1<<32-1)]
	}
	slices.Sort(pairIDs)
	if len(pairIDs) > 0 {
		pairs = make([]string, len(pairIDs))
	}
	for i, k := range pairIDs {
		pairs[i] = words[k>>32] + " " + words[k&(1<<32-1)]
	}
	if len(words) == 0 {
		words = nil
	}
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
	set := slices.Clone(b.weeksWith("w"+parts[0], b.weeks, parts[0]))
	for _, p := range parts[1:] {
		for i, x := range b.weeksWith("w"+p, b.weeks, p) {
			set[i] &= x
		}
	}
	return b.shareOf(week, set)
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
	return b.shareOf(week, b.weeksWith("p"+p, b.pairs, p))
}
