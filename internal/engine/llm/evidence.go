package llm

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// neighbours is how many sentences (or list items) on each side of a
// cited one count as its context.
const neighbours = 3

// citable is one piece of evidence a bullet may cite, with what the checks
// read around it.
type citable struct {
	analyze.Evidence
	// Context holds the sentence's neighbours in its paragraph or list (a
	// list item's parent and sub-items too) and the headings above it.
	Context []string
	// Counts are the sizes of what the sentence belongs to or introduces:
	// the items of its list level, its sub-items, the sentences of its
	// paragraph. "세 가지" may count any of them.
	Counts []int
	// Next marks next week's material (schedule row, chapter summary,
	// next week's notes), which only 다음 주차 연결 포인트 cites.
	Next bool
}

// evidence is everything of a week that bullets may cite and name.
type evidence struct {
	byID map[string]*citable
	// notes holds, per member, the note's whole text compacted (see
	// text.Compact): what a bullet about the member may name.
	notes map[string]string
	// week is every note of the week, compacted; nextText next week's
	// material.
	week, nextText string
	// next lists next week's material in order.
	next []*citable
}

// newEvidence indexes the week's analysed sentences with their context,
// and next week's material under ids "n.0", "n.1", ….
func newEvidence(in *engine.Input) *evidence {
	ev := &evidence{byID: map[string]*citable{}, notes: map[string]string{}}
	var week strings.Builder
	for _, m := range in.Analysis.Members {
		if m.Doc == nil {
			continue
		}
		ctx := newDocContext(m.Doc)
		for _, s := range m.Sentences {
			c := &citable{Evidence: s.Evidence}
			if sid, ok := sentenceIndex(s.ID); ok {
				c.Context, c.Counts = ctx.around(sid)
			}
			ev.byID[s.ID] = c
		}
		// What the note is may be named too (the summary says how it is
		// written): its format as the prompt describes it.
		t := compactDoc(m.Doc) + "|" + text.Compact(noteFormat(m.Doc))
		ev.notes[m.Name] = t
		week.WriteString(t)
	}
	ev.week = week.String()
	ev.addNext(in)
	return ev
}

// compactDoc is the compacted text of everything a note says: blocks
// (code included), headings, link targets.
func compactDoc(d *note.Document) string {
	var b strings.Builder
	b.WriteString(text.Compact(d.Title))
	for _, bl := range d.Blocks {
		b.WriteString(text.Compact(bl.Text))
		b.WriteByte('|')
	}
	for _, s := range d.Sentences {
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			b.WriteString(text.Compact(s.Text))
			b.WriteByte('|')
		}
	}
	for _, l := range d.Links {
		b.WriteString(text.Compact(l))
		b.WriteByte('|')
	}
	return b.String()
}

// maxNext bounds next week's material in the group request.
const (
	maxNextSummary = 40
	maxNextPerNote = 8
)

// addNext adds next week's schedule row, the chapter summary sentences and
// a few sentences of each of next week's notes (those naming a concept of
// this week first).
func (ev *evidence) addNext(in *engine.Input) {
	var all strings.Builder
	add := func(e analyze.Evidence, ctx []string) {
		e.ID = fmt.Sprintf("n.%d", len(ev.next))
		c := &citable{Evidence: e, Context: ctx, Next: true}
		ev.next = append(ev.next, c)
		ev.byID[e.ID] = c
		all.WriteString(text.Compact(e.Text + " " + strings.Join(ctx, " ")))
		all.WriteByte('|')
	}
	if r := in.Next; r != nil {
		row := strings.Join(strings.Fields(strings.Join([]string{fmt.Sprintf("%d주차", r.Week), r.Date, r.Chapters, r.Topic}, " ")), " ")
		add(analyze.Evidence{File: r.Source, Line: r.Line, Text: row}, nil)
	}
	concepts := map[string]bool{}
	if in.Analysis != nil {
		for _, c := range in.Analysis.Concepts {
			if len(c.Members()) >= 2 && analyze.Specific(c.Term) {
				concepts[text.Compact(c.Term)] = true
			}
		}
	}
	for _, d := range in.NextDocs {
		if d == nil {
			continue
		}
		limit := maxNextPerNote
		if len(d.Blocks) == 0 {
			limit = maxNextSummary // a chapter summary: all of it, bounded
		}
		var sents []note.Sentence
		for _, s := range d.Sentences {
			s.Text = oneLine(analyze.StripLabel(analyze.Clean(s.Text)))
			if informativeLine(s.Text) {
				sents = append(sents, s)
			}
		}
		var picked []note.Sentence
		if limit < len(sents) {
			// Sentences naming this week's shared concepts first, then the
			// note's first sentences, in note order.
			take := map[int]bool{}
			for _, pass := range []bool{true, false} {
				for i, s := range sents {
					if len(take) < limit && !take[i] && namesAny(s.Text, concepts) == pass {
						take[i] = true
					}
				}
			}
			for i, s := range sents {
				if take[i] {
					picked = append(picked, s)
				}
			}
		} else {
			picked = sents
		}
		for _, s := range picked {
			var ctx []string
			if len(s.Path) > 0 {
				ctx = append(ctx, strings.Join(s.Path, " > "))
			}
			add(analyze.Evidence{File: d.Path, Line: s.Line, Text: s.Text}, ctx)
		}
	}
	ev.nextText = all.String()
}

// informativeLine reports whether a line of next week's material says
// something: not a short fragment, not a property line ("날짜: 4월 8일",
// "status: Done").
func informativeLine(s string) bool {
	if utf8.RuneCountInString(s) < 10 {
		return false
	}
	if k, v, ok := strings.Cut(s, ":"); ok && utf8.RuneCountInString(k) <= 8 && utf8.RuneCountInString(v) <= 24 && !strings.Contains(strings.TrimSpace(v), " ") {
		return false
	}
	if k, v, ok := strings.Cut(s, ":"); ok && utf8.RuneCountInString(k) <= 8 && utf8.RuneCountInString(strings.TrimSpace(v)) <= 16 {
		return false
	}
	return true
}

func namesAny(s string, terms map[string]bool) bool {
	c := text.Compact(s)
	for t := range terms {
		if strings.Contains(c, t) {
			return true
		}
	}
	return false
}

// docContext finds a sentence's neighbours in a parsed note.
type docContext struct {
	doc *note.Document
	// byBlock lists the sentence indexes of each block.
	byBlock map[int][]int
}

func newDocContext(d *note.Document) *docContext {
	c := &docContext{doc: d, byBlock: map[int][]int{}}
	for i, s := range d.Sentences {
		c.byBlock[s.Block] = append(c.byBlock[s.Block], i)
	}
	return c
}

// around returns the context of sentence sid (its neighbours in the same
// paragraph, list item or list, and its headings) and the counts it may
// stand for.
func (c *docContext) around(sid int) ([]string, []int) {
	d := c.doc
	if sid < 0 || sid >= len(d.Sentences) {
		return nil, nil
	}
	s := d.Sentences[sid]
	var ctx []string
	var counts []int
	if len(s.Path) > 0 {
		ctx = append(ctx, strings.Join(s.Path, " > "))
	}
	// The other sentences of its block.
	same := c.byBlock[s.Block]
	for k, i := range same {
		if i == sid {
			for j := max(0, k-neighbours); j < min(len(same), k+neighbours+1); j++ {
				if j != k {
					ctx = append(ctx, d.Sentences[same[j]].Text)
				}
			}
			break
		}
	}
	if len(same) > 1 {
		counts = append(counts, len(same))
	}
	if s.Block < 0 || s.Block >= len(d.Blocks) || d.Blocks[s.Block].Kind != note.KindListItem {
		return ctx, counts
	}
	// A list item: its list is the run of list items around it under the
	// same headings.
	b := s.Block
	first, last := b, b
	for first > 0 && sameList(d.Blocks[first-1], d.Blocks[b]) {
		first--
	}
	for last+1 < len(d.Blocks) && sameList(d.Blocks[last+1], d.Blocks[b]) {
		last++
	}
	level := d.Blocks[b].Level
	for j := max(first, b-neighbours); j <= min(last, b+neighbours); j++ {
		if j != b {
			ctx = append(ctx, d.Blocks[j].Text)
		}
	}
	// Its parent item, and its siblings at the same level under it.
	parent := -1
	for j := b - 1; j >= first; j-- {
		if d.Blocks[j].Level < level {
			parent = j
			break
		}
	}
	if parent >= 0 && parent < b-neighbours {
		ctx = append(ctx, d.Blocks[parent].Text)
	}
	siblings := 0
	for j := parent + 1; j <= last; j++ {
		if j < first {
			continue
		}
		if d.Blocks[j].Level < level {
			break
		}
		if d.Blocks[j].Level == level {
			siblings++
		}
	}
	if parent < 0 {
		siblings = 0
		for j := first; j <= last; j++ {
			if d.Blocks[j].Level == level {
				siblings++
			}
		}
	}
	counts = append(counts, siblings)
	// Its sub-items.
	children := 0
	for j := b + 1; j <= last && d.Blocks[j].Level > level; j++ {
		if d.Blocks[j].Level == level+1 {
			children++
		}
		if j > b+neighbours && children <= 2*neighbours {
			ctx = append(ctx, d.Blocks[j].Text)
		}
	}
	if children > 0 {
		counts = append(counts, children)
	}
	return ctx, counts
}

// sameList reports whether block a continues the list of block b: a list
// item under the same headings.
func sameList(a, b note.Block) bool {
	return a.Kind == note.KindListItem && strings.Join(a.Path, "\x1f") == strings.Join(b.Path, "\x1f")
}
