package analyze

import (
	"strings"
	"testing"
)

// subPointNote holds list items whose point is in the items under them
// (a fact and its uses, advice and its how, a described thing and its
// 장점/단점 pair) and items that must stay as they are.
const subPointNote = `# 캐시 공부

## 적중률

- 자주 읽는 키에서는 캐시 적중률이 가장 높게 나타남
    - 어떤 키를 미리 올려 둘지 고르는 데 사용 가능
    - 만료 시간을 정하는 데에도 유용
        - 적중률이 갑자기 떨어진 키는 만료 시간이 너무 짧을 가능성이 높다
    - 캐시 크기를 줄이는 데에도 활용 가능

## 색인 크기

- 색인은 쓰기가 많은 테이블에서 빠르게 커진다.
    - 삽입 순서대로 페이지가 늘어남
    - 지운 행도 한동안 페이지에 남음

## 압축

- 압축된 값은 네트워크 전송량을 줄이는 데 유용하다.
    - 압축률은 값의 종류에 따라 다르다
    - 짧은 값에는 오히려 손해를 볼 수 있다

## 긴 사실

- 분산 캐시는 키를 해시해서 여러 노드에 나누어 저장하므로 노드 하나가 멈추어도 나머지 노드의 키는 그대로 남고 그 노드로 가던 요청은 해시 고리에서 바로 다음에 있는 노드로 넘어가서 처리된다.
    - 노드를 더하거나 뺄 때 옮겨야 하는 키의 수를 미리 계산해서 작업 시간을 어림하는 데 사용할 수 있다.
    - 노드마다 받는 요청 수를 비교해서 특정 노드에 요청이 몰리는 현상을 찾아내는 데에도 유용하다.

## 장애 대비

- 서비스를 오래 안정적으로 운영하려면 어떤 요청이 가장 느린지 먼저 파악해야 한다.
    - 느린 요청 기록과 분산 추적 도구는 요청마다 어느 구간에서 시간이 걸렸는지 보여 주어 병목을 찾는 데 도움이 된다.
    - 부하 시험 도구로는 여러 가지가 있는데 도구마다 시나리오를 적는 방식과 보고서의 모양이 달라서 팀이 익숙한 도구를 고르고 결과를 같은 형식으로 모아 두는 것이 좋다.

## 캐시 전략 고르기

- 쓰기가 잦은 서비스에서는 캐시 전략을 단계적으로 바꿔 가며 골라야 한다.
    - 먼저 읽기 위주의 키부터 캐시하고 일주일 동안 적중률과 응답 시간을 본 다음 쓰기 위주의 키로 범위를 넓힌다.
    - 쓰기 위주의 키는 쓰기 지연을 재면서 나중 쓰기 방식으로 바꿔 보고 장애가 났을 때의 유실 위험을 따진다.

## 의존 객체 감추기

- 캐시 클라이언트는 저장소 객체 안에 감춰 두고 밖에서는 보이지 않게 만들어 보자.
    - 클라이언트를 저장소 혼자 쓰도록 가두는 방법
    - 밖에서 볼 때는 저장소 하나만 보이지만 안에서는 클라이언트와 저장소가 따로 움직이므로 테스트할 때 클라이언트만 바꿔 끼울 수 있다.

## 투표 순위

- 공개 투표 순위
    - 사용자가 두 답 가운데 더 나은 쪽에 표를 던지는 방식으로 모델의 순위를 매긴다.
    - 장점: 많은 비교 결과를 빠르게 모을 수 있다.
    - 단점: 표를 던지는 기준이 사람마다 다르다.
`

func subPointMember(t *testing.T) *Member {
	t.Helper()
	w := Analyze([]Note{{Member: "노을", Doc: parse("w1/노을.md", subPointNote)}})
	return w.Members[0]
}

// A fact whose sub-items say what it is for carries all of them (the
// deeper item under one of them stays out); one whose sub-items are more
// facts, one that says its use itself and one too long with its items
// stay as they were.
func TestFactCarriesTheUsesUnderIt(t *testing.T) {
	m := subPointMember(t)
	s := find(t, m, "캐시 적중률이 가장 높게")
	if !s.ChildPoint || len(s.Children) != 3 || !strings.HasSuffix(s.Children[0], "사용 가능") || !strings.HasPrefix(s.Children[2], "캐시 크기를") {
		t.Fatalf("%q: want its three uses as its point; point %v children %q", s.Body, s.ChildPoint, s.Children)
	}
	if !s.CarriesChildren() || len(s.ChildIDs) != 3 {
		t.Errorf("%q: want the uses carried with their sentences; ids %q", s.Body, s.ChildIDs)
	}
	for _, sub := range []string{"쓰기가 많은 테이블에서", "전송량을 줄이는 데 유용", "노드 하나가 멈추어도"} {
		if s := find(t, m, sub); s.ChildPoint || s.CarriesChildren() {
			t.Errorf("%q: no use below, its own use, or too long together: want it alone; children %q", s.Body, s.Children)
		}
	}
}

// Advice whose how is too long for the short children of advice carries
// the sentences under it in order while they fit: one of two when both
// do not, both when they do. A fragment that restates the advice is no
// how.
func TestAdviceCarriesItsHowWhileItFits(t *testing.T) {
	m := subPointMember(t)
	s := find(t, m, "가장 느린지 먼저 파악해야")
	if !s.ChildPoint || len(s.Children) != 1 || !strings.HasPrefix(s.Children[0], "느린 요청 기록과") {
		t.Errorf("%q: want the first how, the second being too long; children %q", s.Body, s.Children)
	}
	s = find(t, m, "단계적으로 바꿔 가며 골라야")
	if !s.ChildPoint || len(s.Children) != 2 {
		t.Errorf("%q: want both steps; children %q", s.Body, s.Children)
	}
	if s := find(t, m, "밖에서는 보이지 않게 만들어 보자"); s.ChildPoint {
		t.Errorf("%q: a fragment restating it is no how; children %q", s.Body, s.Children)
	}
}

// A line describing how a thing works, followed by its "장점:" and
// "단점:" siblings, carries the pair: the drawback two lines below is its
// point.
func TestDescriptionCarriesItsMeritAndDrawback(t *testing.T) {
	m := subPointMember(t)
	s := find(t, m, "표를 던지는 방식으로")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "장점:") || s.CaveatJoin != " — " {
		t.Fatalf("%q: want its 장점 sibling after a dash; caveat %v", s.Body, s.Caveat)
	}
	if k := s.Caveat.Caveat; k == nil || !strings.HasPrefix(k.Body, "단점:") {
		t.Errorf("%q: want the 단점 sibling after it; got %v", s.Body, k)
	}
	// Without a 단점 after it, a 장점 sibling is another item of a
	// labelled list (see TestNextLineThatIsNoneOfItsPointStays).
}

func TestUseAndMeritSignals(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"중복된 키를 찾는 데 사용 가능", true},
		{"만료 시간을 정하는 데 유용하다", true},
		{"병목을 찾는 데 도움이 된다", true},
		{"여러 서비스에서 다시 쓰기 위함", true},
		{"노드를 옮길 때 키를 다시 계산할 수 있다", true},
		{"실행 중에 객체의 종류를 바꾸는 것이 불가능하다", false},
		{"여러 후보를 두면 더 나은 답이 나올 가능성이 높음", false},
		{"색인은 쓰기가 많은 테이블에서 빠르게 커진다", false},
	} {
		if got := usesLine(readings{}.read(c.line).Morphs); got != c.want {
			t.Errorf("usesLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	if !meritLed("장점: 빠르다") || !meritLed("이점 : 싸다") || meritLed("장점이 많다") || meritLed("단점: 느리다") {
		t.Error("meritLed: want a merit label with a colon only")
	}
}

// numberedNote holds numbered reasons after a claim, numbered answers
// after a question, and a lone numbered reason.
const numberedNote = `# 복제 공부

## 복제 지연

읽기 복제본이 주 서버보다 늦게 따라오는 일은 흔하다.

이유 1. 주 서버가 쓰기를 묶어서 보내기 때문에, 복제본은 묶음이 올 때까지 기다린다.

이유 2. 복제본이 읽기 요청을 함께 처리하느라 적용이 밀릴 수 있다.

## 왜 나누나

Q. 왜 쓰기와 읽기를 다른 서버로 나눌까?

A1. 읽기 요청이 훨씬 많아서 읽기 서버만 늘리면 된다.
A2. 쓰기 서버의 잠금이 읽기를 막지 않는다.

## 한 가지 이유

장애 조치는 생각보다 오래 걸린다.

이유 1. 새 주 서버를 고르는 투표가 여러 번 돌기 때문이다.
`

// One numbered reason of a claim, or one numbered answer of a question,
// is a part of a whole: each carries the claim or question as its frame
// and the run as its parts. A lone numbered line is no run.
func TestNumberedReasonsAreOneWhole(t *testing.T) {
	w := Analyze([]Note{{Member: "노을", Doc: parse("w1/노을.md", numberedNote)}})
	m := w.Members[0]
	s := find(t, m, "묶어서 보내기")
	if s.Frame != "읽기 복제본이 주 서버보다 늦게 따라오는 일은 흔하다" || !s.FrameNeeded || len(s.Parts) != 2 || !strings.Contains(s.Parts[1].Body, "적용이 밀릴") {
		t.Errorf("%q: want the claim as frame and both reasons as parts; frame %q parts %v", s.Body, s.Frame, s.Parts)
	}
	s = find(t, m, "잠금이 읽기를 막지")
	if !strings.HasPrefix(s.Frame, "Q. 왜 쓰기와 읽기를") && !strings.HasPrefix(s.Frame, "왜 쓰기와 읽기를") || len(s.Parts) != 2 {
		t.Errorf("%q: want the question as frame and both answers as parts; frame %q parts %v", s.Body, s.Frame, s.Parts)
	}
	if s := find(t, m, "투표가 여러 번"); len(s.Parts) != 0 {
		t.Errorf("%q: a lone numbered reason is no run; parts %v", s.Body, s.Parts)
	}
}
