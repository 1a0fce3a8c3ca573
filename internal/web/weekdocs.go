package web

import (
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A week has, besides the members' notes and the insights document, the
// group's 통합 정리 (summary.md, written by the schedule's 통합 정리자) and
// the presentation (presentation.md, by the 발표자). The pages show each
// with its state and the person the schedule names.

// Kinds of week documents.
const (
	docSummary      = "summary"
	docPresentation = "presentation"
)

// States of a week document.
const (
	wdWritten  = "written"  // has content
	wdTemplate = "template" // only the template's headings and labels
	wdMissing  = "missing"  // no file
)

// weekDoc is one of a week's group documents.
type weekDoc struct {
	Kind  string
	Label string // 통합 정리, 발표 자료
	Role  string // 통합 정리자, 발표자
	// Path is the file's repository path, or where it would be.
	Path   string
	State  string
	Person string // from the schedule
	Size   string
}

// weekDocKind tells which group document a file of a week folder is, ""
// for none: summary.md / presentation.md (any case, a doubled .md, NFD
// names), or their Korean names.
func weekDocKind(rel string) string {
	name := strings.ToLower(norm.NFC.String(path.Base(rel)))
	for strings.HasSuffix(name, ".md") {
		name = strings.TrimSuffix(name, ".md")
	}
	name = strings.NewReplacer(" ", "", "_", "", "-", "").Replace(name)
	switch name {
	case "summary", "통합정리":
		return docSummary
	case "presentation", "발표자료", "발표":
		return docPresentation
	}
	return ""
}

var (
	reLabelLine = regexp.MustCompile(`^\s*(?:[-*]\s+)?(?:\*\*|__)?([^:*_]{1,20}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?(.*)$`)
	reSkeleton  = regexp.MustCompile(`^[\s|:\-*_=#>+]*$`)
	reComment   = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// docState says whether a group document has content: a line that is not
// a heading, a rule, a comment, an empty list item or table row, or a
// short label with its value ("**정리자**: 정하늘", "날짜:") — what the
// templates hold before anyone writes. It is the one place that decides
// the state; a document moim drafts may get a state of its own here.
func docState(exists bool, text string) string {
	if !exists {
		return wdMissing
	}
	for _, line := range strings.Split(reComment.ReplaceAllString(text, ""), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") || reSkeleton.MatchString(t) {
			continue
		}
		if m := reLabelLine.FindStringSubmatch(t); m != nil && utf8.RuneCountInString(m[1]) <= 12 && utf8.RuneCountInString(m[2]) <= 40 {
			continue
		}
		return wdWritten
	}
	return wdTemplate
}

// weekDocs returns the week's 통합 정리 and presentation.
func (snap *snapshot) weekDocs(wd *weekData) []weekDoc {
	sr := snap.ws.ScheduleFor(wd.wk.Number)
	out := []weekDoc{
		{Kind: docSummary, Label: "통합 정리", Role: "통합 정리자", Path: path.Join(wd.wk.Dir, "summary.md"), State: wdMissing},
		{Kind: docPresentation, Label: "발표 자료", Role: "발표자", Path: path.Join(wd.wk.Dir, "presentation.md"), State: wdMissing},
	}
	if sr != nil {
		out[0].Person, out[1].Person = sr.Integrator, sr.Presenter
	}
	if wd.wk.Dir == "" {
		out[0].Path, out[1].Path = "", "" // no week folder to hold them
	}
	for _, rel := range wd.wk.Extra {
		kind := weekDocKind(rel)
		for i := range out {
			if out[i].Kind != kind || out[i].State != wdMissing {
				continue
			}
			f, ok := snap.files[rel]
			if !ok {
				continue
			}
			lines, err := f.lines()
			out[i].Path = rel
			out[i].State = docState(err == nil, strings.Join(lines, "\n"))
			out[i].Size = sizeLabel(len(f.raw))
		}
	}
	return out
}

// docStateLabel is a week document state in the pages' words.
func docStateLabel(s string) string {
	switch s {
	case wdWritten:
		return "작성됨"
	case wdTemplate:
		return "빈 템플릿"
	}
	return "없음"
}
