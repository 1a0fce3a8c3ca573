package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// The member page (templates/member.html): a member's bullets across
// weeks and their 추가 학습 backlog with the later notes that address it.

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
}

type backlogItem struct {
	Week      int
	Bullet    bulletView
	Addressed []addressView
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
	refs := snap.memberRefs()
	name, ok := snap.bySlug[slug]
	if !ok {
		return nil, notFound("멤버 %q를 찾을 수 없습니다.", slug)
	}
	p := &memberPage{}
	for _, m := range refs {
		if m.Name == name {
			p.memberRef = m
		}
	}
	if m, ok := snap.ws.Member(name); ok && m.Name == name {
		p.GitHub = m.GitHub
	}
	all := snap.analyseAll(ctx)
	st := newStudyIndex(snap, all)
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
				mw.Sections = append(mw.Sections, snap.section(sec, prefix))
				if sec.Key != insight.KeyStudy {
					continue
				}
				for k, b := range sec.Bullets {
					item := backlogItem{Week: wd.wk.Number, Bullet: snap.bullet(b, fmt.Sprintf("%s-b%d-backlog", prefix, k+1))}
					item.Addressed = st.addressedBy(b, wd.wk.Number, name)
					for x := range item.Addressed {
						item.Addressed[x].Slug = snap.slugFor(item.Addressed[x].Member)
					}
					if len(item.Addressed) == 0 {
						p.Open++
					}
					p.Backlog = append(p.Backlog, item)
				}
			}
		}
		p.Weeks = append(p.Weeks, mw)
	}
	return newView(snap, l, "member", name, "member-"+slug, p), nil
}

// onlyNotice reports whether a table section holds nothing but engine
// notices (the offline engine does not review misconceptions).
func onlyNotice(sec insight.Section) bool {
	return len(sec.Rows) == 0
}

// studyIndex finds, for a "needs more study" bullet, the later notes that
// address it: sentences sharing its specific terms.
type studyIndex struct {
	weeks []int
	aw    map[int]*analyze.Week
	// df counts the notes (member-weeks) mentioning each term key.
	df    map[string]int
	notes int
}

func newStudyIndex(snap *snapshot, all map[int]*analysis) *studyIndex {
	st := &studyIndex{aw: map[int]*analyze.Week{}, df: map[string]int{}}
	for _, wd := range snap.weeks {
		a := all[wd.wk.Number]
		if a == nil || a.aw == nil {
			continue
		}
		st.weeks = append(st.weeks, wd.wk.Number)
		st.aw[wd.wk.Number] = a.aw
		for _, m := range a.aw.Members {
			st.notes++
			for k := range m.TermCount {
				st.df[analyze.Key(k)]++
			}
		}
	}
	return st
}

// studyStop are words of questions themselves, not of their topic.
var studyStop = map[string]bool{
	"궁금": true, "궁금한점": true, "질문": true, "공부": true, "학습": true, "추가": true, "이해": true,
	"필요": true, "부분": true, "내용": true, "생각": true, "정리": true, "개념": true, "주제": true,
	"방법": true, "경우": true, "정도": true, "실제": true, "q": true,
}

// terms returns the specific terms of a bullet: its terms that are not
// question words and, when the study has enough notes, that no more than
// half of all notes mention.
func (st *studyIndex) terms(b insight.Bullet) []string {
	src := b.Head + " " + b.Text
	for _, s := range b.Sources {
		src += " " + s.Quote
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range text.Terms(src) {
		k := analyze.Key(t)
		if seen[k] || studyStop[k] || utf8.RuneCountInString(k) < 2 {
			continue
		}
		seen[k] = true
		if st.notes >= 4 && st.df[k]*2 > st.notes {
			continue
		}
		out = append(out, k)
	}
	return out
}

// addressedBy returns, for each later week and member, the sentence that
// shares the most of the bullet's specific terms (at least two, or the one
// term it has).
func (st *studyIndex) addressedBy(b insight.Bullet, week int, owner string) []addressView {
	keys := st.terms(b)
	if len(keys) == 0 {
		return nil
	}
	need := min(2, len(keys))
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	var out []addressView
	for _, n := range st.weeks {
		if n <= week {
			continue
		}
		for _, m := range st.aw[n].Members {
			best, bestHit := -1, 0
			for i, s := range m.Sentences {
				hit := 0
				seen := map[string]bool{}
				for _, t := range s.Terms {
					k := analyze.Key(t)
					if want[k] && !seen[k] {
						seen[k] = true
						hit++
					}
				}
				if hit >= need && hit > bestHit {
					best, bestHit = i, hit
				}
			}
			if best < 0 {
				continue
			}
			s := m.Sentences[best]
			out = append(out, addressView{Week: n, Member: m.Name, Own: m.Name == owner, File: s.File, Line: s.Line, Quote: s.Text})
		}
	}
	return out
}
