package analyze

import (
	"os"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// A note names more than it explains: a method in a list of names, an
// abbreviation in brackets, a technique mentioned once on the way to
// something else. Such a named topic, left unexplained, is something to
// study further (추가 학습) when it is a concept of the week: specific (no
// everyday word, no company or product name), and one the week cares about
// (another member explains it, the chapter summaries name it, the note
// glosses it).

// Named is a concept a member's note names without explaining it.
type Named struct {
	// Term is the concept as the note writes it on Line; Gloss is its
	// other spelling in brackets right after it on that line ("textual
	// entailment" of "텍스트 함의(textual entailment)"), or "".
	Term, Gloss string
	// Line is the note line that names it (the first, when two do).
	Line Evidence
	// Concept is the week's concept (all its spellings).
	Concept Concept
	// Score orders the topics: how much the week cares about it.
	Score float64
}

// Head is the topic as a headline: the term with its gloss.
func (n Named) Head() string {
	if n.Gloss == "" {
		return n.Term
	}
	return n.Term + "(" + n.Gloss + ")"
}

// minNamedLine is the shortest line (in runes) a named topic is quoted
// from: a shorter one ("RWKV, SSM") shows too little of where it stands.
const minNamedLine = 15

// maxNamedMentions is the most sentences of a note that may mention a
// concept it only names: more, and the note discusses it.
const maxNamedMentions = 2

// NamedOnly returns the concepts of the week that m's note names but does
// not explain, most relevant to the week first. A concept is named only
// when at most two of the note's sentences mention it, none of them is a
// heading or sits under a heading about it, none has it as its subject
// or label, defines it, or is the member's question about it (that is a
// study bullet already), and none is a checklist or book question. It
// must be specific (see namedSpecific), not the study's everyday word, and
// interest the week (Named.Score ≥ 1): another member explains it (2),
// other members name it (0.5 each, at most 1.5), the chapter summaries
// name it (1), the note glosses it (1), it is an acronym (0.5).
func (w *Week) NamedOnly(m *Member) []Named {
	if w == nil || m == nil {
		return nil
	}
	short := shortItems(m)
	var out []Named
	for _, c := range w.Concepts {
		if c.Counts[m.Name] == 0 && !mentionedIn(short, c) {
			continue
		}
		n, ok := w.namedOnly(m, c, short)
		if ok {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Line.Line < out[j].Line.Line
	})
	return out
}

func (w *Week) namedOnly(m *Member, c Concept, short []shortItem) (Named, bool) {
	var none Named
	var mentions []int // indexes in m.Sentences
	for i := range m.Sentences {
		if Mentions(m.Sentences[i], c) {
			mentions = append(mentions, i)
		}
	}
	var items []shortItem
	for _, it := range short {
		if mentionsKeys(it.keys, c) {
			items = append(items, it)
		}
	}
	if len(mentions)+len(items) == 0 || len(mentions)+len(items) > maxNamedMentions {
		return none, false
	}
	if headed(m.Doc, c) {
		return none, false // a part of the note is about it
	}
	for _, i := range mentions {
		s := &m.Sentences[i]
		v := s.Voice
		if s.Kind == note.KindHeading || underHeading(s.Path, c) || explains(s, c) || elaborated(m, i) || labelsItems(m.Doc, s.Block) ||
			v.Question || v.Doubt || s.Scores[insight.KeyStudy] > 0 || s.Checklist || s.Answered {
			return none, false
		}
		if s.Kind == note.KindParagraph && bare(s.Body, c) || announces(m.Doc, s, c) {
			return none, false // a label the lines below explain ("**데이터 보호**", "…세 가지 공격 유형")
		}
		if head, _ := opening(s.Body); head != "" && !MentionsText(head, c) && labelBefore(s.Body, head) {
			return none, false // "탈옥 : 모델의 안전 기능을 우회하려는 시도": a word of another term's explanation
		}
	}
	for _, it := range items {
		if underHeading(it.path, c) {
			return none, false
		}
	}
	// The line that names it: a sentence before a bare item.
	var line Evidence
	var raw string
	if len(mentions) > 0 {
		s := m.Sentences[mentions[0]]
		line, raw = s.Evidence, s.Text
	} else {
		it := items[0]
		line = Evidence{ID: it.id, Member: m.Name, File: it.file, Line: it.line, Text: it.list, Terms: []string{it.term}}
		raw = it.text
	}
	if utf8.RuneCountInString(line.Text) < minNamedLine {
		return none, false // "…보다 적은 자원": too little of the note to show where it is named
	}
	term, gloss := spelling(raw, c)
	if term == "" || !namedSpecific(term) || w.Widespread(term) {
		return none, false
	}
	if share, weeks := w.bg.Spread(term, w.week); weeks >= 2 && share >= 0.5 {
		return none, false // the study's recurring word, not this week's topic
	}
	// What marks it as a concept of the week rather than a word on the
	// way: a gloss (here or in another note: "보상 모델(reward model)"), or
	// another member defining it. An acronym, the member's bold, the
	// chapter summaries naming it only order the topics: notes bold and
	// abbreviate everyday words too (GPU, 업무 효율성).
	glossed := gloss != ""
	emphasised := false
	for _, i := range mentions {
		for _, e := range m.Sentences[i].Emphasis {
			if MentionsText(e, c) && utf8.RuneCountInString(e) <= utf8.RuneCountInString(term)+4 {
				emphasised = true
			}
		}
	}
	explained, others := false, 0
	for _, o := range w.Members {
		if o == m || c.Counts[o.Name] == 0 {
			continue
		}
		others++
		for _, s := range o.SentencesAbout(c) {
			if tellsWhat(s, c) {
				explained = true
				if os.Getenv("MOIM_DEBUG_NAMED") != "" {
					fmt.Fprintf(os.Stderr, "  defines %q: %s\n", c.Term, s.Body)
				}
			}
			if !glossed {
				if _, g := spelling(s.Text, c); g != "" {
					glossed = true
				}
			}
		}
	}
	inMaterial := false
	if w.material != nil {
		share, _ := w.material.Spread(term, -1)
		inMaterial = share > 0
	}
	if os.Getenv("MOIM_DEBUG_NAMED") != "" {
		fmt.Fprintf(os.Stderr, "named %s %q gloss=%v acr=%v emph=%v expl=%v mat=%v others=%d\n", m.Name, term, glossed, acronym(term), emphasised, explained, inMaterial, others)
	}
	if !glossed && !explained {
		return none, false
	}
	if hangul(term) && !strings.Contains(term, " ") && !glossed {
		return none, false // one word ("재사용성"): a quality or a thing, rarely a named method
	}
	score := 0.5 * float64(min(3, others))
	if explained {
		score += 2
	}
	if inMaterial {
		score++
	}
	if glossed {
		score++
	}
	if emphasised {
		score += 0.5
	}
	return Named{Term: term, Gloss: gloss, Line: line, Concept: c, Score: score}, true
}

// bare reports whether a line is the term and nothing more (but a gloss).
func bare(body string, c Concept) bool {
	t := strings.Trim(body, " *:：")
	if i := strings.IndexAny(t, "(（"); i > 0 {
		t = t[:i]
	}
	k := Key(t)
	for _, ck := range c.Keys {
		if k == ck {
			return true
		}
	}
	return false
}

// announces reports whether sentence s ends its block naming c last, and
// a list follows: the list says what c is ("방어해야 할 세 가지 공격 유형").
func announces(doc *note.Document, s *Sentence, c Concept) bool {
	if doc == nil || s.Block+1 >= len(doc.Blocks) || doc.Blocks[s.Block+1].Kind != note.KindListItem {
		return false
	}
	if s.Kind == note.KindListItem && doc.Blocks[s.Block+1].Level <= doc.Blocks[s.Block].Level {
		return false // the next item of the same list
	}
	f := strings.Fields(strings.TrimRight(s.Body, " .:："))
	for n := 1; n <= 4 && n <= len(f); n++ {
		if bare(strings.Join(f[len(f)-n:], " "), c) {
			return true
		}
	}
	return false
}

// headed reports whether a heading of the note names c.
func headed(doc *note.Document, c Concept) bool {
	if doc == nil {
		return false
	}
	for _, b := range doc.Blocks {
		if b.Kind == note.KindHeading && MentionsText(b.Text, c) {
			return true
		}
	}
	return false
}

// labelsItems reports whether the list item of block bi has items nested
// under it: it labels what they say.
func labelsItems(doc *note.Document, bi int) bool {
	if doc == nil || bi < 0 || bi+1 >= len(doc.Blocks) {
		return false
	}
	b, next := doc.Blocks[bi], doc.Blocks[bi+1]
	return b.Kind == note.KindListItem && next.Kind == note.KindListItem && next.Level > b.Level
}

// labelBefore reports whether head is a label before a colon in body ("탈옥
// jailbreaking : …"), not the subject of a sentence.
func labelBefore(body, head string) bool {
	i := strings.Index(body, head)
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(body[i+len(head):], " ")
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
}

// elaborated reports whether the sentence after m.Sentences[i] goes on
// about it: it leans on it ("이는 …", "이 아이디어는 …"), or qualifies or
// explains it ("즉 …", "…때문이다").
func elaborated(m *Member, i int) bool {
	s := &m.Sentences[i]
	if s.Caveat != nil {
		return true
	}
	if i+1 < len(m.Sentences) {
		if ctx := m.Sentences[i+1].Context; ctx != nil && ctx.ID == s.ID {
			return true
		}
	}
	return false
}

// explains reports whether a sentence explains concept c: it is about c
// (c is in the noun phrase it opens with, before a topic or subject
// particle or a colon, with something said after it), defines it
// ("…를 X라고 한다"), or hangs from a line naming c.
func explains(s *Sentence, c Concept) bool {
	if head, rest := opening(s.Body); head != "" && MentionsText(head, c) && utf8.RuneCountInString(rest) >= 6 {
		return true
	}
	if s.Frame != "" && MentionsText(s.Frame, c) {
		return true
	}
	for _, cue := range calledCues {
		if i := strings.Index(s.Body, cue); i > 0 && MentionsText(lastWords(s.Body[:i], 4), c) {
			return true // "…연구를 X라 한다"
		}
	}
	return saysRightAfter(s.Body, c)
}

// calledCues follow the name a sentence gives what it describes.
var calledCues = append([]string{"라고 알려진", "이라고 알려진", "라 불리는", "이라 불리는", "이라 부르", "라고 부르", "라 부르"}, namingCues...)

// reSaysAfter matches what explains a term right after it: a colon
// ("TPOT (…): 초당 …"), "즉", "이란", a dash, or a clause pointing back
// at it ("…경향이 있는데, 이는 …").
var reSaysAfter = regexp.MustCompile(`^[^\s,.:：]{0,3}\s*(?:[:：]|—|–|즉|이란|란\s|[^.]{0,12}[,，]\s*이는)`)

// reNamesLast matches what may follow a name a sentence gives last: nothing,
// a copula, "(이)라고 한다".
var reNamesLast = regexp.MustCompile(`^(?:|이다|(?:이)?라고?\s*(?:한다|함|부른다|부름))$`)

// namesAfter reports whether the words before a term that ends its
// sentence describe it and hand over to its name: a colon or an arrow,
// the only one of the sentence ("마지막에 본 응답을 선호하는 경향 : 최근성 편향").
func namesAfter(before string) bool {
	if utf8.RuneCountInString(before) < 10 {
		return false
	}
	for _, mark := range []string{":", "：", "=>", "→", "->"} {
		if strings.HasSuffix(before, mark) {
			return strings.Count(before, ":")+strings.Count(before, "：") <= 1
		}
	}
	return false
}

// firstWord returns the first word of s without trailing punctuation.
func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimRight(f[0], ":：.,)")
}

// saysRightAfter reports whether the sentence explains c right where it
// names it, or names it last as what the words before describe ("…를 계산하는
// 규칙을 X").
func saysRightAfter(body string, c Concept) bool {
	for _, t := range text.Read(body).Terms {
		if !mentionsKeys([]string{t.Key}, c) {
			continue
		}
		i := strings.Index(body, t.Text)
		if i < 0 {
			continue
		}
		after := body[i+len(t.Text):]
		if m := reGlossAfter.FindStringSubmatchIndex(after); m != nil {
			inside := after[m[2]:m[3]]
			if hangul(inside) == hangul(t.Text) && len(strings.Fields(inside)) >= 2 && !exampleLabel(firstWord(inside)) {
				return true // "텍스트 함의(두 진술 간의 관계)": said in brackets
			}
			after = after[m[1]:]
		}
		if reSaysAfter.MatchString(after) {
			return true
		}
		rest := strings.Trim(after, " .。)")
		before := strings.TrimSpace(body[:i])
		if (rest == "" || strings.HasPrefix(rest, ",")) && (strings.HasSuffix(before, "은") || strings.HasSuffix(before, "는")) && utf8.RuneCountInString(before) >= 10 {
			return true // "데이터 없이 공개된 모델은 X, …": X names what the topic describes
		}
		if rest == "" && namesAfter(before) {
			return true // "마지막에 본 응답을 선호하는 경향 : 최근성 편향"
		}
		if reNamesLast.MatchString(rest) && (strings.HasSuffix(before, "을") || strings.HasSuffix(before, "를")) && utf8.RuneCountInString(before) >= 10 {
			return true // "…하는 규칙을 X(이라고 한다)"
		}
	}
	return false
}

// tellsWhat reports whether a sentence tells what concept c is: a label
// and what follows it ("X : …", "X란 …"), a definition about c, or a
// name given to what the sentence describes ("…를 X라고 한다").
func tellsWhat(s *Sentence, c Concept) bool {
	if head, rest := opening(s.Body); head != "" && utf8.RuneCountInString(rest) >= 6 && (labelBefore(s.Body, head) || strings.HasSuffix(head, "란")) {
		h, _, _ := strings.Cut(strings.TrimSuffix(strings.TrimSuffix(head, "이란"), "란"), "(")
		for _, k := range c.Keys {
			if Key(h) == k {
				return true // "텍스트 함의 : …", "X란 …": the label is the term
			}
		}
	}
	for _, cue := range calledCues {
		if i := strings.Index(s.Body, cue); i > 0 && MentionsText(lastWords(s.Body[:i], 4), c) {
			return true
		}
	}
	return saysRightAfter(s.Body, c)
}

// maxOpening is the longest opening noun phrase (see opening), in runes.
const maxOpening = 40

// opening splits a sentence into the noun phrase it is about and what it
// says of it: the text before its first colon ("텍스트 함의(textual
// entailment) : 두 진술의 …"), or before its first topic or subject
// particle when only nouns, names, brackets and commas come before it
// ("퍼플렉시티 Perplexity, PPL는 …"). head is "" when it opens otherwise.
func opening(body string) (head, rest string) {
	body = strings.TrimLeft(body, "-*•·>→ ")
	ms := text.Read(body).Morphs
	at, depth := 0, 0 // byte offset in body after the morphemes read so far; bracket depth
	prev := ""        // the part of speech of the morpheme before
	for _, m := range ms {
		pos := prev
		prev = m.POS
		j := strings.Index(body[at:], m.Surface)
		if j < 0 {
			return "", ""
		}
		start, end := at+j, at+j+len(m.Surface)
		at = end
		h := strings.TrimSpace(body[:start])
		switch {
		case m.POS == "SSO":
			depth++
			continue
		case m.POS == "SSC":
			depth = max(0, depth-1)
			continue
		case depth > 0:
			continue // a gloss or an example in brackets
		case m.Surface == ":" || m.Surface == "：" || (m.POS == "JX" || m.POS == "JKS" || m.POS == "NNG" && !m.Space && pos == "SL") && topicParticle(m.Surface):
			if h == "" || utf8.RuneCountInString(h) > maxOpening {
				return "", ""
			}
			return h, strings.TrimSpace(strings.TrimLeft(body[end:], ":："))
		case strings.HasPrefix(m.POS, "NN"), m.POS == "NP", m.POS == "SL", m.POS == "SH", m.POS == "SN", m.POS == "XSN", m.POS == "XPN",
			m.POS == "ETN", m.POS == "XR", m.POS == "SC", m.POS == "SY", m.POS == "JKG":
			// nouns, names, commas, 의
		default:
			return "", ""
		}
	}
	return "", ""
}

func topicParticle(s string) bool {
	switch s {
	case "은", "는", "이", "가", "이란", "란":
		return true
	}
	return false
}

// lastWords returns the last n words of s.
func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

// underHeading reports whether a heading of path names c: the note has a
// part about it.
func underHeading(path []string, c Concept) bool {
	for _, h := range path {
		if MentionsText(h, c) {
			return true
		}
	}
	return false
}

// shortItem is a list item too short to be a sentence of the analysis
// ("- 데이터 계보"): the items of a list of names.
type shortItem struct {
	// text is the item, list the list it stands in as a line quotes it
	// ("고려할 점: 데이터 계보, 라이선스").
	id, file, text, list, term string
	line                 int
	keys                 []string
	path                 []string
}

// shortItems returns the list items of m's note the analysis left out for
// being short that hold one term and little else.
func shortItems(m *Member) []shortItem {
	if m.Doc == nil {
		return nil
	}
	var out []shortItem
	for _, s := range m.Doc.Sentences {
		if s.Kind != note.KindListItem {
			continue
		}
		t := Trim(Clean(s.Text))
		if n := utf8.RuneCountInString(t); n < 2 || usable(Clean(s.Text)) || n > 20 {
			continue
		}
		ts := text.Read(t).Terms
		if len(ts) != 1 || !informative(ts[0]) {
			continue
		}
		out = append(out, shortItem{id: sentenceID(m, s.ID), file: m.Doc.FileOf(s), text: t, list: listLine(m.Doc, s.Block, t), term: ts[0].Text, line: s.Line, keys: []string{ts[0].Key}, path: s.Path})
	}
	return out
}

// listLine returns the list a short item stands in as one line: the line
// it hangs from, then its sibling items ("고려할 점: 데이터 계보, 라이선스,
// 비용"), or the item alone when it stands in no list.
func listLine(doc *note.Document, bi int, item string) string {
	if bi < 0 || bi >= len(doc.Blocks) {
		return item
	}
	level := doc.Blocks[bi].Level
	from, to := bi, bi
	for from > 0 && doc.Blocks[from-1].Kind == note.KindListItem && doc.Blocks[from-1].Level >= level {
		from--
	}
	for to+1 < len(doc.Blocks) && doc.Blocks[to+1].Kind == note.KindListItem && doc.Blocks[to+1].Level >= level {
		to++
	}
	var sib []string
	for j := from; j <= to; j++ {
		b := doc.Blocks[j]
		if b.Level != level {
			continue
		}
		t := Trim(Clean(b.Text))
		if utf8.RuneCountInString(t) > 30 {
			t = ""
		}
		if t != "" {
			sib = append(sib, t)
		}
	}
	out := strings.Join(sib, ", ")
	if utf8.RuneCountInString(out) > 80 || len(sib) < 2 {
		out = item
	}
	if p := parentBlock(doc, bi); p >= 0 {
		lead := strings.TrimRight(Trim(Clean(doc.Blocks[p].Text)), " :：")
		if n := utf8.RuneCountInString(lead); n > 0 && n <= 40 {
			return lead + ": " + out
		}
	}
	return out
}

func sentenceID(m *Member, id int) string { return fmt.Sprintf("%d.%d", m.Index+1, id) }

func mentionedIn(items []shortItem, c Concept) bool {
	for _, it := range items {
		if mentionsKeys(it.keys, c) {
			return true
		}
	}
	return false
}

func mentionsKeys(keys []string, c Concept) bool {
	for _, k := range keys {
		for _, ck := range c.Keys {
			if k == ck {
				return true
			}
		}
	}
	return false
}

// reGlossAfter matches a bracket right after a term: "(textual entailment)".
var reGlossAfter = regexp.MustCompile(`^\s?[(（]([^()（）]{2,40})[)）]`)

// spelling returns c as the line writes it and the gloss the line gives
// it in brackets right after ("텍스트 함의(textual entailment)"), "" when
// the line writes it in none of its spellings.
func spelling(line string, c Concept) (term, gloss string) {
	ts := text.Read(Trim(Clean(line))).Terms
	for _, t := range ts {
		if !mentionsKeys([]string{t.Key}, c) {
			continue
		}
		term = t.Text
		break
	}
	if term == "" {
		return "", ""
	}
	i := strings.Index(line, term)
	if i < 0 {
		return term, ""
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(line[:i], "-")); unicode.IsLetter(r) {
		return "", "" // "리디 샘플링" of "그리디 샘플링": the dictionary cut a word
	}
	if !hangul(term) {
		if f := strings.Fields(line[:i]); len(f) > 0 {
			if r, _ := utf8.DecodeLastRuneInString(f[len(f)-1]); r < 0x80 && unicode.IsLetter(r) {
				return "", "" // "optimization" of "Proximal policy optimization"
			}
		}
	}
	if glossOf(line[:i]) {
		return "", "" // the gloss of the term before the bracket, which is the topic
	}
	if m := reGlossAfter.FindStringSubmatch(line[i+len(term):]); m != nil {
		g := strings.TrimSpace(m[1])
		// A translation, not a list or an example: another script, one
		// short phrase.
		if hangul(g) != hangul(term) && !strings.ContainsAny(g, ",，:;") && len(strings.Fields(g)) <= 4 && (hangul(g) || acronym(g) || len(strings.Fields(g)) >= 2 || len(g) >= 8) {
			gloss = g
		}
	}
	return term, gloss
}

// glossOf reports whether text before a term leaves it inside a bracket
// right after a Hangul word, in a bracket of Latin words only ("대규모
// 멀티모달 모델(large multimodal model, LMM)"), or first in a bracket
// after an acronym ("ML(machine learning)"): the term spells out or
// translates that word.
func glossOf(before string) bool {
	depth, open := 0, -1
	for i, r := range before {
		switch r {
		case '(', '（':
			if depth == 0 {
				open = i
			}
			depth++
		case ')', '）':
			if depth > 0 {
				depth--
			}
		}
	}
	if depth == 0 || open <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before[:open], " "))
	return r >= 0xAC00 && r <= 0xD7A3 && !hangul(before[open:]) || unicode.IsUpper(r) && !strings.ContainsAny(before[open:], ",，")
}

// namedSpecific reports whether a term names a topic specific enough to
// study: a Korean compound or a long Korean term, an acronym, an English
// term; not a generic word, not a company, product or model name
// ("OpenAI", "GPT-4", "구글"), not a number or a fragment.
func namedSpecific(term string) bool {
	if !Meaningful(term) || !Specific(term) || generic[term] || Dependent(term+" ") {
		return false
	}
	for _, nm := range text.Names(term) {
		if hangul(nm.Text) && nm.Text == term {
			return false // a proper noun of the dictionary or a known name
		}
	}
	if hangul(term) && strings.IndexFunc(term, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }) >= 0 {
		return false // "MoE 구조", "HR 상담": a word on a name, not a name
	}
	if hangul(term) {
		words := strings.Fields(term)
		for _, w := range words[:len(words)-1] {
			if strings.HasSuffix(w, "의") {
				return false // "평가자의 지표": a phrase, not a term
			}
		}
		for _, w := range words {
			if generic[w] && len(words) == 1 {
				return false
			}
		}
		return utf8.RuneCountInString(strings.ReplaceAll(term, " ", "")) >= 4 || len(words) >= 2
	}
	// Latin: model and product names carry digits or a capitalised
	// name ("GPT-4o", "Claude", "OpenAI"); concepts are acronyms or
	// lower-case words.
	if strings.IndexFunc(term, unicode.IsDigit) >= 0 {
		return false
	}
	if acronym(term) {
		return true
	}
	for _, w := range strings.Fields(term) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			return false
		}
	}
	return utf8.RuneCountInString(term) >= 5
}

// acronym reports whether a term is an upper-case abbreviation ("RLHF").
func acronym(term string) bool {
	n := 0
	for _, r := range term {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '-' || r == '&':
		default:
			return false
		}
	}
	return n >= 2 && n <= 8
}
