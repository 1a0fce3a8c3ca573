package doc

import (
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

func specSummary(specs []SectionSpec) []string {
	var out []string
	for _, s := range specs {
		out = append(out, s.Key+"|"+s.Kind+"|"+s.Heading)
	}
	return out
}

func TestParseBasicTemplate(t *testing.T) {
	tpl := mustParse(t, "basic.md")
	if tpl.Title != "Week 02 - 데이터 엔지니어링 인사이트" {
		t.Errorf("Title = %q", tpl.Title)
	}
	if tpl.Intro != "스터디 노트를 읽고 멤버마다 배운 점을 정리하는 문서입니다." {
		t.Errorf("Intro = %q", tpl.Intro)
	}
	want := []string{
		"insights|bullets|핵심 인사이트",
		"perspective|bullets|독특한 관점 또는 흥미로운 발견",
		"practical|bullets|실무 적용 아이디어",
		"study|bullets|추가 학습이 필요한 부분",
	}
	if got := specSummary(tpl.MemberSections); !reflect.DeepEqual(got, want) {
		t.Errorf("MemberSections = %q, want %q", got, want)
	}
	if tpl.MemberSections[0].Hint != "이번 주에 제일 중요했던 개념" {
		t.Errorf("Hint = %q", tpl.MemberSections[0].Hint)
	}
	if tpl.GroupHeading != "통합 토론 주제" || tpl.GroupIntro != "모임 때 나눌 질문을 편하게 적어 주세요." {
		t.Errorf("group = %q / %q", tpl.GroupHeading, tpl.GroupIntro)
	}
	wantGroup := []string{"common|bullets|공통 질문", "debate|bullets|심화 토론", "next|bullets|다음 주차 연결 포인트"}
	if got := specSummary(tpl.GroupSections); !reflect.DeepEqual(got, wantGroup) {
		t.Errorf("GroupSections = %q, want %q", got, wantGroup)
	}
	if !reflect.DeepEqual(tpl.MemberHeadings, []string{"박지민 (Park Ji-Min)", "최유나 (Choi Yu-Na)"}) {
		t.Errorf("MemberHeadings = %q", tpl.MemberHeadings)
	}
	if tpl.Source != "basic.md" {
		t.Errorf("Source = %q", tpl.Source)
	}
}

func TestParseTemplateWithSummaryAndCorrections(t *testing.T) {
	tpl := mustParse(t, "extended.md")
	want := []string{
		"summary|paragraph|전체적인 작성 내용 요약",
		"insights|bullets|핵심 인사이트",
		"perspective|bullets|독특한 관점 또는 흥미로운 발견",
		"practical|bullets|실무 적용 아이디어",
		"study|bullets|추가 학습이 필요한 부분",
		"corrections|table|오개념 정리",
	}
	if got := specSummary(tpl.MemberSections); !reflect.DeepEqual(got, want) {
		t.Fatalf("MemberSections = %q, want %q", got, want)
	}
	corr := tpl.MemberSections[5]
	wantHeader := []string{"| 작성 내용 | 수정/보완 내용 | 비고 |", "|----------|---------------|------|"}
	if !reflect.DeepEqual(corr.TableHeader, wantHeader) {
		t.Errorf("TableHeader = %q", corr.TableHeader)
	}
	if corr.Hint != "잘못 알고 있던 내용과 바로잡은 내용" {
		t.Errorf("Hint = %q", corr.Hint)
	}
}

func TestParseFilledEnglishDocument(t *testing.T) {
	tpl := mustParse(t, "filled.md")
	want := []string{"insights|bullets|핵심 인사이트", "perspective|bullets|Unique perspective", "|bullets|메모"}
	if got := specSummary(tpl.MemberSections); !reflect.DeepEqual(got, want) {
		t.Errorf("MemberSections = %q, want %q", got, want)
	}
	if tpl.GroupHeading != "Group discussion" {
		t.Errorf("GroupHeading = %q", tpl.GroupHeading)
	}
	if got := specSummary(tpl.GroupSections); !reflect.DeepEqual(got, []string{"common|bullets|Common questions"}) {
		t.Errorf("GroupSections = %q", got)
	}
	if tpl.Intro != "" {
		t.Errorf("Intro = %q", tpl.Intro)
	}
}

func TestParseVariants(t *testing.T) {
	tests := []struct {
		name, src    string
		member       []string
		group        []string
		groupHeading string
	}{
		{
			name:   "CRLF, BOM, numbered and emoji headings",
			src:    "\ufeff# 3주차 인사이트\r\n\r\n## 박지민\r\n\r\n### 1. 핵심 인사이트 💡\r\n- 내용\r\n### 2) 실무 적용 ###\r\n",
			member: []string{"insights|bullets|1. 핵심 인사이트 💡", "practical|bullets|2) 실무 적용"},
		},
		{
			name:         "group block recognised by its sections",
			src:          "# t\n\n## 박지민\n### 핵심 인사이트\n\n## 이번 주 질문들\n### 공통 질문\n-\n### 심화 토론\n-\n",
			member:       []string{"insights|bullets|핵심 인사이트"},
			group:        []string{"common|bullets|공통 질문", "debate|bullets|심화 토론"},
			groupHeading: "이번 주 질문들",
		},
		{
			name:   "heading inside a code fence is not structure",
			src:    "# t\n\n## 박지민\n### 핵심 인사이트\n```\n### 오개념 정리\n```\n",
			member: []string{"insights|bullets|핵심 인사이트"},
		},
		{
			name:   "first block with known sections defines the member sections",
			src:    "# t\n\n## 공지\n### 일정\n- 금요일\n\n## 박지민\n### 요약\n### 오개념\n",
			member: []string{"summary|paragraph|요약", "corrections|table|오개념"},
		},
		{
			name:         "group only",
			src:          "## 통합 토론 주제\n### 다음 주 연결\n",
			group:        []string{"next|bullets|다음 주 연결"},
			groupHeading: "통합 토론 주제",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tpl, err := Parse("x.md", tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := specSummary(tpl.MemberSections); !reflect.DeepEqual(got, tc.member) {
				t.Errorf("member = %q, want %q", got, tc.member)
			}
			if got := specSummary(tpl.GroupSections); !reflect.DeepEqual(got, tc.group) {
				t.Errorf("group = %q, want %q", got, tc.group)
			}
			if tpl.GroupHeading != tc.groupHeading {
				t.Errorf("group heading = %q, want %q", tpl.GroupHeading, tc.groupHeading)
			}
		})
	}
}

func TestParseUnknownTableSection(t *testing.T) {
	tpl, err := Parse("x.md", "## 박지민\n### 핵심 인사이트\n### 용어 정리\n| 용어 | 뜻 |\n|---|---|\n")
	if err != nil {
		t.Fatal(err)
	}
	s := tpl.MemberSections[1]
	if s.Key != "" || s.Kind != insight.KindTable || len(s.TableHeader) != 2 {
		t.Errorf("spec = %+v", s)
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"", "# 제목만\n", "## 박지민\n### 메모\n- 아무거나\n", "그냥 문단입니다.\n"} {
		_, err := Parse("weeks/week01/ai-insights.md", src)
		if err == nil {
			t.Errorf("Parse(%q): no error", src)
			continue
		}
		if !strings.Contains(err.Error(), "weeks/week01/ai-insights.md") || !strings.Contains(err.Error(), "핵심 인사이트") {
			t.Errorf("error %q does not name the file and what is expected", err)
		}
	}
}

func TestKeyFor(t *testing.T) {
	tests := []struct{ heading, key string }{
		{"전체적인 작성 내용 요약", insight.KeySummary},
		{"요약", insight.KeySummary},
		{"Summary", insight.KeySummary},
		{"핵심 인사이트", insight.KeyInsights},
		{"Key insights", insight.KeyInsights},
		{"💡 핵심 정리", insight.KeyInsights},
		{"독특한 관점 또는 흥미로운 발견", insight.KeyPerspective},
		{"나만의 관점", insight.KeyPerspective},
		{"새로운 발견", insight.KeyPerspective},
		{"Unique perspective", insight.KeyPerspective},
		{"실무 적용 아이디어", insight.KeyPractical},
		{"적용해 볼 점", insight.KeyPractical},
		{"Practical applications", insight.KeyPractical},
		{"추가 학습이 필요한 부분", insight.KeyStudy},
		{"더 공부할 것", insight.KeyStudy},
		{"보충 학습", insight.KeyStudy},
		{"Further study", insight.KeyStudy},
		{"오개념 정리", insight.KeyCorrections},
		{"Misconceptions", insight.KeyCorrections},
		{"공통 질문", insight.KeyCommon},
		{"Common questions", insight.KeyCommon},
		{"심화 토론", insight.KeyDebate},
		{"Deep discussion", insight.KeyDebate},
		{"다음 주차 연결 포인트", insight.KeyNext},
		{"다음주 예고", insight.KeyNext},
		{"Next week", insight.KeyNext},
		{"메모", ""},
		{"Context engineering", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := KeyFor(tc.heading); got != tc.key {
			t.Errorf("KeyFor(%q) = %q, want %q", tc.heading, got, tc.key)
		}
	}
}

func TestBuiltin(t *testing.T) {
	b := Builtin()
	want := []string{
		"insights|bullets|핵심 인사이트",
		"perspective|bullets|독특한 관점 또는 흥미로운 발견",
		"practical|bullets|실무 적용 아이디어",
		"study|bullets|추가 학습이 필요한 부분",
	}
	if got := specSummary(b.MemberSections); !reflect.DeepEqual(got, want) {
		t.Errorf("MemberSections = %q", got)
	}
	if got := specSummary(b.GroupSections); !reflect.DeepEqual(got, []string{"common|bullets|공통 질문", "debate|bullets|심화 토론", "next|bullets|다음 주차 연결 포인트"}) {
		t.Errorf("GroupSections = %q", got)
	}
	for _, s := range b.MemberSections {
		if s.Hint == "" || KeyFor(s.Heading) != s.Key {
			t.Errorf("section %q: hint %q, KeyFor %q", s.Heading, s.Hint, KeyFor(s.Heading))
		}
	}
	if b.TitleFor(4) != "Week 04 - 스터디 인사이트" || b.Source != BuiltinSource || b.Intro == "" || b.GroupHeading != "통합 토론 주제" {
		t.Errorf("builtin = %+v", b)
	}
	// Builtin returns a fresh value each time.
	b.MemberSections[0].Heading = "x"
	if Builtin().MemberSections[0].Heading != "핵심 인사이트" {
		t.Error("Builtin shares state between calls")
	}
	// The rendered built-in template reads back as the same template.
	back, err := Parse("built-in.md", Render(Builtin(), makeWeek(Builtin(), 1, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.MemberSections, Builtin().MemberSections) || !reflect.DeepEqual(back.GroupSections, Builtin().GroupSections) {
		t.Errorf("round trip: %+v", back)
	}
}

func TestTitleFor(t *testing.T) {
	tests := []struct {
		title string
		week  int
		want  string
	}{
		{"Week 02 - AI 인사이트", 7, "Week 07 - AI 인사이트"},
		{"Week 02 - AI 인사이트", 12, "Week 12 - AI 인사이트"},
		{"Week 7 - 인사이트", 3, "Week 3 - 인사이트"},
		{"week01 정리", 9, "week09 정리"},
		{"3주차 인사이트", 4, "4주차 인사이트"},
		{"03주차 인사이트", 4, "04주차 인사이트"},
		{"{NN}주차 정리", 5, "05주차 정리"},
		{"Week {N}", 5, "Week 5"},
		{"스터디 인사이트", 2, "Week 02 - 스터디 인사이트"},
		{"", 2, "Week 02 - 스터디 인사이트"},
	}
	for _, tc := range tests {
		tpl := &Template{Title: tc.title}
		if got := tpl.TitleFor(tc.week); got != tc.want {
			t.Errorf("TitleFor(%q, %d) = %q, want %q", tc.title, tc.week, got, tc.want)
		}
	}
}

func TestIsFillable(t *testing.T) {
	tpl := mustParse(t, "basic.md")
	rendered := Render(tpl, makeWeek(tpl, 2, genSet{"박지민/insights": {"스트리밍 처리의 핵심은 지연 시간"}}))
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"basic template", readFixture(t, "basic.md"), true},
		{"extended template with empty table rows", readFixture(t, "extended.md"), true},
		{"template with people's questions in the group block",
			strings.Replace(readFixture(t, "basic.md"), "### 공통 질문\n-", "### 공통 질문\n- 스트리밍은 언제 필요할까?", 1), true},
		{"empty file", "", true},
		{"title only", "# Week 01\n", true},
		{"moim output", rendered, true},
		{"moim output edited by a person", strings.Replace(rendered, "- 스트리밍", "- 내가 고친 스트리밍", 1), true},
		{"hand-written filled document", readFixture(t, "filled.md"), false},
		{"template with one member section filled", strings.Replace(readFixture(t, "basic.md"), "<!-- 일에 써먹을 방법 -->\n", "<!-- 일에 써먹을 방법 -->\n- 사내 로그 파이프라인에 적용\n", 1), false},
		{"filled table row", strings.Replace(readFixture(t, "extended.md"), "|  |  |  |", "| 배치가 항상 느리다 | 처리량은 더 높다 |  |", 1), false},
		{"prose without structure", "# 인사이트\n\n이번 주는 모두 바빴습니다.\n", false},
	}
	for _, tc := range tests {
		if got := IsFillable(tc.src); got != tc.want {
			t.Errorf("%s: IsFillable = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestTemplateWarnings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"complete", "# W\n\n## 가\n\n### 핵심 인사이트\n\n## 통합 토론 주제\n\n### 공통 질문\n", nil},
		{"no group block", "# W\n\n## 가\n\n### 핵심 인사이트\n", []string{`no "## 통합 토론 주제" block`}},
		{"group block only", "# W\n\n## 통합 토론 주제\n\n### 공통 질문\n", []string{"no member section moim fills"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := Parse("t.md", tt.src)
			if err != nil {
				t.Fatal(err)
			}
			got := tpl.Warnings()
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) || !strings.Contains(got[i], "template t.md") {
					t.Errorf("warning %q, want %q", got[i], tt.want[i])
				}
			}
		})
	}
	if w := Builtin().Warnings(); w != nil {
		t.Errorf("built-in template: %q", w)
	}
}
