package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

const openQuestionsNote = `# 7장 복제

## 7.3 복제 지연

1. 읽기 일관성
    - 복제본에서 읽으면 방금 쓴 값이 안 보일 수 있다.
    - 세션마다 같은 복제본으로 보내면 완화된다.
2. 비용 증가
    - 복제본을 셋으로 늘리면 저장 비용도 세 배
        - 오래된 복제본은 압축해서 두면,,?(9장에서 다룸)
3. 장애 전파
    - 주 노드가 느려지면 모든 복제본이 밀린다.

## 7.4 합의

- 리더가 없으면 누가 순서를 정하나?
    - 투표로 정한다.
- 쓰기 순서를 맞추는 방법
    - 선거 주기를 짧게 잡으면 안 되나?
    - 짧으면 리더가 자주 바뀌어 쓰기가 멈춘다.
- ~~합의 알고리즘은 왜 이렇게 다 어렵나…?~~
- 합의는 로그 순서를 맞추는 문제다.

## 7.5 정리

- 복제 지연의 원인은 9장에서 다룬다.
`

// A question a list item asks is open when the list goes on to its next
// point after it; a question the next item (a child or a sibling)
// answers is the book's, restated. A bracketed pointer to a later chapter
// after the question does not make it a signpost. A line the writer
// crossed out is no question of theirs.
func TestOpenQuestionsInLists(t *testing.T) {
	w := Analyze([]Note{{Member: "하람", Doc: parse("w7/하람.md", openQuestionsNote)}})
	m := w.Members[0]

	open := find(t, m, "압축해서 두면")
	if open.Answered || open.Scores[insight.KeyStudy] < 1 {
		t.Errorf("question before the list's next point: answered %v, scores %v; want an open study target", open.Answered, open.Scores)
	}
	if bookMeta(&open) {
		t.Errorf("question with a pointer to a later chapter read as a signpost: %q", open.Body)
	}
	for _, sub := range []string{"누가 순서를 정하나", "선거 주기를 짧게"} {
		if q := find(t, m, sub); !q.Answered || q.Scores[insight.KeyStudy] > 0 {
			t.Errorf("%q is answered by the item under or after it: answered %v, scores %v", sub, q.Answered, q.Scores)
		}
	}
	for _, q := range m.Sentences {
		if strings.Contains(q.Text, "다 어렵나") {
			t.Errorf("crossed-out line read as a sentence of the member's: voice %+v, scores %v; want no question and no score", q.Voice, q.Scores)
		}
	}
	// A plain signpost with a chapter pointer stays a signpost.
	if s := find(t, m, "원인은 9장에서"); !bookMeta(&s) {
		t.Errorf("signpost %q not read as one", s.Body)
	}
}
