package offline

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/text"
)

// Headline names the concept a sentence is about, as a noun phrase: the
// sentence's subject ("비교 평가는 …" → 비교 평가) or an emphasised noun
// phrase. It is "" when none fits: no headline beats a vague one. Clauses, numbers and everyday words never head a bullet.
func Headline(s analyze.Sentence) string {
	// The subject of a property claim ("라이브러리가 … 검증되지 않았다는 단점이
	// 있다") is the property's: what has it is not named.
	// "스레드끼리는 …": what the sentence is about is 스레드, among
	// themselves.
	subj := strings.TrimSuffix(s.Subject, "끼리")
	if subj != "" && !s.Property && headWorthy(subj) && named(subj) && mainTopic(s, s.Subject) && !advice(s) {
		return subj
	}
	for _, e := range s.Emphasis {
		// An emphasised phrase heads the bullet only when the sentence
		// is about it: it opens the sentence as its topic, not as an
		// example or a term of comparison ("**X**처럼 …").
		if h, ok := emphasisHead(e); ok && headWorthy(h) && named(h) && strings.HasPrefix(s.Body, h) && mainTopic(s, h) {
			return h
		}
	}
	return ""
}

// BoldHead returns the term a member set in bold in a sentence when the
// sentence is about it, or "": the one bold noun phrase of a sentence
// with no subject of its own ("…판매한다면 **방어 가능성**을 고려해야
// 한다"), or a bold term the sentence marks as its topic or subject
// further in ("…즉, **병목 현상**은 …"). Several bold spans, a bold
// clause, an example or a term of comparison ("**X**처럼", "**X**보다")
// head nothing.
func BoldHead(s analyze.Sentence) string {
	var heads []string
	for _, e := range s.Emphasis {
		if h, ok := emphasisHead(e); ok && headWorthy(h) && named(h) {
			heads = append(heads, h)
		} else if utf8.RuneCountInString(analyze.Clean(e)) > 1 {
			return "" // a bold clause beside it: the member stressed a point, not a term
		}
	}
	if len(heads) != 1 || s.Voice.Question {
		return ""
	}
	h := heads[0]
	i := strings.Index(s.Body, h)
	if i < 0 {
		return ""
	}
	rest := s.Body[i+len(h):]
	if likenedAt(rest) {
		return ""
	}
	for _, p := range []string{"의 예", "을 예로", "를 예로"} {
		if strings.HasPrefix(rest, p) {
			return ""
		}
	}
	if s.Subject != "" && !looseSubject(s) && analyze.Key(s.Subject) != analyze.Key(h) {
		return "" // "X는 **Y**가 많아서 …": the sentence is about X
	}
	if !s.OwnSubject {
		return h
	}
	for _, p := range []string{"은 ", "는 ", "이 ", "가 "} {
		if strings.HasPrefix(rest, p) {
			return h // "…즉, X는 …": the sentence's own subject
		}
	}
	return ""
}

// advice reports whether a sentence advises thinking about something
// ("X는 … 롤백 절차까지 생각해야 한다", "…를 고려해야 한다"): its
// point is what to think about, and the topic it opens with is only the
// setting, so the subject does not name it. Advice on the subject itself
// ("X는 쓰지 않는 것이 좋다") keeps it.
func advice(s analyze.Sentence) bool {
	if !s.Voice.Should && !s.Voice.Recommend {
		return false
	}
	for _, v := range []string{"생각해야", "고민해야", "고려해야", "염두에 두어야", "염두에 둬야", "생각하는 것이 좋", "고민하는 것이 좋", "고려하는 것이 좋"} {
		if strings.Contains(s.Body, v) {
			return true
		}
	}
	return false
}

// FrameHead reports whether the label a list item hangs from can head
// the item's bullet: a label naming a concept, not the collection the item
// is one member of ("배포 과정" above one step, "장점" above one
// advantage); a headline promising the whole list over one of its items
// is vague. A question under a label asks what the label does not name.
func FrameHead(frame string, item analyze.Sentence) bool {
	if len(conjuncts(frame)) > 1 && (item.OwnSubject || item.Subject != "") {
		return false // "A와 B" above an item on something of its own: the item's subject is its topic
	}
	return labelHead(frame) && !setNoun(lastNoun(frame)) && !item.Voice.Question
}

// setNouns name a collection whose members a list under them enumerates:
// steps of a process or of a plan or strategy, kinds, parts, merits,
// cases. Nouns of one relation
// (원인, 이유, 역할) are not: one item can be all of it.
var setNouns = map[string]bool{
	"과정": true, "단계": true, "절차": true, "순서": true, "흐름": true, "방법": true, "방법론": true, "방안": true,
	"종류": true, "유형": true, "분류": true, "구성": true, "요소": true, "구성요소": true, "목록": true, "예시": true, "사례": true,
	"특징": true, "특성": true, "장점": true, "단점": true, "장단점": true, "조건": true, "원칙": true, "기준": true,
	"사항": true, "고려사항": true, "문제점": true, "예": true, "팁": true,
	"계획": true, "기획": true, "전략": true, // what to do, step by step
	"양면성": true, // "X의 양면성": its two sides, each item one of them
}

// setNoun reports whether a noun names a set its list enumerates.
func setNoun(n string) bool { return setNouns[n] }

// lastNoun returns the head of a noun phrase: its last noun ("캐시
// 설계의 원칙" → 원칙).
func lastNoun(h string) string {
	ms := text.Read(h).Morphs
	if ms == nil {
		f := strings.Fields(h)
		if len(f) == 0 {
			return ""
		}
		return f[len(f)-1]
	}
	last := ""
	for i, m := range ms {
		switch {
		case strings.HasPrefix(m.POS, "NN"):
			if i > 0 && !m.Space && (strings.HasPrefix(ms[i-1].POS, "NN") || ms[i-1].POS == "XSN") && last != "" {
				last += m.Surface
			} else {
				last = m.Surface
			}
		case m.POS == "XSN" && last != "":
			last += m.Surface
		}
	}
	return last
}

// plural reports whether a noun phrase names a group of actors by the
// plural suffix 들 ("캐시 서버들", "운영자들"): the sentence says
// what they do, not what a concept is.
func plural(h string) bool {
	return strings.HasSuffix(h, "들") && utf8.RuneCountInString(h) > 2
}

// headWorthy reports whether a phrase can head a bullet: a specific,
// meaningful noun phrase of reasonable length.
func headWorthy(h string) bool {
	n := utf8.RuneCountInString(h)
	if n < 2 || n > 24 || len(strings.Fields(h)) > 4 {
		return false
	}
	if !analyze.Meaningful(h) || !analyze.Specific(h) || analyze.CueHeading(h) || genericHeading(h) || plural(h) || partOf(h) || placeholder(h) || everydayOnly(h) {
		return false
	}
	return nounPhrase(h)
}

// remedyWords are the nouns of a section that fixes something: 개선,
// 해결, 해결책, 해결 방법, 방안, 대안.
var remedyWords = map[string]bool{"개선": true, "해결": true, "해결책": true, "방법": true, "방안": true, "대안": true, "책": true}

// everydayOnly reports a phrase that names a fix of nothing specific
// ("코드 개선", "해결방법"): its last noun is a remedy and every other
// noun an everyday word. The section's errand, no concept to head a
// bullet; "성능 개선" or "캐시 무효화 방안" name what they fix.
func everydayOnly(h string) bool {
	ms := text.Read(h).Morphs
	last := ""
	for _, m := range ms {
		if !strings.HasPrefix(m.POS, "NN") && m.POS != "SL" {
			continue
		}
		if !remedyWords[m.Surface] && !analyze.Everyday(m.Surface) {
			return false
		}
		last = m.Surface
	}
	return remedyWords[last]
}

// placeholderKinds are the kinds of thing an example names by a letter.
var placeholderKinds = map[string]bool{
	"타입": true, "클래스": true, "객체": true, "함수": true, "메서드": true, "메소드": true, "인터페이스": true,
	"컴포넌트": true, "모듈": true, "변수": true, "값": true, "모델": true, "서버": true, "노드": true, "테이블": true,
}

// placeholder reports a name an example gives by a letter ("A 타입", "B
// 클래스"): it stands for whatever the example's code shows, not for a
// concept ("C 언어" and "B 트리" are concepts).
func placeholder(h string) bool {
	letter, kind, ok := strings.Cut(h, " ")
	return ok && len(letter) == 1 && (letter[0] >= 'A' && letter[0] <= 'Z' || letter[0] >= 'a' && letter[0] <= 'z') && placeholderKinds[kind]
}

// partNouns name a share of a group ("일부 도구", "대부분의 모델"): the
// phrase picks some members of a kind out, it does not name a concept.
var partNouns = map[string]bool{
	"일부": true, "대부분": true, "대다수": true, "다수": true, "소수": true, "몇몇": true,
	"전부": true, "모두": true, "각각": true, "나머지": true,
}

// partOf reports whether a phrase opens with a noun naming a share of a
// group, alone or with the genitive ("일부 도구", "대부분의 모델").
func partOf(h string) bool {
	first, rest, _ := strings.Cut(h, " ")
	if rest == "" {
		return false
	}
	return partNouns[strings.TrimSuffix(first, "의")]
}

// nounPhrase reports whether a phrase is a noun phrase: nouns, Latin
// words, numbers, noun affixes (a root with the noun suffix after it)
// and the genitive 의, ending in a noun.
func nounPhrase(h string) bool {
	ms := text.Read(h).Morphs
	if ms == nil {
		return true // no morphology: trust the term extractor
	}
	last := ""
	for i, m := range ms {
		switch m.POS {
		case "NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "XSN", "XPN", "NP":
			last = m.POS
		case "XR":
			// A root the suffix after it makes a noun ("일관/XR 성/XSN",
			// "비일관성"); a bare root ("깨끗") is none.
			if i+1 >= len(ms) || ms[i+1].POS != "XSN" {
				return false
			}
			last = m.POS
		case "JKG", "SS", "SC", "SY":
			if m.POS == "JKG" && m.Surface != "의" {
				return false
			}
			last = m.POS
		default:
			return false
		}
	}
	return last != "JKG" && last != "SC" && last != "SY" && (last != "SS" || strings.HasSuffix(h, ")"))
}

// mainTopic reports whether the phrase h a sentence opens with is what
// the whole sentence is about: not a comparison's term or an example
// ("부하 테스트처럼 …"), and not the topic of a first clause that hands
// over to another ("A 방식은 … 때문에, B 방식은 …", "정밀도가
// …라면, 재현율은 …", "X가 얼마나 중요한지는 …").
func mainTopic(s analyze.Sentence, h string) bool {
	rest := strings.TrimPrefix(s.Body, h)
	for _, p := range []string{"처럼", "같이", "와 같은", "과 같은", "와 달리", "과 달리", "보다", "의 예", "을 예로", "를 예로"} {
		if strings.HasPrefix(rest, p) {
			return false
		}
	}
	return s.Topics < 2 && !s.HandsOver
}

// reChapterHeading matches a heading that titles a part of the book or
// of the study rather than one concept: chapters ("3장", "Chapter 2",
// "CH 4"), parts, weeks. A section number ("5.2.5 …") is stripped, not a
// reason to skip the heading: the words after it may name one concept.
var reChapterHeading = regexp.MustCompile(`(?i)\d+\s*(장|부|주차|강|회차)(\s|$|[^\p{L}])|chapter|part\s*\d|week\s*\d|^ch\.?\s*\d|주차`)

// reHeadingNumber matches the numbering a heading opens with ("1.",
// "2)", "1.2.6", "2-2)", "Ⓕ").
var reHeadingNumber = regexp.MustCompile(`^[\s\d.)\-–·:#\p{So}]+`)

// reHeadingStep matches a step number a heading opens with ("3 단계:",
// "2단계.").
var reHeadingStep = regexp.MustCompile(`^\d+\s*단계\s*[.:)]\s*`)

// HeadingHead returns the concept of the heading right above a sentence
// that has no subject of its own ("0으로 설정할 때, 모델은 …" under
// a heading naming the setting), or "". The heading heads the bullet only
// when it names one concept: a specific noun phrase, not a set the
// section enumerates ("장점", "과정"), not a chapter, part or week
// title, not a question, not a heading over a third of the note (its
// title or chapter), and not a word the sentence already says. A
// sentence whose only subject is an everyday actor ("모델은 …") has no
// subject of its own.
func HeadingHead(s analyze.Sentence, m *analyze.Member) string {
	if s.Frame != "" {
		return ""
	}
	if s.Context != nil {
		// The line it leans on opens the bullet ("→ …를 라벨링 없이 사용
		// → …가 성능을 향상"): when that line names no subject either,
		// the heading above both is what they are about.
		c := *s.Context
		if c.Frame != "" || c.Context != nil || len(c.Path) == 0 || len(s.Path) == 0 || c.Path[len(c.Path)-1] != s.Path[len(s.Path)-1] {
			return ""
		}
		return headingConcept(c, m)
	}
	return headingConcept(s, m)
}

// headingConcept is HeadingHead without the frame and context gates: the
// concept the nearest heading names, for a sentence that names no
// subject of its own.
func headingConcept(s analyze.Sentence, m *analyze.Member) string {
	// Two topics ("값은 …지만 변수는 …") are a contrast of the sentence's own.
	// A property claim ("…힘들다는 단점이 있다") has the property's subjects
	// only: what has the property is the heading's.
	if !s.Property && (s.OwnSubject || s.Subject != "" && !looseSubject(s)) || s.Topics >= 2 || len(s.Path) == 0 || s.Voice.Question {
		return ""
	}
	raw := s.Path[len(s.Path)-1]
	h := HeadingName(raw)
	if h == "" {
		return ""
	}
	if m != nil && m.BroadHeading(raw) {
		return "" // the note's title or chapter, not one section's concept
	}
	if len(conjuncts(h)) > 1 && analyze.NamesSubject(s.Body) {
		return "" // "A와 B" above a sentence saying what something does: that something is its topic
	}
	body := analyze.Key(s.Body)
	for _, part := range conjuncts(h) {
		if strings.Contains(body, analyze.Key(part)) {
			return "" // the sentence names it already
		}
	}
	if owner, _, ok := strings.Cut(h, "의 "); ok && strings.Contains(body, analyze.Key(owner)) {
		return "" // "X의 중요성" over a sentence on X names X already
	}
	if a := analyze.Adopted(s.Body); a != "" && analyze.Specific(a) && !strings.Contains(analyze.Key(h), analyze.Key(a)) {
		return "" // "any를 사용하면 …" under "제너릭": the sentence is about the option it takes up
	}
	return h
}

// looseSubject reports whether the subject a sentence opens with leaves
// the heading above to name what it is about: an everyday actor ("모델은
// …", "사용자가 …", "시스템은 …") doing something there, or a short
// word of the section ("심볼은 …" under the binder's heading). An
// everyday noun that is a topic of its own ("추론은 … 나눌 수 있다",
// "성능은 …") and any specific or defined subject are the sentence's own.
func looseSubject(s analyze.Sentence) bool {
	if s.Definition || analyze.Specific(s.Subject) {
		return false
	}
	if analyze.Everyday(s.Subject) {
		return actorNouns[s.Subject]
	}
	return true
}

// actorNouns are the everyday actors of study notes: what they do is said
// of the section's concept, not of them.
var actorNouns = map[string]bool{
	"모델": true, "시스템": true, "사용자": true, "사용자들": true, "사람": true, "사람들": true, "팀": true,
	"회사": true, "우리": true, "저자": true, "AI": true, "LLM": true, "서비스": true, "애플리케이션": true,
}

// HeadingName returns the concept a heading names, or "": the heading
// without its numbering ("1.2.6", "2-2)", "3 단계:") and trailing gloss,
// a to-do heading turned into its noun phrase ("버전 관리하기" → 버전
// 관리, "데이터 오염 다루기" → 데이터 오염), "X의 장점" read as X; and
// nothing for a chapter, part or week title, a question, a set noun
// ("장점", "과정"), an introduction ("… 소개"), a clause or a list
// ("A, B, C"), or a word too generic or too long to head a bullet.
func HeadingName(raw string) string {
	if reChapterHeading.MatchString(raw) {
		return ""
	}
	// Trailing dots and marks are the writer's tone ("Exhaustiveness
	// checking..", "캐시 무효화!"), not part of the name.
	h := reHeadingStep.ReplaceAllString(strings.TrimRight(strings.TrimSpace(analyze.Clean(raw)), ".…!~ "), "")
	h = conceptName(strings.TrimSpace(reHeadingNumber.ReplaceAllString(h, "")))
	h = reHeadingStep.ReplaceAllString(h, "")
	if strings.ContainsAny(h, "?？,:[") {
		return ""
	}
	h = todoNoun(h)
	if setNoun(lastNoun(h)) {
		// "X의 장점" above one advantage: the sentence is about X.
		owner, _, ok := strings.Cut(h, "의 ")
		if !ok {
			return ""
		}
		h = owner
	}
	if h == "" || setNoun(lastNoun(h)) || introNouns[lastNoun(h)] {
		return ""
	}
	for _, part := range conjuncts(h) {
		if !headWorthy(part) && !(part != h && analyze.Specific(part) && nounPhrase(part)) {
			return ""
		}
	}
	if n := utf8.RuneCountInString(h); n > 24 || len(strings.Fields(h)) > 4 {
		return ""
	}
	return h
}

// conjuncts splits a heading that joins two noun phrases ("캐시 용량과
// 지연 시간") into them; a heading of one noun phrase is its own only
// conjunct. A phrase the morphology does not read as nouns joined by
// 와/과 is returned whole.
func conjuncts(h string) []string {
	ms := text.Read(h).Morphs
	var out []string
	start := 0
	for _, m := range ms {
		if m.POS == "JC" && (m.Surface == "와" || m.Surface == "과") {
			i := strings.Index(h[start:], m.Surface+" ")
			if i < 0 {
				return []string{h}
			}
			out = append(out, strings.TrimSpace(h[start:start+i]))
			start += i + len(m.Surface) + 1
		}
	}
	if len(out) == 0 {
		return []string{h}
	}
	return append(out, strings.TrimSpace(h[start:]))
}

// todoNoun turns a to-do heading into the noun phrase it is about: a
// noun's 하기 is dropped ("버전 관리하기" → 버전 관리), a verb's -기
// drops the verb ("데이터 오염 다루기" → 데이터 오염). A heading with
// particles or connectives before it ("하위 작업으로 나누기", "반복하며
// 개선하기") is a clause and names nothing; one without -기 is returned
// as it is.
func todoNoun(h string) string {
	ms := text.Read(h).Morphs
	n := len(ms)
	if n < 3 || ms[n-1].POS != "ETN" || ms[n-1].Surface != "기" {
		return h
	}
	var rest string
	switch {
	case ms[n-2].POS == "XSV" && ms[n-2].Surface == "하" && strings.HasSuffix(h, "하기") && utf8.RuneCountInString(ms[n-3].Surface) >= 2:
		rest = strings.TrimSuffix(h, "하기")
	case ms[n-2].POS == "XSV" && ms[n-3].Space:
		rest = strings.TrimSuffix(h, ms[n-3].Surface+"하기") // "샤드 키 정하기": 정하다 is one verb
	case ms[n-2].POS == "VV" && ms[n-2].Space:
		rest = strings.TrimSuffix(h, ms[n-2].Surface+"기")
	default:
		return ""
	}
	rest = strings.TrimSpace(rest)
	for _, m := range text.Read(rest).Morphs {
		if !strings.HasPrefix(m.POS, "NN") && m.POS != "SL" && m.POS != "XSN" && m.POS != "XPN" {
			return "" // a clause: "하위 작업으로 나누기"
		}
	}
	return rest
}

// introNouns title a section that introduces or reviews a topic ("프롬프트
// 소개", "평가 개요"): the heading says how the section treats its
// topic, and the bare topic is too broad for one sentence of it.
var introNouns = map[string]bool{
	"소개": true, "개요": true, "배경": true, "기초": true, "기본": true, "입문": true, "도입": true,
	"시작": true, "이해": true, "정리": true, "요약": true, "복습": true, "개관": true,
}

// reGloss matches a heading's trailing gloss: a bracketed aside or two
// or more Latin words after the Korean name ("테스트 시점 연산 Test
// time compute", "온도 (temperature)").
var reGloss = regexp.MustCompile(`\p{Hangul}\s*(\([^)]*\)|\s[A-Za-z][A-Za-z\-]*(\s+[A-Za-z][A-Za-z\-]*)+)$`)

// conceptName returns a heading or label without its trailing gloss
// ("테스트 시점 연산 Test time compute" → 테스트 시점 연산): the Korean
// name alone names the concept, and the gloss makes the name too long to
// head a bullet.
func conceptName(h string) string {
	if loc := reGloss.FindStringIndex(h); loc != nil {
		_, size := utf8.DecodeRuneInString(h[loc[0]:])
		return strings.TrimSpace(h[:loc[0]+size])
	}
	return h
}
