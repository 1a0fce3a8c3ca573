package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/par"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/workspace"
)

// Insights document states shown on the pages.
const (
	StatusFresh    = "fresh"    // made by moim from the notes as they are now
	StatusStale    = "stale"    // made by moim from older notes
	StatusMissing  = "missing"  // no document yet
	StatusHandmade = "handmade" // written without moim: freshness unknown
)

// snapshot is the repository as it was at one request: the workspace, every
// week, and the text of every file the pages may show.
type snapshot struct {
	ws    *workspace.Workspace
	weeks []*weekData
	// files are the notes and existing outputs by repository path; only
	// these may be shown by the note page.
	files map[string]*fileEntry
	// slugs maps a member name to its URL slug, and back; slugFor adds
	// to them, under slugMu, as pages are built.
	slugMu   sync.Mutex
	slugs    map[string]string
	bySlug   map[string]string
	realRoot string
	// filesKey identifies the set of files (links between them are part
	// of a rendering).
	filesKey string
	// title is the study's title (see studyTitle).
	title string
	// images are the repository images checked so far (nil: not shown).
	imgMu  sync.Mutex
	images map[string]*imageFile
	// site is the site the snapshot belongs to (its caches).
	site *Site
	// realDirs are the repository's folders resolved (see realPath).
	realDirs map[string]string
	// renderLinks are the links of the rendered files the snapshot's
	// pages quote (the server's, or the static site's notes/ folder).
	renderLinks linker
	// navs are the navigations its pages rendered (see view.NavHTML).
	navs navCache
}

// fileEntry is one note or output file read from disk.
type fileEntry struct {
	path string
	sum  string
	raw  []byte
	once sync.Once
	text string
	err  error
	// views are the file rendered for reading, for the server [0] and
	// the static site [1].
	mu    sync.Mutex
	views [2]*renderCache
	// num is the numbered view's HTML (see numbered).
	numOnce sync.Once
	num     string
	// size and mtime are the file's when it was read, at readAt.
	size          int64
	mtime, readAt time.Time
}

// renderCache is one rendering of a file and what it depended on.
type renderCache struct {
	filesKey string
	// images are the images the rendering checked, with their sig ("" for
	// one it could not show).
	images map[string]string
	r      *rendered
}

// lines returns the decoded lines of the file (1-based line n is index n-1).
func (f *fileEntry) lines() ([]string, error) {
	f.once.Do(func() {
		f.text, f.err = note.Decode(f.path, f.raw)
	})
	if f.err != nil {
		return nil, f.err
	}
	return strings.Split(f.text, "\n"), nil
}

// rendered returns the file rendered for reading with the links of l (see
// renderNote), rendering it again only when its bytes, the set of files
// or an image it shows changed.
func (snap *snapshot) rendered(f *fileEntry, l linker) (*rendered, error) {
	if _, err := f.lines(); err != nil {
		return nil, err
	}
	i := 0
	if l.static {
		i = 1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if c := f.views[i]; c != nil && c.filesKey == snap.filesKey && snap.imagesUnchanged(c.images) {
		return c.r, nil
	}
	c := &renderCache{filesKey: snap.filesKey, images: map[string]string{}}
	c.r = renderNote(f.path, f.text, renderEnv{
		image: func(rel string) (string, bool) {
			im, ok := snap.image(rel)
			if !ok {
				c.images[rel] = ""
				return "", false
			}
			c.images[rel] = im.sig
			return l.Image(rel), true
		},
		file: func(rel string) (string, bool) {
			if _, ok := snap.files[rel]; ok {
				return l.Note(rel, 0), true
			}
			return "", false
		},
	})
	f.views[i] = c
	return c.r, nil
}

// weekData is one week: its notes parsed, its document's state and, once
// asked for, its analysis and the offline engine's result.
type weekData struct {
	wk     *workspace.Week
	key    string // content key of everything the week's pages depend on
	pw     *pipeline.Week
	err    error // pipeline.Load failed: the week is shown with the error
	status string
	an     *analysis
	// next is the following week of the snapshot when it was loaded: its
	// analysis goes to the engine with this week's (see analyse).
	next *weekData
}

// analysis is a week's analysis and the offline engine's result from it,
// computed once per analysis key (notes, template, schedule, next week's
// notes, members).
type analysis struct {
	key  string
	once sync.Once
	res  *insight.Week
	aw   *analyze.Week
	err  error
	// done is set once res, aw and err are.
	done atomic.Bool
}

func sum(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

func jsonBytes(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// refresh rereads the repository. Weeks whose files did not change keep
// their parsed notes and analysis; the others are loaded again, and keep
// their analysis when the notes, template and schedule are the same.
func (s *Site) refresh() (*snapshot, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// The repository is opened again only when a folder or file Open read
	// changed (a stat of each, not the walk and the README's parsing).
	ws := s.opened
	if ws == nil || !ws.Unchanged() {
		var err error
		if ws, err = workspace.Open(s.root); err != nil {
			s.opened = nil
			return nil, err
		}
		s.opened = ws
	}
	var err error
	if len(ws.Tracks) > 1 || s.opt.Track != "" {
		// The pages show one study: its weeks, members and schedule.
		if ws, err = ws.Only(s.opt.Track); err != nil {
			return nil, err
		}
	}
	realRoot, err := filepath.EvalSymlinks(ws.Root)
	if err != nil {
		return nil, fmt.Errorf("web: %s: %w", ws.Root, err)
	}
	snap := &snapshot{ws: ws, files: map[string]*fileEntry{}, realRoot: realRoot, site: s}
	snap.slugs, snap.bySlug = memberSlugs(ws.Members)
	snap.title = studyTitle(ws.Root)

	// Read every note and output; keep the decoded text of unchanged files.
	noteKey := map[int]string{}
	outKey := map[int]string{}
	for i := range ws.Weeks {
		wk := &ws.Weeks[i]
		var parts [][]byte
		for _, nf := range wk.Notes {
			// Every file of the note: additional files are cited too.
			for _, p := range nf.Paths() {
				f := s.readFile(snap, p)
				parts = append(parts, []byte(nf.Member), []byte(p))
				if f != nil {
					parts = append(parts, []byte(f.sum))
				}
			}
		}
		noteKey[wk.Number] = sum(parts...)
		if f := s.readFile(snap, wk.Output); f != nil {
			outKey[wk.Number] = f.sum
		}
		for _, rel := range wk.Extra {
			if weekDocKind(rel) != "" {
				s.readFile(snap, rel)
			}
		}
	}
	paths := make([]string, 0, len(snap.files))
	for p := range snap.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	snap.filesKey = sum([]byte(strings.Join(paths, "\x00")))
	var tmplKey string
	if ws.Template != "" {
		if b, err := os.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(ws.Template))); err == nil {
			tmplKey = sum(b)
		}
	}
	members := jsonBytes(ws.Members)
	// Every analysis compares its terms with the study's other weeks (the
	// study background, made from every week's notes), so a note of any
	// week is part of every week's analysis key.
	var studyParts [][]byte
	for _, wk := range ws.Weeks {
		studyParts = append(studyParts, []byte(strconv.Itoa(wk.Number)), []byte(noteKey[wk.Number]))
	}
	studyKey := sum(studyParts...)
	s.prevFiles = snap.files

	anKey := func(wk *workspace.Week, pw *pipeline.Week) string {
		n := wk.Number
		return sum([]byte(pw.InputHash), jsonBytes(pw.Template), []byte(noteKey[n+1]),
			jsonBytes(ws.ScheduleFor(n)), jsonBytes(ws.ScheduleFor(n+1)), members, []byte(wk.Output), []byte(studyKey))
	}
	keep := map[int]*weekData{}
	// The weeks to load again are loaded on all cores, then put together
	// in week order.
	loaded := make([]*weekData, len(ws.Weeks))
	var load []int
	for i := range ws.Weeks {
		wk := &ws.Weeks[i]
		n := wk.Number
		// Whether the track has a schedule at all decides the 다음 주차
		// line of a week past its last row.
		scheduled := strconv.FormatBool(len(ws.TrackOf(wk).Schedule) > 0)
		key := sum([]byte(noteKey[n]), []byte(outKey[n]), []byte(noteKey[n+1]), []byte(tmplKey),
			jsonBytes(ws.ScheduleFor(n)), jsonBytes(ws.ScheduleFor(n+1)), []byte(scheduled), members,
			[]byte(wk.Dir), []byte(wk.Output), jsonBytes(wk.Missing))
		old := s.weeks[n]
		if old != nil && old.key == key && (old.err != nil || old.an.key == anKey(wk, old.pw)) {
			// The same notes and documents, and no other week's notes
			// changed: the parsed notes and the analysis are kept, the
			// rest of the week (its other files) is the workspace's as it
			// is now. (A week keeps its parsed notes only with its
			// analysis: the pipeline.Week holds the analysis it made.)
			wd := *old
			wd.wk = wk
			loaded[i] = &wd
			continue
		}
		loaded[i] = &weekData{wk: wk, key: key}
		load = append(load, i)
	}
	par.Each(len(load), func(j int) {
		wd := loaded[load[j]]
		wd.pw, wd.err = pipeline.Load(ws, wd.wk, "", "")
	})
	for _, i := range load {
		wd := loaded[i]
		if wd.err == nil {
			wd.status = docStatus(wd.pw)
			old := s.weeks[wd.wk.Number]
			if k := anKey(wd.wk, wd.pw); old != nil && old.an != nil && old.an.key == k {
				wd.an = old.an
			} else {
				wd.an = &analysis{key: k}
			}
		}
	}
	for _, wd := range loaded {
		snap.weeks = append(snap.weeks, wd)
		keep[wd.wk.Number] = wd
	}
	for _, wd := range snap.weeks {
		if nx := keep[wd.wk.Number+1]; nx != nil && nx.err == nil {
			wd.next = nx
		} else {
			wd.next = nil
		}
	}
	s.weeks = keep
	return snap, nil
}

// readFile reads a repository file into the snapshot, reusing the previous
// entry (and its decoded text) when the bytes are the same. It returns nil
// when the file does not exist, cannot be read, or resolves outside the
// repository.
func (s *Site) readFile(snap *snapshot, rel string) *fileEntry {
	if rel == "" {
		return nil
	}
	if f, ok := snap.files[rel]; ok {
		return f
	}
	real, ok := snap.realPath(rel)
	if !ok {
		return nil
	}
	st, err := os.Stat(real)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxFileSize {
		return nil
	}
	old, seen := s.prevFiles[rel]
	if seen && old.unchanged(st) {
		snap.files[rel] = old
		return old
	}
	readAt := time.Now()
	raw, err := os.ReadFile(real)
	if err != nil {
		return nil
	}
	f := &fileEntry{path: rel, sum: sum(raw), raw: raw}
	if seen && old.sum == f.sum {
		f = old
	}
	f.size, f.mtime, f.readAt = st.Size(), st.ModTime(), readAt
	snap.files[rel] = f
	return f
}

// realPath resolves a repository path's symbolic links, false when it
// leaves the repository. Folders are resolved once per snapshot.
func (snap *snapshot) realPath(rel string) (string, bool) {
	dir, name := path.Split(rel)
	rdir, ok := snap.realDirs[dir]
	if !ok {
		r, err := filepath.EvalSymlinks(filepath.Join(snap.ws.Root, filepath.FromSlash(dir)))
		if err != nil || !inside(snap.realRoot, r) {
			r = ""
		}
		if snap.realDirs == nil {
			snap.realDirs = map[string]string{}
		}
		snap.realDirs[dir], rdir = r, r
	}
	if rdir == "" {
		return "", false
	}
	p := filepath.Join(rdir, name)
	st, err := os.Lstat(p)
	if err != nil {
		return "", false
	}
	if st.Mode()&os.ModeSymlink != 0 {
		if p, err = filepath.EvalSymlinks(p); err != nil {
			return "", false
		}
	}
	return p, inside(snap.realRoot, p)
}

// racyWindow is how close to the moment a file was read its time of change
// may be for the time to be trusted: a file changed within it is read
// again (as git does with "racily clean" files), since a second change in
// the same clock tick would leave size and time as they were.
const racyWindow = workspace.RacyWindow

// unchanged reports whether a file is as it was read, by its size and time
// of change, without reading it.
func (f *fileEntry) unchanged(st os.FileInfo) bool {
	return f.size == st.Size() && f.mtime.Equal(st.ModTime()) && f.mtime.Before(f.readAt.Add(-racyWindow))
}

// studyTitle is the title of the study: the first level-1 heading of the
// repository's README, "" when it has none.
func studyTitle(root string) string {
	for _, name := range []string{"README.md", "readme.md", "Readme.md"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue
		}
		text, err := note.Decode(name, b)
		if err != nil {
			return ""
		}
		fence := false
		for _, line := range strings.Split(text, "\n") {
			t := strings.TrimSpace(line)
			if isFence(t) {
				fence = !fence
			}
			if !fence && strings.HasPrefix(t, "# ") {
				t = strings.TrimRight(strings.TrimSpace(t[2:]), "# ")
				return squash(strings.Trim(reMarkup.ReplaceAllString(t, "$1$2$3$4"), "*_` "))
			}
		}
		return ""
	}
	return ""
}

// reMarkup matches inline markup of a heading: emphasis, code, links.
var reMarkup = regexp.MustCompile("\\*\\*([^*]*)\\*\\*|__([^_]*)__|`([^`]*)`|\\[([^\\]]*)\\]\\([^)]*\\)")

// maxFileSize is the largest note or output file the web view reads.
const maxFileSize = 16 << 20

func inside(root, p string) bool {
	return p == root || strings.HasPrefix(p, root+string(filepath.Separator))
}

func docStatus(pw *pipeline.Week) string {
	switch pw.State() {
	case pipeline.Fresh:
		return StatusFresh
	case pipeline.Stale:
		return StatusStale
	case pipeline.Handmade:
		return StatusHandmade
	}
	return StatusMissing
}

// analyse analyses a week and runs the offline engine on the analysis, so
// the pages show exactly what `moim generate` writes; once per analysis
// key.
func (wd *weekData) analyse(ctx context.Context) (*analysis, error) {
	if wd.err != nil {
		return nil, wd.err
	}
	a := wd.an
	a.once.Do(func() {
		// A panic in the analysis or the engine is a bug in moim: it
		// becomes this week's error, shown on its pages, instead of ending
		// the server or the site run.
		defer func() {
			if v := recover(); v != nil {
				pe, ok := v.(*pipeline.PanicError)
				if !ok {
					pe = &pipeline.PanicError{Value: v, Stack: debug.Stack()}
				}
				a.res, a.aw, a.err = nil, nil, fmt.Errorf("week %d: %w", wd.wk.Number, pe)
				a.done.Store(true)
			}
		}()
		// The engine takes next week's subjects from its analysis, which
		// the pages make anyway, instead of reading its sentences again.
		if wd.next != nil {
			wd.pw.UseNext(wd.next.pw)
		}
		// A cancelled request must not leave a failed analysis behind.
		a.res, a.err = wd.pw.Generate(context.WithoutCancel(ctx), offline.New())
		a.aw = wd.pw.Input().Analysis
		a.done.Store(true)
	})
	return a, a.err
}

// week returns week n of the snapshot.
func (snap *snapshot) week(n int) *weekData {
	for _, wd := range snap.weeks {
		if wd.wk.Number == n {
			return wd
		}
	}
	return nil
}

// analyseAll analyses every week with notes on all cores (see
// planAnalyses) and returns the analyses that succeeded by week number.
// It always finishes the work, even when ctx is cancelled: the pages
// cache what they build from the result.
func (snap *snapshot) analyseAll(ctx context.Context) map[int]*analysis {
	var p par.Plan
	out := map[int]*analysis{}
	var mu sync.Mutex
	snap.planAnalyses(ctx, &p, func(n int, a *analysis) {
		mu.Lock()
		out[n] = a
		mu.Unlock()
	})
	_ = p.Run(context.WithoutCancel(ctx)) // its tasks do not fail
	return out
}

// Priorities of the tasks of a Plan that analyses weeks and builds pages
// (lower first): a week's result as soon as it can be made, and the pages
// that wait for every result; a week's page once its result is made; the
// pages that wait for nothing; the weeks' analyses in week order.
const (
	prioResult = iota
	prioWeekPage
	prioPage
	prioAnalysis
)

// planAnalyses adds to p the analysis of every week with notes: first
// each week's analysis of its notes (pipeline.Week.Input), in week order,
// then the offline engine's run on it (weekData.analyse) as soon as the
// week and the next one, whose analysis the engine takes too, are
// analysed. So no worker waits for the next week's analysis while another
// week could be analysed, as one task per week would. done gets each
// analysis that succeeded. It returns the tasks of the engine's runs by
// week number; they never fail.
func (snap *snapshot) planAnalyses(ctx context.Context, p *par.Plan, done func(week int, a *analysis)) map[int]*par.Task {
	// The weeks to analyse: those with notes whose result is still to be
	// made, and the week after each (its analysis goes with theirs). A
	// week's analysis is made once (Input), so asking for it early only
	// changes when it is made.
	need := map[*weekData]bool{}
	for _, wd := range snap.weeks {
		if len(wd.wk.Notes) == 0 || wd.err != nil || wd.an.done.Load() {
			continue
		}
		need[wd] = true
		if wd.next != nil {
			need[wd.next] = true
		}
	}
	input := map[*weekData]*par.Task{}
	for _, wd := range snap.weeks {
		if need[wd] {
			input[wd] = p.Add(prioAnalysis, func() error {
				defer func() { _ = recover() }() // kept by Input and raised again in analyse, which turns it into the week's error
				wd.pw.Input()
				return nil
			})
		}
	}
	results := map[int]*par.Task{}
	for _, wd := range snap.weeks {
		if len(wd.wk.Notes) == 0 {
			continue
		}
		var next *par.Task
		if wd.next != nil {
			next = input[wd.next]
		}
		results[wd.wk.Number] = p.Add(prioResult, func() error {
			if a, err := wd.analyse(ctx); err == nil {
				done(wd.wk.Number, a)
			}
			return nil
		}, input[wd], next)
	}
	return results
}
