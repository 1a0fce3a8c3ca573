package note

import (
	"fmt"
	"strings"
	"testing"

	gtext "github.com/yuin/goldmark/text"
)

// genNote builds a Korean markdown note of about size bytes mixing the
// constructs real notes use: headings, paragraphs with emphasis and links,
// nested lists, code, tables, Notion call-outs and blog HTML.
func genNote(size int) string {
	var b strings.Builder
	b.WriteString("# 벤치마크 노트\n\n날짜: 2025년 1월 1일\n담당자: 테스트\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## %d. 평가 방법 정리\n\n", i)
		fmt.Fprintf(&b, "이번 절에서는 **모델 평가 %d**를 다룬다. 평가 기준이 모호하면 개선 방향도 흐려진다.\n", i)
		b.WriteString("자세한 내용은 [참고 문서](https://example.com/doc) 를 보면 된다. 확률 $p \\rightarrow 1$ 로 수렴한다.\n\n")
		b.WriteString("- 자동 평가는 빠르고 저렴하다.\n  - 하지만 **사람 평가**와 차이가 난다.\n    - 기준을 먼저 정해야 한다.\n- 사람 평가는 비싸지만 믿을 만하다.\n\n")
		b.WriteString("```python\ndef score(x):\n    return sum(x) / len(x)\n```\n\n")
		b.WriteString("| 방법 | 장점 | 단점 |\n|---|---|---|\n| 자동 | 빠름 | 부정확 |\n| 사람 | 정확 | 비쌈 |\n\n")
		b.WriteString("<aside>\n\n개인적인 생각: 평가 데이터셋부터 만들어야 한다.\n\n</aside>\n\n")
		b.WriteString("<p data-ke-size=\"size16\">블로그에서 옮긴 <b>문단</b>이다.&nbsp;</p>\n<ul>\n<li>첫 항목</li>\n<li>둘째 항목</li>\n</ul>\n\n")
	}
	return b.String()
}

func benchmarkParse(b *testing.B, size int) {
	src := genNote(size)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d := Parse("bench.md", src)
		if len(d.Sentences) == 0 {
			b.Fatal("no sentences")
		}
	}
}

// BenchmarkParse100KB parses a typical large weekly note.
func BenchmarkParse100KB(b *testing.B) { benchmarkParse(b, 100<<10) }

// BenchmarkParse20MB parses a 20 MB note, to show the work stays linear.
func BenchmarkParse20MB(b *testing.B) { benchmarkParse(b, 20<<20) }

// BenchmarkDecode100KB decodes a UTF-8 note with a BOM and CRLF line ends.
func BenchmarkDecode100KB(b *testing.B) {
	raw := []byte("\xef\xbb\xbf" + strings.ReplaceAll(genNote(100<<10), "\n", "\r\n"))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode("bench.md", raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoldmarkOnly100KB is the baseline: goldmark alone on the same
// note, to read BenchmarkParse100KB against on a noisy machine.
func BenchmarkGoldmarkOnly100KB(b *testing.B) {
	src := []byte(genNote(100 << 10))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		newMarkdown().Parse(gtext.NewReader(src))
	}
}
