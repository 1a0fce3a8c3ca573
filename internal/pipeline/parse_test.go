package pipeline

import (
	"reflect"
	"testing"

	"github.com/moim-study/moim/internal/note"
)

// TestParseNote: a note is parsed once per path and content, and the
// remembered document is the one note.Parse gives.
func TestParseNote(t *testing.T) {
	src := "# 버퍼 풀\n\n버퍼 풀은 **페이지**를 캐시한다.\n"
	a := parseNote("weeks/week01/한서진.md", src)
	if !reflect.DeepEqual(a, note.Parse("weeks/week01/한서진.md", src)) {
		t.Fatal("parseNote differs from note.Parse")
	}
	if b := parseNote("weeks/week01/한서진.md", src); b != a {
		t.Error("the same note was parsed again")
	}
	if c := parseNote("weeks/week01/한서진.md", src+"LRU는 언제 나쁠까?\n"); c == a || len(c.Sentences) == len(a.Sentences) {
		t.Error("a changed note got the old document")
	}
	if d := parseNote("weeks/week02/한서진.md", src); d == a || d.Path != "weeks/week02/한서진.md" {
		t.Error("another file with the same content got the first file's document")
	}
}
