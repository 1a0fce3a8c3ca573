package analyze

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// frames gives list items the parent line they need: a label such as
// "문제점:" or "장점" above a list makes its items about that label.
func frames(m *Member) {
	doc := m.Doc
	// The items of one list share their parent line: read it once.
	type reading struct{ predicate, unfinished bool }
	read := map[string]reading{}
	readParent := func(pt string) reading {
		r, ok := read[pt]
		if !ok {
			ms := m.reads.read(pt).Morphs
			r = reading{hasPredicate(ms), unfinished(ms)}
			read[pt] = r
		}
		return r
	}
	// A line that announces the list below it ("…평가 요청은 다음 요소를
	// 담아야 한다.") frames the list's items with its last sentence: the
	// lines that may, read once each.
	lastOf := map[string]string{}
	announcing := func(t string) string {
		a, ok := lastOf[t]
		if !ok {
			if mayAnnounce(t) {
				if last := lastSentence(t); utf8.RuneCountInString(last) <= maxAnnounceRunes && announcesList(m.reads.read(last).Morphs) {
					a = last
				}
			}
			lastOf[t] = a
		}
		return a
	}
	// The items of one list read the same lines above them: each block's
	// line cleaned once.
	lines := newBlockLines(doc)
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if s.Kind != note.KindListItem || s.Block <= 0 || s.Block >= len(doc.Blocks) {
			continue
		}
		b := doc.Blocks[s.Block]
		p := parentBlock(doc, s.Block)
		nested := p >= 0
		if p < 0 {
			p = leadIn(doc, s.Block, lines, announcing)
		}
		if p < 0 {
			continue
		}
		pt := lines.trimmed(p)
		counted := counts(pt)
		if counted {
			pt = strings.TrimRight(pt, " .")
		}
		pt = strings.TrimRight(pt, " :：")
		announced := false
		if !counted {
			if last := announcing(pt); last != "" {
				pt, announced = last, true
			}
		}
		if !counted && !announced && asks(pt) {
			// "…하면 되지 않을까?" above the items nested under it that
			// answer it: each item is half an answer without the
			// question, and the answers together are the point. (A
			// list after a question paragraph goes on with the text.)
			if nested && !s.Voice.Question && doc.Blocks[p].Kind == note.KindListItem {
				s.Frame, s.FrameLine = pt, doc.Blocks[p].Line
				s.FrameNeeded, s.whole = true, true
			}
			continue
		}
		if !announced && !frameText(pt) {
			continue
		}
		r := readParent(pt)
		colon := strings.HasSuffix(strings.TrimSpace(lines.clean(p)), ":")
		if r.unfinished && !colon && nested && doc.Blocks[p].Kind == note.KindListItem && ConditionLine(pt) {
			// "- deps가 빈 배열이라면" over "  - …처음 렌더링 될 때만
			// 실행됨": each item says what holds under that condition,
			// and is false without it.
			s.Frame, s.FrameLine, s.FrameNeeded = pt, doc.Blocks[p].Line, true
			continue
		}
		if r.unfinished && !colon {
			continue // "두 가지 종류가 있는데,": a clause, not a frame
		}
		label := colon || counted || announced || !r.predicate
		pk := doc.Blocks[p].Kind
		if !label || b.Level == 0 && pk != note.KindParagraph && pk != note.KindListItem && pk != note.KindQuote {
			continue
		}
		if CueHeading(pt) && !strings.HasSuffix(pt, "점") {
			continue // "정리", "요약": says nothing about the items
		}
		s.Frame, s.FrameLine = pt, doc.Blocks[p].Line
		s.frameNested = nested && doc.Blocks[p].Kind == note.KindListItem && doc.Blocks[s.Block].Kind == note.KindListItem
		// One item of a counted list ("세 가지 숫자", "두 가지 상황에서
		// 나타난다") is a part of a whole the list's line names.
		// A clause with a colon ("더 큰 모델을 만들수록:") is a premise
		// its items complete.
		// So is one item of a list its line announces ("평가 요청은 다음
		// 요소를 담아야 한다").
		s.FrameNeeded = counted || announced || colon && r.predicate
		s.whole = counted || announced || colon && stepsLabel(pt)
	}
	wholes(m)
	headingFrames(m)
}

// ConditionLine reports a line that is a condition only, the clause its
// sub-items complete: "deps가 빈 배열이라면", "캐시가 가득 찬 경우",
// "요청이 실패했을 때".
func ConditionLine(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), " ,.…")
	for _, end := range []string{"면", "경우", "경우에는", "경우엔", "때", "때는", "때에는"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// Part is one item of a list its line counts or announces, as a bullet
// carrying the whole list quotes it.
type Part struct {
	ID   string
	Body string
	Line int
}

// wholes gives every item of a list whose line counts ("두 가지 상황에서
// 나타난다"), announces ("다음 요소를 담아야 한다") or names the steps of
// ("평가 과정:") the list's items: one item alone says one of two
// situations, one step of four. Each item's first sentence stands for
// it.
func wholes(m *Member) {
	groups := map[int][]int{}
	var order []int
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if !s.whole {
			continue
		}
		if _, ok := groups[s.FrameLine]; !ok {
			order = append(order, s.FrameLine)
		}
		groups[s.FrameLine] = append(groups[s.FrameLine], i)
	}
	for _, fl := range order {
		var parts []Part
		block := -1
		for _, i := range groups[fl] {
			s := m.Sentences[i]
			if s.Block == block {
				continue
			}
			block = s.Block
			parts = append(parts, Part{ID: s.ID, Body: s.Body, Line: s.Line})
		}
		if len(parts) < 2 {
			continue
		}
		for _, i := range groups[fl] {
			m.Sentences[i].Parts = parts
		}
	}
}

// stepsLabel reports a list label that names a sequence of steps ("평가
// 과정", "배포 단계", "복구 절차"): its items are parts of one whole.
func stepsLabel(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	last := f[len(f)-1]
	for _, w := range []string{"과정", "단계", "절차", "순서"} {
		if strings.HasSuffix(last, w) {
			return true
		}
	}
	return false
}

// countOf returns the number a count of kinds names ("두 가지" → 2), 0
// for an unspecified one ("여러 가지", "몇 가지").
func countOf(t string) int {
	m := reCount.FindString(t)
	for w, n := range map[string]int{"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7} {
		if strings.HasPrefix(strings.TrimSpace(m), w+" ") || strings.HasPrefix(strings.TrimSpace(m), w+"가지") {
			return n
		}
	}
	for _, r := range m {
		if r >= '2' && r <= '9' {
			return int(r - '0')
		}
	}
	return 0
}

// leadIn returns the block that announces the list a top-level item
// belongs to when it stands right above the list's run of items: a short
// quote or list item promising what follows ("> 세 가지 숫자",
// "- 비일관성은 두 가지 상황에서 나타난다.", or a line announcing gives an
// announcing sentence for), within five items of one run (no more than a
// blank line between two); -1 when there is none.
func leadIn(doc *note.Document, bi int, lines *blockLines, announcing func(string) string) int {
	b := doc.Blocks[bi]
	if b.Kind != note.KindListItem || b.Level != 0 {
		return -1
	}
	items := 0
	for j := bi - 1; j >= 0 && items <= 5; j-- {
		o := doc.Blocks[j]
		if o.EndLine > 0 && doc.Blocks[j+1].Line-o.EndLine > 2 {
			return -1 // more than a blank line between (an image, a rule): the run of items ended there
		}
		switch {
		case o.Kind == note.KindListItem && o.Level > 0:
			continue
		case o.Kind == note.KindListItem || o.Kind == note.KindQuote:
			if t := lines.trimmed(j); promise(t) || counts(t) || announcing(t) != "" {
				if n := countOf(t); n > 0 && items >= n {
					return -1 // "두 가지 목적" covers two items, not the third after it
				}
				if j+1 < len(doc.Blocks) && doc.Blocks[j+1].Kind == note.KindListItem && doc.Blocks[j+1].Level > o.Level {
					return -1 // its items hang from it: a later sibling is none of them
				}
				return j
			}
			if o.Kind == note.KindQuote {
				return -1
			}
			items++
		default:
			return -1
		}
	}
	return -1
}

// blockLines holds the lines of a note's blocks, cleaned (Clean) and
// trimmed (Trim(StripLabel(Clean))), each made when first asked for.
type blockLines struct {
	doc        *note.Document
	cleaned    []string
	trims      []string
	hasCleaned []bool
	hasTrimmed []bool
}

func newBlockLines(doc *note.Document) *blockLines {
	n := len(doc.Blocks)
	return &blockLines{doc: doc, cleaned: make([]string, n), trims: make([]string, n), hasCleaned: make([]bool, n), hasTrimmed: make([]bool, n)}
}

// clean returns Clean of block i's text.
func (l *blockLines) clean(i int) string {
	if !l.hasCleaned[i] {
		l.cleaned[i], l.hasCleaned[i] = Clean(l.doc.Blocks[i].Text), true
	}
	return l.cleaned[i]
}

// trimmed returns Trim(StripLabel(Clean)) of block i's text.
func (l *blockLines) trimmed(i int) string {
	if !l.hasTrimmed[i] {
		l.trims[i], l.hasTrimmed[i] = Trim(StripLabel(l.clean(i))), true
	}
	return l.trims[i]
}

// mayAnnounce is the cheap test before announcesList: the line names what
// comes next or below.
func mayAnnounce(t string) bool {
	return strings.Contains(t, "다음 ") || strings.Contains(t, "아래 ")
}

// announcesList reports whether a line announces the list after it by
// naming it as its object: "다음"/"아래" with a noun after it and an object
// particle ("다음 요소를 담아야 한다", "아래 항목을 확인한다"), not a
// place or time ("다음 단계로 넘어간다", "다음 주에 다룬다").
func announcesList(ms []text.Morph) bool {
	for i := 0; i+2 < len(ms); i++ {
		if (ms[i].Surface != "다음" && ms[i].Surface != "아래") || !strings.HasPrefix(ms[i].POS, "NN") {
			continue
		}
		j, nouns := i+1, 0
		for ; j < len(ms) && j-i <= 3; j++ {
			if strings.HasPrefix(ms[j].POS, "NN") {
				nouns++
				continue
			}
			if numeral(ms[j]) {
				continue // "다음 세 요소를"
			}
			break
		}
		if nouns > 0 && j < len(ms) && hasTag(ms[j].POS, "JKO") && mainClauseObject(ms[j+1:]) {
			return true
		}
	}
	return false
}

// mainClauseObject reports whether the object before ms belongs to the
// sentence's own predicate: no relative clause ("다음 토큰을 고르는 방법")
// and no condition or concession ("다음 값을 봤다면, …") takes it first.
func mainClauseObject(ms []text.Morph) bool {
	for _, m := range ms {
		if hasTag(m.POS, "ETM") {
			return false
		}
		if hasTag(m.POS, "EC") {
			for _, e := range []string{"면", "데", "지만", "니까"} {
				if strings.HasSuffix(m.Surface, e) {
					return false
				}
			}
		}
	}
	return true
}

// maxAnnounceRunes bounds the sentence that announces a list, which
// becomes its items' frame.
const maxAnnounceRunes = 80

// lastSentence returns the last sentence of a line, without its final
// period.
func lastSentence(t string) string {
	t = strings.TrimRight(strings.TrimSpace(t), " .")
	if i := strings.LastIndex(t, ". "); i >= 0 {
		t = t[i+2:]
	}
	return strings.TrimSpace(t)
}

// numeral reports whether a morpheme counts the noun after it ("세",
// "3"), however the dictionary tags it.
func numeral(m text.Morph) bool {
	switch m.Surface {
	case "두", "세", "네", "몇", "여러":
		return true
	}
	return hasTag(m.POS, "MM") || hasTag(m.POS, "NR") || hasTag(m.POS, "SN")
}

// reCount matches a count of kinds ("두 가지", "3가지"): a line with one
// announces the list below it.
var reCount = regexp.MustCompile(`(?:^|\s)(?:두|세|네|다섯|여섯|일곱|몇|여러|[2-9])\s?가지(?:\s|$|의|로|가|는|이|를)`)

// counts reports whether reCount matches t; only a line with "가지" can.
func counts(t string) bool {
	return strings.Contains(t, "가지") && reCount.MatchString(t)
}

// headingFrames gives the first sentence under a heading, when it names no
// subject of its own ("무작위로 여러 출력을 생성하고 …" under "best of
// N"), the heading as its frame: what it is about is the heading.
func headingFrames(m *Member) {
	doc := m.Doc
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if s.Frame != "" || !(s.subjectless || s.topicless) || ownLabel(s.Body) || s.Context != nil || s.Block <= 0 || s.Block >= len(doc.Blocks) {
			continue
		}
		if i > 0 && m.Sentences[i-1].Block == s.Block {
			continue // not the block's first sentence
		}
		h := doc.Blocks[s.Block-1]
		if h.Kind != note.KindHeading {
			continue
		}
		ht := headingName(h.Text)
		if !frameText(ht) || CueHeading(ht) {
			continue
		}
		s.Frame, s.FrameLine, s.FrameNeeded = ht, h.Line, true
	}
}

// frameText reports whether a line can frame another: short words, not a
// sentence, a formula, symbols or an open bracket.
func frameText(t string) bool {
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 40 || strings.ContainsAny(t, ".?!") || formula(t) || !balanced(t) || foreign(t) {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// ownLabel reports whether a sentence opens with its own label ("토큰:
// 언어 모델의 기본 단위"): the label names what it is about.
func ownLabel(body string) bool {
	_, _, ok := SplitLabel(body)
	return ok
}

// headingName is a heading without its numbering ("5.1.1", "2)", "Ⓖ")
// and trailing colons.
func headingName(h string) string {
	f := strings.Fields(Trim(Clean(h)))
	for len(f) > 1 && strings.IndexFunc(f[0], func(r rune) bool { return r >= '0' && r <= '9' }) == 0 && strings.Trim(f[0], "0123456789.)") == "" {
		f = f[1:]
	}
	return strings.TrimRight(strings.Join(f, " "), " :：")
}

// parentBlock returns the index of the block a list item hangs from: the
// item one level up, or the paragraph that introduces the item's list at
// its own depth (a top-level paragraph above a top-level list, or a
// paragraph inside an item above that item's nested list); -1 when there
// is none.
func parentBlock(doc *note.Document, bi int) int {
	b := doc.Blocks[bi]
	for j := bi - 1; j >= 0; j-- {
		o := doc.Blocks[j]
		switch o.Kind {
		case note.KindHeading:
			return -1
		case note.KindListItem:
			if o.Level < b.Level {
				if o.Level == b.Level-1 {
					return j
				}
				return -1
			}
		case note.KindParagraph:
			if o.Level > b.Level {
				continue // inside an earlier item of the list
			}
			if o.Level == b.Level && (j == bi-1 || doc.Blocks[j+1].Kind == note.KindListItem && doc.Blocks[j+1].Level == b.Level && allItems(doc, j+1, bi, b.Level)) {
				return j
			}
			return -1
		case note.KindQuote:
			// "> ***애플리케이션 예외***" over a list: a label the writer
			// set as a quote, as a bold line, over the items it names
			if labelQuote(o) && o.Level == 0 && b.Level == 0 && (j == bi-1 || doc.Blocks[j+1].Kind == note.KindListItem && doc.Blocks[j+1].Level == b.Level && allItems(doc, j+1, bi, b.Level)) {
				return j
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// labelQuote reports a quote block that is a label only: a short phrase
// set all in bold or italics ("> ***애플리케이션 예외***"), no sentence.
func labelQuote(b note.Block) bool {
	if len(b.Emphasis) != 1 || strings.TrimSpace(b.Emphasis[0]) != strings.TrimSpace(b.Text) {
		return false
	}
	t := strings.TrimSpace(b.Text)
	return utf8.RuneCountInString(t) <= 40 && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "다") && !strings.HasSuffix(t, "?")
}

// allItems reports whether blocks from..to-1 are one list at level and
// what its items hold: items, and paragraphs inside them.
func allItems(doc *note.Document, from, to, level int) bool {
	for k := from; k < to; k++ {
		if o := doc.Blocks[k]; o.Kind != note.KindListItem && (o.Kind != note.KindParagraph || o.Level <= level) {
			return false
		}
	}
	return true
}

// questions marks the questions a note answers right after asking them
// (the book's rhetorical questions, restated) and the questions that stand
// in a list of questions (the book's checklists). A question the member
// labelled ("Q:") or put under a heading of their own questions is theirs,
// answered or not.
func questions(m *Member) {
	ss := m.Sentences
	for i := range ss {
		s := &ss[i]
		if s.Voice.Doubt && !s.Voice.Question && i+1 < len(ss) && ss[i+1].Line == s.Line && ss[i+1].Block == s.Block && settles(ss[i+1].Body) {
			// "…어떻게 시작해야하나라는 의문이 들었다. 5장을 읽어보니 … 많이
			// 도움이 되었다": the doubt, and on its line how it was settled.
			s.Answered = true
		}
		if !s.Voice.Question {
			continue
		}
		if QuestionLabel(s.Voice.Label) || questionHeading(s.Path) || s.Voice.Queried || s.Voice.Doubt || s.judges {
			// A statement the writer put in doubt ("…멀어진다 ?") is theirs
			// too: what follows is the book's account, not an answer; so is
			// a question they wonder about ("왜 taget이라 하지", Doubt).
			// So is a question the writer led in with an arrow that asks
			// whether something is right ("→ 캡슐화가 핵심인데 …하는 것이
			// 옳은가?"): what the book says next is no answer to a
			// judgement.
			// The member's own question, unless the note answers it
			// right after ("A:", "A1.").
			if i+1 < len(ss) && answerMarked(ss[i+1].Raw) && ss[i+1].Line-s.Line <= 3 {
				s.Answered, s.OwnAnswer = true, true
			}
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(ss) {
				continue
			}
			o := ss[j]
			// A checklist has its questions on lines of their own; two
			// questions on one line are one writer's train of thought.
			if o.Voice.Question && o.Kind == s.Kind && samePath(o.Path, s.Path) && abs(o.Line-s.Line) <= 3 && o.Line != s.Line {
				s.Checklist = true
			}
		}
		if labelled.MatchString(s.Body) {
			s.Checklist = true // "데이터 보안: 외부로 보낼 수 있나?": an item of a checklist
		}
		if i+1 < len(ss) {
			o := ss[i+1]
			// The writer's own guess after their question ("왜 …했을까?"
			// then "…하려는 것 같다") is no answer the note gives: the
			// question stays theirs.
			ownGuess := o.Voice.Hedge || o.Voice.FirstPerson || o.Voice.Doubt || o.Voice.Guess
			// The lines between may be code the question shows ("…
			// 전환한다면…?" above the signatures it means).
			near := o.Line-s.Line <= 3 || onlyCodeBetween(m.Doc, s.Block, o.Block) || elliptical(m, *s) && o.Block == s.Block+1
			if !o.Voice.Question && !ownGuess && !asksForMore(s.Body) && !listMovesOn(m.Doc, *s, o) && (o.Block == s.Block || samePath(o.Path, s.Path) && near && (sharesWord(o.Terms, s.Terms) || answerMarked(o.Raw) || respondsTo(o.Body) || o.Kind == note.KindListItem || promisesAnswer(m.reads.read(o.Body).Morphs))) {
				s.Answered = true
				// "왜 …라는 이름이 붙게 되었을까?" / "→ …이기 때문에 …": an
				// answer the writer marks as theirs
				s.OwnAnswer = answerMarked(o.Raw) && o.Line-s.Line <= 3
			}
			// A question closing the lines right above a heading, which
			// the section under it takes up in its first line ("…중복된
			// 코드는 왜 문제가 되는걸까?" / "### 상속과 중복 코드" / "중복
			// 코드를 보는 순간 …"), is the lead-in to that section.
			if !s.Answered && !o.Voice.Question && !ownGuess && (opensSubsection(s.Path, o.Path) || opensNextSection(s.Path, o.Path)) && o.Line-s.Line <= 6 && sharesWord(o.Terms, s.Terms) {
				s.Answered = true
			}
		}
		// "JDBC가 아닌 다른 기술로 DAO 구현을 전환한다면…?" right above
		// code: the code shows what then happens, the supposition's
		// answer (the book setting up its next step).
		if !s.Answered && supposition(s.Body) && s.Block+1 < len(m.Doc.Blocks) && m.Doc.Blocks[s.Block+1].Kind == note.KindCode {
			s.Answered = true
		}
		// The book asking again what the note answered a few lines up
		// ("언제 상속을 사용해야할까? 마틴 오더스키는 …" then "…설계하는데, 언제
		// 상속을 사용해야할까?") is that question again.
		for j := i - 1; j >= 0 && !s.Answered; j-- {
			if t := ss[j]; t.Voice.Question && t.Answered && samePath(t.Path, s.Path) && strings.Contains(s.Body, strings.TrimRight(t.Body, "?？ ")) {
				s.Answered = true
			}
		}
	}
	askedRuns(ss)
}

// rightWords are the stems a question asks a judgement with: 옳다, 맞다,
// 좋다, 바람직하다, 괜찮다, 타당하다, 적절하다, 필요하다.
var rightWords = map[string]bool{"옳": true, "맞": true, "좋": true, "바람직": true, "괜찮": true, "타당": true, "적절": true, "필요": true}

// judgesRight reports whether a question's last predicate asks whether
// something is right, good or needed ("…하는 것이 옳은가?", "…가 필요한가?").
func judgesRight(ms []text.Morph) bool {
	for i := len(ms) - 1; i >= 0; i-- {
		p := ms[i].POS
		if strings.HasPrefix(p, "S") || strings.HasPrefix(p, "E") || strings.HasPrefix(p, "XSA") {
			continue // the question mark, the ending, 하다 of "바람직한가"
		}
		if strings.HasPrefix(p, "VA") || strings.HasPrefix(p, "VV") || strings.HasPrefix(p, "XR") || strings.HasPrefix(p, "NNG") {
			return rightWords[ms[i].Surface]
		}
		return false
	}
	return false
}

// elliptical reports a question that stops before its predicate, the way
// a note heads what it shows next ("문자열로 지정할 때는?"): with only an
// image between (no block of text), the next line is what it leads to. A
// question with its own predicate ("어째서 이가 가능할까…?") is asked, not a
// lead-in.
func elliptical(m *Member, s Sentence) bool {
	return !hasFinalVerb(m.reads.read(s.Body).Morphs)
}

// showVerbs are the stems a text announces what it will show with:
// 알려 주다, 알아보다, 살펴보다, 보여 주다, 소개하다, 설명하다, 다루다.
var showVerbs = map[string]bool{"알려": true, "알리": true, "알아보": true, "살펴보": true, "보여": true, "보이": true, "소개": true, "설명": true, "다루": true}

// deferring are the words a writer leaves a question for later with.
var deferring = map[string]bool{"나중": true, "추후": true, "따로": true, "더": true, "직접": true, "한번": true, "좀": true}

// promisesAnswer reports a line that announces, in the author's voice,
// what the text shows next ("지금부터는 그러지 않아도 되는 방법을
// 알려주겠다", "이제 그 방법을 살펴보자"): the question right before it is
// the book's lead-in, answered below.
func promisesAnswer(ms []text.Morph) bool {
	for _, x := range ms {
		if deferring[x.Surface] {
			return false // "나중에 더 알아보자": the writer leaving it for later, not the text answering
		}
	}
	intent := false
	for i := len(ms) - 1; i >= 0; i-- {
		p, w := ms[i].POS, ms[i].Surface
		switch {
		case strings.HasPrefix(p, "S"):
		case strings.HasPrefix(p, "EP") && w == "겠", (hasTag(p, "EF") || hasTag(p, "EC")) && (w == "자" || strings.HasPrefix(w, "겠")):
			intent = true
		case strings.HasPrefix(p, "E"), strings.HasPrefix(p, "VX"), strings.HasPrefix(p, "XSV") && i > 0:
		case strings.HasPrefix(p, "VV"), strings.HasPrefix(p, "NNG"):
			return intent && showVerbs[w]
		default:
			return false
		}
	}
	return false
}

// settledCues say, in the past, that something was understood or solved:
// the end of a doubt the line before raised.
var settledCues = []string{"도움이 되었", "도움이 되엇", "도움이 됐", "이해가 되었", "이해가 됐", "이해할 수 있었", "알게 되었", "알게 됐", "해결되었", "해결됐", "해결할 수 있었", "풀렸", "궁금증이 풀"}

// settles reports a sentence saying that a doubt was settled ("…읽어보니 …
// 많이 도움이 되었다", "…를 보고 이해가 되었다").
func settles(body string) bool {
	for _, c := range settledCues {
		if strings.Contains(body, c) {
			return true
		}
	}
	return false
}

// respondsTo reports a line that opens by taking up what was just asked:
// "이에 대한 …", "이에 대해 …", "답은 …".
func respondsTo(body string) bool {
	return opensWith(body, []string{"이에 대한", "이에대한", "이에 대해", "이에대해", "답은", "정답은", "그 답은"})
}

// asksForMore reports a question that asks for other cases than the ones
// at hand ("infer 에 대한 다른 실용적 예제는 없을까?", "또 다른 방법은
// 없을까?"): what the note shows next is the case at hand, no answer.
func asksForMore(q string) bool {
	t := strings.TrimRight(q, "?？!. ")
	return strings.Contains(q, "다른 ") && (strings.HasSuffix(t, "없을까") || strings.HasSuffix(t, "있을까") || strings.HasSuffix(t, "없나") || strings.HasSuffix(t, "있나"))
}

// listMovesOn reports whether the list item o, right after the list item
// q, stands shallower in the list than q: the list goes on to its next
// point ("3. 비용" › "- …두 배" › "- 작은 모델을 쓰면?" then "4. 편향"),
// so o answers nothing q asks.
func listMovesOn(doc *note.Document, q, o Sentence) bool {
	if doc == nil || q.Kind != note.KindListItem || o.Kind != note.KindListItem || q.Block == o.Block {
		return false
	}
	if q.Block >= len(doc.Blocks) || o.Block >= len(doc.Blocks) {
		return false
	}
	return doc.Blocks[o.Block].Level < doc.Blocks[q.Block].Level
}

// asks reports whether a line ends in a question mark.
func asks(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), " .…)\"'”’")
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？")
}

// askedRuns marks the questions of a run in one paragraph as answered when
// the run's last question is: the book asks two or three questions in a
// row ("…어떻게 가려낼 수 있을까. 어디까지 막아야 할까?") and answers them
// together.
func askedRuns(ss []Sentence) {
	for i := len(ss) - 2; i >= 0; i-- {
		s, o := &ss[i], ss[i+1]
		if !s.Voice.Question || s.Answered || !o.Voice.Question || !o.Answered || o.Block != s.Block {
			continue
		}
		if QuestionLabel(s.Voice.Label) || questionHeading(s.Path) || s.Voice.Queried || s.Voice.Doubt || s.judges {
			continue // the writer's own question stays theirs
		}
		s.Answered = true
	}
}

// answerFrames gives an answer the question it answers: a line marked as
// an answer ("A.", "A2.", "답:") under a question ("Q. 왜 …할까?") says
// the reason for something the question names, and lifted alone it
// answers nothing. The question becomes its frame, carried before it.
func answerFrames(m *Member) {
	ss := m.Sentences
	for i := range ss {
		s := &ss[i]
		if s.Frame != "" || s.Context != nil || s.Voice.Question || !(answerLabel(s.Voice.Label) || answerMarked(s.Raw)) {
			continue
		}
		for j := i - 1; j >= 0 && s.Line-ss[j].Line <= 6; j-- {
			q := ss[j]
			if q.Voice.Question {
				if q.Problem == "" || q.Problem == ProblemFragment {
					s.Frame, s.FrameLine, s.FrameNeeded = strings.TrimSpace(q.Body), q.Line, true
				}
				break
			}
			if !answerLabel(q.Voice.Label) && !answerMarked(q.Raw) {
				break // something else stands between: not this question's answer
			}
		}
	}
}

// answerLabel reports whether a call-out label marks an answer ("A",
// "A1", "답").
func answerLabel(l string) bool {
	switch {
	case l == "답" || l == "답변":
		return true
	case strings.HasPrefix(l, "a"):
		return strings.Trim(l[1:], "0123456789") == ""
	}
	return false
}

// labelled matches a sentence that opens with a short label and a colon.
var labelled = regexp.MustCompile(`^[^:：?]{2,20}[:：]\s`)

// questionHeading reports whether a heading path is about the writer's
// own questions ("궁금한 점", "질문", "Q&A").
func questionHeading(path []string) bool {
	for _, h := range path {
		l := strings.ToLower(h)
		for _, c := range []string{"궁금", "질문", "q&a", "qna", "의문", "더 알아", "추가 학습", "todo"} {
			if strings.Contains(l, c) {
				return true
			}
		}
	}
	return false
}

func answerMarked(raw string) bool {
	t := strings.TrimSpace(raw)
	for _, p := range []string{"A:", "A.", "A1", "A)", "답:", "답변", "->", "=>", "→", "⇒"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// opensSubsection reports whether path b is a heading right under path a:
// the line of b opens a section of a's.
func opensSubsection(a, b []string) bool {
	return len(b) == len(a)+1 && samePath(a, b[:len(a)])
}

// opensNextSection reports whether heading path b is the next section at
// the same level as a ("### fetch로 API 요청하기" then "### 서비스 레이어로
// 분리하기"): a question closing section a that the next one takes up in
// its first line is the book leading into it, as with a subsection.
func opensNextSection(a, b []string) bool {
	n := len(a)
	return n > 0 && len(b) == n && a[n-1] != b[n-1] && samePath(a[:n-1], b[:n-1])
}

func samePath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sharesTerm(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if Key(x) == Key(y) {
				return true
			}
		}
	}
	return false
}

// sharesWord reports whether two term lists share a word of two letters
// or more, a whole term or one inside their compounds ("할인 여부" and
// "할인 조건").
func sharesWord(a, b []string) bool {
	words := map[string]bool{}
	for _, x := range a {
		for _, w := range strings.Fields(x) {
			if utf8.RuneCountInString(w) >= 2 {
				words[Key(w)] = true
			}
		}
	}
	for _, y := range b {
		for _, w := range strings.Fields(y) {
			if words[Key(w)] {
				return true
			}
		}
	}
	return false
}

// onlyCodeBetween reports whether every block strictly between blocks
// from and to is code, or a line too short to be a sentence ("이러면
// 안돼~"), with at most one such short line.
func onlyCodeBetween(doc *note.Document, from, to int) bool {
	if doc == nil || from < 0 || to <= from+1 || to > len(doc.Blocks) {
		return false
	}
	short := 0
	for k := from + 1; k < to; k++ {
		b := doc.Blocks[k]
		if b.Kind == note.KindCode {
			continue
		}
		if short++; short > 1 || utf8.RuneCountInString(strings.TrimSpace(b.Text)) >= 12 {
			return false
		}
	}
	return true
}

// supposition reports a question that only supposes ("…전환한다면…?",
// "…바꾸면?"): it asks what follows, and names no doubt.
func supposition(body string) bool {
	t := strings.TrimRight(strings.TrimSpace(body), "?？!…. ")
	return strings.HasSuffix(t, "면")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// subject returns the noun phrase a sentence opens with when a topic or
// subject particle follows it: "비교 평가는 …" → "비교 평가".
func subject(ms []text.Morph, body string) string {
	var b strings.Builder
	parts := 0
	ms = afterSetting(ms)
	for i, m := range ms {
		switch m.POS {
		case "NNG", "NNP", "SL", "SH", "XSN", "XPN", "SN":
			if i > 0 && m.Space {
				b.WriteByte(' ')
			}
			b.WriteString(m.Surface)
			if m.POS != "XSN" && m.POS != "XPN" {
				parts++
			}
			continue
		case "JX", "JKS":
			// A particle set apart by a space is no particle of the
			// phrase, except after a Latin word, which some notes always
			// write apart from its particle ("ReactNode 는").
			if parts == 0 || parts > 4 || m.Space && ms[i-1].POS != "SL" {
				return ""
			}
			switch m.Surface {
			case "은", "는", "이", "가", "이란", "란":
				out := b.String()
				if n := utf8.RuneCountInString(out); n < 2 || n > 24 || !strings.Contains(body, out) {
					return ""
				}
				return out
			}
		}
		return ""
	}
	return ""
}

// afterSetting returns ms without a leading setting, a noun phrase with
// 에서 ("리액트에서 상태는 …", "자바스크립트에서는 …"): the subject comes
// after it.
func afterSetting(ms []text.Morph) []text.Morph {
	for i, m := range ms {
		switch {
		case m.POS == "NNG" || m.POS == "NNP" || m.POS == "SL":
			if i > 0 && m.Space {
				return ms
			}
			continue
		case i > 0 && m.Surface == "에서" && strings.HasPrefix(m.POS, "JKB"):
			j := i + 1
			if j < len(ms) && !ms[j].Space && strings.HasPrefix(ms[j].POS, "JX") {
				j++ // 에서는
			}
			if j < len(ms) && ms[j].Surface == "," {
				j++
			}
			if j < len(ms) && ms[j].Space {
				return ms[j:]
			}
		}
		return ms
	}
	return ms
}

// bodyGrams returns the bigram set (bigramSet) of every sentence's Body,
// by member and sentence: shareScores and bookScores both read them.
func bodyGrams(members []*Member) [][][]uint32 {
	out := make([][][]uint32, len(members))
	for mi, m := range members {
		out[mi] = make([][]uint32, len(m.Sentences))
		for si := range m.Sentences {
			out[mi][si] = bigramSet(m.Sentences[si].Body)
		}
	}
	return out
}

// shareScores sets Sentence.Shared: for every sentence, its highest
// bigram similarity (Dice) to a sentence of another member's note; and
// remarkShared, the same for the bracketed remark of a sentence that has
// one (Voice.Remark). An inverted index over character bigrams keeps this
// near-linear. byMember holds the sentences' bigram sets (bodyGrams).
func shareScores(members []*Member, byMember [][][]uint32) {
	// Sentences are numbered across members, each member's in one run
	// from first[mi]. A bigram in more than 400 sentences says nothing
	// of copying.
	d := diceIndex{maxPost: 400}
	first := make([]int32, len(members)+1)
	for mi := range members {
		first[mi] = int32(len(d.grams))
		for _, g := range byMember[mi] {
			d.add(g)
		}
	}
	first[len(members)] = int32(len(d.grams))
	id := 0
	for mi, m := range members {
		lo, hi := first[mi], first[mi+1] // the member's own sentences
		for si := range m.Sentences {
			s := &m.Sentences[si]
			s.Shared = d.best(d.grams[id], lo, hi)
			id++
			if s.Voice.Remark {
				s.remarkShared = d.best(bigramSet(remarkText(s.Body)), lo, hi)
			}
		}
	}
}

// remarksBeside finds bracketed remarks that another member's note says
// beside the same line: the remark's host (the sentence before the
// bracket) is that member's line almost word for word, and one of the few
// lines after it there names most of the remark's concepts ("(하지만 …품질이
// 전부가 아니라는 점을 기억하자.)" after the copied "…품질을 최적화한다",
// where the other note goes on "품질이 전부는 아니다, …"). The remark is the
// book's caveat the two copied, not the member's own angle: a remark
// inside the sentence (Voice.Remark) gets remarkShared, and a sentence
// whose brackets, or bracketed next sentence, turn against it is no
// Aside.
func remarksBeside(members []*Member, byMember [][][]uint32) {
	for mi, m := range members {
		for si := range m.Sentences {
			s := &m.Sentences[si]
			switch {
			case s.Voice.Remark && s.remarkShared < remarkBook:
				if host, remark, ok := ClosingParen(s.Body); ok && saidBeside(members, byMember, mi, host, remark) {
					s.remarkShared = remarkBook
				}
			case s.Voice.Aside && s.Caveat != nil:
				if saidBeside(members, byMember, mi, s.Body, s.Caveat.Body) {
					s.Voice.Aside = false
				}
			case s.Voice.Aside:
				if host, remark, ok := ClosingParen(s.Body); ok && saidBeside(members, byMember, mi, host, remark) {
					// The turn in the brackets is the book's too: the
					// sentence keeps only its host's own contrast.
					s.Voice.Aside = false
					s.Voice.Contrast = readVoice(host, text.Read(host).Morphs).Contrast
				}
			}
		}
	}
}

// saidBeside reports whether a member other than mi copied host almost
// word for word and says remark's concepts in one of the few lines after
// it.
func saidBeside(members []*Member, byMember [][][]uint32, mi int, host, remark string) bool {
	keys := remarkKeys(remark)
	hg := bigramSet(host)
	if len(keys) < 2 || len(hg) < 8 {
		return false
	}
	for oi, o := range members {
		if oi == mi {
			continue
		}
		for j := range o.Sentences {
			if dice(hg, byMember[oi][j]) < hostCopied {
				continue
			}
			for k := j + 1; k < len(o.Sentences) && k <= j+3 && o.Sentences[k].Line-o.Sentences[j].Line <= 4; k++ {
				if covered(keys, o.Sentences[k].Terms) {
					return true
				}
			}
		}
	}
	return false
}

const (
	// hostCopied is the similarity (Dice) at which two members' lines
	// are one line copied from the book.
	hostCopied = 0.8
	// remarkBook is the remarkShared a remark the book says has: above
	// the share at which a remark is no longer the member's own.
	remarkBook = 0.5
)

// remarkKeys returns the keys of a remark's concept terms.
func remarkKeys(remark string) []string {
	var out []string
	for _, t := range text.Read(remark).Terms {
		if k := Key(t.Text); utf8.RuneCountInString(k) >= 2 {
			out = append(out, k)
		}
	}
	return out
}

// covered reports whether terms name at least two thirds of keys (a term
// inside another counts: "모델 품질" names 품질).
func covered(keys []string, terms []string) bool {
	n := 0
	for _, k := range keys {
		for _, t := range terms {
			if tk := Key(t); strings.Contains(tk, k) || strings.Contains(k, tk) && utf8.RuneCountInString(tk) >= 2 {
				n++
				break
			}
		}
	}
	return 3*n >= 2*len(keys)
}

// dice returns the bigram similarity of two sorted bigram sets.
func dice(a, b []uint32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// diceIndex finds, for a set of character bigrams, the highest bigram
// similarity (Dice) to the sets it indexes, through an inverted index
// from bigram to sets: near-linear in the sets that share a bigram.
type diceIndex struct {
	grams [][]uint32
	index map[uint32][]int32
	// maxPost, when not 0, skips bigrams more sets have than that.
	maxPost int
	// counts holds the bigrams shared with each set during best, zero
	// between calls; touched the sets counted.
	counts  []int32
	touched []int32
}

// add indexes a set of bigrams as the next set.
func (d *diceIndex) add(g []uint32) {
	if d.index == nil {
		d.index = map[uint32][]int32{}
	}
	id := int32(len(d.grams))
	d.grams = append(d.grams, g)
	for _, x := range g {
		d.index[x] = append(d.index[x], id)
	}
}

// best returns the highest Dice of g to an indexed set outside [lo, hi)
// (lo = hi for none left out); 0 for a set of fewer than 4 bigrams.
func (d *diceIndex) best(g []uint32, lo, hi int32) float64 {
	if len(g) < 4 {
		return 0
	}
	if len(d.counts) < len(d.grams) {
		d.counts = make([]int32, len(d.grams))
	}
	d.touched = d.touched[:0]
	for _, x := range g {
		p := d.index[x]
		if d.maxPost > 0 && len(p) > d.maxPost {
			continue
		}
		for _, r := range p {
			if r < lo || r >= hi {
				if d.counts[r] == 0 {
					d.touched = append(d.touched, r)
				}
				d.counts[r]++
			}
		}
	}
	b := 0.0
	for _, r := range d.touched {
		if v := 2 * float64(d.counts[r]) / float64(len(g)+len(d.grams[r])); v > b {
			b = v
		}
		d.counts[r] = 0
	}
	return b
}

// remarkText is the inside of the bracketed remark a sentence closes
// with ("…편하다.. (다시 보면 …)" → "다시 보면 …"), or "".
func remarkText(body string) string {
	_, in, _ := ClosingParen(body)
	return in
}

// ClosingParen splits a text that closes with a bracketed part (a
// trailing period or space aside) into what stands before the bracket and
// the bracket's inside: "…편하다.. (다시 보면 …)." → "…편하다.. ", "다시 보면
// …". Nested brackets count as one. ok is false when the text does not
// close with a balanced bracket.
func ClosingParen(t string) (before, inside string, ok bool) {
	t = strings.TrimRight(t, " .")
	if !strings.HasSuffix(t, ")") {
		return "", "", false
	}
	depth := 0
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return t[:i], t[i+1 : len(t)-1], true
			}
		}
	}
	return "", "", false
}

// bigramSet returns the distinct character bigrams of the letters and
// digits of s, lower-cased, as packed integers in increasing order.
func bigramSet(s string) []uint32 {
	var prev rune = -1
	var out []uint32
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		r = unicode.ToLower(r)
		if prev >= 0 {
			out = append(out, uint32(prev&0xFFFF)<<16|uint32(r&0xFFFF))
		}
		prev = r
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// children gives a list item the short items listed under it, when they
// are few and plain: "실험 추적을 남겨야 한다" with "평가 데이터",
// "채점 기준", "프롬프트" below it. When the items under a line carry its
// point (its use, its consequence, the how of a need), subPoints gives
// them to it as well, longer ones included.
func children(m *Member) {
	doc := m.Doc
	byBlock := map[int]int{}
	for i, s := range m.Sentences {
		if _, ok := byBlock[s.Block]; !ok {
			byBlock[s.Block] = i
		}
	}
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if s.Kind != note.KindListItem || s.Block >= len(doc.Blocks) || i+1 < len(m.Sentences) && m.Sentences[i+1].Block == s.Block {
			continue // only the block's last sentence takes the list under it
		}
		level := doc.Blocks[s.Block].Level
		var subs []int // the blocks of the items right under it
		for j := s.Block + 1; j < len(doc.Blocks); j++ {
			b := doc.Blocks[j]
			if b.Kind != note.KindListItem || b.Level <= level {
				break
			}
			if b.Level == level+1 {
				subs = append(subs, j)
			}
		}
		if len(subs) == 0 {
			continue
		}
		var kids []string
		var lines []int
		ok := len(subs) <= 4
		for _, j := range subs {
			t := Trim(Clean(doc.Blocks[j].Text))
			if n := utf8.RuneCountInString(t); n == 0 || n > 60 || formula(t) || !balanced(t) || strings.ContainsAny(t, "?") {
				ok = false
				break
			}
			kids = append(kids, strings.TrimRight(t, ". "))
			lines = append(lines, doc.Blocks[j].Line)
		}
		if ok {
			s.Children, s.ChildLines = kids, lines
			summarises(m, s, subs, byBlock)
		}
		subPoints(m, s, subs, byBlock)
	}
}

// bookScores raises Sentence.Shared to a sentence's highest similarity to
// the repository's material on the week's chapters, and remarkShared
// likewise for its bracketed remark. byMember holds the
// sentences' bigram sets (bodyGrams).
func bookScores(members []*Member, byMember [][][]uint32, material []*note.Document) {
	if len(material) == 0 {
		return
	}
	var d diceIndex
	for _, doc := range material {
		for _, ms := range doc.Sentences {
			if g := bigramSet(Clean(ms.Text)); len(g) >= 4 {
				d.add(g)
			}
		}
	}
	for mi, m := range members {
		for i := range m.Sentences {
			s := &m.Sentences[i]
			s.Shared = max(s.Shared, d.best(byMember[mi][i], 0, 0))
			if s.Voice.Remark {
				s.remarkShared = max(s.remarkShared, d.best(bigramSet(remarkText(s.Body)), 0, 0))
			}
		}
	}
}

// SubjectOf returns the noun phrase a sentence opens with as its topic or
// subject ("비교 평가는 …" → "비교 평가"), or "".
func SubjectOf(sentence string) string {
	return Subjects(nil).Of(sentence)
}

// Subjects maps the bodies of analysed sentences to their subjects: what
// SubjectOf returns for a sentence whose cleaned text is that body, found
// without reading it again.
type Subjects map[string]string

// Subjects returns the subjects of every sentence of the week's analysis;
// nil for a nil week.
func (w *Week) Subjects() Subjects {
	if w == nil {
		return nil
	}
	out := Subjects{}
	for _, m := range w.Members {
		for _, s := range m.Sentences {
			out[s.Body] = s.Subject
		}
	}
	return out
}

// Of returns SubjectOf(sentence): from k when an analysed sentence has the
// same body (the same reading of the same text), else by reading it.
func (k Subjects) Of(sentence string) string {
	t := Trim(Clean(sentence))
	if s, ok := k[t]; ok {
		return s
	}
	return subject(text.Read(t).Morphs, t)
}

// Parent returns the last sentence of the list item a nested list item
// hangs from ("…그룹을 늘리면 처리량이 는다" above "왜 그런지는 …"), or
// nil when the sentence is no nested item or its parent has no sentence.
func (m *Member) Parent(s *Sentence) *Sentence {
	doc := m.Doc
	if s.Kind != note.KindListItem || s.Block <= 0 || s.Block >= len(doc.Blocks) || doc.Blocks[s.Block].Level == 0 {
		return nil
	}
	p := parentBlock(doc, s.Block)
	if p < 0 || doc.Blocks[p].Kind != note.KindListItem {
		return nil
	}
	var out *Sentence
	for i := range m.Sentences {
		if m.Sentences[i].Block == p {
			out = &m.Sentences[i]
		}
	}
	return out
}

// reactionFrames gives a reaction written as a bare phrase ("흥미롭지만
// 처리량을 희생하는 보장") what it reacts to: the list item it is nested
// under, carried before it ("…를 발견 → 흥미롭지만 비용이 큰 실험"), or else
// the heading it stands under as its frame, when no list line above
// frames it.
func reactionFrames(m *Member) {
	doc := m.Doc
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if !s.Voice.Reaction || s.Problem != ProblemFragment || s.Frame != "" || s.Context != nil || s.Block <= 0 || s.Block >= len(doc.Blocks) {
			continue
		}
		if p := m.Parent(s); p != nil && p.Problem == "" && carryable(*p) && !p.Voice.Question && fits(p.Body, s.Body) {
			c := *p
			c.Context, c.Caveat = nil, nil
			s.Context, s.ContextJoin, s.ContextParent = &c, " → ", true
			continue
		}
		for j := s.Block - 1; j >= 0; j-- {
			if b := doc.Blocks[j]; b.Kind == note.KindHeading {
				h := strings.TrimSpace(Trim(Clean(b.Text)))
				if n := utf8.RuneCountInString(h); n >= 2 && n <= 40 && !CueHeading(h) {
					s.Frame, s.FrameLine = h, b.Line
				}
				break
			}
		}
	}
}

// sides marks the list items that are one labelled side of a comparison:
// the item and a neighbouring item of the same list level each open with
// a label, and the labels name two of a kind ("ML 엔지니어링:" / "AI
// 엔지니어링:", "ML :" / "AI :"). What one side does ("…를 직접
// 학습시켜야 한다") describes it; it proposes nothing to the reader.
func sides(m *Member) {
	doc := m.Doc
	// Each block's label is read once, and only for list items.
	labels := map[int]string{}
	labelAt := func(bi int) string {
		if bi < 0 || bi >= len(doc.Blocks) || doc.Blocks[bi].Kind != note.KindListItem {
			return ""
		}
		if l, ok := labels[bi]; ok {
			return l
		}
		l, _, ok := SplitLabel(Trim(Clean(doc.Blocks[bi].Text)))
		if !ok {
			l = ""
		}
		labels[bi] = l
		return l
	}
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if s.Kind != note.KindListItem {
			continue
		}
		l := labelAt(s.Block)
		if l == "" {
			continue
		}
		lv := doc.Blocks[s.Block].Level
		for _, o := range []int{s.Block - 1, s.Block + 1} {
			if o >= 0 && o < len(doc.Blocks) && doc.Blocks[o].Level == lv && twoOfAKind(l, labelAt(o)) {
				s.side = true
			}
		}
	}
}

// twoOfAKind reports whether two list labels name two things of one kind:
// they end in the same word ("ML 엔지니어링", "AI 엔지니어링") or both are
// one Latin word ("ML", "AI").
func twoOfAKind(a, b string) bool {
	if a == "" || b == "" || a == b {
		return false
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) >= 2 && len(fb) >= 2 && fa[len(fa)-1] == fb[len(fb)-1] {
		return true
	}
	return len(fa) == 1 && len(fb) == 1 && latinWord(a) && latinWord(b)
}

func latinWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}
