package doc

import (
	"strings"
	"testing"
)

// edit helpers operate on whole lines of a document.
func replaceLine(doc, old, new string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if l == old {
			lines[i] = new
			return strings.Join(lines, "\n")
		}
	}
	panic("line not found: " + old)
}

func insertAfter(doc, anchor string, add ...string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if l == anchor {
			out := append(append(append([]string{}, lines[:i+1]...), add...), lines[i+1:]...)
			return strings.Join(out, "\n")
		}
	}
	panic("line not found: " + anchor)
}

func deleteLine(doc, old string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if l == old {
			return strings.Join(append(lines[:i:i], lines[i+1:]...), "\n")
		}
	}
	panic("line not found: " + old)
}

func TestComposeEdits(t *testing.T) {
	type check struct {
		block, section string   // "" section: whole document
		want           []string // lines expected exactly in this order (section) / once (document)
	}
	tests := []struct {
		name     string
		template string
		prev     func(t *testing.T, tpl *Template) string // document before the first generation; "" none
		gen1     genSet
		edit     func(doc string) string
		gens     []genSet // regenerations after the edit
		checks   []check
		absent   []string // lines that must not appear anywhere
	}{
		{
			name:     "person adds a question under 공통 질문",
			template: "basic.md",
			gen1:     genSet{"group/common": {"질문 가", "질문 나"}},
			edit: func(doc string) string {
				return insertAfter(doc, "- 질문 가", "- 사람이 추가한 질문")
			},
			gens: []genSet{{"group/common": {"새 질문 1", "새 질문 2", "새 질문 3"}}},
			checks: []check{{"통합", "공통 질문",
				[]string{"- 새 질문 1", "- 사람이 추가한 질문", "- 새 질문 2", "- 새 질문 3"}}},
			absent: []string{"- 질문 가", "- 질문 나"},
		},
		{
			name:     "questions people wrote into the template before the first run",
			template: "basic.md",
			prev: func(t *testing.T, tpl *Template) string {
				return strings.Replace(readFixture(t, "basic.md"), "### 공통 질문\n-", "### 공통 질문\n- 미리 적어 둔 질문\n- 질문 가", 1)
			},
			gen1: genSet{"group/common": {"질문 가", "질문 나"}},
			edit: func(doc string) string { return doc },
			gens: []genSet{{"group/common": {"질문 가", "질문 다"}}},
			checks: []check{{"통합", "공통 질문",
				[]string{"- 미리 적어 둔 질문", "- 질문 가", "- 질문 다"}}},
			absent: []string{"- 질문 나"},
		},
		{
			name:     "person rewrites a generated bullet",
			template: "basic.md",
			gen1:     genSet{"박지민/insights": {"인사이트 A", "인사이트 B", "인사이트 C"}},
			edit: func(doc string) string {
				return replaceLine(doc, "- 인사이트 B", "- 인사이트 B를 내 말로 다시 씀")
			},
			gens: []genSet{
				{"박지민/insights": {"인사이트 A", "인사이트 B", "인사이트 C"}},
				{"박지민/insights": {"인사이트 A", "인사이트 B", "인사이트 C"}},
			},
			checks: []check{{"박지민", "핵심 인사이트",
				[]string{"- 인사이트 A", "- 인사이트 B를 내 말로 다시 씀", "- 인사이트 C"}}},
			absent: []string{"- 인사이트 B"},
		},
		{
			name:     "person deletes a generated bullet",
			template: "basic.md",
			gen1:     genSet{"최유나/practical": {"적용 A", "적용 B", "적용 C"}},
			edit:     func(doc string) string { return deleteLine(doc, "- 적용 B") },
			gens: []genSet{
				{"최유나/practical": {"적용 A", "적용 B", "적용 C"}},
				{"최유나/practical": {"적용 B", "적용 D"}},
				{"최유나/practical": {"적용 A", "적용 B"}},
			},
			checks: []check{{"최유나", "실무 적용 아이디어", []string{"- 적용 A"}}},
			absent: []string{"- 적용 B"},
		},
		{
			name:     "person edits a 오개념 정리 row",
			template: "extended.md",
			gen1:     genSet{"박지민/corrections": {"배치는 느리다|지연은 길지만 처리량은 높다|", "스트림은 무한하다|경계 없는 데이터일 뿐|"}},
			edit: func(doc string) string {
				return replaceLine(doc, "| 배치는 느리다 | 지연은 길지만 처리량은 높다 |  |", "| 배치는 느리다 | 지연은 길지만 처리량은 높다 | 모임에서 확인함 |")
			},
			gens: []genSet{{"박지민/corrections": {"배치는 느리다|지연은 길지만 처리량은 높다|", "스트림은 무한하다|경계 없는 데이터를 다루는 방식|"}}},
			checks: []check{{"박지민", "오개념 정리", []string{
				"| 작성 내용 | 수정/보완 내용 | 비고 |",
				"|----------|---------------|------|",
				"| 배치는 느리다 | 지연은 길지만 처리량은 높다 | 모임에서 확인함 |",
				"| 스트림은 무한하다 | 경계 없는 데이터를 다루는 방식 |  |",
			}}},
			absent: []string{"| 배치는 느리다 | 지연은 길지만 처리량은 높다 |  |"},
		},
		{
			name:     "person adds a paragraph outside the bullets and to the intro",
			template: "basic.md",
			gen1:     genSet{"박지민/study": {"공부 A"}},
			edit: func(doc string) string {
				doc = insertAfter(doc, "- 공부 A", "", "이 부분은 모임에서 같이 보기로 했다.")
				return insertAfter(doc, "스터디 노트를 읽고 멤버마다 배운 점을 정리하는 문서입니다.", "", "이번 주 정리 담당: 최유나")
			},
			gens: []genSet{{"박지민/study": {"공부 B", "공부 C"}}},
			checks: []check{
				{"박지민", "추가 학습이 필요한 부분", []string{"- 공부 B", "- 공부 C", "이 부분은 모임에서 같이 보기로 했다."}},
				{"", "", []string{"이번 주 정리 담당: 최유나"}},
			},
		},
		{
			name:     "person adds a custom section and a custom block",
			template: "basic.md",
			gen1:     genSet{"박지민/insights": {"인사이트 A"}, "group/debate": {"토론 A"}},
			edit: func(doc string) string {
				doc = insertAfter(doc, "- 인사이트 A", "", "### 메모", "- 예제 코드 다시 돌려 보기")
				return insertAfter(doc, "- 토론 A", "", "## 기타", "", "다음 모임은 온라인으로 합니다.")
			},
			gens: []genSet{{"박지민/insights": {"인사이트 B"}, "group/debate": {"토론 B"}}},
			checks: []check{
				{"박지민", "메모", []string{"- 예제 코드 다시 돌려 보기"}},
				{"", "", []string{"### 핵심 인사이트", "- 인사이트 B", "### 메모", "### 독특한 관점 또는 흥미로운 발견",
					"## 통합 토론 주제", "- 토론 B", "## 기타", "다음 모임은 온라인으로 합니다."}},
			},
		},
		{
			name:     "regeneration replaces untouched generated bullets",
			template: "basic.md",
			gen1:     genSet{"박지민/insights": {"옛 인사이트 1", "옛 인사이트 2"}, "group/next": {"옛 연결"}},
			edit:     func(doc string) string { return doc },
			gens:     []genSet{{"박지민/insights": {"새 인사이트 1"}, "group/next": {"새 연결 1", "새 연결 2"}}},
			checks: []check{
				{"박지민", "핵심 인사이트", []string{"- 새 인사이트 1"}},
				{"통합", "다음 주차 연결 포인트", []string{"- 새 연결 1", "- 새 연결 2"}},
			},
			absent: []string{"- 옛 인사이트 1", "- 옛 인사이트 2", "- 옛 연결"},
		},
		{
			name:     "generated content emptied: placeholder comes back",
			template: "basic.md",
			gen1:     genSet{"박지민/insights": {"인사이트 A"}},
			edit:     func(doc string) string { return doc },
			gens:     []genSet{{}},
			checks:   []check{{"박지민", "핵심 인사이트", []string{"-"}}},
		},
		{
			name:     "person changes the title",
			template: "basic.md",
			gen1:     genSet{},
			edit: func(doc string) string {
				return replaceLine(doc, "# Week 02 - 데이터 엔지니어링 인사이트", "# 2주차: 스트리밍 특집")
			},
			gens:   []genSet{{}},
			checks: []check{{"", "", []string{"# 2주차: 스트리밍 특집"}}},
			absent: []string{"# Week 02 - 데이터 엔지니어링 인사이트"},
		},
		{
			name:     "person writes under a generated bullet",
			template: "basic.md",
			gen1:     genSet{"박지민/insights": {"인사이트 A", "인사이트 B"}},
			edit: func(doc string) string {
				return insertAfter(doc, "- 인사이트 A", "  - 하위 메모: 예시 추가")
			},
			gens: []genSet{{"박지민/insights": {"인사이트 A", "인사이트 B"}}},
			checks: []check{{"박지민", "핵심 인사이트",
				[]string{"- 인사이트 A", "  - 하위 메모: 예시 추가", "- 인사이트 B"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tpl := mustParse(t, tc.template)
			prev := ""
			if tc.prev != nil {
				prev = tc.prev(t, tpl)
			}
			doc := mustCompose(t, prev, tpl, makeWeek(tpl, 2, tc.gen1))
			doc = tc.edit(doc)
			for i, g := range tc.gens {
				w := makeWeek(tpl, 2, g)
				doc = mustCompose(t, doc, tpl, w)
				if again := mustCompose(t, doc, tpl, w); again != doc {
					t.Fatalf("regeneration %d: composing again changed the document:\n%s\n---- again:\n%s", i+1, doc, again)
				}
				if _, err := Parse("out.md", doc); err != nil {
					t.Fatalf("regeneration %d: output does not parse: %v", i+1, err)
				}
				for _, a := range tc.absent {
					if countLines(doc, a) != 0 {
						t.Errorf("regeneration %d: %q is back:\n%s", i+1, a, doc)
					}
				}
			}
			for _, c := range tc.checks {
				if c.section != "" {
					got := sectionLines(doc, c.block, c.section)
					if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
						t.Errorf("%s / %s:\n got %q\nwant %q\n%s", c.block, c.section, got, c.want, doc)
					}
					continue
				}
				pos := 0
				for _, w := range c.want {
					if countLines(doc, w) != 1 && !strings.HasPrefix(w, "#") {
						t.Errorf("%q appears %d times", w, countLines(doc, w))
					}
					i := strings.Index(doc[pos:], "\n"+w+"\n")
					if i < 0 && pos == 0 && strings.HasPrefix(doc, w+"\n") {
						continue
					}
					if i < 0 {
						t.Errorf("%q missing or out of order:\n%s", w, doc)
						break
					}
					pos += i + 1
				}
			}
		})
	}
}

func TestComposeMembersChange(t *testing.T) {
	tpl := mustParse(t, "basic.md")
	// The template names 박지민 and 최유나; this week has 박지민 and a new
	// member 한서준. 최유나's empty block disappears; a block of hers with a
	// person's text would stay.
	w := makeWeek(tpl, 2, genSet{"박지민/insights": {"인사이트 A"}})
	w.Members[1].Name, w.Members[1].Roman = "한서준", "Han Seo-Jun"
	out := mustCompose(t, readFixture(t, "basic.md"), tpl, w)
	if strings.Contains(out, "최유나") || !strings.Contains(out, "## 한서준 (Han Seo-Jun)") {
		t.Errorf("member blocks:\n%s", out)
	}
	withNote := insertAfter(readFixture(t, "basic.md"), "## 최유나 (Choi Yu-Na)", "", "이번 주는 휴식")
	out = mustCompose(t, withNote, tpl, w)
	if !strings.Contains(out, "## 최유나 (Choi Yu-Na)\n\n이번 주는 휴식\n") {
		t.Errorf("block with a person's text was dropped:\n%s", out)
	}
	if again := mustCompose(t, out, tpl, w); again != out {
		t.Error("not stable")
	}
	// A member the week knows without a romanised name keeps the one the
	// document has; a new romanisation replaces it.
	w.Members[0].Roman = ""
	if out := mustCompose(t, readFixture(t, "basic.md"), tpl, w); !strings.Contains(out, "\n## 박지민 (Park Ji-Min)\n") {
		t.Errorf("romanised heading lost:\n%s", out)
	}
	w.Members[0].Roman = "Bak Ji-Min"
	if out := mustCompose(t, readFixture(t, "basic.md"), tpl, w); !strings.Contains(out, "\n## 박지민 (Bak Ji-Min)\n") {
		t.Errorf("heading not updated:\n%s", out)
	}
}

func TestComposeState(t *testing.T) {
	tpl := mustParse(t, "basic.md")
	w := makeWeek(tpl, 2, genSet{"박지민/insights": {"인사이트 A", "인사이트 B"}})
	doc := mustCompose(t, "", tpl, w)
	st, ok := ReadState(doc)
	if !ok {
		t.Fatal("no state")
	}
	if got := st.Generated["박지민/insights"]; len(got) != 2 || got[0] != shortHash("인사이트 A") {
		t.Errorf("generated = %q", got)
	}
	doc = deleteLine(doc, "- 인사이트 A")
	doc = mustCompose(t, doc, tpl, w)
	st, _ = ReadState(doc)
	if got := st.Suppressed["박지민/insights"]; len(got) != 1 || got[0] != shortHash("인사이트 A") {
		t.Errorf("suppressed = %q", got)
	}
	if strings.Count(doc, "<!-- moim:state") != 1 || !strings.HasSuffix(doc, " -->\n") {
		t.Error("exactly one trailing state comment expected")
	}

	for name, damaged := range map[string]string{
		"bad json":      strings.Replace(doc, `{"input"`, `{input`, 1),
		"newer version": strings.Replace(doc, "moim:state v1", "moim:state v9", 1),
	} {
		if _, err := Compose(damaged, tpl, w); err == nil {
			t.Errorf("%s: Compose accepted a damaged state", name)
		}
		if _, ok := ReadState(damaged); ok {
			t.Errorf("%s: ReadState accepted a damaged state", name)
		}
	}
	if _, ok := ReadState(readFixture(t, "basic.md")); ok {
		t.Error("template has no state")
	}
	if _, err := Compose("", tpl, nil); err == nil {
		t.Error("nil week accepted")
	}
}

func TestComposeCRLFPrevious(t *testing.T) {
	tpl := mustParse(t, "basic.md")
	w := makeWeek(tpl, 2, genSet{"박지민/insights": {"인사이트 A"}})
	doc := mustCompose(t, "", tpl, w)
	crlf := strings.ReplaceAll(insertAfter(doc, "- 인사이트 A", "- 내 메모"), "\n", "\r\n")
	out := mustCompose(t, crlf, tpl, w)
	if strings.Contains(out, "\r") || countLines(out, "- 내 메모") != 1 || countLines(out, "- 인사이트 A") != 1 {
		t.Errorf("CRLF document:\n%s", out)
	}
}
