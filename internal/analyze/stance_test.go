package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/text"
)

func TestStance(t *testing.T) {
	if _, ok := text.Default().(*text.KagomeAnalyzer); !ok {
		t.Skip("stance needs morphology")
	}
	cases := map[string]Stance{
		"사내 검색 엔진은 앞으로도 외부 서비스보다 뒤처질 가능성이 높다.": {"race", -1},
		"사내 검색 엔진이 결국 외부 서비스를 따라잡을 수도 있다.":     {"race", 1},
		"작은 팀이 사내 검색 엔진을 개선하기 어렵다.":            {"improve", -1},
		"색인을 나누면 검색이 쉬워진다.":                    {"ease", 1},
		"이 방식으로는 충분하지 않다.":                     {"enough", -1},
		"색인을 실시간으로 갱신할 수 없다.":                  {},
		"실시간 갱신은 불가능하다.":                       {"possible", -1},
		"캐시 적중률은 가능성의 문제다.":                    {},
		"샤딩은 데이터를 여러 노드에 나눠 저장한다.":             {},
		"오래된 캐시는 안 좋다.":                        {"good", -1},
	}
	for s, want := range cases {
		if got := stance(text.Read(s).Morphs); got != want {
			t.Errorf("stance(%q) = %+v, want %+v", s, got, want)
		}
	}
	if !(Stance{"race", 1}).Opposes(Stance{"race", -1}) || (Stance{"race", 1}).Opposes(Stance{"good", -1}) || (Stance{}).Opposes(Stance{}) {
		t.Error("Opposes: same axis and opposite signs only")
	}
}

// morphRule checks a rule read from a sentence's morphemes (the sentence
// without a closing remark in brackets) against cases.
func morphRule(t *testing.T, name string, rule func([]text.Morph) bool, cases map[string]bool) {
	t.Helper()
	if _, ok := text.Default().(*text.KagomeAnalyzer); !ok {
		t.Skip(name + " needs morphology")
	}
	for s, want := range cases {
		if got := rule(withoutTrailingParen(text.Read(s).Morphs)); got != want {
			t.Errorf("%s(%q) = %v, want %v", name, s, got, want)
		}
	}
}

func TestAssesses(t *testing.T) {
	morphRule(t, "assesses", func(ms []text.Morph) bool { return assesses(ms, stance(ms)) }, map[string]bool{
		// Evaluations: an adjective, an adjective root with 하다, the
		// negative copula, a two-sided copula, with modal tails, and a
		// judgement on an axis of value.
		"분산 캐시는 느리다.":                         true,
		"분산 캐시는 생각보다 느릴 수 있다.":                true,
		"샤딩은 확장성을 얻는 대신 운영이 복잡하다.":            true,
		"재순위화는 작은 팀에게 적절한 방법이 아닐 수 있다.":       true,
		"벡터 색인은 장점이자 단점이다.":                   true,
		"검색 엔진은 점점 데이터베이스에 더 가까워지고 있다.":       true,
		"사내 검색 엔진은 외부 서비스보다 뒤처질 가능성이 높다.":     true,
		"검색 엔진은 점점 데이터베이스에 더 가까워지면서 구분이 어렵다.": true,
		// What something does or consists of, a plain copula.
		"벡터 색인은 메모리를 많이 차지한다.":          false,
		"재순위화는 상위 후보를 다시 정렬해 정확도를 올린다.": false,
		"샤딩은 부하 분산에 도움이 된다.":            false,
		"캐시를 쓰는 방법은 앞단에 프록시를 두는 것이다.":   false,
		"색인이 커지면 검색 지연은 색인 크기와 일치함.":    false,
		// Reported changes, conditions, permissions.
		"분산 캐시 덕분에 응답 속도가 향상되었다.":           false, // a change reported
		"샤딩 덕분에 무중단 확장이 가능해졌다.":             false,
		"요청이 적은 서비스라면 캐시를 두지 않는 것이 장점이 많다.": false, // a condition
		"모든 캐시 서버는 상태가 없으므로 여러 대로 늘려도 좋다.":  false, // permission
	})
}

func TestRecounting(t *testing.T) {
	morphRule(t, "recounting", recounting, map[string]bool{
		// The writer's own reading: a past deed or state, a past
		// reaction, a resolution.
		"예제를 따라가며 설계 방법을 배운 것 같아서 좋았다.":                                 true,
		"내가 쓰던 방식이 하향식 설계와 비슷했던 것 같다.":                                  true,
		"설계의 중요성을 다시 깨닫게 된 것 같습니다.":                                     true,
		"리뷰 전에도 테스트를 돌려야겠다고 생각했다.":                                      true,
		"캐시 예제가 무효화의 어려움을 이해시키기 좋았던 것 같다.":                              true,
		"상속의 문제를 예제로 살펴봐서 좋았고, 리팩터링을 따라가는 것이 상속을 더 깊게 이해할 수 있게 한 것 같다.": true,
		"합성을 쓰는 방식을 의도적으로 먼저 고려해야겠다는 생각을 했다.":                           true,
		// Views others could argue with: a guess, a present view.
		"분산 캐시가 결국 표준이 될 것 같다.":               false,
		"작은 팀에는 재순위화가 더 유리할 것 같다.":            false,
		"역시 캐시 무효화가 핵심이 아닐까 하는 생각이 들었다.":      false,
		"변경에 강한 코드는 인터페이스를 잘 쓰는 것이라는 생각이 든다.": false,
		"색인 갱신은 생각보다 느렸다.":                    false,
	})
}

// A judgement in a modifier ("뒤처질 수 있는 이유") is read as well as the
// final one, each with its sign after negation.
func TestJudgedAnywhere(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []Stance
	}{
		{"사내 검색 엔진이 뒤처질 수 있는 이유는 피드백이 적기 때문이다.", []Stance{{"race", -1}}},
		{"사내 검색 엔진이 결국 상용 서비스를 따라잡을 수도 있다.", []Stance{{"race", 1}}},
		{"작은 팀은 피드백이 충분하지 않아서 늦다.", []Stance{{"enough", -1}}},
		{"색인을 다시 만들기가 어렵지 않다.", []Stance{{"ease", 1}}},
		{"색인은 검색을 개선하기 어렵다.", []Stance{{"improve", -1}}},
		{"재순위화는 후보를 다시 정렬한다.", nil},
	} {
		got := judgedAnywhere(text.Read(c.s).Morphs)
		if len(got) != len(c.want) {
			t.Errorf("judgedAnywhere(%q) = %v, want %v", c.s, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("judgedAnywhere(%q) = %v, want %v", c.s, got, c.want)
			}
		}
	}
}

// A cost that the sentence says arises or grows judges its topic badly;
// a cost as the object of an action, or no cost, judges nothing.
func TestCostArises(t *testing.T) {
	if _, ok := text.Default().(*text.KagomeAnalyzer); !ok {
		t.Skip("stance needs morphology")
	}
	cost := Stance{"cost", -1}
	for body, want := range map[string]bool{
		"색인을 매번 다시 만들어야 해서 운영 부담이 생긴다.": true,
		"요청마다 토큰을 세므로 비용이 든다":           true,
		"계층이 늘수록 오버헤드가 커진다.":            true,
		"운영 부담을 줄이려면 배치로 묶는다.":          false, // the cost is the object, not what arises
		"캐시는 응답 시간을 줄인다.":               false,
	} {
		if got := stance(text.Read(body).Morphs) == cost; got != want {
			t.Errorf("stance(%q) is a cost arising: %v, want %v", body, got, want)
		}
	}
}
