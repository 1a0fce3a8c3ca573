package note

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/text"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/yuin/goldmark/extension"
	gparser "github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Parse reads a note's text (as returned by Decode) into a Document: one
// flat list of blocks in document order and the sentences of every
// non-code, non-heading block, each with the line it starts on.
//
// Parse never fails and never panics; its work is linear in the size of
// src. Nesting deeper than 64 levels is flattened, YAML front matter is
// skipped, and path is only recorded in the Document.
func Parse(path string, src string) *Document {
	doc := &Document{Path: path, Blocks: []Block{}, Sentences: []Sentence{}}
	doc.Stats.Bytes = len(src)
	if strings.IndexByte(src, '\r') >= 0 {
		src = strings.ReplaceAll(src, "\r\n", "\n")
		src = strings.ReplaceAll(src, "\r", "\n")
	}
	doc.Stats.Lines = countLines(src)
	if strings.TrimSpace(src) == "" {
		doc.Style = StyleEmpty
		return doc
	}
	p := newParser(doc, sanitize(src))
	if root := p.parseMarkdown(); root != nil {
		p.walk(root)
	} else {
		p.plain()
	}
	p.sentences()
	p.detectStyle(src)
	return doc
}

// newMarkdown returns the goldmark parser: CommonMark plus GFM tables,
// strikethrough and task lists. Bare URLs are handled by clean, not by the
// linkify extension.
func newMarkdown() gparser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
}

// parser holds the state of one Parse call.
type parser struct {
	doc   *Document
	src   []byte // sanitized source; same line structure as the file
	lines []int  // byte offset of the start of each line of src

	ranges   []srcRange // source range of each block, for sentence lines
	heads    []heading  // enclosing headings
	path     []string   // texts of heads (shared by blocks, never mutated)
	links    map[string]bool
	html     htmlState
	inHTML   bool // emitting from an HTML block
	linkText int  // runes of link text (for link-only detection)
	htmlText int  // runes of text that came from HTML blocks
	allText  int  // runes of all non-code text
	tags     int  // structural HTML tags seen (p, li, h*, div, br)
	asides   int  // Notion <aside> call-outs
	// afterImage: the last block node was only an image (a paragraph of
	// images, an HTML <img>); caption: the paragraph being emitted is an
	// italic line right under it (see Block.Caption).
	afterImage, caption bool
}

type srcRange struct{ start, end int }

type heading struct {
	level int
	text  string
}

func newParser(doc *Document, src []byte) *parser {
	p := &parser{doc: doc, src: src, links: map[string]bool{}}
	p.lines = append(p.lines, 0)
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			p.lines = append(p.lines, i+1)
		}
	}
	return p
}

// countLines counts the lines of s; a final line break does not start a
// new line.
func countLines(s string) int {
	if s == "" {
		return 0
	}
	n := strings.Count(s, "\n")
	if !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// lineOf returns the 1-based line holding byte offset off.
func (p *parser) lineOf(off int) int {
	if off <= 0 {
		return 1
	}
	return sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off })
}

// parseMarkdown runs goldmark, returning nil if it panics (it never should,
// but a note must still give a Document).
func (p *parser) parseMarkdown() (root ast.Node) {
	defer func() {
		if recover() != nil {
			root = nil
		}
	}()
	return newMarkdown().Parse(gtext.NewReader(p.src))
}

// plain is the fallback when the markdown parser fails: one paragraph per
// run of non-blank lines.
func (p *parser) plain() {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			ib := &inlineBuf{b: append([]byte(nil), p.src[start:end]...)}
			p.emit(KindParagraph, 0, ib, srcRange{start, end})
		}
		start = -1
	}
	for i, ls := range p.lines {
		end := len(p.src)
		if i+1 < len(p.lines) {
			end = p.lines[i+1]
		}
		if len(bytes.TrimSpace(p.src[ls:end])) == 0 {
			flush(ls)
		} else if start < 0 {
			start = ls
		}
	}
	flush(len(p.src))
}

// frame is a pending block node of the iterative walk with its context.
type frame struct {
	n       ast.Node
	list    int  // enclosing lists
	quote   int  // enclosing block quotes
	callout bool // inside a "> [!NOTE]" call-out
}

// walk visits the block nodes in document order with an explicit stack, so
// that deep nesting cannot exhaust the call stack.
func (p *parser) walk(root ast.Node) {
	stack := p.pushChildren(nil, frame{n: root})
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		imgs, blocks := p.doc.Stats.Images, len(p.doc.Blocks)
		after := p.afterImage
		p.afterImage = false
		switch n := f.n.(type) {
		case *ast.Heading:
			ib := &inlineBuf{}
			p.inline(n, ib, 0)
			p.emit(KindHeading, n.Level, ib, p.linesRange(n))
		case *ast.Paragraph, *ast.TextBlock:
			// A paragraph inside a list item stands at the depth of the
			// item's nested list.
			kind, level := KindParagraph, min(f.list, maxDepth)
			switch {
			case f.callout || p.html.aside > 0:
				kind = KindCallout
			case f.quote > 0:
				kind, level = KindQuote, min(f.quote-1, maxDepth)
			}
			ib := &inlineBuf{}
			p.inline(n, ib, 0)
			p.caption = after && italicOnly(n, p.src)
			p.emit(kind, level, ib, p.linesRange(n))
			p.caption = false
			p.afterImage = p.doc.Stats.Images > imgs && len(p.doc.Blocks) == blocks
		case *ast.List:
			f.list++
			stack = p.pushChildren(stack, f)
		case *ast.ListItem:
			stack = p.listItem(stack, n, f)
		case *ast.Blockquote:
			if isCallout(n, p.src) {
				p.doc.Stats.Callouts++
				f.callout = true
			} else {
				f.quote++
			}
			stack = p.pushChildren(stack, f)
		case *ast.FencedCodeBlock:
			if sub := p.markdownFence(n, f); sub != nil {
				// A box of markdown the writer fenced as such ("```md" around
				// "🧐 짚고 넘어가기 …"): their text, read as markdown.
				stack = p.pushChildren(stack, frame{n: sub, list: f.list, quote: f.quote, callout: f.callout})
				continue
			}
			p.code(n, true)
		case *ast.CodeBlock:
			p.code(n, false)
		case *ast.HTMLBlock:
			p.htmlBlock(n, f)
			p.afterImage = p.doc.Stats.Images > imgs && len(p.doc.Blocks) == blocks
		case *east.Table:
			p.doc.Stats.Tables++
			stack = p.pushChildren(stack, f)
		case *east.TableHeader, *east.TableRow:
			p.tableRow(n)
		case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		default:
			stack = p.pushChildren(stack, f)
		}
	}
}

// italicOnly reports whether a paragraph is one italic span and nothing
// else ("*그림 3: …*"), the way notes caption the image above.
func italicOnly(n ast.Node, src []byte) bool {
	spans := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			if c.Level != 1 {
				return false
			}
			spans++
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return spans == 1
}

// pushChildren pushes f.n's children in reverse, so they pop in order.
func (p *parser) pushChildren(stack []frame, f frame) []frame {
	n := len(stack)
	for c := f.n.FirstChild(); c != nil; c = c.NextSibling() {
		g := f
		g.n = c
		stack = append(stack, g)
	}
	for i, j := n, len(stack)-1; i < j; i, j = i+1, j-1 {
		stack[i], stack[j] = stack[j], stack[i]
	}
	return stack
}

// listItem emits the item's own text (its paragraphs) as one block and
// queues its other children (nested lists, code, quotes).
func (p *parser) listItem(stack []frame, n *ast.ListItem, f frame) []frame {
	ib := &inlineBuf{}
	r := srcRange{-1, -1}
	var rest []ast.Node
	sublist := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if sublist {
				// A paragraph after the item's nested list ("**2)
				// 파인튜닝**" between two sublists) is a block of its
				// own where it stands, not more of the item's line.
				// (One after the item's code or image only, such as a
				// caption, stays with the item's line.)
				rest = append(rest, c)
				continue
			}
			if len(ib.b) > 0 {
				ib.b = append(ib.b, '\n')
			}
			p.inline(c, ib, 0)
			cr := p.linesRange(c)
			if r.start < 0 {
				r = cr
			}
			r.end = max(r.end, cr.end)
		case *ast.List:
			sublist = true
			rest = append(rest, c)
		default:
			rest = append(rest, c)
		}
	}
	if r.start < 0 {
		r = srcRange{max(n.Pos(), 0), max(n.Pos(), 0) + 1}
	}
	p.emit(KindListItem, min(max(f.list-1, 0), maxDepth), ib, r)
	for i := len(rest) - 1; i >= 0; i-- {
		g := f
		g.n = rest[i]
		stack = append(stack, g)
	}
	return stack
}

var reCalloutStart = regexp.MustCompile(`^\[![A-Za-z]+\]`)

// isCallout reports whether a block quote is a GitHub alert ("> [!NOTE]").
func isCallout(n *ast.Blockquote, src []byte) bool {
	para, ok := n.FirstChild().(*ast.Paragraph)
	if !ok || para.Lines().Len() == 0 {
		return false
	}
	seg := para.Lines().At(0)
	return reCalloutStart.Match(seg.Value(src))
}

// linesRange is the source range covered by a block node's lines.
func (p *parser) linesRange(n ast.Node) srcRange {
	lines := n.Lines()
	if lines.Len() == 0 {
		pos := max(n.Pos(), 0)
		return srcRange{pos, pos + 1}
	}
	return srcRange{lines.At(0).Start, lines.At(lines.Len() - 1).Stop}
}

// markdownFence returns the blocks of a fenced block whose info string
// says it holds markdown ("```md", "```markdown") and that stands at the
// top level of the note: study notes use such a fence as a box around their
// own remarks and lists, not for code. The content is parsed at its place
// in the source (everything else blanked, line breaks kept), so its lines
// are the file's. nil for any other fence, for one inside a list or quote
// (its lines carry the container's indentation), and for an empty one.
func (p *parser) markdownFence(n *ast.FencedCodeBlock, f frame) ast.Node {
	if f.list > 0 || f.quote > 0 || f.callout || n.Info == nil || n.Lines().Len() == 0 {
		return nil
	}
	lang := strings.ToLower(strings.TrimSpace(string(n.Language(p.src))))
	if lang != "md" && lang != "markdown" {
		return nil
	}
	start, end := n.Lines().At(0).Start, n.Lines().At(n.Lines().Len()-1).Stop
	if start < 0 || end > len(p.src) || start >= end {
		return nil
	}
	sub := make([]byte, len(p.src))
	for i, c := range p.src {
		if c == '\n' {
			sub[i] = '\n'
		} else {
			sub[i] = ' '
		}
	}
	copy(sub[start:end], p.src[start:end])
	defer func() { _ = recover() }()
	return newMarkdown().Parse(gtext.NewReader(sub))
}

// code emits a fenced or indented code block.
func (p *parser) code(n ast.Node, fenced bool) {
	p.doc.Stats.Code++
	lines := n.Lines()
	var b []byte
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(p.src)...)
	}
	start := n.Pos()
	end := start + 1
	if lines.Len() > 0 {
		if start < 0 || !fenced {
			start = lines.At(0).Start
		}
		end = lines.At(lines.Len() - 1).Stop
	}
	if start < 0 {
		return
	}
	if fenced {
		// Include the closing fence line when there is one.
		next := end
		if lines.Len() == 0 {
			next = bytes.IndexByte(p.src[min(start, len(p.src)):], '\n')
			if next < 0 {
				next = len(p.src)
			} else {
				next += start + 1
			}
		}
		if next < len(p.src) {
			line := p.src[next:]
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line = line[:i]
			}
			if c, k := fenceOf(stripContainers(string(line))); k >= 3 && (c == '`' || c == '~') {
				end = next + len(line)
			}
		}
	}
	code := strings.TrimRight(strings.ToValidUTF8(string(b), ""), "\n")
	if strings.TrimSpace(code) == "" {
		return
	}
	p.add(Block{Kind: KindCode, Text: code}, srcRange{start, end})
}

// tableRow emits one table row, cells joined with " | ".
func (p *parser) tableRow(n ast.Node) {
	ib := &inlineBuf{}
	first := true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !first {
			ib.b = append(ib.b, cellSep)
		}
		first = false
		p.inline(c, ib, 0)
	}
	pos := max(n.Pos(), 0)
	if n.FirstChild() != nil {
		if r := p.linesRange(n.FirstChild()); r.start >= 0 {
			pos = r.start
		}
	}
	p.emit(KindTable, 0, ib, srcRange{pos, pos + 1})
}

// cellSep separates table cells in raw row text until they are cleaned.
const cellSep = '\x1f'

// inlineBuf gathers the raw text of a block from inline nodes.
type inlineBuf struct {
	b      []byte
	spans  [][2]int // strong/highlight spans, byte offsets in b
	struck [][2]int // strikethrough spans, byte offsets in b
	code   [][2]int // inline code spans, kept verbatim
	open   []int    // starts of open <b>/<strong>/<mark> tags
	linkAt int      // 1 + start of an open <a> tag, 0 when none
	task   string   // TaskOpen or TaskDone after a task list's check box
}

// inline gathers the text of n's inline children.
func (p *parser) inline(n ast.Node, ib *inlineBuf, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.inlineNode(c, ib, depth+1)
	}
}

func (p *parser) inlineNode(n ast.Node, ib *inlineBuf, depth int) {
	if depth > maxDepth {
		p.flatText(n, ib)
		return
	}
	switch n := n.(type) {
	case *ast.Text:
		ib.b = appendUnescaped(ib.b, n.Segment.Value(p.src))
		switch {
		case n.HardLineBreak():
			ib.b = append(ib.b, '\n')
		case n.SoftLineBreak():
			ib.b = append(ib.b, softBreak)
		}
	case *ast.String:
		if n.IsCode() {
			ib.b = append(ib.b, n.Value...)
		} else {
			ib.b = appendUnescaped(ib.b, n.Value)
		}
	case *ast.CodeSpan:
		start := len(ib.b)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(p.src)
				for _, ch := range v {
					if ch == '\n' {
						ch = ' '
					}
					ib.b = append(ib.b, ch)
				}
			case *ast.String:
				ib.b = append(ib.b, c.Value...)
			}
		}
		ib.code = append(ib.code, [2]int{start, len(ib.b)})
	case *ast.Emphasis:
		start := len(ib.b)
		p.inline(n, ib, depth)
		if n.Level >= 2 && len(ib.spans) < maxSpans {
			ib.spans = append(ib.spans, [2]int{start, len(ib.b)})
		}
	case *ast.Link:
		p.addLink(string(n.Destination))
		start := len(ib.b)
		p.inline(n, ib, depth)
		p.linkText += proseRunes(ib.b[start:])
	case *ast.AutoLink:
		if n.AutoLinkType == ast.AutoLinkURL {
			p.addLink(string(n.URL(p.src)))
		}
	case *ast.Image:
		p.doc.Stats.Images++
	case *ast.RawHTML:
		p.inlineHTML(n, ib)
	case *east.Strikethrough:
		start := len(ib.b)
		p.inline(n, ib, depth)
		ib.struck = append(ib.struck, [2]int{start, len(ib.b)})
	case *east.TaskCheckBox:
		ib.task = TaskOpen
		if n.IsChecked {
			ib.task = TaskDone
		}
	default:
		p.inline(n, ib, depth)
	}
}

// flatText appends the text of a subtree nested too deep to keep its
// structure, iteratively.
func (p *parser) flatText(n ast.Node, ib *inlineBuf) {
	stack := []ast.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n := n.(type) {
		case *ast.Text:
			ib.b = appendUnescaped(ib.b, n.Segment.Value(p.src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				ib.b = append(ib.b, '\n')
			}
			continue
		case *ast.String:
			ib.b = append(ib.b, n.Value...)
			continue
		case *ast.Image:
			p.doc.Stats.Images++
			continue
		case *ast.Link:
			p.addLink(string(n.Destination))
		}
		var kids []ast.Node
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}

// appendUnescaped appends markdown text with backslash escapes and
// character references resolved.
func appendUnescaped(b, v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		return append(b, html.UnescapeString(string(v))...)
	}
	return append(b, v...)
}

// addLink records a link target.
func (p *parser) addLink(url string) {
	url = strings.TrimSpace(url)
	if url == "" {
		return
	}
	p.doc.Stats.Links++
	if !p.links[url] {
		p.links[url] = true
		p.doc.Links = append(p.doc.Links, url)
	}
}

// emit cleans a block's raw text and appends the block; blocks left
// without text are dropped.
func (p *parser) emit(kind Kind, level int, ib *inlineBuf, r srcRange) {
	joinSoftBreaks(ib.b, kind == KindParagraph || kind == KindListItem || kind == KindQuote || kind == KindCallout)
	raw := string(ib.b)
	struck := allStruck(raw, ib.struck)
	spans := ib.spans
	for _, s := range ib.open { // unclosed <b>: until the end of the block
		if len(spans) < maxSpans {
			spans = append(spans, [2]int{s, len(raw)})
		}
	}
	if cuts, extra := literalStrong(raw, ib.code); len(cuts) > 0 {
		spans = append(spans[:len(spans):len(spans)], extra...)
		raw, spans = applyCuts(raw, cuts, spans)
	}
	for _, u := range bareURLs(raw) {
		p.addLink(u)
	}
	p.doc.Stats.Formulas += countMath(raw)

	var txt string
	if kind == KindTable {
		cells := strings.Split(raw, string(cellSep))
		empty := true
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(clean(c), "\n", " ")
			empty = empty && cells[i] == ""
		}
		if !empty {
			txt = strings.Join(cells, " | ")
		}
	} else {
		txt = clean(raw)
		if kind == KindCallout {
			txt = calloutText(txt)
		}
		if kind == KindHeading {
			txt = strings.ReplaceAll(txt, "\n", " ")
		}
	}
	if txt == "" {
		return
	}
	b := Block{Kind: kind, Level: level, Text: txt, Caption: p.caption, Struck: struck, Task: ib.task}
	if kind != KindHeading {
		sort.SliceStable(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
		seen := map[string]bool{}
		for _, s := range spans {
			if s[0] < 0 || s[1] > len(raw) || s[0] >= s[1] {
				continue
			}
			e := strings.ReplaceAll(clean(strings.ReplaceAll(raw[s[0]:s[1]], string(cellSep), " ")), "\n", " ")
			if e != "" && hasLetterOrDigit(e) && !seen[e] {
				seen[e] = true
				b.Emphasis = append(b.Emphasis, e)
			}
		}
	}
	n := utf8.RuneCountInString(txt)
	p.allText += n
	if p.inHTML {
		p.htmlText += n
	}
	p.add(b, r)
}

// allStruck reports whether every letter and digit of a block's raw text
// lies inside a strikethrough span: the writer crossed the whole line out.
func allStruck(raw string, struck [][2]int) bool {
	if len(struck) == 0 {
		return false
	}
	in := func(i int) bool {
		for _, s := range struck {
			if i >= s[0] && i < s[1] {
				return true
			}
		}
		return false
	}
	letters := false
	for i, r := range raw {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in(i) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// add appends a block with its lines and path, and tracks headings.
func (p *parser) add(b Block, r srcRange) {
	r.start = min(max(r.start, 0), max(len(p.src)-1, 0))
	r.end = max(r.end, r.start+1)
	b.Line = p.lineOf(r.start)
	b.EndLine = max(p.lineOf(r.end-1), b.Line)
	b.Path = p.path
	p.doc.Blocks = append(p.doc.Blocks, b)
	p.ranges = append(p.ranges, r)
	if b.Kind != KindHeading {
		return
	}
	p.doc.Stats.Headings++
	if b.Level == 1 && p.doc.Title == "" {
		p.doc.Title = b.Text
	}
	for len(p.heads) > 0 && p.heads[len(p.heads)-1].level >= b.Level {
		p.heads = p.heads[:len(p.heads)-1]
	}
	p.heads = append(p.heads, heading{b.Level, b.Text})
	path := make([]string, len(p.heads))
	for i, h := range p.heads {
		path[i] = h.text
	}
	p.path = path
}

// proseRunes counts the letters and digits of b.
func proseRunes(b []byte) int {
	n := 0
	for _, r := range string(b) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if r > ' ' && !strings.ContainsRune(`!"#$%&'()*+,-./:;<=>?@[\]^_{|}~`, r) {
			return true
		}
	}
	return false
}

// sentences splits every non-code, non-heading block into sentences and
// finds the line each starts on. The rows of a note written as tables
// (see tableNote) are read cell by cell (see cellSentences).
func (p *parser) sentences() {
	tables := tableNote(p.doc.Blocks)
	for bi := range p.doc.Blocks {
		b := &p.doc.Blocks[bi]
		if b.Kind == KindCode || b.Kind == KindHeading {
			continue
		}
		if tables && b.Kind == KindTable {
			if bi > 0 && p.doc.Blocks[bi-1].Kind == KindTable { // not the header row
				label, cells := rowCells(b.Text)
				path := b.Path
				if label != "" {
					// The row's first cell is what its other cells are
					// about, as a heading is for the lines under it.
					path = append(slices.Clip(b.Path), label)
				}
				for _, s := range cells {
					p.doc.Sentences = append(p.doc.Sentences, Sentence{
						ID: len(p.doc.Sentences), Block: bi, Kind: b.Kind, Text: s,
						Line: b.Line, Emphasis: emphasisIn(s, b.Emphasis), Path: path, Cell: true,
					})
				}
			}
			continue
		}
		r := p.ranges[bi]
		cursor, line := r.start, b.Line
		for _, s := range joinEmphasised(b.Text, text.Sentences(b.Text), b.Emphasis) {
			if !hasLetter(s) {
				continue
			}
			if b.EndLine > b.Line {
				if pos, next := p.find(s, cursor, r.end); pos >= 0 {
					line = min(max(p.lineOf(pos), b.Line), b.EndLine)
					cursor = next
				}
			}
			p.doc.Sentences = append(p.doc.Sentences, Sentence{
				ID: len(p.doc.Sentences), Block: bi, Kind: b.Kind, Text: s,
				Line: line, Emphasis: emphasisIn(s, b.Emphasis), Path: b.Path,
			})
		}
	}
}

// calloutText is a call-out's text without its type marker ("[!note]").
// A title on the marker's line ("> [!question] 궁금한 점") labels the text
// under it ("궁금한 점: …"), as a bold label leads a line.
func calloutText(txt string) string {
	marker := reCalloutMarker.FindString(txt)
	if marker == "" {
		return strings.TrimSpace(txt)
	}
	rest := txt[len(marker):]
	if strings.Contains(marker, "\n") {
		return strings.TrimSpace(rest) // the marker alone on its line: no title
	}
	title, body, ok := strings.Cut(rest, "\n")
	title, body = strings.TrimSpace(title), strings.TrimSpace(body)
	if !ok || body == "" || utf8.RuneCountInString(title) > 20 || strings.ContainsAny(title, ".?!:") {
		return strings.TrimSpace(rest)
	}
	return title + ": " + body
}

// emphasisIn returns the emphasised spans of a block that fall inside its
// sentence s (the whole of s when a span holds it).
func emphasisIn(s string, emphasis []string) []string {
	var emph []string
	for _, e := range emphasis {
		if strings.Contains(s, e) {
			emph = append(emph, e)
		} else if strings.Contains(e, s) {
			emph = append(emph, s)
		}
	}
	return emph
}

// tableNote reports whether a note is written as tables: two or more
// table rows below their header rows, and more than four times as much
// text in its tables as in its prose. Such a note says its points in the cells
// (a concept, what it is, what the writer thinks of it), which are read
// as sentences; a note of prose keeps its tables as the book's figures.
func tableNote(blocks []Block) bool {
	rows, table, prose := 0, 0, 0
	for i, b := range blocks {
		switch b.Kind {
		case KindTable:
			table += utf8.RuneCountInString(b.Text)
			if i > 0 && blocks[i-1].Kind == KindTable {
				rows++
			}
		case KindParagraph, KindListItem, KindQuote, KindCallout:
			prose += utf8.RuneCountInString(b.Text)
		}
	}
	return rows >= 2 && table > 4*prose
}

// rowCells reads a table row ("클러스터드 인덱스 | 행을 키 순서대로 저장한다.
// | …") as the sentences of each cell after the first, with the first
// cell as their label when it names something ("클러스터드 인덱스"); with
// no such label, every cell's sentences and "".
func rowCells(row string) (label string, sentences []string) {
	cells := strings.Split(row, " | ")
	label = strings.TrimSpace(cells[0])
	if utf8.RuneCountInString(label) > 30 || strings.ContainsAny(label, ".?!") || len(cells) == 1 {
		label = ""
	} else {
		cells = cells[1:]
	}
	for _, c := range cells {
		for _, s := range text.Sentences(strings.TrimSpace(c)) {
			if hasLetter(s) {
				sentences = append(sentences, s)
			}
		}
	}
	return label, sentences
}

// joinEmphasised joins the lines of block text t that one emphasis span
// runs over ("**…구현하기 위해" then "협력에 참여하는 … 상호작용**"): the
// writer set them as one sentence, broken only by the line's end.
// Sentences the span holds on one line stay apart.
func joinEmphasised(t string, ss, emphasis []string) []string {
	if len(emphasis) == 0 || len(ss) < 2 {
		return ss
	}
	out := make([]string, 0, len(ss))
	raw := "" // the last sentence as the block has it, line breaks kept
	for _, s := range ss {
		if n := len(out); n > 0 && strings.Contains(t, raw+"\n"+s) && spans(emphasis, out[n-1]+" "+s) {
			out[n-1] += " " + s
			raw += "\n" + s
			continue
		}
		out = append(out, s)
		raw = s
	}
	return out
}

// spans reports whether one of the emphasis spans holds s.
func spans(emphasis []string, s string) bool {
	for _, e := range emphasis {
		if strings.Contains(e, s) {
			return true
		}
	}
	return false
}

// find locates the start of sentence s in the source between from and
// to, searching a window proportional to the sentence. It returns the
// offset where the sentence starts (-1 when not found) and the offset
// where it probably ends, from which the next sentence is searched.
func (p *parser) find(s string, from, to int) (start, next int) {
	to = min(to, from+4*len(s)+512, len(p.src))
	if from >= to {
		return -1, from
	}
	window := p.src[from:to]
	words := strings.Fields(s)
	type key struct {
		text string
		last int // index of the last word the key covers
	}
	var keys []key
	if len(words) >= 2 {
		keys = append(keys, key{trimKey(words[0] + " " + words[1]), 1})
	}
	keys = append(keys, key{trimKey(words[0]), 0})
	if len(words) >= 2 && len(trimKey(words[0])) < 3 {
		keys = append(keys, key{trimKey(words[1]), 1})
	}
	for _, k := range keys {
		if k.text == "" {
			continue
		}
		i := bytes.Index(window, []byte(k.text))
		if i < 0 {
			continue
		}
		start, next = from+i, from+i+len(k.text)
		if last := trimKey(words[len(words)-1]); k.last < len(words)-1 && last != "" {
			if j := bytes.Index(p.src[next:to], []byte(last)); j >= 0 {
				next += j + len(last)
			}
		}
		return start, next
	}
	return -1, from
}

// trimKey strips the markup and punctuation that may differ between a
// sentence and its source from the ends of a search key.
func trimKey(k string) string {
	return strings.Trim(k, "*_`[](){}<>\"'.,!?:;~")
}
