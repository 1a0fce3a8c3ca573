package workspace

import (
	"fmt"
	"strconv"
	"strings"
)

// configured finds the notes moim.yaml describes: each track's layout
// pattern or explicit note lists. The same classifier as detection decides
// what is never a note; a group file (summary.md …) matches a layout only
// through a member's folder.
func (d *detector) configured(cfg *Config) ([]*cand, error) {
	specs := cfg.Tracks
	if len(specs) == 0 {
		specs = []TrackConfig{{Layout: cfg.Layout, Notes: cfg.Notes, Schedule: cfg.Schedule}}
	}
	byPath := map[string]int{}
	for i, fi := range d.infos {
		byPath[fi.e.rel] = i
		byPath[normPath(fi.e.rel)] = i
	}
	taken := map[string]bool{}
	var cs []*cand
	for _, spec := range specs {
		t := &trackB{dir: strings.Trim(spec.Dir, "/"), name: spec.Name, layout: spec.Layout, series: map[string]bool{}, emptyDirs: map[string]int{}}
		d.tracks = append(d.tracks, t)
		if spec.Layout != "" {
			got, err := d.byLayout(t, spec.Layout, taken)
			if err != nil {
				return nil, err
			}
			cs = append(cs, got...)
		}
		for _, wn := range spec.Notes {
			if wn.Dir != "" {
				t.emptyDirs[strings.Trim(wn.Dir, "/")] = wn.Week
			}
			for _, mf := range wn.Files {
				for k, p := range mf.Paths {
					i, ok := byPath[p]
					if !ok {
						i, ok = byPath[normPath(p)]
					}
					if !ok {
						d.warnf(ConfigFile, "week %d: %s listed for %s but not found", wn.Week, p, mf.Member)
						continue
					}
					fi := d.infos[i]
					if fi.class == fcSkip || fi.class == fcOutput {
						d.warnf(ConfigFile, "week %d: %s is listed as %s's note but is not one (%s)", wn.Week, p, mf.Member, fi.reason)
						continue
					}
					c := &cand{fi: fi, anchor: len(fi.e.segs) - 1, seq: seqNum{kind: seqWeek, n: wn.Week}, week: wn.Week,
						weekDir: strings.Trim(wn.Dir, "/"), fixed: mf.Member, how: idResidue, order: k + 1, memberDir: -1, member: -1, nameSeg: -1, tr: t}
					if k == 0 {
						c.how = idExact
					}
					taken[fi.e.rel] = true
					t.cands = append(t.cands, c)
					cs = append(cs, c)
				}
			}
		}
	}
	for _, fi := range d.infos {
		if taken[fi.e.rel] {
			continue
		}
		switch fi.class {
		case fcSkip, fcOutput, fcGroup:
			d.skip(fi.e.rel, fi.reason)
		}
	}
	return d.identify(cs), nil
}

// normPath is a path cleaned like discovery's names (NFC, no control characters).
func normPath(p string) string {
	parts := strings.Split(p, "/")
	for i := range parts {
		parts[i] = cleanName(parts[i])
	}
	return strings.Join(parts, "/")
}

// byLayout finds the notes a layout pattern matches.
func (d *detector) byLayout(t *trackB, layout string, taken map[string]bool) ([]*cand, error) {
	lp, err := compileLayout(layout)
	if err != nil {
		return nil, fmt.Errorf("workspace: %s: layout %q: %w", ConfigFile, layout, err)
	}
	var cs []*cand
	for _, fi := range d.infos {
		if taken[fi.e.rel] || fi.class == fcSkip || fi.class == fcOutput {
			continue
		}
		e := fi.e
		p := canonicalPath(e)
		m := lp.re.FindStringSubmatchIndex(p)
		if m == nil || lp.weekIdx < 0 {
			continue
		}
		n, _ := strconv.Atoi(p[m[2*lp.weekIdx]:m[2*lp.weekIdx+1]])
		if n < 1 {
			continue
		}
		weekSeg := strings.Count(p[:m[2*lp.weekIdx]], "/")
		c := &cand{fi: fi, anchor: weekSeg, seq: seqNum{kind: seqWeek, n: n}, week: n, memberDir: -1, member: -1, nameSeg: -1, tr: t}
		memberFirst := false
		if lp.memIdx >= 0 {
			tok := p[m[2*lp.memIdx]:m[2*lp.memIdx+1]]
			memSeg := strings.Count(p[:m[2*lp.memIdx]], "/")
			if memSeg == len(e.segs)-1 {
				c.token = noteToken(tok+".md", fi.presenter)
				if fi.class == fcGroup || c.token == "" && !fi.presenter {
					continue
				}
			} else {
				c.memberDir = memSeg
				memberFirst = memSeg < weekSeg
			}
		}
		if weekSeg < len(e.segs)-1 && !memberFirst {
			c.weekDir = joinRel(e, weekSeg+1)
		}
		if c.memberDir > weekSeg {
			// {member} is a folder inside the week folder: week01/{member}/*.
			c.anchor = weekSeg
		}
		taken[e.rel] = true
		t.cands = append(t.cands, c)
		cs = append(cs, c)
	}
	// Week folders the layout names that hold no note yet.
	if pre := weekDirPrefix(layout); pre != "" {
		if dp, err := compileLayout(pre); err == nil && dp.weekIdx >= 0 {
			for _, de := range d.walk.dirs {
				p := strings.Join(de.segs, "/")
				if m := dp.re.FindStringSubmatchIndex(p); m != nil {
					if n, _ := strconv.Atoi(p[m[2*dp.weekIdx]:m[2*dp.weekIdx+1]]); n >= 1 {
						t.emptyDirs[de.rel] = n
					}
				}
			}
		}
	}
	if len(cs) == 0 {
		d.warnf(ConfigFile, "layout %q matches no notes", layout)
	}
	return cs, nil
}

// weekDirPrefix is the part of a layout up to its week folder
// ("weeks/week{week:02}" of "weeks/week{week:02}/{member}.md"), "" when
// the week is not a folder of its own or a member's folder is above it.
func weekDirPrefix(layout string) string {
	segs := strings.Split(strings.Trim(layout, "/"), "/")
	for i, s := range segs[:len(segs)-1] {
		if strings.Contains(s, "{member}") {
			return ""
		}
		if strings.Contains(s, "{week") {
			return strings.Join(segs[:i+1], "/")
		}
	}
	return ""
}

// shapeOf is a used note file's path as a layout pattern, or nil when the
// week number is not written in the path (chapters and dates numbered by
// their order).
func shapeOf(c *cand) []string {
	segs := append([]string(nil), c.fi.e.segs...)
	last := len(segs) - 1
	nn := parseNoteName(segs[last])
	stem := nn.base
	if c.week != c.seq.n || c.seq.digits == "" {
		return nil
	}
	if c.anchor < last {
		segs[c.anchor] = weekPattern(segs[c.anchor], c.seq, true)
	} else {
		stem = weekPattern(stem, c.seq, true)
	}
	switch {
	case c.memberDir >= 0:
		segs[c.memberDir] = "{member}"
		for i := c.memberDir + 1; i < last; i++ {
			if i != c.anchor {
				segs[i] = "*"
			}
		}
		if c.anchor < last {
			stem = "*"
		}
	case c.how == idFolder:
		if c.nameSeg < 0 || c.nameSeg <= c.anchor {
			return nil
		}
		segs[c.nameSeg] = "{member}"
		for i := c.nameSeg + 1; i < last; i++ {
			segs[i] = "*"
		}
		stem = "*"
	case c.token != "":
		if !strings.Contains(stem, c.token) {
			return nil
		}
		stem = strings.Replace(stem, c.token, "{member}", 1)
	default:
		return nil
	}
	if nn.md && stem != "*" {
		stem += ".md"
	}
	segs[last] = stem
	return segs
}

// mergePatterns makes one pattern of several of the same depth: segments
// that differ keep what they share around the placeholders and become "*"
// in between; "" when the depths differ or placeholders disagree.
func mergePatterns(shapes [][]string) string {
	if len(shapes) == 0 {
		return ""
	}
	n := len(shapes[0])
	for _, s := range shapes {
		if len(s) != n {
			return ""
		}
	}
	out := make([]string, n)
	for i := range out {
		vals := map[string]bool{}
		for _, s := range shapes {
			vals[s[i]] = true
		}
		if len(vals) == 1 {
			out[i] = shapes[0][i]
			continue
		}
		pre, suf := shapes[0][i], shapes[0][i]
		for v := range vals {
			pre = commonPrefix(pre, v)
			suf = commonSuffix(suf, v)
		}
		if len(pre)+len(suf) > len(shapes[0][i]) {
			suf = ""
		}
		for v := range vals {
			if placeholders(v) != placeholders(pre+suf) {
				return ""
			}
		}
		out[i] = pre + "*" + suf
	}
	return strings.Join(out, "/")
}

func placeholders(s string) string {
	var b strings.Builder
	for _, p := range []string{"{week}", "{week:02}", "{member}"} {
		b.WriteString(strconv.Itoa(strings.Count(s, p)))
	}
	return b.String()
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Never cut inside a placeholder or a multi-byte character.
	for i > 0 && (strings.Count(a[:i], "{") != strings.Count(a[:i], "}") || i < len(a) && a[i]&0xC0 == 0x80) {
		i--
	}
	return a[:i]
}

func commonSuffix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	s := a[len(a)-i:]
	for s != "" && (strings.Count(s, "{") != strings.Count(s, "}") || s[0]&0xC0 == 0x80) {
		s = s[1:]
	}
	return s
}

// inferLayouts finds, for every track, a layout pattern that finds exactly
// the notes detection found, by trying it; a track without one keeps its
// notes listed (moim init writes them to moim.yaml).
func (d *detector) inferLayouts() {
	ws := d.ws
	for ti := range ws.Tracks {
		tr := &ws.Tracks[ti]
		t := d.tracks[ti]
		var shapes [][]string
		seen := map[string]bool{}
		ok := true
		usedPaths := map[string]bool{}
		for _, wk := range ws.TrackWeeks(tr.Name) {
			for _, n := range append(append([]NoteFile(nil), wk.Notes...), wk.Empty...) {
				for _, p := range n.Paths() {
					usedPaths[p] = true
				}
			}
		}
		for _, c := range t.cands {
			if !usedPaths[c.e().rel] {
				continue
			}
			s := shapeOf(c)
			if s == nil {
				ok = false
				break
			}
			if k := strings.Join(s, "/"); !seen[k] {
				seen[k] = true
				shapes = append(shapes, s)
			}
		}
		if !ok || len(shapes) == 0 {
			continue
		}
		var tries []string
		if len(shapes) == 1 {
			tries = append(tries, strings.Join(shapes[0], "/"))
		}
		if m := mergePatterns(shapes); m != "" {
			tries = append(tries, m)
		}
		for _, layout := range tries {
			if d.reproduces(ti, layout) {
				tr.Layout = layout
				break
			}
		}
	}
}

// reproduces reports whether layout, as track ti's only setting in
// moim.yaml, finds the same weeks, notes and members as detection did.
func (d *detector) reproduces(ti int, layout string) bool {
	ws := d.ws
	tr := ws.Tracks[ti]
	cfg := &Config{Version: 1, Members: cloneMembers(ws.Members)}
	if tr.Name == "" {
		cfg.Layout = layout
	} else {
		cfg.Tracks = []TrackConfig{{Name: tr.Name, Dir: tr.Dir, Layout: layout}}
	}
	sub := d.again(cfg)
	cs, err := sub.configured(cfg)
	if err != nil {
		return false
	}
	sub.assemble(cs, false)
	if len(sub.ws.Members) != len(ws.Members) {
		return false
	}
	return sameWeeks(sub.ws.TrackWeeks(tr.Name), ws.TrackWeeks(tr.Name))
}

func cloneMembers(ms []Member) []Member {
	out := make([]Member, len(ms))
	for i, m := range ms {
		m.Aliases = append([]string(nil), m.Aliases...)
		out[i] = m
	}
	return out
}

// sameWeeks compares what two discoveries found: week numbers, folders,
// outputs, notes and empty notes.
func sameWeeks(a, b []*Week) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Number != y.Number || x.Dir != y.Dir || x.Output != y.Output || !sameNotes(x.Notes, y.Notes) || !sameNotes(x.Empty, y.Empty) {
			return false
		}
	}
	return true
}

func sameNotes(a, b []NoteFile) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Member != b[i].Member || strings.Join(a[i].Paths(), "\x00") != strings.Join(b[i].Paths(), "\x00") {
			return false
		}
	}
	return true
}
