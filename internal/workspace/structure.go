package workspace

import (
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// idHow says how a note file was given to its member.
type idHow int

const (
	// idExact: the file's name is the member's (study-note-KSE.md, 홍길동.md).
	idExact idHow = iota
	// idResidue: the name is the member's plus more (민지-2.md, 이하늘-캐시.md):
	// one of the member's additional notes.
	idResidue
	// idFolder: the file is in the member's folder (member-first layouts,
	// week01/홍길동/…); every such file of the week is used.
	idFolder
	// idPresenter: a presenter's *-main-* file.
	idPresenter
)

// cand is a possible note: a file with a week in its path.
type cand struct {
	fi     fileInfo
	anchor int    // index in e.segs of the segment that gives the week
	seq    seqNum // the week, chapter, date or ordinal of that segment
	token  string // member token of the file name, "" when none
	// memberDir is the index in e.segs of the member's own folder in a
	// member-first layout, -1 otherwise.
	memberDir int
	tr        *trackB
	week      int    // week number within the track
	weekDir   string // the week folder, "" when the week has none
	// identity
	fixed   string // the member named by moim.yaml, if any
	order   int    // position in moim.yaml's list (1-based), 0 when not listed
	member  int
	how     idHow
	residue string
	nameSeg int // index in e.segs of the folder that named the member, -1 when none
}

func (c *cand) e() entry { return c.fi.e }

// prefixLen is the number of folders above the week: the series the week
// belongs to.
func (c *cand) prefixLen() int { return c.anchor }

// subdirs are the folders between the week folder and the file, outermost
// first (none when the week is in the file name).
func (c *cand) subdirs() []int {
	var out []int
	for i := c.anchor + 1; i < len(c.fi.e.segs)-1; i++ {
		out = append(out, i)
	}
	return out
}

// trackB is a track being built.
type trackB struct {
	dir         string // the track's folder
	name        string
	memberFirst bool
	cands       []*cand
	// series are the folders whose children are the track's week folders.
	series map[string]bool
	// ownReadme: the track's folder has a README.md of its own.
	ownReadme bool
	// layout is moim.yaml's layout for the track.
	layout string
	// emptyDirs are week folders (→ week) to keep even without notes.
	emptyDirs map[string]int
}

// anchorOf finds the segment of a path that gives its week: a week, chapter
// or date folder (the surest kind, the deepest among equals), else a week,
// chapter or date in the file name, else a numbered folder ("01. 객체").
func anchorOf(segs []string, cache map[string]seqNum) (int, seqNum) {
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
	if best >= 0 {
		return best, bestSeq
	}
	last := len(segs) - 1
	if nn := parseNoteName(segs[last]); nn.seq.kind != seqNone {
		return last, nn.seq
	}
	for i := len(segs) - 2; i >= 0; i-- {
		if s := parseOrdinal(segs[i]); s.kind != seqNone {
			return i, s
		}
	}
	if s := bareNumber(segs[last]); last > 0 && s.kind != seqNone {
		return last, s // "수아/01.md": a member's numbered notes, if its folder is one
	}
	return -1, seqNum{}
}

// reBareNumber is a note's file name that is only its number ("01.md",
// "3.md").
var reBareNumber = regexp.MustCompile(`^0*([1-9]\d{0,2})(?:\.[A-Za-z]{1,5})?$`)

// bareNumber reads the number of a file named by it alone ("01.md" → 1),
// an ordinal: the surest kind of week is anywhere else in the path.
func bareNumber(name string) seqNum {
	m := reBareNumber.FindStringSubmatch(name)
	if m == nil {
		return seqNum{}
	}
	n, _ := strconv.Atoi(m[1])
	return seqNum{kind: seqOrdinal, n: n, digits: m[1]}
}

// seqPriority ranks how sure a folder name is about the week.
func seqPriority(k seqKind) int {
	switch k {
	case seqWeek:
		return 4
	case seqChapter:
		return 3
	case seqDate:
		return 2
	case seqOrdinal:
		return 1
	}
	return 0
}

// noteToken is the member token of a file's name: the name without its
// week, extension, words such as "study-note" or "정리", and a presenter's
// "main".
func noteToken(base string, presenter bool) string {
	tok := parseNoteName(base).member
	if presenter {
		tok = trimEdgeWords(reMain.ReplaceAllString(tok, " "))
	}
	return tok
}

var reNumbered = regexp.MustCompile(`(?i)^(?:[a-z]{0,4}|part|파트)[\s._-]*\d+$`)

// nameLike reports whether a token can name a person: not empty, not a
// number or a numbered item (q1, part2), not a group word.
func nameLike(tok string) bool {
	f := foldName(tok)
	if f == "" || isNumberWord(f) || reNumbered.MatchString(f) || isGroupName(f) {
		return false
	}
	return squash(f) != ""
}

// structure sorts the possible notes into tracks: it walks the folder tree
// from the root and decides, where several folders hold weeks side by
// side, whether they are members (member-first layouts), teams or
// duplicates of one study (merged), or separate studies (tracks).
type structure struct {
	d      *detector
	tracks []*trackB
	// names are folded tokens that name people: they match a known member
	// or recur in two or more weeks.
	names map[string]bool
	// readmes are folders that have a README.md of their own.
	readmes map[string]bool
}

func (st *structure) build(cs []*cand) {
	st.names = nameTokens(cs, st.d.m)
	root := &trackB{series: map[string]bool{}, emptyDirs: map[string]int{}}
	st.tracks = append(st.tracks, root)
	st.split("", 0, cs, root)
	// Drop tracks without notes (the root track, when every note went to
	// sub-tracks).
	var keep []*trackB
	for _, t := range st.tracks {
		if len(t.cands) > 0 {
			keep = append(keep, t)
		}
	}
	st.tracks = keep
}

// rootTrackName names the track of the repository root's own weeks when
// the repository holds several tracks.
const rootTrackName = "root"

// nameTracks names the tracks once their notes are known: "" for the only
// one, else the folder's name ("root" for the repository root's weeks).
func nameTracks(ts []*trackB) {
	for _, t := range ts {
		switch {
		case len(ts) == 1:
			t.name = ""
		case t.dir == "":
			t.name = rootTrackName
		}
	}
}

// nameTokens collects the tokens that name people.
func nameTokens(cs []*cand, m *matcher) map[string]bool {
	weeks := map[string]map[int]bool{}
	out := map[string]bool{}
	add := func(tok string, c *cand) {
		if !nameLike(tok) {
			return
		}
		f := foldName(tok)
		if i, _ := m.match(tok); i >= 0 {
			out[f] = true
			return
		}
		if weeks[f] == nil {
			weeks[f] = map[int]bool{}
		}
		weeks[f][c.seq.kind.key(c.seq.n)] = true
	}
	for _, c := range cs {
		for _, w := range tokenSpans(c.token) {
			add(w, c)
		}
		for _, i := range c.subdirs() {
			add(c.fi.e.segs[i], c)
		}
	}
	for f, ws := range weeks {
		if len(ws) >= 2 {
			out[f] = true
		}
	}
	return out
}

// key makes a week number of one kind comparable with others.
func (k seqKind) key(n int) int { return int(k)*100_000_000 + n }

// tokenSpans are the token and its first and last words: the parts of a
// file name that may be a member's name ("이하늘-캐시" → 이하늘-캐시, 이하늘, 캐시).
func tokenSpans(tok string) []string {
	if tok == "" {
		return nil
	}
	out := []string{tok}
	words := nameWords(tok)
	if len(words) > 1 {
		for n := len(words) - 1; n >= 1; n-- {
			out = append(out, strings.Join(words[:n], " "), strings.Join(words[len(words)-n:], " "))
		}
	}
	return out
}

// unitNames returns the tokens of notes cs that name people.
func (st *structure) unitNames(cs []*cand) map[string]bool {
	out := map[string]bool{}
	for _, c := range cs {
		for _, w := range tokenSpans(c.token) {
			if st.names[foldName(w)] {
				out[foldName(w)] = true
			}
		}
		for _, i := range c.subdirs() {
			if f := foldName(c.fi.e.segs[i]); st.names[f] {
				out[f] = true
			}
		}
	}
	return out
}

// split decides the folder dir (depth segments) for the notes cs of track t.
func (st *structure) split(dir string, depth int, cs []*cand, t *trackB) {
	var direct []*cand
	children := map[string][]*cand{}
	var order []string
	for _, c := range cs {
		if c.prefixLen() == depth {
			direct = append(direct, c)
			continue
		}
		name := c.fi.e.segs[depth]
		if children[name] == nil {
			order = append(order, name)
		}
		children[name] = append(children[name], c)
	}
	sort.Strings(order)
	sub := func(name string) string { return path.Join(dir, rawSeg(children[name][0], depth)) }

	units := len(order)
	if len(direct) > 0 {
		units++
	}
	switch {
	case units == 0:
		return
	case units == 1 && len(direct) > 0:
		st.leaf(dir, direct, t)
		return
	case units == 1:
		if i, _ := st.d.m.match(order[0]); i >= 0 && personLike(order[0]) {
			// The only member folder so far: member-first all the same.
			t.memberFirst = true
			for _, c := range children[order[0]] {
				c.memberDir = depth
				st.add(t, c, "")
			}
			return
		}
		st.split(sub(order[0]), depth+1, children[order[0]], t)
		return
	}

	// Several folders hold weeks side by side.
	known, teams := 0, 0
	for _, name := range order {
		if i, _ := st.d.m.match(name); i >= 0 {
			known++
		}
		if isGenericDir(name) {
			teams++
		}
	}
	named := 0
	unitNames := map[string]map[string]bool{}
	for _, name := range order {
		unitNames[name] = st.unitNames(children[name])
		if len(unitNames[name]) > 0 {
			named++
		}
	}
	if len(direct) > 0 {
		unitNames[""] = st.unitNames(direct)
		if len(unitNames[""]) > 0 {
			named++
		}
	}
	people := 0
	for _, name := range order {
		if personLike(name) || givenName(name) && numberedFiles(children[name]) {
			people++
		}
	}
	memberFirst := len(direct) == 0 && teams == 0 && ((known > 0 && known*2 >= len(order)) || named == 0 && people == len(order))
	if memberFirst {
		t.memberFirst = true
		for _, name := range order {
			for _, c := range children[name] {
				c.memberDir = depth
				st.add(t, c, "")
			}
		}
		return
	}
	if teams == len(order) {
		if len(direct) > 0 {
			st.leaf(dir, direct, t)
		}
		for _, name := range order {
			st.split(sub(name), depth+1, children[name], t)
		}
		return
	}
	// Separate studies when the same people write in several of them, or
	// a folder has a README of its own, or the folders are numbered titles.
	seen := map[string]int{}
	for _, ns := range unitNames {
		for n := range ns {
			seen[n]++
		}
	}
	separate := false
	for _, k := range seen {
		if k >= 2 {
			separate = true
		}
	}
	for _, name := range order {
		if st.readmes[foldName(sub(name))] || parseOrdinal(name).kind != seqNone && !isGenericDir(name) {
			separate = true
		}
	}
	if !separate {
		if len(direct) > 0 {
			st.leaf(dir, direct, t)
		}
		for _, name := range order {
			st.split(sub(name), depth+1, children[name], t)
		}
		return
	}
	if len(direct) > 0 {
		st.leaf(dir, direct, t)
	}
	for _, name := range order {
		nt := &trackB{dir: sub(name), name: cleanName(rawSeg(children[name][0], depth)), series: map[string]bool{}, emptyDirs: map[string]int{}, ownReadme: st.readmes[foldName(sub(name))]}
		st.tracks = append(st.tracks, nt)
		st.split(sub(name), depth+1, children[name], nt)
	}
}

var reLatinID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]{0,38}$`)

// personLike reports whether a folder name can be a person's: a Korean
// name, or one Latin word such as a GitHub id or a romanised name.
func personLike(name string) bool {
	n := cleanName(name)
	if isHangulName(n) && !strings.Contains(n, " ") {
		return koreanName(n) != "" && !isGroupName(n)
	}
	return reLatinID.MatchString(n) && !isGroupName(n) && !isGenericDir(n)
}

// givenName reports whether a folder name can be a person's given name
// written alone, without the surname personLike looks for ("수아",
// "바다"): two to four Hangul syllables that name nothing of the group's
// (a group word, a generic folder). It makes a folder a member's only
// when the folder holds numbered notes (see numberedFiles).
func givenName(name string) bool {
	n := cleanName(name)
	r := utf8.RuneCountInString(n)
	return isHangulName(n) && !strings.Contains(n, " ") && r >= 2 && r <= 4 && !isGroupName(n) && !isGenericDir(n) && !notNames[n]
}

// numberedFiles reports whether every note of cs holds its week in its
// file name ("week-01.md", "02.md"), right in the folder: a folder of a
// member's weekly notes, not a folder of a topic's subfolders.
func numberedFiles(cs []*cand) bool {
	for _, c := range cs {
		if c.anchor != len(c.fi.e.segs)-1 {
			return false
		}
	}
	return len(cs) > 0
}

// rawSeg is segment i of a candidate's path as on disk.
func rawSeg(c *cand, i int) string { return strings.Split(c.fi.e.rel, "/")[i] }

// leaf adds notes whose weeks are children of dir (or in file names in dir).
func (st *structure) leaf(dir string, cs []*cand, t *trackB) {
	for _, c := range cs {
		st.add(t, c, dir)
	}
}

func (st *structure) add(t *trackB, c *cand, series string) {
	c.tr = t
	t.cands = append(t.cands, c)
	if c.memberDir < 0 && c.anchor < len(c.fi.e.segs)-1 {
		t.series[foldName(series)] = true
		c.weekDir = joinRel(c.fi.e, c.anchor+1)
	}
}

func joinRel(e entry, n int) string {
	return strings.Join(strings.Split(e.rel, "/")[:n], "/")
}
