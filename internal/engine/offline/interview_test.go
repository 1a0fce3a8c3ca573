package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// Notes of an interview study: answers, a tail question the writer could
// not answer, a guess at a reason the note names, a plan in a paragraph of
// the writer's own.

// A hedged guess right after a sentence that names a reason to find
// ("…이유를 묻는다고 한다. …하려는 것 같다") guesses that reason: the bullet
// carries the sentence, without which "한 요청이 …" says nothing.
func TestGuessAtANamedReasonCarriesIt(t *testing.T) {
	const note = `# 네트워크

## Q. 커넥션 풀을 쓰는 이유는?

A. 연결을 맺는 비용이 크기 때문에 미리 만들어 두고 재사용한다.

> 면접에서는 면접관이 서버마다 풀 크기를 다르게 잡는 이유를 같이 묻는다고 한다. 한 요청이 몰려도 다른 서비스가 버티도록 하려는 것 같다.
`
	m, w := memberOf(t, "나은", note)
	for _, key := range []string{insight.KeyInsights, insight.KeyPerspective} {
		for _, b := range sectionOf(t, m, w, key).Bullets {
			if strings.Contains(b.Text, "버티도록 하려는 것 같다") && !strings.Contains(b.Text, "풀 크기를 다르게 잡는 이유") {
				t.Errorf("%s bullet %q: the guess without the reason it guesses", key, b.Text)
			}
		}
	}
	got := bulletTexts(sectionOf(t, m, w, insight.KeyPerspective))
	if !strings.Contains(got, "버티도록 하려는 것 같다") {
		t.Errorf("관점 = %q; want the writer's guess", got)
	}
}

// A subject marked "among themselves" (스레드끼리는 …) heads the bullet by
// what it names, never with 끼리.
func TestHeadlineDropsAmongThemselves(t *testing.T) {
	const note = "# 동시성\n\n- **코루틴끼리는 같은 스레드를 나눠 쓰기 때문에 하나가 오래 막히면 나머지도 함께 멈춘다.**\n- 디스패처는 코루틴을 실행할 스레드를 고른다.\n"
	m, w := memberOf(t, "준호", note)
	for _, b := range sectionOf(t, m, w, insight.KeyInsights).Bullets {
		if strings.HasSuffix(b.Head, "끼리") {
			t.Errorf("핵심 headline %q: 끼리 is no part of a concept's name", b.Head)
		}
	}
}

// When the member's view is carried in a 실무 적용 bullet as the lead-in
// of their plan ("…점이 흥미로웠다. …측정해 보고 싶다"), 관점's line says
// the view is there rather than that the note has none.
func TestPerspectiveLinePointsToAPlanInPractice(t *testing.T) {
	const note = `# 동시성

## 정리

- 코루틴은 스레드보다 가볍다.
- 디스패처는 코루틴을 실행할 스레드를 고른다.

## 생각

실무에서는 코루틴이 항상 스레드보다 빠르다고 생각했는데, 디스패처를 잘못 고르면 오히려 느려질 수 있다는 점이 흥미로웠다. 다음 프로젝트에서 디스패처를 고를 때 이 부분을 측정해 보고 싶다.
`
	m, w := memberOf(t, "준호", note)
	per := sectionOf(t, m, w, insight.KeyPerspective)
	practice := bulletTexts(sectionOf(t, m, w, insight.KeyPractical))
	if len(per.Bullets) == 0 && strings.Contains(practice, "점이 흥미로웠다") && per.Notice != NoticePerspectiveWithPractice {
		t.Errorf("관점 notice = %q while 실무 적용 carries the member's view with the plan (%q); want %q", per.Notice, practice, NoticePerspectiveWithPractice)
	}
	if len(per.Bullets) == 0 && !strings.Contains(practice, "점이 흥미로웠다") {
		t.Errorf("관점 = nothing (%q) and 실무 적용 = %q: the member's view is in neither", per.Notice, practice)
	}
}

// A sentence after a one-word answer to a question on its line ("…좋은가?
// → 아니다. …비용이 커진다.") is quoted with the question and the answer:
// alone it says why of nothing.
func TestReasonAfterABareAnswerCarriesTheQuestion(t *testing.T) {
	const note = "# 동시성\n\n- 코루틴은 스레드보다 가볍다.\n\n꼬리 질문 대비: 코루틴을 많이 띄울수록 무조건 빠른가? → 아니다. 디스패처의 스레드 수를 넘으면 대기 시간이 늘어난다.\n"
	m, w := memberOf(t, "소율", note)
	for _, key := range []string{insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical} {
		for _, b := range sectionOf(t, m, w, key).Bullets {
			if strings.Contains(b.Text, "대기 시간이 늘어난다") && !strings.Contains(b.Text, "무조건 빠른가? → 아니다.") {
				t.Errorf("%s bullet %q: the reason without the question it answers", key, b.Text)
			}
		}
	}
}

// What the writer came to know carries the sentence before it that
// recounts what led there ("…꼬리 질문을 받았는데 제대로 답하지 못했다.
// …때문이라는 걸 나중에 찾아보고 알았다."): one bullet with the occasion and
// the lesson, under 독특한 관점, not the occasion in one section and the
// lesson in another. A heading of the kind 후기 heads nothing.
func TestRealizationCarriesItsOccasion(t *testing.T) {
	const note = `# 동시성

## 정리

- 코루틴은 스레드보다 가볍다.
- 디스패처는 코루틴을 실행할 스레드를 고른다.

## 모의 면접 후기

코루틴이 가볍다는 답에서 "왜 가벼운가요?"라는 꼬리 질문을 받았는데 제대로 답하지 못했다. 운영체제 스레드를 새로 만들지 않고 스레드 위에서 일시 중단되기 때문이라는 걸 나중에 찾아보고 알았다.
`
	m, w := memberOf(t, "나은", note)
	per := sectionOf(t, m, w, insight.KeyPerspective)
	got := bulletTexts(per)
	if !strings.Contains(got, "제대로 답하지 못했다. 운영체제 스레드를") {
		t.Errorf("관점 = %q (notice %q); want the lesson with the occasion that led to it", got, per.Notice)
	}
	for _, key := range []string{insight.KeyInsights, insight.KeyPerspective} {
		for _, b := range sectionOf(t, m, w, key).Bullets {
			if strings.Contains(b.Head, "후기") {
				t.Errorf("%s headline %q: a heading of the kind of section names no concept", key, b.Head)
			}
		}
	}
}

// A paragraph of the member's view and the plan it leads to ("…점이
// 흥미로웠다. …이 부분을 측정해 보고 싶다.") gives the view to 독특한 관점
// and the plan to 실무 적용, rather than both to 실무 적용 and "no view" to
// 관점.
func TestViewAndPlanGoToTheirSections(t *testing.T) {
	const note = `# 캐시

### 정리

- 캐시는 자주 읽는 값을 빠른 저장소에 둔다.
- 캐시 무효화는 원본이 바뀔 때 캐시 값을 지운다.

### 생각

실무에서는 캐시를 두면 항상 빨라진다고 생각했는데, 무효화 비용 때문에 오히려 느려질 수 있다는 점이 흥미로웠다. 다음 프로젝트에서 캐시 만료 시간을 정할 때 이 부분을 측정해 보고 싶다.
`
	m, w := memberOf(t, "준호", note)
	per := bulletTexts(sectionOf(t, m, w, insight.KeyPerspective))
	practice := bulletTexts(sectionOf(t, m, w, insight.KeyPractical))
	if !strings.Contains(per, "점이 흥미로웠다") {
		t.Errorf("관점 = %q; want the member's view", per)
	}
	if !strings.Contains(practice, "측정해 보고 싶다") || strings.Contains(practice, "점이 흥미로웠다") {
		t.Errorf("실무 적용 = %q; want the plan without the view 관점 quotes", practice)
	}
}
