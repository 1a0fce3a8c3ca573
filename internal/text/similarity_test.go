package text

import (
	"math"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"  LoRA   파인튜닝\t\n비용 ":                 "lora 파인튜닝 비용",
		"\u1112\u1161\u11ab\u1100\u1173\u11af": "한글", // NFD jamo → NFC syllables
		"GPT-4o":                               "gpt-4o",
		"":                                     "",
	}
	for in, want := range tests {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b []string
		want float64
	}{
		{[]string{"rag", "lora"}, []string{"lora", "rag"}, 1},
		{[]string{"rag", "lora"}, []string{"lora", "rlhf"}, 1.0 / 3},
		{[]string{"rag", "rag"}, []string{"rag"}, 1},
		{[]string{"rag"}, nil, 0},
		{nil, nil, 0},
	}
	for _, tt := range tests {
		if got := Jaccard(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Jaccard(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestBigramF1(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"검색 증강 생성", "검색증강생성", 1},
		{"LoRA!", "lora", 1},
		{"모델 평가", "모델 학습", 1.0 / 3}, // 모델,델평,평가 vs 모델,델학,학습
		{"가", "가", 1},
		{"가나", "다라", 0},
		{"", "모델", 0},
		{"...", "모델", 0},
	}
	for _, tt := range tests {
		if got := BigramF1(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("BigramF1(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if BigramF1("자기 지도 학습", "지도 학습") <= BigramF1("자기 지도 학습", "강화 학습") {
		t.Error("BigramF1 should rank the closer term higher")
	}
}
