package web

import (
	"context"
	"html/template"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// The note page (templates/note.html): a note, an insights document or a
// week's group document, rendered for reading (see render.go) or as
// numbered source lines (the raw view).

type notePage struct {
	Path   string
	Member string
	Slug   string
	Week   int
	// Kind is "note", "insights", or a week document kind (docSummary,
	// docPresentation); Label says it in the page's words.
	Kind, Label string
	Target      int
	// Raw is the numbered view: Numbered. Otherwise Rendered.
	Raw      bool
	Numbered template.HTML
	Rendered template.HTML
	Count    int // lines in the file
	Error    string
}

func (s *Site) notePage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	q := r.URL.Query()
	line := 0
	if v := q.Get("line"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, &httpError{code: http.StatusBadRequest, msg: "line은 양의 정수여야 합니다."}
		}
		line = n
	}
	return s.buildNote(snap, l, q.Get("path"), line, q.Get("view") == "raw")
}

// buildNote shows a file of the repository, only if it is one of the
// notes, insights documents or group documents the workspace found: any
// other path, however spelt, is not found.
func (s *Site) buildNote(snap *snapshot, l linker, p string, line int, raw bool) (*view, error) {
	f, ok := snap.files[p]
	if !ok {
		return nil, notFound("노트 또는 인사이트 문서가 아닌 경로입니다.")
	}
	np := &notePage{Path: p, Target: line, Kind: "insights", Label: "인사이트 문서", Raw: raw}
	for _, wd := range snap.weeks {
		if wd.wk.Output == p {
			np.Week = wd.wk.Number
		}
		for _, rel := range wd.wk.Extra {
			if rel != p {
				continue
			}
			if k := weekDocKind(rel); k != "" {
				np.Week, np.Kind = wd.wk.Number, k
				np.Label = map[string]string{docSummary: "통합 정리", docPresentation: "발표 자료"}[k]
			}
		}
		for _, nf := range wd.wk.Notes {
			for _, q := range nf.Paths() {
				if q == p {
					np.Week, np.Member, np.Kind, np.Label = wd.wk.Number, nf.Member, "note", "노트"
					np.Slug = snap.slugFor(nf.Member)
				}
			}
		}
	}
	lines, err := f.lines()
	if err != nil {
		np.Error = err.Error()
	}
	np.Count = len(lines)
	if raw || err != nil {
		np.Raw = true
		np.Numbered = f.numbered(lines, line)
	} else if r, err := snap.rendered(f, l); err == nil {
		np.Rendered = r.HTML
	}
	return newView(snap, l, "note", path.Base(p), "note", np), nil
}

// numbered returns the file's lines as the numbered view draws them, each
// with its anchor and the target line marked: built once per file, the
// target marked per request.
func (f *fileEntry) numbered(lines []string, target int) template.HTML {
	f.numOnce.Do(func() {
		var b strings.Builder
		for i, t := range lines {
			n := strconv.Itoa(i + 1)
			b.WriteString(`<span class="ln" id="L` + n + `"><a class="n" href="#L` + n + `">` + n + `</a>`)
			b.WriteString(template.HTMLEscapeString(t))
			b.WriteString("</span>")
		}
		f.num = b.String()
	})
	if target < 1 || target > len(lines) {
		return template.HTML(f.num)
	}
	n := strconv.Itoa(target)
	return template.HTML(strings.Replace(f.num, `<span class="ln" id="L`+n+`">`, `<span class="ln hit" id="L`+n+`">`, 1))
}
