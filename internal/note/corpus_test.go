package note

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
)

// TestCorpus parses the real study notes when the corpus is present:
// every note must decode, keep the invariants, and give clean sentences.
func TestCorpus(t *testing.T) {
	// The reference corpus beside the repository: data for evaluation
	// only, never copied into the project.
	corpusDir := testutil.Corpus(t, "ai-engineering-study/weeks")
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "study-note-*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no notes in %s: %v", corpusDir, err)
	}
	styles := map[Style]int{}
	for _, f := range files {
		s, err := ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := Parse(f, s)
		checkInvariants(t, d)
		// Line accuracy: the sentence's first word is on its line (bold
		// markers aside) for nearly every sentence.
		lines := strings.Split(s, "\n")
		hit := 0
		for _, se := range d.Sentences {
			word := trimKey(strings.Fields(se.Text)[0])
			if strings.Contains(strings.ReplaceAll(lines[se.Line-1], "*", ""), word) {
				hit++
			}
		}
		if hit*100 < len(d.Sentences)*97 {
			t.Errorf("%s: only %d of %d sentences start on their line", f, hit, len(d.Sentences))
		}
		styles[d.Style]++
		if len(d.Sentences) < 50 {
			t.Errorf("%s: only %d sentences", f, len(d.Sentences))
		}
		for _, se := range d.Sentences {
			for _, bad := range []string{"](", "http", "&nbsp;", "**", "</", "\u00a0"} {
				if strings.Contains(se.Text, bad) {
					t.Errorf("%s:%d: sentence %q contains %q", f, se.Line, se.Text, bad)
				}
			}
		}
	}
	// The corpus has plain markdown, Notion exports and blog HTML notes.
	for _, st := range []Style{StyleMarkdown, StyleNotion, StyleHTML} {
		if styles[st] == 0 {
			t.Errorf("no %s note detected in the corpus: %v", st, styles)
		}
	}
}
