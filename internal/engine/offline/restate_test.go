package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// restateSrc makes one contrast twice in other words (서버리스 배포 against
// 컨테이너 배포) among other points on the same concept.
const restateSrc = `# 배포 방식 정리

## 서버리스 배포

- 서버리스 배포는 서버 관리보다는 함수 단위의 실행과 과금에 더 중점을 둔다는 점에서 컨테이너 배포와 차이가 있다.
- 전통적인 컨테이너 배포가 모든 것을 직접 챙기는 것이라면, 서버리스 배포는 이미 있는 것을 빌려 쓴다.
- 서버리스 배포는 요청이 없을 때 비용이 거의 들지 않는다.
- 콜드 스타트는 첫 요청의 지연 시간을 늘린다.
- 콜드 스타트를 줄이려면 함수를 미리 데워 둔다.

## 이미지 빌드

- 멀티 스테이지 빌드는 최종 이미지에서 빌드 도구를 빼서 이미지 크기를 줄인다.
- 멀티 스테이지 빌드에서는 단계마다 다른 기반 이미지를 쓸 수 있다.
- 레이어 캐시는 바뀌지 않은 단계를 다시 실행하지 않게 해 빌드 시간을 줄인다.
- 레이어 캐시를 살리려면 자주 바뀌는 파일을 뒤에 복사한다.

## 롤백

- 블루 그린 배포는 새 버전에 문제가 생기면 트래픽을 이전 환경으로 되돌려 빠르게 롤백한다.
- 블루 그린 배포는 환경을 두 벌 유지하므로 비용이 든다.
- 카나리 배포는 일부 사용자에게만 새 버전을 먼저 보내 위험을 줄인다.
- 카나리 배포의 비율은 지표를 보며 조금씩 올린다.

## 운영

- 오토스케일링은 CPU 사용률에 따라 인스턴스 수를 늘리거나 줄인다.
- 오토스케일링의 기준값이 낮으면 인스턴스가 자주 바뀐다.
- 헬스 체크는 응답하지 않는 인스턴스를 로드 밸런서에서 뺀다.
- 헬스 체크 주기가 길면 장애를 늦게 알아챈다.
- 로드 밸런서는 요청을 여러 인스턴스에 나눈다.
`

// A section says a point once: the same contrast in other words (the
// same focus, and no specific term the first bullet lacks) is not a
// second bullet; another point on the same concept is.
func TestSectionDoesNotRestateAPoint(t *testing.T) {
	w := analyze.Analyze([]analyze.Note{{Member: "노을", Doc: note.Parse("w1/노을.md", restateSrc)}})
	m := w.Members[0]
	pair := 0
	for _, sec := range MemberSections(basic.MemberSections, m, w, 12, nil) {
		if false && sec.Key != insight.KeyInsights {
			continue
		}
		for _, b := range sec.Bullets {
			t.Log(sec.Key, b.Head, "/", b.Text)
			if said := b.Head + " " + b.Text; strings.Contains(said, "서버리스 배포") && strings.Contains(said, "컨테이너 배포") {
				pair++
			}
		}
	}
	if pair != 1 {
		t.Errorf("the 서버리스/컨테이너 contrast is in %d key insights, want 1", pair)
	}
	first := []point{pointOf(sentenceWith(t, m, "중점을 둔다"))}
	for _, c := range []struct {
		sub  string
		want bool
	}{
		{"전통적인 컨테이너 배포가", true},
		{"비용이 거의 들지 않는다", false}, // one shared term: another point
		{"콜드 스타트는", false},
	} {
		if got := restates(first, sentenceWith(t, m, c.sub)); got != c.want {
			t.Errorf("restates(%q) = %v, want %v", c.sub, got, c.want)
		}
	}
}
