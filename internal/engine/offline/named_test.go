package offline

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// Three notes on message queues: 하늘 doubts one thing and names two
// structures it never explains; 바다 defines one of them; 별 explains all
// it names and asks nothing.
const (
	queueSky = `# 6장 메시지 큐

## 보존

- 메시지 보존 방식으로는 기간 기준 삭제, 크기 기준 삭제, 로그 압축(log compaction) 등이 있다.
- 소비자가 느려지면 배압 제어를 걸어 생산자를 늦추는 편이 안전해 보인다.
- 큐가 길어질수록 지연 시간도 함께 늘어난다.

## 질문

- 파티션을 늘리면 순서 보장이 왜 깨지는지 잘 모르겠다.
`
	queueSea = `# 6장 메시지 큐

- 배압 제어 : 소비자가 따라오지 못할 때 생산자의 속도를 늦추는 방법
- 로그 압축은 키마다 마지막 값만 남기고 나머지를 지운다.
`
	queueStar = `# 6장 메시지 큐

- 배압 제어는 소비자가 처리할 수 있는 만큼만 메시지를 받게 해 준다.
- 큐가 길어지면 소비자를 늘려 처리량을 맞춘다.
`
)

func queueWeek(t *testing.T) *analyze.Week {
	t.Helper()
	return analyze.Analyze([]analyze.Note{
		{Member: "하늘", Doc: note.Parse("w6/하늘.md", queueSky)},
		{Member: "바다", Doc: note.Parse("w6/바다.md", queueSea)},
		{Member: "별", Doc: note.Parse("w6/별.md", queueStar)},
	})
}

func studySection(t *testing.T, w *analyze.Week, name string) insight.Section {
	t.Helper()
	for _, sec := range MemberSections(basic.MemberSections, w.Member(name), w, MaxBullets, nil) {
		if sec.Key == insight.KeyStudy {
			return sec
		}
	}
	t.Fatalf("no study section for %s", name)
	return insight.Section{}
}

// The member's own doubt comes first; then the topics the note only
// names, each headed by its name (with the note's gloss), saying so, and
// quoting the line that names it as its source.
func TestStudyAddsTopicsTheNoteOnlyNames(t *testing.T) {
	sec := studySection(t, queueWeek(t), "하늘")
	if sec.Notice != "" || len(sec.Bullets) < 2 {
		t.Fatalf("bullets %+v notice %q: want the doubt and named topics", sec.Bullets, sec.Notice)
	}
	if !strings.Contains(sec.Bullets[0].Text, "잘 모르겠다") {
		t.Errorf("first bullet %q: want the member's own doubt first", sec.Bullets[0].Text)
	}
	heads := map[string]insight.Bullet{}
	for _, b := range sec.Bullets[1:] {
		heads[b.Head] = b
		if !strings.Contains(b.Text, "이름만 나오고 설명은 없습니다") {
			t.Errorf("bullet %q: want it to say the note only names the topic", b.Text)
		}
		if len(b.Sources) != 1 || b.Sources[0].File != "w6/하늘.md" || b.Sources[0].Member != "하늘" || !strings.Contains(b.Text, strings.TrimSpace(b.Sources[0].Quote)[:9]) {
			t.Errorf("bullet %q sources %+v: want the quoted line of 하늘's note", b.Text, b.Sources)
		}
	}
	eo, ok := heads["로그 압축(log compaction)"]
	if !ok {
		t.Fatalf("headlines %v: want the glossed term named only in a list", headsOf(sec))
	}
	if eo.Sources[0].Line != 5 {
		t.Errorf("source line %d: want 5, the list that names it", eo.Sources[0].Line)
	}
	if _, ok := heads["배압 제어"]; !ok {
		t.Errorf("headlines %v: want 배압 제어, which 바다 defines and 하늘 only names", headsOf(sec))
	}
	for h := range heads {
		if strings.Contains(h, "지연 시간") || strings.Contains(h, "기준 삭제") || strings.Contains(h, "파티션") || strings.Contains(h, "순서 보장") {
			t.Errorf("headline %q: an everyday word, or one the member's doubt names already", h)
		}
	}
}

// A note that explains everything it names and asks nothing keeps the
// plain line.
func TestStudyKeepsTheNoticeWhenNothingIsOnlyNamed(t *testing.T) {
	sec := studySection(t, queueWeek(t), "별")
	if len(sec.Bullets) != 0 || sec.Notice != NoticeNoStudy {
		t.Errorf("bullets %+v notice %q: want none and the notice", sec.Bullets, sec.Notice)
	}
}

func TestExcerptCutsLongLinesAroundTheTerm(t *testing.T) {
	line := strings.Repeat("앞부분 설명이 길게 이어진다 ", 6) + "배압 제어를 건다 " + strings.Repeat("뒷부분 설명도 길게 이어진다 ", 6)
	got := excerpt(line, "배압 제어")
	if !strings.Contains(got, "배압 제어") || !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") {
		t.Errorf("excerpt %q: want the term with cut marks on both sides", got)
	}
	if n := utf8.RuneCountInString(got); n > maxExcerpt+8 {
		t.Errorf("excerpt of %d runes: want about %d", n, maxExcerpt)
	}
	if short := "배압 제어를 건다"; excerpt(short, "배압 제어") != short {
		t.Errorf("a short line must be quoted whole")
	}
}

func headsOf(sec insight.Section) []string {
	var out []string
	for _, b := range sec.Bullets {
		out = append(out, b.Head)
	}
	return out
}
