package pipeline

import (
	"path/filepath"
	"runtime"
	"sync"
	"weak"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/par"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// backgrounds holds each open workspace's background. It is keyed by a weak
// pointer and the entry is dropped when the workspace is collected, so a
// long-running serve that opens the repository again after every change
// does not keep the background of every workspace it ever opened.
var backgrounds sync.Map // weak.Pointer[workspace.Workspace] → *background

// background is a workspace's study background, made once.
type background struct {
	once sync.Once
	b    *text.Background
}

// studyBackground returns the word background of the study (see
// text.Background), read once per workspace from every week's notes, so
// that every week of a run, and every run over the same notes, judges a
// term's spread the same way. Callers that ask at the same time wait for
// one reading.
func studyBackground(ws *workspace.Workspace) *text.Background {
	key := weak.Make(ws)
	v, loaded := backgrounds.LoadOrStore(key, &background{})
	if !loaded {
		runtime.AddCleanup(ws, func(k weak.Pointer[workspace.Workspace]) { backgrounds.Delete(k) }, key)
	}
	bg := v.(*background)
	bg.once.Do(func() { bg.b = readBackground(ws) })
	return bg.b
}

// readBackground reads the first file of every note of every week, the
// weeks on all cores, and builds the study's background from them.
func readBackground(ws *workspace.Workspace) *text.Background {
	srcs := make([][]string, len(ws.Weeks))
	par.Each(len(ws.Weeks), func(i int) {
		for _, nf := range ws.Weeks[i].Notes {
			src, err := note.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(nf.Path)))
			if err != nil {
				continue
			}
			if head, cut := truncateNote(src, MaxNoteBytes); cut {
				src = head
			}
			srcs[i] = append(srcs[i], src)
		}
	})
	texts := map[int][]string{}
	for i, wk := range ws.Weeks {
		if len(srcs[i]) > 0 {
			texts[wk.Number] = append(texts[wk.Number], srcs[i]...)
		}
	}
	return text.NewBackground(texts)
}
