package web

import (
	"context"
	"net/http"
	"path"
	"strconv"
)

// The note page (templates/note.html): a note or insights document with
// numbered lines.

type notePage struct {
	Path   string
	Member string
	Slug   string
	Week   int
	Kind   string // "note" or "insights"
	Target int
	Lines  []lineView
	Error  string
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
	return s.buildNote(snap, l, q.Get("path"), line)
}

// buildNote shows a file of the repository, only if it is one of the
// notes or insights documents the workspace found: any other path, however
// spelt, is not found.
func (s *Site) buildNote(snap *snapshot, l linker, p string, line int) (*view, error) {
	f, ok := snap.files[p]
	if !ok {
		return nil, notFound("노트 또는 인사이트 문서가 아닌 경로입니다.")
	}
	np := &notePage{Path: p, Target: line, Kind: "insights"}
	for _, wd := range snap.weeks {
		if wd.wk.Output == p {
			np.Week = wd.wk.Number
		}
		for _, nf := range wd.wk.Notes {
			for _, q := range nf.Paths() {
				if q == p {
					np.Week, np.Member, np.Kind = wd.wk.Number, nf.Member, "note"
					np.Slug = snap.slugFor(nf.Member)
				}
			}
		}
	}
	lines, err := f.lines()
	if err != nil {
		np.Error = err.Error()
	}
	for i, t := range lines {
		np.Lines = append(np.Lines, lineView{N: i + 1, Text: t, Hit: i+1 == line})
	}
	return newView(snap, l, "note", path.Base(p), "note", np), nil
}
