package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// "…다는 게 의외였다": the clause before 게 (것이) is the subject of the
// writer's reaction, though the dictionary reads 게 as an ending; the
// reaction is a finding of theirs, not a line leaning on one above.
func TestReactionWithAClauseSubjectIsAnAngle(t *testing.T) {
	const note = `# 그래프 탐색

## 구현

- 너비 우선 탐색은 큐를, 깊이 우선 탐색은 스택이나 재귀를 쓴다.
- 방문 배열에 거리를 함께 적으면 깊이를 따로 들고 다닐 필요가 없다.

## 느낀 점

너비 우선 탐색에서 방문 표시를 큐에 넣을 때 하느냐 꺼낼 때 하느냐가 결과를 바꾼다는 게 의외였다.
`
	if got, ok := sectionHas(t, "세린", note, insight.KeyPerspective, "결과를 바꾼다는 게 의외였다"); !ok {
		t.Errorf("관점 = %q; want the writer's reaction", got)
	}
}

// A line announcing a list ("…다음 요소를 담아야 한다.") frames the items
// right under it, not a later item of the same list after an image: the
// run of items ended at the image.
func TestAnnouncedListEndsAtAnImage(t *testing.T) {
	const note = `# 평가

- 평가 요청은 다음 요소를 담아야 한다.
- 모델이 수행할 작업
- 모델을 평가할 때 따를 기준
- 점수를 매기는 방식

![](https://example.com/figure.png)

- 평가자는 모델만이 아니라 모델과 프롬프트를 함께 묶은 하나의 시스템이라서 프롬프트를 바꾸면 다른 평가자가 된다.
`
	m, w := memberOf(t, "은정", note)
	for _, key := range []string{insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical} {
		for _, b := range sectionOf(t, m, w, key).Bullets {
			if strings.Contains(b.Text, "프롬프트를 함께 묶은") && strings.Contains(b.Text, "다음 요소") {
				t.Errorf("%s bullet %q: the item after the image is no item of the announced list", key, b.Text)
			}
		}
	}
}
