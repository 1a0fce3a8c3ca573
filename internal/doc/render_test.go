package doc

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/testutil"
)

// richWeek is a week with every kind of content: headed bullets, a
// multi-line bullet, a member without a note (notices), table rows with a
// pipe, a summary paragraph and group questions.
func richWeek(tpl *Template) *insight.Week {
	src := []insight.Source{{File: "weeks/week03/박지민.md", Line: 12, Member: "박지민"}}
	w := &insight.Week{Number: 3, Title: tpl.TitleFor(3), Engine: "offline", InputHash: "sha256:0f0f"}
	jimin := insight.Member{Name: "박지민", Roman: "Park Ji-Min", Submitted: true, Note: "weeks/week03/박지민.md"}
	yuna := insight.Member{Name: "최유나", Roman: "Choi Yu-Na"}
	for _, spec := range tpl.MemberSections {
		s := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: spec.Kind}
		switch spec.Key {
		case insight.KeySummary:
			s.Bullets = []insight.Bullet{{Text: "스트리밍과 배치 처리를 비교하며 예제 코드로 정리한 노트", Sources: src, Engine: "offline"}}
		case insight.KeyInsights:
			s.Bullets = []insight.Bullet{
				{Head: "이벤트 시간", Text: "처리 시간이 아니라 이벤트가 발생한 시간으로 집계해야 정확하다", Sources: src, Engine: "offline"},
				{Text: "워터마크는 늦게 도착한 데이터를\n얼마나 기다릴지 정하는 기준", Sources: src, Engine: "offline"},
			}
		case insight.KeyPerspective:
			s.Bullets = []insight.Bullet{{Head: "정확히 한 번 처리", Text: "", Sources: src, Engine: "offline"}}
		case insight.KeyCorrections:
			s.Rows = []insight.Row{{Written: "카프카는 순서를 항상 보장한다", Correction: "파티션 안에서만 보장 | 전체 순서는 아님", Remark: "3장"}}
		}
		jimin.Sections = append(jimin.Sections, s)
		yuna.Sections = append(yuna.Sections, insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: spec.Kind, Notice: "이번 주 노트가 제출되지 않았습니다."})
	}
	w.Members = []insight.Member{jimin, yuna}
	w.Group = []insight.Section{
		{Key: insight.KeyCommon, Bullets: []insight.Bullet{{Text: "두 사람 모두 지연 도착 데이터를 다뤘는데, 얼마나 기다리는 것이 적당할까?", Engine: "offline"}}},
		{Key: insight.KeyNext, Notice: "다음 주 일정이 아직 없습니다."},
	}
	return w
}

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		name string
		tpl  *Template
	}{
		{"builtin.md", Builtin()},
		{"basic.md", mustParse(t, "basic.md")},
		{"extended.md", mustParse(t, "extended.md")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := richWeek(tc.tpl)
			got := Render(tc.tpl, w)
			testutil.Golden(t, filepath.Join("testdata", "golden", "render-"+tc.name), []byte(got))
			if again := Render(tc.tpl, richWeek(tc.tpl)); again != got {
				t.Error("Render is not stable")
			}
			if !strings.HasSuffix(got, "-->\n") || strings.HasSuffix(got, "\n\n") {
				t.Error("document must end with the state comment and one newline")
			}
			back, err := Parse(tc.name, got)
			if err != nil {
				t.Fatal(err)
			}
			if len(back.MemberSections) != len(tc.tpl.MemberSections) || len(back.GroupSections) != len(tc.tpl.GroupSections) {
				t.Errorf("rendered document reads back as %+v", back)
			}
			for i, s := range back.MemberSections {
				if s.Hint != tc.tpl.MemberSections[i].Hint {
					t.Errorf("hint of %q lost: %q", s.Heading, s.Hint)
				}
			}
			st, ok := ReadState(got)
			if !ok || st.InputHash != "sha256:0f0f" || st.Engine != "offline" {
				t.Errorf("ReadState = %+v, %v", st, ok)
			}
			if !IsFillable(got) {
				t.Error("a rendered document must stay fillable")
			}
		})
	}
}

func TestRenderContent(t *testing.T) {
	tpl := mustParse(t, "extended.md")
	got := Render(tpl, richWeek(tpl))
	for _, want := range []string{
		"# Week 03 - 데이터 엔지니어링 인사이트",
		"- **이벤트 시간**: 처리 시간이 아니라 이벤트가 발생한 시간으로 집계해야 정확하다",
		"- 워터마크는 늦게 도착한 데이터를 얼마나 기다릴지 정하는 기준",
		"- **정확히 한 번 처리**",
		"스트리밍과 배치 처리를 비교하며 예제 코드로 정리한 노트",
		`| 카프카는 순서를 항상 보장한다 | 파티션 안에서만 보장 \| 전체 순서는 아님 | 3장 |`,
		"- 이번 주 노트가 제출되지 않았습니다.",
		"| 이번 주 노트가 제출되지 않았습니다. |  |  |",
		"- 다음 주 일정이 아직 없습니다.",
	} {
		if !strings.Contains("\n"+got, "\n"+want+"\n") {
			t.Errorf("missing line %q", want)
		}
	}
	// The summary notice is a plain line, not a bullet.
	if !strings.Contains(got, "-->\n이번 주 노트가 제출되지 않았습니다.\n") {
		t.Error("paragraph notice should be a plain line after the hint")
	}
	// The 심화 토론 section has nothing: heading and placeholder.
	if !strings.Contains(got, "### 심화 토론\n-\n") {
		t.Error("empty section should render a - placeholder")
	}
	// Member blocks are separated by thematic breaks.
	if n := strings.Count(got, "\n---\n"); n != 3 {
		t.Errorf("got %d thematic breaks, want 3", n)
	}
}

func TestRenderEscapesGeneratedText(t *testing.T) {
	tpl := &Template{
		Title: "Week {NN}",
		MemberSections: []SectionSpec{
			{Key: insight.KeySummary, Heading: "요약", Kind: insight.KindParagraph},
			{Key: insight.KeyInsights, Heading: "핵심 인사이트", Kind: insight.KindBullets},
		},
	}
	w := &insight.Week{Number: 1, Members: []insight.Member{{Name: "박지민", Sections: []insight.Section{
		{Key: insight.KeySummary, Bullets: []insight.Bullet{{Text: "## 제목처럼 보이는 요약"}, {Text: "1. 번호처럼 보이는 문장"}}},
		{Key: insight.KeyInsights, Bullets: []insight.Bullet{{Text: "--"}, {Text: "주석 <!-- 열기 --> 닫기"}, {Text: "   "}}},
	}}}}
	got := Render(tpl, w)
	for _, want := range []string{`\## 제목처럼 보이는 요약`, `1\. 번호처럼 보이는 문장`, `- \--`, "- 주석 &lt;!-- 열기 --&gt; 닫기"} {
		if !strings.Contains(got, "\n"+want+"\n") {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	back, err := Parse("x", got)
	if err != nil || len(back.MemberSections) != 2 {
		t.Fatalf("re-parse: %v %+v", err, back)
	}
	if again := mustCompose(t, got, tpl, w); again != got {
		t.Errorf("compose over own output changed it:\n%s", again)
	}
}
