package offline

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
)

// Name is the engine name recorded on bullets.
const Name = "offline"

// MaxBullets is the most bullets a section gets.
const MaxBullets = 5

// Notices written into sections the engine cannot fill from a note.
const (
	NoticeMissing    = "이번 주 노트가 제출되지 않았습니다."
	NoticeNoSchedule = "README에 일정표가 없어 다음 주차 주제를 알 수 없습니다."
	// NoticeNoNextRow: the schedule (the README's, moim.yaml's or the week
	// folders') has this week but not the next.
	NoticeNoNextRow = "일정에 다음 주차가 없어 다음 주차 주제를 알 수 없습니다."
	// A section whose kind of content the note does not have says so in
	// one plain line rather than holding a misplaced sentence.
	NoticeNoInsight = "이번 주 노트에서 핵심으로 꼽을 만한 문장을 찾지 못했습니다."
	// NoticeLinksOnly (with the links, see linksNotice): a note that is
	// no more than links to what the member wrote elsewhere.
	NoticeLinksOnly     = "이번 주 노트는 본문 없이 링크만 담고 있습니다: %s"
	NoticeNoPerspective = "이번 주 노트에는 개인적인 의견이나 새로 발견한 점을 적은 문장이 없습니다."
	// NoticePerspectiveInPractice: the note's only words of the member's
	// own are proposals, under 실무 적용 아이디어; the line says where they
	// are instead of "nothing of the member's own".
	NoticePerspectiveInPractice = "이번 주 노트에는 '실무 적용 아이디어'에 옮긴 제안 말고는 개인적인 의견이나 새로 발견한 점을 적은 문장이 없습니다."
	// NoticePerspectiveInStudy: the note's only words of the member's
	// own are the questions, doubts and things to study under 추가 학습이
	// 필요한 부분 ("…해야 할 것 같다. 이게 맞나??"): a doubt is a view of
	// theirs too. The line calls them by what they can all be (a to-do
	// is no question, a question-form proposal no recommendation).
	NoticePerspectiveInStudy = "이번 주 노트에는 '추가 학습이 필요한 부분'에 옮긴 질문과 공부할 거리 말고는 개인적인 의견이나 새로 발견한 점을 적은 문장이 없습니다."
	// NoticePerspectiveInBoth: both of the above.
	NoticePerspectiveInBoth = "이번 주 노트에는 '실무 적용 아이디어'의 제안과 '추가 학습이 필요한 부분'의 질문·공부할 거리 말고는 개인적인 의견이나 새로 발견한 점을 적은 문장이 없습니다."
	// NoticePerspectiveWithPractice: the member's view or finding is in a
	// 실무 적용 bullet, as the lead-in of their plan ("…점이 흥미로웠다.
	// …측정해 보고 싶다"); "no view" would be false.
	NoticePerspectiveWithPractice = "이번 주 노트에서 개인적인 의견이나 새로 발견한 점은 '실무 적용 아이디어'의 제안과 한 항목으로 옮겼고, 그 밖에는 없습니다."
	NoticeNoPractical             = "이번 주 노트에는 실무에 적용할 아이디어가 적혀 있지 않습니다."
	NoticeNoStudy                 = "이번 주 노트에는 직접 남긴 질문이나 더 공부할 주제가 없습니다."
	// NoticeStudyInPerspective: the note's own question is a view of the
	// member's too, and 독특한 관점 quotes it; "no question" would be false.
	NoticeStudyInPerspective = "이번 주 노트의 질문은 '독특한 관점 또는 흥미로운 발견'에 옮겼고, 그 밖에 더 공부할 주제는 없습니다."
	NoticeNoCommon           = "이번 주에는 여러 멤버가 함께 다룬 구체적인 개념이 적어 공통 질문을 만들지 않았습니다."
	NoticeNoDebate           = "이번 주 노트에는 토론으로 이어 갈 만한 의견이나 열린 질문이 없습니다."
	// NoticeNoContrast: members covered the same concepts, but no two
	// judge one differently and no member's question is taken up by
	// another's note; a contrast is not made up. It claims nothing about
	// points several members stressed: readers find such points in other
	// words than the notes share.
	// NoticeDebateInStudy: the notes' open questions are in the members'
	// 추가 학습 already, and nothing else is open to argue.
	NoticeDebateInStudy = "이번 주 노트의 열린 질문은 멤버별 '추가 학습이 필요한 부분'에 있고, 그 밖에 토론으로 이어 갈 만한 의견은 없습니다."
	NoticeNoContrast    = "여러 멤버가 같은 개념을 다뤘지만, 판단이 엇갈리는 곳이나 한 멤버의 질문을 다른 멤버의 노트가 다룬 곳은 찾지 못해 공통 질문을 만들지 않았습니다."
)

// Notices returns every line the engine writes in place of content (a
// missing note, a section the note has nothing for), so that measures of
// a document can tell them from bullets.
func Notices() []string {
	return []string{NoticeMissing, NoticeNoSchedule, NoticeNoNextRow, NoticeNoInsight, NoticeNoPerspective, NoticePerspectiveInPractice, NoticePerspectiveInStudy, NoticePerspectiveInBoth, NoticePerspectiveWithPractice, NoticeNoPractical, NoticeNoStudy, NoticeStudyInPerspective, NoticeNoCommon, NoticeNoDebate, NoticeNoContrast, NoticeDebateInStudy}
}

// Engine is the offline engine.
type Engine struct {
	// Max is the most bullets per section (MaxBullets when 0).
	Max int
}

// NextNotice is the line of a 다음 주차 section with nothing to link: the
// schedule has no row for next week (NoticeNoNextRow, also for a week past
// the schedule's last row), or the study has no schedule at all.
func NextNotice(in *engine.Input) string {
	if in.Scheduled || in.Schedule != nil || in.Next != nil {
		return NoticeNoNextRow
	}
	return NoticeNoSchedule
}

// New returns the offline engine.
func New() *Engine { return &Engine{Max: MaxBullets} }

// Name implements engine.Engine.
func (e *Engine) Name() string { return Name }

// Local implements engine.Local: the engine works on the week's analysis
// alone, and one Engine may run on several weeks at once.
func (e *Engine) Local() bool { return true }

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
	seen := &docSeen{}
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
		mr.Sections = MemberSections(in.Template.MemberSections, am, aw, limit, seen)
		w.Members = append(w.Members, mr)
	}
	w.Group = GroupSections(in, aw, w.Members, limit)
	for _, spec := range in.Template.MemberSections {
		if spec.Key == insight.KeyCorrections {
			w.Warnings = append(w.Warnings, "the offline engine does not review notes for misconceptions: the 오개념 정리 tables are left for people to fill (an LLM engine, --engine openai|anthropic, reviews them)")
			break
		}
	}
	return w, nil
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

func containsTerm(terms []string, t string) bool {
	for _, x := range terms {
		if analyze.Key(x) == analyze.Key(t) {
			return true
		}
	}
	return false
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
