package text

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/testutil"
)

// corpusGlob locates the reference study notes used for benchmarks only;
// they are read at run time and never copied into the project.
const corpusGlob = "../../../shared/corpus/ai-engineering-study/weeks/*/study-note-*.md"

// generatedText returns about n bytes of study-note-like text built from
// the gold and held-out sentences.
func generatedText(t testing.TB, n int) string {
	cases := append(readGold(t), readCases(t, "testdata/terms_holdout.tsv")...)
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		c := cases[i%len(cases)]
		b.WriteString(c.sentence)
		if i%3 == 0 {
			b.WriteString(" ")
		} else {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func benchTerms(b *testing.B, a Analyzer, text string) {
	sents := Sentences(text)
	a.Terms("워밍업 문장") // load a dictionary outside the timer
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			a.Terms(s)
		}
	}
}

func BenchmarkTermsKagome(b *testing.B) {
	benchTerms(b, NewKagome(), generatedText(b, 100_000))
}

func BenchmarkTermsFree(b *testing.B) {
	text := generatedText(b, 100_000)
	benchTerms(b, NewFree(text), text)
}

// BenchmarkTrainFree measures learning the free analyzer's statistics.
func BenchmarkTrainFree(b *testing.B) {
	text := generatedText(b, 100_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NewFree(text)
	}
}

func BenchmarkSentences(b *testing.B) {
	text := generatedText(b, 100_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}

func readCorpus(b *testing.B) string {
	files, err := filepath.Glob(corpusGlob)
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		testutil.SkipOrFail(b, "reference corpus not present (%s)", corpusGlob)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatalf("corpus: %s: %v", f, err)
		}
		sb.Write(data)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func BenchmarkCorpusKagome(b *testing.B) {
	benchTerms(b, NewKagome(), readCorpus(b))
}

func BenchmarkCorpusFree(b *testing.B) {
	text := readCorpus(b)
	benchTerms(b, NewFree(text), text)
}

// BenchmarkKagomeStartup loads the dictionary in a fresh process per
// iteration (the test binary re-executed as a helper), since the
// dictionary package caches it for the process. It reports the heap in use
// after the load and the process's peak resident memory.
func BenchmarkKagomeStartup(b *testing.B) {
	var heap, peak float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperKagomeLoad$")
		cmd.Env = append(os.Environ(), "MOIM_TEXT_HELPER=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("helper: %v\n%s", err, out)
		}
		for _, f := range strings.Fields(string(out)) {
			if k, v, ok := strings.Cut(f, "="); ok {
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					b.Fatalf("helper output %q: %v", f, err)
				}
				switch k {
				case "heapMB":
					heap = x
				case "peakRSSMB":
					peak = x
				}
			}
		}
	}
	b.ReportMetric(heap, "heap-MB")
	b.ReportMetric(peak, "peakRSS-MB")
}

// TestHelperKagomeLoad is the helper process of BenchmarkKagomeStartup; it
// does nothing in a normal test run (and says so without a skip, so that
// skips in a test run stay meaningful).
func TestHelperKagomeLoad(t *testing.T) {
	if os.Getenv("MOIM_TEXT_HELPER") != "1" {
		return
	}
	start := time.Now()
	if err := NewKagome().Load(); err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("loadMS=%d heapMB=%.1f peakRSSMB=%.1f\n", el.Milliseconds(), float64(ms.HeapAlloc)/1e6, testutil.PeakRSSMB())
}
