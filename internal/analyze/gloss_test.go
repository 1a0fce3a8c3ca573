package analyze

import "testing"

// A lone noun phrase right under a label that is a term is that term's
// gloss, a definition; the items of a list under a label, the lone item
// under a label naming a kind of content, and an item that says
// something (a predicate) are not. Definitions in the polite style are
// definitions too.
func TestGlossUnderATermLabel(t *testing.T) {
	const src = `# 2장 테스트

## 용어

픽스처

- 테스트를 수행하는 데 필요한 정보나 오브젝트

장점

- 빠른 피드백 주기

매처

- 값을 비교하는 조건 객체
- 여러 조건을 조합하는 도구

목 오브젝트

- 목 오브젝트는 호출 내용을 기록해 두었다가 검증에 쓴다.

## 정리

테스트마다 새 오브젝트를 만드는 방식을 테스트 격리라고 합니다.
`
	m := Analyze([]Note{{Member: "찬", Doc: parse("a.md", src)}}).Members[0]
	for sub, want := range map[string]bool{
		"필요한 정보나 오브젝트":  true,
		"빠른 피드백 주기":     false,
		"값을 비교하는 조건 객체": false,
		"호출 내용을 기록해":    false,
		"테스트 격리라고 합니다":  true,
	} {
		if s := find(t, m, sub); s.Definition != want {
			t.Errorf("%q: definition %v, want %v", s.Body, s.Definition, want)
		}
	}
}
