package offline

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// Thresholds a sentence's section score must reach to become a bullet.
// Below them the section says plainly that the note has nothing of the
// kind: fewer bullets a member keeps beat five misplaced ones.
var minScore = map[string]float64{
	insight.KeyInsights:    0.3,
	insight.KeyPerspective: 1.0,
	insight.KeyPractical:   0.8,
	insight.KeyStudy:       1.0,
}

// notices are the plain lines of sections a note has nothing for.
var notices = map[string]string{
	insight.KeyInsights:    NoticeNoInsight,
	insight.KeyPerspective: NoticeNoPerspective,
	insight.KeyPractical:   NoticeNoPractical,
	insight.KeyStudy:       NoticeNoStudy,
}

// NoticeFor returns the plain line of a section of kind key that has
// nothing of its kind, "" for a kind without one.
func NoticeFor(key string) string {
	switch key {
	case insight.KeyCommon:
		return NoticeNoCommon
	case insight.KeyDebate:
		return NoticeNoDebate
	}
	return notices[key]
}

// docSeen remembers the bullets already in the document, so that a
// sentence two members copied from the book appears once. Each text's
// bigrams and key are computed once (the candidates, memo, are asked about
// again in later sections), not once per pair.
type docSeen struct {
	texts []seenText
	memo  map[string]seenText
	// others remembers othersSay by sentence ID: a candidate is asked
	// about in every section and pass.
	others map[string]bool
}

// seenText is a bullet's text with what repeats compares it by, and
// whose bullet it is (the member and the section key; empty in memo).
type seenText struct {
	grams        text.Bigrams
	key          string
	owner, inKey string
}

func (d *docSeen) of(s string) seenText {
	if t, ok := d.memo[s]; ok {
		return t
	}
	t := seenText{grams: text.NewBigrams(s, text.BigramOptions{}), key: analyze.Key(s)}
	if d.memo == nil {
		d.memo = map[string]seenText{}
	}
	d.memo[s] = t
	return t
}

// repeats reports whether s is (almost) a bullet already in the document:
// text.BigramF1 above 0.6, or one's key inside the other's.
func (d *docSeen) repeats(s string) bool {
	_, ok := d.repeatOf(s)
	return ok
}

// repeatOf returns the bullet already in the document that s (almost)
// repeats, see repeats.
func (d *docSeen) repeatOf(s string) (seenText, bool) {
	t := d.of(s)
	n := t.grams.Len()
	for _, o := range d.texts {
		// Two texts share at most the smaller one's bigrams, so their F1
		// is at most 2·min/(n+no): far below 0.6 (a margin for rounding)
		// the pair needs no count.
		no := o.grams.Len()
		if bound := 2 * float64(min(n, no)) / float64(n+no); bound >= 0.59 && t.grams.F1(o.grams) > 0.6 {
			return o, true
		}
		k, ko := t.key, o.key
		if len(k) > 20 && len(ko) > 20 && (strings.Contains(ko, k) || strings.Contains(k, ko)) {
			return o, true
		}
	}
	return seenText{}, false
}

// add remembers s as a bullet of member owner's section inKey.
func (d *docSeen) add(s, owner, inKey string) {
	t := d.of(s)
	t.owner, t.inKey = owner, inKey
	d.texts = append(d.texts, t)
}

// MemberSections fills one member's sections from their analysed note.
// seen holds the document's bullets so far (nil for none).
func MemberSections(specs []doc.SectionSpec, m *analyze.Member, aw *analyze.Week, limit int, seen *docSeen) []insight.Section {
	if seen == nil {
		seen = &docSeen{}
	}
	used := map[string]bool{} // sentence IDs already turned into bullets
	var out []insight.Section
	// Fill the more specific sections first so that the generic key
	// insights do not take their sentences; render in template order.
	order := []string{insight.KeyStudy, insight.KeyPractical, insight.KeyPerspective, insight.KeyInsights}
	filled := map[string]insight.Section{}
	sharedProposal := false // the note's proposal is another member's bullet
	keys := present(specs)
	full := map[string]bool{} // sections filled to the limit: no room left there
	english := englishNote(m)
	if english {
		// A note in English: read by its plain words (see englishSections).
		var ks []string
		for _, spec := range specs {
			switch spec.Key {
			case insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy:
				ks = append(ks, spec.Key)
			}
		}
		en := englishSections(ks, m, limit, seen)
		for _, spec := range specs {
			if sec, ok := en[spec.Key]; ok {
				sec.Heading, sec.Kind = spec.Heading, kindOf(spec)
				filled[spec.Key] = sec
			}
		}
		order = nil
	}
	for _, key := range order {
		for _, spec := range specs {
			if spec.Key == key {
				var shared *analyze.Sentence
				filled[key], shared = pick(spec, keys, m, aw, key, limit, used, seen, full)
				full[key] = len(filled[key].Bullets) >= limit
				sharedProposal = sharedProposal || key == insight.KeyPractical && shared != nil && shared.Voice.Recommend
			}
		}
	}
	if p, ok := filled[insight.KeyPerspective]; ok && len(p.Bullets) == 0 && !english {
		// The note's own words are its proposals, under 실무 적용, or its
		// questions and doubts, under 추가 학습: "no own remark at all"
		// would be false.
		inPractice := proposes(filled[insight.KeyPractical], m) || sharedProposal
		p.Notice = perspectiveNotice(p.Notice, inPractice, asks(filled[insight.KeyStudy], m))
		if quotesOwn(filled[insight.KeyPractical], m, viewOnly) {
			// The view itself is in 실무 적용, leading into the plan.
			p.Notice = NoticePerspectiveWithPractice
		}
		filled[insight.KeyPerspective] = p
	}
	if st, ok := filled[insight.KeyStudy]; ok && len(st.Bullets) == 0 && st.Notice == NoticeNoStudy && !english &&
		quotesOwn(filled[insight.KeyPerspective], m, func(v analyze.Voice) bool { return v.Question }) {
		// The member's question is under 독특한 관점, a view of theirs as
		// much as a question ("Q. …쓸 수 있지 않을까?"): "no question" would
		// be false.
		st.Notice = NoticeStudyInPerspective
		filled[insight.KeyStudy] = st
	}
	if ins, ok := filled[insight.KeyInsights]; ok && len(ins.Bullets) == 0 && noBullets(filled) {
		if n := linksNotice(m.Doc); n != "" {
			ins.Notice = n // the member's notes are elsewhere: say where
			filled[insight.KeyInsights] = ins
		}
	}
	for _, spec := range specs {
		sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: kindOf(spec)}
		switch spec.Key {
		case insight.KeySummary:
			sec = summary(spec, m)
		case insight.KeyCorrections:
			// No model reviewed the note: the table stays for people.
		case insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy:
			sec = filled[spec.Key]
		default:
			// A section moim does not know: left for people to fill.
		}
		out = append(out, sec)
	}
	return out
}

// noBullets reports whether no section of filled has a bullet.
func noBullets(filled map[string]insight.Section) bool {
	for _, sec := range filled {
		if len(sec.Bullets) > 0 {
			return false
		}
	}
	return true
}

// maxLinksProse is the most prose (runes, beside its headings) a note of
// links may have; maxLinksNamed the most links the line names.
const (
	maxLinksProse = 300
	maxLinksNamed = 3
)

// linksNotice is 핵심 인사이트's line for a note that is no more than
// links to what the member wrote elsewhere ("- [4장 정리](https://…)"):
// it names the web links, so that the group knows where the notes are.
// "" for a note with prose of its own or with no web link.
func linksNotice(doc *note.Document) string {
	if doc == nil {
		return ""
	}
	prose := 0
	for _, b := range doc.Blocks {
		if b.Kind != note.KindHeading && b.Kind != note.KindCode {
			prose += utf8.RuneCountInString(b.Text)
		}
	}
	var web []string
	for _, l := range doc.Links {
		if (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")) && len(web) < maxLinksNamed {
			web = append(web, l)
		}
	}
	if len(web) == 0 || prose > maxLinksProse {
		return ""
	}
	return fmt.Sprintf(NoticeLinksOnly, strings.Join(web, ", "))
}

// perspectiveNotice is the line of an empty 독특한 관점 (notice when the
// note has no own words at all): the note's own words are its proposals
// under 실무 적용 (inPractice) or its questions and doubts under 추가 학습
// (inStudy), and "no own remark at all" would be false.
func perspectiveNotice(notice string, inPractice, inStudy bool) string {
	switch {
	case inPractice && inStudy:
		return NoticePerspectiveInBoth
	case inPractice:
		return NoticePerspectiveInPractice
	case inStudy:
		return NoticePerspectiveInStudy
	}
	return notice
}

// proposes reports whether a section holds a bullet made from a
// sentence of m's that proposes an action ("…를 고려해야 한다", "…하면
// 좋다"): the member's own suggestion, whoever first said it.
func proposes(sec insight.Section, m *analyze.Member) bool {
	// A plan or wish of theirs ("…측정해 보고 싶다") is theirs as much as
	// advice is, and so is a view the bullet carries with it.
	return quotesOwn(sec, m, func(v analyze.Voice) bool { return v.Recommend || v.Wish || v.Try || v.Own() > 0 })
}

// asks reports whether a 추가 학습 section quotes one of the member's
// own questions or doubts.
func asks(sec insight.Section, m *analyze.Member) bool {
	return quotesOwn(sec, m, func(v analyze.Voice) bool { return v.Question || v.Doubt })
}

// viewOnly reports a voice of the member's own view or finding that
// proposes nothing and asks nothing: a reaction, what they found or came
// to know, a hedged claim, a line they labelled as their thought.
func viewOnly(v analyze.Voice) bool {
	return (v.Reaction || v.Finding || v.Realized || v.Opinion() || v.Hedge) && !v.Recommend && !v.Should && !v.Wish && !v.Try && !v.Question
}

// ownAngle reports whether member m's sentence id scores as 독특한 관점
// on its own (the copy a Context holds is taken before scoring).
func ownAngle(m *analyze.Member, id string) bool {
	i := sentenceAt(m, id)
	return i >= 0 && m.Sentences[i].Scores[insight.KeyPerspective] >= minScore[insight.KeyPerspective]
}

// quotesOwn reports whether a bullet of sec quotes a line of member m's
// whose sentence has a voice that voiced accepts.
func quotesOwn(sec insight.Section, m *analyze.Member, voiced func(analyze.Voice) bool) bool {
	for _, b := range sec.Bullets {
		for _, src := range b.Sources {
			for i := range m.Sentences {
				if s := &m.Sentences[i]; s.File == src.File && s.Line == src.Line && voiced(s.Voice) {
					return true
				}
			}
		}
	}
	return false
}

// present returns the specific section keys (perspective, practical,
// study) the template has.
func present(specs []doc.SectionSpec) []string {
	var out []string
	for _, sp := range specs {
		switch sp.Key {
		case insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy:
			out = append(out, sp.Key)
		}
	}
	return out
}

func kindOf(spec doc.SectionSpec) string {
	if spec.Kind != "" {
		return spec.Kind
	}
	return insight.KindBullets
}

// pick fills the section of kind key from member m's ranked sentences. It
// also returns the sentence the section would have taken but for another
// member's bullet saying the same, when the section got nothing else.
func pick(spec doc.SectionSpec, keys []string, m *analyze.Member, aw *analyze.Week, key string, limit int, used map[string]bool, seen *docSeen, full map[string]bool) (insight.Section, *analyze.Sentence) {
	sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: kindOf(spec)}
	cands := m.Ranked(key, analyze.MaxEvidence)
	heads := map[string]bool{}
	var points []point // what the section's bullets are about, see restates
	// The best candidate left out only because another member's bullet
	// says the same (a book line both copied): when the section gets
	// nothing else, its line says so instead of "nothing of the kind".
	var shared *analyze.Sentence
	var sharedOf seenText
	var sharedHead string // the headline its bullet would have had
	var spans []span      // the sentences each bullet takes, see joinParagraph
	// Two passes: first one bullet per headline, so a section covers
	// several concepts; then the rest of the good candidates.
	// A third pass, for 실무 적용 only and only when the first two found
	// nothing: one piece of advice that nothing sets in practice
	// (analyze.FallbackPractical), rather than a line saying the note has
	// none when it does give advice.
	for pass := 0; pass < 3; pass++ {
		bar := minScore[key]
		if pass == 2 {
			if key != insight.KeyPractical || len(sec.Bullets) > 0 || shared != nil {
				break // a proposal of the note's is in the document: no fallback
			}
			bar, limit = analyze.FallbackPractical, 1
		}
		for rank, s := range cands {
			if len(sec.Bullets) >= limit {
				break
			}
			if !used[s.ID] && s.Caveat != nil && (used[s.Caveat.ID] || s.Caveat.Caveat != nil && used[s.Caveat.Caveat.ID]) {
				// The next line it would carry is a bullet already:
				// the sentence stands as it did without it.
				s.Caveat, s.CaveatJoin = nil, ""
			}
			if s.ChildPoint && !used[s.ID] && anyUsed(used, s.ChildIDs) {
				// An item under it is a bullet already: the line stands
				// as it did without its items.
				s.DropChildren()
			}
			if s.Context != nil && !used[s.ID] && used[s.Context.ID] && s.Problem == "" && !s.FrameNeeded && s.Voice.Remark {
				// A remark of the writer's whose lead-in is a bullet
				// already: the remark stands with its own line.
				s.Context, s.ContextJoin = nil, ""
			}
			if key == insight.KeyPractical && s.Context != nil && !used[s.ID] && viewOnly(s.Context.Voice) && contains(keys, insight.KeyPerspective) && ownAngle(m, s.Context.ID) {
				// "…점이 흥미로웠다." then "…이 부분을 측정해 보고 싶다.": the
				// view that leads into the plan is the member's angle, which
				// 독특한 관점 (right above 실무 적용) quotes; the plan stands
				// on its own line here.
				s.Context, s.ContextJoin = nil, ""
			}
			if used[s.ID] || s.Context != nil && used[s.Context.ID] || s.Caveat != nil && used[s.Caveat.ID] {
				continue
			}
			if len(s.Parts) >= 2 && s.FrameNeeded && lineUsed(used, m, s.File, s.FrameLine) {
				continue // the claim or question its list answers is a bullet already
			}
			if p := m.Parent(&s); p != nil && used[p.ID] && s.Context == nil {
				// An item nested under a line a bullet quotes already
				// ("…리렌더링이 발생하지 않는다" with "상태가 변경되더라도 …"
				// under it): a detail of that bullet's point, which alone
				// has lost what it is about.
				continue
			}
			// The note's top points are its key insights however small
			// the note; other sections need a real signal.
			if s.Scores[key] < bar && !(key == insight.KeyInsights && rank < 3 && !s.Definition) {
				continue
			}
			// A sentence goes to the specific section it fits best.
			if key != insight.KeyInsights {
				// A sentence the section it fits best had no room for
				// ("…테스트 코드 시작해야 할듯" under five pieces of advice)
				// goes to the next section it fits, rather than nowhere.
				if best := s.Best(keys...); best != "" && best != key && !full[best] {
					continue
				}
			}
			b := Bullet(s, m, aw, key)
			if s.ChildPoint && len(s.ChildLines) > 0 && quotesLine(b, s.File, s.ChildLines[0]) && seen.othersSay(aw, m, b.Text, s) {
				// With its items the bullet says what another member's
				// line says, and without them it loses its point: the
				// point is the other member's bullet.
				continue
			}
			said := b.Text
			if b.Head != "" && !strings.HasPrefix(analyze.Key(b.Text), analyze.Key(b.Head)) && strings.HasPrefix(analyze.Key(s.Body), analyze.Key(b.Head)) {
				said = b.Head + " " + b.Text // the topic the headline took from the body
			}
			// A bullet that carries the items under its line is still the
			// line: it repeats what the line alone would repeat.
			carried := len(s.ChildLines) > 0 && s.ChildPoint && quotesLine(b, s.File, s.ChildLines[0])
			if b.Text == "" {
				continue
			}
			if o, ok := seen.repeatOf(said); ok || carried && seen.repeats(s.Body) {
				if ok && shared == nil && o.owner != "" && o.owner != m.Name {
					shared, sharedOf, sharedHead = &s, o, b.Head
				}
				continue
			}
			if restates(points, s) || restatesNeighbour(sec.Bullets, m, s) {
				continue
			}
			hk := analyze.Key(b.Head)
			if pass == 0 && b.Head != "" && heads[hk] {
				continue
			}
			heads[hk] = true
			used[s.ID] = true
			points = append(points, pointOf(s))
			if s.Context != nil {
				used[s.Context.ID] = true
			}
			for k := s.Caveat; k != nil; k = k.Caveat {
				used[k.ID] = true // its next sentence is in the bullet
			}
			for _, p := range s.Parts {
				used[p.ID] = true // the list's other items are in the bullet
			}
			for i, l := range s.ChildLines {
				if s.ChildPoint && i < len(s.ChildIDs) && quotesLine(b, s.File, l) {
					used[s.ChildIDs[i]] = true // the items under it are in the bullet
				}
			}
			if carried {
				// What later bullets must not repeat is the line: the
				// items under it were no bullet of their own before
				// it carried them.
				seen.add(s.Body, m.Name, key)
			} else {
				seen.add(said, m.Name, key)
			}
			if len(s.Parts) >= 2 && quotesLine(b, s.File, s.FrameLine) {
				// A bullet of a whole list repeats what each of its items
				// would: another member's copy of one is no new bullet.
				for _, p := range s.Parts {
					seen.add(p.Body, m.Name, key)
				}
				markLine(used, m, s.File, s.FrameLine) // the claim or question the items answer
			}
			sec.Bullets = append(sec.Bullets, b)
			spans = append(spans, spanOf(m, s))
		}
	}
	sec.Bullets = joinParagraph(sec.Bullets, spans)
	if len(sec.Bullets) == 0 {
		sec.Notice = notices[key]
		if shared != nil {
			sec.Notice = sharedNotice(key, sharedHead, shared.Body, sharedOf)
			return sec, shared
		}
		if key == insight.KeyStudy {
			if qs := answeredQuestions(m); len(qs) > 0 {
				sec.Notice = answeredNotice(qs)
			}
		}
	}
	return sec, nil
}

// answeredQuestions returns the questions in member m's own voice that
// the note answers right after them (analyze.Sentence.Answered): asked
// in speech ("…뭐가 다른거임?", "…다른 건가요?"), in the first person, or
// with a doubled mark ("…않을까??"), or hedged on the way ("…도구인 것
// 같은데.. 어떤 차이점이 있는지 살펴볼까?"). The book's lead-ins ("…는 무엇일까?",
// "…인가?"), its checklists, questions another member copied too and the
// example prompts a note quotes are not the member's questions.
func answeredQuestions(m *analyze.Member) []analyze.Sentence {
	var out []analyze.Sentence
	for _, s := range m.Sentences {
		v := s.Voice
		if v.Question && s.OwnAnswer && !s.Checklist && s.Shared < 0.45 && !analyze.ExampleLed(s.Text) {
			out = append(out, s) // asked, then answered after an answer mark ("→ …")
			continue
		}
		if !v.Question || !s.Answered || s.Checklist || v.Formal || s.Shared >= 0.45 || quotedExample(s.Text) {
			continue // the book's question, or an example it quotes
		}
		if v.Spoken || v.FirstPerson || v.Hedge && !hypothesis(s.Body) || strings.Contains(s.Body, "??") || spokenAsk(s.Body) {
			out = append(out, s)
		}
	}
	return out
}

// quotedExample reports a line that quotes what it asks ("…가정해보면 \"내
// 주문은 언제 도착하나요? …\"") or opens with an example marker ("ex)",
// "e.g."): an example's words, not the writer's question.
func quotedExample(line string) bool {
	return analyze.ExampleLed(strings.TrimLeft(line, " -*>")) || strings.ContainsAny(line, "\"“”‘’")
}

// hypothesis reports a question that hedges only by how it asks ("…하면
// 되지 않을까?", "…아닐까?"): books set up their answers with it too.
func hypothesis(body string) bool {
	t := strings.TrimRight(body, "?？!. …")
	return strings.HasSuffix(t, "않을까") || strings.HasSuffix(t, "아닐까")
}

// spokenAsks end a question asked as one speaks, not as a book writes.
var spokenAsks = []string{"거임", "건가", "건지", "거지", "는지", "나요", "가요", "맞나", "뭐지", "뭘까", "데요", "는데", "은데", "인데", "건데"}

// spokenAsk reports whether a question's last word ends as speech does
// ("…다른거임?", "…이게 맞나?", "(…분리했는데?)"), inside a closing bracket
// too.
func spokenAsk(body string) bool {
	f := strings.Fields(strings.TrimRight(body, "?？!. )）"))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	for _, e := range spokenAsks {
		if strings.HasSuffix(last, e) {
			return true
		}
	}
	return false
}

// answeredNotice is the 추가 학습 line of a note whose questions the note
// answers itself: "the note has no question" would be false of it. It
// quotes the first question that reads whole (up to a clause), with "등"
// when there are more.
func answeredNotice(qs []analyze.Sentence) string {
	q := qs[0]
	for _, s := range qs {
		if s.Problem == "" && s.Context == nil {
			q = s
			break
		}
	}
	body := strings.TrimSpace(q.Body)
	if inner, ok := strings.CutPrefix(body, "("); ok && strings.HasSuffix(inner, ")") && balanced(strings.TrimSuffix(inner, ")")) {
		body = strings.TrimSuffix(inner, ")") // an aside in brackets, quoted without them
	}
	quoted := "“" + clipQuote(body, sharedQuoteMax) + "”"
	if len(qs) > 1 {
		// Uncounted: a reader counts every question mark of the note,
		// the book's too.
		quoted += " 등"
	}
	return fmt.Sprintf("이번 주 노트의 질문(%s)은 노트가 바로 뒤에서 답하고 있어, 더 공부할 주제로 남은 것은 없습니다.", quoted)
}

// span is the run of a member's sentences (indexes into Member.Sentences)
// a bullet takes: its sentence with the line it leans on and the next
// lines it carries.
type span struct {
	first, last int
	file        string
	line        int
	// heading is the heading the sentence stands under, "" at the top.
	heading string
}

// spanOf returns the sentences of member m that a bullet of sentence s
// takes.
func spanOf(m *analyze.Member, s analyze.Sentence) span {
	i := sentenceAt(m, s.ID)
	sp := span{first: i, last: i, file: s.File, line: s.Line}
	if len(s.Path) > 0 {
		sp.heading = s.Path[len(s.Path)-1]
	}
	if s.Context != nil {
		if j := sentenceAt(m, s.Context.ID); j >= 0 && j < sp.first {
			sp.first = j
		}
	}
	for k := s.Caveat; k != nil; k = k.Caveat {
		if j := sentenceAt(m, k.ID); j > sp.last {
			sp.last = j
		}
	}
	return sp
}

// joinParagraph makes one bullet of two bullets of a section whose
// sentences follow each other on one line of the note (one paragraph: "…
// 다시 보게 되었습니다." and "역시 저도 그렇게 작성을 했더라구요."): the second
// half of a thought is no point of its own. The joined bullet has both
// texts in the note's order, the first one's headline and both one's
// sources, at the place of the better ranked.
func joinParagraph(bullets []insight.Bullet, spans []span) []insight.Bullet {
	for {
		i, j := -1, -1
		for a := 0; a < len(bullets) && i < 0; a++ {
			for b := 0; b < len(bullets); b++ {
				x, y := spans[a], spans[b]
				if a != b && x.first >= 0 && y.first >= 0 && x.last+1 == y.first && x.file == y.file && (x.line == y.line || sameHeading(x, y, bullets[a], bullets[b])) {
					i, j = a, b // a's sentences end where b's begin
					break
				}
			}
		}
		if i < 0 {
			return bullets
		}
		first, second := bullets[i], bullets[j]
		joined := insight.Bullet{
			Head:    first.Head,
			Text:    strings.TrimSpace(first.Text) + " " + strings.TrimSpace(second.Text),
			Sources: append(slices.Clone(first.Sources), second.Sources...),
			Engine:  first.Engine,
		}
		at, drop := min(i, j), max(i, j)
		bullets[at] = joined
		spans[at] = span{first: spans[i].first, last: spans[j].last, file: spans[i].file, line: spans[i].line, heading: spans[i].heading}
		bullets = slices.Delete(bullets, drop, drop+1)
		spans = slices.Delete(spans, drop, drop+1)
	}
}

// sameHeading reports whether bullet b, from the item right after bullet
// a's, goes on with a's point under a heading that names it: a's headline
// is the heading's concept and b has no headline of its own ("**구조적
// 서브타이핑**: …구분한다." then "이름이 다른 객체라도 …동일한 타입으로 본다."
// under "### 구조적 서브타이핑"). Readers read the second as the first again.
func sameHeading(x, y span, a, b insight.Bullet) bool {
	return x.heading != "" && x.heading == y.heading && a.Head != "" && b.Head == "" &&
		analyze.Key(a.Head) == analyze.Key(analyze.Trim(x.heading))
}

// kindWords name what a section of each kind holds, and sectionNames the
// section, in the lines that say where a member's sentence went instead.
var (
	kindWords = map[string]string{
		insight.KeyInsights:    "핵심 문장",
		insight.KeyPerspective: "의견",
		insight.KeyPractical:   "실무 적용 아이디어",
		insight.KeyStudy:       "질문",
	}
	sectionNames = map[string]string{
		insight.KeyInsights:    "핵심 인사이트",
		insight.KeyPerspective: "독특한 관점",
		insight.KeyPractical:   "실무 적용 아이디어",
		insight.KeyStudy:       "추가 학습",
	}
)

// sharedQuoteMax is the most runes of the sentence a shared-line notice
// quotes whole; a longer one is cut after a clause (see clipQuote).
const sharedQuoteMax = 50

// clipQuote cuts s after its last clause that ends within max runes (a
// comma, or a word ending in a connective: …고, …며, …면, …서, …지만, …는데),
// marking the cut with "…"; a text that fits, or has no such clause, is
// returned whole: a cut inside a phrase can turn its meaning around
// ("원시 타입을 …" of "원시 타입을 제외한").
func clipQuote(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	words := strings.Fields(s)
	cut, n := 0, 0
	for i, w := range words {
		n += utf8.RuneCountInString(w) + 1
		if n > max {
			break
		}
		if i < len(words)-1 && clauseEnd(w) {
			cut = i + 1
		}
	}
	if cut == 0 {
		return s
	}
	return strings.TrimRight(strings.Join(words[:cut], " "), ",") + " …"
}

// clauseEnd reports a word that closes a clause: a comma after it, or a
// connective ending.
func clauseEnd(w string) bool {
	if strings.HasSuffix(w, ",") {
		return true
	}
	for _, e := range []string{"고", "며", "면", "서", "지만", "는데", "은데"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > utf8.RuneCountInString(e) {
			return true
		}
	}
	return false
}

// sharedNotice is the line of a section whose only sentence of its kind
// is another member's bullet already (both copied the same line): it
// quotes the sentence and says where it is, so that "the note has none"
// is never said of a note that has one.
func sharedNotice(key, head, body string, o seenText) string {
	where := sectionNames[o.inKey]
	if where == "" {
		where = "항목"
	}
	if head != "" {
		// The concept the sentence is about names it well enough: the
		// other member's bullet is right there.
		return fmt.Sprintf("이번 주 노트의 %s 가운데 %s에 대한 것은 %s의 %s에 같은 내용이 있어 한 번만 적었습니다.",
			kindWords[key], head, o.owner, where)
	}
	q := clipQuote(strings.TrimRight(body, ". "), sharedQuoteMax)
	return fmt.Sprintf("이번 주 노트의 %s “%s”%s %s의 %s에 같은 내용이 있어 한 번만 적었습니다.",
		kindWords[key], q, strings.TrimPrefix(Josa(q, "은", "는"), q), o.owner, where)
}

// othersSay reports whether a bullet made of sentence s of member m and
// the items under it is closer to a sentence of another member's note
// than to each line of its own (text.SentenceSupport): another member
// wrote the fact and its point in one sentence, and the bullet would be
// theirs.
func (d *docSeen) othersSay(aw *analyze.Week, m *analyze.Member, bullet string, s analyze.Sentence) bool {
	if aw == nil {
		return false
	}
	key := m.Name + "\x00" + s.ID
	if v, ok := d.others[key]; ok {
		return v
	}
	opt := text.SentenceSupport
	c := text.NewBigrams(bullet, opt.BigramOptions)
	support := func(source string) float64 {
		o := text.NewBigrams(source, opt.BigramOptions)
		return opt.Score(c.Overlap(o), c.Len(), o.Len())
	}
	own := support(s.Body)
	for _, k := range s.Children {
		own = max(own, support(k))
	}
	out := false
	for _, o := range aw.Members {
		if o == m || o.Name == m.Name || out {
			continue
		}
		for i := range o.Sentences {
			if support(o.Sentences[i].Body) > own {
				out = true
				break
			}
		}
	}
	if d.others == nil {
		d.others = map[string]bool{}
	}
	d.others[key] = out
	return out
}

// lineUsed reports whether a sentence of m on the given line of file is
// in used.
func lineUsed(used map[string]bool, m *analyze.Member, file string, line int) bool {
	for i := range m.Sentences {
		if o := &m.Sentences[i]; o.File == file && o.Line == line && used[o.ID] {
			return true
		}
	}
	return false
}

// markLine puts every sentence of m on the given line of file in used.
func markLine(used map[string]bool, m *analyze.Member, file string, line int) {
	for i := range m.Sentences {
		if o := &m.Sentences[i]; o.File == file && o.Line == line {
			used[o.ID] = true
		}
	}
}

// restaters open a sentence that says the one right before it again in
// other words ("즉", "다시 말해"); a consequence ("따라서", "결국") adds a
// point and is not one.
var restaters = []string{"즉,", "즉 ", "다시 말해", "다시말해", "다시 말하면", "한마디로", "요컨대", "요약하면", "요약하자면", "정리하면", "정리하자면"}

// restatesNeighbour reports whether s and the sentence of m's right
// before or after it (within two lines of the same file), a bullet of the
// section already, make one point: the later of the two opens by
// restating the earlier ("…getter, setter를 통해 내부 구현을 노출한다." /
// "즉 데이터 중심 설계는 …"). Either one is the point; both are a
// duplicate. In another section the neighbour is no duplicate: readers
// took "즉 …를 어떻게 해결할지 고민해볼 필요가 있다" for a key point beside
// the line before it under 실무 적용.
func restatesNeighbour(bullets []insight.Bullet, m *analyze.Member, s analyze.Sentence) bool {
	quoted := func(o analyze.Sentence) bool {
		for _, b := range bullets {
			if quotesLine(b, o.File, o.Line) {
				return true
			}
		}
		return false
	}
	near := func(a, b analyze.Sentence) bool { return a.File == b.File && b.Line > a.Line && b.Line-a.Line <= 2 }
	i := sentenceAt(m, s.ID)
	if i < 0 {
		return false
	}
	if i > 0 && opensRestating(s.Text) && near(m.Sentences[i-1], s) && quoted(m.Sentences[i-1]) {
		return true
	}
	n := i + 1
	return n < len(m.Sentences) && opensRestating(m.Sentences[n].Text) && near(s, m.Sentences[n]) && quoted(m.Sentences[n])
}

// sentenceAt returns the index in m.Sentences of the sentence with the
// given ID, -1 when m has none.
func sentenceAt(m *analyze.Member, id string) int {
	for i := range m.Sentences {
		if m.Sentences[i].ID == id {
			return i
		}
	}
	return -1
}

// opensRestating reports whether a sentence opens with one of restaters.
func opensRestating(body string) bool {
	t := strings.TrimLeft(body, "-*> ")
	for _, r := range restaters {
		if strings.HasPrefix(t, r) {
			return true
		}
	}
	return false
}

// anyUsed reports whether one of ids is in used.
func anyUsed(used map[string]bool, ids []string) bool {
	for _, id := range ids {
		if used[id] {
			return true
		}
	}
	return false
}

// quotesLine reports whether a bullet quotes the given line of a file.
func quotesLine(b insight.Bullet, file string, line int) bool {
	for _, src := range b.Sources {
		if src.File == file && src.Line == line {
			return true
		}
	}
	return false
}

func source(s analyze.Sentence) insight.Source {
	return insight.Source{File: s.File, Line: s.Line, Member: s.Member, Quote: s.Text}
}

// Bullet turns a sentence of member m into a bullet for section key: a
// short bold headline naming the concept it is about (when one fits) and
// the sentence as the note says it, whole, with the line it leans on
// (Context) or hangs from (Frame) when it needs one.
func Bullet(s analyze.Sentence, m *analyze.Member, aw *analyze.Week, key string) insight.Bullet {
	b := bullet(s, m, aw, key)
	if b.Text == "" && s.ChildPoint {
		// Its frame leaves no room for the items under it: the line
		// stands as it did without them.
		s.DropChildren()
		b = bullet(s, m, aw, key)
	}
	if l := rowLabel(s, m); b.Head == "" && l != "" && !strings.Contains(b.Text, l) {
		b.Head = l // a table cell is about the concept its row names
	}
	return b
}

// rowLabel is the first cell of the table row a cell sentence of m's note
// comes from ("클러스터드 인덱스" for "…어떤 컬럼을 고를지가 중요할 것 같다"),
// which the note puts last in the sentence's path (note.Sentence.Cell);
// "" for any other sentence.
func rowLabel(s analyze.Sentence, m *analyze.Member) string {
	if m == nil || m.Doc == nil || s.Block < 0 || s.Block >= len(m.Doc.Blocks) {
		return ""
	}
	if b := m.Doc.Blocks[s.Block]; b.Kind != note.KindTable || len(s.Path) != len(b.Path)+1 {
		return "" // not a cell, or a row whose first cell names nothing
	}
	return s.Path[len(s.Path)-1]
}

// bullet is Bullet for the sentence as it is.
func bullet(s analyze.Sentence, m *analyze.Member, aw *analyze.Week, key string) insight.Bullet {
	body := s.Body
	head := ""
	srcs := []insight.Source{source(s)}
	if l, rest, ok := analyze.SplitLabel(body); ok && labelHead(l) {
		head, body = l, rest // the member's own label: "토큰 : 언어 모델의 기본 단위"
	}
	if s.Context != nil {
		join := s.ContextJoin
		if join == "" {
			join = " "
		}
		body = s.Context.Body + join + s.Body
		head = ""
		if l, rest, ok := analyze.SplitLabel(s.Context.Body); ok && labelHead(l) {
			head, body = l, rest+join+s.Body // the line it leans on is labelled: "X: …" then "→ …"
		}
		srcs = append([]insight.Source{source(*s.Context)}, srcs...)
	}
	if s.Caveat != nil {
		join := s.CaveatJoin
		if join == "" {
			join = " "
		} else if join == " — " {
			body = strings.TrimRight(strings.TrimSpace(body), ".")
		}
		body += join + s.Caveat.Body
		srcs = append(srcs, source(*s.Caveat))
		if k := s.Caveat.Caveat; k != nil {
			body += " " + k.Body // the next line's own turn
			srcs = append(srcs, source(*k))
		}
	}
	if lists := s.Voice.Recommend || s.Voice.Should || strings.HasSuffix(strings.TrimSpace(body), ":"); len(s.Children) > 0 && (s.ChildPoint || lists) {
		// The steps or items under the line are its concrete part; items
		// that carry its point (see analyze.Sentence.ChildPoint) are
		// sentences of their own, the use or consequence of a fact
		// after a dash, the how of advice after a colon.
		join, sep := ": ", ", "
		if s.ChildPoint {
			sep = "; "
			if !lists {
				join = " — "
			}
		}
		body = strings.TrimRight(strings.TrimSpace(body), " :.") + join + strings.Join(s.Children, sep)
		for i, c := range s.Children {
			srcs = append(srcs, insight.Source{File: s.File, Line: s.ChildLines[i], Member: s.Member, Quote: c})
		}
	}
	if len(s.Parts) >= 2 && s.Frame != "" && s.Context == nil {
		// One item of a list its line counts or announces ("두 가지
		// 상황에서 나타난다" above two items) says one half: the bullet is
		// the line with every item, or none.
		if b := whole(s); b.Text != "" {
			return b
		}
	}
	// A line it leans on under the same frame ("더 큰 모델을 만들수록:"
	// above "…부족해지고," and "…되지 않을까") leads its body; the frame
	// leads both.
	underFrame := s.Context == nil || s.Context.Frame == s.Frame && s.Context.FrameLine == s.FrameLine
	if s.Frame != "" && underFrame && (head == "" || s.FrameNeeded) {
		frameSrc := insight.Source{File: s.File, Line: s.FrameLine, Member: s.Member, Quote: s.Frame}
		switch {
		case FrameHead(conceptName(s.Frame), s) && (head == "" || s.FrameNeeded):
			if head != "" {
				body = head + ": " + body // the item's own label stays in its text
			}
			head = conceptName(s.Frame) // the list's label: "장점" above its items
			srcs = append([]insight.Source{frameSrc}, srcs...)
		case s.FrameNeeded && labelLike(s.Frame) && !s.Voice.Question && utf8.RuneCountInString(body) >= minUnframed:
			// A label that names no concept ("평가 과정" above one step,
			// "성능" above a remark) would stand before the item as a fake
			// headline: the heading's concept heads the item instead, or
			// the item stands alone.
			head = headingConcept(s, m)
		case s.FrameNeeded && head == "" && headingFrame(s) && headingConcept(s, m) != "":
			// The frame is the heading right above, named as a to-do or
			// with its number ("압축 관리하기"): its concept heads the item.
			head = headingConcept(s, m)
			srcs = append([]insight.Source{frameSrc}, srcs...)
		case s.FrameNeeded:
			// The frame is no concept name but the item says nothing
			// without it: it leads the body ("…세 가지 숫자 — 토큰의 수:
			// …"), or the sentence makes no bullet.
			sep := ": "
			if head != "" {
				body = head + ": " + body // the item's own label stays in its text
				sep = " — "
			} else if strings.HasSuffix(s.Frame, "다") || strings.HasSuffix(s.Frame, "?") || strings.HasSuffix(s.Frame, "？") {
				sep = " — "
			} else if analyze.ConditionLine(s.Frame) {
				sep = ", " // "deps가 빈 배열이라면, …": the condition reads on into what holds under it
			}
			body = s.Frame + sep + strings.TrimSpace(body)
			head = ""
			if utf8.RuneCountInString(body) > maxFramed {
				return insight.Bullet{}
			}
			srcs = append([]insight.Source{frameSrc}, srcs...)
		}
	}
	if head == "" {
		head = Headline(s)
		if aw.Widespread(head) {
			head = "" // the study's subject, not this sentence's: no headline beats a vague one
		}
	}
	if head == "" {
		if h := BoldHead(s); h != "" && !aw.Widespread(h) {
			head = h // the term the member set in bold
		}
	}
	if head == "" {
		// A sentence whose subject is the heading above it ("0으로
		// 설정할 때, …" under the name of the setting) is headed by it.
		if h := HeadingHead(s, m); h != "" && !aw.Widespread(h) {
			head = h
		}
	}
	body = strings.TrimSpace(body)
	if utf8.RuneCountInString(body) > maxBullet || body == "" {
		return insight.Bullet{}
	}
	if head != "" && analyze.Key(body) == analyze.Key(head) {
		head = ""
	}
	if head != "" && strings.HasPrefix(analyze.Key(body), analyze.Key(head)) {
		// "**X**: X는 …" says X twice: the topic leaves the body ("**X**:
		// …"), a subject in any other role keeps it and the headline goes.
		head, body = unrepeat(head, body)
	}
	if l, rest, ok := analyze.SplitLabel(s.Body); ok && head != "" && s.Context != nil && analyze.Key(l) == analyze.Key(head) {
		// "두번째 문제: …" above "- **AOP**: …", headed AOP: the item's own
		// label is the headline already, and after the line it leans on
		// it would say AOP a second time.
		body = strings.Replace(body, s.Body, strings.TrimSpace(rest), 1)
	}
	return insight.Bullet{Head: head, Text: body, Sources: srcs, Engine: Name}
}

// whole is the bullet of a list's line and all its items, numbered
// ("…두 가지 상황에서 나타난다 — 1) …; 2) …"); when that is too long to
// read, the items' own labels stand for them ("— 1) 같은 입력; 2) 다른
// 입력"), and when an item has none, there is no such bullet and the
// item goes with its line alone.
func whole(s analyze.Sentence) insight.Bullet {
	items := make([]string, len(s.Parts))
	labels := make([]string, len(s.Parts))
	srcs := []insight.Source{{File: s.File, Line: s.FrameLine, Member: s.Member, Quote: s.Frame}}
	for i, p := range s.Parts {
		items[i] = fmt.Sprintf("%d) %s", i+1, strings.TrimRight(strings.TrimSpace(p.Body), ".;。 "))
		if l, _, ok := analyze.SplitLabel(p.Body); ok && labels != nil {
			labels[i] = fmt.Sprintf("%d) %s", i+1, l)
		} else {
			labels = nil
		}
		srcs = append(srcs, insight.Source{File: s.File, Line: p.Line, Member: s.Member, Quote: p.Body})
	}
	lead := strings.TrimRight(s.Frame, " :") + " — "
	body := lead + strings.Join(items, "; ")
	if utf8.RuneCountInString(body) > maxFramed {
		if labels == nil {
			return insight.Bullet{}
		}
		body = lead + strings.Join(labels, "; ")
	}
	return insight.Bullet{Text: body, Sources: srcs, Engine: Name}
}

// reNumberList matches two numbers in a list ("1260, 2178", "3, 4장").
var reNumberList = regexp.MustCompile(`\d+\s*[,，/]\s*\d+`)

// labelHead reports whether a label the member wrote can head a bullet: a
// noun phrase naming something, not a kind of content ("느낀 점", "정리").
func labelHead(l string) bool {
	if !balanced(l) {
		return false // "〈context" of "〈context:annotation-config />": no label but a cut
	}
	if a, b, ok := strings.Cut(l, " / "); ok {
		return labelHead(a) && labelHead(b) // two names of one thing: "Greedy / Argmax"
	}
	n := utf8.RuneCountInString(l)
	if n < 2 || n > 24 || len(strings.Fields(l)) > 4 || !analyze.Meaningful(l) || analyze.CueHeading(l) || genericHeading(l) {
		return false
	}
	if strings.ContainsAny(l, ":：") || reNumberList.MatchString(l) {
		return false // "문제: 1260, 2178": a label with its values, a list of numbers, names no concept
	}
	if !analyze.Specific(l) || strings.HasPrefix(l, "기타") || strings.HasPrefix(l, "그 외") || analyze.Dependent(l+" ") {
		return false // "AI", "특징", "재사용성", "기타 파라미터", "이것들이 가능한 이유": no concept of its own
	}
	if parts := conjuncts(l); len(parts) > 1 {
		// Two noun phrases joined by 와/과 ("비용과 지연 시간") name
		// one topic when each is a noun phrase of its own.
		for _, p := range parts {
			if !analyze.Meaningful(p) || !nounPhrase(p) {
				return false
			}
		}
		return true
	}
	return nounPhrase(l)
}

// headingFrame reports whether a sentence's frame is the heading right
// above it (the first sentence under a heading leans on it).
func headingFrame(s analyze.Sentence) bool {
	if len(s.Path) == 0 || s.Frame == "" {
		return false
	}
	return strings.Contains(analyze.Key(analyze.Clean(s.Path[len(s.Path)-1])), analyze.Key(s.Frame))
}

// unrepeat returns a headline and body that do not say the headline
// twice: a body opening with the headline as its topic ("X는 …", "X란
// …") loses it; any other opening ("X가 …", "X의 …") keeps it and the
// headline goes.
func unrepeat(head, body string) (string, string) {
	if rest, ok := strings.CutPrefix(body, head); ok {
		for _, p := range []string{"은 ", "는 ", "이란 ", "란 ", "이란, ", "란, "} {
			if r, ok := strings.CutPrefix(rest, p); ok && utf8.RuneCountInString(r) >= minPredicate && !topicIn(r) && !predicateFirst(r) {
				return head, strings.TrimSpace(r)
			}
		}
	}
	return "", body
}

// balanced reports whether every bracket a phrase opens it also closes.
func balanced(l string) bool {
	depth := 0
	for _, r := range l {
		switch r {
		case '(', '[', '{', '<', '〈', '「', '『', '【', '《':
			depth++
		case ')', ']', '}', '>', '〉', '」', '』', '】', '》':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// topicIn reports whether a text marks a noun as a topic (은/는): a
// sentence that contrasts its first topic with this one ("X는 …이고 Y는
// …") reads as half a contrast when X leaves the body.
func topicIn(s string) bool {
	ms := text.Read(s).Morphs
	for i, m := range ms {
		if i == 0 || m.Surface != "은" && m.Surface != "는" {
			continue
		}
		if m.POS == "JX" && (strings.HasPrefix(ms[i-1].POS, "NN") || ms[i-1].POS == "SL" || ms[i-1].POS == "NP") {
			return true
		}
		if ms[i-1].POS == "SL" && !m.Space {
			return true // the dictionary reads 은 after a Latin word as a noun: "DataFrame은"
		}
	}
	return false
}

// predicateFirst reports whether a text opens with its predicate
// ("반환하지 않으므로 …"): the topic before it was what the predicate
// acts on ("X는 반환하지 않으므로"), and the rest says nothing of it alone.
func predicateFirst(s string) bool {
	ms := text.Read(s).Morphs
	verb, end := false, ""
	for i, m := range ms {
		if i > 0 && m.Space {
			break // the first word only
		}
		for _, p := range strings.Split(m.POS, "+") {
			switch {
			case (p == "VV" || p == "VA" || p == "VX" || p == "VCN") && i == 0, p == "XSV" || p == "XSA":
				// A verb opens the word or follows its noun; after a Latin
				// word the dictionary reads a particle as a verb ("deps가").
				verb = true
			case strings.HasPrefix(p, "E"):
				end = p
			}
		}
	}
	// "반환하지 않으므로": a verb ending its clause; "한 번의 …": a
	// modifier (ETM) before a noun.
	return verb && end != "" && end != "ETM" && end != "ETN"
}

// minPredicate is the shortest rest, in runes, a body keeps when its
// topic leaves it for the headline: "중복을 줄인다" still says something.
const minPredicate = 15

// labelLike reports whether a list's label is a bare noun phrase (nouns,
// 의, 와/과, brackets): a label, not a clause the item continues ("더 큰
// 모델을 만들수록", "…세 가지").
func labelLike(frame string) bool {
	ms := text.Read(frame).Morphs
	if len(ms) == 0 || reCounted.MatchString(frame) {
		return false
	}
	for _, m := range ms {
		switch {
		case strings.HasPrefix(m.POS, "NN"), m.POS == "SL", m.POS == "SN", m.POS == "XSN", m.POS == "XPN", m.POS == "NR":
		case m.POS == "JKG", m.POS == "JC", m.POS == "SS", m.POS == "SC", m.POS == "SY":
		default:
			return false
		}
	}
	return true
}

// reCounted matches a label that counts the items under it ("세 가지",
// "3가지"): the item is one of them and needs the count before it.
var reCounted = regexp.MustCompile(`\d+\s*가지|[두세네]\s*가지|여러 가지`)

// minUnframed is the shortest item, in runes, that stands without the
// label it hangs from: a shorter one ("빠르다") says nothing alone.
const minUnframed = 25

// maxBullet is the longest bullet body, in runes.
const maxBullet = 260

// maxFramed is the longest bullet body that carries its frame: a frame
// that makes the item too long to read makes no bullet.
const maxFramed = 200

// point is what a bullet is about: its sentence's focus and the keys of
// its specific terms.
type point struct {
	focus string
	terms map[string]bool
}

func pointOf(s analyze.Sentence) point {
	p := point{focus: analyze.Key(s.Focus), terms: map[string]bool{}}
	for _, t := range s.Terms {
		if analyze.Specific(t) {
			p.terms[analyze.Key(t)] = true
		}
	}
	return p
}

// restates reports whether a sentence makes the point of a bullet
// already in the section again in other words: the same focus, and the
// specific terms (two or more each) of one all among the other's ("A는
// B보다 …에 중점을 둔다" and "B가 …라면, A는 …"). One shared term is
// no same point: a note says many things about one concept.
func restates(points []point, s analyze.Sentence) bool {
	c := pointOf(s)
	if c.focus == "" || len(c.terms) < 2 {
		return false
	}
	for _, p := range points {
		if p.focus == c.focus && len(p.terms) >= 2 && (within(c.terms, p.terms) || within(p.terms, c.terms)) {
			return true
		}
	}
	return false
}

// within reports whether every key of a is in b.
func within(a, b map[string]bool) bool {
	for t := range a {
		if !b[t] {
			return false
		}
	}
	return true
}
