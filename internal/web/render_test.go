package web

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// tinyPNG is a 2×2 PNG image for the fixtures.
var tinyPNG = func() string {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.String()
}()

// renderSample is a note with every kind of block: headings, a nested
// list, a loose list, a paragraph over two lines, fenced code, a table,
// blog HTML (one <p> a line, a list over three lines), images here,
// elsewhere and missing, links, and markup that must not survive.
const renderSample = `# 벡터 검색 정리

## 핵심

- **임베딩**은 텍스트를 벡터로 바꾼다.
  - 하위 항목에는 ` + "`코드`" + `도 있다.
- 둘째 항목

문단의 첫 줄이고
문단의 둘째 줄이다.

` + "```go" + `
func search() {}
` + "```" + `

| 방법 | 속도 |
|---|---|
| HNSW | 빠름 |

<p data-ke-size="size16">블로그&nbsp;문장에 <b>굵게</b> 쓴 줄</p>
<p data-ke-size="size16">둘째 블로그 줄</p>
<ul>
<li>블로그 목록 항목</li>
</ul>

![임베딩 공간](images/space.png)
![원격 그림](https://example.com/a.png)
![없는 그림](images/none.png)

[다음 주 노트](../week02/next.md)와 [외부 글](https://example.com/post), [위험](javascript:alert(1))

<script>window.__xss = 1</script>
<img src="x" onerror="window.__xss = 2">
`

func sampleEnv() renderEnv {
	return renderEnv{
		image: func(rel string) (string, bool) { return "/file?path=" + rel, rel == "weeks/week01/images/space.png" },
		file: func(rel string) (string, bool) {
			if rel == "weeks/week02/next.md" {
				return "/note?path=" + rel, true
			}
			return "", false
		},
	}
}

// ids returns every id in an HTML fragment, in order.
func ids(t *testing.T, frag string) []string {
	t.Helper()
	var out []string
	z := xhtml.NewTokenizer(strings.NewReader(frag))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return out
		}
		if tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken {
			for _, a := range z.Token().Attr {
				if a.Key == "id" {
					out = append(out, a.Val)
				}
			}
		}
	}
}

// TestRenderEveryLineAddressable: every line of the file has exactly one
// anchor, id="L<n>", in line order.
func TestRenderEveryLineAddressable(t *testing.T) {
	r := renderNote("weeks/week01/n.md", renderSample, sampleEnv())
	lines := strings.Count(renderSample, "\n")
	got := ids(t, string(r.HTML))
	seen := map[string]int{}
	for _, id := range got {
		seen[id]++
	}
	for n := 1; n <= lines; n++ {
		if c := seen["L"+itoa(n)]; c != 1 {
			t.Errorf("line %d has %d anchors", n, c)
		}
	}
	if len(got) != lines {
		t.Errorf("%d ids for %d lines: %v", len(got), lines, got)
	}
	if len(r.Text) != lines {
		t.Errorf("%d text lines for %d lines", len(r.Text), lines)
	}
}

func TestRenderBlocks(t *testing.T) {
	r := renderNote("weeks/week01/n.md", renderSample, sampleEnv())
	page := string(r.HTML)
	mustContain(t, page, "rendered note",
		`<h1 id="L1"><span class="la" id="L2"></span>벡터 검색 정리</h1>`,
		`<h2 id="L3">`,
		`<li id="L5"><strong>임베딩</strong>은 텍스트를 벡터로 바꾼다.`,
		`<li id="L6">하위 항목에는 <code>코드</code>도 있다.</li>`,
		`<p id="L9"><span class="la" id="L10"></span><span class="la" id="L11"></span>문단의 첫 줄이고`,
		`<span class="cl" id="L13">func search() {}`,
		"<table>", `<thead id="L16">`, `<th><span class="la" id="L17"></span>방법</th>`, `<tr id="L18">`,
		"<div class=\"hb\" id=\"L20\"><p>블로그\u00a0문장에 <b>굵게</b> 쓴 줄</p>", `<div class="hb" id="L21"><p>둘째 블로그 줄</p>`,
		`<span class="la" id="L23"></span><li>블로그 목록 항목</li>`,
		`<img src="/file?path=weeks/week01/images/space.png" alt="임베딩 공간">`,
		`<a class="ext-img" href="https://example.com/a.png"`,
		`<span class="img-missing">이미지를 찾을 수 없습니다: 없는 그림</span>`,
		`<a href="/note?path=weeks/week02/next.md"`, `<a href="https://example.com/post"`, `</a>, 위험</p>`)
	for _, bad := range []string{"<script", "onerror", "javascript:", "data-ke-size", `src="x"`, "https://example.com/a.png\" alt", "<img src=\"https"} {
		if strings.Contains(page, bad) {
			t.Errorf("rendered note holds %q", bad)
		}
	}
	if want := []string{"weeks/week01/images/space.png"}; strings.Join(r.Images, ",") != strings.Join(want, ",") {
		t.Errorf("images %v, want %v", r.Images, want)
	}
}

// TestRenderText: snippets get each line's text, without markup.
func TestRenderText(t *testing.T) {
	r := renderNote("weeks/week01/n.md", renderSample, sampleEnv())
	want := map[int]string{
		1:  "벡터 검색 정리",
		2:  "",
		5:  "• 임베딩은 텍스트를 벡터로 바꾼다.",
		6:  "• 하위 항목에는 코드도 있다.",
		9:  "문단의 첫 줄이고",
		10: "문단의 둘째 줄이다.",
		13: "func search() {}",
		16: "방법 | 속도",
		17: "",
		18: "HNSW | 빠름",
		20: "블로그 문장에 굵게 쓴 줄",
		22: "",
		23: "블로그 목록 항목",
		26: "[그림: 임베딩 공간]",
		30: "다음 주 노트와 외부 글, 위험",
		32: "",
	}
	for n, w := range want {
		if got := r.Text[n-1]; got != w {
			t.Errorf("line %d: %q, want %q", n, got, w)
		}
	}
}

// TestRenderHostile: deep nesting, unclosed HTML and a long line render in
// reasonable time, with an anchor per line and nothing active.
func TestRenderHostile(t *testing.T) {
	srcs := []string{
		strings.Repeat("> ", 500) + "깊은 인용\n" + strings.Repeat("- ", 300) + "깊은 목록\n",
		"<div><p>닫지 않은 태그\n<ul><li>하나\n<li>둘\n\n문단\n",
		strings.Repeat("아주 긴 줄 ", 20000) + "\n",
		"<svg onload=alert(1)><script>alert(2)</script></svg>\n<iframe src=\"https://example.com\"></iframe>\n<a href=\"javascript:alert(3)\">링크</a>\n<form action=\"/x\"><input name=q></form>\n<img src=\"/etc/passwd\"><img src=\"../../secret.png\"><img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">\n",
	}
	active := regexp.MustCompile(`(?i)<(script|iframe|svg|form|object|embed|style)|\son[a-z]+=|javascript:|src="/etc|src="\.\./`)
	for i, src := range srcs {
		r := renderNote("weeks/week01/n.md", src, sampleEnv())
		if m := active.FindString(string(r.HTML)); m != "" {
			t.Errorf("sample %d: %q survived", i, m)
		}
		got := ids(t, string(r.HTML))
		if lines := strings.Count(src, "\n"); len(got) != lines {
			t.Errorf("sample %d: %d anchors for %d lines", i, len(got), lines)
		}
	}
}

func FuzzRenderNote(f *testing.F) {
	f.Add(renderSample)
	f.Add("<p>a\n<b>b</p>\n\n- x\n  - y\n")
	f.Add("```\ncode\n")
	f.Add("| a |\n|---|\n| <img src=x onerror=y> |\n")
	f.Add("<p id=\"L1\" class=\"la\">가짜 앵커</p>\n<span id=L2>둘</span>\n")
	f.Fuzz(func(t *testing.T, src string) {
		r := renderNote("a/n.md", src, sampleEnv())
		if bad := activeMarkup(string(r.HTML)); bad != "" {
			t.Fatalf("%s survived in %q", bad, r.HTML)
		}
		src = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(src)
		lines := strings.Count(src, "\n")
		if !strings.HasSuffix(src, "\n") {
			lines++
		}
		if len(r.Text) != lines {
			t.Fatalf("%d text lines for %d lines", len(r.Text), lines)
		}
		seen := map[string]bool{}
		for _, id := range ids(t, string(r.HTML)) {
			if seen[id] {
				t.Fatalf("id %s twice in %q", id, r.HTML)
			}
			seen[id] = true
		}
	})
}

// activeMarkup returns the first piece of an HTML fragment that could run
// or load something: a script, frame, object, form or style element, an
// event handler attribute, a javascript: link, an image from elsewhere.
func activeMarkup(frag string) string {
	z := xhtml.NewTokenizer(strings.NewReader(frag))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return ""
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "iframe", "frame", "object", "embed", "form", "style", "svg", "math", "base", "link", "meta":
			return "<" + tok.Data + ">"
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case strings.HasPrefix(a.Key, "on"), a.Key == "style", a.Key == "srcset":
				return a.Key + "="
			case (a.Key == "href" || a.Key == "src") && strings.HasPrefix(v, "javascript:"):
				return "javascript: link"
			case a.Key == "src" && (strings.HasPrefix(v, "http") || strings.HasPrefix(v, "//")):
				return "remote src " + v
			}
		}
	}
}

// TestSquashSameAsByExpression: squash gives what collapsing the matches
// of `[\s\x{00a0}]+` into one space and trimming gives, on random mixes of
// every kind of white space (those the expression matches and those it
// does not), Korean text and invalid UTF-8.
func TestSquashSameAsByExpression(t *testing.T) {
	spaceRun := regexp.MustCompile(`[\s\x{00a0}]+`)
	byExpression := func(s string) string { return strings.TrimSpace(spaceRun.ReplaceAllString(s, " ")) }
	pieces := []string{" ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u0085", "\u3000", "\u2003",
		"a", "가", "노트", "&nbsp;", "\xc2", "\xa0", "\xe0", "\xc2\xc2\xa0", "\xe0\xc2\xa0", "\xff"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50_000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := squash(s), byExpression(s); got != want {
			t.Fatalf("squash(%q) = %q, want %q", s, got, want)
		}
	}
}
