package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/workspace"
)

// The week page (templates/week.html): the week's document or draft
// (see document.go), its sources and the concept heatmap.

type weekPage struct {
	Number       int
	Title        string
	Schedule     *workspace.ScheduleRow
	Status       string
	Output       string
	OutputExists bool
	Prev, Next   int
	// Shown is what the blocks show: shownDocument (the stored document)
	// or shownDraft (the offline engine's result for the notes as they are).
	Shown string
	// Note says which one is shown, and why.
	Note     string
	Blocks   []memberBlock
	Heatmap  *heatmap
	Warnings []string
	// Docs are the week's 통합 정리 and presentation.
	Docs []weekDoc
}

// What a week page shows.
const (
	shownDocument = "document"
	shownDraft    = "draft"
)

// memberBlock is one H2 block of the week: a member's, the group's
// (Group set) or, on a stored document, a block a person added.
type memberBlock struct {
	Name, Heading, Slug string
	Group               bool
	Note, Style         string
	Submitted           bool
	Notice              string
	Intro               []partView
	Sections            []sectionView
}

func (s *Site) weekPage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil {
		return nil, notFound("%q는 주차 번호가 아닙니다.", r.PathValue("n"))
	}
	return s.buildWeek(ctx, snap, l, n)
}

func (s *Site) buildWeek(ctx context.Context, snap *snapshot, l linker, n int) (*view, error) {
	wd := snap.week(n)
	if wd == nil {
		return nil, notFound("%d주차가 없습니다.", n)
	}
	// Besides the study, the page shows the group documents' states.
	docs := snap.weekDocs(wd)
	key := fmt.Sprintf("week|%d|%t|", n, l.static)
	for _, d := range docs {
		key += d.Path + ":" + d.State + ";"
	}
	key += "|" + snap.title
	if v, ok := s.cachedView(snap, l, key); ok {
		return v, nil
	}
	a, err := wd.analyse(ctx)
	if err != nil {
		return nil, fmt.Errorf("%d주차를 분석하지 못했습니다: %w", n, err)
	}
	res := a.res
	p := &weekPage{Number: n, Title: res.Title, Schedule: snap.ws.ScheduleFor(n), Status: wd.status,
		Output: wd.wk.Output, Warnings: res.Warnings}
	_, p.OutputExists = snap.files[wd.wk.Output]
	for i, w := range snap.weeks {
		if w != wd {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if len(snap.weeks[j].wk.Notes) > 0 {
				p.Prev = snap.weeks[j].wk.Number
				break
			}
		}
		for j := i + 1; j < len(snap.weeks); j++ {
			if len(snap.weeks[j].wk.Notes) > 0 {
				p.Next = snap.weeks[j].wk.Number
				break
			}
		}
	}
	if st, ok := doc.ReadState(wd.pw.Prev); ok && wd.status == StatusFresh {
		snap.storedWeek(p, res, wd.pw.Prev, st)
	} else {
		snap.draftWeek(p, res, wd.pw.Template.GroupHeading)
		p.Note = draftNote(wd.status, p.OutputExists)
	}
	submitted := map[string]bool{}
	for _, m := range res.Members {
		submitted[m.Name] = m.Submitted
	}
	var cols []memberRef
	for _, m := range snap.memberRefs() {
		if submitted[m.Name] {
			cols = append(cols, m)
		}
	}
	p.Heatmap = newHeatmap(a.aw.Concepts, cols)
	p.Docs = docs
	v := newView(snap, l, "week", p.Title, fmt.Sprintf("week-%d", n), p)
	v.cacheKey = key
	return v, nil
}
