package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Hangul syllables, U+AC00–U+D7A3: precomposed, in NFC, and without case.
const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
)

// hangulAt reports whether a Hangul syllable (three bytes in UTF-8,
// EA B0 80 to ED 9E A3) starts at byte i of s, without a call to the UTF-8
// decoder.
func hangulAt(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	b0, b1, b2 := s[i], s[i+1], s[i+2]
	if b0 < 0xEA || b0 > 0xED || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return false
	}
	r := rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
	return r >= hangulFirst && r <= hangulLast
}

// Lower is strings.ToLower(s). Most text moim reads is Hangul and
// lower-case ASCII, which it checks without the Unicode case tables:
// when nothing changes, s comes back as it is, as strings.ToLower would
// return it; otherwise strings.ToLower does the work.
func Lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		if hangulAt(s, i) {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.ToLower(r) != r {
			return strings.ToLower(s) // it also replaces invalid bytes
		}
		i += n
	}
	return s
}

// NFC is norm.NFC.String(s). ASCII characters and Hangul syllables are in
// NFC and never compose with the character before them, so text splits
// into independent runs before each of them: norm (which looks every
// character up in its tables) checks, and if need be normalizes, only the
// runs of other characters, each with the character before it. When every
// run is in NFC, s comes back as it is, as norm would return it.
func NFC(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b (nothing written while every run is in NFC)
	check := func(from, to int) {
		if run := s[from:to]; !norm.NFC.IsNormalString(run) {
			if done == 0 {
				b.Grow(len(s) + len(s)/8)
			}
			b.WriteString(s[done:from])
			b.WriteString(norm.NFC.String(run))
			done = to
		}
	}
	run := -1 // start of the current run, with the character before it; -1 outside one
	last := 0 // start of the last ASCII character or Hangul syllable
	for i := 0; i < len(s); {
		n, safe := 1, s[i] < utf8.RuneSelf
		if !safe {
			if safe = hangulAt(s, i); safe {
				n = 3
			} else {
				_, n = utf8.DecodeRuneInString(s[i:])
			}
		}
		if safe {
			if run >= 0 {
				check(run, i)
				run = -1
			}
			last = i
		} else if run < 0 {
			run = last
		}
		i += n
	}
	if run >= 0 {
		check(run, len(s))
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}
