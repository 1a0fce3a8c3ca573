package doc

import "testing"

func TestUnescapeLineStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\# 제목 아님`, "# 제목 아님"},
		{`1\. 목록 아님`, "1. 목록 아님"},
		{`\- 목록 아님`, "- 목록 아님"},
		{`경로 C:\temp`, `경로 C:\temp`},
		{`\a 그대로`, `\a 그대로`},
	}
	for _, tt := range tests {
		if got := UnescapeLineStart(tt.in); got != tt.want {
			t.Errorf("UnescapeLineStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// What Render escapes reads back as it was written.
	for _, s := range []string{"# 제목 아님", "1. 목록 아님", "2) 둘째", "- 목록", "> 인용", "| 표", "<b>", "`코드`", "보통 문장"} {
		if got := UnescapeLineStart(escapeLineStart(s)); got != s {
			t.Errorf("UnescapeLineStart(escapeLineStart(%q)) = %q", s, got)
		}
	}
}
