package text

import "strings"

// Cues is a list of words to look for in texts, as substrings: Count(s)
// is the number of words w with strings.Contains(s, w). It reads s once:
// a table of the words' first two bytes tells the few places where one
// may start, where a list of Korean words searched one by one stops at
// nearly every syllable (their first bytes are shared by thousands of
// syllables).
type Cues struct {
	words []string
	// first holds, by a word's first two bytes, 1 + the index of the
	// first word starting with them (0: none), and next, by word, 1 +
	// the index of the next word with the same two bytes.
	first *[1 << 16]uint8
	next  []uint8
	short []int // the words of fewer than two bytes, searched one by one
}

// NewCues prepares words for Count. The list is not copied; it must not
// change afterwards.
func NewCues(words []string) *Cues {
	c := &Cues{words: words}
	if len(words) > 64 {
		return c // Count searches word by word
	}
	c.first, c.next = new([1 << 16]uint8), make([]uint8, len(words))
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		if len(w) < 2 {
			c.short = append(c.short, i)
			continue
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		c.next[i] = c.first[k]
		c.first[k] = uint8(i + 1)
	}
	return c
}

// Count returns the number of the words s contains.
func (c *Cues) Count(s string) int {
	if len(c.words) > 64 {
		n := 0
		for _, w := range c.words {
			if strings.Contains(s, w) {
				n++
			}
		}
		return n
	}
	var found uint64
	for _, i := range c.short {
		if strings.Contains(s, c.words[i]) {
			found |= 1 << i
		}
	}
	for i := 0; i+1 < len(s); i++ {
		for j := c.first[uint16(s[i])<<8|uint16(s[i+1])]; j != 0; j = c.next[j-1] {
			if found&(1<<(j-1)) == 0 && strings.HasPrefix(s[i:], c.words[j-1]) {
				found |= 1 << (j - 1)
			}
		}
	}
	n := 0
	for ; found != 0; found &= found - 1 {
		n++
	}
	return n
}

// Any reports whether s contains one of the words.
func (c *Cues) Any(s string) bool { return c.Count(s) > 0 }
