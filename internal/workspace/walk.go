package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// MaxFiles caps how many files discovery looks at in one repository.
const MaxFiles = 200_000

// entry is one file found by the walk.
type entry struct {
	// rel is the path relative to the root as on disk, slash-separated.
	rel string
	// segs are rel's segments, cleaned (NFC, no control characters).
	segs []string
	size int64
}

func (e entry) base() string { return e.segs[len(e.segs)-1] }

// walker lists a repository's files. It skips .git, node_modules and
// hidden folders, follows symbolic links only when they stay inside the
// repository, visits each real folder once (so link loops end) and stops
// after max files.
type walker struct {
	root  string // real (symlink-free) absolute root
	max   int
	seen  map[string]bool
	files []entry
	dirs  []entry // folders, for empty week folders
	// visited are the folders walk listed (or tried to), "" for the root:
	// what a Stamp checks for added, removed or renamed entries.
	visited []string
	// skipped are folders not entered (hidden, node_modules ...), except
	// .git and moim's own .moim.
	skipped  []Skipped
	warnings []Warning
	stopped  bool
}

func walkRepo(root string, max int) (*walker, error) {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("workspace: %s: %w", root, err)
	}
	w := &walker{root: real, max: max, seen: map[string]bool{}}
	w.seen[real] = true
	w.walk(real, "")
	return w, nil
}

func (w *walker) inside(p string) bool {
	return p == w.root || strings.HasPrefix(p, w.root+string(filepath.Separator))
}

func (w *walker) warn(rel, format string, args ...any) {
	w.warnings = append(w.warnings, Warning{File: rel, Msg: fmt.Sprintf(format, args...)})
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules" || name == "__pycache__"
}

// skipFolder records a folder that is not entered.
func (w *walker) skipFolder(name, rel string) {
	if name == ".git" || name == ".moim" {
		return
	}
	reason := "hidden folder"
	if !strings.HasPrefix(name, ".") {
		reason = reasonCodeDir
	}
	w.skipped = append(w.skipped, Skipped{Path: rel + "/", Reason: reason})
}

// walk lists dir and reports whether it could be read.
func (w *walker) walk(dir, rel string) bool {
	w.visited = append(w.visited, rel)
	ents, err := os.ReadDir(dir)
	if err != nil {
		w.warn(orDot(rel), "cannot read folder, skipped: %v", unwrapPathErr(err))
	}
	for _, de := range ents {
		if w.stopped {
			break
		}
		name := de.Name()
		full := filepath.Join(dir, name)
		r := path.Join(rel, name)
		typ := de.Type()
		if typ&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(full)
			if err != nil {
				if isLinkLoop(err) {
					w.warn(r, "symbolic link loop, skipped")
				} else {
					w.warn(r, "broken symbolic link, skipped")
				}
				continue
			}
			if !w.inside(target) {
				w.warn(r, "symbolic link points outside the repository, not followed")
				continue
			}
			fi, err := os.Stat(target)
			if err != nil {
				w.warn(r, "cannot stat link target, skipped: %v", unwrapPathErr(err))
				continue
			}
			if fi.IsDir() {
				if skipDir(name) {
					w.skipFolder(name, r)
					continue
				}
				w.enter(target, r)
			} else if fi.Mode().IsRegular() {
				w.addFile(r, fi.Size())
			}
			continue
		}
		if de.IsDir() {
			if skipDir(name) {
				w.skipFolder(name, r)
				continue
			}
			w.enter(full, r)
			continue
		}
		if !typ.IsRegular() {
			continue
		}
		var size int64
		if fi, err := de.Info(); err == nil {
			size = fi.Size()
		}
		w.addFile(r, size)
	}
	return err == nil
}

// enter descends into a folder once per real path.
func (w *walker) enter(full, rel string) {
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		w.warn(rel, "cannot resolve folder, skipped: %v", unwrapPathErr(err))
		return
	}
	if w.seen[real] {
		w.warn(rel, "folder already visited through another path (symbolic link loop?), skipped")
		return
	}
	w.seen[real] = true
	if w.walk(full, rel) {
		w.dirs = append(w.dirs, newEntry(rel, 0))
	}
}

func (w *walker) addFile(rel string, size int64) {
	if len(w.files) >= w.max {
		w.stopped = true
		w.warn("", "more than %d files: discovery stopped early; set layout in moim.yaml", w.max)
		return
	}
	w.files = append(w.files, newEntry(rel, size))
}

func newEntry(rel string, size int64) entry {
	parts := strings.Split(rel, "/")
	segs := make([]string, len(parts))
	for i, p := range parts {
		segs[i] = cleanName(p)
	}
	return entry{rel: rel, segs: segs, size: size}
}

func orDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// isLinkLoop reports whether resolving a link failed because links point
// at each other.
func isLinkLoop(err error) bool {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err != nil && strings.Contains(err.Error(), "too many links")
}
