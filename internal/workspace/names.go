package workspace

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanName returns s without control and format characters (zero-width
// spaces, BOMs, stray C0 bytes), in Unicode NFC, trimmed. macOS writes
// Hangul file names decomposed (NFD); after cleanName they compare equal to
// the composed names people type.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(norm.NFC.String(s))
}

// foldName is the comparison key of a name: cleaned and lower-cased (case
// matters only for Latin letters; Hangul is unaffected).
func foldName(s string) string { return strings.ToLower(cleanName(s)) }

// squash keeps only letters and digits of the folded name, so that
// "Kim Seong-Eon", "kim_seongeon" and "KimSeongEon" compare equal.
func squash(s string) string {
	var b strings.Builder
	for _, r := range foldName(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownExts are the extensions of note files (".mdx" is markdown with
// components, as documentation sites write it); doubled ones (".md.md")
// are stripped repeatedly.
var markdownExts = []string{".md", ".markdown", ".mdown", ".mkd", ".mdx"}

// stripMarkdownExt removes every trailing markdown extension from name and
// reports whether there was one ("a.md.md" → "a", true).
func stripMarkdownExt(name string) (string, bool) {
	found := false
	for {
		lower := strings.ToLower(name)
		cut := false
		for _, ext := range markdownExts {
			if strings.HasSuffix(lower, ext) && len(name) > len(ext) {
				name = name[:len(name)-len(ext)]
				found, cut = true, true
				break
			}
		}
		if !cut {
			return strings.TrimRight(name, ". "), found
		}
	}
}

// hasNoExt reports whether a cleaned base name has no extension at all.
func hasNoExt(name string) bool {
	return !strings.HasPrefix(name, ".") && !strings.Contains(name, ".")
}

// seqKind says what a number in a folder or file name counts.
type seqKind int

const (
	seqNone    seqKind = iota
	seqWeek            // week01, 3주차, 2회차: the number is the week
	seqChapter         // chap07, Chapter8-14, 3장: a chapter of the book
	seqDate            // 241105, 20241105, 2024-11-05: a meeting date
	seqOrdinal         // "01. 객체, 설계", "2_트랜잭션": a numbered folder
)

func (k seqKind) String() string {
	switch k {
	case seqWeek:
		return "week"
	case seqChapter:
		return "chapter"
	case seqDate:
		return "date"
	case seqOrdinal:
		return "ordinal"
	}
	return "none"
}

// seqNum is a week, chapter or date found in a name.
type seqNum struct {
	kind seqKind
	// n is the week or first chapter number, or the date as YYYYMMDD.
	n int
	// start, end delimit the match in the name (byte offsets).
	start, end int
	// digits is the week number as written ("03"), for layout patterns.
	digits string
}

var (
	// week3, week-03, Week 1, wk2, w3 (w needs a boundary on both sides).
	reWeekWord = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])((?:week|wk)[\s._-]*(\d{1,3}))(?:$|[^\d])`)
	reWeekW    = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(w(\d{1,3}))(?:$|[^\p{L}\p{N}])`)
	// 3주차, 제3주차, 3 주차, 2회차.
	reJucha = regexp.MustCompile(`(?:^|[^\d])((?:제\s*)?(\d{1,3})\s*(?:주\s*차|회\s*차))`)
	// chap07, Chapter8-14, ch3.
	reChapWord = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])((?:chapter|chap|ch)[\s._-]*(\d{1,3})(?:\s*[-~]\s*\d{1,3}(?:\.\d+)?)?)(?:$|[^\d])`)
	// 3장, 3-4장, 8-9.1장.
	reJang = regexp.MustCompile(`(?:^|[^\d.])((\d{1,3})(?:\.\d+)?(?:\s*[-~]\s*\d{1,3}(?:\.\d+)?)?\s*장)`)
	// 20241105, 2024-11-05, 2024.11.05, 241105.
	reDate = regexp.MustCompile(`(?:^|[^\d])((\d{4})[-._]?(\d{2})[-._]?(\d{2})|(\d{2})(\d{2})(\d{2}))(?:$|[^\d])`)
)

// parseSeq finds the week, chapter or date a cleaned name stands for.
// Week words win over chapters, chapters over dates.
func parseSeq(name string) seqNum {
	if strings.IndexAny(name, "0123456789") < 0 {
		return seqNum{}
	}
	try := func(re *regexp.Regexp, kind seqKind) (seqNum, bool) {
		m := re.FindStringSubmatchIndex(name)
		if m == nil {
			return seqNum{}, false
		}
		digits := name[m[4]:m[5]]
		n, _ := strconv.Atoi(digits)
		if n < 1 {
			return seqNum{}, false
		}
		return seqNum{kind: kind, n: n, start: m[2], end: m[3], digits: digits}, true
	}
	for _, c := range []struct {
		re   *regexp.Regexp
		kind seqKind
	}{{reWeekWord, seqWeek}, {reJucha, seqWeek}, {reWeekW, seqWeek}, {reChapWord, seqChapter}, {reJang, seqChapter}} {
		if s, ok := try(c.re, c.kind); ok {
			return s
		}
	}
	for _, m := range reDate.FindAllStringSubmatchIndex(name, -1) {
		var y, mo, d int
		if m[4] >= 0 {
			y, _ = strconv.Atoi(name[m[4]:m[5]])
			mo, _ = strconv.Atoi(name[m[6]:m[7]])
			d, _ = strconv.Atoi(name[m[8]:m[9]])
		} else {
			y, _ = strconv.Atoi(name[m[10]:m[11]])
			y += 2000
			mo, _ = strconv.Atoi(name[m[12]:m[13]])
			d, _ = strconv.Atoi(name[m[14]:m[15]])
		}
		if y < 1990 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		return seqNum{kind: seqDate, n: y*10000 + mo*100 + d, start: m[2], end: m[3]}
	}
	return seqNum{}
}

// reOrdinal is a folder name that starts with its number and goes on
// with a title: "01. 객체, 설계", "2_트랜잭션", "3 - 인덱스", "1. <책 제목>";
// not a section number ("3.1. …").
var reOrdinal = regexp.MustCompile(`^0*(\d{1,3})(?:\s*[.)]\s*|\s*[_-]\s*|\s+)([^\d.\s]|$)`)

// parseOrdinal reads a numbered folder's number ("01. 객체" → 1). Such a
// folder is a week only when nothing surer is in the path.
func parseOrdinal(name string) seqNum {
	m := reOrdinal.FindStringSubmatchIndex(name)
	if m == nil {
		return seqNum{}
	}
	n, _ := strconv.Atoi(name[m[2]:m[3]])
	if n < 1 {
		return seqNum{}
	}
	return seqNum{kind: seqOrdinal, n: n, start: 0, end: m[3], digits: name[:m[3]]}
}

// edgeWords are words around a member token in a note's file name that
// are not part of the member's name ("study-note-홍길동-정리").
var edgeWords = map[string]bool{
	"study": true, "note": true, "notes": true, "studynote": true, "memo": true, "by": true,
	"final": true, "draft": true,
	"정리": true, "노트": true, "스터디": true, "개인정리": true, "메모": true, "필기": true,
	"최종": true, "개인": true, "공부": true, "학습": true, "스터디노트": true,
}

var reVersion = regexp.MustCompile(`(?i)^v\d+$`)

// isSep reports whether r separates words in a file name.
func isSep(r rune) bool {
	return r == '-' || r == '_' || r == '.' || r == ' ' || r == '(' || r == ')' || r == '[' || r == ']' || r == '+' || r == ',' || unicode.IsSpace(r)
}

// trimEdgeWords removes separators and edge words (study, note, 정리 …)
// from both ends of s and returns what is left, as written.
func trimEdgeWords(s string) string {
	type span struct{ a, b int }
	var words []span
	start := -1
	for i, r := range s {
		if isSep(r) {
			if start >= 0 {
				words = append(words, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, span{start, len(s)})
	}
	drop := func(w span) bool {
		t := strings.ToLower(s[w.a:w.b])
		return edgeWords[t] || reVersion.MatchString(t)
	}
	for len(words) > 0 && drop(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && drop(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	return s[words[0].a:words[len(words)-1].b]
}

// noteName is what a note's file name says.
type noteName struct {
	base   string // cleaned base name without markdown extensions
	md     bool   // had a markdown extension
	seq    seqNum // week/chapter/date in the name, if any
	member string // member token, "" when the name has none
}

// parseNoteName reads a file name ("study-note-KSE.md", "week3-홍길동.md.md",
// "3장-함수.md", NFD or with stray control characters).
func parseNoteName(name string) noteName {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "/" || name == "." {
		name = ""
	}
	name = cleanName(name)
	base, md := stripMarkdownExt(name)
	nn := noteName{base: base, md: md, seq: parseSeq(base)}
	rest := base
	if nn.seq.kind != seqNone {
		rest = base[:nn.seq.start] + " " + base[nn.seq.end:]
	}
	nn.member = trimEdgeWords(rest)
	return nn
}

// ParseNoteName reads a note's file name and returns the week (or chapter,
// or YYYYMMDD date) number it carries, 0 when none, and the member token
// left once the number, the extension and words such as "study-note" or
// "정리" are removed: "study-note-KSE.md" → (0, "KSE"),
// "week3-홍길동.md" → (3, "홍길동"), "3장-함수.md" → (3, "함수").
// The token is NFC, without control characters, as cased on disk.
func ParseNoteName(name string) (week int, member string) {
	nn := parseNoteName(name)
	return nn.seq.n, nn.member
}

// genericDirs are folder names that hold notes but name no member.
var genericDirs = map[string]bool{
	"members": true, "member": true, "notes": true, "note": true, "docs": true, "doc": true,
	"study": true, "studies": true, "personal": true, "individual": true, "weeks": true,
	"week": true, "chapters": true, "chapter": true, "src": true, "content": true, "contents": true,
	"assets": true, "images": true, "image": true, "img": true, "imgs": true, "attachments": true,
	"files": true, "resources": true, "references": true, "reference": true, "refs": true,
	"archive": true, "deepdive": true, "deep-dive": true, "public": true, "static": true,
	"노트": true, "정리": true, "개인정리": true, "개인": true, "참여자": true, "멤버": true,
	"스터디": true, "자료": true, "이미지": true, "주차별": true, "templates": true, "template": true,
}

var reTeam = regexp.MustCompile(`(?i)^(?:team|group|팀|조|그룹)[\s._-]*\d*$|^\d+\s*(?:팀|조)$`)

// isGenericDir reports whether a folder name names no member.
func isGenericDir(name string) bool {
	f := foldName(name)
	return f == "" || genericDirs[f] || reTeam.MatchString(f)
}

var reMain = regexp.MustCompile(`(?i)(?:^|[-_ .])main(?:[-_ .]|$)`)
