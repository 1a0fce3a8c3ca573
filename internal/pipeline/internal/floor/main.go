// Command floor does the least work `moim generate --all` has to do on a
// study repository: start the dictionary load (as generate does), discover
// the weeks, read, decode and parse every note, then find the terms of
// every sentence once with the default analyzer, one note per core. It
// writes nothing but the number of terms found. docs/performance.md
// compares generate's time with it; it is a measuring tool, not part of
// moim.
//
//	go run ./internal/pipeline/internal/floor REPO
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor REPO")
		os.Exit(2)
	}
	text.Warm()
	ws, err := workspace.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(2)
	}
	var docs []*note.Document
	for _, wk := range ws.Weeks {
		for _, nf := range wk.Notes {
			for _, p := range nf.Paths() {
				src, err := note.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(p)))
				if err != nil {
					continue
				}
				docs = append(docs, note.Parse(p, src))
			}
		}
	}
	a := text.Default()
	var terms atomic.Int64
	jobs := make(chan *note.Document)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				n := 0
				for _, s := range d.Sentences {
					n += len(a.Terms(s.Text))
				}
				terms.Add(int64(n))
			}
		}()
	}
	for _, d := range docs {
		jobs <- d
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("notes=%d terms=%d\n", len(docs), terms.Load())
}
