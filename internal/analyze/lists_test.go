package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

func TestAnnouncesOnly(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"캐시는 메모리에 둘 수도, 디스크에 둘 수도 있으며 각각 장단점이 있다.", true},
		{"큐에는 세 가지 종류가 있다.", true},
		{"두 방식에는 분명한 차이가 있다.", true},
		{"캐시는 읽기 지연을 줄이는 장점이 있다.", false},
		{"설정이 많고 배우기 어렵다는 단점이 있다.", false},
		{"복제는 쓰기보다 읽기에 중점을 둔다는 점에서 샤딩과 차이가 있다.", false},
		{"캐시는 읽기 지연을 줄인다.", false},
	} {
		if got := announcesOnly(text.Read(c.s).Morphs); got != c.want {
			t.Errorf("announcesOnly(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestAdoptionIsNoAction(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"캐시 서버를 직접 운영하면 만료 정책을 세밀하게 조정할 수 있다.", true},
		{"느린 쿼리를 먼저 찾으면, 색인을 추가해 지연을 줄일 수 있다.", true},
		{"읽기 복제본을 사용하면 읽기 부하를 나눌 수 있다.", false},
		{"관리형 큐를 쓰면 운영 부담을 덜 수 있다.", false},
		{"자체 호스팅을 하면 규모가 커질수록 비용을 줄일 수 있음", false},
		{"소비자가 메시지를 순서대로 처리하도록 설정하면 중복을 막을 수 있다.", false},
		{"워커가 자주 일으키는 오류를 기록하면, 재시도 규칙을 만들어 실패를 줄일 수 있다.", true},
		// Taking up an option in a situation of the reader's own work is
		// advice for that situation.
		{"배치 작업에 재시도를 추가할 때 큐가 제공하는 지연 옵션을 사용하면 더 안전하게 실패를 다룰 수 있다.", true},
		{"설정 파일을 나눌 때는 환경 변수를 활용하면 배포마다 값을 바꿀 수 있다.", true},
	} {
		if got := conditionalAction(text.Read(c.s).Morphs); got != c.want {
			t.Errorf("conditionalAction(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

const listsNote = `# 8장 큐

## 전달 보장

- 큐의 전달 보장은 두 가지 수준으로 나뉜다.
- 최소 한 번: 메시지가 중복될 수 있다.
- 정확히 한 번: 중복도 유실도 없다.
- 브로커는 오프셋을 커밋해 어디까지 읽었는지 기록한다.

## 운영

- 두 가지 목적
1. 작업을 나중에 처리한다.
2. 생산자와 소비자를 떼어 놓는다.
- 소비자 지연이 길어지면 큐 길이를 모니터링해야 한다.

## 복제

- **복제의 두 가지 방식**
    1. 동기 복제 → 쓰기가 느려진다.
    2. 비동기 복제 → 장애 때 쓰기가 유실될 수 있다.
- 복제 지연은 보통 초 단위로 측정된다.

## 비교

- 관리형 큐: 브로커 장애를 대신 처리해 주므로 운영 팀은 소비자 코드만 점검해야 한다.
- 자체 운영 큐: 브로커 설정을 직접 관리해야 한다.

## 배포 단계

- 설치: 운영 서버에 브로커 패키지를 설치해야 한다.
- 설정: 큐 보존 기간을 서비스 요구에 맞춰 검토해야 한다.
`

func TestListsTheirLineCountsStayWhole(t *testing.T) {
	w := Analyze([]Note{{Member: "가온", Doc: parse("w8/가온.md", listsNote)}})
	m := w.Members[0]
	s := find(t, m, "최소 한 번")
	if len(s.Parts) != 2 || !strings.Contains(s.Parts[1].Body, "정확히 한 번") {
		t.Errorf("item of a counted list: parts %+v, want both items", s.Parts)
	}
	if o := find(t, m, "오프셋"); len(o.Parts) != 0 || o.Frame != "" {
		t.Errorf("the third item under a line counting two is framed: %q, parts %d", o.Frame, len(o.Parts))
	}
	if d := find(t, m, "동기 복제 →"); len(d.Parts) != 2 {
		t.Errorf("nested item of a counted line: parts %+v, want both", d.Parts)
	}
	if o := find(t, m, "복제 지연은"); o.Frame != "" {
		t.Errorf("the item after a counted line's own nested items carries it: %q", o.Frame)
	}
	if o := find(t, m, "큐 길이를 모니터링"); o.Frame != "" {
		t.Errorf("the third item under \"두 가지 목적\" carries it: %q", o.Frame)
	}
	// One side of a labelled comparison describes that side; a labelled
	// list of steps still proposes them.
	if c := find(t, m, "관리형 큐:"); c.Scores[insight.KeyPractical] > 0 {
		t.Errorf("one side of a comparison scores as practice: %v", c.Scores)
	}
	if st := find(t, m, "브로커 패키지를"); st.Scores[insight.KeyPractical] == 0 {
		t.Errorf("a labelled step scores no practice: %v", st.Scores)
	}
}
