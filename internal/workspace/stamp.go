package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// RacyWindow is how recent a file's time of change may be, against the
// time Open started, for a Stamp to trust it: a file written in the same
// tick of a coarse file-system clock as Open read it, or while Open ran,
// may have changed without its time showing it, so a Stamp holding one is
// never Unchanged.
const RacyWindow = 2 * time.Second

// stamp records what Open read the workspace from: every folder the walk
// listed (an entry added, removed or renamed changes its folder's time of
// change), every file it found (the READMEs, the template and the heads of
// files it reads are among them) and the configuration and template paths,
// each with its size, mode and time of change as they were after Open.
type stamp struct {
	root  string
	start time.Time
	paths []string
	infos []stampInfo
}

type stampInfo struct {
	exists bool
	size   int64
	mode   fs.FileMode
	mtime  time.Time
}

func statStamp(p string) stampInfo {
	fi, err := os.Stat(p)
	if err != nil {
		return stampInfo{}
	}
	return stampInfo{exists: true, size: fi.Size(), mode: fi.Mode(), mtime: fi.ModTime()}
}

func newStamp(root string, start time.Time, d *detector) *stamp {
	s := &stamp{root: root, start: start}
	add := func(rel string) {
		s.paths = append(s.paths, rel)
		s.infos = append(s.infos, statStamp(filepath.Join(root, filepath.FromSlash(rel))))
	}
	add(ConfigFile)
	if d.ws.Template != "" {
		add(d.ws.Template)
	}
	for _, rel := range d.walk.visited {
		add(rel)
	}
	for _, e := range d.walk.files {
		add(e.rel)
	}
	return s
}

// Unchanged reports whether the repository is as Open found it, so that
// opening it again would give the same workspace: no folder Open listed and
// no file it found changed its size, mode or time of change (nor appeared
// or disappeared), and none had changed within RacyWindow of Open's start.
// It costs one stat per file and folder, not the walk and the reading of
// READMEs, the template and file heads Open does. False for a workspace
// that Open did not make.
func (ws *Workspace) Unchanged() bool {
	s := ws.stamp
	if s == nil {
		return false
	}
	limit := s.start.Add(-RacyWindow)
	for i, rel := range s.paths {
		was := s.infos[i]
		if was.exists && !was.mtime.Before(limit) {
			return false // changed around the time Open read it: not to be trusted
		}
		if now := statStamp(filepath.Join(s.root, filepath.FromSlash(rel))); now.exists != was.exists || now.size != was.size || now.mode != was.mode || !now.mtime.Equal(was.mtime) {
			return false
		}
	}
	return true
}
