package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/moim-study/moim/internal/workspace"
)

// A README often lists the first weeks of a schedule and then says how it
// goes on ("1주차 : 1장 / 2주차 : 2,3장 / 3주차 : 4,5장 / ... 주차별로 2장씩 읽을
// 예정"). This file reads that pace and gives a week past the listed rows
// the chapters it implies.

// rePace matches a README line giving the schedule's pace in chapters per
// week: "주차별로 2장씩", "매주 2장씩", "한 주에 3챕터씩", "일주일에 1장".
var rePace = regexp.MustCompile(`(?:주차\s*별로|주\s*마다|매\s*주|한\s*주에?|일주일에)\s*(\d{1,2})\s*(?:장|챕터|chapters?)\s*씩?`)

// reChapterNums matches the chapter numbers of a schedule cell: "2,3장",
// "4~5장", "12장".
var reChapterNums = regexp.MustCompile(`\d{1,3}`)

// pacedRow returns the row of week n that the README's pace implies after
// the schedule's last row that gives chapters: the next pace chapters for
// each week past it ("14,15장" for week 8 after "3주차 : 4,5장" at 2 a
// week). nil when the schedule has a row for n, when its rows give no
// chapters, or when the README states no pace. The row cites the line
// that states the pace.
func pacedRow(root string, schedule []workspace.ScheduleRow, n int) *workspace.ScheduleRow {
	last := -1
	for i, r := range schedule {
		if r.Week == n {
			return nil
		}
		if r.Chapters != "" && r.Week < n && (last < 0 || r.Week > schedule[last].Week) {
			last = i
		}
	}
	if last < 0 || schedule[last].Source == "" {
		return nil
	}
	end := 0
	for _, d := range reChapterNums.FindAllString(schedule[last].Chapters, -1) {
		if c, err := strconv.Atoi(d); err == nil && c > end {
			end = c
		}
	}
	if end == 0 {
		return nil
	}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(schedule[last].Source)))
	if err != nil {
		return nil
	}
	for i, line := range strings.Split(string(src), "\n") {
		m := rePace.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		pace, _ := strconv.Atoi(m[1])
		if pace <= 0 {
			return nil
		}
		first := end + (n-schedule[last].Week-1)*pace + 1
		nums := make([]int, pace)
		for k := range nums {
			nums[k] = first + k
		}
		return &workspace.ScheduleRow{Week: n, Chapters: chapterCell(nums), Source: schedule[last].Source, Line: i + 1, Origin: workspace.OriginPace}
	}
	return nil
}
