package pipeline

import (
	"path/filepath"
	"sync"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

var backgrounds sync.Map // *workspace.Workspace → *text.Background

// studyBackground returns the word background of the study (see
// text.Background), read once per workspace from every week's notes, so
// that every week of a run, and every run over the same notes, judges a
// term's spread the same way.
func studyBackground(ws *workspace.Workspace) *text.Background {
	if b, ok := backgrounds.Load(ws); ok {
		return b.(*text.Background)
	}
	texts := map[int][]string{}
	for _, wk := range ws.Weeks {
		for _, nf := range wk.Notes {
			src, err := note.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(nf.Path)))
			if err != nil {
				continue
			}
			if head, cut := truncateNote(src, MaxNoteBytes); cut {
				src = head
			}
			texts[wk.Number] = append(texts[wk.Number], src)
		}
	}
	b := text.NewBackground(texts)
	actual, _ := backgrounds.LoadOrStore(ws, b)
	return actual.(*text.Background)
}
