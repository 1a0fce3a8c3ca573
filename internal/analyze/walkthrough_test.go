package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// A note that restates a book's walkthrough: the book's next steps on its
// running example ("…해보자"), a scenario it sets up, a signpost spaced
// the way notes space it, and lines that lean on something the bullet
// would not carry (a line that itself leans on the one above, a code
// block below).
const walkthroughNote = `# 6장 트랜잭션

## 6.2 포인트컷 적용

- 이제 OrderService를 인터페이스와 구현으로 분리해보자.
- 포인트컷을 적용해보자.
- 트랜잭션 속성을 정할 때 따르면 좋은 몇 가지 전략을 생각해보자.
- 주문이 몇 번 실패했는지 세고 싶다고 해보자.
- 다음 프로젝트에서는 서비스 계층에 트랜잭션 경계를 두는 방식을 적용해보자.
- 가능하다면 프레임워크가 제공하는 트랜잭션 가이드를 읽어보자.
- 트랜잭션의 응용 방식을 알아 볼 것이다.
- 쓰지 않는 설정까지 미리 추상화해서 코드를 읽기 어렵게 만들 필요는 없다.

## 정리

- 잘 설계된 서비스는 작은 객체들로 이루어진다. 이러한 객체들은 각자 한 가지 일을 맡는다. 이러한 분업은 객체들 사이의 의존을 만든다.
- 재고가 부족하면 주문을 거절해야 한다. 때문에 결제 서비스는 재고를 먼저 확인하는 흐름을 따른다.
- 설정 파일은 아래처럼 환경마다 나누어 두면 관리가 쉬워진다.
- 앞의 코드를 보면 알 수 있듯이 설정 객체는 한 번만 만들어진다.

코드 구조는 컴파일할 때 정해지지만 의존 대상은 실행 중에 정해지기도 한다. 인터페이스에 의존하는 경우가 그러하다.
`

func TestBookWalkthroughIsNoPracticalIdea(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w6/나무.md", walkthroughNote)}})
	m := w.Members[0]
	for _, s := range []string{"OrderService를 인터페이스와 구현으로", "포인트컷을 적용해보자", "세고 싶다고 해보자", "따르면 좋은 몇 가지 전략"} {
		if got := find(t, m, s); got.Scores[insight.KeyPractical] > 0 || got.Scores[insight.KeyPerspective] > 0 {
			t.Errorf("the book's walkthrough %q scored %v, want no practical idea and no view", got.Body, got.Scores)
		}
	}
	for _, s := range []string{"다음 프로젝트에서는", "가능하다면 프레임워크가", "미리 추상화해서"} {
		if got := find(t, m, s); got.Scores[insight.KeyPractical] == 0 {
			t.Errorf("a proposal in the reader's own setting (%q) lost its practical score: %v", got.Body, got.Scores)
		}
	}
	if got := find(t, m, "알아 볼 것이다"); len(got.Scores) > 0 {
		t.Errorf("the spaced signpost %q scored %v, want no section", got.Body, got.Scores)
	}
}

func TestLinesThatLeanOnWhatABulletLeavesOut(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w6/나무.md", walkthroughNote)}})
	m := w.Members[0]
	if got := find(t, m, "이러한 객체들은"); got.Context == nil || got.Problem != "" {
		t.Errorf("%q: context %v, problem %q; want the line above as its context", got.Body, got.Context, got.Problem)
	}
	// The pair "이러한 객체들은 … 이러한 분업은 …" still says nothing of
	// which objects: the second line cannot lean on a line that leans.
	if got := find(t, m, "이러한 분업은"); got.Problem != ProblemDangling {
		t.Errorf("%q leans on a line that leans itself: problem %q, want %q", got.Body, got.Problem, ProblemDangling)
	}
	if got := find(t, m, "때문에 결제 서비스는"); got.Context == nil || got.Problem != "" {
		t.Errorf("%q opens on 때문에: context %v, problem %q; want the line above as its context", got.Body, got.Context, got.Problem)
	}
	if got := find(t, m, "경우가 그러하다"); got.Context == nil || got.Problem != "" {
		t.Errorf("%q says its subject is like the line above: context %v, problem %q; want the line above as its context", got.Body, got.Context, got.Problem)
	}
	if got := find(t, m, "앞의 코드를 보면"); got.Problem != ProblemDangling {
		t.Errorf("%q points at code the bullet leaves out: problem %q, want %q", got.Body, got.Problem, ProblemDangling)
	}
	if got := find(t, m, "아래처럼"); got.Problem != ProblemDangling {
		t.Errorf("%q points at what follows it: problem %q, want %q", got.Body, got.Problem, ProblemDangling)
	}
}

// Brackets after a full stop on the same line: the writer's remark when
// it speaks in their voice, the book's gloss otherwise.
const trailingRemarkNote = `# 5장 의존성

실행할 때는 추상 클래스를 상속한 객체가 들어오므로 설계를 바꾸지 않고 확장할 수 있다. ( 즉 컴파일할 때는 구체 클래스에 의존하는 걸 지양해야 한다 )

테스트 대상은 목 오브젝트에만 의존하도록 분리할 수 있다. (하지만 저장소와는 이미 떨어져 있는데?)

비교 평가는 두 응답 중 나은 쪽을 고르게 한다. (여러 순위표가 이 방식을 사용한다.)
`

func TestTrailingBracketRemark(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w5/나무.md", trailingRemarkNote)}})
	m := w.Members[0]
	for _, s := range []string{"구체 클래스에 의존하는 걸 지양", "이미 떨어져 있는데"} {
		got := find(t, m, s)
		if got.Context == nil || !got.Voice.Remark || got.Problem != "" {
			t.Errorf("%q: context %v, remark %v, problem %q; want the writer's remark carrying its line", got.Body, got.Context, got.Voice.Remark, got.Problem)
		}
	}
	if got := find(t, m, "이미 떨어져 있는데"); !got.Voice.Question {
		t.Errorf("%q is a spoken question: voice %+v", got.Body, got.Voice)
	}
	if got := find(t, m, "순위표가 이 방식을"); got.Voice.Remark {
		t.Errorf("the book's gloss %q became the writer's remark", got.Body)
	}
}

// Lines the writer takes back on the next line.
const retractedNote = `# 5장 서비스 추상화

서비스 메소드의 내용을 저장소 메소드 안으로 옮기는 방법을 생각해볼 수 있다.

→ 이 방식은 비즈니스 로직과 데이터 로직을 한데 묶어 버리는 문제를 초래한다.

→ 서비스 안에서 시작한 트랜잭션에 저장소 메소드도 참여하게 할 수 있다. (결국 이 방법이 최고!)

인 줄 알았으나…

트랜잭션 경계를 서비스 계층에 두면 저장소 코드를 바꾸지 않고 묶음 단위를 정할 수 있다.
`

func TestRetractedLinesAreNoPoints(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w5/나무.md", retractedNote)}})
	m := w.Members[0]
	for _, s := range []string{"옮기는 방법을 생각해볼 수 있다", "참여하게 할 수 있다"} {
		if got := find(t, m, s); len(got.Scores) > 0 {
			t.Errorf("%q is taken back on the next line, yet scored %v", got.Body, got.Scores)
		}
	}
	if got := find(t, m, "묶음 단위를 정할 수 있다"); len(got.Scores) == 0 {
		t.Errorf("%q, which nothing takes back, lost its scores", got.Body)
	}
}

// Under a heading of the member's impressions, a doubt that is a study
// target goes to 추가 학습, and a resolution worded as a reflection is the
// member's view.
const impressionsNote = `# 6장 상속과 합성

## 느낀 점

합성을 쓰는 방식을 의도적으로 먼저 고려해야겠다는 생각을 했다.

말미의 믹스인은 사실 잘 이해가 되진 않았다.. 나중에 언젠가 따로 공부해보면 좋을 것 같다는 생각을 했다.
`

func TestDoubtUnderImpressionsIsAStudyTarget(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w6/나무.md", impressionsNote)}})
	m := w.Members[0]
	if got := find(t, m, "믹스인"); got.Best(insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy) != insight.KeyStudy {
		t.Errorf("%q: scores %v; want 추가 학습 first", got.Body, got.Scores)
	}
	if got := find(t, m, "의도적으로"); got.Problem != "" || got.Scores[insight.KeyPerspective] < 1 {
		t.Errorf("%q: problem %q, scores %v; want the member's view", got.Body, got.Problem, got.Scores)
	}
}

// Steps on the book's example code, and what the example can do under a
// numbered section of the book, are no practical ideas; the same kind of
// line under the member's own heading about practice is.
const exampleCodeNote = "# 7장 추상화\n\n## 7.3. 저장소 추상화 적용\n\n" +
	"```java\npublic interface OrderPolicy {\n    Money discount(Order order);\n}\n```\n\n" +
	"- 할인 규칙은 모두 OrderPolicy 인터페이스를 구현해야 한다.\n" +
	"- 설정 파일의 위치만 바꿔 원격 저장소의 파일을 읽어올 수 있다.\n\n" +
	"## 적용해 볼 점\n\n" +
	"- 설정 파일의 위치만 바꿔 운영 서버의 파일을 읽어올 수 있다.\n"

func TestStepsOnTheBooksExampleAreNoPracticalIdeas(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w7/나무.md", exampleCodeNote)}})
	m := w.Members[0]
	for _, s := range []string{"OrderPolicy 인터페이스를 구현해야", "원격 저장소의 파일을"} {
		if got := find(t, m, s); got.Scores[insight.KeyPractical] > 0 {
			t.Errorf("%q, a step of the book's example, scored %v; want no practical idea", got.Body, got.Scores)
		}
	}
	if got := find(t, m, "운영 서버의 파일을"); got.Scores[insight.KeyPractical] == 0 {
		t.Errorf("%q under the member's own heading about practice lost its practical score: %v", got.Body, got.Scores)
	}
}

// A question asking for other cases than the one the note shows stays
// open; a question the next line answers does not.
const moreCasesNote = `# 4장 캐시

## 무효화

캐시 무효화에 대한 다른 실용적인 예시는 없을까?

캐시 무효화는 주문이 바뀔 때 상품 캐시를 지우는 식으로 쓴다.

## 만료

캐시는 왜 만료 시간을 둘까?

캐시는 만료 시간이 지나면 원본을 다시 읽어 오래된 값을 버린다.
`

func TestQuestionAskingForOtherCasesStaysOpen(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w4/나무.md", moreCasesNote)}})
	m := w.Members[0]
	if got := find(t, m, "다른 실용적인 예시는"); got.Answered || got.Scores[insight.KeyStudy] == 0 {
		t.Errorf("%q asks for other cases than the one shown: answered %v, scores %v; want an open study target", got.Body, got.Answered, got.Scores)
	}
	if got := find(t, m, "왜 만료 시간을"); !got.Answered {
		t.Errorf("%q is answered on the next line: answered %v", got.Body, got.Answered)
	}
}

// The writer's remark on the section it stands in takes the section's
// heading as its frame; the book's "이 부분은 …" after code stays leaning.
const sectionRemarkNote = "# 5장 타입 활용\n\n## 조건부 타입으로 반환 타입 좁히기\n\n" +
	"```ts\ntype Pay<T> = T extends \"card\" ? Card : Bank;\n```\n\n" +
	"- 이 부분 설명에 약간의 오류가 있는 것 같다.\n\n" +
	"## 분산 조건부 타입\n\n```ts\ntype A = B;\n```\n\n- 이 부분은 유니온의 각 멤버에 조건을 따로 적용한다.\n"

func TestRemarkOnItsSectionTakesTheHeading(t *testing.T) {
	w := Analyze([]Note{{Member: "나무", Doc: parse("w5/나무.md", sectionRemarkNote)}})
	m := w.Members[0]
	if got := find(t, m, "약간의 오류가"); got.Problem != "" || got.Frame != "조건부 타입으로 반환 타입 좁히기" || !got.FrameNeeded {
		t.Errorf("%q: problem %q, frame %q; want the section's heading as its frame", got.Body, got.Problem, got.Frame)
	}
	if got := find(t, m, "각 멤버에 조건을"); got.Problem != ProblemDangling {
		t.Errorf("%q, the book's account after code, problem %q; want it leaning", got.Body, got.Problem)
	}
}
