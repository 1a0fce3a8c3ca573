package text

import (
	"reflect"
	"slices"
	"testing"
)

// analyzers are the two implementations under test; the free analyzer
// runs without corpus statistics here.
func analyzers() map[string]Analyzer {
	return map[string]Analyzer{"kagome": NewKagome(), "free": NewFree()}
}

func texts(ts []Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

// TestTermsBoth holds cases both analyzers must get exactly right.
func TestTermsBoth(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"자기 지도 학습은 레이블이 필요 없다.", []string{"자기 지도 학습", "레이블"}},
		{"검색 증강 생성과 파인튜닝을 비교했다.", []string{"검색 증강 생성", "파인튜닝"}},
		{"LoRA와 GPT-4를 함께 써봄", []string{"LoRA", "GPT-4"}},
		{"GPT-3.5는 Llama-2-7B보다 빠르다", []string{"GPT-3.5", "Llama-2-7B"}},
		{"모델은 크다", []string{"모델"}},
		{"RAG 파이프라인을 구축했다.", []string{"RAG 파이프라인"}},
		{"할루시네이션이 발생함", []string{"할루시네이션"}},
		{"이번 주에는 것과 수 등을 정리함", nil},
		{"The attention layer of the Transformer", []string{"attention", "layer", "Transformer"}},
		{"RAG LoRA RLHF", []string{"RAG", "LoRA", "RLHF"}},
		{"모델들의 토큰화 과정", []string{"모델", "토큰화 과정"}},
	}
	for name, a := range analyzers() {
		for _, tt := range tests {
			if got := texts(a.Terms(tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s.Terms(%q) = %q, want %q", name, tt.in, got, tt.want)
			}
		}
	}
}

func TestTermKeys(t *testing.T) {
	for name, a := range analyzers() {
		got := a.Terms("자기 지도 학습과 자기지도학습, LoRA와 lora")
		var keys []string
		for _, g := range got {
			keys = append(keys, g.Key)
		}
		want := []string{"자기지도학습", "자기지도학습", "lora", "lora"}
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("%s keys = %q, want %q", name, keys, want)
		}
	}
}

// TestJosaStripping checks particles and predicate endings are removed.
func TestJosaStripping(t *testing.T) {
	tests := map[string]string{
		"모델은":     "모델",
		"파인튜닝을":   "파인튜닝",
		"데이터에서":   "데이터",
		"임베딩으로":   "임베딩",
		"트랜스포머의":  "트랜스포머",
		"벤치마크와":   "벤치마크",
		"에이전트라는":  "에이전트",
		"프롬프트이다.": "프롬프트",
	}
	for name, a := range analyzers() {
		for in, want := range tests {
			if got := texts(a.Terms(in)); !reflect.DeepEqual(got, []string{want}) {
				t.Errorf("%s.Terms(%q) = %q, want [%q]", name, in, got, want)
			}
		}
	}
}

// TestPredicatesAreNotTerms: verbal nouns used as verbs and adjectives
// give no term.
func TestPredicatesAreNotTerms(t *testing.T) {
	for name, a := range analyzers() {
		for _, in := range []string{"구축했다", "중요한", "새로운", "비교함", "생성된다", "크게", "여전히"} {
			if got := a.Terms(in); len(got) != 0 {
				t.Errorf("%s.Terms(%q) = %q, want none", name, in, texts(got))
			}
		}
	}
}

// TestKagomeSpecific holds cases only the morphological analyzer handles:
// the dictionary-free one is documented to miss them.
func TestKagomeSpecific(t *testing.T) {
	a := NewKagome()
	tests := []struct {
		in   string
		want []string
	}{
		{"정확도가 높아졌음", []string{"정확도"}},
		{"사전 학습된 언어 모델", []string{"사전", "언어 모델"}},
		{"토큰 수가 크게 달라진다", []string{"토큰"}},
		{"레이블 없이 데이터를 만든다", []string{"레이블", "데이터"}},
	}
	for _, tt := range tests {
		if got := texts(a.Terms(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("kagome.Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFreeLearnsStems: corpus statistics keep a noun that ends like a
// particle (정확도 = 정확 + 도?) whole once it is seen with other particles.
func TestFreeLearnsStems(t *testing.T) {
	untrained := texts(NewFree().Terms("유사도 계산"))
	trained := texts(NewFree("유사도를 구한다. 유사도가 높다. 유사도는 0이다.").Terms("유사도 계산"))
	if !slices.Equal(trained, []string{"유사도 계산"}) {
		t.Errorf("trained Terms = %q, want [유사도 계산]", trained)
	}
	if slices.Equal(untrained, trained) {
		t.Errorf("statistics changed nothing: %q", untrained)
	}
}

func TestTermsConvenience(t *testing.T) {
	got := Terms("LoRA는 좋다. lora로 파인튜닝 비용이 준다. 파인튜닝 비용!")
	want := []string{"LoRA", "파인튜닝 비용"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	if Default() != Default() {
		t.Error("Default returns different analyzers")
	}
}

func TestDeterministic(t *testing.T) {
	in := "검색 증강 생성과 자기 지도 학습, LoRA와 GPT-4를 비교했다."
	for name, a := range analyzers() {
		first := a.Terms(in)
		for range 5 {
			if got := a.Terms(in); !reflect.DeepEqual(got, first) {
				t.Fatalf("%s: run differs: %v vs %v", name, got, first)
			}
		}
	}
}

// TestWordInitialCopula: the dictionary splits a loanword after a space as
// the copula and a noun (인/VCP+ETM 스턴스/NNP); a copula opens no word, so
// the term is the whole word, never the fragment.
func TestWordInitialCopula(t *testing.T) {
	a := NewKagome()
	for in, want := range map[string][]string{
		"내부에 선언된 인스턴스를 등록한다": {"내부", "인스턴스"},
		"어떻게 인스턴스화 할 것인지":    {"인스턴스화"},
		"값이 String 인 경우":     {"String"},
	} {
		if got := texts(a.Terms(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("kagome.Terms(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTopicAfterLatinWord: the dictionary reads the topic particle glued to
// a Latin word as the noun 은 (silver), which then joins the next nouns
// into a compound ("ProxyFactoryBean은 스프링"); likewise 의, 과, 나 and 마다.
// They are particles: the word is a term of its own and the reading has a
// topic.
func TestTopicAfterLatinWord(t *testing.T) {
	a := NewKagome()
	for in, want := range map[string][]string{
		"ProxyFactoryBean은 스프링 빈으로 등록된다": {"ProxyFactoryBean", "스프링 빈"},
		"UTF-8은 문자당 1바이트에서 4바이트를 쓴다":     {"UTF-8", "문자당"},
		// the other particles the dictionary reads as nouns there: 의
		// (righteousness), 과 (lesson), 나 (I), 마다 (each)
		"Kafka의 파티션 개수를 정한다":     {"Kafka", "파티션 개수"},
		"Gradle과 Maven 빌드를 비교한다": {"Gradle", "Maven 빌드"},
		"Vue나 Svelte 컴포넌트를 쓴다":   {"Vue", "Svelte 컴포넌트"},
		"Redis마다 캐시 정책이 다르다":     {"Redis", "캐시 정책"},
	} {
		if got := texts(a.Terms(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("kagome.Terms(%q) = %q, want %q", in, got, want)
		}
	}
	r := a.Read("JUnit은 자바 테스트 프레임워크다")
	if len(r.Morphs) < 2 || r.Morphs[1].Surface != "은" || r.Morphs[1].POS != "JX" {
		t.Errorf("Read(JUnit은 …) = %v, want 은 read as the topic particle JX", r.Morphs)
	}
}
