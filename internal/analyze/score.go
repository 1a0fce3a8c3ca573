package analyze

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// Heading cues: what a heading says about the role of the sentences under
// it. Headings are short labels, so substrings are safe here; sentences
// are read by morphology instead (see Voice).
var headingCues = map[string][]string{
	insight.KeyPerspective: {"생각", "느낀", "소감", "회고", "후기", "의견", "개인", "인사이트", "코멘트", "comment", "thought"},
	insight.KeyPractical:   {"적용", "활용", "실무", "실습", "현업", "practice"},
	insight.KeyStudy:       {"질문", "궁금", "추가", "더 알아", "todo", "과제", "보충", "의문"},
	insight.KeyInsights:    {"핵심", "요약", "정리", "결론", "summary", "takeaway"},
}

// claimCues mark a sentence that makes a point rather than defining a word:
// what matters most, a cause, a comparison, a finding.
var claimCues = []string{"중요", "핵심", "가장", "근본", "본질", "결정적", "때문", "보다", "연구에 따르면", "대부분", "반드시", "오히려", "한계", "문제는", "관건"}

// practiceWords mark a setting where an idea is put to work.
var practiceWords = []string{"프로젝트", "팀", "서비스", "회사", "업무", "실무", "현업", "제품", "운영", "배포", "도입", "애플리케이션", "앱", "파이프라인", "조직", "고객", "프로덕션", "개발", "구축", "버전", "모니터링", "테스트", "실험", "보안", "가이드"}

// openings marks the sentences right before a signpost of the text in the
// same block ("결정의 배경이 되는 요소들을 살펴보자"): the sentence opens
// the section the signpost announces, a scene, not a point (see
// Sentence.opens). The writer's own words are no such opening.
func openings(m *Member) {
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if v := s.Voice; s.Problem != "" || v.Question || v.Hedge || v.FirstPerson || v.Doubt || v.Contrast || v.Reaction || v.Label != "" {
			continue
		}
		// The signpost may follow a bracketed aside of the sentence
		// ("…결정해야 한다. (어떤 구조? 몇 개?) …를 살펴보자.").
		for j := i + 1; j < len(m.Sentences) && j <= i+3 && m.Sentences[j].Block == s.Block; j++ {
			next := m.Sentences[j]
			if hasAny(text.Lower(next.Raw), metaCueSet) > 0 && utf8.RuneCountInString(next.Body) <= 60 {
				s.opens = true
				break
			}
			if next.Problem == "" && !next.Voice.Question {
				break
			}
		}
	}
}

// ExampleLed reports a line the note opens with an example marker ("ex)",
// "예)", "e.g."), which a bullet drops (see Trim): the line illustrates the
// point made above it.
func ExampleLed(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	for _, p := range exampleMarkers {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// exampleMarkers open a line that illustrates the point above it.
var exampleMarkers = []string{"ex)", "ex.", "예)", "e.g.", "eg)"}

// exampleMarker reports a line that is only an example marker ("ex)",
// "예)", "예시:"): it marks the block below it as an example.
func exampleMarker(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	return slices.Contains(exampleMarkers, t) || slices.Contains([]string{"ex:", "예:", "예시)", "예시:", "예시", "example:"}, t)
}

// propertyNouns name a property of a thing, not a thing or an action.
var propertyNouns = map[string]bool{"성능": true, "비용": true, "속도": true, "가격": true, "품질": true, "정확도": true, "지연": true, "지연 시간": true,
	"효율": true, "효율성": true, "장점": true, "단점": true, "장단점": true, "특징": true, "특성": true, "한계": true, "한계점": true, "성질": true, "규모": true, "크기": true}

// propertyLabelled reports a sentence under a plain label or heading that
// names a property ("성능: …", "비용" above it): it describes that property
// of what the note is about (a model's performance, a tool's cost), even
// when worded as an obligation.
func propertyLabelled(s *Sentence) bool {
	if l, _, ok := SplitLabel(s.Body); ok && propertyNouns[strings.TrimSpace(l)] {
		return true
	}
	return s.Frame != "" && propertyNouns[strings.TrimSpace(strings.TrimRight(s.Frame, " :："))]
}

// booksQuestion reports whether a question is the book's, not the
// member's, however it ends: the note answers it in the lines right after
// it (the book asks, then answers), it stands in quotation marks, or
// another member's note asks it too. A question the member labelled or put
// under a heading of their own questions stays theirs, unless the note
// answers it.
func booksQuestion(s *Sentence) bool {
	v := s.Voice
	if !v.Question || v.FirstPerson {
		return false // "내 생각에 …하려는 것이 아닐까?": the writer's own guess
	}
	if s.Answered || quotedWhole(s.Body) {
		return true
	}
	return copiedQuestion(s, QuestionLabel(v.Label) || questionHeading(s.Path))
}

// copiedQuestion reports a question that another member's note or the
// chapter summary asks too (Shared), which the member did not mark as
// their own (own: a question label or heading) nor word as their own
// doubt, first-person question or queried statement: the book's agenda.
func copiedQuestion(s *Sentence, own bool) bool {
	v := s.Voice
	return s.Shared >= 0.45 && !own && !v.Doubt && !v.FirstPerson && !v.Queried
}

// quotedWhole reports whether a sentence is one quotation from end to end
// ("‘…하면 되지 않을까?’"): words the writer quotes, not their own.
func quotedWhole(t string) bool {
	t = strings.TrimSpace(t)
	r, n := utf8.DecodeRuneInString(t)
	l, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, " ."))
	if n == 0 || len(t) <= n {
		return false
	}
	for _, q := range []string{"‘’", "“”", "\"\"", "''", "「」", "『』"} {
		qs := []rune(q)
		want := 1 // the opening mark once: one quotation, not two
		if qs[0] == qs[1] {
			want = 2
		}
		if r == qs[0] && l == qs[1] && strings.Count(t, string(qs[0])) == want {
			return true
		}
	}
	return false
}

// hasAny returns the number of the cues s contains.
func hasAny(s string, cues *text.Cues) int { return cues.Count(s) }

// The word lists scoring looks for, ready for hasAny.
var (
	metaCueSet    = text.NewCues(metaCues)
	practiceSet   = text.NewCues(practiceWords)
	claimSet      = text.NewCues(claimCues)
	expositionSet = text.NewCues(expositionCues)
	namingCueSet  = text.NewCues(namingCues)
	headingCueSet = func() map[string]*text.Cues {
		out := map[string]*text.Cues{}
		for k, words := range headingCues {
			out[k] = text.NewCues(words)
		}
		return out
	}()
)

// scoreSentence scores how well a sentence fits each member section. A
// sentence that cannot stand as a bullet scores 0 everywhere.
func scoreSentence(s *Sentence) map[string]float64 {
	sc := map[string]float64{}
	if s.Kind == note.KindTable || hasAny(text.Lower(s.Raw), metaCueSet) > 0 || bookMeta(s) {
		return sc
	}
	if s.opens {
		return sc // the scene a signpost goes on from: no point, no idea
	}
	if s.retracted {
		return sc // "…인 줄 알았으나…": the writer took it back
	}
	path := text.Lower(strings.Join(s.Path, " "))
	v := s.Voice
	ok := s.Problem == ""

	// 추가 학습: the member's own open questions and doubts; never the
	// book's checklists or the questions the note answers itself.
	// A doubt the next sentence on its line settles ("…라는 의문이 들었다.
	// …읽어보니 도움이 되었다") is the writer recounting their reading.
	settled := v.Doubt && !v.Question && s.Answered
	if v.Doubt && !settled || v.Question && !s.Answered && (QuestionLabel(v.Label) || questionHeading(s.Path) || s.arrow || !v.Formal && !s.Checklist) {
		st := 1.0
		if v.Doubt {
			st += 1
		}
		if QuestionLabel(v.Label) || questionHeading(s.Path) {
			st += 1
		}
		if v.FirstPerson {
			st += 0.5
		}
		if v.Queried {
			st += 0.5 // the writer doubts a statement: their question however the book words it
		}
		own := QuestionLabel(v.Label) || questionHeading(s.Path) || s.arrow && v.Question && !s.Answered
		// A question another member wrote too, or the chapter summary
		// asks, is the book's (its agenda, its rhetorical questions):
		// the member's own questions are their own.
		bookQuestion := copiedQuestion(s, own) || quotedWhole(s.Body) && !own
		// A short question asking about the line above ("이게 맞나??")
		// says what it asks with that line.
		// So does a doubt that turns on the paragraph above ("…손쉽게 만들어
		// 준다." / "하지만 아직 익숙하지 않아 따로 학습해두자"), which it carries.
		carried := (s.short && s.asksAbove || s.trailing || s.turnsPara) && s.Context != nil
		if bookQuestion || utf8.RuneCountInString(s.Body) < 12 && !own && !carried || Dependent(s.Body) && !own && !carried || s.Problem == ProblemLong || s.Problem == ProblemForeign || s.Problem == ProblemUnbalanced || s.Problem == ProblemFormula {
			st = 0
		}
		sc[insight.KeyStudy] = st
	}
	if settled {
		return sc
	}
	if v.Question && (!v.Hedge || booksQuestion(s)) {
		// a question is no insight, opinion or idea; a hypothesis
		// ("…하면 되지 않을까?") is the member's only when the note does
		// not answer it and no one else asks it
		return sc
	}
	said := s.Body
	if s.joined && s.Context != nil {
		said = s.Context.Body + " " + s.Body // the first half the note broke off
	}
	if s.Problem == ProblemFragment && v.Reaction && (s.Frame != "" || s.ContextParent || s.joined) && utf8.RuneCountInString(said) >= minReaction {
		// "흥미롭지만 처리량을 희생하는 보장" under the heading or the list item
		// it reacts to: books write no bare phrases of reaction, the
		// writer does.
		sc[insight.KeyPerspective] = v.Own() + 0.4
		return sc
	}
	if !ok {
		return sc
	}
	book := 1.0
	if s.Shared >= 0.45 && !v.Contrast && !v.Hedge && !v.Doubt && !v.Opinion() && !v.Aside && !(v.Remark && s.remarkShared < 0.45) {
		// another member or the chapter summary says it: the book's
		// wording; a remark in brackets no one else wrote stays the
		// member's comment on it
		book = 0.3
	}

	// 실무 적용: a recommendation or proposal for practice.
	practiceHeads := hasAny(path, headingCueSet[insight.KeyPractical]) // under a heading about practice
	practice := hasAny(s.Body, practiceSet)
	context := practice + practiceHeads
	if v.FirstPerson {
		context++
	}
	// "…를 고정할 수 있다" with no one named is a way for the reader only
	// when it stands under a heading about practice: books describe what
	// a method can do in the same words.
	// "캐시 서버를 직접 운영하면 만료 정책을 조정할 수 있다": an action and what it
	// gets is a lever for the reader wherever it stands, when it has
	// something to do (see below).
	// The heading must be the member's own: a numbered section of the
	// book ("7.3. 서비스 추상화 적용") names what the book applies, and
	// "…파일을 읽어올 수 있다" under it is what the example can do.
	can := v.Can && s.object && (s.subjectless && practiceHeads > 0 && ownPracticeHeading(s.Path) || s.conditional)
	// "…를 팀에 제안하고 싶다", "다음 프로젝트에 도입해 보고 싶다": the
	// writer's intention to act in a setting of practice proposes it.
	wish := v.Wish && (practice > 0 || practiceHeads > 0)
	// "실무에서는 …를 적용하면 …를 줄일 수 있을 것 같다": the writer weighs a
	// way to act for a setting of practice, which proposes it.
	weighed := can && practice > 0 && (v.Hedge || v.FirstPerson)
	// "…클래스를 만들 때는 …로 정의해야 한다": a rule for a situation of the
	// reader's own work, as "…할 때 …하면 좋다" is advice for one.
	proposes := (v.Recommend || wish) && (context > 0 || strongProposal(s)) && !s.knows || v.Should && (context > 0 || s.whenDoing) && !s.knows || can
	// Advice or a rule with nothing that sets it in practice ("실제로
	// 사용하는 값을 deps에 넣어야 한다") is still something a reader can do:
	// it scores under every proposal (FallbackPractical), for a note that
	// has nothing better.
	// A bare rule ("행동 호환성을 만족시켜야 한다") or what something takes
	// ("Array 타입을 사용하기 위해서는 …를 사용해야 한다") is how the thing
	// works: an obligation is advice only with a reason, a condition or a
	// time that says when ("…판단하기 때문에 객체의 경우 …를 넣어 주어야
	// 한다", "렌더링 될 때마다 …를 유지하도록 구현해야 한다").
	reasoned := v.Recommend || v.Should && (s.point || s.whenOrCase) && !s.forPurpose
	fallback := !proposes && reasoned && !v.Question && !s.notReaders && !s.genericObject && namesConcept(s)
	if proposes || fallback {
		pr := 1.0 + 0.4*math.Min(2, float64(practice)) + 0.6*float64(min(1, practiceHeads))
		if v.FirstPerson {
			pr += 0.5
		}
		if !v.Recommend && !wish {
			pr -= 0.2
		}
		if can && !v.Recommend && !v.Should && !weighed {
			pr = minCan // a way to do something, worded as a fact: after every proposal
			underPractice := practiceHeads > 0 && ownPracticeHeading(s.Path)
			if !wish && !underPractice && !s.whenDoing && !s.whenOrCase && !ownSetting(s) && !namesTool(s) && !harmAfterCondition(s.Body) && !makesSomething(s.Body) {
				// "협력 경로를 제한하면 결합도를 낮출 수 있다": what a
				// principle gains, in no situation of the reader's work
				// nor under their heading about practice, with no tool to
				// use, nothing to make and no harm to avoid, is the
				// book's account of the principle, not an action to take.
				pr = 0
			}
		}

		if utf8.RuneCountInString(s.Body) < minAdvice && !namesConcept(s) {
			pr = 0 // "변경 사항을 체계적으로 테스트해야 함": too short to say what, naming nothing
		}
		if s.changesNothingNamed && s.subjectless {
			pr = 0 // "정수형 상수로 변경하는 것이 좋은 방법이다": into what, but not what
		}
		if s.genericObject && !namesConcept(s) {
			pr = 0 // "그 규칙대로 코드를 검토해야 함": an action on an everyday word is a platitude
		}
		if s.side {
			pr = 0 // "ML 엔지니어링: …를 직접 학습시켜야 한다": how one side of a comparison works
		}
		if s.namedAfter && !v.Recommend && !wish && !ownSetting(s) {
			// "…분리하면 …제어할 수 있게 된다. 이러한 설계 원칙을 …이라고
			// 부른다", "…를 보장해야 한다. 이를 대체 가능성이라고 한다": what
			// a principle the book names says, its definition; a proposal
			// ("…테스트 세트를 만들자. 이것을 …라고 한다") stays one
			pr = 0
		}
		if conLed(s.Raw) || s.frameNested && drawbackFrame(s.Frame) {
			// "👎 각 플러그인과 이클립스의 버전을 계속 관리해야 한다", an item
			// under "- UserServiceTx의 문제점": a drawback's cost, not advice
			pr = 0
		}
		if propertyLabelled(s) {
			pr = 0 // "성능: …해야 한다. 하지만 …보다 낮다": what a property of a thing is, not an action
		}
		if (v.Try || s.onExample || s.exampled || s.instance) && !wish && !ownSetting(s) {
			// "이제 포인트컷을 적용해보자", "…RatePolicy 인터페이스를 구현해야
			// 한다", "네 번째 사용자를 처리하는 중에 예외 발생 → …확인": the
			// book walking its example through
			pr = 0
		}
		if fallback {
			pr = min(pr, FallbackPractical)
		}
		sc[insight.KeyPractical] = pr
	}

	// 독특한 관점: the member's own voice.
	own := v.Own()
	if v.Doubt && sc[insight.KeyStudy] > 0 {
		// "…잘 이해가 되진 않았다.. 나중에 공부해보면 좋을 것 같다": a doubt
		// that is a study target is that first, under "느낀 점" too
		own--
	}
	if v.Question {
		own -= 0.6 // a hypothesis ("…않을까?") counts by its hedge only
	}
	if v.Analogy && (s.Kind == note.KindQuote && v.Label == "" || s.Definition) {
		// "> …마치 객체가 이미 존재하는 것처럼 …": a quoted passage's
		// analogy is its author's; a call-out ("> 생각: …") is the
		// member's. "…마치 파문이 이는 것처럼 …전파되지 않는 상태를
		// 말한다": an analogy that defines a term is the book explaining it.
		own -= 0.6
	} else if v.Analogy && s.Shared < 0.3 {
		own += 0.4 // an analogy no one else wrote and the chapter summary lacks: the member's own
	}
	if hasAny(path, headingCueSet[insight.KeyPerspective]) > 0 && (own > 0 || v.Conclusion) {
		own += 0.8
	}
	if own >= 1 {
		sc[insight.KeyPerspective] = own * book
		if pr := sc[insight.KeyPractical]; pr >= minProposal && (v.Recommend || wish || weighed) && sc[insight.KeyPerspective] >= pr {
			// The member's proposal is their practical idea wherever
			// they wrote it (under "느낀 점" too): 독특한 관점 then
			// points to it.
			sc[insight.KeyPerspective] = pr * 0.9
		}
	}

	// 핵심 인사이트: central, emphasised claims, not definitions.
	ins := 1.5*s.Centrality + 0.4*math.Min(2, float64(hasAny(s.Body, claimSet)))
	if len(s.Emphasis) > 0 {
		ins += 0.6
	}
	if v.Conclusion {
		ins += 0.3
	}
	if hasAny(path, headingCueSet[insight.KeyInsights]) > 0 {
		ins += 0.2
	}
	if s.Definition {
		ins -= 1.2
	}
	if !s.point && !turnedBelow(s) && !v.Conclusion && !v.Contrast && !v.Hedge && !v.Opinion() {
		// "X는 Y로 측정된다": a description, not the member's point; it
		// keeps a share of its score, so that a group section can
		// still quote it on a concept.
		ins = math.Max(ins-plainPenalty, 0.4*ins)
	}
	if s.Context != nil && !s.joined {
		ins -= 0.2 // leans on another sentence (not its own first half)
	}
	// The concepts the member developed (lines, own headings, bold,
	// the week's chapter topics) are the note's key points; a side fact
	// is about a concept the note barely develops (one use case of
	// eight, an aside), unless the member stressed the sentence itself
	// (bold, a conclusion, their own view). See develop.
	if s.Focus != "" && s.Develops < minDeveloped && len(s.Emphasis) == 0 && !v.Conclusion && !v.Opinion() && !v.Hedge && !v.Contrast {
		ins *= peripheral
	}
	if statistic(s.Body) && !(v.Conclusion && !s.arrow) && !v.Contrast && !v.Hedge && !v.Opinion() {
		// "…가 45%를 차지해 …보다 8배": a figure's reading, not a point;
		// an arrow before it ("-> 2023년에 …가 가장 많이 늘었다") reads the
		// figure or table above it, it concludes nothing
		ins *= 0.3
	}
	if s.nominal || s.announces {
		ins = 0 // "…설명하기": a to-do or a list label
	}
	if l, _, ok := SplitLabel(s.Body); ok && exampleLabel(l) || s.exampled && len(s.Emphasis) == 0 {
		// "예시: …", "ex) …": an illustration of the point, not the
		// point, unless the member stressed it (bold)
		ins *= 0.3
	}
	if v.Recommend || v.Should || can {
		ins *= 0.3 // advice is no insight, even when it is too thin for 실무 적용
	}
	if s.step && len(s.Emphasis) == 0 && !v.Conclusion && !v.Opinion() && !v.Hedge && !v.Contrast {
		ins *= 0.3 // a step of the book's walkthrough, not its point
	}
	sc[insight.KeyInsights] = math.Max(0, ins)
	return sc
}

var (
	reSpaces  = regexp.MustCompile(`\s+`)
	reDebris  = regexp.MustCompile(`(\*\*|__|~~|` + "`" + `|&nbsp;|&amp;|&lt;|&gt;|<[^<>]{1,80}>|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|https?://\S+)`)
	reLink    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reBullets = regexp.MustCompile(`^([-*+>•·▪◦]|\d+[.)])\s+`)
)

// Clean removes markdown and HTML debris a parser may have left and
// trims list markers and whitespace.
func Clean(s string) string {
	// Each pass runs only when s has what its pattern needs: most
	// sentences have no markup left, and the regular expressions were a
	// large part of the analysis's time.
	if strings.Contains(s, "](") {
		s = reLink.ReplaceAllString(s, "$1")
	}
	if mayHaveDebris(s) {
		s = cleanDebris(s)
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if strings.Contains(s, "\xe3\x84") || strings.Contains(s, "\xe3\x85") || strings.Contains(s, "\xe3\x86") {
		s = dropStrayJamo(s)
	}
	// After the map the only white space \s matches is ' '.
	s = strings.TrimSpace(s)
	if strings.Contains(s, "  ") {
		s = reSpaces.ReplaceAllString(s, " ")
	}
	for mayBeBullet(s) {
		t := reBullets.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	s = strings.Trim(s, " [")
	return s
}

// dropStrayJamo removes a lone Hangul compatibility jamo typed inside a
// word ("능력ㅇ을", "도달ㄹ하면"): a key pressed once too often while
// typing Korean, which no reader wants copied into a bullet and which
// splits the word for the morphological analyzer. Only a single jamo
// between two Hangul syllables goes; jamo written on purpose ("ㅋㅋ",
// "ㄱ. 정의", "ㅠ") stand in runs, at a word's edge or alone.
func dropStrayJamo(s string) string {
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if compatJamo(r) && i > 0 && i+1 < len(rs) && syllable(rs[i-1]) && syllable(rs[i+1]) {
			continue
		}
		out = append(out, r)
	}
	if len(out) == len(rs) {
		return s
	}
	return string(out)
}

// compatJamo reports a Hangul compatibility jamo (ㄱ … ㅣ).
func compatJamo(r rune) bool { return r >= 0x3131 && r <= 0x318E }

// syllable reports a precomposed Hangul syllable (가 … 힣).
func syllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// mayHaveDebris reports whether s has something reDebris can match.
func mayHaveDebris(s string) bool {
	return strings.ContainsAny(s, "`&<") || strings.Contains(s, "**") || strings.Contains(s, "__") ||
		strings.Contains(s, "~~") || strings.Contains(s, "](") || strings.Contains(s, "://")
}

// mayBeBullet reports whether s starts with something reBullets can
// match: a list marker or a digit.
func mayBeBullet(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("-*+>•·▪◦", r) || r >= '0' && r <= '9'
}

func cleanDebris(s string) string {
	return reDebris.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "](") {
			return ""
		}
		if strings.HasPrefix(m, "<") {
			if htmlTag(m) {
				return ""
			}
			inner := strings.TrimSpace(m[1 : len(m)-1])
			if note.CodeAngle(inner) {
				// "<T>", "<T extends string>", "<entry>": a type parameter
				// or an element name, code; in backticks, so that markdown
				// shows it instead of reading a tag.
				return "`<" + inner + ">`"
			}
			// "<Attention Is All You Need>": a title in angle brackets,
			// not markup; keep it in the brackets Korean uses for titles.
			return "《" + inner + "》"
		}
		if strings.HasPrefix(m, "&") {
			switch m {
			case "&amp;":
				return "&"
			case "&lt;":
				return "‹"
			case "&gt;":
				return "›"
			}
			return " "
		}
		return ""
	})
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// metaCues mark sentences about the note itself rather than its subject.
var metaCues = []string{"이 장에서는", "이번 장에서는", "이 장에서", "다뤄보자", "다뤄 보자", "알아보겠", "살펴보겠", "정리한 글", "옮겨 왔", "옮겨왔", "정리해 보", "정리해보", "포스팅", "이번 글", "이 글에서", "오늘은", "다뤄보려", "다뤄 보려", "살펴보자", "알아보자", "작성했다", "작성한 글", "알아볼 것이다", "살펴볼 것이다", "다룰 것이다", "알아볼 것임", "살펴볼 것임",
	// the same signposts spaced as notes often space them
	"알아 보겠", "살펴 보겠", "살펴 보자", "알아 보자", "알아 볼 것이다", "살펴 볼 것이다", "알아 볼 것임", "살펴 볼 것임"}

var anaphora = []string{"이것", "이는", "이를", "이러한", "이런", "그래서", "그리고", "또한", "그러나", "하지만", "그런데", "이 때", "이때", "여기서", "위의", "위 ", "아래", "이로 인해", "이로써", "이 때문에", "그 때문에", "그 결과", "이에 따라", "이처럼", "이렇게", "덕분에", "결과적으로", "추가로", "첫째,", "둘째,", "셋째,", "넷째,", "다섯째,", "이럴 ", "이럴땐", "그럴 ", "그럴땐", "이런 경우", "그런 경우"}

// pointers refer back to something named before, wherever they stand in
// the sentence ("일부 모델에서는 이런 꼼수가 …").
var pointers = []string{" 이런 ", " 이러한 ", " 이와 같은 ", " 이 같은 ", " 위와 같은 "}

// doings refer back to a way of doing something named before ("책에서 말한
// 것처럼 이렇게 하면 …"), unless a clause of the same sentence names it
// first ("…하고 싶을 수 있는데, 이렇게 하면 …").
var doings = []string{" 이렇게 하면", " 이렇게 해서", " 그렇게 하면", " 위와 같이 ", " 위처럼 "}

// Anaphoric reports whether a sentence leans on the line before it by
// its opening or a pointer in it ("이는 …", "이럴 땐 …", "… 이런 꼼수가 …").
func Anaphoric(s string) bool { return anaphoric(s) }

func anaphoric(s string) bool {
	for _, a := range anaphora {
		if strings.HasPrefix(s, a) {
			return true
		}
	}
	for _, p := range pointers {
		if i := strings.Index(s, p); i >= 0 && !namedBeforePointer(s, i+len(p)) {
			return true
		}
	}
	for _, p := range doings {
		if i := strings.Index(s, p); i >= 0 && !strings.Contains(s[:i], ",") {
			return true
		}
	}
	return false
}

// namedBeforePointer reports whether the word a pointer stands before
// (at j in s) names something the sentence named before the pointer ("…먼
// 클래스가 있기 마련인데, …는 이런 클래스를 일컫는 것 같다"): the pointer
// points inside the sentence, not at the line above. The word is compared
// without its particle: its longest start of two runes or more found
// earlier.
func namedBeforePointer(s string, j int) bool {
	f := strings.Fields(s[j:])
	if len(f) == 0 {
		return false
	}
	before := s[:j]
	w := []rune(f[0])
	for n := len(w); n >= 2; n-- {
		if strings.Contains(before, string(w[:n])) {
			return true
		}
	}
	return false
}

// metaLine matches note properties and bookkeeping lines that are not
// content: Notion properties, dates, authors.
var metaLine = regexp.MustCompile(`^(날짜|일시|담당자|작성자|작성일|진행 ?상태|상태|태그|카테고리|참석자|발표자|링크|출처|date|author|status|tags|created|updated)\s*[:：]`)

// metaProperty reports whether metaLine matches s, lower-cased; only a
// line with a colon can.
func metaProperty(s string) bool {
	return hasColon(s) && metaLine.MatchString(text.Lower(s))
}

// hasColon reports whether s has a colon, ASCII or full-width.
func hasColon(s string) bool {
	return strings.IndexByte(s, ':') >= 0 || strings.Contains(s, "：")
}

// containsAny is strings.ContainsAny(s, chars): one search per character
// of chars, which is faster than ContainsAny's test of every character of
// s when chars holds characters outside ASCII. A character's UTF-8 bytes
// can only match where s has that character.
func containsAny(s, chars string) bool {
	for i, c := range chars {
		if c < utf8.RuneSelf {
			if strings.IndexByte(s, byte(c)) >= 0 {
				return true
			}
		} else if strings.Contains(s, chars[i:i+utf8.RuneLen(c)]) {
			return true
		}
	}
	return false
}

// labelPrefix matches the labels people put before a sentence: emoji,
// "Q:", "💡 개인적인 생각:", "TIP:".
var labelPrefix = regexp.MustCompile(`^(?:[\p{So}\p{Sk}\x{FE0F}\x{200D}]+\s*)?(?:(Q|A|Q\d+|A\d+|TIP|Tip|Note|NOTE|참고|메모|개인적인 ?생각|내 ?생각|생각|느낀 ?점|의견|질문|궁금한 ?점|결론|요약|핵심|\+)\s*[:：.)]\s*)?`)

// StripLabel removes a leading emoji or label from a sentence.
func StripLabel(s string) string {
	t := s
	if mayHaveLabel(s) {
		t = labelPrefix.ReplaceAllString(s, "")
	}
	t = strings.TrimSpace(t)
	if t == "" {
		return s
	}
	return t
}

// labelStarts holds the first character of every label labelPrefix
// knows.
const labelStarts = "QATN참메개내생느의질궁결요핵+"

// mayHaveLabel reports whether labelPrefix can match more than the empty
// string at the start of s: s starts with a symbol or the first character
// of a label. Most sentences do not, and labelPrefix was run on each.
func mayHaveLabel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(labelStarts, r) || r == '\uFE0F' || r == '\u200D' || unicode.In(r, unicode.So, unicode.Sk)
}

// CueHeading reports whether a heading names a kind of content (느낀 점,
// 궁금한 점, 실무 적용 ...) rather than a concept, so it is no headline.
func CueHeading(h string) bool {
	l := strings.ToLower(h)
	for _, cues := range headingCues {
		for _, c := range cues {
			if strings.Contains(l, c) {
				return true
			}
		}
	}
	for _, c := range []string{"정리", "요약", "목차", "참고", "메모", "느낀", "생각해 볼", "생각할", "공부할", "알아볼", "점", "할 것", "볼 것", "거리"} {
		if strings.HasSuffix(l, c) || l == c {
			return true
		}
	}
	return false
}

// described reports whether a sentence says something in a clause: a
// modifier's ending (ETM), a subject's or an object's particle, or a
// predicate. A bare noun phrase has none of them.
func described(ms []text.Morph) bool {
	for _, m := range ms {
		for _, tag := range []string{"ETM", "JKS", "JKO", "VV", "VA", "VCP"} {
			if hasTag(m.POS, tag) {
				return true
			}
		}
	}
	return false
}

// defines reports whether a sentence defines a word: it names something
// ("…을 X라고 한다", "X란 …"), labels a noun phrase ("토큰 : 언어 모델의 기본
// 단위"), or says what its subject is ("X는 … Y이다", "X는 …을 의미한다").
func defines(s *Sentence, ms []text.Morph, r readings) bool {
	if namingCueSet.Any(s.Body) {
		return true
	}
	if l, rest, ok := SplitLabel(s.Body); ok && l != "" && len(strings.Fields(l)) <= 4 {
		// "토큰 : 언어 모델의 기본 단위", "파인튜닝 : 학습된 모델을 다시
		// 학습하는 것, …": a label and a noun phrase saying what it is.
		first := rest
		if i := strings.IndexAny(rest, ",，"); i > 0 {
			first = rest[:i]
		}
		if rm := r.read(first).Morphs; rm != nil && !hasFinalVerb(rm) {
			return true
		}
	}
	if ms != nil {
		// "…를 다듬는 과정", "…를 구분하는 방법": a noun phrase saying what
		// something is, with or without its subject.
		core := withoutTrailingParen(ms)
		if j := lastContent(core); j > 0 && !hasFinalVerb(core) && !imperativeEnding(core) && strings.HasSuffix(core[j-1].POS, "ETM") {
			switch core[j].Surface {
			case "과정", "방법", "것", "기법", "방식", "개념", "단계", "구조", "지표", "집합", "단위", "현상", "능력", "기술", "도구", "모델", "용어", "행위", "작업", "일":
				return true
			}
		}
	}
	if s.Subject == "" || ms == nil {
		return false
	}
	i := lastContent(ms)
	if i < 0 {
		return false
	}
	// "…한 방법이다", "…하는 것이다": a copula after a noun ends it.
	for k := i; k >= 0 && k >= i-2; k-- {
		if hasTag(ms[k].POS, "VCP") {
			return true
		}
	}
	for _, v := range []string{"의미", "뜻", "정의", "가리키", "말하"} {
		if strings.Contains(ms[i].Surface, v) || i > 0 && strings.HasPrefix(ms[i-1].Surface, v) {
			return true
		}
	}
	return false
}

// namingCues mark a sentence that gives a word its meaning.
var namingCues = []string{"다고 말한다", "라고 말한다", "이라 함", "이라고 함", "라 함", "이라 부름", "라 부름", "라는 용어", "라는 단어", "라는 이름", "의 약자", "라고 한다", "라고 부른다", "라고 부름", "라고 함", "이라 한다", "라 한다", "을 의미한다", "를 의미한다", "을 의미함", "를 의미함", "을 말한다", "를 말한다", "을 뜻한다", "를 뜻한다", "란 ", "이란 ",
	// the same in the polite style some notes keep throughout
	"라고 합니다", "이라고 합니다", "라고 부릅니다", "이라고 부릅니다", "을 의미합니다", "를 의미합니다", "을 말합니다", "를 말합니다", "을 뜻합니다", "를 뜻합니다"}

var reLabel = regexp.MustCompile(`^([^:：]{1,24}?)\s*[:：]\s*(\S.*)$`)

// SplitLabel splits "토큰 : 언어 모델의 기본 단위" into its label and the
// rest, when the label is a short phrase without sentence punctuation.
func SplitLabel(s string) (label, rest string, ok bool) {
	if !hasColon(s) {
		return "", s, false // reLabel needs a colon
	}
	m := reLabel.FindStringSubmatch(s)
	if m == nil || strings.ContainsAny(m[1], ".?!(") {
		return "", s, false
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
}

var reTag = regexp.MustCompile(`^</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>$`)

// htmlElements are the element names notes carry (blog HTML, Notion
// exports, GitHub markdown).
var htmlElements = set(`a abbr aside b blockquote br caption center code col colgroup dd del details div dl dt em figcaption figure
	font h1 h2 h3 h4 h5 h6 hr i iframe img input ins kbd li mark ol p pre s samp section small span strike strong sub
	summary sup table tbody td tfoot th thead tr tt u ul video audio source picture svg path g`)

// htmlTag reports whether an angle-bracketed span is an HTML tag (or an
// autolink/comment) rather than text in angle brackets.
func htmlTag(m string) bool {
	if strings.HasPrefix(m, "<!") || strings.HasPrefix(m, "<http") || strings.HasPrefix(m, "<mailto") {
		return true
	}
	sm := reTag.FindStringSubmatch(m)
	if sm == nil {
		return false
	}
	if !htmlElements[strings.ToLower(sm[1])] {
		return false
	}
	// "<b>" but not "<B Tree 구조>": attributes look like name=value.
	rest := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(m[1:len(m)-1], "/"), sm[1]), "/"))
	return rest == "" || strings.Contains(rest, "=")
}

func set(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// strongProposal reports a recommendation worded as one ("…하는 것이 좋다",
// "추천", "권장", "…해 보자", "…해 볼 수 있다"), which needs no practice
// setting around it; an obligation ("…해야 한다") does.
func strongProposal(s *Sentence) bool {
	if s.Voice.Proposal {
		return true
	}
	for _, c := range []string{"좋다", "좋음", "좋겠", "추천", "권장", "권고", "바람직", "보자", "볼 수 있", "볼수 있", "해볼", "써볼", "할 것", "하자"} {
		if strings.Contains(s.Body, c) {
			return true
		}
	}
	return false
}

// settingWords name a setting of the reader's own, where a "…해 보자" is
// the writer's proposal rather than the book's next step: their project,
// team or work, or their own future.
var settingWords = []string{"프로젝트", "팀", "회사", "업무", "실무", "현업", "제품", "조직", "고객", "프로덕션", "동료", "우리", "앞으로", "다음에", "나중에", "평소"}

var settingSet = text.NewCues(settingWords)

// ownSetting reports a sentence set in the reader's own practice: it or
// its heading names such a setting (settingWords), the writer speaks in
// the first person, or it opens on a condition ("가능하다면 …", "…가
// 복잡해지면 …해 보자"). A book's walkthrough ("TestUserService를 빈으로
// 등록해보자", "포인트컷을 적용해보자" under "포인트컷 적용") has none of
// these: it acts on the book's example.
func ownSetting(s *Sentence) bool {
	return s.Voice.FirstPerson || s.condition || hasAny(s.Body, settingSet) > 0 || hasAny(strings.Join(s.Path, " "), settingSet) > 0
}

// Book-structure references: the book, its chapters and their order.
var (
	reStructure  = regexp.MustCompile(`(?i)(이 책|책에서|책은|저자는|\d+(\.\d+)?\s*장|이번 장|이 장|다음 장|뒤의 장|뒷장|앞의 장|앞 장|(이어지는|다음|뒤|이후|후속|나머지) 장들?|후반부|챕터|chapter|뒤에서|앞에서|나중에)`)
	reAboutOnly  = regexp.MustCompile(`에 (대해|대해서|대한|관해|관해서)(만|서만)?\s*(다루|다룬|설명|살펴|소개|알아)`)
	reChapterSub = regexp.MustCompile(`(?i)^(\d+(\.\d+)?\s*장|이 책|책|이 장|이번 장|챕터\s*\d*|chapter\s*\d*)$`)
)

// expositionCues are the verbs of a book saying what it covers (다룬다,
// 설명한다, 살펴본다 …); a sentence containing none is no signpost.
var expositionCues = []string{"다루", "다룬", "다룸", "다룰", "다뤘", "다뤄", "설명하", "설명한", "설명할", "설명함", "설명했",
	"소개하", "소개한", "소개할", "소개함", "살펴보", "살펴본", "살펴볼", "살펴봄", "논의하", "논의한", "논의할",
	"언급하", "언급한", "언급할", "알아보", "알아본", "알아볼", "보여준", "보여줄"}

// bookMeta reports whether a sentence is about the book rather than its
// subject: what a chapter covers or leaves for later ("이 책에서는 …를
// 다룬다", "4장은 …를 대상으로 둔다", "…에 대해서만 설명한다", "뒤의 장에서
// 다룰 예정이다"). It is a signpost, never a point of the member's.
func bookMeta(s *Sentence) bool {
	if v := s.Voice; v.Contrast || v.Hedge || v.FirstPerson || v.Doubt {
		return false // "책에서는 TTL만 설명했지만 …라고 생각한다": the member's view
	}
	if reChapterSub.MatchString(strings.TrimSpace(s.Subject)) {
		return true
	}
	body := s.Body
	if s.Voice.Question {
		body = beforePointer(body)
	}
	if (strings.Contains(body, "에 대") || strings.Contains(body, "에 관")) && reAboutOnly.MatchString(body) {
		return true
	}
	// The cheap tests first: most sentences fail them.
	return utf8.RuneCountInString(body) < 90 && hasAny(body, expositionSet) > 0 && reStructure.MatchString(body)
}

// beforePointer returns a question without the bracketed pointer that
// closes it ("작은 모델을 평가자로 쓰면?(4장에서 다룸)" → "작은 모델을
// 평가자로 쓰면?"): the writer asks, and notes where the book takes the
// question up; the pointer does not make the question a signpost. A body
// without such a bracket is returned as it is.
func beforePointer(body string) string {
	if before, _, ok := ClosingParen(body); ok && strings.Contains(before, "?") {
		return before
	}
	return body
}

// exampleLabel reports whether a label announces an example ("예시:",
// "예:", "ex:").
func exampleLabel(l string) bool {
	switch strings.ToLower(strings.TrimSpace(l)) {
	case "예", "예시", "예제", "ex", "eg", "e.g", "e.g.", "example":
		return true
	}
	return false
}

// turnedBelow reports a sentence whose Caveat turns against it ("A와 B는
// …에서는 같다. 그러나 B는 …하지 않는다"): the pair compares, which is a
// point even when each half only describes.
func turnedBelow(s *Sentence) bool {
	return s.Caveat != nil && turnsNext(s.Caveat.Text) && !conclusionTurn(s.Caveat.Text)
}

// plainPenalty lowers the key-insight score of a sentence that only
// describes or defines: a textbook statement is a key insight only when
// the note has nothing that argues.
const plainPenalty = 0.6

// peripheral multiplies the key-insight score of a sentence about a
// concept the note barely develops (see minDeveloped).
const peripheral = 0.6

var (
	reStatistic = regexp.MustCompile(`\d(?:[.,]\d+)?\s*(?:%|퍼센트|배\b|배 |배로|배나)|\b(?:19|20)\d\d\s*년`)
)

// statistic reports whether a sentence reports figures: a percentage, a
// multiple ("8배"), a year ("2023년에").
func statistic(body string) bool { return reStatistic.MatchString(body) }

// FallbackPractical is the practical score of advice or a rule that
// nothing sets in practice (no practice word or heading, no situation of
// the reader's own work): below the section's bar, taken only when a
// note has no proposal at all.
const FallbackPractical = 0.5

// minCan is the practical score of an action one can take, worded as a
// fact ("…를 직접 운영하면 만료 정책을 조정할 수 있다"): books word their
// descriptions so too, so it ranks after every proposal the member made.
const minCan = 0.8

// minProposal is the practical score from which a proposal goes to 실무
// 적용 rather than 독특한 관점 (above the score of a way one can take).
const minProposal = 1.0

// minReaction is the shortest reaction phrase, in runes, that says what
// the writer reacts to besides the reaction ("흥미로움" alone says nothing).
const minReaction = 10

// minAdvice is the shortest body, in runes, a piece of advice needs to say
// what to do and how.
const minAdvice = 25

// practiceHeading reports whether a heading path is about putting ideas
// to work (적용, 활용, 실무 …).
func practiceHeading(path []string) bool {
	return hasAny(strings.ToLower(strings.Join(path, " ")), headingCueSet[insight.KeyPractical]) > 0
}

// ownPracticeHeading reports a heading about practice that is not a
// numbered section of the book (see ownHeadings).
func ownPracticeHeading(path []string) bool {
	return practiceHeading(ownHeadings(path))
}

// reSectionNumber matches a heading that opens with the book's section
// number: "7.3. 서비스 추상화 적용", "6.5.2 포인트컷", "3장 템플릿".
var reSectionNumber = regexp.MustCompile(`^\s*(?:\d+(?:\.\d+)+\.?|\d+\.|제?\s*\d+\s*장)(?:\s|$)`)

// ownHeadings returns the headings of a path that are not the book's
// numbered sections: a book's table of contents names what the book
// applies ("…의 적용"), not a setting of the member's practice.
func ownHeadings(path []string) []string {
	var out []string
	for _, h := range path {
		if !reSectionNumber.MatchString(h) {
			out = append(out, h)
		}
	}
	return out
}

// namesTool reports whether a sentence names something to use by its
// Latin name or in code: a library, an API, a type ("useState를 사용할 때
// …", "`Partial<T>`로 …").
func namesTool(s *Sentence) bool {
	if strings.Contains(s.Raw, "`") {
		return true
	}
	for _, t := range s.Terms {
		for _, w := range strings.Fields(t) {
			if latinWord(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
				return true
			}
		}
	}
	return false
}

// makesSomething reports whether a sentence makes something one can
// keep: an object written, made, added or built ("…이를 수정하는
// 스크립트를 작성해 오류를 고칠 수 있다"), a step the reader can take.
func makesSomething(body string) bool {
	for _, p := range []string{"을 ", "를 "} {
		for _, v := range []string{"작성", "만들", "만드", "추가", "구현", "생성"} {
			if strings.Contains(body, p+v) {
				return true
			}
		}
	}
	return false
}

// harms are the stems of what goes wrong: a way to do something that
// ends in one ("…사용하게 되면 코드 길이만 늘어나고 가독성을 해칠 수 있다")
// is a caution, advice on what not to do.
var harms = []string{"해치", "해칠", "떨어지", "떨어질", "떨어뜨", "늘어나", "늘어날", "어려워", "느려", "복잡해", "잃", "깨지", "깨질", "위험", "손해", "망가", "오류가", "버그가", "문제가"}

// harmAfterCondition reports whether what follows a sentence's condition
// ("…하면", "…되면") is harm (see harms).
func harmAfterCondition(body string) bool {
	i := strings.LastIndex(body, "면 ")
	if i < 0 {
		return false
	}
	rest := body[i:]
	for _, h := range harms {
		if strings.Contains(rest, h) {
			return true
		}
	}
	return false
}

// namesConcept reports whether a sentence names a specific term (온도,
// 퍼플렉시티), not only everyday words.
func namesConcept(s *Sentence) bool {
	for _, t := range s.Terms {
		if Specific(t) && Meaningful(t) {
			return true
		}
	}
	return false
}
