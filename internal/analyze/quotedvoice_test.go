package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// An analogy in a passage the member quotes ("> …마치 …것처럼 …") is the
// quoted author's, not the member's angle; the same analogy in the
// member's own paragraph, written by no one else, counts as theirs. A
// reaction under the member's impressions ("…방식이 신선했다") is theirs.
func TestQuotedAnalogyIsNoOwnAngle(t *testing.T) {
	const quoted = `# 9장 유연한 설계

## 생성과 사용

객체를 생성하는 책임은 마지막에 정한다.

> 객체가 무엇이 되고 싶은지 알기 전에는 생성 방법을 신경 쓰지 않는다.
> 가장 중요한 관심은 마치 객체가 이미 존재하는 것처럼 객체들 사이의 관계를 다루는 일이다.

## 느낀점

지연 초기화 절에서 사용한 방식이 신선했다.
`
	const own = `# 9장 유연한 설계

## 생성과 사용

객체를 생성하는 책임은 마지막에 정한다.

가장 중요한 관심은 마치 객체가 이미 존재하는 것처럼 객체들 사이의 관계를 다루는 일이다.
`
	w := Analyze([]Note{{Member: "혜온", Doc: parse("a.md", quoted)}, {Member: "유선", Doc: parse("b.md", "# 9장\n\n책임 할당은 협력을 먼저 본다.\n")}})
	m := w.Members[0]
	if s := find(t, m, "마치 객체가 이미 존재하는 것처럼"); s.Scores[insight.KeyPerspective] > 0 {
		t.Errorf("quoted analogy: perspective %.2f, want none: the quoted author's words", s.Scores[insight.KeyPerspective])
	}
	if s := find(t, m, "방식이 신선했다"); s.Scores[insight.KeyPerspective] == 0 {
		t.Errorf("reaction under 느낀점: no perspective score, want one")
	}
	w = Analyze([]Note{{Member: "혜온", Doc: parse("a.md", own)}, {Member: "유선", Doc: parse("b.md", "# 9장\n\n책임 할당은 협력을 먼저 본다.\n")}})
	if s := find(t, w.Members[0], "마치 객체가 이미 존재하는 것처럼"); s.Scores[insight.KeyPerspective] == 0 {
		t.Errorf("own analogy: no perspective score, want one")
	}
	// An analogy that says what a term means is the book explaining it.
	const defined = "# 1장 의존관계\n\n## 결합도\n\n- 낮은 결합도란 하나의 변경이 마치 파문이 이는 것처럼 다른 모듈로 번지지 않는 상태를 말한다.\n"
	w = Analyze([]Note{{Member: "소현", Doc: parse("a.md", defined)}, {Member: "유선", Doc: parse("b.md", "# 1장\n\n팩토리는 객체를 만든다.\n")}})
	if s := find(t, w.Members[0], "마치 파문이 이는 것처럼"); !s.Definition || s.Scores[insight.KeyPerspective] > 0 {
		t.Errorf("analogy in a definition: definition %v, perspective %.2f; want a definition and no perspective", s.Definition, s.Scores[insight.KeyPerspective])
	}
}
