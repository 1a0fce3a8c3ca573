package progress

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// buf is a bytes.Buffer safe for the line's timer goroutine.
type buf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *buf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *buf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestNotATerminalDrawsNothing(t *testing.T) {
	var out buf
	l := New(&out, Options{}) // a pipe or a file
	w := l.Writer()
	l.Set("week 1 (1/3): generating")
	fmt.Fprintln(w, "moim: warning: two notes for 박지민")
	l.Set("week 2 (2/3): generating")
	l.Clear()
	if got, want := out.String(), "moim: warning: two notes for 박지민\n"; got != want {
		t.Fatalf("output = %q, want only the warning %q", got, want)
	}
	if l.Warning("warning:") != "warning:" {
		t.Error("colour without a terminal")
	}
}

func TestStatusIsClearedAroundLines(t *testing.T) {
	var out buf
	l := New(&out, Options{Terminal: true, Width: 40})
	w := l.Writer()
	l.Set("week 1 (1/2): generating")
	fmt.Fprint(w, "moim: warning: ")
	l.Set("week 1 (1/2): 3 requests") // not drawn in the middle of a line
	fmt.Fprint(w, "no schedule\n")
	l.Set("week 2 (2/2): generating")
	l.Clear()
	fmt.Fprintln(w, "moim: wrote 2 documents")
	want := "\r\x1b[Kweek 1 (1/2): generating" +
		"\r\x1b[Kmoim: warning: " +
		"no schedule\n" +
		"\r\x1b[Kweek 1 (1/2): 3 requests" +
		"\r\x1b[Kweek 2 (2/2): generating" +
		"\r\x1b[K" +
		"moim: wrote 2 documents\n"
	if got := out.String(); got != want {
		t.Fatalf("output\n got %q\nwant %q", got, want)
	}
}

func TestColourOnlyWhenAllowed(t *testing.T) {
	var out buf
	l := New(&out, Options{Terminal: true, Color: true})
	l.Set("week 1")
	if got := out.String(); got != "\r\x1b[K\x1b[2mweek 1\x1b[0m" {
		t.Fatalf("dim status = %q", got)
	}
	if got := l.Warning("warning:"); got != "\x1b[33mwarning:\x1b[0m" {
		t.Fatalf("warning label = %q", got)
	}
}

func TestDelaySkipsShortRuns(t *testing.T) {
	var out buf
	l := New(&out, Options{Terminal: true, Delay: time.Hour})
	l.Set("week 1 (1/1): generating")
	fmt.Fprintln(l.Writer(), "done")
	l.Clear()
	if got := out.String(); got != "done\n" {
		t.Fatalf("a run shorter than the delay drew %q", got)
	}
}

func TestDelayDrawsLongRuns(t *testing.T) {
	var out buf
	l := New(&out, Options{Terminal: true, Delay: time.Millisecond})
	l.Set("week 1 (1/8): generating")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "generating") {
		if time.Now().After(deadline) {
			t.Fatal("status not drawn after its delay")
		}
		time.Sleep(time.Millisecond)
	}
	l.Clear()
	if got := out.String(); got != "\r\x1b[Kweek 1 (1/8): generating\r\x1b[K" {
		t.Fatalf("output = %q", got)
	}
}

func TestTruncateCountsWideRunes(t *testing.T) {
	for _, c := range []struct {
		in   string
		cols int
		want string
	}{
		{"week 1", 10, "week 1"},
		{"week 12345", 6, "week …"},
		{"박지민 노트", 11, "박지민 노트"}, // 3*2 + 1 + 2*2 = 11 columns
		{"박지민 노트", 10, "박지민 노…"},
		{"박지민", 4, "박…"},
		{"박지민", 3, "박…"},
		{"abc", 0, ""},
	} {
		if got := Truncate(c.in, c.cols); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.cols, got, c.want)
		}
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	var b bytes.Buffer
	if o := Detect(&b, env(nil)); o.Terminal || o.Color {
		t.Errorf("a buffer is no terminal: %+v", o)
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if o := Detect(f, env(nil)); o.Terminal || o.Color {
		t.Errorf("a file is no terminal: %+v", o)
	}
}

func TestNilLine(t *testing.T) {
	var l *Line
	l.Set("x")
	l.Clear()
	if l.Writer() != nil || l.Warning("w:") != "w:" || l.Options().Terminal {
		t.Error("nil line is not inert")
	}
}
