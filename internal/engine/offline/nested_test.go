package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// An item nested under a line that a bullet quotes already is a detail of
// that bullet's point: it is no bullet of its own, which would have lost
// what it is about and say again what the bullet says.
func TestNestedItemUnderAQuotedLineIsNoBullet(t *testing.T) {
	const src = `# 9장 훅

**useMemo의 여러가지 특성**

- useMemo는 계산 결과를 저장해 두는 변수로 활용할 수 있을 뿐만 아니라 다른 방식으로도 유용하게 사용할 수 있다.
- useMemo로 관리되는 값은 의존성이 바뀌지 않으면 다시 계산되지 않는다.
  - **부모가 다시 그려지더라도 무거운 계산을 피할 수 있게 된다.**
- useMemo로 관리되는 값은 렌더링 중에 바로 읽을 수 있다.

커스텀 훅은 여러 컴포넌트의 상태 로직을 함께 쓰게 해 준다.
`
	got, _ := sectionHas(t, "바다", src, insight.KeyInsights, "")
	if !strings.Contains(got, "다시 계산되지 않는다") {
		t.Fatalf("핵심 인사이트 = %q: fixture should quote the useMemo items", got)
	}
	if strings.Contains(got, "|부모가 다시 그려지더라도") {
		t.Errorf("핵심 인사이트 = %q: the nested item is a bullet of its own beside the line it details", got)
	}
}
