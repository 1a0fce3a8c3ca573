package web

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"

	"github.com/moim-study/moim/internal/note"
)

// A note is shown rendered: goldmark turns the markdown into HTML, the HTML
// inside the note (blog posts, Notion call-outs) passes through as written,
// and the whole page is then cleaned by bluemonday, so nothing a note holds
// can run. Every line of the file stays addressable: the element a line
// belongs to carries id="L<n>" (or an empty anchor <span class="la"
// id="L<n>"> at its start), so #L<n> links, the cited-line highlight
// (:target) and the context above it work without script. Images come from
// the repository through the site's own URLs; images elsewhere are links,
// never loaded.

// rendered is a file rendered for reading.
type rendered struct {
	HTML template.HTML
	// Text[i] is the text a reader sees on line i+1: no markup, entities
	// decoded, list items marked "•". Source snippets show it.
	Text []string
	// Images are the repository paths of the images the file shows.
	Images []string
}

// renderEnv is what a rendering needs from the site.
type renderEnv struct {
	// image returns the URL of a repository image (path relative to the
	// repository root), false when it cannot be shown.
	image func(rel string) (string, bool)
	// file returns the URL of another file the site shows, false when it
	// shows none at rel.
	file func(rel string) (string, bool)
}

// renderNote renders the decoded text of the file at repository path p.
func renderNote(p, src string, env renderEnv) *rendered {
	if strings.IndexByte(src, '\r') >= 0 {
		src = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(src)
	}
	clean := note.Sanitize(src)
	r := &noteRenderer{path: p, env: env, src: clean, starts: lineStarts(clean)}
	r.text = make([]strings.Builder, len(r.starts))
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(ghtml.WithUnsafe(), renderer.WithNodeRenderers(util.Prioritized(r, 100))),
	)
	doc := md.Parser().Parse(gtext.NewReader(clean))
	r.anchor(doc)
	r.collectText(doc)
	var buf bytes.Buffer
	buf.Grow(len(clean) * 2)
	if err := md.Renderer().Render(&buf, clean, doc); err != nil {
		// Rendering writes to memory and does not fail; show the text
		// rather than nothing if it ever does.
		buf.Reset()
		buf.WriteString("<pre>" + template.HTMLEscapeString(src) + "</pre>")
	}
	out := &rendered{HTML: template.HTML(notePolicy().SanitizeBytes(buf.Bytes()))}
	out.Text = make([]string, len(r.text))
	for i := range r.text {
		out.Text[i] = squash(r.text[i].String())
	}
	for p := range r.images {
		out.Images = append(out.Images, p)
	}
	sort.Strings(out.Images)
	return out
}

// lineStarts returns the byte offset of the start of every line of src.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// noteRenderer renders one file: it knows each block's lines, draws the
// line anchors, and rewrites images and links.
type noteRenderer struct {
	path   string
	env    renderEnv
	src    []byte
	starts []int
	// lines maps a block node to the lines it owns (see anchor).
	lines  map[ast.Node][]int
	text   []strings.Builder
	images map[string]bool
}

// line returns the 1-based line of a byte offset.
func (r *noteRenderer) line(off int) int {
	return sort.Search(len(r.starts), func(i int) bool { return r.starts[i] > off })
}

// anchorable reports whether a block node is drawn as an element that can
// carry a line's id.
func anchorable(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindBlockquote, ast.KindListItem, ast.KindThematicBreak,
		ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, east.KindTableHeader, east.KindTableRow:
		return true
	}
	return false
}

// span returns the first and last line of a node's source, 0, 0 when it
// has none.
func (r *noteRenderer) span(n ast.Node) (int, int) {
	first, last := 0, 0
	add := func(s, e int) {
		if s == 0 {
			return
		}
		if first == 0 || s < first {
			first = s
		}
		if e > last {
			last = e
		}
	}
	if n.Type() == ast.TypeBlock {
		if ls := n.Lines(); ls != nil && ls.Len() > 0 {
			add(r.line(ls.At(0).Start), r.line(max(ls.At(ls.Len()-1).Stop-1, ls.At(ls.Len()-1).Start)))
		}
	} else if t, ok := n.(*ast.Text); ok {
		add(r.line(t.Segment.Start), r.line(t.Segment.Start))
	}
	switch b := n.(type) {
	case *ast.FencedCodeBlock:
		// The fences belong to the block.
		if first > 1 {
			first--
		} else if first == 0 && b.Info != nil {
			first = r.line(b.Info.Segment.Start)
			last = first
		}
		if last > 0 && last < len(r.starts) && isFence(r.lineText(last+1)) {
			last++
		}
	case *ast.HTMLBlock:
		if b.HasClosure() {
			l := r.line(b.ClosureLine.Start)
			add(l, l)
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		add(r.span(c))
	}
	return first, last
}

func (r *noteRenderer) lineText(n int) string {
	if n < 1 || n > len(r.starts) {
		return ""
	}
	end := len(r.src)
	if n < len(r.starts) {
		end = r.starts[n]
	}
	return string(r.src[r.starts[n-1]:end])
}

func isFence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}

// anchor gives every line of the file to one block: the innermost
// anchorable block whose source covers it; a line no block covers (a blank
// line, a table's delimiter row, a setext underline, a rule) goes to the
// block before it (lines before the first block to the first block). The block's first line
// becomes its id; its other lines get empty anchors at its start.
func (r *noteRenderer) anchor(doc ast.Node) {
	owner := make([]ast.Node, len(r.starts)+1)
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		if n.Type() == ast.TypeInline {
			return
		}
		if anchorable(n) {
			if s, e := r.span(n); s > 0 {
				for l := s; l <= e && l < len(owner); l++ {
					owner[l] = n
				}
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			visit(c)
		}
	}
	visit(doc)
	// Lines no block covers.
	for l := 1; l < len(owner); l++ {
		if owner[l] != nil {
			continue
		}
		var prev ast.Node
		for k := l - 1; k >= 1 && prev == nil; k-- {
			prev = owner[k]
		}
		for k := l + 1; k < len(owner) && prev == nil; k++ {
			prev = owner[k]
		}
		owner[l] = prev
	}
	r.lines = map[ast.Node][]int{}
	for l := 1; l < len(owner); l++ {
		if n := owner[l]; n != nil {
			r.lines[n] = append(r.lines[n], l)
		}
	}
	// In the order of their first lines: two blocks can share a host (a
	// list item and its paragraph), and the anchors they insert there must
	// come out the same on every run.
	nodes := make([]ast.Node, 0, len(r.lines))
	for n := range r.lines {
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool { return r.lines[nodes[i]][0] < r.lines[nodes[j]][0] })
	for _, n := range nodes {
		ls := r.lines[n]
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			continue // drawn by this renderer, with their anchors
		}
		n.SetAttributeString("id", []byte("L"+strconv.Itoa(ls[0])))
		if len(ls) == 1 {
			continue
		}
		var b strings.Builder
		for _, l := range ls[1:] {
			b.WriteString(lineAnchor(l))
		}
		s := ast.NewString([]byte(b.String()))
		s.SetCode(true) // written as is
		host := n
		switch n.Kind() {
		case ast.KindListItem:
			if c := n.FirstChild(); c != nil && (c.Kind() == ast.KindTextBlock || c.Kind() == ast.KindParagraph) {
				host = c
			}
		case east.KindTableHeader, east.KindTableRow:
			if c := n.FirstChild(); c != nil {
				host = c
			}
		case ast.KindThematicBreak:
			host = nil // <hr> holds nothing; its extra lines lead to it by id
		}
		if host == nil {
			continue
		}
		if first := host.FirstChild(); first != nil {
			host.InsertBefore(host, first, s)
		} else {
			host.AppendChild(host, s)
		}
	}
}

func lineAnchor(l int) string { return `<span class="la" id="L` + strconv.Itoa(l) + `"></span>` }

// RegisterFuncs draws code and HTML blocks with their line anchors, and
// images, links and inline HTML with the site's URLs.
func (r *noteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindCodeBlock, r.renderCode)
	reg.Register(ast.KindFencedCodeBlock, r.renderCode)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindLink, r.renderLink)
}

func (r *noteRenderer) renderCode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	owned := r.lines[n]
	content := map[int][]byte{}
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		l := r.line(seg.Start)
		content[l] = append(content[l], seg.Value(src)...)
	}
	w.WriteString(`<pre class="code"><code>`)
	for _, l := range owned {
		c, ok := content[l]
		if !ok {
			w.WriteString(lineAnchor(l))
			continue
		}
		w.WriteString(`<span class="cl" id="L` + strconv.Itoa(l) + `">`)
		w.WriteString(template.HTMLEscapeString(string(c)))
		w.WriteString(`</span>`)
	}
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock draws an HTML block as pieces that each close every
// element they open (one <p> per line in a blog post), each piece with the
// anchors of its lines, so that a cited line of a blog post is found and
// highlighted like a markdown paragraph.
func (r *noteRenderer) renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var buf []byte
	var lineOf []int // line of each byte of buf
	addSeg := func(seg gtext.Segment) {
		v := seg.Value(src)
		l := r.line(seg.Start)
		for _, c := range v {
			buf = append(buf, c)
			lineOf = append(lineOf, l)
			if c == '\n' {
				l++
			}
		}
	}
	for i := 0; i < n.Lines().Len(); i++ {
		addSeg(n.Lines().At(i))
	}
	if n.HasClosure() {
		addSeg(n.ClosureLine)
	}
	owned := r.lines[n]
	isOwned := map[int]bool{}
	for _, l := range owned {
		isOwned[l] = true
	}
	pieces := r.htmlPieces(buf, lineOf, isOwned)
	done := map[int]bool{}
	for _, p := range pieces {
		for _, l := range p.placed {
			done[l] = true
		}
	}
	for i, p := range pieces {
		var own []int
		for _, l := range owned {
			if !done[l] && (l <= p.last || i == len(pieces)-1) {
				own = append(own, l)
				done[l] = true
			}
		}
		w.WriteString(`<div class="hb"`)
		if len(own) > 0 {
			w.WriteString(` id="L` + strconv.Itoa(own[0]) + `"`)
		}
		w.WriteString(">")
		for _, l := range own[min(1, len(own)):] {
			w.WriteString(lineAnchor(l))
		}
		w.Write(p.html)
		w.WriteString("</div>\n")
	}
	if len(pieces) == 0 {
		for _, l := range owned {
			w.WriteString(lineAnchor(l))
		}
	}
	return ast.WalkSkipChildren, nil
}

// htmlPiece is a run of lines of an HTML block that closes what it opens.
type htmlPiece struct {
	last int // last line
	html []byte
	// placed are the lines whose anchors stand in html, before the
	// element the line starts (<li>, <p>).
	placed []int
}

// optionalEnd are elements whose end tag HTML lets a writer leave out: a
// new one closes the open one.
var optionalEnd = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true, "option": true}

// htmlPieces cuts an HTML block's bytes at line ends where no element is
// open, rewriting image tags on the way (see rewriteImg). The anchor of a
// line that starts inside a piece (an item of a list) goes where the line
// starts when it is one of owned. It also records each line's text.
func (r *noteRenderer) htmlPieces(buf []byte, lineOf []int, owned map[int]bool) []htmlPiece {
	var out []htmlPiece
	var cur []byte
	var placed []int
	var stack []string
	hasContent := false
	firstLine := 0
	flush := func(lastLine int) {
		if hasContent {
			out = append(out, htmlPiece{last: lastLine, html: cur, placed: placed})
		}
		cur, placed, hasContent, firstLine = nil, nil, false, 0
	}
	z := xhtml.NewTokenizer(bytes.NewReader(buf))
	off := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case xhtml.TextToken:
			// Text: cut after each line end while nothing is open.
			for len(raw) > 0 {
				i := bytes.IndexByte(raw, '\n')
				piece := raw
				if i >= 0 {
					piece = raw[:i+1]
				}
				if len(stack) == 0 || !rawText[stack[len(stack)-1]] {
					r.addText(lineOf[start], xhtml.UnescapeString(string(piece)))
				}
				if firstLine == 0 {
					firstLine = lineOf[start]
				}
				cur = append(cur, piece...)
				if strings.TrimSpace(string(piece)) != "" {
					hasContent = true
				}
				if i >= 0 && len(stack) == 0 {
					flush(lineOf[start])
				} else if next := start + len(piece); i >= 0 && next < len(lineOf) && lineOf[next] > firstLine && owned[lineOf[next]] {
					cur = append(cur, lineAnchor(lineOf[next])...)
					placed = append(placed, lineOf[next])
				}
				start += len(piece)
				raw = raw[len(piece):]
			}
			continue
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			tok := z.Token()
			hasContent = true
			if firstLine == 0 {
				firstLine = lineOf[start]
			}
			cur = append(cur, r.tag(tok, raw)...)
			if tt == xhtml.StartTagToken && !voidElement[tok.Data] {
				if optionalEnd[tok.Data] && len(stack) > 0 && stack[len(stack)-1] == tok.Data {
					stack = stack[:len(stack)-1]
				}
				stack = append(stack, tok.Data)
			}
			if tok.Data == "br" || tok.Data == "p" {
				r.addText(lineOf[start], " ")
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			cur = append(cur, raw...)
			hasContent = true
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == string(name) {
					stack = stack[:i]
					break
				}
			}
		default: // comments, doctype
			cur = append(cur, raw...)
		}
	}
	if len(lineOf) > 0 {
		flush(lineOf[len(lineOf)-1])
	}
	return out
}

// rawText are elements whose content is no text a reader sees.
var rawText = map[string]bool{"script": true, "style": true, "template": true, "noscript": true}

var voidElement = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// renderRawHTML writes inline HTML as it is, with its images rewritten.
func (r *noteRenderer) renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(src)...)
	}
	low := bytes.ToLower(raw)
	if !bytes.Contains(low, []byte("<img")) && !bytes.Contains(low, []byte("id")) && !bytes.Contains(low, []byte("class")) {
		w.Write(raw)
		return ast.WalkSkipChildren, nil
	}
	z := xhtml.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		if tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken {
			rawTok := append([]byte(nil), z.Raw()...)
			w.Write(r.tag(z.Token(), rawTok))
			continue
		}
		w.Write(z.Raw())
	}
	return ast.WalkSkipChildren, nil
}

// tag returns a start tag of the note's HTML as the page writes it: an
// image rewritten (see rewriteImg), the id and class attributes dropped
// (the page's own line anchors and classes use them), else as written.
func (r *noteRenderer) tag(tok xhtml.Token, raw []byte) []byte {
	if tok.Data == "img" {
		return r.rewriteImg(tok)
	}
	keep := tok.Attr[:0:0]
	for _, a := range tok.Attr {
		if a.Key != "id" && a.Key != "class" {
			keep = append(keep, a)
		}
	}
	if len(keep) == len(tok.Attr) {
		return raw
	}
	tok.Attr = keep
	return []byte(tok.String())
}

// rewriteImg turns an <img> of the note into one the page can show.
func (r *noteRenderer) rewriteImg(tok xhtml.Token) []byte {
	var src, alt string
	for _, a := range tok.Attr {
		switch a.Key {
		case "src":
			src = a.Val
		case "alt":
			alt = a.Val
		}
	}
	return []byte(r.image(src, alt))
}

// renderImage draws a markdown image.
func (r *noteRenderer) renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	w.WriteString(r.image(string(n.Destination), plainText(n, src)))
	return ast.WalkSkipChildren, nil
}

// image returns the HTML for an image of the note: the repository's image
// through the site, a link for an image elsewhere (never loaded), a data:
// image as written (the sanitiser checks it), or a note that it is missing.
func (r *noteRenderer) image(dest, alt string) string {
	dest = strings.TrimSpace(dest)
	label := alt
	if label == "" {
		label = path.Base(dest)
	}
	switch {
	case strings.HasPrefix(strings.ToLower(dest), "data:image/"):
		return `<img src="` + template.HTMLEscapeString(dest) + `" alt="` + template.HTMLEscapeString(alt) + `">`
	case remoteURL(dest):
		return `<a class="ext-img" href="` + template.HTMLEscapeString(dest) + `">` + template.HTMLEscapeString("↗ 외부 이미지: "+label) + `</a>`
	}
	if rel, ok := r.resolve(dest); ok {
		if u, ok := r.env.image(rel); ok {
			if r.images == nil {
				r.images = map[string]bool{}
			}
			r.images[rel] = true
			return `<img src="` + template.HTMLEscapeString(u) + `" alt="` + template.HTMLEscapeString(alt) + `" loading="lazy">`
		}
	}
	return `<span class="img-missing">` + template.HTMLEscapeString("이미지를 찾을 수 없습니다: "+label) + `</span>`
}

// remoteURL reports whether a link leaves the repository.
func remoteURL(s string) bool {
	u, err := url.Parse(s)
	return err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(s, "//")
}

// resolve turns a relative link of the note into a repository path; false
// for links that leave the repository.
func (r *noteRenderer) resolve(dest string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return "", false
	}
	p := path.Clean(path.Join(path.Dir(r.path), u.Path))
	if p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, true
}

// renderLink keeps links to other sites and to the files the site shows;
// any other link (javascript:, a file the site does not show) keeps only
// its text.
func (r *noteRenderer) renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	href := r.href(string(n.Destination))
	if !entering {
		if href != "" {
			w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	}
	if href != "" {
		w.WriteString(`<a href="` + template.HTMLEscapeString(href) + `">`)
	}
	return ast.WalkContinue, nil
}

func (r *noteRenderer) href(dest string) string {
	dest = strings.TrimSpace(dest)
	if strings.HasPrefix(dest, "#") {
		return ""
	}
	u, err := url.Parse(dest)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return dest
	case "":
		if u.Host != "" {
			return "https:" + dest
		}
		if rel, ok := r.resolve(dest); ok {
			if f, ok := r.env.file(rel); ok {
				return f
			}
		}
	}
	return ""
}

// plainText is the text of a node's inline children.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// collectText records the text of every line (see rendered.Text): inline
// text by the line it stands on, code lines as written; HTML blocks record
// theirs while they are cut into pieces.
func (r *noteRenderer) collectText(doc ast.Node) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			ls := n.Lines()
			for i := 0; i < ls.Len(); i++ {
				seg := ls.At(i)
				r.addText(r.line(seg.Start), strings.TrimRight(string(seg.Value(r.src)), "\n"))
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil // see htmlPieces
		case *ast.Text:
			r.addText(r.line(t.Segment.Start), xhtml.UnescapeString(string(t.Segment.Value(r.src))))
		case *ast.AutoLink:
			r.addText(r.inlineLine(t), string(t.Label(r.src)))
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			label := "[그림]"
			if alt := plainText(t, r.src); alt != "" {
				label = "[그림: " + alt + "]"
			}
			r.addText(r.inlineLine(t), label)
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			if n.PreviousSibling() != nil {
				if s, _ := r.span(n); s > 0 {
					r.addText(s, " | ")
				}
			}
		case *ast.ListItem:
			if s, _ := r.span(n); s > 0 && s <= len(r.text) && r.text[s-1].Len() == 0 {
				marker := "• "
				if l, ok := n.Parent().(*ast.List); ok && l.IsOrdered() {
					i := l.Start
					for c := l.FirstChild(); c != nil && c != n; c = c.NextSibling() {
						i++
					}
					marker = strconv.Itoa(i) + ". "
				}
				r.addText(s, marker)
			}
		}
		return ast.WalkContinue, nil
	})
}

// inlineLine returns the line of an inline node without a segment of its
// own (an image, an autolink): that of its own text, else of the text
// before or after it, else its block's first line.
func (r *noteRenderer) inlineLine(n ast.Node) int {
	if s, _ := r.span(n); s > 0 {
		return s
	}
	for p := n.PreviousSibling(); p != nil; p = p.PreviousSibling() {
		if _, e := r.span(p); e > 0 {
			return e
		}
	}
	for p := n.NextSibling(); p != nil; p = p.NextSibling() {
		if s, _ := r.span(p); s > 0 {
			return s
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if s, _ := r.span(p); s > 0 {
			return s
		}
	}
	return 0
}

func (r *noteRenderer) addText(line int, s string) {
	if line >= 1 && line <= len(r.text) {
		r.text[line-1].WriteString(s)
	}
}

// squash trims a line's text and collapses its runs of white space (tab,
// newline, form feed, carriage return, space and no-break space, what
// `[\s\x{00a0}]+` matches) into one space.
func squash(s string) string {
	// Most lines have nothing to collapse: only single spaces.
	i := 0
	for ; i < len(s); i++ {
		if w := squashedWidth(s, i); w == 0 || s[i] == ' ' && squashedWidth(s, i+1) == 0 {
			continue
		}
		break
	}
	if i == len(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if w := squashedWidth(s, i); w > 0 {
			for w > 0 {
				i += w
				w = squashedWidth(s, i)
			}
			b.WriteByte(' ')
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return strings.TrimSpace(b.String())
}

// squashedWidth is the length in bytes of the character squash collapses
// at s[i], 0 when there is none. No-break space is the two bytes C2 A0: a
// C2 byte is never inside another character, valid or not.
func squashedWidth(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case '\t', '\n', '\f', '\r', ' ':
		return 1
	case 0xc2:
		if i+1 < len(s) && s[i+1] == 0xa0 {
			return 2
		}
	}
	return 0
}

var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

// notePolicy is the sanitiser of rendered notes: bluemonday's policy for
// user content (formatting, lists, tables, links to http(s) and mailto,
// images) plus the line anchors and classes the renderer writes. Images
// load only from this site (the renderer has rewritten every src; any other
// is dropped).
func notePolicy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.UGCPolicy()
		p.AllowAttrs("id").Matching(regexp.MustCompile(`^L[0-9]+$`)).Globally()
		p.AllowAttrs("class").Matching(regexp.MustCompile(`^(?:la|cl|hb|code|ext-img|img-missing)$`)).Globally()
		p.AllowElements("input")
		p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
		p.AllowAttrs("checked", "disabled").OnElements("input")
		p.AllowDataURIImages()
		p.RequireNoReferrerOnLinks(true)
		p.RewriteSrc(func(u *url.URL) {
			if u.Host != "" || u.Scheme != "" && u.Scheme != "data" {
				*u = url.URL{}
			}
		})
		policy = p
	})
	return policy
}
