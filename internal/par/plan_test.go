package par

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// TestPlanRunsEachTaskOnceAfterWhatItWaitsFor: on random graphs, every
// task runs exactly once, and only after every task it waits for has
// returned, with any number of workers.
func TestPlanRunsEachTaskOnceAfterWhatItWaitsFor(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for seed := range uint64(30) {
			r := rand.New(rand.NewPCG(seed, 1))
			n := 1 + r.IntN(60)
			var (
				p     Plan
				tasks []*Task
				deps  = make([][]int, n)
				done  = make([]atomic.Bool, n)
				calls = make([]atomic.Int32, n)
				bad   atomic.Value
			)
			for i := range n {
				var after []*Task
				for j := range i { // only earlier tasks: no cycle
					if r.IntN(6) == 0 {
						deps[i] = append(deps[i], j)
						after = append(after, tasks[j])
					}
				}
				tasks = append(tasks, p.Add(r.IntN(3), func() error {
					calls[i].Add(1)
					for _, j := range deps[i] {
						if !done[j].Load() {
							bad.Store(fmt.Sprintf("task %d started before task %d it waits for was done", i, j))
						}
					}
					runtime.Gosched()
					done[i].Store(true)
					return nil
				}, after...))
			}
			if err := p.Run(context.Background()); err != nil {
				t.Fatalf("procs=%d seed=%d: %v", procs, seed, err)
			}
			if v := bad.Load(); v != nil {
				t.Fatalf("procs=%d seed=%d: %s", procs, seed, v)
			}
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("procs=%d seed=%d: task %d ran %d times, want 1", procs, seed, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

// TestPlanTakesReadyTasksByPriority: one worker takes, each time, the ready
// task of the lowest priority number, the earliest added among equals; a
// task that becomes ready goes before ready tasks of a higher number.
func TestPlanTakesReadyTasksByPriority(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var (
		p     Plan
		order []string
	)
	rec := func(name string) func() error {
		return func() error { order = append(order, name); return nil }
	}
	a := p.Add(1, rec("a"))
	p.Add(2, rec("page1"))
	p.Add(2, rec("page2"))
	b := p.Add(1, rec("b"))
	p.Add(0, rec("a+b"), a, b)
	p.Add(0, rec("after-a"), a)
	p.Add(3, rec("last"))
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "after-a", "b", "a+b", "page1", "page2", "last"}
	if !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
}

// TestPlanStopsAtTheFirstFailure: after a task fails no task starts, the
// tasks waiting for it never run, and Run returns the error of the
// earliest added task that failed.
func TestPlanStopsAtTheFirstFailure(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var (
		p   Plan
		ran []int
	)
	boom := errors.New("boom")
	task := func(i int, err error) func() error {
		return func() error { ran = append(ran, i); return err }
	}
	t0 := p.Add(0, task(0, nil))
	t1 := p.Add(0, task(1, boom), t0)
	p.Add(0, task(2, nil), t1)
	p.Add(1, task(3, nil))
	if err := p.Run(context.Background()); !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	if !slices.Equal(ran, []int{0, 1}) {
		t.Errorf("ran %v, want [0 1]", ran)
	}

	// Two workers, two failures: the earlier task's error, whichever
	// failed first.
	runtime.GOMAXPROCS(2)
	var q Plan
	first, second := errors.New("first"), errors.New("second")
	var wg sync.WaitGroup
	wg.Add(2)
	q.Add(0, func() error { wg.Done(); wg.Wait(); return first })
	q.Add(0, func() error { wg.Done(); wg.Wait(); return second })
	if err := q.Run(context.Background()); !errors.Is(err, first) {
		t.Errorf("err %v, want the earlier task's", err)
	}
}

// TestPlanStopsWhenCancelled: once the context is done no task starts and
// Run returns the context's error.
func TestPlanStopsWhenCancelled(t *testing.T) {
	for _, procs := range []int{1, 2} {
		old := runtime.GOMAXPROCS(procs)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var p Plan
		var after atomic.Int32
		var cancelled atomic.Bool
		for i := range 50 {
			p.Add(0, func() error {
				if cancelled.Load() {
					after.Add(1)
				}
				if i == 10 {
					cancel()
					cancelled.Store(true)
				}
				return nil
			})
		}
		if err := p.Run(ctx); !errors.Is(err, context.Canceled) {
			t.Errorf("procs=%d: err %v, want context.Canceled", procs, err)
		}
		// With two workers the other one may be in a task already.
		if n := after.Load(); n > int32(procs-1) {
			t.Errorf("procs=%d: %d tasks started after the cancel", procs, n)
		}
		runtime.GOMAXPROCS(old)
	}
}

// TestPlanReturnsOnACycle: tasks that wait for each other never run, and
// Run still returns once the rest is done.
func TestPlanReturnsOnACycle(t *testing.T) {
	var p Plan
	var ran atomic.Int32
	f := func() error { ran.Add(1); return nil }
	p.Add(0, f)
	a := p.Add(0, f)
	b := p.Add(0, f, a)
	a.pending++ // a waits for b: a cycle Add cannot make
	b.waiters = append(b.waiters, a)
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := ran.Load(); n != 1 {
		t.Errorf("%d tasks ran, want 1 (the one outside the cycle)", n)
	}
}
