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
	m, w := memberOf(t, "하늘", wishNote)
	secs := MemberSections(basic.MemberSections, m, w, MaxBullets, nil)
	got := map[string]string{}
	for _, s := range secs {
		got[s.Key] = bulletTexts(s)
	}
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
