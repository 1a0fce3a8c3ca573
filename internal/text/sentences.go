package text

import (
	"strings"
	"unicode"
)

// maxSentenceRunes bounds a sentence without punctuation; longer runs are
// cut at a clause boundary (see cutLong).
const maxSentenceRunes = 400

// abbreviations never end a sentence although a period and a space follow.
var abbreviations = set("e.g i.e vs cf al etc.al Dr Mr Mrs Ms Prof Fig fig No no approx ca Jr Sr St Inc Ltd Co eq Eq Sec sec")

// Sentences splits a block of plain text into sentences, trimmed, empty
// pieces dropped. Rules:
//
//   - a line break always ends a sentence, so list items and headings
//     without punctuation are one sentence each;
//   - '.', '?', '!' (and '。', '？', '！') end a sentence when followed by
//     whitespace or the end, or when '.' closes a Korean syllable and
//     another Hangul syllable follows directly ("했다.그래서"); closing
//     quotes and brackets stay with the sentence;
//   - no split inside decimals and versions (3.5, GPT-3.5), after
//     abbreviations (e.g., i.e., vs., Dr.), after an item label opening
//     the line (A1., Q2.) or at an ellipsis (..., …);
//   - a sentence longer than 400 runes is cut at its last clause boundary
//     (", ", "며 ", "고 ") before the limit, or at a space.
//
// Korean nominal endings (~함, ~음, ~임, ~됨) end a sentence at a line
// break or at the end of the text, which the first rule covers.
func Sentences(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, sent := range splitLine([]rune(line)) {
			out = append(out, cutLong(sent)...)
		}
	}
	return out
}

func splitLine(rs []rune) []string {
	var out []string
	start := 0
	emit := func(end int) {
		t := strings.TrimSpace(string(rs[start:end]))
		if t != "" {
			out = append(out, t)
		}
		start = end
	}
	closes := bracketCloses(rs)
	depth := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '(' && closes != nil && closes[i]:
			depth++
		case r == ')' && depth > 0:
			depth--
			if depth == 0 && endsInside(rs, start, i) && (i+1 == len(rs) || unicode.IsSpace(rs[i+1])) {
				emit(i + 1) // "(…피해야 할 것 같다.) 다음 …": the remark ended the sentence
				continue
			}
		}
		if !isTerminator(r) || depth > 0 {
			// "(… 객체 그래프 탐색? 이 …했는데, …것 같다.)": a bracket closed
			// later on the line is one remark, whatever it holds
			continue
		}
		// swallow repeated terminators ("?!", "!!") and closers
		j := i + 1
		for j < len(rs) && (isTerminator(rs[j]) && rs[j] != '.' || isCloser(rs[j])) {
			j++
		}
		if r == '.' && !periodEnds(rs, i) {
			continue
		}
		if r != '.' && (quoted(rs, j) || particleAfter(rs, j)) {
			// "…될 수 없어! 라고 가정한다": a quoted exclamation or
			// question; "`Hello World!` 를 출력하듯": a name with its mark
			continue
		}
		if j < len(rs) && !unicode.IsSpace(rs[j]) {
			// "했다.그래서": split only after a Korean syllable
			if !(r == '.' && i > 0 && isHangulSyllable(rs[i-1]) && isHangulSyllable(rs[j])) {
				continue
			}
		}
		emit(j)
		i = j - 1
	}
	emit(len(rs))
	return out
}

// endsInside reports whether the bracket closing at i ends on a
// terminator ("…것 같다.)") after start.
func endsInside(rs []rune, start, i int) bool {
	k := i - 1
	for k > start && unicode.IsSpace(rs[k]) {
		k--
	}
	return k > start && isTerminator(rs[k])
}

// quotatives open the words that go on after a quoted sentence ("…없어!
// 라고 가정한다", "…뭘까? 라는 질문").
var quotatives = []string{"라고", "라는", "라며", "라면서", "라던", "란 ", "이라고", "이라는", "하고 ", "하는 "}

// quoted reports whether the text from j, after spaces, goes on with a
// quotative: the terminator before j closes a quotation, not the sentence.
func quoted(rs []rune, j int) bool { return goesOnWith(rs, j, quotatives) }

// goesOnWith reports whether the text from j, after spaces, starts with
// one of words (each at most 8 runes).
func goesOnWith(rs []rune, j int, words []string) bool {
	for j < len(rs) && unicode.IsSpace(rs[j]) {
		j++
	}
	rest := string(rs[j:min(j+8, len(rs))])
	for _, w := range words {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// loneParticles are case particles written as a word of their own after a
// name that ends in "!" or "?" ("`Hello World!` 를", "Yahoo! 의"): no
// sentence opens with one. "이" is left out: it opens sentences as a
// determiner ("이 부분은 …").
var loneParticles = []string{"를 ", "을 ", "가 ", "은 ", "는 ", "의 ", "에 ", "에서 ", "로 ", "으로 ", "와 ", "과 ", "도 ", "만 "}

// particleAfter reports whether the text from j, after spaces, goes on
// with a lone case particle: the terminator before j ends a name, not the
// sentence.
func particleAfter(rs []rune, j int) bool { return goesOnWith(rs, j, loneParticles) }

// bracketCloses marks each '(' of rs whose matching ')' comes later in
// rs; nil when there is none.
func bracketCloses(rs []rune) []bool {
	var marks []bool
	var open []int
	for i, r := range rs {
		switch r {
		case '(':
			if marks == nil {
				marks = make([]bool, len(rs))
			}
			open = append(open, i)
		case ')':
			if n := len(open); n > 0 {
				marks[open[n-1]] = true
				open = open[:n-1]
			}
		}
	}
	if marks == nil {
		return nil
	}
	// A bracket around the whole line ("(…했다. 그래서 …임.)") wraps the
	// writer's aside, whose sentences are sentences.
	if first, ok := wrapping(rs); ok {
		marks[first] = false
	}
	return marks
}

// Wrapped reports whether s is set whole in one pair of brackets, with
// only spaces and periods outside them ("(…라고 생각됨.)"); "(A) … (B)"
// is two brackets, not one around it all.
func Wrapped(s string) bool {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "(") || !strings.HasSuffix(strings.TrimRight(t, ". "), ")") {
		return false // most lines: no rune copy
	}
	_, ok := wrapping([]rune(t))
	return ok
}

// wrapping returns the index of the '(' that wraps all of rs (see
// Wrapped).
func wrapping(rs []rune) (first int, ok bool) {
	last := len(rs) - 1
	for first < len(rs) && unicode.IsSpace(rs[first]) {
		first++
	}
	for last >= 0 && (unicode.IsSpace(rs[last]) || rs[last] == '.') {
		last--
	}
	return first, first < last && rs[first] == '(' && rs[last] == ')' && matches(rs, first) == last
}

// matches returns the index of the ')' that closes the '(' at i, or -1.
func matches(rs []rune, i int) int {
	depth := 0
	for k := i; k < len(rs); k++ {
		switch rs[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '?', '!', '。', '？', '！':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '」', '』', '》', '〉':
		return true
	}
	return false
}

// periodEnds reports whether the period at rs[i] can end a sentence.
func periodEnds(rs []rune, i int) bool {
	// ellipsis: "..." or a period next to another period
	if i+1 < len(rs) && rs[i+1] == '.' || i > 0 && rs[i-1] == '.' {
		return false
	}
	// decimal or version: a digit follows directly
	if i+1 < len(rs) && unicode.IsDigit(rs[i+1]) {
		return false
	}
	// the word before the period
	k := i
	for k > 0 && !unicode.IsSpace(rs[k-1]) && rs[k-1] != '(' {
		k--
	}
	word := string(rs[k:i])
	if abbreviations[word] || abbreviations[strings.TrimSuffix(word, ".")] {
		return false
	}
	// a single Latin initial ("J. Smith") or a list number ("1.")
	if len([]rune(word)) == 1 && rs[i-1] >= 'A' && rs[i-1] <= 'Z' {
		return false
	}
	if word != "" && isDigits(word) {
		return false
	}
	// an item label opening the line ("A1. …", "Q2. …")
	if k == 0 && itemLabel(word) {
		return false
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// cutLong cuts a sentence longer than maxSentenceRunes at clause
// boundaries so later stages stay bounded.
func cutLong(s string) []string {
	rs := []rune(s)
	var out []string
	for len(rs) > maxSentenceRunes {
		cut := lastBoundary(rs[:maxSentenceRunes])
		if cut <= 0 {
			cut = maxSentenceRunes
		}
		if t := strings.TrimSpace(string(rs[:cut])); t != "" {
			out = append(out, t)
		}
		rs = rs[cut:]
	}
	if t := strings.TrimSpace(string(rs)); t != "" {
		out = append(out, t)
	}
	return out
}

// lastBoundary returns the rune offset just after the last clause boundary
// (", ", "며 ", "고 ") in rs, else after the last space, else 0.
func lastBoundary(rs []rune) int {
	for i := len(rs) - 2; i > 0; i-- {
		if rs[i+1] == ' ' && (rs[i] == ',' || rs[i] == '며' || rs[i] == '고') {
			return i + 2
		}
	}
	for i := len(rs) - 1; i > 0; i-- {
		if rs[i] == ' ' {
			return i + 1
		}
	}
	return 0
}

// itemLabel reports whether a word is an item label: one or two Latin
// letters and one or two digits ("A1", "Q12").
func itemLabel(w string) bool {
	rs := []rune(w)
	i := 0
	for i < len(rs) && i < 2 && (rs[i] >= 'A' && rs[i] <= 'Z' || rs[i] >= 'a' && rs[i] <= 'z') {
		i++
	}
	n := len(rs) - i
	return i > 0 && n >= 1 && n <= 2 && isDigits(string(rs[i:]))
}
