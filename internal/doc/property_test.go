package doc

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// propSection is a section the property test edits.
type propSection struct {
	block, heading, key string
}

var propSections = []propSection{
	{"박지민", "핵심 인사이트", "박지민/insights"},
	{"최유나", "실무 적용 아이디어", "최유나/practical"},
	{"통합", "공통 질문", "group/common"},
}

const genPrefix = "- 생성 문장 "

// sectionRange returns the line range [start, end) of a section's items in
// lines (after the heading and its hint, before the trailing blank lines).
func sectionRange(lines []string, ps propSection) (int, int) {
	start := -1
	inBlock := false
	for i, l := range lines {
		if strings.HasPrefix(l, "## ") {
			inBlock = strings.HasPrefix(l, "## "+ps.block)
		}
		if inBlock && l == "### "+ps.heading {
			start = i + 1
			if start < len(lines) && strings.HasPrefix(lines[start], "<!--") {
				start++
			}
			break
		}
	}
	if start < 0 {
		panic("section not found: " + ps.heading)
	}
	end := start
	for end < len(lines) {
		l := lines[end]
		if strings.HasPrefix(l, "#") || l == "---" || strings.HasPrefix(l, "<!-- moim:state") {
			break
		}
		end++
	}
	for end > start && lines[end-1] == "" {
		end--
	}
	return start, end
}

// TestComposePreservesPersonEdits runs random sequences of a person's edits
// and regenerations and checks after every regeneration that every line the
// person added or rewrote is there exactly once (in its section), generated
// bullets the person deleted or rewrote never come back, the generated
// bullets are exactly this run's minus those, and the output parses and is
// stable.
func TestComposePreservesPersonEdits(t *testing.T) {
	tpl := mustParse(t, "basic.md")
	pool := make([]string, 10)
	for i := range pool {
		pool[i] = fmt.Sprintf("생성 문장 %d", i)
	}
	rapid.Check(t, func(rt *rapid.T) {
		person := make([][]string, len(propSections))  // lines the person wrote
		deleted := make([][]string, len(propSections)) // generated texts the person removed
		counter := 0

		regenerate := func(doc string) string {
			g := genSet{}
			sets := make([][]string, len(propSections))
			for i, ps := range propSections {
				sets[i] = rapid.SliceOfNDistinct(rapid.SampledFrom(pool), 0, 5, rapid.ID[string]).Draw(rt, "gen "+ps.key)
				g[ps.key] = sets[i]
			}
			w := makeWeek(tpl, 2, g)
			out, err := Compose(doc, tpl, w)
			if err != nil {
				rt.Fatalf("compose: %v", err)
			}
			for i, ps := range propSections {
				sec := sectionLines(out, ps.block, ps.heading)
				for _, l := range person[i] {
					if n := countLines(out, l); n != 1 {
						rt.Fatalf("person line %q appears %d times:\n%s", l, n, out)
					}
					if !slices.Contains(sec, l) {
						rt.Fatalf("person line %q moved out of %s:\n%s", l, ps.heading, out)
					}
				}
				var want, got []string
				for _, s := range sets[i] {
					if !slices.Contains(deleted[i], s) {
						want = append(want, s)
					}
				}
				for _, l := range sec {
					if strings.HasPrefix(l, genPrefix) {
						got = append(got, l[2:])
					}
				}
				for _, d := range deleted[i] {
					if slices.Contains(sec, "- "+d) {
						rt.Fatalf("deleted %q is back in %s:\n%s", d, ps.heading, out)
					}
				}
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(want, got) {
					rt.Fatalf("%s: generated lines %q, want %q:\n%s", ps.heading, got, want, out)
				}
			}
			if _, err := Parse("out.md", out); err != nil {
				rt.Fatalf("output does not parse: %v", err)
			}
			if again, err := Compose(out, tpl, w); err != nil || again != out {
				rt.Fatalf("not stable (%v):\n%s\n---- again:\n%s", err, out, again)
			}
			return out
		}

		doc := regenerate("")
		steps := rapid.IntRange(1, 20).Draw(rt, "steps")
		for range steps {
			i := rapid.IntRange(0, len(propSections)-1).Draw(rt, "section")
			lines := strings.Split(doc, "\n")
			start, end := sectionRange(lines, propSections[i])
			var generated []int
			for j := start; j < end; j++ {
				if strings.HasPrefix(lines[j], genPrefix) {
					generated = append(generated, j)
				}
			}
			action := rapid.SampledFrom([]string{"add", "text", "rewrite", "delete", "regenerate"}).Draw(rt, "action")
			if (action == "rewrite" || action == "delete") && len(generated) == 0 {
				action = "add"
			}
			counter++
			switch action {
			case "add", "text":
				at := rapid.IntRange(start, end).Draw(rt, "at")
				add := []string{fmt.Sprintf("- 사람 메모 %d", counter)}
				if action == "text" {
					add = []string{"", fmt.Sprintf("사람 문단 %d", counter), ""}
				}
				person[i] = append(person[i], strings.TrimSpace(strings.Join(add, "")))
				lines = slices.Insert(lines, at, add...)
			case "rewrite", "delete":
				j := rapid.SampledFrom(generated).Draw(rt, "line")
				deleted[i] = append(deleted[i], lines[j][2:])
				if action == "rewrite" {
					lines[j] = fmt.Sprintf("- 사람 수정 %d", counter)
					person[i] = append(person[i], lines[j])
				} else {
					lines = slices.Delete(lines, j, j+1)
				}
			case "regenerate":
				doc = regenerate(strings.Join(lines, "\n"))
				continue
			}
			doc = strings.Join(lines, "\n")
		}
		regenerate(doc)
	})
}

// docFragments are the lines random documents are assembled from: every
// structural element the parser knows, in valid and broken forms.
var docFragments = []string{
	"", "", "# Week 01 - 인사이트", "## 박지민 (Park Ji-Min)", "## 최유나", "## 통합 토론 주제", "## 기타", "##",
	"### 핵심 인사이트", "### 요약", "### 오개념 정리", "### 공통 질문", "### 다음 주차 연결 포인트", "### 메모", "###",
	"#### 작은 제목", "<!-- 힌트 -->", "<!--", "-->", "<!-- 여러 줄", "---", "***", "- - -",
	"- 항목", "- 생성 문장 1", "-", "* 별 항목", "1. 번호 항목", "  이어지는 줄", "  - 하위 항목", "    들여쓴 코드",
	"문단 한 줄", "또 다른 문단", "| 작성 내용 | 수정/보완 내용 | 비고 |", "|---|---|---|", "| 가 | 나 | 다 |", "|  |  |  |",
	"```", "```go", "~~~", "\t탭 줄", "<!-- moim:state v1 {} -->", "- 인사이트 가", "요약 문장",
}

// TestComposeStableOnRandomDocuments composes over documents assembled from
// random fragments: the output must parse, carry a readable state, keep
// every person's content line, and compose again to the same bytes.
func TestComposeStableOnRandomDocuments(t *testing.T) {
	templates := []*Template{Builtin(), mustParse(t, "extended.md")}
	// State comments claiming some fragment lines as moim's.
	h := func(s string) string { return `"` + shortHash(s) + `"` }
	frags := append([]string{}, docFragments...)
	frags = append(frags,
		`<!-- moim:state v1 {"gen":{"박지민/insights":[`+h("항목")+`,`+h("인사이트 가")+`],"/insights":[`+h("항목")+`],"group/common":[`+h("항목")+`]}} -->`,
		`<!-- moim:state v1 {"gen":{"최유나/summary":[`+h("요약 문장")+`],"박지민/메모":[`+h("문단 한 줄")+`],"title":[`+h("Week 01 - 인사이트")+`]},"sup":{"박지민/insights":[`+h("인사이트 나")+`]}} -->`,
	)
	rapid.Check(t, func(rt *rapid.T) {
		tpl := rapid.SampledFrom(templates).Draw(rt, "template")
		frags := rapid.SliceOfN(rapid.SampledFrom(frags), 0, 40).Draw(rt, "lines")
		prev := strings.Join(frags, "\n")
		w := makeWeek(tpl, 2, genSet{
			"박지민/insights":    {"인사이트 가", "인사이트 나"},
			"박지민/summary":     {"요약 문장"},
			"박지민/corrections": {"틀린 말|바른 말|"},
			"group/common":    {"공통 질문 가"},
		})
		out, err := Compose(prev, tpl, w)
		if err != nil {
			rt.Fatalf("compose: %v", err)
		}
		if _, err := Parse("out.md", out); err != nil {
			rt.Fatalf("output does not parse: %v\n%s", err, out)
		}
		if _, ok := ReadState(out); !ok {
			rt.Fatalf("no state:\n%s", out)
		}
		again, err := Compose(out, tpl, w)
		if err != nil {
			rt.Fatal(err)
		}
		if again != out {
			rt.Fatalf("not stable:\n%s\n---- again:\n%s", out, again)
		}
		// Without moim state everything in prev is a person's: each
		// person content line (outside comments) survives.
		if !strings.Contains(prev, "<!--") {
			for _, l := range []string{"문단 한 줄", "또 다른 문단", "- 항목", "* 별 항목", "1. 번호 항목", "| 가 | 나 | 다 |"} {
				if slices.Contains(frags, l) && !strings.Contains(out, l) {
					rt.Fatalf("lost %q:\n%s\n---- out:\n%s", l, prev, out)
				}
			}
		}
	})
}
