package note

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	xhtml "golang.org/x/net/html"
)

// htmlState follows raw HTML across the HTML blocks of a note: blog exports
// open a <ul> in one block and close it after a blank line, and Notion
// call-outs put markdown between an <aside> line and an </aside> line.
// It is a streaming tokenizer walk, so unclosed or absurdly nested tags
// cost nothing more than counters.
type htmlState struct {
	list, li, quote, aside, skip, heading, table int
	row                                          bool // inside <tr>
	ctxQuote                                     int  // quote depth of the markdown around the block
	ctxCallout                                   bool

	cur      *inlineBuf
	curKind  Kind
	curLevel int
	curRange srcRange

	pre      bool
	preBuf   []byte
	preRange srcRange
}

// htmlBlock feeds a markdown HTML block to the HTML state.
func (p *parser) htmlBlock(n *ast.HTMLBlock, f frame) {
	p.doc.Stats.HTML++
	lines := n.Lines()
	var buf []byte
	var offs []segOff
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		offs = append(offs, segOff{len(buf), seg.Start})
		buf = append(buf, seg.Value(p.src)...)
	}
	if n.HasClosure() {
		offs = append(offs, segOff{len(buf), n.ClosureLine.Start})
		buf = append(buf, n.ClosureLine.Value(p.src)...)
	}
	if len(buf) == 0 {
		return
	}
	h := &p.html
	h.ctxQuote, h.ctxCallout = f.quote, f.callout
	p.inHTML = true
	p.feedHTML(buf, func(i int) int {
		k := sort.Search(len(offs), func(k int) bool { return offs[k].buf > i }) - 1
		k = max(k, 0)
		return offs[k].src + i - offs[k].buf
	})
	p.flushHTML()
	if h.pre {
		p.flushPre()
	}
	h.row = false
	p.inHTML = false
}

type segOff struct{ buf, src int }

// blockTags end the current text block when they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true,
	"footer": true, "main": true, "nav": true, "figure": true, "figcaption": true,
	"dl": true, "dt": true, "dd": true, "details": true, "summary": true,
	"center": true, "hr": true, "caption": true, "body": true, "html": true,
	"form": true, "fieldset": true, "address": true, "hgroup": true,
}

// skipTags hold no note text.
var skipTags = map[string]bool{
	"script": true, "style": true, "head": true, "title": true, "svg": true,
	"noscript": true, "template": true, "textarea": true, "iframe": true,
	"object": true, "video": true, "audio": true, "canvas": true,
}

// feedHTML tokenizes buf; toSrc maps a byte offset of buf to the source.
func (p *parser) feedHTML(buf []byte, toSrc func(int) int) {
	h := &p.html
	z := xhtml.NewTokenizer(bytes.NewReader(buf))
	off := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		raw := z.Raw()
		start, end := off, off+len(raw)
		off = end
		rawLead := len(raw) - len(bytes.TrimLeft(raw, " \t\n"))
		rawTrail := len(raw) - len(bytes.TrimRight(raw, " \t\n"))
		switch tt {
		case xhtml.TextToken:
			if h.skip > 0 {
				continue
			}
			t := z.Text()
			if h.pre {
				if len(h.preBuf) == 0 {
					h.preRange.start = toSrc(start)
				}
				h.preBuf = append(h.preBuf, t...)
				h.preRange.end = toSrc(max(end-1, start)) + 1
				continue
			}
			if h.cur == nil {
				if len(bytes.TrimSpace(bytes.ReplaceAll(t, []byte("\u00a0"), nil))) == 0 {
					continue
				}
				p.openHTML(toSrc(start + rawLead))
			}
			p.mdLite(h.cur, t)
			if end-rawTrail > start {
				h.curRange.end = toSrc(end-rawTrail-1) + 1
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			name, hasAttr := z.TagName()
			var href string
			if hasAttr && string(name) == "a" && tt != xhtml.EndTagToken {
				for {
					k, v, more := z.TagAttr()
					if string(k) == "href" {
						href = string(v)
					}
					if !more {
						break
					}
				}
			}
			p.htmlTag(string(name), tt, href, toSrc(start), toSrc(max(end-1, start))+1)
		}
	}
}

// htmlTag updates the state for one tag.
func (p *parser) htmlTag(name string, tt xhtml.TokenType, href string, start, end int) {
	h := &p.html
	open := tt == xhtml.StartTagToken
	closing := tt == xhtml.EndTagToken
	step := func(v *int) {
		if open {
			*v++
		} else if closing && *v > 0 {
			*v--
		}
	}
	if skipTags[name] {
		if tt != xhtml.SelfClosingTagToken {
			step(&h.skip)
		}
		return
	}
	if h.skip > 0 {
		return
	}
	switch name {
	case "p", "div", "br", "span", "li", "h1", "h2", "h3", "h4", "h5", "h6":
		if !closing {
			p.tags++
		}
	}
	switch name {
	case "li":
		p.flushHTML()
		step(&h.li)
	case "ul", "ol", "menu":
		p.flushHTML()
		step(&h.list)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		p.flushHTML()
		if open {
			h.heading = int(name[1] - '0')
		} else if closing {
			h.heading = 0
		}
	case "blockquote":
		p.flushHTML()
		step(&h.quote)
	case "aside":
		p.flushHTML()
		if open {
			p.doc.Stats.Callouts++
			p.asides++
		}
		step(&h.aside)
	case "pre":
		p.flushHTML()
		if open {
			h.pre = true
		} else if closing {
			p.flushPre()
		}
	case "table":
		p.flushHTML()
		if open {
			p.doc.Stats.Tables++
		}
		step(&h.table)
		h.row = false
	case "tr":
		p.flushHTML()
		h.row = open
	case "td", "th":
		if open && h.row {
			if h.cur == nil {
				p.openHTML(start)
			} else {
				h.cur.b = append(h.cur.b, cellSep)
			}
		}
	case "br":
		if h.pre {
			h.preBuf = append(h.preBuf, '\n')
		} else if h.cur != nil {
			h.cur.b = append(h.cur.b, '\n')
		}
	case "img":
		p.doc.Stats.Images++
	case "a":
		if href != "" {
			p.addLink(href)
		}
		if h.cur != nil {
			if open {
				h.cur.linkAt = len(h.cur.b) + 1
			} else if closing && h.cur.linkAt > 0 {
				p.linkText += proseRunes(h.cur.b[h.cur.linkAt-1:])
				h.cur.linkAt = 0
			}
		}
	case "b", "strong", "mark":
		if open {
			if h.cur == nil {
				p.openHTML(start)
			}
			if len(h.cur.open) < maxDepth {
				h.cur.open = append(h.cur.open, len(h.cur.b))
			}
		} else if closing && h.cur != nil && len(h.cur.open) > 0 {
			s := h.cur.open[len(h.cur.open)-1]
			h.cur.open = h.cur.open[:len(h.cur.open)-1]
			if len(h.cur.spans) < maxSpans {
				h.cur.spans = append(h.cur.spans, [2]int{s, len(h.cur.b)})
			}
		}
	default:
		if blockTags[name] {
			p.flushHTML()
		}
	}
	if h.cur != nil {
		h.curRange.end = max(h.curRange.end, end)
	}
}

// openHTML starts a text block at source offset off, its kind given by the
// open elements.
func (p *parser) openHTML(off int) {
	h := &p.html
	h.cur = &inlineBuf{}
	h.curRange = srcRange{off, off + 1}
	h.curKind, h.curLevel = KindParagraph, 0
	switch {
	case h.heading > 0:
		h.curKind, h.curLevel = KindHeading, h.heading
	case h.row:
		h.curKind = KindTable
	case h.aside > 0 || h.ctxCallout:
		h.curKind = KindCallout
	case h.li > 0:
		h.curKind, h.curLevel = KindListItem, min(max(h.list-1, 0), maxDepth)
	case h.quote > 0 || h.ctxQuote > 0:
		h.curKind, h.curLevel = KindQuote, min(max(h.quote+h.ctxQuote-1, 0), maxDepth)
	}
}

// flushHTML emits the current HTML text block.
func (p *parser) flushHTML() {
	h := &p.html
	if h.cur == nil {
		return
	}
	cur := h.cur
	h.cur = nil
	p.emit(h.curKind, h.curLevel, cur, h.curRange)
}

// flushPre emits the code of a <pre> element.
func (p *parser) flushPre() {
	h := &p.html
	h.pre = false
	code := strings.Trim(strings.ToValidUTF8(string(h.preBuf), ""), "\n")
	h.preBuf = h.preBuf[:0]
	p.doc.Stats.Code++
	if strings.TrimSpace(code) != "" {
		p.add(Block{Kind: KindCode, Text: code}, h.preRange)
	}
}

// inlineHTML handles raw HTML inside a markdown paragraph: <b>, <strong>
// and <mark> are emphasis, <br> a line break, <img> an image, <a href> a
// link; other tags are dropped.
func (p *parser) inlineHTML(n *ast.RawHTML, ib *inlineBuf) {
	var buf []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		buf = append(buf, seg.Value(p.src)...)
	}
	if n.Segments.Len() > 0 && namedAsTag(buf, p.src[n.Segments.At(n.Segments.Len()-1).Stop:]) {
		// "DOM 상단에 <style> 태그를 추가한다": the writer names the tag
		// in prose; it is the sentence's word, kept like an inline code
		// span, not markup to drop.
		start := len(ib.b)
		ib.b = append(ib.b, buf...)
		ib.code = append(ib.code, [2]int{start, len(ib.b)})
		return
	}
	if title, ok := angleTitle(buf); ok {
		if CodeAngle(title) {
			// "<T>", "<T extends string>", "<entry>": a type parameter
			// or an element name the writer did not put in backticks:
			// kept as written, like an inline code span.
			start := len(ib.b)
			ib.b = append(ib.b, "<"+title+">"...)
			ib.code = append(ib.code, [2]int{start, len(ib.b)})
			return
		}
		// "<Attention Is All You Need>": a title in angle brackets that
		// markdown reads as a tag; keep it, in the brackets Korean
		// writing uses for titles.
		ib.b = append(ib.b, "《"+title+"》"...)
		return
	}
	p.doc.Stats.HTML++
	z := xhtml.NewTokenizer(bytes.NewReader(buf))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		if tt != xhtml.StartTagToken && tt != xhtml.EndTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		open := tt != xhtml.EndTagToken
		switch string(name) {
		case "br":
			ib.b = append(ib.b, '\n')
		case "img":
			p.doc.Stats.Images++
		case "a":
			if open && hasAttr {
				for {
					k, v, more := z.TagAttr()
					if string(k) == "href" {
						p.addLink(string(v))
					}
					if !more {
						break
					}
				}
				ib.linkAt = len(ib.b) + 1
			} else if !open && ib.linkAt > 0 {
				p.linkText += proseRunes(ib.b[ib.linkAt-1:])
				ib.linkAt = 0
			}
		case "b", "strong", "mark":
			if tt == xhtml.StartTagToken && len(ib.open) < maxDepth {
				ib.open = append(ib.open, len(ib.b))
			} else if !open && len(ib.open) > 0 {
				s := ib.open[len(ib.open)-1]
				ib.open = ib.open[:len(ib.open)-1]
				if len(ib.spans) < maxSpans {
					ib.spans = append(ib.spans, [2]int{s, len(ib.b)})
				}
			}
		}
	}
}

// reMDLite matches the markdown most often found inside HTML blocks (a
// Notion <aside> written without blank lines): images, links and bold.
var reMDLite = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\n]*\)|\[([^\]\n]*)\]\(([^)\s]*)[^)\n]*\)|\*\*([^*\n]+)\*\*|(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+`)

// mdLite appends HTML text to ib, resolving the simple markdown that
// sometimes sits inside HTML blocks.
func (p *parser) mdLite(ib *inlineBuf, t []byte) {
	if !bytes.Contains(t, []byte("](")) && !bytes.Contains(t, []byte("**")) && !hasListLine(t) {
		ib.b = append(ib.b, t...)
		return
	}
	prev := 0
	for _, m := range reMDLite.FindAllSubmatchIndex(t, -1) {
		ib.b = append(ib.b, t[prev:m[0]]...)
		prev = m[1]
		switch {
		case t[m[0]] == '!':
			p.doc.Stats.Images++
		case m[2] >= 0: // link
			p.addLink(string(t[m[4]:m[5]]))
			ib.b = append(ib.b, t[m[2]:m[3]]...)
			p.linkText += proseRunes(t[m[2]:m[3]])
		case m[6] >= 0: // bold
			s := len(ib.b)
			ib.b = append(ib.b, t[m[6]:m[7]]...)
			if len(ib.spans) < maxSpans {
				ib.spans = append(ib.spans, [2]int{s, len(ib.b)})
			}
		}
	}
	ib.b = append(ib.b, t[prev:]...)
}

// hasListLine reports whether a line of t after the first starts like a
// markdown list item.
func hasListLine(t []byte) bool {
	for {
		i := bytes.IndexByte(t, '\n')
		if i < 0 {
			return false
		}
		t = bytes.TrimLeft(t[i+1:], " \t")
		if len(t) > 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+' || (t[0] >= '0' && t[0] <= '9')) {
			return true
		}
	}
}

// reAngle matches an opening tag-like span: a name, then words.
var reAngle = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9]*)((?:\s[^<>]*)?)>$`)

// reCodeAngle matches what angle brackets hold when they are code, not a
// title: one identifier ("T", "entry", "Card"), type arguments ("K, V"),
// or a type parameter with its bound ("T extends string").
var reCodeAngle = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_.]*)*(?:\s+extends\s+[A-Za-z0-9_.|\[\]'" ]+)?$`)

// CodeAngle reports whether text in angle brackets is code (see
// reCodeAngle) rather than a title: the cleaning of sentences keeps it as
// code too.
func CodeAngle(s string) bool { return reCodeAngle.MatchString(s) }

// reBareTag is an opening, closing or self-closing tag with no
// attributes: "<style>", "</div>", "<br/>".
var reBareTag = regexp.MustCompile(`^</?[A-Za-z][A-Za-z0-9]*\s*/?>$`)

// tagWords are the words prose names a tag by.
var tagWords = []string{"태그", "요소", "엘리먼트", "tag", "element"}

// namedAsTag reports whether raw inline HTML is a bare tag that the text
// right after it calls a tag ("<style> 태그", "<div> 요소"): a name in
// the sentence, not markup.
func namedAsTag(raw, after []byte) bool {
	if !reBareTag.Match(bytes.TrimSpace(raw)) {
		return false
	}
	rest := strings.ToLower(strings.TrimLeft(string(after[:min(len(after), 40)]), " "))
	for _, w := range tagWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// angleTitle reports whether raw inline HTML is really text in angle
// brackets: the "tag" is no HTML element, or its "attributes" are plain
// words rather than name=value pairs. It returns the text inside.
func angleTitle(raw []byte) (string, bool) {
	m := reAngle.FindSubmatch(raw)
	if m == nil {
		return "", false
	}
	rest := strings.TrimSpace(strings.TrimSuffix(string(m[2]), "/"))
	if htmlElement[strings.ToLower(string(m[1]))] && (rest == "" || strings.Contains(rest, "=")) {
		return "", false
	}
	return strings.TrimSpace(string(raw[1 : len(raw)-1])), true
}

// htmlElement are the element names notes carry (blog HTML, Notion
// exports, GitHub markdown).
var htmlElement = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`a abbr aside b blockquote br caption center code col colgroup dd del details div dl dt em
		figcaption figure font h1 h2 h3 h4 h5 h6 hr i iframe img input ins kbd li mark ol p pre s samp section small span strike
		strong sub summary sup table tbody td tfoot th thead tr tt u ul video audio source picture svg path g nav header footer main
		article label button form select option textarea script style link meta head body html title`) {
		m[e] = true
	}
	return m
}()
