// Command dictmem measures term extraction end to end on a set of files:
// analyzer start-up (dictionary load), sentence splitting and term
// extraction, wall time, heap and peak resident memory. It is a measuring
// tool for docs/text-analysis.md, not part of moim.
//
//	go run ./internal/text/internal/dictmem -analyzer kagome -workers 2 FILE...
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/text"
)

func main() {
	name := flag.String("analyzer", "kagome", "kagome or free")
	workers := flag.Int("workers", 1, "goroutines extracting terms")
	repeat := flag.Int("repeat", 1, "analyse the input this many times (to scale the size)")
	warm := flag.Bool("warm", false, "start the dictionary load before reading files (text.Warm)")
	flag.Parse()

	start := time.Now()
	if *warm && *name == "kagome" {
		text.Warm()
	}
	var docs []string
	size := 0
	for _, path := range flag.Args() {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dictmem: %s: %v\n", path, err)
			os.Exit(2)
		}
		for range *repeat {
			docs = append(docs, string(b))
			size += len(b)
		}
	}
	var a text.Analyzer
	loadStart := time.Now()
	switch *name {
	case "kagome":
		k := text.NewKagome()
		if err := k.Load(); err != nil {
			fmt.Fprintln(os.Stderr, "dictmem:", err)
			os.Exit(1)
		}
		a = k
	case "free":
		a = text.NewFree(docs...)
	default:
		fmt.Fprintln(os.Stderr, "dictmem: unknown analyzer", *name)
		os.Exit(2)
	}
	load := time.Since(loadStart)

	anStart := time.Now()
	jobs := make(chan string)
	var mu sync.Mutex
	terms := 0
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for d := range jobs {
				for _, s := range text.Sentences(d) {
					n += len(a.Terms(s))
				}
			}
			mu.Lock()
			terms += n
			mu.Unlock()
		}()
	}
	for _, d := range docs {
		jobs <- d
	}
	close(jobs)
	wg.Wait()
	an := time.Since(anStart)

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("analyzer=%s workers=%d bytes=%d terms=%d load=%dms analyse=%dms (%.2f MB/s) total=%dms heap=%.0fMB peakRSS=%.0fMB\n",
		*name, *workers, size, terms, load.Milliseconds(), an.Milliseconds(), float64(size)/1e6/an.Seconds(),
		time.Since(start).Milliseconds(), float64(ms.HeapAlloc)/1e6, testutil.PeakRSSMB())
}
