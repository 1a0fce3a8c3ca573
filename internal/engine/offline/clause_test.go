package offline

import (
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
