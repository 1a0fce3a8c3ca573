package workspace

import (
	"fmt"
	"sort"
	"strings"
)

// option is one way a file's path may name its member.
type option struct {
	s       string // the name as written
	how     idHow
	residue string // the rest of the file name (idResidue)
	rank    int    // preference among equals: lower first
	seg     int    // index of the folder in the path, -1 for the file name
}

// options lists the names a possible note's path offers for its member,
// most likely first: the member's folder in member-first layouts; else the
// file name (whole, then its first or last words with the rest as the
// note's topic), the folders between the week folder and the file, and,
// when the file name names nobody, the folders above the week.
func (d *detector) options(c *cand) []option {
	segs := c.fi.e.segs
	if c.memberDir >= 0 {
		return []option{{s: segs[c.memberDir], how: idFolder, seg: c.memberDir}}
	}
	var out []option
	how := idExact
	if c.fi.presenter {
		how = idPresenter
	}
	for i, sp := range tokenSpans(c.token) {
		o := option{s: sp, how: how, rank: 0, seg: -1}
		if i > 0 {
			o.residue = residueOf(c.token, sp)
			if how == idExact {
				o.how = idResidue
			}
			o.rank = 1
		}
		out = append(out, o)
	}
	for _, i := range c.subdirs() {
		if !isGenericDir(segs[i]) {
			out = append(out, option{s: segs[i], how: idFolder, rank: 2, seg: i})
		}
	}
	if c.token == "" && !c.fi.presenter {
		lo := 0
		if c.tr != nil && c.tr.dir != "" {
			lo = strings.Count(c.tr.dir, "/") + 1
		}
		for i := min(c.anchor, len(segs)-1) - 1; i >= lo; i-- {
			if !isGenericDir(segs[i]) && parseSeq(segs[i]).kind == seqNone && parseOrdinal(segs[i]).kind == seqNone {
				out = append(out, option{s: segs[i], how: idFolder, rank: 3, seg: i})
				break
			}
		}
	}
	return out
}

// residueOf is what is left of tok once span is taken out ("이하늘-캐시",
// "이하늘" → "캐시").
func residueOf(tok, span string) string {
	words, sw := nameWords(tok), nameWords(span)
	if len(sw) == 0 || len(sw) > len(words) {
		return ""
	}
	if strings.EqualFold(strings.Join(words[:len(sw)], " "), strings.Join(sw, " ")) {
		return strings.Join(words[len(sw):], " ")
	}
	return strings.Join(words[:len(words)-len(sw)], " ")
}

// identify gives every possible note its member: first the members already
// known (moim.yaml, README, the template's headings), through every form of
// their name; then new members from the names the files give, full Korean
// names first so that a given name alone ("수아") joins the one full name
// it ends ("김수아"), and a romanised or initial form joins its name. A
// file that names nobody is skipped. Last, GitHub ids the README lists
// without a name are paired with the new members they fit.
func (d *detector) identify(cs []*cand) []*cand {
	type pending struct {
		c    *cand
		opts []option
	}
	var open []pending
	for _, c := range cs {
		if c.fixed != "" {
			c.member = d.memberFor(c.fixed, c.e().rel)
			continue
		}
		opts := d.options(c)
		if !d.matchKnown(c, opts) {
			open = append(open, pending{c, opts})
		}
	}

	// New members.
	type proposal struct {
		p   pending
		opt option
	}
	var props []proposal
	for _, p := range open {
		best, bestScore := -1, 0
		for i, o := range p.opts {
			s := d.nameScore(o)
			if s > 0 && (best < 0 || s > bestScore || s == bestScore && o.rank < p.opts[best].rank) {
				best, bestScore = i, s
			}
		}
		if best < 0 && p.c.fi.presenter {
			if who := d.presenterOf(p.c); who >= 0 {
				p.c.member, p.c.how = who, idPresenter
				continue
			}
			d.skip(p.c.e().rel, reasonNoPresenter)
			d.warnf(p.c.e().rel, "a presenter's file, but the week's presenter is unknown (no name in the file name, no 발표자 in the schedule); skipped")
			continue
		}
		// Under a folder that is a week only by its number ("01. 제목"),
		// a new member needs a name that looks like one: it recurs in
		// other weeks, or it is a Korean name.
		if best >= 0 && p.c.seq.kind == seqOrdinal && p.c.memberDir < 0 && bestScore < 5 {
			best = -1
		}
		if best < 0 {
			d.skip(p.c.e().rel, reasonNoMember)
			d.warnf(p.c.e().rel, "cannot tell whose note this is (no member in the file or folder name); skipped. Name it after its member, or list it under notes in moim.yaml")
			continue
		}
		props = append(props, proposal{p, p.opts[best]})
	}
	fullName := func(s string) bool {
		return isHangulName(cleanName(s)) && koreanName(cleanName(s)) != "" && len([]rune(cleanName(s))) >= 3
	}
	sort.SliceStable(props, func(a, b int) bool {
		fa, fb := fullName(props[a].opt.s), fullName(props[b].opt.s)
		if fa != fb {
			return fa
		}
		return props[a].p.c.e().rel < props[b].p.c.e().rel
	})
	created := map[int]bool{}
	for _, pr := range props {
		c, o := pr.p.c, pr.opt
		// A known or new member through any form of the name, or through
		// another span of the file name now that more names are known.
		if d.matchKnown(c, pr.p.opts) {
			continue
		}
		name := cleanName(o.s)
		if d.listed > len(d.idOnly) {
			d.warnf(c.e().rel, "%q matches no member of the README or moim.yaml; added as a member of its own", name)
		}
		d.addMember(Member{Name: name})
		created[len(d.ws.Members)-1] = true
		c.member, c.how, c.residue, c.nameSeg = len(d.ws.Members)-1, o.how, o.residue, o.seg
	}
	d.orderNew(cs, created)
	d.pairIDs(cs, created)

	var out []*cand
	for _, c := range cs {
		if !d.skipped(c.e().rel) {
			out = append(out, c)
		}
	}
	return out
}

// orderNew puts the members found in file names in the order of their
// first note's path (they were created full names first, to link given
// names to them).
func (d *detector) orderNew(cs []*cand, created map[int]bool) {
	if len(created) < 2 {
		return
	}
	first := map[int]string{}
	for _, c := range cs {
		if created[c.member] && !d.skipped(c.e().rel) {
			if p, ok := first[c.member]; !ok || naturalLess(c.e().rel, p) {
				first[c.member] = c.e().rel
			}
		}
	}
	var idx []int
	for i := range created {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	sorted := append([]int(nil), idx...)
	sort.SliceStable(sorted, func(a, b int) bool { return naturalLess(first[sorted[a]], first[sorted[b]]) })
	remap := map[int]int{}
	members := append([]Member(nil), d.ws.Members...)
	for k, old := range sorted {
		remap[old] = idx[k]
		members[idx[k]] = d.ws.Members[old]
	}
	d.ws.Members = members
	d.m = newMatcher(members)
	for _, c := range cs {
		if n, ok := remap[c.member]; ok {
			c.member = n
		}
	}
}

// matchKnown gives c the first option that names a known member.
func (d *detector) matchKnown(c *cand, opts []option) bool {
	for _, o := range opts {
		i, how := d.m.match(o.s)
		if i < 0 {
			continue
		}
		c.member, c.how, c.residue, c.nameSeg = i, o.how, o.residue, o.seg
		if o.how == idExact && how == matchContains {
			c.how, c.residue = idResidue, strings.TrimSpace(strings.Replace(foldName(o.s), foldName(d.ws.Members[i].Name), " ", 1))
		}
		if how == matchInitials || how == matchGiven || how == matchGivenRoman {
			d.addAlias(i, cleanName(o.s))
		}
		return true
	}
	return false
}

// nameScore says how much a string looks like a person's name: a name that
// recurs in two or more weeks, a Korean full name, then any name-like word.
func (d *detector) nameScore(o option) int {
	if !nameLike(o.s) {
		return 0
	}
	s := 1
	if d.names[foldName(o.s)] {
		s += 10
	}
	if n := cleanName(o.s); isHangulName(n) && koreanName(n) != "" {
		s += 5
	}
	if o.how == idFolder && o.rank == 3 {
		s-- // a folder above the week names the member only when nothing else does
	}
	return max(s, 1)
}

// memberFor finds or adds the member moim.yaml names.
func (d *detector) memberFor(name, file string) int {
	if i, _ := d.m.match(name); i >= 0 {
		return i
	}
	d.warnf(file, "%q matches no member of moim.yaml; added as a member of its own", name)
	d.addMember(Member{Name: cleanName(name)})
	return len(d.ws.Members) - 1
}

// presenterOf is the week's presenter from the schedule, -1 when unknown.
func (d *detector) presenterOf(c *cand) int {
	if c.week < 1 || c.tr == nil {
		return -1
	}
	for _, r := range d.scheduleOf(c.tr) {
		if r.Week == c.week {
			if ns := namesIn(r.Presenter); len(ns) == 1 {
				if i, _ := d.m.match(ns[0]); i >= 0 {
					return i
				}
			}
		}
	}
	return -1
}

func (d *detector) addMember(m Member) {
	if m.Roman == "" && isHangulName(cleanName(m.Name)) {
		m.Roman = Romanize(m.Name)
	}
	d.ws.Members = append(d.ws.Members, m)
	d.m.add(m)
}

func (d *detector) addAlias(i int, alias string) {
	m := &d.ws.Members[i]
	if squash(alias) == squash(m.Name) || squash(alias) == squash(m.GitHub) {
		return
	}
	for _, a := range m.Aliases {
		if squash(a) == squash(alias) {
			return
		}
	}
	m.Aliases = append(m.Aliases, alias)
	d.m.keys[i] = keysFor(*m)
}

// pairIDs pairs the GitHub ids the README lists without a name with the
// members found in file names: each id goes to the new member whose
// romanised name it fits best. Ids left over name members the notes call
// by another name: when there are no more of them than new members without
// an id, they are dropped (with a warning) rather than shown as members
// who never wrote.
func (d *detector) pairIDs(cs []*cand, created map[int]bool) {
	if len(d.idOnly) == 0 || len(created) == 0 {
		return
	}
	hasNotes := map[int]bool{}
	for _, c := range cs {
		if !d.skipped(c.e().rel) {
			hasNotes[c.member] = true
		}
	}
	var ids, news []int
	for i := range d.ws.Members {
		if d.idOnly[i] && !hasNotes[i] {
			ids = append(ids, i)
		}
		if created[i] && d.ws.Members[i].GitHub == "" {
			news = append(news, i)
		}
	}
	type pair struct{ id, m, score int }
	var pairs []pair
	for _, id := range ids {
		for _, m := range news {
			if s := githubScore(d.ws.Members[id].GitHub, d.ws.Members[m]); s > 0 {
				pairs = append(pairs, pair{id, m, s})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedID, usedM := map[int]bool{}, map[int]bool{}
	drop := map[int]bool{}
	for _, p := range pairs {
		if usedID[p.id] || usedM[p.m] {
			continue
		}
		usedID[p.id], usedM[p.m] = true, true
		d.ws.Members[p.m].GitHub = d.ws.Members[p.id].GitHub
		drop[p.id] = true
	}
	var restIDs []string
	restM := 0
	for _, m := range news {
		if !usedM[m] {
			restM++
		}
	}
	var rest []int
	for _, id := range ids {
		if !usedID[id] {
			rest = append(rest, id)
			restIDs = append(restIDs, d.ws.Members[id].GitHub)
		}
	}
	if len(rest) > 0 && len(rest) <= restM {
		for _, id := range rest {
			drop[id] = true
		}
		d.warnf("README.md", "GitHub ids %s fit no note's name; they are taken to be members the notes call by name. Set members[].github in moim.yaml to pair them", strings.Join(restIDs, ", "))
	}
	if len(drop) > 0 {
		d.removeMembers(drop, cs)
	}
}

// removeMembers deletes members and renumbers the notes' member indexes.
func (d *detector) removeMembers(drop map[int]bool, cs []*cand) {
	remap := make([]int, len(d.ws.Members))
	var kept []Member
	idOnly := map[int]bool{}
	for i, m := range d.ws.Members {
		if drop[i] {
			remap[i] = -1
			continue
		}
		remap[i] = len(kept)
		if d.idOnly[i] {
			idOnly[len(kept)] = true
		}
		kept = append(kept, m)
	}
	d.ws.Members = kept
	d.idOnly = idOnly
	d.m = newMatcher(kept)
	for _, c := range cs {
		if c.member >= 0 && c.member < len(remap) {
			c.member = remap[c.member]
		}
	}
}

func (d *detector) warnf(file, format string, args ...any) {
	d.ws.Warnings = append(d.ws.Warnings, Warning{File: file, Msg: fmt.Sprintf(format, args...)})
}
