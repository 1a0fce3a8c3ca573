package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/testutil"
)

// TestGenerateAnalysesEachWeekOnce: generate analyses each week once, with
// the offline engine and with an LLM engine (which also runs the offline
// engine as its fallback), and check analyses nothing.
func TestGenerateAnalysesEachWeekOnce(t *testing.T) {
	root := testutil.CopyDemo(t)
	env := map[string]string{"OPENAI_API_KEY": "sk-test", "MOIM_CACHE_DIR": t.TempDir()}
	for _, tt := range []struct {
		name string
		args []string
		want map[int]int
	}{
		{"offline", []string{"generate", "--repo", root, "--all"}, map[int]int{1: 1, 2: 1}},
		{"llm dry run", []string{"generate", "--repo", root, "--all", "--engine", "openai", "--model", "m", "--dry-run", "--out", "-"}, map[int]int{1: 1, 2: 1}},
		{"json", []string{"generate", "--repo", root, "--week", "2", "--format", "json"}, map[int]int{2: 1}},
		{"both documents", []string{"generate", "--repo", root, "--all", "--doc", "insights,summary"}, map[int]int{1: 1, 2: 1}},
		{"check", []string{"check", "--repo", root}, map[int]int{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var analysed testutil.Counter
			pipeline.Analysed = analysed.Add
			t.Cleanup(func() { pipeline.Analysed = nil })
			var out, errOut bytes.Buffer
			code := Main(context.Background(), tt.args, &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
				Getenv: func(k string) string { return env[k] }})
			if code != ExitOK {
				t.Fatalf("exit %d:\n%s", code, errOut.String())
			}
			if got := analysed.Counts(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("analyses per week = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestGenerateFlagsBeforeRepo: flags that are wrong on their own are
// reported before the repository is opened, so a missing folder does not
// hide them.
func TestGenerateFlagsBeforeRepo(t *testing.T) {
	missing := t.TempDir() + "/nope"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--week", "1", "--all"}, "--week and --all cannot be used together"},
		{[]string{"--format", "yaml"}, `--format "yaml": use markdown or json`},
		{[]string{"--engine", "gpt"}, `--engine "gpt": unknown engine`},
		{[]string{"--week", "1", "--week", "2", "--out", "w.md"}, "several weeks cannot go to one file"},
		{[]string{"--doc", "minutes"}, `--doc "minutes": use insights, summary`},
		{[]string{"--doc", "insights,summary", "--out", "w.md"}, "writes two documents, which cannot go to one file"},
		{[]string{"--doc", "insights", "--doc", "summary", "--template", "t.md"}, "a template shapes one kind of document"},
	} {
		code, stderr := run(context.Background(), append([]string{"generate", "--repo", missing}, tt.args...)...)
		if code != ExitInput || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "no such folder") {
			t.Errorf("generate %q: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, ExitInput, tt.want)
		}
	}
	// With good flags the folder is what is wrong.
	if code, stderr := run(context.Background(), "generate", "--repo", missing); code != ExitInput || !strings.Contains(stderr, "no such folder") {
		t.Errorf("missing repo: exit %d, stderr %q", code, stderr)
	}
}

// TestExitCode: the one mapping of errors to exit codes.
func TestExitCode(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	bg := context.Background()
	for _, tt := range []struct {
		name string
		ctx  context.Context
		err  error
		code int
		msg  string
	}{
		{"ok", bg, nil, ExitOK, ""},
		{"check failed", bg, fmt.Errorf("wrapped: %w", &staleWeeks{bad: 1, total: 2}), ExitCheck, "moim: wrapped: 1 of 2 week(s) need moim generate"},
		{"nothing to do", bg, fmt.Errorf("%w: no week with notes", pipeline.ErrNothingToDo), ExitCheck, "moim: nothing to do: no week with notes"},
		{"interrupted", cancelled, context.Canceled, ExitInterrupted, "moim: interrupted"},
		{"cancelled but not by the user", bg, context.Canceled, ExitInput, "moim: context canceled"},
		{"bug", bg, &pipeline.PanicError{Value: "boom"}, ExitInput, "moim: internal error: boom\nThis is a bug in moim"},
		{"anything else", bg, errors.New("weeks/week01/a.md: cannot read"), ExitInput, "moim: weeks/week01/a.md: cannot read"},
	} {
		var errOut bytes.Buffer
		code := exitCode(tt.ctx, &IO{ErrOut: &errOut}, tt.err)
		if code != tt.code || !strings.HasPrefix(errOut.String(), tt.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d, %q", tt.name, code, errOut.String(), tt.code, tt.msg)
		}
	}
}
