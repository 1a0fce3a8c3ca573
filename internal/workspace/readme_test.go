package workspace

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParseSchedule(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []ScheduleRow
	}{
		{
			name: "Korean header, bold and links stripped, 주차 words",
			text: studyReadme,
			want: []ScheduleRow{
				{Week: 1, Date: "3/4", Chapters: "1장", Topic: "관계형 모델", Presenter: "박지민", Integrator: "최유나", Line: 21},
				{Week: 2, Date: "3/11", Chapters: "2-3장", Topic: "인덱스와 조인", Presenter: "최유나", Integrator: "정하늘", Line: 22},
				{Week: 3, Date: "3/18", Chapters: "4장", Topic: "트랜잭션", Presenter: "정하늘", Integrator: "박지민", Line: 23},
			},
		},
		{
			name: "English header with Week N and a column order of its own",
			text: "# Study\n\n| Presenter | Week | Topic | Date |\n|---|---|---|---|\n| 박지민 | Week 1 | 정렬 | 2025-03-04 |\n| `최유나` | week 2 | 탐색 | 2025-03-11 |\n",
			want: []ScheduleRow{
				{Week: 1, Date: "2025-03-04", Topic: "정렬", Presenter: "박지민", Line: 5},
				{Week: 2, Date: "2025-03-11", Topic: "탐색", Presenter: "최유나", Line: 6},
			},
		},
		{
			name: "회차 and 정리자 columns, escaped pipe, rows without a week skipped",
			text: "| 회차 | 주제 | 정리자 |\n| --- | --- | --- |\n| 1회차 | A \\| B | 정하늘 |\n| 특강 | 초청 강연 | - |\n| 02 | C | 박지민, 최유나 |\n",
			want: []ScheduleRow{
				{Week: 1, Topic: "A | B", Integrator: "정하늘", Line: 3},
				{Week: 2, Topic: "C", Integrator: "박지민, 최유나", Line: 5},
			},
		},
		{
			name: "columns by meaning: 발표 자료 is material, not the presenter; 발표자 is",
			text: "| 주차 | 발표 자료 | 발표자 | 정리 링크 | 통합 정리자 |\n|---|---|---|---|---|\n| 1주차 | [자료](https://example.com/s1) | 정하늘 | [링크](https://example.com/n1) | 박지민 |\n",
			want: []ScheduleRow{{Week: 1, Presenter: "정하늘", Integrator: "박지민", Line: 3}},
		},
		{
			name: "an HTML schedule table with a header row",
			text: "<table>\n<tr><th>주차</th><th>날짜</th><th>발표자</th></tr>\n<tr><td>1주차</td><td>3/4</td><td>최유나</td></tr>\n<tr><td>2주차</td><td>3/11</td><td>미정</td></tr>\n</table>\n",
			want: []ScheduleRow{{Week: 1, Date: "3/4", Presenter: "최유나", Line: 3}, {Week: 2, Date: "3/11", Presenter: "미정", Line: 4}},
		},
		{
			name: "a table of sessions without a week column: row i is week i, dates kept",
			text: "# 스터디\n\n## 진도\n\n| 토픽 | 날짜 | 진행 |\n|--|--|--|\n| 1장 트랜잭션 기초 | 25.03.02 ~ 03.15 | ✅ |\n| 2장 격리 수준 | 03.16 ~ 03.29 | ✅ |\n| 3장 잠금 | 03.30 ~ 04.12 | |\n",
			want: []ScheduleRow{
				{Week: 1, Date: "25.03.02 ~ 03.15", Chapters: "1장", Topic: "트랜잭션 기초", Line: 7, Origin: OriginOrder},
				{Week: 2, Date: "03.16 ~ 03.29", Chapters: "2장", Topic: "격리 수준", Line: 8, Origin: OriginOrder},
				{Week: 3, Date: "03.30 ~ 04.12", Chapters: "3장", Topic: "잠금", Line: 9, Origin: OriginOrder},
			},
		},
		{
			name: "a 토픽 column of plain titles with dates",
			text: "| 토픽 | 일정 |\n|---|---|\n| 트랜잭션 기초 | 3/2 |\n| 격리 수준 | 3/9 |\n| 잠금 | 3/16 |\n",
			want: []ScheduleRow{
				{Week: 1, Date: "3/2", Topic: "트랜잭션 기초", Line: 3, Origin: OriginOrder},
				{Week: 2, Date: "3/9", Topic: "격리 수준", Line: 4, Origin: OriginOrder},
				{Week: 3, Date: "3/16", Topic: "잠금", Line: 5, Origin: OriginOrder},
			},
		},
		{
			name: "cells opening with Chapter N under a header moim does not know, no dates",
			text: "| 읽을 곳 | 비고 |\n|---|---|\n| Chapter 1. 저장소 | |\n| Chapter 2. 복제 | 휴강 뒤 |\n| Chapter 3. 파티셔닝 | |\n",
			want: []ScheduleRow{
				{Week: 1, Chapters: "Chapter 1", Topic: "저장소", Line: 3, Origin: OriginOrder},
				{Week: 2, Chapters: "Chapter 2", Topic: "복제", Line: 4, Origin: OriginOrder},
				{Week: 3, Chapters: "Chapter 3", Topic: "파티셔닝", Line: 5, Origin: OriginOrder},
			},
		},
		{
			name: "a table with a week column wins over a table without one",
			text: "| 토픽 | 날짜 |\n|---|---|\n| 1장 가 | 3/4 |\n| 2장 나 | 3/11 |\n| 3장 다 | 3/18 |\n\n| 주차 | 범위 |\n|---|---|\n| 1주차 | 1장 |\n| 2주차 | 2장 |\n",
			want: []ScheduleRow{{Week: 1, Chapters: "1장", Line: 9}, {Week: 2, Chapters: "2장", Line: 10}},
		},
		{
			name: "a table of members is not a schedule",
			text: "| 이름 | GitHub | 역할 |\n|---|---|---|\n| 박지민 | [jimin](https://github.com/jimin) | 리더 |\n| 최유나 | [yuna](https://github.com/yuna) | 기록 |\n| 정하늘 | [haneul](https://github.com/haneul) | 발표 |\n",
			want: nil,
		},
		{
			name: "a table of links under a 주제 header is not a schedule",
			text: "| 주제 | 링크 |\n|---|---|\n| 회고 모음 | [보기](https://example.com/a) |\n| 발표 자료 | [보기](https://example.com/b) |\n| 참고 글 | [보기](https://example.com/c) |\n",
			want: nil,
		},
		{
			name: "a table of contents with page numbers is not a schedule",
			text: "| 챕터 | 쪽 |\n|---|---|\n| 1장 트랜잭션 기초 | 13 |\n| 2장 격리 수준 | 41~76 |\n| 3장 잠금 | p. 77 |\n",
			want: nil,
		},
		{
			name: "tables in code fences and tables without a week column are not schedules",
			text: "```\n| 주차 | 날짜 |\n|---|---|\n| 1주차 | 3/4 |\n```\n\n| 이름 | 역할 |\n|---|---|\n| 박지민 | 리더 |\n",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseReadme(tt.text).schedule
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("schedule =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseReadmeMembers(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     []Member
		ids      []string
		warnings int
	}{
		{
			name: "avatars link ids; names come from the schedule in order of appearance",
			text: studyReadme,
			want: []Member{
				{Name: "박지민", GitHub: "jimin-park"}, {Name: "최유나", GitHub: "yunachoi"}, {Name: "정하늘", GitHub: "sky-j"},
			},
			warnings: 1, // sky-j is given by order
		},
		{
			name: "participant list with names, mentions and links on the same line",
			text: "# 모임\n\n## Members\n\n- 최유나 (@yuna-c) — 백엔드 개발자\n- [박지민](https://github.com/jm-p)\n- 정하늘\n- Alice\n\n## 규칙\n\n- 김치찌개 금지\n",
			want: []Member{
				{Name: "최유나", GitHub: "yuna-c"}, {Name: "박지민", GitHub: "jm-p"}, {Name: "정하늘"}, {Name: "Alice"},
			},
		},
		{
			name: "participant table; repository links are not people",
			text: "## 참여자\n\n| 이름 | GitHub |\n|---|---|\n| 박지민 | [@jm](https://github.com/jm) |\n\n[저장소](https://github.com/org/repo)\n",
			want: []Member{{Name: "박지민", GitHub: "jm"}},
		},
		{
			name: "ids that fit no name and outnumber the names are left without a name",
			text: "## 참여자\n\n<a href=\"https://github.com/aaa\">x</a> <a href=\"https://github.com/bbb\">y</a>\n\n| 주차 | 발표자 |\n|---|---|\n| 1 | 박지민 |\n",
			want: []Member{{Name: "박지민"}},
			ids:  []string{"aaa", "bbb"},
		},
		{
			name: "a markdown table pairs the name and the id of a row",
			text: "## 스터디원\n\n| 이름 | GitHub |\n|---|---|\n| 김도윤 | @doyun-k |\n| 서하린 | [harin](https://github.com/hrseo) |\n",
			want: []Member{{Name: "김도윤", GitHub: "doyun-k"}, {Name: "서하린", GitHub: "hrseo"}},
		},
		{
			name: "a table of names over ids pairs them by column",
			text: "## Member\n\n|김도윤|남궁별|서하린|\n|---|---|---|\n|[dy](https://github.com/dy)|[star1](https://github.com/star1)|[hr](https://github.com/hr)|\n",
			want: []Member{{Name: "김도윤", GitHub: "dy"}, {Name: "남궁별", GitHub: "star1"}, {Name: "서하린", GitHub: "hr"}},
		},
		{
			name: "an HTML table of avatars, names and ids pairs them by column",
			text: "## 😎 스터디원\n\n<table>\n<tr>\n<td><img src=\"https://avatars.githubusercontent.com/u/1?v=4\"/></td>\n<td><img src=\"https://avatars.githubusercontent.com/u/2?v=4\"/></td>\n</tr>\n<tr>\n<th>김도윤</th>\n<th>서하린</th>\n</tr>\n<tr>\n<td><a href=\"https://github.com/dy-kim\">@dy-kim</a></td>\n<td><a href=\"https://github.com/hr\">@hr</a></td>\n</tr>\n</table>\n",
			want: []Member{{Name: "김도윤", GitHub: "dy-kim"}, {Name: "서하린", GitHub: "hr"}},
		},
		{
			name: "an HTML row of avatar links each followed by the name's cell",
			text: "## Members\n\n<table><tr>\n<td><a href=\"https://github.com/qwe7\"><img src=\"x\"/></a></td><td>김도윤</td>\n<td><a href=\"https://github.com/zxc9\"><img src=\"y\"/></a></td><td>서하린</td>\n</tr></table>\n",
			want: []Member{{Name: "김도윤", GitHub: "qwe7"}, {Name: "서하린", GitHub: "zxc9"}},
		},
		{
			name: "an HTML table with a name and an avatar link in one cell",
			text: "## 참여자\n\n<table><tr>\n<td><a href=\"https://github.com/dy-kim\"><img src=\"https://avatars.githubusercontent.com/dy-kim\"/><br/>김도윤</a></td>\n<td><a href=\"https://github.com/hr\"><img src=\"x\"/><br/>서하린</a></td>\n</tr></table>\n",
			want: []Member{{Name: "김도윤", GitHub: "dy-kim"}, {Name: "서하린", GitHub: "hr"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := parseReadme(tt.text)
			if !reflect.DeepEqual(info.members, tt.want) {
				t.Errorf("members =\n%+v\nwant\n%+v", info.members, tt.want)
			}
			if !reflect.DeepEqual(info.ids, tt.ids) {
				t.Errorf("ids = %q, want %q", info.ids, tt.ids)
			}
			if len(info.warnings) != tt.warnings {
				t.Errorf("warnings = %q, want %d", info.warnings, tt.warnings)
			}
		})
	}
}

func TestParseWeekCell(t *testing.T) {
	for cell, want := range map[string]int{
		"1주차": 1, "**2주차**": 2, "Week 3": 3, "W4": 4, "05": 5, "[6주차](weeks/week06)": 6, "제7회차": 7,
		"특강": 0, "": 0, "1/2": 0,
	} {
		if got := parseWeekCell(cell); got != want {
			t.Errorf("parseWeekCell(%q) = %d, want %d", cell, got, want)
		}
	}
}

// A README that writes its schedule as lines ("1주차 : 1장") instead of a
// table has a schedule; one such line, or a line that only mentions a
// week, is none.
func TestProseSchedule(t *testing.T) {
	const text = "# 객체지향 스터디\n\n## 규칙\n\n- PR 이름 예시 : N주차-이름\n- 예시 : 1주차-홍길동.md\n\n## 주차별 진도\n\n" +
		"1주차 : 1장\n\n2주차 : 2,3장\n\n- **3주차** - 캐시와 인덱스\n\n... 주차별로 2장씩 읽을 예정\n"
	got := parseReadme(text).schedule
	want := []ScheduleRow{
		{Week: 1, Chapters: "1장", Line: 10},
		{Week: 2, Chapters: "2,3장", Line: 12},
		{Week: 3, Topic: "캐시와 인덱스", Line: 14},
	}
	if len(got) != len(want) {
		t.Fatalf("schedule = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if rows := parseReadme("# 스터디\n\n1주차 : 1장부터 시작합니다.\n").schedule; rows != nil {
		t.Errorf("one week line read as a schedule: %+v", rows)
	}
}

// A week folder named after its chapter is a schedule row when the README
// has none; a folder named only by its week is not.
func TestFolderRow(t *testing.T) {
	for _, c := range []struct {
		dir, chapters, topic string
	}{
		{"[07장] 비동기 호출", "7장", "비동기 호출"},
		{"study/05장 타입 활용하기", "5장", "타입 활용하기"},
		{"Chapter 3 - Storage", "3장", "Storage"},
		{"Chapter1-7", "", ""},
		{"3주차", "", ""},
		{"week03", "", ""},
		{"", "", ""},
	} {
		r := folderRow(&Week{Number: 4, Dir: c.dir})
		switch {
		case c.chapters == "" && r != nil:
			t.Errorf("folderRow(%q) = %+v, want none", c.dir, *r)
		case c.chapters != "" && (r == nil || r.Chapters != c.chapters || r.Topic != c.topic || r.Week != 4):
			t.Errorf("folderRow(%q) = %+v, want %s %s", c.dir, r, c.chapters, c.topic)
		}
	}
}

// TestOrderScheduleWithChapterFolders: a README table of sessions without a
// week column, its rows opening with chapters, and chapter folders with a
// chapter nobody wrote: row i is week i, and each folder gets the week of
// the row that reads its chapter (chap04 is week 4, whose row is 4장).
func TestOrderScheduleWithChapterFolders(t *testing.T) {
	root := mkRepo(t, map[string]string{
		"README.md": "# 스터디\n\n## 참여자\n\n- 박지민\n- 최유나\n\n## 진도\n\n| 토픽 | 날짜 |\n|---|---|\n" +
			"| 1장 관계형 모델 | 3/4 |\n| 2장 인덱스 | 3/11 |\n| 3장 조인 | 3/18 |\n| 4장 트랜잭션 | 3/25 |\n",
		"chap01/박지민.md": "# 관계형 모델\n\n릴레이션은 튜플의 집합이다.\n",
		"chap02/박지민.md": "# 인덱스\n\nB 트리는 정렬된 키를 유지한다.\n",
		"chap04/박지민.md": "# 트랜잭션\n\n원자성은 전부 또는 전무다.\n",
	})
	ws, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, w := range ws.Weeks {
		got = append(got, w.Number)
	}
	if !reflect.DeepEqual(got, []int{1, 2, 4}) {
		t.Errorf("weeks = %v, want 1 2 4", got)
	}
	if r := ws.ScheduleFor(4); r == nil || r.Chapters != "4장" || r.Topic != "트랜잭션" || r.Date != "3/25" || r.Source != "README.md" {
		t.Errorf("week 4's row = %+v", r)
	}
	for _, w := range ws.Warnings {
		if strings.Contains(w.Msg, "no schedule") {
			t.Errorf("warning %q with a schedule", w)
		}
	}
}

// A presenter's cell that holds one given name written alone ("수아")
// names that member, so the member folders of that name match the README
// with no warning; a word of no one's ("각자", "미정") names nobody, nor
// does a word beside a name ("김소현 (대타)").
func TestPresenterCellOfAGivenNameAlone(t *testing.T) {
	for _, c := range []struct {
		cell string
		want []string
	}{
		{"수아", []string{"수아"}},
		{"바다", []string{"바다"}},
		{"각자", nil},
		{"미정", nil},
		{"김소현 (대타)", []string{"김소현"}},
	} {
		if got := namesIn(c.cell); !slices.Equal(got, c.want) {
			t.Errorf("namesIn(%q) = %q, want %q", c.cell, got, c.want)
		}
	}
	readme := "# 데이터베이스 스터디\n\n| 주차 | 날짜 | 범위 | 발표자 |\n| --- | --- | --- | --- |\n| 1주차 | 3/4 | 1장 소개 | 수아 |\n| 2주차 | 3/11 | 2장 B-트리 | 바다 |\n"
	root := mkRepo(t, map[string]string{
		"README.md":     readme,
		"바다/week-01.md": note(1),
		"수아/week-01.md": note(1),
	})
	ws, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	if hasWarning(ws, "matches no member of the README") {
		t.Errorf("the README's presenters name the folders' members:%s", warningList(ws))
	}
}
