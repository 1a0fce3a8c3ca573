package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// summaryFile matches the names of chapter-summary files at the repository
// root: chapter-summaries-ko.md, chapter_summary.md, 챕터요약.md ...
var summaryFile = regexp.MustCompile(`(?i)^(chapter|챕터|장별).*(summar|요약).*\.md$|^(summar|요약).*(chapter|챕터).*\.md$`)

// chapterNumbers reads the chapters of a schedule cell: "5장" → [5],
// "8-9.1장" → [8 9], "Ch. 3, 4" → [3 4].
var reNum = regexp.MustCompile(`\d+`)

func chapterNumbers(cell string) []int {
	var out []int
	parts := strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == '~' || r == '-' || r == '–' || r == '+' || r == '/' })
	for _, p := range parts {
		if m := reNum.FindString(p); m != "" {
			n, _ := strconv.Atoi(m)
			out = append(out, n)
		}
	}
	if len(out) == 2 && out[1] > out[0] && out[1]-out[0] < 20 {
		for n := out[0] + 1; n < out[1]; n++ {
			out = append(out, n)
		}
	}
	return out
}

// chapterMaterial returns, from the repository's chapter summaries
// (chapterSummaries), the parts about the chapters of the given schedule
// row, as parsed notes whose sentences are only those under the matching
// chapter headings.
func chapterMaterial(summaries []*note.Document, row *workspace.ScheduleRow) []*note.Document {
	if row == nil || row.Chapters == "" {
		return nil
	}
	chapters := chapterNumbers(row.Chapters)
	if len(chapters) == 0 {
		return nil
	}
	var out []*note.Document
	for _, doc := range summaries {
		part := &note.Document{Path: doc.Path, Style: doc.Style}
		for _, s := range doc.Sentences {
			if len(s.Path) > 0 && chapterHeading(s.Path, chapters) {
				part.Sentences = append(part.Sentences, s)
			}
		}
		if len(part.Sentences) > 0 {
			out = append(out, part)
		}
	}
	return out
}

// chapterSummaries parses the repository's chapter-summary files (see
// summaryFile); unreadable ones are left out.
func chapterSummaries(ws *workspace.Workspace) []*note.Document {
	entries, err := os.ReadDir(ws.Root)
	if err != nil {
		return nil
	}
	var out []*note.Document
	for _, e := range entries {
		if e.IsDir() || !summaryFile.MatchString(e.Name()) {
			continue
		}
		if src, err := note.ReadFile(filepath.Join(ws.Root, e.Name())); err == nil {
			out = append(out, parseNote(e.Name(), src))
		}
	}
	return out
}

// chapterHeading reports whether a heading path is about one of the
// chapters: "5장. 프롬프트 엔지니어링", "Chapter 5", "Ch 5".
func chapterHeading(path []string, chapters []int) bool {
	for _, h := range path {
		h = strings.TrimSpace(strings.TrimLeft(h, "#"))
		lower := strings.ToLower(h)
		for _, prefix := range []string{"chapter", "ch.", "ch"} {
			lower = strings.TrimSpace(strings.TrimPrefix(lower, prefix))
		}
		m := reNum.FindStringIndex(lower)
		if m == nil || m[0] != 0 {
			continue
		}
		n, _ := strconv.Atoi(lower[m[0]:m[1]])
		rest := lower[m[1]:]
		if !(strings.HasPrefix(rest, "장") || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ":") || rest == "") {
			continue
		}
		for _, c := range chapters {
			if c == n {
				return true
			}
		}
	}
	return false
}
