package note

import (
	"reflect"
	"testing"
)

// A note written as tables is read cell by cell: each sentence of a cell
// after the first, as the note writes it, with the emphasis inside it and
// the row's first cell last in its path, as a heading over it; the header
// row is no sentence. A note of prose keeps its table rows whole.
func TestTableNoteReadByCells(t *testing.T) {
	src := "# 4장 인덱스\n\n| 개념 | 설명 | 내 생각 |\n| --- | --- | --- |\n| 클러스터드 인덱스 | 행을 **키 순서대로** 저장한다. | 어떤 컬럼을 고를지가 중요할 것 같다. |\n| 커버링 인덱스 | 필요한 컬럼을 모두 인덱스에 담는다. | 조회 API에 적용해 보면 좋겠다. |\n"
	d := Parse("w4/수아.md", src)
	var got []string
	for _, s := range d.Sentences {
		if !s.Cell || s.Kind != KindTable {
			t.Errorf("%q: cell %v kind %s, want a cell of a table row", s.Text, s.Cell, s.Kind)
		}
		got = append(got, s.Path[len(s.Path)-1]+" > "+s.Text)
	}
	want := []string{
		"클러스터드 인덱스 > 행을 키 순서대로 저장한다.",
		"클러스터드 인덱스 > 어떤 컬럼을 고를지가 중요할 것 같다.",
		"커버링 인덱스 > 필요한 컬럼을 모두 인덱스에 담는다.",
		"커버링 인덱스 > 조회 API에 적용해 보면 좋겠다.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
	if len(d.Sentences) > 0 && !reflect.DeepEqual(d.Sentences[0].Emphasis, []string{"키 순서대로"}) {
		t.Errorf("emphasis = %q, want the bold span inside the cell", d.Sentences[0].Emphasis)
	}
	prose := src + "\n클러스터드 인덱스는 테이블의 행 자체를 키 순서대로 정렬해 저장하기 때문에 범위 조회에 유리하고, 커버링 인덱스는 질의에 필요한 컬럼을 모두 인덱스에 담아 테이블 접근을 피하게 해 준다. 두 인덱스 모두 쓰기 비용이 늘어난다는 점은 같다고 생각한다. 그래서 어떤 컬럼에 인덱스를 걸지는 조회 패턴을 먼저 보고 정해야 한다.\n"
	for _, s := range Parse("w4/수아.md", prose).Sentences {
		if s.Cell {
			t.Errorf("%q: a cell sentence in a note of prose", s.Text)
		}
	}
}
