package offline

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// Name is the engine name recorded on bullets.
const Name = "offline"

// MaxBullets is the most bullets a section gets.
const MaxBullets = 5

// Notices written into sections the engine cannot fill from a note.
const (
	NoticeMissing     = "이번 주 노트가 제출되지 않았습니다."
	NoticeNoReviewW   = "(자동 검토 없음)"
	NoticeNoReviewC   = "offline 엔진은 오개념을 판단하지 않습니다. LLM 엔진(--engine openai|anthropic)으로 생성하거나 직접 채워 주세요."
	NoticeNoSchedule  = "README에 일정표가 없어 다음 주차 주제를 알 수 없습니다."
	NoticeNothingHere = "노트에서 이 항목에 해당하는 문장을 찾지 못했습니다."
)

// Engine is the offline engine.
type Engine struct {
	// Max is the most bullets per section (MaxBullets when 0).
	Max int
}

// New returns the offline engine.
func New() *Engine { return &Engine{Max: MaxBullets} }

// Name implements engine.Engine.
func (e *Engine) Name() string { return Name }

// Generate implements engine.Engine: bullets from in.Analysis.
func (e *Engine) Generate(ctx context.Context, in *engine.Input) (*insight.Week, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	aw := in.Analysis
	if aw == nil {
		return nil, engine.ErrNoAnalysis
	}
	limit := e.Max
	if limit <= 0 {
		limit = MaxBullets
	}
	w := &insight.Week{Number: in.Week, Engine: Name}
	for _, mi := range in.Members {
		mr := insight.Member{Name: mi.Member.Name, Roman: mi.Member.Roman}
		am := aw.Member(mi.Member.Name)
		if mi.Doc == nil || am == nil {
			mr.Notice = NoticeMissing
			w.Members = append(w.Members, mr)
			continue
		}
		mr.Note = mi.Doc.Path
		mr.Submitted = true
		mr.Style = string(mi.Doc.Style)
		mr.Sections = MemberSections(in.Template.MemberSections, am, aw, limit)
		w.Members = append(w.Members, mr)
	}
	w.Group = GroupSections(in, aw, w.Members, limit)
	return w, nil
}

// MemberSections fills one member's sections from their analysed note.
func MemberSections(specs []doc.SectionSpec, m *analyze.Member, aw *analyze.Week, limit int) []insight.Section {
	used := map[string]bool{} // sentence IDs already turned into bullets
	var seen []string         // texts of bullets so far, to avoid repeats
	var out []insight.Section
	// Fill the more specific sections first so that the generic key
	// insights do not take their sentences; render in template order.
	order := []string{insight.KeyStudy, insight.KeyPractical, insight.KeyPerspective, insight.KeyInsights}
	filled := map[string]insight.Section{}
	for _, key := range order {
		for _, spec := range specs {
			if spec.Key != key {
				continue
			}
			filled[key] = pick(spec, present(specs), m, aw, key, limit, used, &seen)
		}
	}
	for _, spec := range specs {
		sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: kindOf(spec)}
		switch spec.Key {
		case insight.KeySummary:
			sec = summary(spec, m)
		case insight.KeyCorrections:
			sec.Rows = []insight.Row{{Written: NoticeNoReviewW, Correction: NoticeNoReviewC, Remark: Name, Engine: Name}}
		case insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy:
			sec = filled[spec.Key]
		default:
			// A section moim does not know: left for people to fill.
		}
		out = append(out, sec)
	}
	return out
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

func pick(spec doc.SectionSpec, keys []string, m *analyze.Member, aw *analyze.Week, key string, limit int, used map[string]bool, seen *[]string) insight.Section {
	sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: kindOf(spec)}
	cands := m.Ranked(key, analyze.MaxEvidence)
	if key == insight.KeyPerspective {
		cands = append(cands, uniqueConceptSentences(m, aw)...)
	}
	// Two passes: first one bullet per headline, so a section covers
	// several concepts; then the rest of the best candidates.
	heads := map[string]bool{}
	for pass := 0; pass < 2; pass++ {
		for _, s := range cands {
			if len(sec.Bullets) >= limit {
				break
			}
			if used[s.ID] || s.Context != nil && used[s.Context.ID] {
				continue
			}
			// A sentence goes to the specific section it fits best.
			if key != insight.KeyInsights {
				if best := s.Best(keys...); best != "" && best != key {
					continue
				}
			}
			b := Bullet(s, m, key == insight.KeyStudy)
			if b.Text == "" || repeats(b.Markdown(), *seen) {
				continue
			}
			if pass == 0 && b.Head != "" && heads[analyze.Key(b.Head)] {
				continue
			}
			heads[analyze.Key(b.Head)] = true
			used[s.ID] = true
			if s.Context != nil {
				used[s.Context.ID] = true
			}
			*seen = append(*seen, b.Markdown())
			sec.Bullets = append(sec.Bullets, b)
		}
	}
	if key == insight.KeyStudy && len(sec.Bullets) == 0 {
		sec.Bullets = passingTopics(m, aw, used, limit)
	}
	if len(sec.Bullets) == 0 {
		sec.Notice = NoticeNothingHere
	}
	return sec
}

// uniqueConceptSentences returns, for concepts only this member wrote
// about, the first sentence mentioning each.
func uniqueConceptSentences(m *analyze.Member, aw *analyze.Week) []analyze.Sentence {
	if len(aw.Members) < 2 {
		return nil
	}
	var out []analyze.Sentence
	for _, c := range aw.Concepts {
		if len(c.Counts) != 1 || c.Counts[m.Name] < 2 {
			continue
		}
		for _, s := range m.Sentences {
			if s.Kind != note.KindTable && containsTerm(s.Terms, c.Term) && s.Scores[insight.KeyInsights] > 0 {
				out = append(out, s)
				break
			}
		}
		if len(out) >= MaxBullets {
			break
		}
	}
	return out
}

// passingTopics proposes, when a note asks nothing, the topics the member
// mentioned only in passing (one sentence) and the rest of the group did
// not cover, as things to study next: emphasised and compound terms first.
// The bullet quotes the sentence, so it stays grounded in the note.
func passingTopics(m *analyze.Member, aw *analyze.Week, used map[string]bool, limit int) []insight.Bullet {
	sharedBy := map[string]int{}
	for _, c := range aw.Concepts {
		sharedBy[analyze.Key(c.Term)] = len(c.Counts)
	}
	type cand struct {
		term  string
		s     analyze.Sentence
		score int
	}
	var cands []cand
	seen := map[string]bool{}
	for _, s := range m.Sentences {
		if used[s.ID] || s.Kind == note.KindTable {
			continue
		}
		for _, t := range s.Terms {
			k := analyze.Key(t)
			if seen[k] || m.TermCount[k] != 1 || sharedBy[k] > 1 || !analyze.Specific(t) {
				continue
			}
			seen[k] = true
			score := 0
			for _, e := range s.Emphasis {
				if strings.Contains(analyze.Key(e), k) {
					score += 2
				}
			}
			if strings.Contains(t, " ") || isLatin(t) {
				score++
			}
			cands = append(cands, cand{t, s, score})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var out []insight.Bullet
	for _, c := range cands {
		if len(out) >= min(limit, 3) {
			break
		}
		if used[c.s.ID] {
			continue
		}
		used[c.s.ID] = true
		out = append(out, insight.Bullet{
			Head:    c.term,
			Text:    Shorten(c.s.Text, 100) + " (한 번만 언급하고 넘어간 개념 — 더 살펴볼 주제)",
			Sources: []insight.Source{source(c.s)},
			Engine:  Name,
		})
	}
	return out
}

func containsTerm(terms []string, t string) bool {
	for _, x := range terms {
		if analyze.Key(x) == analyze.Key(t) {
			return true
		}
	}
	return false
}

func repeats(s string, seen []string) bool {
	k := analyze.Key(s)
	for _, o := range seen {
		ko := analyze.Key(o)
		if text.BigramF1(s, o) > 0.7 || strings.Contains(ko, k) || strings.Contains(k, ko) {
			return true
		}
	}
	return false
}

func source(s analyze.Sentence) insight.Source {
	return insight.Source{File: s.File, Line: s.Line, Member: s.Member, Quote: s.Text}
}

// Bullet turns a sentence of member m into a bullet: a short bold
// headline (the sentence's emphasis, main term or heading) unless noHead,
// and the sentence shortened to one line.
func Bullet(s analyze.Sentence, m *analyze.Member, noHead bool) insight.Bullet {
	head := ""
	if !noHead {
		head = balance(headline(s, m))
		if !wordy(head) {
			head = ""
		}
	}
	text := s.Text
	srcs := []insight.Source{source(s)}
	if s.Context != nil && utf8.RuneCountInString(s.Context.Text+s.Text) <= 180 {
		text = s.Context.Text + " " + s.Text
		srcs = append([]insight.Source{source(*s.Context)}, srcs...)
	}
	body := Shorten(stripHead(text, head), 160)
	if head != "" && analyze.Key(body) == analyze.Key(head) {
		body = ""
	}
	return insight.Bullet{Head: head, Text: body, Sources: srcs, Engine: Name}
}

func headline(s analyze.Sentence, m *analyze.Member) string {
	for _, e := range s.Emphasis {
		if h, ok := emphasisHead(e); ok {
			return h
		}
	}
	// The sentence's most specific term that the note keeps coming back to.
	best, bestN := "", 0
	for _, t := range s.Terms {
		if !analyze.Specific(t) || utf8.RuneCountInString(t) > 30 {
			continue
		}
		if n := m.TermCount[analyze.Key(t)]; n > bestN {
			best, bestN = t, n
		}
	}
	if best != "" && bestN > 1 && (strings.Contains(best, " ") || isLatin(best)) {
		return best
	}
	if len(s.Path) > 0 {
		h := cleanHeading(s.Path[len(s.Path)-1])
		if n := utf8.RuneCountInString(h); n >= 2 && n <= 30 && !genericHeading(h) && !analyze.CueHeading(h) {
			return h
		}
	}
	return best
}

func cleanHeading(h string) string {
	h = analyze.Clean(h)
	// Drop section numbering like "1.1", "2)", "Q1.".
	f := strings.Fields(h)
	for len(f) > 1 && strings.IndexFunc(f[0], func(r rune) bool { return r >= '0' && r <= '9' }) == 0 {
		f = f[1:]
	}
	return strings.Trim(strings.Join(f, " "), " :.-)")
}

func genericHeading(h string) bool {
	switch strings.ToLower(h) {
	case "정리", "요약", "개요", "목차", "내용", "참고", "참고 자료", "summary", "notes", "memo", "메모":
		return true
	}
	return false
}

func stripHead(s, head string) string {
	if head == "" {
		return s
	}
	if strings.HasPrefix(s, head) {
		rest := strings.TrimLeft(s[len(head):], " ")
		for _, sep := range []string{":", "-", "—", "→"} {
			if strings.HasPrefix(rest, sep) {
				return strings.TrimSpace(rest[len(sep):])
			}
		}
	}
	return s
}

// Shorten cuts a sentence to at most max runes at a clause boundary.
func Shorten(s string, max int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	cut := max
	for i := max; i > max/2; i-- {
		if rs[i] == ',' || rs[i] == ' ' && i > 0 && (rs[i-1] == ',' || rs[i-1] == '고' || rs[i-1] == '며' || rs[i-1] == '서') {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(rs[:cut]), " ,") + "…"
}

func summary(spec doc.SectionSpec, m *analyze.Member) insight.Section {
	sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: insight.KindParagraph}
	doc := m.Doc
	var topics []string
	var srcs []insight.Source
	top := 7
	for _, lvl := range []int{1, 2, 3} {
		topics, srcs = topics[:0], srcs[:0]
		for _, b := range doc.Blocks {
			if b.Kind == "heading" && b.Level <= lvl {
				h := cleanHeading(b.Text)
				if h == "" || genericHeading(h) || analyze.CueHeading(h) || utf8.RuneCountInString(h) > 40 {
					continue
				}
				topics = append(topics, h)
				srcs = append(srcs, insight.Source{File: doc.BlockFile(b), Line: b.Line, Member: m.Name, Quote: h})
			}
		}
		if len(topics) >= 3 {
			break
		}
	}
	if len(topics) > top {
		topics, srcs = topics[:top], srcs[:top]
	}
	var sb strings.Builder
	if len(topics) >= 2 {
		fmt.Fprintf(&sb, "%s 순서로 정리한 노트입니다.", strings.Join(topics, ", "))
	} else {
		// Few usable headings: name the note's most frequent concepts.
		terms := topics
		for _, c := range topConcepts(m, 3) {
			if len(terms) < 3 && !containsTerm(terms, c.Head) {
				terms = append(terms, c.Head)
				srcs = append(srcs, c.Sources...)
			}
		}
		if len(terms) > 0 {
			fmt.Fprintf(&sb, "%s 중심으로 정리한 노트입니다.", strings.Join(terms, ", "))
		} else {
			sb.WriteString("짧은 노트입니다.")
			if len(m.Sentences) > 0 {
				srcs = append(srcs, source(m.Sentences[0]))
			}
		}
	}
	sb.WriteString(" " + styleSentence(doc.Style, doc.Stats.Callouts) + describeStats(doc))
	sec.Bullets = []insight.Bullet{{Text: sb.String(), Sources: srcs, Engine: Name}}
	return sec
}

// topConcepts returns the member's most mentioned terms, each with the
// first sentence mentioning it.
func topConcepts(m *analyze.Member, n int) []insight.Bullet {
	var out []insight.Bullet
	for _, k := range m.Frequent() {
		if len(out) >= n {
			break
		}
		term := m.Display[k]
		if !analyze.Specific(term) {
			continue
		}
		for _, s := range m.Sentences {
			if containsTerm(s.Terms, term) {
				out = append(out, insight.Bullet{Head: term, Sources: []insight.Source{source(s)}})
				break
			}
		}
	}
	return out
}

func isLatin(t string) bool {
	for _, r := range t {
		if r >= 0x80 {
			return false
		}
	}
	return true
}

// emphasisHead turns an emphasised span into a headline when it names a
// concept: short, not a whole clause, brackets balanced.
func emphasisHead(e string) (string, bool) {
	e = strings.Trim(analyze.Clean(e), " :.,!?-~·")
	e = balance(e)
	n := utf8.RuneCountInString(e)
	if n < 2 || n > 20 || len(strings.Fields(e)) > 4 || !wordy(e) {
		return "", false
	}
	// A clause ("…하지만", "…것인가") is no headline.
	for _, end := range []string{"지만", "인가", "는가", "을까", "하는", "하고", "하여", "해서", "으로", "에서"} {
		if strings.HasSuffix(e, end) {
			return "", false
		}
	}
	for _, end := range []string{"다", "요", "음", "함", "됨", "임", "까", "니다"} {
		if strings.HasSuffix(e, end) && n > 6 {
			return "", false
		}
	}
	return e, true
}

// balance drops a trailing unclosed bracket and what follows it, and a
// leading unopened closing bracket.
func balance(s string) string {
	for _, p := range [][2]string{{"(", ")"}, {"[", "]"}, {"{", "}"}, {"「", "」"}} {
		if i := strings.LastIndex(s, p[0]); i >= 0 && !strings.Contains(s[i:], p[1]) {
			s = strings.TrimSpace(s[:i])
		}
		if i := strings.Index(s, p[1]); i >= 0 && !strings.Contains(s[:i], p[0]) {
			s = strings.TrimSpace(s[i+len(p[1]):])
		}
	}
	return strings.Trim(s, " :.,!?-~·'\"‘’“”")
}

// wordy reports whether at least half of a headline's characters are
// letters (not arrows, numbers or symbols).
func wordy(s string) bool {
	letters, n := 0, 0
	for _, r := range s {
		if r == ' ' {
			continue
		}
		n++
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && letters*2 >= n
}
