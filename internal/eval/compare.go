package eval

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// DefaultThreshold is the score (see Options.Threshold) from which a note
// sentence supports a bullet.
const DefaultThreshold = 0.5

// Options tune Compare.
type Options struct {
	// Threshold is the least score a sentence of a note must reach for the
	// note to support a bullet. The score of a sentence is the larger of
	// the character-bigram F1 of bullet and sentence and the share of the
	// bullet's bigrams found in the sentence. Zero means DefaultThreshold.
	Threshold float64
	// Terms extracts the comparison keys of the concept terms of a text;
	// nil uses the default analyzer (text.Default, Term.Key).
	Terms func(string) []string
}

// Notes are one week's parsed notes by member name.
type Notes map[string]*note.Document

// LoadNotes reads and parses the notes of week n of the repository at
// repo, found through workspace.Open. Notes that cannot be decoded are
// left out and named in the returned warnings.
func LoadNotes(repo string, n int) (Notes, []string, error) {
	ws, err := workspace.Open(repo)
	if err != nil {
		return nil, nil, fmt.Errorf("eval: %w", err)
	}
	wk, ok := ws.Week(n)
	if !ok {
		return nil, nil, fmt.Errorf("eval: %s: week %d not found", ws.Root, n)
	}
	notes := Notes{}
	var warns []string
	for _, nf := range wk.Notes {
		if _, dup := notes[nf.Member]; dup {
			continue
		}
		// A note may be several files (a member's additional notes).
		var docs []*note.Document
		for _, p := range nf.Paths() {
			src, err := note.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(p)))
			if err != nil {
				warns = append(warns, err.Error())
				continue
			}
			docs = append(docs, note.Parse(p, src))
		}
		if len(docs) > 0 {
			notes[norm.NFC.String(nf.Member)] = note.Merge(docs...)
		}
	}
	return notes, warns, nil
}

// Result is the outcome of Compare: one row per member and section, the
// same numbers per section key over all members, and a total.
type Result struct {
	Reference string `json:"reference"`
	Generated string `json:"generated"`
	// Notes is set when notes were given, that is when the supported and
	// attributed numbers exist.
	Notes     bool    `json:"notes"`
	Threshold float64 `json:"threshold,omitempty"`
	// Rows are per member (GroupMember for the group block) and section,
	// in the reference's order, then what only the generated document has.
	Rows []Row `json:"rows"`
	// Sections aggregate the rows by section key (Member is empty).
	Sections []Row `json:"sections"`
	// MemberTotal aggregates the rows of member blocks (not the group
	// block): the numbers of the per-member sections alone.
	MemberTotal Row `json:"member_total"`
	// Total aggregates all rows.
	Total    Row      `json:"total"`
	Warnings []string `json:"warnings,omitempty"`
}

// Row holds the numbers of one member's section (or of an aggregate).
// Shares are in [0, 1]; a nil share is undefined (nothing to measure) and
// is left out of the JSON and shown as "-".
type Row struct {
	Member  string `json:"member,omitempty"`
	Section string `json:"section"`
	Heading string `json:"heading,omitempty"`

	// RefBullets and GenBullets count the items of the section.
	RefBullets int `json:"ref_bullets"`
	GenBullets int `json:"gen_bullets"`
	// RefLen and GenLen are the mean item lengths in characters (runes of
	// the text without inline markdown); GenMaxLen the longest generated.
	RefLen    float64 `json:"ref_len"`
	GenLen    float64 `json:"gen_len"`
	GenMaxLen int     `json:"gen_max_len"`

	// TermOverlap is the share of the reference section's distinct concept
	// terms that the generated section also has (recall); TermPrecision
	// the share of the generated terms the reference has. Undefined when
	// the reference (or generated) section has no terms.
	TermOverlap   *float64 `json:"term_overlap,omitempty"`
	TermPrecision *float64 `json:"term_precision,omitempty"`
	// BigramF1 is text.BigramF1 of the two sections' whole texts.
	BigramF1 *float64 `json:"bigram_f1,omitempty"`

	// Supported is the share of generated bullets that a sentence of the
	// member's own note supports (for the group block: any note of the
	// week), or whose cited quote is in that note.
	Supported *float64 `json:"supported,omitempty"`
	// Attributed is the share of generated member bullets whose
	// best-matching note of the week is the member's own.
	Attributed *float64 `json:"attributed,omitempty"`
	// RefSupported and RefAttributed are the same numbers for the
	// reference document, for calibration.
	RefSupported  *float64 `json:"ref_supported,omitempty"`
	RefAttributed *float64 `json:"ref_attributed,omitempty"`

	// Debris counts generated bullets with markdown, HTML, LaTeX or
	// citation leftovers; DebrisKinds counts them by kind.
	Debris      int            `json:"debris"`
	DebrisKinds map[string]int `json:"debris_kinds,omitempty"`

	acc accum
}

// accum holds the sums rows are aggregated from.
type accum struct {
	refLen, genLen          int
	termSum, precSum, f1Sum float64
	termN, precN, f1N       int
	// gen and ref count the generated and the reference items the notes
	// support and attribute.
	gen, ref support
}

// support counts items supported by the notes (of supN checked) and
// attributed to the member's own note (of attrN checked).
type support struct {
	sup, supN, attr, attrN int
}

func (s *support) add(o support) {
	s.sup += o.sup
	s.supN += o.supN
	s.attr += o.attr
	s.attrN += o.attrN
}

func (a *accum) add(b accum) {
	a.refLen += b.refLen
	a.genLen += b.genLen
	a.termSum += b.termSum
	a.precSum += b.precSum
	a.f1Sum += b.f1Sum
	a.termN += b.termN
	a.precN += b.precN
	a.f1N += b.f1N
	a.gen.add(b.gen)
	a.ref.add(b.ref)
}

func share(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	return round4(float64(n) / float64(d))
}

func mean(sum float64, n int) *float64 {
	if n == 0 {
		return nil
	}
	return round4(sum / float64(n))
}

// round4 rounds to four decimals, enough for any report and stable in
// golden files.
func round4(v float64) *float64 {
	v = math.Round(v*1e4) / 1e4
	return &v
}

// finish sets the shares of an aggregate row from its sums: term overlap
// and F1 are the mean over the rows where they are defined; supported and
// attributed are over all bullets.
func (r *Row) finish() {
	a := r.acc
	r.TermOverlap = mean(a.termSum, a.termN)
	r.TermPrecision = mean(a.precSum, a.precN)
	r.BigramF1 = mean(a.f1Sum, a.f1N)
	r.Supported = share(a.gen.sup, a.gen.supN)
	r.Attributed = share(a.gen.attr, a.gen.attrN)
	r.RefSupported = share(a.ref.sup, a.ref.supN)
	r.RefAttributed = share(a.ref.attr, a.ref.attrN)
	if r.RefBullets > 0 {
		r.RefLen = *round4(float64(a.refLen) / float64(r.RefBullets))
	}
	if r.GenBullets > 0 {
		r.GenLen = *round4(float64(a.genLen) / float64(r.GenBullets))
	}
}

func (r *Row) merge(o *Row) {
	r.RefBullets += o.RefBullets
	r.GenBullets += o.GenBullets
	r.GenMaxLen = max(r.GenMaxLen, o.GenMaxLen)
	r.Debris += o.Debris
	for k, v := range o.DebrisKinds {
		if r.DebrisKinds == nil {
			r.DebrisKinds = map[string]int{}
		}
		r.DebrisKinds[k] += v
	}
	r.acc.add(o.acc)
}

// comparer holds what Compare needs across rows.
type comparer struct {
	opt     Options
	notes   map[string]*noteIndex // by folded member name
	order   []*noteIndex          // sorted by member, for determinism
	hasNote bool
}

// Compare measures gen against ref and, when notes is not nil, against the
// week's notes. Members are matched by name (NFC, case and spacing
// ignored), or by the romanised name when the names differ; sections by
// key. The group block's rows have Member GroupMember.
func Compare(ref, gen *Document, notes Notes, opt Options) *Result {
	c := newComparer(notes, opt)
	opt = c.opt
	res := &Result{Reference: ref.Path, Generated: gen.Path, Notes: notes != nil}
	if notes != nil {
		res.Threshold = opt.Threshold
	}

	genIdx := map[int]bool{}
	for _, rm := range ref.Members {
		gi := findMember(gen.Members, rm)
		var gm *Member
		if gi >= 0 && !genIdx[gi] {
			genIdx[gi] = true
			gm = &gen.Members[gi]
		} else {
			res.Warnings = append(res.Warnings, fmt.Sprintf("member %s: in the reference only", rm.Name))
		}
		res.Rows = append(res.Rows, c.member(rm.Name, rm.Sections, sectionsOf(gm), false, res)...)
	}
	for i, gm := range gen.Members {
		if genIdx[i] {
			continue
		}
		res.Warnings = append(res.Warnings, fmt.Sprintf("member %s: in the generated document only", gm.Name))
		res.Rows = append(res.Rows, c.member(gm.Name, nil, gm.Sections, false, res)...)
	}
	res.Rows = append(res.Rows, c.member(GroupMember, ref.Group, gen.Group, true, res)...)

	byKey := map[string]*Row{}
	var keys []string
	for i := range res.Rows {
		r := &res.Rows[i]
		agg, ok := byKey[r.Section]
		if !ok {
			agg = &Row{Section: r.Section, Heading: r.Heading}
			byKey[r.Section] = agg
			keys = append(keys, r.Section)
		}
		agg.merge(r)
		res.Total.merge(r)
		if r.Member != GroupMember {
			res.MemberTotal.merge(r)
		}
	}
	for _, k := range keys {
		byKey[k].finish()
		res.Sections = append(res.Sections, *byKey[k])
	}
	res.Total.Section = "total"
	res.Total.finish()
	res.MemberTotal.Section = "members"
	res.MemberTotal.finish()
	return res
}

func sectionsOf(m *Member) []Section {
	if m == nil {
		return nil
	}
	return m.Sections
}

// newComparer indexes the notes (nil: none) and fills opt's defaults.
func newComparer(notes Notes, opt Options) *comparer {
	if opt.Threshold == 0 {
		opt.Threshold = DefaultThreshold
	}
	if opt.Terms == nil {
		opt.Terms = defaultTerms
	}
	c := &comparer{opt: opt, notes: map[string]*noteIndex{}, hasNote: notes != nil}
	names := make([]string, 0, len(notes))
	for name := range notes {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ix := newNoteIndex(name, notes[name])
		c.notes[fold(name)] = ix
		c.order = append(c.order, ix)
	}
	return c
}

// defaultTerms returns the keys of the terms of s and, for a compound
// written with spaces ("가상 실행 시간"), the keys of its words of two or
// more letters too, so that "가상 실행 시간" and "가상 실행 시간 계산" share
// most of their terms.
func defaultTerms(s string) []string {
	var out []string
	for _, t := range text.Default().Terms(s) {
		out = append(out, t.Key)
		words := strings.Fields(t.Text)
		if len(words) < 2 {
			continue
		}
		for _, w := range words {
			if utf8.RuneCountInString(w) >= 2 {
				out = append(out, strings.ToLower(w))
			}
		}
	}
	return out
}

// fold is the form member names are compared in.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), ""))
}

func findMember(ms []Member, want Member) int {
	for i, m := range ms {
		if fold(m.Name) == fold(want.Name) {
			return i
		}
	}
	if want.Roman == "" {
		return -1
	}
	for i, m := range ms {
		if m.Roman != "" && text.Compact(m.Roman) == text.Compact(want.Roman) {
			return i
		}
	}
	return -1
}

// member compares one block's sections.
func (c *comparer) member(name string, ref, gen []Section, group bool, res *Result) []Row {
	var own *noteIndex
	if c.hasNote && !group {
		own = c.notes[fold(name)]
		if own == nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("member %s: no note this week; their bullets count as unsupported", name))
		}
	}
	var rows []Row
	used := map[int]bool{}
	for _, rs := range ref {
		gi := -1
		for j, gs := range gen {
			if !used[j] && gs.Key == rs.Key {
				gi = j
				break
			}
		}
		var gs *Section
		if gi >= 0 {
			used[gi] = true
			gs = &gen[gi]
		}
		rows = append(rows, c.section(name, &rs, gs, own, group))
	}
	for j := range gen {
		if !used[j] {
			rows = append(rows, c.section(name, nil, &gen[j], own, group))
		}
	}
	return rows
}

func (c *comparer) section(member string, ref, gen *Section, own *noteIndex, group bool) Row {
	r := Row{Member: member}
	var refItems, genItems []Item
	if ref != nil {
		r.Section, r.Heading, refItems = ref.Key, ref.Heading, ref.Items
	}
	if gen != nil {
		r.Section, genItems = gen.Key, gen.Items
		if r.Heading == "" {
			r.Heading = gen.Heading
		}
	}
	r.RefBullets, r.GenBullets = len(refItems), len(genItems)
	var refText, genText []string
	for _, it := range refItems {
		p := plain(it.Text)
		refText = append(refText, p)
		r.acc.refLen += utf8.RuneCountInString(p)
	}
	for _, it := range genItems {
		p := plain(it.Text)
		genText = append(genText, p)
		n := utf8.RuneCountInString(p)
		r.acc.genLen += n
		r.GenMaxLen = max(r.GenMaxLen, n)
		if kinds := debris(it.Text); kinds != nil {
			r.Debris++
			if r.DebrisKinds == nil {
				r.DebrisKinds = map[string]int{}
			}
			for _, k := range kinds {
				r.DebrisKinds[k]++
			}
		}
	}

	if len(refItems) > 0 {
		rt, gt := strings.Join(refText, "\n"), strings.Join(genText, "\n")
		f1 := text.BigramF1(rt, gt)
		r.acc.f1Sum, r.acc.f1N = f1, 1
		refTerms, genTerms := set(c.opt.Terms(rt)), set(c.opt.Terms(gt))
		if len(refTerms) > 0 {
			r.acc.termSum, r.acc.termN = float64(common(refTerms, genTerms))/float64(len(refTerms)), 1
		}
		if len(genTerms) > 0 {
			r.acc.precSum, r.acc.precN = float64(common(refTerms, genTerms))/float64(len(genTerms)), 1
		}
	}

	if c.hasNote {
		r.acc.gen = c.support(genItems, own, group)
		r.acc.ref = c.support(refItems, own, group)
	}
	r.finish()
	return r
}

// support checks items against the notes (see check); attribution is not
// counted for the group block.
func (c *comparer) support(items []Item, own *noteIndex, group bool) support {
	var s support
	for _, it := range items {
		sup, att := c.check(it, own, group)
		s.supN++
		if sup {
			s.sup++
		}
		if !group {
			s.attrN++
			if att {
				s.attr++
			}
		}
	}
	return s
}

// check tells whether the member's own note supports an item and whether
// the own note is the item's best match among all notes. For the group
// block own is nil and any note may support the item.
func (c *comparer) check(it Item, own *noteIndex, group bool) (supported, attributed bool) {
	var profiles []text.Bigrams
	for _, t := range matchTexts(it.Text) {
		profiles = append(profiles, text.NewBigrams(t, text.SentenceSupport.BigramOptions))
	}
	best := func(ix *noteIndex) float64 {
		b := 0.0
		for _, p := range profiles {
			b = max(b, ix.best(p))
		}
		return b
	}
	quoted := func(ix *noteIndex) bool {
		for _, s := range it.Sources {
			if s.Quote != "" && ix.hasQuote(s.Quote) {
				return true
			}
		}
		return false
	}
	if group {
		for _, ix := range c.order {
			if quoted(ix) || best(ix) >= c.opt.Threshold {
				return true, false
			}
		}
		return c.quotesFound(it.Text), false
	}
	if own == nil {
		return false, false
	}
	ownScore := best(own)
	supported = ownScore >= c.opt.Threshold || quoted(own)
	attributed = ownScore > 0
	for _, ix := range c.order {
		if ix != own && best(ix) > ownScore {
			attributed = false
			break
		}
	}
	return supported, attributed
}

// quotesFound reports whether a group bullet read from markdown, which
// cites no sources, quotes the notes word for word: it has at least one
// span in curly double quotes (“…”, the quotation marks of the documents'
// language) and every such span is in some note of the week. A group
// bullet often sets two members' lines side by side, which no single
// sentence of one note supports as a whole.
func (c *comparer) quotesFound(raw string) bool {
	spans := quoteRe.FindAllStringSubmatch(plain(raw), -1)
	if len(spans) == 0 {
		return false
	}
	for _, m := range spans {
		found := false
		for _, ix := range c.order {
			if ix.hasQuote(m[1]) {
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

var quoteRe = regexp.MustCompile(`“([^”]+)”`)

func set(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func common(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}
