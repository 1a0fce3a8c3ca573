package summary

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// maxConcepts is how many shared concepts the 개요 names.
const maxConcepts = 8

// overview writes the short 개요 at the top: the week's range from the
// schedule, the sections every member covered and those only one did (by
// who wrote on them, see coverage), and the concepts every member (or
// most) wrote about that the outline names (headings, points' leads).
// Each line keeps its sources: the schedule row, the headings, a sentence
// per concept.
func (b *builder) overview(secs []DraftSection) []insight.Point {
	var out []insight.Point
	if row := b.in.Schedule; row != nil && (row.Chapters != "" || row.Topic != "") {
		scope := strings.TrimSpace(row.Chapters)
		if row.Topic != "" {
			if scope != "" {
				scope += " — "
			}
			scope += strings.TrimSpace(row.Topic)
		}
		src := insight.Source{File: row.Source, Line: row.Line, Quote: scope}
		if src.File == "" {
			src.File = "README.md"
		}
		out = append(out, insight.Point{Kind: insight.PointBullet, Lines: []string{"**범위**: " + scope}, Sources: []insight.Source{src}})
	}
	members := len(b.outlines)
	if members > 1 {
		var all, solo []string
		var allSrc, soloSrc []insight.Source
		for _, s := range secs {
			if s.Level != 2 || len(s.Sources) == 0 || s.Title == ThoughtsHeading || s.Title == RefsHeading {
				continue
			}
			switch len(s.covered) {
			case members:
				all = append(all, s.Heading())
				allSrc = append(allSrc, s.Sources[0])
			case 1:
				if s.shared {
					continue
				}
				solo = append(solo, fmt.Sprintf("%s(%s)", s.Heading(), s.covered[0]))
				soloSrc = append(soloSrc, s.Sources[0])
			}
		}
		if len(all) > 0 {
			out = append(out, insight.Point{Kind: insight.PointBullet, Lines: []string{"**모두 다룬 절**: " + joinList(all, 12)}, Sources: allSrc})
		}
		if len(solo) > 0 {
			out = append(out, insight.Point{Kind: insight.PointBullet, Lines: []string{"**한 명만 다룬 절**: " + joinList(solo, 8)}, Sources: soloSrc})
		}
	}
	if line, srcs := b.sharedConcepts(outlineNames(secs)); line != "" {
		out = append(out, insight.Point{Kind: insight.PointBullet, Lines: []string{line}, Sources: srcs})
	}
	for i := range out {
		names := map[string]bool{}
		for _, s := range out[i].Sources {
			if s.Member != "" && !names[s.Member] {
				names[s.Member] = true
				out[i].Members = append(out[i].Members, s.Member)
			}
		}
		out[i].Engine = Name
	}
	return out
}

// sharedConcepts names the specific concepts most members wrote about
// that the outline names (a heading, or what a point leads with: a
// concept the summary is organised by, not a word every note happens to
// use), most widely shared first, with a sentence of each as its source.
func (b *builder) sharedConcepts(named []string) (string, []insight.Source) {
	members := len(b.outlines)
	if members == 0 {
		return "", nil
	}
	need := members
	if members > 2 {
		need = members - 1
	}
	var names []string
	var srcs []insight.Source
	for _, c := range b.in.Analysis.Concepts {
		if len(names) == maxConcepts {
			break
		}
		if len(c.Members()) < need || !analyze.Specific(c.Term) || !nameIn(analyze.Key(c.Term), named) {
			continue
		}
		src, ok := b.firstMention(c.Term)
		if !ok {
			continue
		}
		names = append(names, "**"+c.Term+"**")
		srcs = append(srcs, src)
	}
	if len(names) == 0 {
		return "", nil
	}
	label := "**모두 다룬 개념**: "
	if need < members {
		label = "**대부분 다룬 개념**: "
	}
	return label + strings.Join(names, ", "), srcs
}

// firstMention is the first analysed sentence, in member order, that
// mentions a term.
func (b *builder) firstMention(term string) (insight.Source, bool) {
	key := analyze.Key(term)
	for _, o := range b.outlines {
		if o.am == nil {
			continue
		}
		for _, s := range o.am.Sentences {
			for _, t := range s.Terms {
				if analyze.Key(t) == key {
					return insight.Source{File: s.File, Line: s.Line, Member: s.Member, Quote: clip(s.Text, 160)}, true
				}
			}
		}
	}
	return insight.Source{}, false
}

// joinList joins up to n items with ", " and says how many more there are.
func joinList(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" 외 %d개", len(items)-n)
}

// outlineNames are the keys (see analyze.Key) of what the outline names:
// its headings' titles and the leads of its points (a bold opening, or
// the words before a colon).
func outlineNames(secs []DraftSection) []string {
	var out []string
	for _, s := range secs {
		out = append(out, analyze.Key(s.Title))
		for _, c := range s.Clusters {
			if len(c.Point.Lines) == 0 {
				continue
			}
			if lead := pointLead(c.Point.Lines[0]); lead != "" {
				out = append(out, analyze.Key(lead))
			}
		}
	}
	return out
}

// pointLead is what a point's first line leads with: its opening bold
// span, or the words before its first colon; "" when neither.
func pointLead(line string) string {
	l := strings.TrimSpace(line)
	if strings.HasPrefix(l, "**") {
		if end := strings.Index(l[2:], "**"); end > 0 {
			return l[2 : 2+end]
		}
	}
	if i := strings.IndexAny(l, ":："); i > 0 && i < 80 {
		return strings.ReplaceAll(l[:i], "**", "")
	}
	return ""
}

// nameIn reports whether a concept's key is one of the names, alone,
// with its other name in parentheses ("퍼플렉시티(ppl)"), or as one of
// the things a name joins ("배치처리와스트림처리", "a/b", "a및b").
func nameIn(key string, names []string) bool {
	for _, n := range names {
		for _, part := range nameParts(n) {
			if part == key || strings.HasPrefix(part, key+"(") || strings.HasSuffix(part, "("+key+")") {
				return true
			}
		}
	}
	return false
}

// joinRe splits a compacted name where it joins two things: "와", "과"
// between words of two letters or more, "및", "vs", "/", ",", "·", "&".
var joinRe = regexp.MustCompile(`(\p{L}{2,}?)(?:와|과)(\p{L}{2,})`)

func nameParts(n string) []string {
	out := []string{n}
	for _, p := range strings.FieldsFunc(n, func(r rune) bool { return strings.ContainsRune("/,·&", r) }) {
		out = append(out, p)
	}
	for _, sep := range []string{"및", "vs"} {
		if strings.Contains(n, sep) {
			out = append(out, strings.Split(n, sep)...)
		}
	}
	if m := joinRe.FindStringSubmatch(n); m != nil && m[0] == n {
		out = append(out, m[1], m[2])
	}
	return out
}
