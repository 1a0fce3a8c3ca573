package analyze

import "testing"

// Definitions in the polite style some notes keep throughout are
// definitions too.
func TestPoliteDefinition(t *testing.T) {
	const src = `# 2장 테스트

## 정리

테스트마다 새 오브젝트를 만드는 방식을 테스트 격리라고 합니다.
테스트 격리는 테스트끼리 영향을 주지 않게 합니다.
`
	m := Analyze([]Note{{Member: "찬", Doc: parse("a.md", src)}}).Members[0]
	for sub, want := range map[string]bool{
		"테스트 격리라고 합니다":  true,
		"영향을 주지 않게 합니다": false,
	} {
		if s := find(t, m, sub); s.Definition != want {
			t.Errorf("%q: definition %v, want %v", s.Body, s.Definition, want)
		}
	}
}
