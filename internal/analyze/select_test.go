package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

func TestPointMakingFromMorphology(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"색인의 크기는 보통 항목의 수로 측정된다.", false},
		{"스키마는 데이터의 구조를 정의하는 규칙이다.", false},
		{"옵티마이저는 가중치를 조금씩 바꾸며 손실을 줄이는 방식으로 학습", false},
		{"작업 큐는 요청을 받아 두고, 워커가 순서대로 처리한다.", false},
		{"캐시가 클수록 적중률이 높아진다.", true},
		{"쓰기가 잦으므로 캐시를 짧게 두어야 한다.", true},
		{"복제본은 읽기에는 유리하지만 쓰기 지연을 늘린다.", true},
		{"샤딩이 인덱스 튜닝보다 비용이 크다.", true},
		{"병목은 네트워크가 아니라 디스크에 있다.", true},
		{"로그 보존 기간을 정하는 일이 가장 어렵다.", true},
		{"배치 크기를 바꿔도 결과가 거의 같다.", true},
	} {
		if got := pointMaking(text.Read(c.s).Morphs); got != c.want {
			t.Errorf("pointMaking(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// A key insight is what the note argues; a description or a definition of
// the book's ranks below it, and an example line is no insight.
func TestKeyInsightsPreferPointsOverDescriptions(t *testing.T) {
	src := `# 4장 인덱스

## 인덱스

- 인덱스의 크기는 보통 항목의 수로 측정된다.
- 인덱스는 테이블의 행을 빠르게 찾기 위한 자료 구조이다.
- 인덱스가 많을수록 읽기는 빨라지지만 쓰기는 느려진다.
- 예시: 회원 테이블의 이메일 열에 인덱스를 두면 가장 빠르게 찾는다.
- 인덱스 선택도가 낮으면 옵티마이저는 인덱스보다 전체 스캔을 고른다.
`
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w4/하늘.md", src)}})
	m := w.Members[0]
	top := m.Ranked(insight.KeyInsights, 2)
	if len(top) != 2 {
		t.Fatalf("ranked %d insights, want 2", len(top))
	}
	for _, s := range top {
		if !s.point {
			t.Errorf("top insight %q only describes; points of the note: %q, %q", s.Body,
				find(t, m, "많을수록").Body, find(t, m, "전체 스캔").Body)
		}
	}
	ex, def := find(t, m, "예시:"), find(t, m, "자료 구조이다")
	if pt := find(t, m, "많을수록"); ex.Scores[insight.KeyInsights] >= pt.Scores[insight.KeyInsights] || def.Scores[insight.KeyInsights] >= pt.Scores[insight.KeyInsights] {
		t.Errorf("example %v or definition %v scores as high as the point %v", ex.Scores, def.Scores, pt.Scores)
	}
}

func TestVoiceOfNoteStyleReactionsAsidesAndAdvice(t *testing.T) {
	for _, c := range []struct {
		s    string
		want Voice
	}{
		{"흥미롭지만 운영 비용이 큰 구조", Voice{Reaction: true}},
		{"놀라운 속도의 검색 엔진", Voice{}},
		{"또 다른 흥미로운 예로는 읽기 지연을 감추는 캐시", Voice{}},
		{"검색 엔진은 놀라운 속도를 보인다.", Voice{}},
		{"쿼리 계획은 매번 새로 계산됨 (캐시되는 값이 아님)", Voice{Aside: true}},
		{"정규화 계층을 거친 값을 더하는 행렬 (이것도 학습되는 값)", Voice{Aside: true}},
		{"요청마다 응답 시간이 달라짐 (강점이자 약점)", Voice{Aside: true}},
		{"로그 함수는 값의 범위를 줄인다 (예: 1000 → 3)", Voice{}},
		{"토큰 수는 보통 정수로 센다 (data size)", Voice{}},
		{"배포 전에 설정 파일이 스키마를 따르는지 확인", Voice{Recommend: true, Proposal: true}},
		{"벤치마크 도구는 모델이 지시를 얼마나 잘 따르는지 평가", Voice{}},
		{"장애를 줄이는 좋은 방법은 배포를 작은 단위로 나누는 것이다.", Voice{Recommend: true, Proposal: true}},
		{"캐시 키에 버전을 넣는 것이 좋은 방법이다.", Voice{Recommend: true, Proposal: true}},
	} {
		got := readVoice(c.s, text.Read(StripLabel(c.s)).Morphs)
		if got != c.want {
			t.Errorf("readVoice(%q)\n got %+v\nwant %+v", c.s, got, c.want)
		}
	}
}

// An action needs a concrete object or condition; a condition that is an
// action, followed by what the reader can then do, is a lever (here under
// the member's own heading about practice: see
// TestCanLeverIsPracticalOnlyWithSomethingToDo in engine/offline for one
// that is only what a principle gains); what a mechanism does under a
// condition is not.
func TestPracticalNeedsAConcreteAction(t *testing.T) {
	src := `# 6장 캐시 운영

## 캐시 운영

- 리뷰 규칙을 정했다면, 그 규칙대로 코드를 검토해야 함
- 인덱스를 추가하면 옵티마이저가 더 빠른 경로를 고를 수 있다.
- 읽기 전용 복제본의 지연이 허용 범위 안에 있는지 서비스마다 정기적으로 측정해야 한다.

## 우리 서비스에 적용

- 캐시 서버를 직접 운영하면 만료 정책을 세밀하게 조정할 수 있다.
- 키 공간을 나누면 트래픽이 많을수록 재구축 비용을 줄일 수 있다.
`
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w6/하늘.md", src)}})
	m := w.Members[0]
	for sub, want := range map[string]bool{
		"그 규칙대로 코드를 검토해야": false, // a platitude: an everyday object, nothing named
		"만료 정책을 세밀하게 조정할": true,  // the reader's lever
		"옵티마이저가 더 빠른 경로":  false, // what the optimizer does
		"재구축 비용을 줄일 수 있다": true,  // a subject inside an earlier clause only
		"허용 범위 안에 있는지":    true,  // its object is a clause, not an everyday word
	} {
		s := find(t, m, sub)
		if got := s.Scores[insight.KeyPractical] > 0; got != want {
			t.Errorf("%q: practical %v (scores %v), want %v", s.Body, got, s.Scores, want)
		}
	}
	if lever, advice := find(t, m, "만료 정책"), find(t, m, "허용 범위"); lever.Scores[insight.KeyPractical] >= advice.Scores[insight.KeyPractical] {
		t.Errorf("a way worded as a fact (%v) ranks with the member's advice (%v)", lever.Scores, advice.Scores)
	}
}

// A rule said for a situation of the reader's own work ("…를 만들 때는
// …해야 한다") is a practical idea; the same obligation with no such
// situation, under no heading about practice, is the book's rule.
func TestPracticalRuleForASituationOfDoing(t *testing.T) {
	src := `# 4장 캐시

- 여러 서버가 공유하는 캐시 클래스를 만들 때는 요청마다 바뀌는 값은 지역 변수로 두어야 한다.
- 캐시 키는 요청마다 바뀌는 값을 포함해야 한다.
- 캐시가 가득 찰 때는 가장 오래된 항목이 지워져야 한다.
`
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w4/하늘.md", src)}})
	m := w.Members[0]
	for sub, want := range map[string]bool{
		"캐시 클래스를 만들 때는": true,  // what to do when doing something
		"캐시 키는 요청마다":    false, // a rule of the thing, no situation of the reader's: a fallback at most
		"가득 찰 때는":       false, // a situation of the cache, not of doing something to an object
	} {
		s := find(t, m, sub)
		if got := s.Scores[insight.KeyPractical] > FallbackPractical; got != want {
			t.Errorf("%q: practical above the fallback %v (scores %v), want %v", s.Body, got, s.Scores, want)
		}
	}
}

// Advice that nothing sets in practice scores under every proposal, for a
// note with nothing better, when it says why or when; a bare rule, what
// something takes, an obligation of a named thing, one to know something,
// or one a cause forces is no action of the reader's at all.
func TestFallbackPracticalAdvice(t *testing.T) {
	src := `# 5장 캐시

- 캐시 키는 값이 같은지만 비교하기 때문에 요청마다 실제로 바뀌는 파라미터만 넣어야 한다.
- 캐시 노드는 일관성 규칙을 만족시켜야 한다.
- 레디스 클러스터를 사용하기 위해서는 슬롯 설정을 먼저 해야 한다.
- 캐시 노드들이 서로 협력하기 위해선 서로의 상태를 알아야 한다.
- 잦은 요구사항 변경으로 인해 만료 정책을 자주 수정해야 한다.
- 무효화가 일어나는 시점을 정확히 이해해야 한다.
`
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", src)}})
	m := w.Members[0]
	if s := find(t, m, "실제로 바뀌는 파라미터만"); s.Scores[insight.KeyPractical] != FallbackPractical {
		t.Errorf("%q: practical %v, want the fallback score %v", s.Body, s.Scores[insight.KeyPractical], FallbackPractical)
	}
	// A bare rule and what something takes are how it works, not advice.
	for _, sub := range []string{"일관성 규칙을 만족시켜야", "슬롯 설정을 먼저"} {
		if s := find(t, m, sub); s.Scores[insight.KeyPractical] > 0 {
			t.Errorf("%q: practical %v, want none (a rule with no reason or condition)", s.Body, s.Scores[insight.KeyPractical])
		}
	}
	for _, sub := range []string{"서로의 상태를 알아야", "자주 수정해야", "시점을 정확히 이해해야"} {
		if s := find(t, m, sub); s.Scores[insight.KeyPractical] > 0 {
			t.Errorf("%q: practical %v, want none (no action of the reader's)", s.Body, s.Scores[insight.KeyPractical])
		}
	}
}

func TestThoughtThatComesToMindIsAHedge(t *testing.T) {
	s := "좋은 설계는 경계를 잘 긋는 것이라는 생각이 든다."
	if v := readVoice(s, text.Read(s).Morphs); !v.Hedge {
		t.Errorf("readVoice(%q) = %+v, want a hedge (생각이 든다)", s, v)
	}
}

// A question two members copied from the book is the book's agenda, not a
// study target of either; the member's own question stays one.
func TestSharedQuestionIsTheBooks(t *testing.T) {
	a := "# 8장\n\n- 분산 락이 필요한 이유는 무엇일까?\n- 우리 배치 작업에도 분산 락을 걸어야 하는지 아직 잘 모르겠다.\n"
	b := "# 8장 정리\n\n- 분산 락이 필요한 이유는 무엇일까?\n- 락을 오래 잡으면 처리량이 떨어진다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w8/하늘.md", a)}, {Member: "서아", Doc: parse("w8/서아.md", b)}})
	if s := find(t, w.Members[0], "필요한 이유는"); s.Scores[insight.KeyStudy] > 0 {
		t.Errorf("%q (in both notes) scored %v for 추가 학습", s.Body, s.Scores)
	}
	if s := find(t, w.Members[0], "잘 모르겠다"); s.Scores[insight.KeyStudy] == 0 {
		t.Errorf("the member's own doubt %q lost its study score: %v", s.Body, s.Scores)
	}
}

// TestOwnSubject: a sentence names what it is about past its opening (a
// specific noun phrase as subject or topic, a topic a clause describes),
// or it leaves that to the heading above it.
func TestOwnSubject(t *testing.T) {
	for body, want := range map[string]bool{
		"동일한 크기라도 희소 인덱스가 더 적은 공간을 쓴다.": true,
		"유창성과 일관성은 따로 평가할 수 있다.":        true,
		"가장 많이 늘어난 항목은 저장 비용이다.":        true,
		"0으로 설정할 때, 시스템은 캐시를 쓰지 않는다.":   false,
		"쉽게 만들 수 있는 것은 누구나 만들 수 있다.":    false,
	} {
		if got := ownSubject(text.Read(body).Morphs); got != want {
			t.Errorf("ownSubject(%q) = %v, want %v", body, got, want)
		}
	}
}

// An obligation to know or tell apart something is what to understand,
// even where the writer sets it in practice; an obligation to act there is
// a practical idea.
func TestKnowingIsNoPracticalIdea(t *testing.T) {
	src := `# 6장 트랜잭션

- 내가 요청을 보내지 않은 것과 요청을 보낼 수 없는 것을 구분해야 한다.
- 프로젝트에서는 격리 수준의 차이를 꼭 이해해야 한다.
- 실무에서는 트랜잭션 경계를 서비스 계층으로 옮겨야 한다.
`
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w6/하늘.md", src)}})
	m := w.Members[0]
	for _, sub := range []string{"보낼 수 없는 것을 구분해야", "격리 수준의 차이를"} {
		if s := find(t, m, sub); s.Scores[insight.KeyPractical] > 0 {
			t.Errorf("%q: practical %v, want none (what to understand)", s.Body, s.Scores[insight.KeyPractical])
		}
	}
	if s := find(t, m, "서비스 계층으로 옮겨야"); s.Scores[insight.KeyPractical] <= FallbackPractical {
		t.Errorf("%q: practical %v, want a proposal (above %v)", s.Body, s.Scores[insight.KeyPractical], FallbackPractical)
	}
}
