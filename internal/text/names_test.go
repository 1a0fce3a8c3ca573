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
		{"메타데이터는 사전이 고유명사로 본다", "메타데이터"},
		{"Retrieval works. The model uses BERT and PyTorch in 2024.", "BERT PyTorch"},
		{"the cost of a prompt", ""},
	}
	for _, tt := range tests {
		got := Names(tt.in)
		sort.Strings(got)
		want := strings.Fields(tt.want)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Names(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
