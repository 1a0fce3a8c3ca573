package offline

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// minDefiniens is the shortest account a definition gives of its term:
// "…는 비대칭적이다" states a property, it does not say what the term is.
const minDefiniens = 8

// definitionSplits builds 공통 질문 on what members wrote differently about
// one concept: a definition two or more members wrote, and another member's
// that says a different thing ("…기계어 코드로 변환되어 실행할 수 있는
// 프로그램이 되는 과정" beside "TS 소스 코드가 JS 소스코드로 변환되는 단계",
// or the book's definition beside a member's own "쉽게 설명하면 …"). Each
// definition is credited to everyone who wrote it; a member who wrote both
// is no side of the split.
// At most limit bullets.
func (g *group) definitionSplits(limit int) []insight.Bullet {
	return g.eachOpen(limit, func(c analyze.Concept) (insight.Bullet, bool) {
		type def struct {
			m           string
			s           analyze.Sentence
			says        string
			wrote, like []string
		}
		var defs []def
		for _, m := range g.aw.Members {
			if c.Counts[m.Name] == 0 {
				continue
			}
			for _, s := range definitionsOf(m, c, g.usedSentence) {
				if g.repeats(s) {
					continue
				}
				says, _ := definiens(s.Body, c)
				w, l := g.writers(c, s, m.Name)
				defs = append(defs, def{m.Name, s, says, w, l})
			}
		}
		// The definition most members wrote, then the one most members
		// wrote of those that say another thing with no writer in common.
		var a, b *def
		for i := range defs {
			if a == nil || len(defs[i].wrote)+len(defs[i].like) > len(a.wrote)+len(a.like) {
				a = &defs[i]
			}
		}
		if a == nil {
			return insight.Bullet{}, false
		}
		// Two members' lines alone may be two facets the book gives in
		// two places ("…점진적으로 타입을 확인하는 언어다", "…자바스크립트의
		// 상위 집합이다"): a definition stands as what the group holds when
		// two or more wrote it, and a member who puts it otherwise parts
		// from them.
		onA := append(slices.Clone(a.wrote), a.like...)
		if len(onA) < 2 {
			return insight.Bullet{}, false
		}
		for i := range defs {
			d := &defs[i]
			onD := append(slices.Clone(d.wrote), d.like...)
			if slices.ContainsFunc(onD, func(n string) bool { return contains(onA, n) }) ||
				samePoint(a.s.Body, d.s.Body) || text.BigramF1(a.says, d.says) >= otherPoint {
				continue
			}
			if b == nil || len(onD) > len(b.wrote)+len(b.like) {
				b = d
			}
		}
		if b == nil {
			return insight.Bullet{}, false
		}
		g.claim(secCommon, c.Term)
		g.use(a.s, b.s)
		t := fmt.Sprintf("%s %s %s, %s %s 정의했습니다. 두 정의는 같은 것을 가리킬까요, 어디서 갈릴까요?",
			sayers(a.wrote, a.like), Josa(c.Term, "을", "를"), quoteSaid(a.s.Body), sayers(b.wrote, b.like), quoteSaid(b.s.Body))
		return insight.Bullet{Head: c.Term, Text: t, Sources: []insight.Source{source(a.s), source(b.s)}, Engine: Name}, true
	})
}

// definitionsOf returns member m's lines that define concept c: the
// concept opens the line as its topic ("X는 …이다", "X란 …") or as its
// label ("X : …"), and what follows says what it is in a clause of its
// own (analyze.Sentence.Described: not a bare other name). Questions, lines
// that lean on another and lines too long to quote are left out, as are
// those in skip.
func definitionsOf(m *analyze.Member, c analyze.Concept, skip map[string]bool) []analyze.Sentence {
	var out []analyze.Sentence
	for _, sp := range m.SentencesAbout(c) {
		s := *sp
		if !s.Described || skip[s.ID] || s.Voice.Question || s.Context != nil || s.Frame != "" ||
			s.Problem != "" && s.Problem != analyze.ProblemFragment || utf8.RuneCountInString(s.Body) > maxQuote {
			continue
		}
		if _, ok := definiens(s.Body, c); ok {
			out = append(out, s)
		}
	}
	return out
}

// definiens returns what a line says concept c is, when the line opens
// with c as its topic ("X는", "X란", "X이란", "X라는 것은") or its label ("X :", "X:")
// and goes on to say what it is: at least minDefiniens characters, no
// cause ("…때문이다" explains, it does not define) and no question.
func definiens(body string, c analyze.Concept) (string, bool) {
	keys := c.Keys
	if len(keys) == 0 {
		keys = []string{analyze.Key(c.Term)}
	}
	isC := func(phrase string) bool {
		k := analyze.Key(strings.TrimSpace(phrase))
		return k != "" && slices.Contains(keys, k)
	}
	rest, ok := "", false
	if i := strings.IndexAny(body, ":："); i > 0 && isC(body[:i]) {
		_, size := utf8.DecodeRuneInString(body[i:])
		rest, ok = body[i+size:], true
	} else {
		f := strings.Fields(body)
		for j := 0; j < len(f) && j < 4 && !ok; j++ {
			w := strings.TrimRight(f[j], ",")
			for _, p := range []string{"이라는", "라는", "이란", "란", "은", "는"} {
				stem, cut := strings.CutSuffix(w, p)
				if !cut || stem == "" || !isC(strings.Join(append(slices.Clone(f[:j]), stem), " ")) {
					continue
				}
				next := j + 1
				if strings.HasSuffix(p, "라는") {
					// "X라는 것은 …": the bound noun takes the topic
					if next >= len(f) || !slices.Contains([]string{"것은", "건", "것이란"}, strings.TrimRight(f[next], ",")) {
						continue
					}
					next++
				}
				rest, ok = strings.Join(f[next:], " "), true
				break
			}
		}
	}
	rest = strings.TrimSpace(rest)
	if !ok || utf8.RuneCountInString(rest) < minDefiniens || strings.Contains(rest, "때문") || strings.ContainsAny(rest, "?？") {
		return "", false
	}
	return rest, true
}
