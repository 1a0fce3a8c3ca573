package doc

import (
	"errors"

	"github.com/moim-study/moim/internal/insight"
)

// Compose renders the week w along template t into the document prev (the
// current content of the output file, "" when there is none) so that what
// a person wrote survives regeneration. Per section, using the state
// comment of prev (see State):
//
//   - items in prev that moim did not generate last time are the person's
//     (added or rewritten) and stay exactly where they are;
//   - items moim generated last time that are still there are slots,
//     replaced in order by this run's items; further new items go after
//     the last slot, or at the end of the section when there was none;
//   - items moim generated last time that are gone were deleted by the
//     person and are suppressed: moim never writes them there again;
//   - a new item whose normalised text equals one the person has is not
//     added; a "-" placeholder is dropped once the section has content.
//
// Headings and member order follow the template and the week; a hint
// comment or table header already in prev is kept as written there.
// Sections and blocks of prev the template does not produce (a person's
// own "### 메모" section or "## 기타" block), text between blocks and text
// added to the intro are kept in place. When prev has no state comment
// (a template, maybe with people's questions in the group block) all of
// its items count as the person's.
//
// Compose fails when prev's state comment is damaged or from a newer moim.
func Compose(prev string, t *Template, w *insight.Week) (string, error) {
	if t == nil {
		t = Builtin()
	}
	if w == nil {
		return "", errors.New("template: compose: no week to render")
	}
	g := buildGen(t, w)
	return compose(parseTree(prev), g, w.InputHash, w.Engine, insightsKind)
}

// compose merges the generated document g into the previous document p
// of kind k; the state records inputHash and engine.
func compose(p *tree, g *genDoc, inputHash, engine string, k *docKind) (string, error) {
	if p.stateErr != nil {
		return "", errors.New("template: previous document: " + p.stateErr.Error() + " (restore it or delete the comment to treat the document as hand-written)")
	}
	m := &merger{kind: k, old: p.state, ns: &State{
		InputHash:  inputHash,
		Engine:     engine,
		Generated:  map[string][]string{},
		Suppressed: map[string][]string{},
	}}
	if m.old != nil {
		for k, v := range m.old.Suppressed {
			m.ns.Suppressed[k] = append([]string(nil), v...)
		}
	}
	out := m.merge(p, g)
	return serialize(out, m.ns, k), nil
}

type merger struct {
	kind *docKind
	old  *State // nil when prev had no state
	ns   *State
}

func (m *merger) generated(key string) map[string]bool {
	set := map[string]bool{}
	if m.old != nil {
		for _, h := range m.old.Generated[key] {
			set[h] = true
		}
	}
	return set
}

func (m *merger) merge(p *tree, g *genDoc) *tree {
	out := &tree{hasTitle: true, title: g.title}
	if p.hasTitle && m.old != nil && !m.generated("title")[shortHash(normalizeItem([]string{p.title}))] {
		// The person changed the title: keep theirs.
		out.title = p.title
	} else {
		m.ns.Generated["title"] = []string{shortHash(normalizeItem([]string{g.title}))}
	}
	out.intro = m.items(p.intro, g.intro, "intro", true)
	out.introTrailer = append([]item(nil), p.introTrailer...)

	// Match previous blocks with generated ones (for the insights
	// document: the group block by kind, member blocks by name); the
	// first candidate wins.
	names := m.kind.blockNames(p.blocks, m.old)
	gFor, dupOf := pair(len(p.blocks), len(g.blocks), func(i, j int) bool { return m.kind.matches(p.blocks[i], names[i], g.blocks[j]) })
	for i, pb := range p.blocks {
		if pb.implicit {
			dupOf[i] = -1 // a block without heading can only stay first
		}
	}
	lead, after := arrange(gFor, dupOf, len(g.blocks))
	for _, i := range lead {
		kb := m.keep(p.blocks[i], names[i], dupOf[i] < 0)
		switch {
		case kb == nil:
		case kb.implicit && len(kb.sections) == 0:
			// Nothing left of a heading-less block but the text after
			// its break: that text now follows the intro's break.
			if len(kb.trailer) > 0 {
				kb.trailer[0].gap = true
				out.introTrailer = append(out.introTrailer, kb.trailer...)
			}
		default:
			out.blocks = append(out.blocks, kb)
		}
	}
	pFor := inverse(gFor, len(g.blocks))
	for j, gb := range g.blocks {
		var pb *block
		if i := pFor[j]; i >= 0 {
			pb = p.blocks[i]
		}
		out.blocks = append(out.blocks, m.block(pb, gb))
		for _, i := range after[j] {
			if kb := m.keep(p.blocks[i], names[i], dupOf[i] < 0); kb != nil {
				out.blocks = append(out.blocks, kb)
			}
		}
	}
	return out
}

// pair matches n previous elements with m generated ones: the first
// unmatched previous element that matches a generated one is its pair.
// gFor[i] is the generated partner of previous element i (-1 none); dupOf[i]
// is, for an unmatched previous element, the generated element it would
// have matched had that one been free (-1 none).
func pair(n, m int, match func(i, j int) bool) (gFor, dupOf []int) {
	gFor, dupOf = make([]int, n), make([]int, n)
	taken := make([]bool, m)
	for i := range n {
		gFor[i], dupOf[i] = -1, -1
		for j := range m {
			if match(i, j) {
				if !taken[j] {
					gFor[i], taken[j] = j, true
				} else if dupOf[i] < 0 {
					dupOf[i] = j
				}
				if gFor[i] >= 0 {
					break
				}
			}
		}
		if gFor[i] >= 0 {
			dupOf[i] = -1
		}
	}
	return gFor, dupOf
}

// arrange places the unmatched previous elements: a duplicate of a
// matched element right after that element's merged version (so the same
// one is matched again next time), any other after the merged version of
// the matched element before it in the previous document, or first (lead)
// when there is none. Lists keep the previous document's order.
func arrange(gFor, dupOf []int, m int) (lead []int, after [][]int) {
	after = make([][]int, m)
	last := -1
	for i, j := range gFor {
		switch {
		case j >= 0:
			last = j
		case dupOf[i] >= 0:
			after[dupOf[i]] = append(after[dupOf[i]], i)
		case last >= 0:
			after[last] = append(after[last], i)
		default:
			lead = append(lead, i)
		}
	}
	return lead, after
}

func inverse(gFor []int, m int) []int {
	pFor := make([]int, m)
	for j := range pFor {
		pFor[j] = -1
	}
	for i, j := range gFor {
		if j >= 0 {
			pFor[j] = i
		}
	}
	return pFor
}

// block merges a previous block (nil when there is none) with a generated one.
func (m *merger) block(pb *block, gb *genBlock) *block {
	b := &block{heading: gb.heading, level: gb.level}
	if m.kind.trackHeadings {
		b.heading = m.heading(pb != nil, headingOf(pb), gb.heading, gb.prefix)
	} else if pb != nil && m.kind.keepHeading(pb, gb) {
		b.heading = pb.heading
	}
	var prevSecs []*section
	if pb != nil {
		b.trailer = pb.trailer
		b.pre = m.items(pb.pre, gb.pre, gb.prefix+"/intro", true)
		prevSecs = pb.sections
	} else {
		b.pre = m.items(nil, gb.pre, gb.prefix+"/intro", false)
	}
	matchKeys, stateKeys := m.kind.sectionKeys(gb.prefix, prevSecs, m.old)
	gFor, dupOf := pair(len(prevSecs), len(gb.sections), func(i, j int) bool {
		return gb.sections[j].matchKey == matchKeys[i]
	})
	lead, after := arrange(gFor, dupOf, len(gb.sections))
	for _, i := range lead {
		if m.kind.emptySection(gb, prevSecs[i]) && !hasContent(prevSecs[i].items) {
			continue
		}
		if ks := m.keepSection(prevSecs[i], stateKeys[i], dupOf[i] < 0); ks != nil {
			b.sections = append(b.sections, ks)
		}
	}
	pFor := inverse(gFor, len(gb.sections))
	for j, gs := range gb.sections {
		var ps *section
		if i := pFor[j]; i >= 0 {
			ps = prevSecs[i]
		}
		b.sections = append(b.sections, m.section(ps, gs))
		for _, i := range after[j] {
			if ks := m.keepSection(prevSecs[i], stateKeys[i], dupOf[i] < 0); ks != nil {
				b.sections = append(b.sections, ks)
			}
		}
	}
	return b
}

// section merges a previous section (nil when there is none) with a
// generated one.
func (m *merger) section(ps *section, gs *genSection) *section {
	s := &section{heading: singleLine(gs.spec.Heading), kind: gs.spec.Kind}
	if s.heading == "" {
		s.heading = gs.spec.Key
	}
	if s.kind == "" {
		s.kind = insight.KindBullets
	}
	if h := singleLine(gs.spec.Hint); h != "" {
		s.hint = []string{"<!-- " + h + " -->"}
	}
	if m.kind.trackHeadings {
		prev := ""
		if ps != nil {
			prev = ps.heading
		}
		s.heading = m.heading(ps != nil, prev, s.heading, gs.stateKey)
	}
	var prevItems []item
	if ps != nil {
		if len(ps.hint) > 0 {
			s.hint = ps.hint
		}
		prevItems = ps.items
	}
	if s.kind == insight.KindTable {
		s.header = gs.spec.TableHeader
		for i, it := range prevItems {
			if it.kind == iHeader {
				s.header = it.lines
				prevItems = append(append([]item(nil), prevItems[:i]...), prevItems[i+1:]...)
				break
			}
		}
	}
	s.items = m.items(prevItems, gs.items, gs.stateKey, ps != nil)
	if len(s.hint) == 0 {
		// A comment opening a section without hint reads back as its
		// hint: make it one now so the output composes to itself.
		for i, it := range s.items {
			if it.kind == iPlaceholder {
				continue
			}
			if it.kind == iComment {
				s.hint = it.lines
				s.items = append(append([]item(nil), s.items[:i]...), s.items[i+1:]...)
			}
			break
		}
	}
	return s
}

// items merges one container: prev's items and this run's generated items
// for the state key. present says whether the container existed in prev
// (only then are missing generated items taken as deleted).
func (m *merger) items(prev, gen []item, key string, present bool) []item {
	old := m.generated(key)
	supp := map[string]bool{}
	for _, h := range m.ns.Suppressed[key] {
		supp[h] = true
	}
	personal := map[string]bool{}
	still := map[string]bool{}
	for _, it := range prev {
		if it.kind == iPlaceholder {
			continue
		}
		if old[it.hash] {
			still[it.hash] = true
		} else {
			personal[it.norm] = true
		}
	}
	if present && m.old != nil {
		for _, h := range m.old.Generated[key] {
			if !still[h] && !supp[h] {
				supp[h] = true
				m.ns.Suppressed[key] = append(m.ns.Suppressed[key], h)
			}
		}
	}
	var fresh []item
	seen := map[string]bool{}
	for _, it := range gen {
		if supp[it.hash] || personal[it.norm] || seen[it.norm] {
			continue
		}
		seen[it.norm] = true
		fresh = append(fresh, it)
	}
	var out []item
	next, lastSlot := 0, -1
	for _, it := range prev {
		if it.kind == iPlaceholder {
			continue
		}
		if !old[it.hash] {
			out = append(out, it)
			continue
		}
		if next < len(fresh) {
			f := fresh[next]
			// A blank line the new item needs (before code, a table, a
			// paragraph) is kept; so is one the slot had.
			f.gap = f.gap || it.gap
			out = append(out, f)
			next++
			lastSlot = len(out)
		}
	}
	rest := fresh[next:]
	if lastSlot >= 0 && len(rest) > 0 {
		out = append(out[:lastSlot], append(append([]item(nil), rest...), out[lastSlot:]...)...)
	} else {
		out = append(out, rest...)
	}
	// Fresh items keep their order in out: slots are replaced in order
	// and the rest follow the last slot.
	if len(fresh) > 0 {
		hs := make([]string, len(fresh))
		for i, it := range fresh {
			hs[i] = it.hash
		}
		m.ns.Generated[key] = hs
	}
	if len(out) == 0 {
		// Keep a placeholder where prev had one (a verbatim container).
		for _, it := range prev {
			if it.kind == iPlaceholder {
				return []item{it}
			}
		}
	}
	return out
}

// heading returns the heading of a block or section whose state key is
// key: the previous one (prev, when there was one) if a person changed it,
// else the generated one gen, which is then recorded as moim's.
func (m *merger) heading(had bool, prev, gen, key string) string {
	hk := key + "/heading"
	if had && prev != gen && m.old != nil && !m.generated(hk)[shortHash(prev)] {
		return prev
	}
	m.ns.Generated[hk] = []string{shortHash(gen)}
	return gen
}

func headingOf(b *block) string {
	if b == nil {
		return ""
	}
	return b.heading
}

// keep returns a previous block the generated document does not have,
// without moim's items when own is set; nil when nothing of a person's is
// left in it. A duplicate of a matched block (own false) holds no items
// of moim's: moim wrote into the matched one.
func (m *merger) keep(pb *block, prefix string, own bool) *block {
	b := &block{heading: pb.heading, level: pb.level, implicit: pb.implicit, trailer: pb.trailer}
	b.pre = pb.pre
	if own {
		b.pre = m.drop(pb.pre, prefix+"/intro")
	}
	_, stateKeys := m.kind.sectionKeys(prefix, pb.sections, m.old)
	for i, ps := range pb.sections {
		if ks := m.keepSection(ps, stateKeys[i], own); ks != nil {
			b.sections = append(b.sections, ks)
		}
	}
	if pb.implicit || len(pb.sections) == 0 && (len(b.pre) == len(pb.pre) || m.kind.personalBlock(pb)) {
		return b // a person's own block, not a template's member block
	}
	if hasContent(b.pre) || hasContent(b.trailer) {
		return b
	}
	for _, s := range b.sections {
		if hasContent(s.items) {
			return b
		}
	}
	return nil
}

// keepSection returns a previous section the template does not have,
// without moim's items (those of state key key) when own is set; nil when
// it held only moim's items.
func (m *merger) keepSection(ps *section, key string, own bool) *section {
	if !own {
		return &section{heading: ps.heading, hint: ps.hint, items: ps.items}
	}
	items := m.drop(ps.items, key)
	if len(items) < len(ps.items) && !hasContent(items) {
		return nil
	}

	return &section{heading: ps.heading, hint: ps.hint, items: items}
}

func (m *merger) drop(items []item, key string) []item {
	old := m.generated(key)
	if len(old) == 0 {
		return items
	}
	var out []item
	for _, it := range items {
		if !old[it.hash] {
			out = append(out, it)
		}
	}
	return out
}
