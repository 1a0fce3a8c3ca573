package offline

import (
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// maxNamed is the most named topics 추가 학습 gets after the member's own
// questions and doubts.
const maxNamed = 3

// maxExcerpt is the longest quote of the line naming a topic, in runes.
const maxExcerpt = 90

// addNamed fills the rest of a member's 추가 학습 section with the
// concepts their note names but does not explain (analyze.NamedOnly),
// after the member's own questions and doubts: at most maxNamed of them
// and limit bullets in all. A topic that heads a bullet of another of the
// member's sections, or that a question of the section names, is left
// out: it would read as a repeat.
func addNamed(sec insight.Section, m *analyze.Member, aw *analyze.Week, limit int, others []insight.Section) insight.Section {
	if sec.Key != insight.KeyStudy {
		return sec
	}
	room := min(maxNamed, limit-len(sec.Bullets))
	if room <= 0 {
		return sec
	}
	var heads []string
	for _, o := range others {
		for _, b := range o.Bullets {
			heads = append(heads, b.Head)
		}
	}
	added := 0
	for _, n := range aw.NamedOnly(m) {
		if added >= room {
			break
		}
		if repeated(n, heads, sec.Bullets) {
			continue
		}
		b := namedBullet(n)
		if b.Text == "" {
			continue
		}
		sec.Bullets = append(sec.Bullets, b)
		added++
	}
	if len(sec.Bullets) > 0 {
		sec.Notice = ""
	}
	return sec
}

// repeated reports whether topic n heads one of heads or is named by a
// bullet of the section already.
func repeated(n analyze.Named, heads []string, bullets []insight.Bullet) bool {
	for _, h := range heads {
		if h != "" && analyze.MentionsText(h, n.Concept) {
			return true
		}
	}
	for _, b := range bullets {
		if analyze.MentionsText(b.Head+" "+b.Text, n.Concept) {
			return true
		}
		// "건초더미 속 바늘" and "건초더미 속 바늘 테스트": one topic.
		head, _, _ := strings.Cut(b.Head, "(")
		if k, hk := analyze.Key(n.Term), analyze.Key(head); hk != "" && (strings.Contains(k, hk) || strings.Contains(hk, k)) {
			return true
		}
	}
	return false
}

// namedBullet says that the note names topic n and no more, quoting the
// line that names it.
func namedBullet(n analyze.Named) insight.Bullet {
	q := excerpt(n.Line.Text, n.Term)
	if q == "" {
		return insight.Bullet{}
	}
	body := "“" + q + "”에 이름만 나오고 설명은 없습니다."
	src := insight.Source{File: n.Line.File, Line: n.Line.Line, Member: n.Line.Member, Quote: n.Line.Text}
	return insight.Bullet{Head: n.Head(), Text: body, Sources: []insight.Source{src}, Engine: Name}
}

// excerpt returns line, or the part of it around term cut at word
// boundaries ("… 상의 텍스트 함의(textual entailment)로 …") when it is
// longer than maxExcerpt.
func excerpt(line, term string) string {
	line = strings.TrimSpace(analyze.Clean(line))
	if utf8.RuneCountInString(line) <= maxExcerpt {
		return line
	}
	i := strings.Index(line, term)
	if i < 0 {
		return ""
	}
	words := strings.Fields(line)
	// the word holding the term's start
	at, pos := 0, 0
	for k, w := range words {
		j := strings.Index(line[pos:], w) + pos
		if j+len(w) > i {
			at = k
			break
		}
		pos = j + len(w)
	}
	from, to := at, at+1
	n := func() int { return utf8.RuneCountInString(strings.Join(words[from:to], " ")) }
	for n() < maxExcerpt && (from > 0 || to < len(words)) {
		if to < len(words) {
			to++
		}
		if n() < maxExcerpt && from > 0 {
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
