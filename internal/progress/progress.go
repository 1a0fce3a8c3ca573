// Package progress draws a one-line status ("week 3 (2/8): 4 of 9 LLM
// requests answered") at the bottom of a terminal while a long run goes on,
// and decides whether colour may be used.
//
// Nothing is drawn when the stream is not a terminal (a pipe, a file, CI
// logs) or TERM is "dumb"; colour is also off when NO_COLOR is set
// (https://no-color.org). Lines written through Writer while a status is
// shown are printed above it: the status is cleared, the line written, and
// the status drawn again, so warnings and the status never mix.
package progress

import (
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
	"golang.org/x/text/width"
)

// Options say what a stream can show.
type Options struct {
	// Terminal: the stream is an interactive terminal that understands
	// carriage return and "erase line"; the status line is drawn.
	Terminal bool
	// Color: ANSI colours may be used.
	Color bool
	// Width is the terminal's width in columns (0: unknown, 80 is assumed).
	Width int
	// Delay is how long a status waits before it is first drawn, so that
	// short runs do not flicker (0: drawn at once).
	Delay time.Duration
}

// DefaultDelay is the Delay Detect chooses.
const DefaultDelay = 400 * time.Millisecond

// Detect returns the options for w given the environment: a status line
// and colour only when w is a terminal (golang.org/x/term) and TERM is not
// "dumb"; colour only when NO_COLOR is empty as well.
func Detect(w io.Writer, getenv func(string) string) Options {
	if getenv == nil {
		getenv = os.Getenv
	}
	f, ok := w.(interface{ Fd() uintptr })
	if !ok {
		return Options{}
	}
	fd := int(f.Fd())
	if !term.IsTerminal(fd) || getenv("TERM") == "dumb" {
		return Options{}
	}
	o := Options{Terminal: true, Color: getenv("NO_COLOR") == "", Delay: DefaultDelay}
	if cols, _, err := term.GetSize(fd); err == nil {
		o.Width = cols
	}
	return o
}

// ANSI sequences.
const (
	eraseLine = "\r\x1b[K"
	dim       = "\x1b[2m"
	yellow    = "\x1b[33m"
	reset     = "\x1b[0m"
)

// Line is a status line on a stream. Its methods are safe for concurrent
// use, and a nil *Line does nothing (and its Writer is nil).
type Line struct {
	mu      sync.Mutex
	w       io.Writer
	o       Options
	status  string    // the status to show ("" = none)
	drawn   bool      // the status is on screen
	since   time.Time // when the current run of statuses started
	timer   *time.Timer
	partial bool // the last write through Writer did not end its line
	now     func() time.Time
}

// New returns a status line drawing on w as o allows.
func New(w io.Writer, o Options) *Line {
	return &Line{w: w, o: o, now: time.Now}
}

// Options returns what the line's stream can show.
func (l *Line) Options() Options {
	if l == nil {
		return Options{}
	}
	return l.o
}

// Set shows text as the status (after the Delay, on a terminal).
func (l *Line) Set(text string) {
	if l == nil || !l.o.Terminal {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	text = strings.Join(strings.Fields(text), " ")
	if l.status == "" {
		l.since = l.now()
	}
	l.status = text
	if l.drawn || l.o.Delay <= 0 || l.now().Sub(l.since) >= l.o.Delay {
		l.draw()
		return
	}
	if l.timer == nil {
		l.timer = time.AfterFunc(l.o.Delay-l.now().Sub(l.since), func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			l.timer = nil
			if l.status != "" && !l.drawn {
				l.draw()
			}
		})
	}
}

// Clear removes the status from the screen; the next Set starts a new run
// (with its own Delay).
func (l *Line) Clear() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	l.erase()
	l.status = ""
}

// draw writes the status over the current line. Callers hold mu.
func (l *Line) draw() {
	if l.partial {
		return // a line is half written; draw after it ends
	}
	text := Truncate(l.status, l.cols()-1)
	if l.o.Color {
		text = dim + text + reset
	}
	io.WriteString(l.w, eraseLine+text)
	l.drawn = true
}

// erase removes the drawn status. Callers hold mu.
func (l *Line) erase() {
	if l.drawn {
		io.WriteString(l.w, eraseLine)
		l.drawn = false
	}
}

func (l *Line) cols() int {
	if l.o.Width > 0 {
		return l.o.Width
	}
	return 80
}

// Writer returns a writer to the line's stream for everything else printed
// there (warnings, results): each write clears the status first and draws
// it again after a complete line.
func (l *Line) Writer() io.Writer {
	if l == nil {
		return nil
	}
	return lineWriter{l}
}

type lineWriter struct{ l *Line }

func (w lineWriter) Write(p []byte) (int, error) {
	l := w.l
	l.mu.Lock()
	defer l.mu.Unlock()
	l.erase()
	n, err := l.w.Write(p)
	if len(p) > 0 {
		l.partial = p[len(p)-1] != '\n'
	}
	if l.status != "" && l.timer == nil && err == nil {
		l.draw()
	}
	return n, err
}

// Warning returns label ("warning:") in yellow when colour is allowed.
func (l *Line) Warning(label string) string {
	if l == nil || !l.o.Color {
		return label
	}
	return yellow + label + reset
}

// Truncate shortens s to at most cols terminal columns (East Asian wide
// characters such as Hangul take two), ending with "…" when cut.
func Truncate(s string, cols int) string {
	total := 0
	for _, r := range s {
		total += runeWidth(r)
	}
	if total <= cols {
		return s
	}
	if cols <= 0 {
		return ""
	}
	used := 0
	for i, r := range s {
		w := runeWidth(r)
		if used+w > cols-1 { // keep a column for the ellipsis
			return s[:i] + "…"
		}
		used += w
	}
	return s
}

func runeWidth(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 0
	case r < 0x7f:
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
