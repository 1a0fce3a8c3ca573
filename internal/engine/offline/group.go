package offline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

func styleSentence(st note.Style, callouts int) string {
	switch st {
	case note.StyleHTML:
		return "블로그 HTML을 옮겨 온 형식이며"
	case note.StyleNotion:
		if callouts > 0 {
			return fmt.Sprintf("Notion에서 내보낸 형식(콜아웃 %d개)이며", callouts)
		}
		return "Notion에서 내보낸 형식이며"
	case note.StyleLinkOnly:
		return "외부 글 링크만 있는 노트이며"
	}
	return "마크다운으로 작성했으며"
}

func describeStats(doc *note.Document) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d개", what, n))
		}
	}
	add(doc.Stats.Images, "이미지")
	add(doc.Stats.Tables, "표")
	add(doc.Stats.Code, "코드 블록")
	add(doc.Stats.Formulas, "수식")
	if len(parts) == 0 {
		return " 글 위주로 구성했습니다."
	}
	return " " + strings.Join(parts, ", ") + "를 포함합니다."
}

// GroupSections writes 공통 질문, 심화 토론 and 다음 주차 연결 포인트. Every
// bullet quotes the members' own sentences and names only the members
// whose sentences it quotes, so each claim about who wrote what holds.
func GroupSections(in *engine.Input, aw *analyze.Week, members []insight.Member, limit int) []insight.Section {
	g := &group{in: in, aw: aw, usedConcept: map[string][]string{}, usedSentence: map[string]bool{}, studied: studied(members), debated: map[string]bool{}}
	// The sections are drafted in one order whatever order the template
	// gives them: 심화 토론 takes what 공통 질문 leaves (the lines it used,
	// the questions it hands over), and 다음 주차 comes last.
	specs := in.Template.GroupSections
	if len(specs) == 0 {
		return nil
	}
	rank := map[string]int{insight.KeyCommon: 0, insight.KeyDebate: 1, insight.KeyNext: 2}
	order := make([]int, len(specs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rank[specs[a].Key] - rank[specs[b].Key] })
	out := make([]insight.Section, len(specs))
	for _, i := range order {
		spec := specs[i]
		sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: kindOf(spec)}
		switch spec.Key {
		case insight.KeyCommon:
			sec.Bullets = g.common(min(limit, groupMax))
			if len(sec.Bullets) == 0 && len(aw.Members) >= 2 {
				sec.Notice = NoticeNoCommon
				if g.shared() {
					sec.Notice = NoticeNoContrast
				}
			}
		case insight.KeyDebate:
			sec.Bullets = g.debates(min(limit, groupMax))
			if len(sec.Bullets) == 0 {
				sec.Bullets = g.englishDebates(min(limit, groupMax))
			}
			if len(sec.Bullets) == 0 && len(aw.Members) >= 1 {
				sec.Notice = NoticeNoDebate
				if g.studiedQuestions > 0 {
					sec.Notice = NoticeDebateInStudy
				}
			}
		case insight.KeyNext:
			sec.Bullets = g.next(min(limit, groupMax))
			if len(sec.Bullets) == 0 {
				sec.Notice = NextNotice(g.in)
			}
		}
		out[i] = sec
	}
	return out
}

// groupMax is the most bullets a group section gets. A section holds
// more than one only when its candidates are distinct (another concept,
// other lines) and each passes the section's bar: fewer is fine.
const groupMax = 3

// Group sections, as the keys of the concepts each has used.
const (
	secCommon = "common"
	secDebate = "debate"
	secNext   = "next"
)

// group holds what the group sections have used so far.
type group struct {
	in *engine.Input
	aw *analyze.Week
	// usedConcept holds, per section, the keys of the concepts its
	// bullets are on.
	usedConcept  map[string][]string
	usedSentence map[string]bool
	// quoted holds the lines the group bullets have quoted.
	quoted []string
	// studied holds the lines ("file:line") the members' 추가 학습
	// sections already quote: a group bullet does not say them again.
	studied map[string]bool
	// studiedQuestions counts the open questions 심화 토론 left to 추가 학습.
	studiedQuestions int
	// debated holds the IDs of the members' questions 심화 토론 quotes.
	debated map[string]bool
	// credit memoizes creditLines by member and concept: writers asks
	// for the same lines for every quote on a concept.
	credit map[creditKey][]*analyze.Sentence
	// letters holds analyze.Letters of each member's sentences, by
	// member name (see sentenceLetters).
	letters map[string][]string
	// selfAnswered holds the members' own questions their note takes up
	// right below and no other member's line speaks to: one member's
	// exchange with the book, which 공통 질문 leaves to 심화 토론.
	selfAnswered []selfAnswer
}

// selfAnswer is a member's question, the concept it asks about and the
// line right below it that takes it up.
type selfAnswer struct {
	m         *analyze.Member
	q, answer analyze.Sentence
	term      string
}

// creditKey names one member's lines on one concept.
type creditKey struct{ member, term string }

// creditLines is creditLines, once per member and concept.
func (g *group) creditLines(m *analyze.Member, c analyze.Concept) []*analyze.Sentence {
	k := creditKey{m.Name, c.Term}
	if out, ok := g.credit[k]; ok {
		return out
	}
	out := creditLinesOf(m, c, g.lettersOf(m))
	if g.credit == nil {
		g.credit = map[creditKey][]*analyze.Sentence{}
	}
	g.credit[k] = out
	return out
}

// lettersOf returns analyze.Letters of each of m's sentences (see
// sentenceLetters), read once per member for every concept looked up.
func (g *group) lettersOf(m *analyze.Member) []string {
	if g.letters == nil {
		g.letters = map[string][]string{}
	}
	letters, ok := g.letters[m.Name]
	if !ok {
		letters = sentenceLetters(m)
		g.letters[m.Name] = letters
	}
	return letters
}

// studied returns the lines the members' 추가 학습 bullets quote.
func studied(members []insight.Member) map[string]bool {
	out := map[string]bool{}
	for _, m := range members {
		for _, sec := range m.Sections {
			if sec.Key != insight.KeyStudy {
				continue
			}
			for _, b := range sec.Bullets {
				for _, src := range b.Sources {
					out[lineKey(src.File, src.Line)] = true
				}
			}
		}
	}
	return out
}

func lineKey(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

// use marks sentences as quoted by a group bullet.
func (g *group) use(ss ...analyze.Sentence) {
	for _, s := range ss {
		g.usedSentence[s.ID] = true
		g.quoted = append(g.quoted, s.Body)
	}
}

// repeats reports whether a group bullet quoted the line already, or the
// same line in nearly the same words from another member's note (a book
// sentence several members copied).
func (g *group) repeats(s analyze.Sentence) bool {
	if g.usedSentence[s.ID] {
		return true
	}
	for _, q := range g.quoted {
		if text.BigramF1(q, s.Body) >= sameLine {
			return true
		}
	}
	return false
}

// taken reports whether a bullet of the section is on the concept term
// already, or on one whose name contains it or is contained in it ("지도
// 학습" and "자기 지도 학습"): a second bullet is on another concept.
func (g *group) taken(section, term string) bool {
	k := analyze.Key(term)
	if k == "" {
		return false
	}
	for _, u := range g.usedConcept[section] {
		if strings.Contains(u, k) || strings.Contains(k, u) {
			return true
		}
	}
	return false
}

// claim records that a bullet of the section is on the concept term.
func (g *group) claim(section, term string) {
	if k := analyze.Key(term); k != "" {
		g.usedConcept[section] = append(g.usedConcept[section], k)
	}
}

// resolves reports a resolution of the writer's ("…고민을 많이 해야겠다고
// 느꼈다", "…코드를 짜야겠다는 생각을 했다"): what they mean to do, like a
// wish, is nothing the group can argue. "…선택해야겠지만" concedes, it
// resolves nothing.
func resolves(body string) bool {
	return strings.Contains(body, "야겠") && !strings.Contains(body, "야겠지")
}

// asideQuestion reports whether a sentence's only question stands in
// parentheses after a statement ("…정하는 것이 중요(실패하면
// 어떻게 될까?)"): the sentence states something and asks nothing of its own.
func asideQuestion(body string) bool {
	depth := 0
	var out strings.Builder
	for _, r := range body {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				out.WriteRune(r)
			}
		}
	}
	rest := strings.TrimSpace(out.String())
	return strings.Contains(body, "?") && !strings.Contains(rest, "?") && rest != ""
}

// maxQuote is the longest sentence quoted whole in a group bullet.
const maxQuote = 110

// quotable reports whether a sentence can be quoted in a group bullet.
func quotable(s analyze.Sentence) bool {
	return s.Problem == "" && s.Context == nil && s.Frame == "" && utf8.RuneCountInString(s.Body) <= maxQuote
}

func quote(s string) string { return "“" + strings.TrimRight(s, ". ") + "”" }

// quoteWith quotes a sentence followed by the particle that fits its last
// sound: “…않음”은, “…있다”는, “…않음”으로.
func quoteWith(s, withBatchim, without string) string {
	q := strings.TrimRight(s, ". ")
	return "“" + q + "”" + strings.TrimPrefix(Josa(q, withBatchim, without), q)
}

// quoteSaid quotes a sentence followed by the quoting particle that fits
// its last sound: “…다”라고, “…예정”이라고.
func quoteSaid(s string) string { return quoteWith(s, "이라고", "라고") }

// about returns member m's best quotable statement (not a question) about
// concept c: the one that fits 핵심 인사이트 or their own view best.
func about(m *analyze.Member, c analyze.Concept, skip map[string]bool) (analyze.Sentence, bool) {
	s, score := bestOn(m, c, skip, 0.5, nil)
	return s, score > 0
}

// bestOn returns member m's quotable statement (not a question) about
// concept c that keep accepts (nil accepts all) and that fits 핵심
// 인사이트, their own view and, weighted by practical, 실무 적용 best, with
// its score; the score is -1 when there is none.
func bestOn(m *analyze.Member, c analyze.Concept, skip map[string]bool, practical float64, keep func(analyze.Sentence) bool) (analyze.Sentence, float64) {
	best, score := analyze.Sentence{}, -1.0
	for _, sp := range m.SentencesAbout(c) {
		s := *sp
		if skip[s.ID] || s.Voice.Question || !quotable(s) || keep != nil && !keep(s) {
			continue
		}
		sc := s.Scores[insight.KeyInsights] + s.Scores[insight.KeyPerspective] + practical*s.Scores[insight.KeyPractical]
		if sc > score {
			best, score = s, sc
		}
	}
	return best, score
}

// specificConcepts returns the week's concepts that can carry a group
// bullet, in the matrix's order (most shared first).
func (g *group) specificConcepts() []analyze.Concept {
	var out []analyze.Concept
	for _, c := range g.aw.Concepts {
		if analyze.Specific(c.Term) && analyze.Meaningful(c.Term) {
			out = append(out, c)
		}
	}
	return out
}

func (g *group) member(name string) *analyze.Member {
	for _, m := range g.aw.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// common builds 공통 질문 on what several members wrote: first two
// members' opposite judgements of one concept (see contrasts); then a
// concept most of them covered, taken up from a side they raised about it
// (its limits, how to choose it), quoting them and naming every member who
// wrote the quoted line; then the point (nearly) every member stressed,
// said plainly as one without a contrast, with the limit one of its
// writers wrote right below it as its question (after a sharper bullet
// only a point that passes a judgement); then a member's own
// question on a concept others covered, open or answered right below it in
// the member's own words, with what another member wrote about it. The
// questions take their concepts before the stressed point does. Every name
// it gives wrote about the concept (the concept matrix says so); it
// invents no contrast and claims no answer.
func (g *group) common(limit int) []insight.Bullet {
	if len(g.aw.Members) < 2 {
		return nil
	}
	out := g.contrasts(limit)
	out = append(out, g.definitionSplits(limit-len(out))...)
	need := max(2, (len(g.aw.Members)+1)/2)
	for _, c := range g.specificConcepts() {
		if len(out) >= limit {
			break
		}
		if len(c.Counts) < need || g.taken(secCommon, c.Term) || !named(c.Term) {
			continue
		}
		for _, angle := range angles {
			var quotes []string
			var srcs []insight.Source
			var picked []analyze.Sentence
			var who []string
			for _, m := range g.aw.Members {
				if c.Counts[m.Name] == 0 || contains(who, m.Name) {
					continue
				}
				s, ok := aboutAngle(m, c, angle, g.usedSentence)
				if !ok || g.repeats(s) {
					continue
				}
				dup := false
				for _, p := range picked {
					dup = dup || text.BigramF1(p.Body, s.Body) > 0.5
				}
				if dup {
					continue // the same book sentence, copied twice
				}
				// Everyone who wrote this point, in its words or nearly
				// the same ones, not only the first, in one clause.
				wrote, alike := g.writers(c, s, m.Name)
				picked = append(picked, s)
				who = append(append(who, wrote...), alike...)
				// "이은정·안태현은 개방형 출력의 한계에 대해 “…”라는 점을, 허채연은 “…”라는 점을"
				about := ""
				if len(quotes) == 0 {
					about = fmt.Sprintf("%s의 %s에 대해 ", c.Term, angle.topic)
				}
				quotes = append(quotes, credit(wrote, alike, about, s.Body))
				srcs = append(srcs, source(s))
				if len(picked) == 2 {
					break
				}
			}
			if len(picked) == 0 {
				continue
			}
			// The real split, when one member wrote another side of the
			// concept: quoted, and the question asks about the two.
			side, sideM, split := g.otherSide(c, picked)
			var ask string
			if split {
				// Two lines that raise no question of their own are no
				// split to ask about: the angle's question stands.
				ask = splitAsk(c, picked[0], side)
				split = ask != ""
			}
			var need *analyze.Sentence
			if !split {
				ask, need = g.limitClose(angle, c, picked[0], who)
				// One member's line, with no other side and nothing in
				// it that sets up a question, is no point the group
				// shares nor a question it can argue about.
				if len(who) < 2 && need == nil && ask == angle.ask {
					continue
				}
			}
			g.claim(secCommon, c.Term)
			g.use(picked...)
			text, srcs2 := g.besides(c, quotes, picked[0], side, sideM, split)
			srcs = append(srcs, srcs2...)
			text += " " + ask
			if !split && need != nil {
				g.use(*need)
				srcs = append(srcs, source(*need))
			}
			out = append(out, insight.Bullet{Head: c.Term, Text: text, Sources: srcs, Engine: Name})
			break
		}
	}
	// A member's own open question on a concept the others wrote about;
	// then a question of the member's own that their note answers right
	// below it ("…그럼 A와 B가 다른가?" over "…B가 더 명시적"): the others'
	// lines and that answer set the group a question too. They take their
	// concepts before the point most members stressed, which follows the
	// sharper bullets above them.
	sharp := len(out)
	out = append(out, g.questions(limit-len(out))...)
	// The point most members stressed: as the only bullet, any such
	// line; after a sharper one, only a line that passes a judgement.
	stressed := g.stressed(limit-len(out), stressJudged)
	if len(out) == 0 && len(stressed) == 0 {
		// As the only bullet: a line that claims something of the
		// concept (advice, what it allows, a conclusion) before one
		// that only says what it does or is.
		if stressed = g.stressed(limit, stressClaimed); len(stressed) == 0 {
			stressed = g.stressed(limit, stressAny)
		}
		if len(stressed) == 0 {
			stressed = g.ownPoints(limit)
		}
	}
	return append(out[:sharp:sharp], append(stressed, out[sharp:]...)...)
}

// ownPoints builds 공통 질문, when nothing sharper was found, on a concept
// two or more members each wrote a line of their own about, in their own
// words: what struck them or what they came to know ("…넣을 때 방문 처리를
// 해야 …는 걸 확실히 알았다" beside "…방문 처리를 … 언제 하느냐가 …큰 차이를
// 만든다는 게 의외였다"). Two such lines on one concept are what the group can
// take up together; the bullet quotes both, credited to who wrote them,
// and claims no more than that each wrote their own. At most limit.
func (g *group) ownPoints(limit int) []insight.Bullet {
	// onePoint is the character-pair likeness from which two members'
	// lines on a concept are on one point of it (below sameLine: not one
	// line copied).
	const onePoint = 0.2
	return g.eachOpen(limit, func(c analyze.Concept) (insight.Bullet, bool) {
		type said struct {
			m     *analyze.Member
			s     analyze.Sentence
			terms map[string]bool
		}
		var ss []said
		for _, m := range g.aw.Members {
			if c.Counts[m.Name] == 0 {
				continue
			}
			for _, sp := range m.SentencesAbout(c) {
				x, v := *sp, sp.Voice
				// What struck them or what they came to know, not a view
				// to argue over: views are 심화 토론's.
				found := v.Realized || v.Reaction || v.Finding
				// A lesson carries the occasion before it (see
				// analyze's realizations); its own line says the lesson.
				if !found || g.usedSentence[x.ID] || v.Question || v.Recommend || v.Should || x.Definition || x.Problem != "" || x.Context != nil && !v.Realized ||
					x.Scores[insight.KeyPerspective] <= 0 || utf8.RuneCountInString(x.Body) > maxQuote || x.Frame != "" || g.repeats(x) {
					continue
				}
				ss = append(ss, said{m, x, pointOf(x).terms})
			}
		}
		// Two members' lines on one point: besides the concept they share
		// another specific term, or a good part of their wording ("…큐에
		// 넣을 때 방문 처리를 …" in both); lines that share only the
		// concept say two things of a broad one.
		var a, b *said
		top := 0.0
		for i := range ss {
			for j := i + 1; j < len(ss); j++ {
				if ss[i].m == ss[j].m || samePoint(ss[i].s.Body, ss[j].s.Body) {
					continue
				}
				n := 0
				for t := range ss[i].terms {
					if ss[j].terms[t] {
						n++
					}
				}
				alike := text.BigramF1(ss[i].s.Body, ss[j].s.Body)
				if n < 2 && alike < onePoint {
					continue
				}
				if sc := float64(n) + alike; sc > top {
					a, b, top = &ss[i], &ss[j], sc
				}
			}
		}
		if a == nil {
			return insight.Bullet{}, false
		}
		g.claim(secCommon, c.Term)
		g.use(a.s, b.s)
		t := fmt.Sprintf("%s %s, %s %s 적었습니다. 두 사람이 %s 두고 각자 새로 알게 된 점인데, 같은 것을 본 것인지, 다른 멤버는 어떻게 겪었는지 이야기해 볼까요?",
			Josa(a.m.Name, "은", "는"), quoteSaid(a.s.Body), Josa(b.m.Name, "은", "는"), quoteSaid(b.s.Body), Josa(c.Term, "을", "를"))
		return insight.Bullet{Head: c.Term, Text: t, Sources: []insight.Source{source(a.s), source(b.s)}, Engine: Name}, true
	})
}

// questions builds 공통 질문 bullets on the members' own questions, at
// most limit: see common.
func (g *group) questions(limit int) (out []insight.Bullet) {
	for _, m := range g.aw.Members {
		for _, q := range m.Ranked(insight.KeyStudy, 10) {
			if len(out) >= limit {
				return out
			}
			if q.Scores[insight.KeyStudy] < minScore[insight.KeyStudy] || !q.Voice.Question || !quotable(q) || g.repeats(q) {
				continue
			}
			if b, ok := g.questionBullet(m, q); ok {
				out = append(out, b)
			}
		}
	}
	for _, m := range g.aw.Members {
		for _, q := range m.Sentences {
			if len(out) >= limit {
				return out
			}
			if !q.Voice.Question || !q.Answered || q.Checklist || !quotable(q) || !ownAsking(q) || g.usedSentence[q.ID] || g.repeats(q) {
				continue
			}
			if _, answered := answerBelow(m, q); !answered {
				continue
			}
			if b, ok := g.questionBullet(m, q); ok {
				out = append(out, b)
			}
		}
	}
	return out
}

// questionBullet builds the 공통 질문 on member m's question q when q names
// a specific concept that another member's lines speak to; false when
// none does.
func (g *group) questionBullet(m *analyze.Member, q analyze.Sentence) (insight.Bullet, bool) {
	for _, c := range g.specificConcepts() {
		if g.taken(secCommon, c.Term) || !analyze.Mentions(q, c) {
			continue
		}
		// Others wrote of what it asks: some member's line on the
		// concept is about it (its subject) or shares two terms.
		talked := false
		for _, o := range g.aw.Members {
			if o.Name == m.Name || c.Counts[o.Name] == 0 {
				continue
			}
			if s, ok := about(o, c, g.usedSentence); ok && related(q, s, c) && !g.repeats(s) {
				talked = true
				break
			}
		}
		if !talked {
			continue
		}
		// The other member's line that speaks to the question:
		// it shares what the question (or the line it hangs
		// from) asks about besides the concept, else none.
		var said analyze.Sentence
		var wrote, alike []string
		point := askedWords(m, q, c)
		best, bestScore := 0, -1.0
		for _, o := range g.aw.Members {
			if o.Name == m.Name || c.Counts[o.Name] == 0 {
				continue
			}
			for _, sp := range o.SentencesAbout(c) {
				s := *sp
				if g.usedSentence[s.ID] || s.Voice.Question || !quotable(s) || s.Definition || g.repeats(s) {
					continue
				}
				n := sharesWords(s, point)
				sc := s.Scores[insight.KeyInsights] + s.Scores[insight.KeyPerspective]
				if n > best || n == best && n > 0 && sc > bestScore {
					said, best, bestScore = s, n, sc
					wrote, alike = g.writers(c, s, o.Name)
				}
			}
		}
		// Another member's line saying that a question on the
		// concept is still open ("…가 괜찮은지는 아직 해결되지
		// 않음") speaks to it too, and its question closes the
		// bullet.
		open, openM, isOpen := g.openOn(c, m.Name)
		answer, answered := answerBelow(m, q)
		// A question its asker's note takes up right below, that no
		// other member's line speaks to, is one member's exchange with
		// the book: a 공통 질문 names what several members wrote.
		if answered && best == 0 && !isOpen {
			if !slices.ContainsFunc(g.selfAnswered, func(x selfAnswer) bool { return x.q.ID == q.ID }) {
				g.selfAnswered = append(g.selfAnswered, selfAnswer{m, q, answer, c.Term})
			}
			continue
		}
		g.claim(secCommon, c.Term)
		g.use(q)
		asked := askedQuote(q.Body)
		srcs := []insight.Source{source(q)}
		var text, names string
		if best > 0 {
			g.use(said)
			names = strings.Join(append(wrote, alike...), "·")
			text = fmt.Sprintf("%s 물은 %s — %s %s %s 정리했습니다.",
				Josa(m.Name, "이", "가"), quote(asked), Josa(names, "은", "는"), Josa(c.Term, "을", "를"), quoteSaid(said.Body))
			srcs = append(srcs, source(said))
		} else {
			// No other line speaks to it: the question stands with
			// its own quote, and who else covered the concept.
			text = askedAbout(m.Name, c.Term, asked)
			if others := g.coveredBy(c, []string{m.Name}); len(others) > 0 && !isOpen && !answered {
				text += fmt.Sprintf(" %s도 노트에서 %s 다뤘습니다.", strings.Join(others, "·"), Josa(c.Term, "을", "를"))
			}
		}
		if isOpen {
			g.use(open)
			srcs = append(srcs, source(open))
			wrote, alike := g.writers(c, open, openM)
			text += fmt.Sprintf(" %s %s 적었습니다.", sayers(wrote, alike), quoteSaid(open.Body))
		}
		// When the asker's note takes the question up right
		// below it, the bullet quotes that line and asks whether
		// it answers the question, instead of asking the group to
		// find what is written already.
		switch {
		case answered:
			g.use(answer)
			srcs = append(srcs, source(answer))
			text += " " + answeredBelow(m.Name, answer.Body, asked)
		case isOpen:
			text += " " + openAsk(open.Body)
		case best > 0:
			// The question the two lines leave: whether the line
			// answers it, not a stock call to find an answer.
			text += fmt.Sprintf(" %s 정리는 이 물음에 답이 될까요?", names+"의")
		}
		return insight.Bullet{Head: questionHead(m, q, c.Term), Text: text, Sources: srcs, Engine: Name}, true
	}
	return insight.Bullet{}, false
}

// askedAbout says that member name asked, in the words asked, about term.
func askedAbout(name, term, asked string) string {
	return fmt.Sprintf("%s %s에 대해 %s 물었습니다.", Josa(name, "은", "는"), term, quoteSaid(asked))
}

// answeredBelow quotes what member name wrote right below their question
// and asks whether it bears the question out (see weighAnswer).
func answeredBelow(name, answer, asked string) string {
	return fmt.Sprintf("%s 질문 바로 아래에 %s 적었습니다. %s", Josa(name, "은", "는"), quoteSaid(answer), weighAnswer(asked))
}

// ownAsking reports a question worded as the member asks it, not as a
// book prints one: trailing dots or doubled marks ("…인데... 그럼 …?",
// "…??"), a spoken opener or 굳이 ("그럼 …", "근데 …", "왜 굳이 …"), the
// spoken polite ending (…나요?), or the writer's first person or label.
func ownAsking(q analyze.Sentence) bool {
	b := q.Body
	if q.Voice.FirstPerson || q.Voice.Spoken || analyze.QuestionLabel(q.Voice.Label) ||
		strings.Contains(b, "...") || strings.Contains(b, "…") || strings.Contains(b, "??") || strings.Contains(b, "?!") ||
		strings.HasSuffix(strings.TrimSpace(b), "나요?") {
		return true
	}
	for _, w := range strings.Fields(b) {
		switch strings.Trim(w, ",.") {
		case "그럼", "근데", "굳이":
			return true
		}
	}
	return false
}

// questionHead is the headline of a 공통 질문 on a member's own question:
// the concept the heading right above the question names, when it names
// one ("### 역효과" over "…할수록 …멀어진다 ?"), for that is what the
// member asks about; else the concept the bullet is on.
func questionHead(m *analyze.Member, q analyze.Sentence, concept string) string {
	asked := q
	asked.Voice.Question = false // HeadingHead skips questions: here the question is the point
	if h := HeadingHead(asked, m); h != "" {
		return h
	}
	return concept
}

// related reports whether a statement is about what a question asks:
// both are about the concept (its subject), or they share two terms.
func related(q, s analyze.Sentence, c analyze.Concept) bool {
	if s.Subject != "" && analyze.MentionsText(s.Subject, c) {
		return true
	}
	return sharedTerms(q, s) >= 2
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// angle is a side from which members take up a concept — what they say
// about it in the sentence's predicate — and the question the group can
// argue about from there.
type angle struct {
	cues  []string
	topic string // what the quoted lines are, said after the concept: "한계"
	ask   string
}

var angles = []angle{
	{[]string{"한계", "문제", "어렵", "어려", "위험", "편향", "취약", "단점", "비싸", "부족", "실패", "오류", "느리", "트레이드오프"},
		"한계", "실무에서는 이 한계를 어떻게 다룰 수 있을까요?"},
	// Not "선택한다", "결정된다": a system selecting or a value being
	// determined is no criterion people choose by.
	{[]string{"고르", "고를", "고른", "기준"},
		"선택 기준", "어떤 기준으로 고르면 좋을까요?"},
}

// aboutAngle returns member m's statement about concept c from the given
// angle: a quotable claim (no definition, no question) that mentions the
// concept and one of the angle's cues.
func aboutAngle(m *analyze.Member, c analyze.Concept, a angle, skip map[string]bool) (analyze.Sentence, bool) {
	s, score := bestOn(m, c, skip, 1, func(s analyze.Sentence) bool {
		// A claim about the concept (its subject) that says the angle
		// of it after the subject.
		// Not a group of actors ("…운영자들이 …하기 어렵다"): a limit of
		// people is no limit of the concept.
		return !s.Definition && utf8.RuneCountInString(s.Body) <= 90 &&
			s.Subject != "" && !plural(s.Subject) && analyze.MentionsText(s.Subject, c) && saysOf(s.Body, a.cues)
	})
	return s, score >= 0
}

// debates builds 심화 토론 from the members' own contestable views (a
// hedged claim, a view set against the book's) and their open questions.
func (g *group) debates(limit int) []insight.Bullet {
	type cand struct {
		m     *analyze.Member
		s     analyze.Sentence
		score float64
	}
	var cands []cand
	for _, m := range g.aw.Members {
		for _, s := range m.Sentences {
			// A nested item that leans on its parent line is quoted
			// with it (see below).
			nested := s.ContextParent && s.Problem == "" && s.Frame == "" && utf8.RuneCountInString(s.Body) <= maxQuote
			// A remark that needs its frame (the heading of the section
			// it is on, the list line it hangs from) is quoted with it.
			framed := s.Frame != "" && s.Problem == "" && s.Context == nil && utf8.RuneCountInString(s.Frame+s.Body) <= maxQuote+30
			if g.studied[lineKey(s.File, s.Line)] {
				// An open question 추가 학습 quotes (with the line it
				// carries, too) is left to it; the notice says so.
				if s.Voice.Question {
					g.studiedQuestions++
				}
				continue
			}
			if g.usedSentence[s.ID] || !quotable(s) && !nested && !framed || s.Definition {
				continue
			}
			v := s.Voice
			// The book's questions (answered right after, a checklist)
			// and a statement with a question in parentheses are no
			// open question of the member's.
			ask := v.Question && !s.Answered && !s.Checklist && !asideQuestion(s.Body)
			switch {
			// A view set against the book's is the member's own even
			// when others wrote of the same thing (Shared); other views
			// must be theirs alone. The writer recounting their own
			// reading ("…를 배운 것 같아서 좋았다") or saying what they
			// want to do ("…를 팀에 제안하고 싶다") argues nothing.
			case s.Scores[insight.KeyPerspective] >= minScore[insight.KeyPerspective] && (v.Hedge || v.Contrast || v.Opinion() && utf8.RuneCountInString(s.Body) >= 30) && !v.Recommend && !v.Should && !v.Wish && !resolves(s.Body) && !s.Recounts && (s.Shared < 0.45 || v.Contrast) && !v.Question:
				if s.FeelsOwnEffort() || struck(v) {
					// "…연습이 많이 필요할 것 같다", "…에서 사용한 방식이
					// 신선했다": how it feels to the writer, nothing to argue
					continue
				}
				cands = append(cands, cand{m, s, s.Scores[insight.KeyPerspective] + 0.5})
			case ask && s.Scores[insight.KeyStudy] >= minScore[insight.KeyStudy] && utf8.RuneCountInString(s.Body) >= 15:
				cands = append(cands, cand{m, s, s.Scores[insight.KeyStudy]})
			case !v.Question && disputed(s.Body) && utf8.RuneCountInString(s.Body) >= 20:
				cands = append(cands, cand{m, s, 1.1})
			}
		}
	}
	if len(cands) == 0 {
		// No view stands alone: a view of the member's own that needs
		// the line it answers ("…배려라고 볼 수도 있겠지만…" then "짜증
		// 지대로다~") is quoted with that line, rather than the section
		// saying the notes hold no view when they do.
		for _, m := range g.aw.Members {
			for _, s := range m.Sentences {
				v := s.Voice
				if s.Context == nil || g.usedSentence[s.ID] || g.usedSentence[s.Context.ID] || g.studied[lineKey(s.File, s.Line)] {
					continue
				}
				if s.Problem != "" && s.Problem != analyze.ProblemFragment || s.Context.Problem != "" && s.Context.Problem != analyze.ProblemFragment || s.Definition || s.Recounts || s.FeelsOwnEffort() {
					continue
				}
				if utf8.RuneCountInString(s.Context.Body+s.Body) > 2*maxQuote || s.Shared >= 0.6 {
					continue
				}
				if v.Question || v.Recommend || v.Should || v.Wish || resolves(s.Body) || !(v.Hedge || v.Contrast || v.Reaction || v.Opinion()) {
					continue
				}
				if s.Scores[insight.KeyPerspective] >= minScore[insight.KeyPerspective] {
					cands = append(cands, cand{m, s, s.Scores[insight.KeyPerspective]})
				}
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	out := g.tradeoffs(limit)
	perMember := map[string]int{}
	// A member's question their note answers right below, that no one
	// else's line speaks to, asks the group whether the answer holds.
	for _, a := range g.selfAnswered {
		if len(out) >= limit || g.usedSentence[a.q.ID] || g.usedSentence[a.answer.ID] || g.taken(secDebate, a.term) {
			continue
		}
		asked := askedQuote(a.q.Body)
		text := askedAbout(a.m.Name, a.term, asked) + " " + answeredBelow(a.m.Name, a.answer.Body, asked)
		g.use(a.q, a.answer)
		g.claim(secDebate, a.term)
		perMember[a.m.Name]++
		out = append(out, insight.Bullet{Head: questionHead(a.m, a.q, a.term), Text: text, Sources: []insight.Source{source(a.q), source(a.answer)}, Engine: Name})
	}
	for _, c := range cands {
		if len(out) >= limit {
			break
		}
		if perMember[c.m.Name] >= 1 && len(g.aw.Members) > 1 && len(cands) > limit {
			continue // one view per member first
		}
		head := Headline(c.s)
		// A further bullet is on another concept and quotes other lines.
		if len(out) > 0 && (head != "" && g.taken(secDebate, head) || g.repeats(c.s)) {
			continue
		}
		var others []string
		for _, con := range g.aw.Concepts {
			if head == "" || analyze.Key(con.Term) != analyze.Key(head) && !analyze.MentionsText(head, con) {
				continue
			}
			for _, o := range g.aw.Members {
				if o.Name != c.m.Name && con.Counts[o.Name] > 0 {
					others = append(others, o.Name)
				}
			}
			break
		}
		// A nested item with no subject of its own says what it is
		// about on its parent line ("…처리량이 는다" above "왜 그런지에
		// 대해서는 논쟁이 있다"): the bullet keeps that antecedent.
		lead, srcs := "", []insight.Source{source(c.s)}
		if k := c.s.Context; k != nil {
			// The line the view answers comes first.
			lead = quote(k.Body) + "에 이어 "
			srcs = append([]insight.Source{source(*k)}, srcs...)
			g.use(*k)
		} else if f := c.s.Frame; f != "" {
			// "박진수는 “…개선하기”에 대해 “이 부분 설명에 … 것 같다”라고":
			// the frame says what the remark is on.
			lead = quote(strings.TrimRight(f, ":：")) + "에 대해 "
			srcs = append([]insight.Source{{File: c.s.File, Line: c.s.FrameLine, Member: c.s.Member, Quote: f}}, srcs...)
		} else if p := c.m.Parent(&c.s); p != nil && c.s.Subject == "" && p.Problem == "" && !p.Voice.Question && utf8.RuneCountInString(p.Body) <= maxQuote {
			lead = quote(p.Body) + "에 이어 "
			srcs = append([]insight.Source{source(*p)}, srcs...)
			g.use(*p)
		} else if h := headingConcept(c.s, c.m); h != "" {
			// "박혜정은 “클래스 컴포넌트”에 대해 “함수형이 권장되므로 …
			// 사용할듯”이라고": a view naming no subject is on the
			// concept of the heading it is under.
			lead = quote(h) + "에 대해 "
		} else if opensPointing(c.s.Body) {
			// "그냥 이런 것도 있다 정도 알아두면 될 듯": quoted alone, it
			// says nothing about what "이런 것" is.
			continue
		}
		var text string
		if c.s.Voice.Question {
			text = fmt.Sprintf("%s 남긴 질문 %s%s — 함께 답을 찾아볼 만합니다.", Josa(c.m.Name, "이", "가"), lead, quote(c.s.Body))
		} else if disputed(c.s.Body) && !c.s.Voice.Hedge && !c.s.Voice.FirstPerson {
			// The question is the one the line says people argue
			// about, not a stock line.
			ask := disputedAsk(c.s.Body)
			if ask == "" {
				ask = "어떤 견해들이 있고, 우리는 어떻게 볼까요?"
			}
			text = fmt.Sprintf("%s %s%s 적었습니다. %s", Josa(c.m.Name, "은", "는"), lead, quoteSaid(c.s.Body), ask)
		} else {
			said := c.s.Body
			if n, ok := drawsOn(c.m, c.s); ok && !g.usedSentence[n.ID] {
				// "…치중되는 것 같다. 이 책이 말하는 것처럼 원칙을 맹목적으로
				// 따르지 않으려고 노력해야 할 것 같다.": the view with what
				// the writer draws from it, the point to argue.
				said += " " + n.Body
				srcs = append(srcs, source(n))
				g.use(n)
			}
			text = askView(c.m.Name, lead, said)
		}
		if len(others) > 0 && head != "" {
			text += fmt.Sprintf(" (%s도 노트에서 %s 다뤘습니다.)", strings.Join(others, ", "), Josa(head, "을", "를"))
		}
		g.use(c.s)
		if c.s.Voice.Question {
			g.debated[c.s.ID] = true
		}
		g.claim(secDebate, head)
		perMember[c.m.Name]++
		out = append(out, insight.Bullet{Head: head, Text: text, Sources: srcs, Engine: Name})
	}
	if len(out) == 0 {
		// Open questions under 추가 학습 leave the group the members'
		// own views still to argue (readers called the notice that
		// pointed to them false where a view stood in the notes); with
		// none, the notice points to the questions.
		out = g.anyView()
	}
	return out
}

// opensPointing reports a sentence whose first words point back ("그냥
// 이런 것도 …", "이 방식은 …"): what it is about is above it. A pointer
// later in the sentence ("AI 평가자 방식은 이런 한계가 있지만 …") leans on
// a subject it names itself.
func opensPointing(body string) bool {
	f := strings.Fields(body)
	if len(f) > 3 {
		f = f[:3]
	}
	return analyze.Anaphoric(strings.Join(f, " ") + " ")
}

// struck reports a sentence whose only voice is the writer's reaction
// ("…에서 사용한 방식이 신선했다", "…가 흥미로웠다"): how something struck
// them, which no one can agree or disagree with.
func struck(v analyze.Voice) bool {
	return v.Reaction && !v.Hedge && !v.HedgedClause && !v.Contrast && !v.FirstPerson && !v.Guess && !v.Doubt && !v.Question && !v.Conclusion
}

// anyView returns, for a week whose notes hold no view of the kinds above,
// the member's own statement the group could still argue: their strongest
// view or proposal (one another member also wrote, a resolution or a
// piece of advice included), asked as a question. Readers called the line
// saying the notes hold nothing to argue false in nine reads of ten: notes
// nearly always hold some view. A member recounting their reading or how
// something will feel to them, a definition and a question are no such
// statement.
func (g *group) anyView() []insight.Bullet {
	var best *analyze.Sentence
	var bestM *analyze.Member
	score := 0.0
	for _, m := range g.aw.Members {
		for i := range m.Sentences {
			s := &m.Sentences[i]
			v := s.Voice
			if g.studied[lineKey(s.File, s.Line)] || g.usedSentence[s.ID] || !quotable(*s) || analyze.Dependent(s.Body) || analyze.Anaphoric(s.Body) || s.Definition || v.Question || s.Recounts || s.FeelsOwnEffort() || struck(v) {
				continue
			}
			if s.Subject == "" && !s.OwnSubject && !v.FirstPerson {
				// "…큰 영향을 주기 때문에 신중해야 한다" under a caption
				// naming what: quoted alone, it asks about nothing.
				continue
			}
			sc := s.Scores[insight.KeyPerspective]
			if sc < minScore[insight.KeyPerspective] {
				sc = 0
			}
			if p := s.Scores[insight.KeyPractical]; (v.Recommend || v.Should || v.Wish) && p >= minScore[insight.KeyPractical] && p*0.8 > sc {
				sc = p * 0.8
			}
			if sc > score {
				best, bestM, score = s, m, sc
			}
		}
	}
	if best == nil {
		return nil
	}
	v := best.Voice
	var text string
	if v.Recommend || v.Should || v.Wish {
		text = fmt.Sprintf("%s %s 적었습니다. 우리가 하는 일에도 맞을까요, 어떤 경우에 달라질까요?", Josa(bestM.Name, "은", "는"), quoteSaid(best.Body))
	} else {
		text = askView(bestM.Name, "", best.Body)
	}
	g.use(*best)
	head := Headline(*best)
	g.claim(secDebate, head)
	return []insight.Bullet{{Head: head, Text: text, Sources: []insight.Source{source(*best)}, Engine: Name}}
}

// askView asks the group whether it agrees with a view member name wrote,
// after the line it follows (lead, "" or "“…”에 이어 ").
func askView(name, lead, said string) string {
	return fmt.Sprintf("%s %s%s 보았습니다. 이 주장에 동의하나요, 다른 근거가 있을까요?", Josa(name, "은", "는"), lead, quoteSaid(said))
}

// drawsOn returns the sentence right after s on the same line of member
// m's note when it is what the writer draws from s for what to do, hedged
// ("…것 같다. …따르지 않으려고 노력해야 할 것 같다."): a view and its
// conclusion are one point.
func drawsOn(m *analyze.Member, s analyze.Sentence) (analyze.Sentence, bool) {
	i := sentenceAt(m, s.ID)
	if i < 0 || i+1 >= len(m.Sentences) {
		return analyze.Sentence{}, false
	}
	n := m.Sentences[i+1]
	v := n.Voice
	ok := n.File == s.File && n.Line == s.Line && n.Problem == "" && !v.Question && v.Hedge && (v.Recommend || v.Should) &&
		utf8.RuneCountInString(s.Body+n.Body) <= 2*maxQuote
	return n, ok
}

// next builds 다음 주차 연결 포인트: the places where this week's notes
// point at next week's chapters and the concepts that next week's
// material (chapter summaries, notes) takes up, quoting both ends; or,
// when there are none, next week's schedule row and a plain line saying so.
func (g *group) next(limit int) []insight.Bullet {
	row := g.in.Next
	if row == nil {
		return nil
	}
	label := strings.TrimSpace(strings.Join(nonEmpty(row.Chapters, row.Topic), " "))
	if label == "" {
		label = fmt.Sprintf("%d주차", row.Week)
	}
	if out := g.links(row, "다음 주 "+label, limit); len(out) > 0 {
		return out
	}
	// The schedule alone links nothing: it is said only when no sentence
	// of this week names next week's topic. It claims no more: a reader
	// may well see a link the words do not show, and a line saying there
	// is none would then be false.
	var srcs []insight.Source
	if row.Source != "" {
		srcs = append(srcs, insight.Source{File: row.Source, Line: row.Line})
	}
	text := fmt.Sprintf("다음 주(%d주차%s)에는 %s 다룹니다.", row.Week, datePart(row.Date), Josa(label, "을", "를"))
	switch row.Origin {
	case workspace.OriginNotes:
		// Not the schedule's word: the notes already written for next week.
		text = fmt.Sprintf("다음 주(%d주차) 노트는 %s 다룹니다.", row.Week, Josa(label, "을", "를"))
	case workspace.OriginFolder:
		// The week folders name their chapters, and the count of folders
		// is moim's, not the group's: a study whose weeks are its chapters
		// ("스터디 주차는 챕터와 동일") would read "2주차" as chapter 2.
		text = fmt.Sprintf("다음 주에는 %s 다룹니다.", Josa(label, "을", "를"))
	case workspace.OriginPace:
		// Not a row of the schedule: what the pace it states implies.
		text = fmt.Sprintf("README가 적은 진도대로라면 다음 주(%d주차)에는 %s 다룹니다.", row.Week, Josa(label, "을", "를"))
	}
	if row.Presenter != "" {
		text += fmt.Sprintf(" 발표: %s.", row.Presenter)
	}
	if cs := g.comingBack(3); len(cs) > 0 {
		text += fmt.Sprintf(" 이번 주 여러 멤버가 쓴 %s 다음 주에도 나옵니다.", Josa(strings.Join(cs, "·"), "은", "는"))
	} else if len(g.in.NextDocs) == 0 {
		// Nothing of next week's is written yet (the usual case the week
		// a group generates its document): the line says why it names no
		// concept of this week, rather than reading as a link.
		text += " 다음 주 노트나 장 요약이 아직 없어 이번 주 개념과 이어지는 곳은 적지 않았습니다."
	}
	return []insight.Bullet{{Head: label, Text: text, Sources: srcs, Engine: Name}}
}

// minComingBack is the least weight (see comingBack) of a concept named as
// coming back: two members and two documents of next week for a concept
// few other weeks use, more for one many weeks use ("컴포넌트", used in
// two thirds of a study's weeks, needs nine).
const minComingBack = 3.0

// comingBack returns up to n concepts that two or more members wrote this
// week and next week's material (notes, chapter summaries) takes up again,
// in two documents or more: specific, named terms that are no word of most
// weeks, weighed by how widely these two weeks and how little the rest of
// the study take them up.
func (g *group) comingBack(n int) []string {
	type cand struct {
		term        string
		docs, names int
		spread      float64
	}
	if len(g.in.NextDocs) < 2 {
		return nil
	}
	// Each document's words, indexed once: a concept is looked up in them,
	// not in every sentence again.
	docs := make([]*analyze.TextIndex, len(g.in.NextDocs))
	for i, d := range g.in.NextDocs {
		texts := make([]string, len(d.Sentences))
		for j, ns := range d.Sentences {
			texts[j] = ns.Text
		}
		docs[i] = analyze.NewTextIndex(texts...)
	}
	var cands []cand
	for _, c := range g.specificConcepts() {
		if len(c.Counts) < 2 || !named(c.Term) || g.aw.Widespread(c.Term) || g.aw.StudyWord(c.Term) {
			continue
		}
		in := 0
		for _, d := range docs {
			if d.Mentions(c) {
				in++
			}
		}
		if in >= 2 {
			cands = append(cands, cand{c.Term, in, len(c.Counts), g.aw.Spread(c.Term)})
		}
	}
	// Weighed by how many of this week's members and next week's documents
	// take a concept up, and by how little the rest of the study uses it: a
	// word of many weeks ("컴포넌트" in a study of a book on React) ties
	// every week to every other.
	weight := func(c cand) float64 { return float64(c.docs+c.names) * (1 - c.spread) }
	sort.SliceStable(cands, func(i, j int) bool { return weight(cands[i]) > weight(cands[j]) })
	var out []string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		dup := false
		for _, o := range out {
			dup = dup || strings.Contains(o, c.term) || strings.Contains(c.term, o)
		}
		if !dup && weight(c) >= minComingBack {
			out = append(out, c.term)
		}
	}
	return out
}

// links returns the places where this week's notes lead into next week's
// schedule row, where names it ("다음 주 6장 RAG"): sentences pointing at
// next week's chapters, and concepts next week's material takes up.
func (g *group) links(row *workspace.ScheduleRow, where string, limit int) (out []insight.Bullet) {
	in := g.in
	// Sentences that point at next week's chapters themselves. The
	// book's own cross-reference ("다음 장에서 더 살펴본다") names
	// nothing: a pointer links only when it names a concept of this week.
	chapters := chapterRefs(row.Chapters)
	// A topic word the whole study uses ("스프링" in "스프링이란 무엇인가?"
	// of a study on Spring) links every week to every other: no link.
	var topics []string
	for _, t := range topicTerms(row.Topic) {
		if !g.aw.StudyWord(t) {
			topics = append(topics, t)
		}
	}
	// Concepts several members wrote together with next week's topic:
	// the strongest evidence of a link, first.
	out = append(out, g.coMentions(topics, where, limit)...)
	for _, m := range g.aw.Members {
		for _, s := range m.Sentences {
			if len(out) >= limit {
				return out
			}
			// A note pointing ahead is often a bare phrase ("… (6장에서
			// 다룸)"); it still names what comes next.
			if g.usedSentence[s.ID] || !refersTo(s.Text, chapters) || s.Problem != "" && s.Problem != analyze.ProblemFragment || utf8.RuneCountInString(s.Body) > maxQuote {
				continue
			}
			t := mentioned(s.Body, topics)
			x := g.conceptOf(s, t)
			// A pointer whose concept only names next week's topic again
			// ("RAG 파이프라인 … (6장에서 다룸)" before a week on RAG) links
			// nothing: both ends would be the same thing.
			if x == "" || t != "" && extends(x, t) || len(out) > 0 && g.taken(secNext, x) {
				continue
			}
			g.use(s)
			g.claim(secNext, x)
			next := where
			if t != "" {
				next = termOf(where, t)
			}
			out = append(out, insight.Bullet{
				Head:    x,
				Text:    fmt.Sprintf("%s %s 적었습니다. 이번 주의 %s %s", Josa(m.Name, "은", "는"), quoteSaid(s.Body), Josa(x, "은", "는"), leadsTo(next)),
				Sources: []insight.Source{source(s)},
				Engine:  Name,
			})
		}
	}
	// This week's lines on a concept that name next week's topic
	// ("질의 재작성은 에이전트 루프 안에서 …" before a week on agents): the
	// concept leads into the topic; at most two such links.
	topical := 0
	for _, t := range topics {
		if len(out) >= limit || topical >= 2 {
			break
		}
		var best analyze.Sentence
		var bestM *analyze.Member
		var x string
		score := -1.0
		for _, m := range g.aw.Members {
			for _, s := range m.Sentences {
				if g.usedSentence[s.ID] || !quotable(s) || s.Voice.Question || s.Definition || !strings.Contains(analyze.Key(s.Body), analyze.Key(t)) {
					continue
				}
				c := g.conceptOf(s, t)
				if c == "" {
					continue
				}
				if sc := s.Scores[insight.KeyInsights] + s.Centrality; sc > score {
					best, bestM, x, score = s, m, c, sc
				}
			}
		}
		if bestM == nil || g.taken(secNext, x) {
			continue
		}
		g.claim(secNext, x)
		g.use(best)
		topical++
		out = append(out, insight.Bullet{
			Head:    x,
			Text:    fmt.Sprintf("%s %s 적었습니다. 이번 주의 %s %s", Josa(bestM.Name, "은", "는"), quoteSaid(best.Body), Josa(x, "은", "는"), leadsTo(termOf(where, t))),
			Sources: []insight.Source{source(best)},
			Engine:  Name,
		})
	}

	if len(out) < limit {
		if b, ok := g.askedAhead(topics, where); ok {
			out = append(out, b)
		}
	}

	// Concepts next week's material takes up: compounds and Latin terms
	// first, they name something; at most two such links.
	concepts := g.specificConcepts()
	sort.SliceStable(concepts, func(i, j int) bool { return named(concepts[i].Term) && !named(concepts[j].Term) })
	links := 0
	// Next week's material, as the sentences that could be quoted.
	var ahead []insight.Source
	for _, d := range in.NextDocs {
		for _, ns := range d.Sentences {
			t := analyze.Trim(analyze.Clean(ns.Text))
			if n := utf8.RuneCountInString(t); n >= 15 && n <= maxQuote {
				ahead = append(ahead, insight.Source{File: d.FileOf(ns), Line: ns.Line, Quote: t})
			}
		}
	}
	// The opening topic of each, read once for all the concepts.
	opening := make([]string, len(ahead))
	opens := make([]bool, len(ahead))
	for i := range ahead {
		opening[i], opens[i] = openingTopic(ahead[i].Quote)
	}
	subjects := map[int]string{}
	known := in.NextAnalysis.Subjects()
	aheadSubject := func(i int) string {
		k, ok := subjects[i]
		if !ok {
			k = analyze.Key(known.Of(ahead[i].Quote))
			subjects[i] = k
		}
		return k
	}
	for _, c := range concepts {
		if len(out) >= limit || links >= 2 {
			break
		}
		if g.taken(secNext, c.Term) || g.aw.Widespread(c.Term) {
			continue // a concept most weeks take up ties no two weeks together
		}
		var thisM *analyze.Member
		var thisS analyze.Sentence
		for _, m := range g.aw.Members {
			if c.Counts[m.Name] == 0 {
				continue
			}
			// This week's end is a statement about the concept itself.
			onConcept := func(s analyze.Sentence) bool { return isKey(analyze.Key(s.Subject), c) }
			if s, score := bestOn(m, c, g.usedSentence, 0.5, onConcept); score > 0 {
				thisM, thisS = m, s
				break
			}
		}
		if thisM == nil {
			continue
		}
		var nextSrc *insight.Source
		for i := range ahead {
			// The next sentence is about the concept: it is its subject,
			// or it opens on the concept as its topic ("enum은 주로 …").
			if !isKey(aheadSubject(i), c) && !(opens[i] && topicIs(opening[i], c)) || !analyze.Standalone(ahead[i].Quote) {
				continue
			}
			nextSrc = &ahead[i]
			break
		}
		if nextSrc == nil {
			continue
		}
		g.claim(secNext, c.Term)
		g.use(thisS)
		links++
		out = append(out, insight.Bullet{
			Head:    c.Term,
			Text:    fmt.Sprintf("이번 주 %s 정리한 %s %s의 %s 이어집니다.", Josa(thisM.Name, "이", "가"), quoteWith(thisS.Body, "은", "는"), where, quoteWith(nextSrc.Quote, "으로", "로")),
			Sources: []insight.Source{source(thisS), *nextSrc},
			Engine:  Name,
		})
	}
	if len(out) == 0 {
		out = g.usedAgain(concepts, ahead, where)
	}
	if len(out) == 0 {
		out = g.sectionsAgain(concepts, row, where)
	}
	return out
}

// askedAhead returns a 다음 주차 link from a member's own open question that
// names a term of next week's topic ("가중치가 0과 1뿐이라면 다익스트라 대신
// BFS를 변형해서 …않을까?" before a week on 다익스트라): next week's material
// is where the group takes the question up. With next week's notes, the
// bullet quotes their line that shares the most specific terms with the
// question (two or more). A question 심화 토론 quotes already is named, not
// quoted again.
func (g *group) askedAhead(topics []string, where string) (insight.Bullet, bool) {
	var q analyze.Sentence
	var qm *analyze.Member
	var t string
	for _, m := range g.aw.Members {
		for _, s := range m.Sentences {
			v := s.Voice
			own := s.Scores[insight.KeyStudy] > 0 || analyze.QuestionLabel(v.Label)
			if !v.Question || s.Answered || !own || s.Problem != "" || s.Context != nil || utf8.RuneCountInString(s.Body) > maxQuote ||
				g.usedSentence[s.ID] && !g.debated[s.ID] {
				continue
			}
			if x := mentioned(s.Body, topics); x != "" && !g.taken(secNext, x) {
				q, qm, t = s, m, x
				break
			}
		}
		if qm != nil {
			break
		}
	}
	if qm == nil {
		return insight.Bullet{}, false
	}
	asked := map[string]bool{}
	for _, term := range q.Terms {
		if analyze.Specific(term) {
			asked[analyze.Key(term)] = true
		}
	}
	// The asker's own note of next week first: where they take their
	// question up; then anyone's.
	var next *insight.Source
	var author string
	most, mine := 1, false
	for _, d := range g.in.NextDocs {
		by := g.in.NextAuthors[d.Path]
		own := by != "" && by == qm.Name
		for _, ns := range d.Sentences {
			line := analyze.Trim(analyze.Clean(ns.Text))
			if n := utf8.RuneCountInString(line); n < 15 || n > maxQuote || !statement(line) {
				continue
			}
			shared := 0
			for _, term := range text.Read(line).Terms {
				if asked[analyze.Key(term.Text)] {
					shared++
				}
			}
			if shared < 2 || mine && !own {
				continue
			}
			if shared > most || own && !mine {
				most, mine, author = shared, own, by
				next = &insight.Source{File: d.FileOf(ns), Line: ns.Line, Quote: line}
			}
		}
	}
	to := where // "다음 주 최단 경로 (다익스트라)" names the term already
	if !strings.Contains(where, t) {
		to = termOf(where, t)
	}
	var body string
	if g.debated[q.ID] {
		body = fmt.Sprintf("심화 토론에 옮긴 %s의 질문은 %s", qm.Name, leadsTo(to))
	} else {
		body = fmt.Sprintf("%s 물은 %s %s", Josa(qm.Name, "이", "가"), quoteWith(q.Body, "은", "는"), leadsTo(to))
	}
	srcs := []insight.Source{source(q)}
	if next != nil {
		switch {
		case mine:
			body += fmt.Sprintf(" %s 다음 주 노트에 %s 적었습니다.", Josa(qm.Name, "은", "는"), quoteSaid(next.Quote))
		case author != "":
			body += fmt.Sprintf(" 다음 주 %s의 노트에는 %s 줄이 있습니다.", author, quoteWith(next.Quote, "이라는", "라는"))
		default:
			body += fmt.Sprintf(" 다음 주 노트에는 %s 줄이 있습니다.", quoteWith(next.Quote, "이라는", "라는"))
		}
		srcs = append(srcs, *next)
	}
	g.use(q)
	g.claim(secNext, t)
	return insight.Bullet{Head: t, Text: body, Sources: srcs, Engine: Name}, true
}

// topicTerms returns the concepts a schedule row's topic names
// ("검색/에이전트" → 검색, 에이전트; "색인·질의 평가" → 질의 평가): the
// specific terms of each part.
func topicTerms(topic string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(topic, func(r rune) bool { return strings.ContainsRune("/·,+&()|", r) }) {
		for _, t := range text.Read(strings.TrimSpace(part)).Terms {
			if seen[t.Key] || !analyze.Specific(t.Text) || !analyze.Meaningful(t.Text) || utf8.RuneCountInString(t.Text) < 2 {
				continue
			}
			seen[t.Key] = true
			out = append(out, t.Text)
		}
	}
	return out
}

// leadsTo says that something leads into what follows: "…의 에이전트로
// 이어집니다."
func leadsTo(what string) string { return Josa(what, "으로", "로") + " 이어집니다." }

// termOf names a term of next week's topic where the topic is named
// ("다음 주 6장 RAG의 검색기"); a term that is the topic's last word says
// it once ("다음 주 2장 테스트", not "… 테스트의 테스트").
func termOf(where, t string) string {
	if strings.HasSuffix(where, " "+t) {
		return where
	}
	return where + "의 " + t
}

// mentioned returns the first of terms a sentence names, or "".
func mentioned(s string, terms []string) string {
	k := analyze.Key(s)
	for _, t := range terms {
		if strings.Contains(k, analyze.Key(t)) {
			return t
		}
	}
	return ""
}

// conceptOf returns the concept of this week a sentence is about, other
// than next week's topic term t: its headline when that is no word of the
// whole study, or else the term of the sentence that extends t ("에이전트
// 루프" before a week on agents) or, with no t, its first specific
// term (a pointer at next week's chapter names what leads there: "캐시 스탬피드는
// 7장에서 다룬다"); "" when it names none (a bare cross-reference, "다음 장에서
// 더 살펴본다").
func (g *group) conceptOf(s analyze.Sentence, t string) string {
	if h := Headline(s); h != "" && !g.aw.Widespread(h) && (t == "" || analyze.Key(h) != analyze.Key(t)) {
		return h
	}
	for _, term := range s.Terms {
		// With a topic term, only a term extending it; without one (a
		// pointer at next week's chapter), any term naming something.
		if k := analyze.Key(term); t != "" && (k == analyze.Key(t) || !strings.Contains(k, analyze.Key(t))) {
			continue
		}
		if (named(term) || t == "") && headWorthy(term) && !chapterWord(term) && !g.aw.Widespread(term) {
			return term
		}
	}
	return ""
}

// chapterWord reports whether a term only names a part of the book
// ("2장", "Chapter 6").
func chapterWord(t string) bool {
	k := strings.ToLower(t)
	return strings.HasSuffix(k, "장") && strings.IndexFunc(k, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 || strings.HasPrefix(k, "chapter")
}

// chapterRefs returns the chapter numbers a schedule cell names ("6장",
// "8-9.1장" → 8, 9).
func chapterRefs(cell string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool { return r < '0' || r > '9' }) {
		out = append(out, strings.TrimLeft(f, "0"))
	}
	if len(out) == 2 {
		a, b := atoi(out[0]), atoi(out[1])
		if b > a && b-a < 10 {
			out = out[:0]
			for n := a; n <= b; n++ {
				out = append(out, fmt.Sprint(n))
			}
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// refersTo reports whether a sentence names one of the chapters ("6장에서
// 다룸", "Chapter 6").
func refersTo(s string, chapters []string) bool {
	for _, c := range chapters {
		if c == "" {
			continue
		}
		for _, form := range []string{c + "장", c + " 장", "chapter " + c, "Chapter " + c, "ch." + c, "Ch." + c, "챕터 " + c, c + "챕터"} {
			i := strings.Index(s, form)
			if i < 0 {
				continue
			}
			// "16장" is not "6장".
			if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
				continue
			}
			return true
		}
	}
	return false
}

func datePart(d string) string {
	if d == "" {
		return ""
	}
	return ", " + d
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// Josa appends the particle that fits the word's last sound: withBatchim
// after a final consonant ("개념을"), without otherwise ("모델를" → "모델을"
// is handled as ㄹ-final). Latin words are judged by their last letter.
func Josa(word, withBatchim, without string) string {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(word))
	has := false
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		has = (r-0xAC00)%28 != 0
	case r >= '0' && r <= '9':
		has = strings.ContainsRune("013678", r)
	case acronym(word):
		// Read letter by letter: "RAG" is 래그/알에이지 → no final
		// consonant; "LLM" ends in 엠.
		has = strings.ContainsRune("LMNR", r)
	case r == 'd' || r == 'D':
		has = false // a final d is read 드: "undefined는", "method를"
	case r == 'g' || r == 'G':
		has = len(word) > 1 && (word[len(word)-2] == 'n' || word[len(word)-2] == 'N') // "string을" (ㅇ), "log를" (그)
	case strings.ContainsRune("tkpTKP", r) && len(word) > 1 && !strings.ContainsRune("aeiouyAEIOUY", rune(word[len(word)-2])) && word[len(word)-2] < utf8.RuneSelf:
		has = false // after a consonant the final is read with ㅡ: "useEffect를" (이펙트), "TypeScript를", "desk를"
	default:
		has = strings.ContainsRune("bcjklmnpqtBCJKLMNPQT", r)
	}
	if has && withBatchim == "으로" && rieulFinal(word, r) {
		has = false // ㄹ takes 로: "컴파일로", "1로", "URL로"
	}
	if has {
		return word + withBatchim
	}
	return word + without
}

// rieulFinal reports whether a word whose last character is r ends in the
// final consonant ㄹ, read as Korean would read it.
func rieulFinal(word string, r rune) bool {
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		return (r-0xAC00)%28 == 8
	case r >= '0' && r <= '9':
		return strings.ContainsRune("178", r)
	case acronym(word):
		return r == 'L'
	}
	return r == 'l' || r == 'L'
}

// acronym reports whether a word ends in a run of two or more capital
// Latin letters ("RAG", "GPT", "LLM"): it is read letter by letter.
func acronym(word string) bool {
	w := strings.TrimSpace(word)
	n := 0
	for i := len(w) - 1; i >= 0 && w[i] >= 'A' && w[i] <= 'Z'; i-- {
		n++
	}
	return n >= 2 && (n == len(w) || !(w[len(w)-n-1] >= 'a' && w[len(w)-n-1] <= 'z'))
}

// named reports whether a term is a compound or a Latin name: it names
// something rather than being a single everyday noun.
func named(t string) bool {
	return strings.Contains(t, " ") || isLatin(t) || utf8.RuneCountInString(t) >= 4
}

// saysOf reports whether the sentence's final predicate says one of the
// cues of its subject: "…내기 어렵다", "…위험이 크다", "…한계가 있다"; not
// "…문제를 해결한다" or "…어려운지를 측정한다".
func saysOf(s string, cues []string) bool {
	f := strings.Fields(strings.TrimRight(s, " .!"))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	for _, c := range cues {
		if strings.HasPrefix(last, c) || strings.Contains(last, c) && !strings.Contains(last, "지를") && !strings.Contains(last, "는지") {
			return true
		}
	}
	if len(f) < 2 {
		return false
	}
	prev := f[len(f)-2]
	for _, v := range []string{"있", "크", "생기", "생긴", "따르", "따른", "존재", "발생", "많"} {
		if strings.HasPrefix(last, v) {
			for _, c := range cues {
				if strings.HasPrefix(prev, c) {
					return true
				}
			}
		}
	}
	return false
}

// tradeoffCues mark a sentence that weighs one thing against another.
// A verb's "…하는 대신" gives one thing for another ("자율성을 보장하는
// 대신 결합도가 상승했다"); "A vs B" sets two sides against each other.
var tradeoffCues = []string{"트레이드오프", "trade-off", "tradeoff", "상충", "내주고", "맞바꾸", "희생", "대가로", "반면", "는 대신", "는대신", " vs ", " vs. ", " VS "}

// versus reports a line that sets two sides against each other ("A vs B").
func versus(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, " vs ") || strings.Contains(l, " vs. ")
}

// tradeoffs builds 심화 토론 bullets from a trade-off that two or more
// members wrote about the same concept: a question with no single answer.
func (g *group) tradeoffs(limit int) []insight.Bullet {
	var out []insight.Bullet
	// The lines that weigh one thing against another, found once: few
	// lines do, and each concept looks only at them.
	// Each one's letters, run together, are kept to look a concept's
	// spellings up in before reading the words (analyze.MentionsText).
	weighing := make([][]int, len(g.aw.Members))
	flat := map[string]string{}
	for k, m := range g.aw.Members {
		for i := range m.Sentences {
			if b := m.Sentences[i].Body; hasCue(b, tradeoffCues) {
				weighing[k] = append(weighing[k], i)
				flat[b] = analyze.Letters(b)
			}
		}
	}
	for _, c := range g.specificConcepts() {
		if len(out) >= limit || len(c.Counts) < 2 || g.taken(secDebate, c.Term) {
			continue
		}
		spelled := analyze.Spellings(c)
		mentions := func(body string) bool { return analyze.MentionsSpelled(body, flat[body], spelled) }
		var picked []analyze.Sentence
		var who []string
		for k, m := range g.aw.Members {
			for _, i := range weighing[k] {
				// By the concept's words in the text: "TicketOffice의
				// 자율성 vs …" is read as one term, and is about 자율성.
				s := m.Sentences[i]
				if !mentions(s.Body) {
					continue
				}
				// "TicketOffice의 자율성 vs 결합도가 높은 설계": two sides
				// set against each other read whole without a predicate.
				// A line under a label it needs no words of ("**트레이드오프**"
				// over "…보장하는대신 …결합도가 상승했다") reads whole too.
				sides := s.Problem == analyze.ProblemFragment && s.Context == nil && versus(s.Body)
				labelled := s.Problem == "" && s.Context == nil && s.Frame != "" && !s.FrameNeeded
				if g.usedSentence[s.ID] || s.Voice.Question || !quotable(s) && !sides && !labelled || utf8.RuneCountInString(s.Body) > 90 {
					continue
				}
				dup := false
				for _, p := range picked {
					dup = dup || text.BigramF1(p.Body, s.Body) > 0.5
				}
				if !dup {
					picked = append(picked, s)
					who = append(who, m.Name)
					break
				}
			}
			if len(picked) == 2 {
				break
			}
		}
		if len(picked) < 2 {
			continue
		}
		g.claim(secDebate, c.Term)
		var quotes []string
		var srcs []insight.Source
		for i, p := range picked {
			g.use(p)
			quotes = append(quotes, Josa(who[i], "은", "는")+" "+quoteSaid(p.Body))
			srcs = append(srcs, source(p))
		}
		text := fmt.Sprintf("%s 적었습니다. 이 트레이드오프에서 어떤 경우에 어느 쪽을 택할까요?", strings.Join(quotes, ", "))
		out = append(out, insight.Bullet{Head: c.Term, Text: text, Sources: srcs, Engine: Name})
	}
	return out
}

// isKey reports whether k is one of the concept's spellings.
func isKey(k string, c analyze.Concept) bool {
	if k == "" {
		return false
	}
	for _, ck := range c.Keys {
		if ck == k {
			return true
		}
	}
	return k == analyze.Key(c.Term)
}

// stressed builds a 공통 질문 on the point (nearly) every member stressed
// about a concept they all covered: a line that several members' notes
// say alike, quoted once with everyone who wrote it, and plainly no
// contrast, for the notes show none. It says nothing when no point is
// shared: two members writing different things of a concept is no
// disagreement.
func (g *group) stressed(limit int, kind stressKind) []insight.Bullet {
	n := len(g.aw.Members)
	if n < 2 || limit <= 0 {
		return nil
	}
	// Nearly every member: all but one of three or more, both of two (a
	// week only two members wrote notes for).
	least := max(2, n-1)
	var out []insight.Bullet
	for _, c := range g.specificConcepts() {
		if len(out) >= limit {
			break
		}
		if len(c.Counts) < least || g.taken(secCommon, c.Term) || !named(c.Term) {
			continue
		}
		var best analyze.Sentence
		var bestM *analyze.Member
		var bestWrote, bestAlike []string
		for _, m := range g.aw.Members {
			if c.Counts[m.Name] == 0 {
				continue
			}
			k := kind
			if len(out) > 0 {
				k = stressJudged
			}
			s, ok := statementOn(m, c, g.usedSentence, k)
			if !ok || g.repeats(s) {
				continue
			}
			if w, a := g.writers(c, s, m.Name); len(w)+len(a) > len(bestWrote)+len(bestAlike) || len(w)+len(a) == len(bestWrote)+len(bestAlike) && len(w) > len(bestWrote) {
				best, bestM, bestWrote, bestAlike = s, m, w, a
			}
		}
		if len(bestWrote)+len(bestAlike) < 2 {
			continue
		}
		// The question the point raises: with another side, about the
		// two; else about the point itself.
		side, sideM, split := g.otherSide(c, []analyze.Sentence{best})
		var ask string
		if split {
			ask = splitAsk(c, best, side)
			split = ask != ""
		}
		writers := append(append([]string(nil), bestWrote...), bestAlike...)
		var below *analyze.Sentence // the limit one of the writers wrote right below the point
		if !split {
			ask = stressedAsk(c, best)
			// Nothing in the point sets a question up, but one of those
			// who wrote it goes on to its limit: the two lines set it up.
			for _, name := range writers {
				if ask != stockAsk {
					break
				}
				m := g.member(name)
				if m == nil {
					continue
				}
				if r, ok := limitBelow(m, best); ok && !g.usedSentence[r.ID] && !g.repeats(r) {
					below = &r
					ask = fmt.Sprintf("%s 이어서 %s 적었습니다. %s", Josa(name, "은", "는"), quoteSaid(r.Body), angles[0].ask)
				}
			}
		}
		g.claim(secCommon, c.Term)
		g.use(best)
		if below != nil {
			g.use(*below)
		}
		// Everyone who wrote the point, in its words or nearly the same
		// ones, in one clause.
		// The quote is credited to who wrote it; the others are named
		// beside it.
		srcs := []insight.Source{source(best)}
		head, about := pointHead(best, bestM, c.Term), pointAbout(best, c)
		if Headline(best) == "" && analyze.Key(head) != analyze.Key(c.Term) {
			// The heading above names what the line is about ("### Recoil"
			// over "보일러플레이트가 적고 난이도가 쉽다"): so does the question.
			about = head
		}
		if h := g.sharedHeading(best, writers); h != "" && Headline(best) == "" && analyze.Key(head) == analyze.Key(c.Term) {
			// The point is copied from a section every writer kept
			// under one heading ("### Recoil" over "…보일러플레이트가
			// 적고 …"): that heading is what the line is about.
			head, about = h, h
		}
		t, srcs2 := g.besides(c, []string{credit(bestWrote, bestAlike, about+"에 대해 ", best.Body)}, best, side, sideM, split)
		srcs = append(srcs, srcs2...)
		if below != nil {
			srcs = append(srcs, source(*below))
		}
		t += " " + ask
		out = append(out, insight.Bullet{Head: head, Text: t, Sources: srcs, Engine: Name})
	}
	return out
}

// sharedHeading returns the concept the heading right above a point names
// when two or more of the members who wrote it (names) keep their line, in
// its wording, under a heading naming the same concept, and the line does
// not name it:
// the point is that concept's ("### 3. Recoil" over "…보일러플레이트가 적고
// 난이도가 쉽다"). "" otherwise.
func (g *group) sharedHeading(s analyze.Sentence, names []string) string {
	count := map[string]int{}
	name := map[string]string{}
	for _, n := range names {
		m := g.member(n)
		if m == nil {
			continue
		}
		for i := range m.Sentences {
			o := &m.Sentences[i]
			if o.ID != s.ID && !wroteQuote(s.Body, o.Body) || len(o.Path) == 0 {
				continue // only the line itself, in the quote's wording
			}
			raw := o.Path[len(o.Path)-1]
			h := HeadingName(raw)
			if h == "" || m.BroadHeading(raw) || strings.Contains(analyze.Key(s.Body), analyze.Key(h)) {
				break
			}
			k := analyze.Key(h)
			if count[k]++; count[k] == 2 {
				return name[k] // the first heading two writers share, in the order of names
			}
			name[k] = h
			break
		}
	}
	return ""
}

// pointHead is the headline of a 공통 질문 on one quoted point: what the
// line is about when it names it ("DaoFactory는 …" on the concept UserDao
// it also names), else the heading right above it when that names a
// concept ("### 구조적 타이핑" over "타입스크립트에서는 …"), else the concept.
func pointHead(s analyze.Sentence, m *analyze.Member, concept string) string {
	if h := Headline(s); h != "" {
		return h
	}
	if m != nil {
		if h := HeadingHead(s, m); h != "" {
			return h
		}
	}
	return concept
}

// pointAbout returns what a point several members stressed is said to be
// about: the line's own subject when it names one other than the concept
// ("JSX.Element 는 …" found under the concept props), else the concept.
func pointAbout(s analyze.Sentence, c analyze.Concept) string {
	if h := Headline(s); h != "" && !analyze.MentionsText(h, c) {
		return h
	}
	return c.Term
}

// shared reports whether two or more members covered one specific,
// named concept of the week.
func (g *group) shared() bool {
	for _, c := range g.specificConcepts() {
		if len(c.Counts) >= 2 && named(c.Term) {
			return true
		}
	}
	return false
}

// writers returns member first and every other member whose note has
// the quoted wording of line s (about concept c), and apart from them
// the members whose line says the same nearly alike but in other words
// (shorter, without the aside, reworded): a quote is credited only to
// who wrote it, the others wrote the same point.
func (g *group) writers(c analyze.Concept, s analyze.Sentence, first string) (wrote, alike []string) {
	wrote = []string{first}
	for _, m := range g.aw.Members {
		if m.Name == first || c.Counts[m.Name] == 0 {
			continue
		}
		same, verbatim := false, false
		for _, o := range g.creditLines(m, c) {
			// A question asks; it says no point alike. The line may say
			// it with the next item of its list.
			if o.Voice.Question {
				continue
			}
			if !samePoint(o.Body, s.Body) {
				if n := nextOf(m, o); n == nil || n.Voice.Question || !samePoint(o.Body+" "+n.Body, s.Body) {
					continue
				}
				same = true
				continue
			}
			same = true
			if wroteQuote(s.Body, o.Body) {
				verbatim = true
				break
			}
		}
		switch {
		case verbatim:
			wrote = append(wrote, m.Name)
		case same:
			alike = append(alike, m.Name)
		}
	}
	return wrote, alike
}

// wroteQuote reports whether a note line has the quoted wording: nearly
// every character pair of the quote is in the line. A shorter line, or
// one without the quote's aside, says the same point but not the quote.
func wroteQuote(quoted, line string) bool {
	return text.Support(quoted, line, text.SupportOptions{}) >= verbatimShare
}

// verbatimShare is the share of a quote's character pairs a line has when
// it is the same wording (spacing and punctuation aside).
const verbatimShare = 0.9

// without returns names without those in other.
func without(names, other []string) []string {
	var out []string
	for _, n := range names {
		if !contains(other, n) {
			out = append(out, n)
		}
	}
	return out
}

// apart returns names without those in other, but for its first (the
// member whose line it is).
func apart(names, other []string) []string {
	return append(names[:1:1], without(names[1:], other)...)
}

// sameLine is the bigram similarity from which two members' lines say the
// same thing in nearly the same words.
const sameLine = 0.5

// coveredBy returns the members the concept matrix has on concept c,
// other than those named already.
func (g *group) coveredBy(c analyze.Concept, named []string) []string {
	var out []string
	for _, m := range g.aw.Members {
		if c.Counts[m.Name] > 0 && !contains(named, m.Name) {
			out = append(out, m.Name)
		}
	}
	return out
}

// contrasts builds 공통 질문 on a real disagreement: two members' own
// statements about one concept that judge it on the same axis with
// opposite signs (one says it will fall behind, the other that it may
// catch up; one that it is enough, the other that it is not), named with
// everyone else who covered the concept.
func (g *group) contrasts(limit int) []insight.Bullet {
	return g.eachOpen(limit, func(c analyze.Concept) (insight.Bullet, bool) {
		type said struct {
			m *analyze.Member
			s analyze.Sentence
		}
		var ss []said
		for _, m := range g.aw.Members {
			if c.Counts[m.Name] == 0 {
				continue
			}
			for _, sp := range m.SentencesAbout(c) {
				s := *sp
				// A judgement leaning on the line above ("이런 흐름이면
				// …") still judges the concept it names.
				if g.repeats(s) || s.Stance.Sign == 0 || s.Voice.Question || s.Definition || s.Problem != "" && s.Problem != analyze.ProblemDangling ||
					utf8.RuneCountInString(s.Body) > maxQuote || s.Voice.Recommend || !topicOf(s.Body, c) {
					continue
				}
				ss = append(ss, said{m, s})
			}
		}
		var a, b *said
		for i := range ss {
			for j := i + 1; j < len(ss) && a == nil; j++ {
				if ss[i].m != ss[j].m && ss[i].s.Stance.Opposes(ss[j].s.Stance) && text.BigramF1(ss[i].s.Body, ss[j].s.Body) < sameLine &&
					!bothSides(ss[i].m, c, ss[j].s.Stance) && !bothSides(ss[j].m, c, ss[i].s.Stance) {
					a, b = &ss[i], &ss[j]
				}
			}
		}
		if a == nil {
			return insight.Bullet{}, false
		}
		g.claim(secCommon, c.Term)
		g.use(a.s, b.s)
		// Each side with everyone who wrote it, the quote credited to
		// who has its wording; a member found on both sides is named on
		// neither but their own line's.
		aw, al := g.writers(c, a.s, a.m.Name)
		bw, bl := g.writers(c, b.s, b.m.Name)
		onA, onB := append(append([]string{}, aw...), al...), append(append([]string{}, bw...), bl...)
		aw, al, bw, bl = apart(aw, onB), without(al, onB), apart(bw, onA), without(bl, onA)
		t := fmt.Sprintf("%s 두고 판단이 갈립니다. %s %s, %s %s 적었습니다.", Josa(c.Term, "을", "를"),
			sayers(aw, al), quoteSaid(a.s.Body), sayers(bw, bl), quoteSaid(b.s.Body))
		t += " 어느 쪽 근거가 더 설득력 있고, 어떤 경우에 다른 쪽이 맞을까요?"
		return insight.Bullet{Head: c.Term, Text: t, Sources: []insight.Source{source(a.s), source(b.s)}, Engine: Name}, true
	})
}

// eachOpen makes 공통 질문 bullets with build, at most limit, on the week's
// specific concepts in order that two or more members covered, that a
// bullet of the section has not taken (see taken) and that name something.
func (g *group) eachOpen(limit int, build func(c analyze.Concept) (insight.Bullet, bool)) []insight.Bullet {
	var out []insight.Bullet
	for _, c := range g.specificConcepts() {
		if len(out) >= limit {
			break
		}
		if len(c.Counts) < 2 || g.taken(secCommon, c.Term) || !named(c.Term) {
			continue
		}
		if b, ok := build(c); ok {
			out = append(out, b)
		}
	}
	return out
}

// bothSides reports whether member m's note also judges concept c the
// other way, st, in any sentence that has c as its topic or subject ("오픈
// 소스 모델이 뒤처질 수 있는 이유는 …" beside "…따라잡을 수도 있다"): the
// member copied the book's account of both sides, and their line is no
// side against another member's. Two members quoting the two halves of
// one passage do not disagree.
func bothSides(m *analyze.Member, c analyze.Concept, st analyze.Stance) bool {
	for _, s := range m.SentencesAbout(c) {
		if s.Holds(st) && topicOf(s.Body, c) {
			return true
		}
	}
	return false
}

// opensOnTopic reports whether a sentence opens with a spelling of concept
// c as its topic: its first word is the concept with 은/는 ("enum은 …",
// "enum 은 …").
func opensOnTopic(body string, c analyze.Concept) bool {
	t, ok := openingTopic(body)
	return ok && topicIs(t, c)
}

// openingTopic returns the key of a sentence's first word without the
// topic particle 은/는 it takes ("enum은 …", "enum 은 …" → "enum"), and
// false when the first word takes neither: what opensOnTopic compares,
// read once for a sentence that is compared with many concepts.
func openingTopic(body string) (string, bool) {
	first, rest := nextField(body)
	if first == "" {
		return "", false
	}
	if second, _ := nextField(rest); second == "은" || second == "는" {
		first += second
	}
	w := strings.TrimRight(first, ",.")
	for _, p := range []string{"은", "는"} {
		if stem := strings.TrimSuffix(w, p); stem != w && stem != "" {
			return analyze.Key(stem), true
		}
	}
	return "", false
}

// topicIs reports whether the key of a phrase that takes a particle
// ends in one of concept c's keys.
func topicIs(k string, c analyze.Concept) bool {
	keys := c.Keys
	if len(keys) == 0 {
		keys = []string{analyze.Key(c.Term)}
	}
	for _, ck := range keys {
		if ck != "" && strings.HasSuffix(k, ck) {
			return true
		}
	}
	return false
}

// nextField returns the first field of s as strings.Fields splits it, and
// what follows it, without splitting the rest.
func nextField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// topicOf reports whether concept c is a topic or subject in a sentence:
// one of its spellings, as the end of a phrase, takes 은/는/이/가/도
// ("…사내 검색 엔진은 …", "…분산 캐시가 …"), so what the sentence
// judges is said of it; not "…캐시로는", "…캐시를".
func topicOf(body string, c analyze.Concept) bool {
	return marked(body, c, "은", "는", "이", "가", "도")
}

// themeOf reports whether concept c is the theme of a sentence: one of
// its spellings takes the topic particle 은/는 ("낮은 진입 장벽은 …"). A
// subject marked 이/가 may be that of an embedded clause ("…리더보드가 어떻게
// 만들어졌는지 살펴보면 유용하다" judges the looking, not the leaderboard).
func themeOf(body string, c analyze.Concept) bool {
	return marked(body, c, "은", "는")
}

// marked reports whether one of concept c's spellings, as the end of a
// phrase, takes one of the particles.
func marked(body string, c analyze.Concept, particles ...string) bool {
	f := strings.Fields(body)
	for i, w := range f {
		for _, p := range particles {
			stem := strings.TrimSuffix(strings.TrimRight(w, ",."), p)
			if stem == strings.TrimRight(w, ",.") || stem == "" {
				continue
			}
			for j := i; j >= 0 && j >= i-3; j-- {
				if topicIs(analyze.Key(strings.Join(append(append([]string{}, f[j:i]...), stem), " ")), c) {
					return true
				}
			}
		}
	}
	return false
}

// onConcept reports whether a sentence is about concept c: its subject,
// or named in its first half, where a sentence names what it judges.
func onConcept(s analyze.Sentence, c analyze.Concept) bool {
	return isKey(analyze.Key(s.Subject), c) || analyze.MentionsText(firstHalf(s.Body), c) && !likened(s.Body, c)
}

// likeners are the particles after which a term is what something is
// likened to or set against ("XML과 같은 설정정보", "XML처럼", "XML보다"),
// not what the sentence is about.
var likeners = []string{"처럼", "같이", "같은", "과 같은", "와 같은", "과 같이", "와 같이", "과 달리", "와 달리", "보다"}

// likenedAt reports whether rest, the text right after a term, opens with
// one of the likeners.
func likenedAt(rest string) bool {
	for _, p := range likeners {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// likened reports a sentence that names concept c, wherever it names it
// with its term, only as a term of likeness or comparison: "…사실은 XML과
// 같은 스프링 전용 설정정보로 볼 수 있다" is about a configuration class,
// not XML.
func likened(body string, c analyze.Concept) bool {
	t := c.Term
	if t == "" {
		return false
	}
	rest, found := body, false
	for {
		i := strings.Index(rest, t)
		if i < 0 {
			return found
		}
		after := rest[i+len(t):]
		if !likenedAt(after) {
			return false
		}
		found, rest = true, after
	}
}

// statementOn returns member m's best statement whose subject is concept
// c: a quotable claim, no definition, no question.
func statementOn(m *analyze.Member, c analyze.Concept, skip map[string]bool, kind stressKind) (analyze.Sentence, bool) {
	s, score := bestOn(m, c, skip, 0.5, func(s analyze.Sentence) bool {
		// About the concept: its subject, or named in the sentence's
		// first half.
		if s.Definition || utf8.RuneCountInString(s.Body) > 90 || s.Problem != "" || !onConcept(s, c) {
			return false
		}
		switch kind {
		case stressJudged:
			// A judged line judges the concept itself: it is the
			// sentence's theme (은/는), not the subject of a clause ("X가 클수록 …").
			return judges(s) && themeOf(s.Body, c)
		case stressClaimed:
			return claims(s)
		}
		return true
	})
	return s, score >= 0
}

// stressKind is how much a line must say of its concept to carry the
// 공통 질문 on a point most members stressed (see stressed).
type stressKind int

const (
	// stressAny takes any statement on the concept.
	stressAny stressKind = iota
	// stressClaimed takes a line that claims something of it (see claims).
	stressClaimed
	// stressJudged takes a line that passes a judgement on it (see judges).
	stressJudged
)

// claims reports a line that claims something the group can test against
// its own cases: a judgement (see judges), advice, what the concept makes
// possible ("…를 쉽게 검증할 수 있다") or a conclusion; not a line that only
// says what something does or is ("…DaoFactory는 …관계를 맺어주는 역할만
// 수행", "…은 …를 저장한다"), which members copy alike from the book.
func claims(s analyze.Sentence) bool {
	v := s.Voice
	return !v.Question && (judges(s) || v.Recommend || v.Should || v.Can || v.Conclusion)
}

// judges reports whether a sentence passes a judgement on what it is
// about, one the group can test against its own cases: an evaluation
// ("…는 느리다", "…가 아닐 수 있다", see analyze.Sentence.Assesses) or
// the writer's hedged view; not what something does or consists of
// ("…를 최적화한다", "…에 도움이 된다"), no advice ("…를 살펴보면
// 유용하다").
func judges(s analyze.Sentence) bool {
	v := s.Voice
	if v.Recommend || v.Should || v.Proposal || v.Question || s.HandsOver {
		return false // advice, a question, or a judgement of another subject
	}
	return s.Assesses || v.Hedge
}

// firstHalf returns the first half of a sentence's words: where a
// sentence names what it is about.
func firstHalf(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:(len(f)+1)/2], " ")
}

// disputeCues mark a sentence reporting that people disagree: "논쟁이
// 있다", "의견이 갈린다", "…라고 보는 사람들도 있다".
var disputeCues = []string{"논쟁", "논란", "의견이 갈", "견해가 갈", "의견이 엇갈", "견해차", "이견", "반론", "하는 사람들도 있", "보는 사람들도 있", "사람들도 있음", "주장도 있"}

// disputed reports whether a sentence says that a question is disputed.
func disputed(s string) bool { return hasCue(s, disputeCues) }

// hasCue reports whether a text has one of the cues.
func hasCue(s string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}
