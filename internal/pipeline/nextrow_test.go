package pipeline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// members parses one note per member: path, text, path, text ...
func members(pairs ...string) [][]*note.Document {
	var out [][]*note.Document
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, []*note.Document{note.Parse(pairs[i], pairs[i+1])})
	}
	return out
}

func TestNotesRow(t *testing.T) {
	thisWeek := []*note.Document{
		note.Parse("4주차/한서진.md", "# 5장 로그 구조\n\n## 느낀점\n\n쓰기가 빠르다.\n"),
		note.Parse("4주차/오태윤.md", "## 로그 구조\n\n컴팩션이 필요하다.\n\n## 쓰기 증폭\n\n한 번 쓰면 여러 번 쓴다.\n"),
	}
	tests := []struct {
		name  string
		next  [][]*note.Document
		want  *workspace.ScheduleRow // nil: no row
		topic string                 // when want is set
	}{
		{
			name: "two notes name the chapter: 8장 and Chapter 8",
			next: members(
				"5주차/한서진.md", "# 요약\n\n## 8장 트랜잭션 격리\n\n격리 수준은 네 가지다.\n",
				"5주차/오태윤.md", "# Chapter 8 - 트랜잭션 격리\n\n스냅샷 격리는 읽기를 막지 않는다.\n",
				"5주차/문가람.md", "# 메모\n\n잠금은 비싸다.\n"),
			want:  &workspace.ScheduleRow{Week: 5, Chapters: "8장", Source: "5주차/한서진.md", Line: 3, Origin: workspace.OriginNotes},
			topic: "트랜잭션 격리",
		},
		{
			name: "a numbered chapter heading and a plain heading with its title agree",
			next: members(
				"5주차/한서진.md", "# 08. 트랜잭션 격리\n\n격리 수준은 네 가지다.\n\n# 09. 분산 합의\n\n합의는 어렵다.\n",
				"5주차/오태윤.md", "## 트랜잭션 격리\n\n스냅샷 격리.\n\n## 분산 합의\n\n래프트.\n"),
			want:  &workspace.ScheduleRow{Week: 5, Chapters: "8,9장", Source: "5주차/한서진.md", Line: 1, Origin: workspace.OriginNotes},
			topic: "트랜잭션 격리, 분산 합의",
		},
		{
			name: "two notes share a top-level heading without a chapter number",
			next: members(
				"5주차/한서진.md", "# ✅ 트랜잭션 격리\n\n격리 수준은 네 가지다.\n",
				"5주차/오태윤.md", "## 트랜잭션 격리\n\n스냅샷 격리.\n"),
			want:  &workspace.ScheduleRow{Week: 5, Source: "5주차/한서진.md", Line: 1, Origin: workspace.OriginNotes},
			topic: "트랜잭션 격리",
		},
		{
			name:  "the only note's top heading when one member wrote",
			next:  members("5주차/한서진.md", "# 트랜잭션 격리\n\n## 격리 수준\n\n네 가지다.\n"),
			want:  &workspace.ScheduleRow{Week: 5, Source: "5주차/한서진.md", Line: 1, Origin: workspace.OriginNotes},
			topic: "트랜잭션 격리",
		},
		{
			name: "numbered headings with different titles are sections, not a chapter",
			next: members(
				"5주차/한서진.md", "## 1. 개념\n\n격리 수준.\n",
				"5주차/오태윤.md", "## 1. 배경\n\n스냅샷.\n"),
		},
		{
			name: "notes that name different chapters do not agree",
			next: members(
				"5주차/한서진.md", "# 8장 트랜잭션 격리\n\n격리 수준.\n",
				"5주차/오태윤.md", "# 9장 분산 합의\n\n래프트.\n"),
		},
		{
			name: "headings every week has name no topic",
			next: members(
				"5주차/한서진.md", "# 느낀점\n\n어렵다.\n\n# 5주차 정리\n\n요약.\n",
				"5주차/오태윤.md", "## 느낀 점\n\n재밌다.\n\n## 5주차 정리\n\n요약.\n"),
		},
		{
			name: "a section under a chapter heading is not the note's topic",
			next: members(
				"5주차/한서진.md", "# 8장 트랜잭션 격리\n\n## 격리 수준\n\n네 가지다.\n",
				"5주차/오태윤.md", "## 격리 수준\n\n스냅샷.\n\n## 직렬성\n\n비싸다.\n"),
		},
		{
			name: "what this week's notes head with is this week's topic",
			next: members(
				"5주차/한서진.md", "# 5장 로그 구조\n\n이어서.\n",
				"5주차/오태윤.md", "# 로그 구조\n\n이어서.\n\n# 쓰기 증폭\n\n다시.\n",
				"5주차/문가람.md", "## 쓰기 증폭\n\n정리.\n"),
		},
		{
			name: "one note with only a generic heading",
			next: members("5주차/한서진.md", "# 정리\n\n이것저것.\n"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := notesRow(5, tt.next, thisWeek)
			if tt.want == nil {
				if got != nil {
					t.Fatalf("row = %+v, want none", got)
				}
				return
			}
			if got == nil {
				t.Fatalf("no row, want %+v", tt.want)
			}
			want := *tt.want
			want.Topic = tt.topic
			if *got != want {
				t.Errorf("row =\n%+v\nwant\n%+v", *got, want)
			}
		})
	}
}

// TestScheduleThatStopsEarly: a README schedule of weeks 1-2 (a table of
// sessions without a week column); week 2's document takes next week's
// topic from week 3's notes, which agree on it, and week 3's, with no
// notes after it, says the schedule has no next week — not that there is
// no schedule. A row of the README wins over what the notes say.
func TestScheduleThatStopsEarly(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"README.md": "# 저장 엔진 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n\n## 진도\n\n| 토픽 | 날짜 |\n|---|---|\n" +
			"| 1장 버퍼 풀 | 25.03.02 ~ 03.08 |\n| 2장 로그 구조 병합 트리 | 03.09 ~ 03.15 |\n",
		"week01/한서진.md": "# 1장 버퍼 풀\n\n버퍼 풀은 디스크 페이지를 메모리에 캐시한다.\n",
		"week01/오태윤.md": "# 버퍼 풀\n\n교체 정책은 내보낼 페이지를 고른다.\n",
		// Week 2's notes name another chapter than the README's row: the
		// README's row wins.
		"week02/한서진.md": "# 7장 엉뚱한 장\n\n로그 구조 병합 트리는 쓰기를 모은다.\n",
		"week02/오태윤.md": "# 7장 엉뚱한 장\n\n컴팩션은 파일을 합친다.\n",
		"week03/한서진.md": "# 3장 해시 색인\n\n해시 색인은 키를 버킷에 나눈다.\n",
		"week03/오태윤.md": "## 3장. 해시 색인\n\n범위 검색에는 약하다.\n",
	})
	w1 := runWeekN(t, root, 1)
	if !strings.Contains(w1, "2장 로그 구조 병합 트리") || strings.Contains(w1, "엉뚱한") {
		t.Errorf("week 1's next week is the README's row:\n%s", nextSection(w1))
	}
	w2 := loadWeek(t, root, 2, "-")
	in := w2.Input()
	if in.Next == nil || in.Next.Chapters != "3장" || in.Next.Topic != "해시 색인" || in.Next.Origin != workspace.OriginNotes || in.Next.Source != "week03/한서진.md" {
		t.Fatalf("week 2's next row = %+v, want 3장 해시 색인 from week 3's notes", in.Next)
	}
	if doc := document(t, w2); !strings.Contains(nextSection(doc), "3주차) 노트는 3장 해시 색인을 다룹니다") {
		t.Errorf("week 2's 다음 주차:\n%s", nextSection(doc))
	}
	w3 := runWeekN(t, root, 3)
	if sec := nextSection(w3); !strings.Contains(sec, offline.NoticeNoNextRow) || strings.Contains(sec, offline.NoticeNoSchedule) {
		t.Errorf("week 3's 다음 주차:\n%s", sec)
	}
}

// nextSection is the 다음 주차 section of a document.
func nextSection(doc string) string {
	i := strings.Index(doc, "다음 주차")
	if i < 0 {
		return ""
	}
	rest := doc[i:]
	if j := strings.Index(rest[1:], "\n#"); j >= 0 {
		rest = rest[:j+1]
	}
	return rest
}
