package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/moim-study/moim/internal/workspace"
)

// The overview page (templates/overview.html): weeks × members, the
// documents' states and the schedule.

type overviewPage struct {
	Members  []memberRef
	Rows     []weekRow
	Schedule []scheduleRow
	Layout   string
	Warnings []string
}

type weekRow struct {
	Number    int
	Topic     string
	HasNotes  bool
	Cells     []gridCell
	Status    string
	Output    string // path of the insights document when it exists
	Submitted int
	Error     string
	// Docs are the week's 통합 정리 and presentation.
	Docs []weekDoc
}

type gridCell struct {
	Member    string
	Submitted bool
	Path      string
	Size      string
	Style     string
}

type scheduleRow struct {
	workspace.ScheduleRow
	HasWeek bool
}

func (s *Site) overview(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	p := &overviewPage{Members: snap.memberRefs(), Layout: snap.ws.Layout}
	hasWeek := map[int]bool{}
	for _, wd := range snap.weeks {
		wk := wd.wk
		hasWeek[wk.Number] = len(wk.Notes) > 0
		row := weekRow{Number: wk.Number, HasNotes: len(wk.Notes) > 0, Status: wd.status}
		if sr := snap.ws.ScheduleFor(wk.Number); sr != nil {
			row.Topic = strings.TrimSpace(strings.Join(nonEmpty(sr.Chapters, sr.Topic), " · "))
		}
		if wd.err != nil {
			row.Error = wd.err.Error()
		}
		if _, ok := snap.files[wk.Output]; ok {
			row.Output = wk.Output
		}
		row.Docs = snap.weekDocs(wd)
		for _, m := range p.Members {
			c := gridCell{Member: m.Name}
			for _, nf := range wk.Notes {
				if nf.Member != m.Name {
					continue
				}
				c.Submitted = true
				c.Path = nf.Path
				size := 0
				for _, q := range nf.Paths() {
					if f, ok := snap.files[q]; ok {
						size += len(f.raw)
					}
				}
				if size > 0 {
					c.Size = sizeLabel(size)
				}
				if wd.pw != nil {
					if d := wd.pw.Docs[m.Name]; d != nil {
						c.Style = string(d.Style)
					}
				}
				break
			}
			if c.Submitted {
				row.Submitted++
			}
			row.Cells = append(row.Cells, c)
		}
		p.Rows = append(p.Rows, row)
	}
	for _, sr := range snap.ws.Schedule {
		p.Schedule = append(p.Schedule, scheduleRow{ScheduleRow: sr, HasWeek: hasWeek[sr.Week]})
	}
	for _, w := range snap.ws.Warnings {
		p.Warnings = append(p.Warnings, w.String())
	}
	return newView(snap, l, "overview", "스터디 개요", "home", p), nil
}
