package text

import (
	"math"
	"testing"
)

func TestBigramOptions(t *testing.T) {
	tests := []struct {
		s    string
		o    BigramOptions
		want int
	}{
		{"검색 증강", BigramOptions{}, 3},                  // 검색 색증 증강
		{"검색 증강", BigramOptions{WithinWords: true}, 2}, // 검색 증강
		{"모델 모델", BigramOptions{}, 3},                  // 모델 델모 모델
		{"모델 모델", BigramOptions{Distinct: true}, 2},    // 모델 델모
		{"모델 모델", BigramOptions{WithinWords: true, Distinct: true}, 1},
		{"가 나", BigramOptions{WithinWords: true}, 2}, // two one-letter words: two unigrams
		{"가", BigramOptions{}, 1},
		{"...", BigramOptions{}, 0},
	}
	for _, tt := range tests {
		if got := NewBigrams(tt.s, tt.o).Len(); got != tt.want {
			t.Errorf("NewBigrams(%q, %+v).Len() = %d, want %d", tt.s, tt.o, got, tt.want)
		}
	}
}

func TestSupport(t *testing.T) {
	const sentence = "자기 지도 학습은 사람이 라벨을 달지 않아도 데이터 자체에서 학습 신호를 얻는 방식이다."
	tests := []struct {
		claim, source string
		o             SupportOptions
		want          float64
	}{
		// Containment of the claim's distinct in-word bigrams.
		{"지도 학습", sentence, CitationSupport, 1},
		{"지도 학습 블록", sentence, CitationSupport, 2.0 / 3}, // 지도 학습 in, 블록 not
		{"블록체인", sentence, CitationSupport, 0},
		{"", sentence, CitationSupport, 0},
		// A bullet quoting part of a sentence is fully contained.
		{"지도 학습은", sentence, SentenceSupport, 1},
		// Same text: containment and F1 are both 1.
		{"모델 평가", "모델 평가", SentenceSupport, 1},
		// 모델,델평,평가 vs 모델,델학,학습: containment 1/3, F1 1/3.
		{"모델 평가", "모델 학습", SentenceSupport, 1.0 / 3},
		// A long claim on a short source: F1 beats containment.
		{"모델 평가 지표를 정리", "모델 평가", SentenceSupport, 2.0 * 3 / (8 + 3)}, // 8 bigrams, 3 shared
	}
	for _, tt := range tests {
		if got := Support(tt.claim, tt.source, tt.o); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Support(%q, %q, %+v) = %v, want %v", tt.claim, tt.source, tt.o, got, tt.want)
		}
	}
	// Cross-word bigrams make the two options differ on the same texts.
	claim, source := "증강 검색", "검색 증강"
	if a, b := Support(claim, source, CitationSupport), Support(claim, source, SentenceSupport); a != 1 || b >= 1 {
		t.Errorf("in-word support %v (want 1), whole-run support %v (want < 1)", a, b)
	}
}
