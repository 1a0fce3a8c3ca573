package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine/summary"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// SummaryDoc is a summary (summary.md) read for evaluation: its outline's
// headings and the points under them.
type SummaryDoc struct {
	Path     string         `json:"path"`
	Headings []string       `json:"headings"`
	Points   []SummaryPoint `json:"points"`
	// Bytes is the size of the document's text (headings and points).
	Bytes int `json:"bytes"`
}

// SummaryPoint is one point of a summary: a list item with its nested
// items, a paragraph, a quote, a code block or a table row.
type SummaryPoint struct {
	Text string `json:"text"`
	// Lead is what the point leads with: its opening bold span, or its
	// text up to the first colon or sentence end.
	Lead string `json:"lead,omitempty"`
	// Code is set for code blocks and table rows, which are checked
	// against the notes as a whole.
	Code bool `json:"code,omitempty"`
	// Members are who wrote the point; only summaries read from `moim
	// generate --doc summary --format json` have them.
	Members []string `json:"members,omitempty"`
}

// ReadSummary reads a summary from path: markdown, or the JSON report of
// `moim generate --doc summary --format json`, where week selects the
// week (0 takes the only one).
func ReadSummary(path string, week int) (*SummaryDoc, error) {
	src, err := readSource(path)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(strings.TrimSpace(src), "{") {
		return summaryFromJSON(path, src, week)
	}
	return ParseSummaryMarkdown(path, src), nil
}

var deepHeading = regexp.MustCompile(`^\s{0,3}#{4,6}\s+(.*?)\s*#*\s*$`)

// ParseSummaryMarkdown reads a summary through doc.ReadSummaryOutline: every
// heading but the title, and every item under them. The header fields
// (정리자, 날짜) and an overview block opening the document ("## 주요 내용",
// "## 개요": the template's) are left out: they are not the outline and not
// taken from the notes.
func ParseSummaryMarkdown(path, src string) *SummaryDoc {
	d := &SummaryDoc{Path: path}
	o := doc.ReadSummaryOutline(src)
	for i, b := range o.Blocks {
		if i == 0 && isOverview(b.Heading) {
			continue
		}
		if b.Heading != "" {
			d.Headings = append(d.Headings, b.Heading)
		}
		d.addItems(b.Intro)
		for _, s := range b.Sections {
			d.Headings = append(d.Headings, s.Heading)
			d.addItems(s.Items)
		}
	}
	for _, h := range d.Headings {
		d.Bytes += len(h)
	}
	return d
}

var (
	boldLead = regexp.MustCompile(`^(?:[-*+>]\s+|\d+[.)]\s+)*\*\*([^*]+)\*\*`)
	textLead = regexp.MustCompile(`^([^:：.!?]{2,60})`)
)

// leadOf is what a point's first line leads with: its opening bold span,
// or its text up to the first colon or sentence end.
func leadOf(line string) string {
	line = strings.TrimSpace(line)
	if m := boldLead.FindStringSubmatch(line); m != nil {
		return strings.TrimSpace(m[1])
	}
	if m := textLead.FindStringSubmatch(plain(strings.TrimLeft(line, "-*+> "))); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

func isOverview(h string) bool {
	c := text.Compact(h)
	return c == "개요" || c == "주요내용" || c == "overview" || c == "summary"
}

func (d *SummaryDoc) addItems(its []doc.OutlineItem) {
	for _, it := range its {
		if it.Kind == doc.ItemText && len(it.Lines) == 1 {
			if m := deepHeading.FindStringSubmatch(it.Lines[0]); m != nil {
				d.Headings = append(d.Headings, m[1])
				continue
			}
		}
		p := SummaryPoint{Text: plain(it.Plain), Lead: leadOf(it.Lines[0])}
		switch it.Kind {
		case doc.ItemCode:
			p.Code = true
			p.Text = strings.Join(it.Lines[1:max(1, len(it.Lines)-1)], "\n")
		case doc.ItemRow:
			p.Code = true
			p.Text = strings.Join(it.Cells, " ")
		case doc.ItemText:
			p.Text = strings.TrimSpace(strings.TrimPrefix(p.Text, ">"))
		}
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		d.Bytes += len(p.Text)
		d.Points = append(d.Points, p)
	}
}

func summaryFromJSON(path, src string, week int) (*SummaryDoc, error) {
	var rep insight.Report
	if err := json.Unmarshal([]byte(src), &rep); err != nil {
		return nil, fmt.Errorf("eval: %s: not a moim JSON report: %v", path, err)
	}
	var s *insight.Summary
	for i := range rep.Summaries {
		if week == 0 && len(rep.Summaries) == 1 || rep.Summaries[i].Number == week {
			s = &rep.Summaries[i]
		}
	}
	if s == nil {
		return nil, fmt.Errorf("eval: %s: no summary of week %d in the report (generate it with --doc summary --format json)", path, week)
	}
	return FromSummary(path, s), nil
}

// FromSummary reads a generated summary (insight.Summary) for evaluation:
// its outline's headings and points, each with the members who wrote it.
func FromSummary(path string, s *insight.Summary) *SummaryDoc {
	d := &SummaryDoc{Path: path}
	for _, sec := range s.Sections {
		d.Headings = append(d.Headings, sec.Heading())
		d.Bytes += len(sec.Heading())
		for _, p := range sec.Points {
			sp := SummaryPoint{Text: plain(p.Text()), Members: p.Members}
			if len(p.Lines) > 0 {
				sp.Lead = leadOf(p.Lines[0])
			}
			if p.Kind == insight.PointCode || p.Kind == insight.PointTable {
				sp.Code = true
				sp.Text = strings.Join(p.Lines, "\n")
			}
			d.Bytes += len(sp.Text)
			d.Points = append(d.Points, sp)
		}
	}
	return d
}

// SummaryResult compares a summary with a reference summary and the notes.
type SummaryResult struct {
	Reference string `json:"reference"`
	Generated string `json:"generated"`
	// RefHeadings counts the reference's headings; HeadingCovered those
	// the generated outline has as a heading (summary.HeadingSim at least
	// MinHeadingSim), HeadingCoverage their share. Covered counts those
	// the generated summary has as a heading or as what a point leads
	// with (the reference turned a point into a heading), Coverage their
	// share; Missed are the rest.
	RefHeadings     int      `json:"ref_headings"`
	GenHeadings     int      `json:"gen_headings"`
	HeadingCovered  int      `json:"heading_covered"`
	HeadingCoverage *float64 `json:"heading_coverage,omitempty"`
	Covered         int      `json:"covered"`
	Coverage        *float64 `json:"coverage,omitempty"`
	Missed          []string `json:"missed,omitempty"`
	// Terms is the share of the reference's terms the generated summary
	// has; Concepts the same for its specific concept terms (compounds,
	// Latin terms, longer nouns: analyze.Specific); Precision the share
	// of the generated concept terms the reference has.
	Terms     *float64 `json:"terms,omitempty"`
	Concepts  *float64 `json:"concepts,omitempty"`
	Precision *float64 `json:"concept_precision,omitempty"`
	// Points are the generated points; Supported those whose every
	// sentence a note supports: the note of a member who wrote the point
	// when the summary names them (JSON), else any note of the week.
	Points    int      `json:"points"`
	Supported *float64 `json:"supported,omitempty"`
	// RefPoints and RefSupported are the same for the reference, against
	// any note, for calibration.
	RefPoints    int      `json:"ref_points"`
	RefSupported *float64 `json:"ref_supported,omitempty"`
	// Unsupported lists up to ten generated points no note supports.
	Unsupported []string `json:"unsupported,omitempty"`
	RefBytes    int      `json:"ref_bytes"`
	GenBytes    int      `json:"gen_bytes"`
	Notes       bool     `json:"notes"`
	Threshold   float64  `json:"threshold,omitempty"`
}

// MinHeadingSim is the least summary.HeadingSim at which a generated
// heading covers a reference heading.
const MinHeadingSim = 0.5

// CompareSummary measures the summary gen against the reference ref and,
// when notes is not nil, against the week's notes.
func CompareSummary(ref, gen *SummaryDoc, notes Notes, opt Options) *SummaryResult {
	c := newComparer(notes, opt)
	opt = c.opt
	r := &SummaryResult{Reference: ref.Path, Generated: gen.Path, RefHeadings: len(ref.Headings), GenHeadings: len(gen.Headings),
		RefBytes: ref.Bytes, GenBytes: gen.Bytes, Points: len(gen.Points), RefPoints: len(ref.Points), Notes: notes != nil}
	for _, h := range ref.Headings {
		best := 0.0
		for _, g := range gen.Headings {
			best = max(best, summary.HeadingSim(h, g))
			if best >= 1 {
				break
			}
		}
		if best >= MinHeadingSim {
			r.HeadingCovered++
			r.Covered++
			continue
		}
		for _, p := range gen.Points {
			if p.Lead != "" && summary.HeadingSim(h, p.Lead) >= MinHeadingSim {
				best = 1
				break
			}
		}
		if best >= MinHeadingSim {
			r.Covered++
		} else {
			r.Missed = append(r.Missed, h)
		}
	}
	r.HeadingCoverage = share(r.HeadingCovered, r.RefHeadings)
	r.Coverage = share(r.Covered, r.RefHeadings)

	refText, genText := ref.text(), gen.text()
	refTerms, genTerms := set(opt.Terms(refText)), set(opt.Terms(genText))
	if len(refTerms) > 0 {
		r.Terms = round4(float64(common(refTerms, genTerms)) / float64(len(refTerms)))
	}
	refC, genC := concepts(refText), concepts(genText)
	if len(refC) > 0 {
		r.Concepts = round4(float64(common(refC, genC)) / float64(len(refC)))
	}
	if len(genC) > 0 {
		r.Precision = round4(float64(common(refC, genC)) / float64(len(genC)))
	}

	if notes != nil {
		r.Threshold = opt.Threshold
		sup := 0
		for _, p := range gen.Points {
			if c.supportsPoint(p) {
				sup++
			} else if len(r.Unsupported) < 10 {
				r.Unsupported = append(r.Unsupported, clipRunes(p.Text, 120))
			}
		}
		r.Supported = share(sup, len(gen.Points))
		refSup := 0
		for _, p := range ref.Points {
			if c.supportsPoint(SummaryPoint{Text: p.Text, Code: p.Code}) {
				refSup++
			}
		}
		r.RefSupported = share(refSup, len(ref.Points))
	}
	return r
}

// supportsPoint tells whether the notes support every sentence of a point:
// the notes of the members who wrote it when known, else any note. Code
// and table rows must occur in the note as they are (compared compacted).
func (c *comparer) supportsPoint(p SummaryPoint) bool {
	var idx []*noteIndex
	for _, m := range p.Members {
		if ix := c.notes[fold(m)]; ix != nil {
			idx = append(idx, ix)
		}
	}
	if len(p.Members) == 0 {
		idx = c.order
	}
	if len(idx) == 0 {
		return false
	}
	if p.Code {
		for _, ix := range idx {
			if ix.hasQuote(p.Text) || len([]rune(text.Compact(p.Text))) < 4 {
				return true
			}
		}
		// A long block: every line in the note.
		for _, l := range strings.Split(p.Text, "\n") {
			if len([]rune(text.Compact(l))) < 4 {
				continue
			}
			found := false
			for _, ix := range idx {
				if ix.hasQuote(l) || ix.best(text.NewBigrams(l, text.SentenceSupport.BigramOptions)) >= c.opt.Threshold {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	for _, s := range text.Sentences(p.Text) {
		if utf8.RuneCountInString(text.Compact(s)) < 4 {
			continue
		}
		g := text.NewBigrams(s, text.SentenceSupport.BigramOptions)
		found := false
		for _, ix := range idx {
			if ix.best(g) >= c.opt.Threshold || ix.hasQuote(s) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (d *SummaryDoc) text() string {
	var b strings.Builder
	for _, h := range d.Headings {
		b.WriteString(h)
		b.WriteString("\n")
	}
	for _, p := range d.Points {
		if !p.Code {
			b.WriteString(p.Text)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// concepts are the keys of the specific concept terms of a text.
func concepts(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range text.Default().Terms(s) {
		if analyze.Specific(t.Text) {
			out[t.Key] = true
		}
	}
	return out
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// WriteSummaryJSON writes a summary comparison as indented JSON.
func WriteSummaryJSON(w io.Writer, r *SummaryResult) error { return writeJSON(w, r) }

// WriteSummaryTable writes a summary comparison for people.
func WriteSummaryTable(w io.Writer, r *SummaryResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "reference: %s\ngenerated: %s\n\n", r.Reference, r.Generated)
	fmt.Fprintf(&b, "headings   %d of the reference's %d covered by a heading (%s), %d by a heading or a point's lead (%s); the generated outline has %d\n",
		r.HeadingCovered, r.RefHeadings, num(r.HeadingCoverage), r.Covered, num(r.Coverage), r.GenHeadings)
	fmt.Fprintf(&b, "terms      %s of the reference's terms; concepts %s (precision %s)\n", num(r.Terms), num(r.Concepts), num(r.Precision))
	if r.Notes {
		fmt.Fprintf(&b, "support    %s of %d generated points supported by their notes (reference: %s of %d)\n", num(r.Supported), r.Points, num(r.RefSupported), r.RefPoints)
	} else {
		fmt.Fprintf(&b, "points     %d generated, %d in the reference\n", r.Points, r.RefPoints)
	}
	fmt.Fprintf(&b, "size       %d bytes of text generated, %d in the reference\n", r.GenBytes, r.RefBytes)
	if len(r.Missed) > 0 {
		fmt.Fprintf(&b, "\nheadings of the reference not covered:\n")
		for _, h := range r.Missed {
			fmt.Fprintf(&b, "  - %s\n", h)
		}
	}
	if len(r.Unsupported) > 0 {
		fmt.Fprintf(&b, "\ngenerated points no note supports (first %d):\n", len(r.Unsupported))
		for _, p := range r.Unsupported {
			fmt.Fprintf(&b, "  - %s\n", p)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
