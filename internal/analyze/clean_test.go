package analyze

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// cleanAllPasses is Clean as it was before its passes were skipped when
// they cannot match: every regular expression on every sentence. Clean
// must return exactly what it returns.
func cleanAllPasses(s string) string {
	s = reLink.ReplaceAllString(s, "$1")
	s = cleanDebris(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = dropStrayJamo(s)
	s = reSpaces.ReplaceAllString(strings.TrimSpace(s), " ")
	for {
		t := reBullets.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	return strings.Trim(s, " [")
}

// TestCleanSkipsOnlyPassesThatCannotMatch compares Clean with every pass
// run, on written cases and on random mixes of markup, list markers,
// white space and Korean text.
func TestCleanSkipsOnlyPassesThatCannotMatch(t *testing.T) {
	cases := []string{
		"", " ", "평범한 문장입니다.", "  앞뒤 공백  ", "두  칸\t탭\n줄",
		"- 목록 항목", "* 별표 항목", "+ 더하기", "> 인용", "• 가운뎃점", "· 점", "▪ 네모", "◦ 동그라미",
		"1. 번호", "12) 괄호 번호", "- 1. 겹친 표시", "-붙은 표시", "3.5배 빨라졌다",
		"**굵게**와 __밑줄__ ~~취소~~ `코드`", "[링크](http://a.b) 글", "![그림](x.png) 설명",
		"<b>태그</b> 안", "<Attention Is All You Need> 논문", "A &amp; B &lt;x&gt; &nbsp;끝 &quot;",
		"https://example.com/a 주소", "주소http://x 붙음", "[대괄호 시작", "[[이중]] 대괄호",
		"\u00a0줄바꿈 없는 공백\u00a0", "능력ㅇ을 봄", "ㅋㅋ 웃음", "가ㄴ", "\u3000전각 공백\u3000", "제어\u0007문자", "\ufeff글머리",
	}
	pieces := []string{"**", "__", "~~", "`", "&amp;", "&lt;", "&gt;", "&nbsp;", "&", "<", ">", "<i>", "</i>",
		"[", "]", "(", ")", "](", "![", "http://", "https://x.y/", "://", "- ", "* ", "1. ", "2)", "• ",
		" ", "  ", "\t", "\n", "\u00a0", "\u3000", "가", "나다", "ㅇ", "ㅋㅋ", "모델", "LoRA", "7", ".", "\x01"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := Clean(c), cleanAllPasses(c); got != want {
			t.Fatalf("Clean(%q) = %q, every pass gives %q", c, got, want)
		}
	}
}

// TestCleanDropsStrayJamo checks that a single jamo typed inside a word
// goes and that jamo written on purpose stay.
func TestCleanDropsStrayJamo(t *testing.T) {
	for in, want := range map[string]string{
		"모델의 추론능력ㅇ을 평가한다": "모델의 추론능력을 평가한다",
		"한도에 도달ㄹ하면 멈춘다":   "한도에 도달하면 멈춘다",
		"설명이 길다ㅋㅋ 그래도 좋다": "설명이 길다ㅋㅋ 그래도 좋다",
		"ㄱ. 정의를 먼저 적는다":   "ㄱ. 정의를 먼저 적는다",
		"어렵다 ㅠ 다시 보자":     "어렵다 ㅠ 다시 보자",
		"가ㅏㅏ나":            "가ㅏㅏ나",
		"ㅎ애동을 바꾼다":        "ㅎ애동을 바꾼다",
		"토큰ㄴ과 어휘ㅁ를 센다":    "토큰과 어휘를 센다",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCleanKeepsCodeInAngleBrackets: a type parameter or an element name in
// angle brackets is code, set in backticks so markdown shows it; a title
// in angle brackets keeps the brackets Korean uses for titles.
func TestCleanKeepsCodeInAngleBrackets(t *testing.T) {
	for in, want := range map[string]string{
		"제네릭은 <T>처럼 쓴다.":                       "제네릭은 `<T>`처럼 쓴다.",
		"<T extends string> 이런식으로 제약한다.":       "`<T extends string>` 이런식으로 제약한다.",
		"반환 타입이 Result<Card>[]였으면 좋겠다.":        "반환 타입이 Result`<Card>`[]였으면 좋겠다.",
		"Map<K, V>를 쓴다.":                       "Map`<K, V>`를 쓴다.",
		"<Attention Is All You Need> 논문을 읽었다.": "《Attention Is All You Need》 논문을 읽었다.",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTrimOpeners checks that Trim drops the markers a bullet does not
// need, spoken fillers and example markers included, and keeps words
// that only start like one.
func TestTrimOpeners(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"따라서 캐시는 지연을 줄인다.", "캐시는 지연을 줄인다."},
		{"우선 설정 파일의 경로를 환경 변수로 받도록 바꾸자.", "설정 파일의 경로를 환경 변수로 받도록 바꾸자."},
		{"우선, 큐의 크기를 제한해야 한다.", "큐의 크기를 제한해야 한다."},
		{"우선 순위가 높은 작업을 먼저 처리한다.", "우선 순위가 높은 작업을 먼저 처리한다."},
		{"우선순위 큐는 힙으로 구현한다.", "우선순위 큐는 힙으로 구현한다."},
		{"암튼 재시도 횟수는 세 번으로 정했다.", "재시도 횟수는 세 번으로 정했다."},
		{"예를 들어, 주문 서비스는 결제 이벤트를 구독한다.", "주문 서비스는 결제 이벤트를 구독한다."},
		{"예를 들면 로그 수집기는 파일을 감시한다.", "로그 수집기는 파일을 감시한다."},
		{"즉시 실행 함수는 스코프를 만든다.", "즉시 실행 함수는 스코프를 만든다."},
		{"1) 그리고 예를 들어 인덱스를 먼저 만든다.", "인덱스를 먼저 만든다."},
	} {
		if got := Trim(c.in); got != c.want {
			t.Errorf("Trim(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
