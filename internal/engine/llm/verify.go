package llm

import (
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// Rejection reasons, also the suffixes of the "rejected_*" stats keys.
const (
	reasonEmpty       = "empty"
	reasonNoCitation  = "no_citation"
	reasonUnknownID   = "unknown_id"
	reasonOtherMember = "other_member"
	reasonQuote       = "quote_not_in_note"
	reasonUnsupported = "unsupported"
)

// verifier checks a model's bullets against the notes.
type verifier struct {
	// member is whose note the bullets are about; "" accepts evidence of
	// any member (group sections).
	member    string
	sentences map[string]analyze.Evidence
	// note holds the normalised text of the member's note (sentences and
	// blocks) for quote checks.
	note       []string
	minSupport float64
	engineName string
	// extra adds text that also supports a cited id (for group bullets:
	// the member bullets built on that sentence).
	extra map[string]string
}

// newVerifier checks bullets about member ("" for the group sections)
// that cite sentences, the week's analysed sentences by evidence ID.
func newVerifier(member string, sentences map[string]analyze.Evidence, doc *note.Document, minSupport float64, engineName string) *verifier {
	v := &verifier{member: member, sentences: sentences, minSupport: minSupport, engineName: engineName}
	for _, ev := range v.sentences {
		if member == "" || ev.Member == member {
			v.note = append(v.note, text.Compact(ev.Text))
		}
	}
	if doc != nil {
		for _, b := range doc.Blocks {
			v.note = append(v.note, text.Compact(b.Text))
		}
	}
	return v
}

// verdict is the outcome for one bullet or row.
type verdict struct {
	Bullet   insight.Bullet
	Row      insight.Row
	IDs      []string
	Repaired bool
	Reason   string // "" = accepted
}

// citations resolves cited ids; invalid ones are dropped (a repair) and
// the first problem is returned when none is left.
func (v *verifier) citations(cite []string) ([]analyze.Evidence, bool, string) {
	var evs []analyze.Evidence
	seen := map[string]bool{}
	bad := ""
	for _, id := range cite {
		id = strings.TrimSpace(strings.Trim(id, "[]"))
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		ev, ok := v.sentences[id]
		switch {
		case !ok:
			if bad == "" {
				bad = reasonUnknownID
			}
		case v.member != "" && ev.Member != v.member:
			if bad == "" {
				bad = reasonOtherMember
			}
		default:
			evs = append(evs, ev)
		}
	}
	if len(evs) == 0 {
		if bad == "" {
			bad = reasonNoCitation
		}
		return nil, false, bad
	}
	return evs, bad != "", ""
}

// bullet verifies one bullet; support is the minimum bigram share.
func (v *verifier) bullet(b answerBullet, support float64) verdict {
	head := cleanInline(b.Head, 60)
	head = strings.TrimRight(head, ":： ")
	body := cleanInline(b.Text, 400)
	if body == "" && head == "" {
		return verdict{Reason: reasonEmpty}
	}
	evs, repaired, reason := v.citations(b.Cite)
	if reason != "" {
		return verdict{Reason: reason}
	}
	quote := cleanInline(b.Quote, 200)
	if quote != "" && !v.inNote(quote) {
		return verdict{Reason: reasonQuote}
	}
	if supportScore(head+" "+body, evs, v.extra) < support {
		return verdict{Reason: reasonUnsupported}
	}
	out := insight.Bullet{Head: head, Text: body, Engine: v.engineName}
	var ids []string
	for _, ev := range evs {
		q := clip(oneLine(ev.Text), 160)
		if quote != "" && strings.Contains(text.Compact(ev.Text), text.Compact(quote)) {
			q = quote
		}
		out.Sources = append(out.Sources, insight.Source{File: ev.File, Line: ev.Line, Member: ev.Member, Quote: q})
		ids = append(ids, ev.ID)
	}
	return verdict{Bullet: out, IDs: ids, Repaired: repaired}
}

// row verifies one 오개념 정리 row: it must cite the member's sentence it
// corrects, and "written" must come from that sentence.
func (v *verifier) row(r answerRow) verdict {
	written := cleanInline(r.Written, 300)
	correction := cleanInline(r.Correction, 400)
	if written == "" || correction == "" {
		return verdict{Reason: reasonEmpty}
	}
	evs, repaired, reason := v.citations(r.Cite)
	if reason != "" {
		return verdict{Reason: reason}
	}
	if supportScore(written, evs, nil) < 0.5 {
		return verdict{Reason: reasonQuote}
	}
	out := insight.Row{Written: written, Correction: correction, Remark: cleanInline(r.Remark, 200), Engine: v.engineName}
	var ids []string
	for _, ev := range evs {
		out.Sources = append(out.Sources, insight.Source{File: ev.File, Line: ev.Line, Member: ev.Member, Quote: clip(oneLine(ev.Text), 160)})
		ids = append(ids, ev.ID)
	}
	return verdict{Row: out, IDs: ids, Repaired: repaired}
}

func (v *verifier) inNote(quote string) bool {
	q := text.Compact(quote)
	if q == "" {
		return true
	}
	for _, t := range v.note {
		if strings.Contains(t, q) {
			return true
		}
	}
	return false
}

// supportScore is text.Support of the claim by the cited sentences (and
// the extra text for their ids), as text.CitationSupport measures it: the
// share of the claim's distinct in-word bigrams the sentences contain.
func supportScore(claim string, evs []analyze.Evidence, extra map[string]string) float64 {
	var src strings.Builder
	for _, ev := range evs {
		src.WriteString(ev.Text)
		src.WriteString(" ")
		src.WriteString(extra[ev.ID])
		src.WriteString(" ")
	}
	return text.Support(claim, src.String(), text.CitationSupport)
}

// cleanInline makes model text safe for one line of the document: no line
// breaks, no leading block markers (headings, lists, quotes, tables), no
// bold markers (the renderer adds its own), at most n characters.
func cleanInline(s string, n int) string {
	s = oneLine(s)
	s = strings.ReplaceAll(s, "**", "")
	for {
		t := strings.TrimLeft(s, "#>-*+|=` ")
		if t == s {
			break
		}
		s = t
	}
	s = strings.ReplaceAll(s, "<!--", "")
	s = strings.ReplaceAll(s, "-->", "")
	return strings.TrimSpace(clip(s, n))
}
