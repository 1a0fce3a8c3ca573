package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// A line a pros-and-cons list marks as a drawback ("👎 …를 계속 관리해야
// 한다", "단점: …해야 한다") says what the thing costs, not what to do; the
// same obligation unmarked is advice the note gives.
func TestDrawbackIsNoAdvice(t *testing.T) {
	const note = `# 9장 개발 환경

## 빌드 도구

- 👍 플러그인 방식의 도구는 필요한 기능을 골라서 추가할 수 있다.
- 👎 플러그인마다 빌드 도구의 버전과 호환되는지 매번 확인하고 직접 관리해야 한다.
- 단점: 빌드 설정 파일을 프로젝트마다 따로 복사해서 유지해야 한다.
`
	m, w := memberOf(t, "은지", note)
	got := bulletTexts(sectionOf(t, m, w, insight.KeyPractical))
	if strings.Contains(got, "직접 관리해야") || strings.Contains(got, "따로 복사해서 유지해야") {
		t.Errorf("실무 적용 = %q; a drawback is no advice", got)
	}
	plain := strings.NewReplacer("👎 ", "", "단점: ", "").Replace(note)
	m, w = memberOf(t, "은지", plain)
	if got := bulletTexts(sectionOf(t, m, w, insight.KeyPractical)); !strings.Contains(got, "직접 관리해야") && !strings.Contains(got, "유지해야") {
		t.Errorf("실무 적용 = %q; unmarked, the obligation is the note's advice", got)
	}
}
