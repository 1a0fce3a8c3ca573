package offline

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// coMention is a concept of this week that members' lines open with and
// that the same lines tie to a topic of next week's schedule row.
type coMention struct {
	term, topic string
	who         []string
	lines       []analyze.Sentence
	best        analyze.Sentence
	bestScore   float64
}

// maxCoMentions is the most links coMentions adds.
const maxCoMentions = 2

// coMentions returns 다음 주차 links from this week's concepts that two or
// more members wrote in one line with a topic of next week's schedule
// row ("컨텍스트 구성 도구에는 RAG 파이프라인과 같은 …" before a week on
// RAG): the line opens with the concept as its topic or label, so the
// concept is what leads into the topic. A concept that only names the
// topic again ("RAG 파이프라인" → RAG) is no link. The bullet names the
// members who wrote such a line and quotes one; the links with the most
// members come first, and at most two.
func (g *group) coMentions(topics []string, where string, limit int) []insight.Bullet {
	var cands []*coMention
	for _, t := range topics {
		tk := analyze.Key(t)
		for _, m := range g.aw.Members {
			for i := range m.Sentences {
				s := m.Sentences[i]
				if g.usedSentence[s.ID] || s.Voice.Question || !strings.Contains(analyze.Key(s.Body), tk) {
					continue
				}
				x := openingConcept(s, t)
				if x == "" {
					continue
				}
				var cm *coMention
				for _, c := range cands {
					if c.topic == t && extends(c.term, x) || c.topic == t && extends(x, c.term) {
						cm = c
						break
					}
				}
				if cm == nil {
					cm = &coMention{term: x, topic: t, bestScore: -1}
					cands = append(cands, cm)
				} else if len([]rune(x)) < len([]rune(cm.term)) {
					cm.term = x // the shorter name the lines share
				}
				if !contains(cm.who, m.Name) {
					cm.who = append(cm.who, m.Name)
					cm.lines = append(cm.lines, s)
				}
				// The line names its own subject, so one that seems to lean
				// on the line above still stands as a quote.
				ok := quotable(s) || s.Problem == analyze.ProblemDangling && s.Context == nil && s.Frame == "" && len([]rune(s.Body)) <= maxQuote
				if sc := s.Scores[insight.KeyInsights] + s.Centrality; ok && sc > cm.bestScore {
					cm.best, cm.bestScore = s, sc
				}
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].who) > len(cands[j].who) })
	var out []insight.Bullet
	for _, c := range cands {
		if len(out) >= min(limit, maxCoMentions) {
			break
		}
		if len(c.who) < 2 || c.bestScore < 0 || g.taken(secNext, c.term) || g.usedSentence[c.best.ID] {
			continue
		}
		g.claim(secNext, c.term)
		g.use(c.lines...)
		srcs := []insight.Source{source(c.best)}
		for _, l := range c.lines {
			if l.ID != c.best.ID {
				srcs = append(srcs, source(l))
			}
		}
		// The quote is credited to the members whose line has its wording.
		var quoted []string
		for i, l := range c.lines {
			if l.ID == c.best.ID || wroteQuote(c.best.Body, l.Body) {
				quoted = append(quoted, c.who[i])
			}
		}
		who := strings.Join(c.who, "·")
		text := fmt.Sprintf("%s %s %s 함께 적었습니다(%s: %s). 이번 주의 %s %s",
			Josa(who, "은", "는"), Josa(c.term, "을", "를"), Josa(c.topic, "과", "와"), strings.Join(quoted, "·"), quote(c.best.Body),
			Josa(c.term, "은", "는"), leadsTo(where+"의 "+c.topic))
		out = append(out, insight.Bullet{Head: c.term, Text: text, Sources: srcs, Engine: Name})
	}
	return out
}

// openingConcept returns the concept a line opens with as its topic,
// subject or label ("컨텍스트 구성 도구에는 …", "컨텍스트 구성: …"), when it
// names something other than next week's topic t; "" otherwise (a line
// that opens with an object, a place, or t itself).
func openingConcept(s analyze.Sentence, t string) string {
	if len(s.Terms) == 0 {
		return ""
	}
	x := s.Terms[0]
	if !analyze.Specific(x) || !named(x) || !headWorthy(x) || chapterWord(x) || extends(x, t) || extends(t, x) {
		return ""
	}
	body := strings.TrimSpace(s.Body)
	if !strings.HasPrefix(body, x) {
		return ""
	}
	rest := strings.TrimPrefix(body, x)
	for _, p := range []string{":", " :", "은 ", "는 ", "이 ", "가 ", "에는 "} {
		if strings.HasPrefix(rest, p) {
			return x
		}
	}
	return ""
}

// extends reports whether term x names t or a kind of it: its key holds
// t's ("RAG 파이프라인" and RAG).
func extends(x, t string) bool {
	kx, kt := analyze.Key(x), analyze.Key(t)
	return kt != "" && strings.Contains(kx, kt)
}

// maxUsedAgain is the most links usedAgain adds.
const maxUsedAgain = 2

// maxLinkSpread is the largest share of the study's other weeks whose
// notes may use a concept usedAgain links: one more than half of them
// use is the study's vocabulary, not this week's.
const maxLinkSpread = 0.5

// usedAgain returns 다음 주차 links for a week none of whose lines lead into
// next week's material by the stricter rules above: concepts two or more
// members wrote this week that a statement of next week's material puts to
// use ("키가 유한한 집합이라면 유닛 타입을 사용할 수 있다" after a week
// that defined 유닛 타입). Each quotes a member's statement about the
// concept and next week's line, and claims no more than that next week
// uses the concept again: not that one line follows from the other. Of
// next week's lines, one that looks back at earlier material ("이전에
// 설명했던 것처럼 …") or names more of this week's concepts is the closer
// link; at most two, each with its own line of next week.
func (g *group) usedAgain(concepts []analyze.Concept, ahead []insight.Source, where string) (out []insight.Bullet) {
	// Concepts of this week only (see weeksOwn).
	var shared []analyze.Concept
	for _, c := range concepts {
		if g.weeksOwn(c) {
			shared = append(shared, c)
		}
	}
	// Next week's lines and the concepts' spellings in letters only, read
	// once: a line whose letters hold none of a concept's spellings does
	// not mention it, and most lines mention none of most concepts.
	letters := make([]string, len(ahead))
	for i := range ahead {
		letters[i] = analyze.Letters(ahead[i].Quote)
	}
	spellings := make([][]string, len(shared))
	for j := range shared {
		spellings[j] = analyze.Spellings(shared[j])
	}
	mentions := func(i, j int) bool { return analyze.MentionsSpelled(ahead[i].Quote, letters[i], spellings[j]) }
	statements := map[int]bool{}
	isStatement := func(i int) bool {
		ok, seen := statements[i]
		if !seen {
			ok = statement(ahead[i].Quote)
			statements[i] = ok
		}
		return ok
	}
	quoted := map[string]bool{}
	for j, c := range shared {
		if len(out) >= maxUsedAgain {
			break
		}
		if g.taken(secNext, c.Term) {
			continue
		}
		next, score := -1, 0
		for i, a := range ahead {
			if quoted[a.Quote] || !mentions(i, j) || !isStatement(i) {
				continue
			}
			sc := 1
			if looksBack(a.Quote) {
				sc += 2
			}
			for o := range shared {
				if o != j && !extends(c.Term, shared[o].Term) && mentions(i, o) {
					sc++
				}
			}
			if sc > score {
				next, score = i, sc
			}
		}
		if next < 0 {
			continue
		}
		var thisM *analyze.Member
		var thisS analyze.Sentence
		top := 0.0
		for _, m := range g.aw.Members {
			if c.Counts[m.Name] == 0 {
				continue
			}
			// What the member wrote the concept is or does, not what
			// to do with it ("…가정해보자").
			onConcept := func(s analyze.Sentence) bool {
				v := s.Voice
				return isKey(analyze.Key(s.Subject), c) && !v.Recommend && !v.Try && !v.Should && !v.Wish
			}
			if s, sc := bestOn(m, c, g.usedSentence, 0.5, onConcept); sc > top {
				thisM, thisS, top = m, s, sc
			}
		}
		if thisM == nil {
			continue
		}
		quoted[ahead[next].Quote] = true
		g.claim(secNext, c.Term)
		g.use(thisS)
		out = append(out, insight.Bullet{
			Head: c.Term,
			Text: fmt.Sprintf("이번 주 %s %s 정리했습니다. %s에서는 %s %s 씁니다.",
				Josa(thisM.Name, "이", "가"), quoteSaid(thisS.Body), where, Josa(c.Term, "을", "를"), quote(ahead[next].Quote)+"처럼"),
			Sources: []insight.Source{source(thisS), ahead[next]},
			Engine:  Name,
		})
	}
	return out
}

// maxHeadingRunes is the longest heading of next week's notes
// sectionsAgain reads as a section's name.
const maxHeadingRunes = 40

// sectionsAgain returns 다음 주차 links for a week that no line links more
// closely: a concept two or more members wrote this week that a heading of
// next week's notes names ("애스펙트 지향 프로그래밍(AOP)" after a week
// that used AOP). A section of its own is where next week takes the
// concept up again, which a word in passing is not. The bullet names every
// member whose note writes the concept, inside a compound too, and quotes
// the heading; at most two, each on its own heading. A heading that
// only names next week's topic again links nothing the schedule does not.
func (g *group) sectionsAgain(concepts []analyze.Concept, row *workspace.ScheduleRow, where string) (out []insight.Bullet) {
	type heading struct {
		src insight.Source
		idx *analyze.TextIndex
	}
	topic := analyze.Key(row.Topic)
	var heads []heading
	for _, d := range g.in.NextDocs {
		for _, b := range d.Blocks {
			if b.Kind != note.KindHeading {
				continue
			}
			t := analyze.Trim(analyze.Clean(b.Text))
			if n := utf8.RuneCountInString(t); n == 0 || n > maxHeadingRunes || topic != "" && analyze.Key(t) == topic {
				continue
			}
			heads = append(heads, heading{insight.Source{File: d.BlockFile(b), Line: b.Line, Quote: t}, analyze.NewTextIndex(t)})
		}
	}
	used := map[string]bool{}
	for _, c := range concepts {
		if len(out) >= maxUsedAgain {
			break
		}
		if !g.weeksOwn(c) || g.taken(secNext, c.Term) {
			continue
		}
		var h *heading
		for i := range heads {
			if !used[heads[i].src.Quote] && heads[i].idx.Mentions(c) {
				h = &heads[i]
				break
			}
		}
		if h == nil {
			continue
		}
		// Everyone who wrote the concept, inside a compound too ("트랜잭션
		// AOP"): naming only the members the concept matrix counts it for
		// leaves out one who wrote most of it.
		var names []string
		var srcs []insight.Source
		spellings := analyze.Spellings(c)
		for _, m := range g.aw.Members {
			letters := g.lettersOf(m)
			for i, s := range m.Sentences {
				if analyze.MentionsSpelled(s.Body, letters[i], spellings) {
					names = append(names, m.Name)
					if len(srcs) < 2 {
						srcs = append(srcs, source(s))
					}
					break
				}
			}
		}
		if len(names) < 2 {
			continue
		}
		used[h.src.Quote] = true
		g.claim(secNext, c.Term)
		out = append(out, insight.Bullet{
			Head: c.Term,
			Text: fmt.Sprintf("이번 주 %s 적은 %s %s의 노트에서 %s 절로 다시 나옵니다.",
				Josa(strings.Join(names, "·"), "이", "가"), Josa(c.Term, "은", "는"), where, quote(h.src.Quote)),
			Sources: append(srcs, h.src),
			Engine:  Name,
		})
	}
	return out
}

// weeksOwn reports whether concept c is this week's to link to next
// week's material: two or more members wrote it, it names something, and
// it is neither a concept most other weeks of the study use ("컴포넌트" in
// a study of a book on React) nor a phrase of the study's everyday words
// ("핵심 기능"), which next week may use in another sense.
func (g *group) weeksOwn(c analyze.Concept) bool {
	return len(c.Counts) >= 2 && named(c.Term) && g.aw.Spread(c.Term) <= maxLinkSpread && !g.everyday(c.Term)
}

// everyday reports whether a compound term is made only of words most of
// the study's weeks use ("핵심 기능", "DAO 메소드" in a study on Spring):
// a phrase of the study's everyday words more than a term of its own.
func (g *group) everyday(term string) bool {
	n := 0
	for _, m := range text.Read(term).Morphs {
		if strings.HasPrefix(m.POS, "S") && m.POS != "SL" {
			continue
		}
		if !g.aw.Widespread(m.Surface) {
			return false
		}
		n++
	}
	return n >= 2
}

// statement reports whether a line of next week's material can be quoted
// as what next week says: a whole sentence that opens with a word, asks
// nothing, leans on no code or line around it ("위의 코드에서 …", "아래와
// 같이 …") and is no heading ("…값을 타입으로 다루기").
func statement(q string) bool {
	r, _ := utf8.DecodeRuneInString(q)
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !strings.HasSuffix(q, "?") && analyze.Standalone(q) &&
		!analyze.Anaphoric(q) && !analyze.PointsAhead(q) && !analyze.NominalEnding(q)
}

// looksBack reports whether a line of next week's material says it builds
// on what came before ("이전에 설명했던 것처럼", "앞서 살펴본").
func looksBack(q string) bool {
	for _, p := range []string{"이전에 ", "이전 장", "앞서 ", "앞에서 ", "지난 주", "지난주", "지난 장", "앞 장"} {
		if strings.Contains(q, p) {
			return true
		}
	}
	return false
}
