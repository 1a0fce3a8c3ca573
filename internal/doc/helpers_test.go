package doc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// genSet describes generated content for a week: "<member>/<key>" (or
// "group/<key>") → bullet texts; table sections get rows "written|correction|remark".
type genSet map[string][]string

var testMembers = []insight.Member{
	{Name: "박지민", Roman: "Park Ji-Min"},
	{Name: "최유나", Roman: "Choi Yu-Na"},
}

// makeWeek builds a week along template t from a genSet.
func makeWeek(t *Template, n int, g genSet) *insight.Week {
	w := &insight.Week{Number: n, Title: t.TitleFor(n), Engine: "offline", InputHash: "sha256:abc123"}
	mk := func(prefix string, spec SectionSpec) insight.Section {
		s := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: spec.Kind}
		for _, txt := range g[prefix+"/"+spec.Key] {
			if spec.Kind == insight.KindTable {
				c := strings.Split(txt, "|")
				for len(c) < 3 {
					c = append(c, "")
				}
				s.Rows = append(s.Rows, insight.Row{Written: c[0], Correction: c[1], Remark: c[2], Engine: "offline"})
				continue
			}
			s.Bullets = append(s.Bullets, insight.Bullet{Text: txt, Engine: "offline",
				Sources: []insight.Source{{File: "week01/note.md", Line: 1}}})
		}
		if n, ok := g[prefix+"/"+spec.Key+"!notice"]; ok {
			s.Notice = n[0]
		}
		return s
	}
	for _, m := range testMembers {
		m.Submitted = true
		for _, spec := range t.MemberSections {
			m.Sections = append(m.Sections, mk(m.Name, spec))
		}
		w.Members = append(w.Members, m)
	}
	for _, spec := range t.GroupSections {
		w.Group = append(w.Group, mk("group", spec))
	}
	return w
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustParse(t testing.TB, name string) *Template {
	t.Helper()
	tpl, err := Parse(name, readFixture(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

func mustCompose(t testing.TB, prev string, tpl *Template, w *insight.Week) string {
	t.Helper()
	out, err := Compose(prev, tpl, w)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// countLines counts the lines of doc equal to line.
func countLines(doc, line string) int {
	n := 0
	for _, l := range strings.Split(doc, "\n") {
		if l == line {
			n++
		}
	}
	return n
}

// sectionLines returns the lines of the section with the given heading in
// the n-th block (0-based) whose heading starts with blockPrefix.
func sectionLines(doc, blockPrefix, heading string) []string {
	var out []string
	inBlock, inSec := false, false
	for _, l := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(l, "## "):
			inBlock = strings.HasPrefix(l, "## "+blockPrefix)
			inSec = false
		case strings.HasPrefix(l, "### "):
			inSec = inBlock && l == "### "+heading
		case l == "---" || strings.HasPrefix(l, "<!-- moim:state"):
			inSec = false
		default:
			if inSec && l != "" && !strings.HasPrefix(l, "<!--") {
				out = append(out, l)
			}
		}
	}
	return out
}
