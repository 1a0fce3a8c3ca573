package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// A short question right under a line that only points back at it ("이게
// 맞나??") is the member's doubt about that line: 추가 학습 quotes the two
// together, the doubted line is no practical idea of theirs, and 독특한
// 관점 says the member's own words are the question under 추가 학습.
const doubtBack = `# 5장 서비스 추상화

## 테스트 대역

- 대역 클래스는 테스트 클래스 안에 스태틱 클래스로 둔다.
- 대역을 만들려면 오버라이드할 메소드가 보여야 한다.
    - 테스트 때문에 운영 코드의 접근 제한자를 바꾸는 것은 피해야 하지만 지금은 protected로 바꿔야 할 것 같다.
    - 이게 맞나??
`

func TestShortDoubtCarriesTheLineItAsksAbout(t *testing.T) {
	m, w := memberOf(t, "도윤", doubtBack)
	study := sectionOf(t, m, w, insight.KeyStudy)
	if got := bulletTexts(study); !strings.Contains(got, "protected로 바꿔야 할 것 같다") || !strings.Contains(got, "이게 맞나??") {
		t.Errorf("추가 학습 = %q (notice %q); want the doubt quoted with the line it asks about", got, study.Notice)
	}
	if got := bulletTexts(sectionOf(t, m, w, insight.KeyPractical)); strings.Contains(got, "protected로 바꿔야") {
		t.Errorf("실무 적용 = %q; the line the member doubts is no advice of theirs", got)
	}
	if per := sectionOf(t, m, w, insight.KeyPerspective); len(per.Bullets) == 0 && per.Notice != NoticePerspectiveInStudy {
		t.Errorf("독특한 관점 notice = %q, want %q: the member's doubt is a view of theirs", per.Notice, NoticePerspectiveInStudy)
	}
	// Without the doubt the hedged obligation reads as the member's own
	// way of working, and 추가 학습 has nothing.
	m, w = memberOf(t, "도윤", strings.Replace(doubtBack, "    - 이게 맞나??\n", "", 1))
	if study := sectionOf(t, m, w, insight.KeyStudy); len(study.Bullets) != 0 {
		t.Errorf("추가 학습 = %q without the doubt", bulletTexts(study))
	}
}

// A question the writer leads in with an arrow and that asks whether
// something is right ("→ …하는 것이 옳은가?") is theirs even when the book
// goes on about the same thing right below; the same question without the
// arrow is the book's, answered by the lines under it.
func TestArrowQuestionOfJudgementIsTheMembers(t *testing.T) {
	const arrowed = `# 10장 상속과 코드 재사용

## 취약한 기반 클래스

메서드를 오버라이드할 때 생기는 영향을 문서로 남겨야 한다.

→ 캡슐화가 중요하다면서 내부 구현을 문서로 공개하는 것이 옳은가?

상속은 캡슐화를 약하게 만든다. 캡슐화를 지키려면 상속 대신 합성을 써야 한다.
`
	if got, ok := sectionHas(t, "서연", arrowed, insight.KeyStudy, "공개하는 것이 옳은가?"); !ok {
		t.Errorf("추가 학습 = %q; want the member's arrow-led question", got)
	}
	if got, ok := sectionHas(t, "서연", strings.Replace(arrowed, "→ ", "", 1), insight.KeyStudy, "옳은가"); ok {
		t.Errorf("추가 학습 = %q; without the arrow the question is the book's, answered below", got)
	}
}

// A question the text answers after announcing it will ("지금부터 …
// 방법을 소개하겠다") is the book's lead-in; one the writer leaves for
// later ("나중에 더 알아보자") stays theirs.
func TestQuestionAnsweredAfterAnAnnouncement(t *testing.T) {
	const announced = `# 5장 서비스 추상화

## 트랜잭션 동기화

트랜잭션 경계를 정하려면 지금까지 정리한 메소드 구조를 버려야 할까?

지금부터 그럴 필요가 없는 방법을 소개하겠다.

- 커넥션을 파라미터로 넘기지 않고 동기화 저장소에 보관한다.
`
	m, w := memberOf(t, "하준", announced)
	if study := sectionOf(t, m, w, insight.KeyStudy); len(study.Bullets) != 0 {
		t.Errorf("추가 학습 = %q; the question is the book's lead-in, answered after the announcement", bulletTexts(study))
	}
	if got, ok := sectionHas(t, "하준", strings.Replace(announced, "지금부터 그럴 필요가 없는 방법을 소개하겠다.", "나중에 더 알아보자.", 1), insight.KeyStudy, "버려야 할까?"); !ok {
		t.Errorf("추가 학습 = %q; a question left for later is the member's", got)
	}
}

// A question closing the lines right above a heading, taken up by the
// first line of the section under it, is the book's lead-in to that
// section; the same question with a section on something else under it
// stays the member's.
func TestQuestionBeforeTheSectionThatAnswersIt(t *testing.T) {
	const leadIn = `# 10장 상속과 코드 재사용

코드를 재사용하는 이유는 결국 중복을 없애기 위해서다. 중복 코드는 왜 문제가 될까?

## 상속과 중복 코드

중복 코드는 변경할 곳을 여러 군데로 늘려 코드의 변경을 방해한다.
`
	if got, ok := sectionHas(t, "지호", leadIn, insight.KeyStudy, "왜 문제가 될까"); ok {
		t.Errorf("추가 학습 = %q; the section below answers the question", got)
	}
	elsewhere := strings.Replace(leadIn, "중복 코드는 변경할 곳을 여러 군데로 늘려 코드의 변경을 방해한다.", "합성은 객체를 조합해 기능을 재사용하는 방법이다.", 1)
	if got, ok := sectionHas(t, "지호", strings.Replace(elsewhere, "## 상속과 중복 코드", "## 합성", 1), insight.KeyStudy, "왜 문제가 될까"); !ok {
		t.Errorf("추가 학습 = %q; nothing below answers the question, it stays the member's", got)
	}
}

// A short bracketed question after a sentence on its line, asked in
// surprise and pointing back ("…만들어 보면 된다. (이것이 TDD?!)"), is the
// writer's question about that sentence: 추가 학습 quotes the two.
func TestSurprisedAsideIsTheMembersQuestion(t *testing.T) {
	const aside = "# 3장 템플릿\n\n## 계산기 예제\n\n- 계산기 클래스의 이름과 메소드를 먼저 정했다.\n- 필요한 기능을 테스트로 먼저 만들어 두고, 이제 하나씩 구현하면 된다. (이것이 TDD?!)\n"
	if got, ok := sectionHas(t, "소연", aside, insight.KeyStudy, "하나씩 구현하면 된다. (이것이 TDD?!)"); !ok {
		t.Errorf("추가 학습 = %q; want the aside quoted with the sentence it asks about", got)
	}
	if got, ok := sectionHas(t, "소연", strings.Replace(aside, " (이것이 TDD?!)", "", 1), insight.KeyStudy, "하나씩 구현하면"); ok {
		t.Errorf("추가 학습 = %q without the aside", got)
	}
}

// A doubt the next sentence on its line settles ("…어떻게 시작해야 하나라는
// 의문이 들었다. 다음 장을 읽어보니 … 많이 도움이 되었다") is no open study
// target; the same doubt alone is one.
func TestDoubtSettledOnItsLineIsNoStudyTarget(t *testing.T) {
	const settled = "# 4장\n\n## 느낀 점\n\n설계 원칙의 장점은 이해했는데 그럼 실제 설계는 어디서부터 시작해야 하나라는 의문이 들었다. 다음 장을 읽어보니 책임을 나누는 기준이 정리되어 있어서 많이 도움이 되었다.\n"
	if got, ok := sectionHas(t, "하린", settled, insight.KeyStudy, "의문이 들었다"); ok {
		t.Errorf("추가 학습 = %q; the line settles the doubt", got)
	}
	open := strings.Replace(settled, " 다음 장을 읽어보니 책임을 나누는 기준이 정리되어 있어서 많이 도움이 되었다.", "", 1)
	if got, ok := sectionHas(t, "하린", open, insight.KeyStudy, "의문이 들었다"); !ok {
		t.Errorf("추가 학습 = %q; alone, the doubt is a study target", got)
	}
}

// The writer's resolution to study something ("…따로 학습해두자", "…공부해
// 둬야겠다") is a study target of theirs: 추가 학습 quotes it, with the
// paragraph it turns against when it opens with "하지만", and 실무 적용
// does not take it for advice. Without the resolution the note leaves
// nothing to study.
func TestResolutionToStudyIsAStudyTarget(t *testing.T) {
	const resolved = `# 6장 테스트 대역

## 목 오브젝트

목 오브젝트는 테스트 대상과 의존 오브젝트 사이의 통신 내용을 저장해 두었다가 검증에 쓴다.

Mockito는 목 오브젝트를 손쉽게 만들어 준다.

하지만 아직 익숙하지 않아서 사용법을 따로 학습해두자.
`
	m, w := memberOf(t, "하늘", resolved)
	study := sectionOf(t, m, w, insight.KeyStudy)
	if got := bulletTexts(study); !strings.Contains(got, "따로 학습해두자") || !strings.Contains(got, "Mockito는 목 오브젝트를") {
		t.Errorf("추가 학습 = %q (notice %q); want the resolution to study, with the line it turns against", got, study.Notice)
	}
	if got := bulletTexts(sectionOf(t, m, w, insight.KeyPractical)); strings.Contains(got, "학습해두자") {
		t.Errorf("실무 적용 = %q; the writer's study plan is no advice for a project", got)
	}
	m, w = memberOf(t, "하늘", strings.Replace(resolved, "하지만 아직 익숙하지 않아서 사용법을 따로 학습해두자.\n", "", 1))
	if study := sectionOf(t, m, w, insight.KeyStudy); len(study.Bullets) != 0 {
		t.Errorf("추가 학습 = %q without the resolution", bulletTexts(study))
	}
}

// The paragraph the resolution turns against may say what the writer did
// without naming a subject ("Mockito로 … 만들 수 있었다"): the writer
// did it, and the pair still says what is to be studied. A paragraph that
// points at what is below ("아래처럼 …") is no part of the quote.
func TestResolutionTurnsOnTheWritersOwnDoing(t *testing.T) {
	const did = `# 6장 테스트 대역

## 목 프레임워크

목 오브젝트는 테스트 대상과 의존 오브젝트 사이의 통신 내용을 저장해 두었다가 검증에 쓴다.

Mockito로 목 오브젝트를 쉽게 만들 수 있었다.

하지만 아직 익숙하지 않아서 사용법을 따로 학습해두자.
`
	m, w := memberOf(t, "하늘", did)
	study := sectionOf(t, m, w, insight.KeyStudy)
	if got := bulletTexts(study); !strings.Contains(got, "따로 학습해두자") || !strings.Contains(got, "Mockito로 목 오브젝트를") {
		t.Errorf("추가 학습 = %q (notice %q); want the resolution with the paragraph of the writer's doing", got, study.Notice)
	}
	const ahead = "# 6장 테스트 대역\n\n## 목 프레임워크\n\n아래처럼 Mockito로 목 오브젝트를 쉽게 만들 수 있었다.\n\n하지만 아직 익숙하지 않아서 사용법을 따로 학습해두자.\n\n```java\nUserDao mock = mock(UserDao.class);\n```\n"
	m, w = memberOf(t, "하늘", ahead)
	if got := bulletTexts(sectionOf(t, m, w, insight.KeyStudy)); strings.Contains(got, "아래처럼") {
		t.Errorf("추가 학습 = %q; a line pointing at code below is no part of the quote", got)
	}
}

// An open item of a task list that is studying something ("- [ ] …
// 정리하기") is what the member has still to study: 추가 학습 names it. A
// ticked-off item and an open one that is no study ("블로그에 올리기") are
// not.
func TestOpenStudyTaskIsAStudyTarget(t *testing.T) {
	const tasks = `# 3장 트랜잭션

## 격리 수준

격리 수준이 낮을수록 동시성은 높아지지만 이상 현상이 늘어난다.

스냅샷 격리는 읽기 작업이 쓰기 작업을 막지 않게 해 준다.

- [ ] MVCC가 어떻게 스냅샷을 만드는지 정리하기
- [ ] 정리한 내용을 팀 블로그에 올리기
- [x] 직렬성 격리가 처리량을 떨어뜨리는 이유 정리하기
`
	m, w := memberOf(t, "유진", tasks)
	study := bulletTexts(sectionOf(t, m, w, insight.KeyStudy))
	if !strings.Contains(study, "MVCC가 어떻게 스냅샷을 만드는지 정리하기") {
		t.Errorf("추가 학습 = %q; want the open study task", study)
	}
	if strings.Contains(study, "블로그에 올리기") || strings.Contains(study, "직렬성 격리가 처리량을") {
		t.Errorf("추가 학습 = %q; neither the open task of no study nor the ticked-off one is a study target", study)
	}
}

// A note written as one table (a concept, what it is, what the member
// thinks of it) gets its sections from the cells, each led by its concept,
// instead of four lines saying the note has nothing.
func TestTableNoteGetsItsSections(t *testing.T) {
	const table = `# 4장 인덱스

| 개념 | 설명 | 내 생각 |
| --- | --- | --- |
| 클러스터드 인덱스 | 테이블의 행을 인덱스 키 순서대로 저장한다. | 한 테이블에 하나뿐이라 어떤 컬럼을 고를지가 중요할 것 같다. |
| 커버링 인덱스 | 질의에 필요한 컬럼을 모두 인덱스에 담아 테이블 접근을 피한다. | 조회가 많은 API에 바로 적용해 보면 좋겠다. |
| 복합 인덱스 | 여러 컬럼을 묶은 인덱스로 컬럼 순서가 성능을 좌우한다. | 선두 컬럼 규칙이 왜 생기는지 아직 잘 모르겠다. |
`
	m, w := memberOf(t, "수아", table)
	wantInSections(t, m, w, map[string]string{
		insight.KeyPerspective: "어떤 컬럼을 고를지가 중요할 것 같다",
		insight.KeyPractical:   "조회가 많은 API에 바로 적용해 보면 좋겠다",
		insight.KeyStudy:       "선두 컬럼 규칙이 왜 생기는지 아직 잘 모르겠다",
	})
	if sec := sectionOf(t, m, w, insight.KeyInsights); len(sec.Bullets) == 0 {
		t.Errorf("핵심 인사이트 is empty (notice %q) for a note of three concepts", sec.Notice)
	}
	// The cell is quoted as the note writes it, its row's concept as the
	// headline.
	if got := bulletTexts(sectionOf(t, m, w, insight.KeyPerspective)); !strings.HasPrefix(got, "클러스터드 인덱스|한 테이블에 하나뿐이라") {
		t.Errorf("독특한 관점 = %q; want the cell under its row's concept", got)
	}
}

// A note written in Obsidian: a question call-out titled 궁금한 점 is the
// member's own question, a highlighted reaction next to a wiki link is
// their angle, and a tip call-out about their team is advice; the generic
// label 핵심 is no part of a bullet.
func TestObsidianNoteGetsItsSections(t *testing.T) {
	const obsidian = `# 5장 복제

> [!note] 핵심
> 리더 기반 복제에서 쓰기는 항상 리더를 거친다.

> [!question] 궁금한 점
> 비동기 복제에서 리더가 죽으면 확정된 쓰기가 사라질 수 있는데, 실제 서비스에서는 이걸 어떻게 감수할까?

- [[4장 저장소]]에서 본 로그가 복제 로그로 그대로 쓰인다는 점이 ==재미있었다==.
- 복제 지연 때문에 자기가 쓴 글이 안 보이는 문제는 "자신이 쓴 내용 읽기" 일관성으로 막는다.

> [!tip]
> 우리 팀 서비스에서도 글 작성 직후 조회는 리더에서 읽도록 바꿔 보면 좋겠다.
`
	m, w := memberOf(t, "예린", obsidian)
	wantInSections(t, m, w, map[string]string{
		insight.KeyStudy:       "실제 서비스에서는 이걸 어떻게 감수할까?",
		insight.KeyPerspective: "4장 저장소에서 본 로그가 복제 로그로 그대로 쓰인다는 점이 재미있었다.",
		insight.KeyPractical:   "리더에서 읽도록 바꿔 보면 좋겠다",
		insight.KeyInsights:    "|리더 기반 복제에서 쓰기는 항상 리더를 거친다.",
	})
}

// wantInSections checks that each section of member m (by key) has a
// bullet holding the given text.
func wantInSections(t *testing.T, m *analyze.Member, w *analyze.Week, want map[string]string) {
	t.Helper()
	for key, text := range want {
		sec := sectionOf(t, m, w, key)
		if got := bulletTexts(sec); !strings.Contains(got, text) {
			t.Errorf("%s = %q (notice %q); want %q", key, got, sec.Notice, text)
		}
	}
}
