package analyze

import (
	"strings"
	"testing"
)

// remedyNote holds a difficulty under a line announcing its remedy, with
// the action as the next item, and lists that must stay as they are: two
// difficulties under a remedy line, a difficulty and an action under a
// line that announces no remedy, and a pair too long for one bullet.
const remedyNote = `# 캐시 공부

## 캐시 미스

- 또 하나 배운 점은 **캐시 미스 지연을 줄이는 방법**
    - 캐시가 비어 있는 시점에는 첫 요청이 원본 DB까지 가느라 응답이 오래 걸릴 수 있음
    - 자주 찾는 키를 배포 직후 미리 읽어 캐시에 채워 둠

## 복제 지연

- 복제 지연을 줄이는 방법
    - 복제본이 많아지면 쓰기 확인이 느려질 수 있음
    - 네트워크가 끊기면 복제본이 뒤처질 수 있음

## 복제 운영

- 복제를 쓸 때 알아둘 점
    - 복제본이 많아지면 쓰기 확인이 느려질 수 있음
    - 쓰기 요청을 주 서버에 모아서 보냄

## 장애 조치

- 주 서버 장애를 극복하는 것
    - 주 서버가 멈추면 복제본 가운데 어느 것이 새 주 서버가 될지 정하는 동안 쓰기 요청이 모두 실패하고 클라이언트는 재시도를 거듭하면서 연결 풀을 다 써 버려 다른 서비스의 요청까지 밀리는 일이 생길 수 있음
    - 복제본마다 우선순위를 미리 정해 두고 감시 프로세스가 주 서버의 응답을 몇 초마다 확인해서 응답이 없으면 가장 우선순위가 높은 복제본을 바로 새 주 서버로 올린 뒤 클라이언트의 연결 설정을 바꿔 줌
`

func remedyMember(t *testing.T) *Member {
	t.Helper()
	return Analyze([]Note{{Member: "바다", Doc: parse("w1/바다.md", remedyNote)}}).Members[0]
}

// TestDifficultyCarriesItsRemedy: under a line announcing that something
// is overcome or reduced, an item that only states the difficulty is the
// premise of the action its next sibling takes: it carries that action
// (premise — action), or, when the pair is too long, is never lifted
// alone.
func TestDifficultyCarriesItsRemedy(t *testing.T) {
	m := remedyMember(t)
	s := find(t, m, "응답이 오래 걸릴 수 있음")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "자주 찾는 키를") || s.CaveatJoin != " — " || s.Problem != "" {
		t.Fatalf("%q: want its next sibling, the action, joined by a dash; caveat %v join %q problem %q", s.Body, s.Caveat, s.CaveatJoin, s.Problem)
	}
	long := find(t, m, "연결 풀을 다 써 버려")
	if long.Caveat != nil || long.Problem != ProblemCut {
		t.Errorf("%q: the pair is too long for a bullet; want the premise cut, got caveat %v problem %q", long.Body, long.Caveat, long.Problem)
	}
}

// TestDifficultyWithoutRemedyStays: a difficulty whose next sibling is a
// second difficulty, or whose line announces no remedy, is left as it was.
func TestDifficultyWithoutRemedyStays(t *testing.T) {
	m := remedyMember(t)
	for _, s := range m.Sentences {
		if !strings.Contains(s.Text, "쓰기 확인이 느려질 수 있음") {
			continue
		}
		if s.Caveat != nil || s.Problem != "" {
			t.Errorf("%q (line %d): no remedy sibling under a remedy line; want no caveat and no problem, got caveat %v problem %q", s.Body, s.Line, s.Caveat, s.Problem)
		}
	}
}

func TestRemedySignals(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"캐시 미스 지연을 줄이는 방법", true},
		{"주 서버 장애를 극복하는 것", true},
		{"병목 해결 방법", true},
		{"복제는 성능을 높일 뿐 아니라 운영 비용 절감이라는 이점도 있다", false}, // a remedy in passing
		{"복제를 쓸 때 알아둘 점", false},
	} {
		if got := announcesRemedy(readMorphs(c.line)); got != c.want {
			t.Errorf("announcesRemedy(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	for _, c := range []struct {
		line       string
		difficulty bool
		action     bool
	}{
		{"캐시가 비어 있으면 응답이 오래 걸릴 수 있음", true, false},
		{"메모리가 부족하면 서버가 멈춘다", true, false},
		{"자주 찾는 키를 미리 읽어 캐시에 채워 둠", false, true},
		{"쓰기 요청을 주 서버에 모아서 보낸다", false, true},
		{"지연을 줄이려면 요청을 나눠 보낸다", false, true},
		{"캐시는 메모리에 있다", false, false},
	} {
		ms := readMorphs(c.line)
		if got := statesDifficulty(ms); got != c.difficulty {
			t.Errorf("statesDifficulty(%q) = %v, want %v", c.line, got, c.difficulty)
		}
		if got := takesAction(ms); got != c.action {
			t.Errorf("takesAction(%q) = %v, want %v", c.line, got, c.action)
		}
	}
}

// leadInNote holds a list under a lead-in paragraph with a topic: an item
// whose first clause names no subject of its own (the one it seems to
// have stands inside a relative clause), and items that must stay: one
// with its own topic, a relative clause followed by the main clause's own
// topic, a first clause in which the reader acts, and an item under a
// lead-in with no topic.
const leadInNote = `# 캐시 공부

## 캐시라는 말

캐시라는 용어는 쓰임새가 점점 넓어짐

- 사용자가 자주 찾는 데이터를 메모리에 잠시 담아 두는 저장소를 가리키는 데 쓰였으나, 일부는 CPU 안의 작은 메모리만 캐시로 불러야 한다고 주장
- 레디스는 사용자가 자주 찾는 데이터를 담아 두는 저장소로 쓰이지만, 디스크에 저장할 수도 있다
- 사용자가 자주 찾는 데이터는 메모리에 담긴다
- 서버가 자주 받는 요청을 파악하면, 응답을 미리 캐시에 담아 둘 수 있다

## 캐시 정리

캐시 정리

- 사용자가 자주 찾는 데이터를 담아 두는 저장소로 쓰였으나, 요즘은 뜻이 넓다
`

// TestClauseWithoutSubjectCarriesItsLeadIn: a list item whose first
// clause says something of a thing it does not name carries the lead-in
// line whose topic that thing is; items with a subject of their own, or
// under a lead-in with no topic, stand as they are.
func TestClauseWithoutSubjectCarriesItsLeadIn(t *testing.T) {
	m := Analyze([]Note{{Member: "하늘", Doc: parse("w1/하늘.md", leadInNote)}}).Members[0]
	s := find(t, m, "가리키는 데 쓰였으나")
	if s.Frame != "캐시라는 용어는 쓰임새가 점점 넓어짐" || !s.FrameNeeded {
		t.Errorf("%q: want the lead-in as its needed frame, got frame %q needed %v", s.Body, s.Frame, s.FrameNeeded)
	}
	for _, sub := range []string{"레디스는 사용자가", "데이터는 메모리에 담긴다", "요청을 파악하면", "요즘은 뜻이 넓다"} {
		if s := find(t, m, sub); s.Frame != "" || s.FrameNeeded {
			t.Errorf("%q: want no frame, got %q (needed %v)", s.Body, s.Frame, s.FrameNeeded)
		}
	}
}

func TestFirstClauseSubjectless(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		// The subject stands in a relative clause; the predicate is passive.
		{"사용자가 자주 찾는 데이터를 가리키는 데 쓰였으나, 일부는 반대한다", true},
		// A copula: what is a store is missing.
		{"사용자가 자주 찾는 데이터를 담아 두는 저장소이지만, 디스크에도 쓴다", true},
		{"레디스는 자주 찾는 데이터를 담는 저장소이다", false},             // its own topic
		{"사용자가 자주 찾는 데이터는 메모리에 담긴다", false},             // the main clause's topic after the relative clause
		{"캐시가 자주 찾는 데이터를 담는다", false},                   // its own subject
		{"서버가 자주 받는 요청을 파악하면, 응답을 미리 담아 둘 수 있다", false}, // the reader acts
		{"사용자가 찾는 데이터를 미리 담아 둘 수 있다", false},            // the reader acts, through an auxiliary
		{"캐시가 비어 있을 때 응답이 느리다", false},                  // a subject before a time clause stays
	} {
		if got := firstClauseSubjectless(readMorphs(c.s)); got != c.want {
			t.Errorf("firstClauseSubjectless(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestShowingSomeoneIsNoCaption: "…를 사용자에게 보여줌" is an action,
// not what a figure shows.
func TestShowingSomeoneIsNoCaption(t *testing.T) {
	if p := problem("가장 먼저 끝난 응답을 사용자에게 보여줌", readMorphs("가장 먼저 끝난 응답을 사용자에게 보여줌")); p == ProblemCaption {
		t.Errorf("showing someone something read as a caption")
	}
	if p := problem("캐시 적중률의 변화를 보여준다", readMorphs("캐시 적중률의 변화를 보여준다")); p != ProblemCaption {
		t.Errorf("a figure's description: problem %q, want %q", p, ProblemCaption)
	}
}
