//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package text

// mapFile reads the file at path (see mapfile_unix.go; this system has no
// mapping through the syscall package).
func mapFile(path string) ([]byte, func(), error) { return readFile(path) }
