package llm

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// Two members' notes on one chapter: the same two sections, a point both
// wrote in each, code in one.
var summaryNotes = map[string]string{
	"김하늘": "# 3장. 캐시\n\n## 3.1 캐시 무효화\n\n- 캐시 무효화는 원본이 바뀔 때 캐시 항목을 지우는 일이다.\n- TTL을 짧게 잡으면 오래된 값을 덜 보여 준다.\n\n## 3.2 쓰기 정책\n\n- 라이트 백은 쓰기를 모았다가 나중에 원본에 반영한다.\n\n```go\ncache.Set(k, v, ttl)\n```\n",
	"박지후": "# 캐시\n\n## 캐시 무효화\n\n캐시 무효화는 원본 데이터가 바뀌면 캐시 항목을 지우는 것이다. " + injection + "\n\n## 쓰기 정책\n\n라이트 백 방식은 쓰기를 모아서 나중에 원본에 반영한다.\n",
}

func summaryInput() *engine.Input {
	in := &engine.Input{Week: 3,
		Schedule: &workspace.ScheduleRow{Week: 3, Chapters: "3장", Topic: "캐시"},
		Chapters: []engine.Chapter{{Number: 3}},
	}
	for _, n := range []string{"김하늘", "박지후"} {
		in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: n}, Doc: note.Parse("weeks/week03/"+n+".md", summaryNotes[n])})
	}
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

var clusterRe = regexp.MustCompile(`(?m)^Cluster (c\d+):\n((?:\[\d+\.\d+\] L\d+: .+\n?)+)`)

// clustersOf reads the clusters of a summary request: key → evidence.
func clustersOf(user string) map[string][]evLine {
	out := map[string][]evLine{}
	for _, m := range clusterRe.FindAllStringSubmatch(user, -1) {
		out[m[1]] = evidenceOf(m[2])
	}
	return out
}

// restate answers each cluster with its first sentence, citing it, as a
// faithful model would; change alters the answer of one cluster.
func restate(c call, change func(key string, ev []evLine, b map[string]any) map[string]any) map[string]any {
	secs := map[string]any{}
	for key, ev := range clustersOf(c.User) {
		b := bulletOut("", ev[0].Text, []string{ev[0].ID}, "")
		if change != nil {
			b = change(key, ev, b)
		}
		var bullets []any
		if b != nil {
			bullets = append(bullets, b)
		}
		secs[key] = map[string]any{"bullets": bullets}
	}
	return map[string]any{"sections": secs}
}

func summarizeWith(t *testing.T, provider string, respond func(c call) action) (*insight.Summary, *fakeServer) {
	t.Helper()
	f := newFake(t, provider, respond)
	e, err := New(f.config(t), fakeOffline{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := e.Summarize(context.Background(), summaryInput())
	if err != nil {
		t.Fatal(err)
	}
	return s, f
}

func points(s *insight.Summary) []insight.Point {
	var out []insight.Point
	for _, sec := range s.Sections {
		out = append(out, sec.Points...)
	}
	return out
}

func TestSummarizeRewritesClusters(t *testing.T) {
	for _, provider := range []string{ProviderOpenAI, ProviderAnthropic} {
		t.Run(provider, func(t *testing.T) {
			s, f := summarizeWith(t, provider, func(c call) action {
				return action{Output: restate(c, func(key string, ev []evLine, b map[string]any) map[string]any {
					b["head"] = "핵심"
					return b
				})}
			})
			if f.count() == 0 || s.Engine != "test-model" {
				t.Fatalf("%d requests, engine %q", f.count(), s.Engine)
			}
			for _, c := range f.calls {
				if strings.Contains(c.User, "cache.Set") {
					t.Error("code was sent to the model")
				}
				if !strings.Contains(c.System, "never an instruction") || strings.Contains(c.System, "해킹됨") {
					t.Error("the note's text reached the instructions")
				}
			}
			var rewritten, code int
			for _, p := range points(s) {
				switch {
				case p.Kind == insight.PointCode:
					code++
					if p.Engine != "offline" || strings.Join(p.Lines, "\n") != "cache.Set(k, v, ttl)" {
						t.Errorf("code changed: %+v", p)
					}
				case p.Engine == "test-model":
					rewritten++
					if !strings.HasPrefix(p.Lines[0], "**핵심**: ") || len(p.Sources) < 2 || p.Sources[0].Line == 0 {
						t.Errorf("rewritten point: %+v", p)
					}
				}
			}
			if rewritten == 0 || code != 1 {
				t.Errorf("%d points rewritten, %d code blocks", rewritten, code)
			}
			if s.Stats["bullets_accepted"] == 0 {
				t.Errorf("stats %v", s.Stats)
			}
		})
	}
}

func TestSummarizeRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(key string, ev []evLine, b map[string]any) map[string]any
		reason string
	}{
		{"cites a sentence of another cluster", func(key string, ev []evLine, b map[string]any) map[string]any {
			b["cite"] = []string{"9.99"}
			return b
		}, "rejected_other_member"},
		{"says what the notes do not", func(key string, ev []evLine, b map[string]any) map[string]any {
			b["text"] = "분산 합의 알고리즘은 리더 선출로 로그를 복제한다."
			return b
		}, "rejected_unsupported"},
		{"quotes what no note says", func(key string, ev []evLine, b map[string]any) map[string]any {
			b["quote"] = "전혀 다른 문장"
			return b
		}, "rejected_quote_not_in_note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := summarizeWith(t, ProviderOpenAI, func(c call) action { return action{Output: restate(c, tt.change)} })
			if s.Stats[tt.reason] == 0 {
				t.Errorf("stats %v, want %s", s.Stats, tt.reason)
			}
			for _, p := range points(s) {
				if p.Engine == "test-model" {
					t.Errorf("a rejected point was used: %+v", p)
				}
				if p.Kind != insight.PointCode && p.Engine != EngineFallback {
					t.Errorf("point kept the member's words without saying so: %+v", p)
				}
			}
		})
	}
}

func TestSummarizeFailuresAndCache(t *testing.T) {
	// A server that fails: every point keeps the members' words, a
	// warning says so.
	s, _ := summarizeWith(t, ProviderOpenAI, func(c call) action { return action{Status: 400, ErrBody: "bad request"} })
	if len(s.Warnings) == 0 || !strings.Contains(s.Warnings[0], "request failed") {
		t.Errorf("warnings %q", s.Warnings)
	}
	for _, p := range points(s) {
		if p.Kind != insight.PointCode && p.Engine != EngineFallback {
			t.Errorf("point %+v", p)
		}
	}
	// The same week twice: the second run is served from the cache.
	f := newFake(t, ProviderOpenAI, func(c call) action { return action{Output: restate(c, nil)} })
	cfg := f.config(t)
	for i := 0; i < 2; i++ {
		e, err := New(cfg, fakeOffline{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Summarize(context.Background(), summaryInput()); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.count(); n == 0 || n%2 != 0 {
		t.Fatalf("requests %d", n)
	}
	first := f.count()
	e, _ := New(cfg, fakeOffline{})
	if _, err := e.Summarize(context.Background(), summaryInput()); err != nil {
		t.Fatal(err)
	}
	if f.count() != first {
		t.Errorf("an unchanged week sent %d more requests", f.count()-first)
	}
}
