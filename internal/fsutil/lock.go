package fsutil

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// StateDir is the folder moim keeps its own files in, at the repository
// root. It holds a .gitignore so that git ignores it.
const StateDir = ".moim"

// LockFile is the lock's file name inside StateDir.
const LockFile = "lock"

// LockedError is returned by LockRepo when another process holds the lock.
type LockedError struct {
	// Path is the lock file.
	Path string
	// Holder describes the process that holds it ("pid 4242, since
	// 15:04:05"), "" when unknown.
	Holder string
}

func (e *LockedError) Error() string {
	who := "another moim run"
	if e.Holder != "" {
		who += " (" + e.Holder + ")"
	}
	return fmt.Sprintf("%s is working on this repository (lock %s); wait for it to finish and run moim again", who, e.Path)
}

// Lock is an exclusive lock on a repository: two moim runs that write into
// one repository do not interleave.
type Lock struct {
	fl *flock.Flock
}

// LockRepo takes the lock <root>/.moim/lock, creating .moim/ (with a
// .gitignore holding "*") when needed. When another process holds it,
// LockRepo tries again until wait has passed or ctx is done, then returns a
// *LockedError naming the holder's process id. The lock is released by
// Unlock or when the process ends, even by a crash.
func LockRepo(ctx context.Context, root string, wait time.Duration) (*Lock, error) {
	dir := filepath.Join(root, StateDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock: create %s: %w", dir, unwrapPath(err))
	}
	ignore := filepath.Join(dir, ".gitignore")
	if _, err := os.Stat(ignore); errors.Is(err, os.ErrNotExist) {
		// Best effort: a missing .gitignore only shows .moim/ to git.
		_ = os.WriteFile(ignore, []byte("*\n"), 0o644)
	}
	path := filepath.Join(dir, LockFile)
	fl := flock.New(path)
	deadline := time.Now().Add(wait)
	for {
		ok, err := fl.TryLock()
		if err != nil {
			return nil, fmt.Errorf("lock: %s: %w", path, unwrapPath(err))
		}
		if ok {
			// Say who holds the lock, for the run that finds it taken.
			// Locks are advisory, so writing through another handle works.
			info := fmt.Sprintf("pid %d, since %s\n", os.Getpid(), time.Now().Format("15:04:05"))
			_ = os.WriteFile(path, []byte(info), 0o644)
			return &Lock{fl: fl}, nil
		}
		if !time.Now().Before(deadline) {
			return nil, &LockedError{Path: path, Holder: holder(path)}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// holder reads what the lock's holder wrote into it.
func holder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(string(b))
	if !strings.HasPrefix(s, "pid ") || len(s) > 100 {
		return ""
	}
	f := strings.Fields(strings.TrimSuffix(strings.Fields(s)[1], ","))
	if len(f) == 0 {
		return ""
	}
	if _, err := strconv.Atoi(f[0]); err != nil {
		return ""
	}
	return s
}

// Unlock releases the lock. It may be called more than once.
func (l *Lock) Unlock() error {
	if l == nil || l.fl == nil {
		return nil
	}
	return l.fl.Unlock()
}
