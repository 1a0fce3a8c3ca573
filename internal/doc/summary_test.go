package doc

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/testutil"
)

// summaryTemplate is a study group's summary template: title, two header
// fields, a break and the overview block.
const summaryTemplate = "# 통합 정리\n\n**정리자**: \n**날짜**: \n\n---\n\n## 주요 내용\n"

func bullet(lines ...string) insight.Point {
	return insight.Point{Kind: insight.PointBullet, Lines: lines, Members: []string{"박지민"},
		Sources: []insight.Source{{File: "weeks/week03/박지민.md", Line: 3, Member: "박지민"}}}
}

// testSummary is a small summary of a week on storage engines.
func testSummary() *insight.Summary {
	return &insight.Summary{
		Number: 3, InputHash: "h1", Engine: "offline",
		Fields:   map[string]string{FieldIntegrator: "최유나", FieldDate: "3/18"},
		Overview: []insight.Point{bullet("**범위**: 4장 — 저장 엔진")},
		Sections: []insight.SummarySection{
			{Level: 1, Title: "4장. 저장 엔진"},
			{Level: 2, Number: "4.1", Title: "B-트리", Points: []insight.Point{
				bullet("**B-트리**는 페이지 단위로 저장한다.", "  - 높이를 낮게 유지한다"),
				bullet("분할은 꽉 찬 페이지에서 일어난다."),
				{Kind: insight.PointCode, Lang: "go", Lines: []string{"for _, p := range pages {", "\tflush(p)", "}"}},
			}},
			{Level: 3, Number: "4.1.1", Title: "버퍼 풀", Points: []insight.Point{
				{Kind: insight.PointTable, Lines: []string{"정책 | 장점", "LRU | 단순하다", "CLOCK | 싸다"}},
				{Kind: insight.PointText, Lines: []string{"1. 이 줄은 목록이 아니라 문단이다."}},
			}},
			{Level: 4, Title: "적중률", Points: []insight.Point{bullet("적중률을 지표로 삼는다.")}},
			{Level: 2, Number: "4.2", Title: "LSM 트리", Points: []insight.Point{
				bullet("컴팩션은 읽기 증폭을 줄인다."),
				bullet("쓰기 증폭은 늘어난다."),
			}},
		},
	}
}

func TestRenderSummaryGolden(t *testing.T) {
	out := RenderSummary(ParseSummary("summary.md", summaryTemplate), testSummary())
	testutil.Golden(t, filepath.Join("testdata", "golden", "summary-render.md"), []byte(out))
	// What moim wrote reads back as the same outline, and composes to
	// itself.
	again, err := ComposeSummary(out, ParseSummary("summary.md", out), testSummary())
	if err != nil {
		t.Fatal(err)
	}
	if again != out {
		t.Errorf("composing the rendered summary with itself changed it:\n%s", again)
	}
	o := ReadSummaryOutline(out)
	var heads []string
	for _, b := range o.Blocks {
		heads = append(heads, b.Heading)
		for _, s := range b.Sections {
			heads = append(heads, s.Heading)
		}
	}
	want := []string{"주요 내용", "4장. 저장 엔진", "4.1 B-트리", "4.1.1 버퍼 풀", "4.2 LSM 트리"}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("outline headings = %q, want %q", heads, want)
	}
	if o.Blocks[1].Level != 1 || o.Blocks[2].Level != 2 {
		t.Errorf("levels: chapter %d, section %d; want 1 and 2", o.Blocks[1].Level, o.Blocks[2].Level)
	}
}

func TestRenderSummaryWithoutTemplateOverview(t *testing.T) {
	// A template without an overview block gets "## 개요" first; its own
	// blocks follow the outline.
	tpl := ParseSummary("t.md", "# 3주차 정리\n\n- 작성자:\n\n---\n\n## 토론 메모\n")
	if len(tpl.Fields) != 1 || tpl.Fields[0].Key != FieldIntegrator {
		t.Fatalf("fields = %+v, want one integrator field", tpl.Fields)
	}
	s := testSummary()
	s.Number = 5
	out := RenderSummary(tpl, s)
	for _, want := range []string{"# 5주차 정리", "- 작성자: 최유나", "## 개요"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Index(out, "## 개요") > strings.Index(out, "# 4장. 저장 엔진") || strings.Index(out, "## 토론 메모") < strings.Index(out, "## 4.2 LSM 트리") {
		t.Errorf("order: 개요, outline, then the template's own block; got\n%s", out)
	}
}

func TestComposeSummaryKeepsEdits(t *testing.T) {
	tpl := ParseSummary("summary.md", summaryTemplate)
	first := RenderSummary(tpl, testSummary())

	doc := first
	doc = insertAfter(doc, "- 분할은 꽉 찬 페이지에서 일어난다.", "- 사람이 덧붙인 설명")
	doc = replaceLine(doc, "- 컴팩션은 읽기 증폭을 줄인다.", "- 컴팩션은 읽기 증폭을 줄인다(레벨별로).")
	doc = deleteLine(doc, "- 쓰기 증폭은 늘어난다.")
	doc = replaceLine(doc, "## 4.2 LSM 트리", "## 4.2 LSM 트리와 컴팩션")
	doc = replaceLine(doc, "**날짜**: 3/18", "**날짜**: 2025년 3월 18일")
	doc = insertAfter(doc, "- 적중률을 지표로 삼는다.", "", "## 토론 메모", "", "- 다음 모임에서 이야기할 것")

	// The notes changed: a point is new, one is reworded.
	next := testSummary()
	next.InputHash = "h2"
	next.Sections[2].Points = append(next.Sections[2].Points, bullet("버퍼 풀은 더티 페이지를 모아 쓴다."))
	next.Sections[1].Points[1] = bullet("분할은 꽉 찬 페이지를 둘로 나눈다.")

	for round := 1; round <= 2; round++ {
		out, err := ComposeSummary(doc, ParseSummary("summary.md", doc), next)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range []string{
			"- 사람이 덧붙인 설명",
			"- 컴팩션은 읽기 증폭을 줄인다(레벨별로).",
			"## 4.2 LSM 트리와 컴팩션",
			"**날짜**: 2025년 3월 18일",
			"## 토론 메모",
			"- 다음 모임에서 이야기할 것",
			"- 분할은 꽉 찬 페이지를 둘로 나눈다.",
			"- 버퍼 풀은 더티 페이지를 모아 쓴다.",
			"**정리자**: 최유나",
		} {
			if n := countLines(out, line); n != 1 {
				t.Errorf("round %d: %q appears %d times, want once:\n%s", round, line, n, out)
			}
		}
		for _, gone := range []string{"- 쓰기 증폭은 늘어난다.", "- 컴팩션은 읽기 증폭을 줄인다.", "- 분할은 꽉 찬 페이지에서 일어난다.", "**날짜**: 3/18", "## 4.2 LSM 트리"} {
			if countLines(out, gone) != 0 {
				t.Errorf("round %d: %q is back:\n%s", round, gone, out)
			}
		}
		if i, j := strings.Index(out, "- 분할은 꽉 찬 페이지를 둘로 나눈다."), strings.Index(out, "- 사람이 덧붙인 설명"); i < 0 || j < 0 || j < i {
			t.Errorf("round %d: the person's line moved away from the point it followed:\n%s", round, out)
		}
		doc = out
	}
}

func TestComposeSummaryDropsWhatNotesNoLongerSay(t *testing.T) {
	tpl := ParseSummary("summary.md", summaryTemplate)
	first := RenderSummary(tpl, testSummary())
	doc := insertAfter(first, "- 컴팩션은 읽기 증폭을 줄인다.", "- 사람의 메모")
	next := testSummary()
	next.InputHash = "h2"
	next.Sections = next.Sections[:4] // 4.2 is gone from the notes
	out, err := ComposeSummary(doc, ParseSummary("summary.md", doc), next)
	if err != nil {
		t.Fatal(err)
	}
	if countLines(out, "- 컴팩션은 읽기 증폭을 줄인다.") != 0 || countLines(out, "- 사람의 메모") != 1 || countLines(out, "## 4.2 LSM 트리") != 1 {
		t.Errorf("a section the notes dropped keeps only what the person wrote there:\n%s", out)
	}
	// Without the person's line the section goes.
	out, err = ComposeSummary(first, ParseSummary("summary.md", first), next)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "LSM") {
		t.Errorf("a section only moim wrote stays after the notes dropped it:\n%s", out)
	}
}

func TestComposeSummaryFields(t *testing.T) {
	// Filled in the template by a person before moim ran: kept.
	prev := strings.Replace(summaryTemplate, "**정리자**: ", "**정리자**: 정하늘", 1)
	out, err := ComposeSummary(prev, ParseSummary("summary.md", prev), testSummary())
	if err != nil {
		t.Fatal(err)
	}
	if countLines(out, "**정리자**: 정하늘") != 1 || strings.Contains(out, "최유나") || countLines(out, "**날짜**: 3/18") != 1 {
		t.Errorf("header fields:\n%s", out)
	}
	// A field moim has no value for stays as the template wrote it.
	s := testSummary()
	delete(s.Fields, FieldDate)
	out = RenderSummary(ParseSummary("summary.md", summaryTemplate), s)
	if countLines(out, "**날짜**:") != 1 {
		t.Errorf("the empty 날짜 field should stay for a person to fill:\n%s", out)
	}
}

func TestIsSummaryFillable(t *testing.T) {
	rendered := RenderSummary(ParseSummary("summary.md", summaryTemplate), testSummary())
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"empty", "", true},
		{"the template", summaryTemplate, true},
		{"template with hints", "# 통합 정리\n\n**정리자**: \n\n---\n\n## 주요 내용\n<!-- 이번 주 핵심 -->\n\n## 토론\n-\n", true},
		{"fields filled by a person", strings.Replace(summaryTemplate, "**날짜**: ", "**날짜**: 3/18", 1), true},
		{"written by moim", rendered, true},
		{"written by hand", summaryTemplate + "\n이번 장은 저장 엔진을 다룬다.\n", false},
		{"hand-written chapters", "# 통합 정리\n\n---\n# 4장\n## B-트리\n- 페이지 단위로 저장한다.\n", false},
	}
	for _, tt := range tests {
		if got := IsSummaryFillable(tt.src); got != tt.want {
			t.Errorf("%s: IsSummaryFillable = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestParseField(t *testing.T) {
	tests := []struct {
		line, prefix, label, value string
		ok                         bool
	}{
		{"**정리자**: 최유나", "**정리자**:", "정리자", "최유나", true},
		{"**날짜:** 3/18", "**날짜:**", "날짜", "3/18", true},
		{"- 작성자: ", "- 작성자:", "작성자", "", true},
		{"Date: 2025-03-18", "Date:", "Date", "2025-03-18", true},
		{"__범위__: 4장", "__범위__:", "범위", "4장", true},
		{"이번 장은 저장 엔진을 다룬다.", "", "", "", false},
		{"https://example.com/a", "", "", "", false},
	}
	for _, tt := range tests {
		prefix, label, value, ok := parseField(tt.line)
		if ok != tt.ok || prefix != tt.prefix || label != tt.label || value != tt.value {
			t.Errorf("parseField(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.line, prefix, label, value, ok, tt.prefix, tt.label, tt.value, tt.ok)
		}
	}
	for label, key := range map[string]string{"정리자": FieldIntegrator, "통합 정리자": FieldIntegrator, "Date": FieldDate, "발표자": FieldPresenter, "범위": FieldChapters, "비고": ""} {
		if got := FieldKey(label); got != key {
			t.Errorf("FieldKey(%q) = %q, want %q", label, got, key)
		}
	}
}
