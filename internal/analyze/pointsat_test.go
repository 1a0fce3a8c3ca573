package analyze

import "testing"

// A line that points at code or lines the bullet cannot carry ("위처럼
// …", "…는 아래를 보면 이해하기 쉬울 듯") is no bullet of its own.
func TestLinesPointingAtCode(t *testing.T) {
	const src = "# 5장 타입 활용\n\n## 한정자\n\n- 제네릭에 extends를 붙여 받을 수 있는 타입을 좁힌다.\n- 한정자의 예시는 아래를 보면 이해하기 쉬울 듯 (length 속성을 가지도록 한정한다)\n\n```ts\nfunction len<T extends { length: number }>(x: T) { return x.length }\n```\n\n## 테마\n\n```ts\nconst theme = { primary: \"#000\" } as const\n```\n\n- 위처럼 theme 객체 타입을 구체화하면 버튼이 지정된 값만 받을 수 있게 된다.\n"
	m := Analyze([]Note{{Member: "혜정", Doc: parse("a.md", src)}}).Members[0]
	for _, sub := range []string{"아래를 보면", "위처럼 theme"} {
		if s := find(t, m, sub); s.Problem != ProblemDangling {
			t.Errorf("%q: problem %q, want %q", s.Body, s.Problem, ProblemDangling)
		}
	}
	if s := find(t, m, "받을 수 있는 타입을 좁힌다"); s.Problem != "" {
		t.Errorf("%q: problem %q, want none", s.Body, s.Problem)
	}
}
