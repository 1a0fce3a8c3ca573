package text

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Number is a quantity written in a text: "1,000개", "1천 개", "1k", "30%",
// "3만 토큰", "다섯 명".
type Number struct {
	// Value is the quantity with its multiplier applied: "1.5억" is 1.5e8,
	// "128k" is 128000.
	Value float64
	// Unit is the unit or counter that follows, in a canonical spelling
	// ("%", "배", "개", "페이지", "토큰", "$"), "" when none does.
	Unit string
	// Text is the number as written, for messages.
	Text string
	// Word is true for a number written in Korean words ("다섯 명", "천 개").
	Word bool
}

// Ordinal reports whether the number gives a position ("두 번째"), not a
// quantity.
func (n Number) Ordinal() bool { return n.Unit == "번째" }

// Counts reports whether the number counts things a list can enumerate
// ("세 가지", "4단계", "두 개").
func (n Number) Counts() bool { return countUnits[n.Unit] }

// Same reports whether n and o state the same quantity: equal values, and
// equal units unless one of them has none or both count things ("1,000"
// and "1천 개" are the same, and "세 축" and "3가지"; "5배" and "5%" are
// not, nor "3장" and "3 페이지").
func (n Number) Same(o Number) bool {
	if n.Unit != "" && o.Unit != "" && n.Unit != o.Unit && (measureUnits[n.Unit] || measureUnits[o.Unit]) {
		return false
	}
	d := math.Abs(n.Value - o.Value)
	return d <= 1e-9*math.Max(1, math.Abs(n.Value))
}

// units maps the units and counters moim recognises after a number to
// their canonical spelling. Longer spellings win ("개월" over "개").
var units = map[string]string{
	"%": "%", "퍼센트": "%", "%p": "%p", "퍼센트포인트": "%p",
	"배": "배", "x": "배",
	"개": "개", "가지": "가지", "종류": "종류", "단계": "단계", "요소": "요소",
	"명": "명", "번": "번", "회": "회", "차례": "번", "번째": "번째",
	"장": "장", "절": "절", "쪽": "페이지", "페이지": "페이지", "p": "페이지", "pages": "페이지", "page": "페이지",
	"권": "권", "줄": "줄", "문장": "문장", "단어": "단어", "글자": "글자", "자": "글자", "건": "건", "점": "점",
	"년": "년", "년도": "년", "개월": "개월", "달": "개월", "주": "주", "주차": "주차", "일": "일",
	"시간": "시간", "분": "분", "초": "초", "ms": "ms", "밀리초": "ms",
	"토큰": "토큰", "tokens": "토큰", "token": "토큰",
	"차원": "차원", "층": "층", "레이어": "층", "layers": "층",
	"달러": "$", "$": "$", "원": "원", "센트": "센트",
	"gb": "GB", "mb": "MB", "kb": "KB", "tb": "TB", "기가": "GB",
	"파라미터": "파라미터", "parameters": "파라미터", "params": "파라미터",
	"위": "위", "등": "위", "세대": "세대", "비트": "비트", "bit": "비트", "bits": "비트",
	"개국": "개국", "국": "개국", "배치": "배치", "epoch": "에폭", "에폭": "에폭",
	// Nouns that count what they name ("세 축", "두 모델", "네 원칙").
	"축": "축", "개념": "개념", "원칙": "원칙", "방법": "방법", "방식": "방식", "모델": "모델", "문서": "문서",
	"예시": "예시", "사람": "명", "멤버": "명", "팀": "팀", "질문": "질문", "항목": "항목", "유형": "유형",
	"지표": "지표", "기준": "기준", "측면": "측면", "관점": "관점", "조항": "조항", "부분": "부분", "과제": "과제",
}

// countUnits are the counters of things a list enumerates.
var countUnits = map[string]bool{"개": true, "가지": true, "종류": true, "단계": true, "요소": true, "축": true,
	"개념": true, "원칙": true, "방법": true, "방식": true, "항목": true, "유형": true, "지표": true, "기준": true,
	"측면": true, "관점": true, "부분": true}

// measureUnits measure rather than count: a number in one of them is
// another quantity than the same number in any other unit.
var measureUnits = map[string]bool{"%": true, "%p": true, "배": true, "페이지": true, "장": true, "절": true,
	"년": true, "개월": true, "주": true, "주차": true, "일": true, "시간": true, "분": true, "초": true, "ms": true,
	"토큰": true, "차원": true, "층": true, "$": true, "원": true, "센트": true, "GB": true, "MB": true, "KB": true,
	"TB": true, "파라미터": true, "비트": true, "에폭": true, "위": true, "세대": true}

// maxUnitRunes is the longest key of units, in runes.
var maxUnitRunes = func() int {
	n := 0
	for k := range units {
		n = max(n, utf8.RuneCountInString(k))
	}
	return n
}()

// koreanMultipliers are the Korean number words that multiply.
var koreanMultipliers = map[rune]float64{'십': 10, '백': 100, '천': 1e3, '만': 1e4, '억': 1e8, '조': 1e12}

// nativeNumbers are Korean native numerals as they stand before a counter
// ("두 명", "세 가지"); 한 (one) is left out, it is mostly idiom ("한 번 더").
var nativeNumbers = map[string]float64{
	"두": 2, "세": 3, "석": 3, "네": 4, "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
	"스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
}

// Numbers returns the quantities written in s, in order: numbers in
// digits with their thousands separators and decimals ("1,000", "3.5"),
// Korean and English multipliers ("1천", "3만", "1.5억", "128k", "7B"),
// the unit or counter that follows ("30%", "5배", "3 페이지"), bare
// multiplier words ("천 개", "백만 건") and native numerals before a
// counter ("다섯 명", "세 가지"). Digits inside a Latin name ("GPT-4",
// "H100", "v2") are part of the name, not numbers; vague words ("수십",
// "몇") are not numbers.
func Numbers(s string) []Number {
	s = Normalize(s)
	rs := []rune(s)
	var out []Number
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			if partOfName(rs, i) {
				for i < len(rs) && (isDigitRune(rs[i]) || rs[i] == '.' && i+1 < len(rs) && isDigitRune(rs[i+1])) {
					i++
				}
				continue
			}
			n, next := readDigits(rs, i)
			out = append(out, n)
			i = next
		case koreanMultipliers[r] > 0 && r != '조' && r != '십' && (i == 0 || !isHangulSyllable(rs[i-1])):
			// A number in words starts with 천, 만, 억 or 백 ("천 개", "백만
			// 건"); 조 and 십 start too many ordinary words (조건, 십분).
			if n, next, ok := readKoreanWord(rs, i); ok {
				out = append(out, n)
				i = next
				continue
			}
			i++
		case isHangulSyllable(r) && (i == 0 || !isHangulSyllable(rs[i-1])):
			if n, next, ok := readNative(rs, i); ok {
				out = append(out, n)
				i = next
				continue
			}
			i++
		default:
			i++
		}
	}
	return out
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// partOfName reports whether the digits at i belong to a Latin name:
// directly after a Latin letter ("H100", "v2") or after a hyphen or dot
// that follows one ("GPT-4", "Llama-3.1").
func partOfName(rs []rune, i int) bool {
	if i == 0 {
		return false
	}
	p := rs[i-1]
	if p < 0x80 && unicode.IsLetter(p) {
		return true
	}
	if (p == '-' || p == '.') && i >= 2 {
		q := rs[i-2]
		return q < 0x80 && unicode.IsLetter(q)
	}
	return false
}

// readDigits reads a number in digits at i, with its multiplier and unit.
func readDigits(rs []rune, i int) (Number, int) {
	start := i
	var b strings.Builder
	for i < len(rs) {
		r := rs[i]
		switch {
		case isDigitRune(r):
			b.WriteRune(r)
			i++
			continue
		case r == ',' && i+3 < len(rs)+1 && threeDigits(rs, i+1):
			i++
			continue
		case r == '.' && i+1 < len(rs) && isDigitRune(rs[i+1]) && !strings.Contains(b.String(), "."):
			b.WriteRune('.')
			i++
			continue
		}
		break
	}
	v, _ := strconv.ParseFloat(b.String(), 64)
	n := Number{Value: v}
	// A fraction: "3분의 1" is a third.
	if rest := string(rs[i:min(len(rs), i+3)]); strings.HasPrefix(rest, "분의") || strings.HasPrefix(rest, " 분의") {
		j := i + 2
		if rs[i] == ' ' {
			j++
		}
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		k := j
		for k < len(rs) && isDigitRune(rs[k]) {
			k++
		}
		if k > j && v != 0 {
			m, _ := strconv.ParseFloat(string(rs[j:k]), 64)
			return Number{Value: m / v, Text: string(rs[start:k])}, k
		}
	}
	// A currency sign before the number is its unit.
	if start > 0 && rs[start-1] == '$' {
		n.Unit = "$"
	}
	i = readMultiplier(rs, i, &n)
	if n.Unit == "" {
		n.Unit, i = readUnit(rs, i)
	}
	n.Text = strings.TrimSpace(string(rs[start:i]))
	return n, i
}

// threeDigits reports whether exactly three digits start at i (a
// thousands group: "1,000" but not "1, 2").
func threeDigits(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for j := i; j < i+3; j++ {
		if !isDigitRune(rs[j]) {
			return false
		}
	}
	return i+3 == len(rs) || !isDigitRune(rs[i+3])
}

// readMultiplier applies a multiplier written right after a number:
// Korean (천, 만, 억, 조, also chained: 천만, 백만) or Latin (k, K, M, B
// when no letter follows).
func readMultiplier(rs []rune, i int, n *Number) int {
	if i < len(rs) {
		var m float64
		switch rs[i] {
		case 'k':
			m = 1e3
		case 'm':
			m = 1e6
		case 'b':
			m = 1e9
		}
		// Normalize lower-cased the text: "128K" is "128k", "7B" is "7b".
		// "5m" could be metres or minutes; only "k", and "m"/"b" that end
		// a word, count.
		if m > 0 && (i+1 == len(rs) || !unicode.IsLetter(rs[i+1])) {
			n.Value *= m
			return i + 1
		}
	}
	j := i
	total := 0.0
	group := 0.0
	for j < len(rs) && koreanMultipliers[rs[j]] > 0 {
		m := koreanMultipliers[rs[j]]
		if m < 1e4 {
			group = max(group, 1) * m
		} else {
			if group == 0 {
				group = 1
			}
			total += group * m
			group = 0
		}
		j++
	}
	if j == i {
		return i
	}
	// "만" alone after a number may be the particle "only" ("3개만"), but
	// right after digits it is the multiplier ("3만").
	if group > 0 {
		total += group
	}
	n.Value *= total
	return j
}

// readUnit reads the unit or counter after a number, allowing one space
// ("3 페이지"); a particle may follow the unit ("5배로", "3개의").
func readUnit(rs []rune, i int) (string, int) {
	j := i
	if j < len(rs) && rs[j] == ' ' {
		j++
	}
	for k := min(maxUnitRunes, len(rs)-j); k >= 1; k-- {
		cand := string(rs[j : j+k])
		u, ok := units[cand]
		if !ok {
			continue
		}
		end := j + k
		// A Latin unit must end its word ("3p" but not "3pro").
		if rs[end-1] < 0x80 && unicode.IsLetter(rs[end-1]) && end < len(rs) && rs[end] < 0x80 && unicode.IsLetter(rs[end]) {
			continue
		}
		// A one-syllable counter followed by more syllables is usually a
		// word of its own ("3 주요"), unless what follows is a particle.
		if k == 1 && end < len(rs) && isHangulSyllable(rs[end]) && !particleAt(rs, end) {
			continue
		}
		if u == "%" && end < len(rs) && rs[end] == 'p' {
			return "%p", end + 1
		}
		return u, end
	}
	return "", i
}

// particleAt reports whether a Korean particle or copula starts at i.
func particleAt(rs []rune, i int) bool {
	rest := string(rs[i:min(len(rs), i+3)])
	for _, p := range []string{"의", "을", "를", "이", "가", "은", "는", "에", "로", "으로", "과", "와", "도", "만", "씩", "짜리", "째", "까지", "부터", "보다", "나", "이나", "정도", "쯤", "가량", "이상", "이하", "이다", "였", "인"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// readKoreanWord reads a number written as a Korean multiplier word at the
// start of a word ("천 개", "백만 건", "만 명"); it must be followed by a
// unit, since 만 and 조 are also ordinary words.
func readKoreanWord(rs []rune, i int) (Number, int, bool) {
	n := Number{Value: 1, Word: true}
	j := readMultiplier(rs, i, &n)
	if j == i {
		return Number{}, i, false
	}
	if j < len(rs) && isHangulSyllable(rs[j]) && !particleAt(rs, j) {
		// "조건", "만들다", "천천히", "백업": part of a longer word.
		if _, end := readUnit(rs, j); end == j {
			return Number{}, i, false
		}
	}
	u, end := readUnit(rs, j)
	if u == "" {
		return Number{}, i, false
	}
	n.Unit = u
	n.Text = string(rs[i:end])
	return n, end, true
}

// readNative reads a native Korean numeral before a counter ("다섯 명",
// "세 가지", "두 번째").
func readNative(rs []rune, i int) (Number, int, bool) {
	j := i
	for j < len(rs) && isHangulSyllable(rs[j]) {
		j++
	}
	v, ok := nativeNumbers[string(rs[i:j])]
	if !ok {
		return Number{}, i, false
	}
	u, end := readUnit(rs, j)
	if u == "" || u == "%" || u == "$" {
		return Number{}, i, false
	}
	return Number{Value: v, Unit: u, Text: string(rs[i:end]), Word: true}, end, true
}
