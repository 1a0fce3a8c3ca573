package offline

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
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

// GroupSections writes 공통 질문, 심화 토론 and 다음 주차 연결 포인트 from the
// concept matrix, the members' questions and the schedule.
func GroupSections(in *engine.Input, aw *analyze.Week, members []insight.Member, limit int) []insight.Section {
	var out []insight.Section
	for _, spec := range in.Template.GroupSections {
		sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: kindOf(spec)}
		switch spec.Key {
		case insight.KeyCommon:
			sec.Bullets = commonQuestions(aw, limit)
		case insight.KeyDebate:
			sec.Bullets = debates(aw, members, limit)
		case insight.KeyNext:
			sec.Bullets = nextWeek(in, aw, limit)
			if len(sec.Bullets) == 0 {
				sec.Notice = NoticeNoSchedule
			}
		}
		out = append(out, sec)
	}
	return out
}

// shared returns the concepts that at least min members wrote about.
func shared(aw *analyze.Week, min int) []analyze.Concept {
	var out []analyze.Concept
	for _, c := range aw.Concepts {
		if len(c.Counts) >= min && analyze.Specific(c.Term) {
			out = append(out, c)
		}
	}
	return out
}

func firstMention(m *analyze.Member, term string) (analyze.Sentence, bool) {
	best := -1.0
	var found analyze.Sentence
	for _, s := range m.Sentences {
		if containsTerm(s.Terms, term) && s.Scores[insight.KeyInsights] > best {
			best, found = s.Scores[insight.KeyInsights], s
		}
	}
	return found, best >= 0
}

func commonQuestions(aw *analyze.Week, limit int) []insight.Bullet {
	n := len(aw.Members)
	if n == 0 {
		return nil
	}
	need := n/2 + 1
	if n <= 2 {
		need = n
	}
	var out []insight.Bullet
	for _, c := range shared(aw, need) {
		if len(out) >= min(limit, 3) {
			break
		}
		var who []string
		var srcs []insight.Source
		for _, m := range aw.Members {
			if c.Counts[m.Name] == 0 {
				continue
			}
			who = append(who, m.Name)
			if s, ok := firstMention(m, c.Term); ok {
				srcs = append(srcs, source(s))
			}
		}
		q := commonQuestion(c.Term, who, n, roleOf(aw, c.Term))
		out = append(out, insight.Bullet{Head: c.Term, Text: q, Sources: srcs, Engine: Name})
	}
	return out
}

// roleOf returns the section the sentences mentioning a concept fit best,
// over all members: what the group mostly did with the concept.
func roleOf(aw *analyze.Week, term string) string {
	votes := map[string]float64{}
	for _, m := range aw.Members {
		for _, s := range m.Sentences {
			if !containsTerm(s.Terms, term) {
				continue
			}
			if b := s.Best(insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy); b != "" {
				votes[b] += s.Scores[b]
			} else {
				votes[insight.KeyInsights] += 0.5
			}
		}
	}
	best, score := insight.KeyInsights, 0.0
	for _, k := range []string{insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy} {
		if votes[k] > score {
			best, score = k, votes[k]
		}
	}
	return best
}

// commonQuestion phrases a discussion question about a shared concept,
// after what the members mostly wrote about it.
func commonQuestion(term string, who []string, n int, role string) string {
	subject := "모든 멤버가"
	if len(who) < n {
		subject = Josa(strings.Join(who, ", "), "이", "가")
	}
	switch role {
	case insight.KeyPractical:
		return fmt.Sprintf("%s 다룬 개념입니다. %s 실제 프로젝트에 적용한다면 무엇을 먼저 고려해야 할까?", subject, Josa(term, "을", "를"))
	case insight.KeyStudy:
		return fmt.Sprintf("%s 다룬 개념입니다. %s 대해 아직 풀리지 않은 궁금증은 무엇일까?", subject, Josa(term, "에", "에"))
	case insight.KeyPerspective:
		return fmt.Sprintf("%s 다룬 개념입니다. %s 대한 각자의 의견은 어디서 같고 어디서 다를까?", subject, Josa(term, "에", "에"))
	}
	return fmt.Sprintf("%s 다룬 개념입니다. 각자 %s 어떻게 설명했고, 핵심은 무엇일까?", subject, Josa(term, "을", "를"))
}

func debates(aw *analyze.Week, members []insight.Member, limit int) []insight.Bullet {
	var out []insight.Bullet
	// A member's own question, one per member first.
	for _, m := range aw.Members {
		if len(out) >= limit {
			break
		}
		for _, s := range m.Ranked(insight.KeyStudy, 10) {
			if strings.HasSuffix(s.Text, "?") && utf8.RuneCountInString(s.Text) <= 160 {
				out = append(out, insight.Bullet{
					Head:    m.Name + "의 질문",
					Text:    Shorten(s.Text, 140),
					Sources: []insight.Source{source(s)},
					Engine:  Name,
				})
				break
			}
		}
	}
	// Concepts only one member covered in depth.
	if len(aw.Members) >= 2 {
		type uc struct {
			c analyze.Concept
			m *analyze.Member
		}
		var uniq []uc
		for _, c := range aw.Concepts {
			if len(c.Counts) != 1 || !analyze.Specific(c.Term) {
				continue
			}
			for _, m := range aw.Members {
				if c.Counts[m.Name] >= 3 {
					uniq = append(uniq, uc{c, m})
				}
			}
		}
		sort.SliceStable(uniq, func(i, j int) bool { return uniq[i].c.Total() > uniq[j].c.Total() })
		for _, u := range uniq {
			if len(out) >= limit {
				break
			}
			s, ok := firstMention(u.m, u.c.Term)
			if !ok {
				continue
			}
			out = append(out, insight.Bullet{
				Head:    u.c.Term,
				Text:    fmt.Sprintf("%s만 깊이 다룬 주제입니다. 다른 멤버의 관점에서는 어떻게 볼 수 있을까?", u.m.Name),
				Sources: []insight.Source{source(s)},
				Engine:  Name,
			})
		}
	}
	return out
}

func nextWeek(in *engine.Input, aw *analyze.Week, limit int) []insight.Bullet {
	if in.Next == nil {
		return nil
	}
	row := in.Next
	var srcs []insight.Source
	if row.Source != "" {
		srcs = append(srcs, insight.Source{File: row.Source, Line: row.Line})
	}
	label := strings.TrimSpace(strings.Join(nonEmpty(row.Chapters, row.Topic), " "))
	if label == "" {
		label = fmt.Sprintf("%d주차", row.Week)
	}
	var out []insight.Bullet
	text := fmt.Sprintf("다음 주(%d주차%s)에는 %s 다룹니다.", row.Week, datePart(row.Date), Josa(label, "을", "를"))
	if row.Presenter != "" {
		text += fmt.Sprintf(" 발표: %s.", row.Presenter)
	}
	out = append(out, insight.Bullet{Head: label, Text: text, Sources: srcs, Engine: Name})

	// This week's concepts that reappear in the next topic, the next
	// week's notes or the chapter summaries of the next chapters.
	where := nonEmpty(row.Chapters)
	scope := "다음 주 범위"
	if len(where) > 0 {
		scope = fmt.Sprintf("다음 주 범위(%s)", where[0])
	}
	topic := analyze.Key(row.Topic + row.Chapters)
	for _, c := range shared(aw, 1) {
		if len(out) >= min(limit, 4) {
			break
		}
		k := analyze.Key(c.Term)
		var srcs []insight.Source
		for _, m := range aw.Members {
			if s, ok := firstMention(m, c.Term); ok {
				srcs = append(srcs, source(s))
				break
			}
		}
		found := strings.Contains(topic, k)
		for _, d := range in.NextDocs {
			if found && len(srcs) > 1 {
				break
			}
			for _, s := range d.Sentences {
				if strings.Contains(analyze.Key(s.Text), k) {
					srcs = append(srcs, insight.Source{File: d.FileOf(s), Line: s.Line, Quote: s.Text})
					found = true
					break
				}
			}
		}
		if !found || len(srcs) == 0 {
			continue
		}
		out = append(out, insight.Bullet{
			Head:    c.Term,
			Text:    fmt.Sprintf("이번 주에 다룬 %s %s에서 다시 등장합니다. 두 주의 내용은 어떻게 이어질까?", Josa(c.Term, "이", "가"), scope),
			Sources: srcs,
			Engine:  Name,
		})
	}
	return out
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
	default:
		has = strings.ContainsRune("bcdgjklmnpqtBCDGJKLMNPQT", r)
	}
	if has {
		return word + withBatchim
	}
	return word + without
}
