package workspace

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var reSeqDigits = regexp.MustCompile(`\d+(?:\.\d+)?(?:\s*[-~]\s*\d+(?:\.\d+)?)?`)

// weekPattern rewrites the part of a name that carries the week: the
// digits become {week} ({week:02} when zero-padded) when they are the week
// number, otherwise "*".
func weekPattern(s string, seq seqNum, identity bool) string {
	if seq.end > len(s) || seq.start > seq.end {
		return s
	}
	span := s[seq.start:seq.end]
	if identity && seq.digits != "" {
		ph := "{week}"
		if len(seq.digits) >= 2 && seq.digits[0] == '0' {
			ph = "{week:02}"
		}
		span = strings.Replace(span, seq.digits, ph, 1)
	} else {
		span = reSeqDigits.ReplaceAllString(span, "*")
	}
	return s[:seq.start] + span + s[seq.end:]
}

// shapeOf is a chosen note's path as a layout pattern.
func shapeOf(c *cand) []string {
	segs := append([]string(nil), c.e.segs...)
	last := len(segs) - 1
	nn := parseNoteName(segs[last])
	stem := nn.base
	src := c.src
	identity := src.identity
	if src.dir != "" {
		segs[c.weekSeg] = weekPattern(segs[c.weekSeg], src.seq, identity)
	} else {
		stem = weekPattern(stem, nn.seq, identity)
	}
	switch {
	case c.byToken && c.token != "":
		stem = strings.Replace(stem, c.token, "{member}", 1)
	case c.folderIdx >= 0:
		segs[c.folderIdx] = "{member}"
	}
	if nn.md {
		stem += ".md"
	}
	segs[last] = stem
	return segs
}

// inferLayoutOf summarises where the notes are as one pattern: the most
// common path depth, with segments that differ between notes as "*".
func inferLayoutOf(cs []*cand) string {
	groups := map[int][][]string{}
	for _, c := range cs {
		s := shapeOf(c)
		groups[len(s)] = append(groups[len(s)], s)
	}
	best := -1
	for n, g := range groups {
		if best < 0 || len(g) > len(groups[best]) || (len(g) == len(groups[best]) && n < best) {
			best = n
		}
	}
	if best < 0 {
		return ""
	}
	g := groups[best]
	out := make([]string, best)
	for i := range out {
		vals := map[string]bool{}
		padded := false
		for _, s := range g {
			vals[s[i]] = true
			padded = padded || strings.Contains(s[i], "{week:02}")
		}
		if len(vals) == 1 {
			out[i] = g[0][i]
			continue
		}
		plain := map[string]bool{}
		for v := range vals {
			plain[strings.ReplaceAll(v, "{week:02}", "{week}")] = true
		}
		if len(plain) == 1 {
			v := strings.ReplaceAll(g[0][i], "{week:02}", "{week}")
			if padded {
				v = strings.Replace(v, "{week}", "{week:02}", 1)
			}
			out[i] = v
			continue
		}
		out[i] = "*"
	}
	return strings.Join(out, "/")
}

// layoutPattern is a compiled Config.Layout.
type layoutPattern struct {
	re      *regexp.Regexp
	weekIdx int // submatch index of {week}
	memIdx  int // submatch index of {member}
}

// compileLayout turns a layout such as "weeks/week{week:02}/{member}.md"
// into a case-insensitive regular expression over cleaned paths. {week}
// matches digits (any padding), {member} one or more characters within a
// segment, "*" anything within a segment, a "**" segment any number of
// folders. A markdown extension matches doubled ones too.
func compileLayout(layout string) (*layoutPattern, error) {
	layout = strings.Trim(strings.ReplaceAll(layout, "\\", "/"), "/")
	last := path.Base(layout)
	if stem, md := stripMarkdownExt(last); md {
		layout = strings.TrimSuffix(layout, last) + stem + ".md"
	}
	var b strings.Builder
	b.WriteString("(?i)^")
	lp := &layoutPattern{weekIdx: -1, memIdx: -1}
	group := 0
	segs := strings.Split(layout, "/")
	for i, seg := range segs {
		if seg == "**" {
			b.WriteString(`(?:[^/]+/)*`)
			continue
		}
		for rest := seg; rest != ""; {
			switch {
			case strings.HasPrefix(rest, "{week:02}"), strings.HasPrefix(rest, "{week}"):
				n := len("{week}")
				if strings.HasPrefix(rest, "{week:02}") {
					n = len("{week:02}")
				}
				b.WriteString(`(\d+)`)
				group++
				if lp.weekIdx < 0 {
					lp.weekIdx = group
				}
				rest = rest[n:]
			case strings.HasPrefix(rest, "{member}"):
				b.WriteString(`([^/]+?)`)
				group++
				if lp.memIdx < 0 {
					lp.memIdx = group
				}
				rest = rest[len("{member}"):]
			case rest[0] == '*':
				b.WriteString(`[^/]*`)
				rest = rest[1:]
			default:
				j := strings.IndexAny(rest[1:], "{*")
				lit := rest
				if j >= 0 {
					lit = rest[:j+1]
				}
				b.WriteString(regexp.QuoteMeta(lit))
				rest = rest[len(lit):]
			}
		}
		if i < len(segs)-1 {
			b.WriteString("/")
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, err
	}
	lp.re = re
	return lp, nil
}

// canonicalPath is a file's cleaned path with its markdown extension
// normalised to ".md", for matching against a layout.
func canonicalPath(e entry) string {
	segs := append([]string(nil), e.segs...)
	last := len(segs) - 1
	if stem, md := stripMarkdownExt(segs[last]); md {
		segs[last] = stem + ".md"
	}
	return strings.Join(segs, "/")
}

// byLayout finds notes with the configured layout instead of guessing.
func (d *detector) byLayout(layout string) error {
	lp, err := compileLayout(layout)
	if err != nil {
		return fmt.Errorf("workspace: %s: layout %q: %w", ConfigFile, layout, err)
	}
	matched := map[string]bool{}
	for _, e := range d.walk.files {
		p := canonicalPath(e)
		m := lp.re.FindStringSubmatchIndex(p)
		if m == nil || lp.weekIdx < 0 {
			continue
		}
		n, _ := strconv.Atoi(p[m[2*lp.weekIdx]:m[2*lp.weekIdx+1]])
		if n < 1 {
			continue
		}
		weekSeg := strings.Count(p[:m[2*lp.weekIdx]], "/")
		dir, key := "", fmt.Sprintf("\x00layout\x00%d", n)
		if weekSeg < len(e.segs)-1 {
			dir = joinRel(e, weekSeg+1)
			key = dir
		}
		src := d.sources[key]
		if src == nil {
			src = &source{dir: dir, week: n, identity: true, seq: seqNum{kind: seqWeek, n: n}}
			d.sources[key] = src
		}
		cls := d.classify(e)
		if cls != classNote {
			continue // left for the extras pass below
		}
		c := &cand{e: e, folderIdx: -1, weekSeg: weekSeg, src: src}
		if lp.memIdx >= 0 {
			tok := p[m[2*lp.memIdx]:m[2*lp.memIdx+1]]
			memSeg := strings.Count(p[:m[2*lp.memIdx]], "/")
			if memSeg == len(e.segs)-1 {
				c.token = strings.TrimSuffix(tok, ".md")
			} else {
				c.folder, c.folderIdx, c.folderFirst = tok, memSeg, true
			}
		}
		src.notes = append(src.notes, c)
		matched[e.rel] = true
	}
	// Everything else inside a week folder is an extra.
	var dirs []string
	for _, s := range d.sources {
		if s.dir != "" {
			dirs = append(dirs, s.dir)
		}
	}
	sort.Strings(dirs)
	for _, e := range d.walk.files {
		if matched[e.rel] {
			continue
		}
		for _, dir := range dirs {
			if strings.HasPrefix(e.rel, dir+"/") {
				s := d.sources[dir]
				if d.classify(e) == classOutput {
					s.hasOutput = true
				}
				s.extra = append(s.extra, e.rel)
				break
			}
		}
	}
	if len(matched) == 0 {
		d.ws.Warnings = append(d.ws.Warnings, Warning{File: ConfigFile, Msg: fmt.Sprintf("layout %q matches no notes", layout)})
	}
	return nil
}
