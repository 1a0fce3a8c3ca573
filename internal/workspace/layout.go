package workspace

import (
	"path"
	"regexp"
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
				b.WriteString(`[^/]*?`)
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
