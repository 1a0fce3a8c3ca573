package summary

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// Name is the engine name recorded on points.
const Name = "offline"

// Engine is the offline summary engine. It implements engine.Summarizer.
type Engine struct{}

var _ engine.Summarizer = (*Engine)(nil)

// New returns the offline summary engine.
func New() *Engine { return &Engine{} }

// Name implements engine.Summarizer.
func (*Engine) Name() string { return Name }

// Local implements engine.Local: the summary is drafted from the week's
// input alone, and one Engine may run on several weeks at once.
func (*Engine) Local() bool { return true }

// Summarize implements engine.Summarizer: the merged outline of the
// week's notes, each point in a member's own words.
func (*Engine) Summarize(ctx context.Context, in *engine.Input) (*insight.Summary, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, err := Build(in)
	if err != nil {
		return nil, err
	}
	return d.Summary(Name), nil
}

// Draft is a week's merged outline before it is written: every section
// with its clusters, each cluster with every member's version of the
// point. The LLM engine rewrites the clusters of a Draft.
type Draft struct {
	// Sections are the outline in document order; their Points are
	// empty, the clusters hold them.
	Sections []DraftSection
	Overview []insight.Point
	Members  []string
}

// DraftSection is one heading of the merged outline with its clusters.
type DraftSection struct {
	insight.SummarySection
	Clusters []Cluster
	// covered are the members who wrote on the section (and its
	// subsections): under a heading of theirs in it. shared is set when
	// that is one member but another made one of its points elsewhere.
	covered []string
	shared  bool
}

// Cluster is the points of different members that say the same thing.
type Cluster struct {
	// Point is the representative (the clearest complete version), its
	// Members and Sources those of every version.
	Point insight.Point
	// Versions are every member's version, the representative first.
	Versions []Version
}

// Version is one member's version of a point.
type Version struct {
	Member string
	Kind   string
	Lines  []string
	// Text is the version's text without markup, on one line.
	Text   string
	Source insight.Source
	// IDs are the evidence IDs (analyze) of the sentences in it.
	IDs []string
}

// Summary writes the draft as a summary made by the engine engineName.
func (d *Draft) Summary(engineName string) *insight.Summary {
	s := &insight.Summary{Engine: engineName, Overview: d.Overview, Members: d.Members}
	for _, ds := range d.Sections {
		sec := ds.SummarySection
		sec.Points = nil
		for _, c := range ds.Clusters {
			sec.Points = append(sec.Points, c.Point)
		}
		s.Sections = append(s.Sections, sec)
	}
	return s
}

// Build merges the week's notes into a draft outline.
func Build(in *engine.Input) (*Draft, error) {
	if in == nil || in.Analysis == nil {
		return nil, engine.ErrNoAnalysis
	}
	b := &builder{in: in}
	b.read()
	b.nodes = settle(align(b.outlines))
	b.chapterNodes()
	b.nodes = b.fold(b.nodes)
	b.nodes = b.merge(b.nodes)
	b.gather()
	d := &Draft{}
	for _, o := range b.outlines {
		d.Members = append(d.Members, o.name)
	}
	d.Sections = b.sections()
	d.Overview = b.overview(d.Sections)
	return d, nil
}

// builder holds one Build.
type builder struct {
	in       *engine.Input
	outlines []*outline
	index    []*sentenceIndex
	nodes    []*node
	// points per node, and the points of notes without headings.
	points   map[*node][]*point
	unplaced []*point
	chapters map[int]bool
	// spell knows who wrote which word (built on first use).
	spell *spelling
	// folded are the headings fold put into another section: they do not
	// name it.
	folded map[*head]bool
	// named are the chapters whose opening a member titled as the
	// chapter's overview (see overviewTitle).
	named map[*node]bool
}

// read reads every member's note into an outline and decides, with the
// week's chapters, what their numbers mean.
func (b *builder) read() {
	b.chapters = map[int]bool{}
	for _, c := range b.in.Chapters {
		b.chapters[c.Number] = true
	}
	for _, m := range b.in.Members {
		if m.Doc == nil {
			continue
		}
		am := b.in.Analysis.Member(m.Member.Name)
		o := readOutline(m.Member.Name, m.Doc, am)
		idx := len(b.outlines)
		for _, h := range o.heads {
			h.member = idx
		}
		b.outlines = append(b.outlines, o)
		b.index = append(b.index, newSentenceIndex(am))
	}
	chapters := b.chapters
	if len(chapters) == 0 {
		// No schedule: the chapters the notes' chapter headings name.
		chapters = map[int]bool{}
		for _, o := range b.outlines {
			for _, h := range o.heads {
				if h.chapter > 0 {
					chapters[h.chapter] = true
				}
			}
		}
	}
	for mi, o := range b.outlines {
		o.resolve(chapters)
		for _, h := range o.heads {
			h.points = points(mi, o.doc, h.content, b.index[mi])
		}
	}
	vectors(b.outlines)
	weigh(b.outlines)
}

// chapterNodes makes sure every chapter of the week heads its part of the
// outline: a chapter no note names gets a node before the first section
// numbered in it, or first when the week has one chapter only.
func (b *builder) chapterNodes() {
	have := map[int]bool{}
	for _, n := range b.nodes {
		if n.chapter > 0 {
			have[n.chapter] = true
		}
	}
	var want []int
	for _, c := range b.in.Chapters {
		if !have[c.Number] {
			want = append(want, c.Number)
		}
	}
	for _, c := range want {
		at := -1
		for i, n := range b.nodes {
			if n.num != nil && n.num[0] == c {
				at = i
				break
			}
		}
		if at < 0 && len(b.in.Chapters) == 1 && len(have) == 0 {
			at = 0
		}
		if at < 0 {
			continue
		}
		nd := &node{chapter: c, depth: 1}
		b.nodes = append(b.nodes[:at], append([]*node{nd}, b.nodes[at:]...)...)
	}
}

// gather collects each node's points from the members' headings in it;
// what a member wrote before their first heading goes to the chapter it
// opens (or the first node).
func (b *builder) gather() {
	b.points = map[*node][]*point{}
	headNode := map[*head]*node{}
	for _, n := range b.nodes {
		for _, h := range n.heads {
			headNode[h] = n
		}
	}
	for mi, o := range b.outlines {
		pre := points(mi, o.doc, o.pre, b.index[mi])
		if len(o.heads) == 0 {
			b.unplaced = append(b.unplaced, pre...)
			continue
		}
		if len(pre) > 0 {
			target := headNode[o.heads[0]]
			for _, n := range b.nodes {
				if n.chapter > 0 && (n.chapter == o.heads[0].inChapter || o.heads[0].inChapter == 0) {
					target = n
					break
				}
			}
			b.points[target] = append(b.points[target], pre...)
		}
		for _, h := range o.heads {
			n := headNode[h]
			b.points[n] = append(b.points[n], h.points...)
		}
	}
}

// cueHeadings are the headings of the part gathered at the end, by cue.
var cueHeadings = map[string]string{
	cuePractical: "실무 적용 아이디어",
	cueStudy:     "더 공부할 것과 질문",
	cueThoughts:  "느낀 점",
}

// Headings of the parts moim adds after the book's outline.
const (
	ThoughtsHeading = "함께 나눈 생각"
	// OverviewHeading opens a chapter that has sections: what the
	// members wrote before its first one.
	OverviewHeading = "개요"
	RefsHeading     = "참고 자료"
)

// draftSection is a section while it is built: its clusters before the
// selection.
type draftSection struct {
	sec      insight.SummarySection
	clusters []*cluster
}

// sections writes the outline: the book's nodes in order with their
// clusters, then the members' own parts (느낀 점, 실무 적용, 더 공부할 것)
// gathered by kind under one heading, and their references; then keeps
// the clusters that fit the draft's length (see selectClusters).
func (b *builder) sections() []DraftSection {
	var secs []*draftSection
	cue := map[string][]*point{}
	cueHeads := map[string][]*head{}
	chapters := 0
	for _, n := range b.nodes {
		if n.chapter > 0 {
			chapters++
		}
	}
	for i, n := range b.nodes {
		if n.cue == cueSkip {
			continue
		}
		if n.cue != "" {
			cue[n.cue] = append(cue[n.cue], b.points[n]...)
			cueHeads[n.cue] = append(cueHeads[n.cue], n.heads...)
			continue
		}
		ds := &draftSection{sec: b.sectionOf(n), clusters: b.cluster(b.points[n])}
		secs = append(secs, ds)
		if n.chapter > 0 && len(ds.clusters) > 0 && i+1 < len(b.nodes) && b.nodes[i+1].chapter == 0 && (chapters > 1 || b.named[n]) {
			// The opening of a chapter with sections, before the first
			// one, is its 개요 when the week has several chapters (the
			// document's 개요 is that of the week) or a member named it
			// so.
			secs = append(secs, &draftSection{sec: insight.SummarySection{Level: 2, Title: OverviewHeading}, clusters: ds.clusters})
			ds.clusters = nil
		}
	}
	b.place(secs)
	b.absorb(secs)
	thoughts := false
	for _, k := range []string{cuePractical, cueStudy, cueThoughts} {
		if len(cue[k]) == 0 {
			continue
		}
		if !thoughts {
			secs = append(secs, &draftSection{sec: insight.SummarySection{Level: 2, Title: ThoughtsHeading}})
			thoughts = true
		}
		ds := &draftSection{sec: insight.SummarySection{Level: 3, Title: cueHeadings[k]}, clusters: b.cluster(cue[k])}
		ds.sec.Members, ds.sec.Sources = b.headSources(cueHeads[k])
		secs = append(secs, ds)
	}
	if len(cue[cueRefs]) > 0 {
		ds := &draftSection{sec: insight.SummarySection{Level: 2, Title: RefsHeading}, clusters: b.cluster(cue[cueRefs])}
		ds.sec.Members, ds.sec.Sources = b.headSources(cueHeads[cueRefs])
		secs = append(secs, ds)
	}
	covered, shared := b.coverage(secs)
	b.selectClusters(secs)
	b.settleNeeds(secs)
	var out []DraftSection
	for i, ds := range secs {
		if empty(secs, i) {
			continue
		}
		sec := DraftSection{SummarySection: ds.sec, covered: covered[i], shared: shared[i]}
		for _, c := range ds.clusters {
			sec.Clusters = append(sec.Clusters, b.export(c))
		}
		out = append(out, sec)
	}
	return out
}

// empty reports whether secs[i] is a subsection (### or deeper) left
// with nothing under it: no cluster, in it or in a subsection of its own.
// Its heading alone says nothing a reader can use. Chapters and sections
// (# and ##) stay: they are the book's outline.
func empty(secs []*draftSection, i int) bool {
	if secs[i].sec.Level < 3 {
		return false
	}
	for j := i; j < len(secs); j++ {
		if j > i && secs[j].sec.Level <= secs[i].sec.Level {
			break
		}
		if len(secs[j].clusters) > 0 {
			return false
		}
	}
	return true
}

// coverage says, for each section with its subsections, which members
// wrote on it, in outline order: those with a heading or a point in it.
// When that is one member only, shared says whether another made one of
// its points elsewhere (before a chapter's first heading, under a heading
// of their own), so that the 개요 never says one member covered what
// others did.
func (b *builder) coverage(secs []*draftSection) ([][]string, []bool) {
	out := make([][]string, len(secs))
	shared := make([]bool, len(secs))
	for i, ds := range secs {
		who := make([]bool, len(b.outlines))
		var pts []*point
		for j := i; j < len(secs); j++ {
			if j > i && secs[j].sec.Level <= ds.sec.Level {
				break
			}
			for _, m := range secs[j].sec.Members {
				for mi, o := range b.outlines {
					if o.name == m {
						who[mi] = true
					}
				}
			}
			for _, c := range secs[j].clusters {
				for _, p := range c.points {
					who[p.member] = true
					pts = append(pts, p)
				}
			}
		}
		for mi, ok := range who {
			if ok {
				out[i] = append(out[i], b.outlines[mi].name)
			}
		}
		shared[i] = len(out[i]) == 1 && b.alsoWrote(who, pts)
	}
	return out, shared
}

// alsoWrote reports whether a member other than those in who made one of
// pts anywhere in their note.
func (b *builder) alsoWrote(who []bool, pts []*point) bool {
	same := func(q *point) bool {
		if who[q.member] {
			return false
		}
		for _, p := range pts {
			if pointSim(p, q) >= minSame {
				return true
			}
		}
		return false
	}
	for _, n := range b.nodes {
		for _, q := range b.points[n] {
			if same(q) {
				return true
			}
		}
	}
	for _, q := range b.unplaced {
		if same(q) {
			return true
		}
	}
	return false
}

// place adds the points of notes without headings to the cluster, in any
// section, that says the same thing; points that match nothing are left
// out (there is no heading to put them under).
func (b *builder) place(secs []*draftSection) {
	for _, p := range b.unplaced {
		var best *cluster
		bestSim := minSame
		for _, ds := range secs {
			for _, c := range ds.clusters {
				if c.has(p.member) {
					continue
				}
				for _, q := range c.points {
					if s := pointSim(p, q); s > bestSim {
						best, bestSim = c, s
					}
				}
			}
		}
		if best != nil {
			best.points = append(best.points, p)
		}
	}
}

// absorb moves a cluster of a section's own points into the one
// subsection that says the same (another member wrote that part under its
// own heading: "### 1. 네트워크 분할" while others listed the reasons in the
// section): it joins the subsection's cluster that says the same, or
// opens the subsection; a one-line point that only repeats the
// subsection's title is dropped, the heading says it. A cluster close to
// several subsections (the section's overview of its parts) stays.
func (b *builder) absorb(secs []*draftSection) {
	for i, ds := range secs {
		if ds.sec.Level < 2 {
			continue
		}
		var kids []*draftSection
		for _, x := range secs[i+1:] {
			if x.sec.Level <= ds.sec.Level {
				break
			}
			if x.sec.Level == ds.sec.Level+1 && x.sec.Title != "" {
				kids = append(kids, x)
			}
		}
		if len(kids) == 0 {
			continue
		}
		titles := make([]*point, len(kids))
		for k, x := range kids {
			titles[k] = &point{member: -1, kind: insight.PointBullet, plain: x.sec.Title, grams: text.NewBigrams(x.sec.Title, text.BigramOptions{})}
		}
		var keep []*cluster
		for _, c := range ds.clusters {
			best, bestSim, second := -1, 0.0, 0.0
			for k, x := range kids {
				s := closeness(c, titles[k], x.clusters)
				switch {
				case s > bestSim:
					best, bestSim, second = k, s, bestSim
				case s > second:
					second = s
				}
			}
			if best < 0 || bestSim < minSame || second >= minSame {
				keep = append(keep, c)
				continue
			}
			join(kids[best], c, titles[best])
		}
		ds.clusters = keep
	}
}

// closeness is how surely a cluster says what a subsection (its title and
// clusters) says: its points' best similarity to another member's point
// there, or to the title.
func closeness(c *cluster, title *point, cs []*cluster) float64 {
	best := 0.0
	for _, p := range c.points {
		best = max(best, pointSim(p, title))
		for _, x := range cs {
			for _, q := range x.points {
				if q.member != p.member {
					best = max(best, pointSim(p, q))
				}
			}
		}
	}
	return best
}

// join puts cluster c into subsection ds: into the cluster there that
// says the same, or first; a one-line cluster that repeats the title is
// left out.
func join(ds *draftSection, c *cluster, title *point) {
	var into *cluster
	bestSim := minSame
	for _, x := range ds.clusters {
		for _, p := range c.points {
			for _, q := range x.points {
				if s := pointSim(p, q); q.member != p.member && s >= bestSim {
					into, bestSim = x, s
				}
			}
		}
	}
	if into != nil {
		into.points = append(into.points, c.points...)
		into.rep = representative(into)
		return
	}
	if len(c.rep.lines) == 1 && pointSim(c.rep, title) >= 0.8 {
		return
	}
	ds.clusters = append([]*cluster{c}, ds.clusters...)
}

// cluster clusters a node's points, members in outline order.
func (b *builder) cluster(pts []*point) []*cluster {
	if b.spell == nil {
		b.spell = newSpelling(b.index)
	}
	sort.SliceStable(pts, func(i, j int) bool {
		if pts[i].member != pts[j].member {
			return pts[i].member < pts[j].member
		}
		return pts[i].line < pts[j].line
	})
	cs := clusterPoints(pts)
	for _, c := range cs {
		if len(c.points) > 1 {
			for i, n := range b.spell.slips(c.points) {
				c.points[i].slips = n
			}
			c.rep = representative(c)
		}
	}
	return cs
}

// export writes a cluster for the draft: the representative's words with
// the sources of every version.
func (b *builder) export(c *cluster) Cluster {
	cl := Cluster{Point: insight.Point{Kind: c.rep.kind, Lines: c.rep.lines, Engine: Name}}
	cl.Versions = append(cl.Versions, b.version(c.rep))
	for _, p := range c.points {
		if p != c.rep {
			cl.Versions = append(cl.Versions, b.version(p))
		}
	}
	seen := map[string]bool{}
	for _, v := range cl.Versions {
		if !seen[v.Member] {
			seen[v.Member] = true
			cl.Point.Members = append(cl.Point.Members, v.Member)
		}
		cl.Point.Sources = append(cl.Point.Sources, v.Source)
	}
	return cl
}

func (b *builder) version(p *point) Version {
	o := b.outlines[p.member]
	return Version{
		Member: o.name, Kind: p.kind, Lines: p.lines, Text: p.plain, IDs: p.ids,
		Source: insight.Source{File: o.doc.Path, Line: p.line, Member: o.name, Quote: clip(oneLine(p.plain), 160)},
	}
}

// sectionOf names a node: its number, when a member numbers sections by
// the book, and the title the members' titles agree with most.
func (b *builder) sectionOf(n *node) insight.SummarySection {
	sec := insight.SummarySection{Level: n.depth}
	sec.Members, sec.Sources = b.headSources(n.heads)
	if n.chapter > 0 {
		sec.Level = 1
		sec.Title = b.chapterTitle(n)
		return sec
	}
	if n.num != nil {
		sec.Number = numString(n.num)
	}
	best, bestScore := "", -1.0
	for _, h := range n.heads {
		if b.folded[h] && best != "" {
			continue
		}
		score := 0.0
		for _, x := range n.heads {
			if x != h {
				score += titleSim(h, x)
			}
		}
		if h.num != nil {
			score += 0.5 // a book-numbered member's title is the book's
		}
		if score > bestScore {
			best, bestScore = h.title, score
		}
	}
	sec.Title = best
	return sec
}

// chapterTitle is "3장. 평가 방법론": the chapter summaries' title, else the
// title most members' chapter headings give.
func (b *builder) chapterTitle(n *node) string {
	title := ""
	for _, c := range b.in.Chapters {
		if c.Number == n.chapter && c.Title != "" {
			title = c.Title
		}
	}
	if title == "" {
		counts := map[string]int{}
		first := map[string]int{}
		for i, h := range n.heads {
			if h.title != "" {
				counts[h.title]++
				if _, ok := first[h.title]; !ok {
					first[h.title] = i
				}
			}
		}
		bestN := 0
		for t, c := range counts {
			if c > bestN || c == bestN && first[t] < first[title] {
				title, bestN = t, c
			}
		}
	}
	if title == "" {
		return fmt.Sprintf("%d장", n.chapter)
	}
	return fmt.Sprintf("%d장. %s", n.chapter, title)
}

// headSources lists the members and note lines of headings.
func (b *builder) headSources(hs []*head) ([]string, []insight.Source) {
	var members []string
	var srcs []insight.Source
	seen := map[string]bool{}
	for _, h := range hs {
		o := b.outlines[h.member]
		if !seen[o.name] {
			seen[o.name] = true
			members = append(members, o.name)
		}
		srcs = append(srcs, insight.Source{File: o.doc.Path, Line: h.line, Member: o.name, Quote: h.text})
	}
	return members, srcs
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// compactEq reports whether two texts are the same, ignoring spacing and
// punctuation.
func compactEq(a, b string) bool { return text.Compact(a) == text.Compact(b) }
