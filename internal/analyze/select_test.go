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
