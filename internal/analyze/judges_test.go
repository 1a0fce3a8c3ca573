package analyze

import "testing"

// A question that opens like a definition ("캡슐화가 … 핵심인데 …") asks;
// it defines nothing. The writer's own question of judgement, led in with
// an arrow or too short to stand without the line it asks about, is
// theirs, not the book's lead-in.
func TestQuestionsOfJudgement(t *testing.T) {
	const src = `# 10장 상속

## 취약한 기반 클래스

메서드를 오버라이드할 때 생기는 영향을 문서로 남겨야 한다.

→ 캡슐화가 객체지향의 핵심인데 내부 구현을 문서로 공개하는 것이 옳은가?

캡슐화는 객체의 상태를 숨기고 행동만 드러내는 것이다.

- 테스트를 위해 운영 코드의 접근 제한자를 바꿔야 할 것 같다.
- 이게 맞나??
`
	m := Analyze([]Note{{Member: "서연", Doc: parse("w1/서연.md", src)}}).Members[0]
	q := find(t, m, "옳은가?")
	if q.Definition {
		t.Errorf("%q read as a definition", q.Body)
	}
	if !q.judges || q.Answered {
		t.Errorf("%q: judges %v, answered %v; want the writer's open question of judgement", q.Body, q.judges, q.Answered)
	}
	if d := find(t, m, "캡슐화는 객체의 상태를"); !d.Definition {
		t.Errorf("%q not read as a definition", d.Body)
	}
	short := find(t, m, "이게 맞나??")
	if !short.judges || short.Context == nil || short.Problem != "" {
		t.Errorf("%q: judges %v, context %v, problem %q; want a doubt carrying the line above", short.Body, short.judges, short.Context != nil, short.Problem)
	}
}
