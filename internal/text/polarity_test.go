package text

import (
	"fmt"
	"strings"
	"testing"
)

func TestClauses(t *testing.T) {
	tests := []struct {
		in   string
		want string // clauses as "negations:text", separated by " | "
	}{
		{"청크를 작게 나누면 문맥 정보가 손실될 수 있다.", "0:청크를 작게 나누면 | 0:문맥 정보가 손실될 수 있다"},
		{"라벨을 달지 않아도 학습할 수 있다", "1:라벨을 달지 않아도 | 0:학습할 수 있다"},
		// "없이" says how, not whether: only 어렵다 negates.
		{"평가는 쉽지 않지만 사람 검토 없이는 어렵다", "1:평가는 쉽지 않지만 | 1:사람 검토 없이는 어렵다"},
		{"RAG와 LoRA를 비교하면 어렵지 않다", "0:RAG와 LoRA를 비교하면 | 2:어렵지 않다"},
		{"파인튜닝이 불필요해진다.", "1:파인튜닝이 불필요해진다"},
		{"정확도가 좋아졌다는 것이 아닌 범용성 향상", "1:정확도가 좋아졌다는 것이 아닌 | 0:범용성 향상"},
		{"비정형 데이터는 무의미하지 않다", "3:비정형 데이터는 무의미하지 않다"},
		{"이 방법은 않을 수 없다", "2:이 방법은 않을 수 없다"},
		{"It does not scale, but it is cheap.", "1:It does not scale | 0:it is cheap"},
		{"모델이 이 문제를 풀 수 있을까?", "0:모델이 이 문제를 풀 수 있을까"},
		// A relative clause's negation is its own, not the main clause's.
		{"회의록을 요약하지 않는 도구가 많다.", "1:회의록을 요약하지 않는 | 0:도구가 많다"},
		// "-ㄴ 것은 아니다" negates the clause it nominalises.
		{"코드를 길게 쓰는 것이 항상 나쁜 건 아니다.", "1:코드를 길게 쓰는 것이 항상 나쁜 건 아니다"},
		// "-면서" is "while", not a condition; a comma after an adverb
		// does not end the clause.
		{"속도를 높이면서 비용도 줄였다.", "0:속도를 높이면서 | 0:비용도 줄였다"},
		{"서비스가 나중에, 쓸모없게 될 수 있다.", "0:서비스가 나중에 쓸모없게 될 수 있다"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range Clauses(tt.in) {
			got = append(got, fmt.Sprintf("%d:%s", c.Negations, c.Text))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("Clauses(%q) =\n  %q\nwant\n  %q", tt.in, g, tt.want)
		}
	}
	if cs := Clauses("모델이 이 문제를 풀 수 있을까?"); len(cs) != 1 || !cs[0].Question {
		t.Errorf("a question is not marked: %+v", cs)
	}
	if cs := Clauses("테스트가 필요하지 않은지 묻고 넘어갔다."); len(cs) == 0 || !cs[0].Question {
		t.Errorf("an embedded question (-는지) is not marked: %+v", cs)
	}
	if cs := Clauses("속도를 높이면서 비용도 줄였다."); len(cs) == 0 || cs[0].Condition {
		t.Errorf("-면서 is taken for a condition: %+v", cs)
	}
	if cs := Clauses("회의록을 요약하지 않는 도구가 많다."); len(cs) != 2 || !cs[0].Relative || cs[1].Relative {
		t.Errorf("the relative clause is not marked: %+v", cs)
	}
}

func TestContradicts(t *testing.T) {
	const note = "청크를 너무 작게 나누면 문맥 정보가 손실될 수 있다. 미세 조정을 해도 프롬프트 설계는 여전히 필요하다. 자동 평가 지표만으로는 품질을 판단하기 어렵다."
	const note2 = "색인이 크다고 항상 조회가 빨라지는 것은 아니다. 로그를 남기는 서버가 많다."
	tests := []struct {
		note, claim string
		want        bool
	}{
		// Honest restatements and paraphrases.
		{note, "청크를 너무 작게 나누면 문맥 정보가 손실될 수 있다", false},
		{note, "청크가 지나치게 작으면 문맥 정보 손실 위험이 있다", false},
		{note, "미세 조정 후에도 프롬프트 설계가 여전히 필요하다", false},
		{note, "자동 평가 지표만으로 품질을 판단하기는 쉽지 않다", false}, // 어렵다 = 쉽지 않다
		{note, "프롬프트 설계와 청크 크기를 함께 봐야 한다", false},    // no matching clause
		{note, "문맥 정보가 손실되지 않을까?", false},            // a question asserts nothing
		{note, "자동 평가 지표는 품질 판단의 출발점이 된다", false},    // another predicate on the same subject
		{note2, "색인이 커도 조회가 항상 빨라지지는 않는다", false},
		// Two relative clauses never oppose each other.
		{note2, "로그를 남기지 않는 서버도 있다", false},
		// Reversed claims.
		{note, "청크를 작게 나눠도 문맥 정보는 손실되지 않는다", true},
		{note, "미세 조정을 하면 프롬프트 설계가 불필요해진다", true},
		{note, "미세 조정을 하면 프롬프트 설계는 필요 없다", true},
		{note, "자동 평가 지표만으로도 품질을 쉽게 판단할 수 있다", true},
		// "-는 것은 아니다" against "항상 …진다": one word beyond the
		// agreeing "색인이 크다고" is enough.
		{note2, "색인이 클수록 조회는 항상 빨라진다", true},
	}
	for _, tt := range tests {
		c, got := Contradicts(tt.claim, tt.note)
		if got != tt.want {
			t.Errorf("Contradicts(%q) = %v (claim %q, source %q), want %v", tt.claim, got, c.Claim.Text, c.Source.Text, tt.want)
		}
	}
}
