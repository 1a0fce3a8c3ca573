package doc

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/moim-study/moim/internal/text"
)

// The document model below is shared by Parse, IsFillable and Compose. A
// document is read line by line into units (blank line, text line, ATX
// heading, thematic break, HTML comment, fenced code), then into a tree:
// title and intro, H2 blocks, H3 sections, and the items of each container.

type unitKind int

const (
	uBlank unitKind = iota
	uText
	uHeading
	uRule
	uComment
	uFence
)

type unit struct {
	kind  unitKind
	lines []string
	level int    // heading level
	text  string // heading text
}

var (
	headingRe  = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`)
	closingRe  = regexp.MustCompile(`(^|[ \t]+)#+$`)
	fenceRe    = regexp.MustCompile("^( {0,3})(`{3,}|~{3,})")
	markerRe   = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)`)
	sepCellRe  = regexp.MustCompile(`^:?-+:?$`)
	digitDotRe = regexp.MustCompile(`^(\d{1,9})([.)])`)
)

// normalizeSource removes a byte-order mark, invalid UTF-8 and CR line ends.
func normalizeSource(src string) string {
	src = strings.ToValidUTF8(src, "\uFFFD")
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	return strings.ReplaceAll(src, "\r", "\n")
}

func splitLines(src string) []string {
	src = strings.TrimRight(normalizeSource(src), "\n")
	if strings.TrimSpace(src) == "" {
		return nil
	}
	return strings.Split(src, "\n")
}

func trimRight(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// indentOf counts leading columns, a tab counting as four.
func indentOf(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

func isRule(s string) bool {
	if indentOf(s) >= 4 {
		return false
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

func parseHeading(s string) (level int, text string, ok bool) {
	m := headingRe.FindStringSubmatch(s)
	if m == nil {
		return 0, "", false
	}
	text = strings.TrimSpace(m[2])
	if strings.Trim(text, "#") == "" {
		text = ""
	} else {
		text = strings.TrimSpace(closingRe.ReplaceAllString(text, ""))
	}
	return len(m[1]), text, true
}

// scanUnits splits a document into units. Fenced code and HTML comments
// are single units so headings inside them are not structure. An unclosed
// fence ends before the next H2/H3 heading (or at the end) and an unclosed
// comment at the end; both get a closing line so the output stays well
// formed and reads back the same.
func scanUnits(lines []string) []unit {
	var out []unit
	for i := 0; i < len(lines); i++ {
		raw := lines[i]
		l := trimRight(raw)
		switch {
		case l == "" || isBlank(l):
			out = append(out, unit{kind: uBlank, lines: []string{""}})
		case fenceRe.MatchString(l):
			m := fenceRe.FindStringSubmatch(l)
			fence := m[2]
			u := unit{kind: uFence, lines: []string{l}}
			closed := false
			j := i + 1
			for ; j < len(lines); j++ {
				c := strings.TrimSpace(lines[j])
				if indentOf(lines[j]) < 4 && strings.HasPrefix(c, fence[:3]) && strings.Trim(c, fence[:1]) == "" && len(c) >= len(fence) {
					u.lines = append(u.lines, trimRight(lines[j]))
					closed = true
					break
				}
				u.lines = append(u.lines, lines[j])
			}
			if !closed {
				// Stop before the next section-level heading.
				k := i + 1
				for ; k < len(lines); k++ {
					if lv, _, ok := parseHeading(lines[k]); ok && lv <= 3 && lv >= 2 {
						break
					}
				}
				u.lines = append([]string{l}, lines[i+1:k]...)
				for len(u.lines) > 1 && isBlank(u.lines[len(u.lines)-1]) {
					u.lines = u.lines[:len(u.lines)-1]
				}
				u.lines = append(u.lines, m[1]+fence)
				j = k - 1
			}
			out = append(out, u)
			i = j
		case strings.HasPrefix(strings.TrimLeft(l, " "), "<!--") && indentOf(l) < 4:
			u := unit{kind: uComment}
			j := i
			for ; j < len(lines); j++ {
				t := trimRight(lines[j])
				u.lines = append(u.lines, t)
				rest := t
				if j == i {
					rest = strings.TrimLeft(t, " ")[4:]
				}
				if strings.Contains(rest, "-->") {
					break
				}
			}
			if j == len(lines) {
				j--
				u.lines = append(u.lines, "-->")
			}
			out = append(out, u)
			i = j
		case isRule(l):
			out = append(out, unit{kind: uRule, lines: []string{l}})
		default:
			if lv, text, ok := parseHeading(l); ok {
				out = append(out, unit{kind: uHeading, lines: []string{l}, level: lv, text: text})
				continue
			}
			out = append(out, unit{kind: uText, lines: []string{l}})
		}
	}
	return out
}

type itemKind int

const (
	iText itemKind = iota
	iBullet
	iRow
	iHeader // table header and separator lines
	iComment
	iCode
	iPlaceholder // "-" or an empty table row
)

// item is one unit of content a person or moim wrote: a bullet with its
// continuation lines, a table row, a paragraph line, a comment, a code block.
type item struct {
	kind  itemKind
	lines []string
	// gap is set when a blank line separated the item from the one before.
	gap  bool
	norm string
	hash string
}

func newItem(kind itemKind, lines []string, gap bool) item {
	it := item{kind: kind, lines: lines, gap: gap}
	it.norm = normalizeItem(lines)
	it.hash = shortHash(it.norm)
	return it
}

// normalizeItem is the text an item is compared and hashed by: its lines
// trimmed and joined, the list marker removed, white space collapsed, NFC.
func normalizeItem(lines []string) string {
	var parts []string
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i == 0 {
			if loc := markerRe.FindStringIndex(t); loc != nil {
				t = t[loc[1]:]
			}
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	return norm.NFC.String(strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
}

// plainItem is normalizeItem with the list marker of every line removed.
func plainItem(lines []string) string {
	var parts []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if loc := markerRe.FindStringIndex(t); loc != nil {
			t = t[loc[1]:]
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	return norm.NFC.String(strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
}

// shortHash is the first 12 hex digits of the SHA-256 of s.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:12]
}

func isTableLine(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "|") }

func tableCells(s string) []string {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	var cells []string
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '\\' && i+1 < len(t) && t[i+1] == '|' {
			b.WriteString(`\|`)
			i++
			continue
		}
		if t[i] == '|' {
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
			continue
		}
		b.WriteByte(t[i])
	}
	return append(cells, strings.TrimSpace(b.String()))
}

func isSeparatorRow(s string) bool {
	if !isTableLine(s) {
		return false
	}
	for _, c := range tableCells(s) {
		if !sepCellRe.MatchString(c) {
			return false
		}
	}
	return true
}

func isEmptyRow(s string) bool {
	for _, c := range tableCells(s) {
		if c != "" {
			return false
		}
	}
	return true
}

func unitIndented(u unit) bool {
	if u.kind == uBlank || u.kind == uHeading || u.kind == uRule {
		return false
	}
	l := u.lines[0]
	return l != "" && (l[0] == ' ' || l[0] == '\t')
}

// splitItems turns a container's units into items.
func splitItems(units []unit) []item {
	var out []item
	gap := false
	for i := 0; i < len(units); i++ {
		u := units[i]
		g := gap && len(out) > 0
		switch u.kind {
		case uBlank:
			gap = true
			continue
		case uComment:
			out = append(out, newItem(iComment, u.lines, g))
		case uFence:
			out = append(out, newItem(iCode, u.lines, g))
		case uHeading, uRule:
			out = append(out, newItem(iText, u.lines, g))
		case uText:
			l := u.lines[0]
			switch {
			case markerRe.MatchString(l):
				lines := []string{l}
				j := i + 1
				for j < len(units) {
					if unitIndented(units[j]) {
						lines = append(lines, units[j].lines...)
						j++
						continue
					}
					if units[j].kind == uBlank {
						k := j
						for k < len(units) && units[k].kind == uBlank {
							k++
						}
						if k < len(units) && unitIndented(units[k]) {
							for ; j < k; j++ {
								lines = append(lines, "")
							}
							continue
						}
					}
					break
				}
				i = j - 1
				it := newItem(iBullet, lines, g)
				if it.norm == "" {
					it.kind = iPlaceholder
				}
				out = append(out, it)
			case isTableLine(l) && !isSeparatorRow(l):
				if i+1 < len(units) && units[i+1].kind == uText && isSeparatorRow(units[i+1].lines[0]) {
					out = append(out, newItem(iHeader, []string{l, units[i+1].lines[0]}, g))
					i++
					break
				}
				it := newItem(iRow, []string{l}, g)
				if isEmptyRow(l) {
					it.kind = iPlaceholder
				}
				out = append(out, it)
			default:
				out = append(out, newItem(iText, []string{l}, g))
			}
		}
		gap = false
	}
	return out
}

// isContent reports whether an item is something a person would call
// content (not an empty placeholder, a table header or a comment).
func (it item) isContent() bool {
	return it.kind != iPlaceholder && it.kind != iHeader && it.kind != iComment
}

type section struct {
	heading string
	hint    []string // raw lines of the hint comment
	items   []item
	// kind is the kind a merged section is rendered as; "" renders the
	// items verbatim (a section kept from the previous document).
	kind   string
	header []string
}

type block struct {
	heading string
	// level is the heading's level: 2, or 1 for a chapter of the summary.
	level    int
	implicit bool // sections before any H2: no heading line
	pre      []item
	sections []*section
	trailer  []item // after the block's thematic break
}

type tree struct {
	title        string
	hasTitle     bool
	intro        []item
	introTrailer []item
	blocks       []*block
	// stateFound is set when a moim state comment was present; state is
	// nil when it could not be read (stateErr says why).
	stateFound bool
	state      *State
	stateErr   error
}

// parseTree reads an insights document into the tree. It never fails; a
// damaged state comment is reported in stateErr.
func parseTree(src string) *tree { return parseKind(src, insightsKind) }

// parseKind reads a document of the given kind into the tree.
func parseKind(src string, k *docKind) *tree {
	d := &tree{}
	lines := splitLines(src)
	lines, d.state, d.stateFound, d.stateErr = extractState(lines)
	units := scanUnits(lines)

	const (
		mHead = iota
		mHeadTrailer
		mPre
		mSection
		mTrailer
	)
	mode := mHead
	var (
		cur                                  *block
		sec                                  *section
		intro, introTrailer, pre, body, tail []unit
	)
	flushBlock := func() {
		if sec != nil {
			sec.items = splitItems(body)
		}
		if cur != nil {
			cur.pre = splitItems(pre)
			cur.trailer = splitItems(tail)
		}
		sec, body, pre, tail = nil, nil, nil, nil
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		if u.kind == uHeading && u.level == 1 && !d.hasTitle && cur == nil {
			d.title, d.hasTitle = u.text, true
			continue
		}
		if u.kind == uHeading && (u.level == 2 || u.level == 1 && k.h1Blocks) {
			flushBlock()
			cur = &block{heading: u.text, level: u.level}
			d.blocks = append(d.blocks, cur)
			mode = mPre
			continue
		}
		if u.kind == uHeading && u.level == 3 {
			if cur == nil {
				cur = &block{implicit: true, level: 2}
				d.blocks = append(d.blocks, cur)
			}
			if sec != nil {
				sec.items = splitItems(body)
				body = nil
			}
			sec = &section{heading: u.text}
			cur.sections = append(cur.sections, sec)
			mode = mSection
			// A comment right after the heading (blank lines allowed) is
			// the section's hint.
			j := i + 1
			for j < len(units) && units[j].kind == uBlank {
				j++
			}
			if j < len(units) && units[j].kind == uComment {
				sec.hint = units[j].lines
				i = j
			}
			continue
		}
		if u.kind == uRule {
			switch mode {
			case mHead, mHeadTrailer:
				mode = mHeadTrailer
			default:
				mode = mTrailer
			}
			continue
		}
		switch mode {
		case mHead:
			intro = append(intro, u)
		case mHeadTrailer:
			introTrailer = append(introTrailer, u)
		case mPre:
			pre = append(pre, u)
		case mSection:
			body = append(body, u)
		case mTrailer:
			tail = append(tail, u)
		}
	}
	flushBlock()
	d.intro = splitItems(intro)
	d.introTrailer = splitItems(introTrailer)
	return d
}

// hintText is the text inside a hint comment.
func hintText(lines []string) string {
	s := strings.TrimSpace(strings.Join(lines, "\n"))
	s = strings.TrimPrefix(s, "<!--")
	s = strings.TrimSuffix(s, "-->")
	return strings.TrimSpace(s)
}

// itemsText joins items back into text, a blank line where there was a gap.
func itemsText(items []item) string {
	var b []string
	for i, it := range items {
		if i > 0 && it.gap {
			b = append(b, "")
		}
		b = append(b, it.lines...)
	}
	return strings.Join(b, "\n")
}

// isGroupBlock tells the group discussion block from member blocks: by its
// heading, or by its sections being group sections.
func isGroupBlock(b *block) bool {
	h := text.Compact(b.heading)
	for _, w := range []string{"통합", "토론", "discussion", "group"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	group, other := 0, 0
	for _, s := range b.sections {
		switch KeyFor(s.heading) {
		case "":
		case "common", "debate", "next":
			group++
		default:
			other++
		}
	}
	return group > 0 && other == 0
}

// SplitMemberHeading splits a member block's heading into the member's
// name and the romanised name in parentheses: "박지민 (Park Ji-Min)" →
// "박지민", "Park Ji-Min". ASCII and full-width parentheses ("박지민（Park
// Ji-Min）") are both accepted; a closing parenthesis may be missing. A
// heading without one is all name. Both parts are trimmed and NFC.
func SplitMemberHeading(heading string) (name, roman string) {
	h := norm.NFC.String(strings.TrimSpace(heading))
	if i := strings.IndexAny(h, "(（"); i > 0 {
		roman = strings.TrimSpace(strings.TrimRight(strings.TrimLeft(strings.TrimSpace(h[i:]), "(（"), ")）"))
		h = h[:i]
	}
	return strings.TrimSpace(h), roman
}

// memberName is the name part of a member heading: "박지민 (Park Ji-Min)"
// → "박지민".
func memberName(heading string) string {
	name, _ := SplitMemberHeading(heading)
	return name
}
