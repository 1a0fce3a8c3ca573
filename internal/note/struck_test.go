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
