package workspace

import (
	"strings"
	"unicode"
)

const (
	hangulBase  = 0xAC00
	hangulLast  = 0xD7A3
	medialCount = 21
	finalCount  = 28
)

// Revised Romanization of the initial consonants, vowels and (syllable-final)
// final consonants, in Unicode jamo order.
var (
	rrInitials = []string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	rrMedials  = []string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	rrFinals   = []string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// surnames holds customary spellings of Korean surnames.
var surnames = map[string]string{
	"김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho",
	"윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
	"권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Yoo", "유": "Yoo", "전": "Jeon",
	"홍": "Hong", "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek",
	"허": "Heo", "남": "Nam", "심": "Shim", "노": "Noh", "하": "Ha", "곽": "Kwak", "성": "Sung",
	"차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "나": "Na", "진": "Jin",
	"지": "Ji", "엄": "Um", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong",
	"현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Chu", "도": "Do",
	"소": "So", "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon",
	"위": "Wi", "표": "Pyo", "명": "Myung", "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Geum",
	"옥": "Ok", "육": "Yook", "인": "In", "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak",
	"국": "Kook", "어": "Eo", "은": "Eun", "편": "Pyeon", "용": "Yong",
	"남궁": "Namgung", "황보": "Hwangbo", "제갈": "Jegal", "선우": "Sunwoo", "독고": "Dokgo", "사공": "Sagong",
}

// surnameVariants are other first letters people use for a surname
// (이 Lee/Yi/Rhee, 노 Noh/Roh ...), beyond the customary and RR spellings.
var surnameVariants = map[string]string{
	"이": "lyri", "임": "lir", "류": "ry", "유": "yr", "노": "nr", "나": "nr", "라": "rl",
	"정": "jc", "조": "cj", "우": "wu", "오": "o", "어": "eo", "엄": "ue", "은": "e",
}

// isHangulSyllable reports whether r is a precomposed Hangul syllable.
func isHangulSyllable(r rune) bool { return r >= hangulBase && r <= hangulLast }

// isHangulName reports whether s is made only of Hangul syllables (spaces
// allowed) and has at least one.
func isHangulName(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case isHangulSyllable(r):
			n++
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return n > 0
}

// decompose splits a Hangul syllable into its initial, medial and final
// jamo indices.
func decompose(r rune) (l, v, t int) {
	c := int(r - hangulBase)
	return c / (medialCount * finalCount), (c % (medialCount * finalCount)) / finalCount, c % finalCount
}

// romanizeSyllable is the strict Revised Romanization of one syllable,
// lower-case, without assimilation across syllables.
func romanizeSyllable(r rune) string {
	if !isHangulSyllable(r) {
		return string(r)
	}
	l, v, t := decompose(r)
	return rrInitials[l] + rrMedials[v] + rrFinals[t]
}

// splitName splits a Korean name into surname and given name, recognising
// the two-syllable surnames (남궁, 황보, 제갈, 선우, 독고, 사공) in names of
// three syllables or more.
func splitName(name string) (surname string, given []rune) {
	rs := []rune(strings.Join(strings.Fields(cleanName(name)), ""))
	if len(rs) == 0 {
		return "", nil
	}
	if len(rs) >= 3 {
		if two := string(rs[:2]); twoSyllableSurname(two) {
			return two, rs[2:]
		}
	}
	return string(rs[:1]), rs[1:]
}

// twoSyllableSurname reports whether s is one of the two-syllable surnames.
func twoSyllableSurname(s string) bool {
	_, ok := surnames[s]
	return ok && len([]rune(s)) == 2
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Romanize writes a Korean name in Latin letters as "Park Ji-Min": the
// surname in its customary spelling (김 Kim, 이 Lee, 박 Park, 남궁 Namgung …)
// and each syllable of the given name in strict Revised Romanization
// (syllable-final consonants in final form, no assimilation across
// syllables), capitalised and joined with hyphens: 박지민 → "Park Ji-Min",
// 정하늘 → "Jung Ha-Neul". A name that is not all Hangul is returned
// cleaned but otherwise unchanged. A member's roman in moim.yaml overrides it.
func Romanize(name string) string {
	name = cleanName(name)
	if !isHangulName(name) {
		return name
	}
	sur, given := splitName(name)
	s, ok := surnames[sur]
	if !ok {
		var b strings.Builder
		for _, r := range sur {
			b.WriteString(romanizeSyllable(r))
		}
		s = capitalize(b.String())
	}
	if len(given) == 0 {
		return s
	}
	parts := make([]string, len(given))
	for i, r := range given {
		parts[i] = capitalize(romanizeSyllable(r))
	}
	return s + " " + strings.Join(parts, "-")
}

// Initials are the first letters of a romanised name's surname and of each
// given-name syllable, upper-case: "Kim Seong-Eon" → "KSE".
func Initials(roman string) string {
	var b strings.Builder
	for _, f := range strings.Fields(roman) {
		for _, p := range strings.Split(f, "-") {
			for _, r := range p {
				if unicode.IsLetter(r) {
					b.WriteRune(unicode.ToUpper(r))
					break
				}
			}
		}
	}
	return b.String()
}

// syllableLetters are the first letters a syllable may start with in the
// romanisations people actually use: RR plus the McCune–Reischauer-like
// variants (ㄱ g/k, ㄷ d/t, ㅂ b/p, ㄹ r/l, ㅈ j/c; 우 u/w/o, 이 i/y/l ...).
func syllableLetters(r rune) string {
	if !isHangulSyllable(r) {
		return strings.ToLower(string(r))
	}
	l, v, _ := decompose(r)
	switch l {
	case 0, 1: // ㄱ ㄲ
		return "gk"
	case 2:
		return "n"
	case 3, 4: // ㄷ ㄸ
		return "dt"
	case 5:
		return "rl"
	case 6:
		return "m"
	case 7, 8: // ㅂ ㅃ
		return "bp"
	case 9, 10:
		return "s"
	case 12, 13: // ㅈ ㅉ
		return "jc"
	case 14:
		return "c"
	case 15:
		return "kg"
	case 16:
		return "t"
	case 17:
		return "p"
	case 18:
		return "h"
	}
	// ㅇ: the vowel decides.
	switch rrMedials[v] {
	case "ae":
		return "ae"
	case "eo":
		return "eo"
	case "oe":
		return "ow"
	case "u":
		return "uwo"
	case "ui":
		return "ue"
	case "i":
		return "iyl"
	case "eu":
		return "e"
	}
	return rrMedials[v][:1]
}

// initialSets returns, for a member, the letters each initial may take:
// the surname's first, then one per given-name syllable. An explicit roman
// spelling adds its own initials.
func initialSets(name, roman string) []string {
	sur, given := splitName(name)
	if sur == "" || !isHangulName(name) {
		if roman == "" {
			return nil
		}
		var sets []string
		for _, r := range Initials(roman) {
			sets = append(sets, strings.ToLower(string(r)))
		}
		return sets
	}
	first := []rune(sur)[0]
	s := syllableLetters(first)
	if c, ok := surnames[sur]; ok {
		s += strings.ToLower(c[:1])
	}
	s += surnameVariants[sur]
	sets := []string{s}
	for _, r := range given {
		sets = append(sets, syllableLetters(r))
	}
	if roman != "" {
		if ini := strings.ToLower(Initials(roman)); len(ini) == len(sets) {
			for i := range sets {
				sets[i] += ini[i : i+1]
			}
		}
	}
	return sets
}

// romanSyllableVariants returns the lower-case spellings a given-name
// syllable may have in an id: strict RR and common variants (현 hyeon/hyun,
// 정 jeong/jung, 성 seong/sung).
func romanSyllableVariants(r rune) []string {
	rr := romanizeSyllable(r)
	out := []string{rr}
	if strings.Contains(rr, "eo") {
		out = append(out, strings.Replace(rr, "eo", "u", 1), strings.Replace(rr, "eo", "o", 1))
		if strings.HasPrefix(rr, "yeo") {
			out = append(out, "you"+rr[3:]) // 영 young
		}
	}
	if strings.Contains(rr, "u") && !strings.Contains(rr, "eu") {
		out = append(out, strings.Replace(rr, "u", "oo", 1))
	}
	return out
}
