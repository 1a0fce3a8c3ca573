package pipeline

import (
	"context"
	"errors"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/par"
)

// weekGen runs a generate run's engines on its weeks, in one of two ways:
// planned, every week's analysis, engine and rendering on every core, for
// engines that work on this machine alone (engine.Local); or inTurn, one
// week at a time in week order with the analyses ahead, for the others
// (an LLM engine's requests keep their order and pace). Both hand every
// week's results to take in week order, insights before summary, so the
// warnings, the report and the documents are the same either way.
type weekGen struct {
	run        *Run
	eng        engine.Engine
	summarizer engine.Summarizer // nil unless the run writes summaries
}

// weekResult is one week's result: its insights or its summary, each with
// its rendered document when the run writes markdown.
type weekResult struct {
	insights   *insight.Week
	insightsMD string
	summary    *insight.Summary
	summaryMD  string
}

// local reports whether x is an engine that may run on several weeks at
// once (engine.Local).
func local(x any) bool {
	l, ok := x.(engine.Local)
	return ok && l.Local()
}

// Priorities of a planned run's tasks (lower first): a week's result as
// soon as its analyses are made, then the analyses in week order.
const (
	prioResult = iota
	prioAnalysis
)

// planned runs every week as one plan on every core (par.Plan): each
// week's analysis (Week.Input), in week order; the week's insights (the
// engine, then the document) as soon as the week and the next one, whose
// analysis the engine takes too, are analysed; its summary as soon as the
// week is analysed. So the engines of the last weeks run beside each other
// and beside the last analyses instead of one after another once every
// analysis is done. The results are taken in week order as they come: the
// first error in week order (a failed or panicking engine, a document
// that cannot be composed, ctx cancelled) ends the run once the weeks
// before it are taken, as when the weeks ran in turn, and no task starts
// after that.
func (g *weekGen) planned(ctx context.Context, weeks []*Week, take func(*Week, weekResult)) error {
	r := g.run
	ctx, cancel := context.WithCancel(ctx)
	var plan par.Plan
	inputs := make(map[*Week]*par.Task, len(weeks))
	for _, w := range weeks {
		inputs[w] = plan.Add(prioAnalysis, func() error {
			defer func() { _ = recover() }() // kept by Input, raised again in the week's engine under guard
			w.Input()
			return nil
		})
	}
	type slot struct {
		done chan struct{} // closed once res and err are set
		res  weekResult
		err  error
	}
	// add adds a task filling a new slot with build's result (under guard)
	// once the tasks of after are done. A failure is kept in the slot, not
	// returned to the plan: the weeks before it still finish, and the run
	// stops when it comes to it in week order.
	add := func(build func() (weekResult, error), after ...*par.Task) *slot {
		s := &slot{done: make(chan struct{})}
		plan.Add(prioResult, func() error {
			s.res, s.err = guard(ctx, build)
			close(s.done)
			return nil
		}, after...)
		return s
	}
	insights := make([]*slot, len(weeks))
	summaries := make([]*slot, len(weeks))
	for i, w := range weeks {
		if r.wants(DocInsights) {
			insights[i] = add(func() (weekResult, error) { return g.insights(ctx, w) }, inputs[w], inputs[w.next])
		}
		if g.summarizer != nil {
			summaries[i] = add(func() (weekResult, error) { return g.summary(ctx, w) }, inputs[w])
		}
	}

	finished := make(chan struct{})
	var planErr error
	go func() {
		defer close(finished)
		planErr = plan.Run(ctx)
	}()
	defer func() {
		cancel()
		<-finished // no task is left running once the run returns
	}()
	wait := func(s *slot) (weekResult, error) {
		select {
		case <-s.done:
			return s.res, s.err
		case <-finished:
		}
		select {
		case <-s.done:
			return s.res, s.err
		default:
		}
		if planErr != nil {
			return weekResult{}, planErr
		}
		if err := ctx.Err(); err != nil {
			return weekResult{}, err
		}
		return weekResult{}, errors.New("internal error: a week was not generated")
	}
	for i, w := range weeks {
		if r.Generating != nil {
			r.Generating(i+1, len(weeks), w.Week.Number, g.eng.Name())
		}
		for _, s := range []*slot{insights[i], summaries[i]} {
			if s == nil {
				continue
			}
			res, err := wait(s)
			if err != nil {
				return err
			}
			take(w, res)
		}
	}
	return nil
}

// inTurn runs the engines one week at a time, in week order, while the
// weeks are analysed ahead on all cores (analyseAhead). With beside, a
// week's summary is drafted on a goroutine of its own beside its insights;
// otherwise after them.
func (g *weekGen) inTurn(ctx context.Context, weeks []*Week, beside bool, take func(*Week, weekResult)) error {
	r := g.run
	// The analyses go ahead of the engines, in week order, one week per
	// core: the sequential end of one week's analysis (and the engine)
	// overlaps the members of the next. Week.Input makes each once,
	// whoever asks first.
	actx, stopAhead := context.WithCancel(ctx)
	defer stopAhead()
	ahead := analyseAhead(actx, weeks)
	for i, w := range weeks {
		if r.Generating != nil {
			r.Generating(i+1, len(weeks), w.Week.Number, g.eng.Name())
		}
		var summarized func() (weekResult, error)
		if g.summarizer != nil {
			summarized = later(ctx, beside, func() (weekResult, error) { return g.summary(ctx, w) })
		}
		if r.wants(DocInsights) {
			res, err := guard(ctx, func() (weekResult, error) { return g.insights(ctx, w) })
			if err != nil {
				return err
			}
			take(w, res)
		}
		if summarized != nil {
			res, err := summarized()
			if err != nil {
				return err
			}
			take(w, res)
		}
	}
	<-ahead // done: every week's analysis was needed
	return nil
}

// insights runs the engine on w and renders its document when the run
// writes markdown.
func (g *weekGen) insights(ctx context.Context, w *Week) (weekResult, error) {
	res, err := w.Generate(ctx, g.eng)
	if err != nil {
		return weekResult{}, err
	}
	out := weekResult{insights: res}
	if g.run.Format == FormatMarkdown {
		if out.insightsMD, err = w.Document(res); err != nil {
			return weekResult{}, err
		}
	}
	return out, nil
}

// summary drafts w's summary and renders its document when the run writes
// markdown.
func (g *weekGen) summary(ctx context.Context, w *Week) (weekResult, error) {
	res, err := w.Summarize(ctx, g.summarizer)
	if err != nil {
		return weekResult{}, err
	}
	out := weekResult{summary: res}
	if g.run.Format == FormatMarkdown {
		if out.summaryMD, err = w.SummaryDocument(res); err != nil {
			return weekResult{}, err
		}
	}
	return out, nil
}

// analyseAhead analyses the weeks (Week.Input) on all cores, taking the
// weeks in order, and closes the channel it returns once every week is
// done or ctx is cancelled. A panic is kept by Input and raised again in
// whoever asks for the week's input.
func analyseAhead(ctx context.Context, weeks []*Week) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		par.Each(len(weeks), func(i int) {
			if ctx.Err() != nil {
				return
			}
			defer func() { _ = recover() }() // raised again by Input in guard
			weeks[i].Input()
		})
	}()
	return done
}

// later returns a function that gives run's result (under guard): with
// now, run starts at once on a goroutine of its own and the function waits
// for it; otherwise run runs when the function is called. Either way run
// never waits for a worker of another job, so nothing blocks on a pool it
// is part of.
func later[T any](ctx context.Context, now bool, run func() (T, error)) func() (T, error) {
	if !now {
		return func() (T, error) { return guard(ctx, run) }
	}
	type result struct {
		res T
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := guard(ctx, run)
		done <- result{res, err}
	}()
	return func() (T, error) {
		r := <-done
		return r.res, r.err
	}
}

// draftsSummaries reports whether the insights engine e drafts summaries
// too (the LLM engines: Run.Summarizer then gives e itself).
func draftsSummaries(e engine.Engine) bool {
	_, ok := e.(engine.Summarizer)
	return ok
}
