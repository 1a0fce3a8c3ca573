package analyze

import (
	"math"
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// randomMixes returns cases plus n random concatenations of 0-12 pieces.
func randomMixes(seed int64, n int, pieces, cases []string) []string {
	rng := rand.New(rand.NewSource(seed))
	for range n {
		var b strings.Builder
		for k := rng.Intn(13); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	return cases
}

// agree fails unless got and want agree on every case, and unless at
// least 1,000 cases are true (else the cases test little).
func agree(t *testing.T, name string, cases []string, got, want func(string) bool) {
	t.Helper()
	yes := 0
	for _, c := range cases {
		g := got(c)
		if w := want(c); g != w {
			t.Fatalf("%s(%q) = %v, the earlier version gives %v", name, c, g, w)
		}
		if g {
			yes++
		}
	}
	if yes < 1000 {
		t.Errorf("%s: only %d of %d cases are true: they test little", name, yes, len(cases))
	}
}

// formulaEveryExpression is formula as it was, every expression run on
// every sentence.
func formulaEveryExpression(s string) bool {
	ops := len(reMathOps.FindAllStringIndex(s, -1)) + len(reFuncNote.FindAllStringIndex(s, -1))
	if ops >= 2 || ops == 1 && strings.ContainsAny(s, "=^$\\") {
		return true
	}
	return reCompare.MatchString(s) && !strings.ContainsAny(s, ".다")
}

// TestFormulaSkipsOnlyExpressionsThatCannotMatch compares formula with
// every expression run, on written cases and random mixes of operators,
// brackets and Korean text.
func TestFormulaSkipsOnlyExpressionsThatCannotMatch(t *testing.T) {
	cases := []string{"", "평범한 문장이다.", "y = f(x) 이다", "성능: 평가 > 생성", "a<b", "\\alpha 값", "x_{i}", "$비용$", "√2 와 ∑", "f(x, y)", "손실(loss)을 줄인다"}
	pieces := []string{"=", "^", "√", "∑", "Σ", "∫", "≈", "≠", "≤", "≥", "×", "÷", "\\", "\\frac", "_", "_{", "{", "$", "(", ")", "f(", "ab(", "x", "y1",
		"<", ">", " ", ".", "다", "가", "모델", "손실", "LoRA", "7", ",", "|"}
	agree(t, "formula", randomMixes(3, 30000, pieces, cases), formula, formulaEveryExpression)
}

// reExposition is the expression bookMeta read exposition verbs with
// before expositionCues.
var reExposition = regexp.MustCompile(`(다루|다룬|다룸|다룰|다뤘|다뤄|설명하|설명한|설명할|설명함|설명했|소개하|소개한|소개할|소개함|살펴보|살펴본|살펴볼|살펴봄|논의하|논의한|논의할|언급하|언급한|언급할|알아보|알아본|알아볼|보여준|보여줄)`)

// bookMetaByExpressions is bookMeta as it was.
func bookMetaByExpressions(s *Sentence) bool {
	if v := s.Voice; v.Contrast || v.Hedge || v.FirstPerson || v.Doubt {
		return false
	}
	if reChapterSub.MatchString(strings.TrimSpace(s.Subject)) {
		return true
	}
	if reAboutOnly.MatchString(s.Body) {
		return true
	}
	return reStructure.MatchString(s.Body) && reExposition.MatchString(s.Body) && utf8.RuneCountInString(s.Body) < 90
}

// TestBookMetaSameAsByExpressions compares bookMeta with the version that
// ran both expressions first, on random mixes of the book's signposts,
// exposition verbs and other words, short and long.
func TestBookMetaSameAsByExpressions(t *testing.T) {
	pieces := []string{"이 책", "책에서", "책은", "저자는", "3장", "3.2 장", "이번 장", "다음 장", "뒷장", "후반부", "챕터", "Chapter", "CHAPTER", "나중에",
		"다루", "다룬다", "설명한다", "설명", "소개할", "살펴본", "논의", "언급했", "알아볼", "보여준다", "보여",
		"에 대해서만 ", "에 관해 ", "성장", "저장", "모델은 ", "데이터를 ", " ", "긴 문장을 이어 붙여 길이를 늘린다 ", "."}
	agree(t, "bookMeta", randomMixes(5, 30000, pieces, nil),
		func(c string) bool { return bookMeta(&Sentence{Body: c}) },
		func(c string) bool { return bookMetaByExpressions(&Sentence{Body: c}) })
	for _, c := range pieces {
		if got, want := hasAny(c, expositionCues) > 0, reExposition.MatchString(c); got != want {
			t.Errorf("expositionCues on %q: %v, the expression gives %v", c, got, want)
		}
	}
}

// bigramMap is bigramSet's set as a map.
func bigramMap(s string) map[uint32]bool {
	out := map[uint32]bool{}
	var prev rune = -1
	for _, r := range strings.ToLower(s) {
		if !isLetterOrDigit(r) {
			continue
		}
		if prev >= 0 {
			out[uint32(prev&0xFFFF)<<16|uint32(r&0xFFFF)] = true
		}
		prev = r
	}
	return out
}

// isLetterOrDigit covers the letters and digits of the cases below:
// ASCII (after lower-casing) and Hangul syllables.
func isLetterOrDigit(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 0xAC00 <= r && r <= 0xD7A3
}

// TestBigramSetIsTheDistinctBigrams checks bigramSet on Hangul, Latin and
// digits: each bigram once, in increasing order.
func TestBigramSetIsTheDistinctBigrams(t *testing.T) {
	for _, c := range []string{"", "가", "가나", "가나가나가나", "검색 증강 생성, 검색 증강!", "LoRA lora 2Q 2q", "a-b c_d 1.5배"} {
		got := bigramSet(c)
		want := bigramMap(c)
		if !slices.IsSorted(got) || len(got) != len(want) {
			t.Errorf("bigramSet(%q) = %x, want the %d distinct bigrams in order", c, got, len(want))
			continue
		}
		for _, g := range got {
			if !want[g] {
				t.Errorf("bigramSet(%q) has %x, not a bigram of it", c, g)
			}
		}
	}
}

// textRankByMaps is textRank as it was, with a map per graph row. Its row
// sums follow map order, so it agrees with textRank to rounding.
func textRankByMaps(sents []Sentence) []float64 {
	n := len(sents)
	out := make([]float64, n)
	keys := make([][]string, n)
	post := map[string][]int{}
	for i, s := range sents {
		for _, t := range s.Terms {
			k := Key(t)
			keys[i] = append(keys[i], k)
			post[k] = append(post[k], i)
		}
	}
	adj := make([]map[int]float64, n)
	for i := range sents {
		shared := map[int]int{}
		for _, k := range keys[i] {
			if p := post[k]; len(p) <= maxPostings {
				for _, j := range p {
					if j != i {
						shared[j]++
					}
				}
			}
		}
		adj[i] = map[int]float64{}
		for j, c := range shared {
			adj[i][j] = float64(c) / math.Max(math.Log(float64(len(keys[i])+1))+math.Log(float64(len(keys[j])+1)), 1)
		}
	}
	outW := make([]float64, n)
	for i, row := range adj {
		for _, w := range row {
			outW[i] += w
		}
	}
	r, next := make([]float64, n), make([]float64, n)
	for i := range r {
		r[i] = 1 / float64(n)
	}
	for range 30 {
		for i := range next {
			next[i] = 0.15 / float64(n)
		}
		for j, row := range adj {
			for i, w := range row {
				if outW[j] != 0 {
					next[i] += 0.85 * w / outW[j] * r[j]
				}
			}
		}
		r, next = next, r
	}
	top := slices.Max(r)
	for i, v := range r {
		out[i] = v / top
	}
	return out
}

// TestTextRankSameAsByMaps compares textRank with the map version on
// random sentences, some terms common enough to pass maxPostings.
func TestTextRankSameAsByMaps(t *testing.T) {
	terms := []string{"검색", "임베딩", "청크", "벡터 DB", "LoRA", "평가", "프롬프트", "토큰", "지연", "비용"}
	rng := rand.New(rand.NewSource(11))
	var sents []Sentence
	for range 400 {
		var ts []string
		for k := rng.Intn(5); k > 0; k-- {
			ts = append(ts, terms[rng.Intn(len(terms))])
		}
		if rng.Intn(2) == 0 {
			ts = append(ts, "모델") // in every other sentence: more than maxPostings
		}
		sents = append(sents, Sentence{Evidence: Evidence{Terms: ts}})
	}
	got, want := textRank(sents), textRankByMaps(sents)
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("sentence %d: textRank %v, the map version %v", i, got[i], want[i])
		}
	}
}
