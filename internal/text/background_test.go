package text

import (
	"math/rand"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
)

func TestBackgroundSpread(t *testing.T) {
	b := NewBackground(map[int][]string{
		1: {"모델 평가는 어렵다. 비교 평가는 두 응답을 견준다."},
		2: {"모델의 비교 기준을 정한다. 사람이 평가한다."},
		3: {"모델 크기를 줄인다. 평가 지표를 고른다. 비교 실험을 한다."},
		4: {"퍼플렉시티는 모델의 불확실성이다."},
	})
	cases := []struct {
		term        string
		spread      float64 // weeks other than 4 that use the term's words
		phrase      float64 // weeks other than 4 that write the term as one phrase
		description string
	}{
		{"모델", 1, 1, "one word: every week"},
		{"비교 평가", 1, 1.0 / 3, "both words in weeks 1-3, side by side only in week 1"},
		{"퍼플렉시티", 0, 0, "a word no other week uses"},
	}
	for _, c := range cases {
		if got, weeks := b.Spread(c.term, 4); weeks != 3 || got != c.spread {
			t.Errorf("Spread(%q) = %.2f over %d weeks, want %.2f over 3 (%s)", c.term, got, weeks, c.spread, c.description)
		}
		if got, weeks := b.PhraseSpread(c.term, 4); weeks != 3 || got != c.phrase {
			t.Errorf("PhraseSpread(%q) = %.2f over %d weeks, want %.2f over 3 (%s)", c.term, got, weeks, c.phrase, c.description)
		}
	}
	var none *Background
	if got, weeks := none.PhraseSpread("비교 평가", 1); got != 0 || weeks != 0 {
		t.Errorf("a nil Background: PhraseSpread = %.2f over %d weeks, want 0 over 0", got, weeks)
	}
}

// spreadByWeeks is Spread (phrase false) or PhraseSpread (phrase true) as
// it was before the weeks with each word were memoized: every week looked
// up for every term.
func spreadByWeeks(b *Background, term string, week int, phrase bool) (float64, int) {
	parts := strings.Fields(strings.ToLower(term))
	if len(parts) == 0 {
		return 0, 0
	}
	in, weeks := 0, 0
	for w := range b.weeks {
		if w == week {
			continue
		}
		weeks++
		has := true
		if phrase && len(parts) == 2 {
			has = hasPrefix(b.pairs[w], parts[0]+" "+parts[1])
		} else {
			for _, p := range parts {
				has = has && hasPrefix(b.weeks[w], p)
			}
		}
		if has {
			in++
		}
	}
	if weeks == 0 {
		return 0, 0
	}
	return float64(in) / float64(weeks), weeks
}

// TestSpreadSameAsByWeeks compares Spread and PhraseSpread with looking
// every term up in every week, on made-up studies of 1 to 130 weeks (more
// than one word of the weeks' bit sets), asked from every goroutine at once.
func TestSpreadSameAsByWeeks(t *testing.T) {
	words := []string{"검색", "검색은", "증강", "생성", "모델은", "모델", "벡터를", "평가", "비교", "context", "Attention"}
	rng := rand.New(rand.NewSource(7))
	for _, n := range []int{1, 3, 64, 65, 130} {
		texts := map[int][]string{}
		for w := 1; w <= n; w++ {
			if rng.Intn(10) == 0 {
				continue // a week without notes
			}
			var sb strings.Builder
			for i := 0; i < 1+rng.Intn(8); i++ {
				sb.WriteString(words[rng.Intn(len(words))] + " ")
			}
			texts[w] = append(texts[w], sb.String())
		}
		b := NewBackground(texts)
		terms := []string{"검색", "모델", "모델 평가", "비교 평가", "검색 증강", "context", "ATTENTION", "없는말", "검", "검색 모델 벡터", " "}
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, term := range terms {
					for week := 0; week <= n+1; week++ {
						for _, phrase := range []bool{false, true} {
							share, weeks := b.Spread(term, week)
							if phrase {
								share, weeks = b.PhraseSpread(term, week)
							}
							ws, ww := spreadByWeeks(b, term, week, phrase)
							if share != ws || weeks != ww {
								t.Errorf("%d weeks: spread(%q, %d, phrase %v) = %v, %d; by weeks %v, %d", n, term, week, phrase, share, weeks, ws, ww)
							}
						}
					}
				}
			}()
		}
		wg.Wait()
	}
}

// weekWordsByFields is weekWords as it was: strings.FieldsFunc and a map
// of written-out pairs.
func weekWordsByFields(ts []string) (words, pairs []string) {
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

// TestWeekWordsSameAsByFields compares weekWords with the FieldsFunc
// version on random weeks of texts with words, punctuation, upper case,
// digits and invalid bytes at their edges.
func TestWeekWordsSameAsByFields(t *testing.T) {
	pieces := []string{"모델", "검색", " ", ".", "Model", "LoRA", "3", "x", "\n", "·", "\xff", "É", "é", "가", "-", "  ", "a", "b", "모"}
	rng := rand.New(rand.NewSource(4))
	for range 2000 {
		var ts []string
		for k := rng.Intn(4); k > 0; k-- {
			var b strings.Builder
			for n := rng.Intn(20); n > 0; n-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			ts = append(ts, b.String())
		}
		gw, gp := weekWords(ts)
		ww, wp := weekWordsByFields(ts)
		if !slices.Equal(gw, ww) || !slices.Equal(gp, wp) {
			t.Fatalf("weekWords(%q) = %q, %q; the FieldsFunc version gives %q, %q", ts, gw, gp, ww, wp)
		}
	}
}
