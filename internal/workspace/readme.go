package workspace

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// readmeInfo is what the README says about the study.
type readmeInfo struct {
	members  []Member
	schedule []ScheduleRow
	warnings []string
}

var (
	reHeading   = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	reFence     = regexp.MustCompile("^\\s{0,3}(```|~~~)")
	reGitHubURL = regexp.MustCompile(`(?i)https?://(?:www\.)?github\.com/([A-Za-z0-9][A-Za-z0-9-]{0,38})/?(?:$|["'()\s?#>\]<])`)
	reMention   = regexp.MustCompile(`(?:^|[\s(,])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b`)
	reHangulTok = regexp.MustCompile(`\p{Hangul}+`)
	reLink      = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reTag       = regexp.MustCompile(`<[^>]*>`)
	reLatinName = regexp.MustCompile(`^@?[A-Za-z][A-Za-z0-9-]{1,38}$`)
)

// githubReserved are github.com paths that are not user ids.
var githubReserved = map[string]bool{
	"orgs": true, "settings": true, "topics": true, "features": true, "about": true,
	"sponsors": true, "apps": true, "marketplace": true, "login": true, "explore": true,
}

// participantHeading reports whether a heading opens the participant list.
func participantHeading(title string) bool {
	f := foldName(title)
	for _, w := range []string{"참여자", "참가자", "멤버", "구성원", "팀원", "members", "member", "participants", "contributors", "people"} {
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
	"휴강": true, "없음음": true, "예정": true,
}

// latinNotNames are Latin words that appear where names do.
var latinNotNames = map[string]bool{
	"tbd": true, "tba": true, "all": true, "none": true, "everyone": true, "na": true, "off": true,
	"skip": true, "rest": true, "break": true, "team": true, "everybody": true, "name": true,
}

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

// plainCell strips markdown and HTML from a table cell or a line.
func plainCell(s string) string {
	s = reLink.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "<br>", " ")
	s = reTag.ReplaceAllString(s, " ")
	s = strings.NewReplacer("**", "", "__", "", "`", "", "~~", "", "&nbsp;", " ").Replace(s)
	s = strings.Trim(strings.TrimSpace(s), "*_")
	return strings.TrimSpace(s)
}

// splitRow splits a markdown table row into cells, honouring "\|".
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, "\\|") {
		line = line[:len(line)-1]
	}
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+1 < len(line) && line[i+1] == '|' {
			b.WriteByte('|')
			i++
			continue
		}
		if line[i] == '|' {
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
			continue
		}
		b.WriteByte(line[i])
	}
	return append(cells, strings.TrimSpace(b.String()))
}

var reDelimRow = regexp.MustCompile(`^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$`)

// column roles of a schedule table.
const (
	colNone = iota
	colWeek
	colDate
	colChapters
	colTopic
	colPresenter
	colIntegrator
)

// columnRole maps a header cell to its role. Order matters: "통합 정리자"
// before "정리", "주요 내용" before "내용".
func columnRole(h string) int {
	f := strings.ReplaceAll(foldName(plainCell(h)), " ", "")
	roles := []struct {
		role  int
		words []string
	}{
		{colIntegrator, []string{"통합정리", "정리자", "정리담당", "integrator", "summarizer", "note-taker", "notetaker"}},
		{colPresenter, []string{"발표", "presenter", "speaker", "host"}},
		{colWeek, []string{"주차", "회차", "차수", "week", "session", "#"}},
		{colDate, []string{"날짜", "일자", "일시", "date", "when"}},
		{colChapters, []string{"범위", "챕터", "chapter", "진도", "분량", "range", "reading", "장"}},
		{colTopic, []string{"내용", "주제", "topic", "title", "제목", "content"}},
	}
	for _, r := range roles {
		for _, w := range r.words {
			if f == w || (len([]rune(w)) > 1 && strings.Contains(f, w)) {
				return r.role
			}
		}
	}
	return colNone
}

var reWeekCell = regexp.MustCompile(`(?i)^(?:제\s*)?(?:week|wk|w)?\s*0*(\d{1,3})\s*(?:주\s*차|회\s*차|주|회)?\.?$`)

// parseWeekCell reads "1주차", "Week 1", "**1**", "[2주차](weeks/week02)".
func parseWeekCell(s string) int {
	m := reWeekCell.FindStringSubmatch(plainCell(s))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// namesIn extracts person names from a presenter or integrator cell.
func namesIn(cell string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(plainCell(cell), func(r rune) bool {
		return r == ',' || r == '/' || r == '&' || r == '·' || r == '+' || r == '、' || unicode.IsSpace(r) || r == '(' || r == ')'
	}) {
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

// parseReadme reads the README's participant list, schedule tables and
// the names in them.
func parseReadme(text string) readmeInfo {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")

	var info readmeInfo
	var order []string             // member names in order of appearance
	byName := map[string]*Member{} // folded name → member
	var ids []string               // GitHub ids without a name yet
	seenID := map[string]bool{}

	addName := func(name string) *Member {
		name = cleanName(name)
		k := foldName(name)
		if m, ok := byName[k]; ok {
			return m
		}
		byName[k] = &Member{Name: name}
		order = append(order, k)
		return byName[k]
	}
	addID := func(id string, m *Member) {
		lid := strings.ToLower(id)
		if githubReserved[lid] || seenID[lid] {
			return
		}
		seenID[lid] = true
		if m != nil && m.GitHub == "" {
			m.GitHub = id
			return
		}
		ids = append(ids, id)
	}

	inFence := false
	inParticipants := false
	participantLevel := 0
	rows := map[int]ScheduleRow{}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if reFence.MatchString(line) {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if m := reHeading.FindStringSubmatch(line); m != nil {
			level := len(m[1])
			if inParticipants && level <= participantLevel {
				inParticipants = false
			}
			if participantHeading(m[2]) {
				inParticipants, participantLevel = true, level
			}
			continue
		}
		// A table: header row followed by a delimiter row.
		if strings.Contains(line, "|") && i+1 < len(lines) && reDelimRow.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-") {
			header := splitRow(line)
			roles := make([]int, len(header))
			hasWeek, others := false, 0
			for j, h := range header {
				roles[j] = columnRole(h)
				if roles[j] == colWeek {
					hasWeek = true
				} else if roles[j] != colNone {
					others++
				}
			}
			j := i + 2
			for ; j < len(lines) && strings.Contains(lines[j], "|") && strings.TrimSpace(lines[j]) != ""; j++ {
				cells := splitRow(lines[j])
				if hasWeek && others > 0 {
					row := ScheduleRow{Line: j + 1}
					for c, cell := range cells {
						if c >= len(roles) {
							break
						}
						switch roles[c] {
						case colWeek:
							row.Week = parseWeekCell(cell)
						case colDate:
							row.Date = plainCell(cell)
						case colChapters:
							row.Chapters = plainCell(cell)
						case colTopic:
							row.Topic = plainCell(cell)
						case colPresenter:
							row.Presenter = plainCell(cell)
							for _, n := range namesIn(cell) {
								addName(n)
							}
						case colIntegrator:
							row.Integrator = plainCell(cell)
							for _, n := range namesIn(cell) {
								addName(n)
							}
						}
					}
					if _, dup := rows[row.Week]; row.Week > 0 && !dup {
						rows[row.Week] = row
					}
				} else if inParticipants {
					participantLine(lines[j], addName, addID)
				}
			}
			i = j - 1
			continue
		}
		if inParticipants {
			participantLine(line, addName, addID)
		}
	}

	for _, k := range order {
		info.members = append(info.members, *byName[k])
	}
	// Ids without a name on their line: give each to the member whose
	// romanised name it fits best, then the rest in README order when the
	// counts agree, else as members of their own.
	var free []int
	for i := range info.members {
		if info.members[i].GitHub == "" {
			free = append(free, i)
		}
	}
	type pair struct{ id, m, score int }
	var pairs []pair
	for ii, id := range ids {
		for _, mi := range free {
			if s := githubScore(id, info.members[mi]); s > 0 {
				pairs = append(pairs, pair{ii, mi, s})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedID, usedM := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if usedID[p.id] || usedM[p.m] {
			continue
		}
		usedID[p.id], usedM[p.m] = true, true
		info.members[p.m].GitHub = ids[p.id]
	}
	var restIDs, restM []int
	for ii := range ids {
		if !usedID[ii] {
			restIDs = append(restIDs, ii)
		}
	}
	for _, mi := range free {
		if !usedM[mi] {
			restM = append(restM, mi)
		}
	}
	if len(restIDs) > 0 && len(restIDs) == len(restM) {
		for k, ii := range restIDs {
			m := &info.members[restM[k]]
			m.GitHub = ids[ii]
			info.warnings = append(info.warnings, fmt.Sprintf("GitHub id %q taken to be %s by README order; set members[].github in moim.yaml if that is wrong", ids[ii], m.Name))
		}
	} else {
		for _, ii := range restIDs {
			info.members = append(info.members, Member{Name: ids[ii], GitHub: ids[ii]})
		}
	}

	for _, r := range rows {
		info.schedule = append(info.schedule, r)
	}
	sort.Slice(info.schedule, func(a, b int) bool { return info.schedule[a].Week < info.schedule[b].Week })
	return info
}

// participantLine reads one line of the participant section: GitHub links
// and @mentions, and the first Korean name on the line.
func participantLine(line string, addName func(string) *Member, addID func(string, *Member)) {
	var found []string
	for _, m := range reGitHubURL.FindAllStringSubmatch(line, -1) {
		found = append(found, m[1])
	}
	for _, m := range reMention.FindAllStringSubmatch(line, -1) {
		found = append(found, m[1])
	}
	var member *Member
	plain := plainCell(line)
	for _, w := range reHangulTok.FindAllString(plain, -1) {
		if n := koreanName(w); n != "" {
			member = addName(n)
			break
		}
	}
	if member == nil && len(found) == 0 {
		// "- Alice" in a plain list.
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(plain), "-*+ "))
		if f := strings.Fields(t); len(f) == 1 && reLatinName.MatchString(f[0]) && !latinNotNames[strings.ToLower(f[0])] && strings.HasPrefix(strings.TrimSpace(line), "-") {
			addName(f[0])
		}
		return
	}
	for k, id := range found {
		if k == 0 && len(found) == 1 {
			addID(id, member)
		} else {
			addID(id, nil)
		}
	}
}
