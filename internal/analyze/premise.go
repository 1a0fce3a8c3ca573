package analyze

import (
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// This file keeps two kinds of list item from being lifted without the
// line that makes them a point:
//
//   - a premise without its remedy: under a line announcing that
//     something is overcome, solved or improved ("지연 문제를 줄이는
//     방법"), an item that only states the difficulty ("큰 요청은
//     처리하는 데 오래 걸릴 수 있음") is followed by the item that acts on
//     it ("요청을 나눠 병렬로 보냄"); the item carries that sibling
//     ("premise — action"), or, when the pair is too long, is cut
//     (ProblemCut) and never stands alone (see remedies);
//   - a clause whose subject is on the line above: a list item whose
//     first clause names no subject of its own (the subject it seems to
//     have stands inside a relative clause: "사용자가 자주 찾는 데이터를
//     가리키는 데 쓰였으나, …") under a lead-in line with a topic ("캐시라는
//     말은 뜻이 넓다") carries that line as its Frame (see topicLeadIns).

// remedyNouns and remedyStems name overcoming, solving or improving
// something: a line with one announces what its items do about a
// difficulty.
var (
	remedyNouns = map[string]bool{"극복": true, "해결": true, "개선": true, "완화": true, "단축": true, "방지": true, "해소": true,
		"보완": true, "대응": true, "대처": true, "최적화": true, "절감": true, "예방": true, "회피": true}
	remedyStems = []string{"줄이", "줄여", "줄인", "낮추", "낮춰", "낮춘", "막", "피하", "피해", "없애", "없앤", "이기", "이겨", "극복"}
)

// announcesRemedy reports whether a line ends by naming overcoming,
// solving or improving something ("…문제를 극복하는 것", "지연 시간
// 줄이기", "병목 해결 방법"): a noun or a verb of remedy among its last
// words, not one in passing ("…노력 절감이라는 이점도 있다").
func announcesRemedy(ms []text.Morph) bool {
	return remedyAt(ms, max(0, lastContent(ms)-3))
}

// remedyAt reports whether a noun or verb of remedy stands in ms from
// index from on.
func remedyAt(ms []text.Morph, from int) bool {
	for _, m := range ms[from:] {
		if strings.HasPrefix(m.POS, "NN") && remedyNouns[m.Surface] {
			return true
		}
		if hasTag(m.POS, "VV") {
			for _, st := range remedyStems {
				if strings.HasPrefix(m.Surface, st) {
					return true
				}
			}
		}
	}
	return false
}

// difficultyStems are predicates that state a difficulty, a cost or a
// failure: something takes long, is slow, hard, missing, grows or fails.
var difficultyStems = []string{"걸리", "걸린", "걸릴", "느리", "느려", "느린", "늦", "어렵", "어려", "힘들", "힘든", "없", "늘어나", "늘어난", "늘어날",
	"커지", "커진", "커질", "떨어지", "떨어진", "떨어질", "길어지", "길어진", "길어질", "밀리", "막히", "멈추", "멈춘", "멈출", "끊기", "끊긴", "끊길"}

// difficultyNouns state a difficulty when a verbal suffix makes them the
// predicate ("부족하다", "발생할 수 있다", "증가한다", "실패한다").
var difficultyNouns = map[string]bool{"부족": true, "발생": true, "증가": true, "실패": true, "저하": true, "초과": true, "지연": true, "누락": true, "손실": true, "과부하": true}

// statesDifficulty reports whether a sentence states a difficulty or a
// condition rather than doing something about it: a predicate of
// difficulty ("오래 걸릴 수 있음", "처리량이 떨어진다", "메모리가
// 부족하다") and no remedy of its own (see announcesRemedy).
func statesDifficulty(ms []text.Morph) bool {
	if remedyAt(ms, 0) {
		return false
	}
	for i, m := range ms {
		if hasTag(m.POS, "VV") || hasTag(m.POS, "VA") {
			for _, st := range difficultyStems {
				if strings.HasPrefix(m.Surface, st) {
					return true
				}
			}
		}
		if (hasTag(m.POS, "XSV") || hasTag(m.POS, "XSA")) && i > 0 && difficultyNouns[ms[i-1].Surface] {
			return true
		}
	}
	return false
}

// lastClause returns the morphemes after the last connective ending that
// closes a clause ("…없으면, 새 서버로 올린다" → "새 서버로 올린다"): what
// the sentence ends by saying.
func lastClause(ms []text.Morph) []text.Morph {
	for k := len(ms) - 1; k >= 0; k-- {
		if hasTag(ms[k].POS, "EC") && closesClause(ms[k].Surface) {
			return ms[k+1:]
		}
	}
	return ms
}

// takesAction reports whether a sentence does something: its last
// predicate is a verb acting on an object ("요청을 나눠 병렬로 보냄",
// "결과를 캐시에 저장한다") or a to-do ("…를 먼저 보여주기").
func takesAction(ms []text.Morph) bool {
	ms = withoutTrailingParen(ms)
	if nominalEnding(ms) {
		return true
	}
	i := lastContent(ms)
	if i < 0 || !hasObject(ms) {
		return false
	}
	verb := false
	for k := i; k >= 0 && k >= i-2; k-- {
		if hasTag(ms[k].POS, "VV") || hasTag(ms[k].POS, "XSV") {
			verb = true
			break
		}
		if hasTag(ms[k].POS, "VA") || hasTag(ms[k].POS, "VCP") || hasTag(ms[k].POS, "VCN") || hasTag(ms[k].POS, "XSA") {
			return false // "…가 느리다", "…것이다": says how something is
		}
	}
	if !verb {
		return false
	}
	// "…할 수 있다", "…가 없다" end in 있/없: what is possible, not done.
	return !strings.HasPrefix(ms[i].Surface, "있") && !strings.HasPrefix(ms[i].Surface, "없")
}

// remedies gives a list item that only states a difficulty, under a line
// announcing that something is overcome or improved, its next sibling as
// its Caveat when that sibling acts on it: alone, the item is the premise
// of a point it does not make. When the pair is too long for a bullet the
// item is cut (ProblemCut): a premise never stands alone.
func remedies(m *Member) {
	doc := m.Doc
	lines := newBlockLines(doc)
	remedy := map[int]bool{} // by block: its line announces a remedy
	for i := 0; i+1 < len(m.Sentences); i++ {
		s, n := &m.Sentences[i], m.Sentences[i+1]
		if s.Kind != note.KindListItem || n.Kind != note.KindListItem || s.Problem != "" || s.Caveat != nil || s.Context != nil || len(s.Parts) > 0 || s.ChildPoint {
			continue
		}
		if s.Block < 0 || n.Block != s.Block+1 || n.Block >= len(doc.Blocks) || doc.Blocks[n.Block].Line != n.Line {
			continue // n is not the first sentence of the next line
		}
		if i > 0 && m.Sentences[i-1].Block == s.Block {
			continue // s is not the item's first sentence: the item says more
		}
		sb, nb := doc.Blocks[s.Block], doc.Blocks[n.Block]
		p := parentBlock(doc, s.Block)
		if p < 0 || sb.Level != nb.Level || parentBlock(doc, n.Block) != p {
			continue // not two siblings under one line
		}
		v := s.Voice
		if v.Question || v.Recommend || v.Should || v.Hedge || v.FirstPerson || s.nominal || n.Voice.Question || !carryable(n) || ownLabelled(n.Body) {
			continue
		}
		if n.Problem != "" && n.Problem != ProblemDangling || n.Context != nil && n.Context.ID != s.ID {
			continue
		}
		if !s.difficulty || !n.acts {
			continue // no difficulty, or a second one or no action after it: two points of one list
		}
		r, ok := remedy[p]
		if !ok {
			r = announcesRemedy(m.reads.read(lines.trimmed(p)).Morphs)
			remedy[p] = r
		}
		if !r {
			continue
		}
		if !fits(s.Body, n.Body) {
			s.Problem = ProblemCut // the premise alone makes no point
			continue
		}
		c := n
		c.Context, c.Caveat = nil, nil
		s.Caveat, s.CaveatJoin = &c, " — "
	}
}

// firstClauseSubjectless reports whether the first clause of a sentence
// says something of a thing it does not name: every subject (이/가, 도)
// before its predicate stands inside a relative clause that modifies a
// later noun ("사용자가 자주 찾는 데이터를 가리키는 데 쓰였으나, …"), no
// topic (은/는, which a relative clause never takes) opens it, and its
// predicate is passive, a copula or an adjective ("…로 쓰였으나", "…한
// 저장소이지만"): what is used, is or is like that is missing. A clause
// in which someone acts ("실수를 파악하면 …") has the reader as its actor
// and needs no subject. The first clause ends at a connective ending that
// closes a clause ("…으나", "…지만", "…는데", "…므로", "…면") or at the
// sentence's final ending.
func firstClauseSubjectless(ms []text.Morph) bool {
	subject := false
	for k, m := range ms {
		nounBefore := k > 0 && (strings.HasPrefix(ms[k-1].POS, "N") || ms[k-1].POS == "XSN" || ms[k-1].POS == "SL" || ms[k-1].POS == "SH")
		switch {
		case hasTag(m.POS, "JX") && (m.Surface == "은" || m.Surface == "는") && nounBefore:
			return false // a topic: the clause's own
		case m.POS == "JKS" || m.POS == "JKC" || hasTag(m.POS, "JX") && m.Surface == "도" && nounBefore:
			subject = true
		case strings.HasPrefix(m.POS, "NP"):
			subject = true
		case relativeClause(ms, k):
			subject = false // the subjects so far belong to the relative clause
		case hasTag(m.POS, "EF") || hasTag(m.POS, "EC") && closesClause(m.Surface):
			return !subject && saysOf(ms, k)
		}
	}
	return false // no predicate ends the clause: a note-style noun ending
}

// passiveStems are the stems of passive predicates ("사용됐으나",
// "쓰였지만", "불린다"): something undergoes what the clause says.
var passiveStems = []string{"되", "돼", "됐", "됨", "된", "받", "당하", "당했", "쓰이", "쓰였", "불리", "불렸", "여겨", "여기", "간주"}

// saysOf reports whether the predicate whose ending is at k says
// something of a thing rather than what someone does: a passive, a
// copula or an adjective. Auxiliaries are looked through to the verb
// they help ("만들 수 있다", "수행할 수도 있다", "쓰는 것이다", "하고 있다").
func saysOf(ms []text.Morph, k int) bool {
	lexical := func(pos string) bool {
		for _, t := range []string{"VV", "VA", "XSV", "XSA", "VCP", "VCN"} {
			if hasTag(pos, t) {
				return true
			}
		}
		return false
	}
	for j := k; j >= 0; j-- {
		m := ms[j]
		if !lexical(m.POS) {
			if hasTag(m.POS, "VX") || strings.HasPrefix(m.POS, "E") {
				continue // an auxiliary or an ending alone
			}
			return false
		}
		// "…할 수(도) 있다", "…한 것이다": the verb before the bound noun.
		b := j - 1
		if b >= 0 && hasTag(ms[b].POS, "JX") {
			b--
		}
		if b >= 1 && boundNouns[ms[b].Surface] && (hasTag(m.POS, "VCP") || strings.HasPrefix(m.Surface, "있") || strings.HasPrefix(m.Surface, "없")) {
			j = b
			continue
		}
		if hasTag(m.POS, "VCP") || hasTag(m.POS, "VCN") || hasTag(m.POS, "VA") || hasTag(m.POS, "XSA") {
			return true
		}
		for _, st := range passiveStems {
			if strings.HasPrefix(m.Surface, st) {
				return true
			}
		}
		return false
	}
	return false
}

// clauseClosers are the connective endings that close a clause: a
// concession, a contrast, a reason, a condition.
var clauseClosers = []string{"으나", "지만", "는데", "은데", "ㄴ데", "므로", "니까", "어서", "아서", "해서", "면서", "면", "며"}

// closesClause reports whether a connective ending closes a clause rather
// than joining two verbs of one ("다운로드하고 사용할 수 있는").
func closesClause(surface string) bool {
	if strings.HasSuffix(surface, "나") && !strings.HasSuffix(surface, "거나") && !strings.HasSuffix(surface, "으나") {
		return true // "사용됐으나": 으나 contracted to 나
	}
	for _, e := range clauseClosers {
		if strings.HasSuffix(surface, e) {
			return true
		}
	}
	return false
}

// boundNouns follow an adnominal ending as part of a predicate or an
// adverbial ("…할 수 있다", "…한 것이다", "…할 때"), never as the noun a
// relative clause describes.
var boundNouns = map[string]bool{"수": true, "수도": true, "것": true, "거": true, "줄": true, "듯": true, "데": true, "뿐": true, "만큼": true, "대로": true, "척": true, "리": true, "바": true, "터": true, "적": true, "채": true, "뻔": true}

// relativeClause reports whether the morpheme at k is the adnominal ending
// of a clause that modifies a content noun after it ("자주 찾는
// 데이터", "사용할 수 있는 모든 모델"): a verb's, a copula's or 있/없's,
// not an adjective's ("새로운 방법"), and not before a bound noun or a
// time ("…할 수 있다", "…할 때").
func relativeClause(ms []text.Morph, k int) bool {
	m := ms[k]
	if !hasTag(m.POS, "ETM") {
		return false
	}
	verbal := func(pos string) bool {
		for _, t := range []string{"VV", "XSV", "VCP", "VCN", "VX", "EP"} {
			if hasTag(pos, t) {
				return true
			}
		}
		return false
	}
	existential := func(mm text.Morph) bool {
		return hasTag(mm.POS, "VA") && (strings.HasPrefix(mm.Surface, "있") || strings.HasPrefix(mm.Surface, "없"))
	}
	if !verbal(m.POS) && !existential(m) && !(k > 0 && (verbal(ms[k-1].POS) || existential(ms[k-1]))) {
		return false
	}
	j := k + 1
	for j < len(ms) && (hasTag(ms[j].POS, "MM") || numeral(ms[j])) {
		j++ // "…있는 모든 모델"
	}
	if j >= len(ms) {
		return false
	}
	n := ms[j]
	if !(strings.HasPrefix(n.POS, "NN") || n.POS == "SL") || hasTag(n.POS, "NNB") {
		return false
	}
	return !boundNouns[n.Surface] && !clauseTime[n.Surface]
}

// leadTopic returns the last sentence of a lead-in line when it has a
// topic of its own (a noun marked 은/는: "캐시라는 말은 뜻이 넓다") and is
// short enough to lead a bullet; "" otherwise.
func leadTopic(t string, r readings) string {
	last := lastSentence(t)
	if promise(t) || utf8.RuneCountInString(last) > maxAnnounceRunes || strings.ContainsAny(last, "?？") || formula(last) || !balanced(last) {
		return ""
	}
	ms := r.read(last).Morphs
	for k := 1; k < len(ms); k++ {
		m := ms[k]
		if hasTag(m.POS, "JX") && (m.Surface == "은" || m.Surface == "는") && (strings.HasPrefix(ms[k-1].POS, "NN") && !hasTag(ms[k-1].POS, "NNB") && !clauseTime[ms[k-1].Surface] || ms[k-1].POS == "SL") {
			// Something is said of it: a predicate, or a note-style
			// noun ending after a particle ("…논란의 여지가 생김").
			if rest := ms[k+1:]; hasPredicate(rest) || hasPOS(rest, "JKS") || hasPOS(rest, "JKO") || hasPOS(rest, "JKB") {
				return last
			}
		}
	}
	return ""
}

// topicLeadIns gives a list item whose first clause names no subject of
// its own, though the sentence seems to have one (inside a relative
// clause, or the topic of a later clause), the lead-in line it hangs from
// as its Frame when that line has a topic: what the clause says is said
// of that topic. The bullet carries the line or is not made.
func topicLeadIns(m *Member) {
	doc := m.Doc
	lines := newBlockLines(doc)
	leads := map[int]string{} // by block: its line's last sentence when it has a topic
	for i := range m.Sentences {
		s := &m.Sentences[i]
		if s.Kind != note.KindListItem || s.Frame != "" || s.Context != nil || s.Problem != "" || s.subjectless || s.topicless || ownLabel(s.Body) {
			continue // an item with no subject at all is framed or dangles already
		}
		if s.Block <= 0 || s.Block >= len(doc.Blocks) || i > 0 && m.Sentences[i-1].Block == s.Block {
			continue // only the first sentence of an item
		}
		v := s.Voice
		if v.Question || v.Recommend || v.Should || v.Hedge || v.FirstPerson || v.Doubt || v.Reaction {
			continue // the writer's own view or advice needs no subject
		}
		p := parentBlock(doc, s.Block)
		if p < 0 || doc.Blocks[p].Kind != note.KindParagraph && doc.Blocks[p].Kind != note.KindListItem {
			continue
		}
		if !s.bareClause {
			continue
		}
		lead, ok := leads[p]
		if !ok {
			lead = leadTopic(lines.trimmed(p), m.reads)
			leads[p] = lead
		}
		if lead == "" {
			continue
		}
		s.Frame, s.FrameLine, s.FrameNeeded = lead, doc.Blocks[p].Line, true
	}
}
