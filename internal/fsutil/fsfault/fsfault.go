// Package fsfault is a file system for tests that makes one step of
// fsutil.WriteFileAtomic fail: creating the temporary file, writing it,
// syncing, closing, setting its mode or renaming it over the document.
// Everything else goes to the operating system, so a test sees what a
// real failure leaves on disk.
//
//	fault := &fsfault.FS{Fail: fsfault.Write}
//	defer fsutil.SetFS(fault)()
//	err := fsutil.WriteFileAtomic(path, data) // fails; path is unchanged
package fsfault

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/moim-study/moim/internal/fsutil"
)

// Step is a step of an atomic write.
type Step string

// The steps of fsutil.WriteFileAtomic, in order.
const (
	Create Step = "create" // creating the temporary file
	Write  Step = "write"  // writing it: half of the data lands, then the error
	Sync   Step = "sync"   // flushing it to the disk
	Close  Step = "close"  // closing it (the file is closed, then the error)
	Chmod  Step = "chmod"  // giving it the document's permissions
	Rename Step = "rename" // renaming it over the document
)

// Steps lists every step, in order.
var Steps = []Step{Create, Write, Sync, Close, Chmod, Rename}

// ErrInjected is the default error of a failing step.
var ErrInjected = errors.New("no space left on device (injected by a test)")

// FS fails Fail with Err (ErrInjected when nil) and passes everything else
// to the operating system. It is safe for concurrent use.
type FS struct {
	Fail Step
	Err  error
	// Only, when set, narrows the failure to the files whose path (the
	// temporary file's, or the document's for a rename) contains it.
	Only string

	mu    sync.Mutex
	fired int
	temps []string
}

var _ fsutil.FS = (*FS)(nil)

func (f *FS) fail(s Step, name string) error {
	if s != f.Fail || f.Only != "" && !strings.Contains(name, f.Only) {
		return nil
	}
	f.mu.Lock()
	f.fired++
	f.mu.Unlock()
	if f.Err != nil {
		return f.Err
	}
	return ErrInjected
}

// Fired reports how often the failing step was reached: a test asserts it
// is not 0, so that it cannot pass without the failure happening.
func (f *FS) Fired() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.fired
}

// Temps returns the names of the temporary files created through f.
func (f *FS) Temps() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.temps...)
}

// CreateTemp creates the temporary file unless Create fails.
func (f *FS) CreateTemp(dir, pattern string) (fsutil.File, error) {
	if err := f.fail(Create, filepath.Join(dir, pattern)); err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	file, err := fsutil.OS{}.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	f.temps = append(f.temps, file.Name())
	f.mu.Unlock()
	return &tempFile{File: file, fs: f}, nil
}

// Chmod sets the mode unless Chmod fails.
func (f *FS) Chmod(name string, mode fs.FileMode) error {
	if err := f.fail(Chmod, name); err != nil {
		return &fs.PathError{Op: "chmod", Path: name, Err: err}
	}
	return fsutil.OS{}.Chmod(name, mode)
}

// Rename renames unless Rename fails.
func (f *FS) Rename(oldpath, newpath string) error {
	if err := f.fail(Rename, newpath); err != nil {
		return &fs.PathError{Op: "rename", Path: newpath, Err: err}
	}
	return fsutil.OS{}.Rename(oldpath, newpath)
}

type tempFile struct {
	fsutil.File
	fs *FS
}

func (t *tempFile) Write(p []byte) (int, error) {
	if err := t.fs.fail(Write, t.Name()); err != nil {
		n, _ := t.File.Write(p[:len(p)/2])
		return n, &fs.PathError{Op: "write", Path: t.Name(), Err: err}
	}
	return t.File.Write(p)
}

func (t *tempFile) Sync() error {
	if err := t.fs.fail(Sync, t.Name()); err != nil {
		return &fs.PathError{Op: "sync", Path: t.Name(), Err: err}
	}
	return t.File.Sync()
}

func (t *tempFile) Close() error {
	err := t.File.Close()
	if ferr := t.fs.fail(Close, t.Name()); ferr != nil {
		return &fs.PathError{Op: "close", Path: t.Name(), Err: ferr}
	}
	return err
}
