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

// A statement the next sentence on its line names as a principle ("…분리하면
// …제어할 수 있다. 이러한 설계 원칙을 …이라고 부른다") is that principle's
// definition, no practical idea; the same statement set in a situation of
// the reader's work ("…설계할 때 …") is a lever (alone, it is what the
// principle gains, see TestCanLeverIsPracticalOnlyWithSomethingToDo), and
// a proposal the book names ("…만들자. 이것을 …라고 한다") stays one.
func TestNamedPrincipleIsNoAdvice(t *testing.T) {
	const named = "# 11장 합성\n\n## 인터페이스\n\n- 사용하는 쪽마다 인터페이스를 나누면 변경의 영향을 더 좁게 가둘 수 있다. 이러한 설계 원칙을 역할 분리 원칙이라고 부른다.\n"
	if got, ok := practicalHas(t, "민호", named, "가둘 수 있다"); ok {
		t.Errorf("실무 적용 = %q; a named principle's definition is no advice", got)
	}
	set := strings.NewReplacer(" 이러한 설계 원칙을 역할 분리 원칙이라고 부른다.", "", "- 사용하는 쪽마다", "- 모듈을 설계할 때 사용하는 쪽마다").Replace(named)
	if got, ok := practicalHas(t, "민호", set, "가둘 수 있다"); !ok {
		t.Errorf("실무 적용 = %q; set in the reader's work, the action and what it gets is a lever for the reader", got)
	}
	proposal := "# 11장 평가\n\n## 테스트 세트\n\n- 서비스에서 중요한 흐름마다 작은 테스트 세트를 따로 만들자. 이것을 슬라이스 평가라고 한다.\n"
	if got, ok := practicalHas(t, "민호", proposal, "테스트 세트를 따로 만들자"); !ok {
		t.Errorf("실무 적용 = %q; a proposal stays one when the book names it", got)
	}
}

// An item nested under a list item that names a drawback ("- 트랜잭션
// 래퍼의 문제점") is one of the drawbacks, no practical idea; the same
// item under a list item of another kind is the note's advice.
func TestItemUnderADrawbackIsNoAdvice(t *testing.T) {
	const under = "# 6장 프록시\n\n## 트랜잭션 래퍼\n\n- 트랜잭션 래퍼의 문제점\n    - 래퍼마다 서비스 인터페이스의 메소드를 모두 직접 구현해서 위임해야 함\n"
	if got, ok := practicalHas(t, "지안", under, "모두 직접 구현해서"); ok {
		t.Errorf("실무 적용 = %q; a drawback listed under its label is no advice", got)
	}
	if got, ok := practicalHas(t, "지안", strings.Replace(under, "트랜잭션 래퍼의 문제점", "트랜잭션 래퍼의 구현", 1), "모두 직접 구현해서"); !ok {
		t.Errorf("실무 적용 = %q; under a neutral item, the obligation is the note's advice", got)
	}
}

// sectionHas reports whether member name's section key, generated from
// note, quotes text; got is the section's bullets for messages.
func sectionHas(t *testing.T, name, note, key, text string) (got string, ok bool) {
	t.Helper()
	m, w := memberOf(t, name, note)
	got = bulletTexts(sectionOf(t, m, w, key))
	return got, strings.Contains(got, text)
}

// practicalHas is sectionHas for 실무 적용.
func practicalHas(t *testing.T, name, note, text string) (string, bool) {
	t.Helper()
	return sectionHas(t, name, note, insight.KeyPractical, text)
}
