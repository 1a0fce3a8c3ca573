package offline

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// The offline engine reads Korean notes through their morphology. A member
// who writes the week's note in English (a group's one exchange student,
// a note pasted from an English blog draft) has none to read, and the
// analysis sets every such line aside as foreign prose inside a Korean
// note. englishSections reads such a note by the plain words of its
// sentences instead: few signals, each one the writer's own voice, so that
// the member's sections quote their opinion, their advice and their
// doubts rather than saying the note has none.

// minEnglishLines is the least number of English prose lines a note needs
// to be read as an English note, and englishShare the share of its prose
// lines they must be.
const (
	minEnglishLines = 3
	englishShare    = 0.8
	// maxEnglishInsights is the most key insights an English note gets:
	// without morphology its central lines are picked by centrality
	// alone, and a few are all that measure can vouch for.
	maxEnglishInsights = 3
)

// englishNote reports whether member m's note is written in English: most
// of its prose lines are Latin-script sentences the analysis set aside as
// foreign (analyze.ProblemForeign).
func englishNote(m *analyze.Member) bool {
	prose, english := 0, 0
	for _, s := range m.Sentences {
		if s.Kind == note.KindHeading || s.Kind == note.KindTable {
			continue
		}
		prose++
		if s.Problem == analyze.ProblemForeign {
			english++
		}
	}
	return english >= minEnglishLines && float64(english) >= englishShare*float64(prose)
}

// englishVoice is what an English sentence says of its writer.
type englishVoice struct {
	doubt, question, advice, opinion bool
}

var (
	reFirstPerson = regexp.MustCompile(`(?i)\b(i|i'm|i've|i'd|me|my|myself)\b`)
	reEnDoubt     = regexp.MustCompile(`(?i)\b(not sure|unsure|(don't|do not|didn't|did not) (really |fully |quite )?(understand|get|know|see why)|unclear|confus(ed|ing)|i wonder|wondering|no idea)\b`)
	// A study plan needs the first person: "I need to read …", not "the
	// caller needs to check …".
	reEnStudyPlan = regexp.MustCompile(`(?i)\b(need to|have to|want to|should|will|plan to|am going to) (read|learn|study|look into|dig into|find out|review|practice|revisit)\b`)
	reEnAdvice    = regexp.MustCompile(`(?i)\b((we|you|teams?|one) (should|must|ought to|need to)|(it's|it is) (better|best|wise|a good idea) to|recommend(ed)?|let's|make sure|prefer(red)? to|in (our|my) (project|team|codebase|service|app|work))\b`)
	reEnOpinion   = regexp.MustCompile(`(?i)\b(i (think|believe|feel|felt|found|guess|suspect|like|prefer|agree|disagree)|in my (opinion|view|experience)|imo|personally|to me|(interesting|surprising|surprised|impressive) )`)
)

// readEnglish reads the writer's voice in an English sentence.
func readEnglish(t string) englishVoice {
	first := reFirstPerson.MatchString(t)
	return englishVoice{
		question: strings.HasSuffix(strings.TrimRight(t, " .)\"'"), "?"),
		doubt:    reEnDoubt.MatchString(t) || first && reEnStudyPlan.MatchString(t),
		advice:   reEnAdvice.MatchString(t),
		opinion:  reEnOpinion.MatchString(t),
	}
}

// englishUnit is the sentences of an English note that a bullet quotes
// together: a line's sentences, with the line that leans on it ("They are
// cheap because …" after the line naming them), or a question with the
// answer right below it.
type englishUnit struct {
	lines    []analyze.Sentence
	answered bool // a question the next line answers: the book's, not a doubt
}

func (u englishUnit) text() string {
	var parts []string
	for _, s := range u.lines {
		parts = append(parts, englishBody(s))
	}
	return strings.Join(parts, " ")
}

// weight is how central the unit is to the note: its most central line's
// centrality, more for a line the writer set in bold.
func (u englishUnit) weight() float64 {
	w := 0.0
	for _, s := range u.lines {
		c := s.Centrality
		if len(s.Emphasis) > 0 {
			c += 0.5
		}
		w = max(w, c)
	}
	return w
}

// reLeansBack opens a sentence that needs the one before it: a pronoun
// for what that one named, or a connective going on from it. An "it" that
// stands for nothing ("It is better to …", "It seems …") is reDummyIt.
var (
	reLeansBack = regexp.MustCompile(`(?i)^(they|it|this|these|that|those|such|both|because|so|but|however|and|also|then|therefore)\b`)
	reDummyIt   = regexp.MustCompile(`(?i)^it('s| is| was| seems| turns out| makes sense| depends)\b`)
)

// leansBack reports whether an English sentence needs the one before it.
func leansBack(body string) bool {
	return reLeansBack.MatchString(body) && !reDummyIt.MatchString(body)
}

// englishUnits groups the English prose lines of m's note into units.
func englishUnits(m *analyze.Member) []englishUnit {
	var lines []analyze.Sentence
	for _, s := range m.Sentences {
		if !englishLine(s) || s.Kind == note.KindHeading || s.Kind == note.KindTable {
			continue
		}
		lines = append(lines, s)
	}
	near := func(a, b analyze.Sentence) bool { return a.File == b.File && b.Line >= a.Line && b.Line-a.Line <= 2 }
	var out []englishUnit
	for i := 0; i < len(lines); i++ {
		s := lines[i]
		body := englishBody(s)
		if k := len(out) - 1; k >= 0 {
			if last := out[k].lines[len(out[k].lines)-1]; last.File == s.File && last.Line == s.Line && !out[k].answered && len(out[k].lines) < 3 {
				// The rest of the line: "**An index is …** Every index
				// slows down writes." says its point with both.
				out[k].lines = append(out[k].lines, s)
				continue
			}
		}
		if leansBack(body) {
			if k := len(out) - 1; k >= 0 && near(out[k].lines[len(out[k].lines)-1], s) && len(out[k].lines) < 3 {
				out[k].lines = append(out[k].lines, s)
			}
			continue // with nothing above it to lean on, it says nothing alone
		}
		u := englishUnit{lines: []analyze.Sentence{s}}
		if readEnglish(body).question && i+1 < len(lines) && near(s, lines[i+1]) && !readEnglish(englishBody(lines[i+1])).question {
			u.lines, u.answered = append(u.lines, lines[i+1]), true
			i++
		}
		out = append(out, u)
	}
	return out
}

// englishSections fills the per-member sections (keys) of an English note:
// the writer's doubts and open questions under 추가 학습, their advice
// under 실무 적용, their opinions under 독특한 관점, and the most central
// of its other lines (a question with the answer below it among them)
// under 핵심 인사이트; each line in one section at most, in the note's
// order. A section with none of its kind gets the line saying so.
func englishSections(keys []string, m *analyze.Member, limit int, seen *docSeen) map[string]insight.Section {
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	picked := map[string][]englishUnit{}
	var rest []englishUnit
	for _, u := range englishUnits(m) {
		t := u.text()
		if n := utf8.RuneCountInString(t); n < 20 || n > maxQuote*3 {
			continue
		}
		v := readEnglish(t)
		var key string
		switch {
		case u.answered:
			rest = append(rest, u)
			continue
		case v.doubt || v.question:
			key = insight.KeyStudy
		case v.advice:
			key = insight.KeyPractical
		case v.opinion:
			key = insight.KeyPerspective
		default:
			rest = append(rest, u)
			continue
		}
		if want[key] && len(picked[key]) < limit {
			picked[key] = append(picked[key], u)
		}
	}
	// The key insights: the most central statements, shown in the note's
	// order.
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].weight() > rest[j].weight() })
	top := rest[:min(limit, maxEnglishInsights, len(rest))]
	sort.SliceStable(top, func(i, j int) bool { return top[i].lines[0].Line < top[j].lines[0].Line })
	picked[insight.KeyInsights] = top

	out := map[string]insight.Section{}
	for _, key := range keys {
		sec := insight.Section{Key: key}
		for _, u := range picked[key] {
			b := insight.Bullet{Text: u.text(), Engine: Name}
			for _, s := range u.lines {
				b.Sources = append(b.Sources, source(s))
			}
			sec.Bullets = append(sec.Bullets, b)
			seen.add(b.Text, m.Name, key)
		}
		if len(sec.Bullets) == 0 {
			sec.Notice = notices[key]
		}
		out[key] = sec
	}
	if p, ok := out[insight.KeyPerspective]; ok && len(p.Bullets) == 0 {
		p.Notice = perspectiveNotice(p.Notice, len(picked[insight.KeyPractical]) > 0, len(picked[insight.KeyStudy]) > 0)
		out[insight.KeyPerspective] = p
	}
	return out
}

// englishLine reports whether a sentence is English prose: one the
// analysis set aside as foreign, or a short one ("Every index slows down
// writes.") with Latin words and no Hangul.
func englishLine(s analyze.Sentence) bool {
	if s.Problem == analyze.ProblemForeign {
		return true
	}
	words := 0
	for _, f := range strings.Fields(s.Text) {
		if strings.ContainsFunc(f, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(f); r < 0x80 && unicode.IsLetter(r) {
			words++
		}
	}
	return words >= 3
}

// englishBody is the text a bullet quotes of an English line.
func englishBody(s analyze.Sentence) string {
	if s.Body != "" {
		return s.Body
	}
	return analyze.Clean(s.Text)
}

// reEnClaim opens or holds a view one can argue with ("I think …", "In my
// opinion …"), not a reaction ("Interesting that …").
var reEnClaim = regexp.MustCompile(`(?i)\b(i (think|believe|feel|suspect|agree|disagree|doubt)|in my (opinion|view|experience)|imo)\b`)

// englishDebates builds 심화 토론 from the views members wrote in English
// notes (see englishSections), for a week the Korean rules find no debate
// in: each member's first view one can argue with, at most limit, asked
// as a Korean note's view is (askView).
func (g *group) englishDebates(limit int) []insight.Bullet {
	var out []insight.Bullet
	for _, m := range g.aw.Members {
		if len(out) >= limit || !englishNote(m) {
			continue
		}
		for _, u := range englishUnits(m) {
			t := u.text()
			if u.answered || !reEnClaim.MatchString(t) || readEnglish(t).question || utf8.RuneCountInString(t) > maxQuote*3 {
				continue
			}
			b := insight.Bullet{Text: askView(m.Name, "", t), Engine: Name}
			for _, s := range u.lines {
				b.Sources = append(b.Sources, source(s))
			}
			out = append(out, b)
			break
		}
	}
	return out
}
