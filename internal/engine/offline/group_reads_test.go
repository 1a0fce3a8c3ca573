package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// Readers' kinds of fault in the group sections, each on notes written
// for the test: a quote paired with a member's question that does not
// speak to it, attribution that leaves out who wrote a point, a contrast
// between two facts that do not conflict, and stock closing questions.

// askNotes: 서연 asks, under a line on what a large grader costs, whether
// a smaller one would do. 민호 wrote a line on trusting graders (it names
// the concept, and nothing the question asks) and, when cost is true, a
// line on what a small grader saves.
func askNotes(cost bool) [][2]string {
	minho := "# 9장 정리\n\n채점 모델은 프롬프트를 공개하지 않으면 신뢰할 수 없다.\n"
	if cost {
		minho += "작은 채점 모델은 호출 비용과 지연 시간을 줄여 준다.\n"
	}
	return [][2]string{
		{"서연", "# 9장 검색 평가\n\n## 채점 모델\n\n- 큰 채점 모델로 응답을 만들고 다시 채점하면 호출 비용이 두 배가 든다.\n" +
			"  - 작은 모델을 채점 모델로,,?(10장에서 다룸)\n- 색인 갱신 주기는 팀마다 다르다.\n"},
		{"민호", minho},
		{"지우", "# 9장 메모\n\n채점 모델은 사람 평가와 자주 엇갈린다.\n질의 재작성은 검색 전에 한다.\n"},
	}
}

func questionBullet(t *testing.T, notes [][2]string) insight.Bullet {
	t.Helper()
	common := section(t, generateGroup(t, commonInput(notes)).Group, insight.KeyCommon)
	for _, b := range common.Bullets {
		if strings.Contains(b.Text, "작은 모델을 채점 모델로,,?") {
			return b
		}
	}
	t.Fatalf("공통 질문 misses 서연's question:\n%s", texts(common))
	return insight.Bullet{}
}

// The line paired with a member's question shares what the question asks
// (here the cost the line above it names), not only the concept.
func TestQuestionPairedWithALineThatSpeaksToIt(t *testing.T) {
	b := questionBullet(t, askNotes(true))
	if !strings.Contains(b.Text, "호출 비용과 지연 시간을 줄여 준다") {
		t.Errorf("공통 질문 does not pair the question with the line on what a small grader saves:\n%s", b.Text)
	}
	if strings.Contains(b.Text, "신뢰할 수 없다") {
		t.Errorf("공통 질문 pairs the question with a line on another point of the concept:\n%s", b.Text)
	}
	// The pointer at where the book answers is no part of the question.
	if strings.Contains(b.Text, "10장에서 다룸") {
		t.Errorf("공통 질문 quotes the chapter pointer with the question:\n%s", b.Text)
	}
}

// With no line that speaks to the question, the question stands with its
// own quote: no neighbouring line is set beside it as if it answered.
func TestQuestionWithoutAnAnswerStandsAlone(t *testing.T) {
	b := questionBullet(t, askNotes(false))
	if strings.Contains(b.Text, "신뢰할 수 없다") || strings.Contains(b.Text, "정리했습니다") {
		t.Errorf("공통 질문 pairs the question with a line that does not speak to it:\n%s", b.Text)
	}
	if !strings.Contains(b.Text, "서연은 채점 모델에 대해 “작은 모델을 채점 모델로,,?”라고 물었습니다.") ||
		!strings.Contains(b.Text, "민호·지우도 노트에서 채점 모델을 다뤘습니다") {
		t.Errorf("공통 질문 does not quote the question alone with who covered the concept:\n%s", b.Text)
	}
	if len(b.Sources) != 1 {
		t.Errorf("공통 질문 cites %d lines; want the question's only", len(b.Sources))
	}
}

// A second cause one member wrote in a sentence, others wrote as a list
// item under a title naming the concept or as an arrow conclusion: they
// are named with it, and not again as having only covered the concept.
// A title that names the concept says no point.
func TestSideCreditsEveryWriterOfIt(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 캐시\n\n캐시 오염은 검증 없이 응답을 저장하기 때문에 자주 생긴다.\n캐시 서버는 메모리에 데이터를 둔다.\n"},
		{"민호", "# 캐시 정리\n\n캐시 오염은 검증 없이 응답을 저장하기 때문에 자주 생긴다.\n읽기가 많은 서비스에서 캐시 서버를 쓴다.\n"},
		{"지우", "# 캐시 메모\n\n캐시 오염은 만료 시간을 지나치게 길게 잡기 때문에 자주 생긴다.\n만료 정책은 서비스마다 다르다.\n"},
		{"하늘", "# 캐시 읽기\n\n캐시 오염이 생기는 이유\n\n- 만료 시간을 지나치게 길게 잡기 때문\n- 캐시 서버를 여럿 둔다.\n"},
		{"바다", "# 캐시 요약\n\n## 캐시 오염과 만료 시간 문제\n\n캐시 오염은 자주 보고된다.\n"},
	})
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	if !strings.Contains(got, "만료 시간을") || !strings.Contains(got, "두 이유 가운데") {
		t.Fatalf("fixture: 공통 질문 should set 지우's other cause beside the shared line:\n%s", got)
	}
	// 하늘 wrote the cause as a list item, not 지우's words: named beside them.
	if !strings.Contains(got, "지우는(하늘도 비슷하게) “캐시 오염은 만료 시간을") {
		t.Errorf("공통 질문 leaves out 하늘, who wrote the same cause as a list item:\n%s", got)
	}
	if strings.Contains(got, "다뤘습니다") {
		t.Errorf("공통 질문 names members as only having covered the concept:\n%s", got)
	}
	if strings.Contains(got, "바다") {
		t.Errorf("공통 질문 credits a title line with the cause:\n%s", got)
	}
}

// A use of the concept for one task beside its limit for another is no
// conflict: the line is said as another point, with no "한편". A judgement
// the other way of the same thing is a real difference.
func TestSideIsAContrastOnlyWhenItJudgesTheSameThing(t *testing.T) {
	notes := func(side string) [][2]string {
		return [][2]string{
			{"서연", "# 지표\n\n응답 길이는 요약 품질을 재기에 알맞은 척도가 아니다.\n정확도는 정답이 있을 때 쓴다.\n"},
			{"민호", "# 지표 정리\n\n응답 길이는 요약 품질을 재기에 알맞은 척도가 아니다.\n재현율은 놓친 답을 센다.\n"},
			{"지우", "# 지표 메모\n\n" + side + "\n정밀도는 틀린 답을 센다.\n"},
		}
	}
	other := texts(section(t, generateGroup(t, commonInput(notes("응답 길이는 반복 생성에서 크게 늘어난다.\n=> 응답 길이로 반복 생성 오류를 찾는 데 사용할 수 있다."))).Group, insight.KeyCommon))
	if !strings.Contains(other, "반복 생성 오류를") {
		t.Fatalf("fixture: 공통 질문 should quote 지우's use of the concept:\n%s", other)
	}
	if strings.Contains(other, "한편") {
		t.Errorf("공통 질문 sets a use for another task against the limit as a contrast:\n%s", other)
	}
	if !strings.Contains(other, "지우는 “응답 길이로 반복 생성 오류를 찾는 데 사용할 수 있다”라는 점을 적었습니다") {
		t.Errorf("공통 질문 does not say the use as another point:\n%s", other)
	}
	// What the two lines judge after naming the concept: the same thing
	// (a measure for summaries) or another task.
	c := analyze.Concept{Term: "응답 길이", Keys: []string{analyze.Key("응답 길이")}}
	limit := analyze.Sentence{Body: "응답 길이는 요약 품질을 재기에 알맞은 척도가 아니다."}
	if !sameTarget(limit, analyze.Sentence{Body: "응답 길이는 요약 품질을 재기에 쓸 만한 척도다."}, c) {
		t.Errorf("sameTarget: a judgement of the same measure the other way is not the same target")
	}
	if sameTarget(limit, analyze.Sentence{Body: "응답 길이로 반복 생성 오류를 찾는 데 쓸 수 있다."}, c) {
		t.Errorf("sameTarget: a use for another task is taken for the same target")
	}
}

func TestDisputedAsk(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"대부분의 팀은 설정 파일을 자산으로 여김, 설정 파일이 저작권을 받을 수 있는지에 대해 논쟁하기도 함", "설정 파일이 저작권을 받을 수 있을까요?"},
		{"왜 그 이상은 늘지 않는지에 대해서는 여러 논쟁이 있다.", "왜 그 이상은 늘지 않을까요?"},
		{"작은 채점 모델이 충분한지에 대해서는 의견이 갈린다.", "작은 채점 모델이 충분할까요?"},
		{"색인을 매일 다시 만드는 것이 더 좋다고 생각하는 사람들도 있음", "“색인을 매일 다시 만드는 것이 더 좋다”는 견해에 동의하나요, 아니면 반대쪽 근거가 더 설득력 있을까요?"},
		// A dispute that names no question and no view: nothing to ask from.
		{"이 방식에는 여러 논쟁이 있다.", ""},
	} {
		if got := disputedAsk(c.body); got != c.want {
			t.Errorf("disputedAsk(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

func TestAskEnding(t *testing.T) {
	for w, want := range map[string]string{
		"있는지": "있을까요", "하는지": "할까요", "되는지": "될까요", "받는지": "받을까요", "만드는지": "만들까요",
		"괜찮은지": "괜찮을까요", "필요한지": "필요할까요", "무엇인지": "무엇일까요", "큰지": "클까요",
		"했다": "",
	} {
		if got := askEnding(w); got != want {
			t.Errorf("askEnding(%q) = %q, want %q", w, got, want)
		}
	}
}

// 심화 토론 on a line reporting a dispute asks the disputed question
// itself, not the stock line.
func TestDebateAsksTheDisputedQuestion(t *testing.T) {
	debate := texts(section(t, generateGroup(t, debateInput()).Group, insight.KeyDebate))
	if !strings.Contains(debate, "왜 그 이상은 늘지 않을까요?") {
		t.Errorf("심화 토론 does not ask what the line says is disputed:\n%s", debate)
	}
	if strings.Contains(debate, "어떤 견해들이 있고, 우리는 어떻게 볼까요?") {
		t.Errorf("심화 토론 ends with the stock line:\n%s", debate)
	}
}

// A member's question their note gives evidence for right below: the
// bullet quotes it and asks whether it bears the claim out, never says the
// answer is there already.
func TestWeighAnswer(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"사후 학습을 오래 할수록 모델이 사용자 선호와 멀어진다 ?", "이 근거로 “사후 학습을 오래 할수록 모델이 사용자 선호와 멀어진다”고 말할 수 있을까요?"},
		{"왜 사후 학습이 선호를 바꿀까?", "이 근거는 질문에 어떤 답을 줄까요?"},
	} {
		if got := weighAnswer(c.q); got != c.want {
			t.Errorf("weighAnswer(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestAskedQuote(t *testing.T) {
	for body, want := range map[string]string{
		"더 작은 채점 모델을 써도 괜찮을까?(10장에서 다룸)": "더 작은 채점 모델을 써도 괜찮을까?",
		"채점 모델을 바꿔도 될까? (Chapter 4)":     "채점 모델을 바꿔도 될까?",
		"채점 모델(LLM)을 바꿔도 될까?":            "채점 모델(LLM)을 바꿔도 될까?",
		"채점은 누가 할까?(사람 또는 모델)":           "채점은 누가 할까?(사람 또는 모델)",
	} {
		if got := askedQuote(body); got != want {
			t.Errorf("askedQuote(%q) = %q, want %q", body, got, want)
		}
	}
}

func TestPredicated(t *testing.T) {
	for body, want := range map[string]bool{
		"만료 시간을 지나치게 길게 잡기 때문": true,
		"캐시 오염은 자주 보고된다.":      true,
		"캐시 오염과 만료 시간 문제":      false,
		"UserStore 클래스":        false,
	} {
		if got := predicated(body); got != want {
			t.Errorf("predicated(%q) = %v, want %v", body, got, want)
		}
	}
}

// ownPointNotes: 하린 and 태오 each wrote what they found about one point
// of a concept, in their own words ("캐시 무효화는 쓰기 전에 캐시를 지워야 … 걸 알았다",
// "…캐시를 언제 지우느냐가 … 의외였다"); 유나 wrote only the book's lines.
// With other, 태오's finding is on another point of the concept.
func ownPointNotes(other bool) [][2]string {
	taeo := "# 5장 캐시\n\n## 느낀 점\n\n캐시 무효화에서 캐시를 쓰기 전에 지우느냐 쓴 뒤에 지우느냐가 이렇게 큰 차이를 만든다는 게 의외였다.\n"
	if other {
		taeo = "# 5장 캐시\n\n## 느낀 점\n\n캐시 무효화 없이 만료 시간만 짧게 정해도 대부분의 서비스에 충분하다는 게 의외였다.\n"
	}
	return [][2]string{
		{"하린", "# 5장 캐시\n\n## 정리\n\n- 캐시 무효화는 원본이 바뀔 때 캐시의 값을 지우는 일이다.\n\n## 회고\n\n" +
			"처음에는 값을 쓴 뒤에 캐시를 지워서 오래된 값이 다시 읽혔다. 캐시 무효화는 쓰기 전에 캐시를 지워야 오래된 값이 남지 않는다는 걸 이번에 확실히 알았다.\n"},
		{"태오", taeo},
		{"유나", "# 5장 캐시\n\n- 캐시 무효화는 어렵다.\n- 캐시는 자주 읽는 값을 빠른 저장소에 둔다.\n"},
	}
}

// Two members' own findings on one point of a concept, in overlapping
// words, make a 공통 질문 quoting both when nothing sharper is found; two
// findings on different points of it do not.
func TestOwnPointsOnOneConceptMakeACommonQuestion(t *testing.T) {
	common := section(t, generateGroup(t, commonInput(ownPointNotes(false))).Group, insight.KeyCommon)
	got := texts(common)
	if !strings.Contains(got, "확실히 알았다") || !strings.Contains(got, "큰 차이를 만든다는 게 의외였다") {
		t.Errorf("공통 질문 = %q (notice %q); want both members' findings on when to clear the cache", got, common.Notice)
	}
	common = section(t, generateGroup(t, commonInput(ownPointNotes(true))).Group, insight.KeyCommon)
	if got := texts(common); strings.Contains(got, "확실히 알았다") && strings.Contains(got, "만료 시간만 짧게") {
		t.Errorf("공통 질문 = %q; two findings on different points of a concept are no common point", got)
	}
}
