package web

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
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
