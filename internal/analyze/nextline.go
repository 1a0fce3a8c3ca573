package analyze

import (
	"slices"
	"strings"

	"github.com/moim-study/moim/internal/note"
)

// This file carries the point a note makes on the line right after a
// sentence: a list item and its next sibling or own sub-item, or two
// paragraph lines, where the second turns on the first ("그렇다고 …는
// 적절하지 않다"), names its drawback ("단점: …", "간단하지만 품질이
// 낮다") or concludes it ("→ …", "그래서 …"). Cut before that line, the
// sentence says a book fact whose point is missing.

// drawbackLabels open a line that names the drawback, limit or
// consequence of the line above.
var drawbackLabels = []string{"단점", "한계", "문제점", "문제", "약점", "주의", "결과"}

// drawbackLed reports a line opening with a drawback label followed by a
// colon, a dash or a space ("단점: …", "한계 - …").
func drawbackLed(t string) bool {
	return labelLed(t, drawbackLabels, ":", "：", "-", "은", "는")
}

// conMarks open a line of a pros-and-cons list that names a drawback.
var conMarks = []string{"👎", "❌", "✖", "✗", "⛔", "(-)", "[-]"}

// conLed reports a line set down as a drawback of what it is about: opening
// with a mark of a con ("👎 각 플러그인의 버전을 계속 관리해야 한다") or a
// drawback's label ("단점: …"). What it says one must do is the cost of
// the thing, not advice.
func conLed(t string) bool {
	return leadsWithAny(t, conMarks) || labelLed(t, drawbackNouns, ":", "：", "-")
}

// drawbackNouns name a drawback as a label or a list's heading ("단점:",
// "UserServiceTx의 문제점").
var drawbackNouns = []string{"단점", "한계", "한계점", "문제점", "약점"}

// drawbackFrame reports a list label that names a drawback ("UserServiceTx의
// 문제점", "단점:"): the items under it are the drawbacks.
func drawbackFrame(frame string) bool {
	f := strings.TrimRight(strings.TrimSpace(frame), " :：-")
	for _, w := range drawbackNouns {
		if strings.HasSuffix(f, w) {
			return true
		}
	}
	return false
}

// labelLed reports a line opening with one of labels followed, after
// optional spaces, by one of seps.
func labelLed(t string, labels []string, seps ...string) bool {
	t = strings.TrimSpace(t)
	for _, l := range labels {
		rest, ok := strings.CutPrefix(t, l)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		for _, sep := range seps {
			if strings.HasPrefix(rest, sep) {
				return true
			}
		}
	}
	return false
}

// negatedEndings close a sentence that denies what it is about ("…는
// 적절하지 않다", "완벽한 기준은 아니다").
var negatedEndings = []string{"지 않다", "지 않음", "지 않는다", "지 않을 수 있다", "아니다", "아님", "지 못하다", "지 못함", "지 못한다"}

// endsNegated reports a sentence whose final predicate is negated.
func endsNegated(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), " .!…")
	for _, e := range negatedEndings {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	return false
}

// comparesBetter reports a sentence whose final predicate says which of
// two is better ("…를 세는 것이 더 낫다", "…보다 유리하다"); "더 나은
// 방법을 찾아라" compares nothing.
func comparesBetter(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), " .!…")
	r := []rune(t)
	if len(r) > 14 {
		t = string(r[len(r)-14:])
	}
	for _, w := range []string{"더 좋다", "더 좋음", "더 낫다", "더 나음", "낫다", "나음", "더 적절하다", "유리하다", "유리함", "불리하다", "불리함", "방법이다"} {
		if strings.HasSuffix(t, w) && (strings.Contains(t, "더 ") || strings.Contains(t, "보다")) {
			return true
		}
	}
	return false
}

// nextTurners open a line that turns on or concludes the line above it;
// "그런데" and "근데" as often open a new point, and "다만", "대신" only
// qualify.
var nextTurners = append([]string{"하지만", "그러나", "그렇지만", "그렇다고", "반면", "반면에"}, concluders...)

// concluders open a line that concludes the line above it.
var concluders = []string{"즉,", "즉 ", "따라서", "그래서", "그러므로", "결국", "결론적으로"}

// conclusionTurn reports a line that opens by concluding ("즉", "따라서",
// an arrow) rather than by turning against the line above.
func conclusionTurn(t string) bool {
	return opensWith(t, concluders)
}

// turnsNext reports whether a line opens with an arrow or a nextTurner.
func turnsNext(t string) bool {
	return opensWith(t, nextTurners)
}

// concedes reports a line that opens by granting something and then
// turns ("구현은 쉽지만, 큰 입력에서는 느리다"): a concessive clause in its
// first half.
func concedes(s Sentence) bool {
	i := strings.Index(s.Body, "지만")
	return i > 0 && i < len(s.Body)/2
}

// nextLines gives a sentence that ends its line the first sentence of the
// next line as its Caveat when that line judges it (see judgesAbove) and
// is about the same thing: its own sub-item, a sibling under the same
// list item, or a line naming a concept term of it. Two unrelated items
// of one list are never joined. When the pair is too long for a bullet,
// the next line turns against it and stands on its own, the sentence is
// a half-truth and is cut (ProblemCut) so a section takes the next line
// itself; otherwise it stays as it was.
func nextLines(m *Member) {
	doc := m.Doc
	for i := 0; i+1 < len(m.Sentences); i++ {
		s, n := &m.Sentences[i], m.Sentences[i+1]
		if s.Problem != "" || s.Caveat != nil || s.Voice.Question || len(s.Parts) > 0 || s.ChildPoint || n.Block != s.Block+1 || n.Line > s.Line+2 {
			continue
		}
		if s.Block < 0 || n.Block >= len(doc.Blocks) || doc.Blocks[n.Block].Line != n.Line {
			continue // not the first sentence of the next line
		}
		if n.Voice.Question || !carryable(n) || n.Problem != "" && n.Problem != ProblemDangling || slices.Contains(s.ChildLines, n.Line) && s.CarriesChildren() {
			continue // a bullet lists it among the line's children
		}
		head := s.Body
		if s.Context != nil {
			head = s.Context.Body + s.Body
		}
		if meritLed(n.Body) {
			// "장점: …" then "단점: …" under a line that describes a
			// thing: the pair judges it, and the drawback two lines
			// below is the point.
			if mr, dr, ok := judgementRun(m, i); ok && fits(head, mr.Body+" "+dr.Body) {
				c, k := mr, dr
				c.Context, k.Context, k.Caveat = nil, nil, nil
				c.Caveat = &k
				s.Caveat, s.CaveatJoin = &c, " — "
			}
			continue
		}
		sb, nb := doc.Blocks[s.Block], doc.Blocks[n.Block]
		// under: the next line is its own sub-item or a sibling under the
		// same list item, so about the same thing; otherwise it must
		// name a concept term of it.
		var own, under, related bool
		switch {
		case sb.Kind == note.KindListItem && nb.Kind == note.KindListItem && nb.Level == sb.Level+1:
			own = parentBlock(doc, n.Block) == s.Block // its own sub-item
			under = own
		case sb.Kind == note.KindListItem && nb.Kind == note.KindListItem && nb.Level == sb.Level:
			p := parentBlock(doc, s.Block)
			under = p >= 0 && doc.Blocks[p].Kind == note.KindListItem && p == parentBlock(doc, n.Block)
			related = sharesTerm(s.Terms, n.Terms)
		case sb.Kind == note.KindParagraph && nb.Kind == note.KindParagraph:
			related = sharesTerm(s.Terms, n.Terms)
		}
		// "…새로운 URL로 요청해야 하는 상황이 생길 수 있다." then "- 이럴 땐
		// …를 따로 구성하면 된다.": the next item says what to do in the
		// situation the line sets up, and names it by pointing back.
		answers := answersAbove(n) && (under || related || nextItem(doc, *s, n) || sb.Kind == note.KindParagraph && nb.Kind == note.KindParagraph)
		// "…내 경우 MSW가 가장 좋은 것 같음" then "- 서버에 요청하는 것처럼
		// 동일하게 하니까 …그대로 사용하면 됌": the writer's view, and on the
		// next item, naming nothing of its own, why.
		because := (s.Voice.Hedge || s.Voice.FirstPerson) && !s.Voice.Question && (n.subjectless || n.topicless || !n.topic) && givesReason(n.Body) && (under || nextItem(doc, *s, n))
		if !under && !related && !answers && !because || ownLabelled(n.Body) {
			continue
		}
		// A turner, a drawback label or a verdict judges the line above;
		// a denial only from its own sub-item and of a line that denies
		// nothing itself (two denials agree), and a concession from a
		// line under the same item (from elsewhere either may be about
		// another thing of the same topic).
		contrast := turnsNext(n.Text) && !conclusionTurn(n.Text) || drawbackLed(n.Body) || own && endsNegated(n.Body) && !endsNegated(s.Body)
		if !(contrast || turnsNext(n.Text) || comparesBetter(n.Body) || under && concedes(n) || answers || because) {
			continue
		}
		if (s.Voice.Recommend || s.Voice.Should) && !turnsNext(n.Text) {
			continue // one piece of advice beside the next: a list of steps
		}
		if n.Context != nil && n.Context.ID != s.ID {
			continue // it leans on something else
		}
		body, join := n.Body, " — "
		if turns(n.Text) && !arrowLed(n.Text) || answers {
			body, join = strings.TrimSpace(n.Text), " " // keep "그렇다고", "따라서"
		} else if arrowLed(n.Text) {
			body, join = "→ "+n.Body, " "
		}
		if !fits(head, body) {
			if contrast && n.Problem == "" && n.Context == nil && !n.subjectless && !n.topicless {
				s.Problem = ProblemCut // the next line alone says the point
			}
			continue
		}
		c := n
		c.Context, c.Caveat = nil, nil
		c.Body = body
		if k := n.Caveat; k != nil && fits(head, body+" "+k.Body) {
			// "그렇다고 …는 적절하지 않다. 대신 …가 더 좋다": the line's
			// own turn goes with it.
			kk := *k
			kk.Context, kk.Caveat = nil, nil
			c.Caveat = &kk
		}
		s.Caveat, s.CaveatJoin = &c, join
	}
}

// situationBacks open a line that points back at the situation the line
// above sets up: "이럴 땐 …", "이 경우에는 …".
var situationBacks = []string{"이럴 땐", "이럴 때", "이럴 때는", "이럴 경우", "이런 경우", "이런 경우에는", "이 경우", "이 경우에는", "그럴 땐", "그럴 때", "그럴 때는", "그런 경우", "그런 경우에는", "그 경우에는"}

// answersAbove reports a line that says what to do in the situation the
// line above sets up: it points back at it (situationBacks) and advises,
// obliges, names a way or says what suffices ("…하면 된다", "…해야 한다",
// "…할 수 있다").
func answersAbove(n Sentence) bool {
	v := n.Voice
	return pointsBackAtSituation(n.Text) && !v.Question && (v.Recommend || v.Should || v.Can || enough(n.Body))
}

// pointsBackAtSituation reports a line that opens with one of
// situationBacks (an arrow, which opensWith also accepts, is none).
func pointsBackAtSituation(t string) bool {
	return opensWith(t, situationBacks) && !arrowLed(strings.TrimSpace(t))
}

// situations gives a line that opens by pointing back at the situation
// the line above sets out ("로그인 횟수가 50 이상이 되면 …업그레이드
// 된다." then "- 이럴 땐 테스트에 사용할 데이터를 경계가 되는 값의 전후로
// 선택하는 것이 좋다.") that line as its Context: alone, "이럴 땐" points
// at nothing.
func situations(m *Member) {
	for i := 1; i < len(m.Sentences); i++ {
		s, prev := &m.Sentences[i], m.Sentences[i-1]
		if s.Context != nil || !pointsBackAtSituation(s.Text) || s.Voice.Question {
			continue
		}
		if !(prev.Block == s.Block || nextItem(m.Doc, prev, *s)) || prev.Voice.Question || prev.Problem != "" || prev.Context != nil || !carryable(prev) || !fits(prev.Body, s.Body) {
			continue
		}
		leanOn(s, prev)
	}
}

// givesReason reports a sentence with a clause of reason: "…하니까",
// "…하므로", "…때문에", "…하기에".
func givesReason(body string) bool {
	for _, w := range strings.Fields(body) {
		w = strings.TrimRight(w, ",.")
		for _, e := range []string{"니까", "므로", "때문에", "기에"} {
			if strings.HasSuffix(w, e) && w != e {
				return true
			}
		}
	}
	return false
}

// enough reports a sentence that says what suffices: "…하면 된다", "…하면
// 됩니다", "…쓰면 됨".
func enough(body string) bool {
	b := strings.TrimRight(body, " .!~")
	for _, e := range []string{"면 된다", "면 됩니다", "면 됨", "면 돼", "면 되요", "면 돼요"} {
		if strings.HasSuffix(b, e) {
			return true
		}
	}
	return false
}

// ownLabelled reports a line led by a label of its own other than a
// drawback ("장점: …", "각 단계를 평가하기 : …"): a sibling item about
// another thing, not a judgement of the line above.
func ownLabelled(t string) bool {
	t = strings.TrimSpace(t)
	i := strings.IndexAny(t, ":：")
	if i <= 0 || drawbackLed(t) {
		return false
	}
	return !strings.ContainsAny(t[:i], ".?!")
}

// listsChildren reports whether a bullet of the sentence lists its
// Children after it: the steps of advice, the items a colon announces.
func listsChildren(s Sentence) bool {
	return s.Voice.Recommend || s.Voice.Should || strings.HasSuffix(strings.TrimSpace(s.Body), ":")
}

// DropChildren takes the Children from the sentence: a bullet of it is
// the line alone.
func (s *Sentence) DropChildren() {
	s.Children, s.ChildLines, s.ChildIDs, s.ChildPoint = nil, nil, nil, false
}

// CarriesChildren reports whether a bullet of the sentence carries its
// Children: the steps of advice, the items a colon announces, or items
// that carry its point (ChildPoint).
func (s Sentence) CarriesChildren() bool {
	return len(s.Children) > 0 && (s.ChildPoint || listsChildren(s))
}
