package fsutil

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
)

// FS is what WriteFileAtomic does to the disk: create the temporary file,
// set its mode, rename it over the document. The operating system's file
// system unless a test replaced it (SetFS) to make one step fail.
type FS interface {
	CreateTemp(dir, pattern string) (File, error)
	Chmod(name string, mode fs.FileMode) error
	Rename(oldpath, newpath string) error
}

// File is the temporary file WriteFileAtomic fills.
type File interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// OS is the operating system's file system.
type OS struct{}

// CreateTemp is os.CreateTemp.
func (OS) CreateTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }

// Chmod is os.Chmod.
func (OS) Chmod(name string, mode fs.FileMode) error { return os.Chmod(name, mode) }

// Rename is os.Rename.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

var writeFS atomic.Pointer[FS]

// SetFS makes WriteFileAtomic write through f until restore is called. It
// exists for tests that make a step of a write fail (see package
// fsutil/fsfault); tests that use it must not run in parallel with other
// writes.
func SetFS(f FS) (restore func()) {
	old := writeFS.Swap(&f)
	return func() { writeFS.Store(old) }
}

func currentFS() FS {
	if f := writeFS.Load(); f != nil {
		return *f
	}
	return OS{}
}

// WriteFileAtomic writes data to a temporary file in the same directory,
// syncs it and renames it over path, keeping path's permissions when it
// exists (0644 otherwise). Readers see the old content or the new one,
// never a mix; when the process dies before the rename the old file is
// untouched (a stray ".<name>.tmp-*" file may remain). When path is a
// symbolic link the file it points to is replaced, not the link. A
// character device (/dev/null, a terminal) is written to directly: there
// is nothing to replace.
func WriteFileAtomic(path string, data []byte) error {
	return writeAtomic(path, data, true)
}

// WriteFileReplaced is WriteFileAtomic without the sync before the rename,
// for output that moim makes again from the notes on its next run (the
// pages of `moim site`), never for documents people edit. Readers still
// see the old content or the new one, never a mix, but after a power loss
// the file may hold its old content or be empty until the next run. A
// static site of hundreds of pages then costs no wait on the disk per page,
// which is what static site generators do.
func WriteFileReplaced(path string, data []byte) error {
	return writeAtomic(path, data, false)
}

func writeAtomic(path string, data []byte, sync bool) error {
	p, err := prepare(path, data, sync)
	if err != nil {
		return err
	}
	return p.Commit()
}

// Pending is a file written by PrepareFileAtomic and not yet in place:
// Commit puts it in place, Discard removes it.
type Pending struct {
	path   string // the file to replace (symbolic links resolved)
	tmp    string // the temporary file, "" for a device
	device []byte // data for a character device, written by Commit
}

// PrepareFileAtomic does every step of WriteFileAtomic but the last: it
// writes data to a temporary file beside path, syncs it and gives it
// path's permissions, leaving path untouched until Commit renames the
// file over it. Several documents can so be prepared at once and put in
// place only once all of them are ready; a failed preparation leaves no
// temporary file. Every prepared file must be committed or discarded.
func PrepareFileAtomic(path string, data []byte) (*Pending, error) {
	return prepare(path, data, true)
}

func prepare(path string, data []byte, sync bool) (p *Pending, err error) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	dir := filepath.Dir(path)
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if isCharDevice(st) {
			return &Pending{path: path, device: data}, nil
		}
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("write %s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	fsys := currentFS()
	f, err := fsys.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		f.Close()
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if sync {
		err = f.Sync()
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err = f.Close(); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err = fsys.Chmod(tmp, mode); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return &Pending{path: path, tmp: tmp}, nil
}

// Commit renames the prepared file over its path (a character device is
// written to now). On failure the temporary file is removed and the path
// is unchanged.
func (p *Pending) Commit() error {
	if p.tmp == "" {
		return writeDevice(p.path, p.device)
	}
	if err := currentFS().Rename(p.tmp, p.path); err != nil {
		os.Remove(p.tmp)
		return fmt.Errorf("write %s: %w", p.path, unwrapPath(err))
	}
	return nil
}

// Discard removes the prepared file; its path is unchanged.
func (p *Pending) Discard() {
	if p.tmp != "" {
		os.Remove(p.tmp)
	}
}

// isCharDevice reports whether st is a character device such as /dev/null.
func isCharDevice(st fs.FileInfo) bool {
	return st.Mode()&fs.ModeDevice != 0 && st.Mode()&fs.ModeCharDevice != 0
}

// writeDevice writes data to a character device.
func writeDevice(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// CheckWritable fails when a file cannot be created or replaced at path:
// its folder is missing, is not a folder, or is read-only. It creates and
// removes a probe file. Messages name path as given.
func CheckWritable(path string) error { return CheckOutput(path, path, false) }

// CheckOutput checks, before any work is done, that a document can be
// written at path; display is how path is named in messages. When
// createDirs is true a missing folder is fine as long as the nearest
// existing folder above it is writable (the caller creates the folders
// with os.MkdirAll before writing); otherwise the folder must exist.
//
// A character device such as /dev/null is a valid output when it can be
// opened for writing.
//
// The errors say what is wrong and what to do: path is a folder, a pipe,
// socket or block device, its folder is missing, a file stands where a
// folder should be, or the folder is not writable.
func CheckOutput(path, display string, createDirs bool) error {
	if st, err := os.Stat(path); err == nil {
		switch {
		case st.IsDir():
			return fmt.Errorf("cannot write %s: it is a folder; give a file name", display)
		case isCharDevice(st):
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return fmt.Errorf("cannot write %s: %v", display, unwrapPath(err))
			}
			return f.Close()
		case !st.Mode().IsRegular():
			return fmt.Errorf("cannot write %s: it is not a regular file or a character device (a pipe or socket); use --out - for standard output", display)
		}
	} else if !errors.Is(err, fs.ErrNotExist) && !isNotDir(err) {
		return explain(display, filepath.Dir(display), err)
	}
	dir, shown := filepath.Dir(path), filepath.Dir(display)
	for {
		st, err := os.Stat(dir)
		if err == nil {
			if !st.IsDir() {
				return fmt.Errorf("cannot write %s: %s is a file, not a folder", display, shown)
			}
			break
		}
		notDir := isNotDir(err) // a file further up: find and name it
		if !errors.Is(err, fs.ErrNotExist) && !notDir {
			return explain(display, shown, err)
		}
		if !createDirs && !notDir {
			return fmt.Errorf("cannot write %s: folder %s does not exist; create it first or choose another location", display, shown)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return fmt.Errorf("cannot write %s: no existing folder above it", display)
		}
		dir, shown = parent, filepath.Dir(shown)
	}
	f, err := os.CreateTemp(dir, ".moim-probe-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: folder %s is not writable (%v); check its permissions or choose another location", display, shown, unwrapPath(err))
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// explain turns a stat error on the way to path into a message.
func explain(display, dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: no permission to reach folder %s; check its permissions or choose another location", display, dir)
	}
	return fmt.Errorf("cannot write %s: %v", display, unwrapPath(err))
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
