package analyze

import "testing"

func TestTransliterationSkeletons(t *testing.T) {
	same := [][2]string{
		{"컨텍스트", "context"}, {"퍼플렉시티", "perplexity"}, {"트랜스포머", "transformer"},
		{"벤치마크", "benchmark"}, {"토큰", "token"}, {"임베딩", "embedding"}, {"샘플링", "sampling"},
		{"업데이트", "update"}, {"디코더", "decoder"}, {"인덱스", "index"}, {"엔드포인트", "endpoint"},
	}
	for _, p := range same {
		if h, l := hangulSkeleton(p[0]), latinSkeleton(p[1]); h != l {
			t.Errorf("%s → %q, %s → %q: want equal", p[0], h, p[1], l)
		}
	}
	// ㄷ is d and ㅌ is t in transliterations: "undefined" is no "엔드포인트".
	differ := [][2]string{{"컨텍스트", "contest"}, {"프롬프트", "platform"}, {"캐시", "cash register"}, {"엔드포인트", "undefined"}}
	for _, p := range differ {
		if h, l := hangulSkeleton(p[0]), latinSkeleton(p[1]); h == l {
			t.Errorf("%s and %s share skeleton %q", p[0], p[1], h)
		}
	}
}

func TestMeaningful(t *testing.T) {
	for term, want := range map[string]bool{
		"al": false, "et": false, "x_i": false, "log": false, "bit": false, "2024": false,
		"KV": true, "RAG": true, "LoRA": true, "softmax": true, "퍼플렉시티": true, "평가 파이프라인": true,
		"JdbcTemplate": true, "JdbcTemplate과": false, "Redux는": false,
	} {
		if got := Meaningful(term); got != want {
			t.Errorf("Meaningful(%q) = %v, want %v", term, got, want)
		}
	}
}

func TestSameLoanword(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"트랜스포머", "transformer", true},
		{"block", "블록", true},
		{"컨텍스트", "Context", true},
		{"체크포인트", "checkpoint", true},
		{"블록", "clock", false},
		{"이전", "before", false},
		{"트랜스포머", "트랜스포머", false},
		{"block", "block", false},
		{"블록", "b", false},
	} {
		if got := SameLoanword(c.a, c.b); got != c.same {
			t.Errorf("%q / %q: %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
