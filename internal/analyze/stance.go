package analyze

import (
	"strings"

	"github.com/moim-study/moim/internal/text"
)

// Stance is the judgement a sentence passes on what it is about: an axis
// ("race": ahead of or behind something, "ease": easy or hard, …) and a
// sign, +1 or -1, after negation ("개선할 수 없다" is improve, -1). Two
// members' sentences on one concept with the same axis and opposite signs
// disagree ("…보다 뒤처질 것이다" / "…를 앞지를 수도 있다"). The zero
// Stance passes no judgement.
type Stance struct {
	Axis string
	Sign int
}

// Opposes reports whether two stances judge on the same axis with
// opposite signs.
func (s Stance) Opposes(o Stance) bool {
	return s.Axis != "" && s.Axis == o.Axis && s.Sign != 0 && s.Sign == -o.Sign
}

// judgement is one entry of the stance lexicon: the stem of a predicate
// (a verb or adjective, or a noun that takes 하다) and what it judges.
type judgement struct {
	stem string
	axis string
	sign int
	noun bool // a noun root: it judges only as "…하다" ("가능하다", not "가능성")
}

// judgements are evaluative predicates in antonym pairs, the sign of each
// on its axis. Direction words with no value of their own (늘다, 줄다)
// and need (필요하다) are left out: "비용이 늘다" and "지연이 줄다", "A가
// 필요하다" and "B는 불필요하다" judge different things.
var judgements = []judgement{
	{"따라잡", "race", 1, false}, {"넘어서", "race", 1, false}, {"넘어설", "race", 1, false}, {"앞서", "race", 1, false}, {"앞선", "race", 1, false}, {"앞지르", "race", 1, false}, {"추월", "race", 1, true}, {"능가", "race", 1, true},
	{"뒤처", "race", -1, false}, {"뒤쳐", "race", -1, false}, {"뒤떨어", "race", -1, false},
	{"좋", "good", 1, false}, {"낫", "good", 1, false}, {"나은", "good", 1, false}, {"나쁘", "good", -1, false}, {"나쁜", "good", -1, false}, {"나빠", "good", -1, false},
	{"쉽", "ease", 1, false}, {"쉬운", "ease", 1, false}, {"쉬워", "ease", 1, false}, {"용이", "ease", 1, true}, {"어렵", "ease", -1, false}, {"어려운", "ease", -1, false}, {"어려워", "ease", -1, false}, {"까다롭", "ease", -1, false},
	{"충분", "enough", 1, true}, {"부족", "enough", -1, true},
	{"가능", "possible", 1, true}, {"불가능", "possible", -1, true},
	{"유리", "advantage", 1, true}, {"불리", "advantage", -1, true},
	{"성공", "success", 1, true}, {"실패", "success", -1, true},
	{"향상", "improve", 1, true}, {"개선", "improve", 1, true}, {"악화", "improve", -1, true}, {"저하", "improve", -1, true},
	{"유용", "useful", 1, true}, {"무용", "useful", -1, true},
}

// modalAxes judge how an action goes rather than a thing ("개선하기
// 어렵다", "앞지를 수 있다"): after another judgement they carry their
// sign over to it.
var modalAxes = map[string]bool{"ease": true, "possible": true}

// stance reads a sentence's judgement from its morphemes: the last
// evaluative predicate, a modal one folded into the judgement before it,
// and negation after it (않다, 못하다, 수 없다, 아니다) or before it (안, 못).
func stance(ms []text.Morph) Stance {
	st, _ := stances(ms)
	return st
}

// judgementHit is a judgement of the lexicon found at a morpheme.
type judgementHit struct {
	at int
	j  judgement
}

// stances reads a sentence's final judgement (see stance) and every
// judgement it passes anywhere (see judgedAnywhere) from one scan of its
// morphemes against the lexicon.
func stances(ms []text.Morph) (Stance, []Stance) {
	var hits []judgementHit
	for i := range ms {
		if j, ok := judgementAt(ms, i); ok {
			hits = append(hits, judgementHit{i, j})
		}
	}
	if len(hits) == 0 {
		return Stance{}, nil
	}
	return finalStance(ms, hits), allStances(ms, hits)
}

// finalStance is the judgement of the last hit when it stands in the
// final predicate, with a modal judgement folded into the one before it.
func finalStance(ms []text.Morph, hits []judgementHit) Stance {
	last := hits[len(hits)-1]
	if !finalJudgement(ms, last.at) {
		return Stance{} // "쉽게 나눠 쓰기 위한 도구": a modifier judges nothing
	}
	st := Stance{last.j.axis, last.j.sign}
	if negated(ms, last.at) {
		st.Sign = -st.Sign
	}
	if modalAxes[last.j.axis] && len(hits) >= 2 {
		prev := hits[len(hits)-2]
		if last.at-prev.at <= 4 && !modalAxes[prev.j.axis] {
			// "개선하기 어렵다": improve, -1.
			st = Stance{prev.j.axis, prev.j.sign * st.Sign}
		}
	}
	return st
}

// judgedAnywhere returns every judgement a sentence passes, in its final
// predicate or not ("오픈 소스 모델이 뒤처질 수 있는 이유는 …" judges race -1
// in a modifier), each with its sign after negation; a modal judgement
// ("어렵다", "가능하다") right after another folds into it as in stance.
// A member whose note judges a concept both ways tells the book's two
// sides, not a side of their own.
func judgedAnywhere(ms []text.Morph) []Stance {
	_, all := stances(ms)
	return all
}

// allStances is judgedAnywhere on the lexicon hits of a sentence.
func allStances(ms []text.Morph, hits []judgementHit) []Stance {
	var out []Stance
	prevAt := -10
	for _, h := range hits {
		st := Stance{h.j.axis, h.j.sign}
		if negated(ms, h.at) {
			st.Sign = -st.Sign
		}
		if modalAxes[h.j.axis] && len(out) > 0 && h.at-prevAt <= 4 && !modalAxes[out[len(out)-1].Axis] {
			p := out[len(out)-1]
			out[len(out)-1] = Stance{p.Axis, p.Sign * st.Sign}
		} else {
			out = append(out, st)
		}
		prevAt = h.at
	}
	return out
}

// Holds reports whether the sentence passes judgement st anywhere in it.
func (s Sentence) Holds(st Stance) bool {
	for _, o := range s.Judged {
		if o == st {
			return true
		}
	}
	return false
}

// modalNouns may follow a judgement in its final predicate: "뒤처질
// 가능성이 크다", "앞설 수도 있다", "어려울 것이다", "쉽지 않겠다는 생각이
// 든다"; kagome reads "…ㄹ 수도" as the noun 수도.
var modalNouns = map[string]bool{"가능성": true, "가능": true, "수": true, "수도": true, "것": true, "거": true, "듯": true, "전망": true, "예정": true, "생각": true, "점": true}

// finalJudgement reports whether the judgement at i is the sentence's
// final predicate: what follows it is endings, auxiliaries, negation, a
// modal noun with its particle and predicate ("가능성이 높음", "수도
// 있다"); not a modified noun or a further clause ("쉽게 나눠 쓰기 위한
// 도구로 쓰인다").
func finalJudgement(ms []text.Morph, i int) bool {
	for k := i + 1; k < len(ms); k++ {
		m := ms[k]
		switch {
		case strings.HasPrefix(m.POS, "E") || strings.HasPrefix(m.POS, "J") || strings.HasPrefix(m.POS, "S") && m.POS != "SL" && m.POS != "SH" && m.POS != "SN":
		case strings.HasPrefix(m.POS, "VX") || strings.HasPrefix(m.POS, "VCP") || strings.HasPrefix(m.POS, "VCN") || strings.HasPrefix(m.POS, "XS"):
		case (m.POS == "NNB" || m.POS == "NNG") && modalNouns[m.Surface]:
		case hasTag(m.POS, "VA") || hasTag(m.POS, "VV"):
			// The predicate of a modal noun ("가능성이 높다", "수 있다",
			// "생각이 든다"), the negation 없다, or 되다.
			switch {
			case strings.HasPrefix(m.Surface, "높"), strings.HasPrefix(m.Surface, "있"), strings.HasPrefix(m.Surface, "없"),
				strings.HasPrefix(m.Surface, "크"), strings.HasPrefix(m.Surface, "들"), strings.HasPrefix(m.Surface, "든"),
				strings.HasPrefix(m.Surface, "되"), strings.HasPrefix(m.Surface, "된"), strings.HasPrefix(m.Surface, "보"):
			default:
				return false
			}
		case hasTag(m.POS, "MAG"):
			// "어쩌면", "안", "못": adverbs of the same predicate.
		default:
			return false
		}
	}
	return true
}

// costNouns name a cost, and costVerbs say that what their subject
// names arises or grows: "운영 부담이 생긴다", "비용이 든다", "오버헤드가
// 커진다" judge the sentence's topic badly ("cost", -1). Only the arising
// is read; a cost that shrinks is a direction word, left out as 늘다 and
// 줄다 are.
var (
	costNouns = []string{"부담", "비용", "오버헤드", "복잡성", "복잡도", "위험", "리스크", "부작용"}
	costVerbs = []string{"생기", "생긴", "생겨", "발생", "들", "든", "늘", "커", "따르", "따른", "초래"}
)

// costAt reports a verb of arising at i whose subject, right before it,
// is a cost noun: "…부담/NNG 이/JKS 생긴다/VV".
func costAt(ms []text.Morph, i int) bool {
	if i < 2 || ms[i-1].POS != "JKS" || !strings.HasPrefix(ms[i-2].POS, "NN") {
		return false
	}
	if !hasTag(ms[i].POS, "VV") && !(ms[i].POS == "NNG" && i+1 < len(ms) && hasTag(ms[i+1].POS, "XSV")) {
		return false
	}
	cost := false
	for _, n := range costNouns {
		cost = cost || strings.HasSuffix(ms[i-2].Surface, n)
	}
	if !cost {
		return false
	}
	for _, v := range costVerbs {
		if strings.HasPrefix(ms[i].Surface, v) {
			return true
		}
	}
	return false
}

// judgementAt returns the lexicon entry of the morpheme at i, if any.
func judgementAt(ms []text.Morph, i int) (judgement, bool) {
	if costAt(ms, i) {
		return judgement{stem: ms[i].Surface, axis: "cost", sign: -1}, true
	}
	m := ms[i]
	verb := hasTag(m.POS, "VV") || hasTag(m.POS, "VA")
	noun := m.POS == "NNG" || m.POS == "XR"
	if !verb && !noun {
		return judgement{}, false
	}
	for _, j := range judgements {
		if j.noun != noun {
			continue
		}
		if noun {
			// "가능하다", "부족한"; not "가능성", "개선 방법".
			if m.Surface != j.stem || i+1 >= len(ms) || !(hasTag(ms[i+1].POS, "XSA") || hasTag(ms[i+1].POS, "XSV")) {
				continue
			}
			return j, true
		}
		if strings.HasPrefix(m.Surface, j.stem) {
			return j, true
		}
	}
	return judgement{}, false
}

// negated reports whether the predicate at i is negated: 않다, 못하다,
// 수 없다, 아니다 right after it, or 안/못 right before it.
func negated(ms []text.Morph, i int) bool {
	if negatedBefore(ms, i) {
		return true
	}
	for k := i + 1; k < len(ms) && k <= i+4; k++ {
		m := ms[k]
		switch {
		case hasTag(m.POS, "SC") || hasTag(m.POS, "SF"):
			return false
		case hasTag(m.POS, "VX") && (strings.HasPrefix(m.Surface, "않") || strings.HasPrefix(m.Surface, "못")):
			return true
		case hasTag(m.POS, "VCN"):
			return true
		case hasTag(m.POS, "VA") && strings.HasPrefix(m.Surface, "없") && k > 0 && (ms[k-1].Surface == "수" || strings.HasPrefix(ms[k-1].Surface, "수")):
			return true
		}
	}
	return false
}

// negatedBefore reports whether 안/못 or a negative prefix (불-, 비-, 무-)
// stands right before the predicate at i.
func negatedBefore(ms []text.Morph, i int) bool {
	if i == 0 {
		return false
	}
	p := ms[i-1]
	switch {
	case hasTag(p.POS, "MAG"):
		return p.Surface == "안" || p.Surface == "못"
	case hasTag(p.POS, "XPN"):
		return p.Surface == "불" || p.Surface == "비" || p.Surface == "무" || p.Surface == "부"
	}
	return false
}

// assesses reports whether a sentence passes a judgement on what it is
// about that holds by itself: its final predicate evaluates (see
// assessing) or judges with a sign (see Stance) on an axis of value, not
// of what has become possible or better ("…가 가능해졌다", "…가
// 향상되었다": a change the sentence reports); no condition narrows it
// ("…라면 …가 장점이 많다" judges the case), and no "…해도 좋다" only
// permits something. ms is the sentence without a closing remark in
// brackets.
func assesses(ms []text.Morph, st Stance) bool {
	for i, m := range ms {
		if hasTag(m.POS, "EC") {
			if strings.HasSuffix(m.Surface, "면") {
				return false
			}
			if strings.HasSuffix(m.Surface, "도") && i+1 < len(ms) && strings.HasPrefix(ms[i+1].Surface, "좋") {
				return false
			}
		}
	}
	if st.Sign != 0 && st.Axis != "possible" && st.Axis != "improve" {
		return true
	}
	return assessing(ms)
}

// assessing reports whether a sentence's final predicate evaluates what
// the sentence is about rather than saying what it does or consists of:
// an adjective ("느리다", "더 가까워지고 있다"), an adjective root with
// 하다 ("적절하다", "강건하다"), the negative copula ("…가 아니다", "…가
// 아닐 수 있다") or a two-sided copula ("A이자 B다"). Endings,
// auxiliaries and a modal tail ("수 있다", "것이다") after it do not
// count; a verb ("최적화한다", "도움이 된다"), a noun with 하다 ("일치함")
// or a plain copula ("…하는 것이다") is no evaluation. A remark in
// brackets after the sentence is left out (ms is the sentence without it).
func assessing(ms []text.Morph) bool {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		p := firstTag(m.POS)
		switch {
		case strings.HasPrefix(p, "E") || strings.HasPrefix(p, "J") || strings.HasPrefix(p, "S") && p != "SL" && p != "SH" && p != "SN":
			continue
		case p == "VX":
			continue
		case (p == "NNB" || p == "NNG") && modalNouns[m.Surface]:
			continue
		case (p == "VA" || p == "VV") && (strings.HasPrefix(m.Surface, "있") || strings.HasPrefix(m.Surface, "없")) && i > 0 &&
			(modalNouns[ms[i-1].Surface] || hasTag(ms[i-1].POS, "EC") || strings.HasPrefix(firstTag(ms[i-1].POS), "J")):
			// "수 있다", "…고 있다": the auxiliary of the predicate before.
			continue
		}
		switch {
		case p == "VCN":
			return true
		case p == "VA":
			return !strings.HasPrefix(m.Surface, "있") && !strings.HasPrefix(m.Surface, "없") && !strings.HasPrefix(m.Surface, "같")
		case p == "XSA":
			return i > 0 && firstTag(ms[i-1].POS) == "XR"
		case p == "VCP":
			// "축복이자 저주다": the copula's connective form names a
			// second side of the same thing.
			for k := 0; k+1 < i; k++ {
				if firstTag(ms[k].POS) == "VCP" && ms[k+1].POS == "EC" && ms[k+1].Surface == "자" || ms[k].POS == "VCP+EC" && strings.HasSuffix(ms[k].Surface, "자") {
					return true
				}
			}
			return false
		}
		return false
	}
	return false
}

// recounting reports whether a sentence recounts the writer's own reading
// rather than claiming something others could dispute: a past deed or
// state before "것 같다" ("…를 배운 것 같다", "…와 비슷했던 것 같다", "…를
// 깨닫게 된 것 같다"), a past adjective as the final predicate ("…해서
// 좋았다"), or a resolution ("…해야겠다고 생각했다"). A guess ("…될 것
// 같다", "…유리할 것 같다") or a present view ("…라는 생각이 든다") is
// none.
func recounting(ms []text.Morph) bool {
	for i, m := range ms {
		// "…겠다고 생각했다": the writer's plan.
		if hasTag(m.POS, "EP") && strings.Contains(m.Surface, "겠") { // "겠", or "겠다는" as one morpheme
			for k := i + 1; k < len(ms) && k <= i+3; k++ {
				if ms[k].Surface == "생각" {
					return true
				}
			}
		}
		// "…ㄴ/던 것 같다".
		if m.Surface == "것" && m.POS == "NNB" && i > 0 && i+1 < len(ms) && strings.HasPrefix(ms[i+1].Surface, "같") {
			prev := ms[i-1]
			if prev.Surface == "던" && hasTag(prev.POS, "ETM") {
				return true
			}
			if hasTag(prev.POS, "ETM") && (hasTag(prev.POS, "VV") || hasTag(prev.POS, "VX") || hasTag(prev.POS, "XSA") && prev.Surface == "한") && finalN(prev.Surface) {
				return true // "…이해할 수 있게 한 것 같다" too, however the dictionary tags 한
			}
		}
		// "…살펴봐서 좋았고, …": the writer's reading was good to them,
		// in any clause.
		if firstTag(m.POS) == "VA" && strings.HasPrefix(m.Surface, "좋") && i+1 < len(ms) && hasTag(ms[i+1].POS, "EP") && strings.HasPrefix(ms[i+1].Surface, "았") {
			return true
		}
	}
	// "…좋았다": the final predicate is a past adjective.
	i := len(ms) - 1
	for i >= 0 && (strings.HasPrefix(firstTag(ms[i].POS), "S") || firstTag(ms[i].POS) == "EF") {
		i--
	}
	return i >= 1 && hasTag(ms[i].POS, "EP") && firstTag(ms[i-1].POS) == "VA" && !strings.HasPrefix(ms[i-1].Surface, "같")
}

// finalN reports whether a Hangul syllable word ends in the consonant ㄴ
// (the past adnominal of a verb: "배운", "된").
func finalN(s string) bool {
	rs := []rune(s)
	if len(rs) == 0 {
		return false
	}
	r := rs[len(rs)-1]
	return r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 == 4
}

// effortWords head the predicate of a guess about how something will feel
// to the writer: needed, helpful, hard, easy ("연습이 많이 필요할 것
// 같다", "…를 이해하면 도움이 될 것 같다").
var effortWords = set("필요 도움 어렵 어려울 쉽 쉬울 편하 편할")

// FeelsOwnEffort reports a hedged sentence whose guess is about how
// something will feel to the writer ("…하려면 연습이 많이 필요할 것 같다",
// "…하면 도움이 될 것 같다"): the writer's feeling, nothing the group could
// argue about.
func (s Sentence) FeelsOwnEffort() bool { return s.effort }

// feelsOwnEffort reads FeelsOwnEffort from a hedged sentence's morphemes.
func feelsOwnEffort(v Voice, ms []text.Morph) bool {
	if !v.Hedge {
		return false
	}
	for i, m := range ms {
		if m.Surface != "것" || !strings.HasPrefix(m.POS, "NNB") || i+1 >= len(ms) || !strings.HasPrefix(ms[i+1].Surface, "같") || !finalPredicate(ms, i+1) {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if effortWords[ms[k].Surface] {
				return true
			}
		}
	}
	return false
}
