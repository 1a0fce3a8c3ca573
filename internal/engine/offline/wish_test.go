package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// wishNote restates a book on logging; the member's own lines say what
// they want to do at work and what they want to learn next.
const wishNote = `# 6장 로그

## 정리

- 구조화된 로그는 필드 단위로 검색할 수 있다.
- 로그 수준은 운영 중에 바꿀 수 있어야 한다.
- 로그를 한곳에 모으면 여러 서비스의 요청을 이어서 볼 수 있다.

## 생각해 볼 점

- 로그 보존 기간은 용량보다 조사 기간에 맞춰 정하는 편이 나은 것 같다.
- 로그 샘플링이 장애 분석을 어떻게 바꾸는지 더 알아보고 싶다.

## 실무에 적용하기

- 요청 식별자를 모든 로그에 남기는 규칙을 팀에 제안하고 싶다.
`

// A wish to act in a setting of practice is the member's practical idea,
// not their angle and not a claim to argue; a wish to learn is a study
// target.
func TestWishToActIsAPracticalIdea(t *testing.T) {
	got := sectionTexts(t, wishNote)
	if !strings.Contains(got[insight.KeyPractical], "팀에 제안하고 싶다") {
		t.Errorf("실무 적용 = %q, want the member's proposal to the team", got[insight.KeyPractical])
	}
	if strings.Contains(got[insight.KeyPerspective], "제안하고 싶다") {
		t.Errorf("독특한 관점 = %q, want the proposal under 실무 적용 only", got[insight.KeyPerspective])
	}
	if !strings.Contains(got[insight.KeyPerspective], "조사 기간에 맞춰") {
		t.Errorf("독특한 관점 = %q, want the member's hedged view", got[insight.KeyPerspective])
	}
	if !strings.Contains(got[insight.KeyStudy], "로그 샘플링") {
		t.Errorf("추가 학습 = %q, want what the member wants to look into", got[insight.KeyStudy])
	}

	// In the group sections the wish is no view to argue about.
	w2 := generateGroup(t, commonInput([][2]string{{"하늘", wishNote}, {"바다", "# 6장 정리\n\n로그는 필드 단위로 검색할 수 있다.\n"}}))
	if debate := texts(section(t, w2.Group, insight.KeyDebate)); strings.Contains(debate, "제안하고 싶다") {
		t.Errorf("심화 토론 = %q, want no wish quoted as a claim", debate)
	}
}

// The same wish with no setting of practice around it (no team, project
// or service, no heading about practice) proposes nothing for 실무 적용.
func TestWishWithoutPracticeIsNoProposal(t *testing.T) {
	const src = `# 6장 로그

- 구조화된 로그는 필드 단위로 검색할 수 있다.
- 로그 수준은 운영 중에 바꿀 수 있어야 한다.
- 로그 형식을 필드 이름부터 다시 나누고 싶다.
`
	m, w := memberOf(t, "하늘", src)
	if pr := sectionOf(t, m, w, insight.KeyPractical); strings.Contains(bulletTexts(pr), "나누고 싶다") {
		t.Errorf("실무 적용 = %q, want no proposal from a wish outside practice", bulletTexts(pr))
	}
}

// weighNote restates a book on storage formats; the member's own line
// weighs applying one at work, and the note's advice to think of
// something first is the book's rule, not the member's view.
const weighNote = `# 4장 저장 포맷

## 포맷 고르기

포맷을 고를 때는 읽는 방식을 먼저 생각해야 한다.

- 열 우선 포맷은 몇 개의 열만 읽는 집계에서 빠르다.
- 행 우선 포맷은 한 행씩 자주 쓰는 경우에 알맞다.
- 설정 파일을 열어 보면 기본 압축이 꺼져 있음을 알 수 있다.

## 느낀 점

실무에서는 야간 배치 집계에 열 우선 포맷을 적용하면 저장 비용을 줄일 수 있을 것 같다.
`

// The member weighing a way to act in a setting of practice is their
// practical idea; advice to think of something is no angle of theirs, and
// what a reader "can tell" is no action.
func TestWeighedActionIsAPracticalIdea(t *testing.T) {
	got := sectionTexts(t, weighNote)
	if !strings.Contains(got[insight.KeyPractical], "열 우선 포맷을 적용하면") {
		t.Errorf("실무 적용 = %q, want the member's weighed idea", got[insight.KeyPractical])
	}
	if strings.Contains(got[insight.KeyPractical], "알 수 있다") {
		t.Errorf("실무 적용 = %q, want no line telling what one can see", got[insight.KeyPractical])
	}
	if strings.Contains(got[insight.KeyPerspective], "생각해야 한다") || strings.Contains(got[insight.KeyPerspective], "적용하면") {
		t.Errorf("독특한 관점 = %q, want neither the book's advice nor the practical idea", got[insight.KeyPerspective])
	}
}

// sectionTexts returns the bullets of each member section of one note,
// by section key.
func sectionTexts(t *testing.T, src string) map[string]string {
	t.Helper()
	m, w := memberOf(t, "하늘", src)
	got := map[string]string{}
	for _, s := range MemberSections(basic.MemberSections, m, w, MaxBullets, nil) {
		got[s.Key] = bulletTexts(s)
	}
	return got
}

// findingNote restates a book on storage; the member's only words of
// their own are what they found most interesting, under a plain heading.
const findingNote = `# 4장 저장

## 정리

- 열 우선 포맷은 몇 개의 열만 읽는 집계에서 빠르다.
- 행 우선 포맷은 한 행씩 자주 쓰는 경우에 알맞다.
- 압축 코덱을 바꾸기만 해도 저장 용량이 절반으로 준다는 사례가 가장 흥미로웠다.
`

// A reaction naming what the member found is an interesting finding of
// theirs: 독특한 관점 has it rather than saying the note has none.
func TestFindingIsAnAngle(t *testing.T) {
	got := sectionTexts(t, findingNote)
	if !strings.Contains(got[insight.KeyPerspective], "사례가 가장 흥미로웠다") {
		t.Errorf("독특한 관점 = %q, want the member's finding", got[insight.KeyPerspective])
	}
}
