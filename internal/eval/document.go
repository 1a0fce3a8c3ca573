package eval

import (
	"encoding/json"
	"fmt"
	"github.com/moim-study/moim/internal/engine/offline"
	"os"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
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
	src, err := readSource(path)
	if err != nil {
		return nil, err
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

// readSource reads and decodes a document; errors name the file.
func readSource(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	src, err := note.Decode(path, raw)
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	return src, nil
}

// ParseMarkdown reads an insights document through doc.ReadOutline, the
// one reading of the format. It never fails: text outside member and group
// sections is ignored, as are HTML comments (template hints, moim's state
// line), "-" placeholders, table headers and empty table rows. Each "##"
// block with sections is a member block ("## 이름 (Roman)"), or the group
// block as the outline tells it (a heading naming a discussion, or only
// group sections).
func ParseMarkdown(path, src string) *Document {
	d := &Document{Path: path}
	for _, b := range doc.ReadOutline(src).Blocks {
		var secs []Section
		for _, s := range b.Sections {
			secs = append(secs, Section{Key: sectionKey(s.Heading), Heading: s.Heading, Items: items(s.Items)})
		}
		if b.Group {
			d.Group = append(d.Group, secs...)
			continue
		}
		if len(secs) == 0 {
			continue
		}
		name, roman := doc.SplitMemberHeading(b.Heading)
		d.Members = append(d.Members, Member{Name: name, Roman: roman, Sections: secs})
	}
	return d
}

// items turns a section's outline items into the items eval measures: a
// bullet with its nested and continued lines (list markers removed), a
// paragraph (its lines joined), a table row (its cells joined by " | "), a
// code block. A text line or code block right after a bullet or a
// paragraph line, with no blank line between, continues it.
func items(its []doc.OutlineItem) []Item {
	var out []Item
	open := false // the last item can be continued
	for _, it := range its {
		switch {
		case it.Kind == doc.ItemRow:
			out = append(out, Item{Text: strings.Join(it.Cells, " | ")})
			open = false
			continue
		case it.Kind != doc.ItemBullet && open && !it.Gap:
			last := &out[len(out)-1]
			last.Text = strings.TrimSpace(last.Text + " " + it.Plain)
			continue
		}
		out = append(out, Item{Text: it.Plain})
		open = true
	}
	kept := out[:0]
	for _, it := range out {
		if it.Text != "" && it.Text != "-" && !notice[it.Text] {
			kept = append(kept, it)
		}
	}
	return kept
}

// sectionKey is the key sections are matched by across documents.
func sectionKey(heading string) string {
	if k := doc.KeyFor(heading); k != "" {
		return k
	}
	return text.Compact(heading)
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

// notice holds the lines an engine writes in place of content (a section
// the note has nothing for): honest statements, not bullets to measure.
var notice = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range offline.Notices() {
		m[n] = true
	}
	return m
}()
