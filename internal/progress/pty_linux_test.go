package progress

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its terminal side, so that
// Detect sees a real terminal.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("pty number: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pty: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 100}); err != nil {
		t.Fatal(err)
	}
	return tty
}

func TestDetectTerminal(t *testing.T) {
	tty := openPTY(t)
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	o := Detect(tty, env(map[string]string{"TERM": "xterm-256color"}))
	if !o.Terminal || !o.Color || o.Width != 100 || o.Delay != DefaultDelay {
		t.Errorf("terminal: %+v, want status and colour, 100 columns", o)
	}
	o = Detect(tty, env(map[string]string{"TERM": "xterm", "NO_COLOR": "1"}))
	if !o.Terminal || o.Color {
		t.Errorf("NO_COLOR: %+v, want a status line without colour", o)
	}
	o = Detect(tty, env(map[string]string{"TERM": "dumb"}))
	if o.Terminal || o.Color {
		t.Errorf("TERM=dumb: %+v, want neither", o)
	}
}
