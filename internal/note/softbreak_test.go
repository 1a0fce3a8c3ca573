package note

import (
	"reflect"
	"testing"
)

// TestSoftLineBreaks: a line break inside a paragraph's sentence (a long
// line wrapped by hand) joins the sentence; lines that each say something
// stay sentences of their own.
func TestSoftLineBreaks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
		line []int
	}{
		{"a Korean sentence wrapped after a particle",
			"LLM의 출력은 확률적이기 때문에 같은 프롬프트라도\n매번 다른 답을 낼 수 있다.",
			[]string{"LLM의 출력은 확률적이기 때문에 같은 프롬프트라도 매번 다른 답을 낼 수 있다."}, []int{1}},
		{"a sentence over three lines, then the next one",
			"캐시는 자주 읽는 데이터를 메모리에 두고,\n디스크 접근을 줄여서\n응답 시간을 줄인다. 다만 일관성이 문제다.",
			[]string{"캐시는 자주 읽는 데이터를 메모리에 두고, 디스크 접근을 줄여서 응답 시간을 줄인다.", "다만 일관성이 문제다."}, []int{1, 3}},
		{"one statement a line, each ending a sentence",
			"인덱스는 조회를 빠르게 한다\n쓰기는 느려진다\n공간을 더 쓴다",
			[]string{"인덱스는 조회를 빠르게 한다", "쓰기는 느려진다", "공간을 더 쓴다"}, []int{1, 2, 3}},
		{"noun phrases one a line stay apart",
			"B-트리 인덱스\n해시 인덱스\n비트맵 인덱스",
			[]string{"B-트리 인덱스", "해시 인덱스", "비트맵 인덱스"}, []int{1, 2, 3}},
		{"a wrapped line that never ends its sentence stays apart",
			"모델을 고를 때는\n비용과 지연",
			[]string{"모델을 고를 때는", "비용과 지연"}, []int{1, 2}},
		{"an English sentence wrapped before a lower-case word",
			"The model samples each token\nfrom a distribution.",
			[]string{"The model samples each token from a distribution."}, []int{1}},
		{"a line starting like an item stays apart",
			"정리하면 다음과 같은\n→ 세 가지가 있다.",
			[]string{"정리하면 다음과 같은", "→ 세 가지가 있다."}, []int{1, 2}},
		{"a hard line break always ends the line",
			"같은 프롬프트라도  \n매번 다른 답을 낸다.",
			[]string{"같은 프롬프트라도", "매번 다른 답을 낸다."}, []int{1, 2}},
		{"a list item wrapped after a connective",
			"- 토큰을 하나씩 생성하므로\n  긴 답은 느리다.",
			[]string{"토큰을 하나씩 생성하므로 긴 답은 느리다."}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("t.md", tt.src)
			var got []string
			var lines []int
			for _, s := range d.Sentences {
				got = append(got, s.Text)
				lines = append(lines, s.Line)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences = %q, want %q", got, tt.want)
			}
			if !reflect.DeepEqual(lines, tt.line) {
				t.Errorf("lines = %v, want %v", lines, tt.line)
			}
		})
	}
}
