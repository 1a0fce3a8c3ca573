package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// knownNames are Korean spellings of companies, products, models and
// libraries that tech writing names often and that the dictionary takes
// for common nouns (구글, 메타) or splits (앤트로픽). A name here is only
// reported when it stands as a word of its own ("메타의", not "메타데이터").
var knownNames = strings.Fields(`
구글 메타 마이크로소프트 아마존 애플 엔비디아 앤트로픽 오픈에이아이 딥마인드 허깅페이스 테슬라 넷플릭스 네이버 카카오 삼성 쿠팡 업스테이지
미스트랄 코히어 퍼플렉시티 깃허브 유튜브 트위터 레딧 위키피디아 스택오버플로
제미나이 제미니 클로드 라마 바드 코파일럿 챗지피티 지피티 하이퍼클로바 엑사원 버트 큐웬 딥시크 미드저니
랭체인 라마인덱스 파이토치 텐서플로 케라스 판다스 넘파이 사이킷런 쿠버네티스 도커 스파크 카프카 에어플로우 벡터디비 파인콘 크로마 밀버스 위비에이트
`)

// Name is a word of a text that names something.
type Name struct {
	// Text is the name as written.
	Text string
	// Key is what another text must contain, compacted (see Compact), to
	// name it too: the whole name, or for a proper noun of the
	// dictionary its first two syllables ("복잡도" is named by a text
	// with "복잡해지면"), since the dictionary takes many common nouns
	// for proper ones.
	Key string
}

// Names returns the words of s that name something: Latin-script words
// (acronyms, model and product names: "LoRA", "GPT-4o", "LangChain"; in a
// Korean text every Latin word but English function words, since it is
// then a term: "fine-tuning"), proper nouns by the kagome dictionary
// (NNP), and the Korean spellings of well-known companies, products and
// libraries (구글, 앤트로픽, 랭체인). Each is returned once.
func Names(s string) []Name {
	korean := false
	for _, r := range s {
		if isHangulSyllable(r) {
			korean = true
			break
		}
	}
	var out []Name
	seen := map[string]bool{}
	add := func(w, key string) {
		k := Compact(w)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, Name{Text: w, Key: Compact(key)})
	}
	pieces := scanPieces(s)
	for i, p := range pieces {
		if !p.isLatin {
			continue
		}
		w := strings.TrimRight(p.text, ".-_+/")
		lw := strings.ToLower(w)
		if stopLatin[lw] || utf8.RuneCountInString(w) < 2 {
			continue
		}
		if korean || nameLike(w, i == 0 || sentenceStart(pieces, i)) {
			add(w, w)
		}
	}
	if !korean {
		return out
	}
	if err := NewKagome().Load(); err == nil {
		for _, p := range pieces {
			if p.isLatin {
				continue
			}
			toks := kagome.vit.analyze(p.text, nil)
			for i, t := range toks {
				if properNoun(toks, i) {
					key := t.Surface
					if rs := []rune(key); len(rs) > 2 {
						key = string(rs[:2])
					}
					add(t.Surface, key)
				}
			}
		}
	}
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for _, n := range knownNames {
			if rest, ok := strings.CutPrefix(w, n); ok && (rest == "" || isParticle(strings.TrimLeft(rest, "0123456789.")) || isDigits(rest)) {
				add(n, n)
			}
		}
	}
	return out
}

// properNoun reports whether token i is a proper noun the dictionary is
// sure of: tagged NNP, a word of its own that no verb or ending follows
// ("내지 않는다" is a verb, not the place 내지), and a proper noun when
// analysed alone too ("정리" is a common noun alone).
func properNoun(toks []ktoken, i int) bool {
	t := toks[i]
	if tag, _ := t.POS(); tag != "NNP" || utf8.RuneCountInString(t.Surface) < 2 || !wholeWord(toks, i) {
		return false
	}
	for j := i + 1; j < len(toks); j++ {
		if strings.TrimSpace(toks[j].Surface) == "" {
			continue
		}
		tag, _ := toks[j].POS()
		// A verb, an ending or a bound noun after it ("건일 때", "내지
		// 않는다") shows a verb form the dictionary mistook for a name.
		if strings.HasPrefix(tag, "V") || strings.HasPrefix(tag, "E") || functionNouns[toks[j].Surface] {
			return false
		}
		break
	}
	alone := kagome.vit.analyze(t.Surface, nil)
	if len(alone) != 1 {
		return false
	}
	tag, _ := alone[0].POS()
	return tag == "NNP"
}

// wholeWord reports whether token i is a word of its own: nothing but a
// space or the start before it, and after it a space, punctuation, a
// particle or the end.
func wholeWord(toks []ktoken, i int) bool {
	if i > 0 && strings.TrimSpace(toks[i-1].Surface) != "" {
		return false
	}
	if i+1 >= len(toks) {
		return true
	}
	next := toks[i+1]
	tag, _ := next.POS()
	if strings.TrimSpace(next.Surface) == "" || strings.HasPrefix(tag, "S") {
		return true
	}
	if !strings.HasPrefix(tag, "J") {
		return false
	}
	// The particle must end the word too.
	return i+2 >= len(toks) || strings.TrimSpace(toks[i+2].Surface) == "" || strings.HasPrefix(func() string { t, _ := toks[i+2].POS(); return t }(), "S")
}

// nameLike reports whether a Latin word in English text names something:
// an acronym or a word with a capital not at the start of a sentence, or
// digits ("BERT", "LoRA", "PyTorch", "GPT-4", "Llama").
func nameLike(w string, atStart bool) bool {
	upper, digit := 0, false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			if i > 0 || !atStart {
				upper++
			}
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return upper > 0 || digit
}

// sentenceStart reports whether Latin piece i starts a sentence: only
// spaces and an end of sentence stand between it and the previous word.
func sentenceStart(pieces []piece, i int) bool {
	prev := strings.TrimSpace(pieces[i-1].text)
	if pieces[i-1].isLatin {
		return false
	}
	return prev == "" && i == 1 || strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, "!") || strings.HasSuffix(prev, "?") || strings.HasSuffix(prev, ":")
}

// isParticle reports whether s is a Korean particle (or copula ending)
// that may follow a noun.
func isParticle(s string) bool {
	for _, j := range josa {
		if s == j {
			return true
		}
	}
	return false
}
