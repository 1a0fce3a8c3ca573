package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// The member page (templates/member.html): a member's bullets across
// weeks and their 추가 학습 backlog (see backlog.go), with an index of the
// weeks at the top. The page is built once per state of the study and
// served from the site's cache until a note (or anything else the weeks
// depend on) changes.

type memberPage struct {
	memberRef
	GitHub   string
	Weeks    []memberWeek
	Backlog  []backlogItem
	Open     int
	Analysed int
}

type memberWeek struct {
	Number    int
	Topic     string
	Submitted bool
	Note      string
	Style     string
	Sections  []sectionView
	// Bullets counts the week's bullets, for the index.
	Bullets int
}

type backlogItem struct {
	Week      int
	Bullet    bulletView
	Addressed []addressView
	// More is how many more later notes answer the item.
	More int
	// Concepts are the item's specific concepts the answers name.
	Concepts []string
}

type addressView struct {
	Week   int
	Member string
	Slug   string
	Own    bool
	File   string
	Line   int
	Quote  string
}

func (s *Site) memberPage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	return s.buildMember(ctx, snap, l, r.PathValue("slug"))
}

func (s *Site) buildMember(ctx context.Context, snap *snapshot, l linker, slug string) (*view, error) {
	name, ok := snap.memberOf(slug)
	if !ok {
		return nil, notFound("멤버 %q를 찾을 수 없습니다.", slug)
	}
	key := fmt.Sprintf("%s|%t|%s", slug, l.static, snap.studyKey())
	if v, ok := s.cachedView(snap, l, "member|"+key+"|"+snap.title); ok {
		return v, nil
	}
	p, ok := s.cache.member(key)
	if !ok {
		p = s.memberData(ctx, snap, name)
		s.cache.putMember(key, p)
	}
	v := newView(snap, l, "member", name, "member-"+slug, p)
	v.cacheKey = "member|" + key + "|" + snap.title
	return v, nil
}

// memberData builds a member's page from every week's analysis.
func (s *Site) memberData(ctx context.Context, snap *snapshot, name string) *memberPage {
	p := &memberPage{}
	for _, m := range snap.memberRefs() {
		if m.Name == name {
			p.memberRef = m
		}
	}
	if m, ok := snap.ws.Member(name); ok && m.Name == name {
		p.GitHub = m.GitHub
	}
	all := snap.analyseAll(ctx)
	st := s.studyIndex(snap, all)
	for _, wd := range snap.weeks {
		a := all[wd.wk.Number]
		if a == nil {
			continue
		}
		p.Analysed++
		mw := memberWeek{Number: wd.wk.Number}
		if sr := snap.ws.ScheduleFor(wd.wk.Number); sr != nil {
			mw.Topic = strings.Join(nonEmpty(sr.Chapters, sr.Topic), " · ")
		}
		for i, m := range a.res.Members {
			if m.Name != name {
				continue
			}
			mw.Submitted, mw.Note, mw.Style = m.Submitted, m.Note, m.Style
			for j, sec := range m.Sections {
				if len(sec.Bullets) == 0 && len(sec.Rows) == 0 {
					continue
				}
				if sec.Key == insight.KeyCorrections && onlyNotice(sec) {
					continue
				}
				prefix := fmt.Sprintf("w%d-m%d-s%d", wd.wk.Number, i+1, j+1)
				mw.Sections = append(mw.Sections, linksOnly(snap.section(sec, prefix)))
				mw.Bullets += len(sec.Bullets)
				if sec.Key != insight.KeyStudy {
					continue
				}
				for k, b := range sec.Bullets {
					if item, ok := snap.backlogItem(st, wd.wk.Number, name, b, fmt.Sprintf("%s-b%d-backlog", prefix, k+1)); ok {
						if len(item.Addressed) == 0 {
							p.Open++
						}
						p.Backlog = append(p.Backlog, item)
					}
				}
			}
		}
		p.Weeks = append(p.Weeks, mw)
	}
	return p
}

// backlogItem makes a "needs more study" bullet a backlog item when its
// sentence is a question or a study target, with the later passages that
// answer it.
func (snap *snapshot) backlogItem(st *studyIndex, week int, member string, b insight.Bullet, id string) (backlogItem, bool) {
	var s *analyze.Sentence
	var aw *analyze.Week
	for _, src := range b.Sources {
		if s, aw = st.sentence(week, member, src); s != nil {
			break
		}
	}
	if s == nil || !isBacklogItem(s) {
		return backlogItem{}, false
	}
	item := backlogItem{Week: week, Bullet: snap.bullet(b, id)}
	cs := st.itemConcepts(s, aw)
	ps, total := st.answers(week, cs)
	for _, c := range cs {
		item.Concepts = append(item.Concepts, c.term)
	}
	for _, ps := range ps {
		var quote []string
		for si := ps.first; si < ps.end; si++ {
			quote = append(quote, ps.note.m.Sentences[si].Text)
		}
		first := ps.note.m.Sentences[ps.first]
		item.Addressed = append(item.Addressed, addressView{Week: ps.note.week, Member: ps.note.m.Name,
			Slug: snap.slugFor(ps.note.m.Name), Own: ps.note.m.Name == member, File: first.File, Line: first.Line,
			Quote: strings.Join(quote, " ")})
	}
	item.More = total - len(item.Addressed)
	return item, true
}

// linksOnly keeps of a section's sources the links to the notes: a member
// page of a long study would otherwise repeat every week page's snippets
// (the week page shows them).
func linksOnly(sv sectionView) sectionView {
	for i := range sv.Bullets {
		for j := range sv.Bullets[i].Sources {
			sv.Bullets[i].Sources[j].Lines, sv.Bullets[i].Sources[j].Quote = nil, ""
		}
	}
	for i := range sv.Rows {
		for j := range sv.Rows[i].Sources {
			sv.Rows[i].Sources[j].Lines, sv.Rows[i].Sources[j].Quote = nil, ""
		}
	}
	return sv
}

// onlyNotice reports whether a table section holds nothing but engine
// notices (the offline engine does not review misconceptions).
func onlyNotice(sec insight.Section) bool {
	return len(sec.Rows) == 0
}
