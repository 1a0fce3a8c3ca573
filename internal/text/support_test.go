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

func TestSupportContext(t *testing.T) {
	const cited = "자기 지도 학습은 라벨 없이 학습한다."
	const neighbour = "다음 단어 예측이 대표적인 학습 신호다."
	claim := "자기 지도 학습은 다음 단어 예측으로 학습한다"
	// Distinct in-word bigrams of the claim: 자기 지도 학습 습은 다음 단어 예측
	// 측으 으로 습한 한다 (11); the cited sentence has 자기 지도 학습 습은 습한
	// 한다 (6), the neighbour adds 다음 단어 예측 (3).
	base := Support(claim, cited, CitationSupport)
	with := Support(claim, cited, CitationSupport, neighbour)
	if math.Abs(base-6.0/11) > 1e-9 {
		t.Errorf("support without context = %v, want 6/11", base)
	}
	if want := (6 + 0.75*3) / 11.0; math.Abs(with-want) > 1e-9 {
		t.Errorf("support with the neighbour = %v, want %v", with, want)
	}
	// A bigram the cited sentence has is not counted again from context.
	if got := Support(claim, cited, CitationSupport, cited); got != base {
		t.Errorf("context repeating the source changed support: %v vs %v", got, base)
	}
	// Options without a context weight ignore the context.
	if got := Support(claim, cited, SentenceSupport, neighbour); got != Support(claim, cited, SentenceSupport) {
		t.Errorf("SentenceSupport used the context")
	}
}
