package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// A sentence of the member's own that fits 실무 적용 best but finds it
// full goes to the next section it fits, 독특한 관점, rather than nowhere.
func TestOwnLineFromAFullSectionGoesToTheNext(t *testing.T) {
	const src = `# 2장 테스트

## 정리

- 실무 프로젝트에서는 테스트를 작은 단위로 자주 실행하는 것이 좋다.
- 실무 프로젝트에서는 테스트 데이터를 테스트마다 새로 만드는 것이 안전하다.
- 실무 프로젝트에서는 외부 서비스를 목 객체로 대체하는 것이 바람직하다.
- 실무 프로젝트에서는 실패하는 테스트를 먼저 작성하는 것이 좋다.
- 실무 프로젝트에서는 테스트 이름에 기대하는 동작을 적는 것이 좋다.
- 실무 프로젝트에서는 설정 파일을 테스트 전용으로 따로 두는 것이 좋다.

## 스프링 테스트

스프링이 제공하는 테스트 지원 기능은 책 전반에 걸쳐 계속 설명해 준다고 합니다. → 어서 빨리 팀에서도 테스트 코드를 시작해야 할듯
`
	m, w := memberOf(t, "승빈", src)
	practical := sectionOf(t, m, w, insight.KeyPractical)
	if len(practical.Bullets) < 5 || strings.Contains(bulletTexts(practical), "시작해야 할듯") {
		t.Fatalf("fixture: 실무 적용 should be full of the book's advice: %q", bulletTexts(practical))
	}
	if persp := sectionOf(t, m, w, insight.KeyPerspective); !strings.Contains(bulletTexts(persp), "시작해야 할듯") {
		t.Errorf("독특한 관점 = %q (notice %q); want the member's own plan 실무 적용 had no room for", bulletTexts(persp), persp.Notice)
	}
}
