package cli

import (
	"fmt"
	"sync"

	"github.com/moim-study/moim/internal/progress"
)

// genProgress keeps generate's status line: which week of how many, and
// for LLM engines how many requests are answered. It draws only when
// stderr is a terminal (see package progress).
type genProgress struct {
	line *progress.Line

	mu                    sync.Mutex
	i, n, week            int
	engine                string
	done, started, cached int
}

func newGenProgress(s *IO) *genProgress { return &genProgress{line: s.Progress} }

// weekStarts shows that week (the i-th of n, from 1) is being generated.
func (p *genProgress) weekStarts(i, n, week int, engine string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.i, p.n, p.week, p.engine = i, n, week, engine
	p.done, p.started, p.cached = 0, 0, 0
	p.line.Set(p.text())
}

// Request counts an LLM request that started (done false) or ended (done
// true; cached when its answer came from the cache). It implements
// llm.RequestObserver.
func (p *genProgress) Request(done, cached bool) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if done {
		p.done++
		if cached {
			p.cached++
		}
	} else {
		p.started++
	}
	p.line.Set(p.text())
}

func (p *genProgress) text() string {
	t := fmt.Sprintf("moim: week %d (%d/%d): generating with %s", p.week, p.i, p.n, p.engine)
	if p.started > 0 {
		t += fmt.Sprintf(", %d of %d LLM requests done", p.done, p.started)
		if p.cached > 0 {
			t += fmt.Sprintf(" (%d cached)", p.cached)
		}
	}
	return t + " …"
}

// finish removes the status line.
func (p *genProgress) finish() {
	if p != nil {
		p.line.Clear()
	}
}
