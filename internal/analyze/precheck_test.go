package analyze

import (
	"fmt"
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
		if got, want := hasAny(c, expositionSet) > 0, reExposition.MatchString(c); got != want {
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
	// The slice version that divided by the source's weight in every
	// iteration did the same operations in the same order: the same bits.
	for i, w := range textRankDividing(sents) {
		if got[i] != w {
			t.Fatalf("sentence %d: textRank %v, the version dividing in every iteration %v", i, got[i], w)
		}
	}
}

// textRankDividing is textRank as it was before the edges' shares were
// computed once.
func textRankDividing(sents []Sentence) []float64 {
	n := len(sents)
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	keys := make([][]string, n)
	post := map[string][]int{}
	for i, s := range sents {
		for _, t := range s.Terms {
			k := Key(t)
			keys[i] = append(keys[i], k)
			post[k] = append(post[k], i)
		}
	}
	// The graph as rows of edges ordered by target; counts and touched
	// count the terms a sentence shares with each other one, and are
	// zero again after each row.
	type edge struct {
		to int
		w  float64
	}
	adj := make([][]edge, n)
	counts := make([]int, n)
	var touched []int
	for i := range sents {
		touched = touched[:0]
		for _, k := range keys[i] {
			p := post[k]
			if len(p) > maxPostings {
				continue
			}
			for _, j := range p {
				if j != i {
					if counts[j] == 0 {
						touched = append(touched, j)
					}
					counts[j]++
				}
			}
		}
		if len(touched) == 0 {
			continue
		}
		slices.Sort(touched)
		row := make([]edge, len(touched))
		for x, j := range touched {
			den := math.Log(float64(len(keys[i])+1)) + math.Log(float64(len(keys[j])+1))
			row[x] = edge{j, float64(counts[j]) / math.Max(den, 1)}
			counts[j] = 0
		}
		adj[i] = row
	}
	outW := make([]float64, n)
	for i, row := range adj {
		for _, e := range row {
			outW[i] += e.w
		}
	}
	const d = 0.85
	r := make([]float64, n)
	for i := range r {
		r[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for iter := 0; iter < 30; iter++ {
		for i := range next {
			next[i] = (1 - d) / float64(n)
		}
		for j, row := range adj {
			if outW[j] == 0 {
				continue
			}
			for _, e := range row {
				next[e.to] += d * e.w / outW[j] * r[j]
			}
		}
		r, next = next, r
	}
	max := 0.0
	for _, v := range r {
		max = math.Max(max, v)
	}
	for i, v := range r {
		out[i] = v / max
	}
	return out
}

// agreeText fails unless got and want return the same text on every case,
// and unless at least 1,000 cases are changed by want (else the cases test
// little).
func agreeText(t *testing.T, name string, cases []string, got, want func(string) string) {
	t.Helper()
	changed := 0
	for _, c := range cases {
		g, w := got(c), want(c)
		if g != w {
			t.Fatalf("%s(%q) = %q, the earlier version gives %q", name, c, g, w)
		}
		if w != c {
			changed++
		}
	}
	if changed < 1000 {
		t.Errorf("%s: only %d of %d cases change: they test little", name, changed, len(cases))
	}
}

// labelPieces are labels, symbols, numbering and the text around them.
var labelPieces = []string{"Q", "A", "Q1", "A2", "TIP", "Tip", "Note", "NOTE", "참고", "메모", "개인적인 생각", "개인적인생각", "내 생각", "생각", "느낀 점", "의견",
	"질문", "궁금한 점", "결론", "요약", "+", "💡", "⭐", "✔", "\uFE0F", "\u200D", "^", "`", ":", "：", ".", ")", "(", " ", "  ", "\t", "\n", "①", "⑩", "❶",
	"1", "12", "3.", "(1)", "(12) ", "가.", "나)", "하)", "힣.", "이유", "단계", "방법", "step", "Step", "모델", "토큰", "은 ", "다.", "?", "!", "LoRA", "\xff", "\xe2\x80"}

// TestLabelChecksSkipOnlyWhatCannotMatch compares StripLabel, labelOf,
// SplitLabel, Trim, counts and metaProperty with their expressions run on
// every input, on random mixes of labels, numbering, colons and text.
func TestLabelChecksSkipOnlyWhatCannotMatch(t *testing.T) {
	cases := randomMixes(7, 40000, labelPieces, []string{"", " ", "Q: 왜?", "💡 개인적인 생각: 좋다", "토큰 : 기본 단위", "1) 평가자", "① 첫째"})
	agreeText(t, "StripLabel", cases, StripLabel, func(s string) string {
		if t := strings.TrimSpace(labelPrefix.ReplaceAllString(s, "")); t != "" {
			return t
		}
		return s
	})
	// StripLabel and labelOf skip labelPrefix where mayHaveLabel is false:
	// there it must match nothing.
	labelled := 0
	for _, c := range cases {
		m := labelPrefix.FindString(c)
		if m != "" && !mayHaveLabel(c) {
			t.Fatalf("labelPrefix matches %q in %q, which mayHaveLabel rules out", m, c)
		}
		if m != "" {
			labelled++
		}
	}
	if labelled < 1000 {
		t.Errorf("labelPrefix matches only %d of %d cases: they test little", labelled, len(cases))
	}
	agreeText(t, "SplitLabel", cases, func(s string) string {
		l, r, ok := SplitLabel(s)
		return fmt.Sprint(l, "|", r, "|", ok)
	}, func(s string) string {
		m := reLabel.FindStringSubmatch(s)
		if m == nil || strings.ContainsAny(m[1], ".?!(") {
			return fmt.Sprint("", "|", s, "|", false)
		}
		return fmt.Sprint(strings.TrimSpace(m[1]), "|", strings.TrimSpace(m[2]), "|", true)
	})
	agreeText(t, "Trim", cases, Trim, trimEveryExpression)
	numbered := randomMixes(8, 20000, []string{"두 가지", "세가지", "여러 가지의", "3가지로", "9 가지", "가지", "가지를", "두", " ", "\t", "의", "로", "를", "모델", "가짓수"}, nil)
	agree(t, "counts", numbered, counts, reCount.MatchString)
	meta := randomMixes(9, 20000, []string{"날짜:", "작성자 :", "Date：", "STATUS:", "tags :", "진행상태:", "진행 상태", "날짜", "일시", ":", "：", " ", "모델", "A", "é"}, cases)
	agree(t, "metaProperty", meta, metaProperty, func(s string) bool { return metaLine.MatchString(strings.ToLower(s)) })
}

// trimEveryExpression is Trim as it was, both expressions run on every
// pass.
func trimEveryExpression(s string) string {
	for i := 0; i < 4; i++ {
		t := strings.TrimSpace(s)
		t = reCircled.ReplaceAllString(t, "")
		t = reNumbering.ReplaceAllString(t, "")
		t = dropOpener(t)
		if t == s {
			break
		}
		s = t
	}
	return strings.TrimSpace(s)
}

// TestContainsAnySameAsStrings compares containsAny with
// strings.ContainsAny on the character sets the analysis uses, over
// random mixes that hold them, their neighbours and invalid bytes.
func TestContainsAnySameAsStrings(t *testing.T) {
	pieces := []string{":", "：", "=", "√", "∑", "Σ", "≈", "≤", "×", "÷", "\\", "_", "$", ".", "다", "따", "가", "모델", "a", " ", "\xe2", "\x89", "\xef\xbc", "\xeb\x8b", "\ufffd", "∂", "≉"}
	for _, chars := range []string{":：", mathOpChars, ".다", "=^$\\"} {
		agree(t, "containsAny "+chars, randomMixes(11, 20000, pieces, nil),
			func(s string) bool { return containsAny(s, chars) },
			func(s string) bool { return strings.ContainsAny(s, chars) })
	}
	agree(t, "hasColon", randomMixes(12, 20000, pieces, nil), hasColon, func(s string) bool { return strings.ContainsAny(s, ":：") })
}

// aliasesEveryExpression is aliases as it was, both expressions run on
// every sentence with a parenthesis.
func aliasesEveryExpression(members []*Member) [][2]string {
	var out [][2]string
	for _, m := range members {
		for _, s := range m.Sentences {
			if !strings.Contains(s.Text, "(") {
				continue
			}
			for _, re := range []*regexp.Regexp{reAliasKo, reAliasEn} {
				for _, sm := range re.FindAllStringSubmatch(s.Text, -1) {
					a, b := tailTerm(sm[1], s.Terms), headTerm(sm[2], s.Terms)
					if a != "" && b != "" && a != b {
						out = append(out, [2]string{a, b})
					}
				}
			}
		}
	}
	return out
}

// TestAliasesSkipOnlyExpressionsThatCannotMatch compares aliases with
// both expressions run, on random mixes of terms in both scripts and
// parentheses.
func TestAliasesSkipOnlyExpressionsThatCannotMatch(t *testing.T) {
	pieces := []string{"검색 증강 생성", "데이터", " ", "(", ")", "RAG", "data coverage", "LoRA", "(LoRA)", "(검색)", "( 검색)", "(3", "(é", "é", "-", ".", "은 ", "모델"}
	terms := []string{"검색 증강 생성", "데이터", "RAG", "data coverage", "LoRA", "검색", "모델"}
	m := &Member{}
	for _, c := range randomMixes(13, 20000, pieces, nil) {
		m.Sentences = append(m.Sentences, Sentence{Evidence: Evidence{Text: c, Terms: terms}})
	}
	got, want := aliases([]*Member{m}), aliasesEveryExpression([]*Member{m})
	if !slices.Equal(got, want) {
		t.Fatalf("aliases gives %d pairs, the earlier version %d", len(got), len(want))
	}
	if len(want) < 1000 {
		t.Errorf("only %d pairs: the cases test little", len(want))
	}
}

// hasTagByParts is hasTag as it was: every part of pos compared.
func hasTagByParts(pos, tag string) bool {
	for {
		p, rest, more := strings.Cut(pos, "+")
		if p == tag {
			return true
		}
		if !more {
			return false
		}
		pos = rest
	}
}

// TestHasTagSameAsByParts compares hasTag with the version that compares
// every part, on random tags and tag sequences, some with "+" in the tag
// asked for.
func TestHasTagSameAsByParts(t *testing.T) {
	parts := []string{"NNG", "VV", "EC", "EF", "JX", "VCP", "ETM", "E", ""}
	poses := randomMixes(21, 40000, []string{"NNG", "+NNG", "+VV", "+EC", "+EF", "+JX", "+VCP", "+ETM", "+E", "+", "VV", "E"}, append(parts, "+", "NNG+JX", "VV+EC"))
	for _, tag := range parts {
		agree(t, "hasTag "+tag, poses, func(p string) bool { return hasTag(p, tag) }, func(p string) bool { return hasTagByParts(p, tag) })
	}
	// A tag holding "+" is no part of anything.
	for _, tag := range []string{"+", "NNG+JX", "VV+EC"} {
		for _, p := range poses {
			if got, want := hasTag(p, tag), hasTagByParts(p, tag); got != want {
				t.Fatalf("hasTag(%q, %q) = %v, the earlier version gives %v", p, tag, got, want)
			}
		}
	}
}

// balancedByMaps is balanced as it was, counting in maps.
func balancedByMaps(s string) bool {
	depth := map[rune]int{}
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{', '」': '「', '』': '『', '》': '《', '”': '“', '’': '‘'}
	quotes := 0
	for _, r := range s {
		switch r {
		case '(', '[', '{', '「', '『', '《', '“', '‘':
			depth[r]++
		case ')', ']', '}', '」', '』', '》', '”', '’':
			o := pairs[r]
			if depth[o] == 0 {
				if r == '’' {
					continue
				}
				return false
			}
			depth[o]--
		case '"':
			quotes++
		}
	}
	for _, d := range depth {
		if d != 0 {
			return false
		}
	}
	return quotes%2 == 0
}

// TestBalancedSameAsByMaps compares balanced with the map version on
// random mixes of every bracket, quotes, apostrophes and text.
func TestBalancedSameAsByMaps(t *testing.T) {
	pieces := []string{"(", ")", "[", "]", "{", "}", "「", "」", "『", "』", "《", "》", "“", "”", "‘", "’", "\"", "모델", " ", "a", "\xff", "\ufffd", "()", "「」", "‘’"}
	agree(t, "balanced", randomMixes(31, 40000, pieces, []string{"", "it’s", "(a)"}), balanced, balancedByMaps)
}
