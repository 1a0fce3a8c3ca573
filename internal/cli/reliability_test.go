package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/workspace"
)

// smallRepo writes a one-week repository with a document from an earlier
// run and returns its root and the document's path.
func smallRepo(t *testing.T) (root, doc string) {
	t.Helper()
	root = t.TempDir()
	dir := filepath.Join(root, "weeks", "week01")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	doc = filepath.Join(dir, "ai-insights.md")
	for p, s := range map[string]string{
		filepath.Join(root, "README.md"): "# 스터디\n\n## 참여자\n\n- 한서진\n",
		filepath.Join(dir, "한서진.md"):     "# 노트\n\n버퍼 풀은 **페이지**를 캐시한다.\n",
		doc:                              previous,
	} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root, doc
}

// previous is a document moim wrote before, with a line a person added.
const previous = "# Week 01 - 스터디 인사이트\n\n## 한서진\n\n### 핵심 인사이트\n- 사람이 쓴 줄\n\n<!-- moim:state v1 {\"input\":\"0\",\"engine\":\"offline\",\"gen\":{}} -->\n"

// stubEngine runs do instead of generating.
type stubEngine struct{ do func(ctx context.Context) }

func (stubEngine) Name() string { return "stub" }
func (e stubEngine) Generate(ctx context.Context, in *engine.Input) (*insight.Week, error) {
	e.do(ctx)
	return &insight.Week{}, nil
}

func withEngine(t *testing.T, f EngineFactory) {
	t.Helper()
	engineFactories["stub"] = f
	t.Cleanup(func() { delete(engineFactories, "stub") })
}

func run(ctx context.Context, args ...string) (int, string) {
	var out, errOut bytes.Buffer
	code := Main(ctx, args, &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }})
	return code, errOut.String()
}

func TestPanicBecomesShortMessage(t *testing.T) {
	tests := []struct {
		name    string
		factory EngineFactory
	}{
		{"panic in the command", func(context.Context, *GenerateOptions, *workspace.Workspace, *IO) (engine.Engine, error) {
			var m map[string]int
			m["x"]++ // assignment to entry in nil map
			return nil, nil
		}},
		{"panic in the engine", func(context.Context, *GenerateOptions, *workspace.Workspace, *IO) (engine.Engine, error) {
			return stubEngine{do: func(context.Context) {
				var s []int
				_ = s[3]
			}}, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withEngine(t, tt.factory)
			root, doc := smallRepo(t)
			code, stderr := run(context.Background(), "generate", "--repo", root, "--engine", "stub")
			if code != ExitInput {
				t.Errorf("exit code %d, want %d", code, ExitInput)
			}
			for _, want := range []string{"moim: internal error:", "This is a bug in moim", reportURL} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, ".go:") {
				t.Errorf("stack trace shown:\n%s", stderr)
			}
			if b, err := os.ReadFile(doc); err != nil || string(b) != previous {
				t.Errorf("document changed (%v)", err)
			}
		})
	}
}

func TestInterruptWritesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	withEngine(t, func(context.Context, *GenerateOptions, *workspace.Workspace, *IO) (engine.Engine, error) {
		// Ctrl-C arrives while the engine works; the engine ignores it.
		return stubEngine{do: func(context.Context) { cancel() }}, nil
	})
	root, doc := smallRepo(t)
	code, stderr := run(ctx, "generate", "--repo", root, "--engine", "stub")
	if code != ExitInterrupted || !strings.Contains(stderr, "interrupted") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if b, err := os.ReadFile(doc); err != nil || string(b) != previous {
		t.Errorf("document changed by an interrupted run (%v)", err)
	}
	assertNoTemporaryFiles(t, root)
}

func TestStrictStopsBeforeWriting(t *testing.T) {
	root, doc := smallRepo(t)
	// A second note for the same member: a warning.
	if err := os.WriteFile(filepath.Join(root, "weeks", "week01", "week1-한서진.md"), []byte("# 다른 노트\n\n짧다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := run(context.Background(), "generate", "--repo", root, "--strict")
	if code != ExitInput || !strings.Contains(stderr, "2 notes for 한서진") || !strings.Contains(stderr, "--strict") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if b, err := os.ReadFile(doc); err != nil || string(b) != previous {
		t.Errorf("document changed under --strict (%v)", err)
	}
}
