package text

import (
	"fmt"
	"strings"
	"testing"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want string // "value unit" pairs, separated by "; "
	}{
		{"예시 1,000개를 모았다", "1000 개"},
		{"예시 1000개", "1000 개"},
		{"예시 1천 개", "1000 개"},
		{"예시 천 개", "1000 개"},
		{"1k 예시", "1000 예시"},
		{"128K 컨텍스트와 8k 토큰", "128000 ; 8000 토큰"},
		{"비용이 30% 줄었다", "30 %"},
		{"30 퍼센트", "30 %"},
		{"0.5%p 올랐다", "0.5 %p"},
		{"3만 토큰, 1.5억 원, 3백만 건, 10만 명", "30000 토큰; 1.5e+08 원; 3e+06 건; 100000 명"},
		{"백만 개의 문서", "1e+06 개"},
		{"5배 빨라졌고 2배로 늘었다", "5 배; 2 배"},
		{"$20 또는 20달러", "20 $; 20 $"},
		{"다섯 명이 세 가지 방법을 두 번째로", "5 명; 3 가지; 2 번째"},
		{"네 명 모두", "4 명"},
		{"정확성, 관련성, 어조의 세 축과 두 모델", "3 축; 2 모델"},
		{"3.5 페이지와 300쪽", "3.5 페이지; 300 페이지"},
		{"2024년 3주차 4장에서", "2024 년; 3 주차; 4 장"},
		{"7B 모델", "7e+09 모델"},
		{"3~5개", "3 ; 5 개"},
		// Digits inside names are not numbers.
		{"GPT-4와 GPT-3.5, Llama-2, H100, v2", ""},
		// Ordinary words that start like numbers.
		{"조건을 만들고 천천히 백업한다, 만약 세상이", ""},
		// Vague amounts are not numbers.
		{"수천 개, 수십 명, 몇 가지", ""},
		// A one-syllable counter glued to a longer word is not a unit.
		{"3 주요 개념", "3 "},
		{"1, 2, 3", "1 ; 2 ; 3 "},
		{"노드 3분의 1이 배신해도, 10분 뒤", "0.3333333333333333 ; 10 분"},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range Numbers(tt.in) {
			got = append(got, fmt.Sprintf("%g %s", n.Value, n.Unit))
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("Numbers(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestNumberSame(t *testing.T) {
	first := func(s string) Number {
		ns := Numbers(s)
		if len(ns) == 0 {
			t.Fatalf("no number in %q", s)
		}
		return ns[0]
	}
	same := [][2]string{
		{"1,000개", "1천 개"}, {"1000", "1k"}, {"천 개", "1000개"}, {"3만 토큰", "30,000 tokens"},
		{"30%", "30 퍼센트"}, {"5배", "5"}, {"10만", "100,000명"},
	}
	for _, p := range same {
		if !first(p[0]).Same(first(p[1])) {
			t.Errorf("%q and %q should be the same quantity", p[0], p[1])
		}
	}
	differ := [][2]string{{"5배", "5%"}, {"1,000개", "10,000개"}, {"3 페이지", "3장"}, {"1.5억", "15억"}}
	for _, p := range differ {
		if first(p[0]).Same(first(p[1])) {
			t.Errorf("%q and %q should differ", p[0], p[1])
		}
	}
}
