package workspace

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	notes "github.com/moim-study/moim/internal/note"
)

// Detect discovers the repository at root from its files alone, without
// reading moim.yaml. Every file gets one verdict from one classifier:
//
//   - Never notes: hidden files, images and binaries, files in asset folders
//     (images/, assets/ …), everything in a code project (a folder with
//     package.json, go.mod, pom.xml … or a src/ folder), templates, the
//     insights document, the repository's README, and files of the whole
//     group (summary.md, 정리.md, 회고.md, presentation.md, a week's
//     README.md) unless they are in a member's own folder.
//   - A week is a folder whose name carries it (week01, week-3, 1주차,
//     2회차, chap07, Chapter8-14, 3장, 241105, 2024-11-05; "01. 제목" when
//     nothing surer is there), else the file name's (week3-홍길동.md).
//   - Where several folders hold weeks side by side, they are members
//     (member-first layouts: <member>/week3.md, <member>/chapter3/3.1. ….md,
//     <member>/01. 제목/README.md), teams of one study (Team1/3주차 and
//     Team2/3주차 merge), or separate studies (tracks): the same people
//     writing in each, a README of their own, or numbered titles
//     (1. <book A>/1회차, 2. <book B>/1회차).
//   - Weeks are numbered per track: the number itself for week folders and
//     numbered folders, the schedule or the order among the track's chapter
//     folders for chapters, the order of the dates for date folders.
//   - Members come from every source at once (the README's tables, lists,
//     links and avatars, the template's headings, file and folder names);
//     see identify. A member's files of one week are one note: the main
//     file and its additional ones (민지-2.md, 이하늘-캐시.md, every file of
//     the member's folder, a presenter's *-main-* file).
func Detect(root string) (*Workspace, error) { return discover(root, nil) }

// Open discovers the repository at root. When root/moim.yaml exists it is
// loaded: its tracks, layout or note lists, members, schedule, output name
// and template are used, and members or schedule it leaves out are still
// detected.
func Open(root string) (*Workspace, error) {
	start := time.Now()
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("workspace: %s: %w", root, err)
	}
	var cfg *Config
	cfgPath := filepath.Join(abs, ConfigFile)
	if _, err := os.Stat(cfgPath); err == nil {
		if cfg, err = LoadConfig(cfgPath); err != nil {
			return nil, err
		}
	}
	d, err := detectIn(abs, cfg)
	if err != nil {
		return nil, err
	}
	d.ws.stamp = newStamp(abs, start, d)
	return d.ws, nil
}

type detector struct {
	ws     *Workspace
	cfg    *Config
	walk   *walker
	m      *matcher
	listed int          // members known before notes were read
	idOnly map[int]bool // README members known only by a GitHub id
	infos  []fileInfo
	// names are tokens that name people (see nameTokens).
	names  map[string]bool
	tracks []*trackB
	// skips are the files that are not notes, with the reason.
	skips map[string]string
	// readmeSchedule is the root README's schedule; trackReadmes the
	// tracks' own.
	readmeSchedule []ScheduleRow
	trackReadme    map[string]readmeInfo
	readmes        map[string]bool
	// mergedDirs are the folders each week's notes came from, by Week.key.
	mergedDirs map[string][]string
	readmeName string
	cl         *classifier
}

func (d *detector) skip(rel, reason string) {
	if _, done := d.skips[rel]; !done {
		d.skips[rel] = reason
	}
}

func (d *detector) skipped(rel string) bool { _, ok := d.skips[rel]; return ok }

func discover(root string, cfg *Config) (*Workspace, error) {
	d, err := detectIn(root, cfg)
	if err != nil {
		return nil, err
	}
	return d.ws, nil
}

// detectIn discovers the workspace at root and returns the detector, which
// knows what the discovery read.
func detectIn(root string, cfg *Config) (*detector, error) {
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
	d := &detector{ws: ws, cfg: cfg, idOnly: map[int]bool{}, skips: map[string]string{}, trackReadme: map[string]readmeInfo{}, readmes: map[string]bool{}}
	if cfg != nil {
		if cfg.Output != "" {
			ws.OutputName = cfg.Output
		}
		ws.Template = cfg.Template
		ws.Members = append(ws.Members, cfg.Members...)
	}
	d.template()
	d.readme()
	d.templateMembers()
	for i := range ws.Members {
		if ws.Members[i].Roman == "" && isHangulName(cleanName(ws.Members[i].Name)) {
			ws.Members[i].Roman = Romanize(ws.Members[i].Name)
		}
	}
	d.m = newMatcher(ws.Members)
	d.listed = len(ws.Members)

	wk, err := walkRepo(abs, MaxFiles)
	if err != nil {
		return nil, err
	}
	d.walk = wk
	ws.Warnings = append(ws.Warnings, wk.warnings...)
	cl := &classifier{root: abs, outputName: ws.OutputName, code: newCodeIndex(wk.files)}
	d.cl = cl
	for _, e := range wk.files {
		d.infos = append(d.infos, cl.classify(e))
		if len(e.segs) >= 2 && isReadmeName(strings.TrimSuffix(strings.ToLower(e.base()), ".md")) {
			d.readmes[foldName(path.Dir(e.rel))] = true
		}
	}
	var cs []*cand
	if cfg != nil && cfg.hasNotes() {
		cs, err = d.configured(cfg)
		if err != nil {
			return nil, err
		}
	} else {
		cs = d.auto()
	}
	d.assemble(cs, cfg == nil || !cfg.hasNotes())
	if cfg != nil && cfg.hasNotes() {
		d.unlisted()
	}
	d.finish()
	return d, nil
}

// unlisted warns about files that detection would take for notes but
// moim.yaml's layout or note lists do not find: a week added since moim
// init wrote the lists, or a note named unlike the layout.
func (d *detector) unlisted() {
	auto := d.again(nil)
	auto.assemble(auto.auto(), false)
	used := map[string]bool{}
	for _, wk := range d.ws.Weeks {
		for _, n := range append(append([]NoteFile(nil), wk.Notes...), wk.Empty...) {
			for _, p := range n.Paths() {
				used[p] = true
			}
		}
	}
	var missed []string
	for _, wk := range auto.ws.Weeks {
		for _, n := range wk.Notes {
			for _, p := range n.Paths() {
				if !used[p] && !d.skippedStatic(p) {
					missed = append(missed, p)
				}
			}
		}
	}
	if len(missed) == 0 {
		return
	}
	sort.Strings(missed)
	shown := missed
	if len(shown) > 3 {
		shown = shown[:3]
	}
	more := ""
	if len(missed) > 3 {
		more = fmt.Sprintf(" and %d more", len(missed)-3)
	}
	d.warnf(ConfigFile, "%d file(s) look like notes but moim.yaml does not find them: %s%s; add them to its layout or notes, or run moim init --force to detect again", len(missed), strings.Join(shown, ", "), more)
}

// again is a detector for the same files and members with another
// configuration (nil: detection alone), to compare what each finds.
func (d *detector) again(cfg *Config) *detector {
	ws := &Workspace{Root: d.ws.Root, Config: cfg, OutputName: d.ws.OutputName, Template: d.ws.Template, Members: cloneMembers(d.ws.Members)}
	a := &detector{ws: ws, cfg: cfg, walk: d.walk, infos: d.infos, cl: d.cl, idOnly: map[int]bool{}, skips: map[string]string{},
		trackReadme: map[string]readmeInfo{}, readmes: d.readmes, readmeSchedule: d.readmeSchedule}
	for k, v := range d.trackReadme {
		a.trackReadme[k] = v
	}
	a.m = newMatcher(ws.Members)
	a.listed = len(ws.Members)
	return a
}

// skippedStatic reports whether a file is never a note whatever the layout.
func (d *detector) skippedStatic(rel string) bool {
	for _, fi := range d.infos {
		if fi.e.rel == rel {
			return fi.class == fcSkip || fi.class == fcOutput
		}
	}
	return true
}

// hasNotes reports whether the configuration says where the notes are.
func (c *Config) hasNotes() bool {
	return c.Layout != "" || len(c.Notes) > 0 || len(c.Tracks) > 0
}

// auto finds the possible notes and sorts them into tracks, weeks and
// members from the files alone.
func (d *detector) auto() []*cand {
	cache := map[string]seqNum{}
	var cs []*cand
	for _, fi := range d.infos {
		switch fi.class {
		case fcSkip, fcOutput:
			d.skip(fi.e.rel, fi.reason)
			continue
		}
		a, seq := anchorOf(fi.e.segs, cache)
		if a < 0 {
			if len(fi.e.segs) == 1 {
				d.skip(fi.e.rel, reasonRootFile)
			} else if fi.class == fcGroup {
				d.skip(fi.e.rel, fi.reason)
			} else {
				d.skip(fi.e.rel, reasonNoWeek)
			}
			continue
		}
		cs = append(cs, &cand{fi: fi, anchor: a, seq: seq, token: noteToken(fi.e.base(), fi.presenter), memberDir: -1, member: -1, nameSeg: -1})
	}
	st := &structure{d: d, readmes: d.readmes}
	st.build(cs)
	d.names = st.names
	d.tracks = st.tracks
	var out []*cand
	for _, t := range d.tracks {
		d.readTrackReadme(t)
		d.number(t)
		for _, c := range t.cands {
			// Group files are notes only in a member's own folder.
			if c.fi.class == fcGroup && c.memberDir < 0 && len(c.subdirs()) == 0 {
				d.skip(c.e().rel, c.fi.reason)
				continue
			}
			out = append(out, c)
		}
	}
	out = d.identify(out)
	// Tracks whose every file turned out not to be a note are none.
	has := map[*trackB]bool{}
	for _, c := range out {
		has[c.tr] = true
	}
	var keep []*trackB
	for _, t := range d.tracks {
		if has[t] {
			keep = append(keep, t)
		}
	}
	d.tracks = keep
	nameTracks(d.tracks)
	return out
}

// number gives every note of a track its week: the number itself for week
// and numbered folders, the schedule or the order among the track's
// chapters for chapters, the order of the dates for dates.
func (d *detector) number(t *trackB) {
	byKind := map[seqKind][]int{}
	seen := map[int]bool{}
	for _, c := range t.cands {
		k := c.seq.kind.key(c.seq.n)
		if !seen[k] {
			seen[k] = true
			byKind[c.seq.kind] = append(byKind[c.seq.kind], c.seq.n)
		}
	}
	week := map[int]int{}
	for kind, nums := range byKind {
		sort.Ints(nums)
		switch kind {
		case seqWeek, seqOrdinal:
			for _, n := range nums {
				week[kind.key(n)] = n
			}
		case seqChapter:
			byPlan := d.chapterPlan(t, nums)
			for i, n := range nums {
				if byPlan != nil {
					week[kind.key(n)] = byPlan[n]
				} else {
					week[kind.key(n)] = i + 1
				}
			}
		default:
			for i, n := range nums {
				week[kind.key(n)] = i + 1
			}
		}
	}
	for _, c := range t.cands {
		c.week = week[c.seq.kind.key(c.seq.n)]
	}
}

// chapterPlan maps chapter numbers to weeks through the schedule when every
// chapter starts a row's 범위, nil otherwise.
func (d *detector) chapterPlan(t *trackB, nums []int) map[int]int {
	chapterWeek := map[int]int{}
	for _, r := range d.scheduleOf(t) {
		if n := firstNumber(r.Chapters); n > 0 {
			if _, dup := chapterWeek[n]; !dup {
				chapterWeek[n] = r.Week
			}
		}
	}
	if len(chapterWeek) == 0 {
		return nil
	}
	byPlan, used := map[int]int{}, map[int]bool{}
	for _, n := range nums {
		w, found := chapterWeek[n]
		if !found || used[w] {
			return nil
		}
		byPlan[n], used[w] = w, true
	}
	return byPlan
}

var reFirstNum = regexp.MustCompile(`\d+`)

// firstNumber is the first number in s ("3-4장" → 3), 0 when none.
func firstNumber(s string) int {
	var n int
	fmt.Sscan(reFirstNum.FindString(s), &n)
	return n
}

// readme reads the root README for members and schedule the config lacks.
func (d *detector) readme() {
	ws := d.ws
	name, info, ok := d.readReadme("")
	if !ok {
		if len(ws.Members) == 0 {
			d.warnf("", "no README.md: members come from file names and there is no schedule")
		}
		return
	}
	for _, w := range info.warnings {
		d.warnf(name, "%s", w)
	}
	if len(ws.Members) == 0 {
		d.addReadmeMembers(info)
	}
	d.readmeName = name
	d.readmeSchedule = info.schedule
	for i := range d.readmeSchedule {
		d.readmeSchedule[i].Source = name
	}
}

// addReadmeMembers adds the README's members: named ones, then ids
// without a name (which may be paired with names found in files later).
func (d *detector) addReadmeMembers(info readmeInfo) {
	d.ws.Members = append(d.ws.Members, info.members...)
	for _, id := range info.ids {
		d.idOnly[len(d.ws.Members)] = true
		d.ws.Members = append(d.ws.Members, Member{Name: id, GitHub: id})
	}
}

// readReadme reads and parses dir's README (dir "" for the root).
func (d *detector) readReadme(dir string) (string, readmeInfo, bool) {
	for _, n := range []string{"README.md", "readme.md", "Readme.md", "README.markdown", "README"} {
		rel := path.Join(dir, n)
		b, err := os.ReadFile(filepath.Join(d.ws.Root, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		decoded, err := notes.Decode(rel, b)
		if err != nil {
			d.warnf(rel, "cannot read it (%v): members come from file names and there is no schedule; save it as UTF-8", errors.Unwrap(err))
			return rel, readmeInfo{}, false
		}
		return rel, parseReadme(decoded), true
	}
	return "", readmeInfo{}, false
}

// readTrackReadme reads a track's own README: its schedule, and members
// added to the repository's.
func (d *detector) readTrackReadme(t *trackB) {
	if t.dir == "" || !t.ownReadme {
		return
	}
	name, info, ok := d.readReadme(t.dir)
	if !ok {
		return
	}
	for i := range info.schedule {
		info.schedule[i].Source = name
	}
	d.trackReadme[t.dir] = info
	for _, m := range info.members {
		if i, _ := d.m.match(m.Name); i < 0 {
			d.addMember(m)
		}
	}
}

// scheduleOf is a track's schedule: moim.yaml's, the track's README's, or
// the repository README's when the repository holds one study.
func (d *detector) scheduleOf(t *trackB) []ScheduleRow {
	if d.cfg != nil {
		if tc := d.cfg.track(t.name); tc != nil && len(tc.Schedule) > 0 {
			return tc.Schedule
		}
		if len(d.cfg.Tracks) == 0 && len(d.cfg.Schedule) > 0 {
			return d.cfg.Schedule
		}
	}
	if info, ok := d.trackReadme[t.dir]; ok && len(info.schedule) > 0 {
		return info.schedule
	}
	if len(d.tracks) <= 1 {
		return d.readmeSchedule
	}
	return nil
}

// track returns the configured track named name, nil when none.
func (c *Config) track(name string) *TrackConfig {
	for i := range c.Tracks {
		if c.Tracks[i].Name == name {
			return &c.Tracks[i]
		}
	}
	return nil
}

// template finds a template override: the configured one (checked), or a
// conventional file: templates/<output>, template/<output>,
// <output stem>-template.md at the root or in templates/. Member headings
// of the template ("## 박지민 (Park Ji-Min)") name members.
func (d *detector) template() {
	ws := d.ws
	if ws.Template != "" {
		if _, err := os.Stat(filepath.Join(ws.Root, filepath.FromSlash(ws.Template))); err != nil {
			d.warnf(ws.Template, "configured template not found; using the week's own document or the built-in template")
			return
		}
	} else {
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
}

// templateMembers adds the members the template's headings name ("## 박지민
// (Park Ji-Min)"), or gives a known member the heading's romanised name,
// unless moim.yaml lists the members.
func (d *detector) templateMembers() {
	ws := d.ws
	if ws.Template == "" || d.cfg != nil && len(d.cfg.Members) > 0 {
		return
	}
	b, err := os.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(ws.Template)))
	if err != nil {
		return
	}
	text, err := notes.Decode(ws.Template, b)
	if err != nil {
		return
	}
	m := newMatcher(ws.Members)
	for _, tm := range templateMembers(text) {
		if i, how := m.match(tm.Name); i >= 0 && how == matchName {
			if ws.Members[i].Roman == "" {
				ws.Members[i].Roman = tm.Roman
			}
			continue
		}
		ws.Members = append(ws.Members, tm)
		m.add(tm)
	}
}

var reMemberHeading = regexp.MustCompile(`^##\s+([^#(\s][^(]*?)\s*(?:\(([^)]*)\))?\s*$`)

// templateMembers reads member headings of a template: "## 박지민 (Park
// Ji-Min)" gives a member with a romanised name.
func templateMembers(text string) []Member {
	var out []Member
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		m := reMemberHeading.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		name := cleanName(m[1])
		if koreanName(name) == "" || !isHangulName(name) || isGroupName(name) || m[2] == "" && len([]rune(name)) < 3 {
			continue
		}
		out = append(out, Member{Name: name, Roman: strings.TrimSpace(m[2])})
	}
	return out
}
