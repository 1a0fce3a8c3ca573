package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// summaryNote walks through a book chapter item by item; the writer sums
// the chapter up in a line with its items under it, and two sibling
// items compare two tools, the second turning on the first.
const summaryNote = `# 4장 배포 도구

## 배포 도구의 구조

- 배포 도구는 설정 파일을 읽어 작업 목록을 만든다.
- 작업 목록은 의존 순서대로 정렬된다.
- 실행기는 작업을 하나씩 원격 서버에 보낸다.
- 정리하자면 배포 도구의 역할을 크게 2가지로 나눌 수 있다.
  - 설정 파일을 작업 목록으로 바꾼다.
  - 작업을 원격 서버에서 실행한다.
- 캐시 서버의 역할을 크게 2가지로 나눌 수 있다.
  - 느린 저장소의 읽기를 줄인다.
  - 계산 결과를 다시 쓰게 한다.

## 도구 비교

- 롤링 배포와 블루 그린 배포는 새 버전을 순서대로 내보낸다는 점에서는 동일하다.
- 그러나 롤링 배포와는 달리 블루 그린 배포는 운영 환경을 두 벌 유지한다.
- 카나리 배포와 섀도 배포는 새 버전을 실제 트래픽으로 시험한다는 점에서는 동일하다.
- 섀도 배포는 응답을 사용자에게 돌려주지 않는다.
`

// A line by which the writer sums up ("정리하자면 …를 2가지로 나눌 수 있다")
// carries the items under it: they are the summary. The same
// announcement without the writer's marker stays a lead-in to the list.
func TestSummaryLineCarriesItsItems(t *testing.T) {
	w := Analyze([]Note{{Member: "하람", Doc: parse("w4/하람.md", summaryNote)}})
	m := w.Members[0]
	sum := find(t, m, "정리하자면")
	if sum.Problem != "" || !sum.ChildPoint || len(sum.Children) != 2 || !sum.CarriesChildren() {
		t.Fatalf("summary line: problem %q, child point %v, children %q; want a line carrying its two items", sum.Problem, sum.ChildPoint, sum.Children)
	}
	if sum.Scores[insight.KeyInsights] <= 0 {
		t.Errorf("summary line: key-insight score %.2f, want > 0", sum.Scores[insight.KeyInsights])
	}
	if plain := find(t, m, "캐시 서버의 역할을"); plain.Problem != ProblemPromise || plain.ChildPoint {
		t.Errorf("plain announcement: problem %q, child point %v; want %q and no child point", plain.Problem, plain.ChildPoint, ProblemPromise)
	}
	if !conclusionMarked("요약하면 …") || !conclusionMarked("정리하자면 …") || conclusionMarked("정리 도구는 …") {
		t.Error("conclusionMarked: summing-up markers not read")
	}
}

// Two sibling items where the second turns on the first ("…점에서는
// 동일하다" then "그러나 …와는 달리 …") compare: the pair is a point, and
// outranks the first line without the turn below it.
func TestTurnedPairIsAPoint(t *testing.T) {
	w := Analyze([]Note{{Member: "하람", Doc: parse("w4/하람.md", summaryNote)}})
	m := w.Members[0]
	pair := find(t, m, "롤링 배포와 블루 그린 배포는")
	if pair.Caveat == nil || !strings.HasPrefix(pair.Caveat.Text, "그러나") {
		t.Fatalf("롤링/블루 그린 line: caveat %v, want the 그러나 line", pair.Caveat)
	}
	if !turnedBelow(&pair) {
		t.Error("turnedBelow: the turn below is not read")
	}
	alone := pair
	alone.Caveat, alone.CaveatJoin = nil, ""
	if p, a := scoreSentence(&pair)[insight.KeyInsights], scoreSentence(&alone)[insight.KeyInsights]; p <= a {
		t.Errorf("key-insight score: with the turn below %.2f <= without it %.2f", p, a)
	}
	// A conclusion below says more of the same: no comparison.
	below := Sentence{}
	below.Text = "따라서 두 도구 모두 코드로 관리된다."
	concluded := Sentence{Caveat: &below}
	if turnedBelow(&concluded) {
		t.Error("turnedBelow: a concluding line is no turn")
	}
}

// "…예시를 보자" turns to a part of the text, like "살펴보자": it proposes
// nothing; "직접 써 보자" tries something.
func TestLookingAtTheTextProposesNothing(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"다음으로, 결제팀의 활용 예시를 보자.", false},
		{"아래 코드를 보자.", false},
		{"직접 써 보자.", true},
		{"작은 프로젝트에 먼저 도입해 보자.", true},
	} {
		if got := readVoice(c.s, text.Read(c.s).Morphs).Recommend; got != c.want {
			t.Errorf("readVoice(%q).Recommend = %v, want %v", c.s, got, c.want)
		}
	}
}
