package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/engine/summary"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/workspace"
)

// summaryRun is `moim generate --doc <docs>` on the weeks given.
func summaryRun(out string, docs []string, weeks ...int) (*Run, *bytes.Buffer) {
	var stdout bytes.Buffer
	return &Run{
		Weeks: weeks, Out: out, Format: FormatMarkdown, Docs: docs,
		NewEngine:  func(context.Context) (engine.Engine, error) { return offline.New(), nil },
		Summarizer: func(engine.Engine) engine.Summarizer { return summary.New() },
		Stdout:     &stdout,
		Warn:       func(...string) {},
		Wrote:      func(int, string, string, string, string) {},
	}, &stdout
}

func openDemo(t *testing.T, repo string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func summaryState(t *testing.T, repo string, week int) State {
	t.Helper()
	ws := openDemo(t, repo)
	wk, _ := ws.Week(week)
	w := LoadNotes(ws, wk)
	if err := w.LoadSummary("", ""); err != nil {
		t.Fatal(err)
	}
	return w.SummaryState()
}

// TestSummaryLifecycle: the summary goes beside the week's insights, from
// the repository's template with the schedule's 정리자 and 날짜; it is
// fresh, stale once a note changes, keeps a person's edits when it is
// drafted again, and a summary written by hand is never overwritten.
func TestSummaryLifecycle(t *testing.T) {
	repo := testutil.CopyDemo(t)
	path := filepath.Join(repo, "weeks", "week01", SummaryName)
	if st := summaryState(t, repo, 1); st != Missing {
		t.Fatalf("before: %v, want Missing", st)
	}
	run, _ := summaryRun("", []string{DocSummary}, 1)
	if err := run.Generate(context.Background(), openDemo(t, repo)); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, want := range []string{"# 통합 정리\n", "**정리자**: 최유나\n", "**날짜**: 3/4\n", "## 주요 내용\n", "<!-- 이번 주 범위와 핵심을 두세 줄로 -->\n", "# 1장. 머신러닝 시스템 개요\n"} {
		if !strings.Contains(doc, want) {
			t.Errorf("summary lacks %q:\n%s", want, doc)
		}
	}
	if _, err := os.Stat(filepath.Join(repo, "weeks", "week01", "ai-insights.md")); err == nil {
		t.Error("--doc summary wrote the insights document too")
	}
	if st := summaryState(t, repo, 1); st != Fresh {
		t.Errorf("after generate: %v, want Fresh", st)
	}

	// A person adds a line; the notes change; the draft is made again.
	edited := strings.Replace(doc, "## 주요 내용\n", "## 주요 내용\n\n이번 주 정리는 최유나가 맡았다.\n", 1)
	os.WriteFile(path, []byte(edited), 0o644)
	notePath := filepath.Join(repo, "weeks", "week01", "study-note-PJM.md")
	nb, _ := os.ReadFile(notePath)
	os.WriteFile(notePath, append(nb, []byte("\n## 배포\n\n- 카나리 배포로 새 모델을 일부 사용자에게 먼저 보낸다.\n")...), 0o644)
	if st := summaryState(t, repo, 1); st != Stale {
		t.Errorf("after a note changed: %v, want Stale", st)
	}
	run, _ = summaryRun("", []string{DocSummary}, 1)
	if err := run.Generate(context.Background(), openDemo(t, repo)); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(path)
	if !strings.Contains(string(b), "이번 주 정리는 최유나가 맡았다.") || !strings.Contains(string(b), "카나리 배포") {
		t.Errorf("after regenerating: the person's line and the new note content should both be there:\n%s", b)
	}
	if st := summaryState(t, repo, 1); st != Fresh {
		t.Errorf("after regenerating: %v, want Fresh", st)
	}

	// A summary written by hand is refused and left alone.
	hand := filepath.Join(repo, "weeks", "week02", SummaryName)
	handText := "# 통합 정리\n\n**정리자**: 정하늘\n\n---\n\n# 3장\n\n- 손으로 정리한 내용\n"
	os.WriteFile(hand, []byte(handText), 0o644)
	if st := summaryState(t, repo, 2); st != Handmade {
		t.Errorf("hand-written: %v, want Handmade", st)
	}
	run, _ = summaryRun("", []string{DocSummary}, 2)
	err = run.Generate(context.Background(), openDemo(t, repo))
	if err == nil || !strings.Contains(err.Error(), "written by hand") {
		t.Errorf("err = %v, want a refusal to overwrite", err)
	}
	if b, _ := os.ReadFile(hand); string(b) != handText {
		t.Errorf("the hand-written summary changed:\n%s", b)
	}
}

// TestSummaryWithInsights: one run writes both documents from one
// analysis; the JSON report holds both.
func TestSummaryWithInsights(t *testing.T) {
	repo := testutil.CopyDemo(t)
	var c testutil.Counter
	defer func(f func(int)) { Analysed = f }(Analysed)
	Analysed = c.Add
	run, _ := summaryRun("", []string{DocInsights, DocSummary}, 2)
	if err := run.Generate(context.Background(), openDemo(t, repo)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ai-insights.md", SummaryName} {
		if _, err := os.Stat(filepath.Join(repo, "weeks", "week02", name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if got := c.Counts(); got[2] != 1 {
		t.Errorf("week 2 analysed %d times, want once", got[2])
	}

	run, stdout := summaryRun("", []string{DocSummary}, 2)
	run.Format = FormatJSON
	if err := run.Generate(context.Background(), openDemo(t, repo)); err != nil {
		t.Fatal(err)
	}
	var rep insight.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Weeks) != 0 || len(rep.Summaries) != 1 || rep.Summaries[0].Number != 2 {
		t.Fatalf("report: %d weeks, summaries %+v", len(rep.Weeks), rep.Summaries)
	}
	s := rep.Summaries[0]
	if s.Fields["integrator"] != "정하늘" || s.InputHash == "" || len(s.Sections) == 0 {
		t.Errorf("summary: fields %v, hash %q, %d sections", s.Fields, s.InputHash, len(s.Sections))
	}
	for _, sec := range s.Sections {
		for _, p := range sec.Points {
			if len(p.Sources) == 0 || len(p.Members) == 0 {
				t.Errorf("%s: point without its sources: %+v", sec.Heading(), p)
			}
		}
	}
}

func TestSummaryTemplatePath(t *testing.T) {
	root := t.TempDir()
	if p := SummaryTemplatePath(root); p != "" {
		t.Errorf("empty repository: %q", p)
	}
	os.WriteFile(filepath.Join(root, "summary.md"), []byte("# 정리\n"), 0o644)
	if p := SummaryTemplatePath(root); p != "" {
		t.Errorf("a summary.md at the root is a document, not a template: %q", p)
	}
	os.Mkdir(filepath.Join(root, "template"), 0o755)
	os.WriteFile(filepath.Join(root, "template", "통합정리-템플릿.md"), []byte("# 정리\n"), 0o644)
	if p := SummaryTemplatePath(root); p != "template/통합정리-템플릿.md" {
		t.Errorf("got %q", p)
	}
}

// meeting is an insights engine and a summary engine that each wait for
// the other to start on the same week: the run only finishes when the
// week's summary is drafted beside its insights. With both is one engine
// that drafts summaries too (as the LLM engines do): then each call must
// be the only one running.
type meeting struct {
	insights engine.Engine
	summary  engine.Summarizer
	arrived  atomic.Int32
	met      chan struct{}
	both     bool
	running  atomic.Int32
	overlap  atomic.Bool
}

func (m *meeting) Name() string { return "meeting" }

func (m *meeting) wait(ctx context.Context, me string) error {
	if m.both {
		// Give another call the time to start: it must not.
		if m.running.Add(1) > 1 {
			m.overlap.Store(true)
		}
		time.Sleep(100 * time.Millisecond)
		if m.running.Add(-1) > 0 {
			m.overlap.Store(true)
		}
		return nil
	}
	if m.arrived.Add(1) == 2 {
		close(m.met)
	}
	select {
	case <-m.met:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s waited alone: %w", me, ctx.Err())
	}
}

func (m *meeting) Generate(ctx context.Context, in *engine.Input) (*insight.Week, error) {
	if err := m.wait(ctx, "insights"); err != nil {
		return nil, err
	}
	return m.insights.Generate(ctx, in)
}

func (m *meeting) Summarize(ctx context.Context, in *engine.Input) (*insight.Summary, error) {
	if err := m.wait(ctx, "summary"); err != nil {
		return nil, err
	}
	return m.summary.Summarize(ctx, in)
}

// insightsOnly hides meeting's Summarize from the run.
type insightsOnly struct{ *meeting }

func (e insightsOnly) Summarize() {}

// TestSummaryBesideInsights: with the offline engines, a week's summary is
// drafted while its insights are (both only read the analysis), and the
// documents are those of two separate runs; an engine that drafts both
// documents runs one call at a time.
func TestSummaryBesideInsights(t *testing.T) {
	repo := testutil.CopyDemo(t)
	separate := map[string]string{}
	for _, d := range []string{DocInsights, DocSummary} {
		run, stdout := summaryRun("-", []string{d}, 2)
		if err := run.Generate(context.Background(), openDemo(t, repo)); err != nil {
			t.Fatal(err)
		}
		separate[d] = stdout.String()
	}

	m := &meeting{insights: offline.New(), summary: summary.New(), met: make(chan struct{})}
	run, stdout := summaryRun("-", []string{DocInsights, DocSummary}, 2)
	run.NewEngine = func(context.Context) (engine.Engine, error) { return insightsOnly{m}, nil }
	run.Summarizer = func(engine.Engine) engine.Summarizer { return m }
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := run.Generate(ctx, openDemo(t, repo)); err != nil {
		t.Fatalf("the summary did not run beside the insights: %v", err)
	}
	if got, want := stdout.String(), separate[DocInsights]+separate[DocSummary]; got != want {
		t.Errorf("documents differ from two separate runs:\n%s\nwant:\n%s", got, want)
	}

	m = &meeting{insights: offline.New(), summary: summary.New(), both: true}
	run, _ = summaryRun("-", []string{DocInsights, DocSummary}, 1, 2)
	run.NewEngine = func(context.Context) (engine.Engine, error) { return m, nil }
	run.Summarizer = func(e engine.Engine) engine.Summarizer { return e.(engine.Summarizer) }
	if err := run.Generate(context.Background(), openDemo(t, repo)); err != nil {
		t.Fatal(err)
	}
	if m.overlap.Load() {
		t.Error("an engine that drafts both documents ran two calls at once")
	}
}
