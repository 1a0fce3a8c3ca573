// Package text holds the language-aware text utilities moim needs for
// Korean and English study notes: sentence splitting, term extraction and
// similarity.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits a block of plain text into sentences. It understands
// English punctuation and Korean sentence endings (~다., ~요., ~함, ~음 before
// a line break). Empty pieces are dropped; text is trimmed.
func Sentences(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		t := strings.TrimSpace(b.String())
		if t != "" {
			out = append(out, t)
		}
		b.Reset()
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			flush()
			continue
		}
		b.WriteRune(r)
		if r == '.' || r == '!' || r == '?' || r == '。' {
			// end of sentence when followed by space/end and not a number like 3.5
			next := rune(0)
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if next == 0 || unicode.IsSpace(next) {
				if r == '.' && i > 0 && unicode.IsDigit(rs[i-1]) && i+2 < len(rs) && unicode.IsDigit(rs[i+2]) {
					continue
				}
				flush()
			}
		}
	}
	flush()
	return out
}

// josa are Korean particles stripped from the end of an eojeol.
var josa = []string{"으로써", "으로서", "에서는", "에게서", "이라는", "이라고", "에서", "으로", "에게", "까지", "부터", "보다", "처럼", "라는", "라고", "하고", "이나", "과", "와", "은", "는", "이", "가", "을", "를", "의", "에", "로", "도", "만"}

var stop = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "that": true, "this": true, "are": true, "from": true,
	"있다": true, "없다": true, "하는": true, "있는": true, "것이": true, "이는": true, "그리고": true, "하지만": true,
	"통해": true, "위해": true, "대한": true, "따라": true, "경우": true, "때문": true, "수": true, "것": true, "등": true,
}

// Terms extracts candidate concept terms from text: Latin words and Korean
// eojeol with their particles stripped, lower-cased, without stop words.
func Terms(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
	}) {
		f = strings.Trim(strings.ToLower(f), "-")
		if isHangul(f) {
			for _, j := range josa {
				if strings.HasSuffix(f, j) && utf8.RuneCountInString(f)-utf8.RuneCountInString(j) >= 2 {
					f = strings.TrimSuffix(f, j)
					break
				}
			}
		}
		if utf8.RuneCountInString(f) < 2 || stop[f] {
			continue
		}
		out = append(out, f)
	}
	return out
}

func isHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}
