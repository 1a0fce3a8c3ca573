package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/engine/offline"
)

// hugeNote builds a Korean markdown note of about size bytes: sections of
// headings, paragraphs with emphasis, nested lists, a question and a code
// block, each section with its own numbers so that terms vary.
func hugeNote(size int) string {
	var b strings.Builder
	b.Grow(size + 1024)
	b.WriteString("# 저장 엔진 정리\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## %d. 페이지 %d와 버퍼 풀\n\n", i, i%113)
		fmt.Fprintf(&b, "B-트리 %d은 **페이지 단위**로 데이터를 저장하고 높이를 낮게 유지한다.\n", i%97)
		fmt.Fprintf(&b, "버퍼 풀 %d은 자주 읽는 페이지를 메모리에 캐시해서 디스크 읽기를 줄인다.\n\n", i%89)
		fmt.Fprintf(&b, "- 컴팩션 %d은 읽기 증폭을 줄인다.\n  - 하지만 쓰기 증폭 %d이 늘어난다.\n", i%83, i%79)
		fmt.Fprintf(&b, "- 실무에서는 적중률 %d을 모니터링 지표로 삼을 수 있다.\n\n", i%71)
		fmt.Fprintf(&b, "개인적으로는 병합 %d이 분할보다 까다롭다고 생각한다. 로그 %d는 언제 비울까?\n\n", i%67, i%61)
		b.WriteString("```go\nfor _, p := range pages { flush(p) }\n```\n\n")
	}
	return b.String()
}

// writeRepo writes a one-week repository whose first member's note is
// big and returns its root.
func writeRepo(tb testing.TB, big string) string {
	tb.Helper()
	root := tb.TempDir()
	dir := filepath.Join(root, "weeks", "week01")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	readme := "# 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n\n| 주차 | 날짜 | 주요 내용 |\n|---|---|---|\n| 1주차 | 4/1 | 저장 엔진 |\n| 2주차 | 4/8 | LSM 트리 |\n"
	files := map[string]string{
		filepath.Join(root, "README.md"): readme,
		filepath.Join(dir, "한서진.md"):     big,
		filepath.Join(dir, "오태윤.md"):     "# 노트\n\n버퍼 풀은 **페이지**를 캐시한다.\nCLOCK은 언제 LRU보다 나을까?\n",
	}
	for p, s := range files {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return root
}

// peakHeap samples the live heap while it runs and reports the highest
// value seen, in MB.
type peakHeap struct {
	stop chan struct{}
	done sync.WaitGroup
	max  atomic.Uint64
}

func startPeak() *peakHeap {
	p := &peakHeap{stop: make(chan struct{})}
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if v := ms.HeapInuse + ms.StackInuse; v > p.max.Load() {
				p.max.Store(v)
			}
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

func (p *peakHeap) end() float64 {
	close(p.stop)
	p.done.Wait()
	return float64(p.max.Load()) / (1 << 20)
}

// runWeek is what `moim generate --out -` does for week 1: discover, load,
// generate with the offline engine, compose.
func runWeek(tb testing.TB, root string) string { return runWeekN(tb, root, 1) }

// runWeekN is runWeek for week n: `moim generate --week n --out -`.
func runWeekN(tb testing.TB, root string, n int) string {
	return document(tb, loadWeek(tb, root, n, "-"))
}

// document generates w with the offline engine and returns its document.
func document(tb testing.TB, w *Week) string {
	tb.Helper()
	res, err := w.Generate(context.Background(), offlineEngine())
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := w.Document(res)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func benchmarkNote(b *testing.B, size int) {
	root := writeRepo(b, hugeNote(size))
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
		p := startPeak()
		if doc := runWeek(b, root); !strings.Contains(doc, "## 한서진") {
			b.Fatal("member missing from the document")
		}
		peak = max(peak, p.end())
	}
	b.ReportMetric(peak, "peak-heap-MB")
}

func offlineEngine() *offline.Engine { return offline.New() }

// BenchmarkHugeNote runs one week end to end whose note is 20 MB.
func BenchmarkHugeNote(b *testing.B) { benchmarkNote(b, 20<<20) }

// BenchmarkLargeNote is the same with a 2 MB note.
func BenchmarkLargeNote(b *testing.B) { benchmarkNote(b, 2<<20) }

// BenchmarkManyFiles runs a week whose folder holds 10,000 notes of
// members nobody listed (each becomes a member of its own).
func BenchmarkManyFiles(b *testing.B) {
	root := writeRepo(b, "# 노트\n\n버퍼 풀은 페이지를 캐시한다.\n")
	dir := filepath.Join(root, "weeks", "week01")
	for i := 0; i < 10000; i++ {
		src := fmt.Sprintf("# 노트 %d\n\nB-트리 %d은 **페이지 단위**로 저장한다.\n컴팩션 %d은 언제 할까?\n", i, i%97, i%89)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("note-%05d.md", i)), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
		p := startPeak()
		if doc := runWeek(b, root); !strings.Contains(doc, "## 한서진") {
			b.Fatal("member missing from the document")
		}
		peak = max(peak, p.end())
	}
	b.ReportMetric(peak, "peak-heap-MB")
}
