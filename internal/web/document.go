package web

import (
	"fmt"
	"sort"
	"strings"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/insight"
)

// A week page shows the week's insights document as it is stored when moim
// made it from the notes as they are now (its state comment says so): the
// document's blocks, sections and items in its order, so that what people
// added or rewrote there is on the page. Each item whose hash is that of a
// bullet the offline engine makes now keeps that bullet's sources; items
// moim did not write are labelled 직접 작성. In every other case (no
// document, a template not filled yet, a hand-written document, a stale
// one) the page shows the draft: the engine's result for the notes as they
// are, with a note saying so.

// Notes at the top of a week page.
const (
	noteDocument  = "인사이트 문서의 내용을 문서에 적힌 순서대로 보여 줍니다. moim이 노트에서 만든 항목을 누르면 근거가 된 노트 문장과 앞뒤 줄이 보이고, 사람이 더하거나 고쳐 쓴 항목에는 ‘직접 작성’ 표시가 붙습니다."
	noteUnmatched = " moim이 쓴 항목 가운데 %d개는 지금 offline 엔진이 만드는 것과 달라(다른 엔진이나 이전 버전의 moim으로 만든 문서) 출처를 보여 줄 수 없습니다."
	noteMissing   = "문서가 없어 지금 노트로 만든 초안을 보여 줍니다. moim generate(offline 엔진)가 이 내용으로 문서를 씁니다."
	noteTemplate  = "문서가 아직 채워지지 않은 템플릿이라 지금 노트로 만든 초안을 보여 줍니다. moim generate(offline 엔진)가 이 내용으로 템플릿을 채웁니다."
	noteStale     = "노트가 바뀌어 문서가 지금 노트와 맞지 않으므로 지금 노트로 만든 초안을 보여 줍니다. 문서에 직접 쓴 내용은 여기에 없습니다. moim generate로 갱신하면 직접 쓴 내용은 그대로 남습니다."
	noteHandmade  = "문서가 moim 없이 작성되어 어느 항목이 노트에서 왔는지 알 수 없으므로 지금 노트로 만든 초안을 보여 줍니다. 문서는 위의 링크에서 볼 수 있습니다."
	noteDraft     = "지금 노트로 만든 초안을 보여 줍니다."
	noticeEmpty   = "비어 있습니다."
	labelHandmade = "직접 작성"
)

// draftNote says why a week page shows the draft.
func draftNote(status string, exists bool) string {
	switch {
	case status == StatusStale:
		return noteStale
	case status == StatusHandmade:
		return noteHandmade
	case status == StatusMissing && exists:
		return noteTemplate
	case status == StatusMissing:
		return noteMissing
	}
	return noteDraft
}

// draftWeek fills the page's blocks from the engine's result.
func (snap *snapshot) draftWeek(p *weekPage, res *insight.Week, groupHeading string) {
	p.Shown = shownDraft
	n := p.Number
	members := append([]insight.Member(nil), res.Members...)
	rank := snap.memberRank()
	sort.SliceStable(members, func(i, j int) bool { return rank(members[i].Name) < rank(members[j].Name) })
	for i, m := range members {
		mb := memberBlock{Name: m.Name, Heading: m.Heading(), Slug: snap.slugFor(m.Name), Note: m.Note,
			Style: m.Style, Submitted: m.Submitted}
		mb.Notice = m.Notice
		if !m.Submitted && mb.Notice == "" {
			mb.Notice = offline.NoticeMissing
		}
		for j, sec := range m.Sections {
			mb.Sections = append(mb.Sections, snap.section(sec, fmt.Sprintf("w%d-m%d-s%d", n, i+1, j+1)))
		}
		p.Blocks = append(p.Blocks, mb)
	}
	g := memberBlock{Group: true, Heading: groupHeading}
	if g.Heading == "" {
		g.Heading = doc.DefaultGroupHeading
	}
	for j, sec := range res.Group {
		g.Sections = append(g.Sections, snap.section(sec, fmt.Sprintf("w%d-g-s%d", n, j+1)))
	}
	p.Blocks = append(p.Blocks, g)
}

// storedWeek fills the page's blocks from the stored document src, whose
// state is st, matching its items with the bullets of res.
func (snap *snapshot) storedWeek(p *weekPage, res *insight.Week, src string, st doc.State) {
	p.Shown = shownDocument
	p.Note = noteDocument
	o := doc.ReadOutline(src)
	if t := strings.TrimSpace(o.Title); t != "" {
		p.Title = t
	}
	ix := newBulletIndex(res)
	members := map[string]insight.Member{}
	for _, m := range res.Members {
		members[doc.BlockName(m.Name)] = m
	}
	seenGroup := false
	unmatched := 0
	for i, b := range o.Blocks {
		mb := memberBlock{Heading: b.Heading}
		prefix := fmt.Sprintf("w%d-m%d", p.Number, i+1)
		switch m, ok := members[b.Name]; {
		case b.Group && !seenGroup:
			seenGroup = true
			mb.Group = true
			prefix = fmt.Sprintf("w%d-g", p.Number)
		case ok && !b.Group:
			delete(members, b.Name) // a second block of the name is a person's
			mb.Name, mb.Slug, mb.Note, mb.Style, mb.Submitted = m.Name, snap.slugFor(m.Name), m.Note, m.Style, m.Submitted
		}
		// The text under a block heading is framing (the template's
		// group intro, a member's notice): shown as written, unlabelled,
		// since a template filled in place makes it the person's.
		mb.Intro = snap.parts(b.Intro, b.IntroKey, st, ix, prefix+"-i", false, &unmatched)
		for j, s := range b.Sections {
			sv := sectionView{Key: s.Key, Heading: s.Heading, Kind: doc.KindFor(s.Key)}
			sv.Parts = snap.parts(s.Items, s.StateKey, st, ix, fmt.Sprintf("%s-s%d", prefix, j+1), true, &unmatched)
			if len(sv.Parts) == 0 {
				sv.Notice = noticeEmpty
			}
			mb.Sections = append(mb.Sections, sv)
		}
		p.Blocks = append(p.Blocks, mb)
	}
	if unmatched > 0 {
		p.Note += fmt.Sprintf(noteUnmatched, unmatched)
	}
	snap.orderMemberBlocks(p.Blocks)
}

// orderMemberBlocks puts the members' blocks of a stored document in the
// site's member order, in the places member blocks have; the group's
// block and blocks people added stay where they are.
func (snap *snapshot) orderMemberBlocks(blocks []memberBlock) {
	var at []int
	var ms []memberBlock
	for i, b := range blocks {
		if b.Slug != "" && !b.Group {
			at = append(at, i)
			ms = append(ms, b)
		}
	}
	rank := snap.memberRank()
	sort.SliceStable(ms, func(i, j int) bool { return rank(ms[i].Name) < rank(ms[j].Name) })
	for k, i := range at {
		blocks[i] = ms[k]
	}
}

// bulletIndex finds the engine's bullets by the hash their line has in a
// document: in the same section first, then anywhere in the week (a
// bullet a person moved keeps its sources). A section's notice, written
// as a bullet when the section has none, is there as a bullet without
// sources.
type bulletIndex struct {
	bySection map[string]map[string]insight.Bullet
	all       map[string]insight.Bullet
}

func newBulletIndex(res *insight.Week) *bulletIndex {
	ix := &bulletIndex{bySection: map[string]map[string]insight.Bullet{}, all: map[string]insight.Bullet{}}
	add := func(prefix string, secs []insight.Section) {
		for _, sec := range secs {
			key := doc.StateKey(prefix, sec.Key, sec.Heading)
			bullets := sec.Bullets
			if sec.Notice != "" {
				bullets = append(bullets[:len(bullets):len(bullets)], insight.Bullet{Text: sec.Notice})
			}
			for _, b := range bullets {
				h := doc.BulletHash(b.Markdown())
				if h == "" {
					continue
				}
				if ix.bySection[key] == nil {
					ix.bySection[key] = map[string]insight.Bullet{}
				}
				if _, ok := ix.bySection[key][h]; !ok {
					ix.bySection[key][h] = b
				}
				if _, ok := ix.all[h]; !ok {
					ix.all[h] = b
				}
			}
		}
	}
	for _, m := range res.Members {
		add(doc.BlockName(m.Name), m.Sections)
	}
	add(doc.GroupBlock, res.Group)
	return ix
}

func (ix *bulletIndex) lookup(key, hash string) (insight.Bullet, bool) {
	if b, ok := ix.bySection[key][hash]; ok {
		return b, true
	}
	b, ok := ix.all[hash]
	return b, ok
}

// parts turns the items of one container of the stored document (state
// key key) into the runs the page shows; with label, the items moim did
// not write are marked Handmade. It counts in unmatched the bullets moim
// wrote that the engine does not make now.
func (snap *snapshot) parts(items []doc.OutlineItem, key string, st doc.State, ix *bulletIndex, idPrefix string, label bool, unmatched *int) []partView {
	gen := map[string]bool{}
	for _, h := range st.Generated[key] {
		gen[h] = true
	}
	var out []partView
	last := func(kind string) *partView {
		if n := len(out); n > 0 && out[n-1].Kind == kind {
			return &out[n-1]
		}
		out = append(out, partView{Kind: kind})
		return &out[len(out)-1]
	}
	nb := 0
	for _, it := range items {
		own := label && !gen[it.Hash]
		switch it.Kind {
		case doc.ItemBullet:
			nb++
			id := fmt.Sprintf("%s-b%d", idPrefix, nb)
			bv := bulletView{ID: id, Body: inlineHTML(it.Text), Handmade: own}
			if b, ok := ix.lookup(key, it.Hash); ok {
				bv = snap.bullet(b, id)
			} else if gen[it.Hash] {
				bv.Engine = st.Engine
				*unmatched++
			}
			pv := last(partBullets)
			pv.Bullets = append(pv.Bullets, bv)
		case doc.ItemRow:
			rv := rowView{Handmade: own}
			c := it.Cells
			if len(c) > 0 {
				rv.Written = c[0]
			}
			if len(c) > 1 {
				rv.Correction = c[1]
			}
			if len(c) > 2 {
				rv.Remark = strings.Join(c[2:], " | ")
			}
			pv := last(partRows)
			pv.Rows = append(pv.Rows, rv)
		case doc.ItemCode:
			out = append(out, partView{Kind: partCode, Code: strings.Join(it.Lines, "\n"), Handmade: own})
		default:
			out = append(out, partView{Kind: partText, Text: inlineHTML(doc.UnescapeLineStart(it.Text)), Handmade: own})
		}
	}
	return out
}
