package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// The member's own view nested under a list item that itself needs its
// label ("학습 테스트의 장점" / "- …호환성 검증을 도와준다." / "  - …gson이
// 그 예라고 생각한다.") keeps that item as the line it leans on, under the
// item's label: it is no dangling line, and it is the member's angle.
func TestNestedViewKeepsTheItemItHangsFrom(t *testing.T) {
	const src = `# 2장 테스트

## 학습 테스트

- 학습 테스트의 장점
    - 다양한 조건에 따른 기능을 손쉽게 확인해 볼 수 있다.
    - 프레임워크나 제품을 업그레이드할 때 호환성 검증을 도와준다.
        - 지난 프로젝트에서 사용한 gson이 그 예라고 생각한다.
`
	m := Analyze([]Note{{Member: "찬", Doc: parse("a.md", src)}, {Member: "현", Doc: parse("b.md", "# 2장\n\n테스트는 자동화해야 한다.\n")}}).Members[0]
	s := find(t, m, "gson이 그 예라고")
	if s.Problem != "" || s.Context == nil || s.Context.Body != "프레임워크나 제품을 업그레이드할 때 호환성 검증을 도와준다." {
		t.Fatalf("problem %q, context %v; want the item it hangs from as its context", s.Problem, s.Context)
	}
	if s.Scores[insight.KeyPerspective] == 0 {
		t.Errorf("scores %v; want the member's angle", s.Scores)
	}
}
