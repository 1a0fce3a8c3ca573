package text

import (
	"sort"
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"LoRA와 QLoRA로 GPT-4o를 미세 조정한다", "LoRA QLoRA GPT-4o"},
		{"fine-tuning은 비싸다", "fine-tuning"},
		{"구글의 제미나이와 앤트로픽의 클로드, 라마3를 비교", "구글 라마 앤트로픽 제미나이 클로드"},
		{"메타버스를 잘 알고 달리 말하면 도커라이징", ""},
		// Proper nouns by the dictionary, not verbs it mistakes for one.
		{"삼성과 서울에서 김철수를 만났다", "삼성 서울 김철수"},
		{"정리하고 공유했다, 흉내 내지 않는다", ""},
		{"Retrieval works. The model uses BERT and PyTorch in 2024.", "BERT PyTorch"},
		{"the cost of a prompt", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range Names(tt.in) {
			got = append(got, n.Text)
		}
		sort.Strings(got)
		want := strings.Fields(tt.want)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Names(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameKeys(t *testing.T) {
	keys := map[string]string{}
	for _, n := range Names("김철수와 GPT-4o, 구글의 복잡도") {
		keys[n.Text] = n.Key
	}
	want := map[string]string{"김철수": "김철", "GPT-4o": "gpt4o", "구글": "구글", "복잡도": "복잡"}
	for k, v := range want {
		if keys[k] != v {
			t.Errorf("key of %s = %q, want %q (all: %v)", k, keys[k], v, keys)
		}
	}
}
