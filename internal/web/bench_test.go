package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/text"
)

// BenchmarkPages measures each page on the reference corpus once its weeks
// are analysed and the page was shown once (warm): every request still
// rereads the repository as `moim serve` does. cpu-ms/op is the CPU time
// a request takes, what its wall time is on an idle machine.
//
//	go test ./internal/web -run '^$' -bench Pages -benchtime 20x
func BenchmarkPages(b *testing.B) {
	s, snap := analysedSite(b, testutil.Corpus(b, "ai-engineering-study"))
	h := s.Handler()
	pages := []struct{ name, target string }{{"overview", "/"}, {"concepts", "/concepts"}}
	for _, wd := range snap.weeks {
		pages = append(pages, struct{ name, target string }{"week" + itoa(wd.wk.Number), "/week/" + itoa(wd.wk.Number)})
	}
	for i, m := range snap.memberRefs() {
		// Numbered, so that the output names no member of the corpus.
		pages = append(pages, struct{ name, target string }{fmt.Sprintf("member%d", i+1), "/member/" + m.Slug})
	}
	largest, size := "", 0
	for p, f := range snap.files {
		if len(f.raw) > size {
			largest, size = p, len(f.raw)
		}
	}
	pages = append(pages,
		struct{ name, target string }{"note-largest", "/note?path=" + url.QueryEscape(largest) + "&line=100"},
		struct{ name, target string }{"note-largest-raw", "/note?path=" + url.QueryEscape(largest) + "&line=100&view=raw"})
	for _, wd := range snap.weeks {
		for _, d := range snap.weekDocs(wd) {
			if d.State != wdMissing {
				pages = append(pages, struct{ name, target string }{fmt.Sprintf("%s%d", d.Kind, wd.wk.Number), "/note?path=" + url.QueryEscape(d.Path)})
			}
		}
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) { benchWarm(b, h, p.target) })
	}
}

// BenchmarkSite writes the static site of made-up studies of 8 to 64 weeks
// (see synthStudy), from a fresh Site each time: every week analysed, every
// page written. ns/week is the time per week; for the site to scale
// linearly it stays flat from 8 to 64 weeks. busy-% is the share of the
// processors' time (GOMAXPROCS × wall) the Go runtime spent running
// goroutines: 100 when every core works throughout, whatever else the
// machine runs.
//
//	go test ./internal/web -run '^$' -bench Site -benchtime 1x
func BenchmarkSite(b *testing.B) {
	for _, weeks := range []int{8, 16, 32, 64} {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			root := synthStudy(b, weeks)
			text.Default().Terms("사전을 미리 읽는다") // the dictionary is loaded once per process
			cpu0 := testutil.CPUTime()
			tot0, idle0 := goCPU()
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
			b.ReportMetric((testutil.CPUTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric((testutil.CPUTime()-cpu0).Seconds()/float64(b.N)/float64(weeks)*1000, "cpu-ms/week")
			b.StopTimer()
			tot1, idle1 := goCPU()
			b.ReportMetric(busyShare(tot0, idle0, tot1, idle1), "busy-%")
		})
	}
}

// BenchmarkWarmPages measures the pages of made-up studies of 8 and 64
// weeks once every week is analysed and each page was shown once: what a
// reader of `moim serve` waits for on the second visit (every request
// still rereads the repository).
//
//	go test ./internal/web -run '^$' -bench WarmPages -benchtime 20x
func BenchmarkWarmPages(b *testing.B) {
	for _, weeks := range []int{8, 64} {
		s, snap := analysedSite(b, synthStudy(b, weeks))
		h := s.Handler()
		targets := map[string]string{"member": "/member/" + snap.memberRefs()[0].Slug, "overview": "/", "concepts": "/concepts",
			"week": fmt.Sprintf("/week/%d", weeks/2), "note": "/note?path=" + url.QueryEscape(snap.weeks[0].wk.Notes[0].Path)}
		for _, name := range []string{"member", "overview", "concepts", "week", "note"} {
			b.Run(fmt.Sprintf("weeks=%d/%s", weeks, name), func(b *testing.B) { benchWarm(b, h, targets[name]) })
		}
	}
}

// analysedSite opens the repository at root with every week analysed.
func analysedSite(b *testing.B, root string) (*Site, *snapshot) {
	b.Helper()
	s, err := New(root, Options{})
	if err != nil {
		b.Fatal(err)
	}
	snap, err := s.refresh()
	if err != nil {
		b.Fatal(err)
	}
	snap.analyseAll(context.Background())
	return s, snap
}

// benchWarm measures requests for target once the page was shown once
// (warm: the first visit renders the notes and fills the caches), with the
// CPU time a request takes: its wall time on an idle machine.
func benchWarm(b *testing.B, h http.Handler, target string) {
	serve := func() {
		req := httptest.NewRequest("GET", target, nil)
		req.Host = "127.0.0.1"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%s: %d %s", target, rec.Code, rec.Body.String())
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
	serve()
	cpu0 := testutil.CPUTime()
	b.ResetTimer()
	for b.Loop() {
		serve()
	}
	b.ReportMetric((testutil.CPUTime()-cpu0).Seconds()*1000/float64(b.N), "cpu-ms/op")
}
