package note

import (
	"bytes"
	"regexp"
	"strings"
)

// Limits that keep parsing linear on hostile or broken input. The markdown
// parser does work proportional to nesting depth for every line and
// quadratic work in the number of emphasis, link and code delimiters of a
// paragraph, so the source handed to it is first rewritten (sanitize) to
// stay within these limits. Rewriting never adds or removes a line break,
// so line numbers computed on the rewritten source are those of the file.
const (
	// maxDepth is the deepest nesting of lists, quotes and inline nodes
	// kept as structure; deeper content is flattened.
	maxDepth = 64
	// maxIndent caps the leading indentation (in columns) of a line.
	maxIndent = 4 * maxDepth
	// delimBudget is how many delimiter characters of one kind (* _ ~ [ ] `
	// <) a paragraph keeps; beyond it they are backslash-escaped (the text
	// is unchanged, only their markup meaning is lost).
	delimBudget = 512
	// maxSpans caps the emphasis spans kept per block.
	maxSpans = 256
)

// reFrontKey matches the first line of YAML front matter.
var reFrontKey = regexp.MustCompile(`^[A-Za-z0-9_\-\p{Hangul} ]+:(\s|$)`)

// reHTMLStart matches a line opening an HTML block that the markdown parser
// passes through untouched (CommonMark HTML block types 1-6).
var reHTMLStart = regexp.MustCompile(`(?i)^ {0,3}(?:<!--|<\?|<![A-Z]|<!\[CDATA\[|</?(?:script|pre|style|textarea|address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|/?>|$))`)

// frontMatterEnd returns the byte offset just past YAML front matter at the
// top of src ("---" line, key: value lines, closing "---" or "..."), or 0.
func frontMatterEnd(src string) int {
	first, rest, ok := strings.Cut(src, "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return 0
	}
	off := len(first) + 1
	sawKey := false
	for i := 0; i < 200 && rest != ""; i++ {
		line, next, _ := strings.Cut(rest, "\n")
		end := off + len(line) + 1
		t := strings.TrimRight(line, " \t")
		if t == "---" || t == "..." {
			if !sawKey {
				return 0
			}
			return min(end, len(src))
		}
		if !sawKey && strings.TrimSpace(line) != "" {
			if !reFrontKey.MatchString(line) {
				return 0
			}
			sawKey = true
		}
		off, rest = end, next
	}
	return 0
}

// Sanitize returns src as it is safe to hand to a markdown parser (goldmark)
// in time linear in its size: front matter blanked, nesting and indentation
// capped, delimiter runs beyond the budget escaped. Lines are neither added
// nor removed, so line numbers stay those of the file. The web view renders
// notes from it.
func Sanitize(src string) []byte { return sanitize(src) }

// sanitize returns the bytes handed to the markdown parser: front matter
// blanked, nesting and indentation capped, delimiter runs beyond the
// budget escaped. Fenced code and HTML blocks are copied unchanged.
func sanitize(src string) []byte {
	out := make([]byte, 0, len(src)+len(src)/64)
	fm := frontMatterEnd(src)
	for i := 0; i < fm; i++ {
		if src[i] == '\n' {
			out = append(out, '\n')
		}
	}
	s := sanitizer{}
	rest := src[fm:]
	for rest != "" {
		line, next, found := strings.Cut(rest, "\n")
		out = s.line(out, line)
		if found {
			out = append(out, '\n')
		}
		rest = next
	}
	return out
}

type sanitizer struct {
	fence     byte // '`' or '~' while inside fenced code
	fenceLen  int
	html      string // closing text of the HTML block we are in ("" = blank line)
	inHTML    bool
	delimUsed [128]int
}

func (s *sanitizer) line(out []byte, line string) []byte {
	blank := strings.TrimSpace(line) == ""
	if s.fence != 0 {
		if c, n := fenceOf(stripContainers(line)); c == s.fence && n >= s.fenceLen &&
			strings.Trim(strings.TrimLeft(stripContainers(line), " \t"), string(c)+" \t") == "" {
			s.fence = 0
		}
		return append(out, line...)
	}
	if s.inHTML {
		if s.html == "" && blank {
			s.inHTML = false
		} else if s.html != "" && strings.Contains(strings.ToLower(line), s.html) {
			s.inHTML = false
			return append(out, line...)
		}
		if s.inHTML {
			return append(out, line...)
		}
	}
	if blank {
		s.delimUsed = [128]int{}
		return append(out, line...)
	}
	body := stripContainers(line)
	if c, n := fenceOf(body); n >= 3 {
		s.fence, s.fenceLen = c, n
		s.delimUsed = [128]int{}
		return append(out, line...)
	}
	if m := htmlStart(body); m != "" {
		s.inHTML = true
		lm := strings.ToLower(m)
		s.html = ""
		if strings.Contains(lm, "<!--") {
			s.html = "-->"
		}
		for _, tag := range []string{"script", "pre", "style", "textarea"} {
			if strings.Contains(lm, "<"+tag) {
				s.html = "</" + tag + ">"
			}
		}
		if s.html != "" && strings.Contains(strings.ToLower(body[len(m):]), s.html) {
			s.inHTML = false
		}
		return append(out, line...)
	}
	return s.prefix(out, line)
}

// htmlStart returns the opening of an HTML block at the start of body.
func htmlStart(body string) string {
	if body == "" || body[0] != '<' {
		return ""
	}
	return reHTMLStart.FindString(body)
}

// prefix copies a markdown line, capping its container prefix (indentation,
// '>' and list markers) and escaping delimiters beyond the budget.
func (s *sanitizer) prefix(out []byte, line string) []byte {
	i, col, markers := 0, 0, 0
	outCol, afterMarker := 0, false
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			w := 1
			if c == '\t' {
				w = 4 - col%4
			}
			switch {
			case outCol+w <= maxIndent:
				out = append(out, bytes.Repeat([]byte{' '}, w)...)
				outCol += w
			case afterMarker: // a marker needs its space; excess indentation is dropped
				out = append(out, ' ')
				outCol++
			}
			afterMarker = false
			col += w
			i++
			continue
		case c == '>' || ((c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t')):
			markers++
			if markers > maxDepth {
				out = append(out, '\\')
				return s.inline(out, line[i:])
			}
			out = append(out, c)
			col++
			outCol++
			afterMarker = true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				markers++
				if markers > maxDepth {
					out = append(out, line[i:j]...)
					out = append(out, '\\')
					return s.inline(out, line[j:])
				}
				out = append(out, line[i:j+1]...)
				col += j + 1 - i
				outCol += j + 1 - i
				afterMarker = true
				i = j + 1
				continue
			}
		}
		break
	}
	return s.inline(out, line[i:])
}

// inline copies the rest of a line, escaping delimiters beyond the budget
// of the current paragraph.
func (s *sanitizer) inline(out []byte, text string) []byte {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\\':
			out = append(out, c)
			if i+1 < len(text) {
				i++
				out = append(out, text[i])
			}
			continue
		case '*', '_', '~', '[', ']', '`', '<':
			s.delimUsed[c]++
			if s.delimUsed[c] > delimBudget {
				out = append(out, '\\')
			}
		}
		out = append(out, c)
	}
	return out
}

// stripContainers returns line without its leading indentation, '>' and
// list markers, to see what the line holds.
func stripContainers(line string) string {
	for n := 0; n <= maxDepth+1; n++ {
		t := strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(t, ">"):
			line = t[1:]
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t'):
			line = t[2:]
		default:
			j := 0
			for j < len(t) && j < 9 && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			if j > 0 && j+1 < len(t) && (t[j] == '.' || t[j] == ')') && (t[j+1] == ' ' || t[j+1] == '\t') {
				line = t[j+2:]
				continue
			}
			return t
		}
	}
	return strings.TrimLeft(line, " \t")
}

// fenceOf reports the fence character and length opening line, if any.
func fenceOf(line string) (byte, int) {
	line = strings.TrimLeft(line, " \t")
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return 0, 0
	}
	c := line[0]
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.IndexByte(line[n:], '`') >= 0) {
		return 0, 0
	}
	return c, n
}
