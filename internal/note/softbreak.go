package note

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// softBreak marks a line break inside a paragraph's source (markdown's soft
// line break) until the block is emitted; it is one byte, like the space
// or "\n" that replaces it, so the emphasis spans keep their offsets.
const softBreak = '\v'

// sentenceFinal are Hangul syllables that end a Korean sentence without a
// period: 다, 요 … and the nominal endings 함, 음, 임, 됨 ….
var sentenceFinal = map[rune]bool{
	'다': true, '요': true, '죠': true, '까': true, '네': true, '함': true, '음': true,
	'임': true, '됨': true, '짐': true, '것': true, '듯': true, '등': true, '중': true,
	'봄': true, '옴': true, '줌': true, '님': true,
}

// connective are Hangul syllables that end a particle or a connective
// ending (은, 를, 에, 고, 며, 서, 면, 도 …): a line ending in one goes on.
var connective = map[rune]bool{
	'은': true, '는': true, '이': true, '가': true, '을': true, '를': true, '에': true, '의': true,
	'와': true, '과': true, '도': true, '로': true, '고': true, '며': true, '면': true, '서': true,
	'만': true, '데': true, '게': true, '여': true, '해': true, '니': true, '록': true, '려': true,
	'든': true, '께': true, '써': true, '랑': true, '지': true,
}

// joinSoftBreaks decides, for every soft line break of a block, whether it
// is inside a sentence (people wrap long lines) or between two statements
// written one per line. With prose set, a break joins (becomes a space)
// when the line before it does not end a sentence and reads as the start
// of one (a comma, or two words or more), and a later line of the block
// ends the sentence it starts; otherwise it stays a line break. Other
// blocks keep every break.
func joinSoftBreaks(b []byte, prose bool) {
	var marks []int
	for i, c := range b {
		if c == softBreak {
			marks = append(marks, i)
		}
	}
	if len(marks) == 0 {
		return
	}
	if !prose {
		for _, i := range marks {
			b[i] = '\n'
		}
		return
	}
	// lines[k] is the text between break k-1 and break k.
	bounds := append(append([]int{-1}, marks...), len(b))
	line := func(k int) string { return string(b[bounds[k]+1 : bounds[k+1]]) }
	n := len(marks) + 1
	ends := make([]bool, n)
	cont := make([]bool, n)
	for k := 0; k < n; k++ {
		l := line(k)
		// Only the part after a hard break ("\n") continues; only the
		// part before one can end the sentence.
		last := l[strings.LastIndexByte(l, '\n')+1:]
		first := l
		if i := strings.IndexByte(l, '\n'); i >= 0 {
			first = l[:i]
		}
		ends[k] = endsSentence(first)
		cont[k] = continues(last)
	}
	for k, at := range marks {
		join := false
		if cont[k] && !startsItem(line(k+1)) && continuesInto(line(k), line(k+1)) {
			for j := k + 1; j < n; j++ {
				if strings.IndexByte(line(j), '\n') >= 0 || ends[j] {
					join = ends[j]
					break
				}
				if !cont[j] {
					break
				}
			}
		}
		if join {
			b[at] = ' '
		} else {
			b[at] = '\n'
		}
	}
}

// lastRune is the last rune of s other than spaces and emphasis markers.
func lastRune(s string) rune {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// endsSentence reports whether a line ends a sentence: a terminator, or a
// Korean sentence ending.
func endsSentence(s string) bool {
	switch r := lastRune(s); {
	case r == utf8.RuneError:
		return false
	case strings.ContainsRune(".?!。？！", r):
		return true
	case sentenceFinal[r]:
		return true
	}
	return false
}

// continues reports whether a line reads as an unfinished sentence: it
// ends with a comma, or it has two words or more and ends with a Korean
// particle or connective ending, or with a Latin word (the next line then
// starting in lower case, see continuesInto).
func continues(s string) bool {
	s = strings.TrimSpace(s)
	r := lastRune(s)
	switch {
	case s == "":
		return false
	case r == ',' || r == '、':
		return true
	case len(strings.Fields(s)) < 2:
		return false
	case connective[r]:
		return true
	}
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// continuesInto reports whether line next can carry on the sentence of
// line prev: after a Latin word it must start in lower case.
func continuesInto(prev, next string) bool {
	if r := lastRune(prev); r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		f, _ := utf8.DecodeRuneInString(strings.TrimSpace(next))
		return unicode.IsLower(f)
	}
	return true
}

// startsItem reports whether a line starts like an item of its own: a
// bullet, an arrow or a number with "." or ")".
func startsItem(s string) bool {
	s = strings.TrimSpace(s)
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-*•·→▶>※", r) {
		return true
	}
	if unicode.IsDigit(r) {
		rest := strings.TrimLeftFunc(s[size:], unicode.IsDigit)
		return strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ")")
	}
	return false
}
