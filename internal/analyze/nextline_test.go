package analyze

import (
	"strings"
	"testing"
)

// nextLineNote holds each kind of point a note makes on the line right
// after a sentence, and lines that must not be carried: an unrelated next
// item, a pair too long for a bullet, a heading, a sibling with a label of
// its own and one piece of advice beside the next.
const nextLineNote = `# 색인 공부

## 색인 크기

- 색인 크기를 말할 땐 저장 공간도 함께 봐야 하는데, 대부분의 책은 색인 크기를 항목 개수로 잰다.
    - 그렇다고 항목 개수로 색인 크기를 재는 것은 적절하지 않다. 대신 색인이 차지하는 바이트 수를 세는 것이 더 좋은 방법이다.

## 정렬 방식

1. **버블 정렬**
    - 이웃한 두 원소를 비교해 자리를 바꿈.
    - 구현은 쉽지만, 큰 입력에서는 속도가 느리고 비교 횟수가 많음

## 해시 색인

- 해시 색인은 키를 해시해서 버킷에 바로 찾아간다.
- 단점: 해시 색인은 범위 검색을 지원하지 못한다.

## 캐시와 색인

- 색인은 자주 찾는 열에 만들어 둔다.
- 로그 파일은 날짜별로 나누어 보관한다. 하지만 오래된 파일은 압축해서 옮긴다.

## 긴 설명

- 클러스터 색인은 행을 색인 순서대로 디스크에 배치해서 범위 검색이 빠르고 인접한 행을 한 번에 읽을 수 있어 순차 읽기에서 큰 이득을 보며 테이블마다 하나만 둘 수 있고 보조 색인은 이 클러스터 키를 가리키도록 만들어지며 대부분의 저장 엔진은 기본 키를 클러스터 키로 삼아 별도 설정 없이도 클러스터 방식을 쓰게 된다.
- 단점: 클러스터 색인은 삽입 순서가 키 순서와 다른 쓰기에는 적절하지 않다.

## 비트맵 색인

- 비트맵 색인은 값마다 비트 배열을 둔다.

### 비트맵 색인의 한계

## 사본

- 복제된 색인은 원본 색인이 아니다.
    - 복제된 색인은 읽기 전용이라 원본 색인이 아니다.

## 색인 관리 원칙

- 색인을 추가할 때마다 쓰기 지연을 측정해야 한다.
- 사용하지 않는 색인 정리하기 : 쓰기는 빨라지지만 가끔 쓰는 조회는 느려질 수 있음

## 색인 종류

- 장점: 색인은 조회를 빠르게 만든다.
- 부분 색인은 조건에 맞는 행만 담는다.
- 장점: 부분 색인은 공간을 적게 쓰고 갱신도 빠르지 않다.
`

func nextLineMember(t *testing.T) *Member {
	t.Helper()
	w := Analyze([]Note{{Member: "바다", Doc: parse("w1/바다.md", nextLineNote)}})
	return w.Members[0]
}

func TestNextLineThatJudgesTheSentenceIsCarried(t *testing.T) {
	m := nextLineMember(t)
	// Its own sub-item denies it and says what is better; the sub-item's
	// own turn ("대신 …") comes with it.
	s := find(t, m, "항목 개수로 잰다")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "그렇다고 항목 개수로") || s.CaveatJoin != " " {
		t.Fatalf("%q: want its sub-item that denies it, joined by a space; caveat %v join %q", s.Body, s.Caveat, s.CaveatJoin)
	}
	if s.Caveat.Caveat == nil || !strings.HasPrefix(s.Caveat.Caveat.Body, "대신 색인이 차지하는") {
		t.Errorf("%q: want the sub-item's own 대신-sentence too; got %v", s.Body, s.Caveat.Caveat)
	}
	// A sibling under the same item grants and then judges against it.
	s = find(t, m, "이웃한 두 원소를")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "구현은 쉽지만") || s.CaveatJoin != " — " {
		t.Errorf("%q: want its drawback from the next item joined by a dash; caveat %v join %q", s.Body, s.Caveat, s.CaveatJoin)
	}
	// A drawback label on the next item naming the same concept.
	s = find(t, m, "버킷에 바로 찾아간다")
	if s.Caveat == nil || !strings.Contains(s.Caveat.Body, "범위 검색을 지원하지 못한다") {
		t.Errorf("%q: want the 단점 line below; caveat %v", s.Body, s.Caveat)
	}
}

func TestNextLineThatIsNoneOfItsPointStays(t *testing.T) {
	m := nextLineMember(t)
	// The next item turns on something else (no shared term, no common
	// parent): two unrelated items are never joined.
	if s := find(t, m, "자주 찾는 열에"); s.Caveat != nil {
		t.Errorf("%q: next item is about another thing; got caveat %q", s.Body, s.Caveat.Body)
	}
	// Too long together, and the next line stands on its own: the
	// sentence is cut so that a section can take the next line itself.
	s := find(t, m, "행을 색인 순서대로")
	if s.Caveat != nil || s.Problem != ProblemCut {
		t.Errorf("%q: want it cut for its too-long next line; problem %q caveat %v", s.Body[:21], s.Problem, s.Caveat != nil)
	}
	// The next line is a heading.
	if s := find(t, m, "값마다 비트 배열을"); s.Caveat != nil || s.Problem != "" {
		t.Errorf("%q: a heading below is no point of it; caveat %v problem %q", s.Body, s.Caveat, s.Problem)
	}
	// One piece of advice beside the next one, labelled as its own item.
	if s := find(t, m, "쓰기 지연을 측정해야"); s.Caveat != nil {
		t.Errorf("%q: the next item is another step; got caveat %q", s.Body, s.Caveat.Body)
	}
	// A sub-item that denies what its line denies agrees with it.
	if s := find(t, m, "복제된 색인은 원본 색인이"); s.Caveat != nil {
		t.Errorf("%q: two denials agree; got caveat %q", s.Body, s.Caveat.Body)
	}
	// A sibling led by a label of its own ("장점:") is another item of a
	// pro/con list, not a judgement of this one.
	if s := find(t, m, "조건에 맞는 행만"); s.Caveat != nil {
		t.Errorf("%q: a labelled sibling is its own item; got caveat %q", s.Body, s.Caveat.Body)
	}
}

func TestNextLineSignals(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"단점: 느리다", true},
		{"한계 - 메모리를 많이 쓴다", true},
		{"문제는 비용이다", true},
		{"문제를 푼다", false},
		{"장점: 빠르다", false},
	} {
		if got := drawbackLed(c.line); got != c.want {
			t.Errorf("drawbackLed(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"이 방법은 적절하지 않다.", true},
		{"완벽한 기준은 아니다...", true},
		{"이 방법은 적절하다.", false},
	} {
		if got := endsNegated(c.line); got != c.want {
			t.Errorf("endsNegated(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	if !ownLabelled("장점: 빠르다") || ownLabelled("단점: 느리다") || ownLabelled("그렇다. 예: 하나") {
		t.Error("ownLabelled: want a non-drawback label only")
	}
}

// "반면에", the long form of "반면", turns against the item above as "반면"
// does: the sibling item that contrasts it is carried with it, and a
// sentence of the same line that opens with it too.
func TestContrastInTheLongFormIsCarried(t *testing.T) {
	const note = `# 제네릭

## any와 제네릭

- 즉, any를 쓰면 타입 검사를 하지 않고 모든 값이 허용되는 타입으로 취급된다.
- 반면에 제네릭은 any처럼 아무 값이나 받지 않고, 배열을 만들 때 원하는 타입으로 정할 수 있다.

## 캐시 설정

캐시를 쓰면 같은 조회가 빨라진다는 장점이 있다. 반면에 캐시에만 쓰는 설정값을 필드로 두는 것은 조금 부담스럽다.
`
	w := Analyze([]Note{{Member: "바다", Doc: parse("w1/바다.md", note)}})
	m := w.Members[0]
	s := find(t, m, "모든 값이 허용되는")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "반면에 제네릭은") {
		t.Errorf("%q: want the next item that contrasts it; caveat %v", s.Body, s.Caveat)
	}
	s = find(t, m, "같은 조회가 빨라진다")
	if s.Caveat == nil || !strings.HasPrefix(s.Caveat.Body, "반면에 캐시에만") {
		t.Errorf("%q: want its next sentence that contrasts it; caveat %v", s.Body, s.Caveat)
	}
}
