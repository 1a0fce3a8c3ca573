package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// A note whose only questions it answers itself: 추가 학습 has no bullet,
// and its line says which question the note answered rather than that the
// note asked none. A book's lead-in answered right below stays the plain
// line: it is no question of the member's.
const (
	spokenAnswered = `# 3장 의존관계 주입

## 팩토리

- 팩토리 클래스가 오브젝트 생성을 맡는다.
- 근데 이렇게 할거면 그냥 생성자에서 만드는 거랑 뭐가 다른거임?
- 팩토리를 쓰면 생성 코드를 한곳에 모아서 구현을 바꾸기 쉽다.
`
	bookAnswered = `# 3장 의존관계 주입

## 팩토리

- 팩토리 클래스가 오브젝트 생성을 맡는다.
- 그렇다면 팩토리는 왜 필요한가?
- 팩토리를 쓰면 생성 코드를 한곳에 모아서 구현을 바꾸기 쉽다.
`
)

func TestStudyLineNamesTheQuestionTheNoteAnswered(t *testing.T) {
	m, w := memberOf(t, "찬", spokenAnswered)
	study := sectionOf(t, m, w, insight.KeyStudy)
	if len(study.Bullets) != 0 || !strings.Contains(study.Notice, "“근데 이렇게 할거면 그냥 생성자에서 만드는 거랑 뭐가 다른거임?”") || !strings.Contains(study.Notice, "바로 뒤에서 답하고") {
		t.Errorf("추가 학습 = %q, notice %q; want the line naming the member's question the note answers", bulletTexts(study), study.Notice)
	}
	m, w = memberOf(t, "찬", bookAnswered)
	study = sectionOf(t, m, w, insight.KeyStudy)
	if study.Notice != NoticeNoStudy {
		t.Errorf("추가 학습 notice = %q, want %q: the book's lead-in is no question of the member's", study.Notice, NoticeNoStudy)
	}
}

// A spoken question in brackets after a statement ("(그런데 …분리했는데?)")
// that the next line answers is the member's: the 추가 학습 line names it,
// quoted without its brackets.
func TestBracketedSpokenQuestionTheNoteAnswers(t *testing.T) {
	const aside = `# 6장 목 오브젝트

- 메소드가 값을 돌려주지 않으면 결과를 DB에서 직접 확인해야 한다. (그런데 테스트는 DB와 분리했는데?)
- 이럴 때는 협력 오브젝트에 어떤 요청을 보냈는지 목 오브젝트로 확인한다.
`
	m, w := memberOf(t, "소라", aside)
	study := sectionOf(t, m, w, insight.KeyStudy)
	if len(study.Bullets) != 0 || !strings.Contains(study.Notice, "“그런데 테스트는 DB와 분리했는데?”") {
		t.Errorf("추가 학습 = %q, notice %q; want the line naming the bracketed question the note answers", bulletTexts(study), study.Notice)
	}
}

func TestSpokenAsk(t *testing.T) {
	for body, want := range map[string]bool{
		"근데 이건 뭐가 다른거임?":             true,
		"이게 맞나?":                     true,
		"any 가 있는데 왜 unknown 이 있나요?": true,
		"JSX와 왜 혼동이 되는거지?":           true,
		"(그런데 테스트는 DB와 분리했는데?)":      true,
		"캐시를 먼저 지우면 되는데?":            true,
		"팩토리는 왜 필요한가?":               false,
		"언어 모델은 왜 토큰을 사용할까?":         false,
	} {
		if got := spokenAsk(body); got != want {
			t.Errorf("spokenAsk(%q) = %v, want %v", body, got, want)
		}
	}
}

// A question the writer hedges on the way ("…도구인 것 같은데.. …살펴볼까?")
// is theirs; one that hedges only by asking "…않을까?" may be the book's
// setting up its answer.
func TestStudyLineNamesAHedgedQuestion(t *testing.T) {
	const hedged = "# 7장\n\n## 런타임 검증\n\n- 런타임에 응답 타입을 검사하는 도구다.\n  - 스키마 검증 도구와 비슷한 것 같은데.. 어떤 차이가 있는지 살펴볼까?\n    - 스키마 검증 도구보다 번들 크기가 훨씬 작다.\n"
	m, w := memberOf(t, "혜원", hedged)
	if study := sectionOf(t, m, w, insight.KeyStudy); !strings.Contains(study.Notice, "살펴볼까?”") {
		t.Errorf("추가 학습 notice %q (bullets %q); want the hedged question the note answered named", study.Notice, bulletTexts(study))
	}
	const hypothesis = "# 7장\n\n## 런타임 검증\n\n- 런타임에 응답 타입을 검사하는 도구다.\n- 그렇다면 타입 선언만으로 충분하지 않을까?\n- 타입 선언은 컴파일할 때 사라지므로 런타임 검사가 따로 필요하다.\n"
	m, w = memberOf(t, "혜원", hypothesis)
	if study := sectionOf(t, m, w, insight.KeyStudy); strings.Contains(study.Notice, "않을까") {
		t.Errorf("추가 학습 notice %q quotes a question that only asks \"…않을까?\"", study.Notice)
	}
}

// A question the writer answers on the next line after an answer mark
// ("→ …") is one the note asked and answered itself, however it is worded:
// 추가 학습 names it instead of saying the note asked nothing.
func TestStudyLineNamesAQuestionAnsweredAfterAnArrow(t *testing.T) {
	const arrowAnswered = "# 5장 의존성\n\n### 의존성 주입\n\n생성자로 필요한 객체를 전달받는다.\n\n### 역전 원칙\n\n왜 “역전” 이라는 이름이 붙게 되었을까?\n\n→ 보통은 상위 모듈이 하위 모듈에 기대지만, 이 원칙에서는 둘 다 추상화에 기대므로 방향이 뒤집힌다.\n"
	m, w := memberOf(t, "승현", arrowAnswered)
	study := sectionOf(t, m, w, insight.KeyStudy)
	if len(study.Bullets) != 0 || !strings.Contains(study.Notice, "이름이 붙게 되었을까?”") || !strings.Contains(study.Notice, "바로 뒤에서 답하고") {
		t.Errorf("추가 학습 = %q, notice %q; want the line naming the question the note answered after its arrow", bulletTexts(study), study.Notice)
	}
}

// A question of the member's own that 독특한 관점 quotes (a labelled
// hypothesis, "Q. …쓸 수 있지 않을까?") is no question missing from the
// note: 추가 학습's line says where it is instead of "no question".
func TestStudyLineSaysTheQuestionIsUnderPerspective(t *testing.T) {
	const labelled = `# 그래프 탐색

## 개념

- 너비 우선 탐색은 가까운 정점부터 방문하므로 가중치가 없는 그래프에서 최단 거리를 보장한다.
- 인접 리스트로 그래프를 저장하면 탐색 시간은 정점과 간선 수의 합에 비례한다.

## 느낀 점

Q. 간선 가중치가 0과 1뿐이라면 너비 우선 탐색을 조금 바꿔서 최단 경로를 구할 수 있지 않을까?
`
	m, w := memberOf(t, "세린", labelled)
	per := bulletTexts(sectionOf(t, m, w, insight.KeyPerspective))
	study := sectionOf(t, m, w, insight.KeyStudy)
	switch {
	case strings.Contains(per, "구할 수 있지 않을까?"):
		if len(study.Bullets) != 0 || study.Notice != NoticeStudyInPerspective {
			t.Errorf("추가 학습 = %q, notice %q; want %q while 관점 quotes the question", bulletTexts(study), study.Notice, NoticeStudyInPerspective)
		}
	case !strings.Contains(bulletTexts(study), "구할 수 있지 않을까?"):
		t.Errorf("관점 = %q, 추가 학습 = %q (notice %q); want the member's question in one of them", per, bulletTexts(study), study.Notice)
	}
}
