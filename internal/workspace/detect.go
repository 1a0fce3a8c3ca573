package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	notes "github.com/moim-study/moim/internal/note"
)

// Detect discovers the repository at root from its files alone, without
// reading moim.yaml: week folders, members (from the README and file
// names), each member's note per week, and the schedule table.
//
// Rules, for the README:
//   - A folder whose name carries a week number (week01, week-3, 1주차,
//     2회차) is that week. Folders are found at any depth, so team folders
//     (Team1/3주차, Team2/3주차) each contribute a week folder; folders of
//     the same week are merged into one Week (see below).
//   - Chapter folders (chap07, Chapter8-14, 3장) become weeks through the
//     schedule when every chapter folder's first number starts a row's
//     범위 ("8-9.1장" → week 7); otherwise the week is the folder's position
//     among its sibling chapter folders sorted by first number (chap03,
//     chap04, chap07 → weeks 1, 2, 3).
//   - Date folders (DeepDive/241105, 20241112, 2024-11-19) are numbered by
//     date order among their siblings.
//   - Folders that name the same week are merged: Chap07 and chap07 (case
//     or padding twins), or Team1/3주차 and Team2/3주차. The Week's notes
//     are all of them; its Dir (and Output) is the folder that already
//     holds the output file, else the one whose name has the most common
//     shape, else the one with the most notes, else the first by path.
//   - Member-first layouts (<member>/week3.md, <member>/3장-함수.md) take
//     the week from the file name and the member from the nearest folder
//     that is not generic (notes, docs, members ...). Such a week has no
//     folder (Dir ""); its Output is weeks/weekNN/<output name>, and once
//     that folder exists it is the week's Dir.
//   - Inside a week folder a note's member is the file name's token
//     (study-note-KSE.md, week3-홍길동.md, gildong.md) or, when that names
//     nobody, the nearest member folder (week01/홍길동/note.md).
func Detect(root string) (*Workspace, error) { return discover(root, nil) }

// Open discovers the repository at root. When root/moim.yaml exists it is
// loaded: its members, schedule, layout, output name and template are used,
// and members or schedule it leaves out are still detected.
func Open(root string) (*Workspace, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("workspace: %s: %w", root, err)
	}
	cfgPath := filepath.Join(abs, ConfigFile)
	if _, err := os.Stat(cfgPath); err == nil {
		cfg, err := LoadConfig(cfgPath)
		if err != nil {
			return nil, err
		}
		return discover(abs, cfg)
	}
	return discover(abs, nil)
}

// source is one place notes of one week were found: a week folder, or a
// week of a member-first layout.
type source struct {
	dir       string // week folder as on disk, "" for member-first weeks
	series    string // siblings numbered together (the parent folder)
	seq       seqNum
	week      int
	identity  bool // the week is the number in the name
	notes     []*cand
	extra     []string
	hasOutput bool
}

// cand is a file that is probably a member's note.
type cand struct {
	e           entry
	token       string // member token from the file name
	folder      string // member token from a folder
	folderIdx   int    // index of that folder in e.segs, -1 when none
	folderFirst bool   // member-first: the folder names the member
	weekSeg     int    // index of the week segment in e.segs
	src         *source
	member      int  // resolved member index
	byToken     bool // the member came from the file name
}

type detector struct {
	ws      *Workspace
	walk    *walker
	m       *matcher
	listed  int // members known before notes were read
	sources map[string]*source
	byFold  map[string]int // folded synthetic member name → index
}

func discover(root string, cfg *Config) (*Workspace, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("workspace: %s: %w", root, err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("workspace: %s: %w", abs, unwrapPathErr(err))
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("workspace: %s: not a directory", abs)
	}
	ws := &Workspace{Root: abs, Config: cfg, OutputName: DefaultOutputName}
	if cfg != nil {
		if cfg.Output != "" {
			ws.OutputName = cfg.Output
		}
		ws.Template = cfg.Template
		ws.Members = append(ws.Members, cfg.Members...)
		ws.Schedule = append(ws.Schedule, cfg.Schedule...)
	}
	d := &detector{ws: ws, sources: map[string]*source{}, byFold: map[string]int{}}
	d.readme(cfg)
	for i := range ws.Members {
		if ws.Members[i].Roman == "" && isHangulName(cleanName(ws.Members[i].Name)) {
			ws.Members[i].Roman = Romanize(ws.Members[i].Name)
		}
	}
	sort.SliceStable(ws.Schedule, func(a, b int) bool { return ws.Schedule[a].Week < ws.Schedule[b].Week })
	d.m = newMatcher(ws.Members)
	d.listed = len(ws.Members)

	wk, err := walkRepo(abs, MaxFiles)
	if err != nil {
		return nil, err
	}
	d.walk = wk
	ws.Warnings = append(ws.Warnings, wk.warnings...)
	if cfg != nil && cfg.Layout != "" {
		ws.Layout = cfg.Layout
		if err := d.byLayout(cfg.Layout); err != nil {
			return nil, err
		}
	} else {
		d.auto()
	}
	d.assemble(cfg == nil || cfg.Layout == "")
	d.template()
	return ws, nil
}

// readme reads the README for members and schedule the config lacks.
func (d *detector) readme(cfg *Config) {
	ws := d.ws
	var text []byte
	var name string
	for _, n := range []string{"README.md", "readme.md", "Readme.md", "README.markdown", "README"} {
		b, err := os.ReadFile(filepath.Join(ws.Root, n))
		if err == nil {
			text, name = b, n
			break
		}
	}
	if name == "" {
		if len(ws.Members) == 0 || len(ws.Schedule) == 0 {
			ws.Warnings = append(ws.Warnings, Warning{Msg: "no README.md: members come from file names and there is no schedule"})
		}
		return
	}
	decoded, err := notes.Decode(name, text)
	if err != nil {
		ws.Warnings = append(ws.Warnings, Warning{File: name, Msg: fmt.Sprintf("cannot read it (%v): members come from file names and there is no schedule; save it as UTF-8", errors.Unwrap(err))})
		return
	}
	info := parseReadme(decoded)
	if len(ws.Members) == 0 {
		ws.Members = info.members
		for _, w := range info.warnings {
			ws.Warnings = append(ws.Warnings, Warning{File: name, Msg: w})
		}
	}
	if len(ws.Schedule) == 0 {
		ws.Schedule = info.schedule
		for i := range ws.Schedule {
			ws.Schedule[i].Source = name
		}
		if len(info.schedule) == 0 {
			ws.Warnings = append(ws.Warnings, Warning{File: name, Msg: "no schedule table (a table with a 주차/week column) found"})
		}
	}
}

// seqPriority ranks how sure a folder name is about the week.
func seqPriority(k seqKind) int {
	switch k {
	case seqWeek:
		return 3
	case seqChapter:
		return 2
	case seqDate:
		return 1
	}
	return 0
}

// weekSegment finds the folder of a path that is its week folder: the
// most certain kind (week over chapter over date), the deepest among equals.
func weekSegment(segs []string, cache map[string]seqNum) (int, seqNum) {
	best, bestSeq := -1, seqNum{}
	for i := 0; i < len(segs)-1; i++ {
		s, ok := cache[segs[i]]
		if !ok {
			s = parseSeq(segs[i])
			cache[segs[i]] = s
		}
		if s.kind == seqNone {
			continue
		}
		if best < 0 || seqPriority(s.kind) >= seqPriority(bestSeq.kind) {
			best, bestSeq = i, s
		}
	}
	return best, bestSeq
}

// fileClass says what a file in a week folder is.
type fileClass int

const (
	classExtra fileClass = iota
	classNote
	classOutput
)

// classify decides whether a file is a note, the output document or
// something else (README, summary, presentation, a presenter's *-main-*
// file, images, hidden files, moim.yaml ...).
func (d *detector) classify(e entry) fileClass {
	base := e.base()
	if base == "" || strings.HasPrefix(base, ".") {
		return classExtra
	}
	lower := strings.ToLower(base)
	if lower == strings.ToLower(d.ws.OutputName) || lower == DefaultOutputName {
		return classOutput
	}
	if lower == ConfigFile {
		return classExtra
	}
	stem, md := stripMarkdownExt(base)
	ls := strings.ToLower(stem)
	if nonNoteNames[ls] || nonNoteNames[strings.ReplaceAll(ls, " ", "")] || reMain.MatchString(stem) {
		return classExtra
	}
	if tok := strings.ToLower(parseNoteName(base).member); nonNoteNames[tok] {
		return classExtra // week3-summary.md, wk-2-README.md
	}
	if md {
		return classNote
	}
	if binaryExts[strings.ToLower(path.Ext(base))] || !hasNoExt(base) {
		return classExtra
	}
	if d.isText(e) {
		return classNote
	}
	return classExtra
}

// isText reports whether a file without extension holds text: no NUL byte
// in its first 8 KiB and not empty.
func (d *detector) isText(e entry) bool {
	f, err := os.Open(filepath.Join(d.ws.Root, filepath.FromSlash(e.rel)))
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 8192)
	n, _ := io.ReadFull(f, buf)
	return n > 0 && bytes.IndexByte(buf[:n], 0) < 0
}

// memberFolder returns the nearest folder among segs[from:to] that is not
// generic, and its index, or "", -1.
func memberFolder(segs []string, from, to int) (string, int) {
	for i := to - 1; i >= from && i >= 0; i-- {
		if !isGenericDir(segs[i]) && parseSeq(segs[i]).kind == seqNone {
			return segs[i], i
		}
	}
	return "", -1
}

func joinRel(e entry, n int) string {
	return strings.Join(strings.Split(e.rel, "/")[:n], "/")
}

// auto finds week folders, member-first notes and their files.
func (d *detector) auto() {
	type mfCand struct {
		c   *cand
		key string
		seq seqNum
		ser string
	}
	var mf []mfCand
	cache := map[string]seqNum{}
	for _, e := range d.walk.files {
		idx, seq := weekSegment(e.segs, cache)
		if idx >= 0 {
			dir := joinRel(e, idx+1)
			src := d.sources[dir]
			if src == nil {
				src = &source{dir: dir, series: foldName(strings.Join(e.segs[:idx], "/")), seq: seq}
				d.sources[dir] = src
			}
			switch d.classify(e) {
			case classOutput:
				src.hasOutput = true
				src.extra = append(src.extra, e.rel)
			case classExtra:
				src.extra = append(src.extra, e.rel)
			case classNote:
				nn := parseNoteName(e.base())
				folder, fi := memberFolder(e.segs, idx+1, len(e.segs)-1)
				src.notes = append(src.notes, &cand{e: e, token: nn.member, folder: folder, folderIdx: fi, weekSeg: idx, src: src})
			}
			continue
		}
		if d.classify(e) != classNote {
			continue
		}
		nn := parseNoteName(e.base())
		if nn.seq.kind == seqNone {
			continue
		}
		folder, fi := memberFolder(e.segs, 0, len(e.segs)-1)
		if folder == "" && nn.member == "" {
			continue
		}
		parent := len(e.segs) - 1
		if fi >= 0 {
			parent = fi
		}
		ser := "mf:" + foldName(strings.Join(e.segs[:parent], "/"))
		c := &cand{e: e, token: nn.member, folder: folder, folderIdx: fi, folderFirst: fi >= 0, weekSeg: len(e.segs) - 1}
		mf = append(mf, mfCand{c: c, key: ser + "\x00" + nn.seq.kind.String() + "\x00" + strconv.Itoa(nn.seq.n), seq: nn.seq, ser: ser})
	}

	// Member-first notes count when their folder is a known member or when
	// at least two member folders side by side have them.
	folders := map[string]map[string]bool{}
	for _, x := range mf {
		if folders[x.ser] == nil {
			folders[x.ser] = map[string]bool{}
		}
		who := x.c.folder
		if who == "" {
			who = x.c.token
		}
		folders[x.ser][foldName(who)] = true
	}
	for _, x := range mf {
		known := false
		if x.c.folder != "" {
			i, _ := d.m.match(x.c.folder)
			known = i >= 0
		}
		if !known && len(folders[x.ser]) < 2 {
			continue
		}
		src := d.sources["\x00"+x.key]
		if src == nil {
			src = &source{series: x.ser, seq: x.seq}
			d.sources["\x00"+x.key] = src
		}
		x.c.src = src
		src.notes = append(src.notes, x.c)
	}

	// Week folders without notes (a week not written yet, or the output
	// folder of a member-first week) count when a sibling week has notes
	// or they hold the output document.
	for _, de := range d.walk.dirs {
		segs := append(append([]string(nil), de.segs...), "x")
		idx, seq := weekSegment(segs, cache)
		if idx != len(de.segs)-1 || seq.kind != seqWeek {
			continue
		}
		if _, ok := d.sources[de.rel]; !ok {
			d.sources[de.rel] = &source{dir: de.rel, series: foldName(strings.Join(de.segs[:idx], "/")), seq: seq}
		}
	}
	withNotes := map[string]bool{}
	for _, s := range d.sources {
		if len(s.notes) > 0 {
			withNotes[s.series] = true
		}
	}
	for k, s := range d.sources {
		if len(s.notes) == 0 && !s.hasOutput && !withNotes[s.series] {
			delete(d.sources, k)
		}
	}
	d.number()
}

// number gives every source its week: the number itself for week folders,
// the schedule or the ordinal among siblings for chapters, the ordinal for
// dates.
func (d *detector) number() {
	groups := map[string][]*source{}
	for _, s := range d.sources {
		if s.seq.kind == seqWeek {
			s.week, s.identity = s.seq.n, true
			continue
		}
		k := s.series + "\x00" + s.seq.kind.String()
		groups[k] = append(groups[k], s)
	}
	chapterWeek := map[int]int{}
	for _, r := range d.ws.Schedule {
		if n := firstNumber(r.Chapters); n > 0 {
			if _, dup := chapterWeek[n]; !dup {
				chapterWeek[n] = r.Week
			}
		}
	}
	for _, g := range groups {
		var nums []int
		seen := map[int]bool{}
		for _, s := range g {
			if !seen[s.seq.n] {
				seen[s.seq.n] = true
				nums = append(nums, s.seq.n)
			}
		}
		sort.Ints(nums)
		week := map[int]int{}
		for i, n := range nums {
			week[n] = i + 1
		}
		if g[0].seq.kind == seqChapter && len(chapterWeek) > 0 {
			byPlan, used, ok := map[int]int{}, map[int]bool{}, true
			for _, n := range nums {
				w, found := chapterWeek[n]
				if !found || used[w] {
					ok = false
					break
				}
				byPlan[n], used[w] = w, true
			}
			if ok {
				week = byPlan
			}
		}
		identity := g[0].seq.kind == seqChapter
		for n, w := range week {
			identity = identity && n == w
		}
		for _, s := range g {
			s.week, s.identity = week[s.seq.n], identity
		}
	}
}

var reFirstNum = regexp.MustCompile(`\d+`)

// firstNumber is the first number in s ("3-4장" → 3), 0 when none.
func firstNumber(s string) int {
	n, _ := strconv.Atoi(reFirstNum.FindString(s))
	return n
}

// resolve gives a note its member: a known member through the file-name
// token or the folder, else a new member named by the token.
func (d *detector) resolve(c *cand) bool {
	order := []string{c.token, c.folder}
	if c.folderFirst {
		order = []string{c.folder, c.token}
	}
	for _, t := range order {
		if t == "" {
			continue
		}
		if i, how := d.m.match(t); i >= 0 {
			c.member, c.byToken = i, t == c.token && t != c.folder
			if how == matchInitials || how == matchGiven {
				d.addAlias(i, t)
			}
			return true
		}
	}
	// A note in a member's own folder is named by the folder
	// (week01/홍길동/part1.md), otherwise by the file name.
	name := c.folder
	if name == "" {
		name = c.token
	}
	if name == "" {
		d.ws.Warnings = append(d.ws.Warnings, Warning{File: c.e.rel, Msg: "cannot tell whose note this is (no member in the file or folder name); skipped"})
		return false
	}
	c.byToken = name == c.token && name != c.folder
	key := foldName(name)
	if i, ok := d.byFold[key]; ok {
		c.member = i
		return true
	}
	if d.listed > 0 {
		d.ws.Warnings = append(d.ws.Warnings, Warning{File: c.e.rel, Msg: fmt.Sprintf("%q matches no member of the README or moim.yaml; added as a member of its own", name)})
	}
	d.ws.Members = append(d.ws.Members, Member{Name: name})
	d.m.add(Member{Name: name})
	c.member = len(d.ws.Members) - 1
	d.byFold[key] = c.member
	return true
}

func (d *detector) addAlias(i int, alias string) {
	m := &d.ws.Members[i]
	for _, a := range m.Aliases {
		if squash(a) == squash(alias) {
			return
		}
	}
	m.Aliases = append(m.Aliases, alias)
	d.m.keys[i] = keysFor(*m)
}

// noteShape is a note's file name with its member token replaced, to tell
// which of two notes is "named like the others".
func noteShape(c *cand) string {
	stem, _ := stripMarkdownExt(c.e.base())
	if c.byToken && c.token != "" {
		return foldName(strings.Replace(stem, c.token, "{member}", 1))
	}
	return foldName(stem)
}

// folderShape is a folder name with digits replaced ("chap#").
var reDigits = regexp.MustCompile(`\d+`)

func folderShape(dir string) string {
	return reDigits.ReplaceAllString(path.Base(dir), "#")
}

// assemble merges sources into weeks, resolves members and writes the
// Weeks, their notes, missing members, extras and outputs.
func (d *detector) assemble(inferLayout bool) {
	ws := d.ws
	byWeek := map[int][]*source{}
	var weeks []int
	for _, s := range d.sources {
		if s.week < 1 {
			continue
		}
		if byWeek[s.week] == nil {
			weeks = append(weeks, s.week)
		}
		byWeek[s.week] = append(byWeek[s.week], s)
	}
	sort.Ints(weeks)
	shapes := map[string]int{}
	for _, s := range d.sources {
		if s.dir != "" {
			shapes[folderShape(s.dir)]++
		}
	}
	var chosen []*cand
	for _, n := range weeks {
		srcs := byWeek[n]
		sort.Slice(srcs, func(a, b int) bool { return srcs[a].dir < srcs[b].dir })
		wk := Week{Number: n}
		var folders []*source
		var cands []*cand
		for _, s := range srcs {
			if s.dir != "" {
				folders = append(folders, s)
			}
			sort.Slice(s.notes, func(a, b int) bool { return s.notes[a].e.rel < s.notes[b].e.rel })
			cands = append(cands, s.notes...)
			wk.Extra = append(wk.Extra, s.extra...)
		}
		if len(folders) > 0 {
			sort.SliceStable(folders, func(a, b int) bool {
				fa, fb := folders[a], folders[b]
				if fa.hasOutput != fb.hasOutput {
					return fa.hasOutput
				}
				if sa, sb := shapes[folderShape(fa.dir)], shapes[folderShape(fb.dir)]; sa != sb {
					return sa > sb
				}
				if len(fa.notes) != len(fb.notes) {
					return len(fa.notes) > len(fb.notes)
				}
				return fa.dir < fb.dir
			})
			wk.Dir = folders[0].dir
			wk.Output = path.Join(wk.Dir, ws.OutputName)
			if len(folders) > 1 {
				var dirs []string
				for _, f := range folders {
					dirs = append(dirs, f.dir)
				}
				ws.Warnings = append(ws.Warnings, Warning{Msg: fmt.Sprintf("week %d: notes merged from %s; output goes to %s", n, strings.Join(dirs, ", "), wk.Output)})
			}
		} else {
			wk.Output = fmt.Sprintf("weeks/week%02d/%s", n, ws.OutputName)
		}

		// Members, then one note per member.
		byMember := map[int][]*cand{}
		var order []int
		for _, c := range cands {
			if !d.resolve(c) {
				wk.Extra = append(wk.Extra, c.e.rel)
				continue
			}
			if byMember[c.member] == nil {
				order = append(order, c.member)
			}
			byMember[c.member] = append(byMember[c.member], c)
		}
		weekShapes := map[string]int{}
		for _, c := range cands {
			weekShapes[noteShape(c)]++
		}
		sort.Ints(order)
		for _, mi := range order {
			cs := byMember[mi]
			if len(cs) > 1 {
				sort.SliceStable(cs, func(a, b int) bool {
					if sa, sb := weekShapes[noteShape(cs[a])], weekShapes[noteShape(cs[b])]; sa != sb {
						return sa > sb
					}
					if cs[a].e.size != cs[b].e.size {
						return cs[a].e.size > cs[b].e.size
					}
					return cs[a].e.rel < cs[b].e.rel
				})
				var paths []string
				for _, c := range cs {
					paths = append(paths, c.e.rel)
				}
				ws.Warnings = append(ws.Warnings, Warning{Msg: fmt.Sprintf("week %d: %d notes for %s (%s); using %s", n, len(cs), ws.Members[mi].Name, strings.Join(paths, ", "), cs[0].e.rel)})
				for _, c := range cs[1:] {
					wk.Extra = append(wk.Extra, c.e.rel)
				}
			}
			wk.Notes = append(wk.Notes, NoteFile{Member: ws.Members[mi].Name, Path: cs[0].e.rel})
			chosen = append(chosen, cs[0])
		}
		sort.Strings(wk.Extra)
		ws.Weeks = append(ws.Weeks, wk)
	}
	// Missing members, now that every member is known.
	for i := range ws.Weeks {
		has := map[string]bool{}
		for _, nf := range ws.Weeks[i].Notes {
			has[nf.Member] = true
		}
		for _, m := range ws.Members {
			if !has[m.Name] {
				ws.Weeks[i].Missing = append(ws.Weeks[i].Missing, m.Name)
			}
		}
	}
	if inferLayout {
		ws.Layout = inferLayoutOf(chosen)
	}
	if len(ws.Weeks) == 0 {
		ws.Warnings = append(ws.Warnings, Warning{Msg: "no week folders or notes found"})
	}
}

// template finds a template override: the configured one (checked), or a
// conventional file: templates/<output>, template/<output>,
// <output stem>-template.md at the root or in templates/.
func (d *detector) template() {
	ws := d.ws
	if ws.Template != "" {
		if _, err := os.Stat(filepath.Join(ws.Root, filepath.FromSlash(ws.Template))); err != nil {
			ws.Warnings = append(ws.Warnings, Warning{File: ws.Template, Msg: "configured template not found; using the week's own document or the built-in template"})
		}
		return
	}
	stem, _ := stripMarkdownExt(ws.OutputName)
	for _, c := range []string{
		"templates/" + ws.OutputName, "template/" + ws.OutputName,
		stem + "-template.md", "templates/" + stem + "-template.md", "template/" + stem + "-template.md",
	} {
		if fi, err := os.Stat(filepath.Join(ws.Root, filepath.FromSlash(c))); err == nil && fi.Mode().IsRegular() {
			ws.Template = c
			return
		}
	}
}
