package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// leanNote holds one example of every way a line leans on another: an
// arrow line, a demonstrative inside a sentence, a sentence turned by the
// next one, a premise on the same line, list items under a counted lead-in
// and a heading naming what the sentence under it describes.
const leanNote = `# 캐시 공부

## 읽기 캐시

캐시 적중률: 요청 중 캐시에서 바로 응답한 비율
→ 적중률이 높으면 원본 저장소의 부하가 크게 줄어듦

## 메모리

→ 결국 더 큰 메모리가 더 많은 비용을 만든다

- 캐시 무효화는 어렵다.
    → 캐시 무효화는 쓰기 경로에서 일관성을 지키는 문제다.

## 쓰기 캐시

쓰기 캐시는 나중 쓰기 방식으로 지연을 줄인다.
디스크가 느릴수록 해당 방식의 효과가 훨씬 커진다.

쓰기 캐시는 장애 시 데이터를 잃을 위험이 있다. 하지만 배터리로 보호되는 메모리를 쓰면 그 위험이 거의 사라진다.

읽기 캐시는 최근에 읽은 블록을 메모리에 보관한다. 즉, 같은 블록을 다시 읽을 때 디스크를 건너뛴다.

이 글에서 캐시는 메모리 캐시를 뜻하는 말로 쓴다.

운영 중인 서버에서 캐시 크기를 두 배로 늘리면 읽기 지연이 눈에 띄게 줄어드는 것을 여러 번 보았고 데이터 분포가 치우칠수록 효과가 더 분명했으며 반대로 고른 분포에서는 거의 차이가 없었다. 그러나 메모리 비용이 늘어나는 만큼 작은 서비스에서는 캐시를 키우기보다 자주 읽는 데이터만 골라 미리 올려 두는 편이 전체 비용과 응답 시간 모두에서 더 나은 선택이었다는 것이 운영 기록을 다시 살펴보며 얻은 결론이다.

- **더 큰 캐시라면?** 읽기 지연을 크게 줄일 수 있다.

- 먼저 캐시를 비운다. 같은 요청을 두 번 보내서 차이를 잰다.

## 교체 정책

- 교체 정책은 두 가지 방식으로 나뉜다.
1. 최근성 기준: 가장 오래 쓰이지 않은 블록을 먼저 내보낸다.
2. 빈도 기준: 가장 적게 쓰인 블록을 먼저 내보낸다.

> 캐시 성능을 나타내는 세 가지 숫자
1. 적중률: 요청 중 캐시가 응답한 비율을 나타냄
2. 지연 시간: 한 번 읽을 때 걸리는 시간을 나타냄

## 선인출

다음에 읽을 블록을 미리 예측해서 메모리에 올려 둔다. 하지만 예측이 틀리면 대역폭이 낭비될 수 있다.

일반적인 방법 이외에도, 그 장치의 설명서를 참고하는 것이 좋다.

## 쓰기 순서

쓰기 순서: 먼저 로그에 적고 나중에 데이터 파일에 반영한다.

또 다른 좋은 방법은 쓰기를 묶어서 한 번에 내보내는 것이다.

- 모델이 얼마나 많은 블록을 읽었는지

- 두 가지 방식이 있는데,
    - 요청을 모아서 한꺼번에 내보내는 저장 방식
    - 요청마다 바로 내보내는 저장 방식이다.

- 쓰기가 몰릴수록:
    - 디스크 대기열이 길어진다.

압축은 저장 공간을 아끼는 방법이다. 블록 크기란 한 번에 읽는 단위이다.

로그 구조 저장은 쓰기를 순서대로 모은다. 처음 알게 되어서 신기했다.
`

func leanMember(t *testing.T) *Member {
	t.Helper()
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w1/하늘.md", leanNote)}})
	return w.Members[0]
}

func TestArrowLineCarriesTheLineAbove(t *testing.T) {
	m := leanMember(t)
	s := find(t, m, "원본 저장소의 부하")
	if s.Problem != "" || s.Context == nil || !strings.Contains(s.Context.Text, "캐시 적중률") || s.ContextJoin != " → " {
		t.Fatalf("arrow line: problem %q, context %v, join %q; want the label line above joined by an arrow", s.Problem, s.Context, s.ContextJoin)
	}
	// Nothing it can carry right above (a heading): it is left out.
	if s := find(t, m, "더 큰 메모리가"); s.Problem == "" && s.Context == nil {
		t.Errorf("%q: an arrow line with no line to carry must not stand alone", s.Body)
	}
	// An arrow line with a topic of its own says what it is about.
	if s := find(t, m, "쓰기 경로에서 일관성을"); s.Problem != "" || s.Context != nil {
		t.Errorf("%q has its own topic; got problem %q, context %v", s.Body, s.Problem, s.Context != nil)
	}
}

func TestDemonstrativeInsideASentenceLeansOnTheLineAbove(t *testing.T) {
	m := leanMember(t)
	s := find(t, m, "해당 방식의 효과가")
	if s.Context == nil || !strings.Contains(s.Context.Text, "나중 쓰기 방식") {
		t.Errorf("%q points back at the line above; context %v, problem %q", s.Body, s.Context, s.Problem)
	}
	// "그 위험" names 위험 earlier in its own pair; "이 글" is the note.
	if s := find(t, m, "이 글에서 캐시는"); s.Context != nil {
		t.Errorf("%q: 이 글 is the note itself, not a line above", s.Body)
	}
}

func TestNextSentenceThatTurnsOrConcludesIsKept(t *testing.T) {
	m := leanMember(t)
	s := find(t, m, "쓰기 캐시는 장애 시")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "하지만 배터리로") {
		t.Errorf("%q is half a point without its 하지만-sentence; caveat %v", s.Body, s.Caveat)
	}
	s = find(t, m, "최근에 읽은 블록을")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "즉, 같은 블록을") {
		t.Errorf("%q: want the 즉-sentence kept with its connective; caveat %v", s.Body, s.Caveat)
	}
	// Both together are too long for a bullet: the first one alone is a
	// half-truth and is cut.
	s = find(t, m, "캐시 크기를 두 배로")
	if s.Problem != ProblemCut || s.Caveat != nil {
		t.Errorf("%q: want it cut (problem %q, caveat %v)", s.Body[:30], s.Problem, s.Caveat != nil)
	}
	if len(s.Scores) > 0 {
		t.Errorf("a cut sentence scores nothing, got %v", s.Scores)
	}
}

func TestPremiseOnTheSameLineIsCarried(t *testing.T) {
	m := leanMember(t)
	s := find(t, m, "읽기 지연을 크게 줄일")
	if s.Context == nil || !strings.Contains(s.Context.Text, "더 큰 캐시라면") {
		t.Errorf("%q names no subject; want the premise before it on its line, got %v", s.Body, s.Context)
	}
	// A short sentence of its own is no premise of the next one.
	if s := find(t, m, "같은 요청을 두 번"); s.Context != nil {
		t.Errorf("%q took %q as its premise", s.Body, s.Context.Body)
	}
}

func TestItemOfACountedListCarriesItsLeadIn(t *testing.T) {
	m := leanMember(t)
	s := find(t, m, "가장 적게 쓰인 블록")
	if s.Frame != "교체 정책은 두 가지 방식으로 나뉜다" || !s.FrameNeeded {
		t.Errorf("item 2 of a counted list: frame %q needed %v", s.Frame, s.FrameNeeded)
	}
	s = find(t, m, "한 번 읽을 때 걸리는")
	if s.Frame != "캐시 성능을 나타내는 세 가지 숫자" || !s.FrameNeeded {
		t.Errorf("item under a quoted lead-in: frame %q needed %v", s.Frame, s.FrameNeeded)
	}
}

func TestFirstSentenceUnderAHeadingCarriesIt(t *testing.T) {
	m := leanMember(t)
	s := find(t, m, "미리 예측해서")
	if s.Frame != "선인출" || !s.FrameNeeded || s.Problem != "" {
		t.Errorf("%q names no subject; want the heading as its frame, got frame %q needed %v problem %q", s.Body, s.Frame, s.FrameNeeded, s.Problem)
	}
	// The sentence after it on its line goes with it, not on its own
	// behind a context that needs the heading.
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "하지만 예측이") {
		t.Errorf("%q: want the 하지만-sentence carried with the framed one, caveat %v", s.Body, s.Caveat)
	}
	if s := find(t, m, "예측이 틀리면"); s.Problem == "" {
		t.Errorf("%q leans on a sentence that needs its heading; want it left out on its own, context %v", s.Body, s.Context != nil)
	}
	// Advice pointing back at a noun named nowhere above it.
	if s := find(t, m, "그 장치의 설명서"); s.Problem == "" && s.Context == nil {
		t.Errorf("%q points back; want it dangling", s.Body)
	}
	// Its own label names what it is about: no frame needed.
	if s := find(t, m, "먼저 로그에 적고"); s.FrameNeeded {
		t.Errorf("%q has its own label; got frame %q", s.Body, s.Frame)
	}
	// A sentence with a subject stands under its heading as it is.
	if s := find(t, m, "나중 쓰기 방식으로"); s.FrameNeeded {
		t.Errorf("%q: frame %q not needed", s.Body, s.Frame)
	}
}

func TestOpenersThatPresupposeALineAbove(t *testing.T) {
	m := leanMember(t)
	if s := find(t, m, "또 다른 좋은 방법은"); s.Problem == "" && s.Context == nil {
		t.Errorf("%q presupposes the method above; want it dangling or with context", s.Body)
	}
	if s := find(t, m, "얼마나 많은 블록을 읽었는지"); s.Problem != ProblemFragment {
		t.Errorf("%q stops on -는지; problem %q, want fragment", s.Body, s.Problem)
	}
}

func TestFramesAndFollowersThatAreNone(t *testing.T) {
	m := leanMember(t)
	// A lead-in that stops on a connective is a clause, not a frame.
	if s := find(t, m, "바로 내보내는 저장 방식이다"); s.Frame != "" {
		t.Errorf("%q got frame %q from an unfinished clause", s.Body, s.Frame)
	}
	// A premise with a colon is completed by its items.
	if s := find(t, m, "디스크 대기열이"); s.Frame != "쓰기가 몰릴수록" || !s.FrameNeeded {
		t.Errorf("%q completes the premise above; frame %q needed %v", s.Body, s.Frame, s.FrameNeeded)
	}
	// A noun with its relative clause says nothing on its own.
	if s := find(t, m, "한꺼번에 내보내는 저장 방식"); s.Problem != ProblemFragment {
		t.Errorf("%q is a noun phrase; problem %q", s.Body, s.Problem)
	}
	// "블록 크기란 …" names its own topic: it neither leans nor follows.
	if s := find(t, m, "압축은 저장 공간을"); s.Caveat != nil {
		t.Errorf("%q took the next sentence, which has its own topic: %q", s.Body, s.Caveat.Body)
	}
	// The writer's own remark leaves out its subject, the writer.
	if s := find(t, m, "로그 구조 저장은"); s.Caveat != nil {
		t.Errorf("%q took the writer's remark after it: %q", s.Body, s.Caveat.Body)
	}
}

func TestPointsBack(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"질문의 시작과 끝에 가까울 때 해당 정보를 더 잘 찾아냄", true},
		{"데이터가 중요하므로 이 계층은 데이터 정제도 포함한다", true},
		{"일반적인 방법 이외에도, 그 모델의 가이드를 참고하는 것이 좋다.", true},
		// A determiner after a clause of the same sentence that does
		// something points at that clause; after one discourse word it
		// points above.
		{"화면 안에서 주문 목록을 직접 불러오기 보다는, 이 조회 로직을 별도로 분리하자.", false},
		{"다시말하자면, 해당 코드를 런타임이 이해하지 못한다.", true},
		{"그러나, 이 방법은 느리다.", true},
		{"시스템이 코드를 실행한다면 이 코드를 격리된 환경에서 실행해야 한다.", false},
		{"이 책에서 가장 흥미로운 부분은 평가였다.", false},
		{"캐시 적중률은 읽기 패턴이 고를수록 높아진다.", false},
	} {
		if got := pointsBack(readMorphs(c.s)); got != c.want {
			t.Errorf("pointsBack(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestSubjectsThatAreNoneOfTheSentence(t *testing.T) {
	for _, c := range []struct {
		s                  string
		additive, embedded bool
	}{
		{"캐시를 자주 비우는 것도 여전히 중요", true, false},
		{"캐시도 메모리를 쓴다.", false, false},
		{"캐시는 여전히 중요하다.", false, false},
		{"서버가 요청을 빠르게 처리해야 하는 서비스에도 유용", false, true},
		{"비용이 많이 드는 작업에 적합하다.", false, true},
		{"캐시는 읽기가 많은 작업에 적합하다.", false, false},
		{"모델이 빠르고 유용하다.", false, false},
		{"모델이 좋은 답을 만든다.", false, false},
		{"캐시가 속도를 좌우한다는 말에 공감한다.", false, false},
	} {
		ms := readMorphs(c.s)
		if got := additive(ms); got != c.additive {
			t.Errorf("additive(%q) = %v, want %v", c.s, got, c.additive)
		}
		if got := embeddedSubject(ms); got != c.embedded {
			t.Errorf("embeddedSubject(%q) = %v, want %v", c.s, got, c.embedded)
		}
	}
}

func TestTurns(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"하지만 비용이 든다.", true},
		{"즉, 같은 뜻이다.", true},
		{"따라서 더 작게 만든다.", true},
		{"→ 결과가 달라진다", true},
		{"즉시 반영된다.", false},
		{"그래프가 바뀐다.", false},
	} {
		if got := turns(c.s); got != c.want {
			t.Errorf("turns(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func readMorphs(s string) []text.Morph { return text.Read(s).Morphs }

// TestRemarkInBracketsIsNoSubject: a closing remark in brackets
// ("(이것도 …)") does not give the sentence before it a subject: a list
// item that only predicates ("…를 수행하는 표임") still leans on the
// paragraph above and does not stand alone.
func TestRemarkInBracketsIsNoSubject(t *testing.T) {
	const src = "# 해시\n\n## 해시 인덱스\n\n각 버킷의 결과는 이어붙여지고 투영 표를 통과한 뒤 다음 단계로 넘어간다.\n\n- 여러 버킷의 위치를 조합하고 적절한 변환을 수행하는 표임 (얘도 학습되는 값)\n- 해시 함수는 키를 버킷 번호로 바꾼다 (이것도 학습되지 않음)\n"
	m := Analyze([]Note{{Member: "하늘", Doc: parse("w1/하늘.md", src)}}).Members[0]
	s := find(t, m, "변환을 수행하는 표임")
	if !s.subjectless || s.Problem == "" && s.Context == nil && s.Frame == "" {
		t.Errorf("%q: subjectless %v, problem %q, context %v, frame %q; want it to lean on the line above or be left out", s.Body, s.subjectless, s.Problem, s.Context != nil, s.Frame)
	}
	if s := find(t, m, "키를 버킷 번호로"); s.subjectless || s.Problem != "" {
		t.Errorf("%q has its own subject: subjectless %v, problem %q", s.Body, s.subjectless, s.Problem)
	}
}

// TestItemOfAnAnnouncedListCarriesItsLeadIn: a line that names the list
// after it as its object ("…다음 요소를 담아야 한다.") frames every item, as
// a counted lead-in does; "다음" as a place or time, in a relative clause
// or under a condition announces nothing.
func TestItemOfAnAnnouncedListCarriesItsLeadIn(t *testing.T) {
	const src = "# 평가\n\n## 평가 요청\n\n- 평가의 기준은 아직 정해져 있지 않다.\n- 평가 요청은 다른 요청과 비슷하다. 일반적으로 평가 요청은 다음 요소를 명확하게 담아야 한다.\n> 1) **수행할 작업**(예: 응답과 질의의 관련성)\n2) **따라야 할 기준**(예: 정답에 비춘 판단), 지시가 더 자세할수록 좋다.\n3) 점수 체계.\n\n## 샘플링\n\n- 앞에서 다음 토큰을 고르는 방법을 봤다면, 이번에는 전체 출력을 다룬다.\n- 온도를 높이면 드문 토큰이 더 자주 나온다.\n"
	m := Analyze([]Note{{Member: "하늘", Doc: parse("w1/하늘.md", src)}}).Members[0]
	s := find(t, m, "따라야 할 기준")
	if s.Frame != "일반적으로 평가 요청은 다음 요소를 명확하게 담아야 한다" || !s.FrameNeeded {
		t.Errorf("%q: frame %q, needed %v; want the announcing sentence, needed", s.Body, s.Frame, s.FrameNeeded)
	}
	if s := find(t, m, "드문 토큰이"); s.Frame != "" || s.FrameNeeded {
		t.Errorf("%q got frame %q from a line that only mentions the next token", s.Body, s.Frame)
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"평가 요청은 다음 요소를 명확하게 담아야 한다.", true},
		{"아래 항목을 차례로 확인한다.", true},
		{"다음 세 요소를 담는다.", true},
		{"다음 단계로 넘어간다.", false},
		{"다음 주에 다룬다.", false},
		{"다음 토큰을 고르는 방법을 봤다.", false},
		{"다음 값을 봤다면, 이번에는 전체를 본다.", false},
	} {
		if got := announcesList(readMorphs(c.s)); got != c.want {
			t.Errorf("announcesList(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// Discourse openers that hand a result or an addition over from the line
// before ("덕분에 …", "결과적으로 …", "추가로 …"), the items of an
// enumeration the line before announces ("첫째, …", "둘째, …"), and a way
// of doing named before ("…처럼 이렇게 하면 …") lean on that line; a way the same
// sentence names first does not.
func TestOpenersThatPointBack(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"덕분에 소비자는 브로커에게 요청만 보내면 된다.", true},
		{"결과적으로 캐시를 두는 가장 기본적인 방법은 읽기 경로를 나누는 것이다.", true},
		{"추가로 복제본은 주 노드 대신 읽기 요청을 받을 수 있다.", true},
		{"첫째, 캐시는 자주 읽는 키만 담는다.", true},
		{"둘째, 복제본은 읽기 요청을 나눠 받는다.", true},
		{"책에서 말한 것처럼 이렇게 하면 배포가 쉬워질 것 같다.", true},
		{"응답 타입을 한곳에서 처리하고 싶을 수 있는데, 이렇게 하면 응답이 없는 요청이 까다로워진다.", false},
		{"추론 결과를 캐시에 두면 응답이 빨라진다.", false},
	} {
		if got := anaphoric(c.s); got != c.want {
			t.Errorf("anaphoric(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestPronounOrContrastOpenerLeansOnTheLineAbove(t *testing.T) {
	for body, want := range map[string]bool{
		"근데 이거보다는 분산 캐시를 먼저 두는 편이 낫다.":       true,  // what 이거 is, is above
		"오히려 캐시를 직접 만든 것보다 번거로운 준비가 필요하다.":   true,  // rather than what?
		"동시에 원본 저장소는 그런 변화에 영향을 받지 않는다.":     true,  // at the same time as what?
		"해결 방법으로 만료 시간을 짧게 잡는 방법이 있다.":       true,  // the solution to what?
		"다시말하자면, 만료 시간은 원본이 바뀌는 주기를 따른다.":    true,  // says again what?
		"설계를 문서로 적었는데, 이것을 검증하려면 코드를 짜야 했다.": false, // 이것 is 문서, in the sentence
		"캐시는 원본 저장소 앞에 둔다.":                  false,
	} {
		rd := text.Read(body)
		got := pointsBack(rd.Morphs) || Dependent(body)
		if got != want {
			t.Errorf("%q leans on the line above: %v, want %v", body, got, want)
		}
	}
}

func TestConditionLineFramesItsItems(t *testing.T) {
	src := "# 9장\n\n## 동작\n\n- 캐시가 비어 있다면\n  - 첫 요청은 원본 저장소까지 내려간다\n  - 응답 시간이 길어진다\n- 캐시에 값이 있다면\n  - 원본 저장소를 거치지 않는다\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w9/하늘.md", src)}})
	s := find(t, w.Members[0], "첫 요청은 원본 저장소까지")
	if s.Frame != "캐시가 비어 있다면" || !s.FrameNeeded {
		t.Errorf("%q under a condition line: frame %q (needed %v), want the condition it holds under", s.Body, s.Frame, s.FrameNeeded)
	}
	for line, want := range map[string]bool{"캐시가 비어 있다면": true, "요청이 실패했을 때": true, "캐시가 가득 찬 경우": true, "캐시는 비어 있다": false} {
		if got := ConditionLine(line); got != want {
			t.Errorf("ConditionLine(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestQuestionTheNoteAnswersAgainOrRightBelow(t *testing.T) {
	src := "# 7장\n\n## 캐시 선택\n\n언제 캐시를 써야 할까? 읽기가 쓰기보다 훨씬 많을 때만 쓰라고 조언한다.\n\n쓰기 지연을 줄이는 방법도 있다.\n\n요구사항에 맞춰 저장소를 고르는데, 언제 캐시를 써야 할까?\n\n이에 대한 기준은 데이터의 변경 빈도와 일관성 요구다.\n\n## 더 볼 것\n\n만료 정책은 팀마다 어떻게 정할까?\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w7/하늘.md", src)}})
	m := w.Members[0]
	if s := find(t, m, "요구사항에 맞춰 저장소를 고르는데"); !s.Answered {
		t.Errorf("%q asks again what the note answered above, and the next line takes it up: want answered", s.Body)
	}
	if s := find(t, m, "만료 정책은 팀마다"); s.Answered {
		t.Errorf("%q: nothing answers it, want it open", s.Body)
	}
	for body, want := range map[string]bool{"이에 대한 기준은 변경 빈도다.": true, "답은 변경 빈도에 있다.": true, "이 기준은 변경 빈도다.": false} {
		if got := respondsTo(body); got != want {
			t.Errorf("respondsTo(%q) = %v, want %v", body, got, want)
		}
	}
}

func TestQualifierItemCarriesTheItemAbove(t *testing.T) {
	src := "# 2장\n\n## 캐시\n\n- 로컬 캐시는 네트워크를 거치지 않아 가장 빠르다.\n- 다만, 서버가 여러 대일 때는 분산 캐시를 두는 게 좋다.\n- 캐시 키는 짧게 짓는다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w2/하늘.md", src)}})
	s := find(t, w.Members[0], "분산 캐시를 두는 게")
	if s.Context == nil || !strings.Contains(s.Context.Body, "로컬 캐시는") || s.Problem != "" {
		t.Errorf("%q opens with 다만 on the item above: context %v, problem %q", s.Body, s.Context, s.Problem)
	}
}

// An item that concludes with no topic of its own concludes the item
// right before it in its list, and the pair keeps the word that joins it;
// an item with a topic of its own stands alone.
func TestConcludingItemCarriesTheItemAbove(t *testing.T) {
	src := "# 4장\n\n## 재시도\n\n- 재시도 간격을 고정하면 장애가 난 서버에 요청이 한꺼번에 몰릴 위험이 있다.\n- 그래서 간격에 무작위 지연을 섞으라는 것 같다.\n- 따라서 재시도 정책은 서비스마다 따로 정한다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w4/하늘.md", src)}})
	m := w.Members[0]
	s := find(t, m, "무작위 지연을 섞으라는")
	if s.Context == nil || !strings.Contains(s.Context.Body, "재시도 간격을 고정하면") || s.Problem != "" {
		t.Fatalf("%q concludes the item above: context %v, problem %q", s.Body, s.Context, s.Problem)
	}
	if s.ContextJoin != " 그래서 " {
		t.Errorf("%q: join %q, want \" 그래서 \"", s.Body, s.ContextJoin)
	}
	if o := find(t, m, "재시도 정책은 서비스마다"); o.Context != nil {
		t.Errorf("%q has a topic of its own: context %v, want none", o.Body, o.Context.Body)
	}
}

func TestConclusionOnTheSameLineCarriesItsTopic(t *testing.T) {
	src := "# 3장\n\n- 로컬 캐시는 프로세스 메모리에 남아 재시작 전까지 사라지지 않음. 따라서 메모리를 계속 차지하며 서버마다 값이 달라질 수 있다.\n\n분산 캐시가 필요한 이유는 서버가 여러 대이기 때문이다. 즉 한 서버의 갱신이 다른 서버에 보여야 한다. ( 즉 로컬 캐시만 두는 것은 지양해야 한다 )\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w3/하늘.md", src)}})
	m := w.Members[0]
	s := find(t, m, "메모리를 계속 차지하며")
	if s.Context == nil || !strings.Contains(s.Context.Body, "로컬 캐시는") {
		t.Errorf("%q concludes from the sentence before it, which names its topic: context %v", s.Body, s.Context)
	}
	if s.ContextJoin != " 따라서 " {
		t.Errorf("%q: join %q, want the note's own \" 따라서 \"", s.Body, s.ContextJoin)
	}
	// The remark in brackets stays on the sentence it follows, although
	// that sentence carries the one before it.
	r := find(t, m, "로컬 캐시만 두는 것은")
	if r.Context == nil || !strings.Contains(r.Context.Body, "한 서버의 갱신이") {
		t.Errorf("%q is a remark on the sentence before it: context %v", r.Body, r.Context)
	}
}

// A paragraph that opens by concluding, right after the paragraph it
// concludes with a blank line between, carries it when it names no topic
// of its own; one after a heading does not.
func TestConcludingParagraphCarriesTheParagraphAbove(t *testing.T) {
	src := "# 3장\n\n## 캐시 무효화\n\n캐시 무효화는 원본이 바뀔 때 캐시의 값을 지우는 일이다.\n\n즉 쓰기가 일어날 때마다 관련된 키를 함께 지워야 한다.\n\n## 만료\n\n그래서 만료 시간을 짧게 잡으면 원본 요청이 늘어난다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w3/하늘.md", src)}})
	m := w.Members[0]
	s := find(t, m, "관련된 키를 함께")
	if s.Context == nil || !strings.Contains(s.Context.Body, "캐시 무효화는 원본이") || s.ContextJoin != " 즉 " {
		t.Errorf("%q concludes the paragraph above: context %v, join %q", s.Body, s.Context, s.ContextJoin)
	}
	if o := find(t, m, "만료 시간을 짧게"); o.Context != nil {
		t.Errorf("%q follows a heading, not the paragraph it would conclude: context %q", o.Body, o.Context.Body)
	}
}

// The writer's view that turns against the paragraph right before it
// ("하지만 … 것 같다"), a blank line between, carries it when it names no
// topic of its own; advice turning so does not, and a turn after a
// heading carries nothing.
func TestTurningParagraphCarriesTheParagraphAbove(t *testing.T) {
	src := "# 5장\n\n## 캐시\n\n로컬 캐시는 응답을 눈에 띄게 빠르게 만든다.\n\n하지만 서버가 여러 대라면 값이 어긋날 수 있을 것 같다.\n\n캐시 서버는 여러 서버가 값을 함께 쓰게 해 준다.\n\n하지만 여러 가지 방식이 있으니 잘 따져 보고 쓰면 좋다.\n\n## 만료\n\n하지만 만료 시간을 짧게 잡으면 원본 요청이 늘어날 것 같다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", src)}})
	m := w.Members[0]
	s := find(t, m, "서버가 여러 대라면")
	if s.Context == nil || !strings.Contains(s.Context.Body, "로컬 캐시는 응답을") || s.Problem != "" {
		t.Errorf("%q turns against the paragraph above: context %v, problem %q", s.Body, s.Context, s.Problem)
	}
	if a := find(t, m, "잘 따져 보고"); a.Context != nil {
		t.Errorf("%q is advice with a vague tail, not the writer's view on the paragraph above: context %q", a.Body, a.Context.Body)
	}
	if o := find(t, m, "만료 시간을 짧게"); o.Context != nil {
		t.Errorf("%q follows a heading, not the paragraph it would turn against: context %q", o.Body, o.Context.Body)
	}
}

// A question that points back with a pronoun ("어째서 이가 가능할까…?")
// asks about the item right before it, and carries it even when that item
// names no topic of its own; a statement pointing back does not.
func TestPointingQuestionCarriesTheItemAbove(t *testing.T) {
	src := "# 7장\n\n## 설정 값\n\n- 우리 서비스에서는 설정 빈을 따로 정의하지 않았는데도 잘 동작했다.\n- 어째서 이가 가능할까…?\n\n![그림](a.png)\n\n- 자동 설정이 대신 등록해 준다고 한다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w7/하늘.md", src)}})
	s := find(t, w.Members[0], "어째서 이가")
	if s.Context == nil || !strings.Contains(s.Context.Body, "설정 빈을 따로 정의하지") || s.Problem != "" {
		t.Errorf("%q: context %v, problem %q; want the item above carried", s.Body, s.Context, s.Problem)
	}
}

// A Latin name some notes write apart from its particle ("ReactNode 는")
// is the sentence's subject all the same.
func TestSubjectOfALatinNameWrittenApart(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"Redis 는 값을 메모리에 둔다.", "Redis"},
		{"Redis는 값을 메모리에 둔다.", "Redis"},
		{"JSX.Element 는 ReactElement 를 확장한 타입이다.", "JSX.Element"},
	} {
		if got := subject(readMorphs(c.s), c.s); got != c.want {
			t.Errorf("subject(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

// A line that is only an example marker ("ex)") makes the block below it
// the note's illustration: advice in it is the book's example worked out,
// no practical idea, and weighs less as a key point. Without the marker the
// same advice is one.
func TestExampleMarkerLineMarksTheBlockBelow(t *testing.T) {
	const advice = "주문 취소 메시지를 처리할 객체는 결제 정보를 가장 많이 아는 PaymentLedger에게 맡기는 것이 바람직하다."
	marked := "# 2장\n\n## 책임 할당\n\n책임은 필요한 정보를 가장 잘 아는 객체에게 할당한다.\n\nex)\n\n" + advice + "\n"
	plain := "# 2장\n\n## 책임 할당\n\n책임은 필요한 정보를 가장 잘 아는 객체에게 할당한다.\n\n" + advice + "\n"
	m := Analyze([]Note{{Member: "하늘", Doc: parse("w2/하늘.md", marked)}}).Members[0]
	if s := find(t, m, "PaymentLedger"); !s.exampled || s.Scores[insight.KeyPractical] != 0 {
		t.Errorf("%q under a line of only \"ex)\": exampled %v, practical %.2f; want an example, no practical idea", s.Body, s.exampled, s.Scores[insight.KeyPractical])
	}
	m = Analyze([]Note{{Member: "하늘", Doc: parse("w2/하늘.md", plain)}}).Members[0]
	if s := find(t, m, "PaymentLedger"); s.exampled || s.Scores[insight.KeyPractical] == 0 {
		t.Errorf("%q with no marker: exampled %v, practical %.2f; want advice", s.Body, s.exampled, s.Scores[insight.KeyPractical])
	}
}

// A pointer ("이런 클래스") whose word the same sentence named before it
// points inside the sentence; one whose word it did not name points at the
// line above.
func TestPointerNamedInItsOwnSentence(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"설계를 하다 보면 거리가 먼 클래스가 있기 마련인데, '이웃'은 이런 클래스를 일컫는 것 같다.", false},
		{"일부 모델에서는 이런 꼼수가 통하지 않는다.", true},
		{"각 입력이 레이블과 모델이 이런 레이블을 예측하는 데 쓰는 문맥을 함께 준다.", false},
		// "위와 같이", "위처럼" inside the sentence point at the code or
		// lines above it, which are no part of a bullet.
		{"데이터 액세스 기술의 API는 독자적인 예외를 던지기 때문에 위와 같이 인터페이스를 바꿔줄 수도 있다.", true},
		{"정적 타입 시스템인 이유도 위처럼 타입 안정성을 강화하기 위해서다.", true},
		{"위치 정보는 위도와 경도로 나타낸다.", false},
	} {
		if got := anaphoric(c.s); got != c.want {
			t.Errorf("anaphoric(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// A setting before the subject ("리액트에서 상태는 …") is not the subject's
// phrase: the subject follows it, and a sentence saying what that subject
// is defines it.
func TestSubjectAfterASetting(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"뷰에서 컴포넌트는 화면을 이루는 재사용 가능한 단위이다.", "컴포넌트"},
		{"자바스크립트에서는 함수도 객체로 취급된다.", ""},
		{"캐시에서 값을 읽는다.", ""},
	} {
		if got := subject(readMorphs(c.s), c.s); got != c.want {
			t.Errorf("subject(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	const src = "# 9장 상태\n\n- 뷰에서 컴포넌트는 화면을 이루는 재사용 가능한 단위이다.\n"
	m := Analyze([]Note{{Member: "나무", Doc: parse("w9/나무.md", src)}}).Members[0]
	if s := find(t, m, "뷰에서 컴포넌트는"); !s.Definition {
		t.Errorf("%q: not read as a definition", s.Body)
	}
}

// A guess that opens with 아마 explains what the sentence before it on the
// same line observed: that sentence is its context. A guess on a line of
// its own, or after a question, takes nothing.
func TestGuessTakesTheObservationBeforeIt(t *testing.T) {
	const note = `# 타입 정리

## unknown

- 내가 써 본 바로는, catch 절의 error가 unknown 타입이었다. 아마 어떤 에러가 올지 모르기 때문에 unknown 인 것 같다.
- 라이브러리의 응답 타입도 unknown으로 두는 경우가 많다.
- 아마 응답 모양을 미리 알 수 없어서 그런 것 같다.
- 왜 any가 아니라 unknown일까? 아마 안전하게 쓰라는 뜻인 것 같다.
`
	w := Analyze([]Note{{Member: "바다", Doc: parse("w1/바다.md", note)}})
	m := w.Members[0]
	s := find(t, m, "어떤 에러가 올지")
	if s.Context == nil || !strings.Contains(s.Context.Body, "error가 unknown 타입이었다") {
		t.Errorf("%q: want the observation before it on its line as context; got %v", s.Body, s.Context)
	}
	if s := find(t, m, "응답 모양을 미리"); s.Context != nil {
		t.Errorf("%q: a guess on a line of its own takes no context; got %q", s.Body, s.Context.Body)
	}
	if s := find(t, m, "안전하게 쓰라는"); s.Context != nil {
		t.Errorf("%q: a question is no observation to explain; got %q", s.Body, s.Context.Body)
	}
}

// A question closing a section that the next section at the same level
// takes up in its first line is the book leading into that section, as
// with a subsection; the member's own labelled question stays open.
func TestQuestionTheNextSectionTakesUpIsALeadIn(t *testing.T) {
	src := `# 7장 비동기 호출

## 7.1 API 요청

### fetch로 요청하기

- 컴포넌트 안에 깊이 들어간 호출 코드는 API 주소가 바뀌면 고치기 어렵다.
- 새 요청 정책이 생길 때마다 호출 코드를 고쳐야 하는 번거로움을 어떻게 해결할까?

### 서비스 레이어로 분리하기

- 호출 코드를 서비스 레이어로 옮기는 것만으로는 새 요청 정책이 생기는 문제를 해결하기 어렵다.

### 재시도 정책

- Q: 재시도 정책은 팀마다 어떻게 정할까?

### 재시도 구현

- 재시도 정책은 인터셉터에서 한 번에 처리한다.
`
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w7/하늘.md", src)}})
	m := w.Members[0]
	if s := find(t, m, "번거로움을 어떻게 해결할까"); !s.Answered {
		t.Errorf("%q: the next section takes it up in its first line; want answered (the book's lead-in)", s.Body)
	}
	if s := find(t, m, "팀마다 어떻게 정할까"); s.Answered {
		t.Errorf("%q: the member's own labelled question; want it open", s.Body)
	}
}
