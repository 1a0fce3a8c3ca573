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
			if !other || splitKind(c, quoted[0], s) == "" {
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

// splitKind says how a member's other line on concept c stands beside the
// quoted one, or "" when it is only another fact: two causes of the same
// thing ("reason"), a limit of the concept beside a use or a judgement the
// other way ("polar"), or a point the member draws in their own voice (a
// conclusion, a hedged view, a contrast) that no other member copied
// ("own"). Two lines each with a "때문" that explain different things
// ("…때문에 Class[]를 사용한다", "…때문에 빈으로 등록하기 번거롭다") are
// no two causes, and a line denying something of another subject ("모든
// A가 B인 것은 아니다") is no limit of the concept.
func splitKind(c analyze.Concept, quoted, side analyze.Sentence) string {
	switch v := side.Voice; {
	case reason(quoted.Body) && reason(side.Body) && sameEffect(quoted.Body, side.Body):
		return "reason"
	case negative(quoted) && positive(side) && themeOf(quoted.Body, c) || negative(side) && positive(quoted) && themeOf(side.Body, c):
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

// sameEffect reports whether two lines that give causes explain the same
// thing: what each gives the reason for ("X가 가능한 이유는 …") or what
// follows from the cause ("…때문에 X가 생긴다") is nearly alike.
func sameEffect(a, b string) bool {
	ea, eb := effectOf(a), effectOf(b)
	return ea != "" && eb != "" && text.BigramF1(ea, eb) >= sameEffectShare
}

// sameEffectShare is the similarity by character pairs from which two
// lines explain the same thing.
const sameEffectShare = 0.5

// effectOf returns what a line gives the cause of: the words before "이유"
// ("프롬프트 공격이 가능한 이유는 …" → "프롬프트 공격이 가능한"), else those
// after the last "때문에" ("…하기 때문에 빈으로 등록하기 번거롭다" → "빈으로
// 등록하기 번거롭다"), else those before "것은" of "…것은 …때문이다"; "" when
// the line says none of them.
func effectOf(body string) string {
	b := strings.TrimRight(strings.TrimSpace(body), " .!")
	if i := strings.Index(b, "이유"); i > 0 {
		return strings.TrimSpace(b[:i])
	}
	if i := strings.LastIndex(b, "때문에"); i >= 0 {
		return strings.TrimSpace(b[i+len("때문에"):])
	}
	if i := strings.Index(b, "것은"); i > 0 && strings.Contains(b[i:], "때문") {
		return strings.TrimSpace(b[:i])
	}
	return ""
}

// besides says a 공통 질문's points, each with its writers, in one
// sentence (see credits): the quoted points, and the other side, when
// there is one, with every member who wrote it; with the source of the
// side. It names no member as only having covered the concept: that adds
// nothing to the question.
func (g *group) besides(c analyze.Concept, points []string, quoted analyze.Sentence, side analyze.Sentence, sideM string, split bool) (string, []insight.Source) {
	if !split {
		return credits(points, "", false), nil
	}
	g.use(side)
	wrote, alike := g.sideWriters(c, side, sideM)
	against := splitKind(c, quoted, side) == "polar" && sameTarget(quoted, side, c)
	return credits(points, credit(wrote, alike, "", side.Body), against), []insight.Source{source(side)}
}

// sideWriters returns sideM and the other members whose note has the
// side line's wording (wrote), and those who wrote its point otherwise
// (alike): a line on the concept that says it nearly alike, or any line
// of theirs that is nearly all a part of it ("만료 시간을 지나치게 길게 잡기
// 때문" beside "캐시 오염은 만료 시간을 지나치게 길게 잡기 때문에 자주
// 생긴다"), as an item of a list of reasons or an arrow conclusion. A
// member named already for the quoted line is named again for this one:
// they wrote both.
func (g *group) sideWriters(c analyze.Concept, side analyze.Sentence, sideM string) (wrote, alike []string) {
	wrote, alike = g.writers(c, side, sideM)
	for _, m := range g.aw.Members {
		if m.Name == sideM || contains(wrote, m.Name) || contains(alike, m.Name) || c.Counts[m.Name] == 0 {
			continue
		}
		for _, o := range m.Sentences {
			if o.Voice.Question || utf8.RuneCountInString(o.Body) < minPart || reason(o.Body) != reason(side.Body) {
				continue
			}
			// The line says it whole, or as the consequence it draws
			// ("…가장 높게 나타나므로, …탐지에도 사용될 수 있음").
			if !saysPart(o.Body, side.Body) && !consequenceSays(consequence(o.Body), side.Body) {
				continue
			}
			// Read last, for the few lines alike: a title ("캐시 오염과 만료
			// 시간 문제") names a topic, it says no point.
			if predicated(o.Body) {
				alike = append(alike, m.Name)
				break
			}
		}
	}
	return wrote, alike
}

// minPart is the shortest line taken as writing part of another's point,
// partShare the share of its character pairs the point has, and
// pointShare the share of the point's pairs it has.
const (
	minPart    = 16
	partShare  = 0.75
	pointShare = 0.35
)

// quoteAs quotes a line followed by the particle that makes it a noun's
// modifier: “…다”라는, “…임”이라는 ("…라는 점").
func quoteAs(s string) string { return quoteWith(s, "이라", "라") }

// sameTarget reports whether two lines judge the same thing of the
// concept: what each says after naming it shares a word that is not the
// concept's nor an everyday one ("…평가에 적절하지 않다" / "…평가에 쓸 수
// 있다").
func sameTarget(a, b analyze.Sentence, c analyze.Concept) bool {
	words := map[string]bool{}
	for _, w := range contentWords(lastHalf(a.Body)) {
		if !analyze.Everyday(w) && !analyze.MentionsText(w, c) {
			words[analyze.Key(w)] = true
		}
	}
	for _, w := range contentWords(lastHalf(b.Body)) {
		if words[analyze.Key(w)] {
			return true
		}
	}
	return false
}

// splitAsk is the question a split raises: which of two causes weighs
// more, where the concept serves and where it does not, or when each side
// of a two-sided judgement holds. It is "" when the two lines set up no
// such question: "what do you conclude from the two?" is a template any
// pair of sentences fits, and readers take it for one.
func splitAsk(c analyze.Concept, quoted, side analyze.Sentence) string {
	switch splitKind(c, quoted, side) {
	case "reason":
		return fmt.Sprintf("%s 두 이유 가운데 어느 쪽이 더 근본적이라고 볼까요?", Josa(c.Term, "이", "가")+" 생기는")
	case "polar":
		return fmt.Sprintf("두 문장을 함께 놓으면, %s 어떤 경우에 쓸모 있고 어떤 경우에 맞지 않을까요?", Josa(c.Term, "은", "는"))
	}
	if a, b := twoSided(quoted.Body); a != "" && themeOf(quoted.Body, c) {
		return "두 문장을 함께 놓으면, " + whenEach(c, a, b)
	}
	return ""
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
		return howTo(c, v)
	}
	return a.ask
}

// howTo asks how to do what a line says is hard to do to the concept:
// "개방형 출력은 어떻게 평가할 수 있을까요?". It assumes nothing about the
// group (no project of theirs).
func howTo(c analyze.Concept, verb string) string {
	return fmt.Sprintf("%s 어떻게 %s할 수 있을까요?", Josa(c.Term, "은", "는"), verb)
}

// whenEach asks when each side of a two-sided judgement holds ("…은
// 축복이자 저주다" → "…은 어떤 경우에 축복이고 어떤 경우에 저주일까요?"): the
// line already says it is both, so asking which one would be answered by it.
func whenEach(c analyze.Concept, a, b string) string {
	return fmt.Sprintf("%s 어떤 경우에 %s이고 어떤 경우에 %s일까요?", Josa(c.Term, "은", "는"), a, b)
}

// stressedAsk is the question on a point several members wrote alike,
// when no member wrote another side of it: when each side of a two-sided
// judgement holds, how to do what the line says is hard, how to avoid
// what it says goes wrong (a bad judgement, a cost that arises), else
// whether it fails to hold. The last is a stock question, and readers
// call it one on a fact; but a line saying the notes hold no question was
// read as false every time (readers find a disagreement the notes' words
// do not show), so the shared point stays with it.
func stressedAsk(c analyze.Concept, quoted analyze.Sentence) string {
	if a, b := twoSided(quoted.Body); a != "" && themeOf(quoted.Body, c) {
		return whenEach(c, a, b)
	}
	if v := hardToDo(quoted.Body); v != "" && themeOf(quoted.Body, c) {
		return howTo(c, v)
	}
	if quoted.Stance.Sign < 0 {
		return "이 점은 어떻게 줄이거나 피할 수 있을까요?"
	}
	return stockAsk
}

// stockAsk is the question of a stressed point that nothing in it or
// around it sets up.
const stockAsk = "이 말이 들어맞지 않는 경우는 없을까요?"

// limitCues end a line that states a limit: the limit angle's cues and
// what is hard or needs care.
var limitCues = append(append([]string(nil), angles[0].cues...), "힘들", "주의")

// limitBelow returns the line right below quoted in member m's note (see
// needBelow) that states a limit of what quoted says ("…오류를 확인하기
// 힘들다" under "…설정만 추가하면 된다"): a statement, quotable, or leaning
// only on quoted itself ("하지만 …" on its line).
func limitBelow(m *analyze.Member, quoted analyze.Sentence) (analyze.Sentence, bool) {
	return needBelow(m, quoted, func(r analyze.Sentence) bool {
		if r.Voice.Question || r.Problem != "" && r.Problem != analyze.ProblemDangling || r.Frame != "" || utf8.RuneCountInString(r.Body) > maxQuote {
			return false
		}
		if r.Context != nil && r.Context.ID != quoted.ID {
			return false
		}
		return r.Stance.Sign < 0 || saysOf(r.Body, limitCues)
	})
}

// answerBelow returns the statement a member wrote right after their own
// question, under the same heading, that takes it up (a source, a finding
// that shares the question's terms): the note answers the question itself.
func answerBelow(m *analyze.Member, q analyze.Sentence) (analyze.Sentence, bool) {
	i := sentenceAt(m, q.ID)
	if i < 0 || i+1 >= len(m.Sentences) {
		return analyze.Sentence{}, false
	}
	a := m.Sentences[i+1]
	if a.File != q.File || strings.Join(a.Path, "/") != strings.Join(q.Path, "/") || a.Voice.Question || a.Problem != "" ||
		utf8.RuneCountInString(a.Body) > 2*maxQuote || sharedTerms(q, a) < 2 {
		return analyze.Sentence{}, false
	}
	return a, true
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

// askedWords returns what a member's question asks about besides concept
// c: the specific words (nouns, roots, Latin words; no everyday noun and
// no word of the concept) of the question and of the list line it hangs
// from, which frames it ("…호출 비용이 두 배가 든다" above "작은 모델을
// 채점 모델로,,?"). A line that answers the question shares one of them; a
// line that only names the concept speaks of something else.
func askedWords(m *analyze.Member, q analyze.Sentence, c analyze.Concept) map[string]bool {
	out := map[string]bool{}
	add := func(body string) {
		for _, w := range contentWords(body) {
			if analyze.Everyday(w) || analyze.MentionsText(w, c) || strings.Contains(analyze.Key(c.Term), analyze.Key(w)) {
				continue
			}
			out[analyze.Key(w)] = true
		}
	}
	add(askedQuote(q.Body))
	if p := m.Parent(&q); p != nil {
		add(p.Body)
	}
	return out
}

// sharesWords counts the words of asked that a line has.
func sharesWords(s analyze.Sentence, asked map[string]bool) int {
	n := 0
	seen := map[string]bool{}
	for _, w := range contentWords(s.Body) {
		k := analyze.Key(w)
		if asked[k] && !seen[k] {
			seen[k] = true
			n++
		}
	}
	return n
}

// contentWords returns the content morphemes of a text that can carry
// what it is about: common and proper nouns, roots ("강력", "똑똑") and
// Latin words, of two characters or more.
func contentWords(body string) []string {
	var out []string
	for _, mo := range text.Read(body).Morphs {
		pos := mo.POS
		if i := strings.IndexByte(pos, '+'); i >= 0 {
			pos = pos[:i]
		}
		switch pos {
		case "NNG", "NNP", "XR", "SL":
		default:
			continue
		}
		if utf8.RuneCountInString(mo.Surface) < 2 {
			continue
		}
		out = append(out, mo.Surface)
	}
	return out
}

// askedQuote is a question as a bullet quotes it: without a trailing
// pointer at a chapter in parentheses ("…채점 모델로,,?(10장에서 다룸)"), which
// says where the book answers, not what the member asks.
func askedQuote(body string) string {
	b := strings.TrimSpace(body)
	before, inner, ok := analyze.ClosingParen(b)
	if ok && strings.TrimSpace(before) != "" && (chapterWord(firstField(inner)) || strings.Contains(strings.ToLower(inner), "chapter")) {
		return strings.TrimSpace(before)
	}
	return b
}

func firstField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimRight(f[0], "에서의은는")
}

// whWords ask for something other than yes or no.
var whWords = []string{"왜", "어떻게", "무엇", "뭐", "어떤", "언제", "누가", "누구", "어디", "얼마", "몇"}

// weighAnswer is the question on what the asker wrote right below their
// own question: whether it bears the claim out, when the question is a
// claim with a question mark ("…오래 할수록 …선호와 멀어진다 ?" → "이 근거로
// “…멀어진다”고 말할 수 있을까요?"), else what answer it gives. The note
// gives evidence, not a settled answer: the group weighs it.
func weighAnswer(asked string) string {
	claim := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(asked), "?？ ."))
	wh := false
	for _, f := range strings.Fields(claim) {
		for _, w := range whWords {
			wh = wh || strings.HasPrefix(f, w)
		}
	}
	if !wh && strings.HasSuffix(claim, "다") && utf8.RuneCountInString(claim) >= 8 {
		return fmt.Sprintf("이 근거로 “%s”고 말할 수 있을까요?", claim)
	}
	return "이 근거는 질문에 어떤 답을 줄까요?"
}

// disputedAsk is the question a line reporting a dispute raises, made from
// the line itself: the embedded question it says people argue about
// ("…설정 파일이 저작권을 받을 수 있는지에 대해 논쟁하기도 함" → "설정 파일이
// 저작권을 받을 수 있을까요?"), or the view some people hold ("색인을 매일 다시
// 만드는 것이 더 좋다고 생각하는 사람들도 있음" → "“…더 좋다”는 견해에 동의하나요, …").
// "" when the line names neither.
func disputedAsk(body string) string {
	if q := embeddedAsk(body, disputed); q != "" {
		return q
	}
	for _, cue := range []string{"고 생각하는 사람들도", "고 보는 사람들도", "다는 사람들도", "는 주장도"} {
		i := strings.Index(body, cue)
		if i <= 0 {
			continue
		}
		view := strings.Join(clauseBefore(strings.Fields(body[:i])), " ")
		if !strings.HasSuffix(view, "다") || utf8.RuneCountInString(view) < 10 {
			continue
		}
		return fmt.Sprintf("“%s”는 견해에 동의하나요, 아니면 반대쪽 근거가 더 설득력 있을까요?", view)
	}
	return ""
}

// clauseBefore returns the last clause of words: those after the last
// comma or clause-linking ending ("…여김,", "…있으며").
func clauseBefore(words []string) []string {
	start := 0
	for j, w := range words {
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, "며") || strings.HasSuffix(w, "고,") {
			start = j + 1
		}
	}
	return append([]string{}, words[start:]...)
}

// askEnding turns the verb of an embedded question into that of a polite
// question: "있는지" → "있을까요", "하는지" → "할까요", "괜찮은지" →
// "괜찮을까요", "필요한지" → "필요할까요", "무엇인지" → "무엇일까요"; "" for
// another form.
func askEnding(w string) string {
	stem, ok := strings.CutSuffix(w, "는지")
	if !ok {
		stem, ok = strings.CutSuffix(w, "은지")
	}
	if ok {
		if stem == "" {
			return ""
		}
		r, n := utf8.DecodeLastRuneInString(stem)
		if r < 0xAC00 || r > 0xD7A3 {
			return ""
		}
		if (r-0xAC00)%28 == 0 {
			return stem[:len(stem)-n] + string(r+8) + "까요" // 하 → 할, 되 → 될
		}
		if (r-0xAC00)%28 == 8 {
			return stem + "까요" // 만들 (만드는지 is caught above)
		}
		return stem + "을까요"
	}
	stem, ok = strings.CutSuffix(w, "지")
	if !ok || stem == "" {
		return ""
	}
	r, n := utf8.DecodeLastRuneInString(stem)
	if r < 0xAC00 || r > 0xD7A3 || (r-0xAC00)%28 != 4 {
		return "" // only ㄴ before 지: 한지, 인지, 큰지
	}
	return stem[:len(stem)-n] + string(r+4) + "까요" // ㄴ → ㄹ
}

// predicated reports whether a line says something: it ends in a verb, an
// adjective or an ending, or in a cause ("…때문"), not in a noun as a title
// or a label does ("캐시 오염과 만료 시간 문제").
func predicated(body string) bool {
	ms := text.Read(body).Morphs
	for i := len(ms) - 1; i >= 0; i-- {
		pos := ms[i].POS
		if strings.HasPrefix(pos, "S") && pos != "SL" && pos != "SN" {
			continue // punctuation
		}
		return !strings.HasPrefix(pos, "N") && pos != "SL" && pos != "SN" || ms[i].Surface == "때문"
	}
	return false
}

// embeddedAsk returns the question a line embeds ("…X가 괜찮은지에 대해"
// → "X가 괜찮을까요?") when what follows it says of it what said accepts
// (people argue about it, it is still open), or "".
func embeddedAsk(body string, said func(string) bool) string {
	f := strings.Fields(strings.TrimRight(body, " .!"))
	for i, w := range f {
		before, _, ok := strings.Cut(w, "지에")
		if !ok {
			before, _, ok = strings.Cut(w, "지를")
		}
		if !ok {
			before, _, ok = strings.Cut(w, "지는")
		}
		if !ok || before == "" || !hangulWord(before) || i+1 >= len(f) || !said(strings.Join(f[i+1:], " ")) {
			continue
		}
		end := askEnding(before + "지")
		if end == "" {
			continue
		}
		words := append(clauseBefore(f[:i]), end)
		if len(words) < 2 {
			continue
		}
		return strings.Join(words, " ") + "?"
	}
	return ""
}

// openCues mark a line saying that a question is still open: no one has
// settled it, or it is not known.
var openCues = []string{"해결되지 않", "해결되지 못", "풀리지 않", "밝혀지지 않", "알려지지 않", "불분명", "미해결", "결론이 나지 않", "정해지지 않", "합의되지 않", "아직 모르", "아직 모름"}

// unsettled reports whether a text says that something is still open.
func unsettled(s string) bool { return hasCue(s, openCues) }

// openAsk is the question a line saying that a question is still open
// embeds ("약한 채점 모델이 괜찮은지는 아직 해결되지 않음" → "약한 채점 모델이
// 괜찮을까요?"), or "".
func openAsk(body string) string { return embeddedAsk(body, unsettled) }

// openOn returns another member's (not asker's) line on concept c saying
// that a question on it is still open, with its writer: the question it
// embeds names the concept. A member's question on the concept and
// another's note leaving a question on it open speak to each other.
func (g *group) openOn(c analyze.Concept, asker string) (analyze.Sentence, string, bool) {
	for _, o := range g.aw.Members {
		if o.Name == asker || c.Counts[o.Name] == 0 {
			continue
		}
		for _, sp := range o.SentencesAbout(c) {
			s := *sp
			if g.usedSentence[s.ID] || s.Voice.Question || s.Problem != "" || s.Frame != "" || utf8.RuneCountInString(s.Body) > maxQuote || g.repeats(s) {
				continue
			}
			if q := openAsk(s.Body); q != "" && analyze.MentionsText(q, c) {
				return s, o.Name, true
			}
		}
	}
	return analyze.Sentence{}, "", false
}
