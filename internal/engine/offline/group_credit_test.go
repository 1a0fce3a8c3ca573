package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// Readers' kinds of fault in who a 공통 질문 credits and how it says so,
// each on notes written for the test: a member who wrote the point in a
// line with no subject of its own (right after a line naming the concept),
// under a wider name of the concept, or as the consequence a longer line
// draws, left out; credit spread over several sentences ("…도 같은 점을
// 적었습니다", "…도 X를 다뤘습니다"); and a stock closing question.

// creditNotes: 서연 wrote the limit of 개방형 응답; 민호 wrote it in a line
// with no subject right after one naming the concept; 하늘 under a wider
// name ("개방형 서술 응답"); 지우 wrote the same words after a line on
// another thing, so they are not about the concept.
func creditNotes() [][2]string {
	return [][2]string{
		{"서연", "# 8장\n\n개방형 응답은 유연성을 주지만 그만큼 채점하기가 더 어렵다.\n색인 갱신은 밤에 한다.\n"},
		{"민호", "# 8장 정리\n\n- 생성 과제: 모델은 개방형 응답을 만든다. 유연성을 주지만 그만큼 채점하기 어렵다.\n- 캐시 서버는 메모리에 데이터를 둔다.\n"},
		{"지우", "# 8장 메모\n\n개방형 응답은 사람이 직접 읽는다.\n\n## 캐시\n\n캐시 서버는 메모리에 데이터를 둔다.\n유연성을 주지만 그만큼 채점하기 어렵다.\n"},
		{"하늘", "# 8장 요약\n\n개방형 서술 응답은 유연성을 주지만 그만큼 채점하기가 더 어렵다고 한다.\n개방형 응답은 요약 과제에서 흔하다.\n"},
	}
}

func TestCreditNamesEveryWriterOfThePoint(t *testing.T) {
	got := texts(section(t, generateGroup(t, commonInput(creditNotes())).Group, insight.KeyCommon))
	// The quote is 서연's and 하늘's wording; 민호 wrote the point in
	// other words and is named beside it, in the same clause.
	if !strings.Contains(got, "서연·하늘은(민호도 비슷하게) 개방형 응답의 한계에 대해 “개방형 응답은 유연성을 주지만 그만큼 채점하기가 더 어렵다”라는 점을 적었습니다.") {
		t.Errorf("공통 질문 does not credit everyone who wrote the limit, in one clause, the quote to its writers:\n%s", got)
	}
	if strings.Contains(got, "지우") {
		t.Errorf("공통 질문 credits 지우, whose like line is about another thing:\n%s", got)
	}
	if strings.Contains(got, "다뤘습니다") || strings.Contains(got, "같은 점을 적었습니다") {
		t.Errorf("공통 질문 pads the credit with a second sentence:\n%s", got)
	}
}

func TestCreditLines(t *testing.T) {
	w := analyze.Analyze(commonInput(creditNotes()).Notes())
	c := analyze.Concept{Term: "개방형 응답", Keys: []string{analyze.Key("개방형 응답")}}
	has := func(name, body string) bool {
		for _, m := range w.Members {
			if m.Name != name {
				continue
			}
			for _, s := range creditLines(m, c) {
				if strings.Contains(s.Body, body) {
					return true
				}
			}
		}
		return false
	}
	if !has("민호", "유연성을 주지만") {
		t.Errorf("creditLines: 민호's line with no subject, right after one naming the concept, is not about it")
	}
	if has("지우", "유연성을 주지만") {
		t.Errorf("creditLines: 지우's line after a line on the cache server is taken as about the concept")
	}
	if !has("하늘", "개방형 서술 응답은") {
		t.Errorf("creditLines: a subject naming the concept with a word inside is not about it")
	}
	if widened("개방형 서술 요약", c) || widened("서술 개방형 응답", c) || widened("개방형 응답", c) {
		t.Errorf("widened: a subject that does not keep the concept's first and last words counts")
	}
}

// A member who wrote the other side as the consequence a longer line
// draws ("…늘어나므로, …찾는 데에도 사용할 수 있음") wrote that side too.
func TestSideCreditsAConsequenceClause(t *testing.T) {
	limit := "응답 길이는 요약 품질을 재기에 알맞은 척도가 아니다."
	in := commonInput([][2]string{
		{"서연", "# 지표\n\n" + limit + "\n정확도는 정답이 있을 때 쓴다.\n"},
		{"민호", "# 지표 정리\n\n" + limit + "\n재현율은 놓친 답을 센다.\n"},
		{"지우", "# 지표 메모\n\n응답 길이는 반복 생성에서 크게 늘어난다.\n=> 응답 길이로 반복 생성 오류를 찾는 데 사용할 수 있다.\n정밀도는 틀린 답을 센다.\n"},
		{"하늘", "# 지표 요약\n\n## 응답 길이\n\n- 응답 길이는 토큰 수로 센다.\n- 반복 생성에서 크게 늘어나므로, 반복 생성 오류를 찾는 데에도 사용할 수 있음\n- 정확도는 채점이 쉽다.\n"},
	})
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	// 하늘 drew the use in other words: named beside 지우's quote.
	if !strings.Contains(got, "지우는(하늘도 비슷하게) “응답 길이로 반복 생성 오류를 찾는 데 사용할 수 있다”라는 점을") {
		t.Errorf("공통 질문 leaves out 하늘, who drew the same use as a consequence:\n%s", got)
	}
	if c := consequence("반복 생성에서 크게 늘어나므로, 반복 생성 오류를 찾는 데에도 사용할 수 있음"); c != "반복 생성 오류를 찾는 데에도 사용할 수 있음" {
		t.Errorf("consequence = %q", c)
	}
	if c := consequence("정확도, 재현율, 정밀도를 모두 본다"); c != "" {
		t.Errorf("consequence of a list = %q; want none", c)
	}
}

// A member's question and another member's line saying that the question
// on the concept is still open speak to each other: the bullet quotes
// the open line and closes with the question it leaves, not a stock call
// to find an answer, and pads nothing with who covered the concept.
func TestQuestionWithAnOpenLineAsksWhatItLeaves(t *testing.T) {
	notes := askNotes(false)
	notes[1][1] += "\n- 작은 채점 모델이 괜찮은지에 대해서는 아직 해결되지 않음\n"
	b := questionBullet(t, notes)
	if !strings.Contains(b.Text, "민호는 “작은 채점 모델이 괜찮은지에 대해서는 아직 해결되지 않음”이라고 적었습니다.") {
		t.Errorf("공통 질문 leaves out the line saying the question is open:\n%s", b.Text)
	}
	if !strings.HasSuffix(b.Text, "작은 채점 모델이 괜찮을까요?") {
		t.Errorf("공통 질문 does not close with the question the open line leaves:\n%s", b.Text)
	}
	if strings.Contains(b.Text, "함께 답을") || strings.Contains(b.Text, "다뤘습니다") {
		t.Errorf("공통 질문 keeps a stock close or filler:\n%s", b.Text)
	}
	if len(b.Sources) != 2 {
		t.Errorf("공통 질문 cites %d lines; want the question and the open line", len(b.Sources))
	}
}

// With a line that speaks to the question, the bullet asks whether it
// answers it, about those two lines.
func TestQuestionWithAPairedLineAsksWhetherItAnswers(t *testing.T) {
	b := questionBullet(t, askNotes(true))
	if !strings.HasSuffix(b.Text, "민호의 정리는 이 물음에 답이 될까요?") || strings.Contains(b.Text, "함께 답을") {
		t.Errorf("공통 질문 does not ask whether the paired line answers the question:\n%s", b.Text)
	}
}

func TestOpenAsk(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"작은 채점 모델이 괜찮은지에 대해서는 아직 해결되지 않음", "작은 채점 모델이 괜찮을까요?"},
		{"색인을 매일 다시 만들어야 하는지는 아직 밝혀지지 않았다.", "색인을 매일 다시 만들어야 할까요?"},
		{"작은 채점 모델이 괜찮은지에 대해 실험했다.", ""},
		{"채점 모델은 아직 해결되지 않은 문제가 많다.", ""},
	} {
		if got := openAsk(c.body); got != c.want {
			t.Errorf("openAsk(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

// A limit several members wrote, with what it takes to overcome it right
// below ("…하려면 …가 필요하다"): the bullet quotes that need with everyone
// who wrote it (one as part of a longer line) and asks what to do when it
// cannot be met, instead of a stock question on handling the limit.
func TestLimitClosesOnTheNeedBelowIt(t *testing.T) {
	limit := "범용 검색 엔진은 일반 문서는 잘 찾지만, 사내 용어가 많은 문서에서는 좋은 결과를 내기 어렵다."
	in := commonInput([][2]string{
		{"서연", "# 7장\n\n" + limit + "\n사내 용어가 많은 문서에서 좋은 결과를 내려면 용어 사전이 필요하다.\n"},
		{"민호", "# 7장 정리\n\n- " + limit + "\n- 사내 용어가 많은 문서에서 좋은 결과를 내려면 용어 사전이 필요하고 예시는 다음과 같다.\n"},
		{"지우", "# 7장 메모\n\n범용 검색 엔진은 색인을 매일 만든다.\n"},
	})
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	want := "두 사람 모두 이어서 “사내 용어가 많은 문서에서 좋은 결과를 내려면 용어 사전이 필요하다”라고 적었습니다. 그 조건을 갖추기 어려울 때는 어떻게 할 수 있을까요?"
	if !strings.Contains(got, "서연·민호는 범용 검색 엔진의 한계에 대해") || !strings.Contains(got, want) {
		t.Errorf("공통 질문 does not close on the need both wrote below the limit:\n%s", got)
	}
	if strings.Contains(got, "실무에서는") || strings.Contains(got, "지우") {
		t.Errorf("공통 질문 keeps the stock question or names 지우:\n%s", got)
	}
}

// One member's limit, with no other side, is no point the group shares.
func TestLimitOfOneMemberIsNoCommonQuestion(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 7장\n\n범용 검색 엔진은 일반 문서는 잘 찾지만, 사내 용어가 많은 문서에서는 좋은 결과를 내기 어렵다.\n"},
		{"민호", "# 7장 정리\n\n범용 검색 엔진은 색인을 매일 만든다.\n"},
		{"지우", "# 7장 메모\n\n범용 검색 엔진은 문서를 조각으로 나눈다.\n"},
	})
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	if strings.Contains(got, "한계에 대해") {
		t.Errorf("공통 질문 is built on one member's limit:\n%s", got)
	}
}

// One member writes in two list items what another writes in one
// sentence: the two items together say the point.
func TestWritersReadTwoItemsAsOneLine(t *testing.T) {
	w := analyze.Analyze(commonInput([][2]string{
		{"서연", "# 8장\n\n채점 모델을 크게 쓰면 가장 큰 모델을 채점할 채점 모델을 찾을 수 없고, 어떤 모델이 가장 큰지 판단할 다른 방법이 필요하며, 호출 비용도 두 배로 든다.\n"},
		{"민호", "# 8장 정리\n\n## 큰 채점 모델의 문제\n\n- 가장 큰 모델을 채점할 채점 모델을 찾을 수 없음\n- 어떤 모델이 가장 큰지 판단할 다른 방법이 필요함\n"},
		{"지우", "# 8장 메모\n\n- 채점 모델은 비용이 든다.\n- 어떤 모델이 가장 큰지는 중요하지 않다.\n"},
	}).Notes())
	g := &group{aw: w, usedSentence: map[string]bool{}}
	c := analyze.Concept{Term: "채점 모델", Keys: []string{analyze.Key("채점 모델")}, Counts: map[string]int{"서연": 1, "민호": 1, "지우": 1}}
	wrote, alike := g.writers(c, w.Members[0].Sentences[0], "서연")
	got := strings.Join(append(wrote, alike...), "·")
	if got != "서연·민호" {
		t.Errorf("writers = %s; want 서연·민호 (민호 wrote the point in two items, 지우 did not write it)", got)
	}
}

// The need below the limit is quoted as its writer's words: a member who
// wrote it in other words is named beside the quote, not as its writer.
func TestNeedBelowCreditsItsWriters(t *testing.T) {
	limit := "범용 검색 엔진은 일반 문서는 잘 찾지만, 사내 용어가 많은 문서에서는 좋은 결과를 내기 어렵다."
	in := commonInput([][2]string{
		{"서연", "# 7장\n\n" + limit + "\n사내 용어가 많은 문서에서 좋은 결과를 내려면 용어 사전이 필요하다.\n"},
		{"민호", "# 7장 정리\n\n- " + limit + "\n- 사내 용어가 많은 문서에서 좋은 결과를 내려면 용어 사전이 있어야 한다.\n"},
		{"지우", "# 7장 메모\n\n범용 검색 엔진은 색인을 매일 만든다.\n"},
	})
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	if strings.Contains(got, "두 사람 모두 이어서") || !strings.Contains(got, "서연은(민호도 비슷하게) 이어서 “사내 용어가 많은 문서에서 좋은 결과를 내려면 용어 사전이 필요하다”라고 적었습니다.") {
		t.Errorf("공통 질문 quotes 서연's need as both members' words, though 민호 wrote it otherwise:\n%s", got)
	}
}
