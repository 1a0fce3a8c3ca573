package doc

import "strings"

// Outline is a document read the way Compose reads it, for showing it: its
// H2 blocks, their H3 sections and the items in them, each item with the
// hash the moim state records for it (see State). Hint comments, table
// headers and "-" placeholders are left out; everything else a person
// wrote is there, in document order.
type Outline struct {
	// Title is the "# " title line's text, "" when there is none.
	Title string
	// Blocks are the H2 blocks (member blocks, the group block, a
	// person's own blocks) in document order. Sections before the first
	// H2 heading form a block without heading.
	Blocks []OutlineBlock
}

// OutlineBlock is one H2 block of a document (or H1 block: a chapter of
// a summary).
type OutlineBlock struct {
	// Heading is the H2 heading text ("박지민 (Park Ji-Min)"), "" for the
	// sections before the first H2 heading.
	Heading string
	// Level is the heading's level: 2, or 1 for a summary's chapter.
	Level int
	// Group is set for the group discussion block ("통합 토론 주제").
	Group bool
	// Name is the state key prefix of the block: "group" for the group
	// block, else the member name part of the heading ("박지민").
	Name string
	// Intro holds the items between the heading and the first section,
	// then those after the block's thematic break.
	Intro []OutlineItem
	// IntroKey is the state key of the intro items ("박지민/intro").
	IntroKey string
	// Sections are the block's H3 sections in document order.
	Sections []OutlineSection
}

// OutlineSection is one H3 section of a document.
type OutlineSection struct {
	// Heading is the H3 heading text as written.
	Heading string
	// Key is the section's canonical key (insight.Key*), "" when moim does
	// not know the heading.
	Key string
	// StateKey names the section in the state's gen and sup maps:
	// "박지민/insights", "group/common", "박지민/<heading>" when Key is "".
	StateKey string
	// Items are the section's items in document order.
	Items []OutlineItem
}

// Kinds of OutlineItem.
const (
	ItemBullet = "bullet" // a list item with its indented continuation lines
	ItemRow    = "row"    // a table row
	ItemText   = "text"   // a paragraph line (or a heading or rule deeper than H3)
	ItemCode   = "code"   // a fenced code block
)

// OutlineItem is one item of a document.
type OutlineItem struct {
	// Kind is ItemBullet, ItemRow, ItemText or ItemCode.
	Kind string
	// Lines are the item's lines as written.
	Lines []string
	// Text is the normalised text: trimmed lines joined by a space, the
	// list marker removed, white space collapsed, NFC.
	Text string
	// Plain is Text with the list markers of nested lines removed too: a
	// bullet's words without its list structure.
	Plain string
	// Gap is set when a blank line, or an item the outline leaves out (a
	// comment, a placeholder), separates the item from the one before it.
	Gap bool
	// Cells are a table row's cells, trimmed, "\|" read as "|"; nil for
	// other kinds.
	Cells []string
	// Hash is the item's hash as the state records it.
	Hash string
}

// ReadOutline reads a document into its outline. It never fails: any text
// is some outline, and a damaged state comment is simply left out (see
// ReadState for the state).
func ReadOutline(src string) Outline { return readOutline(src, insightsKind) }

// ReadSummaryOutline reads a summary (summary.md) into its outline, as
// ComposeSummary reads it: H1 chapters and H2 sections are the blocks,
// H3 subsections their sections, deeper headings text items. Group and
// Key are not used; Name and StateKey follow the summary's state.
func ReadSummaryOutline(src string) Outline { return readOutline(src, summaryKind) }

func readOutline(src string, k *docKind) Outline {
	d := parseKind(src, k)
	var o Outline
	if d.hasTitle {
		o.Title = d.title
	}
	names := k.blockNames(d.blocks, d.state)
	for i, b := range d.blocks {
		ob := OutlineBlock{Heading: b.heading, Level: b.level, Name: names[i]}
		if k == insightsKind {
			ob.Group = isGroupBlock(b)
		}
		ob.IntroKey = ob.Name + "/intro"
		ob.Intro = outlineItems(append(append([]item(nil), b.pre...), b.trailer...))
		_, stateKeys := k.sectionKeys(ob.Name, b.sections, d.state)
		for j, s := range b.sections {
			sec := OutlineSection{Heading: s.heading, StateKey: stateKeys[j]}
			if k == insightsKind {
				sec.Key = KeyFor(s.heading)
			}
			sec.Items = outlineItems(s.items)
			ob.Sections = append(ob.Sections, sec)
		}
		o.Blocks = append(o.Blocks, ob)
	}
	return o
}

func outlineItems(items []item) []OutlineItem {
	var out []OutlineItem
	left := false // an item was left out since the last one kept
	for _, it := range items {
		oi := OutlineItem{Lines: append([]string(nil), it.lines...), Text: it.norm, Plain: it.norm, Gap: it.gap || left, Hash: it.hash}
		switch it.kind {
		case iBullet:
			oi.Kind = ItemBullet
			oi.Plain = plainItem(it.lines)
		case iRow:
			oi.Kind = ItemRow
			for _, c := range tableCells(it.lines[0]) {
				oi.Cells = append(oi.Cells, strings.ReplaceAll(c, `\|`, "|"))
			}
		case iText:
			oi.Kind = ItemText
		case iCode:
			oi.Kind = ItemCode
		default:
			left = true
			continue // placeholders, table headers, comments
		}
		left = false
		out = append(out, oi)
	}
	return out
}

// BulletHash returns the hash the state records for the bullet item moim
// writes for md, a bullet's markdown text (insight.Bullet.Markdown): the
// hash of its normalised text. It returns "" when md is blank.
func BulletHash(md string) string {
	it := bulletItem(md)
	if it == nil {
		return ""
	}
	return it.hash
}
