package llm

import (
	"fmt"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/workspace"
)

// fourMembers is a week of four members with a note each.
func fourMembers() *engine.Input {
	in := testInput(noteJihu)
	in.Members = nil
	for i, name := range []string{"김하늘", "박지후", "이서연", "정민재"} {
		md := noteHaneul
		if i%2 == 1 {
			md = noteJihu
		}
		in.Members = append(in.Members, engine.MemberInput{
			Member: workspace.Member{Name: name},
			Doc:    parseDoc(fmt.Sprintf("weeks/week01/note-%d.md", i), md),
		})
	}
	return in
}

// BenchmarkFourMemberWeekSlowServer measures the wall time of a four-member
// week against a server that takes 1 s per answer: members run
// concurrently, then one group request, so a run takes about 2 s instead
// of 5 s sequentially.
//
//	go test -run '^$' -bench FourMember -benchtime 3x ./internal/engine/llm/
func BenchmarkFourMemberWeekSlowServer(b *testing.B) {
	for _, p := range providers {
		b.Run(p, func(b *testing.B) {
			f := newFake(b, p, func(c call) action { return action{Delay: time.Second, Output: echoAnswer(c)} })
			cfg := f.config(b)
			cfg.NoCache = true
			e, _ := newEngine(b, cfg)
			in := fourMembers()
			b.ResetTimer()
			start := time.Now()
			for b.Loop() {
				w := generate(b, e, in)
				if w.Stats["requests"] != 5 {
					b.Fatalf("%d requests, want 5", w.Stats["requests"])
				}
			}
			b.ReportMetric(time.Since(start).Seconds()/float64(b.N), "s/week")
			b.ReportMetric(float64(f.count())/float64(b.N), "requests/week")
		})
	}
}
