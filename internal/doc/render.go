package doc

import (
	"regexp"
	"strings"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// Render writes the whole markdown document of a generated week: the title
// ("# " + w.Title, or the template's title for the week), the intro, one
// block per member with the template's member sections in template order
// (heading, the hint comment kept so the document stays a template, then
// the content), the group block, and the trailing moim state comment (see
// State). Sections the week does not fill render empty: heading, hint and a
// "-" placeholder (an empty row for tables, nothing for paragraphs). The output is byte-identical
// for identical input and ends with one newline.
//
// Render is Compose without a previous document.
func Render(t *Template, w *insight.Week) string {
	out, err := Compose("", t, w)
	if err != nil {
		// Compose fails only on a damaged previous state; there is none.
		panic(err)
	}
	return out
}

// genSection is a template section with the items this run generates.
type genSection struct {
	spec     SectionSpec
	matchKey string
	stateKey string
	items    []item
}

type genBlock struct {
	name     string // member name, "" for the group block
	level    int    // the heading's level: 2, or 1 for a summary's chapter
	group    bool
	heading  string
	prefix   string // state key prefix
	pre      []item
	sections []*genSection
}

type genDoc struct {
	title  string
	intro  []item
	blocks []*genBlock
}

func matchKeyFor(key, heading string) string {
	if key != "" {
		return key
	}
	return "h:" + text.Compact(heading)
}

// buildGen lays the week out along the template.
func buildGen(t *Template, w *insight.Week) *genDoc {
	g := &genDoc{title: singleLine(w.Title)}
	if g.title == "" {
		g.title = singleLine(t.TitleFor(w.Number))
	}
	g.intro = textItems(t.Intro)
	for _, m := range w.Members {
		name := BlockName(m.Name)
		b := &genBlock{name: name, level: 2, heading: singleLine(m.Heading()), prefix: name}
		if m.Notice != "" && len(m.Sections) == 0 {
			// A member without a note: one line instead of the sections.
			b.pre = textItems(m.Notice)
			g.blocks = append(g.blocks, b)
			continue
		}
		for _, spec := range t.MemberSections {
			b.sections = append(b.sections, genSectionFor(spec, name, findSection(m.Sections, spec)))
		}
		g.blocks = append(g.blocks, b)
	}
	if t.GroupHeading != "" || len(t.GroupSections) > 0 {
		heading := singleLine(t.GroupHeading)
		if heading == "" {
			heading = DefaultGroupHeading
		}
		b := &genBlock{group: true, level: 2, heading: heading, prefix: GroupBlock, pre: textItems(t.GroupIntro)}
		for _, spec := range t.GroupSections {
			b.sections = append(b.sections, genSectionFor(spec, GroupBlock, findSection(w.Group, spec)))
		}
		g.blocks = append(g.blocks, b)
	}
	return g
}

func findSection(secs []insight.Section, spec SectionSpec) *insight.Section {
	if spec.Key == "" {
		return nil // unknown sections are never filled
	}
	for i := range secs {
		if secs[i].Key == spec.Key {
			return &secs[i]
		}
	}
	return nil
}

func genSectionFor(spec SectionSpec, prefix string, s *insight.Section) *genSection {
	if spec.Kind == "" {
		spec.Kind = KindFor(spec.Key)
	}
	if spec.Kind == insight.KindTable && len(spec.TableHeader) == 0 {
		spec.TableHeader = append([]string(nil), DefaultTableHeader...)
	}
	gs := &genSection{spec: spec, matchKey: matchKeyFor(spec.Key, spec.Heading), stateKey: StateKey(prefix, spec.Key, spec.Heading)}
	if s == nil {
		return gs
	}
	cols := len(tableCells(firstOr(spec.TableHeader, "| | | |")))
	switch spec.Kind {
	case insight.KindTable:
		for _, r := range s.Rows {
			gs.add(rowItem([]string{r.Written, r.Correction, r.Remark}, cols))
		}
		if len(s.Rows) == 0 {
			for _, b := range s.Bullets {
				gs.add(rowItem([]string{b.Markdown()}, cols))
			}
		}
		if len(gs.items) == 0 && s.Notice != "" {
			gs.add(rowItem([]string{s.Notice}, cols))
		}
	case insight.KindParagraph:
		for _, b := range s.Bullets {
			gs.add(paragraphItem(b.Markdown()))
		}
		if len(gs.items) == 0 && s.Notice != "" {
			gs.add(paragraphItem(s.Notice))
		}
	default:
		for _, b := range s.Bullets {
			gs.add(bulletItem(b.Markdown()))
		}
		if len(s.Bullets) == 0 {
			for _, r := range s.Rows {
				gs.add(bulletItem(rowAsText(r)))
			}
		}
		if len(gs.items) == 0 && s.Notice != "" {
			gs.add(bulletItem(s.Notice))
		}
	}
	return gs
}

func (gs *genSection) add(it *item) {
	if it != nil {
		gs.items = append(gs.items, *it)
	}
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}

func rowAsText(r insight.Row) string {
	s := strings.TrimSpace(r.Written)
	if c := strings.TrimSpace(r.Correction); c != "" {
		if s != "" {
			s += " → "
		}
		s += c
	}
	if rm := strings.TrimSpace(r.Remark); rm != "" {
		s += " (" + rm + ")"
	}
	return s
}

// singleLine flattens generated text to one line and defuses comment
// delimiters so generated text can never open or close an HTML comment.
func singleLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "<!--", "&lt;!--")
	return strings.ReplaceAll(s, "-->", "--&gt;")
}

func bulletItem(md string) *item {
	s := singleLine(md)
	if s == "" {
		return nil
	}
	line := "- " + s
	if isRule(line) {
		line = `- \` + s
	}
	it := newItem(iBullet, []string{line}, false)
	return &it
}

func paragraphItem(md string) *item {
	s := escapeLineStart(singleLine(md))
	if s == "" {
		return nil
	}
	it := newItem(iText, []string{s}, false)
	return &it
}

// escapeLineStart backslash-escapes a paragraph line that would otherwise
// read as a list item, heading, quote, table, fence, comment or rule.
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	if m := digitDotRe.FindStringSubmatchIndex(s); m != nil {
		return s[:m[3]] + `\` + s[m[4]:]
	}
	if strings.ContainsRune("#>|<-*+_=~`", rune(s[0])) {
		return `\` + s
	}
	return s
}

var escapedStart = regexp.MustCompile("^(\\d{1,9})?\\\\([.)#>|<\\-*+_=~`])")

// UnescapeLineStart undoes the backslash Render puts before a paragraph
// line's first character when it would read as markdown structure ("\#",
// "1\.", "\-"), for showing the line as text.
func UnescapeLineStart(s string) string {
	if m := escapedStart.FindStringSubmatchIndex(s); m != nil {
		return s[:m[4]-1] + s[m[4]:]
	}
	return s
}

func rowItem(cells []string, cols int) *item {
	if cols < len(cells) {
		cols = len(cells)
	}
	empty := true
	out := make([]string, cols)
	for i := range out {
		if i < len(cells) {
			out[i] = strings.ReplaceAll(singleLine(strings.ReplaceAll(cells[i], `\|`, "|")), "|", `\|`)
		}
		if out[i] != "" {
			empty = false
		}
	}
	if empty {
		return nil
	}
	if sepCellRe.MatchString(out[0]) {
		out[0] = `\` + out[0]
	}
	line := "| " + strings.Join(out, " | ") + " |"
	it := newItem(iRow, []string{trimRight(line)}, false)
	return &it
}

// textItems reads template text (intro) into items.
func textItems(s string) []item {
	var units []unit
	for _, u := range scanUnits(splitLines(s)) {
		if u.kind == uHeading || u.kind == uRule {
			// Template text cannot hold structure; keep it as text.
			u = unit{kind: uText, lines: []string{escapeLineStart(strings.TrimSpace(u.lines[0]))}}
		}
		units = append(units, u)
	}
	return splitItems(units)
}

// writer assembles the output lines.
type writer struct{ lines []string }

func (w *writer) blank() {
	if len(w.lines) > 0 && w.lines[len(w.lines)-1] != "" {
		w.lines = append(w.lines, "")
	}
}

func (w *writer) add(ls ...string) { w.lines = append(w.lines, ls...) }

func (w *writer) items(items []item) {
	for i, it := range items {
		if i > 0 && it.gap {
			w.add("")
		}
		w.add(it.lines...)
	}
}

func (w *writer) String() string {
	for len(w.lines) > 0 && w.lines[len(w.lines)-1] == "" {
		w.lines = w.lines[:len(w.lines)-1]
	}
	return strings.Join(w.lines, "\n") + "\n"
}

// serialize writes a merged document of kind k and its state.
func serialize(d *tree, st *State, k *docKind) string {
	var w writer
	if d.hasTitle {
		w.add("# " + d.title)
	}
	if len(d.intro) > 0 {
		w.blank()
		w.items(d.intro)
	}
	if len(d.blocks) > 0 || len(d.introTrailer) > 0 {
		w.blank()
		w.add("---")
	}
	if len(d.introTrailer) > 0 {
		w.blank()
		w.items(d.introTrailer)
	}
	for i, b := range d.blocks {
		if !b.implicit {
			w.blank()
			marks := "##"
			if b.level == 1 {
				marks = "#"
			}
			if b.heading == "" {
				w.add(marks)
			} else {
				w.add(marks + " " + b.heading)
			}
		}
		if len(b.pre) > 0 {
			w.blank()
			w.items(b.pre)
		}
		for _, s := range b.sections {
			w.blank()
			writeSection(&w, s)
		}
		if k.rules && i < len(d.blocks)-1 || len(b.trailer) > 0 {
			w.blank()
			w.add("---")
		}
		if len(b.trailer) > 0 {
			w.blank()
			w.items(b.trailer)
		}
	}
	if st != nil {
		w.blank()
		w.add(st.line())
	}
	return w.String()
}

func writeSection(w *writer, s *section) {
	if s.heading == "" {
		w.add("###")
	} else {
		w.add("### " + s.heading)
	}
	w.add(s.hint...)
	if s.kind == insight.KindOutline {
		w.blank()
	}
	if s.kind == "" {
		w.items(s.items)
		return
	}
	var content []item
	for _, it := range s.items {
		if it.kind != iPlaceholder {
			content = append(content, it)
		}
	}
	switch s.kind {
	case insight.KindTable:
		at := -1
		for i, it := range content {
			if it.kind == iRow || it.kind == iHeader {
				at = i
				break
			}
		}
		if at < 0 {
			w.items(content)
			if len(content) > 0 {
				w.blank()
			}
			w.add(s.header...)
			w.add(emptyRow(s.header))
			return
		}
		w.items(content[:at])
		if at > 0 {
			w.blank()
		}
		w.add(s.header...)
		rest := append([]item(nil), content[at:]...)
		rest[0].gap = false
		w.items(rest)
	default:
		w.items(content)
		if len(content) == 0 && s.kind == insight.KindBullets {
			w.add("-")
		}
	}
}

func emptyRow(header []string) string {
	n := len(tableCells(firstOr(header, "| | | |")))
	return "|" + strings.Repeat("  |", n)
}
