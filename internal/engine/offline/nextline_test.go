package offline

import (
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// A sentence whose next line judges it is one bullet with that line: a
// line without a turner after a dash, one opening with a turner after a
// space, each with its own source line, and the next line's own turn too.
func TestBulletCarriesTheNextLineThatJudgesIt(t *testing.T) {
	src := "# 메모\n\n## 정렬\n\n1. **삽입 정렬**\n    - 정렬된 앞부분에 원소를 하나씩 끼워 넣음.\n    - 구현은 쉽지만, 큰 입력에서는 비교 횟수가 많고 느림\n\n" +
		"## 색인 크기\n\n- 대부분의 책은 색인 크기를 항목 개수로 잰다.\n    - 그렇다고 항목 개수로 색인 크기를 재는 것은 적절하지 않다. 대신 바이트 수를 세는 것이 더 낫다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	b := Bullet(sentenceWith(t, m, "하나씩 끼워 넣음"), m, w, insight.KeyInsights)
	if want := "정렬된 앞부분에 원소를 하나씩 끼워 넣음 — 구현은 쉽지만, 큰 입력에서는 비교 횟수가 많고 느림"; b.Text != want || b.Sources[len(b.Sources)-1].Line != 7 {
		t.Errorf("drawback on the next line:\n got %q (sources %+v)\nwant %q", b.Text, b.Sources, want)
	}
	b = Bullet(sentenceWith(t, m, "항목 개수로 잰다"), m, w, insight.KeyInsights)
	if want := "대부분의 책은 색인 크기를 항목 개수로 잰다. 그렇다고 항목 개수로 색인 크기를 재는 것은 적절하지 않다. 대신 바이트 수를 세는 것이 더 낫다."; b.Text != want || len(b.Sources) != 3 {
		t.Errorf("denial on its sub-item:\n got %q (sources %d)\nwant %q", b.Text, len(b.Sources), want)
	}
}
