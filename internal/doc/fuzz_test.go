package doc

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"",
	"# Week 01\n",
	"## 박지민\n### 핵심 인사이트\n- 하나\n  이어지는 줄\n\n  - 하위\n",
	"### 핵심 인사이트\n- 제목 없는 섹션\n",
	"# t\n## 통합 토론 주제\n### 공통 질문\n- 질문\n<!-- 주석\n### 가짜 제목\n-->\n",
	"# t\n## 박지민\n### 요약\n```\n## 코드 속 제목\n",
	"# t\n## 박지민\n### 오개념 정리\n| a | b |\n|---|---|\n| 1 | 2 |\n\n문단\n| x | y |\n|---|---|\n",
	"---\n\n사이 글\n\n---\n## 기타\n---\n### 메모\n- a\n",
	"<!-- moim:state v1 {} -->\n## 박지민\n### 핵심 인사이트\n- 가\n",
	"<!-- moim:state v1 {\"gen\":{\"박지민/insights\":[\"x\"]}} -->\n텍스트 뒤",
	"## 박지민\n### 핵심 인사이트\n    들여쓴 줄\n- 항목\n1. 번호\n* 별\n+ 더하기\n-\n* * *\n### 핵심 인사이트\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, name := range []string{"basic.md", "extended.md", "filled.md"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, src string) {
		_ = IsFillable(src)
		_, _ = ReadState(src)
		tpl, err := Parse("fuzz.md", src)
		if err != nil {
			return
		}
		out := Render(tpl, makeWeek(tpl, 3, genSet{"박지민/insights": {"생성 문장"}}))
		back, err := Parse("rendered.md", out)
		if err != nil {
			t.Fatalf("rendered template does not parse: %v\n%s", err, out)
		}
		if len(back.MemberSections) != len(tpl.MemberSections) || len(back.GroupSections) != len(tpl.GroupSections) {
			t.Fatalf("sections changed: %+v\n→ %+v\n%s", tpl, back, out)
		}
		for i, s := range back.MemberSections {
			if s.Key != tpl.MemberSections[i].Key || s.Kind != tpl.MemberSections[i].Kind {
				t.Fatalf("member section %d: %+v → %+v", i, tpl.MemberSections[i], s)
			}
		}
	})
}

func FuzzCompose(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
	}
	for _, name := range []string{"basic.md", "extended.md", "filled.md"} {
		f.Add(readFixture(f, name), true)
	}
	f.Fuzz(func(t *testing.T, prev string, extended bool) {
		tpl := Builtin()
		if extended {
			tpl = mustParse(t, "extended.md")
		}
		w := makeWeek(tpl, 2, genSet{
			"박지민/insights":    {"인사이트 가", "인사이트 나"},
			"박지민/summary":     {"요약 문장"},
			"박지민/corrections": {"틀린 말|바른 말|"},
			"group/common":    {"공통 질문 가"},
		})
		out, err := Compose(prev, tpl, w)
		if err != nil {
			if !strings.Contains(prev, "<!-- moim:state") {
				t.Fatalf("error without a state comment: %v", err)
			}
			return
		}
		if _, err := Parse("out.md", out); err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, out)
		}
		if _, ok := ReadState(out); !ok {
			t.Fatalf("output has no readable state:\n%s", out)
		}
		again, err := Compose(out, tpl, w)
		if err != nil {
			t.Fatal(err)
		}
		if again != out {
			t.Fatalf("composing twice is not stable:\n%s\n---- again:\n%s", out, again)
		}
	})
}
