//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package text

import (
	"os"
	"syscall"
)

// mapFile returns the bytes of the file at path mapped into memory (a
// private, copy-on-write mapping: writes would change no file), and a
// function that unmaps them. The pages are the operating system's cached
// copy of the file, read in as they are touched: no copy into the heap,
// nothing for the garbage collector. The mapping stays valid when the file
// is replaced by a rename or removed (the cache is only ever written that
// way), not when it is cut in place. When the file cannot be mapped it is
// read instead.
func mapFile(path string) (b []byte, unmap func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := fi.Size()
	if size <= 0 || int64(int(size)) != size {
		return readFile(path)
	}
	b, err = syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE)
	if err != nil {
		return readFile(path)
	}
	return b, func() { _ = syscall.Munmap(b) }, nil
}
