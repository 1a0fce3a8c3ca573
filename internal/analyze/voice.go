package analyze

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/text"
)

// Voice is what a sentence says about who is speaking and what it does:
// the member's own view, question or doubt, or a recommendation, as opposed
// to a restatement of the book. It is read from morphology (endings,
// pronouns, auxiliary verbs), never from substrings of words, so "나타나는"
// is no first person and "새롭게" no opinion.
type Voice struct {
	// FirstPerson: the writer refers to themself (나, 저, 내, 제).
	FirstPerson bool
	// Hedge: an opinion or impression ending: "것 같다", "듯하다",
	// "싶다", "생각한다/생각이 든다", "느꼈다", "~지 않을까", "아닐까".
	Hedge bool
	// Guess: a weaker mark of a view that books use as well: "아마도",
	// "어쩌면", "…로 해석할 수 있다".
	Guess bool
	// Reaction: the writer's reaction to what they read: "흥미로웠다",
	// "놀라웠다", "신기했다", "인상적이었다", "재밌다" as the sentence's
	// own predicate.
	Reaction bool
	// Contrast: the writer sets their view against the book's ("책에서는
	// … 했지만", "저자는 … 하지만").
	Contrast bool
	// Question: the sentence asks something (ends with "?" or an
	// interrogative ending).
	Question bool
	// Formal: the question uses the written, formal interrogative of
	// textbooks and checklists ("…는가?", "…인가?").
	Formal bool
	// Queried: the question is a statement the writer puts in doubt, a
	// declarative ending closed by a question mark ("…할수록 선호도와
	// 멀어진다 ?"). Books ask with interrogative endings ("…할까?"); a
	// statement with a question mark is the writer's own open question,
	// however the note goes on.
	Queried bool
	// Doubt: the writer says they do not understand or want to look
	// something up: "모르겠다", "이해가 안 된다", "헷갈린다", "궁금하다",
	// "찾아봐야", "더 공부해야".
	Doubt bool
	// Recommend: a recommendation or proposal for practice: "…하는 것이
	// 좋다", "…하면 좋다", "…하자", "추천/권장", "…해 볼 수 있다", "…할
	// 것", or an obligation to check, test, compare or design something
	// ("…를 고려해야 한다").
	Recommend bool
	// Try: the recommendation is "…해 보자", let us try. A book walks its
	// running example through in these words ("이제 포인트컷을 적용해보자"),
	// so it proposes something only in a setting of the reader's own (see
	// ownSetting).
	Try bool
	// Should: an obligation of any other action ("…해야 한다"); books use
	// it to describe how a mechanism works as much as to advise.
	Should bool
	// Can: an action one can take ("…를 고정할 수 있다"); a way to do
	// something when nothing else in the sentence is the actor.
	Can bool
	// Analogy: the writer compares the idea with something they know
	// ("CNN에서 필터를 여러 개 두는 것처럼", "마치 …와 같다").
	Analogy bool
	// Conclusion: the sentence opens with a conclusion marker the writer
	// adds ("=>", "→", "즉,", "따라서", "결국").
	Conclusion bool
	// Verdict: after an arrow the line sets down a verdict on what it
	// names, one that turns and denies ("JSON 모드 → 형식은 보장하지만
	// 내용은 보장하지 않음"). It judges the thing, which the group
	// sections weigh; it is not the writer's own angle: eight of eight
	// readers read such a line as the book's fact in the writer's
	// shorthand (no Own weight).
	Verdict bool
	// Proposal: the recommendation is worded as one by its form ("…하는
	// 것이 좋은 방법이다", "…인지 확인", "…하는 설계가 중요"), so it needs
	// no practice setting around it.
	Proposal bool
	// Aside: a remark in brackets after the sentence that sets it against
	// something else the writer knows: it denies ("(…가 아님)"), adds
	// ("(이것도 …)") or weighs both ways ("(강점이자 약점)").
	Aside bool
	// Remark: a clause of the writer's own in brackets that comments on
	// the statement before it, which trails off in note-style punctuation
	// or which the clause turns against ("…편하다.. (다시 보면 설정을
	// 자꾸 바꾸게 된다.)", "(…, 하지만 …할 수는 없다)"). A gloss, a
	// translation, an example or a pointer is none (see remark). Unlike
	// an Aside it keeps no weight when another member or the chapter
	// summary has the remark itself too: a remark several members share
	// is the book's (see Sentence.remarkShared).
	Remark bool
	// Wish: the writer ends on wanting to do something ("…에 제안하고
	// 싶다", "…에 도입해 보고 싶다"): their intention, which is a
	// proposal when it is about a setting of practice (see scoreSentence);
	// wanting to learn something ("더 공부하고 싶다", "알아보고 싶다") is a
	// Doubt instead.
	Wish bool
	// Reframe: the writer sets one way of seeing a thing against another
	// ("교집합이라기 보단 합집합으로 이해하는 게 쉽다"). Books do this too, so
	// unlike Contrast it counts only when no one else wrote the sentence.
	Reframe bool
	// Finding: the reaction names what the writer found as its subject,
	// a clause ending in a noun of content ("…다는 점이 흥미로웠다",
	// "…한 사례가 놀라웠다"): an interesting finding of theirs, not only
	// a mood.
	Finding bool
	// Realized: the writer says what they came to know ("…해야 중복이
	// 생기지 않는다는 걸 이번에 확실히 알았다", "…라는 것을 깨달았다"): a
	// finding of theirs, which a book does not report of its reader.
	Realized bool
	// Spoken: the sentence says something in the writer's spoken words,
	// a colloquial intensifier books do not print ("이제부터가 진짜 고민의
	// 시작이다", "개꿀팁") or the exclamatory ending -네(요) of someone
	// noticing something ("…전해지진 않았네요"). Punctuation and laughter after a statement
	// ("…몰린다 ㅋㅋ", "…이다!!") are no such words: a copied book
	// sentence ends so too.
	Spoken bool
	// HedgedClause: a clause before the sentence goes on is hedged
	// ("…많이 사용했던 것 같은데, …", "…비슷한 것 같아서 추가해봄"): the
	// writer's voice, as a hedge is, but the sentence's claim itself is
	// not the hedged one, so it is no view to argue over.
	HedgedClause bool
	// Label is the call-out label the sentence carried ("Q", "생각",
	// "TIP", …), lower-cased, or "".
	Label string
}

// Own reports how strongly the sentence is in the member's own voice, from
// 0 (nothing) up: labels and first-person opinions count most.
func (v Voice) Own() float64 {
	s := 0.0
	if v.FirstPerson {
		s += 1
	}
	if v.Hedge || v.HedgedClause {
		s += 1
	}
	if v.Reaction {
		s += 0.8
	}
	if v.Finding {
		s += 0.4
	}
	if v.Realized {
		s += 0.8
	}
	if v.Contrast {
		s += 1.2
	}
	if v.Analogy {
		s += 0.6 // books explain by analogy too
	}
	if v.Guess {
		s += 0.5
	}
	if v.Aside || v.Remark {
		s += 1
	}
	if v.Spoken {
		s += 1
	}
	if v.Reframe {
		s += 1
	}
	if v.Doubt {
		s += 1
	}
	if v.Question && !v.Formal {
		s += 0.6
	}
	switch v.Label {
	case "생각", "의견", "느낀점", "opinion", "think":
		s += 1.5
	case "추가":
		// "+) …": the writer added it, but what they add is mostly a
		// fact ("+) A와 B는 다르다"): the mark supports another signal
		// of their own voice and makes no angle alone.
		s += 0.5
	case "q", "질문", "궁금한점":
		s += 1.2
	}
	return s
}

// Opinion reports whether the sentence carries a label of the writer's
// own view ("생각:", "의견:"); a first person alone is none: books say
// "내가 …" too.
func (v Voice) Opinion() bool { return opinionLabel(v.Label) }

// opinionLabel reports whether a label introduces the writer's own view.
func opinionLabel(l string) bool {
	switch l {
	case "생각", "의견", "느낀점", "opinion", "think":
		return true
	}
	return false
}

// QuestionLabel reports whether a label ("Q", "질문", "궁금한 점") introduces
// the writer's question.
func QuestionLabel(l string) bool {
	switch l {
	case "q", "질문", "궁금한점":
		return true
	}
	return false
}

// readVoice computes the voice of a sentence from its raw text (with its
// label) and its morphemes. Without morphemes (the dictionary-free
// analyzer) only the surface signals are read.
func readVoice(raw string, ms []text.Morph) Voice {
	var v Voice
	v.Label = labelOf(raw)
	t := strings.TrimSpace(StripLabel(raw))
	v.Conclusion = conclusionMarked(t)
	q := strings.TrimRight(t, " .…)\"'”’")
	v.Question = strings.HasSuffix(q, "?") || strings.HasSuffix(q, "?,") || strings.Contains(q, ",,?") || strings.HasSuffix(q, "？")
	learn := false // the writer resolves to study something (see resolvesToLearn)
	for i, m := range ms {
		pos := m.POS
		first := pos
		if j := strings.IndexByte(pos, '+'); j >= 0 {
			first = pos[:j]
		}
		next := func(k int) text.Morph {
			if i+k < len(ms) {
				return ms[i+k]
			}
			return text.Morph{}
		}
		prev := func(k int) text.Morph {
			if i-k >= 0 {
				return ms[i-k]
			}
			return text.Morph{}
		}
		final := func(k int) bool { return finalPredicate(ms, i+k) }
		switch {
		case first == "NP" && (m.Surface == "나" || m.Surface == "저" || m.Surface == "내" || m.Surface == "제") && (i == 0 || m.Space) && (strings.HasPrefix(next(1).POS, "J") && !next(1).Space && ((m.Surface == "나" || m.Surface == "저") || next(1).Surface == "가") || (m.Surface == "내" || m.Surface == "제") && next(1).Space && strings.HasPrefix(next(1).POS, "NN") && !strings.HasPrefix(prev(1).POS, "NN") && !strings.HasPrefix(prev(1).POS, "S")):
			// 나는, 저도, 제가, 내 생각: a pronoun standing as a word,
			// not the 나 of "엔트로피나" or "나은지", nor the verb 내다
			// of "만들어 내는" or "결과를 내는" (the pronoun is 내가), nor the
			// auxiliary 나다 of "…만들고 나서야", which the dictionary reads
			// as the pronoun with 서
			v.FirstPerson = !anyoneFirst(ms, i) && !(m.Surface == "나" && hasTag(prev(1).POS, "EC") && prev(1).Surface == "고" && strings.HasPrefix(next(1).Surface, "서"))
		case first == "NNG" && m.Surface == "본인" && (i == 0 || hasTag(prev(1).POS, "MAJ") || strings.HasPrefix(prev(1).POS, "S")) && (hasTag(next(1).POS, "JX") || hasTag(next(1).POS, "JKS")):
			// "근데 본인은 …라는 입장이다": the writer naming themselves,
			// not "사용자 본인이 …", someone's own self
			v.FirstPerson = true
		case first == "NNB" && m.Surface == "것" && lemma(next(1)) == "같" && final(1):
			v.Hedge = true // 것 같다
		case first == "NNB" && m.Surface == "것" && lemma(next(1)) == "같" && clauseEnding(next(1), next(2)):
			v.HedgedClause = true // "…사용했던 것 같은데, …", "…좋을 것 같아서 …"
		case first == "NNB" && (m.Surface == "듯" || m.Surface == "듯이") && final(0):
			v.Hedge = true // 듯하다
		case first == "VX" && strings.HasPrefix(m.Surface, "싶") && final(0) && !propositive(ms) && !strings.Contains(m.Surface, "면") && !strings.Contains(next(1).Surface, "면") && !strings.HasPrefix(next(1).POS, "ETM"):
			if hasTag(prev(1).POS, "EC") && strings.HasSuffix(prev(1).Surface, "까") {
				v.Doubt = true // "과연 정답일까 싶다": the writer wonders, a question of their own
			} else if learningWish(ms, i) {
				v.Doubt = true // 더 공부하고 싶다, 알아보고 싶다: a study target, not a view
			} else {
				v.Hedge, v.Wish = true, true // 해 보고 싶다
			}
		case first == "NNG" && m.Surface == "생각" && !thirdPerson(ms) && !propositive(ms) && !signpostThink(next(1), next(2)) && !thoughtAbout(prev(1), next(1), next(2)) && !(thinksFrom(ms, prev(1)) && !strings.Contains(next(1).POS, "EC")) && (strings.HasPrefix(next(1).POS, "XSV") && final(1) && !strings.Contains(next(2).Surface, "면") && !(hasTag(next(1).POS, "ETM") && next(2).Surface == "수") && !strings.HasPrefix(next(1).Surface, "하면") && !strings.HasSuffix(next(1).Surface, "야") || (next(1).Surface == "이" || next(1).Surface == "도") && (strings.HasPrefix(next(2).Surface, "들") || strings.HasPrefix(next(2).Surface, "든")) && final(2)):
			v.Hedge = true // 생각한다, 생각이 든다, 생각도 든다; not 생각해야 한다, advice
		case first == "NNG" && m.Surface == "생각" && strings.HasSuffix(prev(1).POS, "ETM") && (strings.HasSuffix(prev(1).Surface, "다는") || strings.HasSuffix(prev(1).Surface, "라는")) && (next(1).Surface == "을" || next(1).Surface == "이" || next(1).Surface == "도") && final(1) && !thirdPerson(ms):
			v.Hedge = true // "…사용해야겠다는 생각을 했다", "…좋겠다는 생각이 들었다", "…것이라는 생각도 든다": the writer's reflection
		case first == "NNG" && m.Surface == "선호" && hasTag(next(1).POS, "XSV") && hasTag(next(2).POS, "ETM") && next(3).Surface == "편" && strings.HasPrefix(next(4).POS, "VCP") && final(4) && !thirdPerson(ms):
			v.Hedge = true // "…간편해서 선호하는 편임": the writer's own leaning
		case first == "NNG" && m.Surface == "생각" && i == lastContent(ms) && hasTag(prev(1).POS, "EC") && strings.HasSuffix(prev(1).Surface, "고") && !thirdPerson(ms):
			v.Hedge = true // "…와 같다고 생각": a note-style "생각한다"
		case first == "VV" && (strings.HasPrefix(m.Surface, "느끼") || strings.HasPrefix(m.Surface, "느꼈") || strings.HasPrefix(m.Surface, "느껴졌")) && final(0) && !thirdPerson(ms):
			v.Hedge = true // 느꼈다, and 느껴졌다: how it struck the writer (not 느껴질 수 있다, how it may strike anyone)
		case hasTag(pos, "EC") && strings.HasSuffix(m.Surface, "까") && i >= lastContent(ms) && (lemma(prev(1)) == "않" || strings.HasPrefix(prev(1).POS, "VCN")):
			v.Hedge = true // "…되지 않을까.." ends on a connective form
		case (first == "NNG" || first == "XR") && m.Surface == "중요" && i == lastContent(ms) && (prev(1).POS == "JKS" || prev(1).POS == "JX"):
			if advisoryNouns[prev(2).Surface] || prev(2).Surface == "것" {
				v.Recommend, v.Proposal = true, true // "…를 검증하는 절차 설계가 중요": advice in note style
			} else {
				v.Should = true // "…한 데이터가 중요": a requirement
			}
		case first == "NNG" && advisoryNouns[m.Surface] && i == lastContent(ms) && i > 0 && hasTag(prev(1).POS, "EC") && strings.HasSuffix(prev(1).Surface, "지") && !topicWord(ms):
			// not "X는 …하는지 평가": what X does
			v.Recommend, v.Proposal = true, true // "…를 따르는지 확인": a note-style instruction to check something
		case first == "NNG" && (m.Surface == "방법" || m.Surface == "전략") && goodModifier(ms, i) && (hasTag(next(1).POS, "VCP") && final(1) || hasTag(next(1).POS, "JX") && copulaThing(ms)):
			v.Recommend, v.Proposal = true, true // "…하는 것이 좋은 방법이다", "좋은 방법은 …하는 것이다"
		case m.Surface == "지" && (hasTag(pos, "EC") || hasTag(pos, "EF")) && i == lastContent(ms) && i > 0 && verbal(prev(1)) && asksWhy(ms[:i]):
			// "…라 안하고 왜 taget이라 하지", "이건 왜 필요하지": a why-question
			// in the spoken ending, with no question mark: the writer
			// wondering, not the book asking before it answers
			v.Question, v.Doubt = true, true
		case hasTag(pos, "EF") && (strings.HasSuffix(m.Surface, "까") || strings.HasSuffix(m.Surface, "나") || strings.HasSuffix(m.Surface, "냐")):
			// "…않을까", "아닐까": a hypothesis; "…할까?", "…하나?": a question
			if lemma(prev(1)) == "않" || strings.HasPrefix(prev(1).POS, "VCN") || strings.HasPrefix(m.Surface, "아닐") {
				v.Hedge = true
			}
			v.Question = v.Question || strings.HasSuffix(m.Surface, "까") && i >= len(ms)-2
		case hasTag(pos, "EF") && strings.HasSuffix(m.Surface, "가") && m.Surface != "가" || m.Surface == "가" && hasTag(pos, "EF") && strings.HasPrefix(prev(1).POS, "VCP"):
			v.Formal = true // …는가, …인가, …한가
		case first == "VV" && (strings.HasPrefix(m.Surface, "모르") || strings.HasPrefix(m.Surface, "몰랐")) && final(0) && (strings.HasPrefix(next(1).Surface, "겠") || v.FirstPerson || strings.HasPrefix(m.Surface, "몰랐")):
			v.Doubt = true // 모르겠다, (나는) 몰랐다
		case first == "VV" && strings.HasPrefix(m.Surface, "모르") && strings.HasPrefix(next(1).Surface, "겠") &&
			(hasTag(prev(1).POS, "EC") && whetherEnding(prev(1).Surface) || boundWhether(prev(1).Surface) && hasTag(prev(2).POS, "ETM")):
			// "이게 맞는진 모르겠는데 …", "여기에 속하는 건진 모르겠네요": whether
			// it holds, the writer does not know
			v.Doubt = true
		case hasTag(pos, "EP") && m.Surface == "겠" && next(1).Surface == "지" && (hasTag(next(1).POS, "EF") || hasTag(next(1).POS, "EC")) && i+1 >= lastContent(ms):
			v.Hedge = true // "…가능해지겠지": the writer's conjecture, in the spoken style books do not use
		case first == "NNG" && m.Surface == "개인" && next(1).Surface == "적" && strings.HasPrefix(next(2).Surface, "으로") && i <= 1:
			v.Hedge = true // 개인적으로 …: the writer's own view
		case first == "MAG" && (m.Surface == "어쩌면" || m.Surface == "아마" || m.Surface == "아마도"):
			v.Guess = true // a guess, the writer's or the book's
		case first == "NNG" && m.Surface == "해석" && strings.HasPrefix(next(1).POS, "XSV") && finalPredicate(ms, i+1):
			v.Guess = true // …로 해석할 수 있다: a reading, the writer's or the book's
		case first == "XR" && m.Surface == "궁금" && final(0):
			v.Doubt = true
		case first == "XR" && m.Surface == "궁금" && askedWhether(ms[:i]) && !thirdPerson(ms):
			// "…어떤 근거로 판단을 내릴지 뒷부분이 궁금해지는 서론이었다":
			// what the writer wonders, inside a longer sentence
			v.Doubt = true
		case first == "NNG" && (m.Surface == "의문" || m.Surface == "호기심") && next(1).POS == "JKS" && (strings.HasPrefix(next(2).Surface, "들") || strings.HasPrefix(next(2).Surface, "듬") || strings.HasPrefix(next(2).Surface, "든") || strings.HasPrefix(next(2).Surface, "생")) && final(2) && !thirdPerson(ms):
			v.Doubt = true // "…맞는가라는 의문이 듬", "…에 대해 호기심이 생겼다": the writer wonders
		case first == "VV" && strings.HasPrefix(m.Surface, "헷갈") && final(0) && !strings.Contains(m.Surface, "려하") && next(1).Surface != "하":
			v.Doubt = true
		case first == "NNG" && m.Surface == "이해" && negatedFinal(ms, i):
			v.Doubt = true // 이해가 안 된다, 이해하지 못했다
		case (first == "VV" && (m.Surface == "찾" || m.Surface == "알" || strings.HasPrefix(m.Surface, "알아") || strings.HasPrefix(m.Surface, "찾아") || m.Surface == "살펴")) && seeking(ms, i):
			v.Doubt = true // 찾아봐야겠다, 알아봐야 한다
		case first == "NNG" && m.Surface == "공부" && (next(1).Surface == "는" || next(1).Surface == "를" || next(1).Surface == "도") && strings.HasPrefix(next(2).Surface, "해야") && !thirdPerson(ms):
			v.Doubt = true // "…공부는 해야된다고 생각한다", "따로 공부를 해야겠다": the writer's study need
		case first == "NNG" && (m.Surface == "공부" || m.Surface == "조사") && seeking(ms, i) && prevSurface(ms, i, "더"):
			v.Doubt = true // 더 공부해봐야겠다
		case (first == "NNG" && (m.Surface == "공부" || m.Surface == "복습" || m.Surface == "학습" || m.Surface == "정리" && prevSurface(ms, i, "다시")) && (strings.HasPrefix(next(1).POS, "XSV") || strings.HasPrefix(next(1).Surface, "해야")) && !(m.Surface == "학습" && objectBefore(ms, i) && strings.HasPrefix(next(1).Surface, "해야")) || first == "VV" && strings.HasPrefix(m.Surface, "익혀")) && resolvesToLearn(ms, i) && !thirdPerson(ms):
			// "…익숙하게 사용할 수 있도록 학습해두자", "열심히 공부해야겠다",
			// "따로 익혀 둬야겠다": the writer's resolution to study it, a
			// study target; not "모델을 학습해야 한다", training a model
			v.Doubt, learn = true, true
		case first == "NNG" && m.Surface == "연습" && next(1).Surface == "이" && (next(2).Surface == "필요" || (next(2).Surface == "많이" || next(2).Surface == "더") && next(3).Surface == "필요"):
			v.Doubt = v.Doubt || hedgedAfter(ms, i) // "…적용하려면 연습이 많이 필요할 것 같다": the writer's study need
		case first == "XR" && m.Surface == "신기" || first == "VA" && (strings.HasPrefix(m.Surface, "놀라") || strings.HasPrefix(m.Surface, "놀랍") || strings.HasPrefix(m.Surface, "재밌") || strings.HasPrefix(m.Surface, "재미있")):
			if final(0) {
				v.Reaction = true
			}
		case (first == "XR" || first == "NNG") && (m.Surface == "신선" || m.Surface == "참신" || m.Surface == "의외") && final(0) && i > 0:
			// "…에서 사용한 방식이 신선했다", "결과가 의외였다": what struck
			// the writer as new or unexpected; "신선한 재료" describes
			v.Reaction = true
		case first == "NNG" && (m.Surface == "흥미" || m.Surface == "인상") && final(1):
			v.Reaction = true
		case (first == "NNG" || first == "XR") && (m.Surface == "짜증" || m.Surface == "답답" || m.Surface == "귀찮"):
			v.Reaction = true // "짜증 지대로다~": annoyance, which books do not voice
		case m.Surface == "자" && (hasTag(pos, "EF") && i >= len(ms)-2 || hasTag(pos, "EC") && onlyMarksAfter(ms, i)):
			// "…허용하자~": with a tilde after it, the dictionary reads the
			// propositive ending as a connective
			if !discourse(ms, i) && !supposes(prev(1), prev(2), prev(3)) {
				v.Recommend = true // 해 보자
				v.Try = prev(1).Surface == "보" && (hasTag(prev(1).POS, "VX") || strings.HasSuffix(prev(2).POS, "EC"))
			}
		case hasTag(pos, "EC") && strings.HasSuffix(m.Surface, "야") && final(0) && actionStem(pos, prev(1)):
			n := next(1)
			if !v.Doubt && (n.Surface == "" || strings.HasPrefix(n.Surface, "하") || strings.HasPrefix(n.Surface, "한") || strings.HasPrefix(n.Surface, "함") || strings.HasPrefix(n.Surface, "할") || strings.HasPrefix(n.Surface, "되") || strings.HasPrefix(n.Surface, "된") || strings.HasPrefix(n.Surface, "겠")) {
				if advisory(prev(1), prev(2)) {
					v.Recommend = true // 고려해야 한다, 테스트해야 한다
				} else {
					v.Should = true // 해야 한다, 되어야 한다
				}
			}
		case first == "NNG" && m.Surface == "필요" && hasTag(prev(1).POS, "ETM") && next(1).Surface == "는" && strings.HasPrefix(next(2).Surface, "없") && final(2) && !namedBefore(ms, i) && !groundedBefore(ms, i):
			// "…까지 추상화해서 어렵게 만들 필요는 없다": advice against doing
			// more than needed, worded as advice. "클라이언트는 …를 알 필요는
			// 없다" says what a named thing needs, and "…해 주면 …를 수정할
			// 필요가 없다", "…이니 …할 필요는 없다" what a mechanism or the
			// book's example spares: descriptions
			v.Recommend, v.Proposal = true, true
		case first == "NNG" && m.Surface == "필요" && hasTag(prev(1).POS, "ETM") && (next(1).Surface == "가" || next(1).Surface == "도") && strings.HasPrefix(next(2).Surface, "있") && final(2) && !namedBefore(ms, i) && !groundedBefore(ms, i):
			// "…먼저 결정한 후, …객체를 선택할 필요가 있다": an obligation,
			// as "…선택해야 한다" is; what a named thing needs is not
			v.Should = true
		case first == "NNG" && adviceNouns[m.Surface] && strings.HasSuffix(prev(1).Surface, "라는") && reportedAdvice(ms, i):
			v.Recommend = true // "…를 쓰라는 조언이 많다", "차라리 …로 써라… 라는 권고도 있다": advice the writer passes on
		case first == "NNG" && (m.Surface == "추천" || m.Surface == "권장" || m.Surface == "권고") && (final(1) || predicateNoun(ms, i+1)):
			v.Recommend = true // 권장한다, 권장된다, "…하지 말도록 권장되는 타입이다"
		case first == "NNB" && m.Surface == "것" && (next(1).Surface == "이" || next(1).Surface == "을") && betterWay[lemma(next(2))] && final(2):
			v.Recommend = true // 하는 것이 좋다, 쓰는 것이 낫다, 정의하는 것이 안전하다
		case (hasTag(pos, "EF") || hasTag(pos, "EC") && i == len(ms)-1) && (m.Surface == "라" || m.Surface == "어라" || m.Surface == "아라" || m.Surface == "여라") && (hasTag(prev(1).POS, "VV") || hasTag(prev(1).POS, "XSV") || hasTag(prev(1).POS, "VX")) && final(0):
			v.Recommend = true // "…이름을 정하라", "…를 사용하라": the written imperative (read as a connective with no full stop after it)
		case m.Surface == "게" && (m.POS == "NNB+JKS" || hasTag(pos, "EC")) && hasTag(prev(1).POS, "ETM") && betterAfter(ms, i):
			v.Recommend = true // "…를 쓰는 게 (더) 좋다/낫다/바람직": 것이 in speech
		case hasTag(pos, "EC") && m.Surface == "면" && lemma(next(1)) == "좋" && (final(1) || thoughtFinal(ms, i+1)) && !glossBefore(ms, i):
			v.Recommend = true // 하면 좋다, "…하면 좋을 것 같다는 생각을 했다"
		case hasTag(pos, "EC") && m.Surface == "면" && next(1).Surface == "도움" && (next(2).Surface == "이" || next(2).Surface == "가") && becomes(next(3).Surface) && (final(3) && hedgedAfter(ms, i+3) || thoughtFinal(ms, i+3)) && !glossBefore(ms, i):
			// "…에 집중하고 …를 이해하면 도움이 될 것 같다": what the writer
			// expects to help, advised; the book's "…를 알면 도움이 된다"
			// states what helps
			v.Recommend = true
		case first == "NNB" && m.Surface == "것" && i == lastContent(ms) && (strings.HasPrefix(prev(1).Surface, "할") || strings.HasSuffix(prev(1).Surface, "ㄹ") || strings.HasSuffix(prev(1).POS, "ETM") && (prev(1).Surface == "을" || prev(1).Surface == "ㄹ")) && !hasSubjectParticle(ms[:i]):
			// 확인할 것, 찾을 것; not "점수가 들쭉날쭉할 것", a
			// prediction about its subject
			v.Recommend = true
		case (first == "NNB" || first == "NNG") && m.Surface == "수" && lemma(next(1)) == "있" && final(1) && !pastAt(ms, i+2):
			// not "…생각해 볼 수 있었다": what the writer could do, told
			// 해 볼 수 있다: trying something is a proposal
			if p := prev(1); strings.HasPrefix(p.Surface, "써볼") || strings.HasPrefix(p.Surface, "해볼") || strings.HasPrefix(p.Surface, "볼") && strings.HasSuffix(prev(2).POS, "EC") && auxConnective(prev(2).Surface) {
				v.Recommend = true
			} else if actionBefore(ms, i) {
				v.Can = true // 고정할 수 있다: something one can do
			}
		}
	}
	if QuestionLabel(v.Label) {
		v.Question = true // "Q: …" marks the writer's question, worded or not as one
	}
	if ms != nil && !hasFinalVerb(withoutTrailingParen(ms)) && evaluative(ms) {
		v.Reaction = true // "흥미롭지만 처리량을 희생하는 보장": a reaction in note style, a noun phrase
	}
	v.Finding = v.Reaction && foundClause(ms)
	v.Doubt = v.Doubt || stillHard(ms) && !thirdPerson(ms)
	v.Realized = realized(t)
	v.Spoken = spoken(ms)
	v.Aside = aside(ms)
	v.Remark = !v.Aside && remark(ms)
	v.Analogy = analogy(t, ms)
	v.Queried = v.Question && statementQueried(ms)
	v.Verdict = verdict(ms)
	if ms == nil {
		v = surfaceVoice(t, v)
	}
	if v.Question || learn {
		// "…해야 할까?" asks, it does not recommend; "…익혀 두자" is the
		// writer's own study plan, no advice for a project
		v.Recommend, v.Should, v.Can = false, false, false
	}
	if v.Question && projectProposal(t) {
		// "우리 서비스의 재고 차감은 … 잠그는 게 안전하지 않을까?": a proposal
		// for the writer's own project, put as a question, is advice
		v.Question, v.Recommend, v.Proposal = false, true, true
	}
	v.Contrast = bookContrast(t)
	v.Reframe = reframes(t)
	if quotedGuess(t) {
		v.Hedge = true // "…아닐까..? 라는 추측.": the writer's own guess, quoted
	}
	return v
}

// reQuotedGuess matches a question the writer quotes as their guess or
// thought ("…위함이 아닐까..? 라는 추측", "…일까? 하는 생각이 든다").
var reQuotedGuess = regexp.MustCompile(`[까나][.…]*[?？]+[.…]*\s*(라는|하는|란)\s*(추측|생각|의문|궁금증|가설|느낌)`)

// quotedGuess reports a sentence that quotes a question as the writer's
// guess or thought.
func quotedGuess(t string) bool {
	return strings.ContainsAny(t, "?？") && (strings.Contains(t, "라는") || strings.Contains(t, "하는") || strings.Contains(t, "란")) && reQuotedGuess.MatchString(t)
}

// surfaceVoice reads the few signals that survive without morphology.
func surfaceVoice(t string, v Voice) Voice {
	l := strings.ToLower(t)
	for _, c := range []string{"것 같", "것같", "생각한다", "생각이 든", "느꼈", "않을까", "아닐까"} {
		if strings.Contains(l, c) {
			v.Hedge = true
		}
	}
	for _, c := range []string{"모르겠", "이해가 안", "헷갈", "궁금", "찾아봐야", "알아봐야"} {
		if strings.Contains(l, c) {
			v.Doubt = true
		}
	}
	for _, c := range []string{"해야 한다", "해야한다", "것이 좋", "하면 좋", "추천", "권장"} {
		if strings.Contains(l, c) {
			v.Recommend = true
		}
	}
	for _, c := range []string{"는가?", "인가?"} {
		if strings.HasSuffix(l, c) {
			v.Formal = true
		}
	}
	return v
}

// anyoneFirst reports a first person that stands for anyone: the clause
// it is the subject of is a condition ("내가 쉽게 만들면 남도 …") or a
// capacity ("내가 만들 수 있는 것은 …"), the book's way of saying "whoever
// does it". The writer's own "I" reports what they did, think or want
// ("내가 만든 서비스에서는", "내가 보기엔", "나는 …라고 생각한다").
func anyoneFirst(ms []text.Morph, i int) bool {
	for k := i + 2; k < len(ms) && k <= i+8; k++ {
		m := ms[k]
		switch {
		case hasTag(m.POS, "EC") && m.Surface == "게":
			continue // "쉽게": an adverb of the clause's verb
		case hasTag(m.POS, "EC"):
			return strings.HasSuffix(m.Surface, "면")
		case hasTag(m.POS, "ETM"):
			return k+2 < len(ms) && (ms[k+1].Surface == "수" || ms[k+1].Surface == "수도") && lemma(ms[k+2]) == "있"
		case hasTag(m.POS, "EF"), hasTag(m.POS, "ETN"), strings.HasPrefix(m.POS, "S") && m.POS != "SL" && m.POS != "SN":
			return false
		}
	}
	return false
}

// lemma returns the stem of a morpheme for comparisons: its surface
// without a trailing ending glued to it in contracted tags.
func lemma(m text.Morph) string {
	s := m.Surface
	if strings.HasPrefix(s, "같") {
		return "같"
	}
	if strings.HasPrefix(s, "좋") {
		return "좋"
	}
	if strings.HasPrefix(s, "않") {
		return "않"
	}
	if strings.HasPrefix(s, "있") {
		return "있"
	}
	return s
}

// firstTag is the first tag of a morpheme's POS ("VCP" of "VCP+EC").
func firstTag(pos string) string {
	p, _, _ := strings.Cut(pos, "+")
	return p
}

func hasTag(pos, tag string) bool {
	// A part of pos is never longer than pos: most calls end here.
	if len(pos) <= len(tag) {
		return pos == tag && strings.IndexByte(pos, '+') < 0
	}
	for {
		p, rest, more := strings.Cut(pos, "+")
		if p == tag {
			return true
		}
		if !more {
			return false
		}
		pos = rest
	}
}

// becomesHard reports whether a surface is 어려워지다 in any form
// ("어려워진다", "어려워졌다", "어려워질"): something becoming hard.
func becomesHard(s string) bool {
	rest, ok := strings.CutPrefix(s, "어려워")
	if !ok {
		return false
	}
	for _, p := range []string{"지", "진", "질", "짐", "집", "져", "졌"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// negatedFinal reports whether a negation (안, 못, 않다) of the morpheme at
// i stands in the sentence's final predicate.
func negatedFinal(ms []text.Morph, i int) bool {
	for k := i + 1; k < len(ms) && k <= i+4; k++ {
		s := ms[k].Surface
		if becomesHard(s) {
			return false // "…클수록 코드를 이해하기 어려워진다": what a cause does to a thing, not the writer's difficulty
		}
		if (s == "안" || s == "못" || strings.HasPrefix(s, "않") || strings.HasPrefix(s, "어렵") || strings.HasPrefix(s, "어려")) && finalPredicate(ms, k) {
			return true
		}
	}
	return false
}

// seeking reports whether the verb at i is followed, in the final
// predicate, by "봐야"/"보아야" (need to look it up).
// contentNouns head a clause that says what was found: "…다는 점",
// "…라는 사실", "…한 사례", "…는 부분".
var contentNouns = map[string]bool{"점": true, "사실": true, "사례": true, "부분": true, "결과": true}

// foundClause reports a sentence whose subject or topic is a clause
// headed by one of contentNouns ("…줄어든다는 사례가 가장 흥미로웠다").
func foundClause(ms []text.Morph) bool {
	for k := 1; k+1 < len(ms); k++ {
		if contentNouns[ms[k].Surface] && strings.HasSuffix(ms[k-1].POS, "ETM") && (ms[k+1].POS == "JKS" || ms[k+1].POS == "JX") {
			return true
		}
	}
	return false
}

// pastAt reports a past-tense ending at i ("있었다"): what happened, no
// proposal or way to act.
func pastAt(ms []text.Morph, i int) bool {
	return i < len(ms) && hasTag(ms[i].POS, "EP") && (strings.HasPrefix(ms[i].Surface, "었") || strings.HasPrefix(ms[i].Surface, "았"))
}

// verbal reports whether a morpheme is a verb or adjective stem, their
// suffix or an auxiliary: what an ending closes a predicate on.
func verbal(m text.Morph) bool {
	switch strings.Split(m.POS, "+")[0] {
	case "VV", "VA", "VX", "XSV", "XSA", "VCP", "EP":
		return true
	}
	return false
}

// asksWhy reports whether morphemes hold the interrogative adverb 왜 (or
// 어째서): with a spoken "…하지" at the end, the sentence asks why.
func asksWhy(ms []text.Morph) bool {
	for _, m := range ms {
		if hasTag(m.POS, "MAG") && (m.Surface == "왜" || m.Surface == "어째서") {
			return true
		}
	}
	return false
}

// learningVerbs are the stems of wanting to learn before "…고 싶다":
// 알다, 배우다, 찾아보다, 알아보다, 살펴보다, 파고들다, and the nouns of
// 공부하다, 이해하다, 조사하다, 탐구하다.
var learningVerbs = map[string]bool{
	"알": true, "배우": true, "찾아보": true, "알아보": true, "살펴보": true, "파고들": true,
	"공부": true, "이해": true, "조사": true, "탐구": true,
}

// learningWish reports whether the "싶" at i wants to learn something:
// the verb before its "고" is one of learningVerbs, directly or through
// "하" ("공부하고 싶다") or an auxiliary "보" ("찾아 보고 싶다",
// "공부해 보고 싶다").
func learningWish(ms []text.Morph, i int) bool {
	k := i - 1
	if k < 1 || !hasTag(ms[k].POS, "EC") || ms[k].Surface != "고" {
		return false
	}
	k--
	if ms[k].Surface == "보" && k >= 1 {
		k-- // 찾아 보고, 공부해 보고
		if hasTag(ms[k].POS, "EC") && k >= 1 && !strings.HasPrefix(ms[k].POS, "XSV") {
			k-- // "찾/VV 아/EC": the stem before the connective
			return learningVerbs[ms[k].Surface] || learningVerbs[ms[k].Surface+"아보"] || learningVerbs[ms[k].Surface+"어보"]
		}
	}
	if strings.HasPrefix(ms[k].POS, "XSV") && k >= 1 {
		k-- // 공부하고, 공부해 (XSV+EC)
	}
	return learningVerbs[ms[k].Surface]
}

// reLearningTodo ends a to-do of studying something ("…정리하기", "…공부하기",
// "…찾아보기", "…읽어 보기").
var reLearningTodo = regexp.MustCompile(`(정리|공부|학습|복습|이해|조사|파악|실습|확인|비교)\s?(하기|해 ?보기)$|(찾아|알아|살펴|읽어|파고들어|뜯어)\s?보기$|읽기$`)

// learningTodo reports whether an open task is one of studying something:
// "…정리하기" is; "블로그에 올리기" is no study target.
func learningTodo(body string) bool {
	return reLearningTodo.MatchString(strings.TrimRight(body, " .!…"))
}

var (
	// reSoftProposal proposes by asking: "…하는 게 낫지 않을까?", "…두면 좋지
	// 않을까?", "…나누는 건 어떨까?".
	reSoftProposal = regexp.MustCompile(`(게|것이|거|건)\s?(더\s)?(좋|낫|나을|안전하|바람직하)지\s?않을까|면\s?(더\s)?(좋|낫|나을)지\s?않을까|(는|은)\s?(건|게)\s?어떨까`)
	// reOwnProject names the writer's own project or work.
	reOwnProject = regexp.MustCompile(`우리\s?(서비스|프로젝트|팀|회사|시스템|앱|코드|백엔드|프론트)|(실무|현업|회사|업무|프로젝트)에서`)
)

// projectProposal reports a question that proposes something for the
// writer's own project ("우리 서비스의 주문 API는 … 잠그는 게 안전하지
// 않을까?"). The book asks the same way ("…협력을 설계하는 것이 더 좋지
// 않을까?") before it answers, about no project of the reader's.
func projectProposal(t string) bool {
	return reSoftProposal.MatchString(t) && reOwnProject.MatchString(t)
}

// objectBefore reports whether a morpheme before i is the object particle:
// "모델을 더 학습해야겠다" may train a model ("사용법을 학습해 두자" keeps
// what was learnt: the writer studies).
func objectBefore(ms []text.Morph, i int) bool {
	for k := 0; k < i; k++ {
		if hasTag(ms[k].POS, "JKO") {
			return true
		}
	}
	return false
}

// resolvesToLearn reports whether the learning verb at i (the noun of
// 공부하다, 학습하다, 복습하다, or 익혀) ends the sentence in the writer's
// resolution: "-어 두자" or "-어 둬야겠다" (keep it learnt) or "-어야겠다"
// (must, says the writer). "-어야 한다", a requirement anyone has, is
// not one.
func resolvesToLearn(ms []text.Morph, i int) bool {
	k := i
	if strings.HasPrefix(ms[i].POS, "NNG") {
		k = i + 1 // the 하 of 공부하다
	}
	if k >= len(ms) {
		return false
	}
	willing := func(j int) bool { // "겠" then the end: 해야겠다, 둬야겠다
		return j < len(ms) && ms[j].Surface == "겠" && hasTag(ms[j].POS, "EP") && finalPredicate(ms, j)
	}
	if strings.HasPrefix(ms[k].Surface, "해야") && k > i || k == i && strings.HasSuffix(ms[k].Surface, "야") {
		return willing(k + 1) // 공부해야겠다, 익혀야겠다
	}
	if k+1 >= len(ms) || !strings.HasPrefix(ms[k+1].POS, "VX") && !strings.HasPrefix(ms[k+1].POS, "VV") {
		return false // 두 is read as the auxiliary, or as a verb after a space
	}
	switch aux := ms[k+1].Surface; {
	case aux == "두" || aux == "둬":
		return k+2 < len(ms) && ms[k+2].Surface == "자" && k+2 >= lastContent(ms)
	case strings.HasPrefix(aux, "둬야") || strings.HasPrefix(aux, "두어야"):
		return willing(k + 2)
	}
	return false
}

func seeking(ms []text.Morph, i int) bool {
	for k := i; k < len(ms) && k <= i+4; k++ {
		if strings.Contains(ms[k].Surface, "봐야") || strings.Contains(ms[k].Surface, "보아야") || strings.Contains(ms[k].Surface, "볼") && strings.HasPrefix(ms[min(k+1, len(ms)-1)].Surface, "것") {
			return finalPredicate(ms, k)
		}
	}
	return false
}

// lookAhead reports whether a morpheme within n after i contains sub.
func lookAhead(ms []text.Morph, i, n int, sub string) bool {
	for k := i; k < len(ms) && k <= i+n; k++ {
		if strings.Contains(ms[k].Surface, sub) {
			return true
		}
	}
	return false
}

func prevSurface(ms []text.Morph, i int, s string) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if ms[k].Surface == s {
			return true
		}
	}
	return false
}

// predicateNoun reports a verb at i that qualifies the sentence's final
// predicate noun ("권장되는 타입이다", "추천하는 방법이다"): the verb,
// its adnominal ending, one noun and the copula closing the sentence.
func predicateNoun(ms []text.Morph, i int) bool {
	if i+3 >= len(ms) || !hasTag(ms[i].POS, "XSV") || ms[i+1].POS != "ETM" || !strings.HasPrefix(ms[i+2].POS, "NN") || !strings.HasPrefix(ms[i+3].POS, "VCP") {
		return false
	}
	return finalPredicate(ms, i+3)
}

// finalPredicate reports whether the morpheme at i stands in the
// sentence's last predicate: after it come only endings, auxiliaries, the
// light verbs of modality (하다, 되다, 같다, 있다, 싶다, 좋다) with their
// bound nouns (것, 수, 듯), and punctuation.
func finalPredicate(ms []text.Morph, i int) bool {
	for k := i + 1; k < len(ms); k++ {
		pos := ms[k].POS
		first := pos
		if j := strings.IndexByte(pos, '+'); j >= 0 {
			first = pos[:j]
		}
		surf := ms[k].Surface
		if hasTag(pos, "EF") && trailsOn(ms, k+1) {
			// "…잘 이해가 되진 않았다.. 스칼라가 …": the writer trailed off
			// and went on; the predicate before the dots is a final one
			return true
		}
		if !predicateTail(first, surf) {
			return false
		}
	}
	return true
}

// predicateTail reports a morpheme (its first tag and surface) that may
// follow a final predicate: endings, light verbs of modality, bound nouns,
// marks.
func predicateTail(first, surf string) bool {
	switch {
	case strings.HasPrefix(first, "E"), strings.HasPrefix(first, "XS"), first == "VX", first == "VCP", first == "VCN", first == "SF", first == "SE", strings.HasPrefix(first, "SS"), first == "SY", first == "SC", first == "JKS", first == "JKO", first == "JX":
	case first == "NNB" || first == "NNG" && (surf == "수" || surf == "것"):
	case (first == "VV" || first == "VA") && modalVerb(surf):
	case first == "MAG" && (surf == "안" || surf == "못" || surf == "잘"):
	default:
		return false
	}
	return true
}

// hedgedAfter reports a hedge after the predicate at i ("…될 것 같다",
// "…되겠다"): the writer's expectation, not the book's statement.
func hedgedAfter(ms []text.Morph, i int) bool {
	for k := i; k < len(ms); k++ {
		if strings.HasPrefix(ms[k].Surface, "같") && hasTag(ms[k].POS, "VA") || strings.Contains(ms[k].Surface, "겠") && hasTag(ms[k].POS, "EP") {
			return true
		}
	}
	return false
}

// becomes reports a form of 되다 ("될", "된다", "돼"), which the dictionary
// keeps whole with its ending.
func becomes(surf string) bool {
	r, _ := utf8.DecodeRuneInString(surf)
	return strings.ContainsRune("되될된됨돼됐", r)
}

// thoughtFinal reports whether the predicate at i closes the clause the
// writer's thought holds, and that thought ends the sentence ("…하면 좋을
// 것 같다는 생각을 했다", "…좋겠다는 생각이 들었다"): the predicate is the
// writer's as if it were final.
func thoughtFinal(ms []text.Morph, i int) bool {
	for k := i + 1; k < len(ms); k++ {
		first := firstTag(ms[k].POS)
		if first == "NNG" && ms[k].Surface == "생각" {
			return k > i+1 && finalPredicate(ms, k)
		}
		if !predicateTail(first, ms[k].Surface) {
			return false
		}
	}
	return false
}

// trailsOn reports dots that trail off after a final ending and words
// that go on after them ("…않았다.. 스칼라가 …", "…했다… 그런데 …").
func trailsOn(ms []text.Morph, k int) bool {
	dots, j := 0, k
	for ; j < len(ms) && strings.HasPrefix(ms[j].POS, "S") && ms[j].POS != "SL" && ms[j].POS != "SN"; j++ {
		dots += strings.Count(ms[j].Surface, ".") + 2*strings.Count(ms[j].Surface, "…")
	}
	return dots >= 2 && j < len(ms)
}

// modalVerb reports whether a verb surface is one of the light verbs that
// carry modality after the main predicate.
func modalVerb(s string) bool {
	for _, p := range []string{"하", "한", "할", "함", "했", "해", "되", "된", "될", "됨", "됐", "돼", "같", "있", "없", "싶", "좋", "보", "봐", "볼", "들"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// lastContent is the index of the last morpheme that is not punctuation.
func lastContent(ms []text.Morph) int {
	for k := len(ms) - 1; k >= 0; k-- {
		if !strings.HasPrefix(ms[k].POS, "S") || ms[k].POS == "SL" || ms[k].POS == "SH" || ms[k].POS == "SN" {
			return k
		}
	}
	return -1
}

// conclusionMarked reports whether a sentence opens with a marker by which
// the writer draws their own conclusion.
func conclusionMarked(t string) bool {
	for _, p := range []string{"=>", "->", "→", "⇒", "∴", "즉,", "즉 ", "결국", "결론적으로", "정리하면", "정리하자면", "요약하면", "요약하자면", "종합하면", "종합하자면", "요컨대", "한마디로"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// reframes reports a sentence that sets one way of seeing a thing against
// another and says how to see it ("A라기 보단 B로 이해하는 게 쉽다", "…로
// 보는 게 맞다"); "A라기보다는 B에 가깝다" says what it is, as books do.
func reframes(t string) bool {
	if sumsUp(t) {
		return true
	}
	for _, p := range []string{"라기 보단", "라기보단", "라기 보다는", "라기보다는", "라기 보다", "라기보다"} {
		if i := strings.Index(t, p); i > 0 {
			rest := t[i+len(p):]
			for _, w := range []string{"이해하", "이해하는", "보는 게", "보는게", "보는 것이", "생각하", "받아들이"} {
				if strings.Contains(rest, w) {
					return true
				}
			}
		}
	}
	return false
}

// sumsUp reports whether the writer sums a thing up as another, in the
// end or in effect ("…같은 말이라고 볼 수 있는데, 결국 공통 로직을
// 추상화하는 과정이라고 볼 수 있다"): a way of seeing it, as a reframe is.
func sumsUp(t string) bool {
	for _, see := range []string{"라고 볼 수 있", "으로 볼 수 있", "로 볼 수 있"} {
		i := strings.Index(t, see)
		if i < 0 {
			continue
		}
		for _, w := range []string{"결국 ", "사실상 ", "결국은 "} {
			if j := strings.Index(t, w); j >= 0 && j < i {
				return true
			}
		}
	}
	return false
}

// bookContrast reports whether the writer sets their view against the
// book's or the author's: "책에서는 … 했지만/했으나 …".
func bookContrast(t string) bool {
	i := -1
	for _, p := range []string{"책에서는", "책에선", "저자는", "저자가", "책은", "본문에서는", "책의 설명"} {
		if j := strings.Index(t, p); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i < 0 {
		return false
	}
	rest := t[i:]
	for _, c := range []string{"지만", "으나", "했으나", "는데", "데,", "반면", "하지만", "그러나", "오히려"} {
		if strings.Contains(rest, c) {
			return true
		}
	}
	return false
}

// labelOf returns the normalised label a sentence starts with ("Q:",
// "💡 개인적인 생각:" → "생각"), or "".
func labelOf(raw string) string {
	if !mayHaveLabel(raw) {
		return ""
	}
	m := labelPrefix.FindStringSubmatch(raw)
	if m == nil || len(m) < 2 || m[1] == "" {
		return ""
	}
	l := strings.ToLower(strings.ReplaceAll(m[1], " ", ""))
	switch {
	case strings.HasPrefix(l, "q"):
		return "q"
	case strings.Contains(l, "생각"):
		return "생각"
	case strings.Contains(l, "느낀"):
		return "느낀점"
	case strings.Contains(l, "궁금"):
		return "궁금한점"
	case l == "+":
		return "추가" // "+) …": the writer's own addition to the book
	}
	if utf8.RuneCountInString(l) > 12 {
		return ""
	}
	return l
}

// actionStem reports whether the predicate an obligation ending ("-아야")
// attaches to is an action (a verb, a verbal noun with 하다), not a state
// ("짧아야 한다", "있어야 한다": a requirement, not something to do).
func actionStem(pos string, prev text.Morph) bool {
	parts := strings.Split(pos, "+")
	if len(parts) > 1 {
		switch parts[0] {
		case "VV", "XSV", "VX":
			return true
		}
		return false
	}
	switch strings.Split(prev.POS, "+")[0] {
	case "VV", "XSV", "VX":
		return !strings.HasPrefix(prev.Surface, "있") && !strings.HasPrefix(prev.Surface, "없")
	}
	return false
}

// advisoryNouns are actions an obligation ending turns into advice: to
// consider, check, test, compare, design or choose something.
var advisoryNouns = map[string]bool{"고려": true, "검토": true, "확인": true, "점검": true, "측정": true, "테스트": true, "실험": true, "비교": true,
	"설계": true, "선택": true, "파악": true, "모니터링": true, "관리": true, "기록": true, "문서화": true, "준비": true,
	"검증": true, "평가": true, "고민": true, "계획": true, "점검해": true}

// advisory reports whether the stem before an obligation ending is an
// advisory action: "고려(해야)", "테스트(해야)".
func advisory(prev, prev2 text.Morph) bool {
	if strings.HasPrefix(prev.POS, "XSV") || prev.Surface == "해" || prev.Surface == "하" {
		return advisoryNouns[prev2.Surface]
	}
	return advisoryNouns[prev.Surface]
}

// thirdPerson reports a sentence whose subject is someone other than the
// writer: "일부 기업은 …라고 생각한다", "어떤 사람들은 …".
func thirdPerson(ms []text.Morph) bool {
	for i, m := range ms {
		if (m.POS == "JX" || m.POS == "JKS") && i > 0 {
			p := ms[i-1]
			if selfPronoun(p) {
				return false
			}
			switch p.Surface {
			case "사람", "사람들", "기업", "회사", "연구자", "연구자들", "저자", "일부", "전문가", "개발자", "개발자들", "누군가", "많은", "팀":
				return true
			}
			if strings.HasSuffix(p.Surface, "들") {
				return true
			}
		}
	}
	return false
}

// auxConnective reports whether a connective ending links a verb to an
// auxiliary ("해 보다", "써 보다"), as opposed to a quotation or a clause
// ("…라고 보다", "…하게 보다").
func auxConnective(s string) bool {
	r := []rune(s)
	if len(r) == 0 {
		return false
	}
	last := r[len(r)-1]
	if last < 0xAC00 || last > 0xD7A3 || (last-0xAC00)%28 != 0 {
		return false // a final consonant: not 아/어/해
	}
	switch (last - 0xAC00) / 28 % 21 { // the vowel
	case 0, 1, 4, 5, 6, 9, 14: // ㅏ ㅐ ㅓ ㅔ ㅕ ㅘ ㅝ
		return true
	}
	return false
}

// namedBefore reports a subject or topic (이/가, 은/는) before ms[i]: the
// sentence says something of a thing it names.
func namedBefore(ms []text.Morph, i int) bool {
	for _, m := range ms[:i] {
		if hasTag(m.POS, "JKS") || m.POS == "JX" && (m.Surface == "은" || m.Surface == "는") {
			return true
		}
	}
	return false
}

// groundedBefore reports a condition or a reason before ms[i] ("…하면",
// "…이니", "…므로", "…때문에").
func groundedBefore(ms []text.Morph, i int) bool {
	for _, m := range ms[:i] {
		if hasTag(m.POS, "EC") && (strings.HasSuffix(m.Surface, "면") || strings.HasSuffix(m.Surface, "니") || strings.HasSuffix(m.Surface, "므로")) || m.Surface == "때문" {
			return true
		}
	}
	return false
}

// signpostThink reports the two morphemes after "생각" as "해본다",
// "해 보겠다" or "해 보도록 …" (the surfaces joined, so spacing aside): a
// text announcing what it will think about ("…좀 더 깊이 있게
// 생각해본다"), not the writer saying what they think; "생각해 봤다" and
// "생각해 보게 되었다" are the writer's.
func signpostThink(n1, n2 text.Morph) bool {
	t := n1.Surface + n2.Surface
	for _, p := range []string{"해본다", "해봅시다", "해보겠", "해보도록"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// betterAfter reports "좋다", "낫다" or "바람직하다", after an optional
// "더", as the final predicate after the morpheme at i.
func betterAfter(ms []text.Morph, i int) bool {
	k := i + 1
	if k < len(ms) && ms[k].Surface == "더" {
		k++
	}
	if k >= len(ms) {
		return false
	}
	m := ms[k]
	if !strings.HasPrefix(m.Surface, "좋") && !strings.HasPrefix(m.Surface, "낫") && !strings.HasPrefix(m.Surface, "나은") && m.Surface != "바람직" {
		return false
	}
	for _, r := range ms[k+1:] {
		if !(strings.HasPrefix(r.POS, "E") || strings.HasPrefix(r.POS, "S") || strings.HasPrefix(r.POS, "XS")) {
			return false // "…게 좋다고 한다": someone else's advice, reported
		}
	}
	return true
}

// glossBefore reports "…라고 보면" or "…로 보면" before the "면" at i
// ("스프링 전용 설정정보라고 보면 좋다"): a way to picture what the sentence
// names, a gloss of it, no advice to do anything.
func glossBefore(ms []text.Morph, i int) bool {
	if i < 2 || lemma(ms[i-1]) != "보" {
		return false
	}
	q := ms[i-2]
	return hasTag(q.POS, "EC") && strings.HasSuffix(q.Surface, "고") || hasTag(q.POS, "JKB") && (q.Surface == "로" || q.Surface == "으로")
}

// thoughtAbout reports "…에 대해 생각해 봤다" (p1 the "대해"/"관해" before
// 생각, n1 and n2 the two morphemes after it): the writer or the text says
// what it has thought about, not what it thinks of it ("지금까지는 … 분리의
// 문제에 대해 생각해봤다"); "…라고 생각해 봤다" keeps a view.
func thoughtAbout(p1, n1, n2 text.Morph) bool {
	t := n1.Surface + n2.Surface
	if !strings.HasPrefix(t, "해봤") && !strings.HasPrefix(t, "해보았") {
		return false
	}
	return strings.HasPrefix(p1.Surface, "대해") || strings.HasPrefix(p1.Surface, "관해")
}

// thinksFrom reports "생각한다" after a place or an object ("…관점에서
// 생각한다", "…를 먼저 생각한다") in a sentence with no first person: how
// an approach or anyone thinks about something, not the writer's "…라고
// 생각한다".
func thinksFrom(ms []text.Morph, p1 text.Morph) bool {
	if !hasTag(p1.POS, "JKB") && !hasTag(p1.POS, "JKO") {
		return false
	}
	return !slices.ContainsFunc(ms, selfPronoun)
}

// selfPronoun reports the writer's pronoun: 나, 저, 내, 제, 우리.
func selfPronoun(m text.Morph) bool {
	return m.POS == "NP" && (m.Surface == "나" || m.Surface == "저" || m.Surface == "내" || m.Surface == "제" || m.Surface == "우리")
}

// supposes reports the three morphemes before a closing "자" as "…다고
// 해 보자" or "…라고 하자": the text sets up a scenario ("…를 파악하고
// 싶다고 해보자"), it proposes nothing.
func supposes(p1, p2, p3 text.Morph) bool {
	if p1.Surface == "보" {
		return strings.HasPrefix(p2.Surface, "해") && hasTag(p3.POS, "EC") && strings.HasSuffix(p3.Surface, "고")
	}
	return p1.Surface == "하" && hasTag(p2.POS, "EC") && strings.HasSuffix(p2.Surface, "고")
}

// propositive reports a sentence that ends inviting the reader ("…를
// 생각해 보자", "…하자"): a "생각" in it is the text's invitation, not the
// writer saying what they think.
func propositive(ms []text.Morph) bool {
	i := lastContent(ms)
	return i >= 0 && hasTag(ms[i].POS, "EF") && ms[i].Surface == "자"
}

// discourseStems are verbs a book uses to move on ("논의하자", "살펴보자"):
// a hortative ending on them announces a section, it proposes nothing.
var discourseStems = []string{"논의", "정의", "살펴", "살펴보", "알아보", "알아", "이야기", "다루", "다뤄", "정리", "시작", "넘어가", "보"}

// whetherEnding reports a connective ending of "whether" ("맞는지",
// "맞는진", "옳은지", "무엇인지"), not the "ㄹ지" of "필요할지 모르겠지만",
// which hedges ("may").
func whetherEnding(e string) bool {
	for _, p := range []string{"는지", "는진", "은지", "은진", "인지", "인진", "던지", "던진"} {
		if strings.HasPrefix(e, p) {
			return true
		}
	}
	return false
}

// askedWhether reports an indirect question among ms ("…판단을 내릴지",
// "어떻게 구현하는지"): a connective ending in 지 after a verb's stem, not
// the 지 of a negation ("하지 않다").
func askedWhether(ms []text.Morph) bool {
	for _, m := range ms {
		// The dictionary reads the 지 of a negation as an ending of its
		// own ("갱신되/지/않는"); an indirect question's ending holds the
		// stem's last syllable ("내릴지") or the modifier ("는지").
		if hasTag(m.POS, "EC") && strings.HasSuffix(m.Surface, "지") && utf8.RuneCountInString(m.Surface) >= 2 && !strings.HasSuffix(m.Surface, "하지") {
			return true
		}
	}
	return false
}

// boundWhether reports the bound noun's "whether" after a modifier ("속하는
// 건진", "맞는 건지": 거 + 이 + ㄴ지), which the dictionary reads as one word.
func boundWhether(w string) bool {
	switch w {
	case "건지", "건진", "것인지", "것인진":
		return true
	}
	return false
}

// textParts are the parts of a text a book turns to ("예시를 보자", "아래
// 코드를 보자").
var textParts = set("예 예시 예제 코드 그림 표 사례 다음 아래 위 결과 구조 흐름 과정 부분 내용")

func discourse(ms []text.Morph, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		for _, d := range discourseStems {
			if strings.HasPrefix(ms[k].Surface, d) && (k == i-1 || strings.HasPrefix(ms[k].POS, "NNG") || strings.HasPrefix(ms[k].POS, "VV")) {
				if d == "보" {
					// "예시를 보자" turns to a part of the text; "해 보자"
					// tries something; "살펴보자" is reached above
					if k == i-1 && k >= 2 && hasTag(ms[k-1].POS, "JKO") && textParts[ms[k-2].Surface] {
						return true
					}
					continue
				}
				return true
			}
		}
	}
	return false
}

// analogy reports a comparison the writer draws: "…하는 것처럼", "마치 …".
func analogy(t string, ms []text.Morph) bool {
	if strings.Contains(t, "마치 ") || strings.Contains(t, "비유하") || strings.Contains(t, "비유하면") {
		return true
	}
	for i, m := range ms {
		if m.Surface == "처럼" && i > 0 && ms[i-1].Surface == "것" && !(i+1 < len(ms) && pretends(ms[i+1].Surface)) && !refersBack(ms, i-1) && !asIfNot(ms, i-1) {
			return true
		}
	}
	return false
}

// refersBack reports a "…것처럼" whose clause tells where the point was
// made ("이전에 설명했던 것처럼", "책에서 말한 것처럼", "앞에서 살펴본
// 것처럼"): a pointer back to the book's text, not a likeness the writer
// draws. k is the position of 것.
func refersBack(ms []text.Morph, k int) bool {
	j := stemBefore(ms, k)
	if j < 0 {
		return false
	}
	w := ms[j]
	switch {
	case strings.HasPrefix(w.POS, "NN"):
		// 설명했던, 말한, 정리한, 언급한, 소개한
		return j < k-1 && tellingNouns[w.Surface]
	case strings.HasPrefix(w.POS, "VV"):
		for _, v := range []string{"살펴", "본", "봤", "보았", "배운", "배웠", "다룬", "다뤘", "말한", "말했", "나온", "나왔", "언급"} {
			if strings.HasPrefix(w.Surface, v) {
				return true
			}
		}
	}
	return false
}

// asIfNot reports a "…지 않은 것처럼", "…없었던 것처럼": as if something had
// not happened ("작업이 시작되지 않은 것처럼 초기 상태로 돌려놓는다"), the
// state code restores or fakes, not a likeness. k is the position of 것.
func asIfNot(ms []text.Morph, k int) bool {
	j := stemBefore(ms, k)
	if j < 0 || j == k-1 {
		return false
	}
	w := ms[j]
	return w.Surface == "않" && hasTag(w.POS, "VX") || w.Surface == "없" && hasTag(w.POS, "VA") || strings.HasPrefix(w.POS, "VCN")
}

// stemBefore returns the position of the stem whose clause modifies the 것
// at k, past the endings and 하다 suffix between them (했/XSV+EP 던/ETM,
// 한/XSA+ETM); -1 when there is none.
func stemBefore(ms []text.Morph, k int) int {
	j := k - 1
	for j >= 0 && endingOnly(ms[j].POS) {
		j--
	}
	return j
}

// endingOnly reports a morpheme of endings and the 하다 suffix only (던/ETM,
// 했/XSV+EP, 한/XSA+ETM), which stands between a stem and 것.
func endingOnly(pos string) bool {
	switch strings.SplitN(pos, "+", 2)[0] {
	case "ETM", "EP", "XSV", "XSA":
		return true
	}
	return false
}

// tellingNouns are the nouns of telling or showing that, with 하다, say
// where a point was made: "앞에서 설명한 것처럼".
var tellingNouns = map[string]bool{"설명": true, "말": true, "언급": true, "정리": true, "소개": true, "서술": true, "기술": true, "강조": true}

// pretends reports a verb after "…것처럼" that makes a thing seem or act as
// if ("예외가 발생하지 않은 것처럼 만든다", "…있는 것처럼 동작한다"): how
// code behaves, no likeness the writer draws.
func pretends(w string) bool {
	for _, v := range []string{"만들", "만든", "만드", "보이", "보인", "보여", "동작", "작동", "행동", "처리", "취급", "다루", "속이", "꾸미", "가장", "위장"} {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// actionBefore reports whether the morpheme before position i (the bound
// noun 수) closes an action verb: "고정할", "저장해서 해결할", not "클",
// "높을" (states) or "될" (becoming).
func actionBefore(ms []text.Morph, i int) bool {
	if i < 1 {
		return false
	}
	p := ms[i-1]
	parts := strings.Split(p.POS, "+")
	switch parts[0] {
	case "XSV":
		return true
	case "VV":
		// "…임을 알 수 있다" says what a reader can tell, the book
		// showing something: no action.
		return !strings.HasPrefix(p.Surface, "될") && !strings.HasPrefix(p.Surface, "있") && !strings.HasSuffix(p.Surface, "될") && p.Surface != "알"
	}
	if len(parts) == 1 && strings.HasSuffix(p.POS, "ETM") && i >= 2 {
		return strings.HasPrefix(ms[i-2].POS, "XSV") || strings.HasPrefix(ms[i-2].POS, "VV")
	}
	return false
}

// goodModifier reports whether the noun at i is modified by "좋은" or
// "효과적인": a way the writer recommends.
func goodModifier(ms []text.Morph, i int) bool {
	if i < 2 || !strings.HasSuffix(ms[i-1].POS, "ETM") {
		return false
	}
	p := ms[i-2]
	return strings.HasPrefix(p.POS, "VA") && strings.HasPrefix(p.Surface, "좋") || p.Surface == "효과" || p.Surface == "적" && i >= 3 && ms[i-3].Surface == "효과"
}

// copulaThing reports a sentence ending in "…것이다": what something is
// said to be is an act.
func copulaThing(ms []text.Morph) bool {
	i := lastContent(ms)
	for k := i; k > 0 && k >= i-2; k-- {
		if hasTag(ms[k].POS, "VCP") {
			return ms[k-1].Surface == "것"
		}
	}
	return false
}

// evaluativeStems are the stems by which a writer reacts to what they
// read, with the tag each has in the dictionary.
var evaluativeStems = map[string]string{"흥미": "NNG", "인상": "NNG", "신기": "XR", "의외": "NNG", "놀랍": "VA", "놀라": "VA", "재밌": "VA", "재미있": "VA", "아쉽": "VA", "아쉬": "VA"}

// evaluativeStemList is evaluativeStems as a list (see pointStemList).
var evaluativeStemList = stemList(evaluativeStems)

// evaluative reports whether morphemes hold a stem of reaction
// (흥미롭다, 놀랍다, 아쉽다 …), by its part of speech, as a predicate of
// the writer's ("흥미롭지만 …", "…는 의외"), not as a modifier of a noun
// ("놀라운 속도", "흥미로운 예로는": the book's praise).
func evaluative(ms []text.Morph) bool {
	for k, m := range ms {
		first := m.POS
		if j := strings.IndexByte(first, '+'); j >= 0 {
			first = first[:j]
		}
		for _, st := range evaluativeStemList {
			if stem, p := st.stem, st.tag; first == p && (m.Surface == stem || p == "VA" && strings.HasPrefix(m.Surface, stem)) && !modifies(ms, k) {
				return true
			}
		}
	}
	return false
}

// aside reports a bracketed remark closing a sentence that sets it against
// something else: a negation ("(캐시되는 값이 아님)"), an addition
// ("(이것도 학습되는 값)") or both ways at once ("(강점이자 약점)"). A gloss,
// a translation or an example ("(점수)", "(data coverage)", "(예: …)")
// is none.
func aside(ms []text.Morph) bool {
	_, in := closingBracket(ms)
	if len(in) < 2 || in[0].Surface == "예" || strings.HasPrefix(in[0].POS, "S") && in[0].POS != "SL" {
		return false
	}
	for k, m := range in {
		switch {
		case hasTag(m.POS, "VCN"):
			return true // "…이 아님"
		case m.POS == "JX" && m.Surface == "도" && k <= 1 && (strings.HasPrefix(in[0].POS, "NP") || strings.HasPrefix(in[0].POS, "NN")):
			return true // "(얘도 …)", "(이것도 …)"
		case hasTag(m.POS, "VCP") && k+1 < len(in) && hasTag(m.POS+"+"+in[k+1].POS, "EC") && strings.HasPrefix(in[k+1].Surface, "자") && k+2 < len(in) && strings.HasPrefix(in[k+2].POS, "NN"):
			return true // "(강점이자 약점)": both at once
		}
	}
	return false
}

// ownRemark reports the voice of a bracketed sentence that is the
// writer's remark on the sentence before it: a hedge, a question or doubt,
// a reaction, a turn against it, a conclusion drawn from it, or the
// first person. A bracket with none of these ("(…를 사용한다.)", "(…이
// 묶임)") glosses the line, as books do.
func ownRemark(v Voice) bool {
	return v.Hedge || v.Question || v.Doubt || v.Reaction || v.Contrast || v.Conclusion || v.FirstPerson
}

// remark reports a bracketed clause closing a sentence that comments on
// the statement before it (see Voice.Remark): a clause of its own (see
// remarkClause) after a statement that trails off ("…이다.. (…)"), or one
// that turns against the statement ("(하지만 …)", "(…, But, …)").
func remark(ms []text.Morph) bool {
	core, in := closingBracket(ms)
	return len(in) > 0 && remarkClause(in) && (trailsOff(core) || turnsWithin(in))
}

// closingBracket splits a sentence that closes with a bracketed remark
// into the sentence before it and the remark's inside, without the
// brackets and the punctuation after it; in is empty when the sentence
// closes with none.
func closingBracket(ms []text.Morph) (core, in []text.Morph) {
	core = withoutTrailingParen(ms)
	if len(core) == len(ms) || len(core) == 0 {
		return ms, nil
	}
	in = ms[len(core)+1:]
	for len(in) > 0 && strings.HasPrefix(in[len(in)-1].POS, "S") && in[len(in)-1].POS != "SL" && in[len(in)-1].POS != "SN" {
		in = in[:len(in)-1] // the closing bracket and punctuation
	}
	return core, in
}

// remarkClause reports whether the inside of a closing bracket is a
// clause of its own: it has an argument (a noun with its particle) and
// ends in a predicate with a final ending ("…다르게 매긴다.", "…할 수는
// 없다") or a nominal one ("…자주 바뀜"). A gloss, a translation or a list
// ("(점수)", "(data coverage)", "(빈칸 채우기)", "(A, B, C)") has no
// particle or no such ending; an example ("예: …", "e.g. …"), a pointer to
// another chapter ("(5장에서 다룸)") and a second name ("…라고 부른다") are
// no comment either.
func remarkClause(in []text.Morph) bool {
	if len(in) < 3 || exampleWord(in[0].Surface) {
		return false
	}
	end := lastContent(in)
	if end < 1 {
		return false
	}
	last := in[end]
	final := hasTag(last.POS, "EF") || hasTag(last.POS, "ETN") || hasTag(last.POS, "EC") && strings.HasSuffix(last.Surface, "다")
	if !final {
		return false
	}
	argument := false
	var b strings.Builder
	for k, m := range in {
		switch firstTag(m.POS) {
		case "JKS", "JKO", "JKB", "JKC", "JX":
			argument = argument || k > 0 && !strings.HasPrefix(in[k-1].POS, "S")
		}
		if m.Space {
			b.WriteByte(' ')
		}
		b.WriteString(m.Surface)
	}
	t := b.String()
	return argument && hasAny(t, expositionSet) == 0 && !namingCueSet.Any(t)
}

// exampleWord reports a word that opens an example or a restatement
// ("예", "e.g", "ex", "i.e"): an example label (exampleLabel) with its
// closing punctuation.
func exampleWord(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ".)"))
	return exampleLabel(w) || w == "i.e" || w == "ie"
}

// trailsOff reports a statement that ends in a predicate and then trails
// off in note-style punctuation ("…이다..", "…이다…", "…이다,,", "…이다
// ㅋㅋ"). Books end sentences so too (a pasted "…경향이 있다.."), so this
// is never a mark of the writer's voice alone: it only supports a bracketed
// clause that follows it (see remarkClause).
func trailsOff(core []text.Morph) bool {
	i := len(core) - 1
	dots, commas, trail := 0, 0, false
	for ; i >= 0; i-- {
		m := core[i]
		switch {
		case m.Surface == ".":
			dots++
			continue
		case m.Surface == ",":
			commas++
			continue
		case strings.Contains(m.Surface, "…") || strings.Contains(m.Surface, "⋯"):
			trail = true
			continue
		case hasTag(m.POS, "IC") && laughter(m.Surface):
			trail = true
			continue
		}
		break
	}
	if !trail && dots < 2 && commas < 2 || i < 0 {
		return false
	}
	p := core[i].POS
	return hasTag(p, "EF") || hasTag(p, "EC") || hasTag(p, "ETN")
}

// colloquials are intensifiers of speech that books do not print.
var colloquials = map[string]bool{"진짜": true, "되게": true, "엄청": true, "개꿀": true, "개꿀팁": true, "겁나": true, "존나": true}

// spoken reports a sentence with a colloquial intensifier or the
// exclamatory ending -네(요) (see Voice.Spoken).
func spoken(ms []text.Morph) bool {
	for _, m := range ms {
		if colloquials[m.Surface] && (hasTag(m.POS, "MAG") || strings.HasPrefix(m.POS, "NN")) {
			return true
		}
	}
	// "…에러바운더리까지 전해지진 않았네요", "…정말 유용하네": the
	// exclamatory ending of someone noticing something as they write,
	// which books do not use; not one on "이건", "그게" ("이건 정말
	// 유용하네요" is about the line above it, which says what)
	if i := lastContent(ms); i >= 0 && hasTag(ms[i].POS, "EF") && (ms[i].Surface == "네요" || ms[i].Surface == "네") && !opensOnPronoun(ms) {
		return true
	}
	return false
}

// opensOnPronoun reports a sentence whose first word is a demonstrative
// pronoun ("이건", "그게", "이것은"): it is about what the line above says.
func opensOnPronoun(ms []text.Morph) bool {
	if len(ms) == 0 || !strings.HasPrefix(ms[0].POS, "NP") {
		return false
	}
	w := ms[0].Surface
	return strings.HasPrefix(w, "이") || strings.HasPrefix(w, "그") || strings.HasPrefix(w, "저")
}

// laughter reports a run of the jamo notes use for laughing or crying
// ("ㅋㅋ", "ㅎㅎ", "ㅠㅠ").
func laughter(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("ㅋㅎㅠㅜ", r) {
			return false
		}
	}
	return true
}

// turnsWithin reports a bracketed clause that turns against the sentence
// it closes: it opens with a contrast (contrastTurners, "(But, …)"), or one of
// its comma-separated parts does ("(…할 때, 그러나 …)").
func turnsWithin(in []text.Morph) bool {
	for k := range in {
		if k > 0 && in[k-1].Surface != "," {
			continue
		}
		// The part's first word, however the dictionary split it
		// ("하지만" may come as 하 + 지만).
		w := in[k].Surface
		for j := k + 1; j < len(in) && !in[j].Space && !strings.HasPrefix(in[j].POS, "S"); j++ {
			w += in[j].Surface
		}
		if w = strings.ToLower(w); w == "but" || w == "however" || slices.Contains(contrastTurners, w) {
			return true
		}
	}
	return false
}

// modifies reports whether the stem at k ends in a modifier ending (ETM),
// on itself or on the suffix after it: it describes the noun that follows.
func modifies(ms []text.Morph, k int) bool {
	for j := k; j < len(ms) && j <= k+1; j++ {
		if strings.HasSuffix(ms[j].POS, "ETM") {
			return true
		}
		if j > k && !strings.HasPrefix(ms[j].POS, "XS") && !strings.HasPrefix(ms[j].POS, "E") {
			break
		}
	}
	return false
}

// topicWord reports whether a noun or a Latin word carries the topic
// marker 은/는, however the dictionary tagged the marker ("RoleLLM은").
func topicWord(ms []text.Morph) bool {
	for k := 1; k < len(ms); k++ {
		if (ms[k].Surface == "은" || ms[k].Surface == "는") && !hasTag(ms[k].POS, "ETM") && (strings.HasPrefix(ms[k-1].POS, "NN") || ms[k-1].POS == "SL" || strings.HasPrefix(ms[k-1].POS, "XSN")) {
			return true
		}
	}
	return false
}

// statementQueried reports a sentence that ends in a declarative ending
// ("…멀어진다", "…높음") or trails off ("…차이..?") before a question
// mark: the writer doubts a
// statement rather than asking in an interrogative form. kagome tags the
// ending "ㄴ다" before "?" as EF or EC; both are read.
func statementQueried(ms []text.Morph) bool {
	i := len(ms) - 1
	for i >= 0 && (ms[i].POS == "SE" || ms[i].POS == "SSC" || ms[i].Surface == ".") {
		i--
	}
	if i < 1 || ms[i].Surface != "?" && ms[i].Surface != "？" {
		return false
	}
	p := ms[i-1]
	if k := i - 1; strings.Trim(p.Surface, ".…") == "" {
		// "…가정하고 사용한다는 차이..?": the writer trails off into doubt
		// about what they just said; "…복잡하다면…?" asks what if
		for k >= 0 && strings.Trim(ms[k].Surface, ".…") == "" {
			k--
		}
		if k < 2 {
			return false
		}
		w := ms[k]
		return strings.HasPrefix(w.POS, "NN") || hasTag(w.POS, "ETN") || hasTag(w.POS, "EF") && strings.HasSuffix(w.Surface, "다")
	}
	if hasTag(p.POS, "ETN") && (strings.HasSuffix(p.Surface, "음") || strings.HasSuffix(p.Surface, "ㅁ") || strings.HasSuffix(p.Surface, "함") || strings.HasSuffix(p.Surface, "됨") || strings.HasSuffix(p.Surface, "짐")) {
		return true // "…높음?"
	}
	return (hasTag(p.POS, "EF") || hasTag(p.POS, "EC")) && strings.HasSuffix(p.Surface, "다")
}

// verdict reports an arrow inside or at the head of a line followed by a
// clause of the writer's that turns and denies: a contrast ending
// (-지만, -으나, -는데) and a negation in the final predicate ("→ 형식은
// 보장하지만 내용까지 보장하진 않음"). A bare mapping ("A → B") or a
// consequence stated plainly ("→ 지연이 줄어든다") is no verdict.
func verdict(ms []text.Morph) bool {
	at := -1
	for i, m := range ms {
		if m.Surface == "→" || m.Surface == "⇒" || m.Surface == ">" && i > 0 && (ms[i-1].Surface == "-" || ms[i-1].Surface == "=") && !ms[i].Space {
			at = i
		}
	}
	if at < 0 {
		return false
	}
	rest := withoutTrailingParen(ms[at+1:])
	turn := false
	for k, m := range rest {
		if hasTag(m.POS, "EC") && (strings.HasSuffix(m.Surface, "지만") || m.Surface == "으나" || m.Surface == "나" && k > 0 && hasTag(rest[k-1].POS, "XSV") || m.Surface == "는데" || m.Surface == "ㄴ데") {
			turn = true
			continue
		}
		if turn && (hasTag(m.POS, "VCN") || lemma(m) == "않" || m.Surface == "못" || strings.HasPrefix(m.Surface, "없")) && finalPredicate(rest, k) {
			return true
		}
	}
	return false
}

// betterWay are the words that judge a way of doing as the one to take
// in "…하는 것이 좋다".
var betterWay = map[string]bool{"좋": true, "바람직": true, "추천": true, "권장": true, "낫": true, "안전": true}

// adviceNouns name a piece of advice.
var adviceNouns = map[string]bool{"권고": true, "권장": true, "조언": true, "추천": true}

// reportedAdvice reports that the advice noun at i, after a quoted
// imperative ("…하라는"), is what the sentence says is common or given:
// a particle, then 많다 or 있다 closing the sentence ("…라는 조언이 많다",
// "…라는 권고도 있음").
func reportedAdvice(ms []text.Morph, i int) bool {
	j := i + 1
	if j < len(ms) && strings.HasPrefix(ms[j].POS, "J") {
		j++
	}
	if j >= len(ms) {
		return false
	}
	if l := lemma(ms[j]); l != "많" && l != "있" {
		return false
	}
	for _, m := range ms[j+1:] {
		if !strings.HasPrefix(m.POS, "E") && !strings.HasPrefix(m.POS, "S") {
			return false
		}
	}
	return true
}

// clauseEnding reports a connective ending that closes a hedged clause
// after the stem a ("같은데", "같아서", "같지만", "같고"), on the stem's own
// morpheme or the next one. "같은 X" (a modifier) is none, and neither is
// an embedded question ("어떤 단어가 나타날 것 같은지를"): what is likely,
// not what the writer thinks.
func clauseEnding(a, b text.Morph) bool {
	e := b.Surface
	if strings.Contains(a.POS, "+EC") {
		_, e, _ = strings.Cut(a.Surface, "같")
	} else if !strings.HasPrefix(a.POS, "VA") || strings.Contains(a.POS, "+") || !hasTag(b.POS, "EC") {
		return false
	}
	return !strings.HasSuffix(e, "지") && !strings.HasSuffix(e, "지를") && !strings.HasSuffix(e, "지도")
}

// onlyMarksAfter reports whether nothing but punctuation and marks
// ("~", "!", "…") follows morpheme i, and at least one does.
func onlyMarksAfter(ms []text.Morph, i int) bool {
	if i+1 >= len(ms) {
		return false
	}
	for _, m := range ms[i+1:] {
		if !strings.HasPrefix(m.POS, "S") {
			return false
		}
	}
	return true
}

// reRealized matches a sentence ending on what the writer came to know:
// 알다 in the past, 깨닫다 or 알게 되다 ("…확실히 알았다", "…깨달았다").
var reRealized = regexp.MustCompile(`(?:알았다|알았음|알았습니다|깨달았다|깨달았음|깨달았습니다|알게\s?되었다|알게\s?됐다|알게\s?됨|알게\s?되었습니다)[.!~]*$`)

// maxRealizedGap is the most words between what the writer came to know
// and the verb saying so ("…라는 걸 나중에 찾아보고 알았다").
const maxRealizedGap = 3

// realized reports whether a sentence says what the writer came to know:
// the verb's object, a few words before it, is a clause ("…다는 걸",
// "…라는 것을", "…아님을"), not a thing ("정답을 알았다").
func realized(t string) bool {
	t = strings.TrimSpace(t)
	loc := reRealized.FindStringIndex(t)
	if loc == nil {
		return false
	}
	words := strings.Fields(t[:loc[0]])
	for k := len(words) - 1; k >= 0 && k >= len(words)-1-maxRealizedGap; k-- {
		w := words[k]
		if strings.HasSuffix(w, "걸") || strings.HasSuffix(w, "것을") || strings.HasSuffix(w, "점을") {
			return true
		}
		// a clause nominalized by -(으)ㅁ: "아님을", "있음을", "없음을"
		if rest, ok := strings.CutSuffix(w, "을"); ok {
			r, _ := utf8.DecodeLastRuneInString(rest)
			if syllable(r) && (r-0xAC00)%28 == 16 { // a syllable ending in ㅁ
				return true
			}
		}
		if strings.HasSuffix(w, "을") || strings.HasSuffix(w, "를") {
			return false // another object comes first: "정답을 (이미) 알았다"
		}
	}
	return false
}

// stillHard reports the writer saying something is still hard for them to
// explain or understand ("뮤텍스와 세마포어의 차이를 정확히 설명하기는 아직
// 어렵다"): 아직, and a sentence ending on 어렵다 after 설명하기, 이해하기 or
// 구분하기. A book says what is hard in general, not "still".
func stillHard(ms []text.Morph) bool {
	i := lastContent(ms)
	for i > 0 && strings.HasPrefix(ms[i].POS, "E") {
		i-- // the stem before the endings
	}
	if i < 0 || !hasTag(ms[i].POS, "VA") || !strings.HasPrefix(ms[i].Surface, "어렵") && !strings.HasPrefix(ms[i].Surface, "어려") {
		return false
	}
	still, task := false, false
	for k, m := range ms[:i] {
		if m.Surface == "아직" {
			still = true
		}
		if m.Surface == "기" && hasTag(m.POS, "ETN") && k >= 2 {
			switch ms[k-2].Surface {
			case "설명", "이해", "구분", "구별", "정리":
				task = true
			}
		}
	}
	return still && task
}
