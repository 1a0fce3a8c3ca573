//go:build unix

package fsutil

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A character device is an output (written directly); a pipe is not.
func TestDevicesAsOutput(t *testing.T) {
	if err := CheckOutput(os.DevNull, os.DevNull, false); err != nil {
		t.Errorf("CheckOutput(%s): %v", os.DevNull, err)
	}
	if err := WriteFileAtomic(os.DevNull, []byte("버려지는 문서\n")); err != nil {
		t.Errorf("WriteFileAtomic(%s): %v", os.DevNull, err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v %v", os.DevNull, st, err)
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	if err := CheckOutput(fifo, fifo, false); err == nil || !strings.Contains(err.Error(), "not a regular file or a character device") {
		t.Errorf("CheckOutput(pipe) = %v, want a refusal", err)
	}
	if err := WriteFileAtomic(fifo, []byte("x")); err == nil {
		t.Error("WriteFileAtomic wrote into a pipe")
	}
}
