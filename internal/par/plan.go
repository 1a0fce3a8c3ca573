package par

import (
	"context"
	"runtime"
	"sync"
)

// Plan is a set of tasks that may wait for one another, run on all cores:
// GOMAXPROCS workers each take, whenever they are free, the ready task (one
// whose tasks to wait for are done) of the lowest priority number, the
// earliest added among equals. Work that has something to wait for (a
// week's result that needs the next week's analysis) then no longer holds
// a core idle while other work is ready.
//
// Add every task before Run; a Plan runs once.
type Plan struct {
	tasks []*Task
}

// Task is one piece of work of a Plan.
type Task struct {
	run     func() error
	prio    int
	seq     int
	pending int     // tasks to wait for that are not done
	waiters []*Task // tasks waiting for this one
}

// Add adds a task running f once every task of after is done; lower prio
// numbers run first. A nil task in after is ignored.
func (p *Plan) Add(prio int, f func() error, after ...*Task) *Task {
	t := &Task{run: f, prio: prio, seq: len(p.tasks)}
	for _, a := range after {
		if a == nil {
			continue
		}
		a.waiters = append(a.waiters, t)
		t.pending++
	}
	p.tasks = append(p.tasks, t)
	return t
}

// Run runs the tasks and returns when every started task has returned. It
// starts no task after the first failure or once ctx is done, and returns
// the error of the earliest added task that failed, else ctx's error. A
// task that waits for a task that failed or was not started does not
// start either.
func (p *Plan) Run(ctx context.Context) error {
	var (
		mu      sync.Mutex
		cond    = sync.NewCond(&mu)
		ready   []*Task
		running int
		left    = len(p.tasks)
		stopped bool
		errs    = make([]error, len(p.tasks))
	)
	for _, t := range p.tasks {
		if t.pending == 0 {
			ready = append(ready, t)
		}
	}
	// A cancelled context wakes the workers so they stop.
	stopWatch := context.AfterFunc(ctx, func() {
		mu.Lock()
		stopped = true
		cond.Broadcast()
		mu.Unlock()
	})
	defer stopWatch()
	// next takes the ready task to run next, nil when there is none left
	// to run. Called with mu held.
	next := func() *Task {
		for {
			if stopped || left == 0 || ctx.Err() != nil {
				return nil
			}
			if len(ready) > 0 {
				best := 0
				for i, t := range ready {
					if t.prio < ready[best].prio || t.prio == ready[best].prio && t.seq < ready[best].seq {
						best = i
					}
				}
				t := ready[best]
				ready = append(ready[:best], ready[best+1:]...)
				running++
				return t
			}
			if running == 0 {
				// Nothing runs and nothing is ready: what is left waits for
				// tasks that cannot finish (a cycle). It never starts.
				return nil
			}
			cond.Wait()
		}
	}
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(p.tasks))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for t := next(); t != nil; t = next() {
				mu.Unlock()
				err := t.run() // a panic here ends the program, as in a goroutine of its own
				mu.Lock()
				running--
				left--
				if err != nil {
					errs[t.seq] = err
					stopped = true
				} else {
					for _, w := range t.waiters {
						if w.pending--; w.pending == 0 {
							ready = append(ready, w)
						}
					}
				}
				cond.Broadcast()
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}
