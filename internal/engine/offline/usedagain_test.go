package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// When no line of this week leads into next week's material by the strict
// rules, a concept two members wrote is linked to a statement of next
// week's notes that puts it to use: a member's line on what the concept is
// and next week's line, both quoted and both sources kept. Of next week's
// lines, the one that looks back at earlier material is chosen; a heading,
// a line leaning on code above it and a question never are. A concept the
// members only suppose something of ("만료 시간이 …고 가정해보자") has no
// line to quote.
func TestLinkQuotesNextWeeksUseOfAConcept(t *testing.T) {
	a := "# 4장 캐시\n\n- 블룸 필터는 값이 집합에 없음을 빠르게 알려 준다.\n- 만료 시간이 값을 쓸 때 정해지고, 값을 읽을 때까지 바뀌지 않는다고 가정해보자.\n"
	b := "# 4장 캐시\n\n- 블룸 필터는 거짓 양성이 있지만 거짓 음성은 없다.\n- 만료 시간이 값마다 같다고 가정해보자.\n"
	in := nextWeekInput([][2]string{{"가람", a}, {"나래", b}},
		"# 5장 분산 저장소\n\n- 블룸 필터로 디스크 조회 줄이기\n- 노드마다 위의 코드처럼 블룸 필터를 만든다.\n- 노드마다 블룸 필터를 두면 메모리는 얼마나 들까?\n- 노드마다 블룸 필터를 두면 디스크 조회를 줄일 수 있다.\n",
		"# 5장 분산 저장소\n\n- 이전 장에서 본 블룸 필터를 SSTable마다 두어 읽기 비용을 줄인다.\n- 복제본마다 만료 시간을 같게 맞춰야 한다.\n")
	next := section(t, generateGroup(t, in).Group, insight.KeyNext)
	if len(next.Bullets) != 1 {
		t.Fatalf("다음 주차 = %q, want one link", texts(next))
	}
	got := next.Bullets[0]
	if got.Head != "블룸 필터" || !strings.Contains(got.Text, "블룸 필터는") || !strings.Contains(got.Text, "다음 주 5장 분산 저장소에서는 블룸 필터를 “이전 장에서 본 블룸 필터를 SSTable마다 두어 읽기 비용을 줄인다”처럼 씁니다.") {
		t.Errorf("다음 주차 = %q, want a member's line on 블룸 필터 and next week's line that looks back", got.Text)
	}
	if len(got.Sources) != 2 || got.Sources[1].File != "w7/나래.md" || got.Sources[1].Line != 3 {
		t.Errorf("sources = %+v, want this week's line and w7/나래.md:3", got.Sources)
	}
	if strings.Contains(texts(next), "만료 시간") {
		t.Errorf("다음 주차 = %q: the members only suppose something of 만료 시간", texts(next))
	}

	// With no line of next week that can be quoted, the schedule line
	// stands: the heading, the line on code above and the question are
	// all there is.
	in.NextDocs = nextDocs(
		"# 5장 분산 저장소\n\n- 블룸 필터로 디스크 조회 줄이기\n- 노드마다 위의 코드처럼 블룸 필터를 만든다.\n- 노드마다 블룸 필터를 두면 메모리는 얼마나 들까?\n",
		"# 5장 분산 저장소\n\n- 복제본마다 만료 시간을 같게 맞춰야 한다.\n")
	next = section(t, generateGroup(t, in).Group, insight.KeyNext)
	if len(next.Bullets) != 1 || !strings.HasPrefix(next.Bullets[0].Text, "다음 주(7주차)에는 5장 분산 저장소를 다룹니다.") {
		t.Errorf("다음 주차 = %q, want the schedule line", texts(next))
	}
}

// A compound of the study's everyday words ("핵심기능" where 핵심 and 기능
// are words of most weeks) is no concept of this week to link: next week
// may well use the phrase in another sense.
func TestLinkSkipsAPhraseOfEverydayWords(t *testing.T) {
	a := "# 6장 AOP\n\n- 핵심기능은 그대로 두고 부가 기능만 바꾼다.\n"
	b := "# 6장 AOP\n\n- 핵심기능은 비즈니스 로직을 담는다.\n"
	weeks := map[int][]string{}
	for _, k := range []int{1, 2, 3, 4, 5} {
		weeks[k] = []string{"이 장의 핵심은 기능을 나누는 것이다."}
	}
	weeks[6] = []string{a, b}
	in := commonInput([][2]string{{"가람", a}, {"나래", b}})
	in.Analysis = analyze.Analyze(in.Notes(), analyze.InStudy(6, text.NewBackground(weeks)))
	in.Scheduled = true
	in.Next = &workspace.ScheduleRow{Week: 7, Chapters: "7장", Topic: "서블릿 컨테이너", Source: "README.md", Line: 9}
	in.NextDocs = []*note.Document{
		note.Parse("w7/가람.md", "# 7장\n\n- 서블릿 컨테이너만으로도 핵심 기능을 모두 쓸 수 있다.\n"),
		note.Parse("w7/나래.md", "# 7장\n\n- 컨테이너 없이도 핵심 기능은 돌아간다.\n"),
	}
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyNext))
	if strings.Contains(got, "“") {
		t.Errorf("다음 주차 = %q, want no link through 핵심 기능", got)
	}
}

// With no line to quote on either side, a concept two members wrote this
// week that a heading of next week's notes names is where next week takes
// it up again: the bullet names every member who wrote it, inside a
// compound too ("세션 TTL값"), and quotes the heading. A concept one member wrote, or a heading that names only next
// week's topic, links nothing.
func TestLinkToASectionOfNextWeeksNotes(t *testing.T) {
	a := "# 4장 캐시\n\n- 값마다 TTL을 정해 수명을 준다.\n- 쓰기 지연은 LRU 목록을 쓴다.\n"
	b := "# 4장 캐시\n\n- TTL이 짧으면 적중률이 떨어질까?\n"
	c := "# 4장 캐시\n\n- 세션 TTL값은 서버마다 따로 둔다.\n"
	in := nextWeekInput([][2]string{{"가람", a}, {"나래", b}, {"다솜", c}},
		"# 5장 분산 저장소\n\n## 노드별 TTL 동기화\n\n- 복제 지연이 생긴다.\n\n## LRU 목록\n\n- 노드가 목록을 가진다.\n\n## 분산 저장소\n\n- 노드를 늘린다.\n")
	next := section(t, generateGroup(t, in).Group, insight.KeyNext)
	if len(next.Bullets) != 1 {
		t.Fatalf("다음 주차 = %q, want one link", texts(next))
	}
	got := next.Bullets[0]
	if got.Head != "TTL" || !strings.Contains(got.Text, "가람·나래·다솜이 적은 TTL은") || !strings.Contains(got.Text, "“노드별 TTL 동기화” 절로 다시 나옵니다") {
		t.Errorf("다음 주차 = %q, want 가람·나래's TTL linked to the section 노드별 TTL 동기화", got.Text)
	}
	if last := got.Sources[len(got.Sources)-1]; last.File != "w7/가람.md" || last.Line != 3 {
		t.Errorf("sources = %+v, want the heading's place last", got.Sources)
	}
}
