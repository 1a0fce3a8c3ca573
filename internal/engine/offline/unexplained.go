package offline

import (
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// maxUnexplained is the most unexplained topics 추가 학습 gets after the
// member's own questions and doubts.
const maxUnexplained = 2

// maxExcerpt is the longest quote of the line naming a topic, in runes.
const maxExcerpt = 90

// unexplainedLead says, per way of naming, that the note names a topic
// and no more (what moim saw, not a claim about the member).
var unexplainedLead = map[string]string{
	analyze.NamedInList:    "노트에 이름만 나열되고 설명은 없는 개념",
	analyze.NamedInHeading: "노트에 제목만 있고 내용은 비어 있는 개념",
}

// addUnexplained puts after a member's own questions and doubts the
// concepts their note names without explaining (analyze.Unexplained):
// at most maxUnexplained, and limit bullets in all. A topic any bullet of
// the member's sections names already is left out: the document shows
// it.
func addUnexplained(sec insight.Section, m *analyze.Member, aw *analyze.Week, limit int, others []insight.Section) insight.Section {
	room := min(maxUnexplained, limit-len(sec.Bullets))
	if room <= 0 {
		return sec
	}
	var shown []string
	for _, o := range append(others, sec) {
		for _, b := range o.Bullets {
			shown = append(shown, b.Head+" "+b.Text)
		}
	}
	for _, u := range aw.Unexplained(m) {
		if room == 0 {
			break
		}
		var names []string
		for i, c := range u.Concepts {
			if !namesAny(shown, c) {
				names = append(names, u.Terms[i])
			}
		}
		if len(names) == 0 {
			continue
		}
		q := excerpt(u.Text, names[0])
		if q == "" {
			continue
		}
		lead := unexplainedLead[u.How]
		if len(names) > 1 {
			lead = strings.Replace(lead, "개념", "개념들", 1)
		}
		srcs := []insight.Source{{File: u.File, Line: u.Line, Member: m.Name, Quote: u.Text}}
		body := lead + " — “" + q + "”"
		if u.How == analyze.NamedInHeading {
			body = lead + " — 제목 “" + q + "”"
		}
		if u.Frame != "" {
			// A line of names alone says nothing the headline does not:
			// the line it hangs from says what they are.
			if f := excerpt(u.Frame, ""); f != "" {
				body = lead + " — “" + f + "” 아래 목록"
				srcs = append([]insight.Source{{File: u.File, Line: u.FrameLine, Member: m.Name, Quote: u.Frame}}, srcs...)
			}
		}
		sec.Bullets = append(sec.Bullets, insight.Bullet{
			Head:    strings.Join(names, ", "),
			Text:    body,
			Sources: srcs,
			Engine:  Name,
		})
		room--
	}
	if len(sec.Bullets) > 0 {
		sec.Notice = ""
	}
	return sec
}

// namesAny reports whether one of texts names concept c.
func namesAny(texts []string, c analyze.Concept) bool {
	for _, t := range texts {
		if analyze.MentionsText(t, c) {
			return true
		}
	}
	return false
}

// excerpt returns line, or the words of it around term when it is longer
// than maxExcerpt ("… A, B, C 등 …"); "" when term is not in it.
func excerpt(line, term string) string {
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) <= maxExcerpt {
		return line
	}
	at := strings.Index(line, term)
	if at < 0 {
		return ""
	}
	words := strings.Fields(line)
	// the word holding the term's start
	w, pos := 0, 0
	for k, word := range words {
		j := strings.Index(line[pos:], word) + pos
		if j+len(word) > at {
			w = k
			break
		}
		pos = j + len(word)
	}
	from, to := w, w+1
	size := func() int { return utf8.RuneCountInString(strings.Join(words[from:to], " ")) }
	for size() < maxExcerpt && (from > 0 || to < len(words)) {
		if to < len(words) {
			to++
		}
		if size() < maxExcerpt && from > 0 {
			from--
		}
	}
	out := strings.Join(words[from:to], " ")
	if from > 0 {
		out = "… " + out
	}
	if to < len(words) {
		out += " …"
	}
	return out
}
