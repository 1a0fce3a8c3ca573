package analyze

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// Reasons a sentence cannot stand as a bullet body on its own (see
// Sentence.Problem). They are bookkeeping words, not shown to readers.
const (
	ProblemFragment   = "fragment"   // no predicate: a heading, a label, a noun list
	ProblemCaption    = "caption"    // a figure or example caption ("…의 예시")
	ProblemPromise    = "promise"    // announces a list or formula that follows ("다음과 같다:")
	ProblemFormula    = "formula"    // a formula or code-like expression
	ProblemForeign    = "foreign"    // a passage in another language pasted into the note
	ProblemUnbalanced = "unbalanced" // brackets or quotes left open
	ProblemDangling   = "dangling"   // leans on a sentence before it ("이는 …", "반대로 …")
	ProblemLong       = "long"       // too long to be a bullet without cutting it
)

// maxBodyRunes is the longest sentence that becomes a bullet whole; longer
// ones are never cut mid-thought.
const maxBodyRunes = 200

// dependentOpeners make a sentence lean on the one before it: without that
// sentence it says nothing.
var dependentOpeners = []string{"대신 ", "이들", "이것들", "그들", "그것", "이러한", "그러한", "이와 같", "이토록", "이렇듯", "물론", "뿐만 아니라", "뿐 아니라", "이 밖에", "이외에도", "이는", "이를", "이것은", "이것이", "이것을", "이러한", "이런", "이렇게", "그러면", "그렇다면", "반대로", "반면", "이때", "이 때", "이 경우", "그 결과", "여기서", "위의", "위에서", "위와 같", "위처럼", "이처럼", "앞서 ", "앞에서", "아래", "그래도", "하지만", "그러나", "그런데", "다만", "단,", "이 중", "그중", "그 중", "해당 ", "또 다른", "또다른", "여전히", "마찬가지로", "때문에 ", "추가적으로", "추가로", "그렇게 ", "그래야", "때문에,", "다시 말해", "다시말해", "다시 말하자면", "다시말하자면", "이보다", "오히려", "동시에 ", "해결 방법으로", "해결책으로", "대안으로"}

// aheadCues point at the code, the figure or the example the writer
// shows beside the sentence, mostly below it ("아래처럼 생성해도 된다",
// "밑에 코드처럼 바꿔야 한다", "다음과 같은 구조를 …", "앞의 코드를 보면
// …"): no line of the note's text supplies it.
var aheadCues = []string{"아래처럼", "아래와 같", "다음과 같", "밑에 코드", "밑의 코드", "밑에처럼", "밑과 같", "아래 코드", "다음 코드", "아래 그림", "다음 그림", "아래 예시", "다음 예시", "아래 예제", "다음 예제", "앞의 코드", "위 코드", "위의 코드", "그림처럼", "아래를 보면", "밑을 보면", "위를 보면"}

var aheadSet = text.NewCues(aheadCues)

// leadsIntoCode reports a line that trails off into the code block right
// below it before saying anything ("마침 내가 오늘 작성한 비슷한 예제가
// 있어서 복습겸...", "내가 사용해봤던 예시는..."): dots where its
// predicate would be, and the code is what it has to show. A line that
// trails off after its predicate ("…해야 되는것임을 또 깨닫…") said it.
func leadsIntoCode(m *Member, s Sentence) bool {
	t := strings.TrimSpace(s.Body)
	if !strings.HasSuffix(t, "...") && !strings.HasSuffix(t, "…") {
		return false
	}
	return codeWithin(m, s, 1) && !hasFinalVerb(m.reads.read(s.Body).Morphs)
}

// codeWithin reports whether a code block is among the n blocks right
// below sentence s in member m's note.
func codeWithin(m *Member, s Sentence, n int) bool {
	doc := m.Doc
	if doc == nil || s.Block < 0 {
		return false
	}
	for b := s.Block + 1; b <= s.Block+n && b < len(doc.Blocks); b++ {
		if doc.Blocks[b].Kind == note.KindCode {
			return true
		}
	}
	return false
}

// showsBelow reports a line whose last words say it is done "like this"
// ("…InstrumentedHashSet은 이렇게 변경할 수 있다.") with code within the two
// blocks below it: the code is the how, and a bullet of the line alone
// shows nothing. "이렇게" further from the end ("이렇게 하면 …") points
// back at the line above instead.
func showsBelow(m *Member, s Sentence) bool {
	if !strings.Contains(s.Body, "이렇게") && !strings.Contains(s.Body, "이와") {
		return false // most sentences: no need to split them into words
	}
	f := strings.Fields(strings.TrimSpace(s.Body))
	if len(f) < 2 {
		return false
	}
	if k := len(f) - 4; k > 0 {
		f = f[k:]
	}
	lead := f[:len(f)-1]
	return (slices.Contains(lead, "이렇게") || slices.Contains(lead, "이와")) && codeWithin(m, s, 2)
}

// pointsAhead reports a sentence that leans on what follows it (see
// aheadCues): without the code or figure below, a bullet of it says
// nothing, and the line above does not supply it.
func pointsAhead(t string) bool { return aheadSet.Any(t) }

// PointsAhead reports whether a text points at code, a figure or an
// example beside it ("아래처럼 …", "위의 코드에서 …"), which a quote of it
// cannot carry.
func PointsAhead(t string) bool { return pointsAhead(t) }

// NominalEnding reports whether a text ends in a nominalised verb ("…값을
// 타입으로 다루기"): a heading or a to-do, no statement.
func NominalEnding(t string) bool { return nominalEnding(text.Read(t).Morphs) }

// looseOpeners are discourse markers a bullet can drop without losing
// its meaning: "따라서 X이다" says X.
var looseOpeners = []string{"But,", "But ", "However,", "So,", "그렇기 때문에", "그렇기에", "그러니까", "따라서,", "따라서", "그래서", "그리고", "또한,", "또한", "특히,", "특히", "즉,", "즉", "결국,", "결국", "결론적으로,", "결론적으로", "그러므로", "우선,", "우선", "암튼", "아무튼", "어쨌든", "예를 들어,", "예를 들어", "예를 들면,", "예를 들면", "=>", "->", "→", "⇒", "∴", "ex)", "Ex)", "예)", "e.g.", "cf)", "참고)"}

var (
	reCircled   = regexp.MustCompile(`^[\x{2460}-\x{24FF}\x{2776}-\x{2793}]\s*`)
	reNumbering = regexp.MustCompile(`^(?:\d{1,2}[.)]\s+|\(\d{1,2}\)\s*|[가-하][.)]\s+|(?:이유|단계|방법|step|Step)\s*\d{1,2}[.:)]\s*)`)
	reFuncNote  = regexp.MustCompile(`\b[A-Za-z]{1,3}\([A-Za-z0-9_, |]+\)`)
	reMathOps   = regexp.MustCompile(`[=^√∑Σ∫≈≠≤≥×÷]|\\[a-z]+|_\{|\$`)
	reCompare   = regexp.MustCompile(`[가-힣A-Za-z]\s*[<>]\s*[가-힣A-Za-z]`)
	// mathOpChars holds a character of every match of reMathOps.
	mathOpChars = `=^√∑Σ∫≈≠≤≥×÷\_$`
)

// bracketed reports a line the writer set whole in brackets ("(…라고
// 생각됨.)", "(왜냐면 …때문. …도 마찬가지임.)"): an aside of theirs beside
// the book's lines, whose sentences are sentences.
func bracketed(line string) bool {
	return text.Wrapped(line) && utf8.RuneCountInString(strings.TrimSpace(line)) >= 14
}

// dewrapped returns a sentence set whole in round brackets without them,
// however short ("(이것이 TDD?!)" → "이것이 TDD?!"), and s otherwise.
func dewrapped(s string) string {
	if !text.Wrapped(s) {
		return s
	}
	t := strings.TrimRight(strings.TrimSpace(s), ". ")
	return strings.TrimSpace(t[1 : len(t)-1])
}

// unwrapped returns a sentence of a bracketed line (see bracketed)
// without the line's brackets: the opening one before its first sentence,
// the closing one after its last, or both.
func unwrapped(s string) string {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "(") && strings.Count(t, "(") > strings.Count(t, ")") || bracketed(t) {
		t = strings.TrimSpace(t[1:])
	}
	end := strings.TrimRight(t, ". ")
	if strings.HasSuffix(end, ")") && strings.Count(end, ")") > strings.Count(end, "(") {
		t = strings.TrimSpace(end[:len(end)-1])
		if !strings.HasSuffix(t, ".") && strings.HasSuffix(strings.TrimSpace(s), ".") {
			t += "."
		}
	}
	return t
}

// Trim drops the markers a note puts before a sentence that a bullet does
// not need: numbering ("1)", "이유 2."), circled letters, arrows and loose
// discourse openers ("따라서", "=>"). It never drops words that carry
// meaning.
func Trim(s string) string {
	for i := 0; i < 4; i++ {
		t := strings.TrimSpace(s)
		if r, _ := utf8.DecodeRuneInString(t); r >= 0x2460 && r <= 0x24FF || r >= 0x2776 && r <= 0x2793 {
			t = reCircled.ReplaceAllString(t, "")
		}
		if mayBeNumbered(t) {
			t = reNumbering.ReplaceAllString(t, "")
		}
		t = dropOpener(t)
		if t == s {
			break
		}
		s = t
	}
	return strings.TrimSpace(s)
}

// wordOpeners are the loose openers that must end a word: "즉시" is no
// "즉", "우선순위" no "우선".
var wordOpeners = map[string]bool{"즉": true, "특히": true, "결국": true, "따라서": true, "또한": true, "그리고": true, "그래서": true, "우선": true, "예를 들어": true, "예를 들면": true}

// dropOpener returns t without the first loose opener it starts with
// (see looseOpeners), or t.
func dropOpener(t string) string {
	for _, o := range looseOpeners {
		if !strings.HasPrefix(t, o) {
			continue
		}
		rest := strings.TrimLeft(t[len(o):], " ,")
		if wordOpeners[o] && rest == t[len(o):] {
			continue
		}
		if o == "우선" && (strings.HasPrefix(rest, "순위") || strings.HasPrefix(rest, "순서")) {
			continue // "우선 순위": a noun, not "first"
		}
		if rest != "" {
			return rest
		}
		return t
	}
	return t
}

// mayBeNumbered reports whether reNumbering can match at the start of s:
// s starts with a digit or "(", a syllable followed by "." or ")", or one
// of the words the expression knows.
func mayBeNumbered(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c >= '0' && c <= '9' || c == '(' {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	if r >= '가' && r <= '하' && len(s) > n && (s[n] == '.' || s[n] == ')') {
		return true
	}
	for _, w := range []string{"이유", "단계", "방법", "step", "Step"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// Dependent reports whether a sentence leans on the one before it: it
// opens with a reference ("이는", "반대로") or a demonstrative before its
// noun ("이 아키텍처는", "그 방식은").
func Dependent(s string) bool {
	for _, o := range dependentOpeners {
		if strings.HasPrefix(s, o) {
			return true
		}
	}
	for _, d := range []string{"이 ", "그 ", "저 ", "위 ", "해당 "} {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

// problem reports why a (trimmed) sentence cannot stand as a bullet body
// on its own, or "" when it can.
func problem(t string, ms []text.Morph) string {
	n := utf8.RuneCountInString(t)
	switch {
	case n > maxBodyRunes:
		return ProblemLong
	case !balanced(t):
		return ProblemUnbalanced
	case foreign(t):
		return ProblemForeign
	case formula(t):
		return ProblemFormula
	case promise(t):
		return ProblemPromise
	case caption(t, ms):
		return ProblemCaption
	case n < 12 || ms != nil && (!hasPredicate(ms) || nounEnding(ms) || exampleTail(t, ms) || unfinished(ms)):
		return ProblemFragment
	case Dependent(t) || reason(t) || headless(ms) || len(ms) > 0 && strings.HasPrefix(ms[0].POS, "J"):
		// a sentence opening with a particle ("에서, …는 수신자") goes on
		// from what came before it (a code block, a formula)
		return ProblemDangling
	}
	return ""
}

// balanced reports whether brackets and double quotes are closed.
func balanced(s string) bool {
	var depth [8]int // by bracket, in the order of the cases below
	quotes := 0
	for _, r := range s {
		o, closing := 0, false
		switch r {
		case '"':
			quotes++
			continue
		case '(', ')':
			o, closing = 0, r == ')'
		case '[', ']':
			o, closing = 1, r == ']'
		case '{', '}':
			o, closing = 2, r == '}'
		case '「', '」':
			o, closing = 3, r == '」'
		case '『', '』':
			o, closing = 4, r == '』'
		case '《', '》':
			o, closing = 5, r == '》'
		case '“', '”':
			o, closing = 6, r == '”'
		case '‘', '’':
			o, closing = 7, r == '’'
		default:
			continue
		}
		if !closing {
			depth[o]++
			continue
		}
		if depth[o] == 0 {
			if r == '’' {
				continue // an apostrophe
			}
			return false
		}
		depth[o]--
	}
	for _, d := range depth {
		if d != 0 {
			return false
		}
	}
	return quotes%2 == 0
}

// foreign reports a sentence that is mostly prose in a Latin-script
// language (an embedded tweet, a pasted abstract) inside a Korean note.
func foreign(s string) bool {
	hangul, latin, words := 0, 0, 0
	inWord := false
	for _, r := range s {
		switch {
		case r >= 0xAC00 && r <= 0xD7A3:
			hangul++
			inWord = false
		case r < 0x80 && unicode.IsLetter(r):
			latin++
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return words >= 6 && hangul*4 < latin
}

// Formula reports whether a line is a formula or a code-like expression
// rather than prose (the rule that marks a sentence ProblemFormula).
func Formula(s string) bool { return formula(s) }

// formula reports a sentence that is a formula or code-like expression
// rather than prose: math operators, function notation, or a comparison
// of words ("성능: 평가 > 생성").
func formula(s string) bool {
	// Each expression runs only on text holding a character every match
	// of it needs: most sentences have none.
	ops := 0
	if containsAny(s, mathOpChars) {
		ops += len(reMathOps.FindAllStringIndex(s, -1))
	}
	if strings.Contains(s, "(") {
		ops += len(reFuncNote.FindAllStringIndex(s, -1))
	}
	if ops >= 2 || ops == 1 && strings.ContainsAny(s, "=^$\\") {
		return true
	}
	return strings.ContainsAny(s, "<>") && reCompare.MatchString(s) && !containsAny(s, ".다")
}

// promise reports a sentence that announces what follows it: a list, a
// formula, an example.
func promise(s string) bool {
	t := strings.TrimRight(s, " ")
	if strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：") {
		return true
	}
	t = strings.TrimRight(t, ".")
	for _, e := range []string{"다음과 같다", "다음과 같음", "다음과 같이", "아래와 같다", "아래와 같음", "아래와 같이", "다음과 같은", "나타난다:", "다음 세 가지", "다음 두 가지"} {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	// "…가 중요한 시나리오 두 가지": a title counting the items below.
	for _, e := range []string{" 두 가지", " 세 가지", " 네 가지", " 다섯 가지", " 몇 가지", " 여러 가지"} {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	for _, e := range []string{"가지 상황에서 나타난다", "가지로 나눌 수 있다", "가지가 있다", "가지 방법이 있다", "가지 유형이 있다"} {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	// "…는 4가지로 생각할 수 있다", "이 책에선 두 가지 방법을 제시한다": a
	// count of the items that follow, closing the sentence
	return strings.Contains(t, "가지") && reCountClosing.MatchString(t)
}

// reCountClosing matches a sentence that closes on a count of things and
// a verb that presents, divides or has them.
var reCountClosing = regexp.MustCompile(`(?:두|세|네|다섯|여섯|일곱|몇|여러|[2-9])\s?가지[가-힣]*(?:\s+[가-힣]+){0,2}\s+(?:수 있다|있다|있음|나뉜다|나뉨|구분된다|구분됨|제시한다|제시함|소개한다|소개함|존재한다|존재함)$`)

// captionNouns end the noun phrases that caption a figure, a table or an
// example.
var captionNouns = []string{"예시", "예제", "그림", "도식", "사진", "이미지", "출처", "표", "화면", "스크린샷", "캡처", "구조도", "다이어그램"}

// reReference matches a line that opens with a reference marker: a
// remark on a figure or a source ("참고용, …", "출처: …", "그림 3 …",
// "Figure 2. …"), read beside the text, never a point of it.
var reReference = regexp.MustCompile(`(?i)^[(\[<]?\s*(참고용|참고\s*[:：]|출처|그림\s*\d|표\s*\d|\[그림|figure\s*\d|fig\.|table\s*\d|source\s*[:：]|image\s*[:：])`)

// figureCues point at a figure or a table.
var figureCues = text.NewCues([]string{"그림은", "그림에서", "위 그림", "아래 그림", "다음 그림", "표는", "위 표", "아래 표"})

// caption reports a figure or example caption: a phrase without its own
// predicate ending in a caption noun, or a sentence that describes what a
// figure shows ("…를 보여준다").
func caption(s string, ms []text.Morph) bool {
	t := strings.TrimRight(strings.TrimSpace(s), ". ")
	if ms != nil {
		if i := lastContent(ms); i >= 0 && !hasFinalVerb(ms) {
			for _, c := range captionNouns {
				if ms[i].Surface == c {
					return true
				}
			}
		}
	} else {
		for _, c := range captionNouns {
			if strings.HasSuffix(t, " "+c) {
				return true
			}
		}
	}
	if figureCues.Any(t) || reReference.MatchString(t) {
		return true
	}
	if strings.HasSuffix(t, "나타낸 것이다") {
		return true
	}
	// "…를 사용자에게 보여줌" shows something to someone: an action, not
	// what a figure shows.
	return (strings.HasSuffix(t, "보여준다") || strings.HasSuffix(t, "보여줌")) && !toSomeone(ms)
}

// toSomeone reports whether a sentence names to whom something is done
// ("사용자에게", "팀한테").
func toSomeone(ms []text.Morph) bool {
	for _, m := range ms {
		if hasTag(m.POS, "JKB") && (m.Surface == "에게" || m.Surface == "한테" || m.Surface == "께") {
			return true
		}
	}
	return false
}

// hasPredicate reports whether the morphemes contain a predicate: a verb,
// an adjective, a copula or a verbal suffix (note-style "…함", "…임"
// included).
func hasPredicate(ms []text.Morph) bool {
	for _, m := range ms {
		for _, p := range strings.Split(m.POS, "+") {
			switch p {
			case "VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA", "EF", "EC", "ETN":
				return true
			}
		}
	}
	return false
}

// hasFinalVerb reports whether the sentence ends in a predicate (not in a
// noun).
func hasFinalVerb(ms []text.Morph) bool {
	i := lastContent(ms)
	if i < 0 {
		return false
	}
	for _, p := range strings.Split(ms[i].POS, "+") {
		switch p {
		case "VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA", "EF", "EC", "ETN", "EP":
			return true
		}
	}
	return false
}

// nounEnding reports a sentence that ends in a noun and has no particle
// at all: a noun phrase ("데이터 계보와 저작권"), not a note-style clause
// ("모델 선택이 중요", "벤치마크를 선택").
func nounEnding(ms []text.Morph) bool {
	ms = withoutTrailingParen(ms)
	if hasFinalVerb(ms) {
		return false
	}
	if imperativeEnding(ms) {
		return false // "…를 찾을 것": a note-style instruction
	}
	if i := lastContent(ms); i > 0 {
		if ms[i].POS == "NNB" && (ms[i].Surface == "듯" || ms[i].Surface == "듯이") && strings.HasSuffix(ms[i-1].POS, "ETM") {
			return false // "…시작해야 할듯": a guess in note style, whole
		}
		// "…가 초래하는 위험", "…를 추론해 주는 타입 시스템": a noun
		// (compound) with its relative clause
		k := i
		for k > 0 && strings.HasPrefix(ms[k-1].POS, "NN") && !strings.HasPrefix(ms[k-1].POS, "NNB") && ms[k].Space {
			k--
		}
		if k > 0 && strings.HasSuffix(ms[k-1].POS, "ETM") {
			return true
		}
	}
	for _, m := range ms {
		switch m.POS {
		case "JKS", "JKO", "JX", "JKC":
			return false
		}
	}
	return true
}

// exampleTail reports a phrase that ends in a parenthesised example with
// no predicate of its own before it: "모델이 수행할 작업(예: …)".
func exampleTail(t string, ms []text.Morph) bool {
	t = strings.TrimRight(t, " .")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	i := strings.LastIndex(t, "(")
	if i < 0 {
		return false
	}
	inside := t[i+1:]
	if !strings.HasPrefix(inside, "예") && !strings.HasPrefix(inside, "e.g") && !strings.HasPrefix(inside, "ex") {
		return false
	}
	head := strings.TrimSpace(t[:i])
	hm := text.Read(head).Morphs
	return hm != nil && !hasFinalVerb(hm)
}

// reason reports a sentence that gives the reason for the one before it:
// "… 때문이다".
func reason(t string) bool {
	t = strings.TrimRight(t, " .")
	for _, e := range []string{"때문이다", "때문임", "때문", "때문에", "때문입니다", "까닭이다", "이유이다", "이유다"} {
		if strings.HasSuffix(t, e) {
			// "A는 …하는 게 쉬운데, …하기 때문이다": the claim comes
			// first in the sentence, then its reason
			claim := strings.Contains(t, "는데,") || strings.Contains(t, "운데,") || strings.Contains(t, "인데,")
			return !strings.Contains(t, "이유는") && !strings.Contains(t, "원인은") && !claim
		}
	}
	return false
}

// Standalone reports whether a sentence can be quoted on its own: it has
// none of the problems of Problem (a fragment, a caption, a list, a formula,
// a dangling reference).
func Standalone(t string) bool {
	return problem(t, text.Read(t).Morphs) == ""
}

// unfinished reports a sentence that stops on a connective ending: a
// condition or a first clause whose main clause is missing ("…하고 싶다면").
func unfinished(ms []text.Morph) bool {
	i := lastContent(ms)
	if i < 0 {
		return false
	}
	s := ms[i].Surface
	if hasTag(ms[i].POS, "EF") && (strings.HasSuffix(s, "는지") || strings.HasSuffix(s, "은지") || strings.HasSuffix(s, "ㄴ지")) {
		return true // "속성이 있는지 없는지!": a "whether" never ends a statement
	}
	if hasTag(ms[i].POS, "NNG") && s == "경우" && i > 0 && (hasTag(ms[i-1].POS, "JKG") || hasTag(ms[i-1].POS, "ETM")) {
		return true // "…는 더 복잡한 타입의 경우.": the case, without what holds in it
	}
	if p := firstTag(ms[i].POS); p == "JKO" || p == "JKB" || p == "JKS" || p == "JX" && (s == "은" || s == "는") {
		return true // "…관리한다면 redux 를": the verb is on the next item
	}
	if !hasTag(ms[i].POS, "EC") {
		return false
	}
	if i+1 < len(ms) && strings.HasPrefix(ms[i+1].Surface, "?") && (strings.HasSuffix(s, "는데") || strings.HasSuffix(s, "은데") || strings.HasSuffix(s, "ㄴ데")) {
		return false // "DB와는 고립됐는데?": a spoken question, whole
	}
	for _, e := range []string{"면", "고", "며", "서", "는데", "은데", "ㄴ데", "지만", "거나", "도록", "려고", "니까", "므로", "든지", "다가", "는지", "은지", "ㄴ지", "을지", "ㄹ지"} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// headless reports a sentence that says what "it" is without naming it:
// no subject or topic anywhere, ending in "…것이다".
func headless(ms []text.Morph) bool {
	i := lastContent(ms)
	if i < 1 || imperativeEnding(ms) {
		return false
	}
	end := false
	for k := i; k >= 0 && k >= i-2; k-- {
		if ms[k].Surface == "것" && strings.HasPrefix(ms[k].POS, "NNB") {
			end = true
		}
	}
	if !end && !copulaEnd(ms, i) {
		return false
	}
	for k, m := range ms {
		if m.POS == "JKS" || m.POS == "JX" && (m.Surface == "은" || m.Surface == "는" || m.Surface == "란" || m.Surface == "이란") || clauseSubject(ms, k) {
			return false
		}
		// "…줄이는 것이 핵심이다": 것 with 이/은/는 is the subject
		if m.Surface == "것" && k+1 < len(ms) && (ms[k+1].Surface == "이" || ms[k+1].Surface == "은") && k+1 < i-1 {
			return false
		}
	}
	return true
}

// copulaEnd reports a sentence ending in the copula ("…개념이다").
func copulaEnd(ms []text.Morph, i int) bool {
	for k := i; k >= 0 && k >= i-1; k-- {
		if hasTag(ms[k].POS, "VCP") {
			return true
		}
	}
	return false
}

// withoutTrailingParen drops a parenthesised remark at the end of a
// sentence, which says nothing about how the sentence itself ends.
func withoutTrailingParen(ms []text.Morph) []text.Morph {
	i := len(ms) - 1
	for i >= 0 && (ms[i].POS == "SF" || ms[i].POS == "SE") {
		i--
	}
	if i < 0 || ms[i].Surface != ")" {
		return ms
	}
	depth := 0
	for k := i; k >= 0; k-- {
		switch ms[k].Surface {
		case ")":
			depth++
		case "(":
			depth--
			if depth == 0 {
				return ms[:k]
			}
		}
	}
	return ms
}

// hasSubject reports whether a sentence names a subject or topic: a noun
// with 이/가 or 은/는, or "것이" ("…하는 것이 중요하다").
func hasSubject(ms []text.Morph) bool {
	if ms == nil {
		return true // no morphology: assume so
	}
	for k, m := range ms {
		switch m.POS {
		case "JKS", "JKC":
			return true
		case "JX":
			if m.Surface == "은" || m.Surface == "는" || m.Surface == "도" || m.Surface == "란" || m.Surface == "이란" {
				return true // "객체란 …": 란 marks a topic too
			}
		}
		if strings.HasPrefix(m.POS, "NP") || clauseSubject(ms, k) {
			return true
		}
	}
	return caseTopic(ms)
}

// clauseSubject reports whether morph k is the contracted 것이 after a
// clause ("…큰 차이를 만든다는 게 의외였다"): the clause is the sentence's
// subject, though the dictionary reads 게 as a connective ending.
func clauseSubject(ms []text.Morph, k int) bool {
	return k > 0 && ms[k].Surface == "게" && hasTag(ms[k-1].POS, "ETM")
}

// ownSubject reports whether a sentence names what it is about itself,
// past its opening: a specific noun phrase marked as topic or subject
// ("…라도 희소 모델이 …", "유창성과 일관성은 …", "지연 시간도 …"), or a topic a
// clause describes ("…를 보인 범주는 …"). A generic actor ("모델은")
// or a bound noun ("…는 것은") is no subject of its own.
func ownSubject(ms []text.Morph) bool {
	start := -1 // first morph of the current noun phrase
	for i, m := range ms {
		noun := strings.HasPrefix(m.POS, "NN") || m.POS == "SL" || m.POS == "XSN" || m.POS == "XR" || m.POS == "JC"
		// "X의 Y는" is one noun phrase: "캐시 설계의 핵심은" names its subject.
		genitive := m.POS == "JKG" && m.Surface == "의" && start >= 0 && i+1 < len(ms) && strings.HasPrefix(ms[i+1].POS, "NN")
		if noun || genitive {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && (m.POS == "JX" && (m.Surface == "은" || m.Surface == "는" || m.Surface == "도") || m.POS == "JKS") {
			var sb strings.Builder
			for j := start; j < i; j++ {
				if j > start && ms[j].Space {
					sb.WriteString(" ")
				}
				sb.WriteString(ms[j].Surface)
			}
			phrase := sb.String()
			if ms[i-1].POS != "NNB" && ms[start].POS != "JC" {
				if Specific(phrase) {
					return true
				}
				if m.POS == "JX" && start > 0 && strings.Contains(ms[start-1].POS, "ETM") && !clauseTime[phrase] {
					return true
				}
			}
		}
		start = -1
	}
	return false
}

// NamesSubject reports whether a sentence marks a noun as its subject or
// topic anywhere ("연구에 따르면 모델은 …", "…, 정보가 …"), an
// everyday actor included; nouns a clause turns into a time or a case
// ("…할 때는") and bound nouns do not count.
func NamesSubject(body string) bool {
	ms := text.Read(body).Morphs
	for i := 1; i < len(ms); i++ {
		m, prev := ms[i], ms[i-1]
		if !(m.POS == "JKS" || m.POS == "JX" && (m.Surface == "은" || m.Surface == "는")) {
			continue
		}
		if (strings.HasPrefix(prev.POS, "NN") && prev.POS != "NNB" || prev.POS == "SL" || prev.POS == "NP") && !clauseTime[prev.Surface] {
			return true
		}
	}
	return false
}

// clauseTime are the nouns a clause turns into a time or a case ("…를
// 옮길 때는", "…가 없는 경우는"): an adverbial, not what the sentence is
// about.
var clauseTime = map[string]bool{"때": true, "경우": true, "동안": true, "후": true, "뒤": true, "전": true, "중": true, "이후": true, "이전": true, "순간": true}

// hasObject reports whether a sentence has an object particle (을/를).
func hasObject(ms []text.Morph) bool { return hasPOS(ms, "JKO") }

// hasPOS reports whether one of the morphemes has the part of speech pos.
func hasPOS(ms []text.Morph, pos string) bool {
	for _, m := range ms {
		if m.POS == pos {
			return true
		}
	}
	return false
}

// imperativeEnding reports a note-style instruction ending "…할 것",
// "…찾을 것".
func imperativeEnding(ms []text.Morph) bool {
	i := lastContent(ms)
	if i < 1 || ms[i].Surface != "것" {
		return false
	}
	p := ms[i-1]
	return strings.HasSuffix(p.POS, "ETM") && (p.Surface == "을" || p.Surface == "ㄹ" || strings.HasSuffix(p.Surface, "할") || strings.HasSuffix(p.Surface, "될"))
}

// topics counts the topic particles (은/는) right after a noun, a noun
// suffix or a Latin word.
func topics(ms []text.Morph) int {
	n := 0
	for i, m := range ms {
		if i > 0 && strings.HasPrefix(m.POS, "JX") && (m.Surface == "은" || m.Surface == "는") && (strings.HasPrefix(ms[i-1].POS, "N") || strings.HasPrefix(ms[i-1].POS, "XSN") || ms[i-1].POS == "SL") {
			n++
		}
	}
	return n
}

// handsOver reports whether the subject a sentence opens with (a noun
// phrase and 이/가 or 은/는) is left behind by the sentence: a connective
// ending closes its clause and a later noun takes 은/는 as the topic of
// the rest ("A가 …하면, B는 …"), or the subject's clause ends in an
// embedded question that is the topic ("A가 얼마나 필요한지는 …"). A
// relative clause ("A가 가능한 이유는 …") and a pronoun taking up the
// subject ("…있는데, 이는 …") hand nothing over.
func handsOver(ms []text.Morph) bool {
	start := -1
	for i, m := range ms {
		if i > 0 && (hasTag(m.POS, "JKS") || hasTag(m.POS, "JX") && (m.Surface == "은" || m.Surface == "는")) && (strings.HasPrefix(ms[i-1].POS, "N") || ms[i-1].POS == "XSN" || ms[i-1].POS == "SL") {
			start = i
			break
		}
		if !strings.HasPrefix(m.POS, "N") && m.POS != "SL" && m.POS != "SH" && m.POS != "SN" && m.POS != "XSN" && m.POS != "XPN" {
			return false // the sentence does not open with its subject
		}
	}
	if start < 0 {
		return false
	}
	clause := false
	for i := start + 1; i < len(ms); i++ {
		m := ms[i]
		topic := hasTag(m.POS, "JX") && (m.Surface == "은" || m.Surface == "는")
		if topic && hasTag(ms[i-1].POS, "EC") && embeddedQuestion(ms[i-1].Surface) {
			return true // "…필요한지는": an embedded question is the topic
		}
		if topic && clause && (strings.HasPrefix(ms[i-1].POS, "NN") && ms[i-1].POS != "NNB" || ms[i-1].POS == "XSN" || ms[i-1].POS == "SL") {
			return true
		}
		if hasTag(m.POS, "EC") {
			clause = true
		}
	}
	return false
}

// embeddedQuestion reports whether a connective ending closes an embedded
// question ("필요한지", "있는지", "할지"); not the 지 of a negation ("하지
// 않다").
func embeddedQuestion(surface string) bool {
	return surface != "지" && strings.HasSuffix(surface, "지") && !strings.HasSuffix(surface, "하지") || strings.HasSuffix(surface, "한지")
}

// nominalEnding reports whether a sentence ends in a verb made a noun by
// -기 ("모호함 없이 설명하기", "자동으로 멈추도록 설정하기").
func nominalEnding(ms []text.Morph) bool {
	i := lastContent(ms)
	return i >= 0 && hasTag(ms[i].POS, "ETN") && ms[i].Surface == "기"
}

// hasTopic reports whether morphemes hold a topic particle (은/는): the
// sentence says what it is about, even past an opening clause ("0으로
// 설정할 때, 모델은 …").
func hasTopic(ms []text.Morph) bool {
	for i, m := range ms {
		// 은/는/도 right after a noun ("모델은", "평가자도"); not after
		// another particle ("관점에서는", "작업에도").
		if hasTag(m.POS, "JX") && (m.Surface == "은" || m.Surface == "는" || m.Surface == "ㄴ" || m.Surface == "도" || m.Surface == "란" || m.Surface == "이란") && i > 0 && !strings.HasPrefix(ms[i-1].POS, "J") {
			return true
		}
	}
	return caseTopic(ms)
}

// traitNouns name a merit or flaw something has: "…다는 단점이 있다".
var traitNouns = map[string]bool{"장점": true, "단점": true, "특징": true, "한계": true, "이점": true, "약점": true, "강점": true, "문제점": true, "장단점": true}

// propertyClaim reports a sentence that ends saying a merit or flaw
// (traitNouns) exists ("…힘들다는 단점이 있다", "…단순하게 작성할 수 있는
// 장점이 있다") and marks no topic of its own: it describes something it
// does not name.
func propertyClaim(ms []text.Morph) bool {
	i := lastContent(ms)
	for i >= 0 && strings.HasPrefix(ms[i].POS, "E") {
		i-- // the endings after the stem
	}
	if i >= 2 && attributes(ms, i) {
		return true
	}
	if i < 2 || !strings.HasPrefix(ms[i].Surface, "있") || !(hasTag(ms[i].POS, "VA") || hasTag(ms[i].POS, "VV")) {
		return false
	}
	if !hasTag(ms[i-1].POS, "JKS") || !strings.HasPrefix(ms[i-2].POS, "NN") || !traitNouns[ms[i-2].Surface] {
		return false
	}
	return !hasTopic(ms[:i-2])
}

// attributes reports a sentence that only gives attributes: each of its
// clauses an attribute noun and the adjective of its degree ("보일러플레이트가
// 적고 난이도가 쉽다"), with no topic, its last adjective at i. Korean
// leaves what has the attributes ("Recoil은") to the heading or line above.
func attributes(ms []text.Morph, i int) bool {
	if !hasTag(ms[i].POS, "VA") || !hasTag(ms[i-1].POS, "JKS") || !strings.HasPrefix(ms[i-2].POS, "NN") || hasTopic(ms[:i]) {
		return false
	}
	for k := 1; k < i; k++ {
		if hasTag(ms[k].POS, "JKS") && (k+1 >= len(ms) || !hasTag(ms[k+1].POS, "VA") || !strings.HasPrefix(ms[k-1].POS, "NN")) {
			return false // a subject doing something, or of a clause of another kind
		}
	}
	return true
}

// caseTopic reports "X의 경우(에는/도) …": X is set up as what the
// sentence is about, as a topic particle would.
func caseTopic(ms []text.Morph) bool {
	for i := 2; i < len(ms); i++ {
		if ms[i].Surface == "경우" && strings.HasPrefix(ms[i].POS, "NNG") && hasTag(ms[i-1].POS, "JKG") && ms[i-1].Surface == "의" &&
			(strings.HasPrefix(ms[i-2].POS, "NN") || ms[i-2].POS == "SL" || strings.HasPrefix(ms[i-2].POS, "SSC")) {
			return true
		}
	}
	return false
}

// copulaEnding reports whether a sentence ends in "…것이다" or "…N이다":
// it says what something is.
func copulaEnding(ms []text.Morph) bool {
	i := lastContent(ms)
	for k := i; k >= 0 && k >= i-2; k-- {
		if hasTag(ms[k].POS, "VCP") {
			return k > 0 && strings.HasPrefix(ms[k-1].POS, "NN")
		}
	}
	return false
}

// meaningEnding reports whether a sentence ends in "…을 의미(한다)" or
// "…을 뜻한다": it says what something means.
func meaningEnding(ms []text.Morph) bool {
	i := lastContent(ms)
	for k := i; k >= 0 && k >= i-2; k-- {
		if ms[k].Surface == "의미" || ms[k].Surface == "뜻" {
			return true
		}
	}
	return false
}

// hasSubjectParticle reports whether morphemes hold a subject particle
// (이/가): the clause names who or what it is about.
func hasSubjectParticle(ms []text.Morph) bool { return hasPOS(ms, "JKS") }

// pointEndings are the connective endings by which a sentence gives a
// reason, a condition, a concession ("바꿔도", "하더라도") or a contrast:
// it argues something rather than describing it.
var pointEndings = []string{"므로", "지만", "으나", "는데", "은데", "ㄴ데", "면", "수록", "도"}

// pointWords are the words by which a sentence compares, weighs or
// negates: a reason (때문, 덕분), a contrast (반면, 대신, 아니다, 않다),
// a degree (가장, 더, 훨씬, 오히려, 반드시) or a judgement (중요, 필요,
// 어렵다, 다르다), each checked with its part of speech.
var pointWords = map[string]string{
	"때문": "NNB", "덕분": "NNG", "반면": "NNG", "대신": "NNG",
	"가장": "MAG", "더": "MAG", "훨씬": "MAG", "오히려": "MAG", "반드시": "MAG", "못": "MAG",
	"중요": "*", "필요": "NNG", "핵심": "NNG",
}

// pointStems are predicates that weigh or negate, by their first tag.
var pointStems = map[string]string{"아니": "VCN", "않": "VX", "없": "VA", "어렵": "VA", "어려": "VA", "다르": "VA", "다름": "VA", "달라": "VA", "달랐": "VA", "쉽": "VA"}

// pointStemList is pointStems as a list: a morpheme is checked against
// every stem, and ranging over a slice is much cheaper than over a map.
var pointStemList = stemList(pointStems)

// taggedStem is a stem with the tag it has in the dictionary.
type taggedStem struct{ stem, tag string }

// stemList returns the stems of a map of stems to tags as a list.
func stemList(m map[string]string) []taggedStem {
	out := make([]taggedStem, 0, len(m))
	for stem, tag := range m {
		out = append(out, taggedStem{stem, tag})
	}
	return out
}

// pointMaking reports whether a sentence makes a point: it gives a reason
// or a condition, concedes, contrasts, compares or judges ("…하므로",
// "…보다 더", "…가 아니라", "가장 중요한"), as opposed to describing or
// defining something ("X는 Y로 측정된다", "X는 Y를 말한다"). Without
// morphology every sentence may make one.
func pointMaking(ms []text.Morph) bool {
	if ms == nil {
		return true
	}
	for _, m := range ms {
		first := m.POS
		if j := strings.IndexByte(first, '+'); j >= 0 {
			first = first[:j]
		}
		if hasTag(m.POS, "EC") {
			for _, e := range pointEndings {
				if strings.HasSuffix(m.Surface, e) && !strings.HasSuffix(m.Surface, "거나") {
					return true
				}
			}
		}
		if m.POS == "JKB" && m.Surface == "보다" {
			return true
		}
		if p, ok := pointWords[m.Surface]; ok && (p == "*" || p == first) {
			return true
		}
		for _, st := range pointStemList {
			if stem, p := st.stem, st.tag; p != "" && first == p && strings.HasPrefix(m.Surface, stem) {
				return true
			}
		}
	}
	return false
}

// reDeclared matches a type a code block declares: "class Movie",
// "public interface RatePolicy", "type PayMethodType<…>", "enum Level";
// or a test double it makes ("new TestUserService(…)", "new MockUserDao(…)"),
// which is the example's own too (a library's "new ArrayList<>()" is not).
var reDeclared = regexp.MustCompile(`\b(?:class|interface|enum|record|type|struct|trait|object)\s+([A-Z][A-Za-z0-9_]{3,})|\bnew\s+((?:Test|Mock|Fake|Stub|Dummy)[A-Z][A-Za-z0-9_]*)`)

// exampleTypes returns the types a note's code blocks declare: the book's
// running example, whose classes a walkthrough acts on.
func exampleTypes(doc *note.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Kind != note.KindCode {
			continue
		}
		for _, m := range reDeclared.FindAllStringSubmatch(b.Text, -1) {
			name := m[1] + m[2] // a declared type, or a test double the code makes ("new TestUserService(…)")
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// namesAny reports whether t names one of the words as a word of its own
// (not inside a longer identifier: "UserService" in "UserServiceImpl" is
// no mention of it).
func namesAny(t string, words []string) bool {
	for _, w := range words {
		for i := strings.Index(t, w); i >= 0; {
			end := i + len(w)
			if (i == 0 || !isIdentByte(t[i-1])) && (end == len(t) || !isIdentByte(t[end])) {
				return true
			}
			j := strings.Index(t[end:], w)
			if j < 0 {
				break
			}
			i = end + j
		}
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// hasCondition reports a sentence with a conditional clause ("…다면",
// "…하려면", "…면"), not the "…하면 좋은" of a noun's modifier ("따르면
// 좋은 몇 가지 전략").
func hasCondition(ms []text.Morph) bool {
	for k, m := range ms {
		if hasTag(m.POS, "EC") && strings.HasSuffix(m.Surface, "면") && !(k+1 < len(ms) && lemma(ms[k+1]) == "좋" && modifies(ms, k+1)) {
			return true
		}
	}
	return false
}

// conditionalAction reports a sentence whose condition is an action on
// something and whose main clause acts on something too: "모델을 직접
// 운영하면 만료 정책을 조정할 수 있다", "장애 원인을 파악하면 스크립트를 작성해
// 복구할 수 있다". A setting before it ("실무에서는 …") changes nothing. A
// purpose ("…하려면"), a clause after a topic ("어떤 사람들은 …하려면") or a
// consequence without an object ("…하면 창의성이 떨어질 수 있다") is none.
func conditionalAction(ms []text.Morph) bool {
	obj, subj := false, false
	for k, m := range ms {
		if hasTag(m.POS, "ETM") {
			subj = false // "모델이 자주 하는 실수를": the subject of a relative clause
		}
		switch {
		case m.POS == "JKO":
			obj = true
		case m.POS == "JKS":
			subj = true
		case m.POS == "JX" && (m.Surface == "은" || m.Surface == "는") && !(k > 0 && (ms[k-1].POS == "JKB" || ms[k-1].Surface == "때")):
			return false // a topic, not a setting ("실무에서는", "배치 작업에는", "…할 때는")
		case obj && hasTag(m.POS, "EC") && strings.HasSuffix(m.Surface, "면") && !strings.HasSuffix(m.Surface, "려면") && k > 0:
			if subj {
				return false // "모델이 …를 따르도록 학습하면": the condition's actor is named, not the reader
			}
			p := ms[k-1]
			if strings.Contains(m.POS, "+") {
				p = m // "파악하면" may come as one morpheme
			}
			f := strings.Split(p.POS, "+")[0]
			if adoption(ms, k, p, f) && !doingAt(ms[:k]) {
				// "오픈 데이터를 사용하면 …할 수 있다": what an option gives,
				// the book's account of it. Under a situation of the
				// reader's work ("…를 추가할 때 …를 사용하면 …") it is
				// advice for that situation.
				return false
			}
			return (f == "VV" || f == "XSV") && hasObject(ms[k+1:]) && !mainSubject(ms[k+1:])
		}
	}
	return false
}

// whenDoing reports a sentence that names a situation of doing something
// to an object before what to do in it: a verb with its object and "…할
// 때(는|에는)" ("싱글톤 빈으로 쓰일 클래스를 만들 때는 …"). A rule said for
// such a situation is one the reader can follow in their own code.
func whenDoing(ms []text.Morph) bool {
	k := doingWhen(ms)
	return k >= 0 && k+1 < len(ms) && (ms[k+1].Surface == "는" || ms[k+1].Surface == "에")
}

// doingAt reports a situation of doing something to an object anywhere
// in ms, with or without a particle after 때 ("props를 추가할 때 …").
func doingAt(ms []text.Morph) bool { return doingWhen(ms) >= 0 }

// doingWhen returns the index of the first 때 that closes a verb with its
// object ("…를 만들 때"), or -1.
func doingWhen(ms []text.Morph) int {
	obj := false
	for k, m := range ms {
		switch {
		case m.POS == "JKO":
			obj = true
		case obj && m.Surface == "때" && (m.POS == "NNG" || m.POS == "NNB") && k > 0 && hasTag(ms[k-1].POS, "ETM"):
			f := strings.Split(ms[k-1].POS, "+")[0]
			if f == "VV" || f == "XSV" || f == "ETM" && k > 1 && (hasTag(ms[k-2].POS, "VV") || hasTag(ms[k-2].POS, "XSV")) {
				return k
			}
		}
	}
	return -1
}

// obligation reads the first obligation ("…해야") of ms, for the
// obligations that are no action of the reader's: whether a named thing
// must do it ("객체들이 … 책임을 알아야 한다": a subject before the
// obligation, outside a modifier clause), whether it is to know, understand
// or tell apart something ("…를 알아야 한다", "A와 B를 구분해야 한다"), and
// whether a cause forces it ("…으로 인해 함수를 빈번하게 수정해야 한다": a
// burden described, not advice; a cause before any obligation reports only
// that).
func obligation(ms []text.Morph) (subject, know, caused bool) {
	for k, m := range ms {
		switch {
		case m.POS == "JKS":
			subject = true
		case hasTag(m.POS, "ETM"):
			subject = false // "…하는 값을": the subject of a modifier clause
		case strings.HasPrefix(m.Surface, "인해") || strings.HasPrefix(m.Surface, "인하여"):
			return false, false, true
		case hasTag(m.POS, "EC") && strings.HasSuffix(m.Surface, "야"):
			v := m // "알아야" as one morpheme
			if k > 0 && (!strings.Contains(m.POS, "+") || strings.HasPrefix(m.POS, "XSV")) {
				v = ms[k-1] // "알/VV 아야/EC", "이해/NNG 해야/XSV+EC"
			}
			return subject, strings.HasPrefix(v.Surface, "알") || knowing[v.Surface], false
		case hasTag(m.POS, "EF") && m.Surface == "자" && k >= 2 && (hasTag(ms[k-1].POS, "XSV") || hasTag(ms[k-1].POS, "XSA")):
			// "…와 마찬가지로 생각하자", "…로 이해하자": a way to see
			// something the book proposes, not a step to take.
			if n := ms[k-2].Surface; n == "생각" || knowing[n] {
				return subject, true, false
			}
		}
	}
	return false, false, false
}

// knowing are the verbal nouns of knowing or telling apart: "…를 이해해야
// 한다", "A와 B를 구분해야 한다" says what to understand, not what to do.
var knowing = map[string]bool{"이해": true, "구분": true, "구별": true, "기억": true}

// changeVerbs turn something into something else ("…로 변경하다",
// "…로 바꾸다"): they need an object, what is changed.
var changeVerbs = map[string]bool{"변경": true, "바꾸": true, "전환": true, "교체": true, "치환": true, "대체": true, "수정": true}

// changesUnnamed reports a sentence that says what to change something
// into and not what: a result with 로/으로, a verb of change after it and
// no object anywhere ("정수형 상수로 변경하는 것이 좋은 방법이다"). What is
// changed is on a line above.
func changesUnnamed(ms []text.Morph) bool {
	into := false
	for k, m := range ms {
		switch {
		case hasTag(m.POS, "JKO"):
			return false
		case hasTag(m.POS, "JKB") && (m.Surface == "로" || m.Surface == "으로"):
			into = true
		case into && (changeVerbs[m.Surface] && (strings.HasPrefix(m.POS, "NNG") && k+1 < len(ms) && hasTag(ms[k+1].POS, "XSV") || strings.HasPrefix(m.POS, "VV"))):
			return true
		}
	}
	return false
}

// timeOrCase reports a sentence that names a time or a case it holds in:
// the noun 때 ("…될 때마다", not 때문) or 경우 ("객체의 경우").
func timeOrCase(ms []text.Morph) bool {
	for _, m := range ms {
		if m.Surface == "때" && strings.HasPrefix(m.POS, "NN") || m.Surface == "경우" && strings.HasPrefix(m.POS, "NNG") {
			return true
		}
	}
	return false
}

// purposeClause reports "…하기 위해서는", "…위해선": what a purpose takes,
// how a thing works rather than advice.
func purposeClause(ms []text.Morph) bool {
	for k, m := range ms {
		if !strings.HasPrefix(m.POS, "VV") {
			continue
		}
		if strings.HasPrefix(m.Surface, "위해선") || m.Surface == "위해서" && k+1 < len(ms) && ms[k+1].Surface == "는" {
			return true
		}
	}
	return false
}

// adoptionNouns are verbal nouns of taking up an option as it is: to use,
// adopt or choose something.
var adoptionNouns = map[string]bool{"사용": true, "이용": true, "활용": true, "도입": true, "채택": true, "선택": true}

// Adopted returns the option a sentence opens by taking up, "" when it
// opens otherwise: "any를 사용하면 타입 검사를 하지 않고 …" → "any". Such a
// sentence is about that option, whatever heading it stands under.
func Adopted(body string) string {
	ms := text.Read(body).Morphs
	k := 0
	for k < len(ms) && (strings.HasPrefix(ms[k].POS, "NN") || ms[k].POS == "SL" || ms[k].POS == "SN") {
		k++
	}
	if k == 0 || k >= len(ms) || ms[k].POS != "JKO" {
		return ""
	}
	for e := k + 1; e < len(ms) && e <= k+3; e++ {
		if !hasTag(ms[e].POS, "EC") {
			continue
		}
		if !strings.HasSuffix(ms[e].Surface, "면") || strings.HasSuffix(ms[e].Surface, "려면") {
			return ""
		}
		p := ms[e-1]
		if strings.Contains(ms[e].POS, "+") {
			p = ms[e]
		}
		if !adoption(ms, e, p, strings.Split(p.POS, "+")[0]) {
			return ""
		}
		var b strings.Builder
		for j := 0; j < k; j++ {
			if j > 0 && ms[j].Space {
				b.WriteByte(' ')
			}
			b.WriteString(ms[j].Surface)
		}
		return b.String()
	}
	return ""
}

// adoption reports whether the condition ending at k (its verb p, first
// tag f) only takes up an option: "…를 사용하면", "…를 쓰면", "자체 호스팅을
// 하면". What follows is what the option gives, an advantage the book
// lists, not a step the reader takes.
func adoption(ms []text.Morph, k int, p text.Morph, f string) bool {
	if f == "XSV" && k >= 2 && ms[k-1] == p {
		return adoptionNouns[ms[k-2].Surface]
	}
	if f == "VV" {
		if strings.HasPrefix(p.Surface, "쓰") || strings.HasPrefix(p.Surface, "써") {
			return true
		}
		// "…을 하면": a verbal noun as the object of 하다
		at := k - 1
		if p == ms[k] {
			at = k
		}
		return strings.HasPrefix(p.Surface, "하") && at >= 1 && ms[at-1].POS == "JKO"
	}
	return false
}

// ordinalInstance reports whether morphemes name a particular thing by
// its ordinal ("네 번째 사용자", "2번째 요청"): the data of a worked
// example. An ordinal that counts a list of kinds ("두 번째 방법", "첫
// 번째 단계") picks an item of the list and is no such instance.
func ordinalInstance(ms []text.Morph) bool {
	for i := 0; i+2 < len(ms); i++ {
		if ms[i].Surface != "번" || !hasTag(ms[i].POS, "NNBC") || ms[i+1].Surface != "째" {
			continue
		}
		if n := ms[i+2]; (strings.HasPrefix(n.POS, "NNG") || strings.HasPrefix(n.POS, "NNP")) && !listItem(n.Surface) {
			return true
		}
	}
	return false
}

// listItem reports whether a noun names an item of a list of kinds rather
// than a thing of the example ("두 번째 방법", "세 번째 이유"): what a
// passage lists (announceNouns), a trait (traitNouns), or one of
// listWords.
func listItem(n string) bool { return listWords[n] || announceNouns[n] || traitNouns[n] }

// listWords are the list items announceNouns and traitNouns leave out:
// steps, rules, cases, examples, parts of a book.
var listWords = map[string]bool{"단계": true, "원칙": true, "규칙": true, "경우": true, "문제": true,
	"예": true, "예시": true, "예제": true, "조건": true, "목표": true, "항목": true, "장": true, "절": true}

// genericObject reports whether the object of the sentence's last action
// is an everyday word ("코드를 검토해야 함", "여러 방법을 써 보자"):
// with no specific term elsewhere, such advice is a platitude.
func genericObject(ms []text.Morph) bool {
	for k := len(ms) - 1; k > 0; k-- {
		if hasTag(ms[k].POS, "EC") && !finalPredicate(ms, k) {
			return false // "…에 취약한지 파악해야": the action's object is a clause
		}
		if ms[k].POS == "JKO" {
			// A bare everyday noun, not one a clause describes
			// ("어느 정도의 성능이 필요한지 기준을").
			return generic[ms[k-1].Surface] && (k < 2 || !(hasTag(ms[k-2].POS, "EC") && strings.HasSuffix(ms[k-2].Surface, "지")) && !strings.HasSuffix(ms[k-2].POS, "ETM"))
		}
	}
	return false
}

// mainSubject reports whether the last clause of morphemes names its own
// subject or topic ("…하면 모델이 …할 수 있다"): what follows a condition
// is then what something else does, not what the reader gets. A subject
// inside an earlier clause ("트래픽이 많을수록 재구축 비용을 줄일 수 있다") is none.
func mainSubject(ms []text.Morph) bool {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if hasTag(m.POS, "EC") && !finalPredicate(ms, k) {
			return false
		}
		if m.POS == "JKS" || m.POS == "JX" && (m.Surface == "은" || m.Surface == "는") {
			return true
		}
	}
	return false
}

// announceNouns name what a passage goes on to list: its pros and cons,
// differences, kinds, ways, reasons.
var announceNouns = map[string]bool{"장단점": true, "장점": true, "단점": true, "차이": true, "차이점": true, "종류": true, "유형": true,
	"방법": true, "방식": true, "요인": true, "이유": true, "특징": true, "한계": true, "문제점": true}

// likenessWords modify 점 in "다른 점이 있다", "비슷한 점이 있다".
var likenessWords = set("다른 같은 비슷한 닮은 공통된 공통적인 유사한")

// likeness reports whether the morpheme at i, with the root before it
// when it is a suffix ("비슷" + "한"), is one of likenessWords.
func likeness(ms []text.Morph, i int) bool {
	w := ms[i].Surface
	if i > 0 && (hasTag(ms[i].POS, "XSA") || hasTag(ms[i].POS, "XSV")) {
		w = ms[i-1].Surface + w
	}
	return likenessWords[w]
}

// announcesOnly reports a sentence that only says there are such things
// ("각각 장단점이 있다", "세 가지 종류가 있다", "분명한 차이가 있다")
// without saying which: the lead-in to what comes next, no point of its
// own. A noun a clause describes ("…를 줄이는 장점이 있다") says which.
func announcesOnly(ms []text.Morph) bool {
	i := lastContent(ms)
	for i > 0 && (hasTag(ms[i].POS, "EF") || hasTag(ms[i].POS, "EC") || hasTag(ms[i].POS, "EP")) && !strings.HasPrefix(ms[i].Surface, "있") {
		i--
	}
	if i < 2 || !strings.HasPrefix(ms[i].Surface, "있") && !strings.HasPrefix(ms[i].Surface, "존재") {
		return false
	}
	j := i - 1
	if hasTag(ms[j].POS, "JKS") || hasTag(ms[j].POS, "JX") {
		j--
	}
	if j > 0 && ms[j].Surface == "점" && likeness(ms, j-1) {
		// "…와 다른 점이 있다", "…와 비슷한 점이 있다": a difference or
		// likeness announced, not said
		return true
	}
	if j < 0 || !announceNouns[ms[j].Surface] {
		return false
	}
	if j > 0 && clauseModifier(ms, j-1) {
		return false // "…를 줄이는 장점이 있다", "…가 높다는 단점이 있다": which one
	}
	// In the last clause, an adverbial phrase says in what ("…에 중점을
	// 둔다는 점에서 차이가 있다"); a topic with it ("캐시에는") does not.
	for k := j - 1; k >= 0 && !hasTag(ms[k].POS, "EC"); k-- {
		if hasTag(ms[k].POS, "JKB") && (k+1 >= len(ms) || !hasTag(ms[k+1].POS, "JX")) {
			return false
		}
	}
	return true
}

// arrival reports a sentence whose last predicate only says that things
// appeared ("…를 자동화하는 도구들이 등장했다", "새 캐시 서버들이
// 나타났다"): a plural subject arriving introduces what the text goes on
// to name; it makes no point of its own.
func arrival(ms []text.Morph) bool {
	i := lastContent(ms)
	for i > 0 && (hasTag(ms[i].POS, "EF") || hasTag(ms[i].POS, "EP") && !hasTag(ms[i].POS, "VV") && !hasTag(ms[i].POS, "XSV")) {
		i--
	}
	if i < 2 {
		return false
	}
	j := -1
	switch {
	case hasTag(ms[i].POS, "XSV") && (ms[i-1].Surface == "등장" || ms[i-1].Surface == "출현" || ms[i-1].Surface == "탄생"):
		j = i - 2
	case hasTag(ms[i].POS, "VV") && (strings.HasPrefix(ms[i].Surface, "나타나") || strings.HasPrefix(ms[i].Surface, "나타났") || strings.HasPrefix(ms[i].Surface, "생겨나") || strings.HasPrefix(ms[i].Surface, "생겨났")):
		j = i - 1
	}
	if j < 1 || !hasTag(ms[j].POS, "JKS") && !hasTag(ms[j].POS, "JX") {
		return false
	}
	return ms[j-1].Surface == "들" && hasTag(ms[j-1].POS, "XSN")
}

// clauseModifier reports whether the morpheme at k closes a clause that
// modifies the noun after it ("줄이는", "높다는", "…라는"), not a bare
// adjective ("분명한").
func clauseModifier(ms []text.Morph, k int) bool {
	if !hasTag(ms[k].POS, "ETM") {
		return false
	}
	verbal := func(pos string) bool {
		for _, t := range []string{"VV", "XSV", "VCP", "VCN", "VX", "EP", "EC", "EF"} {
			if hasTag(pos, t) {
				return true
			}
		}
		return false
	}
	if verbal(ms[k].POS) || strings.HasSuffix(ms[k].Surface, "다는") || strings.HasSuffix(ms[k].Surface, "라는") {
		return true // "…가 높다는 단점": a content clause
	}
	return k > 0 && verbal(ms[k-1].POS)
}

// reStepOpener matches the words a walkthrough orders its steps with, at
// the start of a sentence: 가장 먼저, 먼저, 우선, 이제, 그 다음, 다음으로,
// 마지막으로, and the state before the step, 지금까지는, 이전에는, 기존에는.
var reStepOpener = regexp.MustCompile(`^(가장 먼저|먼저|우선|이제는?|그 ?다음에?|다음으로|마지막으로|지금까지는?|이전에는|기존에는)[ ,]`)

// stepOpener reports a sentence that opens on the order of a walkthrough
// ("가장 먼저 add()의 SQL을 외부로 뺀다", "이제 Category로 한식만 올 수 있기
// 때문에 …", "지금까지는 …했지만 이제는 …바꿀 것이다"): the book taking its
// example one step further. When a verb that modifies a noun follows the
// opener ("가장 먼저 해야 할 질문은 …"), the opener belongs to that noun
// phrase and the sentence states a principle.
func stepOpener(body string, ms []text.Morph) bool {
	m := reStepOpener.FindString(body)
	if m == "" {
		return false
	}
	// The word after the opener starts at the morpheme after as many
	// spaces as the opener holds.
	words := strings.Count(strings.TrimRight(m, " ,"), " ") + 1
	seen := 0
	for i, mo := range ms {
		if i > 0 && mo.Space {
			seen++
		}
		if seen < words {
			continue
		}
		if !strings.HasPrefix(mo.POS, "VV") && !strings.HasPrefix(mo.POS, "VX") {
			return true
		}
		// the rest of the verb's word, and an auxiliary verb after it
		// ("해야 할"): does the verb end in a modifier?
		for j := i; j < len(ms); j++ {
			if j > i && ms[j].Space && !(strings.HasSuffix(ms[j-1].POS, "EC") && (strings.HasPrefix(ms[j].POS, "VX") || strings.HasPrefix(ms[j].POS, "VV"))) {
				break
			}
			if strings.HasSuffix(ms[j].POS, "ETM") {
				return false
			}
		}
		return true
	}
	return false
}
