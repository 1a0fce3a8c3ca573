package doc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// benchWeek is a full-size week: four members, every section of the
// extended template with five bullets (or rows) of about 80 characters.
func benchWeek(tpl *Template, variant int) *insight.Week {
	w := &insight.Week{Number: 5, Title: tpl.TitleFor(5), Engine: "offline", InputHash: "sha256:bench"}
	line := strings.Repeat("스트리밍 처리와 배치 처리의 차이를 정리한 문장 ", 3)
	mk := func(spec SectionSpec, who string) insight.Section {
		s := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: spec.Kind}
		for i := range 5 {
			txt := fmt.Sprintf("%s %s %d-%d", who, line, variant, i)
			if spec.Kind == insight.KindTable {
				s.Rows = append(s.Rows, insight.Row{Written: txt, Correction: txt, Remark: "비고"})
				continue
			}
			s.Bullets = append(s.Bullets, insight.Bullet{Head: "개념", Text: txt, Sources: []insight.Source{{File: "n.md", Line: i + 1}}})
		}
		return s
	}
	for _, name := range []string{"박지민", "최유나", "한서준", "오다온"} {
		m := insight.Member{Name: name, Submitted: true}
		for _, spec := range tpl.MemberSections {
			m.Sections = append(m.Sections, mk(spec, name))
		}
		w.Members = append(w.Members, m)
	}
	for _, spec := range tpl.GroupSections {
		w.Group = append(w.Group, mk(spec, "모두"))
	}
	return w
}

func BenchmarkRender(b *testing.B) {
	tpl := mustParse(b, "extended.md")
	w := benchWeek(tpl, 0)
	b.ReportAllocs()
	for b.Loop() {
		_ = Render(tpl, w)
	}
}

func BenchmarkCompose(b *testing.B) {
	tpl := mustParse(b, "extended.md")
	prev := Render(tpl, benchWeek(tpl, 0))
	prev = strings.Replace(prev, "### 공통 질문\n", "### 공통 질문\n- 사람이 더한 질문\n", 1)
	w := benchWeek(tpl, 1) // every generated item changes
	b.SetBytes(int64(len(prev)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(prev, tpl, w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	src := Render(mustParse(b, "extended.md"), benchWeek(mustParse(b, "extended.md"), 0))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
