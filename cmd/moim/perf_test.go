package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/testutil"
)

// The benchmarks below time whole moim processes (the binary TestMain
// built) on a corpus-sized study: the reference corpus's README, chapter
// summaries and four weeks of notes, with weeks 5-8 repeating weeks 1-4,
// built in a temporary folder (no corpus text is kept). They are skipped
// when ../shared/corpus is absent (testutil.Corpus). docs/performance.md records the
// results:
//
//	go test ./cmd/moim -run '^$' -bench Study -benchtime 7x
//
// MOIM_BENCH_MOIM and MOIM_BENCH_FLOOR, when set, name other builds of
// moim and of the floor to time instead (an earlier commit's, for a
// before/after table).
//
// Each reports the median wall time of its runs (median-s), their CPU time
// (cpu-s) and the highest peak resident memory (peak-MB). The dictionary
// cache is warmed before the timed runs, in a temporary MOIM_DICT_CACHE, as
// on any machine after moim's first run; BenchmarkStudyGenerateAllCold
// starts every run without it.

// studyWeeks is the length of the corpus-sized study.
const studyWeeks = 8

// studyRepo writes the corpus-sized study into a temporary folder and
// returns it.
func studyRepo(tb testing.TB) string {
	tb.Helper()
	corpus := testutil.Corpus(tb, "ai-engineering-study")
	dir := tb.TempDir()
	if err := writeStudy(corpus, dir, studyWeeks); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// writeStudy copies corpus's README, chapter summaries and notes into dir,
// repeating its weeks until there are weeks of them.
func writeStudy(corpus, dir string, weeks int) error {
	for _, f := range []string{"README.md", "chapter-summaries-ko.md"} {
		b, err := os.ReadFile(filepath.Join(corpus, f))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			return err
		}
	}
	src, err := filepath.Glob(filepath.Join(corpus, "weeks", "week*"))
	if err != nil || len(src) == 0 {
		return fmt.Errorf("no weeks in %s", corpus)
	}
	slices.Sort(src)
	for w := 1; w <= weeks; w++ {
		notes, _ := filepath.Glob(filepath.Join(src[(w-1)%len(src)], "study-note-*.md"))
		out := filepath.Join(dir, "weeks", fmt.Sprintf("week%02d", w))
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		for _, n := range notes {
			b, err := os.ReadFile(n)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(out, filepath.Base(n)), b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// TestHelperStudyRepo writes the corpus-sized study into $MOIM_STUDY_OUT,
// for measuring it with other tools (docs/performance.md runs valgrind on
// it); it does nothing in a normal test run.
func TestHelperStudyRepo(t *testing.T) {
	dir := os.Getenv("MOIM_STUDY_OUT")
	if dir == "" {
		t.Skip("writes the benchmark study into $MOIM_STUDY_OUT")
	}
	corpus := testutil.Corpus(t, "ai-engineering-study")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeStudy(corpus, dir, studyWeeks); err != nil {
		t.Fatal(err)
	}
}

// usage is what one child process cost.
type usage struct {
	wall, cpu time.Duration
	peakMB    float64
}

// runProc runs a process in the environment testutil.Env gives, plus env,
// and fails the benchmark unless it exits with want.
func runProc(b *testing.B, env []string, want int, bin string, args ...string) usage {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = testutil.Env(b, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	u := usage{wall: time.Since(start)}
	if code := cmd.ProcessState.ExitCode(); code != want {
		b.Fatalf("%s %s: exit %d (%v), want %d\n%s", filepath.Base(bin), strings.Join(args, " "), code, err, want, stderr.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		u.peakMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return u
}

// runs collects the usage of repeated runs of one command.
type runs []usage

func (rs runs) median() time.Duration {
	ws := make([]time.Duration, len(rs))
	for i, r := range rs {
		ws[i] = r.wall
	}
	slices.Sort(ws)
	return ws[len(ws)/2]
}

// cpu is the mean CPU time (user and system) of the runs.
func (rs runs) cpu() time.Duration {
	var cpu time.Duration
	for _, r := range rs {
		cpu += r.cpu
	}
	return cpu / time.Duration(len(rs))
}

func (rs runs) report(b *testing.B, prefix string) {
	var peak float64
	for _, r := range rs {
		peak = max(peak, r.peakMB)
	}
	b.ReportMetric(rs.median().Seconds(), prefix+"median-s")
	b.ReportMetric(rs.cpu().Seconds(), prefix+"cpu-s")
	b.ReportMetric(peak, prefix+"peak-MB")
}

// moimBinary is the moim binary to time: TestMain's, or $MOIM_BENCH_MOIM.
func moimBinary() string {
	if bin := os.Getenv("MOIM_BENCH_MOIM"); bin != "" {
		return bin
	}
	return binary
}

// buildFloor builds internal/pipeline/internal/floor, the least work
// generate has to do (or returns $MOIM_BENCH_FLOOR).
func buildFloor(b *testing.B) string {
	b.Helper()
	if bin := os.Getenv("MOIM_BENCH_FLOOR"); bin != "" {
		return bin
	}
	bin := filepath.Join(b.TempDir(), "floor")
	if out, err := exec.Command("go", "build", "-o", bin, "../../internal/pipeline/internal/floor").CombinedOutput(); err != nil {
		b.Fatalf("go build floor: %v\n%s", err, out)
	}
	return bin
}

// removeDocuments deletes every week's ai-insights.md.
func removeDocuments(b *testing.B, repo string) {
	docs, _ := filepath.Glob(filepath.Join(repo, "weeks", "*", "ai-insights.md"))
	for _, d := range docs {
		if err := os.Remove(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStudyGenerateAll runs `moim generate --all` on the study, each
// time from the template, and in the same iteration the floor (dictionary
// load beside discovery, reading and parsing, then kagome over every
// sentence once). x-floor is moim's median wall time over the floor's,
// x-floor-cpu the same ratio of their mean CPU times (steadier on a busy
// machine).
func BenchmarkStudyGenerateAll(b *testing.B) {
	repo := studyRepo(b)
	floor := buildFloor(b)
	env := []string{"MOIM_DICT_CACHE=" + b.TempDir()}
	runProc(b, env, 0, floor, repo) // warm the dictionary cache
	var moim, fl runs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		removeDocuments(b, repo)
		b.StartTimer()
		moim = append(moim, runProc(b, env, 0, moimBinary(), "generate", "--repo", repo, "--all"))
		fl = append(fl, runProc(b, env, 0, floor, repo))
	}
	moim.report(b, "")
	fl.report(b, "floor-")
	b.ReportMetric(moim.median().Seconds()/fl.median().Seconds(), "x-floor")
	b.ReportMetric(moim.cpu().Seconds()/fl.cpu().Seconds(), "x-floor-cpu")
}

// BenchmarkStudyGenerateAllCold is BenchmarkStudyGenerateAll's moim run
// without the dictionary cache: moim's first run on a machine, which
// decodes the embedded dictionary and writes the cache.
func BenchmarkStudyGenerateAllCold(b *testing.B) {
	repo := studyRepo(b)
	var moim runs
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		removeDocuments(b, repo)
		env := []string{"MOIM_DICT_CACHE=" + b.TempDir()}
		b.StartTimer()
		moim = append(moim, runProc(b, env, 0, moimBinary(), "generate", "--repo", repo, "--all"))
	}
	moim.report(b, "")
}

// BenchmarkStudyGenerateWeek runs `moim generate --week 8`, the weekly
// job, on the study.
func BenchmarkStudyGenerateWeek(b *testing.B) {
	repo := studyRepo(b)
	env := []string{"MOIM_DICT_CACHE=" + b.TempDir()}
	runProc(b, env, 0, moimBinary(), "generate", "--repo", repo, "--week", "1") // warm the cache
	var moim runs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		moim = append(moim, runProc(b, env, 0, moimBinary(), "generate", "--repo", repo, "--week", "8", "--out", "-"))
	}
	moim.report(b, "")
}

// BenchmarkStudyCheck runs `moim check` on the study once every week is
// generated (exit 0).
func BenchmarkStudyCheck(b *testing.B) {
	repo := studyRepo(b)
	env := []string{"MOIM_DICT_CACHE=" + b.TempDir()}
	runProc(b, env, 0, moimBinary(), "generate", "--repo", repo, "--all")
	var check runs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		check = append(check, runProc(b, env, 0, moimBinary(), "check", "--repo", repo))
	}
	check.report(b, "")
}
