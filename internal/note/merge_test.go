package note

import "testing"

func TestMerge(t *testing.T) {
	a := Parse("w/a.md", "# 가\n\n첫 문장이다. 둘째 문장이다.\n")
	b := Parse("w/a-2.md", "\n\n# 나\n\n셋째 문장이다.\n")
	m := Merge(a, b)
	if m.Path != "w/a.md" || len(m.Blocks) != len(a.Blocks)+len(b.Blocks) || len(m.Sentences) != 3 {
		t.Fatalf("merged = %+v", m)
	}
	for i, s := range m.Sentences {
		if s.ID != i {
			t.Errorf("sentence %d has id %d", i, s.ID)
		}
		if m.Blocks[s.Block].Text == "" || m.Blocks[s.Block].File != m.FileOf(s) {
			t.Errorf("sentence %d points at block %d of another file", i, s.Block)
		}
	}
	last := m.Sentences[2]
	if m.FileOf(last) != "w/a-2.md" || last.Line != 5 || last.Text != "셋째 문장이다." {
		t.Errorf("last sentence = %+v in %s", last, m.FileOf(last))
	}
	if m.FileOf(m.Sentences[0]) != "w/a.md" {
		t.Errorf("first sentence in %s", m.FileOf(m.Sentences[0]))
	}
	if m.Stats.Headings != 2 {
		t.Errorf("headings = %d", m.Stats.Headings)
	}
	if Merge(a) != a || Merge() != nil {
		t.Error("Merge of one document is the document; of none, nil")
	}
}
