package analyze

import (
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// This file decides whether a sentence stands on its own as a bullet or
// leans on a line around it, and then either carries that line (within
// maxBodyRunes) or marks the sentence so that a section takes the next
// candidate instead. The kinds of leaning, each read from the note's
// structure or the sentence's morphology:
//
//   - a line led by an arrow ("→ …", "=> …") without a topic of its own
//     states a consequence of the line above: it carries that line;
//   - a sentence pointing back with a demonstrative inside it ("해당
//     정보", "이 계층", "그 모델의") to a noun it does not name itself
//     leans on the line above, like one opening with "이는";
//   - a sentence whose next sentence on the same line or list item turns
//     or concludes it ("하지만 …", "즉 …", "따라서 …", "…때문이다", or
//     one pointing back at it) says half of its point alone: it carries
//     that sentence, or, when both are too long, it is cut (ProblemCut);
//   - a sentence after a short premise on the same line ("약한 평가자라면?
//     비용 측면에서 이득이다") carries the premise when it names no
//     subject of its own;
//   - a list item or first sentence under a heading that names no subject
//     carries its frame, the label or heading it hangs from (see frames
//     and FrameNeeded).

// ProblemCut marks a sentence whose next sentence on the same line turns
// or concludes it ("…이다. 하지만 …") and that cannot carry that
// sentence within the length bound: alone it reads as a half-truth.
const ProblemCut = "cut"

// arrows lead a line that states a consequence of the line above.
var arrows = []string{"→", "=>", "->", "⇒", "⟶", "➡", "➔"}

// arrowLed reports whether a sentence opens with an arrow.
func arrowLed(t string) bool { return leadsWithAny(t, arrows) }

// leadsWithAny reports whether t, without leading spaces, opens with one
// of the marks.
func leadsWithAny(t string, marks []string) bool {
	t = strings.TrimSpace(t)
	for _, a := range marks {
		if strings.HasPrefix(t, a) {
			return true
		}
	}
	return false
}

// turners open a sentence that turns, narrows or concludes the one before
// it on the same line: without it, the one before says half its point.
var turners = []string{"하지만", "그러나", "그런데", "근데", "다만", "단,", "그렇다고", "그렇지만", "대신", "반면", "반면에", "즉,", "즉 ", "따라서", "그래서", "그러므로", "그러니", "결국", "결론적으로"}

// turns reports whether a sentence opens with a turner.
func turns(t string) bool {
	return opensWith(t, turners)
}

// opensWith reports whether a sentence opens with an arrow or one of
// words as a word of its own.
func opensWith(t string, words []string) bool {
	t = strings.TrimSpace(t)
	if arrowLed(t) {
		return true
	}
	for _, o := range words {
		if strings.HasPrefix(t, o) {
			rest := t[len(o):]
			// "그래서" must end a word; "즉시" is no "즉".
			if rest == "" || strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ",") || strings.HasSuffix(o, " ") || strings.HasSuffix(o, ",") {
				return true
			}
		}
	}
	return false
}

// demonstratives point back at a noun named before the sentence.
var demonstratives = map[string]bool{"이": true, "그": true, "저": true, "이런": true, "그런": true, "저런": true, "이러한": true, "그러한": true, "해당": true}

// selfEvident are nouns a demonstrative names without a line above: the
// book and its parts, the note itself.
var selfEvident = map[string]bool{"책": true, "장": true, "절": true, "글": true, "노트": true, "주": true, "스터디": true}

// echoCues end a sentence that says its subject is like what the line
// above said ("추상화를 한 경우가 그러하다", "B도 마찬가지다").
var echoCues = []string{"그러하다", "그렇다", "마찬가지다", "마찬가지이다", "마찬가지임", "그러함"}

// echoesAbove reports a sentence whose predicate is the line above's (see
// echoCues): alone it names a case of something it does not say.
func echoesAbove(body string) bool {
	t := strings.TrimRight(strings.TrimSpace(body), ".!~ ")
	for _, c := range echoCues {
		if strings.HasSuffix(t, c) && len(t) > len(c) {
			return true
		}
	}
	return false
}

// pointsBack reports whether a sentence points back, inside it, with a
// demonstrative before a noun ("해당 정보를", "이 계층은", "그 모델의")
// whose noun it does not name before: what it points at is on a line
// above.
func pointsBack(ms []text.Morph) bool {
	for i, m := range ms {
		bareI := m.Surface == "이" && i+1 < len(ms) && strings.HasPrefix(ms[i+1].POS, "J") // "이가", "이를"
		if strings.HasPrefix(m.POS, "NP") && (backPronouns[m.Surface] || bareI) {
			return true // "근데 이거보다는 …", "어째서 이가 가능할까": what "이거" is, is above
		}
		if strings.HasPrefix(m.POS, "NN") || m.POS == "SL" || strings.HasPrefix(m.POS, "V") {
			break // a pronoun after a noun or a verb may stand for it ("문서를 작성하는데, 이것을 …")
		}
	}
	for i := 1; i+1 < len(ms); i++ {
		m, n := ms[i], ms[i+1]
		if !demonstratives[m.Surface] || !m.Space || !n.Space || !strings.HasPrefix(n.POS, "NN") || strings.HasPrefix(n.POS, "NNB") {
			continue
		}
		switch {
		// The dictionary reads a lone "그" after a comma as an
		// interjection and a lone "이" as the copula; standing as a word
		// before a noun they are determiners.
		case m.POS == "MM", m.POS == "IC" && m.Surface == "그", m.POS == "VCP" && m.Surface == "이", m.Surface == "해당" && strings.HasPrefix(m.POS, "NNG"):
		default:
			continue
		}
		if selfEvident[n.Surface] || clauseBefore(ms, i) {
			continue
		}
		named := false
		for k := 0; k < i; k++ {
			if ms[k].Surface == n.Surface {
				named = true
				break
			}
		}
		if !named {
			return true
		}
	}
	return false
}

// clauseBefore reports a clause of the sentence that ends with a comma
// before morpheme i and does something, a verb ("…를 호출하기 보다는, 이
// 로직을 …"): a determiner after it points at that clause, not above. A
// comma after a discourse word ("그러나, 이 방법은 …") or a phrase with no
// verb ("일반적인 방법 이외에도, 그 모델의 …") is none.
func clauseBefore(ms []text.Morph, i int) bool {
	content, words := false, 0
	for k := 0; k < i; k++ {
		p := ms[k].POS
		if strings.HasPrefix(p, "VV") || strings.HasPrefix(p, "XSV") {
			content = true
		}
		if k > 0 && ms[k].Space {
			words++
		}
		if ms[k].Surface == "," && content && words > 0 {
			return true // a clause of two words or more ("다시말하자면," is one)
		}
	}
	return false
}

// qualifiers open a list item that narrows or turns the item before it
// ("- 다만, …", "- 하지만 …"): the contrast turners and the narrowing
// words. A concluding item ("- 즉, …") is read by nextLines instead.
var qualifiers = append([]string{"다만", "단,", "단 ", "대신"}, contrastTurners...)

// backPronouns stand for a thing the line above named: "이거보다는",
// "그것을", "이게 …" (read as one pronoun with its particle). A bare "이"
// before a particle ("이가", "이를") is one too.
var backPronouns = map[string]bool{"이거": true, "이것": true, "그거": true, "그것": true, "요거": true, "저거": true, "이게": true, "그게": true}

// carryable reports whether a sentence can be carried as the frame of
// another: prose or a short label, not a formula, code or an open
// bracket.
func carryable(s Sentence) bool {
	switch s.Problem {
	case ProblemFormula, ProblemForeign, ProblemUnbalanced, ProblemLong, ProblemCaption:
		return false
	}
	return s.Kind != note.KindHeading && s.Kind != note.KindTable
}

// fits reports whether two bodies joined stay within the bullet bound.
func fits(a, b string) bool {
	return utf8.RuneCountInString(a)+utf8.RuneCountInString(b)+3 <= maxBodyRunes
}

// maxSlogan is the longest piece of advice, in runes, that reads as a
// slogan when the sentence before it is gone.
const maxSlogan = 40

// slogans gives a short piece of advice that closes a paragraph the
// sentence before it in the same paragraph: "…에 투자하자" after "…식의
// 접근은 위험을 키운다" says what to do instead of what, and alone it is a
// slogan anyone could write. Advice naming no subject that is the last
// item of a list takes the item before it the same way ("…보장은 없다"
// then "…를 충분히 고려해야 함"). The pair is the bullet when it fits.
func slogans(m *Member) {
	for i := 1; i < len(m.Sentences); i++ {
		s, prev := &m.Sentences[i], m.Sentences[i-1]
		v := s.Voice
		if !v.Recommend && !v.Should || v.Question || s.Context != nil || s.Problem != "" {
			continue
		}
		switch {
		case s.Kind == note.KindParagraph && prev.Block == s.Block:
			if i+1 < len(m.Sentences) && m.Sentences[i+1].Block == s.Block {
				continue // not the paragraph's close
			}
		case s.Kind == note.KindListItem && lastItemAfter(m.Doc, prev, *s):
		default:
			continue
		}
		if utf8.RuneCountInString(s.Body) > maxSlogan {
			continue // long enough to say what and how
		}
		if prev.Problem != "" || prev.Voice.Question || prev.Voice.Recommend || prev.Context != nil || prev.Caveat != nil || !fits(prev.Body, s.Body) {
			continue
		}
		p := prev
		p.Context, p.Caveat = nil, nil
		s.Context = &p
	}
}

// conjectures open a guess: "아마 …때문에 …인거겠지".
var conjectures = []string{"아마", "아마도"}

// guesses gives a guess that opens with 아마 ("…error가 unknown
// 타입이었음. 아마 어떤 에러가 올지 모르기 때문에 unknown 인거겠지?!") the
// sentence before it on the same line or in the same paragraph as its
// context: the guess explains what that sentence observed, and alone it
// says neither what was observed nor where. So does a hedged guess right
// after a sentence that names a reason to find ("…탭마다 프로세스를 쓰는
// 이유를 묻는다고 한다. 한 탭이 죽어도 …하려는 것 같다"): it guesses that
// reason.
func guesses(m *Member) {
	for i := 1; i < len(m.Sentences); i++ {
		s, prev := &m.Sentences[i], m.Sentences[i-1]
		v := s.Voice
		if s.Context != nil || s.Problem != "" || prev.Block != s.Block || !v.Hedge && !v.Guess {
			continue
		}
		if !opensWith(s.Text, conjectures) && !(v.Hedge && namesReason(prev.Body)) {
			continue
		}
		if prev.Problem != "" || prev.Voice.Question || prev.Context != nil || prev.Caveat != nil || !fits(prev.Body, s.Body) {
			continue
		}
		p := prev
		p.Context, p.Caveat = nil, nil
		s.Context = &p
	}
}

// lastItemAfter reports whether s is the whole last item of a list and
// prev the whole item right before it, at the same level: "- …보장은
// 없다" then "- 그러니 …를 고려해야 함" closes the list as a paragraph's
// last sentence closes it.
func lastItemAfter(doc *note.Document, prev, s Sentence) bool {
	if !nextItem(doc, prev, s) || s.Subject != "" || s.OwnSubject {
		return false
	}
	b := doc.Blocks[s.Block]
	if s.Block+1 < len(doc.Blocks) {
		if n := doc.Blocks[s.Block+1]; n.Kind == note.KindListItem && n.Level >= b.Level {
			return false // the list goes on, or the item has items of its own
		}
	}
	return true
}

// nextItem reports whether s is the list item right after prev's, at the
// same level.
func nextItem(doc *note.Document, prev, s Sentence) bool {
	if prev.Kind != note.KindListItem || s.Kind != note.KindListItem || prev.Block != s.Block-1 || s.Block <= 0 || s.Block >= len(doc.Blocks) {
		return false
	}
	return doc.Blocks[prev.Block].Level == doc.Blocks[s.Block].Level
}

// openClause reports a sentence the note left open: a clause ending in a
// comma ("…늘지만,", "…이고,") or a concession trailing off ("…있겠지만…"),
// whose sentence goes on after it.
func openClause(s Sentence) bool {
	b := strings.TrimSpace(s.Body)
	if s.Problem != ProblemFragment && s.Problem != "" {
		return false
	}
	if strings.HasSuffix(b, ",") || strings.HasSuffix(b, "，") {
		return true
	}
	// "…볼 수도 있겠지만…": a concession trailing off, the turn on the
	// next line
	t := strings.TrimRight(b, ".… ")
	tail := b[len(t):]
	trails := strings.Contains(tail, "…") || strings.Contains(tail, "..")
	return trails && (strings.HasSuffix(t, "지만") || strings.HasSuffix(t, "는데") || strings.HasSuffix(t, "은데") || strings.HasSuffix(t, "인데"))
}

// premiseAdverb reports an adverb that holds a statement against what was
// said before it ("여전히", "그래도", "그럼에도"): the sentence's premise is
// the line above.
func premiseAdverb(ms []text.Morph) bool {
	for _, m := range ms {
		if hasTag(m.POS, "MAG") && (m.Surface == "여전히" || m.Surface == "그래도" || m.Surface == "그럼에도") {
			return true
		}
	}
	return false
}

// leanOnArrows gives an arrow-led line without a topic of its own the line
// above as its Context, joined by an arrow; with no line above it can
// carry, it is dangling.
func leanOnArrows(m *Member) {
	for i := range m.Sentences {
		s := &m.Sentences[i]
		// A consequence that still holds ("→ 사람 평가는 여전히 …할 수
		// 있으므로 …") holds against the line above, topic or not; so
		// does one after a conclusion word ("따라서 …여전히 …").
		if !s.arrow && !(s.Voice.Conclusion && s.still) || s.topic && !s.still || s.Voice.Question || s.Context != nil {
			continue
		}
		if s.Problem != "" && s.Problem != ProblemDangling {
			continue
		}
		ok := false
		if i > 0 {
			prev := m.Sentences[i-1]
			near := prev.Line >= s.Line-2 && (sameBlock(m.Doc, prev, *s) || prev.Kind == s.Kind && prev.Kind == note.KindParagraph || prev.Block == s.Block-1 && s.Kind == note.KindListItem && prev.Kind == note.KindListItem)
			if near && carryable(prev) && fits(prev.Body, s.Body) && !prev.Voice.Question {
				p := prev
				p.Context, p.Caveat = nil, nil
				s.Context, s.ContextJoin = &p, " → "
				if !s.arrow {
					s.ContextJoin = " "
				}
				ok = true
			}
		}
		if ok {
			s.Problem = ""
		} else {
			s.Problem = ProblemDangling
		}
	}
}

// leanOnPremises gives a sentence that names no subject the short premise
// before it on the same line ("더 강력한 평가자라면?", "장점") as its
// Context.
func leanOnPremises(m *Member) {
	for i := 1; i < len(m.Sentences); i++ {
		s, prev := &m.Sentences[i], m.Sentences[i-1]
		if s.Context == nil && (prev.Block == s.Block || nextItem(m.Doc, prev, *s)) && s.Line-prev.Line <= 3 && openClause(prev) && !prev.Voice.Question && fits(prev.Body, s.Body) {
			// "파라미터가 커질수록 표현력은 늘지만," then, a line below in
			// the same item or in the next item of the list, "…비용이
			// 함께 증가": one sentence the note broke over two lines; its
			// second half alone drops the premise.
			p := prev
			p.Context, p.Caveat = nil, nil
			s.Context, s.joined = &p, true
			if s.Problem == ProblemDangling {
				s.Problem = ""
			}
			continue
		}
		if s.Context != nil || prev.Block != s.Block || prev.Line != s.Line || !(s.subjectless || s.topicless) {
			continue
		}
		// A premise is a question, a label or a condition, not a short
		// sentence of its own ("학습 테스트를 만든다.").
		b := strings.TrimSpace(prev.Body)
		premise := prev.Voice.Question && (prev.Problem == "" || prev.Problem == ProblemFragment) ||
			prev.Problem == ProblemFragment && !strings.HasSuffix(b, ".") && !strings.HasSuffix(b, "다")
		if !premise {
			continue
		}
		if utf8.RuneCountInString(prev.Body) > 30 || !fits(prev.Body, s.Body) {
			continue
		}
		leanOn(s, prev)
	}
}

// leanOn gives s the line before it, prev, as its Context (prev's own
// Context and Caveat left out): s is no longer dangling.
func leanOn(s *Sentence, prev Sentence) {
	p := prev
	p.Context, p.Caveat = nil, nil
	s.Context = &p
	if s.Problem == ProblemDangling {
		s.Problem = ""
	}
}

// followers gives a sentence the next sentence of the same line or list
// item when that one turns, concludes or explains it ("하지만 …", "즉 …",
// "…때문이다") or leans on it: the pair is the point. When the pair is
// too long and the next one turns or concludes it, the sentence alone is
// a half-truth and is cut.
func followers(m *Member) {
	for i := 0; i+1 < len(m.Sentences); i++ {
		s, next := &m.Sentences[i], m.Sentences[i+1]
		if next.Block != s.Block || s.Problem != "" || s.Voice.Question {
			continue
		}
		if bracketedTurn(next.Text) && fits(s.Body, next.Text) && s.Context == nil && !next.Voice.Question {
			// "…적중률을 최적화한다. (하지만 실제 서비스는 적중률이 전부가
			// 아니다.)": the writer turns against the line they
			// copied, in brackets of their own. The pair is the bullet,
			// and the remark is the writer's.
			n := next
			n.Context, n.Caveat = nil, nil
			n.Body = strings.TrimSpace(next.Text)
			s.Caveat = &n
			s.Voice.Aside = true
			continue
		}
		turn := turns(next.Text) || reason(next.Body)
		// It leans on this one: it was given this one as its context, or
		// it names no subject and goes on the same line.
		// (A writer's own remark drops its subject, the writer, without
		// leaning on anything.)
		v := next.Voice
		leans := next.Context != nil && next.Context.ID == s.ID ||
			next.Problem == ProblemDangling && next.Line == s.Line && next.subjectless && !v.Hedge && !v.FirstPerson && !v.Reaction && !v.Doubt
		if !turn && !leans || next.Voice.Question {
			continue
		}
		body := next.Body
		if turns(next.Text) && !arrowLed(next.Text) {
			body = strings.TrimSpace(next.Text) // keep "즉", "따라서": they say how the two relate
		} else if arrowLed(next.Text) {
			body = "→ " + next.Body
		}
		if s.Context == nil && fits(s.Body, body) || s.Context != nil && fits(s.Context.Body+s.Body, body) {
			n := next
			n.Context, n.Caveat = nil, nil
			n.Body = body
			s.Caveat = &n
			continue
		}
		if turn && !qualifiesOnly(next.Text) {
			s.Problem = ProblemCut
		}
	}
}

// contrastTurners open a remark that sets itself against what was just
// said.
var contrastTurners = []string{"하지만", "그러나", "그런데", "근데", "그렇지만", "반면", "반면에"}

// bracketedTurn reports a whole sentence in brackets that opens with a
// contrast ("(하지만 …)"): the writer's aside against the sentence before
// it. A bracketed pointer or outlook ("(자세한 내용은 5장에서)", "(앞으로
// 더 늘어날 것이다.)") turns against nothing.
func bracketedTurn(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "(") || !strings.HasSuffix(strings.TrimRight(t, ". "), ")") {
		return false
	}
	in := strings.TrimSpace(t[1:])
	for _, o := range contrastTurners {
		if strings.HasPrefix(in, o) {
			rest := in[len(o):]
			if strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ",") {
				return true
			}
		}
	}
	return false
}

// qualifiesOnly reports a next sentence that adds a reservation ("다만",
// "물론") rather than the point: the sentence before stands without it.
func qualifiesOnly(t string) bool {
	for _, o := range []string{"다만", "단,", "물론"} {
		if strings.HasPrefix(strings.TrimSpace(t), o) {
			return true
		}
	}
	return false
}

// contextLost drops the Context of a sentence whose context later turned
// out not to stand on its own either (it names no subject, or it needs
// its frame): the pair still leans on something above, so the sentence
// is dangling.
func contextLost(m *Member) {
	byID := map[string]int{}
	for i, s := range m.Sentences {
		byID[s.ID] = i
	}
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if s.Context == nil || s.Problem != "" {
			continue
		}
		c, ok := byID[s.Context.ID]
		if !ok {
			continue
		}
		// A context that needs its own frame cannot lead a bullet
		// either: it carries this sentence itself (see followers).
		// Under the same frame as this sentence, the frame leads both.
		ctx := m.Sentences[c]
		if s.ContextParent && ctx.FrameNeeded && s.Frame == "" && (s.Voice.Hedge || s.Voice.FirstPerson) && !s.Voice.Question {
			// "- …호환성 검증을 도와준다." / "  - 소프티 개발에서 사용한
			// gson이 그 예라고 생각한다.": the member's own view on the
			// item it hangs from stands under that item's frame too, which
			// leads both.
			s.Frame, s.FrameLine = ctx.Frame, ctx.FrameLine
		}
		shared := s.Frame != "" && ctx.Frame == s.Frame && ctx.FrameLine == s.FrameLine
		if shared && s.Context.Frame == "" {
			// The copy was taken before frames were read.
			s.Context.Frame, s.Context.FrameLine = ctx.Frame, ctx.FrameLine
		}
		if s.asksAbove && ctx.Context == nil && (ctx.Problem == "" || ctx.Problem == ProblemDangling) {
			continue // "…잘 굴러갔다." then "어째서 이가 가능할까…?": the question says what the pair is about
		}
		if s.turnsPara && ctx.Context == nil && ctx.Frame == "" && !ctx.FrameNeeded && ctx.subjectless && !ctx.pointer {
			// "Mockito로 목 오브젝트를 쉽게 만들 수 있었다." / "하지만 …
			// 학습해두자": the writer is who did what the paragraph says,
			// and their turn on it says what the pair is about.
			continue
		}
		if ctx.Problem == ProblemDangling && ctx.Frame == "" || ctx.FrameNeeded && !shared {
			s.Context, s.ContextJoin, s.ContextParent = nil, "", false
			s.Problem = ProblemDangling
		}
	}
}

// continuing are adverbs that say a sentence adds to or carries on what
// was said before ("여전히", "역시", "또한").
var continuing = map[string]bool{"여전히": true, "역시": true, "또한": true, "또": true, "마찬가지로": true}

// additive reports a sentence whose only subject is marked "also" (도)
// and that says it carries on ("…하는 것도 여전히 중요"): it is one item
// of a list the line above began.
func additive(ms []text.Morph) bool {
	also, cont := false, false
	for i, m := range ms {
		switch {
		case m.POS == "JKS", m.POS == "JX" && (m.Surface == "은" || m.Surface == "는" || m.Surface == "란" || m.Surface == "이란"):
			return false
		case m.POS == "JX" && m.Surface == "도" && i > 0 && !strings.HasPrefix(ms[i-1].POS, "J"):
			also = true
		case strings.HasPrefix(m.POS, "MAG") && continuing[m.Surface]:
			cont = true
		}
	}
	return also && cont
}

// embeddedSubject reports a sentence whose every subject stands inside a
// relative clause and whose predicate says what something is good for
// ("모델이 … 찾아야 하는 작업에도 유용"): the thing that is useful is
// named on a line above.
func embeddedSubject(ms []text.Morph) bool {
	f := lastContent(ms)
	if f < 2 {
		return false
	}
	// The predicate's stem: back over endings and light suffixes.
	st := f
	for st > 0 && (strings.HasPrefix(ms[st].POS, "E") || strings.HasPrefix(ms[st].POS, "XS") || strings.HasPrefix(ms[st].POS, "VCP")) {
		st--
	}
	// An action ("…말에 공감한다": the writer agrees) has its doer left
	// out on purpose; only a state ("유용", "적합하다") needs its thing.
	if strings.HasPrefix(ms[st].POS, "VV") || st < 1 || st < f && strings.HasPrefix(ms[st+1].POS, "XSV") {
		return false
	}
	// Its nearest argument is adverbial: "…에(도) 유용", "…에 적합하다".
	k := st - 1
	if ms[k].POS == "JX" && k > 0 {
		k--
	}
	if ms[k].POS != "JKB" {
		return false
	}
	// A topic (은/는) speaks for the whole sentence; a subject (이/가)
	// may stand inside a clause.
	if hasTopic(ms) {
		return false
	}
	last := -1
	for i := 0; i < st; i++ {
		if ms[i].POS == "JKS" {
			last = i
		}
	}
	if last < 0 {
		return false // no subject at all: subjectless already
	}
	for i := last + 1; i < k; i++ {
		if strings.HasSuffix(ms[i].POS, "ETM") {
			return true
		}
	}
	return false
}

// retractions marks a sentence the writer takes back on the line right
// after it (see retracts): "(결국 이 방법이 최고!)" followed by "인 줄
// 알았으나…", or "…옮기는 방법을 생각해볼 수 있다" followed by "→ 이
// 방식은 … 한심한 결과를 초래한다". Alone it says the opposite of what the
// member concluded.
func retractions(m *Member) {
	doc := m.Doc
	for i := range m.Sentences {
		s := &m.Sentences[i]
		k := sentenceIndex(s.ID)
		if s.Caveat != nil && sentenceIndex(s.Caveat.ID) == k+1 {
			k++ // the bullet carries the next sentence: the line after it
		}
		if k < 0 || k+1 >= len(doc.Sentences) {
			continue
		}
		if next := doc.Sentences[k+1]; next.Line <= doc.Sentences[k].Line+3 && mayRetract(next.Text) && retracts(Clean(next.Text)) {
			s.retracted = true
		}
	}
}

// methodPointers point back at a way of doing something.
var methodPointers = []string{"이 방식", "이 방법", "그 방식", "그 방법", "이런 방식", "이런 방법", "이러한 방식", "이러한 방법", "이렇게 하면"}

// rejections judge a way of doing something as bad.
var rejections = []string{"문제", "한심", "단점", "초래", "위험", "나쁘", "나쁜", "좋지 않", "좋지않", "불편", "안 된다", "안된다", "피해야"}

var (
	methodSet    = text.NewCues(methodPointers)
	rejectionSet = text.NewCues(rejections)
)

// mayRetract is retracts' cheap first test on the raw line, before it is
// cleaned: most lines name neither a belief taken back nor a way judged.
func mayRetract(t string) bool {
	return strings.Contains(t, "줄 알았") || strings.Contains(t, "생각했") || methodSet.Any(t)
}

// retracts reports a line that takes back the one before it: it goes on
// from it with "인 줄 알았으나" ("I thought so, but"), or it opens with
// an arrow or a contrast and judges "this way" as bad.
func retracts(t string) bool {
	t = strings.TrimSpace(t)
	for _, o := range []string{"인 줄 알았", "줄 알았", "라고 생각했으나", "라고 생각했지만"} {
		if strings.HasPrefix(t, o) {
			return true
		}
	}
	if !arrowLed(t) && !opensWith(t, contrastTurners) {
		return false
	}
	return methodSet.Any(t) && rejectionSet.Any(t)
}

// sectionOpeners point at the section the sentence stands in, not at a
// line: "이 부분", "이 내용", "이 설명".
var sectionOpeners = []string{"이 부분", "이 내용", "이 설명", "이 절", "이 예제", "이번 예제"}

// sectionPointers gives a remark of the writer's on the section it stands
// in ("이 부분 설명에 약간의 오류가 있는 것 같다" under "extends 조건부
// 타입을 활용하여 개선하기") that section's heading as its frame: the
// heading says which part, where no line above does. Only the writer's
// voice (a hedge, a doubt, a question, a turn, the first person) makes
// such a remark; the book's "이 부분은 …" goes on from its own lines.
func sectionPointers(m *Member) {
	doc := m.Doc
	for i := range m.Sentences {
		s := &m.Sentences[i]
		v := s.Voice
		if s.Problem != ProblemDangling || s.Context != nil || s.Frame != "" || len(s.Path) == 0 ||
			!(v.Hedge || v.Doubt || v.Question || v.Contrast || v.FirstPerson) || !opensWith(s.Body, sectionOpeners) {
			continue
		}
		head := s.Path[len(s.Path)-1]
		line := 0
		for b := s.Block - 1; b >= 0 && b < len(doc.Blocks); b-- {
			if doc.Blocks[b].Kind == note.KindHeading {
				if doc.Blocks[b].Text == head {
					line = doc.Blocks[b].Line
				}
				break
			}
		}
		if line == 0 || utf8.RuneCountInString(head) < 4 {
			continue
		}
		s.Problem, s.Frame, s.FrameLine, s.FrameNeeded = "", Clean(head), line, true
	}
}

// droppedConcluder returns the concluding word ("그래서", "따라서", "즉") a
// line opens with when its body (Trim) left the word out, or "": a pair
// of lines joined where the note joined them reads with it.
func droppedConcluder(text, body string) string {
	t := strings.TrimSpace(text)
	for _, c := range concluders {
		if strings.HasPrefix(t, c) && !strings.HasPrefix(strings.TrimSpace(body), strings.TrimSpace(c)) {
			return strings.TrimRight(c, " ")
		}
	}
	return ""
}

// namesReason reports a sentence that names a reason without giving it
// ("…를 쓰는 이유를 묻는다고 한다", "왜 …하는지"): what follows may guess it.
func namesReason(body string) bool {
	return strings.Contains(body, "이유를") || strings.Contains(body, "이유가 ") || strings.HasPrefix(body, "왜 ") || strings.Contains(body, " 왜 ")
}

// realizations gives what the writer came to know ("…해야 중복이 생기지
// 않는다는 걸 이번에 확실히 알았다") the sentence before it in the same block
// as its context when that sentence recounts what led there ("처음에는 …
// 같은 칸이 큐에 여러 번 들어갔다."): the lesson with its occasion, rather
// than the occasion under one section and the lesson under another.
func realizations(m *Member) {
	for i := 1; i < len(m.Sentences); i++ {
		s, prev := &m.Sentences[i], m.Sentences[i-1]
		if !s.Voice.Realized || s.Context != nil || s.Problem != "" || prev.Block != s.Block {
			continue
		}
		pv := prev.Voice
		if prev.Problem != "" || pv.Question || pv.Recommend || pv.Should || pv.Realized || prev.Context != nil || prev.Caveat != nil || prev.Definition || !fits(prev.Body, s.Body) {
			continue
		}
		leanOn(s, prev)
	}
}

// bareAnswerWords answer a yes-or-no question in one word.
var bareAnswerWords = map[string]bool{"아니다": true, "그렇다": true, "맞다": true, "아니요": true, "아니오": true, "네": true, "예": true, "아님": true, "맞음": true}

// bareAnswers gives the sentence after a one-word answer to a question on
// the same line ("스레드가 많으면 무조건 좋은가? → 아니다. 문맥 교환과 동기화
// 비용이 커진다.") the question and the answer as its context: it says why
// the answer holds, and alone it says of what nothing. The one-word answer
// is too short to be a sentence of its own: it is read from the line
// between the two.
func bareAnswers(m *Member) {
	for i := 1; i < len(m.Sentences); i++ {
		s, q := &m.Sentences[i], m.Sentences[i-1]
		if s.Context != nil || s.Problem != "" || s.Voice.Question || !q.Voice.Question || q.Context != nil || q.Line != s.Line || q.Block != s.Block ||
			s.Block < 0 || s.Block >= len(m.Doc.Blocks) {
			continue
		}
		line := m.Doc.Blocks[s.Block].Text
		qi := strings.Index(line, q.Text)
		if qi < 0 {
			continue
		}
		rest := line[qi+len(q.Text):]
		si := strings.Index(rest, s.Text)
		if si < 0 {
			continue
		}
		word := strings.TrimRight(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(rest[:si]), "→-> ")), ".!")
		if !bareAnswerWords[word] {
			continue
		}
		body := strings.TrimSpace(q.Body)
		if l, rest, ok := SplitLabel(body); ok && CueHeading(l) {
			body = rest // "꼬리 질문 대비: …?": a label of the kind of line, no part of the question
		}
		leanOn(s, q)
		s.Context.Body = body + " → " + word + "."
	}
}
