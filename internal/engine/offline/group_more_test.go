package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// A week where every member covers 벡터 색인 and 분산 캐시: one member
// names a limit of 벡터 색인 that says what is hard to do with it (the
// first 공통 질문: one member's limit, with the question it sets up);
// what two members wrote alike of 분산 캐시 is given by cache.
func twoConceptWeek(cache string) *engine.Input {
	return commonInput([][2]string{
		{"서연", "# 6장\n\n벡터 색인은 데이터가 자주 바뀌면 다시 구축하기 어렵다.\n" + cache + "\n"},
		{"민호", "# 6장\n\n벡터 색인은 근사 탐색으로 검색 속도를 높인다.\n" + cache + "\n"},
		{"지우", "# 6장\n\n벡터 색인은 메모리를 많이 차지한다.\n분산 캐시는 노드를 추가해 용량을 늘린다.\n"},
	})
}

// commonWith returns the 공통 질문 of twoConceptWeek(cache); the bar of a
// further bullet reads morphology.
func commonWith(t *testing.T, cache string) insight.Section {
	t.Helper()
	if _, ok := text.Default().(*text.KagomeAnalyzer); !ok {
		t.Skip("the bar of a further bullet needs morphology")
	}
	return section(t, generateGroup(t, twoConceptWeek(cache)).Group, insight.KeyCommon)
}

func TestCommonHoldsTwoStrongDistinctQuestions(t *testing.T) {
	// Two members judge 분산 캐시 alike: a claim the group can test,
	// on another concept than the first question's.
	common := commonWith(t, "분산 캐시는 생각보다 운영이 복잡하다.")
	if len(common.Bullets) != 2 {
		t.Fatalf("공통 질문: %d bullets, want the limit of 벡터 색인 and the point stressed of 분산 캐시:\n%s", len(common.Bullets), texts(common))
	}
	if common.Bullets[0].Head != "벡터 색인" || common.Bullets[1].Head != "분산 캐시" {
		t.Errorf("공통 질문 heads %q, %q: want 벡터 색인 then 분산 캐시", common.Bullets[0].Head, common.Bullets[1].Head)
	}
	second := common.Bullets[1].Text
	for _, want := range []string{"서연·민호는 분산 캐시에 대해", "운영이 복잡하다"} {
		if !strings.Contains(second, want) {
			t.Errorf("second 공통 질문 %q lacks %q (everyone who wrote the point, in one clause)", second, want)
		}
	}
	if strings.Contains(second, "다뤘습니다") {
		t.Errorf("second 공통 질문 %q pads the point with who else covered the concept", second)
	}
	if strings.Contains(second, "갈립니다") || strings.Contains(second, "엇갈리는") {
		t.Errorf("second 공통 질문 %q makes up a contrast or says there is none", second)
	}
}

func TestCommonLeavesOutAWeakSecondQuestion(t *testing.T) {
	// What two members wrote alike of 분산 캐시 only says what it does:
	// as a second question it would be filler.
	common := commonWith(t, "분산 캐시는 데이터를 여러 노드에 나눠 저장한다.")
	if len(common.Bullets) != 1 || common.Bullets[0].Head != "벡터 색인" {
		t.Fatalf("공통 질문 %s: want only the limit of 벡터 색인; a shared description is no second question", texts(common))
	}
}

func TestCommonOneQuestionPerConcept(t *testing.T) {
	// Two members also judge 벡터 색인 alike: a strong line, but on the
	// concept the first question is on already.
	common := commonWith(t, "벡터 색인은 생각보다 운영이 복잡하다.")
	if len(common.Bullets) != 1 {
		t.Fatalf("공통 질문: %d bullets on one concept, want one:\n%s", len(common.Bullets), texts(common))
	}
}

func TestGroupTakenConceptsOverlap(t *testing.T) {
	g := &group{usedConcept: map[string][]string{}, usedSentence: map[string]bool{}}
	g.claim(secCommon, "지도 학습")
	for term, want := range map[string]bool{"자기 지도 학습": true, "지도 학습": true, "강화 학습": false} {
		if got := g.taken(secCommon, term); got != want {
			t.Errorf("taken(%q) after 지도 학습 = %v, want %v", term, got, want)
		}
	}
	if g.taken(secDebate, "지도 학습") {
		t.Error("a concept 공통 질문 used is still open to 심화 토론")
	}
	g.use(analyze.Sentence{Evidence: analyze.Evidence{ID: "1.1"}, Body: "분산 캐시는 생각보다 운영이 복잡하다."})
	again := analyze.Sentence{Evidence: analyze.Evidence{ID: "2.7"}, Body: "분산 캐시는 생각보다 운영이 복잡하다고 한다."}
	if !g.repeats(again) {
		t.Error("another member's copy of a quoted line is quoted again")
	}
}

func TestDebateHoldsTwoMembersViews(t *testing.T) {
	// 서연 sets her view against the book's on 재순위화 (민호 wrote of it
	// too), 민호 gives his own view on 청크 분할: two views, two bullets.
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n책에서는 재순위화의 장점만 언급했지만 지연 시간이 늘어나는 비용도 크다.\n"},
		{"민호", "# 6장\n\n재순위화는 검색된 문서의 순서를 다시 매긴다.\n청크 분할은 문단 단위로 나누는 편이 검색 품질에 더 낫다고 생각한다.\n"},
	})
	debate := section(t, generateGroup(t, in).Group, insight.KeyDebate)
	got := texts(debate)
	if len(debate.Bullets) != 2 || !strings.Contains(got, "책에서는 재순위화의 장점만") || !strings.Contains(got, "문단 단위로 나누는 편이") {
		t.Fatalf("심화 토론 %d bullets, want 서연's view against the book and 민호's own view:\n%s", len(debate.Bullets), got)
	}
}

func TestDebateOneViewPerConcept(t *testing.T) {
	// Both views are on 재순위화: the second says nothing the first
	// bullet has not opened up.
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n재순위화는 작은 서비스에서는 비용에 비해 효과가 크지 않은 것 같다.\n"},
		{"민호", "# 6장\n\n재순위화는 사용자가 체감하는 품질을 생각보다 크게 바꾸는 것 같다.\n"},
	})
	debate := section(t, generateGroup(t, in).Group, insight.KeyDebate)
	if len(debate.Bullets) != 1 || debate.Bullets[0].Head != "재순위화" {
		t.Fatalf("심화 토론 %d bullets, want one on 재순위화:\n%s", len(debate.Bullets), texts(debate))
	}
}

func TestDebateLeavesOutRecountedReading(t *testing.T) {
	if _, ok := text.Default().(*text.KagomeAnalyzer); !ok {
		t.Skip("recounting needs morphology")
	}
	// 서연 recounts what she learned; 민호 guesses where caches go: only
	// the guess is open to argue.
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n캐시 무효화 예제를 따라가며 설계 방법을 배운 것 같아서 좋았다.\n"},
		{"민호", "# 6장\n\n사내 서비스에서는 분산 캐시가 결국 표준이 될 것 같다.\n"},
	})
	debate := section(t, generateGroup(t, in).Group, insight.KeyDebate)
	if got := texts(debate); len(debate.Bullets) != 1 || !strings.Contains(got, "표준이 될 것 같다") {
		t.Fatalf("심화 토론 %d bullets, want only 민호's guess:\n%s", len(debate.Bullets), got)
	}
}
