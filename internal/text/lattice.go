package text

import (
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
)

// This file is kagome's Viterbi search (tokenizer.Analyze in Normal mode,
// kagome/v2 tokenizer/lattice) over the same dictionary tables, step for
// step, with the nodes of a sentence in one reused slice instead of one
// pooled object per node. kagome builds a lattice of pointer-linked nodes,
// takes each from a sync.Pool and gives it back, follows pointers in the
// inner loop of the search and looks up a morpheme's part of speech through
// two slices per token; that bookkeeping was as much CPU as the search.
// The result is the same token sequence: TestLatticeSameAsKagome compares
// the two on every kind of input, and kagome stays the reference and the
// dictionary loader.

// Node classes, as kagome numbers them (lattice.NodeClass).
const (
	classDummy uint8 = iota
	classKnown
	classUnknown
	classUser
)

const (
	bosEosID                 = -1        // lattice.BosEosID
	maximumCost              = 1<<31 - 1 // lattice.maximumCost
	maximumUnknownWordLength = 1024      // lattice.maximumUnknownWordLength
)

// ktoken is one morpheme of the best path: its surface and its part of
// speech tag (the first feature, "" with ok false when there is none, as
// tokenizer.Token.FeatureAt(0) reports it).
type ktoken struct {
	Surface string
	tag     string
	tagOK   bool
	class   uint8
	id      int32
}

// POS returns the token's part of speech tag, as FeatureAt(0) of kagome's
// token does.
func (t ktoken) POS() (string, bool) { return t.tag, t.tagOK }

// lnode is one node of the lattice.
type lnode struct {
	id       int32 // morpheme id in its dictionary, bosEosID for BOS and EOS
	start    int32 // rune position of its first character
	pos, end int32 // byte range of its surface
	left     int32
	right    int32
	weight   int32
	cost     int32
	prev     int32 // index of the best previous node, -1 for none
	class    uint8
}

// lattice is the reusable working memory of one search.
type lattice struct {
	nodes []lnode
	ends  [][]int32 // ends[p]: the nodes ending at rune position p, in the order kagome adds them
	path  []int32
}

// viterbi holds the dictionary tables the search reads, some of them in a
// faster form than kagome keeps them (a slice instead of a map).
type viterbi struct {
	d      *dict.Dict
	u      *dict.UserDict
	dup    []int32 // system dictionary: number of further entries with the same surface, by first id
	udup   []int32 // the same for the user dictionary
	unkID  []int32 // by character class: first unknown-word morpheme id
	unkDup []int32 // by character class: number of further ones
	// tag holds, by known morpheme id, 1 + the index of its part of speech
	// tag in the POS table's name list (0: ask knownTag; tagNone: none, the
	// index is beyond the list)
	tag     []uint16
	latPool sync.Pool
}

// tagNone marks, in viterbi.tag, a morpheme whose first POS id is beyond
// the name list: kagome gives it no tag.
const tagNone = 1<<16 - 1

// newViterbi prepares the search over the system dictionary d and the user
// dictionary u (which may be nil). first, when not nil, stands for d's POS
// table, which is then nil: each known morpheme's first POS id + 1, 0 for
// none (loadSearchDict).
func newViterbi(d *dict.Dict, u *dict.UserDict, first []uint32) *viterbi {
	v := &viterbi{d: d, u: u}
	v.dup = denseDup(d.Index.Dup, len(d.Morphs))
	if u != nil {
		v.udup = denseDup(u.Index.Dup, len(u.Contents))
	}
	n := len(d.CharClass)
	v.unkID, v.unkDup = make([]int32, n), make([]int32, n)
	for c := range n {
		v.unkID[c] = d.UnkDict.Index[int32(c)]
		v.unkDup[c] = d.UnkDict.IndexDup[int32(c)]
	}
	if first == nil {
		first = make([]uint32, len(d.POSTable.POSs))
		for id, pos := range d.POSTable.POSs {
			if len(pos) > 0 {
				first[id] = uint32(pos[0]) + 1
			}
		}
	}
	if names := len(d.POSTable.NameList); names < tagNone && len(first) <= len(d.Morphs) {
		v.tag = make([]uint16, len(d.Morphs))
		for id, f := range first {
			switch {
			case f == 0:
			case int(f) <= names:
				v.tag[id] = uint16(f)
			default:
				v.tag[id] = tagNone
			}
		}
	}
	v.latPool.New = func() any { return new(lattice) }
	return v
}

// denseDup turns an index table's map of duplicate counts into a slice by
// id (missing ids count 0, as in the map). Ids beyond n, if any, are kept.
func denseDup(m map[int32]int32, n int) []int32 {
	for k := range m {
		if int(k) >= n {
			n = int(k) + 1
		}
	}
	out := make([]int32, n)
	for k, c := range m {
		if k >= 0 {
			out[k] = c
		}
	}
	return out
}

func dupOf(dup []int32, id int) int {
	if id < len(dup) {
		return int(dup[id])
	}
	return 0
}

// knownTag is tokenizer.Token.FeatureAt(0) for a known morpheme.
func knownTag(d *dict.Dict, id int) (string, bool) {
	if id < len(d.POSTable.POSs) {
		if pos := d.POSTable.POSs[id]; len(pos) > 0 {
			if int(pos[0]) >= len(d.POSTable.NameList) {
				return "", false // kagome would index past the list here
			}
			return d.POSTable.NameList[pos[0]], true
		}
	}
	if len(d.Contents) <= id {
		return "", false
	}
	if c := d.Contents[id]; len(c) > 0 {
		return c[0], true
	}
	return "", false
}

// analyze returns the tokens of the best path through inp without BOS and
// EOS: what kagome's Analyze(inp, Normal) returns with OmitBosEos.
func (v *viterbi) analyze(inp string, out []ktoken) []ktoken {
	la := v.latPool.Get().(*lattice)
	v.build(la, inp)
	v.forward(la)
	// Backward: follow the best previous nodes from EOS.
	la.path = la.path[:0]
	last := la.ends[len(la.ends)-1]
	for p := last[0]; p >= 0; p = la.nodes[p].prev {
		la.path = append(la.path, p)
	}
	for i := len(la.path) - 1; i >= 0; i-- {
		n := &la.nodes[la.path[i]]
		if n.id == bosEosID {
			continue
		}
		out = append(out, v.token(inp, n))
	}
	v.latPool.Put(la)
	return out
}

func (v *viterbi) token(inp string, n *lnode) ktoken {
	t := ktoken{Surface: inp[n.pos:n.end], class: n.class, id: n.id}
	switch n.class {
	case classKnown:
		if int(n.id) < len(v.tag) && v.tag[n.id] != 0 {
			if v.tag[n.id] != tagNone {
				t.tag, t.tagOK = v.d.POSTable.NameList[v.tag[n.id]-1], true
			}
		} else {
			t.tag, t.tagOK = knownTag(v.d, int(n.id))
		}
	case classUnknown:
		if int(n.id) < len(v.d.UnkDict.Contents) {
			if c := v.d.UnkDict.Contents[n.id]; len(c) > 0 {
				t.tag, t.tagOK = c[0], true
			}
		}
	case classUser:
		if int(n.id) < len(v.u.Contents) {
			t.tag, t.tagOK = v.u.Contents[n.id].Pos, true
		}
	}
	return t
}

// add appends a node ending at rune position endRune.
func (la *lattice) add(n lnode, endRune int) {
	la.ends[endRune] = append(la.ends[endRune], int32(len(la.nodes)))
	la.nodes = append(la.nodes, n)
}

// build is lattice.Build: for every character, the user dictionary's words
// starting there, else the system dictionary's, and the unknown words of
// its character class when nothing matched or the class always asks for
// them.
func (v *viterbi) build(la *lattice, inp string) {
	d := v.d
	rc := utf8.RuneCountInString(inp)
	la.nodes = la.nodes[:0]
	if cap(la.ends) < rc+2 {
		la.ends = append(la.ends[:cap(la.ends)], make([][]int32, rc+2-cap(la.ends))...)
	}
	la.ends = la.ends[:rc+2]
	for i := range la.ends {
		la.ends[i] = la.ends[i][:0]
	}
	la.add(lnode{id: bosEosID, prev: -1}, 0)
	la.add(lnode{id: bosEosID, start: int32(rc), pos: int32(len(inp)), end: int32(len(inp)), prev: -1}, rc+1)

	runePos := -1
	for pos, ch := range inp {
		runePos++
		anyMatches := false
		rest := inp[pos:]
		if v.u != nil {
			v.u.Index.Da.CommonPrefixSearchCallback(rest, func(x, l int) {
				end := runePos + utf8.RuneCountInString(rest[:l])
				for id := x; id < x+dupOf(v.udup, x)+1; id++ {
					la.add(lnode{id: int32(id), start: int32(runePos), pos: int32(pos), end: int32(pos + l), prev: -1, class: classUser}, end)
				}
				anyMatches = true
			})
		}
		if anyMatches {
			continue
		}
		d.Index.Da.CommonPrefixSearchCallback(rest, func(x, l int) {
			end := runePos + utf8.RuneCountInString(rest[:l])
			for id := x; id < x+dupOf(v.dup, x)+1; id++ {
				m := d.Morphs[id]
				la.add(lnode{id: int32(id), start: int32(runePos), pos: int32(pos), end: int32(pos + l),
					left: int32(m.LeftID), right: int32(m.RightID), weight: int32(m.Weight), prev: -1, class: classKnown}, end)
			}
			anyMatches = true
		})
		class := d.CharacterCategory(ch)
		if anyMatches && !d.InvokeList[int(class)] {
			continue
		}
		endPos := pos + 1
		if ch != utf8.RuneError {
			endPos = pos + utf8.RuneLen(ch)
		}
		unkWordLen := 1
		if d.GroupList[int(class)] {
			for i, w := endPos, 0; i < len(inp); i += w {
				var c rune
				c, w = utf8.DecodeRuneInString(inp[i:])
				if d.CharacterCategory(c) != class {
					break
				}
				endPos += w
				unkWordLen++
				if unkWordLen >= maximumUnknownWordLength {
					break
				}
			}
		}
		prev := pos
		if c, size := utf8.DecodeLastRuneInString(inp[pos:endPos]); c != utf8.RuneError {
			prev = endPos - size
		}
		id, dup := int(v.unkID[class]), int(v.unkDup[class])
		endRunes := runePos + utf8.RuneCountInString(inp[pos:endPos])
		prevRunes := runePos + utf8.RuneCountInString(inp[pos:prev])
		for x := range dup + 1 {
			m := d.UnkDict.Morphs[id+x]
			n := lnode{id: int32(id + x), start: int32(runePos), pos: int32(pos), end: int32(prev),
				left: int32(m.LeftID), right: int32(m.RightID), weight: int32(m.Weight), prev: -1, class: classUnknown}
			if pos < prev {
				// the word with its last character left off
				la.add(n, prevRunes)
			}
			n.end = int32(endPos)
			la.add(n, endRunes)
		}
	}
}

// forward is lattice.Forward in Normal mode: each node's cost is the
// cheapest path to it, the first of equal ones in the order nodes were
// added.
func (v *viterbi) forward(la *lattice) {
	conn := v.d.Connection.Vec
	rows := v.d.Connection.Row
	nodes := la.nodes
	for i := 1; i < len(la.ends); i++ {
		for _, ti := range la.ends[i] {
			t := &nodes[ti]
			prevList := la.ends[t.start]
			if len(prevList) == 0 {
				t.cost = maximumCost
				continue
			}
			base := rows * int64(t.left)
			for j, ni := range prevList {
				n := &nodes[ni]
				var c int16
				if n.class != classUser && t.class != classUser {
					c = conn[base+int64(n.right)]
				}
				total := int64(c) + int64(t.weight) + int64(n.cost)
				if total > maximumCost {
					total = maximumCost
				}
				if j == 0 || int32(total) < t.cost {
					t.cost = int32(total)
					t.prev = ni
				}
			}
		}
	}
}
