package analyze

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// This file carries the point a list item leaves to the items under it:
//
//   - a fact whose sub-items say what it is for or what follows from it
//     ("…에서는 값이 가장 낮게 나타남" above "…를 찾는 데 사용 가능"):
//     the fact alone has no point;
//   - a need or rule whose sub-items give the how ("…하려면 …를 파악해야
//     한다" above the tools and benchmarks that do it), too long for the
//     short children of advice (see children);
//   - a line that describes how a thing works followed by its "장점: …"
//     and "단점: …" siblings: the judgement below is the point (see
//     judgementRun, used by nextLines);
//   - one numbered item of a set a line asks for or announces ("이유 1.",
//     "A2." under "Q. 왜 …?"): it is a part of the whole (see
//     numberedRuns).

// maxSubPoints is the most items under a line that can be its point: a
// longer list is a list of its own.
const maxSubPoints = 4

// subItem is one item under a line, as a bullet quotes it.
type subItem struct {
	text  string
	line  int
	id    string
	point bool
	// fragment: the item has no predicate of its own.
	fragment bool
}

// subPoints gives a list item the items under it as its Children, marked
// ChildPoint, when they carry its point and the bullet fits: for a fact,
// every item when one of them states a use, a possibility, a purpose or
// a consequence and all of them fit (else the fact stands as before);
// for advice whose items are too long for children, the items in order
// while they fit (all or none when the line counts them or ends with a
// colon).
func subPoints(m *Member, s *Sentence, subs []int, byBlock map[int]int) {
	v := s.Voice
	if v.Question || s.Problem != "" || s.Caveat != nil || len(s.Parts) > 0 || len(subs) > maxSubPoints || s.Frame != "" && s.whole {
		return
	}
	advice := listsChildren(*s)
	if advice && len(s.Children) > 0 {
		return // the short children of advice: carried as they are
	}
	doc := m.Doc
	// The items in order up to the first that is no statement of its
	// own (a question, a figure, a formula, a bare list of names).
	items := make([]subItem, 0, len(subs))
	for _, j := range subs {
		t := strings.TrimRight(Trim(Clean(doc.Blocks[j].Text)), ". ")
		k, ok := byBlock[j]
		if t == "" || !ok || formula(t) || !balanced(t) || strings.ContainsAny(t, "?？") {
			break
		}
		c := m.Sentences[k]
		// Under its line an item needs no subject of its own: a
		// fragment ("…에도 활용 가능") or a dangling item reads on.
		if !carryable(c) || c.Voice.Question || c.Problem != "" && c.Problem != ProblemDangling && c.Problem != ProblemFragment {
			break
		}
		items = append(items, subItem{text: t, line: doc.Blocks[j].Line, id: c.ID, point: pointItem(c, m.reads), fragment: c.Problem == ProblemFragment})
	}
	whole := len(items) == len(subs)
	head := s.Body
	if s.Context != nil {
		head = s.Context.Body + " " + s.Body
	}
	var carry []subItem
	switch {
	case advice:
		// The how is said in sentences: a fragment under advice ("…하는
		// 방법") restates it or names things without saying how.
		for k, it := range items {
			if it.fragment {
				items = items[:k]
				whole = false
				break
			}
		}
		carry = fitting(head, items)
		if (len(carry) < len(items) || !whole) && (strings.HasSuffix(strings.TrimSpace(s.Body), ":") || counts(s.Body)) {
			carry = nil // one of the items a line announces is a part of a whole
		}
	case v.Recommend || v.Should || v.Hedge || v.FirstPerson || s.nominal || usesLine(m.reads.read(s.Body).Morphs):
		// The line says its own point (a use, a view) or is a to-do:
		// the items under it are its details.
	default:
		// A fact: every item goes with it, when one of them says its
		// point and they all fit; the point alone beside items left out
		// would be a part of the list.
		point := false
		for _, it := range items {
			point = point || it.point
		}
		if carry = fitting(head, items); !point || !whole || len(carry) < len(items) {
			carry = nil
		}
	}
	if len(carry) == 0 {
		return
	}
	s.Children, s.ChildLines, s.ChildIDs = nil, nil, nil
	for _, it := range carry {
		s.Children = append(s.Children, it.text)
		s.ChildLines = append(s.ChildLines, it.line)
		s.ChildIDs = append(s.ChildIDs, it.id)
	}
	s.ChildPoint = true
}

// fitting returns the items, in order, that fit after head in one bullet
// ("head — a; b"), up to the first that does not.
func fitting(head string, items []subItem) []subItem {
	n := utf8.RuneCountInString(strings.TrimRight(strings.TrimSpace(head), " :.")) + 3
	for i, it := range items {
		if i > 0 {
			n += 2
		}
		n += utf8.RuneCountInString(it.text)
		if n > maxBodyRunes {
			return items[:i]
		}
	}
	return items
}

// pointItem reports whether an item under a line states the line's
// point: what it is for or makes possible ("…를 탐지하는 데 사용 가능",
// "…에 유용", "…할 수 있다"), what follows from it ("→ …", "따라서 …")
// or a judgement of it ("장점: …", "단점: …").
func pointItem(c Sentence, r readings) bool {
	v := c.Voice
	return v.Conclusion || v.Can || drawbackLed(c.Body) || meritLed(c.Body) || usesLine(r.read(c.Body).Morphs)
}

// useNouns name a use, a help or a possibility ("사용 가능", "유용",
// "도움이 된다", "활용할 수 있다").
var useNouns = map[string]bool{"사용": true, "활용": true, "이용": true, "응용": true, "적용": true, "유용": true, "도움": true, "가능": true, "쓸모": true}

// usesLine reports whether a sentence ends by saying what something is
// for or makes possible: a noun of use among its last words ("…탐지하는
// 데 사용 가능", "…에 유용함", "…에 도움이 된다"), a purpose ("…하기
// 위함") or "…할 수 있다".
func usesLine(ms []text.Morph) bool {
	ms = withoutTrailingParen(ms)
	i := lastContent(ms)
	for k := max(0, i-3); k >= 0 && k <= i; k++ {
		m := ms[k]
		if strings.HasPrefix(m.POS, "NN") && useNouns[m.Surface] && !(k > 0 && ms[k-1].POS == "XPN" && ms[k-1].Surface == "불") && !(k+1 < len(ms) && ms[k+1].POS == "XSN") {
			return true // not "불가능" (what cannot be done) nor "가능성" (a likelihood)
		}
		if hasTag(m.POS, "VV") && strings.HasPrefix(m.Surface, "위하") || strings.HasPrefix(m.Surface, "위함") {
			return true // "…하기 위함": what it is for
		}
		if m.Surface == "수" && strings.HasPrefix(m.POS, "NN") && k+1 <= i && strings.HasPrefix(ms[k+1].Surface, "있") {
			return true
		}
	}
	return false
}

// meritLabels open a line that names the merit of the line above.
var meritLabels = []string{"장점", "이점", "강점"}

// meritLed reports a line opening with a merit label and a colon ("장점:
// …").
func meritLed(t string) bool {
	return labelLed(t, meritLabels, ":", "：")
}

// judgementRun returns the first sentences of a "장점: …" item right
// after the list item s and the "단점: …" item right after that, both
// siblings of s, when s is a plain line (no label, no advice, no
// question) that is no item of a labelled list itself: s describes a
// thing and the pair judges it, the drawback being the point. ok is false
// otherwise.
func judgementRun(m *Member, i int) (merit, drawback Sentence, ok bool) {
	doc := m.Doc
	s := m.Sentences[i]
	if s.Kind != note.KindListItem || s.Block <= 0 || s.Block+2 >= len(doc.Blocks) || ownLabel(s.Body) || meritLed(s.Body) || drawbackLed(s.Body) {
		return merit, drawback, false
	}
	if v := s.Voice; v.Question || v.Recommend || v.Should {
		return merit, drawback, false
	}
	sb := doc.Blocks[s.Block]
	if pb := doc.Blocks[s.Block-1]; pb.Kind == note.KindListItem && pb.Level == sb.Level && labelled.MatchString(Trim(Clean(pb.Text))) {
		return merit, drawback, false // an item of a labelled list
	}
	mb, db := doc.Blocks[s.Block+1], doc.Blocks[s.Block+2]
	if mb.Kind != note.KindListItem || db.Kind != note.KindListItem || mb.Level != sb.Level || db.Level != sb.Level ||
		!meritLed(Trim(Clean(mb.Text))) || !drawbackLed(Trim(Clean(db.Text))) {
		return merit, drawback, false
	}
	first := func(b int) (Sentence, bool) {
		for _, o := range m.Sentences[i+1:] {
			if o.Block == b {
				return o, doc.Blocks[b].Line == o.Line
			}
		}
		return Sentence{}, false
	}
	merit, ok1 := first(s.Block + 1)
	drawback, ok2 := first(s.Block + 2)
	if !ok1 || !ok2 || !meritLed(merit.Body) || !drawbackLed(drawback.Body) {
		return merit, drawback, false
	}
	for _, o := range []Sentence{merit, drawback} {
		if o.Voice.Question || !carryable(o) || o.Problem != "" && o.Problem != ProblemDangling {
			return merit, drawback, false
		}
	}
	return merit, drawback, true
}

// reNumbered matches a line opening with a numbered reason or answer
// ("이유 1.", "이유2:", "A1.", "A2)", "답 3."): the number is group 1.
var reNumbered = regexp.MustCompile(`^(?:이유|근거|A|답)\s?([1-9])\s?[.):：]`)

// numberedRuns gives each line of a run of numbered reasons or answers
// ("이유 1. …", "이유 2. …" after a claim; "A1. …", "A2. …" after a
// question) the line they answer as its Frame and every line of the run
// as its Parts: one reason alone is a part of what the claim rests on.
// The line is the question an answer has as its frame already, or the
// statement right before the first reason (within three lines, short
// enough to lead a bullet).
func numberedRuns(m *Member) {
	ss := m.Sentences
	for i := 0; i < len(ss); i++ {
		if !first(ss, i) || numberOf(ss[i].Raw) != 1 {
			continue
		}
		run := []int{i}
		for j := i + 1; j < len(ss) && ss[j].Line-ss[run[len(run)-1]].Line <= 3; j++ {
			if !first(ss, j) {
				continue // a later sentence of the same line
			}
			if numberOf(ss[j].Raw) != len(run)+1 {
				break
			}
			run = append(run, j)
		}
		if len(run) < 2 {
			continue
		}
		frame, line := ss[i].Frame, ss[i].FrameLine
		if frame == "" && i > 0 {
			// The claim the reasons rest on: the statement right before.
			c := ss[i-1]
			if c.Voice.Question || c.Problem != "" || c.Line < ss[i].Line-3 || utf8.RuneCountInString(c.Body) > maxAnnounceRunes || numberOf(c.Raw) > 0 {
				continue
			}
			frame, line = strings.TrimRight(strings.TrimSpace(c.Body), "."), c.Line
		}
		if frame == "" {
			continue
		}
		var parts []Part
		for _, k := range run {
			parts = append(parts, Part{ID: ss[k].ID, Body: ss[k].Body, Line: ss[k].Line})
		}
		for _, k := range run {
			s := &ss[k]
			s.Frame, s.FrameLine, s.FrameNeeded, s.Parts = frame, line, true, parts
		}
		i = run[len(run)-1]
	}
}

// first reports whether ss[i] is the first sentence of its line.
func first(ss []Sentence, i int) bool {
	return i == 0 || ss[i-1].Line != ss[i].Line
}

// numberOf returns the number of a numbered reason or answer line, 0 for
// any other line.
func numberOf(raw string) int {
	m := reNumbered.FindStringSubmatch(strings.TrimSpace(raw))
	if m == nil {
		return 0
	}
	return int(m[1][0] - '0')
}

// summarises lets a line by which the writer sums up ("정리하자면 …의
// 역할을 크게 2가지로 나눌 수 있다", "요약하면 다음과 같다") carry the short
// items it announces: the items are the summary, the writer's own
// statement of the point, where an announcement alone says nothing. It
// runs after children gave the line its Children.
func summarises(m *Member, s *Sentence, subs []int, byBlock map[int]int) {
	if s.Problem != ProblemPromise || !s.Voice.Conclusion || len(s.Children) < 2 || len(s.Children) != len(subs) || !fits(s.Body, strings.Join(s.Children, "; ")) {
		return
	}
	ids := make([]string, 0, len(subs))
	for _, j := range subs {
		k, ok := byBlock[j]
		if !ok {
			return
		}
		ids = append(ids, m.Sentences[k].ID)
	}
	s.Problem, s.ChildPoint, s.ChildIDs = "", true, ids
}
