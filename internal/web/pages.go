package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// view is what the layout template renders: the page's own data in Page.
type view struct {
	Template string
	Title    string
	L        linker
	Static   bool
	MetaCSP  string
	Repo     string
	Nav      nav
	Current  string
	Page     any
}

type nav struct {
	Weeks   []int
	Members []memberRef
}

type memberRef struct {
	Name, Roman, Slug string
}

type errorPage struct {
	Code    int
	Message string
}

func newView(snap *snapshot, l linker, tmpl, title, current string, page any) *view {
	v := &view{Template: tmpl, Title: title, L: l, Static: l.static, Current: current, Page: page,
		Repo: path.Base(strings.ReplaceAll(snap.ws.Root, "\\", "/"))}
	if l.static {
		v.MetaCSP = metaCSP
	}
	for _, wd := range snap.weeks {
		if len(wd.wk.Notes) > 0 {
			v.Nav.Weeks = append(v.Nav.Weeks, wd.wk.Number)
		}
	}
	v.Nav.Members = snap.memberRefs()
	return v
}

// memberRefs lists the members, then owners of notes not in the member list.
func (snap *snapshot) memberRefs() []memberRef {
	var out []memberRef
	seen := map[string]bool{}
	for _, m := range snap.ws.Members {
		seen[m.Name] = true
		out = append(out, memberRef{Name: m.Name, Roman: m.Roman, Slug: snap.slugFor(m.Name)})
	}
	for _, wd := range snap.weeks {
		for _, nf := range wd.wk.Notes {
			if !seen[nf.Member] {
				seen[nf.Member] = true
				out = append(out, memberRef{Name: nf.Member, Slug: snap.slugFor(nf.Member)})
			}
		}
	}
	return out
}

var funcs = template.FuncMap{
	"styleLabel":  styleLabel,
	"statusLabel": statusLabel,
	"inline":      inlineHTML,
	"add":         func(a, b int) int { return a + b },
	"pad":         func(n int) string { return fmt.Sprintf("%02d", n) },
	// pair passes the links with a value to a sub-template.
	"pair": func(l linker, v any) map[string]any { return map[string]any{"L": l, "V": v} },
}

func styleLabel(s string) string {
	switch s {
	case "markdown":
		return "마크다운"
	case "html":
		return "블로그 HTML"
	case "notion":
		return "노션"
	case "link-only":
		return "링크만"
	case "empty":
		return "빈 노트"
	}
	return s
}

func statusLabel(s string) string {
	switch s {
	case StatusFresh:
		return "최신"
	case StatusStale:
		return "갱신 필요"
	case StatusMissing:
		return "없음"
	case StatusHandmade:
		return "직접 작성"
	}
	return "알 수 없음"
}

var inlineRe = regexp.MustCompile("\\*\\*([^*\n]+)\\*\\*|`([^`\n]+)`")

// inlineHTML renders the inline markdown bullets may carry (**bold** and
// `code`); everything else is escaped text.
func inlineHTML(s string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range inlineRe.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(template.HTMLEscapeString(s[last:m[0]]))
		if m[2] >= 0 {
			b.WriteString("<strong>" + template.HTMLEscapeString(s[m[2]:m[3]]) + "</strong>")
		} else {
			b.WriteString("<code>" + template.HTMLEscapeString(s[m[4]:m[5]]) + "</code>")
		}
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return template.HTML(b.String())
}

func sizeLabel(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 10_000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	default:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
}

// ---- overview ----

type overviewPage struct {
	Members  []memberRef
	Rows     []weekRow
	Schedule []scheduleRow
	Layout   string
	Warnings []string
}

type weekRow struct {
	Number    int
	Topic     string
	HasNotes  bool
	Cells     []gridCell
	Status    string
	Output    string // path of the insights document when it exists
	Submitted int
	Error     string
}

type gridCell struct {
	Member    string
	Submitted bool
	Path      string
	Size      string
	Style     string
}

type scheduleRow struct {
	workspace.ScheduleRow
	HasWeek bool
}

func (s *Site) overview(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	p := &overviewPage{Members: snap.memberRefs(), Layout: snap.ws.Layout}
	hasWeek := map[int]bool{}
	for _, wd := range snap.weeks {
		wk := wd.wk
		hasWeek[wk.Number] = len(wk.Notes) > 0
		row := weekRow{Number: wk.Number, HasNotes: len(wk.Notes) > 0, Status: wd.status}
		if sr := snap.ws.ScheduleFor(wk.Number); sr != nil {
			row.Topic = strings.TrimSpace(strings.Join(nonEmpty(sr.Chapters, sr.Topic), " · "))
		}
		if wd.err != nil {
			row.Error = wd.err.Error()
		}
		if _, ok := snap.files[wk.Output]; ok {
			row.Output = wk.Output
		}
		for _, m := range p.Members {
			c := gridCell{Member: m.Name}
			for _, nf := range wk.Notes {
				if nf.Member != m.Name {
					continue
				}
				c.Submitted = true
				c.Path = nf.Path
				if f, ok := snap.files[nf.Path]; ok {
					c.Size = sizeLabel(len(f.raw))
				}
				if wd.pw != nil {
					if d := wd.pw.Docs[m.Name]; d != nil {
						c.Style = string(d.Style)
					}
				}
				break
			}
			if c.Submitted {
				row.Submitted++
			}
			row.Cells = append(row.Cells, c)
		}
		p.Rows = append(p.Rows, row)
	}
	for _, sr := range snap.ws.Schedule {
		p.Schedule = append(p.Schedule, scheduleRow{ScheduleRow: sr, HasWeek: hasWeek[sr.Week]})
	}
	for _, w := range snap.ws.Warnings {
		p.Warnings = append(p.Warnings, w.String())
	}
	return newView(snap, l, "overview", "스터디 개요", "home", p), nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ---- week ----

type weekPage struct {
	Number       int
	Title        string
	Schedule     *workspace.ScheduleRow
	Status       string
	Output       string
	OutputExists bool
	Prev, Next   int
	// Shown is what the blocks show: shownDocument (the stored document)
	// or shownDraft (the offline engine's result for the notes as they are).
	Shown string
	// Note says which one is shown, and why.
	Note     string
	Blocks   []memberBlock
	Heatmap  *heatmap
	Warnings []string
}

// What a week page shows.
const (
	shownDocument = "document"
	shownDraft    = "draft"
)

// memberBlock is one H2 block of the week: a member's, the group's
// (Group set) or, on a stored document, a block a person added.
type memberBlock struct {
	Name, Heading, Slug string
	Group               bool
	Note, Style         string
	Submitted           bool
	Notice              string
	Intro               []partView
	Sections            []sectionView
}

type sectionView struct {
	Key, Heading, Kind, Notice string
	Bullets                    []bulletView
	Rows                       []rowView
	// Parts, when set, are the section's items as the stored document
	// has them, in its order (Bullets and Rows are then empty).
	Parts []partView
}

// partView is a run of items of a stored document: consecutive bullets,
// consecutive table rows, one paragraph line or one code block.
type partView struct {
	Kind     string // partBullets, partRows, partText or partCode
	Bullets  []bulletView
	Rows     []rowView
	Text     template.HTML
	Code     string
	Handmade bool
}

// Kinds of partView.
const (
	partBullets = "bullets"
	partRows    = "rows"
	partText    = "text"
	partCode    = "code"
)

type bulletView struct {
	ID      string
	Head    string
	Body    template.HTML
	Sources []sourceView
	Engine  string
	// Handmade marks an item of the stored document moim did not write.
	Handmade bool
}

type rowView struct {
	Written, Correction, Remark string
	Sources                     []sourceView
	Handmade                    bool
}

type sourceView struct {
	Member string
	File   string
	Line   int
	Quote  string
	Lines  []lineView
	Shown  bool // the file is one the site shows (a note or an output)
}

type lineView struct {
	N    int
	Text string
	Hit  bool
}

// contextLines is how many lines around a source line are shown.
const contextLines = 2

func (snap *snapshot) source(src insight.Source) sourceView {
	sv := sourceView{Member: src.Member, File: src.File, Line: src.Line, Quote: src.Quote}
	f, ok := snap.files[src.File]
	if !ok {
		return sv
	}
	sv.Shown = true
	lines, err := f.lines()
	if err != nil || src.Line < 1 || src.Line > len(lines) {
		return sv
	}
	lo, hi := max(1, src.Line-contextLines), min(len(lines), src.Line+contextLines)
	for n := lo; n <= hi; n++ {
		sv.Lines = append(sv.Lines, lineView{N: n, Text: lines[n-1], Hit: n == src.Line})
	}
	return sv
}

func (snap *snapshot) section(sec insight.Section, idPrefix string) sectionView {
	sv := sectionView{Key: sec.Key, Heading: sec.Heading, Kind: sec.Kind, Notice: sec.Notice}
	for i, b := range sec.Bullets {
		sv.Bullets = append(sv.Bullets, snap.bullet(b, fmt.Sprintf("%s-b%d", idPrefix, i+1)))
	}
	for _, row := range sec.Rows {
		rv := rowView{Written: row.Written, Correction: row.Correction, Remark: row.Remark}
		for _, src := range row.Sources {
			rv.Sources = append(rv.Sources, snap.source(src))
		}
		sv.Rows = append(sv.Rows, rv)
	}
	return sv
}

func (snap *snapshot) bullet(b insight.Bullet, id string) bulletView {
	bv := bulletView{ID: id, Head: b.Head, Body: inlineHTML(b.Text), Engine: b.Engine}
	for _, src := range b.Sources {
		bv.Sources = append(bv.Sources, snap.source(src))
	}
	return bv
}

func (s *Site) weekPage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil {
		return nil, notFound("%q는 주차 번호가 아닙니다.", r.PathValue("n"))
	}
	return s.buildWeek(ctx, snap, l, n)
}

func (s *Site) buildWeek(ctx context.Context, snap *snapshot, l linker, n int) (*view, error) {
	wd := snap.week(n)
	if wd == nil {
		return nil, notFound("%d주차가 없습니다.", n)
	}
	a, err := wd.analyse(ctx)
	if err != nil {
		return nil, fmt.Errorf("%d주차를 분석하지 못했습니다: %w", n, err)
	}
	res := a.res
	p := &weekPage{Number: n, Title: res.Title, Schedule: snap.ws.ScheduleFor(n), Status: wd.status,
		Output: wd.wk.Output, Warnings: res.Warnings}
	_, p.OutputExists = snap.files[wd.wk.Output]
	for i, w := range snap.weeks {
		if w != wd {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if len(snap.weeks[j].wk.Notes) > 0 {
				p.Prev = snap.weeks[j].wk.Number
				break
			}
		}
		for j := i + 1; j < len(snap.weeks); j++ {
			if len(snap.weeks[j].wk.Notes) > 0 {
				p.Next = snap.weeks[j].wk.Number
				break
			}
		}
	}
	if st, ok := doc.ReadState(wd.pw.Prev); ok && wd.status == StatusFresh {
		snap.storedWeek(p, res, wd.pw.Prev, st)
	} else {
		snap.draftWeek(p, res, wd.pw.Template.GroupHeading)
		p.Note = draftNote(wd.status, p.OutputExists)
	}
	var names []string
	for _, m := range res.Members {
		if m.Submitted {
			names = append(names, m.Name)
		}
	}
	p.Heatmap = newHeatmap(a.aw.Concepts, names)
	return newView(snap, l, "week", p.Title, fmt.Sprintf("week-%d", n), p), nil
}

// ---- member ----

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
	for _, r := range sec.Rows {
		if r.Written != offline.NoticeNoReviewW {
			return false
		}
	}
	return true
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
				st.df[termKey(k)]++
			}
		}
	}
	return st
}

func termKey(t string) string { return strings.ToLower(strings.ReplaceAll(t, " ", "")) }

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
		k := termKey(t)
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
					k := termKey(t)
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

// ---- concepts ----

type conceptsPage struct {
	Weeks    []int
	Members  []memberRef
	Rows     []conceptRow
	Chart    *conceptChart
	Distinct int
}

type conceptRow struct {
	Term      string
	Total     int
	WeeksSeen int
	PerWeek   []int
	PerMember []int
	// Cells are PerWeek × member counts, for the chart.
	Cells [][]int
}

// maxConceptRows is how many concepts the concepts page lists.
const maxConceptRows = 40

func (s *Site) conceptsPage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	return s.buildConcepts(ctx, snap, l)
}

func (s *Site) buildConcepts(ctx context.Context, snap *snapshot, l linker) (*view, error) {
	all := snap.analyseAll(ctx)
	p := &conceptsPage{Members: snap.memberRefs()}
	memberIdx := map[string]int{}
	for i, m := range p.Members {
		memberIdx[m.Name] = i
	}
	for _, wd := range snap.weeks {
		if all[wd.wk.Number] != nil {
			p.Weeks = append(p.Weeks, wd.wk.Number)
		}
	}
	rows := map[string]*conceptRow{}
	for wi, n := range p.Weeks {
		for _, c := range all[n].aw.Concepts {
			k := termKey(c.Term)
			row := rows[k]
			if row == nil {
				row = &conceptRow{Term: c.Term, PerWeek: make([]int, len(p.Weeks)), PerMember: make([]int, len(p.Members)),
					Cells: make([][]int, len(p.Weeks))}
				for i := range row.Cells {
					row.Cells[i] = make([]int, len(p.Members))
				}
				rows[k] = row
			}
			for m, cnt := range c.Counts {
				mi, ok := memberIdx[m]
				if !ok {
					continue
				}
				row.PerWeek[wi] += cnt
				row.PerMember[mi] += cnt
				row.Cells[wi][mi] += cnt
				row.Total += cnt
			}
		}
	}
	p.Distinct = len(rows)
	var list []*conceptRow
	for _, r := range rows {
		for _, v := range r.PerWeek {
			if v > 0 {
				r.WeeksSeen++
			}
		}
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.WeeksSeen != b.WeeksSeen {
			return a.WeeksSeen > b.WeeksSeen
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.Term < b.Term
	})
	if len(list) > maxConceptRows {
		list = list[:maxConceptRows]
	}
	for _, r := range list {
		p.Rows = append(p.Rows, *r)
	}
	p.Chart = newConceptChart(p.Rows, p.Weeks, p.Members)
	return newView(snap, l, "concepts", "주차별 개념", "concepts", p), nil
}

// ---- note ----

type notePage struct {
	Path   string
	Member string
	Slug   string
	Week   int
	Kind   string // "note" or "insights"
	Target int
	Lines  []lineView
	Error  string
}

func (s *Site) notePage(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error) {
	q := r.URL.Query()
	line := 0
	if v := q.Get("line"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, &httpError{code: http.StatusBadRequest, msg: "line은 양의 정수여야 합니다."}
		}
		line = n
	}
	return s.buildNote(snap, l, q.Get("path"), line)
}

// buildNote shows a file of the repository, only if it is one of the
// notes or insights documents the workspace found: any other path, however
// spelt, is not found.
func (s *Site) buildNote(snap *snapshot, l linker, p string, line int) (*view, error) {
	f, ok := snap.files[p]
	if !ok {
		return nil, notFound("노트 또는 인사이트 문서가 아닌 경로입니다.")
	}
	np := &notePage{Path: p, Target: line, Kind: "insights"}
	for _, wd := range snap.weeks {
		if wd.wk.Output == p {
			np.Week = wd.wk.Number
		}
		for _, nf := range wd.wk.Notes {
			if nf.Path == p {
				np.Week, np.Member, np.Kind = wd.wk.Number, nf.Member, "note"
				np.Slug = snap.slugFor(nf.Member)
			}
		}
	}
	lines, err := f.lines()
	if err != nil {
		np.Error = err.Error()
	}
	for i, t := range lines {
		np.Lines = append(np.Lines, lineView{N: i + 1, Text: t, Hit: i+1 == line})
	}
	return newView(snap, l, "note", path.Base(p), "note", np), nil
}
