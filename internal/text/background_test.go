package text

import "testing"

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
