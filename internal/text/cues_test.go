package text

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestCuesSameAsContains compares Cues.Count with a strings.Contains per
// word on random mixes of the words, their parts, other text and invalid
// bytes, for lists with short words, repeated words and over 64 words.
func TestCuesSameAsContains(t *testing.T) {
	lists := [][]string{
		{"중요", "핵심", "가장", "때문", "보다", "연구에 따르면", "문제는", "a", "", "실무", "실무"},
		{" 이런 ", "이 장에서는", "다뤄 보자", "comment", "TIP", "팀", "앱"},
	}
	var many []string
	for i := range 70 {
		many = append(many, fmt.Sprintf("낱말%d", i))
	}
	lists = append(lists, many)
	rng := rand.New(rand.NewSource(5))
	for li, words := range lists {
		cues := NewCues(words)
		pieces := append([]string{" ", "다", "이", "중", "가", "\xed", "\x95", "낱말", "7", "A"}, words...)
		found := 0
		for range 30000 {
			var b strings.Builder
			for k := rng.Intn(12); k > 0; k-- {
				p := pieces[rng.Intn(len(pieces))]
				if len(p) > 3 && rng.Intn(3) == 0 {
					p = p[:rng.Intn(len(p))] // part of a word, maybe cut inside a character
				}
				b.WriteString(p)
			}
			s := b.String()
			want := 0
			for _, w := range words {
				if strings.Contains(s, w) {
					want++
				}
			}
			if got := cues.Count(s); got != want {
				t.Fatalf("list %d: Count(%q) = %d, want %d", li, s, got, want)
			}
			if cues.Any(s) != (want > 0) {
				t.Fatalf("list %d: Any(%q) = %v", li, s, !(want > 0))
			}
			if want > 1 {
				found++
			}
		}
		if found < 1000 {
			t.Errorf("list %d: only %d texts hold two words or more: they test little", li, found)
		}
	}
}
