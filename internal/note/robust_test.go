package note

import (
	"strings"
	"testing"
)

// TestParseHostile feeds inputs that break naive parsers: they must parse
// without panicking or exhausting the stack, and keep the document
// invariants. (Speed is measured by the benchmarks, not asserted here.)
func TestParseHostile(t *testing.T) {
	deepIndent := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i))
			b.WriteString("- 항목\n")
		}
		return b.String()
	}
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, d *Document)
	}{
		{"list markers 10000 deep", strings.Repeat("- ", 10000) + "깊은 항목\n", func(t *testing.T, d *Document) {
			if len(d.Blocks) != 1 || d.Blocks[0].Level > maxDepth || !strings.Contains(d.Blocks[0].Text, "깊은 항목") {
				t.Errorf("blocks %+v", d.Blocks)
			}
		}},
		{"indented list 1000 deep", deepIndent(1000), func(t *testing.T, d *Document) {
			if len(d.Blocks) != 1000 {
				t.Errorf("%d blocks, want one per item", len(d.Blocks))
			}
			for _, b := range d.Blocks {
				if b.Level > maxDepth {
					t.Fatalf("level %d beyond %d", b.Level, maxDepth)
				}
			}
		}},
		{"quotes 10000 deep", strings.Repeat("> ", 10000) + "인용\n", nil},
		{"html lists 10000 deep", strings.Repeat("<ul><li>", 10000) + "목록\n", func(t *testing.T, d *Document) {
			if len(d.Blocks) != 1 || d.Blocks[0].Level != maxDepth {
				t.Errorf("blocks %+v", d.Blocks)
			}
		}},
		{"emphasis 100000 deep", strings.Repeat("**", 100000) + "x" + strings.Repeat("**", 100000), nil},
		{"brackets", strings.Repeat("[", 100000) + "x" + strings.Repeat("]", 100000), nil},
		{"1 MB single line", strings.Repeat("긴 줄의 문장이다. **강조** 포함 ", 1<<20/40), func(t *testing.T, d *Document) {
			if len(d.Blocks) != 1 || d.Blocks[0].Line != 1 || len(d.Sentences) < 1000 {
				t.Errorf("%d blocks, %d sentences", len(d.Blocks), len(d.Sentences))
			}
		}},
		{"unclosed html", "<div><p>열린 <b>태그 <ul><li>항목\n<table><tr><td>셀", func(t *testing.T, d *Document) {
			if len(d.Blocks) == 0 {
				t.Error("no blocks")
			}
		}},
		{"unclosed aside", "<aside>\n\n안쪽 글\n", func(t *testing.T, d *Document) {
			if len(d.Blocks) != 1 || d.Blocks[0].Kind != KindCallout {
				t.Errorf("blocks %+v", d.Blocks)
			}
		}},
		{"unclosed fence", "```\n" + strings.Repeat("code\n", 1000), nil},
		{"unclosed comment", "<!--\n" + strings.Repeat("주석\n", 1000), nil},
		{"unclosed inline comment", strings.Repeat("a <!-- ", 50000), nil},
		{"backticks", strings.Repeat("a ` b `` c ``` ", 20000), nil},
		{"many dollars", strings.Repeat("$a ", 100000), nil},
		{"nul and controls", "a\x00b\x01c\x7f\n\x00", nil},
		{"only markup", "**\n__\n[]()\n<>\n---\n***\n", nil},
		{"crlf", "# 제목\r\n\r\n본문이다.\r\n", func(t *testing.T, d *Document) {
			if d.Stats.Lines != 3 || len(d.Sentences) != 1 || d.Sentences[0].Line != 3 {
				t.Errorf("lines %d sentences %+v", d.Stats.Lines, d.Sentences)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("hostile.md", tt.src)
			if d == nil {
				t.Fatal("nil Document")
			}
			checkInvariants(t, d)
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}
