package note

import "testing"

// A block whose whole text is struck through is marked: the writer
// crossed it out. A block with a struck word among others is not.
func TestStruckBlocks(t *testing.T) {
	doc := Parse("n.md", "- ~~이건 농담이다…?~~\n- 캐시는 ~~항상~~ 빠르다.\n\n~~**전부 지운 문단**~~\n\n보통 문단.\n")
	want := map[string]bool{
		"이건 농담이다…?":   true,
		"캐시는 항상 빠르다.": false,
		"전부 지운 문단":    true,
		"보통 문단.":      false,
	}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("blocks = %d, want %d: %+v", len(doc.Blocks), len(want), doc.Blocks)
	}
	for _, b := range doc.Blocks {
		w, ok := want[b.Text]
		if !ok {
			t.Errorf("unexpected block text %q", b.Text)
			continue
		}
		if b.Struck != w {
			t.Errorf("%q: Struck = %v, want %v", b.Text, b.Struck, w)
		}
	}
}

// A task list item says whether it is still to do or ticked off; any other
// item, and a paragraph quoting "[ ]", is no task.
func TestTaskBlocks(t *testing.T) {
	d := Parse("w3/하늘.md", "# 3장\n\n- [ ] MVCC가 스냅샷을 만드는 방법 정리하기\n- [x] 격리 수준 표 정리\n- 보통 항목\n\n빈 체크박스는 [ ] 로 쓴다.\n")
	want := map[string]string{
		"MVCC가 스냅샷을 만드는 방법 정리하기": TaskOpen,
		"격리 수준 표 정리":             TaskDone,
		"보통 항목":                  "",
		"빈 체크박스는 [ ] 로 쓴다.":      "",
	}
	for _, b := range d.Blocks {
		if w, ok := want[b.Text]; ok {
			if b.Task != w {
				t.Errorf("%q: Task = %q, want %q", b.Text, b.Task, w)
			}
			delete(want, b.Text)
		}
	}
	for text := range want {
		t.Errorf("no block %q", text)
	}
}
