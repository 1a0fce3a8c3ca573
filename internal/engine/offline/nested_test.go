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

// The item right after a bullet's line, under a heading that names the
// bullet's headline, goes on with its point ("**구조적 서브타이핑**: …" then
// "이름이 다른 객체라도 …"): one bullet, not the same point twice.
func TestItemGoingOnUnderItsHeadlinesHeadingJoinsIt(t *testing.T) {
	const src = `# 2장 색인

### 벡터 색인

- **벡터 색인**은 검색 엔진에서 문서를 찾는 중요한 개념으로, 단어마다 그 단어가 나오는 문서 목록을 저장한다.
- 문서가 많아져도 단어 하나로 해당 문서 목록을 바로 꺼낼 수 있어서 전체 문서를 훑을 필요가 없다.

### 압축

- 문서 번호 목록은 차이값으로 저장하면 훨씬 작게 압축할 수 있다.
- 압축된 목록을 읽을 때는 복원 비용이 든다.
`
	m, w := memberOf(t, "바다", src)
	sec := sectionOf(t, m, w, insight.KeyInsights)
	var joined bool
	for _, b := range sec.Bullets {
		if strings.Contains(b.Text, "문서 목록을 저장한다") {
			joined = strings.Contains(b.Text, "전체 문서를 훑을 필요가 없다") && len(b.Sources) == 2
		}
		if strings.HasPrefix(b.Text, "문서가 많아져도") {
			t.Errorf("핵심 인사이트 %q: the item going on with the 벡터 색인 bullet stands alone", b.Text)
		}
	}
	if !joined {
		t.Errorf("핵심 인사이트 = %q, want the two 벡터 색인 items in one bullet", bulletTexts(sec))
	}
}
