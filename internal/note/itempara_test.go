package note

import (
	"strings"
	"testing"
)

// A list item's paragraphs after its nested list are blocks of their own
// where they stand, at the depth of that list: a bold line between two
// sublists ("**2) …**") titles the sublist below it and is no part of the
// item's first line.
func TestItemParagraphAfterNestedList(t *testing.T) {
	src := `1. **쿼리 실행**
    - 옵티마이저가 실행 계획을 고른다

    **2) 해시 조인 (Hash join)**

    - 작은 쪽 테이블로 해시 테이블을 먼저 만든다
2. 다음 항목
`
	doc := Parse("n.md", src)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, string(b.Kind)+"/"+string(rune('0'+b.Level))+" "+b.Text)
	}
	want := []string{
		"item/0 쿼리 실행",
		"item/1 옵티마이저가 실행 계획을 고른다",
		"paragraph/1 2) 해시 조인 (Hash join)",
		"item/1 작은 쪽 테이블로 해시 테이블을 먼저 만든다",
		"item/0 다음 항목",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := doc.Blocks[2]; len(p.Emphasis) != 1 || p.Line != 4 {
		t.Errorf("bold line: emphasis %q line %d, want the whole line, line 4", p.Emphasis, p.Line)
	}
	// A paragraph that continues the item's first line, before any nested
	// list, stays part of it.
	doc = Parse("n.md", "- 첫 줄\n\n  이어지는 문단\n\n  - 하위 항목\n")
	if len(doc.Blocks) != 2 || doc.Blocks[0].Text != "첫 줄\n이어지는 문단" {
		t.Errorf("continuation: got %+v", doc.Blocks)
	}
	// A paragraph after the item's code (a caption of the next example)
	// is no sublist's title: it stays part of the item's line, as before.
	doc = Parse("n.md", "- 재시도 코드\n\n  ```go\n  retry()\n  ```\n\n  🔽 재시도 후 복구\n\n- 다음\n")
	var kinds []string
	for _, b := range doc.Blocks {
		kinds = append(kinds, string(b.Kind)+" "+b.Text)
	}
	if len(doc.Blocks) != 3 || doc.Blocks[0].Text != "재시도 코드\n🔽 재시도 후 복구" {
		t.Errorf("paragraph after an item's code: got %q, want it on the item's line", kinds)
	}
}

// A bold span the writer broke over lines is one sentence; sentences a
// bold span holds on one line stay apart, and so do plain lines.
func TestBoldSpanOverLinesIsOneSentence(t *testing.T) {
	src := "# 메모\n\n**캐시에서 가장 중요한 것은 자주 읽는 데이터를 고르기 위해\n요청마다 남긴 접근 기록\n그리고 그 기록의 주기**\n\n" +
		"**먼저 기록을 모으자. 그다음 만료를 정하자.**\n\n평범한 줄이다\n다음 줄이다\n"
	d := Parse("w1/메모.md", src)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, s.Text)
	}
	want := []string{
		"캐시에서 가장 중요한 것은 자주 읽는 데이터를 고르기 위해 요청마다 남긴 접근 기록 그리고 그 기록의 주기",
		"먼저 기록을 모으자.", "그다음 만료를 정하자.", "평범한 줄이다", "다음 줄이다",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
	if d.Sentences[0].Line != 3 {
		t.Errorf("the joined sentence's line = %d, want 3", d.Sentences[0].Line)
	}
}
