package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// A sentence that opens on the order of a walkthrough is a step of the
// book's example; the same opener inside a noun phrase ("가장 먼저 해야 할
// 질문은 …") belongs to a principle.
func TestStepOpener(t *testing.T) {
	for body, want := range map[string]bool{
		"가장 먼저 주문 클래스의 SQL을 설정 파일로 뺀다.":                   true,
		"이제 Status로 대기 또는 완료만 올 수 있기 때문에 취소를 넣으면 에러가 난다.": true,
		"지금까지는 설정을 XML에 담았지만 이제는 자바 코드로 바꿀 것이다.":          true,
		"먼저 전체 빌드 과정을 관리하는 객체가 생성된다.":                     true,
		"이전에는 주문 상태를 문자열 하나로 선언했다.":                       true,
		"가장 먼저 해야 할 질문은 왜 캐시가 필요한지다.":                     false,
		"먼저 정해야 하는 것은 캐시의 만료 정책이다.":                       false,
		"캐시는 먼저 조회하고 없으면 DB에서 읽는다.":                       false,
	} {
		if got := stepOpener(body, text.Read(body).Morphs); got != want {
			t.Errorf("stepOpener(%q) = %v, want %v", body, got, want)
		}
	}
}

// A walkthrough step is no key insight: the point of the same passage
// ranks above it.
func TestStepIsNoInsight(t *testing.T) {
	const src = "# 7장 설정 분리\n\n" +
		"- 가장 먼저 주문 클래스의 SQL을 설정 파일로 뺀다.\n" +
		"- SQL을 코드 밖에 두면 쿼리를 바꿀 때 클래스를 다시 컴파일할 필요가 없다.\n"
	m := Analyze([]Note{{Member: "나무", Doc: parse("w7/나무.md", src)}}).Members[0]
	step, point := find(t, m, "가장 먼저 주문 클래스의"), find(t, m, "SQL을 코드 밖에 두면")
	if step.Scores[insight.KeyInsights] >= point.Scores[insight.KeyInsights] {
		t.Errorf("step scores %.2f, the point %.2f: want the step below", step.Scores[insight.KeyInsights], point.Scores[insight.KeyInsights])
	}
}
