package pipeline

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// Kinds of document `moim generate --doc` writes.
const (
	DocInsights = "insights" // ai-insights.md
	DocSummary  = "summary"  // summary.md, the week's 통합 정리
)

// SummaryName is the summary's file name in each week folder.
const SummaryName = "summary.md"

// SummaryPath is where a week's summary goes, relative to the repository
// root: beside the week's insights document.
func SummaryPath(wk *workspace.Week) string {
	return path.Join(path.Dir(wk.Output), SummaryName)
}

// Summary is a week's summary document: where it goes, what is there
// now, and the template it follows.
type Summary struct {
	// OutPath is the absolute output path ("" for standard output); Prev
	// its current content ("" if none).
	OutPath string
	Prev    string
	// Template is the template that shapes the summary.
	Template *doc.SummaryTemplate
}

// LoadSummary reads the week's summary document and chooses its
// template: templatePath when given, else the week's own summary.md when
// it is still a template or moim wrote it, else the repository's summary
// template (templates/summary.md, template/summary.md, a
// summary-template.md), else the built-in one. out overrides the output
// path as for Load.
func (w *Week) LoadSummary(templatePath, out string) error {
	var err error
	s := &Summary{}
	s.OutPath, s.Prev, err = readOutput(w.WS, out, SummaryPath(w.Week))
	if err != nil {
		return err
	}
	switch {
	case templatePath != "":
		src, err := note.ReadFile(templatePath)
		if err != nil {
			return fmt.Errorf("template %s: cannot read it (%v); fix the path given with --template", templatePath, unwrapMsg(err))
		}
		s.Template = doc.ParseSummary(templatePath, src)
	case s.Prev != "" && doc.IsSummaryFillable(s.Prev):
		s.Template = doc.ParseSummary(rel(w.WS.Root, s.OutPath), s.Prev)
	default:
		s.Template = doc.BuiltinSummary()
		if p := SummaryTemplatePath(w.WS.Root); p != "" {
			if src, err := note.ReadFile(filepath.Join(w.WS.Root, filepath.FromSlash(p))); err == nil {
				s.Template = doc.ParseSummary(p, src)
			} else {
				w.Warnings = append(w.Warnings, fmt.Sprintf("%s: cannot read the summary template (%v); using the built-in one", p, unwrapMsg(err)))
			}
		}
	}
	w.Summary = s
	return nil
}

// summaryTemplateName matches the file names of summary templates.
var summaryTemplateName = regexp.MustCompile(`(?i)^(summary|통합[-_ ]?정리)([-_ .]?template)?\.md$|^(summary|통합[-_ ]?정리)[-_ ]?템플릿\.md$`)

// SummaryTemplatePath finds the repository's summary template, relative to
// root: a summary.md (or summary-template.md, 통합정리.md) in templates/ or
// template/, or a summary-template.md at the root; "" when there is none.
func SummaryTemplatePath(root string) string {
	for _, dir := range []string{"templates", "template", ".github", "."} {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !summaryTemplateName.MatchString(name) {
				continue
			}
			if dir == "." && !strings.Contains(strings.ToLower(name), "template") && !strings.Contains(name, "템플릿") {
				continue // a summary.md at the root is a document, not a template
			}
			return path.Join(dir, name)
		}
	}
	return ""
}

// Summarize runs the summary engine on the week and fills the file-level
// fields: title, paths, input hash, the header fields from the schedule.
func (w *Week) Summarize(ctx context.Context, e engine.Summarizer) (*insight.Summary, error) {
	if w.Summary == nil {
		if err := w.LoadSummary("", ""); err != nil {
			return nil, err
		}
	}
	in := w.Input()
	res, err := e.Summarize(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("week %d: summary: %w", w.Week.Number, err)
	}
	res.Number = w.Week.Number
	res.Track = w.Week.Track
	res.Title = w.Summary.Template.Title
	res.Dir = w.Week.Dir
	if w.Summary.OutPath != "" {
		res.Output = rel(w.WS.Root, w.Summary.OutPath)
	}
	res.InputHash = w.InputHash
	res.Fields = summaryFields(in)
	res.Warnings = append(res.Warnings, w.Warnings...)
	return res, nil
}

// summaryFields are the header fields of a week's summary, from the
// schedule row and the notes.
func summaryFields(in *engine.Input) map[string]string {
	f := map[string]string{doc.FieldWeek: strconv.Itoa(in.Week) + "주차"}
	if r := in.Schedule; r != nil {
		f[doc.FieldIntegrator] = r.Integrator
		f[doc.FieldDate] = r.Date
		f[doc.FieldChapters] = r.Chapters
		f[doc.FieldTopic] = r.Topic
		f[doc.FieldPresenter] = r.Presenter
	}
	var names []string
	for _, m := range in.Members {
		if m.Doc != nil {
			names = append(names, m.Member.Name)
		}
	}
	f[doc.FieldMembers] = strings.Join(names, ", ")
	for k, v := range f {
		if strings.TrimSpace(v) == "" {
			delete(f, k)
		}
	}
	return f
}

// SummaryDocument composes the summary with the week's current summary
// document, keeping every human edit.
func (w *Week) SummaryDocument(res *insight.Summary) (string, error) {
	out, err := doc.ComposeSummary(w.Summary.Prev, w.Summary.Template, res)
	if err != nil {
		return "", fmt.Errorf("%s: %w", res.Output, err)
	}
	return out, nil
}

// SummaryState reports whether the week's summary exists and was made
// from the notes as they are now (LoadSummary first): Missing (no file,
// or a template not filled yet), Stale, Fresh, or Handmade (written
// without moim: never overwritten, never checked).
func (w *Week) SummaryState() State {
	if w.Summary == nil {
		return Missing
	}
	return documentState(w.Summary.Prev, w.InputHash, doc.IsSummaryFillable)
}

// SummaryExists reports whether the week has a summary document on disk.
func SummaryExists(ws *workspace.Workspace, wk *workspace.Week) bool {
	st, err := os.Stat(filepath.Join(ws.Root, filepath.FromSlash(SummaryPath(wk))))
	return err == nil && st.Mode().IsRegular()
}

// chapterList returns the chapters a schedule row names ("3-4장"), with the
// title and section headings the repository's chapter summaries
// (chapterSummaries) give each.
func chapterList(summaries []*note.Document, row *workspace.ScheduleRow) []engine.Chapter {
	if row == nil || row.Chapters == "" {
		return nil
	}
	var out []engine.Chapter
	for _, n := range chapterNumbers(row.Chapters) {
		out = append(out, engine.Chapter{Number: n})
	}
	if len(out) == 0 {
		return nil
	}
	for _, d := range summaries {
		for i := range out {
			c := &out[i]
			if c.Title != "" {
				continue
			}
			level := 0
			for _, b := range d.Blocks {
				if b.Kind != note.KindHeading {
					continue
				}
				if level > 0 {
					if b.Level <= level {
						break
					}
					c.Sections = append(c.Sections, b.Text)
					continue
				}
				if chapterHeading([]string{b.Text}, []int{c.Number}) {
					level = b.Level
					c.Title = chapterTitle(b.Text)
					c.Source = insight.Source{File: d.Path, Line: b.Line, Quote: b.Text}
				}
			}
		}
	}
	return out
}

// chapterTitleRe removes a chapter heading's number: "3장. 평가 방법론",
// "Chapter 3: Evaluation".
var chapterTitleRe = regexp.MustCompile(`(?i)^\s*(?:(?:chapter|chap|ch)\.?\s*)?\d+\s*(?:장)?\s*[.:)\-–—]?\s*`)

func chapterTitle(h string) string {
	return strings.TrimSpace(chapterTitleRe.ReplaceAllString(h, ""))
}
