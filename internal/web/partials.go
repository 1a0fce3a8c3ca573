package web

import (
	"fmt"
	"html/template"

	"github.com/moim-study/moim/internal/insight"
)

// The views of templates/partials.html, shared by the week and member
// pages: sections, bullets, table rows and their sources in the notes.

type sectionView struct {
	Key, Heading, Kind, Notice string
	Bullets                    []bulletView
	Rows                       []rowView
	// Parts, when set, are the section's items as the stored document
	// has them, in its order (Bullets and Rows are then empty).
	Parts []partView
}

// partView is a run of items of a stored document: consecutive bullets,
// consecutive table rows, one paragraph line or one code block.
type partView struct {
	Kind     string // partBullets, partRows, partText or partCode
	Bullets  []bulletView
	Rows     []rowView
	Text     template.HTML
	Code     string
	Handmade bool
}

// Kinds of partView.
const (
	partBullets = "bullets"
	partRows    = "rows"
	partText    = "text"
	partCode    = "code"
)

type bulletView struct {
	ID      string
	Head    string
	Body    template.HTML
	Sources []sourceView
	Engine  string
	// Handmade marks an item of the stored document moim did not write.
	Handmade bool
}

type rowView struct {
	Written, Correction, Remark string
	Sources                     []sourceView
	Handmade                    bool
}

type sourceView struct {
	Member string
	File   string
	Line   int
	Quote  string
	Lines  []lineView
	Shown  bool // the file is one the site shows (a note or an output)
}

type lineView struct {
	N    int
	Text string
	Hit  bool
}

// contextLines is how many lines with text are shown above and below a
// source line; contextSpan is how far from it they may be.
const (
	contextLines = 2
	contextSpan  = 6
)

// source shows a bullet's source: the cited line and the lines with text
// around it, as a reader sees them in the rendered note (text, not
// markup).
func (snap *snapshot) source(src insight.Source) sourceView {
	sv := sourceView{Member: src.Member, File: src.File, Line: src.Line, Quote: src.Quote}
	f, ok := snap.files[src.File]
	if !ok {
		return sv
	}
	sv.Shown = true
	r, err := snap.rendered(f, snap.renderLinks)
	if err != nil || src.Line < 1 || src.Line > len(r.Text) {
		return sv
	}
	text := func(n int) string { return r.Text[n-1] }
	var above []lineView
	for n := src.Line - 1; n >= max(1, src.Line-contextSpan) && len(above) < contextLines; n-- {
		if t := text(n); t != "" {
			above = append([]lineView{{N: n, Text: t}}, above...)
		}
	}
	hit := text(src.Line)
	if hit == "" {
		hit = src.Quote
	}
	sv.Lines = append(above, lineView{N: src.Line, Text: hit, Hit: true})
	below := 0
	for n := src.Line + 1; n <= min(len(r.Text), src.Line+contextSpan) && below < contextLines; n++ {
		if t := text(n); t != "" {
			sv.Lines = append(sv.Lines, lineView{N: n, Text: t})
			below++
		}
	}
	return sv
}

func (snap *snapshot) section(sec insight.Section, idPrefix string) sectionView {
	sv := sectionView{Key: sec.Key, Heading: sec.Heading, Kind: sec.Kind, Notice: sec.Notice}
	for i, b := range sec.Bullets {
		sv.Bullets = append(sv.Bullets, snap.bullet(b, fmt.Sprintf("%s-b%d", idPrefix, i+1)))
	}
	for _, row := range sec.Rows {
		rv := rowView{Written: row.Written, Correction: row.Correction, Remark: row.Remark}
		for _, src := range row.Sources {
			rv.Sources = append(rv.Sources, snap.source(src))
		}
		sv.Rows = append(sv.Rows, rv)
	}
	return sv
}

func (snap *snapshot) bullet(b insight.Bullet, id string) bulletView {
	bv := bulletView{ID: id, Head: b.Head, Body: inlineHTML(b.Text), Engine: b.Engine}
	for _, src := range b.Sources {
		bv.Sources = append(bv.Sources, snap.source(src))
	}
	return bv
}
