package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/engine/summary"
	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/fsutil/fsfault"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/workspace"
)

// fiveWeeks writes a study of five weeks, two or three members a week.
func fiveWeeks(t *testing.T) string {
	t.Helper()
	topics := []string{"버퍼 풀", "로그 구조 병합 트리", "컴팩션", "해시 색인", "트랜잭션 격리"}
	files := map[string]string{
		"README.md": "# 저장 엔진 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n- 문가람\n\n## 일정표\n\n| 주차 | 범위 | 주요 내용 |\n|---|---|---|\n" +
			"| 1주차 | 1장 | 버퍼 풀 |\n| 2주차 | 2장 | 로그 구조 병합 트리 |\n| 3주차 | 3장 | 컴팩션 |\n| 4주차 | 4장 | 해시 색인 |\n| 5주차 | 5장 | 트랜잭션 격리 |\n",
	}
	for i, topic := range topics {
		n := i + 1
		next := topics[(i+1)%len(topics)]
		files[fmt.Sprintf("week%02d/한서진.md", n)] = fmt.Sprintf("# %d장 %s\n\n%s은 저장 엔진의 핵심 구조다.\n"+
			"%s의 비용은 디스크 접근 횟수로 따져야 한다고 생각한다.\n%s은 다음 주에 다룬다.\n", n, topic, topic, topic, next)
		files[fmt.Sprintf("week%02d/오태윤.md", n)] = fmt.Sprintf("# %s 정리\n\n- %s을 쓰면 읽기가 빨라진다.\n"+
			"- 실무에서는 %s의 크기를 먼저 정한다.\n- %s은 언제 불리할까?\n", topic, topic, topic, topic)
		if n%2 == 1 {
			files[fmt.Sprintf("week%02d/문가람.md", n)] = fmt.Sprintf("# 메모\n\n%s과 %s은 함께 봐야 한다.\n", topic, next)
		}
	}
	return writeFiles(t, files)
}

// localEngine is the offline engine declared local (engine.Local), so
// that a run plans its weeks on every core, with hooks: each week's
// result carries a warning naming it, and before may hold, fail or panic
// one week's run.
type localEngine struct {
	local  bool
	before func(ctx context.Context, week int) error
}

func (e *localEngine) Name() string { return "offline" }
func (e *localEngine) Local() bool  { return e.local }

func (e *localEngine) Generate(ctx context.Context, in *engine.Input) (*insight.Week, error) {
	if e.before != nil {
		if err := e.before(ctx, in.Week); err != nil {
			return nil, err
		}
	}
	res, err := offline.New().Generate(ctx, in)
	if err != nil {
		return nil, err
	}
	res.Warnings = append(res.Warnings, fmt.Sprintf("insights of week %d", in.Week))
	return res, nil
}

// localSummary is the offline summary engine, declared local or not.
type localSummary struct{ local bool }

func (s localSummary) Name() string { return summary.Name }
func (s localSummary) Local() bool  { return s.local }
func (s localSummary) Summarize(ctx context.Context, in *engine.Input) (*insight.Summary, error) {
	res, err := summary.New().Summarize(ctx, in)
	if err != nil {
		return nil, err
	}
	res.Warnings = append(res.Warnings, fmt.Sprintf("summary of week %d", in.Week))
	return res, nil
}

// weeksRun is a run of every week of root with e, recording what it tells.
type weeksRun struct {
	run       *Run
	stdout    bytes.Buffer
	mu        sync.Mutex
	warnings  []string
	wrote     []string
	generated []int
}

func newWeeksRun(e *localEngine, out, format string, docs ...string) *weeksRun {
	wr := &weeksRun{}
	wr.run = &Run{All: true, Out: out, Format: format, Docs: docs,
		NewEngine:  func(context.Context) (engine.Engine, error) { return e, nil },
		Summarizer: func(engine.Engine) engine.Summarizer { return localSummary{local: e.local} },
		Stdout:     &wr.stdout,
		Warn: func(msgs ...string) {
			wr.mu.Lock()
			defer wr.mu.Unlock()
			wr.warnings = append(wr.warnings, msgs...)
		},
		Wrote: func(week int, track, shown, template, what string) {
			wr.mu.Lock()
			defer wr.mu.Unlock()
			wr.wrote = append(wr.wrote, shown)
		},
		Generating: func(i, n, week int, engine string) {
			wr.mu.Lock()
			defer wr.mu.Unlock()
			wr.generated = append(wr.generated, week)
		},
	}
	return wr
}

func (wr *weeksRun) generate(t *testing.T, ctx context.Context, root string) error {
	t.Helper()
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	return wr.run.Generate(ctx, ws)
}

// withProcs runs f with GOMAXPROCS set to n.
func withProcs(n int, f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(n))
	f()
}

// TestPlannedWeeksSameAsInTurn: a local engine's weeks, planned on every
// core, give the same documents, report, warnings (in week order) and
// progress as the same engines run one week at a time, on one core and
// on four, for each kind of output.
func TestPlannedWeeksSameAsInTurn(t *testing.T) {
	root := fiveWeeks(t)
	for _, c := range []struct {
		format string
		docs   []string
	}{
		{FormatMarkdown, []string{DocInsights}},
		{FormatMarkdown, []string{DocInsights, DocSummary}},
		{FormatMarkdown, []string{DocSummary}},
		{FormatJSON, []string{DocInsights, DocSummary}},
	} {
		name := c.format + "/" + strings.Join(c.docs, ",")
		t.Run(name, func(t *testing.T) {
			want := newWeeksRun(&localEngine{}, "-", c.format, c.docs...)
			if err := want.generate(t, context.Background(), root); err != nil {
				t.Fatal(err)
			}
			if len(want.warnings) == 0 || want.stdout.Len() == 0 {
				t.Fatalf("nothing generated: %q", want.warnings)
			}
			for _, procs := range []int{1, 4} {
				got := newWeeksRun(&localEngine{local: true}, "-", c.format, c.docs...)
				withProcs(procs, func() {
					if err := got.generate(t, context.Background(), root); err != nil {
						t.Fatal(err)
					}
				})
				if got.stdout.String() != want.stdout.String() {
					t.Errorf("GOMAXPROCS=%d: the output differs from the weeks run in turn:\n%s\n---\n%s", procs, got.stdout.String(), want.stdout.String())
				}
				if !reflect.DeepEqual(got.warnings, want.warnings) {
					t.Errorf("GOMAXPROCS=%d: warnings\n%q\nwant\n%q", procs, got.warnings, want.warnings)
				}
				if !reflect.DeepEqual(got.generated, []int{1, 2, 3, 4, 5}) {
					t.Errorf("GOMAXPROCS=%d: progress told of weeks %v", procs, got.generated)
				}
			}
		})
	}
}

// TestPlannedWeeksWriteInOrder: the documents are written once every week
// is generated, in week order, the same as in turn; a week that finishes
// after later weeks does not change the order of warnings or documents.
func TestPlannedWeeksWriteInOrder(t *testing.T) {
	want := newWeeksRun(&localEngine{}, "", FormatMarkdown, DocInsights, DocSummary)
	wantRoot := fiveWeeks(t)
	if err := want.generate(t, context.Background(), wantRoot); err != nil {
		t.Fatal(err)
	}

	// Week 1's engine waits until week 4's has run: its result comes
	// after those of weeks 2-4.
	fourDone := make(chan struct{})
	e := &localEngine{local: true, before: func(ctx context.Context, week int) error {
		switch week {
		case 1:
			select {
			case <-fourDone:
			case <-ctx.Done():
				return ctx.Err()
			}
		case 4:
			close(fourDone)
		}
		return nil
	}}
	got := newWeeksRun(e, "", FormatMarkdown, DocInsights, DocSummary)
	root := fiveWeeks(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	withProcs(2, func() {
		if err := got.generate(t, ctx, root); err != nil {
			t.Fatalf("week 1's engine did not run beside the later weeks: %v", err)
		}
	})
	if !reflect.DeepEqual(got.warnings, want.warnings) {
		t.Errorf("warnings\n%q\nwant\n%q", got.warnings, want.warnings)
	}
	if !reflect.DeepEqual(got.wrote, want.wrote) || len(got.wrote) != 10 {
		t.Errorf("wrote %q, want %q", got.wrote, want.wrote)
	}
	for _, p := range want.wrote {
		a, errA := os.ReadFile(filepath.Join(wantRoot, p))
		b, errB := os.ReadFile(filepath.Join(root, p))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs (%v, %v)", p, errA, errB)
		}
	}
}

// TestPlannedWeeksLastEnginesTogether: once the last week is analysed, the
// engines of the last two weeks run at the same time (each waits for the
// other here), not one after another.
func TestPlannedWeeksLastEnginesTogether(t *testing.T) {
	var arrived sync.WaitGroup
	arrived.Add(2)
	met := make(chan struct{})
	go func() { arrived.Wait(); close(met) }()
	e := &localEngine{local: true, before: func(ctx context.Context, week int) error {
		if week < 4 {
			return nil
		}
		arrived.Done()
		select {
		case <-met:
			return nil
		case <-ctx.Done():
			return fmt.Errorf("week %d's engine ran alone: %w", week, ctx.Err())
		}
	}}
	wr := newWeeksRun(e, "-", FormatMarkdown)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	withProcs(2, func() {
		if err := wr.generate(t, ctx, fiveWeeks(t)); err != nil {
			t.Fatal(err)
		}
	})
}

// documentsIn lists the documents under root.
func documentsIn(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*/ai-insights.md", "*/summary.md"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	return out
}

// TestPlannedWeeksStopAtFirstError: a week whose engine fails, panics or
// is cancelled in the middle of the run ends it with that week's error;
// the warnings of the weeks before it were told, none after it, and no
// document is written.
func TestPlannedWeeksStopAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	for _, c := range []struct {
		name  string
		fail  func(ctx context.Context, cancel func()) error
		check func(t *testing.T, err error)
	}{
		{"error", func(context.Context, func()) error { return boom }, func(t *testing.T, err error) {
			if !errors.Is(err, boom) || !strings.Contains(err.Error(), "week 3") {
				t.Errorf("err = %v, want week 3's", err)
			}
		}},
		{"panic", func(context.Context, func()) error { panic("week 3 went wrong") }, func(t *testing.T, err error) {
			var pe *PanicError
			if !errors.As(err, &pe) || pe.Value != "week 3 went wrong" || len(pe.Stack) == 0 {
				t.Errorf("err = %#v, want week 3's panic", err)
			}
		}},
		{"cancelled", func(ctx context.Context, cancel func()) error {
			cancel()
			<-ctx.Done()
			return ctx.Err()
		}, func(t *testing.T, err error) {
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, procs := range []int{1, 2} {
				ctx, cancel := context.WithCancel(context.Background())
				e := &localEngine{local: true, before: func(ectx context.Context, week int) error {
					if week == 3 {
						return c.fail(ectx, cancel)
					}
					return nil
				}}
				wr := newWeeksRun(e, "", FormatMarkdown, DocInsights, DocSummary)
				root := fiveWeeks(t)
				var err error
				withProcs(procs, func() { err = wr.generate(t, ctx, root) })
				cancel()
				c.check(t, err)
				for _, w := range wr.warnings {
					if strings.Contains(w, "week 4") || strings.Contains(w, "week 5") || strings.Contains(w, "insights of week 3") {
						t.Errorf("GOMAXPROCS=%d: warning of a week after the failure: %q", procs, w)
					}
				}
				if c.name != "cancelled" {
					want := []string{"insights of week 1", "summary of week 1", "insights of week 2", "summary of week 2"}
					if !reflect.DeepEqual(wr.warnings, want) {
						t.Errorf("GOMAXPROCS=%d: warnings %q, want %q", procs, wr.warnings, want)
					}
				}
				if docs := documentsIn(t, root); len(docs) > 0 || len(wr.wrote) > 0 {
					t.Errorf("GOMAXPROCS=%d: documents written: %q %q", procs, docs, wr.wrote)
				}
			}
		})
	}
}

// TestWriteDocumentsAllOrNothing: the documents are put in place only
// once every one of them is ready. A week's document that cannot be
// prepared (each step of the write failing for that file alone) leaves
// no document written and no temporary file; one that cannot be renamed
// into place stops the writes there, without temporary files.
func TestWriteDocumentsAllOrNothing(t *testing.T) {
	for _, step := range fsfault.Steps {
		t.Run(string(step), func(t *testing.T) {
			root := fiveWeeks(t)
			wr := newWeeksRun(&localEngine{local: true}, "", FormatMarkdown)
			fault := &fsfault.FS{Fail: step, Only: "week03"}
			restore := fsutil.SetFS(fault)
			err := wr.generate(t, context.Background(), root)
			restore()
			if fault.Fired() == 0 {
				t.Fatalf("the %s step never failed: %v", step, err)
			}
			if err == nil || !strings.Contains(err.Error(), filepath.Join("week03", "ai-insights.md")) || !strings.Contains(err.Error(), "unchanged") {
				t.Errorf("err = %v, want week 3's document named", err)
			}
			var want []string
			if step == fsfault.Rename {
				want = []string{"week01/ai-insights.md", "week02/ai-insights.md"}
			}
			if !reflect.DeepEqual(wr.wrote, want) {
				t.Errorf("wrote %q, want %q", wr.wrote, want)
			}
			var found []string
			for _, d := range documentsIn(t, root) {
				r, _ := filepath.Rel(root, d)
				found = append(found, filepath.ToSlash(r))
			}
			if !reflect.DeepEqual(found, want) {
				t.Errorf("documents on disk %q, want %q", found, want)
			}
			temps, _ := filepath.Glob(filepath.Join(root, "*", ".*.tmp-*"))
			if len(temps) > 0 {
				t.Errorf("temporary files left: %q", temps)
			}
		})
	}
}
