package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// nextWeekInput is the input of week 6 of a study with the members' notes,
// next week's schedule row (7주차, 5장 분산 저장소) and next week's notes,
// one per text (w7/가람.md, w7/나래.md, w7/다솜.md, …).
func nextWeekInput(notes [][2]string, next ...string) *engine.Input {
	in := commonInput(notes)
	in.Scheduled = true
	in.Next = &workspace.ScheduleRow{Week: 7, Chapters: "5장", Topic: "분산 저장소", Source: "README.md", Line: 9}
	in.NextDocs = nextDocs(next...)
	return in
}

// nextDocs parses next week's notes, one per text.
func nextDocs(texts ...string) []*note.Document {
	names := []string{"가람", "나래", "다솜", "라온"}
	var out []*note.Document
	for i, t := range texts {
		out = append(out, note.Parse("w7/"+names[i]+".md", t))
	}
	return out
}

// When no line of this week names next week's topic, the schedule line
// names the concepts several members wrote this week that next week's
// notes take up again: a concrete link, claimed only as a recurrence.
// A concept one member wrote, or one only one next note mentions, is not
// named.
func TestScheduleLineNamesConceptsThatComeBack(t *testing.T) {
	// Neither member writes a statement of what TTL or LRU is or does
	// (see TestLinkQuotesNextWeeksUseOfAConcept), so there is none to quote.
	a := "# 4장 캐시\n\n- 값마다 TTL을 정해 수명을 준다.\n- 오래 쓰지 않은 값을 먼저 버리려고 LRU를 쓴다.\n- 쓰기 버퍼는 디스크 쓰기를 모은다.\n- 프로그래밍에서 캐시는 흔하다.\n"
	b := "# 4장 캐시\n\n- TTL을 짧게 잡으면 적중률이 떨어진다.\n- 구현이 단순해서 LRU를 널리 쓴다.\n- 프로그래밍을 처음 배울 때도 캐시를 만난다.\n"
	in := nextWeekInput([][2]string{{"가람", a}, {"나래", b}},
		"# 5장 분산 저장소\n\n- 노드마다 TTL을 따로 두면 값이 어긋난다.\n- 쓰기 버퍼를 비우는 시점에 복제를 시작한다.\n- 분산 프로그래밍은 어렵다.\n",
		"# 5장 분산 저장소\n\n- 노드마다 LRU 목록을 따로 관리한다.\n- 노드마다 TTL을 같게 맞춘다.\n- 프로그래밍 언어마다 클라이언트가 있다.\n",
		"# 5장 분산 저장소\n\n- 메모리가 모자라면 노드가 LRU로 값을 버린다.\n")
	next := section(t, generateGroup(t, in).Group, insight.KeyNext)
	if len(next.Bullets) != 1 {
		t.Fatalf("다음 주차 = %q (notice %q)", texts(next), next.Notice)
	}
	got := next.Bullets[0].Text
	if !strings.HasPrefix(got, "다음 주(7주차)에는 5장 분산 저장소를 다룹니다.") {
		t.Errorf("다음 주차 = %q, want the schedule line first", got)
	}
	if !strings.Contains(got, "TTL") || !strings.Contains(got, "LRU") || !strings.Contains(got, "다음 주에도 나옵니다") {
		t.Errorf("다음 주차 = %q, want TTL and LRU, which both members wrote and two next notes take up", got)
	}
	if strings.Contains(got, "쓰기 버퍼") {
		t.Errorf("다음 주차 = %q: 쓰기 버퍼 is one member's and one next note's", got)
	}
	if strings.Contains(got, "프로그래밍") {
		t.Errorf("다음 주차 = %q: 프로그래밍 is an everyday word of such a study", got)
	}

	// With no next notes the line is the schedule's alone.
	in.NextDocs = nil
	next = section(t, generateGroup(t, in).Group, insight.KeyNext)
	if len(next.Bullets) != 1 || strings.Contains(next.Bullets[0].Text, "다음 주에도 나옵니다") {
		t.Errorf("다음 주차 without next notes = %q", texts(next))
	}
}

// A concept most of the study's other weeks use too (here LRU, in four of
// six other weeks) needs more members and next notes than these two weeks
// give to be named as coming back: it ties every week to every other.
func TestComingBackWeighsTheRestOfTheStudy(t *testing.T) {
	a := "# 4장 캐시\n\n- 값마다 TTL을 정해 수명을 준다.\n- LRU는 오래 쓰지 않은 값을 먼저 버린다.\n"
	b := "# 4장 캐시\n\n- TTL을 짧게 잡으면 적중률이 떨어진다.\n- LRU는 구현이 단순해서 널리 쓰인다.\n"
	next := []*note.Document{
		note.Parse("w7/가람.md", "# 5장 분산 저장소\n\n- 노드마다 TTL을 따로 두면 값이 어긋난다.\n- 노드마다 LRU 목록을 따로 관리한다.\n"),
		note.Parse("w7/나래.md", "# 5장 분산 저장소\n\n- 노드마다 TTL을 같게 맞춘다.\n- 메모리가 모자라면 노드가 LRU로 값을 버린다.\n"),
	}
	weeks := map[int][]string{6: {a, b}}
	for _, k := range []int{1, 2, 3, 4} {
		weeks[k] = []string{"LRU 목록을 다시 본다."}
	}
	weeks[5], weeks[7] = []string{"색인을 나누는 기준을 본다."}, []string{"샤드를 고르는 기준을 본다."}
	in := commonInput([][2]string{{"가람", a}, {"나래", b}})
	in.Analysis = analyze.Analyze(in.Notes(), analyze.InStudy(6, text.NewBackground(weeks)))
	in.Scheduled, in.NextDocs = true, next
	in.Next = &workspace.ScheduleRow{Week: 7, Chapters: "5장", Topic: "분산 저장소", Source: "README.md", Line: 9}
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyNext))
	if !strings.Contains(got, "TTL") || strings.Contains(got, "LRU") {
		t.Errorf("다음 주차 = %q, want TTL (these weeks') and not LRU (most weeks')", got)
	}
}

// A member's own question that names next week's topic ("Q. …정족수 읽기만으로
// …보장할 수 있을까?" before a week on 정족수) leads into next week: 다음
// 주차 links it, with the line of next week's notes that shares the most
// of what it asks, the asker's own note first. A question of the book's
// naming the topic links nothing.
func TestOwnQuestionNamingNextWeeksTopicLeadsThere(t *testing.T) {
	input := func(q string) *engine.Input {
		in := commonInput([][2]string{
			{"가람", "# 4장 복제\n\n## 정리\n\n- 리더 기반 복제는 쓰기를 리더 한 곳에서만 받는다.\n- 복제 지연 때문에 팔로워에서 오래된 값을 읽을 수 있다.\n\n" + q + "\n"},
			{"나래", "# 4장 복제\n\n- 동기식 복제는 팔로워가 쓰기를 확인할 때까지 기다린다.\n- 비동기식 복제는 리더가 바로 응답한다.\n"},
		})
		in.Scheduled = true
		in.Next = &workspace.ScheduleRow{Week: 7, Chapters: "5장", Topic: "정족수", Source: "README.md", Line: 9}
		// 가람's own next note takes the question up; 나래's shares more
		// of its words.
		in.NextDocs = nextDocs("# 5장 정족수\n\n- 정족수 읽기와 정족수 쓰기가 겹치면 팔로워가 늦어도 최신 값을 읽을 수 있다.\n- 안티 엔트로피는 백그라운드에서 복제본의 차이를 맞춘다.\n",
			"# 5장\n\n- 리더 없는 복제에서 정족수 읽기는 최신 값을 항상 보장하지는 않는다.\n")
		in.NextAuthors = map[string]string{"w7/가람.md": "가람", "w7/나래.md": "나래"}
		return in
	}
	got := texts(section(t, generateGroup(t, input("## 궁금한 점\n\nQ. 리더 없는 복제에서도 정족수 읽기만으로 최신 값을 항상 보장할 수 있을까?")).Group, insight.KeyNext))
	if !strings.Contains(got, "정족수 읽기만으로") && !strings.Contains(got, "가람의 질문") || !strings.Contains(got, "가람은 다음 주 노트에 “정족수 읽기와 정족수 쓰기가 겹치면") {
		t.Errorf("다음 주차 = %q; want 가람's question linked with her own line of next week on quorum reads", got)
	}
	got = texts(section(t, generateGroup(t, input("- 리더 없는 복제에서 최신 값을 보장하는 정족수의 조건은 무엇인가?\n- 쓰기 정족수와 읽기 정족수의 합이 복제본 수보다 커야 한다.")).Group, insight.KeyNext))
	if strings.Contains(got, "조건은 무엇인가") || strings.Contains(got, "가람의 질문") {
		t.Errorf("다음 주차 = %q; the book's question links nothing", got)
	}
}
