package workspace

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// weekB is a week being built.
type weekB struct {
	n       int
	dirs    map[string]bool // week folders (several when teams or twins merge)
	cands   []*cand
	outputs map[string]bool // week folders that hold the output document
}

// assemble turns the identified notes of every track into weeks: one note
// per member (main file and additional ones), empty notes, the week folder
// and output, the files of the week folders that are not notes. With infer
// set it also finds each track's layout pattern.
func (d *detector) assemble(cs []*cand, infer bool) {
	leftOver := reasonNotListed
	if infer {
		leftOver = reasonNoMember
	}
	ws := d.ws
	outputDirs := map[string]bool{}
	for _, fi := range d.infos {
		if fi.class == fcOutput {
			outputDirs[path.Dir(fi.e.rel)] = true
		}
	}
	byTrack := map[*trackB][]*cand{}
	for _, c := range cs {
		byTrack[c.tr] = append(byTrack[c.tr], c)
		c.fi.empty = d.cl.isEmpty(c.e())
	}
	used := map[string]bool{}
	for _, t := range d.tracks {
		weeks := map[int]*weekB{}
		get := func(n int) *weekB {
			if weeks[n] == nil {
				weeks[n] = &weekB{n: n, dirs: map[string]bool{}, outputs: map[string]bool{}}
			}
			return weeks[n]
		}
		for _, c := range byTrack[t] {
			if c.week < 1 || c.member < 0 {
				continue
			}
			w := get(c.week)
			w.cands = append(w.cands, c)
			if c.weekDir != "" {
				w.dirs[c.weekDir] = true
			}
		}
		d.emptyWeekDirs(t, get, weeks)
		for dir, n := range t.emptyDirs {
			get(n).dirs[dir] = true
		}
		outRoot := ""
		if t.name != "" {
			outRoot = t.dir
		}
		var nums []int
		for n := range weeks {
			nums = append(nums, n)
		}
		sort.Ints(nums)
		tr := Track{Name: t.name, Dir: t.dir, Layout: t.layout}
		for _, n := range nums {
			w := weeks[n]
			if len(w.dirs) == 0 {
				if dir := d.outputFolder(outRoot, n); dir != "" {
					w.dirs[dir] = true
				}
			}
			for dir := range w.dirs {
				if outputDirs[dir] {
					w.outputs[dir] = true
				}
			}
			wk := d.week(t, w, outRoot, used)
			ws.Weeks = append(ws.Weeks, wk)
		}
		ws.Tracks = append(ws.Tracks, tr)
	}
	// Files in week folders that are not notes.
	for i := range ws.Weeks {
		wk := &ws.Weeks[i]
		if wk.Dir == "" {
			continue
		}
		for _, dir := range d.weekDirsOf(wk) {
			for _, fi := range d.infos {
				if strings.HasPrefix(fi.e.rel, dir+"/") && !used[fi.e.rel] {
					wk.Extra = append(wk.Extra, fi.e.rel)
				}
			}
		}
		sort.Strings(wk.Extra)
	}
	for _, fi := range d.infos {
		if !used[fi.e.rel] {
			d.skip(fi.e.rel, leftOver)
		}
	}
	d.trackMembers(byTrack)
	if infer {
		d.inferLayouts()
	}
}

// weekDirsOf are every folder the week's notes came from (several when
// folders of the same week merged), the week's own folder first.
func (d *detector) weekDirsOf(wk *Week) []string {
	if dirs := d.mergedDirs[wk.key()]; len(dirs) > 0 {
		return dirs
	}
	return []string{wk.Dir}
}

func (w *Week) key() string { return w.Track + "\x00" + fmt.Sprint(w.Number) }

// emptyWeekDirs adds week folders without notes (a week not written yet)
// when they sit beside the track's week folders.
func (d *detector) emptyWeekDirs(t *trackB, get func(int) *weekB, weeks map[int]*weekB) {
	if len(t.series) == 0 {
		return
	}
	have := map[string]bool{}
	for _, w := range weeks {
		for dir := range w.dirs {
			have[dir] = true
		}
	}
	for _, de := range d.walk.dirs {
		if have[de.rel] {
			continue
		}
		s := parseSeq(de.base())
		if s.kind != seqWeek {
			continue
		}
		if !t.series[foldName(path.Dir(de.rel))] && !(path.Dir(de.rel) == "." && t.series[""]) {
			continue
		}
		get(s.n).dirs[de.rel] = true
	}
}

// outputFolder is the existing folder a week without a folder of its own
// writes to: <track>/weeks/weekNN (any spelling of the week), "" when none.
func (d *detector) outputFolder(outRoot string, n int) string {
	parent := path.Join(outRoot, "weeks")
	for _, de := range d.walk.dirs {
		if path.Dir(de.rel) == parent || outRoot == "" && path.Dir(de.rel) == "weeks" {
			if s := parseSeq(de.base()); s.kind == seqWeek && s.n == n {
				return de.rel
			}
		}
	}
	return ""
}

// week builds one week of a track.
func (d *detector) week(t *trackB, w *weekB, outRoot string, used map[string]bool) Week {
	ws := d.ws
	wk := Week{Track: t.name, Number: w.n}
	var dirs []string
	for dir := range w.dirs {
		dirs = append(dirs, dir)
	}
	if len(dirs) > 0 {
		count := map[string]int{}
		for _, c := range w.cands {
			count[c.weekDir]++
		}
		sort.SliceStable(dirs, func(a, b int) bool {
			fa, fb := dirs[a], dirs[b]
			if w.outputs[fa] != w.outputs[fb] {
				return w.outputs[fa]
			}
			if sa, sb := d.shapeCount(t, fa), d.shapeCount(t, fb); sa != sb {
				return sa > sb
			}
			if count[fa] != count[fb] {
				return count[fa] > count[fb]
			}
			return fa < fb
		})
		wk.Dir = dirs[0]
		wk.Output = path.Join(wk.Dir, ws.OutputName)
		if len(dirs) > 1 {
			d.warnf("", "week %d%s: notes merged from %s; output goes to %s", w.n, trackSuffix(t.name), strings.Join(dirs, ", "), wk.Output)
		}
		if d.mergedDirs == nil {
			d.mergedDirs = map[string][]string{}
		}
		d.mergedDirs[wk.key()] = dirs
	} else {
		wk.Output = path.Join(outRoot, fmt.Sprintf("weeks/week%02d", w.n), ws.OutputName)
	}

	byMember := map[int][]*cand{}
	var order []int
	for _, c := range w.cands {
		if byMember[c.member] == nil {
			order = append(order, c.member)
		}
		byMember[c.member] = append(byMember[c.member], c)
	}
	shapes := map[string]int{}
	for _, c := range w.cands {
		shapes[noteShape(c)]++
	}
	sort.Ints(order)
	for _, mi := range order {
		nf, empty, ok := d.memberNote(t, w.n, ws.Members[mi].Name, byMember[mi], shapes)
		if !ok {
			continue
		}
		for _, p := range nf.Paths() {
			used[p] = true
		}
		if empty {
			wk.Empty = append(wk.Empty, nf)
		} else {
			wk.Notes = append(wk.Notes, nf)
		}
	}
	return wk
}

func trackSuffix(name string) string {
	if name == "" {
		return ""
	}
	return " of " + name
}

// shapeCount is how many of the track's week folders have dir's shape.
func (d *detector) shapeCount(t *trackB, dir string) int {
	n := 0
	seen := map[string]bool{}
	for _, c := range t.cands {
		if c.weekDir != "" && !seen[c.weekDir] {
			seen[c.weekDir] = true
			if folderShape(c.weekDir) == folderShape(dir) {
				n++
			}
		}
	}
	return n
}

// memberNote makes one member's note of a week from the member's files:
// the file named exactly for the member first (one of several such files
// is used, with a warning), then the additional ones in natural order.
// Empty files are left out; a note whose files are all empty is reported
// as empty.
func (d *detector) memberNote(t *trackB, week int, name string, cs []*cand, shapes map[string]int) (NoteFile, bool, bool) {
	var exact, more []*cand
	for _, c := range cs {
		if c.how == idExact {
			exact = append(exact, c)
		} else {
			more = append(more, c)
		}
	}
	if len(exact) > 1 {
		sort.SliceStable(exact, func(a, b int) bool {
			if sa, sb := shapes[noteShape(exact[a])], shapes[noteShape(exact[b])]; sa != sb {
				return sa > sb
			}
			if ea, eb := exact[a].fi.empty, exact[b].fi.empty; ea != eb {
				return eb
			}
			if exact[a].e().size != exact[b].e().size {
				return exact[a].e().size > exact[b].e().size
			}
			return exact[a].e().rel < exact[b].e().rel
		})
		var paths []string
		for _, c := range exact {
			paths = append(paths, c.e().rel)
		}
		msg := fmt.Sprintf("week %d%s: %d notes for %s (%s); using %s", week, trackSuffix(t.name), len(exact), name, strings.Join(paths, ", "), exact[0].e().rel)
		if twins := normTwins(paths); twins != "" {
			msg += "; " + twins
		}
		d.warnf("", "%s", msg)
		for _, c := range exact[1:] {
			reason := fmt.Sprintf("another note of %s for week %d; %s is used", name, week, exact[0].e().rel)
			if normTwins([]string{c.e().rel, exact[0].e().rel}) != "" {
				reason = fmt.Sprintf("the same name as the note used for %s, written decomposed (NFD, as macOS does); delete one of the two", name)
				if norm.NFC.IsNormalString(c.e().rel) {
					reason = fmt.Sprintf("the same name as the note used for %s, written composed (NFC); delete one of the two", name)
				}
			}
			d.skip(c.e().rel, reason)
		}
		exact = exact[:1]
	}
	sort.SliceStable(more, func(a, b int) bool {
		if more[a].order > 0 && more[b].order > 0 {
			return more[a].order < more[b].order
		}
		// Files named for the member and plain README/index files of a
		// member's folder come first.
		ra, rb := mainRank(more[a]), mainRank(more[b])
		if ra != rb {
			return ra < rb
		}
		return naturalLess(more[a].e().rel, more[b].e().rel)
	})
	all := append(exact, more...)
	var files, empties []string
	for _, c := range all {
		if c.fi.empty {
			empties = append(empties, c.e().rel)
		} else {
			files = append(files, c.e().rel)
		}
	}
	if len(files) == 0 {
		return NoteFile{Member: name, Path: empties[0], More: empties[1:]}, true, true
	}
	for _, p := range empties {
		d.skip(p, reasonEmptyExtra)
	}
	return NoteFile{Member: name, Path: files[0], More: files[1:]}, false, true
}

// mainRank orders a member's additional files: a file that names nobody
// else and has no topic (README.md, index.md, the member's name), then
// the rest.
func mainRank(c *cand) int {
	switch {
	case c.how == idPresenter:
		return 2
	case c.how == idFolder && (c.token == "" || isGroupName(c.token) && !strings.Contains(strings.ToLower(c.token), "정리")):
		return 0
	}
	return 1
}

// normTwins says when file names differ only in Unicode normalisation
// (macOS writes Hangul decomposed, NFD).
func normTwins(paths []string) string {
	for i := range paths {
		for j := i + 1; j < len(paths); j++ {
			if paths[i] != paths[j] && norm.NFC.String(paths[i]) == norm.NFC.String(paths[j]) {
				which := func(p string) string {
					if norm.NFC.IsNormalString(p) {
						return "composed (NFC)"
					}
					return "decomposed (NFD, as macOS writes it)"
				}
				return fmt.Sprintf("the names differ only in Unicode normalisation: %s is %s, the other %s; delete one of them", paths[i], which(paths[i]), which(paths[j]))
			}
		}
	}
	return ""
}

// naturalLess compares paths with their numbers by value ("3.2" < "3.10").
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// noteShape is a note's file name with its member token replaced, to tell
// which of two notes is "named like the others".
func noteShape(c *cand) string {
	stem, _ := stripMarkdownExt(c.e().base())
	if c.how == idExact && c.token != "" {
		return foldName(strings.Replace(stem, c.token, "{member}", 1))
	}
	return foldName(stem)
}

// folderShape is a folder name with digits replaced ("chap#").
func folderShape(dir string) string {
	return reFirstNum.ReplaceAllString(path.Base(dir), "#")
}

// trackMembers gives every track its members: the ones with a note in it,
// the ones its own README or moim.yaml lists, and, in a repository with
// one study, every member.
func (d *detector) trackMembers(byTrack map[*trackB][]*cand) {
	ws := d.ws
	for ti, t := range d.tracks {
		in := map[int]bool{}
		for _, c := range byTrack[t] {
			if c.member >= 0 && !d.skipped(c.e().rel) {
				in[c.member] = true
			}
		}
		if len(d.tracks) == 1 {
			for i := range ws.Members {
				in[i] = true
			}
		}
		var listed []string
		if info, ok := d.trackReadme[t.dir]; ok {
			for _, m := range info.members {
				listed = append(listed, m.Name)
			}
		}
		if d.cfg != nil {
			if tc := d.cfg.track(t.name); tc != nil {
				listed = append(listed, tc.Members...)
			}
		}
		for _, n := range listed {
			if i, _ := d.m.match(n); i >= 0 {
				in[i] = true
			}
		}
		tr := &ws.Tracks[ti]
		for i, m := range ws.Members {
			if in[i] {
				tr.Members = append(tr.Members, m.Name)
			}
		}
		tr.Schedule = d.scheduleOf(t)
	}
}
