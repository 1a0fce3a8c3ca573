package offline

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/text"
)

// repeatsByPairs is docSeen.repeats as it was before each text's bigrams
// and key were kept: everything recomputed for every pair.
func repeatsByPairs(texts []string, s string) bool {
	for _, o := range texts {
		if text.BigramF1(s, o) > 0.6 {
			return true
		}
		k, ko := analyze.Key(s), analyze.Key(o)
		if len(k) > 20 && len(ko) > 20 && (strings.Contains(ko, k) || strings.Contains(k, ko)) {
			return true
		}
	}
	return false
}

// TestDocSeenSameAsByPairs feeds docSeen and the pairwise version the same
// bullets, near-copies among them (a word dropped, spacing changed, a
// sentence inside a longer one), and requires the same answer every time.
func TestDocSeenSameAsByPairs(t *testing.T) {
	words := []string{"검색", "증강", "생성", "모델", "은", "문서를", "찾아", "답한다", "임베딩", "벡터", "공간", "에서",
		"가까운", "문장", "Transformer", "attention", "layer", "가", "는", "정리", "비교", "한다", "1", "2"}
	rng := rand.New(rand.NewSource(16))
	sentence := func() string {
		n := 1 + rng.Intn(12)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[rng.Intn(len(words))]
		}
		return strings.Join(ws, " ")
	}
	var d docSeen
	var texts, pool []string
	hits := 0
	for i := 0; i < 3000; i++ {
		s := sentence()
		if len(pool) > 0 && rng.Intn(2) == 0 { // a variant of an earlier text
			o := pool[rng.Intn(len(pool))]
			switch rng.Intn(3) {
			case 0:
				s = strings.ReplaceAll(o, " ", "")
			case 1:
				s = o + " " + s
			default:
				if f := strings.Fields(o); len(f) > 1 {
					s = strings.Join(f[1:], " ")
				}
			}
		}
		pool = append(pool, s)
		want := repeatsByPairs(texts, s)
		if got := d.repeats(s); got != want {
			t.Fatalf("repeats(%q) = %v, by pairs %v (after %d texts)", s, got, want, len(texts))
		}
		if want {
			hits++
		}
		if !want && rng.Intn(3) == 0 && len(texts) < 60 {
			texts = append(texts, s)
			d.add(s, "", "")
		}
	}
	if hits == 0 || hits == 3000 {
		t.Fatalf("%d of 3000 texts repeat: the test does not exercise both answers", hits)
	}
}
