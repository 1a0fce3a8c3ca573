package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/workspace"
)

// docTemplate is a week-1 insights template with a summary paragraph and a
// 오개념 정리 table besides bullet sections; moim fills it in place.
const docTemplate = `# Week 01 - 벡터 검색 인사이트

멤버별 노트를 읽고 정리합니다.

---

## 한가람 (Han Ga-Ram)

### 전체적인 작성 내용 요약
<!-- 노트 전체를 한 문단으로 -->

### 핵심 인사이트
<!-- 가장 중요한 개념 -->
-

### 추가 학습이 필요한 부분
<!-- 더 알아볼 주제 -->
-

### 오개념 정리
<!-- 잘못 이해한 부분 -->
| 작성 내용 | 수정/보완 내용 | 비고 |
|---|---|---|
| | | |

---

## 통합 토론 주제

모임에서 나눌 질문을 적어 주세요.

### 공통 질문
-

### 심화 토론
-
`

// fixtureWith returns the fixture files with extra files added or replaced.
func fixtureWith(extra map[string]string) map[string]string {
	files := map[string]string{}
	for k, v := range fixture {
		files[k] = v
	}
	for k, v := range extra {
		files[k] = v
	}
	return files
}

// generateWeek1 writes week 1's document as `moim generate` does and
// returns it with the engine's result.
func generateWeek1(t *testing.T, root string) (string, *insight.Week) {
	t.Helper()
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	pw, err := pipeline.Load(ws, &ws.Weeks[0], "", "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := pw.Generate(context.Background(), offline.New())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pw.Document(res)
	if err != nil {
		t.Fatal(err)
	}
	if err := fsutil.WriteFileAtomic(pw.OutPath, []byte(doc)); err != nil {
		t.Fatal(err)
	}
	return doc, res
}

// editLines replaces the line old of doc (which must be there) by the lines new.
func editLines(t *testing.T, doc, old string, new ...string) string {
	t.Helper()
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if l == old {
			return strings.Join(append(append(append([]string{}, lines[:i]...), new...), lines[i+1:]...), "\n")
		}
	}
	t.Fatalf("line %q not in the document", old)
	return ""
}

func section(t *testing.T, secs []insight.Section, key string) insight.Section {
	t.Helper()
	for _, s := range secs {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("no %s section", key)
	return insight.Section{}
}

// bulletItems splits a week page into its bullet list items.
func bulletItems(page string) []string {
	var out []string
	for _, part := range strings.Split(page, `<li class="bullet"`)[1:] {
		out = append(out, part[:strings.Index(part, "</li>")])
	}
	return out
}

// bulletHeads returns what each bullet of a page says: the item without
// the source snippets it opens.
func bulletHeads(page string) []string {
	var out []string
	for _, li := range bulletItems(page) {
		if i := strings.Index(li, `<div class="sources">`); i >= 0 {
			li = li[:i]
		}
		out = append(out, li)
	}
	return out
}

const handmadeLabel = `<span class="label handmade"`

// TestWeekShowsStoredDocument: a person added a question under 공통 질문,
// rewrote a generated one, added a 오개념 row and a summary line. The page
// shows the document as it is: the person's items once, labelled 직접
// 작성 and without sources, the rewritten one instead of the original, and
// moim's items with their sources.
func TestWeekShowsStoredDocument(t *testing.T) {
	root := writeRepo(t, fixtureWith(map[string]string{"weeks/week01/ai-insights.md": docTemplate}))
	doc, res := generateWeek1(t, root)
	// The first section with three bullets holds the edits.
	var common []insight.Bullet
	secs := append([]insight.Section{}, res.Group...)
	for _, m := range res.Members[1:] {
		secs = append(secs, m.Sections...)
	}
	for _, sec := range secs {
		once := len(sec.Bullets) >= 3
		for _, b := range sec.Bullets {
			once = once && strings.Count(doc, b.Text) == 1 // quoted nowhere else
		}
		if len(common) == 0 && once && sec.Kind == insight.KindBullets {
			common = sec.Bullets
		}
	}
	if len(common) < 3 {
		t.Fatalf("the fixture gives no section of 3 bullets, the test needs one")
	}
	const (
		added     = "사람이 덧붙인 질문: 임베딩 캐시는 <b>언제</b> 비워야 할까?"
		addedHTML = "사람이 덧붙인 질문: 임베딩 캐시는 &lt;b&gt;언제&lt;/b&gt; 비워야 할까?"
		rewritten = "고쳐 쓴 질문: 사내 검색에 먼저 적용해 본다면 무엇부터 할까?"
		row       = "| 코사인 유사도는 거리다 | 방향이 비슷한 정도이며 거리는 1에서 뺀 값이다 | 모임에서 확인 |"
		para      = "모임 전에 직접 덧붙인 요약 문장입니다."
	)
	doc = editLines(t, doc, "- "+common[0].Markdown(), "- "+common[0].Markdown(), "- "+added)
	rewrite := "- " + rewritten
	if common[1].Head != "" {
		rewrite = "- **" + common[1].Head + "**: " + rewritten
	}
	doc = editLines(t, doc, "- "+common[1].Markdown(), rewrite)
	var reviewLine string // 한가람's 오개념 table: the template's empty row, for people
	for _, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(l, "|  |") && reviewLine == "" {
			reviewLine = l
		}
	}
	doc = editLines(t, doc, reviewLine, reviewLine, row)
	summary := section(t, res.Members[0].Sections, insight.KeySummary).Bullets[0].Markdown()
	doc = editLines(t, doc, summary, summary, para)
	out := filepath.Join(root, "weeks", "week01", "ai-insights.md")
	if err := os.WriteFile(out, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}

	s := newSite(t, root)
	page := body(t, get(t, s.Handler(), "GET", "/week/1"))
	mustContain(t, page, "week 1", `data-shown="document"`, noteDocument, `<span class="status fresh">`)

	// The added line: once, escaped, labelled, no sources, after common[0].
	if n := strings.Count(page, addedHTML); n != 1 {
		t.Errorf("the added line is shown %d times, want 1", n)
	}
	if strings.Contains(page, "<b>언제</b>") {
		t.Error("the added line's markup is not escaped")
	}
	// The rewritten line replaces the original.
	if n := strings.Count(page, rewritten); n != 1 {
		t.Errorf("the rewritten line is shown %d times, want 1", n)
	}
	// (Source snippets of neighbouring bullets may show the original's
	// note line as context; no bullet may say it.)
	if orig := string(inlineHTML(common[1].Text)); strings.Contains(strings.Join(bulletHeads(page), "\n"), orig) {
		t.Errorf("the original of the rewritten line is still shown: %q", orig)
	}
	// Each item by what it says (not by the source lines it shows as
	// context, which may quote a neighbour's line).
	byText := map[string]string{}
	heads0 := bulletHeads(page)
	for i, li := range bulletItems(page) {
		head := heads0[i]
		for _, key := range []string{addedHTML, rewritten, string(inlineHTML(common[0].Text)), string(inlineHTML(common[2].Text))} {
			if strings.Contains(head, key) {
				byText[key] = li
			}
		}
	}
	for _, key := range []string{addedHTML, rewritten} {
		li := byText[key]
		if !strings.Contains(li, handmadeLabel) || strings.Contains(li, "data-file=") || strings.Contains(li, "<details>") {
			t.Errorf("person's item %q: want the 직접 작성 label and no sources:\n%s", key, li)
		}
	}
	// moim's items keep their sources.
	for _, b := range []insight.Bullet{common[0], common[2]} {
		li := byText[string(inlineHTML(b.Text))]
		if strings.Contains(li, handmadeLabel) || !strings.Contains(li, "<details>") {
			t.Errorf("moim's item %q: want sources and no label:\n%s", b.Text, li)
		}
		for _, src := range b.Sources {
			want := `data-file="` + src.File + `" data-line="` + itoa(src.Line) + `"`
			if !strings.Contains(li, want) {
				t.Errorf("moim's item %q: no source %s\n%s", b.Text, want, li)
			}
		}
	}
	order := []string{string(inlineHTML(common[0].Text)), addedHTML, rewritten, string(inlineHTML(common[2].Text))}
	last := -1
	heads := strings.Join(bulletHeads(page), "\n")
	for _, k := range order {
		i := strings.Index(heads, k)
		if i < last {
			t.Errorf("%q is out of the document's order", k)
		}
		last = i
	}
	for _, b := range section(t, res.Members[0].Sections, insight.KeyInsights).Bullets {
		li := ""
		for _, x := range bulletItems(page) {
			if strings.Contains(x, string(inlineHTML(b.Text))) {
				li = x
			}
		}
		if !strings.Contains(li, `data-file="weeks/week01/study-note-HGR.md"`) {
			t.Errorf("insight %q lost its sources:\n%s", b.Text, li)
		}
	}

	// Table rows and paragraphs are text; the person's are labelled.
	rowRe := regexp.MustCompile(`<tr( class="handmade")?><td>([^<]*)`)
	rows := map[string]bool{}
	for _, m := range rowRe.FindAllStringSubmatch(page, -1) {
		rows[strings.TrimSpace(m[2])] = m[1] != ""
	}
	if own, ok := rows["코사인 유사도는 거리다"]; !ok || !own {
		t.Errorf("person's 오개념 row: shown %v, labelled %v", ok, own)
	}

	mustContain(t, page, "paragraphs", `<p class="para">`+para+` `+handmadeLabel,
		`<p class="para">`+string(inlineHTML(summary))+"</p>")
	if n := strings.Count(page, handmadeLabel); n != 4 {
		t.Errorf("%d items labelled 직접 작성, want 4 (bullet added, bullet rewritten, row, paragraph)", n)
	}
	// The static site shows the same.
	outDir := t.TempDir()
	if _, err := s.WriteSite(context.Background(), outDir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(outDir, "week-01.html"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, string(b), "static week 1", `data-shown="document"`, addedHTML, rewritten)
}

// TestWeekDraftNote: without a document moim made from the notes as they
// are, the page shows the draft and says why.
func TestWeekDraftNote(t *testing.T) {
	const personal = "사람이 문서에만 적은 문장입니다."
	tests := []struct {
		name   string
		setup  func(t *testing.T, root string)
		status string
		note   string
	}{
		{"missing", func(t *testing.T, root string) {}, StatusMissing, noteMissing},
		{"template", func(t *testing.T, root string) {
			mustWrite(t, filepath.Join(root, "weeks", "week01", "ai-insights.md"), []byte(docTemplate))
		}, StatusMissing, noteTemplate},
		{"handmade", func(t *testing.T, root string) {
			mustWrite(t, filepath.Join(root, "weeks", "week01", "ai-insights.md"), []byte("# 1주차 정리\n\n- "+personal+"\n"))
		}, StatusHandmade, noteHandmade},
		{"stale", func(t *testing.T, root string) {
			doc, res := generateWeek1(t, root)
			first := section(t, res.Members[0].Sections, insight.KeyInsights).Bullets[0].Markdown()
			doc = editLines(t, doc, "- "+first, "- "+first, "- "+personal)
			mustWrite(t, filepath.Join(root, "weeks", "week01", "ai-insights.md"), []byte(doc))
			p := filepath.Join(root, "weeks", "week01", "study-note-HGR.md")
			mustWrite(t, p, append(mustRead(t, p), "\n## 더 생각한 점\n\n- **양자화 임베딩**은 저장 공간을 크게 줄이는 핵심 기법이다.\n"...))
		}, StatusStale, noteStale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeRepo(t, fixture)
			tt.setup(t, root)
			page := body(t, get(t, newSite(t, root).Handler(), "GET", "/week/1"))
			mustContain(t, page, tt.name, `data-shown="draft"`, tt.note, `<span class="status `+tt.status+`">`,
				"핵심 인사이트", `class="sources"`)
			if strings.Contains(page, personal) || strings.Contains(page, handmadeLabel) {
				t.Errorf("%s: the draft shows the document's own text", tt.name)
			}
			if tt.name == "stale" && !strings.Contains(page, "양자화 임베딩") {
				t.Error("stale: the draft does not follow the edited note")
			}
		})
	}
	if !strings.Contains(noteMissing, "문서가 없어 지금 노트로 만든 초안을 보여 줍니다") || !strings.HasPrefix(noteStale, "노트가 바뀌어") {
		t.Errorf("notes: %q, %q", noteMissing, noteStale)
	}
}

// TestWeekOtherEngine: a document moim wrote with another engine (or an
// older moim) has items the offline engine does not make now. They are
// moim's: no label, no sources, and the note counts them.
func TestWeekOtherEngine(t *testing.T) {
	root := writeRepo(t, fixture)
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	pw, err := pipeline.Load(ws, &ws.Weeks[0], "", "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := pw.Generate(context.Background(), offline.New())
	if err != nil {
		t.Fatal(err)
	}
	const other = "다른 엔진이 쓴 질문: 임베딩 평가는 어떤 지표로 할까?"
	res.Engine = "claude-test"
	b := insight.Bullet{Text: other, Engine: "claude-test",
		Sources: []insight.Source{{Member: "한가람", File: "weeks/week01/study-note-HGR.md", Line: 5}}}
	if len(res.Group[0].Bullets) > 0 {
		res.Group[0].Bullets[0] = b
	} else {
		res.Group[0].Bullets, res.Group[0].Notice = []insight.Bullet{b}, ""
	}
	doc, err := pw.Document(res)
	if err != nil {
		t.Fatal(err)
	}
	if err := fsutil.WriteFileAtomic(pw.OutPath, []byte(doc)); err != nil {
		t.Fatal(err)
	}
	page := body(t, get(t, newSite(t, root).Handler(), "GET", "/week/1"))
	mustContain(t, page, "week 1", `data-shown="document"`, fmt.Sprintf(noteUnmatched, 1))
	var li string
	for _, x := range bulletItems(page) {
		if strings.Contains(x, other) {
			li = x
		}
	}
	if li == "" || strings.Contains(li, handmadeLabel) || strings.Contains(li, "data-file=") || !strings.Contains(li, `data-engine="claude-test"`) {
		t.Errorf("the other engine's bullet: want it shown unlabelled, without sources, with its engine:\n%s", li)
	}
	if n := strings.Count(page, handmadeLabel); n != 0 {
		t.Errorf("%d items labelled 직접 작성 in a document nobody edited", n)
	}
}
