package llm

import (
	"slices"
	"strconv"
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/note"
)

// chunkItem is one evidence sentence with the headings it sits under.
type chunkItem struct {
	Ev   analyze.Evidence
	Path []string
}

// estimateTokens is a conservative token estimate: a token per four ASCII
// bytes and one per other character (Hangul syllables mostly take one or
// more tokens).
func estimateTokens(s string) int {
	ascii, other := 0, 0
	for _, r := range s {
		if r < 128 {
			ascii++
		} else {
			other++
		}
	}
	return (ascii+3)/4 + other
}

func itemCost(it chunkItem) int {
	return estimateTokens(evidenceLine(it.Ev)) + 2
}

// memberItems returns the member's analysed sentences (the ids the model
// cites) in note order, with the headings they sit under in the parsed
// note.
func memberItems(am *analyze.Member, doc *note.Document) []chunkItem {
	if am == nil {
		return nil
	}
	evs := make([]analyze.Evidence, 0, len(am.Sentences))
	for _, s := range am.Sentences {
		evs = append(evs, s.Evidence)
	}
	// A note may join several files (a member's additional notes): order
	// by file, in the note's order, then by line.
	type fileLine struct {
		file string
		line int
	}
	rank := map[string]int{}
	byLine := map[fileLine][]string{}
	if doc != nil {
		for _, s := range doc.Sentences {
			f := doc.FileOf(s)
			if _, ok := rank[f]; !ok {
				rank[f] = len(rank)
			}
			if _, ok := byLine[fileLine{f, s.Line}]; !ok {
				byLine[fileLine{f, s.Line}] = s.Path
			}
		}
	}
	slices.SortFunc(evs, func(x, y analyze.Evidence) int {
		if rx, ry := rank[x.File], rank[y.File]; rx != ry {
			return rx - ry
		}
		if x.Line != y.Line {
			return x.Line - y.Line
		}
		return compareIDs(x.ID, y.ID)
	})
	items := make([]chunkItem, len(evs))
	for i, ev := range evs {
		path := byLine[fileLine{ev.File, ev.Line}]
		if doc != nil {
			if sid, ok := sentenceIndex(ev.ID); ok && sid < len(doc.Sentences) && doc.Sentences[sid].Line == ev.Line {
				path = doc.Sentences[sid].Path
			}
		}
		items[i] = chunkItem{Ev: ev, Path: path}
	}
	return items
}

// sentenceIndex parses the sentence part of an evidence id ("2.41" → 41).
func sentenceIndex(id string) (int, bool) {
	i := strings.LastIndexByte(id, '.')
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(id[i+1:])
	return n, err == nil
}

// compareIDs orders "m.s" ids numerically.
func compareIDs(a, b string) int {
	am, as, _ := strings.Cut(a, ".")
	bm, bs, _ := strings.Cut(b, ".")
	if c := numCompare(am, bm); c != 0 {
		return c
	}
	return numCompare(as, bs)
}

func numCompare(a, b string) int {
	x, errx := strconv.Atoi(a)
	y, erry := strconv.Atoi(b)
	if errx == nil && erry == nil {
		return x - y
	}
	return strings.Compare(a, b)
}

// splitChunks splits items into chunks whose cost fits budget, cutting
// along headings: first between top-level sections, then deeper, and only
// when a single heading's text is too big, between sentences. Every item
// lands in exactly one chunk, in order; nothing is dropped.
func splitChunks(items []chunkItem, budget int) [][]chunkItem {
	if len(items) == 0 {
		return nil
	}
	return split(items, 0, budget)
}

func cost(items []chunkItem) int {
	n := 0
	for _, it := range items {
		n += itemCost(it)
	}
	return n
}

func split(items []chunkItem, level, budget int) [][]chunkItem {
	if cost(items) <= budget {
		return [][]chunkItem{items}
	}
	groups := groupAt(items, level)
	if len(groups) == 1 {
		if level < maxDepth(items) {
			return split(items, level+1, budget)
		}
		return cutBySize(items, budget)
	}
	// Pack consecutive heading groups; a group too big on its own is
	// split one level deeper.
	var out [][]chunkItem
	var cur []chunkItem
	curCost := 0
	for _, g := range groups {
		gc := cost(g)
		if gc > budget {
			if len(cur) > 0 {
				out = append(out, cur)
				cur, curCost = nil, 0
			}
			out = append(out, split(g, level+1, budget)...)
			continue
		}
		if curCost+gc > budget && len(cur) > 0 {
			out = append(out, cur)
			cur, curCost = nil, 0
		}
		cur = append(cur, g...)
		curCost += gc
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// groupAt groups consecutive items sharing the heading at depth level.
func groupAt(items []chunkItem, level int) [][]chunkItem {
	var groups [][]chunkItem
	prev := "\x00"
	for _, it := range items {
		k := ""
		if level < len(it.Path) {
			k = strings.Join(it.Path[:level+1], "\x1f")
		}
		if k != prev || len(groups) == 0 {
			groups = append(groups, nil)
			prev = k
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], it)
	}
	return groups
}

func maxDepth(items []chunkItem) int {
	d := 0
	for _, it := range items {
		d = max(d, len(it.Path))
	}
	return d
}

// cutBySize packs sentences greedily; a single sentence larger than the
// budget still gets a chunk of its own (it is never cut).
func cutBySize(items []chunkItem, budget int) [][]chunkItem {
	var out [][]chunkItem
	var cur []chunkItem
	n := 0
	for _, it := range items {
		c := itemCost(it)
		if n+c > budget && len(cur) > 0 {
			out = append(out, cur)
			cur, n = nil, 0
		}
		cur = append(cur, it)
		n += c
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
