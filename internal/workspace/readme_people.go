package workspace

import (
	"regexp"
	"strings"
	"unicode"
)

// people gathers the members a README names, pairing each GitHub id with
// the name beside it: in the same table row, the same column of a table
// whose rows are names and ids, the same cell, or the same list line.
type people struct {
	order []string           // folded names in order of appearance
	by    map[string]*Member // folded name → member
	ids   []string           // ids without a name beside them
	seen  map[string]bool    // folded ids already placed
}

func newPeople() *people { return &people{by: map[string]*Member{}, seen: map[string]bool{}} }

func (p *people) name(name string) *Member {
	name = cleanName(name)
	k := foldName(name)
	if m, ok := p.by[k]; ok {
		return m
	}
	p.by[k] = &Member{Name: name}
	p.order = append(p.order, k)
	return p.by[k]
}

// id places a GitHub id: on m when given and m has none, else among the
// ids without a name.
func (p *people) id(id string, m *Member) {
	l := strings.ToLower(id)
	if githubReserved[l] || p.seen[l] {
		return
	}
	p.seen[l] = true
	if m != nil && m.GitHub == "" {
		m.GitHub = id
		return
	}
	p.ids = append(p.ids, id)
}

func (p *people) members() []Member {
	var out []Member
	for _, k := range p.order {
		out = append(out, *p.by[k])
	}
	return out
}

// participantHeading reports whether a heading opens the participant list.
func participantHeading(title string) bool {
	f := foldName(title)
	for _, w := range []string{"참여자", "참가자", "멤버", "구성원", "팀원", "스터디원", "참여 인원", "참여인원", "members", "member", "participants", "contributors", "people", "team"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// notNames are Hangul words that appear where names do but are not names.
var notNames = map[string]bool{
	"전원": true, "모두": true, "없음": true, "미정": true, "휴식": true, "다같이": true, "전체": true,
	"함께": true, "참여자": true, "발표자": true, "정리자": true, "이름": true, "역할": true,
	"담당": true, "리더": true, "팀장": true, "팀원": true, "멤버": true, "추후": true, "공지": true,
	"휴강": true, "없음음": true, "예정": true, "정리": true, "요약": true, "문제": true, "자료": true,
	// what a schedule's cell holds alone where a given name could stand
	"각자": true, "자율": true, "온라인": true, "오프라인": true, "방학": true, "휴일": true, "공휴일": true,
	"대면": true, "비대면": true, "진행": true, "취소": true, "연기": true, "보류": true, "불참": true,
	"대타": true, "순서": true, "랜덤": true, "추첨": true, "돌아가며": true, "교대": true, "없어요": true,
}

// latinNotNames are Latin words that appear where names do.
var latinNotNames = map[string]bool{
	"tbd": true, "tba": true, "all": true, "none": true, "everyone": true, "na": true, "off": true,
	"skip": true, "rest": true, "break": true, "team": true, "everybody": true, "name": true,
	"github": true, "profile": true, "id": true,
}

var (
	reHangulTok = regexp.MustCompile(`\p{Hangul}+`)
	reLatinName = regexp.MustCompile(`^@?[A-Za-z][A-Za-z0-9-]{1,38}$`)
)

// koreanName returns w when it looks like a Korean person's name: 2 to 4
// syllables starting with a known surname.
func koreanName(w string) string {
	rs := []rune(w)
	if len(rs) < 2 || len(rs) > 4 || notNames[w] {
		return ""
	}
	if _, ok := surnames[string(rs[0])]; ok {
		return w
	}
	if _, ok := surnames[string(rs[:2])]; ok && len(rs) >= 3 {
		return w
	}
	return ""
}

// namesIn extracts person names from a presenter or integrator cell.
func namesIn(cellText string) []string {
	var out []string
	words := strings.FieldsFunc(plainCell(cellText), func(r rune) bool {
		return r == ',' || r == '/' || r == '&' || r == '·' || r == '+' || r == '、' || unicode.IsSpace(r) || r == '(' || r == ')'
	})
	if len(words) == 1 {
		// A cell of one Hangul word names its person even as a given name
		// written alone ("수아"), which koreanName, looking for a surname,
		// does not take; a word beside a name ("(대타)") is no name.
		if w := cleanName(words[0]); isHangulName(w) && koreanName(w) == "" && givenName(w) {
			return []string{w}
		}
	}
	for _, w := range words {
		w = cleanName(w)
		switch {
		case w == "" || w == "및" || w == "-":
		case isHangulName(w):
			if n := koreanName(w); n != "" {
				out = append(out, n)
			}
		case reLatinName.MatchString(w) && !latinNotNames[strings.ToLower(strings.TrimPrefix(w, "@"))]:
			out = append(out, strings.TrimPrefix(w, "@"))
		}
	}
	return out
}

// cellName is the one person's name a table cell holds (a Korean name, or
// with latin set a single Latin word without a link), "" when none.
func cellName(c cell, latin bool) string {
	var found []string
	for _, w := range reHangulTok.FindAllString(c.text, -1) {
		if n := koreanName(w); n != "" {
			found = append(found, n)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	if len(found) == 0 && latin && len(c.ids) == 0 {
		if f := strings.Fields(c.text); len(f) == 1 && reLatinName.MatchString(f[0]) && !strings.HasPrefix(f[0], "@") && !latinNotNames[strings.ToLower(f[0])] {
			return f[0]
		}
	}
	return ""
}

// memberTable reads a table of the study's people. A row with one name
// and one id pairs them (| 박지민 | @jm |), so does a cell with both; a
// table whose rows are names in one row and ids in another pairs them by
// column (names in the header, ids below; or avatars, names, ids rows).
func (p *people) memberTable(t table) {
	rows := t.rows
	// Column pairing: a row of names and a row of ids with the same columns.
	nameRow, idRow := -1, -1
	for i, r := range rows {
		names, ids := 0, 0
		for _, c := range r.cells {
			if cellName(c, true) != "" {
				names++
			}
			if len(c.ids) == 1 {
				ids++
			}
		}
		if len(r.cells) >= 2 && names == len(r.cells) && nameRow < 0 {
			nameRow = i
		}
		if len(r.cells) >= 2 && ids == len(r.cells) && idRow < 0 {
			idRow = i
		}
	}
	if nameRow >= 0 && idRow >= 0 && len(rows[nameRow].cells) == len(rows[idRow].cells) {
		for j, c := range rows[nameRow].cells {
			m := p.name(cellName(c, true))
			p.id(rows[idRow].cells[j].ids[0], m)
		}
		return
	}
	start := 0
	if t.header {
		start = 1
	}
	for _, r := range rows[start:] {
		var names []string
		var ids []string
		for _, c := range r.cells {
			if n := cellName(c, false); n != "" {
				names = append(names, n)
			}
			ids = append(ids, c.ids...)
		}
		switch {
		case len(names) == 1:
			m := p.name(names[0])
			for k, id := range ids {
				if k == 0 && len(ids) == 1 {
					p.id(id, m)
				} else {
					p.id(id, nil)
				}
			}
		case len(names) > 1:
			// Several people in a row: a cell with a name and an id pairs
			// them; a cell with only an id (an avatar) pairs with the next
			// cell that has only a name, or else the one before it.
			type part struct {
				name string
				ids  []string
			}
			var parts []part
			for _, c := range r.cells {
				parts = append(parts, part{cellName(c, false), c.ids})
			}
			taken := make([]bool, len(parts))
			for i, pt := range parts {
				if pt.name != "" && len(pt.ids) > 0 {
					m := p.name(pt.name)
					for _, id := range pt.ids {
						if len(pt.ids) == 1 {
							p.id(id, m)
						} else {
							p.id(id, nil)
						}
					}
					taken[i] = true
				}
			}
			for i, pt := range parts {
				if pt.name != "" || len(pt.ids) != 1 {
					continue
				}
				j := -1
				if i+1 < len(parts) && parts[i+1].name != "" && len(parts[i+1].ids) == 0 && !taken[i+1] {
					j = i + 1
				} else if i > 0 && parts[i-1].name != "" && len(parts[i-1].ids) == 0 && !taken[i-1] {
					j = i - 1
				}
				if j < 0 {
					p.id(pt.ids[0], nil)
					continue
				}
				taken[j] = true
				p.id(pt.ids[0], p.name(parts[j].name))
			}
			for i, pt := range parts {
				if pt.name != "" && !taken[i] {
					p.name(pt.name)
				}
			}
		default:
			for _, id := range ids {
				p.id(id, nil)
			}
		}
	}
}

// listLine reads one line of a participant section: its GitHub links and
// @mentions, and the first Korean name on the line (- 홍길동 (@gildong));
// "- Alice" alone is a member too.
func (p *people) listLine(line string) {
	found := idsIn(line)
	var member *Member
	plain := plainCell(line)
	for _, w := range reHangulTok.FindAllString(plain, -1) {
		if n := koreanName(w); n != "" {
			member = p.name(n)
			break
		}
	}
	if member == nil && len(found) == 0 {
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(plain), "-*+ "))
		if f := strings.Fields(t); len(f) == 1 && reLatinName.MatchString(f[0]) && !latinNotNames[strings.ToLower(f[0])] && strings.HasPrefix(strings.TrimSpace(line), "-") {
			p.name(f[0])
		}
		return
	}
	for k, id := range found {
		if k == 0 && len(found) == 1 {
			p.id(id, member)
		} else {
			p.id(id, nil)
		}
	}
}
