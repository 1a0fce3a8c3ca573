package eval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/engine/summary"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// The benchmarks below run on the reference corpus when it is present
// beside the project (../shared/corpus, reached from this package's
// directory) and are skipped otherwise. docs/quality.md records their
// results and how to run them:
//
//	go test -run '^$' -bench . -benchtime 1x ./internal/eval/
const (
	corpusRepo     = "../../../shared/corpus/ai-engineering-study"
	corpusTemplate = "../../../shared/corpus/templates/ai-insights-basic.md"
	corpusWeeks    = 4
)

func corpusOrSkip(b *testing.B) (repo, tmpl string) {
	b.Helper()
	if _, err := os.Stat(corpusRepo); err != nil {
		testutil.SkipOrFail(b, "reference corpus not found at %s", corpusRepo)
	}
	repo, err := filepath.Abs(corpusRepo)
	if err != nil {
		b.Fatal(err)
	}
	tmpl, err = filepath.Abs(corpusTemplate)
	if err != nil {
		b.Fatal(err)
	}
	return repo, tmpl
}

// buildMoim builds the moim binary into a temporary directory, so that the
// benchmarks time whole processes, dictionary start-up included.
func buildMoim(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "moim")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/moim-study/moim/cmd/moim")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// synthRepo writes into dir a study repository with the corpus README and
// every corpus note repeated k times, and returns the notes' total size.
// Nothing else of the corpus (its insights documents) is copied, so each
// run starts from the template alone.
func synthRepo(b *testing.B, corpus, dir string, k int) int {
	b.Helper()
	readme, err := os.ReadFile(filepath.Join(corpus, "README.md"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), readme, 0o644); err != nil {
		b.Fatal(err)
	}
	notes, err := filepath.Glob(filepath.Join(corpus, "weeks", "*", "study-note-*.md"))
	if err != nil || len(notes) == 0 {
		b.Fatalf("no notes in %s: %v", corpus, err)
	}
	total := 0
	for _, n := range notes {
		src, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		rel, err := filepath.Rel(corpus, n)
		if err != nil {
			b.Fatal(err)
		}
		out := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			b.Fatal(err)
		}
		body := bytes.Repeat(append(bytes.TrimRight(src, "\n"), "\n\n"...), k)
		if err := os.WriteFile(out, body, 0o644); err != nil {
			b.Fatal(err)
		}
		total += len(body)
	}
	return total
}

// usage is what one child process cost.
type usage struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
}

func runChild(b *testing.B, bin string, args ...string) usage {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = testutil.Env(b)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("moim %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	u := usage{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		u.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return u
}

// timedRuns runs bin with args b.N times, each time from week folders
// without the documents named (removed off the timer), and returns the
// children's CPU time and highest peak resident memory.
func timedRuns(b *testing.B, bin string, weeks, docs []string, args ...string) (cpu time.Duration, peak int64) {
	b.Helper()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for _, w := range weeks {
			for _, d := range docs {
				if err := os.Remove(filepath.Join(w, d)); err != nil && !errors.Is(err, fs.ErrNotExist) {
					b.Fatal(err)
				}
			}
		}
		b.StartTimer()
		u := runChild(b, bin, args...)
		cpu += u.cpu
		peak = max(peak, u.maxRSS)
	}
	return cpu, peak
}

// BenchmarkGenerateAll runs `moim generate --all` as a child process on
// the corpus notes repeated 1, 2 and 4 times. ns/op is the wall time of
// the process, dictionary load included; cpu-s/op its user+system time;
// peak-MB its maximum resident set; cpu-ms/KB the CPU time per kilobyte
// of notes (constant when the cost grows linearly).
func BenchmarkGenerateAll(b *testing.B) {
	corpus, tmpl := corpusOrSkip(b)
	bin := buildMoim(b)
	for _, k := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("notes=%dx", k), func(b *testing.B) {
			dir := b.TempDir()
			size := synthRepo(b, corpus, dir, k)
			outs, err := filepath.Glob(filepath.Join(dir, "weeks", "*"))
			if err != nil || len(outs) == 0 {
				b.Fatalf("no week folders in %s: %v", dir, err)
			}
			cpu, peak := timedRuns(b, bin, outs, []string{"ai-insights.md"}, "generate", "--repo", dir, "--all", "--template", tmpl)
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(size)/1024, "notes-KB")
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N)/(float64(size)/1024), "cpu-ms/KB")
		})
	}
}

// BenchmarkGenerateInProcess runs the same work through the pipeline in
// this process, so B/op and allocs/op count the engine's allocations. The
// dictionary is loaded before the timer starts (once per process).
func BenchmarkGenerateInProcess(b *testing.B) {
	corpus, tmpl := corpusOrSkip(b)
	text.Default().Terms("사전 적재")
	for _, k := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("notes=%dx", k), func(b *testing.B) {
			dir := b.TempDir()
			size := synthRepo(b, corpus, dir, k)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ws, err := workspace.Open(dir)
				if err != nil {
					b.Fatal(err)
				}
				for wi := range ws.Weeks {
					pw, err := pipeline.Load(ws, &ws.Weeks[wi], tmpl, "-")
					if err != nil {
						b.Fatal(err)
					}
					res, err := pw.Generate(context.Background(), offline.New())
					if err != nil {
						b.Fatal(err)
					}
					if _, err := pw.Document(res); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(size)/1024, "notes-KB")
		})
	}
}

// BenchmarkCorpusQuality generates each corpus week with the basic
// template (the built binary, as docs/quality.md's commands do) and
// evaluates it against the week's hand-made ai-insights.md and its notes.
// The metrics are the total line of `moim eval`; the table is logged.
func BenchmarkCorpusQuality(b *testing.B) {
	corpus, tmpl := corpusOrSkip(b)
	bin := buildMoim(b)
	for w := 1; w <= corpusWeeks; w++ {
		b.Run(fmt.Sprintf("week=%d", w), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), fmt.Sprintf("w%d.md", w))
			refPath := filepath.Join(corpus, "weeks", fmt.Sprintf("week%02d", w), "ai-insights.md")
			var res *Result
			for i := 0; i < b.N; i++ {
				if err := os.Remove(out); err != nil && !errors.Is(err, fs.ErrNotExist) {
					b.Fatal(err)
				}
				runChild(b, bin, "generate", "--repo", corpus, "--week", fmt.Sprint(w), "--template", tmpl, "--out", out)
				b.StopTimer()
				ref, err := ReadDocument(refPath, 0)
				if err != nil {
					b.Fatal(err)
				}
				gen, err := ReadDocument(out, 0)
				if err != nil {
					b.Fatal(err)
				}
				notes, _, err := LoadNotes(corpus, w)
				if err != nil {
					b.Fatal(err)
				}
				res = Compare(ref, gen, notes, Options{})
				b.StartTimer()
			}
			t := res.Total
			b.ReportMetric(val(t.TermOverlap), "terms")
			b.ReportMetric(val(t.BigramF1), "f1")
			b.ReportMetric(val(t.Supported), "supp")
			b.ReportMetric(val(res.MemberTotal.Supported), "member-supp")
			b.ReportMetric(val(t.Attributed), "attr")
			b.ReportMetric(float64(t.Debris), "debris")
			b.ReportMetric(float64(t.GenBullets), "bullets")
			b.ReportMetric(t.GenLen, "len")
			var table bytes.Buffer
			if err := WriteTable(&table, res); err != nil {
				b.Fatal(err)
			}
			b.Logf("week %d:\n%s", w, table.String())
		})
	}
}

// synthEightWeeks writes into dir a corpus-sized study of eight weeks: the
// corpus README (its schedule has eight rows) and its four weeks of notes,
// then the same notes again as weeks 5 to 8. It returns the notes' size.
func synthEightWeeks(b *testing.B, corpus, dir string) int {
	b.Helper()
	total := synthRepo(b, corpus, dir, 1)
	for w := 1; w <= corpusWeeks; w++ {
		src := filepath.Join(dir, "weeks", fmt.Sprintf("week%02d", w))
		dst := filepath.Join(dir, "weeks", fmt.Sprintf("week%02d", w+corpusWeeks))
		if err := os.MkdirAll(dst, 0o755); err != nil {
			b.Fatal(err)
		}
		notes, _ := filepath.Glob(filepath.Join(src, "study-note-*.md"))
		for _, n := range notes {
			data, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, filepath.Base(n)), data, 0o644); err != nil {
				b.Fatal(err)
			}
			total += len(data)
		}
	}
	return total
}

// buildMoimAt builds moim as it was at the git commit ref (git archive
// into a temporary directory), for a before/after comparison in one run.
func buildMoimAt(b *testing.B, ref string) string {
	b.Helper()
	src := b.TempDir()
	archive := exec.Command("sh", "-c", "git -C \"$(git rev-parse --show-toplevel)\" archive \"$1\" | tar -x -C \"$2\"", "sh", ref, src)
	if out, err := archive.CombinedOutput(); err != nil {
		b.Fatalf("git archive %s: %v\n%s", ref, err, out)
	}
	bin := filepath.Join(b.TempDir(), "moim")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/moim")
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build at %s: %v\n%s", ref, err, out)
	}
	return bin
}

// BenchmarkEightWeeks runs `moim generate --all` as a child process on a
// corpus-sized study of eight weeks, once for the insights alone and once
// for the insights and the summaries together (--doc insights,summary).
// ns/op is the wall time of the process, dictionary load included; cpu-s/op
// its user+system time; the bar is 3 s of wall time for both
// documents of all eight weeks. With MOIM_BENCH_BASE set to a git commit
// (main, HEAD~3), the moim of that commit runs too, right after the
// working tree's on the same documents (bin=head, bin=base): before and
// after in one run, under about the same load.
func BenchmarkEightWeeks(b *testing.B) {
	corpus, tmpl := corpusOrSkip(b)
	bins := []struct{ name, path string }{{"", buildMoim(b)}}
	if ref := os.Getenv("MOIM_BENCH_BASE"); ref != "" {
		bins = []struct{ name, path string }{{"bin=head/", bins[0].path}, {"bin=base/", buildMoimAt(b, ref)}}
	}
	for _, docs := range []string{"insights", "insights,summary"} {
		for _, bin := range bins {
			b.Run(bin.name+"doc="+docs, func(b *testing.B) { eightWeeks(b, corpus, tmpl, bin.path, docs) })
		}
	}
}

// eightWeeks is one sub-benchmark of BenchmarkEightWeeks: bin on docs.
func eightWeeks(b *testing.B, corpus, tmpl, bin, docs string) {
	dir := b.TempDir()
	size := synthEightWeeks(b, corpus, dir)
	outs, _ := filepath.Glob(filepath.Join(dir, "weeks", "*"))
	args := []string{"generate", "--repo", dir, "--all", "--doc", docs}
	if docs == "insights" {
		args = append(args, "--template", tmpl)
	}
	cpu, peak := timedRuns(b, bin, outs, []string{"ai-insights.md", "summary.md"}, args...)
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(size)/1024, "notes-KB")
}

// BenchmarkSummaryEngine is the summary engine alone on each corpus week
// with a hand-made summary (the week analysed once, before the timer), so
// that B/op and allocs/op count what the summary adds to the insights.
func BenchmarkSummaryEngine(b *testing.B) {
	corpus, _ := corpusOrSkip(b)
	text.Default().Terms("사전 적재")
	ws, err := workspace.Open(corpus)
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range summaryWeeks {
		b.Run(fmt.Sprintf("week=%d", w), func(b *testing.B) {
			wk, _ := ws.Week(w)
			pw := pipeline.LoadNotes(ws, wk)
			if err := pw.LoadSummary("", "-"); err != nil {
				b.Fatal(err)
			}
			pw.Input() // the analysis, shared with the insights
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := pw.Summarize(context.Background(), summary.New())
				if err != nil {
					b.Fatal(err)
				}
				if _, err := pw.SummaryDocument(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
