package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/text"
)

// corpusRoot is the reference study repository, beside the project.
var corpusRoot = filepath.Join("..", "..", "..", "shared", "corpus", "ai-engineering-study")

// BenchmarkPages measures each page's render time on the reference corpus
// once its weeks are analysed: every request still rereads the repository
// and checks every note's content hash, as `moim serve` does.
//
//	go test ./internal/web -run '^$' -bench Pages -benchtime 20x
func BenchmarkPages(b *testing.B) {
	if _, err := os.Stat(corpusRoot); err != nil {
		testutil.SkipOrFail(b, "reference corpus not found: %v", err)
	}
	s, err := New(corpusRoot, Options{})
	if err != nil {
		b.Fatal(err)
	}
	snap, err := s.refresh()
	if err != nil {
		b.Fatal(err)
	}
	snap.analyseAll(context.Background())
	h := s.Handler()
	pages := []struct{ name, target string }{{"overview", "/"}, {"concepts", "/concepts"}}
	for _, wd := range snap.weeks {
		pages = append(pages, struct{ name, target string }{"week" + itoa(wd.wk.Number), "/week/" + itoa(wd.wk.Number)})
	}
	refs := snap.memberRefs()
	pages = append(pages, struct{ name, target string }{"member", "/member/" + refs[0].Slug})
	largest, size := "", 0
	for p, f := range snap.files {
		if len(f.raw) > size {
			largest, size = p, len(f.raw)
		}
	}
	pages = append(pages, struct{ name, target string }{"note-largest", "/note?path=" + largest + "&line=100"})
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest("GET", p.target, nil)
				req.Host = "127.0.0.1"
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("%s: %d %s", p.target, rec.Code, rec.Body.String())
				}
				b.SetBytes(int64(rec.Body.Len()))
			}
		})
	}
}

// BenchmarkSite writes the static site of made-up studies of 8 to 64 weeks
// (see synthStudy), from a fresh Site each time: every week analysed, every
// page written. ns/week is the time per week; for the site to scale
// linearly it stays flat from 8 to 64 weeks.
//
//	go test ./internal/web -run '^$' -bench Site -benchtime 1x
func BenchmarkSite(b *testing.B) {
	for _, weeks := range []int{8, 16, 32, 64} {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			root := synthStudy(b, weeks)
			text.Default().Terms("사전을 미리 읽는다") // the dictionary is loaded once per process
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				s, err := New(root, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.WriteSite(context.Background(), b.TempDir()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(weeks), "ns/week")
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N)/float64(weeks)*1000, "cpu-ms/week")
		})
	}
}
