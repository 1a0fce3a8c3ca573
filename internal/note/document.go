package note

// Style is the way a note is written, detected from its content.
type Style string

// Note styles.
const (
	StyleMarkdown Style = "markdown"
	StyleHTML     Style = "html"      // blog (Tistory) HTML pasted into .md
	StyleNotion   Style = "notion"    // Notion export: <aside> call-outs, 날짜:/담당자: properties
	StyleLinkOnly Style = "link-only" // nothing but a link to a post elsewhere
	StyleEmpty    Style = "empty"
)

// Kind is the kind of a block.
type Kind string

// Block kinds.
const (
	KindHeading   Kind = "heading"
	KindParagraph Kind = "paragraph"
	KindListItem  Kind = "item"
	KindCallout   Kind = "callout" // Notion <aside>, GitHub "> [!NOTE]"
	KindQuote     Kind = "quote"
	KindTable     Kind = "table" // one block per table row
	KindCode      Kind = "code"  // code blocks: kept as blocks, never as sentences
)

// Block is one structural unit of a note, as plain text.
type Block struct {
	Kind Kind `json:"kind"`
	// Level is the heading level (1-6) for headings and the nesting depth
	// (0 = top level) for list items and quotes; a paragraph inside a list
	// item (after its nested list) stands at the depth of that list.
	Level int `json:"level,omitempty"`
	// Text is the block's plain text: no markdown syntax, no HTML tags, no
	// entities, no image references or link URLs (link text is kept).
	Text string `json:"text"`
	// Line and EndLine are 1-based line numbers in the file.
	Line    int `json:"line"`
	EndLine int `json:"end_line"`
	// Emphasis lists the bold/strong (and highlighted) spans of the block.
	Emphasis []string `json:"emphasis,omitempty"`
	// Path is the text of the enclosing headings, outermost first.
	Path []string `json:"path,omitempty"`
	// Caption marks an italic paragraph right under an image: the
	// figure's caption or the writer's remark on it, read beside the text.
	Caption bool `json:"caption,omitempty"`
	// Struck marks a block whose whole text is struck through (~~…~~):
	// the writer crossed it out, a retraction or a joke, never a point.
	Struck bool `json:"struck,omitempty"`
	// Task is TaskOpen or TaskDone for an item of a task list ("- [ ] …",
	// "- [x] …"), "" for any other block.
	Task string `json:"task,omitempty"`
	// File is the file the block comes from when the document joins
	// several files (see Merge); "" means Document.Path.
	File string `json:"file,omitempty"`
}

// The states of a task list item (Block.Task).
const (
	TaskOpen = "open" // "- [ ] …": still to do
	TaskDone = "done" // "- [x] …": ticked off
)

// Sentence is one sentence of a non-code block.
type Sentence struct {
	// ID is the index of the sentence in Document.Sentences.
	ID int `json:"id"`
	// Block is the index of the block in Document.Blocks.
	Block int    `json:"block"`
	Kind  Kind   `json:"kind"`
	Text  string `json:"text"`
	// Line is the 1-based line of the file where the sentence starts.
	Line int `json:"line"`
	// Emphasis lists the emphasised spans that fall inside this sentence.
	Emphasis []string `json:"emphasis,omitempty"`
	// Path is the text of the enclosing headings, outermost first.
	Path []string `json:"path,omitempty"`
	// File is the file the sentence comes from when the document joins
	// several files (see Merge); "" means Document.Path.
	File string `json:"file,omitempty"`
	// Cell marks a sentence of one cell of a table row, led by the row's
	// first cell as its label, in a note written as tables (see
	// tableNote); the row itself is no sentence then.
	Cell bool `json:"cell,omitempty"`
}

// Stats counts the things that describe how a note is written.
type Stats struct {
	Bytes    int `json:"bytes"`
	Lines    int `json:"lines"`
	Headings int `json:"headings"`
	Images   int `json:"images"`
	Links    int `json:"links"`
	Code     int `json:"code"`     // code blocks
	Formulas int `json:"formulas"` // $...$ / $$...$$ spans
	Tables   int `json:"tables"`
	Callouts int `json:"callouts"`
	HTML     int `json:"html"` // raw HTML blocks or inline tags
}

// Document is a parsed note.
type Document struct {
	// Path is the note's path as given to Parse (relative to the repository).
	Path      string     `json:"path"`
	Style     Style      `json:"style"`
	Title     string     `json:"title,omitempty"`
	Blocks    []Block    `json:"blocks"`
	Sentences []Sentence `json:"sentences"`
	// Links are the URLs the note links to (kept out of sentences).
	Links []string `json:"links,omitempty"`
	Stats Stats    `json:"stats"`
}

// FileOf returns the file a sentence of the document comes from.
func (d *Document) FileOf(s Sentence) string {
	if s.File != "" {
		return s.File
	}
	return d.Path
}

// BlockFile returns the file a block of the document comes from.
func (d *Document) BlockFile(b Block) string {
	if b.File != "" {
		return b.File
	}
	return d.Path
}

// Merge joins one member's files of a week (a main note and additional
// ones) into one document, in order: the first file's path, title and
// style, every file's blocks and sentences (renumbered, each keeping its
// file and line), links and counts. One document is returned unchanged.
func Merge(docs ...*Document) *Document {
	switch len(docs) {
	case 0:
		return nil
	case 1:
		return docs[0]
	}
	out := &Document{Path: docs[0].Path, Style: docs[0].Style, Title: docs[0].Title}
	for _, d := range docs {
		if out.Style == StyleEmpty || out.Style == StyleLinkOnly && d.Style != StyleEmpty {
			out.Style = d.Style
		}
		if out.Title == "" {
			out.Title = d.Title
		}
		offset := len(out.Blocks)
		for _, b := range d.Blocks {
			b.File = d.BlockFile(b)
			out.Blocks = append(out.Blocks, b)
		}
		for _, s := range d.Sentences {
			s.File = d.FileOf(s)
			s.ID = len(out.Sentences)
			s.Block += offset
			out.Sentences = append(out.Sentences, s)
		}
		out.Links = append(out.Links, d.Links...)
		st := &out.Stats
		st.Bytes += d.Stats.Bytes
		st.Lines += d.Stats.Lines
		st.Headings += d.Stats.Headings
		st.Images += d.Stats.Images
		st.Links += d.Stats.Links
		st.Code += d.Stats.Code
		st.Formulas += d.Stats.Formulas
		st.Tables += d.Stats.Tables
		st.Callouts += d.Stats.Callouts
		st.HTML += d.Stats.HTML
	}
	return out
}
