package summary

import (
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/note"
)

// itemParaNote writes an item's parts as bold paragraphs between its
// sublists, the way Notion exports them, and closes an item's sublist
// with a remark paragraph; a label paragraph introduces a list whose
// items hold such paragraphs.
const itemParaNote = `# 저장 엔진

## 색인

1. **색인 종류**
    - 색인은 조회를 빠르게 한다

    **1) 해시 색인**

    - 키의 해시로 위치를 바로 찾는다

    **2) 범위 색인**

    - 정렬된 키로 구간을 읽는다
2. 다음 주제

정리하면:

- 쓰기 경로
    - 로그에 먼저 쓴다

    → 장애가 나도 다시 읽을 수 있다
- 읽기 경로
`

func TestItemParagraphsStayInTheirItem(t *testing.T) {
	d := note.Parse("n.md", itemParaNote)
	blocks := make([]int, 0, len(d.Blocks))
	for i, b := range d.Blocks {
		if b.Kind != note.KindHeading {
			blocks = append(blocks, i)
		}
	}
	// Bold ordinals inside an item title its sublists, not the note's
	// sections.
	if h := boldHeadings(d); len(h) != 0 {
		t.Errorf("bold headings %v inside an item, want none", h)
	}
	var got [][]string
	for _, p := range points(0, d, blocks, newSentenceIndex(nil)) {
		got = append(got, p.lines)
	}
	// A bold line inside the item keeps its number and its bold: it
	// numbers the item's parts, it is no list marker.
	want := [][]string{
		{"**색인 종류**", "  - 색인은 조회를 빠르게 한다", "  - **1) 해시 색인**", "  - 키의 해시로 위치를 바로 찾는다", "  - **2) 범위 색인**", "  - 정렬된 키로 구간을 읽는다"},
		{"다음 주제"},
		{"**정리하면:**", "  - 쓰기 경로", "    - 로그에 먼저 쓴다", "    - → 장애가 나도 다시 읽을 수 있다", "  - 읽기 경로"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("points:\n%s\nwant:\n%s", show(got), show(want))
	}
}

func show(pp [][]string) string {
	var b strings.Builder
	for _, p := range pp {
		b.WriteString(strings.Join(p, "\n") + "\n--\n")
	}
	return b.String()
}
