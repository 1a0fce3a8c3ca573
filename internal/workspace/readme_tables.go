package workspace

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A README is read in three passes over the same lines: tables (markdown
// pipe tables and HTML <table>s, this file) give the schedule and member
// tables; participant sections give lists of people (readme_people.go);
// links and @mentions anywhere in those sections give GitHub ids.

// cell is one table cell.
type cell struct {
	raw  string // the cell's source (markdown or inner HTML)
	text string // plain text
	ids  []string
	th   bool // an HTML header cell
}

// tableRow is one row of a table with its 1-based line.
type tableRow struct {
	cells []cell
	line  int
}

// table is a markdown pipe table or an HTML table of the README.
type table struct {
	rows []tableRow
	// header: the first row names the columns (a markdown table's header
	// row, or an HTML row of <th> cells only).
	header bool
	// participants: the table is in a section about the study's people.
	participants bool
}

var (
	reHeading   = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	reFence     = regexp.MustCompile("^\\s{0,3}(```|~~~)")
	reDelimRow  = regexp.MustCompile(`^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$`)
	reGitHubURL = regexp.MustCompile(`(?i)https?://(?:www\.)?github\.com/([A-Za-z0-9][A-Za-z0-9-]{0,38})/?(?:$|["'()\s?#>\]<])`)
	reMention   = regexp.MustCompile(`(?:^|[\s(,>])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b`)
	reLink      = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reTag       = regexp.MustCompile(`<[^>]*>`)
	reHTMLTable = regexp.MustCompile(`(?i)<table[\s>]`)
	reHTMLEnd   = regexp.MustCompile(`(?i)</table\s*>`)
)

// githubReserved are github.com paths that are not user ids.
var githubReserved = map[string]bool{
	"orgs": true, "settings": true, "topics": true, "features": true, "about": true,
	"sponsors": true, "apps": true, "marketplace": true, "login": true, "explore": true,
}

// idsIn returns the GitHub ids a piece of README names: github.com/<id>
// links (not repository links) and @mentions.
func idsIn(s string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		l := strings.ToLower(id)
		if githubReserved[l] || seen[l] {
			return
		}
		seen[l] = true
		out = append(out, id)
	}
	for _, m := range reGitHubURL.FindAllStringSubmatch(s, -1) {
		add(m[1])
	}
	for _, m := range reMention.FindAllStringSubmatch(s, -1) {
		add(m[1])
	}
	return out
}

// plainCell strips markdown and HTML from a table cell or a line.
func plainCell(s string) string {
	s = reLink.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "<br>", " ")
	s = reTag.ReplaceAllString(s, " ")
	s = strings.NewReplacer("**", "", "__", "", "`", "", "~~", "", "&nbsp;", " ").Replace(s)
	s = html.UnescapeString(s)
	s = strings.Trim(strings.TrimSpace(s), "*_")
	return strings.TrimSpace(s)
}

func newCell(raw string) cell { return cell{raw: raw, text: plainCell(raw), ids: idsIn(raw)} }

// splitRow splits a markdown table row into cells, honouring "\|".
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, "\\|") {
		line = line[:len(line)-1]
	}
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+1 < len(line) && line[i+1] == '|' {
			b.WriteByte('|')
			i++
			continue
		}
		if line[i] == '|' {
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
			continue
		}
		b.WriteByte(line[i])
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// isTableStart reports whether lines[i] starts a markdown pipe table.
func isTableStart(lines []string, i int) bool {
	return strings.Contains(lines[i], "|") && i+1 < len(lines) && reDelimRow.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-")
}

// markdownTable reads the pipe table starting at lines[i] and returns it
// with the index of the first line after it.
func markdownTable(lines []string, i int) (table, int) {
	t := table{header: true}
	row := func(j int) tableRow {
		var cs []cell
		for _, c := range splitRow(lines[j]) {
			cs = append(cs, newCell(c))
		}
		return tableRow{cells: cs, line: j + 1}
	}
	t.rows = append(t.rows, row(i))
	j := i + 2
	for ; j < len(lines) && strings.Contains(lines[j], "|") && strings.TrimSpace(lines[j]) != ""; j++ {
		t.rows = append(t.rows, row(j))
	}
	return t, j
}

// htmlTable reads the HTML table starting at lines[i] (up to its
// </table>) and returns it with the index of the first line after it.
func htmlTable(lines []string, i int) (table, int) {
	end := i
	for end < len(lines) && !reHTMLEnd.MatchString(lines[end]) {
		end++
	}
	if end == len(lines) {
		end = len(lines) - 1
	}
	src := strings.Join(lines[i:end+1], "\n")
	doc, err := html.Parse(strings.NewReader(src))
	t := table{}
	if err != nil {
		return t, end + 1
	}
	// Line numbers: each <tr> in source order.
	var trLines []int
	lower := strings.ToLower(src)
	for off := 0; ; {
		k := strings.Index(lower[off:], "<tr")
		if k < 0 {
			break
		}
		off += k + 3
		trLines = append(trLines, i+1+strings.Count(src[:off], "\n"))
	}
	var rows []tableRow
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Tr {
			var r tableRow
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					var b strings.Builder
					for k := c.FirstChild; k != nil; k = k.NextSibling {
						html.Render(&b, k)
					}
					cl := newCell(b.String())
					cl.th = c.DataAtom == atom.Th
					r.cells = append(r.cells, cl)
				}
			}
			if len(rows) < len(trLines) {
				r.line = trLines[len(rows)]
			}
			rows = append(rows, r)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	t.rows = rows
	if len(rows) > 0 {
		allTH := len(rows[0].cells) > 0
		for _, c := range rows[0].cells {
			allTH = allTH && c.th
		}
		t.header = allTH
	}
	return t, end + 1
}

// readmeLine is one line outside code fences and tables, with the section
// it is in.
type readmeLine struct {
	text         string
	participants bool
	// line is the line's number in the README, from 1.
	line int
}

// scanReadme splits a README into its tables and its other lines, noting
// for each whether it is in a section about the study's people.
func scanReadme(text string) ([]table, []readmeLine) {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	var tables []table
	var rest []readmeLine
	inFence, inPeople, level := false, false, 0
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if reFence.MatchString(line) {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if m := reHeading.FindStringSubmatch(line); m != nil {
			l := len(m[1])
			if inPeople && l <= level {
				inPeople = false
			}
			if participantHeading(m[2]) {
				inPeople, level = true, l
			}
			continue
		}
		if isTableStart(lines, i) {
			t, next := markdownTable(lines, i)
			t.participants = inPeople
			tables = append(tables, t)
			i = next - 1
			continue
		}
		if reHTMLTable.MatchString(line) {
			t, next := htmlTable(lines, i)
			t.participants = inPeople
			tables = append(tables, t)
			i = next - 1
			continue
		}
		rest = append(rest, readmeLine{text: line, participants: inPeople, line: i + 1})
	}
	return tables, rest
}
