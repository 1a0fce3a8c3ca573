package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
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

// A "…것처럼" that says where a point was made ("이전에 설명했던 것처럼")
// points back at the book's text, and an "as if not" ("…시작되지 않은
// 것처럼") tells a state: neither draws a likeness. One that likens two
// things still does.
func TestPointerBackIsNoAnalogy(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"이전에 설명했던 것처럼 유니온 타입에서는 타입 검사가 제대로 되지 않는 경우가 있다.", false},
		{"앞에서 살펴본 것처럼 캐시는 메모리보다 빠르다.", false},
		{"책에서 말한 것처럼 역할을 먼저 정하면 설계가 유연해진다.", false},
		{"1장에서 배운 것처럼 객체는 자율적이다.", false},
		{"메시지를 보내는 것은 함수를 호출하는 것처럼 보이지만 다르다.", false},
		{"중간에 실패하면 작업이 시작되지 않은 것처럼 처음 상태로 돌려놔야 한다.", false},
		{"롤백하면 아무 일도 없었던 것처럼 데이터가 되돌아간다.", false},
		{"컴포넌트를 붙이는 일은 레고 블록을 조립하는 것처럼 느껴진다.", true},
		{"필터는 체로 모래를 거르는 것처럼 필요한 값만 남긴다.", true},
	} {
		r := text.Read(tc.s)
		if got := analogy(tc.s, r.Morphs); got != tc.want {
			t.Errorf("analogy(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
