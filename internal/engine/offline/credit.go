package offline

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/text"
)

// creditLines returns the lines of member m's note that can say a point
// on concept c, for crediting the member with a point another member's
// line makes: the lines that name c (as a term, or as the start of a word:
// "평가자를" in a line whose terms missed it), a line with no subject of its own
// that follows one of those (the same item, or the next line under the
// same heading: "…개방형 출력을 다룬다. 유연하지만 평가하기 어렵다."), and
// a line whose subject is c with a word set inside its name ("범용
// 파운데이션 모델이 …" for 범용 모델). They are read only to say who wrote a
// point; a bullet quotes a line that names the concept.
func creditLines(m *analyze.Member, c analyze.Concept) []*analyze.Sentence {
	return creditLinesOf(m, c, sentenceLetters(m))
}

// sentenceLetters returns analyze.Letters of each of m's sentences' bodies,
// in order: read once per member, not once per concept.
func sentenceLetters(m *analyze.Member) []string {
	out := make([]string, len(m.Sentences))
	for i := range m.Sentences {
		out[i] = analyze.Letters(m.Sentences[i].Body)
	}
	return out
}

// creditLinesOf is creditLines with the letters of m's sentences read
// already (see sentenceLetters).
func creditLinesOf(m *analyze.Member, c analyze.Concept, letters []string) []*analyze.Sentence {
	spellings := analyze.Spellings(c)
	named := map[string]bool{}
	for _, s := range m.SentencesAbout(c) {
		named[s.ID] = true
	}
	var out []*analyze.Sentence
	about := false // the line before names c, or follows one that does
	for i := range m.Sentences {
		s := &m.Sentences[i]
		on := named[s.ID] || analyze.MentionsSpelled(s.Body, letters[i], spellings) || widened(s.Subject, c)
		if !on && about && i > 0 && continues(&m.Sentences[i-1], s) {
			on = true
		}
		if on {
			out = append(out, s)
		}
		about = on
	}
	return out
}

// continues reports whether sentence s goes on from prev, the sentence
// before it in the note, without a subject of its own: it says more of
// what prev is about (the same line or the next under the same heading).
func continues(prev, s *analyze.Sentence) bool {
	if s.Subject != "" || s.OwnSubject || s.Voice.Question || s.File != prev.File || s.Line-prev.Line > 2 {
		return false
	}
	return slices.Equal(s.Path, prev.Path)
}

// widened reports whether a subject names concept c with one word set
// inside its name: the same first and last words, one more between ("범용
// 파운데이션 모델" for 범용 모델).
func widened(subject string, c analyze.Concept) bool {
	sw, cw := strings.Fields(subject), strings.Fields(c.Term)
	if len(cw) < 2 || len(sw) != len(cw)+1 {
		return false
	}
	return analyze.Key(sw[0]) == analyze.Key(cw[0]) && analyze.Key(sw[len(sw)-1]) == analyze.Key(cw[len(cw)-1])
}

// consequence returns the last clause of a line that draws its point from
// what it says first ("…에서 가장 높게 나타나므로, 비정상적인 텍스트 탐지에도
// 사용될 수 있음" → "비정상적인 텍스트 탐지에도 사용될 수 있음"), or "" when the
// line has no such clause.
func consequence(body string) string {
	i := strings.LastIndex(body, ", ")
	if i < 0 {
		return ""
	}
	head := strings.TrimSpace(body[:i])
	for _, end := range []string{"므로", "으니", "니까", "어서", "아서", "해서", "때문에", "하여", "되어"} {
		if strings.HasSuffix(head, end) {
			rest := strings.TrimSpace(body[i+2:])
			if utf8.RuneCountInString(rest) >= minPart {
				return rest
			}
		}
	}
	return ""
}

// saysPart reports whether a line o says the point of line p as a part of
// it: nearly all of o is in p, and o covers a fair share of p.
func saysPart(o, p string) bool {
	return text.Support(o, p, text.SupportOptions{}) >= partShare && text.Support(p, o, text.SupportOptions{}) >= pointShare
}

// credit names the members who wrote a point and quotes it as the point
// they made, after what it is about: the quote goes to the members whose
// line has its wording (wrote), and those who wrote the point in other or
// fewer words (alike) are named beside it: "민호는(지우도 비슷하게) 캐시에
// 대해 “…”라는 점을".
func credit(wrote, alike []string, about, body string) string {
	return sayers(wrote, alike) + " " + about + quoteAs(body) + "는 점을"
}

// sayers names the members who wrote a quote, and after them in brackets
// those who wrote its point in other or fewer words: "민호는(지우도
// 비슷하게)".
func sayers(wrote, alike []string) string {
	t := Josa(strings.Join(wrote, "·"), "은", "는")
	if len(alike) > 0 {
		t += "(" + strings.Join(alike, "·") + "도 비슷하게)"
	}
	return t
}

// credits says the points of a 공통 질문 in one sentence, each with its
// writers: "서연·민호는 “…”라는 점을, 지우는 “…”라는 점을 적었습니다.". A side
// that judges the same thing the other way is set against them ("…적었고,
// 한편 지우는 …").
func credits(points []string, side string, against bool) string {
	switch {
	case side == "":
		return strings.Join(points, ", ") + " 적었습니다."
	case against:
		return strings.Join(points, ", ") + " 적었고, 한편 " + side + " 적었습니다."
	}
	return strings.Join(append(points, side), ", ") + " 적었습니다."
}

// consequenceSays reports whether a consequence clause says the point of
// line p: it has three content words or more, all of them p's (endings
// aside: "탐지에도 사용될 수 있음" says "…를 탐지하는 데 사용될 수 있다"), and
// it covers a fair share of p.
func consequenceSays(clause, p string) bool {
	if clause == "" || text.Support(p, clause, text.SupportOptions{}) < pointShare {
		return false
	}
	words := contentWords(clause)
	if len(words) < 3 {
		return false
	}
	in := map[string]bool{}
	for _, w := range contentWords(p) {
		in[analyze.Key(w)] = true
	}
	for _, w := range words {
		if !in[analyze.Key(w)] {
			return false
		}
	}
	return true
}

// limitClose is the question a 공통 질문 on one side of a concept ends
// with (see angle.closing). On a limit the quoted writers go on to say
// what it takes to overcome ("…하려면 …가 필요하다" right below it), the
// bullet quotes that line with everyone who wrote it and asks what to do
// when that need cannot be met: the notes set the question up. need is
// that line, or nil; ask is the angle's own question only when nothing in
// the lines sets one up.
func (g *group) limitClose(a angle, c analyze.Concept, quoted analyze.Sentence, who []string) (ask string, need *analyze.Sentence) {
	if v := hardToDo(quoted.Body); v != "" && themeOf(quoted.Body, c) || a.topic != angles[0].topic {
		return a.closing(c, quoted), nil
	}
	var names []string
	for _, n := range who {
		if m := g.member(n); m != nil {
			if r, ok := needBelow(m, quoted, needs); ok && !g.usedSentence[r.ID] {
				need, names = &r, []string{n}
				break
			}
		}
	}
	if len(names) == 0 {
		return a.ask, nil
	}
	// Everyone who wrote it below their line, as the whole line or as
	// part of a longer one, in the order the limit names them.
	// The quote is theirs whose line has its wording; the others wrote
	// the point in other words and are named beside it.
	var all, alike []string
	for _, n := range who {
		if n == names[0] {
			all = append(all, n)
			continue
		}
		if m := g.member(n); m != nil {
			if r, ok := needBelow(m, quoted, func(r analyze.Sentence) bool {
				return samePoint(r.Body, need.Body) || saysPart(need.Body, r.Body)
			}); ok {
				if wroteQuote(need.Body, r.Body) {
					all = append(all, n)
				} else {
					alike = append(alike, n)
				}
			}
		}
	}
	// The same members as the limit's are not named again.
	subject := sayers(all, alike)
	if len(all) == len(who) && len(all) >= 2 {
		subject = everyone(len(all))
	}
	return fmt.Sprintf("%s 이어서 %s 적었습니다. 그 조건을 갖추기 어려울 때는 어떻게 할 수 있을까요?", subject, quoteSaid(need.Body)), need
}

// everyone says "all n of them" of members just named: "세 사람 모두".
func everyone(n int) string {
	if n >= 2 && n <= 5 {
		return []string{"두", "세", "네", "다섯"}[n-2] + " 사람 모두"
	}
	return "모두"
}

// needBelow returns the line of member m's note right below their line
// that says the quoted point (within a few lines of the same file) that
// says accepts: see needs, "…하려면 …가 필요하다".
func needBelow(m *analyze.Member, quoted analyze.Sentence, says func(analyze.Sentence) bool) (analyze.Sentence, bool) {
	for i := range m.Sentences {
		s := m.Sentences[i]
		if s.ID != quoted.ID && !samePoint(s.Body, quoted.Body) {
			continue
		}
		for j := i + 1; j < len(m.Sentences) && j <= i+3; j++ {
			r := m.Sentences[j]
			if r.File != s.File || r.Line-s.Line > 4 {
				break
			}
			if says(r) {
				return r, true
			}
		}
	}
	return analyze.Sentence{}, false
}

// needs reports whether a line says what it takes to do something: a
// purpose condition ("…하려면") and a need or duty ("필요하다", "해야 한다").
// A line leaning on the one above ("해당 분야의 …") stands in a bullet
// that quotes it right after that line.
func needs(s analyze.Sentence) bool {
	if s.Voice.Question || s.Problem != "" && s.Problem != analyze.ProblemDangling || s.Context != nil || s.Frame != "" ||
		utf8.RuneCountInString(s.Body) > maxQuote || !strings.Contains(s.Body, "려면") {
		return false
	}
	f := strings.Fields(strings.TrimRight(s.Body, " .!"))
	last := f[len(f)-1]
	return strings.HasPrefix(last, "필요") || s.Voice.Should
}

// nextOf returns the line right after s in member m's note when it goes
// on with s as the next item of the same list or the next line under the
// same heading: one member writes in two items ("…평가자를 찾을 수 없음",
// "…평가 방법이 필요함") what another writes in one sentence.
func nextOf(m *analyze.Member, s *analyze.Sentence) *analyze.Sentence {
	for i := range m.Sentences {
		if &m.Sentences[i] != s || i+1 >= len(m.Sentences) {
			continue
		}
		n := &m.Sentences[i+1]
		if n.File != s.File || n.Line-s.Line > 2 || n.Line == s.Line || n.Kind != s.Kind || !slices.Equal(n.Path, s.Path) {
			return nil
		}
		return n
	}
	return nil
}
