package text

import (
	"strings"
	"unicode"
)

// BigramOptions choose how NewBigrams counts a text's character bigrams.
// The zero value reads the letters and digits of Normalize(s) as one run
// (spaces and punctuation are ignored, so "검색 증강" and "검색증강" are the
// same) and counts every occurrence.
type BigramOptions struct {
	// WithinWords keeps bigrams inside words: "검색 증강" has 검색 and 증강
	// but not 색증.
	WithinWords bool
	// Distinct counts each bigram once (a set, not a multiset).
	Distinct bool
}

// Bigrams is the multiset (with Distinct, the set) of a text's character
// bigrams. A run of one letter counts as one unigram.
type Bigrams struct {
	grams map[uint64]int32
	n     int
}

// unigram marks the second half of a one-letter run's packed key.
const unigram = 0xFFFFFFFF

// NewBigrams counts the bigrams of s.
func NewBigrams(s string, o BigramOptions) Bigrams {
	s = Normalize(s)
	b := Bigrams{grams: make(map[uint64]int32, len(s)/2)}
	var run []rune
	flush := func() {
		if len(run) == 1 {
			b.add(uint64(run[0])<<32|unigram, o.Distinct)
		}
		for i := 0; i+1 < len(run); i++ {
			b.add(uint64(run[i])<<32|uint64(run[i+1]), o.Distinct)
		}
		run = run[:0]
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			run = append(run, r)
		} else if o.WithinWords {
			flush()
		}
	}
	flush()
	return b
}

func (b *Bigrams) add(g uint64, distinct bool) {
	if distinct && b.grams[g] > 0 {
		return
	}
	b.grams[g]++
	b.n++
}

// Len is the number of bigrams counted.
func (b Bigrams) Len() int { return b.n }

// Overlap is the number of bigrams b and o share, each as often as the
// rarer side has it.
func (b Bigrams) Overlap(o Bigrams) int {
	small, large := b, o
	if len(large.grams) < len(small.grams) {
		small, large = large, small
	}
	n := 0
	for g, c := range small.grams {
		n += int(min(c, large.grams[g]))
	}
	return n
}

// overlapBeyond is the number of b's bigrams that o does not cover but
// ctx does, each as often as b has it beyond o and ctx has it.
func (b Bigrams) overlapBeyond(o, ctx Bigrams) int {
	n := 0
	for g, c := range b.grams {
		if rest := c - o.grams[g]; rest > 0 {
			n += int(min(rest, ctx.grams[g]))
		}
	}
	return n
}

// Each calls f for every distinct bigram (packed in a uint64) with its
// count; for indexes that find the texts sharing bigrams.
func (b Bigrams) Each(f func(gram uint64, count int)) {
	for g, c := range b.grams {
		f(g, int(c))
	}
}

// SupportOptions choose how Support measures that a source text supports
// a claim.
type SupportOptions struct {
	BigramOptions
	// OrF1 scores the larger of the containment and the bigram F1 of
	// claim and source.
	OrF1 bool
	// Context is the weight, in [0, 1], of a claim bigram that the source
	// lacks but its context has (the sentences around the cited ones in
	// their paragraph or list); 0 ignores the context.
	Context float64
}

// The two ways moim measures support.
var (
	// CitationSupport is how the LLM engine checks a bullet against the
	// sentences it cites: the share of the bullet's distinct in-word
	// bigrams that the sentences contain, a bigram found only in the
	// sentences' neighbours (the rest of their paragraph or list)
	// counting three quarters: an honest paraphrase borrows words from
	// the lines around the one it cites.
	CitationSupport = SupportOptions{BigramOptions: BigramOptions{WithinWords: true, Distinct: true}, Context: 0.75}
	// SentenceSupport is how moim eval scores a note sentence against a
	// bullet: the larger of the share of the bullet's bigrams the
	// sentence contains (a bullet quoting part of a long sentence scores
	// high) and their bigram F1.
	SentenceSupport = SupportOptions{OrF1: true}
)

// Support is how well source supports claim, in [0, 1]: the share of the
// claim's bigrams that occur in source (with OrF1, at least their F1).
// With o.Context > 0, the claim's bigrams that source lacks but context
// has count with that weight. It is 0 when either claim or source has no
// letters.
func Support(claim, source string, o SupportOptions, context ...string) float64 {
	c, s := NewBigrams(claim, o.BigramOptions), NewBigrams(source, o.BigramOptions)
	overlap := float64(c.Overlap(s))
	if o.Context > 0 && len(context) > 0 {
		ctx := NewBigrams(strings.Join(context, "\n"), o.BigramOptions)
		overlap += o.Context * float64(c.overlapBeyond(s, ctx))
	}
	return o.score(overlap, c.Len(), s.Len())
}

// Score is Support from counts: overlap shared bigrams of a claim of
// claimN and a source of sourceN bigrams (no context).
func (o SupportOptions) Score(overlap, claimN, sourceN int) float64 {
	return o.score(float64(overlap), claimN, sourceN)
}

func (o SupportOptions) score(overlap float64, claimN, sourceN int) float64 {
	if overlap == 0 || claimN == 0 || sourceN == 0 {
		return 0
	}
	contain := overlap / float64(claimN)
	if !o.OrF1 {
		return contain
	}
	return max(contain, 2*overlap/float64(claimN+sourceN))
}
