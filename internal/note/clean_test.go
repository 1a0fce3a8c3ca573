package note

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseInline checks how single snippets become block text, emphasis
// and counts.
func TestParseInline(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		kinds []Kind
		texts []string
		emph  []string // emphasis of all blocks, in order
		links []string
		stats func(Stats) bool
	}{
		{name: "strong star", src: "이것은 **핵심 개념**이다.", texts: []string{"이것은 핵심 개념이다."}, emph: []string{"핵심 개념"}},
		{name: "strong underscore", src: "이것은 __핵심__ 이다.", texts: []string{"이것은 핵심 이다."}, emph: []string{"핵심"}},
		{name: "italic is not emphasis", src: "이것은 *기울임* 이다.", texts: []string{"이것은 기울임 이다."}},
		{name: "korean flanking", src: "**'프롬프트'**는 중요하고 **모델(model)**을 고른다.", texts: []string{"'프롬프트'는 중요하고 모델(model)을 고른다."}, emph: []string{"'프롬프트'", "모델(model)"}},
		{name: "html bold tags", src: "<b>굵게</b> 그리고 <strong>강하게</strong>, <mark>형광</mark> 표시.", texts: []string{"굵게 그리고 강하게, 형광 표시."}, emph: []string{"굵게", "강하게", "형광"}},
		{name: "unpaired marker", src: "끝에 남은 표시다.**", texts: []string{"끝에 남은 표시다."}},
		{name: "literal stars in code", src: "`a**b` 와 `c**d` 는 코드다.", texts: []string{"a**b 와 c**d 는 코드다."}},
		{name: "image removed", src: "앞 ![그림 설명](https://img.example.com/a.png) 뒤", texts: []string{"앞 뒤"}, stats: func(s Stats) bool { return s.Images == 1 && s.Links == 0 }},
		{name: "html image removed", src: "앞 <img src=\"a.png\" alt=\"x\"> 뒤", texts: []string{"앞 뒤"}, stats: func(s Stats) bool { return s.Images == 1 && s.HTML == 1 }},
		{name: "link text kept", src: "[공식 문서](https://docs.example.com/a) 참고", texts: []string{"공식 문서 참고"}, links: []string{"https://docs.example.com/a"}},
		{name: "reference link", src: "[문서][d] 참고\n\n[d]: https://ref.example.com", texts: []string{"문서 참고"}, links: []string{"https://ref.example.com"}},
		{name: "autolink", src: "주소 <https://auto.example.com> 끝", texts: []string{"주소 끝"}, links: []string{"https://auto.example.com"}},
		{name: "bare url", src: "출처(https://bare.example.com/x) 확인. 또는 www.example.org에서.", texts: []string{"출처 확인. 또는 에서."}, links: []string{"https://bare.example.com/x", "www.example.org"}},
		{name: "inline code kept", src: "`len(x)` 함수를 쓴다.", texts: []string{"len(x) 함수를 쓴다."}},
		{name: "escapes", src: `별표 \*는 그대로, 괄호 \[도\].`, texts: []string{"별표 *는 그대로, 괄호 [도]."}},
		{name: "entities and nbsp", src: "A&nbsp;&amp;&nbsp;B\u00a0\u00a0C &lt;태그&gt;", texts: []string{"A & B C <태그>"}},
		{name: "latex nested fraction", src: `$\text{Attention}(Q, K, V) = \text{softmax}\left(\frac{QK^{T}}{\sqrt{d_k}}\right)V$`, texts: []string{"Attention(Q, K, V) = softmax(QK^T/√d_k)V"}},
		{name: "latex fraction of sums", src: `$$p_i = \frac{e^{x_i}}{\sum_{j} e^{x_j}}$$ 그리고 $\frac{a + b}{2}$, $\sqrt{a^2 + b^2}$`, texts: []string{"p_i = e^x_i/(Σ_j e^x_j) 그리고 (a + b)/2, √(a^2 + b^2)"}},
		{name: "latex arrow", src: `입력 $\rightarrow$ 출력, 곱 $4096\times4096$, 분수 $\frac{a}{b}$`, texts: []string{"입력 → 출력, 곱 4096×4096, 분수 a/b"}, stats: func(s Stats) bool { return s.Formulas == 3 }},
		{name: "latex doubled backslash", src: `입력 $\\rightarrow$ 출력 $\\theta$`, texts: []string{"입력 → 출력 θ"}, stats: func(s Stats) bool { return s.Formulas == 2 }},
		{name: "latex text command", src: "$$\\text{loss}(\\theta) = -\\log \\sigma$$", texts: []string{"loss(θ) = -log σ"}, stats: func(s Stats) bool { return s.Formulas == 1 }},
		{name: "dollars are not math", src: "가격은 $5 와 $10 이다.", texts: []string{"가격은 $5 와 $10 이다."}, stats: func(s Stats) bool { return s.Formulas == 0 }},
		{name: "arrow outside math", src: `A \rightarrow B`, texts: []string{"A → B"}},
		{name: "chatgpt citations", src: "설명이다【4:2†source】. 다음:contentReference[oaicite:0]{index=0} 끝[oaicite:7]. 표시\ue200cite\ue202turn0search1\ue201 끝.", texts: []string{"설명이다. 다음 끝. 표시 끝."}},
		{name: "soft and hard breaks", src: "첫 줄\n둘째 줄  \n셋째 줄<br>넷째 줄", texts: []string{"첫 줄\n둘째 줄\n셋째 줄\n넷째 줄"}},
		{name: "setext heading", src: "제목\n===\n\n본문.", kinds: []Kind{KindHeading, KindParagraph}, texts: []string{"제목", "본문."}},
		{name: "github alert", src: "> [!TIP]\n> 팁 내용이다.", kinds: []Kind{KindCallout}, texts: []string{"팁 내용이다."}, stats: func(s Stats) bool { return s.Callouts == 1 }},
		{name: "nested quote level", src: "> 바깥\n>\n> > 안쪽", kinds: []Kind{KindQuote, KindQuote}, texts: []string{"바깥", "안쪽"}},
		{name: "task list", src: "- [x] 끝낸 일\n- [ ] 남은 일", kinds: []Kind{KindListItem, KindListItem}, texts: []string{"끝낸 일", "남은 일"}},
		{name: "strikethrough", src: "~~지운 말~~ 남은 말", texts: []string{"지운 말 남은 말"}},
		{name: "not front matter", src: "---\n본문 첫 줄\n---\n\n다음.", kinds: []Kind{KindHeading, KindParagraph}, texts: []string{"본문 첫 줄", "다음."}},
		{name: "front matter skipped", src: "---\ntitle: 제목\n---\n본문.", kinds: []Kind{KindParagraph}, texts: []string{"본문."}},
		{name: "html table", src: "<table>\n<tr><th>항목</th><th>값</th></tr>\n<tr><td><b>지연</b></td><td>120ms</td></tr>\n</table>", kinds: []Kind{KindTable, KindTable}, texts: []string{"항목 | 값", "지연 | 120ms"}, emph: []string{"지연"}, stats: func(s Stats) bool { return s.Tables == 1 }},
		{name: "html pre", src: "<pre><code>x := 1 &lt; 2\ny := 3</code></pre>", kinds: []Kind{KindCode}, texts: []string{"x := 1 < 2\ny := 3"}, stats: func(s Stats) bool { return s.Code == 1 }},
		{name: "html skip script", src: "<div>\n<script>var x = 1;</script>\n<p>보이는 글</p>\n</div>", texts: []string{"보이는 글"}},
		{name: "html link", src: "<p><a href=\"https://a.example.com\">링크 글</a> 뒤</p>", texts: []string{"링크 글 뒤"}, links: []string{"https://a.example.com"}},
		{name: "html blockquote", src: "<blockquote>\n<p>인용한 글</p>\n</blockquote>", kinds: []Kind{KindQuote}, texts: []string{"인용한 글"}},
		{name: "item with paragraphs", src: "- 첫 문단\n\n  둘째 문단\n\n  - 하위 항목", kinds: []Kind{KindListItem, KindListItem}, texts: []string{"첫 문단\n둘째 문단", "하위 항목"}},
		{name: "empty blocks dropped", src: "- \n\n![](a.png)\n\n<p>&nbsp;</p>\n\n**진짜 내용**", texts: []string{"진짜 내용"}, emph: []string{"진짜 내용"}},
		{name: "control and zero width", src: "보이\u200b는\u0007 글\ufeff", texts: []string{"보이는 글"}},
		{name: "invalid utf8", src: "앞\xff\xfe뒤", texts: []string{"앞뒤"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("t.md", tt.src)
			var kinds []Kind
			var texts, emph []string
			for _, b := range d.Blocks {
				kinds = append(kinds, b.Kind)
				texts = append(texts, b.Text)
				emph = append(emph, b.Emphasis...)
			}
			if !reflect.DeepEqual(texts, tt.texts) {
				t.Errorf("texts = %q, want %q", texts, tt.texts)
			}
			if tt.kinds == nil {
				tt.kinds = []Kind{KindParagraph}
			}
			if !reflect.DeepEqual(kinds, tt.kinds) {
				t.Errorf("kinds = %q, want %q", kinds, tt.kinds)
			}
			if !reflect.DeepEqual(emph, tt.emph) {
				t.Errorf("emphasis = %q, want %q", emph, tt.emph)
			}
			if !reflect.DeepEqual(d.Links, tt.links) {
				t.Errorf("links = %q, want %q", d.Links, tt.links)
			}
			if tt.stats != nil && !tt.stats(d.Stats) {
				t.Errorf("stats %+v", d.Stats)
			}
			checkInvariants(t, d)
		})
	}
}

func TestSentenceEmphasisAndLines(t *testing.T) {
	src := "앞 문장은 평범하다.\n**둘째 문장은 전부 강조다. 셋째도 강조다.**\n마지막 줄에 **핵심**이 있다."
	d := Parse("t.md", src)
	want := []ws{
		{KindParagraph, 1, "앞 문장은 평범하다.", nil},
		{KindParagraph, 2, "둘째 문장은 전부 강조다.", []string{"둘째 문장은 전부 강조다."}},
		{KindParagraph, 2, "셋째도 강조다.", []string{"셋째도 강조다."}},
		{KindParagraph, 3, "마지막 줄에 핵심이 있다.", []string{"핵심"}},
	}
	var got []ws
	for _, s := range d.Sentences {
		got = append(got, ws{s.Kind, s.Line, s.Text, s.Emphasis})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n got %+v\nwant %+v", got, want)
	}
}

func TestSentenceLinesRepeatedWords(t *testing.T) {
	// The same first word on several lines: each sentence must get its own
	// line, not the first occurrence.
	src := "모델은 크다.\n모델은 느리다.\n모델은 비싸다.\n\n- 항목 하나\n  모델은 이어진다.\n  모델은 또 이어진다."
	d := Parse("t.md", src)
	var lines []int
	for _, s := range d.Sentences {
		lines = append(lines, s.Line)
	}
	if want := []int{1, 2, 3, 5, 6, 7}; !reflect.DeepEqual(lines, want) {
		t.Errorf("lines = %v, want %v", lines, want)
	}
}

func TestParseStyles(t *testing.T) {
	long := strings.Repeat("평가 방법을 정리한 문장이다. ", 10)
	tests := []struct {
		name string
		src  string
		want Style
	}{
		{"empty", "", StyleEmpty},
		{"blank", " \n\n\t\n", StyleEmpty},
		{"only images", "![](a.png)\n\n<img src=\"b.png\">", StyleEmpty},
		{"only front matter", "---\ntitle: x\n---\n", StyleEmpty},
		{"link only", "[블로그](https://b.example.com/p)", StyleLinkOnly},
		{"link list", "- [3장 링크](https://v.example.com/3)\n- [4장 링크](https://v.example.com/4)", StyleLinkOnly},
		{"link and prose", "[블로그](https://b.example.com/p)\n\n" + long, StyleMarkdown},
		{"short no links", "짧은 메모.", StyleMarkdown},
		{"notion aside", "# 제목\n\n<aside>\n\n생각.\n\n</aside>\n\n" + long, StyleNotion},
		{"notion properties", "# 제목\n\n생성 일시: 2025년 1월 1일\n태그: 스터디\n\n" + long, StyleNotion},
		{"one property is not notion", "# 제목\n\n날짜: 오늘\n\n" + long, StyleMarkdown},
		{"html", "<p>" + long + "</p>\n<p>" + long + "</p>\n<ul>\n<li>" + long + "</li>\n</ul>", StyleHTML},
		{"markdown with a little html", long + "<br>\n\n" + long + "\n\n<p>짧은 글</p>", StyleMarkdown},
		{"github alert is not notion", "> [!NOTE]\n> " + long, StyleMarkdown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parse("t.md", tt.src).Style; got != tt.want {
				t.Errorf("Style = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestConvertMath(t *testing.T) {
	tests := []struct {
		in   string
		want string
		n    int
	}{
		{`$x$`, "x", 1},
		{`$\alpha + \beta \le \gamma$`, "α + β ≤ γ", 1},
		{`$$\sum_{i} x_i$$`, " Σ_i x_i ", 1},
		{`$ x$`, "$ x$", 0},
		{`$x $`, "$x $", 0},
		{`$a$1`, "$a$1", 0},
		{"$a\nb$", "$a\nb$", 0},
		{`$\unknowncmd{y}$`, "y", 1},
		{`$\log p(x)$`, "log p(x)", 1},
		{"$" + strings.Repeat("a", 2000) + "$", "$" + strings.Repeat("a", 2000) + "$", 0},
	}
	for _, tt := range tests {
		got, n := convertMath(tt.in)
		if got != tt.want || n != tt.n {
			t.Errorf("convertMath(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

func TestCollapse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a  b  ", "a b"},
		{"a \n\n \n b", "a\nb"},
		{"\n\na\n", "a"},
		{"a\u00a0\u3000\u2003b", "a b"},
		{"a\tb\x1fc", "a bc"},
	}
	for _, tt := range tests {
		if got := collapse(tt.in); got != tt.want {
			t.Errorf("collapse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Obsidian's wiki links read as the text they show, and its highlights as
// their text; an equals sign between words ("A == B") is no highlight.
func TestObsidianLinksAndHighlights(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"[[4장 저장소]]에서 본 로그가 ==재미있었다==.", "4장 저장소에서 본 로그가 재미있었다."},
		{"[[4장 저장소#로그|앞 장]]의 로그", "앞 장의 로그"},
		{"[[4장 저장소#로그]]의 로그", "4장 저장소의 로그"},
		{"엔트로피가 낮다 == 정보가 적다 == 예측하기 쉽다", "엔트로피가 낮다 == 정보가 적다 == 예측하기 쉽다"},
	} {
		if got := clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A call-out's title on its marker's line labels the text under it; a
// marker alone on its line, or a title that is a sentence, labels nothing.
func TestCalloutTitleLabelsItsText(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"> [!question] 궁금한 점\n> 비동기 복제에서 리더가 죽으면 어떻게 될까?\n", "궁금한 점: 비동기 복제에서 리더가 죽으면 어떻게 될까?"},
		{"> [!note]\n> 짧은 줄\n> 다음 줄이 이어진다.\n", "짧은 줄\n다음 줄이 이어진다."},
		{"> [!tip] 리더에서 읽으면 된다.\n> 복제 지연이 없기 때문이다.\n", "리더에서 읽으면 된다.\n복제 지연이 없기 때문이다."},
	} {
		d := Parse("w5/예린.md", c.src)
		if len(d.Blocks) != 1 || d.Blocks[0].Kind != KindCallout || d.Blocks[0].Text != c.want {
			t.Errorf("Parse(%q) blocks %+v, want one call-out %q", c.src, d.Blocks, c.want)
		}
	}
}
