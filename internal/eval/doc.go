// Package eval measures the quality of a generated insights document: it
// compares the document with a reference one (a hand-made ai-insights.md)
// and, when the week's notes are given, checks every bullet against the
// notes it should come from. docs/quality.md explains each number.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// GroupMember is the member name under which the rows of the group block
// ("## 통합 토론 주제") are reported.
const GroupMember = "(통합)"

// Document is an insights document read for evaluation: member blocks and
// the group block, each a list of sections holding items.
type Document struct {
	// Path is the file the document was read from.
	Path string `json:"path"`
	// Members are the member blocks in document order.
	Members []Member `json:"members"`
	// Group are the sections of the group block.
	Group []Section `json:"group,omitempty"`
}

// Member is one member block ("## 이름 (Roman)").
type Member struct {
	// Name is the name part of the heading (NFC): "박지민".
	Name string `json:"name"`
	// Roman is the part in parentheses, if any: "Park Ji-Min".
	Roman    string    `json:"roman,omitempty"`
	Sections []Section `json:"sections"`
}

// Section is one "###" section of a block.
type Section struct {
	// Key is the section's canonical key (doc.KeyFor), or the heading
	// itself, compacted, when moim does not know the heading.
	Key     string `json:"key"`
	Heading string `json:"heading"`
	Items   []Item `json:"items"`
}

// Item is one unit of section content: a top-level list item with its
// continuation and nested lines, a table row, or a paragraph.
type Item struct {
	// Text is the item as written, list marker removed, lines joined by
	// one space.
	Text string `json:"text"`
	// Sources are the note lines the item cites; only documents read from
	// `moim generate --format json` have them.
	Sources []insight.Source `json:"sources,omitempty"`
}

// ReadDocument reads an insights document from path: markdown, or the JSON
// report of `moim generate --format json` (a file starting with "{"). For a
// report holding several weeks, week selects one (0 takes the only one).
// Errors name the file.
func ReadDocument(path string, week int) (*Document, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	src, err := note.Decode(path, raw)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var d *Document
	if strings.HasPrefix(strings.TrimSpace(src), "{") {
		d, err = parseJSON(path, src, week)
		if err != nil {
			return nil, err
		}
	} else {
		d = ParseMarkdown(path, src)
	}
	if len(d.Members) == 0 && len(d.Group) == 0 {
		return nil, fmt.Errorf("eval: %s: not an insights document: no member block (\"## 이름\" with \"### 섹션\" headings) and no group block", path)
	}
	return d, nil
}

var (
	headingRe = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$`)
	markerRe  = regexp.MustCompile(`^(\s*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)`)
	fenceRe   = regexp.MustCompile("^ {0,3}(```|~~~)")
	sepCellRe = regexp.MustCompile(`^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$`)
)

// ParseMarkdown reads an insights document. It never fails: text outside
// member and group sections is ignored, as are HTML comments (template
// hints, moim's state line), "-" placeholders, table headers and empty
// table rows. A "##" heading starts a block; it is the group block when its
// heading names a discussion (통합, 토론, discussion, group) or all its
// known sections are group sections.
func ParseMarkdown(path, src string) *Document {
	d := &Document{Path: path}
	type rawBlock struct {
		heading  string
		sections []Section
	}
	var (
		blocks []*rawBlock
		cur    *rawBlock
		sec    *Section
		item   []string // lines of the item being read
		para   bool     // the open item is a paragraph
		inCode bool
		fence  string
		// headerCandidate is the table row read on the line before, so
		// that a separator row right after it removes it as the header.
		headerCandidate string
		blank           bool // the line before was blank
	)
	flush := func() {
		if sec != nil && len(item) > 0 {
			if t := strings.Join(strings.Fields(strings.Join(item, " ")), " "); t != "" && t != "-" {
				sec.Items = append(sec.Items, Item{Text: t})
			}
		}
		item, para = nil, false
	}
	src = stripComments(strings.ReplaceAll(src, "\r\n", "\n"))
	for _, line := range strings.Split(src, "\n") {
		if inCode {
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				inCode = false
			}
			if sec != nil {
				item = append(item, strings.TrimSpace(line))
			}
			continue
		}
		if m := fenceRe.FindStringSubmatch(line); m != nil {
			inCode, fence = true, m[1]
			if sec != nil && len(item) == 0 {
				para = true
			}
			if sec != nil {
				item = append(item, strings.TrimSpace(line))
			}
			continue
		}
		if m := headingRe.FindStringSubmatch(line); m != nil && len(m[1]) <= 3 {
			flush()
			switch len(m[1]) {
			case 1:
				cur, sec = nil, nil
			case 2:
				cur = &rawBlock{heading: m[2]}
				blocks = append(blocks, cur)
				sec = nil
			case 3:
				if cur == nil {
					cur = &rawBlock{}
					blocks = append(blocks, cur)
				}
				cur.sections = append(cur.sections, Section{Key: sectionKey(m[2]), Heading: m[2]})
				sec = &cur.sections[len(cur.sections)-1]
			}
			continue
		}
		if sec == nil {
			continue
		}
		t := strings.TrimSpace(line)
		prevRow, afterBlank := headerCandidate, blank
		headerCandidate, blank = "", false
		switch {
		case t == "":
			if para {
				flush()
			}
			blank = true
			continue
		case isRule(t):
			flush()
			sec = nil // text after a block's "---" belongs to no section
		case strings.HasPrefix(t, "|"):
			flush()
			if sepCellRe.MatchString(t) {
				// The separator follows the header: drop the header row.
				if n := len(sec.Items); n > 0 && prevRow != "" && sec.Items[n-1].Text == prevRow {
					sec.Items = sec.Items[:n-1]
				}
				continue
			}
			cells := tableCells(t)
			if strings.Join(cells, "") == "" {
				continue
			}
			row := strings.Join(cells, " | ")
			sec.Items = append(sec.Items, Item{Text: row})
			headerCandidate = row
		default:
			m := markerRe.FindStringSubmatchIndex(line)
			if m != nil && (m[3]-m[2] < 2 || len(item) == 0 || para) {
				// A top-level list item (nested ones stay in their parent).
				flush()
				item = []string{strings.TrimSpace(line[m[1]:])}
				continue
			}
			if afterBlank && m == nil && !unicode.IsSpace(rune(line[0])) {
				flush() // a paragraph after a list
			}
			if len(item) == 0 {
				para = true
			}
			if m != nil {
				t = strings.TrimSpace(line[m[1]:])
			}
			item = append(item, t)
		}
	}
	flush()
	for _, b := range blocks {
		if isGroup(b.heading, b.sections) {
			d.Group = append(d.Group, b.sections...)
			continue
		}
		if len(b.sections) == 0 {
			continue
		}
		name, roman := splitMemberHeading(b.heading)
		d.Members = append(d.Members, Member{Name: name, Roman: roman, Sections: b.sections})
	}
	return d
}

// stripComments removes HTML comments, keeping the line structure.
func stripComments(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			return b.String()
		}
		b.WriteString(strings.Repeat("\n", strings.Count(s[i:i+4+j+3], "\n")))
		s = s[i+4+j+3:]
	}
}

func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c && t[i] != ' ' {
			return false
		}
	}
	return strings.Count(t, string(c)) >= 3
}

func tableCells(t string) []string {
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	cells := strings.Split(t, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// sectionKey is the key sections are matched by across documents.
func sectionKey(heading string) string {
	if k := doc.KeyFor(heading); k != "" {
		return k
	}
	return compact(heading)
}

// compact lower-cases s (NFC) and keeps letters and digits only.
func compact(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isGroup(heading string, secs []Section) bool {
	h := compact(heading)
	for _, w := range []string{"통합", "토론", "discussion", "group"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	group, other := 0, 0
	for _, s := range secs {
		switch s.Key {
		case insight.KeyCommon, insight.KeyDebate, insight.KeyNext:
			group++
		case insight.KeySummary, insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical,
			insight.KeyStudy, insight.KeyCorrections:
			other++
		}
	}
	return group > 0 && other == 0
}

// splitMemberHeading splits "박지민 (Park Ji-Min)" into name and roman.
func splitMemberHeading(h string) (name, roman string) {
	h = norm.NFC.String(strings.TrimSpace(h))
	if i := strings.IndexAny(h, "(（"); i > 0 {
		roman = strings.TrimSpace(h[i:])
		roman = strings.TrimSpace(strings.TrimRight(strings.TrimLeft(roman, "(（"), ")）"))
		h = h[:i]
	}
	return strings.TrimSpace(h), roman
}

// parseJSON reads the report of `moim generate --format json`, or one week
// of it.
func parseJSON(path, src string, week int) (*Document, error) {
	var probe struct {
		Weeks   json.RawMessage `json:"weeks"`
		Members json.RawMessage `json:"members"`
	}
	if err := json.Unmarshal([]byte(src), &probe); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	var w *insight.Week
	switch {
	case probe.Weeks != nil:
		var r insight.Report
		if err := json.Unmarshal([]byte(src), &r); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", path, err)
		}
		for i := range r.Weeks {
			if r.Weeks[i].Number == week || week == 0 && len(r.Weeks) == 1 {
				w = &r.Weeks[i]
				break
			}
		}
		if w == nil {
			return nil, fmt.Errorf("eval: %s: the report holds %d week(s) and none is week %d; pass --week", path, len(r.Weeks), week)
		}
	case probe.Members != nil:
		w = &insight.Week{}
		if err := json.Unmarshal([]byte(src), w); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", path, err)
		}
	default:
		return nil, fmt.Errorf("eval: %s: JSON is neither a moim report (\"weeks\") nor a week (\"members\")", path)
	}
	return FromWeek(path, w), nil
}

// FromWeek turns a generated week into a Document: each bullet becomes an
// item (Bullet.Markdown) keeping its sources; table rows become items of
// their cells joined by " | "; a section's notice is not an item.
func FromWeek(path string, w *insight.Week) *Document {
	d := &Document{Path: path}
	for _, m := range w.Members {
		dm := Member{Name: norm.NFC.String(m.Name), Roman: m.Roman}
		for _, s := range m.Sections {
			dm.Sections = append(dm.Sections, fromSection(s))
		}
		d.Members = append(d.Members, dm)
	}
	for _, s := range w.Group {
		d.Group = append(d.Group, fromSection(s))
	}
	return d
}

func fromSection(s insight.Section) Section {
	key := s.Key
	if key == "" {
		key = sectionKey(s.Heading)
	}
	out := Section{Key: key, Heading: s.Heading}
	for _, b := range s.Bullets {
		out.Items = append(out.Items, Item{Text: singleLine(b.Markdown()), Sources: b.Sources})
	}
	for _, r := range s.Rows {
		out.Items = append(out.Items, Item{Text: singleLine(r.Written + " | " + r.Correction + " | " + r.Remark), Sources: r.Sources})
	}
	return out
}

func singleLine(s string) string { return strings.Join(strings.Fields(s), " ") }
