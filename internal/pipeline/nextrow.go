package pipeline

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// A week the schedule has no row for (a schedule that stops early, or
// none at all) may have its notes in the repository already: what they
// read is then next week's topic, when the notes agree on it. This file
// reads that topic from the notes' chapter headings.

// reHeadNumbered matches a heading numbered like a chapter ("08. 의존성
// 관리하기"), not a section ("3.1. 다시 보기", "1) 예시" is a list).
var reHeadNumbered = regexp.MustCompile(`^0*(\d{1,3})\.\s+(\D.*)$`)

// genericHeads are headings every week's notes have, which name no topic.
var genericHeads = map[string]bool{
	"정리": true, "요약": true, "느낀점": true, "소감": true, "회고": true, "후기": true, "질문": true,
	"참고": true, "참고자료": true, "참고문헌": true, "목차": true, "결론": true, "메모": true, "생각": true,
	"들어가며": true, "마치며": true, "개요": true, "내용": true, "토론": true, "토론거리": true, "궁금한점": true,
	"summary": true, "review": true, "references": true, "reference": true, "questions": true, "toc": true, "notes": true,
}

// reWeekHead matches a heading that names a week or a session, not a topic:
// "5주차", "5주차 정리", "Week 5".
var reWeekHead = regexp.MustCompile(`(?i)^(?:week\s*\d+|\d+\s*(?:주\s*차|회\s*차))`)

// headClaim is what one heading of a note says about the note's topic: a
// chapter number (strong when the heading says 장/Chapter, weak when it is
// only numbered "08."), a title, or both.
type headClaim struct {
	chapter int
	strong  bool
	title   string // as written, trimmed
	key     string // title folded for comparison ("" when none)
	file    string
	line    int
}

// foldTitle folds a heading title for comparison: letters and digits
// only, lower case, so that "✅ 유연한 설계" and "유연한 설계" agree.
func foldTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanTitle trims the marks around a heading's title: emoji, bullets,
// brackets and trailing punctuation.
func cleanTitle(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r)) && r != ')' && r != '?'
	})
}

// generic reports whether a folded title names no topic.
func generic(key string) bool {
	return key == "" || genericHeads[key] || reWeekHead.MatchString(key)
}

// headClaims returns what a member's note files say in their H1 and H2
// headings: chapter headings at either level, numbered and plain titles
// only at the note's top heading level (a plain H2 under an H1 chapter is
// a section of it). A member's files are read together.
func headClaims(docs []*note.Document) (claims []headClaim, top []headClaim) {
	minLevel := 0
	for _, d := range docs {
		for _, b := range d.Blocks {
			if b.Kind == note.KindHeading && b.Level <= 2 && (minLevel == 0 || b.Level < minLevel) {
				minLevel = b.Level
			}
		}
	}
	for _, d := range docs {
		for _, b := range d.Blocks {
			if b.Kind != note.KindHeading || b.Level > 2 {
				continue
			}
			text := strings.TrimSpace(b.Text)
			c := headClaim{file: d.BlockFile(b), line: b.Line}
			if ch, title, ok := workspace.ChapterTitle(cleanLead(text)); ok {
				c.chapter, c.strong, c.title = ch, true, cleanTitle(title)
			} else if b.Level != minLevel {
				continue
			} else if m := reHeadNumbered.FindStringSubmatch(cleanLead(text)); m != nil {
				c.chapter, _ = strconv.Atoi(m[1])
				c.title = cleanTitle(m[2])
			} else {
				c.title = cleanTitle(text)
			}
			c.key = foldTitle(c.title)
			if generic(c.key) {
				c.title, c.key = "", ""
			}
			if c.chapter == 0 && c.key == "" {
				continue
			}
			claims = append(claims, c)
			if b.Level == minLevel {
				top = append(top, c)
			}
		}
	}
	return claims, top
}

// cleanLead drops the marks before a heading's words ("✅ 8장", "🏁 유연한").
func cleanLead(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r)) })
}

// notesRow returns the schedule row of week n taken from that week's notes
// (next, one list of files per member), nil when they do not agree on what
// they read: a chapter two or more members' notes name in an H1/H2 heading
// (as "8장"/"Chapter 8", or numbered "08." with a title another note shares),
// a top-level heading two or more notes share, or, when one member wrote,
// that note's chapter headings or first top-level heading. Chapters and
// titles this week's notes (this) head with are this week's, not next
// week's. The row's Source is the first heading that says it.
func notesRow(n int, next [][]*note.Document, this []*note.Document) *workspace.ScheduleRow {
	thisCh, thisKey := map[int]bool{}, map[string]bool{}
	for _, d := range this {
		if d == nil {
			continue
		}
		cl, _ := headClaims([]*note.Document{d})
		for _, c := range cl {
			if c.strong {
				thisCh[c.chapter] = true
			}
			if c.key != "" {
				thisKey[c.key] = true
			}
		}
	}
	type member struct{ claims, top []headClaim }
	var ms []member
	for _, docs := range next {
		cl, top := headClaims(docs)
		if len(cl) > 0 {
			ms = append(ms, member{cl, top})
		}
	}
	if len(next) == 1 && len(ms) == 1 {
		return singleRow(n, ms[0].claims, ms[0].top, thisCh, thisKey)
	}
	// For each chapter, the members whose notes name it, and the titles
	// they give it; a plain title a member gives counts for the chapter
	// another member gives that title.
	titleCh := map[string]int{}
	for _, m := range ms {
		for _, c := range m.claims {
			if c.chapter > 0 && c.key != "" {
				if _, ok := titleCh[c.key]; !ok {
					titleCh[c.key] = c.chapter
				}
			}
		}
	}
	type chapter struct {
		members map[int]bool
		strong  bool
		titles  map[string]int // folded title → members giving it
		written map[string]string
		first   *headClaim
	}
	chapters := map[int]*chapter{}
	titles := map[string]map[int]bool{}
	var titleOrder []string
	firstTitle := map[string]headClaim{}
	for i, m := range ms {
		for _, c := range m.claims {
			ch := c.chapter
			if ch == 0 {
				ch = titleCh[c.key]
			}
			if ch == 0 {
				if titles[c.key] == nil {
					titles[c.key] = map[int]bool{}
					titleOrder = append(titleOrder, c.key)
					firstTitle[c.key] = c
				}
				titles[c.key][i] = true
				continue
			}
			x := chapters[ch]
			if x == nil {
				x = &chapter{members: map[int]bool{}, titles: map[string]int{}, written: map[string]string{}}
				chapters[ch] = x
			}
			if !x.members[i] && c.key != "" {
				x.titles[c.key]++
				if _, ok := x.written[c.key]; !ok {
					x.written[c.key] = c.title
				}
			}
			x.members[i] = true
			x.strong = x.strong || c.strong
			if x.first == nil || c.strong && !x.first.strong {
				cc := c
				x.first = &cc
			}
		}
	}
	row := &workspace.ScheduleRow{Week: n, Origin: workspace.OriginNotes}
	var nums []int
	for ch, x := range chapters {
		agreed := false
		for _, k := range x.titles {
			agreed = agreed || k >= 2
		}
		if len(x.members) >= 2 && (x.strong || agreed) && !thisCh[ch] {
			nums = append(nums, ch)
		}
	}
	sort.Ints(nums)
	var topics []string
	for _, ch := range nums {
		x := chapters[ch]
		if row.Source == "" {
			row.Source, row.Line = x.first.file, x.first.line
		}
		best := ""
		for k, cnt := range x.titles {
			if best == "" || cnt > x.titles[best] || cnt == x.titles[best] && k < best {
				best = k
			}
		}
		if best != "" {
			topics = append(topics, x.written[best])
		}
	}
	for _, k := range titleOrder {
		if len(titles[k]) >= 2 && !thisKey[k] {
			if row.Source == "" {
				row.Source, row.Line = firstTitle[k].file, firstTitle[k].line
			}
			topics = append(topics, firstTitle[k].title)
		}
	}
	if len(nums) == 0 && len(topics) == 0 {
		return nil
	}
	row.Chapters = chapterCell(nums)
	row.Topic = strings.Join(topics, ", ")
	return row
}

// singleRow is the row of a week only one member wrote for: the note's
// chapter headings when it has some, else its first top-level heading.
func singleRow(n int, claims, top []headClaim, thisCh map[int]bool, thisKey map[string]bool) *workspace.ScheduleRow {
	row := &workspace.ScheduleRow{Week: n, Origin: workspace.OriginNotes}
	var nums []int
	var topics []string
	seen := map[int]bool{}
	for _, c := range claims {
		if c.strong && !thisCh[c.chapter] && !seen[c.chapter] {
			seen[c.chapter] = true
			nums = append(nums, c.chapter)
			if c.title != "" {
				topics = append(topics, c.title)
			}
			if row.Source == "" {
				row.Source, row.Line = c.file, c.line
			}
		}
	}
	if len(nums) == 0 && len(top) > 0 {
		c := top[0]
		if c.key == "" || thisKey[c.key] || c.chapter > 0 && thisCh[c.chapter] {
			return nil
		}
		if c.chapter > 0 {
			nums = append(nums, c.chapter)
		}
		topics = append(topics, c.title)
		row.Source, row.Line = c.file, c.line
	}
	if len(nums) == 0 && len(topics) == 0 {
		return nil
	}
	sort.Ints(nums)
	row.Chapters = chapterCell(nums)
	row.Topic = strings.Join(topics, ", ")
	return row
}

// chapterCell writes chapter numbers as a schedule cell: "8장", "6,7장".
func chapterCell(nums []int) string {
	if len(nums) == 0 {
		return ""
	}
	s := make([]string, len(nums))
	for i, n := range nums {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",") + "장"
}
