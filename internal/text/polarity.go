package text

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Clause is one clause of a sentence as the polarity check sees it: what
// it is about (its content words) and how often it is negated.
type Clause struct {
	// Text is the clause's words as written, for messages.
	Text string
	// Negations counts the negating words of the clause: 않다, 없다 and
	// 없이, the adverbs 못 and 안, 아니다, 말다 after -지, the noun
	// prefixes 불-, 비-, 무-, 미-, words that mean "not X" (어렵다, 힘들다,
	// 부족하다, 모르다, 드물다) and English not, no, never, without,
	// cannot and -n't.
	Negations int
	// Question is set for a clause that asks rather than states (it ends
	// in "?"), Condition for one that sets a condition or concession
	// ("-면", "-아도"): neither asserts anything to compare. Nominal is set
	// for a clause without a predicate of its own ("세 축을 합치는 비율",
	// "정답이 열린"): without a negation it names a topic rather than
	// asserting.
	Question, Condition, Nominal bool
	// Relative is set for a relative clause ("가중치를 업데이트하지 않는"
	// before "기법"): it restricts a noun. Two relative clauses never
	// oppose each other: "로그를 남기지 않는 서버" and "로그를 남기는
	// 서버" are different servers, not opposite statements.
	Relative bool
	// content holds the distinct in-word bigrams of the content words:
	// nouns, roots, verbs and adjectives (not light verbs), Latin words.
	content Bigrams
	// pred holds the bigrams of the predicates, what a negation applies
	// to: the last content word, every verb and adjective, and their
	// stems' first syllables without the final consonant (낸다 and 내지
	// share 내).
	pred  Bigrams
	words []string
	// core holds the bigrams of the content words alone (content adds
	// stems and antonyms); size is their number: a clause of one word
	// ("고치다 보니") is too small to compare.
	core Bigrams
	size int
}

// Negated reports whether the clause says "not": an odd number of
// negations ("쉽지 않다"), not an even one ("않을 수 없다").
func (c Clause) Negated() bool { return c.Negations%2 == 1 }

// Content is the clause's content words.
func (c Clause) Content() []string { return c.words }

// lexicalNegatives are words that mean "not X" and so count as a
// negation: "어렵다" is "쉽지 않다", "부족하다" is "충분하지 않다".
var lexicalNegatives = []string{"어렵", "어려", "힘들", "힘드", "부족", "모르", "모른", "몰라", "몰랐", "드물", "드문"}

// antonyms are what the lexical negatives negate: "어렵다" is "not 쉽다".
// The clause's content gets the antonym too, so that "어렵다" and "쉽다"
// are about the same thing.
var antonyms = map[string]string{"어렵": "쉽", "어려": "쉽", "힘들": "쉽", "힘드": "쉽", "부족": "충분",
	"모르": "알", "모른": "알", "몰라": "알", "몰랐": "알", "드물": "흔", "드문": "흔"}

// negativeNouns are the nouns among them: "부족하다", "데이터 부족" (not
// "어려움", a difficulty, which negates nothing).
var negativeNouns = []string{"부족"}

// lightVerbs carry no content of their own.
var lightVerbs = set("하 한 했 해 할 함 되 된 됐 돼 될 됨 있 같 보 본 봤 봐 볼 주 지 가 오 이")

// connectives are the clause-joining endings (EC) after which a new clause
// starts: -지만, -는데, -고, -면서, -아서, -면, -아도, -다고 …
var connectives = set("지만 는데 은데 ㄴ데 데 면서 으면서 며 으며 고 아서 어서 서 여서 아 어 여 니까 으니까 므로 으므로 면 으면 려면 으려면 다면 라면 라 이라 라서 이라서 니 으니 는지 은지 ㄴ지 을지 ㄹ지 인지 아도 어도 여도 더라도 는데도 도록 려고 으려고 다고 라고 다는 자 듯이 듯 다가")

// condition reports whether a joining ending makes the clause before it a
// condition or a concession, which asserts nothing: "-면", "-려면",
// "-아도", "-더라도"; not "-면서(도)" (while) nor "-고도".
func condition(ending string) bool {
	switch {
	case strings.HasSuffix(ending, "면서") || strings.HasSuffix(ending, "면서도") || strings.HasSuffix(ending, "고도"):
		return false
	}
	return strings.HasSuffix(ending, "면") || strings.HasSuffix(ending, "도")
}

// englishNegations are the English words that negate their clause.
var englishNegations = set("not no never without none neither nor cannot")

// englishBreaks start a new clause in English text.
var englishBreaks = set("but while whereas although though however because since so")

// Clauses splits s into clauses at punctuation, clause-joining endings
// (-지만, -는데, -고, -면서 …), conjunctive adverbs (하지만, 반면) and the
// contrast "A가 아니라 B" / "A가 아닌 B", and counts each clause's
// negations. It uses the kagome analyzer's morphology; clauses without
// content words are dropped.
func Clauses(s string) []Clause {
	if err := NewKagome().Load(); err != nil {
		return nil
	}
	var out []Clause
	var cur clauseBuilder
	var sentenceNouns []string // the nouns of the sentence so far
	flush := func(question bool) {
		if len(cur.nouns) == 0 && len(cur.words) > 0 && cur.neg > 0 {
			// "RAG가 환각을 줄이지만 없애지는 못한다": the second clause's
			// object is the first one's, left out.
			cur.words = append(cur.words, sentenceNouns...)
		}
		sentenceNouns = append(sentenceNouns, cur.nouns...)
		if c, ok := cur.build(question); ok {
			out = append(out, c)
		} else if n := len(out); n > 0 && out[n-1].Condition && cur.written() != "" {
			// "빼면 안 된다", "빼도 된다": a prohibition or permission
			// about the condition, which is then asserted.
			out[n-1].Condition = false
			out[n-1].Negations += cur.neg
			out[n-1].Text += " " + cur.written()
		}
		cur = clauseBuilder{}
	}
	// flushEnding closes the clause at a joining ending, noting whether
	// the ending makes it a condition.
	flushEnding := func(ending string) {
		cur.condition = condition(ending)
		flush(embeddedQuestion(ending))
	}
	contrast := false
	because := false
	quoted := false // inside quotation marks: quoted words are not the clause's
	off := 0
	for _, p := range scanPieces(s) {
		at := off
		off += len(p.text)
		if p.isLatin {
			w := strings.ToLower(p.text)
			switch {
			case englishBreaks[w]:
				flush(false)
			case englishNegations[w]:
				cur.text(p.text)
				cur.neg++
			case w == "t" && apostropheBefore(s, at):
				cur.text(p.text)
				cur.neg++ // don't, isn't, can't
			case !stopLatin[w]:
				cur.addWord(p.text, p.text)
				cur.nouns = append(cur.nouns, p.text)
			default:
				cur.text(p.text)
			}
			continue
		}
		rest := p.text
		if at > 0 && !strings.HasPrefix(rest, " ") {
			// A particle glued to a Latin word ("RAG와", "LoRA를") is
			// analysed alone otherwise, and mistaken for a verb.
			if j := leadingParticle(rest); j > 0 {
				cur.text(rest[:j])
				rest = rest[j:]
			}
		}
		toks := kagome.vit.analyze(rest, nil)
		for i, t := range toks {
			surf := t.Surface
			tag, _ := t.POS()
			first := tag
			if j := strings.IndexByte(tag, '+'); j >= 0 {
				first = tag[:j]
			}
			if tag == "SP" || strings.TrimSpace(surf) == "" {
				cur.space()
				continue
			}
			if strings.ContainsAny(surf, "\"“”‘’「」『』") {
				quoted = !quoted
				continue
			}
			if quoted {
				cur.text(surf)
				continue
			}
			switch first {
			case "SF":
				flush(strings.ContainsAny(surf, "?？"))
				sentenceNouns = nil
				continue
			case "SC", "SE", "SY":
				// Commas, periods and arrows end a clause; the middle dot
				// and slash of an enumeration ("BLEU·ROUGE") do not.
				// A comma after a subject or an adverb ("애플리케이션이
				// 추후, … 쓸모없게 될 수 있다") does not end the clause.
				switch {
				case strings.ContainsAny(surf, "?？"):
					flush(true)
				case strings.ContainsAny(surf, ",，") && len(cur.verbs) == 0 && cur.neg == 0:
				case strings.ContainsAny(surf, ",，.。!;:→—|"):
					flush(false)
				}
				continue
			case "MAJ":
				flush(false)
				continue
			}
			cur.text(surf)
			if because {
				// "정답이 없기 때문에 | 확인하기 어렵다": the reason is a
				// clause of its own.
				because = false
				if strings.HasPrefix(first, "J") {
					flush(false)
					continue
				}
			}
			if surf == "때문" {
				because = true
			}
			switch first {
			case "VX":
				switch {
				case strings.HasPrefix(surf, "않"), strings.HasPrefix(surf, "못"):
					cur.neg++
				case strings.HasPrefix(surf, "말") || strings.HasPrefix(surf, "마"):
					if i > 0 && toks[i-1].Surface == "지" {
						cur.neg++
					}
				}
			case "VA", "VV":
				switch {
				case first == "VA" && strings.HasPrefix(surf, "없"):
					cur.neg++
				case first == "VV" && (strings.HasPrefix(surf, "말") || strings.HasPrefix(surf, "마")) && i > 0 && toks[i-1].Surface == "지":
					cur.neg++ // 쓰지 말고
				case hasAnyPrefix(surf, lexicalNegatives):
					cur.neg++
					cur.addVerb(surf)
					cur.addAntonym(surf)
				case !lightVerb(surf):
					cur.addVerb(surf)
				}
			case "MAG":
				// "없이" says how, not whether ("리랭커 없이 올린다").
				if surf == "못" || surf == "안" {
					cur.neg++
				}
			case "VCN":
				if strings.HasSuffix(surf, "닌") && i > 0 && (toks[i-1].Surface == "와" || toks[i-1].Surface == "과") {
					// "도움이 되는 과제와 아닌 과제": both sides, no claim.
					continue
				}
				cur.neg++
				// "A가 아니라 B", "A가 아닌 B": what follows is asserted.
				if strings.HasSuffix(surf, "닌") {
					flush(false)
				} else {
					contrast = true
				}
				continue
			case "XPN":
				switch surf {
				case "불", "비", "무", "미", "몰":
					cur.neg++
				}
			case "NNG", "NNP", "XR", "SH", "SL", "SN", "NR":
				if functionNouns[surf] {
					continue
				}
				if first == "NNP" && verbNext(toks, i) {
					// "흉내 내지 않는다": a verb the dictionary took for a
					// name.
					cur.addVerb(surf)
					continue
				}
				if hasAnyPrefix(surf, negativeNouns) {
					cur.neg++
					cur.addWord(surf, "")
					cur.addAntonym(surf)
					continue
				}
				if neg, rest := negativePrefix(surf, first); neg {
					cur.neg++
					surf = rest
				}
				cur.addWord(surf, "")
				cur.nouns = append(cur.nouns, surf)
			case "XSV", "XSA":
				// "보장된다", "필요하다": the noun before is the predicate.
				if n := len(cur.nouns); n > 0 && i > 0 && strings.TrimSpace(toks[i-1].Surface) != "" {
					cur.verbs = append(cur.verbs, cur.nouns[n-1])
				}
			case "EC":
				if connectives[surf] && !auxiliaryNext(toks, i) || contrast && strings.HasPrefix(surf, "라") {
					flushEnding(surf)
				}
			}
			// A verb and its ending in one token ("나눠도", "유도해"): the
			// ending may close the clause.
			if first != tag && strings.HasSuffix(tag, "+EC") && hasAnySuffix(surf, connectiveSuffixes) && !auxiliaryNext(toks, i) {
				flushEnding(surf)
			}
			// A relative clause ("가중치를 업데이트하지 않는 | 프롬프트
			// 기반 기법", "관련 없는 | 내용") is a statement of its own:
			// its negation is not the main clause's.
			if endsRelative(toks, i) {
				cur.relative = true
				flush(false)
			}
			contrast = false
		}
	}
	flush(false)
	return out
}

var inWords = BigramOptions{WithinWords: true, Distinct: true}

// clauseBuilder collects one clause.
type clauseBuilder struct {
	b         strings.Builder
	words     []string
	extra     []string // stems and antonyms: matched, not counted
	nouns     []string
	verbs     []string
	neg       int
	spacing   bool
	condition bool
	relative  bool
}

func (c *clauseBuilder) space() { c.spacing = true }

func (c *clauseBuilder) written() string { return strings.TrimSpace(c.b.String()) }

func (c *clauseBuilder) text(s string) {
	if c.spacing && c.b.Len() > 0 {
		c.b.WriteByte(' ')
	}
	c.spacing = false
	c.b.WriteString(s)
}

// addWord adds a content word; shown, when set, is written to the text too
// (Latin words, whose text is not written by the kagome loop).
func (c *clauseBuilder) addWord(w, shown string) {
	if shown != "" {
		c.text(shown)
	}
	c.words = append(c.words, w)
}

// addVerb adds a verb or adjective, a predicate of the clause, with its
// stem: the first syllable without its final consonant, which inflected
// forms share (낸다, 내지; 잃을, 잃지).
func (c *clauseBuilder) addVerb(w string) {
	stem := string(stripFinal([]rune(w)[0]))
	c.addWord(w, "")
	c.extra = append(c.extra, stem)
	c.verbs = append(c.verbs, w, stem)
}

// addAntonym adds to the content what the lexical negative w negates.
func (c *clauseBuilder) addAntonym(w string) {
	for p, a := range antonyms {
		if strings.HasPrefix(w, p) {
			c.extra = append(c.extra, a)
			return
		}
	}
}

// lightVerb reports whether a verb carries no content of its own: a form
// of 하다, 되다, 있다, or a one- or two-syllable form of 같다, 보다, 주다,
// 지다, 가다, 오다, 이다.
func lightVerb(w string) bool {
	first := firstSyllable(w)
	if strings.Contains("하한할함해했되된될됨됐돼있", first) {
		return true
	}
	return lightVerbs[first] && utf8.RuneCountInString(w) <= 2
}

func (c *clauseBuilder) build(question bool) (Clause, bool) {
	if len(c.words) == 0 {
		return Clause{}, false
	}
	return Clause{
		Text:      strings.TrimSpace(c.b.String()),
		Negations: c.neg,
		Question:  question,
		Condition: c.condition,
		Relative:  c.relative,
		Nominal:   len(c.verbs) == 0,
		content:   NewBigrams(strings.Join(append(slices.Clone(c.words), c.extra...), " "), inWords),
		core:      NewBigrams(strings.Join(c.words, " "), inWords),
		pred:      NewBigrams(strings.Join(append(c.verbs, c.words[len(c.words)-1]), " "), inWords),
		words:     c.words,
		size:      len(c.words),
	}, true
}

// auxiliaryNext reports whether the token after an ending at i is an
// auxiliary verb ("하고 있다", "달지 않다"): the ending does not close the
// clause.
func auxiliaryNext(toks []ktoken, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if strings.TrimSpace(toks[j].Surface) == "" {
			continue
		}
		tag, _ := toks[j].POS()
		if strings.HasPrefix(tag, "VX") {
			return true
		}
		if !strings.HasPrefix(tag, "V") {
			return false
		}
		// An auxiliary the dictionary tagged as a verb: "좋아지다",
		// "하고 있다", "써 보다".
		return hasAnyPrefix(toks[j].Surface, auxiliaries)
	}
	return false
}

// auxiliaries start the auxiliary verbs after -아/-어/-고.
var auxiliaries = strings.Fields("지 져 졌 있 주 줘 줬 보 봐 봤 버리 버려 버렸 놓 놔 둬 두")

// leadingParticle returns the length in bytes of the particle s starts
// with when a space, punctuation or the end follows it, 0 when none does.
func leadingParticle(s string) int {
	for _, j := range josa {
		if rest, ok := strings.CutPrefix(s, j); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !isHangulSyllable(r) {
				return len(j)
			}
		}
	}
	return 0
}

// endsRelative reports whether token i ends a relative clause: a verb
// with an adnominal ending of the present or past, or that ending after
// a verb.
func endsRelative(toks []ktoken, i int) bool {
	if !contentNounNext(toks, i) {
		// "좋은 건 아니다", "좋아지는 것은 아니다", "없애지는 못한다": the
		// ending makes a noun phrase of the clause (or is no ending at
		// all), and the negation after it is the clause's own.
		return false
	}
	tag, _ := toks[i].POS()
	if tag == "ETM" {
		if i == 0 {
			return false
		}
		prev, _ := toks[i-1].POS()
		switch toks[i].Surface {
		case "는", "은", "ㄴ", "던":
			return strings.HasPrefix(prev, "V") || strings.HasPrefix(prev, "XS") || strings.HasPrefix(prev, "EP")
		}
		return false
	}
	return strings.HasSuffix(tag, "+ETM") && modifies(toks, i)
}

// contentNounNext reports whether the next word after token i (spaces
// skipped) is a content noun, not a dependent noun such as 것, 수 or 때.
func contentNounNext(toks []ktoken, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if strings.TrimSpace(toks[j].Surface) == "" {
			continue
		}
		tag, _ := toks[j].POS()
		switch {
		case tag == "NNB" || strings.HasPrefix(tag, "NNB+"):
			return false
		case strings.HasPrefix(tag, "NN"), tag == "SL", tag == "SH", tag == "XPN":
			return !dependentNouns[toks[j].Surface]
		}
		return false
	}
	return false
}

// dependentNouns are nouns that only stand after a modifier and make a
// noun phrase of the clause before them.
var dependentNouns = set("것 건 거 게 수 줄 리 데 때 뿐 적 듯 만큼 바 점 필요")

// modifies reports whether the verb at i modifies a noun: it ends in an
// adnominal ending of the present or past ("열린 과제", "많은 문서", "되는
// 방법"). The future form is left out: "없앨 수 있다" asserts.
func modifies(toks []ktoken, i int) bool {
	if modifierNext(toks, i) {
		return true
	}
	tag, _ := toks[i].POS()
	if !strings.HasSuffix(tag, "+ETM") {
		return false
	}
	rs := []rune(toks[i].Surface)
	last := rs[len(rs)-1]
	return last == '는' || last == '던' || isHangulSyllable(last) && (last-0xAC00)%28 == 4 // final ㄴ
}

// modifierAhead reports whether the verb after the adverb at i ends in an
// adnominal ending ("안 되는 문제").
func modifierAhead(toks []ktoken, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if strings.TrimSpace(toks[j].Surface) == "" {
			continue
		}
		tag, _ := toks[j].POS()
		if !strings.HasPrefix(tag, "V") {
			return false
		}
		if strings.HasSuffix(tag, "+ETM") {
			return strings.HasSuffix(toks[j].Surface, "는") || strings.HasSuffix(toks[j].Surface, "은") || strings.HasSuffix(toks[j].Surface, "던")
		}
		return modifierNext(toks, j)
	}
	return false
}

// verbNext reports whether a verb or an ending follows token i.
func verbNext(toks []ktoken, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if strings.TrimSpace(toks[j].Surface) == "" {
			continue
		}
		tag, _ := toks[j].POS()
		return strings.HasPrefix(tag, "V") || strings.HasPrefix(tag, "E")
	}
	return false
}

// modifierNext reports whether the token after i is an adnominal ending
// that makes the word before it modify a noun ("없는 내용", "않은 답"); a
// quoting ending ("없다는 조언") is not one: what it quotes is asserted.
func modifierNext(toks []ktoken, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	tag, _ := toks[i+1].POS()
	if tag != "ETM" {
		return false
	}
	switch toks[i+1].Surface {
	case "는", "은", "ㄴ", "던":
		return true
	}
	return false
}

// negativePrefix reports whether a noun the dictionary keeps whole starts
// with a negating prefix ("무의미", "비정형"): the prefix is 불, 비, 무 or 미
// and the rest, of two syllables or more, is a noun or root of its own. It
// returns the rest.
func negativePrefix(surf, tag string) (bool, string) {
	if tag != "NNG" && tag != "XR" {
		return false, surf
	}
	r, size := utf8.DecodeRuneInString(surf)
	if !strings.ContainsRune("불비무미", r) {
		return false, surf
	}
	rest := surf[size:]
	if utf8.RuneCountInString(rest) < 2 {
		return false, surf
	}
	toks := kagome.vit.analyze(rest, nil)
	if len(toks) != 1 || toks[0].class == classUnknown {
		return false, surf
	}
	t, _ := toks[0].POS()
	if t != "NNG" && t != "XR" {
		return false, surf
	}
	return true, rest
}

// connectiveSuffixes end the surfaces of verb tokens whose ending joins
// clauses.
var connectiveSuffixes = strings.Fields("면 고 서 도 지만 는데 니까 며 면서 려고 다고 라고 므로 어 아 여 해 워 와 져 쳐 려 는지 은지")

// embeddedQuestion reports whether an ending asks ("중요하지 않은지
// 묻고"): the clause before it is a question.
func embeddedQuestion(ending string) bool {
	return strings.HasSuffix(ending, "는지") || strings.HasSuffix(ending, "은지") || strings.HasSuffix(ending, "ㄴ지") ||
		strings.HasSuffix(ending, "을지") || strings.HasSuffix(ending, "ㄹ지") || strings.HasSuffix(ending, "인지")
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// stripFinal removes the final consonant of a Hangul syllable: 낸 → 내.
func stripFinal(r rune) rune {
	if !isHangulSyllable(r) {
		return r
	}
	return r - (r-0xAC00)%28
}

func firstSyllable(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return string(r)
}

// apostropheBefore reports whether an apostrophe directly precedes byte
// offset i of s ("don't").
func apostropheBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r == '\'' || r == '’'
}

// Conflict is a clause of a claim that states the opposite of a clause of
// its source about the same thing.
type Conflict struct {
	Claim, Source Clause
}

// Contradicts looks for a clause of claim whose polarity is the opposite
// of the source's on the same matter. A source clause is on the same
// matter when both have two or more content words, they share two or more
// content bigrams, at least half of the smaller clause's, and one
// clause's predicate occurs in the other. A claim clause contradicts the source when every
// source clause on its matter has the other polarity, or when a source
// clause of the other polarity adds matter (two or more bigrams) that the
// agreeing ones lack and the claim states too ("맞지만 … 맞지 않는다"
// against "…에도 …에도 맞는다"). Questions, conditions and, in the claim,
// topics without a negation ("세 축을 합치는 비율") are not compared. It
// returns the first such clause and the source clause it contradicts.
func Contradicts(claim string, source ...string) (Conflict, bool) {
	var src []Clause
	for _, s := range source {
		src = append(src, Clauses(s)...)
	}
	for _, c := range Clauses(claim) {
		if c.Question || c.Condition || c.Nominal && c.Negations == 0 || c.content.Len() < 2 {
			continue
		}
		var agree, disagree []Clause
		for _, s := range src {
			if s.Question || s.Condition || !sameMatter(c, s) {
				continue
			}
			switch {
			case s.Negated() == c.Negated():
				agree = append(agree, s)
			case c.Relative && s.Relative:
				// Two relative clauses restrict nouns; they may agree
				// but do not oppose each other.
			default:
				disagree = append(disagree, s)
			}
		}
		if len(disagree) == 0 {
			continue
		}
		if len(agree) == 0 {
			return Conflict{Claim: c, Source: disagree[0]}, true
		}
		for _, d := range disagree {
			if (c.pred.Overlap(d.content) > 0 || c.pred.Overlap(d.pred) > 0) && beyondAgree(c, d, agree) {
				return Conflict{Claim: c, Source: d}, true
			}
		}
	}
	return Conflict{}, false
}

// sameMatter reports whether clauses c and s are about the same thing
// (see Contradicts).
func sameMatter(c, s Clause) bool {
	if c.size < 2 || s.size < 2 {
		return false
	}
	shared := c.content.Overlap(s.content)
	if shared < 2 || float64(shared) < 0.5*float64(min(c.content.Len(), s.content.Len())) {
		return false
	}
	return c.pred.Overlap(s.content) > 0 || s.pred.Overlap(c.content) > 0 || c.pred.Overlap(s.pred) > 0
}

// beyondAgree reports whether the disagreeing clause d says, of what
// claim clause c says, more than the clauses of agree do: two or more
// bigrams of d's content words that c has and no clause of agree has, or
// one when that is all d has beyond agree.
func beyondAgree(c, d Clause, agree []Clause) bool {
	shared, rest := 0, 0
	d.core.Each(func(g uint64, _ int) {
		for _, a := range agree {
			if a.content.grams[g] > 0 {
				return
			}
		}
		rest++
		if c.core.grams[g] > 0 {
			shared++
		}
	})
	return shared >= 2 || shared == 1 && rest == 1
}
