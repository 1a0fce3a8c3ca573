package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/note"
)

// One item of a list its line counts says half of it: the bullet is the
// line with every item, numbered.
func TestCountedListMakesOneWholeBullet(t *testing.T) {
	src := `# 8장 큐

## 전달 보장

- 큐의 전달 보장은 두 가지 수준으로 나뉜다.
- 최소 한 번: 메시지가 중복될 수 있다.
- 정확히 한 번: 중복도 유실도 없다.
`
	aw := analyze.Analyze([]analyze.Note{{Member: "가온", Doc: note.Parse("w8/가온.md", src)}})
	m := aw.Members[0]
	var item analyze.Sentence
	for _, s := range m.Sentences {
		if strings.Contains(s.Body, "정확히 한 번") {
			item = s
		}
	}
	b := Bullet(item, m, aw, "insights")
	want := "큐의 전달 보장은 두 가지 수준으로 나뉜다 — 1) 최소 한 번: 메시지가 중복될 수 있다; 2) 정확히 한 번: 중복도 유실도 없다"
	if b.Text != want {
		t.Errorf("bullet %q\nwant   %q", b.Text, want)
	}
	if len(b.Sources) != 3 {
		t.Errorf("sources %+v: want the line and both items", b.Sources)
	}
}
