package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/par"
)

// WriteSite writes every page of the site as static files into out: the
// same pages as the server with relative links, so the folder can be
// opened from disk or published (GitHub Pages):
//
//	index.html, week-NN.html, member-<slug>.html, concepts.html,
//	notes/<name>.html and notes/<name>-raw.html (each note, insights and
//	group document, rendered and numbered), files/<name>.<ext> (the
//	images they show), static/app.css, static/app.js, static/favicon.svg
//
// It refuses an out folder that is the repository itself or holds notes
// (a week folder or one of its parents), and writes each file atomically.
// It returns the paths written, relative to out.
func (s *Site) WriteSite(ctx context.Context, out string) ([]string, error) {
	snap, err := s.refresh()
	if err != nil {
		return nil, err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, fmt.Errorf("site: %s: %w", out, err)
	}
	if err := checkOut(snap, absOut); err != nil {
		return nil, err
	}
	snap.renderLinks = staticLinks("../")

	var (
		mu      sync.Mutex
		written []string
	)
	write := func(rel string, data []byte) error {
		dst := filepath.Join(absOut, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("site: %w", err)
		}
		if err := fsutil.WriteFileReplaced(dst, data); err != nil {
			return fmt.Errorf("site: %w", err)
		}
		mu.Lock()
		written = append(written, rel)
		mu.Unlock()
		return nil
	}

	// One plan for the whole site, run on every core: every week's
	// analysis and result (see planAnalyses), and every page in the order
	// of the site, each as soon as what it shows is ready: a week's page
	// after its week's result, the member and concept pages after every
	// week's. The pages that wait for nothing (the notes, the overview) go
	// before the analyses, so that their files are written while the
	// weeks are analysed. The pages share the snapshot's caches (analyses,
	// rendered notes, the backlog index), which are safe for concurrent
	// use.
	var plan par.Plan
	results := snap.planAnalyses(ctx, &plan, func(int, *analysis) {})
	var every []*par.Task
	for _, wd := range snap.weeks {
		if t := results[wd.wk.Number]; t != nil {
			every = append(every, t)
		}
	}
	// A page's file is written by a goroutine of its own, at most
	// siteWriters at a time, so that the workers building pages do not
	// wait for the disk (each file is synced before it is renamed).
	var (
		pageErrs []error // by page, in the order of the site
		stopped  atomic.Bool
		writes   sync.WaitGroup
		disk     = make(chan struct{}, siteWriters)
	)
	add := func(prio int, rel string, build func() (*view, error), after ...*par.Task) {
		i := len(pageErrs)
		pageErrs = append(pageErrs, nil)
		plan.Add(prio, func() error {
			if stopped.Load() {
				return errStopped
			}
			data, err := s.renderPage(rel, build)
			if err != nil {
				pageErrs[i] = err
				stopped.Store(true)
				return err
			}
			writes.Add(1)
			go func() {
				defer writes.Done()
				disk <- struct{}{}
				defer func() { <-disk }()
				if stopped.Load() {
					return
				}
				if err := write(rel, data); err != nil {
					pageErrs[i] = err
					stopped.Store(true)
				}
			}()
			return nil
		}, after...)
	}
	top := staticLinks("")
	add(prioPage, "index.html", func() (*view, error) { return s.overview(ctx, snap, top, nil) })
	for _, wd := range snap.weeks {
		if len(wd.wk.Notes) == 0 {
			continue
		}
		n := wd.wk.Number
		add(prioWeekPage, weekFile(n), func() (*view, error) { return s.buildWeek(ctx, snap, top, n) }, results[n])
	}
	// The member pages share the backlog index: made once, by one worker,
	// before them (they would otherwise wait for it in turn).
	index := plan.Add(prioResult, func() error { s.studyIndex(snap, snap.analyseAll(ctx)); return nil }, every...)
	for _, m := range snap.memberRefs() {
		add(prioResult, "member-"+m.Slug+".html", func() (*view, error) { return s.buildMember(ctx, snap, top, m.Slug) }, index)
	}
	add(prioResult, "concepts.html", func() (*view, error) { return s.buildConcepts(ctx, snap, top) }, every...)
	var files []string
	for p := range snap.files {
		files = append(files, p)
	}
	sort.Strings(files)
	notes := staticLinks("../")
	for _, p := range files {
		add(prioPage, "notes/"+noteFile(p), func() (*view, error) { return s.buildNote(snap, notes, p, 0, false) })
		add(prioPage, strings.TrimPrefix(notes.NoteRaw(p, 0), "../"), func() (*view, error) { return s.buildNote(snap, notes, p, 0, true) })
	}
	err = plan.Run(ctx)
	writes.Wait()
	for _, err := range pageErrs {
		if err != nil {
			return written, err
		}
	}
	if err != nil {
		return written, err
	}
	if err := writeImages(ctx, snap, write); err != nil {
		return written, err
	}
	for name := range staticFiles {
		b, err := fs.ReadFile(assets, "static/"+name)
		if err != nil {
			return written, fmt.Errorf("site: %w", err)
		}
		if err := write("static/"+name, b); err != nil {
			return written, err
		}
	}
	sort.Strings(written)
	return written, nil
}

// siteWriters is how many page files WriteSite writes at once.
const siteWriters = 8

// errStopped is what the pages not built after a failure return.
var errStopped = errors.New("site: stopped")

// renderPage builds and renders one page.
func (s *Site) renderPage(rel string, build func() (*view, error)) ([]byte, error) {
	v, err := build()
	if err != nil {
		return nil, fmt.Errorf("site: %s: %w", rel, err)
	}
	var buf bytes.Buffer
	if err := s.render(&buf, v); err != nil {
		return nil, fmt.Errorf("site: %s: %w", rel, err)
	}
	return buf.Bytes(), nil
}

// checkOut refuses output folders that would mix the site with the
// repository's notes: the repository root, a folder holding notes or an
// insights document, or any parent of one.
func checkOut(snap *snapshot, out string) error {
	real := realPath(out)
	root := realPath(snap.ws.Root)
	if real == root {
		return fmt.Errorf("site: --out %s is the repository itself; choose a folder of its own (e.g. %s)", out, filepath.Join(out, "site"))
	}
	var dirs []string
	for _, wd := range snap.weeks {
		if wd.wk.Dir != "" {
			dirs = append(dirs, wd.wk.Dir)
		}
		for _, nf := range wd.wk.Notes {
			for _, p := range nf.Paths() {
				dirs = append(dirs, filepath.ToSlash(filepath.Dir(filepath.FromSlash(p))))
			}
		}
		dirs = append(dirs, filepath.ToSlash(filepath.Dir(filepath.FromSlash(wd.wk.Output))))
	}
	for _, d := range dirs {
		if d == "." || d == "" {
			continue
		}
		nd := realPath(filepath.Join(snap.ws.Root, filepath.FromSlash(d)))
		if inside(nd, real) || inside(real, nd) {
			return fmt.Errorf("site: --out %s would write among the notes (%s); choose a folder of its own", out, d)
		}
	}
	return nil
}

// realPath resolves symbolic links in the longest existing prefix of p.
func realPath(p string) string {
	p = filepath.Clean(p)
	var rest []string
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{r}, rest...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(append([]string{p}, rest...)...)
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}
