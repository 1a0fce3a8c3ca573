package doc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/testutil"
)

// corpusFiles returns the files of the reference corpus beside the
// repository that match pattern; tests using it are skipped when it is
// absent, and fail in CI.
func corpusFiles(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testutil.Corpus(t, ""), filepath.FromSlash(pattern)))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files match %s: %v", pattern, err)
	}
	return files
}

func TestCorpusTemplates(t *testing.T) {
	for _, f := range corpusFiles(t, "templates/*.md") {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tpl, err := Parse(f, string(src))
		if err != nil {
			t.Fatal(err)
		}
		if !IsFillable(string(src)) {
			t.Errorf("%s: template not fillable", f)
		}
		keys := map[string]bool{}
		for _, s := range tpl.MemberSections {
			keys[s.Key] = true
			if s.Hint == "" {
				t.Errorf("%s: %q has no hint", f, s.Heading)
			}
		}
		for _, k := range []string{insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy} {
			if !keys[k] {
				t.Errorf("%s: no %s section", f, k)
			}
		}
		if len(tpl.GroupSections) != 3 || len(tpl.MemberHeadings) != 4 {
			t.Errorf("%s: %d group sections, %d members", f, len(tpl.GroupSections), len(tpl.MemberHeadings))
		}
		if strings.Contains(filepath.Base(f), "corrections") && !keys[insight.KeyCorrections] {
			t.Errorf("%s: no corrections table", f)
		}
	}
}

func TestCorpusFilledDocuments(t *testing.T) {
	for _, f := range corpusFiles(t, "ai-engineering-study/weeks/*/ai-insights.md") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		tpl, err := Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		if len(tpl.MemberSections) < 4 || len(tpl.GroupSections) != 3 {
			t.Errorf("%s: %d member / %d group sections", f, len(tpl.MemberSections), len(tpl.GroupSections))
		}
		if IsFillable(src) {
			t.Errorf("%s: a hand-written document must not be fillable", f)
		}
		// Composing over it anyway keeps every non-blank line once.
		w := makeWeek(tpl, 1, genSet{"group/common": {"moim이 만든 질문"}})
		// The week's members are the document's own.
		var members []insight.Member
		for i, h := range tpl.MemberHeadings {
			m := w.Members[i%len(w.Members)]
			m.Name = memberName(h)
			m.Roman = strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(h, m.Name)), ")")
			m.Roman = strings.TrimPrefix(strings.TrimSpace(m.Roman), "(")
			members = append(members, m)
		}
		w.Members = members
		out := mustCompose(t, src, tpl, w)
		for _, l := range strings.Split(normalizeSource(src), "\n") {
			l = trimRight(l)
			if l == "" || l == "---" || strings.HasPrefix(l, "#") {
				continue
			}
			if !strings.Contains(out, l) {
				t.Errorf("%s: lost line %q", f, l)
			}
		}
		if again := mustCompose(t, out, tpl, w); again != out {
			t.Errorf("%s: compose not stable", f)
		}
		if countLines(out, "- moim이 만든 질문") != 1 || len(strings.Split(out, "\n## ")) != len(strings.Split(normalizeSource(src), "\n## ")) {
			t.Errorf("%s: unexpected structure:\n%s", f, out)
		}
	}
}
