package llm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
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
	reasonNumber      = "number"
	reasonPolarity    = "polarity"
	reasonNewTerm     = "new_term"
	reasonMemberClaim = "member_claim"
)

// verifier checks a model's bullets against the notes.
type verifier struct {
	// member is whose note the bullets are about; "" for the group
	// sections, which may cite any member's sentences.
	member string
	ev     *evidence
	// next allows citing next week's material (다음 주차 연결 포인트) and
	// requires one such citation when there is any.
	next bool
	// named is the compacted text a bullet may take names from: the
	// member's note, or for the group every note (and next week's
	// material for 다음 주차).
	named string
	// claims checks what group bullets say about members; nil for member
	// sections.
	claims     *memberClaims
	engineName string
}

// newVerifier checks bullets about member ("" for the group sections).
func newVerifier(member string, ev *evidence, engineName string) *verifier {
	v := &verifier{member: member, ev: ev, engineName: engineName}
	if member != "" {
		v.named = ev.notes[member]
	} else {
		v.named = ev.week
	}
	return v
}

// forNext returns a copy of a group verifier for 다음 주차 연결 포인트.
func (v *verifier) forNext() *verifier {
	n := *v
	n.next = true
	n.named = v.named + "|" + v.ev.nextText
	return &n
}

// verdict is the outcome for one bullet or row.
type verdict struct {
	Bullet   insight.Bullet
	Row      insight.Row
	IDs      []string
	Repaired bool
	Reason   string // "" = accepted
	Detail   string
	Support  float64
}

// citations resolves cited ids; invalid ones are dropped (a repair) and
// the first problem is returned when none is left.
func (v *verifier) citations(cite []string) ([]*citable, bool, string) {
	var evs []*citable
	seen := map[string]bool{}
	bad := ""
	for _, id := range cite {
		id = strings.TrimSpace(strings.Trim(id, "[]"))
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		ev, ok := v.ev.byID[id]
		switch {
		case !ok, ev.Next && !v.next:
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

// bullet verifies one bullet; minSupport is the support it needs.
func (v *verifier) bullet(b answerBullet, minSupport float64) verdict {
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
	if quote != "" && !strings.Contains(v.named, text.Compact(quote)) {
		return verdict{Reason: reasonQuote, Detail: fmt.Sprintf("%q is not in the note", quote)}
	}
	claim := head + " " + body
	if head != "" {
		claim = head + ". " + body
	}
	if v.claims != nil {
		if detail := v.claims.check(claim); detail != "" {
			return verdict{Reason: reasonMemberClaim, Detail: detail}
		}
	}
	cited, context := citedTexts(evs)
	support := text.Support(claim, strings.Join(cited, "\n"), text.CitationSupport, context...)
	reject := func(reason, detail string) verdict {
		return verdict{Reason: reason, Detail: detail, Support: support}
	}
	// The fact checks first: their reasons say more than a low support.
	if detail := v.numbers(claim, evs, cited, context); detail != "" {
		return reject(reasonNumber, detail)
	}
	if c, ok := text.Contradicts(claim, append(cited, context...)...); ok {
		return reject(reasonPolarity, fmt.Sprintf("%q says the opposite of the note's %q", c.Claim.Text, c.Source.Text))
	}
	if detail := v.newTerms(claim); detail != "" {
		return reject(reasonNewTerm, detail)
	}
	if support < minSupport {
		return reject(reasonUnsupported, fmt.Sprintf("support %.3f by the cited sentences, below %.3f", support, minSupport))
	}
	if v.next && len(v.ev.next) > 0 && !slices.ContainsFunc(evs, func(c *citable) bool { return c.Next }) {
		return reject(reasonUnsupported, "cites nothing of next week's material")
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
	return verdict{Bullet: out, IDs: ids, Repaired: repaired, Support: support}
}

// citedTexts returns the texts of the cited sentences and of their
// context.
func citedTexts(evs []*citable) (cited, context []string) {
	for _, ev := range evs {
		cited = append(cited, ev.Text)
		context = append(context, ev.Context...)
	}
	return cited, context
}

// numbers checks that every quantity of the claim occurs in the cited
// sentences or their context (in any of its spellings: 1,000 / 1천 /
// 1k), or, for a small count of things ("세 가지"), is the number of cited
// sentences or of the items the cited sentence's list or paragraph has.
// Positions ("두 번째") are not checked, nor, in group bullets, counts of
// members (the member-claim check reads those).
func (v *verifier) numbers(claim string, evs []*citable, cited, context []string) string {
	var src []text.Number
	for _, s := range append(slices.Clone(cited), context...) {
		src = append(src, text.Numbers(s)...)
	}
	for _, n := range text.Numbers(claim) {
		if n.Ordinal() || v.claims != nil && n.Unit == "명" {
			continue
		}
		if slices.ContainsFunc(src, n.Same) {
			continue
		}
		if n.Counts() && n.Value <= 12 && v.counts(evs, int(n.Value)) {
			continue
		}
		return fmt.Sprintf("%q is not in the cited text", n.Text)
	}
	return ""
}

// counts reports whether k is the number of cited sentences or a count
// one of them stands for.
func (v *verifier) counts(evs []*citable, k int) bool {
	if len(evs) == k {
		return true
	}
	for _, ev := range evs {
		if slices.Contains(ev.Counts, k) {
			return true
		}
	}
	return false
}

// newTerms checks that every name in the claim (text.Names: Latin words,
// proper nouns, known product names) occurs in what the bullet may name
// from. Member names are the member-claim check's.
func (v *verifier) newTerms(claim string) string {
	var missing []string
	for _, n := range text.Names(claim) {
		if strings.Contains(v.named, n.Key) || v.claims != nil && v.claims.isMember(n.Text) {
			continue
		}
		missing = append(missing, n.Text)
	}
	if len(missing) == 0 {
		return ""
	}
	where := "the note"
	if v.member == "" {
		where = "any note of the week"
	}
	return fmt.Sprintf("%s not in %s", quoteList(missing), where)
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
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
	cited, _ := citedTexts(evs)
	support := text.Support(written, strings.Join(cited, "\n"), text.CitationSupport)
	if support < 0.5 {
		return verdict{Reason: reasonQuote, Detail: "the written text is not the cited sentence's", Support: support}
	}
	out := insight.Row{Written: written, Correction: correction, Remark: cleanInline(r.Remark, 200), Engine: v.engineName}
	var ids []string
	for _, ev := range evs {
		out.Sources = append(out.Sources, insight.Source{File: ev.File, Line: ev.Line, Member: ev.Member, Quote: clip(oneLine(ev.Text), 160)})
		ids = append(ids, ev.ID)
	}
	return verdict{Row: out, IDs: ids, Repaired: repaired, Support: support}
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

// evidenceOf returns the analysed evidence of ids, for prompts.
func (ev *evidence) evidenceOf(ids []string) []analyze.Evidence {
	var out []analyze.Evidence
	for _, id := range ids {
		if c, ok := ev.byID[id]; ok {
			out = append(out, c.Evidence)
		}
	}
	return out
}
