package analyze

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// A note names more than it explains: methods in a list of names ("A,
// B, C 등"), a heading with nothing under it. Such a name is a topic the
// member can look up. The rule is narrow on purpose (a wrong study topic
// costs more than a missing one):
//
//   - the name is clearly specific: a Latin-script acronym or proper name
//     ("Paxos", "LoRA", "ZooKeeper"), not an everyday word of study notes,
//     not a word for a part of the note ("References"), and not the
//     study's own vocabulary (see Week.Widespread);
//   - every mention of the concept in the member's note, under any of its
//     spellings and in headings too, only names it, and one at least is an
//     item of an enumeration of three or more names (or two and "등") or a
//     heading with no body. A mention that is a sentence's topic or
//     subject ("X는", "X가"), a label ("X: …"), a name being given
//     ("X라고", "X란"), a gloss ("X(…)", "…(X)"), in bold, a list item with
//     items under it, a table cell of its own or a heading with a body
//     explains it. Names given as examples ("ex) …", "(A, B, C)", "A, B
//     같은 …", "A, B, C 등 대부분의 …"), counted values ("A, B, C 세 가지"),
//     a paper's authors and a passing mention neither explain nor name a
//     topic;
//   - the week treats it: another member's note explains it, or the
//     repository's chapter summaries name it. A list of names nobody
//     explains is a list of examples, not a topic of the week.

// Unexplained is what a member's note names without explaining: the
// names one line lists (or one heading), as the member wrote them.
type Unexplained struct {
	// Terms are the names as the member wrote them, in line order, and
	// Concepts the concepts they spell.
	Terms    []string
	Concepts []Concept
	// How says how the note names them (see the Named constants).
	How string
	// File, Line and Text are the note line that names them.
	File string
	Line int
	Text string
	// Frame is the list line the names hang from when their line is
	// nothing but the names ("평가 벤치마크들은 …" above "A, B, C"), and
	// FrameLine its line; "" otherwise.
	Frame     string
	FrameLine int
}

// How a note names a concept it does not explain.
const (
	NamedInList    = "list"    // an item of an enumeration of names
	NamedInHeading = "heading" // a heading with no body
)

// maxNamedMentions is the most mentions a concept may have in a note
// that only names it: a concept named more often is something the
// member works with.
const maxNamedMentions = 3

// mention kinds, from least to most telling.
const (
	mentionNone = iota
	mentionList
	mentionHeading
	mentionPassing // in passing or as an example: neither explains nor leaves a topic open
	mentionExplains
)

// Unexplained returns the concepts member m's note names without
// explaining them, in note order (see the rule above).
func (w *Week) Unexplained(m *Member) []Unexplained {
	if w == nil || m == nil || m.Doc == nil {
		return nil
	}
	cands := map[string]Concept{} // by first key
	var order []string
	add := func(c Concept) {
		k := Key(c.Term)
		if _, ok := cands[k]; !ok {
			cands[k] = c
			order = append(order, k)
		}
	}
	for _, c := range w.Concepts {
		if n := c.Counts[m.Name]; n > 0 && n <= maxNamedMentions && nameLike(c, m) {
			add(c)
		}
	}
	// A heading too short to be a sentence of the analysis still names
	// what its section would be about.
	for bi, b := range m.Doc.Blocks {
		if b.Kind != note.KindHeading || !emptyHeading(m.Doc, bi) {
			continue
		}
		for _, t := range text.Read(Clean(b.Text)).Terms {
			c := w.conceptOf(t)
			if nameLike(c, m) {
				add(c)
			}
		}
	}
	var out []Unexplained
	at := map[string]int{} // a line's index in out
	for _, k := range order {
		c := cands[k]
		if w.Widespread(c.Term) {
			continue
		}
		u, ok := namedOnly(m, c)
		if !ok {
			continue
		}
		line := u.File + ":" + strconv.Itoa(u.Line)
		if i, ok := at[line]; ok && u.How == NamedInList {
			out[i].Terms = append(out[i].Terms, u.Terms...)
			out[i].Concepts = append(out[i].Concepts, u.Concepts...)
			continue
		}
		at[line] = len(out)
		out = append(out, u)
	}
	// A line is a topic when the week treats one of its names: the
	// names nobody explains are examples, not the week's topics.
	kept := out[:0]
	for _, u := range out {
		for _, c := range u.Concepts {
			if w.treats(m, c) {
				inLineOrder(&u)
				kept = append(kept, u)
				break
			}
		}
	}
	sortByLine(kept)
	return kept
}

// inLineOrder puts a line's names in the order the line writes them.
func inLineOrder(u *Unexplained) {
	idx := make([]int, len(u.Terms))
	for i := range u.Terms {
		idx[i] = i
	}
	pos := func(i int) int { return strings.Index(u.Text, u.Terms[i]) }
	sort.SliceStable(idx, func(a, b int) bool { return pos(idx[a]) < pos(idx[b]) })
	terms, concepts := make([]string, len(idx)), make([]Concept, len(idx))
	for i, j := range idx {
		terms[i], concepts[i] = u.Terms[j], u.Concepts[j]
	}
	u.Terms, u.Concepts = terms, concepts
}

// conceptOf returns the week's concept a term is a spelling of, or a
// concept of that term alone.
func (w *Week) conceptOf(t text.Term) Concept {
	for _, c := range w.Concepts {
		for _, k := range c.Keys {
			if k == t.Key {
				return c
			}
		}
	}
	return Concept{Term: t.Text, Keys: []string{t.Key}}
}

// treats reports whether the week treats concept c beyond member m's
// note: another member's note explains it, or the chapter summaries
// name it.
func (w *Week) treats(m *Member, c Concept) bool {
	if mentionsWords(w.materialWords, c) {
		return true
	}
	for _, o := range w.Members {
		if o == m || o.Doc == nil {
			continue
		}
		if worst, _, _ := mentions(o, c); worst == mentionExplains {
			return true
		}
	}
	return false
}

// nameLike reports whether a concept is clearly specific as member m
// spells it: a Latin-script acronym ("ZAB", "LoRA", "GPT-4") or proper
// name ("Paxos"), meaningful, not an everyday word.
func nameLike(c Concept, m *Member) bool {
	term := c.Term
	for _, k := range c.Keys {
		if d, ok := m.Display[k]; ok && !hangul(d) {
			term = d // the member's own Latin spelling
			break
		}
	}
	if hangul(term) || !Meaningful(term) || !Specific(term) || generic[text.Lower(term)] || structural[text.Lower(term)] {
		return false
	}
	upper, letters := 0, 0
	for _, r := range term {
		if r >= utf8.RuneSelf {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(term)
	return upper >= 2 || unicode.IsUpper(first) && letters >= 4
}

// structural are the English words notes use for their own parts and
// bookkeeping ("## References", "## TODO"): no concept to study.
var structural = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`todo til faq readme summary summaries reference references introduction intro
		overview appendix note notes review retrospective retro qna contents index chapter part section example examples
		conclusion conclusions memo link links source sources keyword keywords question questions answer answers
		discussion insight insights issue issues study week`) {
		structural[w] = true
	}
}

// namedOnly reports whether m's note only names concept c, and where
// first.
func namedOnly(m *Member, c Concept) (Unexplained, bool) {
	worst, _, first := mentions(m, c)
	if worst == mentionNone || worst == mentionExplains || first.kind == mentionNone {
		return Unexplained{}, false
	}
	how := NamedInList
	if first.kind == mentionHeading {
		how = NamedInHeading
	}
	u := Unexplained{
		Terms:    []string{first.surface},
		Concepts: []Concept{c},
		How:      how,
		File:     m.Doc.FileOf(first.s),
		Line:     first.s.Line,
		Text:     Clean(first.s.Text),
	}
	if how == NamedInList && !hangul(u.Text) {
		if p := parentBlock(m.Doc, first.s.Block); p >= 0 {
			u.Frame, u.FrameLine = Clean(m.Doc.Blocks[p].Text), m.Doc.Blocks[p].Line
		}
	}
	return u, true
}

// mention is one sentence of a note naming a concept.
type mention struct {
	s       note.Sentence
	kind    int
	surface string
}

// mentions classifies every mention of concept c in m's note: the most
// telling kind, how many sentences mention it, and the first mention.
// It stops at the first mention that explains the concept.
func mentions(m *Member, c Concept) (worst, n int, first mention) {
	doc := m.Doc
	hit := m.blocksWith(c)
	// Headings are no sentences of the note: a heading naming the
	// concept explains it by its section, or names it with none.
	for bi, b := range doc.Blocks {
		if !hit[bi] || b.Kind != note.KindHeading || !MentionsText(b.Text, c) {
			continue
		}
		n++
		if !emptyHeading(doc, bi) {
			return mentionExplains, n, first
		}
		worst = max(worst, mentionHeading)
		if first.kind == mentionNone {
			s := note.Sentence{ID: -1, Block: bi, Kind: b.Kind, Text: b.Text, Line: b.Line, Path: b.Path, File: b.File}
			first = mention{s: s, kind: mentionHeading, surface: spelling(Clean(b.Text), c)}
		}
	}
	for _, s := range doc.Sentences {
		if s.Block < 0 || s.Block >= len(hit) || !hit[s.Block] || !MentionsText(s.Text, c) {
			continue
		}
		n++
		kind, surface := mentionKind(doc, s, c)
		if (kind == mentionList || kind == mentionHeading) && (first.kind == mentionNone || doc.FileOf(s) == doc.FileOf(first.s) && s.Line < first.s.Line) {
			first = mention{s: s, kind: kind, surface: surface}
		}
		worst = max(worst, kind)
		if worst == mentionExplains || n > maxNamedMentions {
			return mentionExplains, n, first
		}
	}
	return worst, n, first
}

// blocksWith marks the blocks of m's note whose text holds a spelling of
// concept c, spaces and case aside: a cheap test before MentionsText.
func (m *Member) blocksWith(c Concept) []bool {
	keys := c.Keys
	if len(keys) == 0 {
		keys = []string{Key(c.Term)}
	}
	hit := make([]bool, len(m.squashed))
	for bi, t := range m.squashed {
		for _, k := range keys {
			if k != "" && strings.Contains(t, k) {
				hit[bi] = true
				break
			}
		}
	}
	return hit
}

// mentionKind classifies one sentence's mention of c (see the rule at
// the top of the file), with the concept's spelling there.
func mentionKind(doc *note.Document, s note.Sentence, c Concept) (int, string) {
	b := doc.Blocks[s.Block]
	txt := Clean(s.Text)
	if b.Kind == note.KindHeading {
		if emptyHeading(doc, s.Block) {
			return mentionHeading, spelling(txt, c)
		}
		return mentionExplains, ""
	}
	for _, e := range s.Emphasis {
		if MentionsText(e, c) && !strings.ContainsAny(e, ",、") {
			return mentionExplains, "" // the member stressed it
		}
	}
	if b.Kind == note.KindListItem && hasChildren(doc, s.Block) {
		return mentionExplains, "" // the items under it may say what it is
	}
	if b.Kind == note.KindTable {
		// Only a list inside a cell names; a cell of its own is
		// described by the rest of the row.
		for _, cell := range strings.Split(txt, " | ") {
			if MentionsText(cell, c) {
				txt = cell
				break
			}
		}
	}
	ms := text.Read(txt).Morphs
	i, j := spanOf(ms, c)
	if i < 0 {
		return mentionExplains, "" // not found as whole morphemes: no telling
	}
	for j < len(ms) && !ms[j].Space && (ms[j].Surface == "+" || ms[j].Surface == "++" || ms[j].Surface == "#") {
		j++ // the name goes on: "METEOR++", "C#"
	}
	if i > 0 && ms[i-1].POS == "SL" || j < len(ms) && ms[j].POS == "SL" {
		return mentionExplains, "" // one word of a longer name ("Common Crawl"): no telling
	}
	surface := joinMorphs(ms[i:j])
	if explainsAt(ms, i, j) {
		return mentionExplains, ""
	}
	if b.Kind == note.KindTable {
		if listedAt(ms, i, j) {
			return mentionList, surface
		}
		return mentionExplains, ""
	}
	if next := nextSentence(doc, s); next != "" && anaphoric(Clean(next)) {
		return mentionExplains, "" // the next line goes on about it
	}
	if listedAt(ms, i, j) && !exampleLine(txt) && !citation(txt) {
		return mentionList, surface
	}
	// Named in passing, or as an example of something the line is
	// about ("ex) A, B, C"): no explanation, but no topic the note
	// leaves open either.
	return mentionPassing, surface
}

// citation reports whether a line cites a paper ("Kim, Lee, et al."): its
// names are authors.
func citation(txt string) bool {
	t := strings.ToLower(txt)
	return strings.Contains(t, "et al") || strings.Contains(t, "arxiv")
}

// exampleLine reports whether a line gives examples ("ex) …", "예: …",
// "(A, B, C)"): its names illustrate what the note says around them.
func exampleLine(txt string) bool {
	t := strings.ToLower(strings.TrimSpace(txt))
	for _, p := range []string{"ex)", "ex.", "ex:", "e.g.", "eg)", "예)", "예:", "예시:", "예시)", "예를 들어", "예를들어", "예로", "("} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return strings.Contains(t, "(e.g.") || strings.Contains(t, "(ex)") || strings.Contains(t, "(예:")
}

// explainsAt reports whether the mention ms[i:j] is explained where it
// stands: a topic, subject or name given ("X는", "X가", "X란", "X라고",
// "X라는"), a label or mapping ("X: …", "X → …", "X = …"), or a gloss
// ("X(…)", "…(X)").
func explainsAt(ms []text.Morph, i, j int) bool {
	if j < len(ms) {
		n := ms[j]
		switch {
		case n.Surface == "(" || n.Surface == ":" || n.Surface == "：" || n.Surface == "=" || n.Surface == "→" || n.Surface == "-" && n.Space:
			return true
		case !n.Space && (strings.HasPrefix(n.POS, "JKS") || strings.HasPrefix(n.POS, "JKQ") || strings.HasPrefix(n.POS, "VCP") || strings.HasPrefix(n.POS, "ETM")):
			return true
		case !n.Space && strings.HasPrefix(n.POS, "JX") && (n.Surface == "은" || n.Surface == "는" || n.Surface == "란" || n.Surface == "이란"):
			return true
		case !n.Space && (n.Surface == "가" || n.Surface == "이" || n.Surface == "은" || n.Surface == "는" || strings.HasPrefix(n.Surface, "라") || strings.HasPrefix(n.Surface, "이라") || n.Surface == "란"):
			return true // after a Latin word the dictionary misreads the particle ("MBPP가" as a verb)
		}
	}
	if i > 0 && ms[i-1].Surface == "(" && j < len(ms) && (ms[j].Surface == ")" || ms[j].Surface == ",") {
		return !listedAt(ms, i, j) // the other spelling of the word before it
	}
	return false
}

// listedAt reports whether the mention ms[i:j] is one item of an
// enumeration of names: three or more items separated by commas, or two
// and "등" / "같은" after the last.
func listedAt(ms []text.Morph, i, j int) bool {
	isSep := func(k int) bool {
		return k >= 0 && k < len(ms) && (ms[k].Surface == "," || ms[k].Surface == "、" || ms[k].Surface == "，" || ms[k].Surface == "·")
	}
	// the item must be the mention alone
	if !(isSep(j) || j < len(ms) && etc(ms[j]) || j == len(ms) || ms[j].Surface == ")") {
		return false
	}
	items := 1
	k := j
	for isSep(k) {
		k = skipItem(ms, k+1)
		items++
	}
	tail := k < len(ms) && etc(ms[k])
	if !listEnd(ms, k) {
		return false
	}
	if k < len(ms) && (ms[k].Surface == ":" || ms[k].Surface == "：" || !ms[k].Space && (ms[k].Surface == "은" || ms[k].Surface == "는" || ms[k].Surface == "란")) {
		return false // the list is a label or a topic: "A, B : …", "A, B는 …"
	}
	k = i - 1
	for isSep(k) {
		k = skipItemBack(ms, k-1)
		items++
	}
	if k >= 0 && (ms[k].Surface == "(" || ms[k].POS == "SSO") {
		return false // "HTTP 메서드(GET, POST, …)": examples glossing the word before
	}
	return items >= 3 || items == 2 && tail
}

// listEnd reports whether the enumeration whose last item ends before
// ms[k] is what the sentence says, not examples of a class named after
// it ("A, B, C 등 대부분의 모델", "A, B 등의 모델", "Key, Value, Query 벡터"): the
// list ends the sentence, or a particle, a verb or a mark follows it.
func listEnd(ms []text.Morph, k int) bool {
	if k < len(ms) && strings.HasPrefix(ms[k].Surface, "같") {
		return false // "A, B 같은 벤치마크": examples of a kind
	}
	if k+1 < len(ms) && (ms[k].Surface == "와" || ms[k].Surface == "과") && strings.HasPrefix(ms[k+1].Surface, "같") {
		return false // "A, B, C와 같은 모델"
	}
	if k < len(ms) && etc(ms[k]) {
		k++
	}
	if k >= len(ms) {
		return true
	}
	n := ms[k]
	for _, x := range ms[k:min(k+3, len(ms))] {
		if x.Surface == "가지" || x.POS == "NR" || x.POS == "SN" {
			return false // "A, B, C 세 가지": the values of something, counted
		}
	}
	switch {
	case n.Surface == "의" || strings.HasPrefix(n.POS, "JKG"):
		return false
	case n.Space && (strings.HasPrefix(n.POS, "NN") || n.POS == "SL" || n.POS == "MM" || n.POS == "SN"):
		return false
	}
	return true
}

// etc reports whether a morpheme closes an enumeration ("등", "같은").
func etc(m text.Morph) bool {
	return m.Surface == "등" || m.Surface == "등등" || m.Surface == "같" || m.Surface == "같은"
}

// nameMorph reports whether a morpheme can be part of a name in a list.
func nameMorph(m text.Morph) bool {
	switch {
	case m.POS == "SL", m.POS == "SN", m.POS == "SH", strings.HasPrefix(m.POS, "NNP"), strings.HasPrefix(m.POS, "NNG"):
		return true
	case m.Surface == "-" || m.Surface == ".":
		return !m.Space
	}
	return false
}

// skipItem returns the index after the list item starting at k (a run of
// name morphemes, with any bracketed part).
func skipItem(ms []text.Morph, k int) int {
	start := k
	for k < len(ms) {
		switch {
		case ms[k].Surface == "(":
			for k < len(ms) && ms[k].Surface != ")" {
				k++
			}
			k++
		case nameMorph(ms[k]) && (k == start || !etc(ms[k]) && !(ms[k].Space && ms[k-1].POS == "SL" && ms[k].POS != "SL")):
			// A Korean noun after a Latin name is the head the names
			// qualify ("Key, Value, Query 벡터"), not part of the item.
			k++
		default:
			return k
		}
	}
	return k
}

// skipItemBack returns the index before the list item ending at k.
func skipItemBack(ms []text.Morph, k int) int {
	for k >= 0 {
		switch {
		case ms[k].Surface == ")":
			for k >= 0 && ms[k].Surface != "(" {
				k--
			}
			k--
		case nameMorph(ms[k]):
			if ms[k].Space {
				return k - 1 // a space before the word ends the item
			}
			k--
		default:
			return k
		}
	}
	return k
}

// spanOf returns the morphemes [i, j) that spell concept c, or -1.
func spanOf(ms []text.Morph, c Concept) (int, int) {
	keys := c.Keys
	if len(keys) == 0 {
		keys = []string{Key(c.Term)}
	}
	for i := range ms {
		acc := ""
		for j := i; j < len(ms) && len(acc) < 64; j++ {
			if j > i && ms[j].Space && ms[j].POS != "SL" && ms[j].POS != "NNG" && ms[j].POS != "NNP" {
				break
			}
			acc += text.Lower(ms[j].Surface)
			for _, k := range keys {
				if acc == k {
					return i, j + 1
				}
			}
		}
	}
	return -1, -1
}

// joinMorphs writes morphemes back as text.
func joinMorphs(ms []text.Morph) string {
	var b strings.Builder
	for i, m := range ms {
		if i > 0 && m.Space {
			b.WriteByte(' ')
		}
		b.WriteString(m.Surface)
	}
	return b.String()
}

// spelling returns the words of txt that spell concept c, or c's term.
func spelling(txt string, c Concept) string {
	ms := text.Read(txt).Morphs
	if i, j := spanOf(ms, c); i >= 0 {
		return joinMorphs(ms[i:j])
	}
	return c.Term
}

// emptyHeading reports whether the heading at block bi has no body: the
// next block is a heading of the same or a higher level, or there is none.
func emptyHeading(doc *note.Document, bi int) bool {
	if bi+1 >= len(doc.Blocks) {
		return true
	}
	n := doc.Blocks[bi+1]
	return n.Kind == note.KindHeading && n.Level <= doc.Blocks[bi].Level
}

// hasChildren reports whether the list item at block bi has items under it.
func hasChildren(doc *note.Document, bi int) bool {
	if bi+1 >= len(doc.Blocks) {
		return false
	}
	n := doc.Blocks[bi+1]
	return n.Kind == note.KindListItem && n.Level > doc.Blocks[bi].Level
}

// nextSentence returns the text of the sentence after s in the note, "".
func nextSentence(doc *note.Document, s note.Sentence) string {
	if s.ID+1 < len(doc.Sentences) {
		return doc.Sentences[s.ID+1].Text
	}
	return ""
}

func sortByLine(us []Unexplained) {
	sort.SliceStable(us, func(i, j int) bool {
		if us[i].File != us[j].File {
			return us[i].File < us[j].File
		}
		return us[i].Line < us[j].Line
	})
}
