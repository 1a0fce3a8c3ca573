package offline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
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
