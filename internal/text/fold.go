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
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= hangulFirst && r <= hangulLast {
			i += n
			continue
		}
		if r == utf8.RuneError || unicode.ToLower(r) != r {
			return strings.ToLower(s) // it also replaces invalid bytes
		}
		i += n
	}
	return s
}

// NFC is norm.NFC.String(s). ASCII characters and Hangul syllables are in
// NFC and never compose with the character before them, so norm's check
// (which looks every character up in its tables) is run only on the runs of
// other characters, each with the character before it; when every run is
// in NFC, so is s, and it comes back as norm would return it. Otherwise
// norm normalizes the whole text.
func NFC(s string) string {
	if inNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// inNFC reports norm.NFC.IsNormalString(s), checking with norm only the
// runs of characters other than ASCII and Hangul syllables.
func inNFC(s string) bool {
	run := -1 // start of the current run, with the character before it; -1 outside one
	last := 0 // start of the last ASCII character or Hangul syllable
	for i := 0; i < len(s); {
		n, safe := 1, s[i] < utf8.RuneSelf
		if !safe {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			safe = r >= hangulFirst && r <= hangulLast
		}
		if safe {
			if run >= 0 {
				if !norm.NFC.IsNormalString(s[run:i]) {
					return false
				}
				run = -1
			}
			last = i
		} else if run < 0 {
			run = last
		}
		i += n
	}
	return run < 0 || norm.NFC.IsNormalString(s[run:])
}
