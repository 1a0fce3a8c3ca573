package workspace

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

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

// materialWords name columns that hold material or links, not people:
// "발표 자료", "정리 링크", "slides".
var materialWords = []string{"자료", "링크", "슬라이드", "영상", "녹화", "ppt", "pdf", "slide", "material", "link", "url", "video", "recording", "문서", "파일"}

// columnRole maps a header cell to its role by meaning. Order matters:
// "통합 정리자" before "정리", "주요 내용" before "내용"; a column of
// material ("발표 자료", "정리 링크") is not the presenter's or the
// integrator's.
func columnRole(h string) int {
	f := strings.ReplaceAll(foldName(plainCell(h)), " ", "")
	material := false
	for _, w := range materialWords {
		if strings.Contains(f, w) {
			material = true
		}
	}
	roles := []struct {
		role  int
		words []string
	}{
		{colIntegrator, []string{"통합정리", "정리자", "정리담당", "integrator", "summarizer", "note-taker", "notetaker"}},
		{colPresenter, []string{"발표", "presenter", "speaker", "host", "진행자"}},
		{colWeek, []string{"주차", "회차", "차수", "week", "session", "#"}},
		{colDate, []string{"날짜", "일자", "일시", "date", "when"}},
		{colChapters, []string{"범위", "챕터", "chapter", "진도", "분량", "range", "reading", "장"}},
		{colTopic, []string{"내용", "주제", "토픽", "topic", "title", "제목", "content"}},
	}
	for _, r := range roles {
		if material && (r.role == colIntegrator || r.role == colPresenter) {
			continue
		}
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

// scheduleOf reads a table as a schedule: it needs a header with a week
// column and at least one other column moim knows. It returns the rows and
// the names in the presenter and integrator cells.
func scheduleOf(t table) ([]ScheduleRow, []string) {
	if !t.header || len(t.rows) == 0 {
		return nil, nil
	}
	header := t.rows[0].cells
	roles := make([]int, len(header))
	hasWeek, others := false, 0
	for j, h := range header {
		roles[j] = columnRole(h.raw)
		if roles[j] == colWeek {
			hasWeek = true
		} else if roles[j] != colNone {
			others++
		}
	}
	if !hasWeek || others == 0 {
		return nil, nil
	}
	return weekRows(t, roles)
}

// weekRows reads the rows of a schedule table whose week column is known.
func weekRows(t table, roles []int) ([]ScheduleRow, []string) {
	var rows []ScheduleRow
	var names []string
	seen := map[int]bool{}
	for _, r := range t.rows[1:] {
		row := ScheduleRow{Line: r.line}
		names = append(names, fillRow(&row, r, roles)...)
		if row.Week > 0 && !seen[row.Week] {
			seen[row.Week] = true
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].Week < rows[b].Week })
	return rows, names
}

// fillRow fills a schedule row from a table row by the columns' roles and
// returns the names in its presenter and integrator cells.
func fillRow(row *ScheduleRow, r tableRow, roles []int) (names []string) {
	for c, cl := range r.cells {
		if c >= len(roles) {
			break
		}
		switch roles[c] {
		case colWeek:
			row.Week = parseWeekCell(cl.raw)
		case colDate:
			row.Date = cl.text
		case colChapters:
			row.Chapters = cl.text
		case colTopic:
			row.Topic = cl.text
		case colPresenter:
			row.Presenter = cl.text
			names = append(names, namesIn(cl.raw)...)
		case colIntegrator:
			row.Integrator = cl.text
			names = append(names, namesIn(cl.raw)...)
		}
	}
	return names
}

// OriginOrder marks the rows of a README table without a week column,
// whose weeks are the rows' order; OriginFolder rows named after week
// folders; OriginNotes a row taken from next week's notes; OriginPace a
// row the README's pace implies.
const (
	OriginOrder  = "order"
	OriginFolder = "folder"
	OriginNotes  = "notes"
	// OriginPace marks a row past the README's listed weeks whose chapters
	// follow from the pace it states ("주차별로 2장씩").
	OriginPace = "pace"
)

// rePartCell matches a cell that opens with the part of a book it is
// about ("Part 1"); see chapterCell.
var rePartCell = regexp.MustCompile(`(?i)^part\s*\d{1,3}\b`)

// chapterCell reports a cell that opens with the chapter or part it is
// about: "1장 오브젝트", "제3장", "Chapter 2: Storage", "Part 1".
func chapterCell(s string) bool { return reLeadChapter.MatchString(s) || rePartCell.MatchString(s) }

// reDateCell matches a cell that holds a date: "24.01.01 ~ 01.14",
// "2024-03-05", "3/12", "3월 12일".
var reDateCell = regexp.MustCompile(`\d{1,4}\s*[./-]\s*\d{1,2}|\d{1,2}\s*월\s*\d{1,2}\s*일`)

// rePageCell matches a cell of a page number ("13", "p. 45", "45쪽").
var rePageCell = regexp.MustCompile(`(?i)^(?:pp?\.?\s*)?\d{1,4}(?:\s*[-~]\s*\d{1,4})?\s*(?:쪽|p)?$`)

// orderSchedule reads a table without a week column as a schedule whose
// rows are the study's sessions in order, row i being week i: a column of
// what each session reads (a 토픽/주제/챕터 header, or cells that open with
// "N장"/"Chapter N"/"Part N"), and either most of those cells opening with
// a chapter or most rows holding a date. A table of people (no such
// column), of links (no dates, no chapters) or of contents (page numbers)
// is not one.
func orderSchedule(t table) []ScheduleRow {
	if !t.header || t.participants || len(t.rows) < 3 {
		return nil
	}
	header, body := t.rows[0].cells, t.rows[1:]
	roles := make([]int, len(header))
	subject := -1 // the column of what each session reads
	dates := -1
	for j, h := range header {
		roles[j] = columnRole(h.raw)
		switch roles[j] {
		case colWeek:
			return nil
		case colDate:
			dates = j
		case colTopic, colChapters:
			if subject < 0 {
				subject = j
			}
		}
	}
	chapterCol := -1
	for j := range header {
		if share(body, j, chapterCell) {
			chapterCol = j
			break
		}
	}
	for j := range header {
		if j != chapterCol && pageColumn(body, j) {
			return nil // page numbers: a table of contents
		}
	}
	if subject < 0 {
		subject = chapterCol
		if subject >= 0 && roles[subject] == colNone {
			roles[subject] = colTopic
		}
	}
	if dates < 0 {
		// A column of dates under a header moim does not know ("일정").
		for j := range header {
			if roles[j] == colNone && j != chapterCol && share(body, j, reDateCell.MatchString) {
				dates, roles[j] = j, colDate
				break
			}
		}
	}
	if subject < 0 || chapterCol != subject && (dates < 0 || !share(body, dates, reDateCell.MatchString)) {
		return nil
	}
	var rows []ScheduleRow
	for _, r := range body {
		if subject >= len(r.cells) || r.cells[subject].text == "" {
			continue
		}
		row := ScheduleRow{Week: len(rows) + 1, Line: r.line, Origin: OriginOrder}
		fillRow(&row, r, roles)
		if row.Chapters == "" {
			row.Chapters, row.Topic = splitChapter(row.Topic)
		}
		rows = append(rows, row)
	}
	if len(rows) < 2 {
		return nil
	}
	return rows
}

// pageColumn reports whether column j holds page numbers: most cells a
// bare number or range, and not the plain count 1, 2, 3 … of the rows.
func pageColumn(rows []tableRow, j int) bool {
	if !share(rows, j, rePageCell.MatchString) {
		return false
	}
	for i, r := range rows {
		if j >= len(r.cells) || firstNumber(r.cells[j].text) != i+1 {
			return true
		}
	}
	return false
}

// reLeadChapter matches the chapter a topic cell opens with: "5장",
// "제5장", "Chapter 5", "Ch. 5" (a part is not a chapter).
var reLeadChapter = regexp.MustCompile(`(?i)^(?:제\s*)?\d{1,3}\s*장|^(?:chapter|ch\.)\s*\d{1,3}\b`)

// splitChapter splits a topic cell that opens with its chapter into the
// chapter and the title: "5장 서비스 추상화" → "5장", "서비스 추상화".
func splitChapter(topic string) (chapters, rest string) {
	loc := reLeadChapter.FindStringIndex(topic)
	if loc == nil {
		return "", topic
	}
	return topic[:loc[1]], strings.TrimLeft(topic[loc[1]:], " .:：-–—)")
}

// share reports whether most (two thirds) of the rows' cells in column j
// satisfy ok, blank cells counting against.
func share(rows []tableRow, j int, ok func(string) bool) bool {
	n := 0
	for _, r := range rows {
		if j < len(r.cells) && ok(strings.TrimSpace(r.cells[j].text)) {
			n++
		}
	}
	return n >= 2 && 3*n >= 2*len(rows)
}

// reProseWeek matches a schedule written as lines instead of a table: "1주차
// : 1장", "- **2주차** - 2,3장", "3주차: 인덱스와 조인".
var reProseWeek = regexp.MustCompile(`^\s*(?:[-*+]\s+)?(?:\*\*)?0*(\d{1,3})\s*주\s*차(?:\*\*)?\s*[:：\-–—]\s*(.+?)\s*$`)

// reChapterRange matches what a schedule line gives as its reading: "1장",
// "2,3장", "4~5장", "Chapter 3".
var reChapterRange = regexp.MustCompile(`(?i)^(?:\d{1,3}\s*(?:[,~\-–·]\s*\d{1,3}\s*)*장|(?:chapter|ch\.?)\s*\d{1,3}(?:\s*[,~\-–]\s*\d{1,3})*)$`)

// proseSchedule reads a schedule the README writes as lines, one per week
// ("1주차 : 1장"), when it has no schedule table: two or more such lines for
// different weeks, outside code. A line that gives a chapter range is the
// week's chapters, any other text its topic.
func proseSchedule(lines []readmeLine) []ScheduleRow {
	var rows []ScheduleRow
	seen := map[int]bool{}
	for _, l := range lines {
		m := reProseWeek.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		what := plainCell(m[2])
		if n == 0 || seen[n] || what == "" {
			continue
		}
		seen[n] = true
		r := ScheduleRow{Week: n, Line: l.line}
		if reChapterRange.MatchString(what) {
			r.Chapters = what
		} else {
			r.Topic = what
		}
		rows = append(rows, r)
	}
	if len(rows) < 2 {
		return nil
	}
	return rows
}

// reChapterTitle matches a name that opens with its chapter, then a title:
// "[07장] 비동기 호출", "제8장. 의존성", "6장 : 메시지", "Chapter 3 - Storage",
// "Ch. 8".
var reChapterTitle = regexp.MustCompile(`(?i)^[\[(]?\s*(?:제\s*)?0*(\d{1,3})\s*장\s*[\])]?(?:[\s.:：\-–—)]+(.*))?$|^(?:chapter|ch\.?)\s*0*(\d{1,3})(?:[\s.:：\-–—)]+(.*))?$`)

// ChapterTitle splits a folder name or a heading that opens with its
// chapter into the chapter's number and the title after it (trimmed, maybe
// empty); ok is false when s names no chapter first.
func ChapterTitle(s string) (chapter int, title string, ok bool) {
	m := reChapterTitle.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, "", false
	}
	num, title := m[1], m[2]
	if num == "" {
		num, title = m[3], m[4]
	}
	n, err := strconv.Atoi(num)
	return n, strings.TrimSpace(title), err == nil
}

// folderSchedule is the schedule of a track with none in its README or
// moim.yaml whose week folders name the chapters they read: two or more
// of them ("[06장] 타입스크립트 컴파일", "[07장] 비동기 호출").
func folderSchedule(weeks []*Week) []ScheduleRow {
	var rows []ScheduleRow
	for _, w := range weeks {
		if r := folderRow(w); r != nil {
			rows = append(rows, *r)
		}
	}
	if len(rows) < 2 {
		return nil
	}
	return rows
}

// folderRow returns the schedule row a week folder's name gives when it
// names the chapter it reads ("[07장] 비동기 호출" → 7장, 비동기 호출), or
// nil.
func folderRow(w *Week) *ScheduleRow {
	if w == nil || w.Dir == "" {
		return nil
	}
	name := w.Dir
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	n, topic, ok := ChapterTitle(name)
	if !ok || n == 0 || topic != "" && topic[0] >= '0' && topic[0] <= '9' {
		return nil // "Chapter1-7": a range of chapters, no one reading to name
	}
	return &ScheduleRow{Week: w.Number, Chapters: strconv.Itoa(n) + "장", Topic: topic, Origin: OriginFolder}
}
