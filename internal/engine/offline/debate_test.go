package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
)

// Notes whose questions are of three kinds: the member's own open
// question (it goes to their 추가 학습), a statement with a question in
// parentheses, and a dispute nested under the line it is about.
var debateNotes = map[string]string{
	"하늘": `# 8장 메시지 큐

## 정리

- 소비자 그룹은 늘릴수록 처리량이 파티션 수까지 늘어난다.
  - 왜 그 이상은 늘지 않는지에 대해서는 여러 논쟁이 있으며, 앞으로 구조가 크게 바뀔 것으로 예상한다.
- 큐를 도입할 때 재처리 정책을 먼저 정하는 것이 중요(실패하면 어떻게 될까?)

## 궁금한 점

- 정확히 한 번 전달은 실제로 어떻게 보장하는 걸까?
`,
	"바다": `# 8장 정리

메시지 큐는 생산자와 소비자를 떼어 놓는다.
소비자 그룹은 파티션을 나눠 읽는다.
`,
}

func debateInput() *engine.Input {
	return commonInput([][2]string{{"하늘", debateNotes["하늘"]}, {"바다", debateNotes["바다"]}})
}

func TestDebateSaysNothingTheStudyListSays(t *testing.T) {
	w := generateGroup(t, debateInput())
	study := texts(section(t, w.Members[0].Sections, insight.KeyStudy))
	if !strings.Contains(study, "정확히 한 번 전달") {
		t.Fatalf("fixture: 하늘's own question should be in 추가 학습:\n%s", study)
	}
	debate := texts(section(t, w.Group, insight.KeyDebate))
	if strings.Contains(debate, "정확히 한 번 전달") {
		t.Errorf("심화 토론 repeats a question of 하늘's 추가 학습:\n%s", debate)
	}
	if sec := section(t, w.Group, insight.KeyDebate); len(sec.Bullets) == 0 && sec.Notice != NoticeDebateInStudy {
		t.Errorf("심화 토론 empty with notice %q; the open question is in 추가 학습, say so", sec.Notice)
	}
	if strings.Contains(debate, "재처리 정책") {
		t.Errorf("심화 토론 takes a statement with a question in parentheses for an open question:\n%s", debate)
	}
}

func TestDebateKeepsTheLineItIsAbout(t *testing.T) {
	debate := section(t, generateGroup(t, debateInput()).Group, insight.KeyDebate)
	b := bulletWith(debate, "여러 논쟁")
	if b == nil {
		t.Fatalf("심화 토론 misses the dispute 하늘 reported:\n%s", texts(debate))
	}
	if !strings.Contains(b.Text, "처리량이 파티션 수까지") || len(b.Sources) != 2 {
		t.Errorf("the dispute %q lost the line it is about (sources %+v)", b.Text, b.Sources)
	}
}

func TestAsideQuestion(t *testing.T) {
	for body, want := range map[string]bool{
		"재처리 정책을 먼저 정하는 것이 중요(실패하면 어떻게 될까?)": true,
		"재처리 정책은 누가 정해야 할까?":                 false,
		"재처리(retry) 정책은 누가 정할까?":             false,
		"재처리 정책을 먼저 정한다(3장 참고)":              false,
	} {
		if got := asideQuestion(body); got != want {
			t.Errorf("asideQuestion(%q) = %v, want %v", body, got, want)
		}
	}
}

func TestDebateNoticeWhenTheQuestionsAreInTheStudyList(t *testing.T) {
	in := commonInput([][2]string{
		{"하늘", "# 8장\n\n메시지 큐는 생산자와 소비자를 떼어 놓는다.\n\n## 궁금한 점\n\n- 정확히 한 번 전달은 실제로 어떻게 보장하는 걸까?\n"},
		{"바다", "# 8장\n\n소비자 그룹은 파티션을 나눠 읽는다.\n"},
	})
	w := generateGroup(t, in)
	if !strings.Contains(texts(section(t, w.Members[0].Sections, insight.KeyStudy)), "정확히 한 번 전달") {
		t.Fatal("fixture: 하늘's own question should be in 추가 학습")
	}
	debate := section(t, w.Group, insight.KeyDebate)
	if len(debate.Bullets) != 0 || debate.Notice != NoticeDebateInStudy {
		t.Errorf("심화 토론 %q / notice %q: want no bullet and the notice that the open questions are in 추가 학습", texts(debate), debate.Notice)
	}
}

// A guess about how something will feel to the writer ("…연습이 많이 필요할
// 것 같다") argues nothing; a guess about the thing itself does.
func TestDebateQuotesNoFeelingOfEffort(t *testing.T) {
	plain := "# 8장 정리\n\n메시지 큐는 생산자와 소비자를 떼어 놓는다.\n소비자 그룹은 파티션을 나눠 읽는다.\n"
	for _, c := range []struct {
		line, want string
	}{
		{"예제를 여러 번 따라 치면서 메시지 큐 코드에 익숙해지기 위한 훈련이 필요할 것 같다.", ""},
		{"파티션을 너무 잘게 나누면 오히려 순서 보장이 어려워져서 손해일 것 같다.", "순서 보장"},
	} {
		in := commonInput([][2]string{
			{"하늘", "# 8장 메시지 큐\n\n- 소비자 그룹은 파티션을 나눠 읽는다.\n- " + c.line + "\n"},
			{"바다", plain},
		})
		debate := texts(section(t, generateGroup(t, in).Group, insight.KeyDebate))
		switch {
		case c.want == "" && strings.Contains(debate, "것 같다"):
			t.Errorf("심화 토론 quotes a feeling of effort:\n%s", debate)
		case c.want != "" && !strings.Contains(debate, c.want):
			t.Errorf("심화 토론 misses the guess about the thing itself:\n%s", debate)
		}
	}
}

func TestDebateQuotesARemarkWithTheSectionItIsOn(t *testing.T) {
	// "이 부분 설명에 … 것 같다" is the writer's remark on the section it
	// stands in: 심화 토론 quotes it with that section's heading, which
	// says which part.
	in := commonInput([][2]string{
		{"하늘", "# 8장\n\n메시지 큐는 생산자와 소비자를 떼어 놓는다.\n\n## 오프셋 커밋 시점 정하기\n\n이 부분 설명에 약간의 오류가 있는 것 같다.\n"},
		{"바다", "# 8장\n\n소비자 그룹은 파티션을 나눠 읽는다.\n"},
	})
	debate := section(t, generateGroup(t, in).Group, insight.KeyDebate)
	if !strings.Contains(texts(debate), "“오프셋 커밋 시점 정하기”에 대해 “이 부분 설명에 약간의 오류가 있는 것 같다”") {
		t.Fatalf("심화 토론 misses 하늘's remark with the section it is on:\n%s (notice %q)", texts(debate), debate.Notice)
	}
	for _, b := range debate.Bullets {
		if strings.Contains(b.Text, "오류가 있는 것 같다") && (len(b.Sources) != 2 || b.Sources[0].Quote != "오프셋 커밋 시점 정하기") {
			t.Errorf("the remark's bullet cites %+v: want the heading, then the remark", b.Sources)
		}
	}
}

func TestDebateQuotesAViewWithTheLineItAnswers(t *testing.T) {
	// The only view in the notes leans on the line above it: 심화 토론
	// quotes the two together instead of saying the notes hold no view.
	in := commonInput([][2]string{
		{"하늘", "# 4장\n\n## 체크 예외\n\n- 체크 예외\n    - 컴파일러가 처리를 강제한다\n    - 실수를 막아 주려는 배려라고 볼 수도 있겠지만…\n    - 짜증 제대로다~\n"},
		{"바다", "# 4장\n\n런타임 예외는 잡지 않아도 컴파일된다.\n"},
	})
	debate := section(t, generateGroup(t, in).Group, insight.KeyDebate)
	want := "“실수를 막아 주려는 배려라고 볼 수도 있겠지만…”에 이어 “짜증 제대로다~”"
	if !strings.Contains(texts(debate), want) {
		t.Fatalf("심화 토론 misses 하늘's view with the line it answers:\n%s (notice %q)", texts(debate), debate.Notice)
	}
}

// A resolution of the writer's ("…고민을 많이 해야겠다고 느꼈다") is what
// they mean to do: like a wish, nothing the group can argue. A view of
// theirs is.
func TestDebateTakesNoResolution(t *testing.T) {
	in := commonInput([][2]string{
		{"하늘", "# 5장\n\n## 느낀 점\n\n설계를 할 때 메시지 순서에 대해 고민을 많이 해야겠다고 느꼈다.\n"},
		{"바다", "# 5장\n\n## 느낀 점\n\n메시지 순서를 보장하려고 파티션을 하나로 두는 것은 처리량을 너무 희생하는 것 같다.\n"},
	})
	debate := texts(section(t, generateGroup(t, in).Group, insight.KeyDebate))
	if strings.Contains(debate, "고민을 많이 해야겠다") {
		t.Errorf("심화 토론 argues over a resolution:\n%s", debate)
	}
	if !strings.Contains(debate, "처리량을 너무 희생하는") {
		t.Errorf("심화 토론 misses 바다's view:\n%s", debate)
	}
}

// A view with what the writer draws from it on the same line ("…치중되는
// 것 같다. …노력해야 할 것 같다.") is one point: 심화 토론 quotes both.
func TestDebateQuotesTheViewWithItsConclusion(t *testing.T) {
	const view = "여러 책을 읽을 때마다 그 책이 미는 방식에 더 기울게 되는 것 같다."
	const drawn = "원칙을 맹목적으로 따르지 않으려고 노력해야 할 것 같다."
	in := commonInput([][2]string{
		{"하늘", "# 5장\n\n## 느낀 점\n\n" + view + " " + drawn + "\n"},
		{"바다", "# 5장\n\n## 정리\n\n메시지 순서는 파티션 안에서만 보장된다.\n"},
	})
	b := bulletWith(section(t, generateGroup(t, in).Group, insight.KeyDebate), "미는 방식에")
	if b == nil {
		t.Fatalf("심화 토론 misses 하늘's view")
	}
	if !strings.Contains(b.Text, strings.TrimSuffix(view, ".")+". "+strings.TrimSuffix(drawn, ".")) || len(b.Sources) != 2 {
		t.Errorf("심화 토론 quotes the view without what 하늘 draws from it: %q (%d sources)", b.Text, len(b.Sources))
	}
}

// Notes that hold no view of the kinds above but a member's own proposal
// still give the group something to argue: 심화 토론 asks about that
// proposal rather than saying the notes hold nothing (readers called that
// line false in nine reads of ten). Notes of facts alone keep the line.
func TestDebateFallsBackOnAMembersProposal(t *testing.T) {
	plain := "# 8장 정리\n\n메시지 큐는 생산자와 소비자를 떼어 놓는다.\n소비자 그룹은 파티션을 나눠 읽는다.\n"
	in := commonInput([][2]string{
		{"하늘", "# 8장 메시지 큐\n\n- 소비자 그룹은 파티션을 나눠 읽는다.\n- 실패한 메시지를 다시 처리하는 재처리 큐는 서비스마다 따로 두는 것이 좋다.\n"},
		{"바다", plain},
	})
	debate := section(t, generateGroup(t, in).Group, insight.KeyDebate)
	if !strings.Contains(texts(debate), "재처리 큐는 서비스마다 따로 두는 것이 좋다") {
		t.Errorf("심화 토론 %q / notice %q: want 하늘's proposal asked", texts(debate), debate.Notice)
	}
	in = commonInput([][2]string{{"하늘", plain}, {"바다", plain}})
	if debate := section(t, generateGroup(t, in).Group, insight.KeyDebate); len(debate.Bullets) != 0 || debate.Notice != NoticeNoDebate {
		t.Errorf("심화 토론 %q / notice %q: notes of facts alone hold nothing to argue", texts(debate), debate.Notice)
	}
}

// The fallback never quotes a line naming no subject, which leans on a
// caption or line above for what it is about ("…큰 영향을 주기 때문에
// 신중해야 한다" under "추상 계층의 도입"): quoted alone, it asks about
// nothing. A proposal naming its subject is asked instead.
func TestDebateFallbackQuotesNoLineWithoutItsSubject(t *testing.T) {
	in := commonInput([][2]string{
		{"하늘", "# 8장 메시지 큐\n\n- 소비자 그룹은 파티션을 나눠 읽는다.\n- 운영 중인 서비스 전체에 큰 영향을 주기 때문에 아주 신중하게 결정해야 한다.\n- 실패한 메시지를 다시 처리하는 재처리 큐는 서비스마다 따로 두는 것이 좋다.\n"},
		{"바다", "# 9장 정리\n\n메시지 큐는 생산자와 소비자를 떼어 놓는다.\n소비자 그룹은 파티션을 나눠 읽는다.\n"},
	})
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyDebate))
	if strings.Contains(got, "큰 영향을 주기 때문에") || !strings.Contains(got, "재처리 큐는") {
		t.Errorf("심화 토론 = %q, want the proposal naming its subject, not the line leaning on its heading", got)
	}
}

// A line that only says how something struck the writer ("…방식이
// 신선했다", under their impressions) is theirs, but no one can agree or
// disagree with it: 심화 토론 asks about a statement of theirs instead.
func TestDebateAsksNoReaction(t *testing.T) {
	const felt = `# 9장 유연한 설계

## 생성과 사용

객체를 생성하는 책임은 마지막에 정한다.

## 추상화

- 추상화는 변경에 대비하는 도구다.
- 필요없는 부분까지 추상화해서 코드를 어렵게 만들 필요는 없다.

## 느낀점

지연 초기화 절에서 사용한 방식이 정말 신선했다.
`
	w := generateGroup(t, commonInput([][2]string{{"혜온", felt}, {"유선", "# 9장\n\n책임 할당은 협력을 먼저 본다.\n"}}))
	persp := texts(section(t, w.Members[0].Sections, insight.KeyPerspective))
	if !strings.Contains(persp, "신선했다") {
		t.Fatalf("fixture: the reaction should be 혜온's angle:\n%s", persp)
	}
	debate := section(t, w.Group, insight.KeyDebate)
	if got := texts(debate); strings.Contains(got, "신선했다") || !strings.Contains(got, "필요는 없다") {
		t.Errorf("심화 토론 = %q (notice %q); want the question on 혜온's statement, not on how the section struck her", got, debate.Notice)
	}
}

// A view that names no subject is quoted with the concept of the heading
// it is under; one that opens by pointing back ("그냥 이런 것도 …") and has
// nothing to lead it (a heading naming no concept) is not quoted at all.
func TestDebateViewKeepsItsHeadingConcept(t *testing.T) {
	const hj = `# 8장 JSX에서 TSX로

## 1. 클래스 컴포넌트

- 클래스 컴포넌트는 React.Component를 상속받을 수 있다.
- 이 타입은 props와 state 타입을 제네릭으로 받는다.
- 함수형이 권장되므로 레거시 코드 읽을때에나 사용할듯..

## 2. 함수 컴포넌트

- 함수 컴포넌트는 props를 인자로 받는다.
- 반환 타입은 JSX.Element로 추론된다.

## 3. 이벤트 핸들러

- 이벤트 핸들러의 타입은 React.MouseEventHandler처럼 이벤트마다 따로 있다.
- 핸들러 props의 이름은 on으로 시작한다.
- 제네릭 컴포넌트는 props의 타입을 인자로 받아 추론한다.
- 제네릭 컴포넌트로 Select의 option 값 타입을 좁힐 수 있다.
- HTML 태그의 속성 타입은 ComponentPropsWithoutRef로 가져온다.

## 정리

그냥 이런 것도 있다 정도로 알아두면 될 듯.
`
	w := generateGroup(t, commonInput([][2]string{{"혜정", hj}, {"진수", "# 8장\n\n제네릭 컴포넌트는 타입을 인자로 받는다.\n"}}))
	debate := texts(section(t, w.Group, insight.KeyDebate))
	if !strings.Contains(debate, "“클래스 컴포넌트”에 대해 “함수형이 권장되므로") {
		t.Errorf("심화 토론 = %q; want the view quoted on its heading's concept", debate)
	}
	if strings.Contains(debate, "이런 것도 있다") {
		t.Errorf("심화 토론 = %q; quotes a line that points back with nothing to say at what", debate)
	}
}

// Two members who set the same concept against another ("…자율성을 보장하는
// 대신 …결합도가 상승했다" under a label, "…의 자율성 vs 결합도가 높은 설계"
// without a predicate) wrote one trade-off: 심화 토론 asks when to take
// which side.
func TestDebateTradeoffSetAgainstAnother(t *testing.T) {
	const a = `# 1장 객체, 설계

## 핵심

- 객체지향 설계의 핵심은 적절한 객체에 적절한 책임을 할당하는 것이다.

**트레이드오프**
- 책에선 객체의 자율성을 보장하는대신 전체 설계관점에서의 결합도가 상승했다.
`
	const b = `# 1장

## 설계 개선하기

Bag을 자율적인 존재로 바꾸어 관련된 로직을 Bag 안에 캡슐화했다.

객체의 자율성을 높이는 방향으로 설계를 개선했다.

TicketOffice의 자율성 vs 결합도가 높은 변경에 어려운 설계
`
	w := generateGroup(t, commonInput([][2]string{{"영진", a}, {"혜온", b}}))
	debate := texts(section(t, w.Group, insight.KeyDebate))
	if !strings.Contains(debate, "보장하는대신") || !strings.Contains(debate, "자율성 vs") || !strings.Contains(debate, "트레이드오프") {
		t.Errorf("심화 토론 = %q; want the trade-off both members wrote", debate)
	}
}

// Open questions in the members' 추가 학습 do not leave the group with
// nothing else to argue: a member's own proposal elsewhere in the notes is
// asked about (readers called the notice false 34 times of 38 where the
// notes held such a view). The notice stays for notes of facts alone.
func TestDebateAsksAProposalBesideTheStudyQuestions(t *testing.T) {
	in := commonInput([][2]string{
		{"하늘", "# 8장\n\n메시지 큐는 생산자와 소비자를 떼어 놓는다.\n\n## 궁금한 점\n\n- 정확히 한 번 전달은 실제로 어떻게 보장하는 걸까?\n"},
		{"바다", "# 8장\n\n- 소비자 그룹은 파티션을 나눠 읽는다.\n- 재처리 큐는 서비스마다 따로 두는 것이 바람직하다.\n"},
	})
	w := generateGroup(t, in)
	if !strings.Contains(texts(section(t, w.Members[0].Sections, insight.KeyStudy)), "정확히 한 번 전달") {
		t.Fatal("fixture: 하늘's own question should be in 추가 학습")
	}
	debate := section(t, w.Group, insight.KeyDebate)
	if !strings.Contains(texts(debate), "재처리 큐는 서비스마다") || debate.Notice != "" {
		t.Errorf("심화 토론 %q / notice %q: want 바다's proposal asked", texts(debate), debate.Notice)
	}
}
