package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// A note that mixes the book's signposts, an answered question whose
// answer markers the sentence splitter cuts off ("A1."), and a line with
// two questions of the writer's own.
const signpostNote = `# 5장 정리

이 책에서는 강화 학습 중 보상 모델 방식을 주로 다룬다.

5장은 프롬프트를 평가 대상으로 둔다.

자세한 내용은 뒤의 장에서 다룰 예정이다.

이 장에서는 평가 방법의 설계 요소들에 대해서만 설명한다.

책에서는 TTL만 설명했지만 이벤트 기반 무효화가 더 정확하다고 생각한다.

캐시 적중률은 읽기 패턴이 고를수록 높아진다.

<aside>

Q. 모델은 왜 글자가 아니라 서브워드를 단위로 쓸까?

A1. 글자보다 서브워드가 의미 있는 조각으로 나뉜다
A2. 어휘 크기가 줄어든다

</aside>

팀마다 기준이 다른데 검색 결과의 품질을 누가 판단할 수 있을까. 판단 기준은 얼마나 엄격해야 할까?
`

func TestBookSignpostsAreNoPoints(t *testing.T) {
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", signpostNote)}})
	m := w.Members[0]
	for _, s := range []string{"주로 다룬다", "평가 대상으로 둔다", "다룰 예정이다", "대해서만 설명한다"} {
		if got := find(t, m, s); len(got.Scores) > 0 {
			t.Errorf("signpost %q scored %v, want no section", got.Body, got.Scores)
		}
	}
	if got := find(t, m, "이벤트 기반 무효화"); got.Scores[insight.KeyPerspective] < 1 {
		t.Errorf("the member's view set against the book (%q) lost its perspective score: %v", got.Body, got.Scores)
	}
	if got := find(t, m, "캐시 적중률은"); got.Scores[insight.KeyInsights] == 0 {
		t.Errorf("a plain statement (%q) lost its insight score: %v", got.Body, got.Scores)
	}
}

func TestCutAnswerMarkersStillAnswer(t *testing.T) {
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", signpostNote)}})
	q := find(t, w.Members[0], "서브워드를 단위로 쓸까")
	if !q.Answered || q.Scores[insight.KeyStudy] > 0 {
		t.Errorf("a question followed by A1./A2. lines: answered %v, study score %v; want answered and no study target", q.Answered, q.Scores[insight.KeyStudy])
	}
}

func TestTwoQuestionsOnOneLineAreNoChecklist(t *testing.T) {
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", signpostNote)}})
	for _, s := range []string{"누가 판단할 수 있을까", "얼마나 엄격해야 할까"} {
		if q := find(t, w.Members[0], s); q.Checklist {
			t.Errorf("%q is marked a checklist item; two questions on one line are the writer's", q.Body)
		}
	}
}

func TestTitleCountingItemsIsNoBullet(t *testing.T) {
	src := "# 메모\n\n- 캐시가 꼭 필요한 상황 두 가지\n  - 읽기가 쓰기보다 훨씬 많을 때\n  - 원본 조회가 느릴 때\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", src)}})
	if s := find(t, w.Members[0], "상황 두 가지"); s.Problem != ProblemPromise {
		t.Errorf("%q: problem %q, want %q (it announces the items below)", s.Body, s.Problem, ProblemPromise)
	}
}

func TestNominalisedLineIsNoInsight(t *testing.T) {
	src := "# 메모\n\n- 모델이 할 일을 모호함 없이 설명하기\n- 캐시 크기는 적중률을 크게 좌우한다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", src)}})
	if s := find(t, w.Members[0], "설명하기"); s.Scores[insight.KeyInsights] > 0 {
		t.Errorf("%q scored %v as an insight; a line ending in -기 is a to-do or a label", s.Body, s.Scores)
	}
	if s := find(t, w.Members[0], "캐시 크기는"); s.Scores[insight.KeyInsights] == 0 {
		t.Errorf("%q (크기 is a noun, not -기) lost its insight score: %v", s.Body, s.Scores)
	}
}

func TestStatementsThatLeanOnTheLineAbove(t *testing.T) {
	src := `# 메모

## 평균 승률

한 모델이 다른 모델보다 더 좋은 점수를 얻는 비율을 과제별로 평균 낸 것이다.

## 꼼수

일부 모델에서는 이런 꼼수가 효과가 있지만 모델이 좋아지면 쓸모없어진다.

## 용어

예시를 프롬프트에 넣어 가르치는 것을 퓨샷 학습이라 함

한 서비스가 일을 하려고 다른 서비스를 불러야 하는 경우, 두 서비스 사이에 결합이 있다고 말한다.

캐시 적중률은 읽기 패턴이 고를수록 높아진다.
`
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", src)}})
	m := w.Members[0]
	// The heading right above names it: the sentence carries it as its
	// frame (or leans on the line above, or is left out).
	if s := find(t, m, "평균 낸 것이다"); s.Problem == "" && s.Context == nil && !(s.FrameNeeded && s.Frame == "평균 승률") {
		t.Errorf("%q says what an unnamed thing is; want it to lean on the line above (problem, context or the heading as frame), got none; frame %q", s.Body, s.Frame)
	}
	if s := find(t, m, "이런 꼼수가"); len(s.Scores) > 0 && s.Context == nil && s.Problem == "" {
		t.Errorf("%q points back at something; want it read with the line above or left out", s.Body)
	}
	if s := find(t, m, "퓨샷 학습이라 함"); !s.Definition {
		t.Errorf("%q names a term; want a definition", s.Body)
	}
	if s := find(t, m, "결합이 있다고 말한다"); !s.Definition {
		t.Errorf("%q says when a term applies (\"…다고 말한다\"); want a definition", s.Body)
	}
	if s := find(t, m, "캐시 적중률은"); s.Problem != "" || s.Context != nil {
		t.Errorf("%q stands alone; got problem %q, context %v", s.Body, s.Problem, s.Context != nil)
	}
}

func TestItemLabelIsNoPartOfTheSentence(t *testing.T) {
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", signpostNote)}})
	s := find(t, w.Members[0], "의미 있는 조각으로 나뉜다")
	if strings.HasPrefix(s.Body, "A1") || !strings.HasPrefix(s.Raw, "A1.") {
		t.Errorf("body %q, raw %q: want the label kept in the raw line and out of the body", s.Body, s.Raw)
	}
}

// A line that trails off into the code right below it before saying
// anything shows the code, not a point; one that said its point before
// trailing off stands.
func TestLineTrailingIntoCode(t *testing.T) {
	src := "# 8장\n\n- 마침 내가 어제 만든 비슷한 훅이 있어서 복습겸...\n\n```ts\nconst useAudio = () => {}\n```\n\n" +
		"- 이번 장을 읽고 보니 스타일 컴포넌트의 props에도 타입을 지정해야 한다는 걸 깨달았다...\n\n```ts\ntype Props = { color: string }\n```\n\n" +
		"- 캐시 키는 짧을수록 좋다...\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w8/하늘.md", src)}})
	m := w.Members[0]
	if s := find(t, m, "복습겸"); s.Problem != ProblemDangling {
		t.Errorf("%q: problem %q, want dangling (it leads into the code)", s.Body, s.Problem)
	}
	for _, sub := range []string{"깨달았다", "짧을수록"} {
		if s := find(t, m, sub); leadsIntoCode(m, s) {
			t.Errorf("%q: read as leading into code; it says its point (or no code follows)", s.Body)
		}
	}
}

// A line saying something is done "like this" ("…은 이렇게 바꿀 수 있다.")
// with code within the blocks below it points at the code: a bullet of
// the line alone shows nothing. "이렇게" further from the end points back,
// and with no code below the line stands.
func TestLineShowingTheCodeBelow(t *testing.T) {
	src := "# 6장\n\n만료 정책이 없던 OrderCache는 이렇게 바꿀 수 있다.\n\n- 맵 대신 LRU 리스트를 합성한다.\n\n```java\nclass OrderCache {}\n```\n\n" +
		"이렇게 하면 캐시가 커져도 오래된 항목부터 지워진다.\n\n```java\ncache.put(k, v);\n```\n\n" +
		"OrderCache는 이렇게 바꾸는 편이 좋다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w6/하늘.md", src)}})
	m := w.Members[0]
	if s := find(t, m, "이렇게 바꿀 수 있다"); s.Problem != ProblemDangling {
		t.Errorf("%q: problem %q, want dangling (it shows the code below)", s.Body, s.Problem)
	}
	for _, sub := range []string{"이렇게 하면", "바꾸는 편이 좋다"} {
		if s := find(t, m, sub); showsBelow(m, s) {
			t.Errorf("%q: read as showing the code below", s.Body)
		}
	}
}
