package offline

import (
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/text"
)

// Headline names the concept a sentence is about, as a noun phrase: the
// sentence's subject ("비교 평가는 …" → 비교 평가) or an emphasised noun
// phrase. It is "" when none fits: no headline beats a vague one. Clauses, numbers and everyday words never head a bullet.
func Headline(s analyze.Sentence) string {
	if s.Subject != "" && headWorthy(s.Subject) && named(s.Subject) && mainTopic(s) {
		return s.Subject
	}
	for _, e := range s.Emphasis {
		// An emphasised phrase heads the bullet only when the sentence
		// is about it: it opens the sentence.
		if h, ok := emphasisHead(e); ok && headWorthy(h) && named(h) && strings.HasPrefix(s.Body, h) {
			return h
		}
	}
	return ""
}

// headWorthy reports whether a phrase can head a bullet: a specific,
// meaningful noun phrase of reasonable length.
func headWorthy(h string) bool {
	n := utf8.RuneCountInString(h)
	if n < 2 || n > 24 || len(strings.Fields(h)) > 4 {
		return false
	}
	if !analyze.Meaningful(h) || !analyze.Specific(h) || analyze.CueHeading(h) || genericHeading(h) {
		return false
	}
	return nounPhrase(h)
}

// nounPhrase reports whether a phrase is a noun phrase: nouns, Latin
// words, numbers, noun affixes and the genitive 의, ending in a noun.
func nounPhrase(h string) bool {
	ms := text.Read(h).Morphs
	if ms == nil {
		return true // no morphology: trust the term extractor
	}
	last := ""
	for _, m := range ms {
		switch m.POS {
		case "NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "XSN", "XPN", "NP":
			last = m.POS
		case "JKG", "SS", "SC", "SY":
			if m.POS == "JKG" && m.Surface != "의" {
				return false
			}
			last = m.POS
		default:
			return false
		}
	}
	return last != "JKG" && last != "SC" && last != "SY" && (last != "SS" || strings.HasSuffix(h, ")"))
}

// mainTopic reports whether a sentence's subject is what the whole
// sentence is about: not a comparison's term ("코드 디버깅처럼 …"), and
// not the topic of a first clause that hands over to another ("사람
// 평가는 … 때문에, 비교 평가는 …", "교차 엔트로피가 …라면, 퍼플렉시티는 …").
func mainTopic(s analyze.Sentence) bool {
	rest := strings.TrimPrefix(s.Body, s.Subject)
	for _, p := range []string{"처럼", "같이", "와 같은", "과 같은", "와 달리", "과 달리", "보다"} {
		if strings.HasPrefix(rest, p) {
			return false
		}
	}
	return s.Topics < 2
}
