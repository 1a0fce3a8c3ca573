package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"korean endings", "모델을 학습했다. 결과가 좋았어요. 다음 주에 다시 본다.",
			[]string{"모델을 학습했다.", "결과가 좋았어요.", "다음 주에 다시 본다."}},
		{"nominal endings with period", "평가 지표를 정리함. 정확도가 낮음. 원인은 데이터 부족임. 다음에 확인할 것",
			[]string{"평가 지표를 정리함.", "정확도가 낮음.", "원인은 데이터 부족임.", "다음에 확인할 것"}},
		{"nominal endings at line end", "벤치마크를 돌려봄\n점수가 개선됨\n원인은 모름",
			[]string{"벤치마크를 돌려봄", "점수가 개선됨", "원인은 모름"}},
		{"question and exclamation", "왜 환각이 생길까? 정말 신기하다! 다음으로 넘어가자",
			[]string{"왜 환각이 생길까?", "정말 신기하다!", "다음으로 넘어가자"}},
		{"english", "RAG grounds answers. It helps a lot! Does it scale?",
			[]string{"RAG grounds answers.", "It helps a lot!", "Does it scale?"}},
		{"decimal and version", "GPT-3.5와 GPT-4를 비교했다. 점수는 3.5점 올랐다.",
			[]string{"GPT-3.5와 GPT-4를 비교했다.", "점수는 3.5점 올랐다."}},
		{"abbreviations", "Use metrics, e.g. BLEU, i.e. overlap scores vs. human ratings. Dr. Kim agrees.",
			[]string{"Use metrics, e.g. BLEU, i.e. overlap scores vs. human ratings.", "Dr. Kim agrees."}},
		{"item labels opening a line", "A1. 조각으로 나뉜다. 어휘가 줄어든다.\nQ2. 왜 그럴까?\n답은 B1. 아니다.",
			[]string{"A1. 조각으로 나뉜다.", "어휘가 줄어든다.", "Q2. 왜 그럴까?", "답은 B1.", "아니다."}},
		{"ellipsis", "잘 모르겠다... 다시 읽어봐야 함… 그래도 재미있다.",
			[]string{"잘 모르겠다... 다시 읽어봐야 함… 그래도 재미있다."}},
		{"list items", "- 자기 지도 학습\n- 검색 증강 생성 파이프라인 구축\n1. 사전 학습",
			[]string{"- 자기 지도 학습", "- 검색 증강 생성 파이프라인 구축", "1. 사전 학습"}},
		{"closing quote stays", `그는 "환각은 피할 수 없다." 라고 했다. 동의한다.`,
			[]string{`그는 "환각은 피할 수 없다."`, "라고 했다.", "동의한다."}},
		{"no space after korean period", "모델이 커졌다.그래서 비용도 늘었다.",
			[]string{"모델이 커졌다.", "그래서 비용도 늘었다."}},
		{"period inside url or file", "설정은 config.yaml 파일에 있다.", []string{"설정은 config.yaml 파일에 있다."}},
		// A name ending in "!" or "?" with its particle after a space
		// goes on; a determiner "이" opens a sentence.
		{"name with a mark before its particle", "처음에는 Hello World! 를 출력하듯, 실무가 먼저다. 정말 그럴까? 이 부분은 더 보자.",
			[]string{"처음에는 Hello World! 를 출력하듯, 실무가 먼저다.", "정말 그럴까?", "이 부분은 더 보자."}},
		{"crlf and blanks", "첫 문장이다.\r\n\r\n  두 번째 문장  ", []string{"첫 문장이다.", "두 번째 문장"}},
		{"terminators inside a bracket", "이 코드는 규칙을 어긴다 (이런 탐색? 이 편했는데, 피해야 할 것 같다.) 다음 절로 간다.",
			[]string{"이 코드는 규칙을 어긴다 (이런 탐색? 이 편했는데, 피해야 할 것 같다.)", "다음 절로 간다."}},
		{"bracket never closed", "이 코드는 (이런 탐색? 이 편했다. 다음 절로 간다.",
			[]string{"이 코드는 (이런 탐색?", "이 편했다.", "다음 절로 간다."}},
		{"bracket around the whole line", "(왜냐면 인터페이스는 합성을 허용하지 않기 때문. 유니온도 마찬가지임.)",
			[]string{"(왜냐면 인터페이스는 합성을 허용하지 않기 때문.", "유니온도 마찬가지임.)"}},
		{"quoted exclamation or question", "이 값은 절대 거짓이 될 수 없어! 라고 가정한다. 상속을 쓸까? 하는 결정이 남는다.",
			[]string{"이 값은 절대 거짓이 될 수 없어! 라고 가정한다.", "상속을 쓸까? 하는 결정이 남는다."}},
		{"empty", " \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesLongCut(t *testing.T) {
	clause := "모델은 데이터를 읽고 "
	long := strings.Repeat(clause, 60) + "끝난다"
	got := Sentences(long)
	if len(got) < 2 {
		t.Fatalf("got %d pieces, want the long sentence cut", len(got))
	}
	for i, s := range got {
		if n := utf8.RuneCountInString(s); n > maxSentenceRunes {
			t.Errorf("piece %d has %d runes, want <= %d", i, n, maxSentenceRunes)
		}
		if i < len(got)-1 && !strings.HasSuffix(s, "고") {
			t.Errorf("piece %d = %q, want a cut after a clause ending '고 '", i, s)
		}
	}
	if joined := strings.Join(got, " "); joined != long {
		t.Errorf("pieces do not rebuild the sentence")
	}

	comma := strings.Repeat("검색, 생성, ", 100) + "끝"
	got = Sentences(comma)
	if len(got) < 2 {
		t.Fatalf("comma list: got %d pieces, want a cut", len(got))
	}
	for i, s := range got[:len(got)-1] {
		if !strings.HasSuffix(s, ",") {
			t.Errorf("comma list piece %d = %q, want a cut after ', '", i, s)
		}
	}

	noSpace := strings.Repeat("가", 1000)
	got = Sentences(noSpace)
	if len(got) != 3 || utf8.RuneCountInString(got[0]) != maxSentenceRunes {
		t.Errorf("unbroken run: got %d pieces, first %d runes; want hard cuts at %d", len(got), utf8.RuneCountInString(got[0]), maxSentenceRunes)
	}
}
