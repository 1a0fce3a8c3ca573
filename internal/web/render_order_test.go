package web

import "testing"

// sharedHostSample has list items whose extra lines (a blank line in a
// loose list, a lazy continuation, a nested list) are anchored in the same
// paragraph as the lines of the item's own paragraph.
const sharedHostSample = `# 정리

- 첫 문단의 첫 줄
  첫 문단의 둘째 줄

  둘째 문단

  셋째 문단

  넷째 문단

- 첫 항목은 느슨한 목록이다

  둘째 문단이 같은 항목에 있다
- 둘째 항목
이어지는 게으른 줄
  - 중첩 항목

  - 느슨한 중첩 항목

| 가 | 나 |
|---|---|
| 1 | 2 |

---

끝 문단
`

// TestRenderIsDeterministic: a note renders the same on every run (line
// anchors were inserted in map order, so two blocks sharing a host could
// swap theirs).
func TestRenderIsDeterministic(t *testing.T) {
	for _, src := range []string{renderSample, sharedHostSample} {
		first := string(renderNote("weeks/week01/n.md", src, sampleEnv()).HTML)
		for i := 0; i < 50; i++ {
			if got := string(renderNote("weeks/week01/n.md", src, sampleEnv()).HTML); got != first {
				t.Fatalf("run %d renders differently:\n%s\n---\n%s", i, got, first)
			}
		}
	}
}
