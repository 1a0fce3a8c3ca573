package text

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldPieces mixes what NFC and lower-casing act on: Hangul syllables and
// their jamo (which compose), combining marks of several classes,
// precomposed and decomposed Latin, letters norm changes (Å, CJK
// compatibility ideographs), upper-case letters of several scripts,
// symbols and invalid bytes.
var foldPieces = []string{"가", "한국어", "각", "힣", "\u1100", "\u1161", "\u11a8", "\u1112\u1161\u11ab", "ᄀ", "e", "E", "abc", "ABC", " ", ".", "\n",
	"\u0301", "\u0308", "\u0327", "\u0323", "\u0315", "é", "e\u0301", "\u212b", "\u2126", "\uf900", "\u0958", "Σ", "σ", "İ", "ǅ", "Ⅻ", "Ａ",
	"💡", "·", "→", "「", "\ufffd", "\xff", "\xed\xa0\x80", "\xea\xb0", "\u034f", strings.Repeat("\u0301", 31)}

func foldCases(seed int64, n int) []string {
	rng := rand.New(rand.NewSource(seed))
	cases := append([]string{""}, foldPieces...)
	for range n {
		var b strings.Builder
		for k := rng.Intn(10); k > 0; k-- {
			b.WriteString(foldPieces[rng.Intn(len(foldPieces))])
		}
		cases = append(cases, b.String())
	}
	return cases
}

// TestNFCSameAsNorm compares NFC with norm.NFC.String on random mixes of
// characters that compose, reorder, decompose or are not valid UTF-8.
func TestNFCSameAsNorm(t *testing.T) {
	changed := 0
	for _, c := range foldCases(1, 50000) {
		want := norm.NFC.String(c)
		if got := NFC(c); got != want {
			t.Fatalf("NFC(%+q) = %+q, norm gives %+q", c, got, want)
		}
		if want != c {
			changed++
		}
	}
	if changed < 5000 {
		t.Errorf("only %d cases are not in NFC: they test little", changed)
	}
}

// TestLowerSameAsStrings compares Lower with strings.ToLower.
func TestLowerSameAsStrings(t *testing.T) {
	changed := 0
	for _, c := range foldCases(2, 50000) {
		want := strings.ToLower(c)
		if got := Lower(c); got != want {
			t.Fatalf("Lower(%+q) = %+q, strings.ToLower gives %+q", c, got, want)
		}
		if want != c {
			changed++
		}
	}
	if changed < 5000 {
		t.Errorf("only %d cases change: they test little", changed)
	}
}

// TestBigramF1SameAsCounted compares BigramF1 with the F1 of the two
// texts' counted bigrams (NewBigrams), exactly, on random texts and
// near-copies of them: repeated bigrams, one-letter texts, Latin upper
// case, spacing, jamo that compose and invalid bytes.
func TestBigramF1SameAsCounted(t *testing.T) {
	pieces := append([]string{"검색", "증강", "생성", "모델", "은 ", "을", "LoRA", "lora", "A", "1", "가", "가가", "  ", "\t", "-", "(", ")", "\u1100\u1161", "\u00a0", "\u3000"}, foldPieces...)
	rng := rand.New(rand.NewSource(3))
	mix := func() string {
		var b strings.Builder
		for k := rng.Intn(8); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	positive := 0
	for range 30000 {
		a := mix()
		b := mix()
		if rng.Intn(2) == 0 {
			b = a + b // a near-copy
		}
		want := NewBigrams(a, BigramOptions{}).F1(NewBigrams(b, BigramOptions{}))
		if got := BigramF1(a, b); got != want {
			t.Fatalf("BigramF1(%+q, %+q) = %v, the counted bigrams give %v", a, b, got, want)
		}
		if want > 0 {
			positive++
		}
	}
	if positive < 5000 {
		t.Errorf("only %d pairs share a bigram: they test little", positive)
	}
}

// TestHangulAtSameAsDecoder compares hangulAt with the UTF-8 decoder on
// every three-byte sequence that starts with a lead byte of the syllables'
// range or next to it, and on the first two bytes alone.
func TestHangulAtSameAsDecoder(t *testing.T) {
	yes := 0
	for b0 := 0xE9; b0 <= 0xEE; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				s := string([]byte{byte(b0), byte(b1), byte(b2)})
				r, n := utf8.DecodeRuneInString(s)
				want := n == 3 && r >= hangulFirst && r <= hangulLast
				if got := hangulAt(s, 0); got != want {
					t.Fatalf("hangulAt(%+q) = %v, the decoder reads %U", s, got, r)
				}
				if hangulAt(s[:2], 0) {
					t.Fatalf("hangulAt(%+q) with two bytes", s[:2])
				}
				if want {
					yes++
				}
			}
		}
	}
	if yes < 1000 {
		t.Errorf("only %d syllables among the cases", yes)
	}
}
