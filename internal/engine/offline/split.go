package offline

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// otherPoint is the bigram similarity under which a member's line on a
// concept says another thing than the quoted one.
const otherPoint = 0.3

// otherSide returns the real split behind a 공통 질문 on what members
// wrote alike: a line of a member who covered concept c that says
// another thing of it than the quoted lines (another cause, a use beside
// a limit, a judgement the other way), with that member's name. The line
// is about the concept (its topic or subject, or a conclusion the
// member draws naming it) and makes a point (a judgement, a reason, a
// conclusion, the member's view), never a definition, a question or
// advice; the member's own line is preferred over a copied one.
func (g *group) otherSide(c analyze.Concept, quoted []analyze.Sentence) (analyze.Sentence, string, bool) {
	var best analyze.Sentence
	var bestM string
	score := -1.0
	for _, m := range g.aw.Members {
		if c.Counts[m.Name] == 0 {
			continue
		}
		for _, sp := range m.SentencesAbout(c) {
			s := *sp
			// A conclusion the member drew right after the line ("… →
			// …를 탐지하는 데 쓸 수 있다") is their point on it.
			// It names the concept, so it stands without the line it
			// leans on.
			standalone := false
			host := s.Scores[insight.KeyInsights] + s.Scores[insight.KeyPerspective]
			if k := s.Caveat; k != nil && k.Voice.Conclusion && analyze.MentionsText(k.Body, c) {
				s, standalone = *k, true
				s.Body = strings.TrimSpace(strings.TrimLeft(s.Body, "→=>⇒-"))
			}
			if !quotable(s) && !(standalone && s.Problem == "" && s.Frame == "") {
				continue
			}
			if g.usedSentence[s.ID] || utf8.RuneCountInString(s.Body) > 90 || s.Definition || s.Recounts || !sidePoint(s) {
				continue
			}
			if !topicOf(s.Body, c) && !(s.Voice.Conclusion && analyze.MentionsText(firstHalf(s.Body), c)) {
				continue
			}
			if repeated := g.repeats(s); repeated && !g.otherThanQuoted(s) {
				continue
			}
			// Another point: not the same line, and what it says after
			// naming the concept differs ("…가능한 이유는 …때문" beside
			// "…가능한 이유는 …때문" with another cause).
			other := true
			for _, q := range quoted {
				other = other && !samePoint(q.Body, s.Body) && (text.BigramF1(lastHalf(q.Body), lastHalf(s.Body)) < otherPoint || otherAfterFrame(q.Body, s.Body))
			}
			if !other || splitKind(quoted[0], s) == "" {
				continue
			}
			sc := s.Scores[insight.KeyInsights] + s.Scores[insight.KeyPerspective]
			if standalone {
				sc = max(sc, host) // a conclusion weighs as the line it concludes
			}
			if s.Shared < 0.45 {
				sc += 0.5 // the member's own line
			}
			if v := s.Voice; v.Conclusion || v.Hedge || v.Contrast || v.Verdict || v.Opinion() {
				sc++ // a point the member draws
			}
			if sc > score {
				best, bestM, score = s, m.Name, sc
			}
		}
	}
	return best, bestM, bestM != ""
}

// splitKind says how a member's other line on a concept stands beside the
// quoted one, or "" when it is only another fact: two causes ("reason"),
// a limit beside a use or a judgement the other way ("polar"), or a point
// the member draws in their own voice (a conclusion, a hedged view, a
// contrast) that no other member copied ("own").
func splitKind(quoted, side analyze.Sentence) string {
	switch v := side.Voice; {
	case reason(quoted.Body) && reason(side.Body):
		return "reason"
	case negative(quoted) && positive(side) || negative(side) && positive(quoted):
		return "polar"
	case (v.Conclusion || v.Hedge || v.Contrast || v.Verdict || v.Opinion()) && side.Shared < 0.45:
		return "own"
	}
	return ""
}

// sidePoint reports whether a line makes a point one can set beside
// another: a judgement, a reason, a conclusion or view of the writer;
// not advice, not a line whose subject hands over to another topic.
func sidePoint(s analyze.Sentence) bool {
	v := s.Voice
	if v.Question || v.Recommend || v.Should || v.Proposal || s.HandsOver {
		return false
	}
	return s.Assesses || v.Hedge || v.Conclusion || v.Contrast || v.Verdict || s.Stance.Sign != 0 || reason(s.Body)
}

// samePoint reports whether two members' lines say the same thing in
// nearly the same words: alike by character pairs, and not one frame
// finished two ways ("…가능한 이유는 A 때문" and "…가능한 이유는 B 때문").
func samePoint(a, b string) bool {
	return text.BigramF1(a, b) >= sameLine && !otherAfterFrame(a, b)
}

// otherAfterFrame reports whether two lines open with the same words (two
// or more) and say different things between that opening and the words
// they may end alike with ("…때문에 자주 생긴다"): what each says there
// goes on for a while and is not alike.
func otherAfterFrame(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	k := 0
	for k < len(fa) && k < len(fb) && fa[k] == fb[k] {
		k++
	}
	if k < 2 {
		return false
	}
	e := 0
	for e < len(fa)-k && e < len(fb)-k && fa[len(fa)-1-e] == fb[len(fb)-1-e] {
		e++
	}
	ra, rb := strings.Join(fa[k:len(fa)-e], " "), strings.Join(fb[k:len(fb)-e], " ")
	return utf8.RuneCountInString(ra) >= 6 && utf8.RuneCountInString(rb) >= 6 && text.BigramF1(ra, rb) < restAlike
}

// restAlike is the similarity from which what two lines say after a
// shared opening is the same point.
const restAlike = 0.4

// otherThanQuoted reports whether a line a group bullet seems to repeat
// (alike by character pairs) is in fact another point than each line
// quoted: the same opening finished another way.
func (g *group) otherThanQuoted(s analyze.Sentence) bool {
	if g.usedSentence[s.ID] {
		return false
	}
	for _, q := range g.quoted {
		if text.BigramF1(q, s.Body) >= sameLine && !otherAfterFrame(q, s.Body) {
			return false
		}
	}
	return true
}

// lastHalf returns the second half of a sentence's words: what it says
// of what it names first.
func lastHalf(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[len(f)/2:], " ")
}

// twoSided returns the two sides of a line that judges its topic as both
// ("…은 축복이자 저주다" → 축복, 저주), or "" "".
func twoSided(body string) (string, string) {
	f := strings.Fields(strings.TrimRight(body, " .!"))
	for i, w := range f {
		a, ok := strings.CutSuffix(w, "이자")
		if !ok || a == "" || i+1 >= len(f) || !hangulWord(a) {
			continue
		}
		b := strings.TrimRight(f[i+1], ".!)")
		if k := strings.IndexAny(b, ".(("); k > 0 {
			b = b[:k]
		}
		for _, end := range []string{"이다", "다", "임", "이며", "라는", "인"} {
			if x, ok := strings.CutSuffix(b, end); ok && x != "" && hangulWord(x) {
				return a, x
			}
		}
	}
	return "", ""
}

// reason reports whether a line gives a cause: "…이유는 …", "…때문이다".
func reason(body string) bool {
	return strings.Contains(body, "때문") || strings.Contains(body, "이유")
}

// besides says what a 공통 질문 adds after its quotes: the other side, when
// there is one (marked as quoted), and every other member who covered the
// concept, with the source of the side.
func (g *group) besides(c analyze.Concept, side analyze.Sentence, sideM string, split bool, who []string) (string, []insight.Source) {
	var out string
	var srcs []insight.Source
	if split {
		g.use(side)
		out += " " + sideClause(sideM, c, side, who)
		srcs = append(srcs, source(side))
		who = append(append([]string{}, who...), sideM)
	}
	if others := g.coveredBy(c, who); len(others) > 0 {
		out += fmt.Sprintf(" %s도 %s 다뤘습니다.", strings.Join(others, "·"), Josa(c.Term, "을", "를"))
	}
	return out, srcs
}

// sideClause quotes the other side: "한편 이은정은 퍼플렉시티에 대해 “…”라고
// 적었습니다.", or "…라고도" when that member is named already.
func sideClause(member string, c analyze.Concept, side analyze.Sentence, named []string) string {
	if contains(named, member) {
		return fmt.Sprintf("%s %s에 대해 %s도 적었습니다.", Josa(member, "은", "는"), c.Term, quoteSaid(side.Body))
	}
	return fmt.Sprintf("한편 %s %s에 대해 %s 적었습니다.", Josa(member, "은", "는"), c.Term, quoteSaid(side.Body))
}

// splitAsk is the question a split raises: which of two causes weighs
// more, where the concept serves and where it does not, or which side
// the group's cases bear out.
func splitAsk(c analyze.Concept, quoted, side analyze.Sentence) string {
	switch splitKind(quoted, side) {
	case "reason":
		return fmt.Sprintf("%s 두 이유 가운데 어느 쪽이 더 근본적이라고 볼까요?", Josa(c.Term, "이", "가")+" 생기는")
	case "polar":
		return fmt.Sprintf("두 문장을 함께 놓으면, %s 어떤 경우에 쓸모 있고 어떤 경우에 맞지 않을까요?", Josa(c.Term, "은", "는"))
	}
	if a, b := twoSided(quoted.Body); a != "" && themeOf(quoted.Body, c) {
		return fmt.Sprintf("두 문장을 함께 놓으면, 우리에게 %s %s일까요, %s일까요?", Josa(c.Term, "은", "는"), a, b)
	}
	return fmt.Sprintf("두 문장을 함께 놓으면 %s 대해 어떤 결론을 내릴 수 있을까요?", c.Term+"에")
}

// negative reports whether a line judges its subject badly or as lacking,
// or denies it something ("…적절한 지표가 아닐 수 있다", "…하지 않는다").
func negative(s analyze.Sentence) bool {
	if s.Stance.Sign < 0 {
		return true
	}
	if f := strings.Fields(strings.TrimRight(s.Body, " .!")); len(f) > 0 && s.Assesses {
		for _, w := range f[max(0, len(f)-3):] {
			for _, neg := range []string{"아니", "아닐", "아님", "않", "없"} {
				if strings.HasPrefix(w, neg) {
					return true
				}
			}
		}
	}
	for _, j := range s.Judged {
		if j.Sign < 0 {
			return true
		}
	}
	return false
}

// positive reports whether a line judges its subject well or says what
// it can serve for ("…하는 데 사용될 수 있다").
func positive(s analyze.Sentence) bool {
	return s.Stance.Sign > 0 || (s.Voice.Can || strings.Contains(s.Body, "수 있")) && !negative(s)
}

// hardToDo returns the verb noun of "…평가하기가 더 어렵다", "…구현하기
// 어렵다" when the hard thing is done to the line's topic itself (no other
// object before it): what the group can ask how to do. "" otherwise.
func hardToDo(body string) string {
	f := strings.Fields(strings.TrimRight(body, " .!"))
	for i, w := range f {
		stem := w
		for _, p := range []string{"하기가", "하기는", "하기도", "하기"} {
			if strings.HasSuffix(w, p) {
				stem = strings.TrimSuffix(w, p)
				break
			}
		}
		if stem == w || utf8.RuneCountInString(stem) < 2 || !hangulWord(stem) {
			continue
		}
		// Only the rest of the sentence may follow: 어렵다 and degree words.
		rest := f[i+1:]
		if len(rest) == 0 || len(rest) > 3 || !strings.HasPrefix(rest[len(rest)-1], "어렵") && !strings.HasPrefix(rest[len(rest)-1], "어려") {
			continue
		}
		if i > 0 {
			prev := strings.TrimRight(f[i-1], ",")
			if strings.HasSuffix(prev, "을") || strings.HasSuffix(prev, "를") {
				return "" // another object: not the topic that is hard to do
			}
		}
		return stem
	}
	return ""
}

func hangulWord(s string) bool {
	for _, r := range s {
		if r < 0xAC00 || r > 0xD7A3 {
			return false
		}
	}
	return true
}

// closing is the question a 공통 질문 on one side of a concept ends with:
// how to do what the quoted line says is hard to do to it ("개방형 출력을
// 어떻게 평가할까요?"), else the angle's question.
func (a angle) closing(c analyze.Concept, quoted analyze.Sentence) string {
	if v := hardToDo(quoted.Body); v != "" && themeOf(quoted.Body, c) {
		return fmt.Sprintf("우리 프로젝트에서는 %s 어떻게 %s할까요?", Josa(c.Term, "을", "를"), v)
	}
	return a.ask
}

// stressedAsk is the question on a point several members wrote alike,
// when no member wrote another side of it.
func stressedAsk(c analyze.Concept, quoted analyze.Sentence) string {
	if a, b := twoSided(quoted.Body); a != "" && themeOf(quoted.Body, c) {
		return fmt.Sprintf("우리에게 %s %s일까요, %s일까요?", Josa(c.Term, "은", "는"), a, b)
	}
	if v := hardToDo(quoted.Body); v != "" && themeOf(quoted.Body, c) {
		return fmt.Sprintf("우리 프로젝트에서는 %s 어떻게 %s할까요?", Josa(c.Term, "을", "를"), v)
	}
	if quoted.Stance.Sign < 0 {
		return "우리 프로젝트에서는 이 점을 어떻게 줄이거나 피할 수 있을까요?"
	}
	return "우리가 겪은 사례에서도 그랬는지, 반례는 없는지 이야기해 볼까요?"
}

// answerBelow returns the statement a member wrote right after their own
// question, under the same heading, that takes it up (a source, a finding
// that shares the question's terms): the note answers the question itself.
func answerBelow(m *analyze.Member, q analyze.Sentence) (analyze.Sentence, bool) {
	for i := range m.Sentences {
		if m.Sentences[i].ID != q.ID {
			continue
		}
		if i+1 >= len(m.Sentences) {
			return analyze.Sentence{}, false
		}
		a := m.Sentences[i+1]
		if a.File != q.File || strings.Join(a.Path, "/") != strings.Join(q.Path, "/") || a.Voice.Question || a.Problem != "" ||
			utf8.RuneCountInString(a.Body) > 2*maxQuote || sharedTerms(q, a) < 2 {
			return analyze.Sentence{}, false
		}
		return a, true
	}
	return analyze.Sentence{}, false
}

// sharedTerms counts the terms two sentences share.
func sharedTerms(a, b analyze.Sentence) int {
	n := 0
	for _, t := range a.Terms {
		for _, u := range b.Terms {
			if analyze.Key(t) == analyze.Key(u) {
				n++
				break
			}
		}
	}
	return n
}
