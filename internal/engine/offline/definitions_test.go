package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// What members wrote differently about one concept sets the group a
// question: two definitions that say different things, each credited to
// who wrote it.

const (
	breakerBook = "서킷 브레이커는 실패가 이어지는 외부 호출을 잠시 끊어 장애가 번지지 않게 막는 패턴이다."
	breakerOwn  = "서킷 브레이커 : 느린 서비스를 기다리지 않으려고 응답 시간을 재서 요청을 거절하는 장치"
)

func TestCommonAsksWhereTwoDefinitionsPart(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 8장\n\n" + breakerBook + "\n"},
		{"민호", "# 8장\n\n" + breakerBook + "\n"},
		{"지우", "# 8장\n\n- " + breakerOwn + "\n"},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	b := bulletWith(common, "정의했습니다")
	if b == nil {
		t.Fatalf("공통 질문 does not set the two definitions of 서킷 브레이커 side by side:\n%s", texts(common))
	}
	for _, want := range []string{"서연·민호는", "지우는", "“" + strings.TrimSuffix(breakerBook, ".") + "”", "“" + breakerOwn + "”", "어디서 갈릴까요"} {
		if !strings.Contains(b.Text, want) {
			t.Errorf("definition bullet lacks %q:\n%s", want, b.Text)
		}
	}
	if len(b.Sources) != 2 || b.Sources[0].Member == b.Sources[1].Member {
		t.Errorf("definition bullet cites %v, want one line of each side", b.Sources)
	}
}

func TestCommonSetsNoSplit(t *testing.T) {
	cases := []struct {
		name  string
		notes [][2]string
	}{
		{
			// Everyone copied the same definition: nothing was written
			// differently.
			"one definition copied three times",
			[][2]string{{"서연", breakerBook}, {"민호", breakerBook}, {"지우", breakerBook}},
		},
		{
			// 서연 wrote both definitions: whatever parts them, no two
			// members part over it.
			"a member who wrote both",
			[][2]string{{"서연", breakerBook + "\n\n- " + breakerOwn}, {"민호", "- " + breakerOwn}},
		},
		{
			// A label with the concept's other name says nothing of what
			// it is.
			"another name",
			[][2]string{{"서연", breakerBook}, {"민호", breakerBook}, {"지우", "- 서킷 브레이커 : 장애 격리용 회로 차단 패턴 구현체"}},
		},
		{
			// Each definition has one writer: two facets the book gives
			// in two places, not a definition the group holds and one
			// member parts from.
			"two lone definitions",
			[][2]string{{"서연", breakerBook}, {"민호", "- " + breakerOwn}, {"지우", "서킷 브레이커를 쓰면 장애가 번지는 것을 막을 수 있다."}},
		},
	}
	for _, tc := range cases {
		var notes [][2]string
		for _, n := range tc.notes {
			notes = append(notes, [2]string{n[0], "# 8장\n\n" + n[1] + "\n"})
		}
		common := section(t, generateGroup(t, commonInput(notes)).Group, insight.KeyCommon)
		if strings.Contains(texts(common), "정의했습니다") {
			t.Errorf("%s: 공통 질문 sets definitions against each other:\n%s", tc.name, texts(common))
		}
	}
}

func TestDefiniens(t *testing.T) {
	c := analyze.Concept{Term: "유닛 타입", Keys: []string{analyze.Key("유닛 타입"), analyze.Key("유닛타입")}}
	cases := []struct {
		body, want string
	}{
		{"유닛 타입은 하나의 정확한 값만 가지는 타입을 말한다.", "하나의 정확한 값만 가지는 타입을 말한다."},
		{"유닛타입이란 값이 하나뿐인 타입이다", "값이 하나뿐인 타입이다"},
		{"유닛 타입이라는 것은 쉽게 말해 고정된 리터럴 값을 말하는 것", "쉽게 말해 고정된 리터럴 값을 말하는 것"},
		{"유닛 타입 : 리터럴 하나로 좁혀진 타입", "리터럴 하나로 좁혀진 타입"},
		// A property, a cause, a question: no account of
		// what the term is.
		{"유닛 타입은 좁다.", ""},
		{"유닛 타입은 값이 하나뿐이기 때문에 안전하다.", ""},
		{"유닛 타입은 리터럴 타입과 무엇이 다를까?", ""},
		// The concept is not what the line opens on.
		{"리터럴 타입은 유닛 타입을 포함하는 더 넓은 타입이다.", ""},
	}
	for _, tc := range cases {
		got, ok := definiens(tc.body, c)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("definiens(%q) = %q, %v; want %q", tc.body, got, ok, tc.want)
		}
	}
}
