package analyze

import (
	"reflect"
	"testing"

	"github.com/moim-study/moim/internal/text"
)

// readingsNote has what the analysis reads twice: list items under a
// labelled line and under a line announcing them, definitions under the
// same label, a parent line that is a sentence of its own.
const readingsNote = `# 3장 색인

## 정의

- 역색인 : 단어에서 문서로 가는 목록, 검색의 기본 구조
- 역색인 : 단어에서 문서로 가는 목록
- 형태소 : 뜻을 가진 가장 작은 말의 단위

## 색인 설계

좋은 색인은 다음 요소를 담아야 한다.

- 문서 번호
- 단어의 위치
- 단어의 빈도

장점:
- 검색이 빠르다.
- 구문 검색을 할 수 있다.

단점:
- 색인을 갱신하는 비용이 크다.
- 저장 공간이 더 든다.

- 색인은 문서를 모을 때 만든다.
    - 문서를 나누면 색인을 병렬로 만들 수 있다.
    - 그 대신 합치는 단계가 필요하다.
`

// TestReadingsSameAsReading: the analysis with each text read once per
// note is the analysis that reads every text again.
func TestReadingsSameAsReading(t *testing.T) {
	notes := []Note{
		{Member: "가온", Doc: parse("a.md", noteA)},
		{Member: "나래", Doc: parse("b.md", noteB)},
		{Member: "다솜", Doc: parse("c.md", listsNote)},
		{Member: "라온", Doc: parse("d.md", leanNote)},
		{Member: "마루", Doc: parse("e.md", signpostNote)},
		{Member: "바다", Doc: parse("f.md", developNote)},
		{Member: "사랑", Doc: parse("g.md", nextLineNote)},
		{Member: "아라", Doc: parse("h.md", ownAdditionsNote)},
		{Member: "자람", Doc: parse("i.md", readingsNote)},
	}
	kept := Analyze(notes)
	keepReadings = false
	defer func() { keepReadings = true }()
	again := Analyze(notes)
	if len(kept.Members) != len(notes) {
		t.Fatalf("%d members analysed, want %d", len(kept.Members), len(notes))
	}
	for i := range kept.Members {
		if kept.Members[i].reads != nil {
			t.Errorf("%s: the readings outlive the analysis", kept.Members[i].Name)
		}
		if !reflect.DeepEqual(kept.Members[i], again.Members[i]) {
			for j := range kept.Members[i].Sentences {
				if a, b := kept.Members[i].Sentences[j], again.Members[i].Sentences[j]; !reflect.DeepEqual(a, b) {
					t.Errorf("%s: sentence %q differs:\n kept   %+v\n again  %+v", kept.Members[i].Name, a.Text, a, b)
					break
				}
			}
			t.Errorf("%s: the analysis differs with readings kept", kept.Members[i].Name)
		}
	}
	if !reflect.DeepEqual(kept.Concepts, again.Concepts) {
		t.Error("the concept matrix differs with readings kept")
	}
}

// TestReadingsRead: a text is read once and answered from the readings
// after that; nil readings read every time.
func TestReadingsRead(t *testing.T) {
	r := readings{}
	const s = "역색인은 단어에서 문서로 가는 목록이다."
	first := r.read(s)
	if !reflect.DeepEqual(first, text.Read(s)) {
		t.Fatal("read differs from text.Read")
	}
	if len(r) != 1 {
		t.Fatalf("%d readings kept, want 1", len(r))
	}
	if second := r.read(s); len(first.Morphs) == 0 || &second.Morphs[0] != &first.Morphs[0] {
		t.Error("the second read was not answered from the readings")
	}
	var none readings
	if !reflect.DeepEqual(none.read(s), first) {
		t.Error("nil readings read differently")
	}
}
