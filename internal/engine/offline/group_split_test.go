package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// A point is credited to every member whose note has it, in its words or
// nearly the same ones (a member who wrote it shorter, without the aside),
// in one clause: the quote to those whose note has its wording, the others
// named beside it ("(민호도 비슷하게)"), and no second sentence
// saying that someone wrote the same.
func TestQuoteCreditedOnlyToItsWriters(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 캐시\n\n늘 켜 둔 분산 캐시는 축복이자 저주다.(빠르게 만들면 그만큼 관리할 것이 늘어난다.)\n캐시 서버는 메모리에 데이터를 둔다.\n"},
		{"민호", "# 캐시 정리\n\n늘 켜 둔 분산 캐시는 축복이자 저주이다.\n읽기가 많은 서비스에서 캐시 서버를 쓴다.\n"},
		{"지우", "# 캐시 메모\n\n늘 켜 둔 분산 캐시는 축복이자 저주다.(빠르게 만들면 그만큼 관리할 것이 늘어난다.)\n만료 정책은 서비스마다 다르다.\n"},
	})
	w := generateGroup(t, in)
	common := section(t, w.Group, insight.KeyCommon)
	got := texts(common)
	if !strings.Contains(got, "서연·지우는(민호도 비슷하게) 분산 캐시에 대해 “늘 켜 둔 분산 캐시는 축복이자 저주다.(빠르게 만들면 그만큼 관리할 것이 늘어난다.)”라는 점을 적었습니다.") {
		t.Fatalf("공통 질문 does not credit the point to all three members in one clause:\n%s", got)
	}
	if strings.Contains(got, "같은 점을 적었습니다") || strings.Contains(got, "모두") {
		t.Errorf("공통 질문 credits the point in more than one sentence:\n%s", got)
	}
	// The line judges the concept as both things: asking which one the
	// line answers already; the question asks when each holds.
	if !strings.Contains(got, "분산 캐시는 어떤 경우에 축복이고 어떤 경우에 저주일까요?") {
		t.Errorf("공통 질문 ends with a template instead of the line's two sides:\n%s", got)
	}
	if strings.Contains(got, "축복일까요, 저주일까요?") {
		t.Errorf("공통 질문 asks which of two sides the quote says are both:\n%s", got)
	}
}

// When members copied one line on a concept and another member wrote
// another cause of it, the bullet quotes that other line too and asks
// which cause weighs more.
func TestCommonQuestionQuotesTheRealSplit(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 캐시\n\n캐시 오염은 검증 없이 응답을 저장하기 때문에 자주 생긴다.\n캐시 서버는 메모리에 데이터를 둔다.\n"},
		{"민호", "# 캐시 정리\n\n캐시 오염은 검증 없이 응답을 저장하기 때문에 자주 생긴다.\n읽기가 많은 서비스에서 캐시 서버를 쓴다.\n"},
		{"지우", "# 캐시 메모\n\n캐시 오염은 만료 시간을 지나치게 길게 잡기 때문에 자주 생긴다.\n만료 정책은 서비스마다 다르다.\n"},
	})
	w := generateGroup(t, in)
	got := texts(section(t, w.Group, insight.KeyCommon))
	if !strings.Contains(got, "서연·민호는 캐시 오염에 대해") || !strings.Contains(got, "지우는 “캐시 오염은 만료 시간을") {
		t.Fatalf("공통 질문 does not set 지우's other cause beside the line 서연 and 민호 wrote:\n%s", got)
	}
	if strings.Contains(got, "민호·지우") || strings.Contains(got, "지우·") {
		t.Errorf("공통 질문 counts 지우's other cause as the same point:\n%s", got)
	}
	if !strings.Contains(got, "두 이유 가운데") {
		t.Errorf("공통 질문 does not ask which cause weighs more:\n%s", got)
	}
}

// Lines that copy one sentence and add nothing else of the concept get no
// made-up split.
func TestCommonQuestionInventsNoSplit(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 캐시\n\n캐시 오염은 검증 없이 응답을 저장하기 때문에 자주 생긴다.\n캐시 서버는 메모리에 데이터를 둔다.\n"},
		{"민호", "# 캐시 정리\n\n캐시 오염은 검증 없이 응답을 저장하기 때문에 자주 생긴다.\n읽기가 많은 서비스에서 캐시 서버를 쓴다.\n"},
		{"지우", "# 캐시 메모\n\n캐시 오염은 여러 서비스에서 보고되었다.\n만료 정책은 서비스마다 다르다.\n"},
	})
	w := generateGroup(t, in)
	got := texts(section(t, w.Group, insight.KeyCommon))
	if strings.Contains(got, "한편") || strings.Contains(got, "라고도") || strings.Contains(got, "두 이유") {
		t.Errorf("공통 질문 sets a plain report beside the shared line as a split:\n%s", got)
	}
}

func TestHardToDo(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"개방형 응답은 유연하지만 그만큼 채점하기가 더 어렵다.", "채점"},
		{"분산 트랜잭션은 구현하기 어렵다", "구현"},
		// Another object: what is hard is done to that, not the topic.
		{"분산 캐시는 데이터를 동기화하기 어렵다.", ""},
		// Not a 하다 verb: nothing to ask "어떻게 …할까요" with.
		{"범용 모델은 전문 작업에서 좋은 성능을 내기 어렵다.", ""},
		{"색인은 검색을 빠르게 한다.", ""},
	} {
		if got := hardToDo(c.body); got != c.want {
			t.Errorf("hardToDo(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

func TestTwoSided(t *testing.T) {
	for _, c := range []struct{ body, a, b string }{
		{"분산 캐시는 축복이자 저주다.(빠르게 만들면 관리할 것이 늘어난다.)", "축복", "저주"},
		{"짧은 배포 주기는 기회이자 위험이다.", "기회", "위험"},
		{"분산 캐시는 빠르다.", "", ""},
	} {
		if a, b := twoSided(c.body); a != c.a || b != c.b {
			t.Errorf("twoSided(%q) = %q, %q; want %q, %q", c.body, a, b, c.a, c.b)
		}
	}
}

// A limit of the concept that says what is hard to do to it ends with
// how the group would do it.
func TestLimitQuestionAsksHowToDoIt(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 평가\n\n개방형 응답은 유연하지만 그만큼 채점하기가 더 어렵다.\n정답이 있는 문제는 정확도로 잰다.\n"},
		{"민호", "# 평가 정리\n\n개방형 응답은 사람마다 기대하는 답이 다르다.\n채점 기준표를 미리 만든다.\n"},
		{"지우", "# 평가 메모\n\n채점 모델은 비용이 든다.\n"},
	})
	w := generateGroup(t, in)
	got := texts(section(t, w.Group, insight.KeyCommon))
	if !strings.Contains(got, "개방형 응답은 어떻게 채점할 수 있을까요?") {
		t.Errorf("공통 질문 on a limit does not ask how to do what is hard:\n%s", got)
	}
	if strings.Contains(got, "실무에서는 이 한계를 어떻게 다룰 수 있을까요?") {
		t.Errorf("공통 질문 ends with the template:\n%s", got)
	}
	// The group may have no project: the question assumes none.
	if strings.Contains(got, "우리 프로젝트") {
		t.Errorf("공통 질문 assumes a project of the group's:\n%s", got)
	}
	// "X의 한계로 A는 …" reads awkwardly: the member comes first.
	if !strings.Contains(got, "서연은 개방형 응답의 한계에 대해 “") {
		t.Errorf("공통 질문 does not open with who wrote the limit:\n%s", got)
	}
}

// A member's own question that their note takes up right below: the
// bullet points there instead of asking the group to find the answer.
func TestAnswerBelowQuestion(t *testing.T) {
	doc := note.Parse("w6/서연.md", "# 사후 학습\n\n### 역효과\n\n사후 학습을 오래 할수록 모델이 사용자 선호와 멀어진다 ?\n\n한 연구에 따르면 사후 학습을 오래 한 모델은 사용자 선호와 다른 답을 더 자주 냈다고 한다.\n\n### 다음 절\n\n사후 학습은 비용이 든다.\n")
	aw := analyze.Analyze([]analyze.Note{{Member: "서연", Doc: doc}})
	m := aw.Members[0]
	var q *analyze.Sentence
	for i := range m.Sentences {
		if m.Sentences[i].Voice.Question {
			q = &m.Sentences[i]
		}
	}
	if q == nil {
		t.Fatal("no question in the fixture")
	}
	a, ok := answerBelow(m, *q)
	if !ok || !strings.Contains(a.Body, "한 연구에 따르면") {
		t.Fatalf("answerBelow = %q, %v; want the finding right below the question", a.Body, ok)
	}
	// A line under another heading is no answer.
	doc = note.Parse("w6/민호.md", "# 사후 학습\n\n### 역효과\n\n사후 학습을 오래 할수록 모델이 사용자 선호와 멀어진다 ?\n\n### 다음 절\n\n사후 학습을 오래 한 모델은 사용자 선호와 다른 답을 낸다.\n")
	aw = analyze.Analyze([]analyze.Note{{Member: "민호", Doc: doc}})
	m = aw.Members[0]
	for i := range m.Sentences {
		if m.Sentences[i].Voice.Question {
			if _, ok := answerBelow(m, m.Sentences[i]); ok {
				t.Errorf("answerBelow takes a line under another heading as the answer")
			}
		}
	}
}

// 다음 주차: members who write a concept of theirs with next week's topic
// in one line link it; a line whose concept only names the topic again
// ("RAG 검색기" before a week on RAG) is no link.
func TestNextLinkNamesBothEndsAndItsWriters(t *testing.T) {
	notes := [][2]string{
		{"서연", "# 5장\n\n문맥 수집 단계에는 RAG 검색기와 웹 검색이 쓰인다.\n지시문은 짧을수록 좋다.\n"},
		{"민호", "# 5장 정리\n\n문맥 수집 단계에는 RAG 검색기 같은 문서 검색이 들어간다.\n예시를 몇 개 넣을지는 작업마다 다르다.\n"},
		{"지우", "# 5장 메모\n\n- RAG 검색기와 웹 검색 (6장에서 다룸)\n- 시스템 지시는 맨 앞에 둔다.\n"},
	}
	in := commonInput(notes)
	in.Next = &workspace.ScheduleRow{Week: 7, Chapters: "6장", Topic: "RAG/에이전트", Source: "README.md", Line: 12}
	w := generateGroup(t, in)
	next := section(t, w.Group, insight.KeyNext)
	got := texts(next)
	found := false
	for _, b := range next.Bullets {
		if b.Head == "RAG 검색기" {
			t.Errorf("다음 주차 links RAG 검색기 to RAG, the same thing: %s", b.Text)
		}
		if strings.HasPrefix(b.Head, "문맥 수집") {
			found = true
			if !strings.Contains(b.Text, "서연·민호") || !strings.Contains(b.Text, "6장 RAG/에이전트의 RAG로") {
				t.Errorf("다음 주차 does not name the writers and both ends: %s", b.Text)
			}
			if len(b.Sources) < 2 {
				t.Errorf("다음 주차 names two writers but cites %d line(s)", len(b.Sources))
			}
		}
	}
	if !found {
		t.Errorf("다음 주차 misses the concept two members wrote with next week's topic:\n%s", got)
	}
}

// The link needs two members: one member's line is no evidence.
func TestNextLinkNeedsTwoWriters(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 5장\n\n문맥 수집 단계에는 RAG 검색기와 웹 검색이 쓰인다.\n"},
		{"민호", "# 5장 정리\n\n지시문은 짧을수록 좋다.\n"},
	})
	in.Next = &workspace.ScheduleRow{Week: 7, Chapters: "6장", Topic: "RAG/에이전트", Source: "README.md", Line: 12}
	w := generateGroup(t, in)
	for _, b := range section(t, w.Group, insight.KeyNext).Bullets {
		if strings.Contains(b.Text, "함께 적었습니다") {
			t.Errorf("다음 주차 claims several writers from one line: %s", b.Text)
		}
	}
}

// A member's question under a heading that names a concept asks about
// that concept: the bullet's headline is the heading's, not a word the
// question happens to share with the others.
func TestQuestionHeadIsTheHeadingAboveIt(t *testing.T) {
	doc := note.Parse("w6/서연.md", "# 사후 학습\n\n### 지도 미세 조정\n\n지도 미세 조정은 시연 데이터로 모델을 다듬는다.\n시연 데이터는 사람이 직접 쓴다.\n좋은 시연은 비싸다.\n\n"+
		"### 보상 해킹\n\n사후 학습을 오래 할수록 모델이 사용자 선호와 멀어진다 ?\n\n### 선호 학습\n\n보상 모델은 두 응답 중 나은 쪽을 고른다.\n비교 데이터는 점수보다 모으기 쉽다.\n선호 학습은 비용이 든다.\n")
	aw := analyze.Analyze([]analyze.Note{{Member: "서연", Doc: doc}})
	m := aw.Members[0]
	for _, s := range m.Sentences {
		if s.Voice.Question {
			if got := questionHead(m, s, "사용자 선호"); got != "보상 해킹" {
				t.Errorf("questionHead = %q, want the heading's concept 보상 해킹", got)
			}
			return
		}
	}
	t.Fatal("no question in the fixture")
}
