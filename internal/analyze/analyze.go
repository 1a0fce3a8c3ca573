package analyze

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/par"
	"github.com/moim-study/moim/internal/text"
)

// MaxEvidence is the number of candidates kept per member and section.
const MaxEvidence = 40

// Sentence is a note sentence with the features the selectors use.
type Sentence struct {
	Evidence
	// Context is the previous sentence of the same block when this one
	// leans on it ("이것을 ...라고 한다"); bullets put it first, joined
	// by ContextJoin (" " when empty; " → " before an arrow-led line).
	Context     *Sentence
	ContextJoin string
	// ContextParent says Context is the list item this one hangs from.
	ContextParent bool
	// Raw is the sentence before its label ("Q:", "💡 생각:") was removed;
	// scoring reads it, bullets use Text.
	Raw      string
	Kind     note.Kind
	Path     []string
	Emphasis []string
	// Block is the index of the sentence's block in the note.
	Block      int
	Position   float64 // 0 at the start of the note, 1 at the end
	Centrality float64 // share of the note's top terms the sentence mentions
	Scores     map[string]float64
	// Voice says whether the sentence is the member's own view, question,
	// doubt or recommendation (see Voice).
	Voice Voice
	// Body is the sentence as a bullet says it: markers and loose openers
	// trimmed (see Trim), with Frame before it when it has one.
	Body string
	// Frame is the parent list line a list item needs to make sense
	// ("문제점:" above "1) 평가자가 없다"), or "".
	Frame string
	// FrameLine is the line of Frame.
	FrameLine int
	// FrameNeeded says the sentence does not stand without its Frame: it
	// names no subject of its own, or it is one item of a counted list
	// ("세 가지 숫자" above "2. 토큰의 수: …"). A bullet carries the frame
	// or is not made.
	FrameNeeded bool
	// Parts are the items of the list the sentence is one item of, when
	// its line counts, announces or names the steps of them (see wholes):
	// a bullet carries them all or is not made.
	Parts []Part
	// whole: the sentence's Frame counts, announces or names the steps
	// of the list it is an item of.
	whole bool
	// side: the sentence is one labelled side of a comparison list ("ML
	// 엔지니어링: …" beside "AI 엔지니어링: …"): how one side differs, not
	// something to do.
	side bool
	// Problem says why Body cannot stand as a bullet, or "" (see
	// ProblemFragment and the other Problem constants).
	Problem string
	// Subject is the noun phrase the sentence is about, when it opens
	// with one followed by a topic or subject particle ("비교 평가는 …").
	Subject string
	// OwnSubject: the sentence names what it is about somewhere, not only
	// at its opening (see ownSubject), so a heading above it is not its
	// subject.
	OwnSubject bool
	// Property: the sentence says that something it does not name has a
	// property ("…추적하기 어렵다는 단점이 있다", "…작성할 수 있는 장점이
	// 있다"): the subjects in it are the property's, and what has it is
	// the heading's.
	Property bool
	// Topics counts the noun phrases the sentence marks as a topic
	// (은/는): two mean a first clause hands over to another topic
	// ("사람 평가는 … 때문에, 비교 평가는 …").
	Topics int
	// HandsOver marks a sentence whose opening subject belongs to a
	// first clause only: a connective ending hands over to a later topic
	// ("정밀도가 …라면, 재현율은 …"), or the subject stands inside
	// an embedded question that is itself the topic ("X가 얼마나 중요한지는
	// …에 달려 있다"). What the sentence says is said of something else.
	HandsOver bool
	// Stance is the judgement the sentence passes (see Stance).
	Stance Stance
	// Judged lists every judgement the sentence passes, in its final
	// predicate or in a modifier ("…가 뒤처질 수 있는 이유는"), see
	// judgedAnywhere.
	Judged []Stance
	// Assesses marks a sentence whose final predicate evaluates what it
	// is about ("…는 느리다", "…는 적절한 지표가 아닐 수 있다", "A이자 B다",
	// "…보다 뒤처진다") rather than saying what it does ("…를 최적화한다")
	// or what became possible, and under no condition ("…라면"): a claim
	// that cases can bear out or refute (see assesses).
	Assesses bool
	// Recounts marks a sentence in which the writer recounts their own
	// reading ("…를 배운 것 같아서 좋았다", "…와 비슷했던 것 같다", "…해야겠다고
	// 생각했다"): a hedge, but no view anyone could argue with (see
	// recounting).
	Recounts bool
	// Focus is the concept (a term of the sentence) the sentence is most
	// about: its subject's when that names one, else the term the note
	// develops most; Develops is how much the note develops it, 0–1
	// (1 for the concepts it develops most; see develop).
	Focus    string
	Develops float64
	// Shared is the highest similarity (0–1) of the sentence to a sentence
	// of another member's note: near 1 for the book's wording that
	// several members copied.
	Shared float64
	// remarkShared is Shared for the sentence's bracketed remark alone
	// (Voice.Remark): a member's comment on a sentence others copied from
	// the book is still the member's when no one else wrote the comment.
	remarkShared float64
	// Caveat is the next sentence of the same block when it qualifies,
	// turns, concludes or explains this one ("하지만 …", "즉 …", "…
	// 때문이다"); bullets keep it (its Body keeps the connective).
	Caveat *Sentence
	// CaveatJoin joins Caveat to the sentence in a bullet (" " when
	// empty; " — " before a next line that does not open with a turner).
	// A Caveat from the next line may have its own Caveat, the next
	// sentence of that line.
	CaveatJoin string
	// Children are the short items of the list that hangs from this list
	// item (the steps of a recommendation, the points a label announces),
	// and ChildLines their lines.
	Children   []string
	ChildLines []int
	// ChildPoint says the Children carry the line's point and a bullet
	// carries them (see subPoints): the use or consequence of a fact
	// ("…에 사용 가능", "…에 유용"), or the how of a need or rule too
	// long for the short children of advice. ChildIDs are the analysed
	// sentences that open those children.
	ChildPoint bool
	ChildIDs   []string
	// Definition marks a sentence that gives a word its meaning ("X는 …
	// Y이다", "…을 X라고 한다"): a definition list is no insight.
	Definition bool
	// Described marks a definition that says what its word is in a clause
	// of its own ("…로 변환되는 단계", "값이 하나뿐인 타입"): a modifier or an
	// argument, not a bare other name ("AOP: 애스펙트 지향 프로그래밍").
	Described bool
	// subjectless: no subject or topic anywhere in the sentence; object:
	// it has an object (someone does something to something).
	subjectless, object bool
	// nominal: the sentence ends in a nominalised verb ("…설명하기"): a
	// to-do or a list label, never a point of its own.
	nominal bool
	// opens: the sentence opens a section whose next sentence is the
	// text's signpost ("…를 결정해야 한다. 그 요소들을 살펴보자."): it sets
	// the scene for what follows.
	opens bool
	// announces: the sentence only says there are pros and cons, kinds,
	// differences ("각각 장단점이 있다"): a lead-in to what follows.
	announces bool
	// point: the sentence argues (a reason, a condition, a contrast, a
	// comparison, a judgement) rather than describing or defining (see
	// pointMaking).
	point bool
	// conditional: the sentence opens with an action as its condition
	// ("…를 직접 운영하면 …"): what follows is what that action gets.
	conditional bool
	// whenDoing: the sentence sets the reader's action in a situation of
	// doing something ("…클래스를 만들 때는 …해야 한다"; see whenDoing).
	whenDoing bool
	// notReaders: an obligation that is no action of the reader's: a
	// named thing must do it, it is to know something, or a cause
	// forces it (see obligation).
	notReaders bool
	// asksAbove: a question that points back carries the item right
	// before it, which it completes even when that item names no topic.
	asksAbove bool
	// turnsPara: a paragraph turning against the one right before it
	// ("하지만 …"), which it carries as its Context.
	turnsPara bool
	// brokenOff: the sentence stops on a connective ending with no mark
	// after it ("…한참 뒤에 했었는데"): the writer goes on in the next
	// block.
	brokenOff bool
	// short: a question too short to be usable on its own that points
	// back ("이게 맞나??"); it is a sentence only with the line it asks
	// about as its context (see asksBack).
	short bool
	// frameNested: the frame is the list item the sentence's item is
	// nested under, not a label or lead-in over a stretch of the note.
	frameNested bool
	// namedAfter: the next sentence on its line names what it describes
	// ("이러한 설계 원칙을 …이라고 부른다").
	namedAfter bool
	// judges: a question of the writer's own shorthand, led in with an
	// arrow or too short to stand alone, that asks whether something is
	// right, good or needed ("→ …하는 것이 옳은가?", "이게 맞나??"; see
	// judgesRight).
	judges bool
	// knows: an obligation to know, understand or tell apart something
	// ("A와 B를 구분해야 한다"): what to understand, not a step to take.
	knows bool
	// whenOrCase: the sentence names a time or a case ("…될 때마다",
	// "객체의 경우"); forPurpose: it says what a purpose takes ("…하기
	// 위해서는"). See timeOrCase and purposeClause.
	whenOrCase, forPurpose bool
	// condition: a "…해 보자" (Voice.Try) sets a condition of any kind
	// ("가능하다면 …", "…하려면 …"): the reader's situation, not the book's
	// next step.
	condition bool
	// genericObject: the object of the last action is an everyday word
	// ("모델을 평가해야 함"; see genericObject).
	genericObject bool
	// changesNothingNamed: the sentence changes something into something
	// else without naming what ("정수형 상수로 변경하는 것이 좋다"); see
	// changesUnnamed.
	changesNothingNamed bool
	// topicless: the sentence names no topic or subject of its own
	// ("…작업에도 유용하다"), or says what something is or means without
	// naming it ("…를 평균 낸 것이다", "…갖게 되는 것을 의미"): what it
	// is about is on the line above.
	topicless bool
	// arrow: the line opens with an arrow ("→ …"); topic: it marks a
	// topic (은/는) of its own; pointer: a demonstrative inside it points
	// at a noun named on a line above ("해당 정보").
	arrow, topic, pointer bool
	// effort: a hedged guess about how something will feel to the writer
	// (see FeelsOwnEffort).
	effort bool
	// trailing: the sentence is the writer's remark set whole in
	// brackets after another sentence of the same line: it carries that
	// sentence as its Context.
	trailing bool
	// retracted: the writer takes the sentence back on the next line (see
	// retractions).
	retracted bool
	// onExample: the sentence advises or obliges something of a type the
	// note's own code declares ("RatePolicy 인터페이스를 구현해야 한다"
	// under "interface RatePolicy"): a step of the book's example.
	onExample bool
	// exampled: the note marks the sentence as an example ("ex) …", or a
	// line of only "ex)" right above its block).
	exampled bool
	// instance: the sentence names a particular instance by its ordinal
	// ("네 번째 사용자를 처리하는 중에 …"): a step through the example's
	// data, not something to do in one's own work.
	instance bool
	// step: the sentence opens on the order of a walkthrough ("가장 먼저
	// …를 뺀다", "이제 …하면 에러가 발생한다"): a step of the book's
	// example, not a point (see stepOpener).
	step bool
	// joined: Context is the first half of the same sentence, left open
	// on the line above ("…늘지만," / "…비용이 함께 증가").
	joined bool
	// still: an adverb holds the sentence against what was said before
	// it ("여전히", "그래도"; see premiseAdverb).
	still bool
	// bareClause: the first clause says something of a thing it does not
	// name (see firstClauseSubjectless); difficulty: the sentence states
	// a difficulty (see statesDifficulty); acts: it ends by doing
	// something about one (see takesAction).
	bareClause, difficulty, acts bool
	// Answered marks a question the note answers right after it (a
	// rhetorical or book question); Checklist a question standing in a
	// list of questions (the book's checklists).
	Answered, Checklist bool
	// OwnAnswer marks an answered question whose answer the note marks as
	// one ("→ …", "A: …") on the lines right after it: the member asked
	// it and answered it themselves.
	OwnAnswer bool
}

// Member is the analysis of one member's note.
type Member struct {
	Name      string
	Index     int
	Doc       *note.Document
	Sentences []Sentence
	// TermCount counts, per term key, the sentences mentioning it.
	TermCount map[string]int
	// Display maps a term key to its first-seen surface form.
	Display map[string]string
	// byKey maps a term key to the indexes of the sentences mentioning it.
	byKey map[string][]int
	// under counts, by heading, the sentences below it at any depth.
	under map[string]int
	// reads keeps the readings of the texts read while the note is
	// analysed (nil once it is): see readings.
	reads readings
}

// readings keeps the morphological readings (text.Read) of the texts one
// member's analysis reads, by text, so that a text read for one step is not
// read again for another: the line a list hangs from is mostly a sentence
// of the note read already, a definition's head is read for each sentence
// under the same label. It lives for one note's analysis only: no reading
// is shared across notes, weeks or runs. A reading is a function of its
// text, so the results are those of reading again (TestReadingsSameAsReading).
type readings map[string]text.Reading

// keepReadings turns readings on; tests turn it off to compare.
var keepReadings = true

func newReadings() readings {
	if !keepReadings {
		return nil
	}
	return readings{}
}

// read returns text.Read(t), read once per readings.
func (r readings) read(t string) text.Reading {
	if rd, ok := r[t]; ok {
		return rd
	}
	rd := text.Read(t)
	if r != nil {
		r[t] = rd
	}
	return rd
}

// BroadHeading reports whether a heading of the note stands over more
// than a third of its sentences: the note's title or a chapter of the
// book, not the section of one concept.
func (m *Member) BroadHeading(h string) bool {
	return 3*m.under[h] > len(m.Sentences)
}

// SentencesAbout returns the sentences of the member's note that mention
// a concept under any of its spellings, in note order.
func (m *Member) SentencesAbout(c Concept) []*Sentence {
	keys := c.Keys
	if len(keys) == 0 {
		keys = []string{Key(c.Term)}
	}
	var idx []int
	for _, k := range keys {
		idx = append(idx, m.byKey[k]...)
	}
	sort.Ints(idx)
	var out []*Sentence
	for i, x := range idx {
		if i > 0 && idx[i-1] == x {
			continue
		}
		out = append(out, &m.Sentences[x])
	}
	return out
}

// Week is the analysis of a whole week.
type Week struct {
	Members  []*Member
	Concepts []Concept

	bg   *text.Background
	week int
	// spelled maps each key of a concept's spellings to the concept's
	// term (the first concept that has it): see Widespread.
	spelled map[string]string
}

// Widespread reports whether most of the study's other weeks use a term
// ("AI 모델", "파운데이션 모델" in a study of one book on AI): it names the
// study's subject, not what a sentence of this week is about. It is false
// when the analysis knows no other weeks.
func (w *Week) Widespread(term string) bool {
	if w == nil {
		return false
	}
	if share, weeks := w.bg.PhraseSpread(term, w.week); weeks >= 2 && share >= genericSpread {
		return true
	}
	// Another spelling of a widespread concept ("TypeScript" where the
	// notes mostly write "타입스크립트") is as widespread.
	if t, ok := w.spelled[Key(term)]; ok && t != term {
		share, weeks := w.bg.PhraseSpread(t, w.week)
		return weeks >= 2 && share >= genericSpread
	}
	return false
}

// Spread returns the share of the study's other weeks whose notes use
// term (0 when the analysis knows no other week): how much of the study's
// everyday vocabulary it is.
func (w *Week) Spread(term string) float64 {
	if w == nil {
		return 0
	}
	share, _ := w.bg.PhraseSpread(term, w.week)
	return share
}

// StudyWord reports whether term is the study's own subject: the notes
// of every other week use it, in a study long enough for that to say so
// (five other weeks or more), as "스프링" does in a study of a book on
// Spring. A schedule topic such a word names links no two weeks.
func (w *Week) StudyWord(term string) bool {
	if w == nil {
		return false
	}
	share, weeks := w.bg.PhraseSpread(term, w.week)
	return weeks >= 5 && share >= 1
}

// Note is one member's note of a week, in the order the week lists its
// members; Doc is nil when the member wrote none. A member's place in the
// list numbers their evidence IDs.
type Note struct {
	Member string
	Doc    *note.Document
}

// Option sets what the analysis knows of the study around the week.
type Option func(*options)

type options struct {
	week     int
	bg       *text.Background
	material []*note.Document
}

// WithMaterial gives the analysis the repository's own material on the
// week's chapters (chapter summaries): a member's sentence close to it
// restates the book rather than saying something of the member's own.
func WithMaterial(docs []*note.Document) Option {
	return func(o *options) { o.material = docs }
}

// InStudy tells the analysis which week of the study it reads and how
// widespread terms are across the study's weeks (see text.Background), so
// that the study's everyday words are no concepts of the week.
func InStudy(week int, bg *text.Background) Option {
	return func(o *options) { o.week, o.bg = week, bg }
}

// Analyze computes the features of every sentence and the concept matrix
// of a week. It is the analysis stage of the pipeline: pipeline runs it
// once per week and every engine, and the web view, read its result.
func Analyze(notes []Note, opts ...Option) *Week {
	var o options
	for _, f := range opts {
		f(&o)
	}
	w := &Week{}
	// Members are analysed in parallel, one goroutine per core.
	res := make([]*Member, len(notes))
	par.Each(len(notes), func(i int) {
		if n := notes[i]; n.Doc != nil {
			res[i] = analyzeMember(i, n.Member, n.Doc)
		}
	})
	for _, m := range res {
		if m != nil {
			w.Members = append(w.Members, m)
		}
	}
	grams := bodyGrams(w.Members)
	shareScores(w.Members, grams)
	remarksBeside(w.Members, grams)
	bookScores(w.Members, grams, o.material)
	chapters := chapterText(o.material)
	for _, m := range w.Members {
		develop(m, chapters)
		for i := range m.Sentences {
			m.Sentences[i].Scores = scoreSentence(&m.Sentences[i])
		}
	}
	w.Concepts = conceptMatrix(w.Members, o.bg, o.week)
	w.bg, w.week = o.bg, o.week
	w.spelled = map[string]string{}
	for _, c := range w.Concepts {
		for _, k := range c.Keys {
			if _, ok := w.spelled[k]; !ok {
				w.spelled[k] = c.Term
			}
		}
	}
	return w
}

// Member returns the analysis of the named member's note, nil when the
// member wrote none.
func (w *Week) Member(name string) *Member {
	if w == nil {
		return nil
	}
	for _, m := range w.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// Evidence returns every analysed sentence of the week by evidence ID.
func (w *Week) Evidence() map[string]Evidence {
	out := map[string]Evidence{}
	if w == nil {
		return out
	}
	for _, m := range w.Members {
		for _, s := range m.Sentences {
			out[s.ID] = s.Evidence
		}
	}
	return out
}

// sentenceKind is the kind of block a sentence is read as: its block's,
// but a list item for a cell of a note written as tables ("클러스터드
// 인덱스: 행을 키 순서대로 저장한다.", note.Sentence.Cell), which says its
// point as a labelled item does.
func sentenceKind(s note.Sentence) note.Kind {
	if s.Cell {
		return note.KindListItem
	}
	return s.Kind
}

func analyzeMember(idx int, name string, doc *note.Document) *Member {
	m := &Member{Name: name, Index: idx, Doc: doc, TermCount: map[string]int{}, Display: map[string]string{}, reads: newReadings()}
	n := len(doc.Sentences)
	m.Sentences = make([]Sentence, 0, n) // at most one per note sentence
	examples := exampleTypes(doc)
	prevLine, prevBlock := -1, -1
	for _, s := range doc.Sentences {
		sameLine := s.Line == prevLine && s.Block == prevBlock
		newBlock := s.Block != prevBlock
		prevLine, prevBlock = s.Line, s.Block
		if s.Block >= 0 && s.Block < len(doc.Blocks) && doc.Blocks[s.Block].Struck {
			continue // crossed out by the writer: no view, question or point of theirs
		}
		clean := Clean(s.Text)
		if s.Block >= 0 && s.Block < len(doc.Blocks) && bracketed(doc.Blocks[s.Block].Text) {
			clean = unwrapped(clean) // a line the writer set whole in brackets
		}
		short := !usable(clean)
		if short && !m.asksBack(clean) || metaProperty(clean) {
			continue
		}
		raw := clean
		clean = StripLabel(clean)
		body := Trim(clean)
		rd := m.reads.read(body)
		// A sentence set whole in brackets after another on the same
		// line ("…할 수 있다. ( 즉 …는 지양해야 한다 )") is read without
		// its brackets; it is the writer's remark on that sentence when it
		// speaks in their voice (see ownRemark), and otherwise stays a
		// bracketed aside, the book's gloss more often than not.
		trailing, asked := false, false
		if sameLine && text.Wrapped(clean) && (!bracketedTurn(clean) || strings.Contains(clean, "?")) {
			in := Trim(dewrapped(clean))
			ird := m.reads.read(in)
			iv := readVoice(dewrapped(raw), ird.Morphs)
			asked = strings.HasSuffix(strings.TrimSpace(in), "?!") // "(이것이 TDD?!)": asked in surprise
			iv.Question = iv.Question || asked
			// "(이것이 TDD?!)": a bare question pointing back at the
			// sentence is the writer's remark on it, fragment or not.
			if p := problem(in, ird.Morphs); (p == "" || p == ProblemDangling || p == ProblemFragment && iv.Question && pointsBack(ird.Morphs)) && ownRemark(iv) {
				raw, clean, body, rd, trailing = dewrapped(raw), dewrapped(clean), in, ird, true
			}
		}
		var terms []string
		seen := map[string]bool{}
		for _, t := range rd.Terms {
			if seen[t.Key] || !informative(t) {
				continue
			}
			seen[t.Key] = true
			terms = append(terms, t.Text)
			m.TermCount[t.Key]++
			if _, ok := m.Display[t.Key]; !ok {
				m.Display[t.Key] = t.Text
			}
		}
		pos := 0.0
		if n > 1 {
			pos = float64(s.ID) / float64(n-1)
		}
		m.Sentences = append(m.Sentences, Sentence{
			Evidence: Evidence{
				ID:     fmt.Sprintf("%d.%d", idx+1, s.ID),
				Member: name,
				File:   doc.FileOf(s),
				Line:   s.Line,
				Text:   clean,
				Terms:  terms,
			},
			Raw:      raw,
			Kind:     sentenceKind(s),
			Path:     s.Path,
			Emphasis: s.Emphasis,
			Block:    s.Block,
			Position: pos,
			Voice:    readVoice(raw, rd.Morphs),
			Body:     body,
			Problem:  problem(body, rd.Morphs),
			Subject:  subject(rd.Morphs, body),
		})
		last := &m.Sentences[len(m.Sentences)-1]
		last.short = short
		if trailing {
			last.Voice.Question = last.Voice.Question || asked
			last.trailing = true
			last.Voice.Remark = true
			last.Body = "(" + last.Body + ")"
		}
		if s.Block >= 0 && s.Block < len(doc.Blocks) && doc.Blocks[s.Block].Task == note.TaskOpen && learningTodo(body) {
			// "- [ ] MVCC가 스냅샷을 만드는 방법 정리하기": what the writer has
			// still to study, a study target of theirs
			last.Voice.Doubt = true
		}
		if last.Problem == ProblemFragment && quotedGuess(body) {
			last.Problem = "" // "…아닐까..? 라는 추측.": a note-style sentence, whole
		}
		if s.Block >= 0 && s.Block < len(doc.Blocks) && doc.Blocks[s.Block].Caption {
			last.Problem = ProblemCaption // "*…*" under an image: the figure's caption
		}
		last.Definition = defines(last, rd.Morphs, m.reads) && !last.Voice.Question // "X가 핵심인데 …하는 것이 옳은가?" asks, it defines nothing
		last.Described = last.Definition && described(rd.Morphs)
		// A closing remark in brackets says nothing about how the
		// sentence itself ends ("…이 달라짐 (강점이자 약점)"), nor does its
		// subject ("…하는 표임 (이것도 …)") stand for the sentence's.
		core := withoutTrailingParen(rd.Morphs)
		last.subjectless = !hasSubject(core)
		trimmed := strings.TrimSpace(body)
		last.brokenOff = last.Problem == ProblemFragment && unfinished(rd.Morphs) && strings.TrimRight(trimmed, ",.?!…:;)") == trimmed
		last.object = hasObject(rd.Morphs)
		last.nominal = nominalEnding(rd.Morphs)
		last.announces = announcesOnly(rd.Morphs) || arrival(core)
		last.point = pointMaking(rd.Morphs)
		last.conditional = conditionalAction(rd.Morphs)
		last.whenDoing = whenDoing(rd.Morphs)
		sub, know, caused := obligation(rd.Morphs)
		last.notReaders, last.knows = sub || know || caused, know
		last.whenOrCase, last.forPurpose = timeOrCase(rd.Morphs), purposeClause(rd.Morphs)
		last.condition = last.Voice.Try && hasCondition(rd.Morphs)
		if v := last.Voice; (v.Recommend || v.Should) && len(examples) > 0 {
			last.onExample = namesAny(body, examples)
		}
		// "ex) …", or the first sentence of the block right under a line
		// that is only "ex)": the note's illustration of the point above.
		last.exampled = ExampleLed(s.Text) || newBlock && s.Block > 0 && s.Block < len(doc.Blocks) && exampleMarker(doc.Blocks[s.Block-1].Text)
		last.genericObject = genericObject(rd.Morphs)
		last.instance = ordinalInstance(rd.Morphs)
		last.step = stepOpener(body, rd.Morphs)
		last.changesNothingNamed = changesUnnamed(rd.Morphs)
		last.OwnSubject = ownSubject(rd.Morphs)
		last.Property = propertyClaim(core)
		last.Topics = topics(rd.Morphs)
		last.HandsOver = handsOver(rd.Morphs)
		last.Stance, last.Judged = stances(rd.Morphs)
		last.Assesses = assesses(core, last.Stance)
		last.Recounts = recounting(core)
		last.effort = feelsOwnEffort(last.Voice, rd.Morphs)
		last.arrow = arrowLed(clean)
		last.judges = (last.arrow || short) && last.Voice.Question && judgesRight(rd.Morphs)
		last.still = premiseAdverb(rd.Morphs)
		if s.Kind == note.KindListItem {
			last.bareClause = firstClauseSubjectless(rd.Morphs)
			last.difficulty = statesDifficulty(core)
			last.acts = takesAction(rd.Morphs) && !statesDifficulty(lastClause(core))
		}
		last.topic = hasTopic(rd.Morphs)
		last.pointer = pointsBack(rd.Morphs) || additive(rd.Morphs) || echoesAbove(body)
		last.topicless = last.Subject == "" && rd.Morphs != nil && !hasTopic(core) && (!hasSubjectParticle(core) || copulaEnding(core) || meaningEnding(core) || embeddedSubject(rd.Morphs))
	}
	for i := 1; i < len(m.Sentences); i++ {
		s, prev := &m.Sentences[i], m.Sentences[i-1]
		// The line above, in the same block or the paragraph right
		// before ("…함께 움직인다." / "그래서 …").
		// A nested list item leans on the item it hangs from.
		parent := s.Kind == note.KindListItem && prev.Kind == note.KindListItem && prev.Block != s.Block && parentBlock(doc, s.Block) == prev.Block
		// So does an item opening with a qualifier ("- 다만, …", see
		// qualifiers) on the item right before it in the same list.
		// An item concluding with no topic of its own ("- 그래서 그냥 …를
		// 쓰라는 것 같다") concludes the item right before it too.
		sibling := s.Problem == ProblemDangling && (opensWith(s.Text, qualifiers) || opensWith(s.Text, concluders) && !s.topic) && nextItem(doc, prev, *s)
		// A conclusion on the line of the sentence it follows from, naming
		// no topic of its own ("enum 은 … 사라지지 않음. 따라서 메모리
		// 오버헤드가 있으며 …"), says its consequence of nothing: it carries
		// that sentence, which names the topic.
		concludes := prev.Line == s.Line && prev.Block == s.Block && opensWith(s.Text, concluders) && !s.topic && prev.topic && !s.trailing && !prev.Voice.Question
		// So does a paragraph that opens by concluding right after the
		// paragraph it concludes, a blank line between ("…디미터 법칙이란 …
		// 제한하라는 법칙이다." / "즉 여러 클래스를 점을 찍어가며 …").
		concludesPara := s.Kind == note.KindParagraph && prev.Kind == note.KindParagraph && prev.Block == s.Block-1 && s.Line-prev.Line <= 2 &&
			opensWith(s.Text, concluders) && !s.topic && prev.topic && !s.trailing && !prev.Voice.Question
		// A paragraph the writer broke off on a connective ending ("또한
		// 리팩터링을 … 한참 뒤에 했었는데") goes on in the paragraph right
		// after it, a blank line between: one sentence of theirs. One that
		// opens by pointing back ("이 문제를 해결하기 위해서는") leans on the
		// text above it too, and is left as it was.
		broken := s.Kind == note.KindParagraph && prev.Kind == note.KindParagraph && prev.Block == s.Block-1 && s.Line-prev.Line <= 2 &&
			prev.brokenOff && prev.Context == nil && !prev.Voice.Question && !s.Voice.Question && !anaphoric(prev.Body) && !Dependent(prev.Body)
		// So does the writer's doubt or view that turns against the
		// paragraph right before it with no topic of its own ("Mockito는 목
		// 오브젝트를 손쉽게 만들어 준다." / "하지만 아직 익숙하지 않아 따로
		// 학습해두자"): the turn is on that paragraph. Advice that turns so
		// ("하지만 …잘 고려해서 활용하면 좋다") after a book definition stays
		// out: the pair is a definition with a vague tail.
		v := s.Voice
		turnsPara := s.Kind == note.KindParagraph && prev.Kind == note.KindParagraph && prev.Block == s.Block-1 && s.Line-prev.Line <= 2 &&
			s.Problem == ProblemDangling && !arrowLed(s.Text) && opensWith(s.Text, contrastTurners) && !s.topic && !s.trailing && !prev.Voice.Question &&
			(v.Doubt || v.Question || v.Hedge || v.FirstPerson) && !v.Recommend
		// A question that points back with a pronoun ("- 어째서 이가
		// 가능할까…?") asks about the item right before it in its list,
		// which it completes even when that item names no topic.
		asksAbove := s.pointer && s.Voice.Question && nextItem(doc, prev, *s) && !prev.pointer && !anaphoric(prev.Text) && !prev.Voice.Question
		above := sameBlock(doc, prev, *s) || prev.Kind == note.KindParagraph && s.Kind == note.KindParagraph || parent || sibling || asksAbove
		// The line above helps only when it stands on its own: one that
		// leans on its own line above ("이러한 객체들은 …" under "이러한
		// 객체들은 …") leaves the pair as dangling as the sentence.
		// A remark in brackets after a sentence is on that sentence, even
		// when the sentence carries the one before it.
		if (anaphoric(s.Text) || s.pointer || s.trailing || s.Problem == ProblemDangling || concludes || concludesPara || broken) && (prev.Line >= s.Line-1 || concludesPara || turnsPara || broken) && above && (prev.Problem == "" || asksAbove && prev.Problem == ProblemDangling || broken) && (prev.Context == nil || s.trailing) {
			p := prev
			p.Context = nil
			s.Context, s.ContextParent = &p, parent
			s.asksAbove, s.turnsPara = asksAbove, turnsPara
			if c := droppedConcluder(s.Text, s.Body); c != "" && !s.trailing {
				s.ContextJoin = " " + c + " " // "…존재한다. 그래서 그냥 …": the pair keeps the word that joins it
			}
			if (s.Problem == ProblemDangling || s.short && asksAbove) && utf8.RuneCountInString(p.Body+s.Body) <= maxBodyRunes {
				s.Problem = ""
			}
		} else if v := s.Voice; s.Problem == "" && (anaphoric(s.Text) && !v.Recommend || s.pointer) && !v.Question && !v.Hedge && !v.FirstPerson && !v.Contrast && !v.Doubt {
			// Advice that points back ("그 모델의 가이드를 참고") needs
			// what it points at as much as a statement does.
			s.Problem = ProblemDangling // "이런 꼼수가 …" with nothing above to say which
		}
	}
	for i := 0; i+1 < len(m.Sentences); i++ {
		s, n := &m.Sentences[i], m.Sentences[i+1]
		// "…인터페이스를 분리하면 …를 제어할 수 있게 된다. 이러한 설계 원칙을
		// …이라고 부른다": the sentence is what a named principle does.
		s.namedAfter = n.Line == s.Line && n.Block == s.Block && (n.pointer || anaphoric(n.Text)) && namingCueSet.Any(n.Body)
	}
	leanOnArrows(m)
	leanOnPremises(m)
	frames(m)
	topicLeadIns(m)
	answerFrames(m)
	numberedRuns(m)
	reactionFrames(m)
	children(m)
	for i := range m.Sentences {
		s := &m.Sentences[i]
		v := s.Voice
		// A statement with no subject or topic leans on the line above
		// for it ("…출력할 수 있다" under a heading naming what can,
		// "…평균 낸 것이다" under the name of a score); advice,
		// questions and the writer's own view need none.
		if (s.subjectless || s.topicless) && s.Frame != "" && s.Context == nil && !ownLabel(s.Body) {
			s.FrameNeeded = true
		}
		if s.Problem == "" && (s.subjectless || s.topicless) && s.Frame == "" && s.Context == nil && s.Kind != note.KindHeading &&
			!v.Recommend && !v.Should && !(v.Can && (practiceHeading(s.Path) || s.conditional)) && !(v.Conclusion && s.ChildPoint) && !v.Question && !v.Doubt && !v.Hedge && !v.FirstPerson && !v.Reaction && !v.Realized {
			s.Problem = ProblemDangling
		}
	}
	for i := range m.Sentences {
		if s := &m.Sentences[i]; s.Problem == "" && len(s.Parts) == 0 && (pointsAhead(s.Body) || leadsIntoCode(m, *s) || showsBelow(m, *s)) {
			s.Problem = ProblemDangling // "아래처럼 …": the code or figure below is no part of a bullet
		}
	}
	sectionPointers(m)
	sides(m)
	contextLost(m)
	followers(m)
	retractions(m)
	nextLines(m)
	remedies(m)
	slogans(m)
	guesses(m)
	realizations(m)
	bareAnswers(m)
	situations(m)
	questions(m)
	openings(m)
	m.byKey = map[string][]int{}
	for i, s := range m.Sentences {
		for _, t := range s.Terms {
			k := Key(t)
			m.byKey[k] = append(m.byKey[k], i)
		}
	}
	// Centrality: graph centrality (TextRank) blended with how many of the
	// note's most frequent terms the sentence mentions.
	top := topTerms(m, 30)
	rank := textRank(m.Sentences)
	for i := range m.Sentences {
		s := &m.Sentences[i]
		hit := 0.0
		for _, t := range s.Terms {
			if w, ok := top[Key(t)]; ok {
				hit += w
			}
		}
		s.Centrality = 0.5*rank[i] + 0.5*math.Min(1, hit/4)
	}
	m.reads = nil
	return m
}

func sameBlock(doc *note.Document, a, b Sentence) bool {
	ia, ib := sentenceIndex(a.ID), sentenceIndex(b.ID)
	if ia < 0 || ib < 0 || ia >= len(doc.Sentences) || ib >= len(doc.Sentences) {
		return false
	}
	return doc.Sentences[ia].Block == doc.Sentences[ib].Block
}

// sentenceIndex returns the note sentence index of an evidence ID "m.s".
func sentenceIndex(id string) int {
	i := strings.IndexByte(id, '.')
	n := 0
	for _, r := range id[i+1:] {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// Candidates returns the evidence best fitting a section (by its key),
// best first, at most MaxEvidence, each with its score for the section.
func (m *Member) Candidates(key string) []Evidence {
	if m == nil {
		return nil
	}
	var out []Evidence
	for _, s := range m.Ranked(key, MaxEvidence) {
		ev := s.Evidence
		ev.Score = s.Scores[key]
		out = append(out, ev)
	}
	return out
}

// Ranked returns the sentences best fitting a section, best first, at most
// limit, skipping sentences whose score is not positive.
func (m *Member) Ranked(key string, limit int) []Sentence {
	var out []Sentence
	for _, s := range m.Sentences {
		if s.Scores[key] > 0 && s.Kind != note.KindTable {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Scores[key] > out[j].Scores[key] })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Frequent returns the keys of the terms the note mentions in more than
// one sentence, most mentioned first (ties by key).
func (m *Member) Frequent() []string {
	var keys []string
	for k, v := range m.TermCount {
		if v > 1 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := m.TermCount[keys[i]], m.TermCount[keys[j]]
		if a != b {
			return a > b
		}
		return keys[i] < keys[j]
	})
	return keys
}

// topTerms weights the n most frequent terms by log frequency.
func topTerms(m *Member, n int) map[string]float64 {
	out := map[string]float64{}
	for i, k := range m.Frequent() {
		if i >= n {
			break
		}
		out[k] = math.Log(1 + float64(m.TermCount[k]))
	}
	return out
}

// Key is the comparison key of a term (see text.Term.Key).
func Key(term string) string {
	return text.Lower(strings.ReplaceAll(term, " ", ""))
}

// informative reports whether a term can stand for a concept: not a bare
// number, not a single letter.
func informative(t text.Term) bool {
	letters := 0
	for _, r := range t.Key {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 || letters >= 1 && utf8.RuneCountInString(t.Key) >= 2 && !unicode.IsDigit([]rune(t.Key)[0])
}

// Best returns the section among keys whose score for the sentence is the
// highest, "" when none is positive.
func (s Sentence) Best(keys ...string) string {
	best, score := "", 0.0
	for _, k := range keys {
		if s.Scores[k] > score {
			best, score = k, s.Scores[k]
		}
	}
	return best
}

// Specific reports whether a term is specific enough to name a shared
// concept on its own: a compound, a Latin word or acronym, or a Korean
// noun of three syllables or more. Two-syllable single nouns (모델,
// 데이터) are too general.
func Specific(term string) bool {
	if generic[term] {
		return false
	}
	if strings.Contains(term, " ") {
		return true
	}
	latin, upper := 0, false
	for _, r := range term {
		if r < 0x80 && unicode.IsLetter(r) {
			latin++
			upper = upper || unicode.IsUpper(r)
		}
	}
	// Latin words and acronyms: "LoRA", "AI", "softmax"; not "al" of "et al".
	if latin >= 3 || latin == 2 && upper {
		return true
	}
	return utf8.RuneCountInString(term) >= 3 || text.DomainNoun(term)
}

// Everyday reports whether a single word is one of the everyday nouns of
// study notes that name no concept of their own ("모델", "데이터", "성능").
func Everyday(term string) bool { return generic[term] }

// generic are everyday nouns of study notes that name no concept of their
// own; as single words they never head a bullet or a shared question.
var generic = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`데이터 시스템 모델 사용자 서비스 프로젝트 텍스트 이미지 방법 정보 결과 성능
		문제 과정 작업 기술 분야 사람 경우 부분 개념 내용 예시 예측 학습 코드 파일 기능 기법 방식 구조 단계 요소
		방향 영향 차이 특징 장점 단점 이유 목적 대상 수준 기준 관점 상황 사례 질문 생각 정리 요약 설명 이해
		사용 활용 적용 도입 필요 중요 가능 자체 전체 일부 대부분 다음 이전 이번 지금 현재 최근 오늘 책 장 절
		어려움 한계 종류 역할 의미 정의 조건 효과 효율 비교 변화 증가 감소 향상 개선 선택 결정
		회사 업무 팀 우리 저자 공부 스터디 노트 머신러닝 인공지능 딥러닝 알고리즘 소프트웨어 애플리케이션
		프로그래밍 프로그램 개발 개발자 컴퓨터
		AI ML LLM IT API 일부분 대부분 부분 모두 각각 자신 사람들 사용자들 생성 학습 평가 추론 검색
		model models data learning system systems generation training language task tasks output input user users performance method
		programming program development developer computer`) {
		generic[w] = true
	}
}

// asksBack reports whether a sentence too short to be usable is a
// question that points back at the line above ("이게 맞나??", "그건
// 왜지?"): the writer's doubt about what they just wrote, which the
// sentence carries as its context (see asksAbove).
func (m *Member) asksBack(s string) bool {
	t := strings.TrimSpace(s)
	if !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, "？") {
		return false
	}
	if n := utf8.RuneCountInString(t); n < 4 || n >= 8 {
		return false
	}
	ms := m.reads.read(Trim(t)).Morphs
	if !pointsBack(ms) {
		return false
	}
	for _, x := range ms {
		if strings.HasPrefix(x.POS, "V") || strings.HasPrefix(x.POS, "E") {
			return true // a predicate: it asks something of what it points at
		}
	}
	return false
}

// usable reports whether a sentence can become a bullet: long enough to
// say something, not mostly symbols.
func usable(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 8 {
		return false
	}
	letters := 0
	for _, r := range s {
		if isLetter(r) {
			letters++
		}
	}
	return float64(letters)/float64(n) >= 0.5
}
