package doc

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// The summary document (summary.md, the week's 통합 정리) is the second kind
// of document this package owns. Its template is a title, header fields
// ("**정리자**: ", "**날짜**: "), a thematic break and a few blocks for people
// ("## 주요 내용"); moim fills the fields, writes a short 개요 into the
// overview block and the merged outline of the chapter after it: H1
// chapters, H2 sections, H3 subsections, deeper headings as "####" lines
// inside them. Compose's guarantees hold: what people write or change
// stays, what they delete does not come back.

// Header fields of a summary, by meaning (Field.Key and the keys of
// insight.Summary.Fields).
const (
	FieldIntegrator = "integrator" // 정리자, 통합 정리자, 작성자
	FieldDate       = "date"       // 날짜, 일시
	FieldChapters   = "chapters"   // 범위, 챕터
	FieldTopic      = "topic"      // 주제
	FieldPresenter  = "presenter"  // 발표자
	FieldMembers    = "members"    // 참여자, 참석자
	FieldWeek       = "week"       // 주차
)

// fieldRules map a field label (compacted) to its key; the first rule with
// a matching word wins.
var fieldRules = []text.WordRule{
	{Key: FieldIntegrator, Words: []string{"정리자", "작성자", "정리", "integrator", "author", "writer", "editor"}},
	{Key: FieldPresenter, Words: []string{"발표자", "발표", "presenter", "speaker"}},
	{Key: FieldDate, Words: []string{"날짜", "일시", "일자", "date", "when"}},
	{Key: FieldChapters, Words: []string{"범위", "챕터", "chapter", "range", "pages"}},
	{Key: FieldTopic, Words: []string{"주제", "topic", "subject"}},
	{Key: FieldMembers, Words: []string{"참여자", "참석자", "참가자", "멤버", "members", "participants", "attendees"}},
	{Key: FieldWeek, Words: []string{"주차", "회차", "week", "session"}},
}

// FieldKey maps a header field's label ("정리자", "Date") to its key, ""
// when moim does not know it.
func FieldKey(label string) string { return firstRule(fieldRules, label) }

// fieldRe reads a header field line: "**정리자**: 이은정", "**날짜:** 12/4",
// "- 정리자: ", "Date: 2025-01-01". Groups: prefix up to and including the
// separator, label (either bold form or plain), value.
var fieldRe = regexp.MustCompile(`^(\s{0,3}(?:[-*+]\s+)?(?:\*\*([^*:：]{1,24}?)\s*(?:\*\*\s*[:：]|[:：]\s*\*\*)|__([^_:：]{1,24}?)__\s*[:：]|([^*_:：|#<>\[\]()]{1,24}?)\s*[:：]))[ \t]*(.*)$`)

// parseField reads a header field line.
func parseField(line string) (prefix, label, value string, ok bool) {
	m := fieldRe.FindStringSubmatch(line)
	if m == nil {
		return "", "", "", false
	}
	label = strings.TrimSpace(m[2] + m[3] + m[4])
	if label == "" || strings.HasPrefix(m[5], "//") {
		return "", "", "", false // a URL, not a field
	}
	return strings.TrimRight(m[1], " \t"), label, strings.TrimSpace(m[5]), true
}

// Field is one header field of a summary template.
type Field struct {
	// Label is the label as written ("정리자").
	Label string `json:"label"`
	// Key is the field's meaning (Field* constants), "" when unknown.
	Key string `json:"key,omitempty"`
}

// SummaryBlock is a block of a summary template: a heading people fill.
type SummaryBlock struct {
	Level   int    `json:"level"`
	Heading string `json:"heading"`
	// Intro is the block's text in the template: a hint comment, a line
	// for people; it is written before what moim puts there.
	Intro string `json:"intro,omitempty"`
	// Overview is set for the block the 개요 goes into ("## 주요 내용").
	Overview bool `json:"overview,omitempty"`
}

// SummaryTemplate is the structure of a summary document.
type SummaryTemplate struct {
	// Title is the title line without "# " ("통합 정리").
	Title string `json:"title"`
	// Intro is the text between the title and the thematic break: the
	// header fields and any text of the template.
	Intro string `json:"intro,omitempty"`
	// Fields are the header fields of the intro, in order.
	Fields []Field `json:"fields,omitempty"`
	// Blocks are the template's own H1/H2 blocks, in order. The outline
	// goes after the overview block, or first when there is none (the
	// 개요 then gets a block of its own).
	Blocks []SummaryBlock `json:"blocks,omitempty"`
	// Source is where the template came from: a path or "built-in".
	Source string `json:"source"`
}

// OverviewHeading is the heading of the 개요 block moim adds when the
// template has none.
const OverviewHeading = "개요"

// BuiltinSummary returns the summary template moim uses when neither the
// week nor the repository has one: the reference group's basic summary
// template.
func BuiltinSummary() *SummaryTemplate {
	return &SummaryTemplate{
		Title:  "통합 정리",
		Intro:  "**정리자**: \n**날짜**: ",
		Fields: []Field{{Label: "정리자", Key: FieldIntegrator}, {Label: "날짜", Key: FieldDate}},
		Blocks: []SummaryBlock{{Level: 2, Heading: "주요 내용", Overview: true}},
		Source: BuiltinSource,
	}
}

// overviewWords mark the heading of the block the 개요 goes into.
var overviewWords = []string{"개요", "주요내용", "핵심내용", "요약", "한눈에", "overview", "summary", "tldr", "keypoints"}

func isOverviewHeading(h string) bool {
	c := text.Compact(h)
	for _, w := range overviewWords {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// ParseSummary reads a summary template, or a summary moim wrote used as
// one: the title, the header fields of the intro and the blocks. Of a
// summary moim wrote only the overview block is template: the rest is
// moim's outline or what people added, which the merge keeps in place.
// It never fails: any text is some template.
func ParseSummary(path, src string) *SummaryTemplate {
	d := parseKind(src, summaryKind)
	t := &SummaryTemplate{Title: d.title, Source: path}
	if !d.hasTitle {
		t.Title = BuiltinSummary().Title
	}
	var intro []string
	for _, it := range d.intro {
		if it.kind == iComment && d.stateFound {
			continue
		}
		intro = append(intro, itemsText([]item{it}))
		for _, l := range it.lines {
			if _, label, _, ok := parseField(l); ok {
				t.Fields = append(t.Fields, Field{Label: label, Key: FieldKey(label)})
			}
		}
	}
	t.Intro = strings.Join(intro, "\n")
	overview := false
	for _, b := range d.blocks {
		if b.implicit {
			continue
		}
		isOverview := !overview && isOverviewHeading(b.heading)
		if d.stateFound && !isOverview {
			// A summary moim wrote: its outline is moim's and every other
			// block a person's, kept where it is by the merge.
			continue
		}
		overview = overview || isOverview
		var intro []item
		for _, it := range b.pre {
			// Of a summary moim wrote, only the hint comments are the
			// template's.
			if !d.stateFound || it.kind == iComment {
				intro = append(intro, it)
			}
		}
		t.Blocks = append(t.Blocks, SummaryBlock{Level: b.level, Heading: b.heading, Intro: itemsText(intro), Overview: isOverview})
	}
	return t
}

// IsSummaryFillable reports whether moim may fill the summary src: one
// moim wrote before (it carries the moim state comment), or a template:
// nothing below its intro but headings, hint comments and placeholders.
// The intro may hold the header fields, filled or not, and a line of the
// template's text. Anything else means a person wrote the summary, and
// moim must not overwrite it.
func IsSummaryFillable(src string) bool {
	d := parseKind(src, summaryKind)
	return d.stateFound || !hasContent(d.introTrailer) && !blocksHaveContent(d.blocks)
}

// ComposeSummary renders the summary s along template t into the document
// prev (the current content of the output file, "" when there is none),
// keeping what people wrote as Compose does for the insights document: a
// line a person added or changed stays where it is, a point a person
// deleted is not written again, a heading a person renamed keeps its new
// name, and a header field a person filled keeps their value. moim's own
// points are replaced by this run's.
//
// ComposeSummary fails when prev's state comment is damaged or from a
// newer moim.
func ComposeSummary(prev string, t *SummaryTemplate, s *insight.Summary) (string, error) {
	if t == nil {
		t = BuiltinSummary()
	}
	if s == nil {
		return "", errors.New("summary: compose: no summary to render")
	}
	g := buildSummaryGen(t, s)
	p := parseKind(prev, summaryKind)
	if p.stateErr == nil {
		keepFields(p, g)
	}
	return compose(p, g, s.InputHash, s.Engine, summaryKind)
}

// RenderSummary is ComposeSummary without a previous document.
func RenderSummary(t *SummaryTemplate, s *insight.Summary) string {
	out, err := ComposeSummary("", t, s)
	if err != nil {
		panic(err) // fails only on a damaged previous state; there is none
	}
	return out
}

// buildSummaryGen lays the summary out along the template.
func buildSummaryGen(t *SummaryTemplate, s *insight.Summary) *genDoc {
	g := &genDoc{title: singleLine(summaryTitle(t.Title, s.Number))}
	g.intro = fieldItems(t.Intro, s.Fields)

	tmpl := func(b SummaryBlock) *genBlock {
		gb := &genBlock{level: b.Level, heading: singleLine(b.Heading), pre: textItems(b.Intro)}
		if b.Overview {
			points := pointItems(s.Overview)
			if len(gb.pre) > 0 && len(points) > 0 {
				points[0].gap = true
			}
			gb.pre = append(gb.pre, points...)
		}
		return gb
	}
	var blocks []*genBlock
	placed := false
	for _, b := range t.Blocks {
		blocks = append(blocks, tmpl(b))
		if b.Overview {
			blocks = append(blocks, outlineBlocks(s.Sections)...)
			placed = true
		}
	}
	if !placed {
		head := []*genBlock{tmpl(SummaryBlock{Level: 2, Heading: OverviewHeading, Overview: true})}
		blocks = append(append(head, outlineBlocks(s.Sections)...), blocks...)
	}
	heads := make([]string, len(blocks))
	for i, b := range blocks {
		heads[i] = b.heading
	}
	for i, name := range outlineNames(heads) {
		b := blocks[i]
		b.name, b.prefix = name, name
		secHeads := make([]string, len(b.sections))
		for j, sec := range b.sections {
			secHeads[j] = sec.spec.Heading
		}
		for j, id := range sectionIDs(secHeads) {
			b.sections[j].matchKey = id
			b.sections[j].stateKey = name + "/" + id
		}
	}
	g.blocks = blocks
	return g
}

// summaryTitle is the template's title for the week: a week number in it
// follows the week; a title without one is kept as it is.
func summaryTitle(title string, week int) string {
	title = strings.TrimSpace(title)
	if title == "" {
		return BuiltinSummary().Title
	}
	if week > 0 && (titlePlaceholder.MatchString(title) || titleWeekEN.MatchString(title) || titleWeekKO.MatchString(title)) {
		return (&Template{Title: title}).TitleFor(week)
	}
	return title
}

// fieldItems reads the template's intro into items, each header field
// line with its value from fields (kept as written when moim has none).
func fieldItems(intro string, fields map[string]string) []item {
	items := textItems(intro)
	for i, it := range items {
		if it.kind != iText && it.kind != iBullet && it.kind != iPlaceholder || len(it.lines) != 1 {
			continue
		}
		prefix, label, _, ok := parseField(it.lines[0])
		if !ok {
			continue
		}
		v := singleLine(fields[FieldKey(label)])
		if FieldKey(label) == "" || v == "" {
			continue
		}
		kind := iText
		if it.kind != iText {
			kind = iBullet
		}
		items[i] = newItem(kind, []string{prefix + " " + v}, it.gap)
	}
	return items
}

// keepFields reconciles the header fields of the previous document with
// the generated ones: a field a person filled keeps their value (moim's
// line for it is not added), and an empty field of the template makes
// way for moim's value.
func keepFields(p *tree, g *genDoc) {
	var old map[string]bool
	if p.state != nil {
		old = map[string]bool{}
		for _, h := range p.state.Generated["intro"] {
			old[h] = true
		}
	}
	labelOf := func(it item) (string, string, bool) {
		if it.kind != iText && it.kind != iBullet || len(it.lines) != 1 {
			return "", "", false
		}
		_, label, value, ok := parseField(it.lines[0])
		return text.Compact(label), value, ok
	}
	generated := map[string]bool{}
	for _, it := range g.intro {
		if l, v, ok := labelOf(it); ok && v != "" {
			generated[l] = true
		}
	}
	filled := map[string]bool{}
	var intro []item
	for _, it := range p.intro {
		l, v, ok := labelOf(it)
		switch {
		case !ok:
		case v == "" && generated[l]:
			continue // the template's empty field: moim fills it
		case v != "" && !old[it.hash]:
			filled[l] = true // a person's value
		}
		intro = append(intro, it)
	}
	p.intro = intro
	var gen []item
	for _, it := range g.intro {
		if l, _, ok := labelOf(it); ok && filled[l] {
			continue
		}
		gen = append(gen, it)
	}
	g.intro = gen
}

// outlineBlocks lays the outline out in blocks: a chapter (level 1) or a
// section (level 2) is a block, a subsection (level 3) a section of the
// block before it, deeper headings "####" lines among the items.
func outlineBlocks(secs []insight.SummarySection) []*genBlock {
	var out []*genBlock
	var cur *genBlock
	var sec *genSection
	for _, s := range secs {
		heading := singleLine(s.Heading())
		switch {
		case s.Level <= 2 || cur == nil:
			level := 2
			if s.Level <= 1 {
				level = 1
			}
			cur = &genBlock{level: level, heading: heading, pre: pointItems(s.Points)}
			sec = nil
			out = append(out, cur)
		case s.Level == 3:
			sec = &genSection{spec: SectionSpec{Heading: heading, Kind: insight.KindOutline}, items: pointItems(s.Points)}
			cur.sections = append(cur.sections, sec)
		default:
			items := append([]item{headingItem(s.Level, heading)}, pointItems(s.Points)...)
			if len(items) > 1 {
				items[1].gap = true
			}
			if sec != nil {
				sec.items = append(sec.items, items...)
			} else {
				cur.pre = append(cur.pre, items...)
			}
		}
	}
	return out
}

func headingItem(level int, heading string) item {
	return newItem(iText, []string{strings.Repeat("#", min(level, 6)) + " " + heading}, true)
}

// pointItems renders points as items: a bullet with its nested items, a
// paragraph line, a quote, a fenced code block, a table (header and rows).
// Blocks that markdown would run together are separated by a blank line.
func pointItems(points []insight.Point) []item {
	var out []item
	afterList := false // the item before is a list item
	for _, p := range points {
		var its []item
		switch p.Kind {
		case insight.PointCode:
			its = append(its, codeItem(p))
		case insight.PointTable:
			its = tableItems(p)
		case insight.PointQuote:
			if s := singleLine(p.Text()); s != "" {
				its = append(its, newItem(iText, []string{"> " + s}, true))
			}
		case insight.PointText:
			if s := escapeBlockStart(singleLine(p.Text())); s != "" {
				its = append(its, newItem(iText, []string{s}, true))
			}
		default:
			if it := nestedBullet(p.Lines); it != nil {
				it.gap = !afterList
				its = append(its, *it)
			}
		}
		if len(its) == 0 {
			continue
		}
		afterList = p.Kind == insight.PointBullet || p.Kind == ""
		out = append(out, its...)
	}
	return out
}

// nestedBullet renders a bullet: its first line is the text, the others
// nested items ("  - ...", two spaces per level), each one line.
func nestedBullet(lines []string) *item {
	if len(lines) == 0 {
		return nil
	}
	first := escapeBlockStart(singleLine(lines[0]))
	if first == "" {
		return nil
	}
	out := []string{"- " + first}
	for _, l := range lines[1:] {
		depth := (len(l) - len(strings.TrimLeft(l, " "))) / 2
		t := strings.TrimSpace(l)
		t = strings.TrimSpace(strings.TrimPrefix(t, "- "))
		t = escapeBlockStart(singleLine(t))
		if t == "" {
			continue
		}
		out = append(out, strings.Repeat("  ", max(depth, 1))+"- "+t)
	}
	it := newItem(iBullet, out, false)
	return &it
}

// blockStart matches the beginnings of a line that markdown reads as
// structure: a heading, a quote, a list item, a table, a fence, a comment.
var blockStart = regexp.MustCompile("^(#{1,6}(\\s|$)|>|[-+*](\\s|$)|\\d{1,9}[.)](\\s|$)|\\||```|~~~|<!--|={3,}$|-{3,}$)")

// escapeBlockStart backslash-escapes the first character of a line that
// would otherwise read as structure; inline markup ("**굵게**") is kept.
func escapeBlockStart(s string) string {
	if !blockStart.MatchString(s) {
		return s
	}
	if m := digitDotRe.FindStringSubmatchIndex(s); m != nil {
		return s[:m[3]] + `\` + s[m[4]:]
	}
	return `\` + s
}

// codeItem fences a code block with a fence longer than any run of
// backticks inside it.
func codeItem(p insight.Point) item {
	longest := 0
	for _, l := range p.Lines {
		run := 0
		for _, r := range l {
			if r == '`' {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	lines := []string{fence + singleLine(p.Lang)}
	for _, l := range p.Lines {
		lines = append(lines, strings.TrimRight(l, " \t"))
	}
	lines = append(lines, fence)
	return newItem(iCode, lines, true)
}

// tableItems writes a table: its first line is the header row, the
// others the rows; the separator follows the header.
func tableItems(p insight.Point) []item {
	if len(p.Lines) == 0 {
		return nil
	}
	row := func(l string) string {
		cells := tableCells(l)
		if !isTableLine(l) {
			cells = strings.Split(l, " | ")
		}
		for i, c := range cells {
			cells[i] = strings.TrimSpace(singleLine(c))
		}
		return "| " + strings.Join(cells, " | ") + " |"
	}
	head := row(p.Lines[0])
	n := len(tableCells(head))
	out := []item{newItem(iHeader, []string{head, "|" + strings.Repeat("---|", n)}, true)}
	for _, l := range p.Lines[1:] {
		if isSeparatorRow(l) {
			continue
		}
		out = append(out, newItem(iRow, []string{row(l)}, false))
	}
	return out
}

// sectionNumRe matches a book section number at the start of a heading:
// "3.1", "3.2.1", "1.1.3." (two or more parts).
var sectionNumRe = regexp.MustCompile(`^\s*(\d{1,3}(?:\.\d{1,3})+)\.?(?:\s|$)`)

// outlineID identifies a heading of the outline: by its section number
// when it has one ("n:3.1"), else by its compacted text.
func outlineID(heading string) string {
	if m := sectionNumRe.FindStringSubmatch(heading); m != nil {
		return "n:" + m[1]
	}
	return "t:" + text.Compact(heading)
}

// outlineNames names the blocks of a summary: a numbered block by its
// number, another by its text (outlineID); repeats get "#2", "#3".
func outlineNames(headings []string) []string { return sectionIDs(headings) }

// sectionIDs names headings by outlineID, repeats numbered.
func sectionIDs(headings []string) []string {
	out := make([]string, len(headings))
	seen := map[string]int{}
	for i, h := range headings {
		id := outlineID(h)
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s#%d", id, n)
		}
		out[i] = id
	}
	return out
}

// summaryKind is the summary document.
var summaryKind = &docKind{
	h1Blocks:      true,
	trackHeadings: true,
	blockNames: func(bs []*block, st *State) []string {
		heads := make([]string, len(bs))
		for i, b := range bs {
			heads[i] = b.heading
		}
		names := outlineNames(heads)
		if st == nil {
			return names
		}
		// A block whose heading a person changed is still the block moim
		// wrote its items into: name it by the state key that owns them.
		owner := map[string]string{}
		for key, hs := range st.Generated {
			prefix, rest, ok := strings.Cut(key, "/")
			if !ok || rest == "heading" || strings.HasSuffix(rest, "/heading") {
				continue
			}
			for _, h := range hs {
				owner[h] = prefix
			}
		}
		known := map[string]bool{}
		for key := range st.Generated {
			prefix, _, _ := strings.Cut(key, "/")
			known[prefix] = true
		}
		used := map[string]bool{}
		for _, n := range names {
			used[n] = true
		}
		for i, b := range bs {
			if known[names[i]] || b.implicit {
				continue
			}
			if best := vote(owner, blockItems(b)); best != "" && !used[best] {
				used[best] = true
				names[i] = best
			}
		}
		return names
	},
	matches: func(pb *block, name string, gb *genBlock) bool {
		return !pb.implicit && name == gb.prefix
	},
	sectionKeys: func(prefix string, secs []*section, st *State) (match, state []string) {
		heads := make([]string, len(secs))
		for i, s := range secs {
			heads[i] = s.heading
		}
		match = sectionIDs(heads)
		if st != nil {
			owner := map[string]string{}
			for key, hs := range st.Generated {
				p, id, ok := strings.Cut(key, "/")
				if !ok || p != prefix || strings.Contains(id, "/") || id == "intro" || id == "heading" {
					continue
				}
				for _, h := range hs {
					owner[h] = id
				}
			}
			used := map[string]bool{}
			for _, id := range match {
				used[id] = true
			}
			for i, s := range secs {
				if len(st.Generated[prefix+"/"+match[i]]) > 0 || len(st.Generated[prefix+"/"+match[i]+"/heading"]) > 0 {
					continue
				}
				if best := vote(owner, s.items); best != "" && !used[best] {
					used[best] = true
					match[i] = best
				}
			}
		}
		for _, id := range match {
			state = append(state, prefix+"/"+id)
		}
		return match, state
	},
	personalBlock: func(*block) bool { return false },
	emptySection:  func(*genBlock, *section) bool { return false },
}

// blockItems lists every item of a block.
func blockItems(b *block) []item {
	out := append(append([]item(nil), b.pre...), b.trailer...)
	for _, s := range b.sections {
		out = append(out, s.items...)
	}
	return out
}

// vote returns the owner most of the items belong to, "" when none does.
func vote(owner map[string]string, items []item) string {
	votes := map[string]int{}
	best := ""
	for _, it := range items {
		o, ok := owner[it.hash]
		if !ok {
			continue
		}
		votes[o]++
		if best == "" || votes[o] > votes[best] || votes[o] == votes[best] && o < best {
			best = o
		}
	}
	return best
}
