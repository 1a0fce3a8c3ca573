package text

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
)

// KagomeAnalyzer extracts terms with the kagome morphological analyzer and
// the mecab-ko-dic dictionary (kagome-dict-ko), plus a small user
// dictionary of AI/ML vocabulary (domainNouns). The dictionary (about 25 MB
// compressed in the binary) is loaded on the first call to Terms, once per
// process, and shared by every KagomeAnalyzer. The search is kagome's, run
// by viterbi (lattice.go) over kagome's tables with less bookkeeping.
type KagomeAnalyzer struct{}

var kagome struct {
	once sync.Once
	vit  *viterbi // kagome's search over kagome's tables (lattice.go)
	err  error
}

// NewKagome returns the kagome-based analyzer. It does not load the
// dictionary; Load or the first Terms call does.
func NewKagome() *KagomeAnalyzer { return &KagomeAnalyzer{} }

// DictionaryUsed, when not nil, is called each time Warm, Load or Terms
// asks for the dictionary. Tests use it to check
// that work which needs no analysis (moim check) never loads it.
var DictionaryUsed func()

// Load loads the dictionary now (once per process) and reports a failure
// to build the user dictionary.
func (*KagomeAnalyzer) Load() error {
	if DictionaryUsed != nil {
		DictionaryUsed()
	}
	return loadKagome()
}

func loadKagome() error {
	kagome.once.Do(func() {
		kagome.vit, kagome.err = newKagomeSearch()
	})
	return kagome.err
}

func newKagomeSearch() (*viterbi, error) {
	recs := make(dict.UserDictRecords, 0, len(domainNouns))
	seen := make(map[string]bool)
	for _, w := range domainNouns {
		if seen[w] {
			continue
		}
		seen[w] = true
		recs = append(recs, dict.UserDicRecord{Text: w, Tokens: []string{w}, Yomi: []string{w}, Pos: "NNG"})
	}
	ud, err := recs.NewUserDict()
	if err != nil {
		return nil, fmt.Errorf("text: kagome user dictionary: %w", err)
	}
	// The shrunk dictionary leaves out the feature columns we do not read,
	// which saves memory; POS tags are kept. loadSearchDict reads it from
	// the pre-decoded copy in the cache directory when there is one.
	d, first := loadSearchDict()
	return newViterbi(d, ud, first), nil
}

// Terms implements Analyzer. If the dictionary cannot be loaded (it is
// embedded, so this means a broken build) it falls back to the
// dictionary-free analyzer.
func (a *KagomeAnalyzer) Terms(s string) []Term {
	return a.read(s, false).Terms
}

// Read implements Reader: the terms and the morphemes of s in one pass.
func (a *KagomeAnalyzer) Read(s string) Reading {
	return a.read(s, true)
}

// latinParticles are the particles the dictionary may read as nouns when
// they are written onto a Latin word (은 silver, 과 lesson, 의 righteousness,
// 나 I, 마다 each), with the particle tags they have there.
var latinParticles = map[string]string{
	"은": "JX", "는": "JX", "도": "JX", "만": "JX", "마다": "JX",
	"이": "JKS", "가": "JKS", "을": "JKO", "를": "JKO", "의": "JKG",
	"과": "JC", "와": "JC", "나": "JC", "이나": "JC", "로": "JKB", "에": "JKB",
}

func (a *KagomeAnalyzer) read(s string, withMorphs bool) Reading {
	if err := a.Load(); err != nil {
		return Reading{Terms: NewFree().Terms(s)}
	}
	var c compounder
	var ms []Morph
	tp := tokens.Get().(*[]ktoken)
	toks := *tp
	defer func() {
		clear(toks) // keep no surfaces of this text alive
		*tp = toks[:0]
		tokens.Put(tp)
	}()
	afterLatin := false // the previous piece is a Latin word this one is glued to
	for _, p := range scanPieces(s) {
		if p.isLatin {
			c.add(latinMorph(p))
			if withMorphs {
				ms = append(ms, Morph{Surface: p.text, POS: "SL", Space: p.space})
			}
			afterLatin = true
			continue
		}
		space := false
		afterETM := false // the previous morpheme ends in an adnominal ending ("할")
		toks = kagome.vit.analyze(p.text, toks[:0])
		if withMorphs {
			ms = slices.Grow(ms, len(toks))
		}
		for i, t := range toks {
			tag, ok := t.tag, t.tagOK
			if !ok {
				c.add(morph{surf: t.Surface, kind: kBreak})
				continue
			}
			if tag == "SP" || strings.TrimSpace(t.Surface) == "" {
				space = true
				continue
			}
			if i == 0 && afterLatin && tag[0] == 'N' {
				if pt, ok := latinParticles[t.Surface]; ok {
					// "ThreadLocal은 …" read 은/NNG (silver), "AOP의
					// 개념" 의/NNG, "useState나 …" 나/NP (I): a
					// particle written onto a Latin word, which would
					// otherwise join it and the next nouns into one
					// compound ("useEffect의 콜백 함수")
					tag = pt
				}
			}
			if withMorphs {
				ms = append(ms, Morph{Surface: t.Surface, POS: tag, Space: space})
			}
			first, last := tag, tag
			if i := strings.IndexByte(tag, '+'); i >= 0 {
				first, last = tag[:i], tag[strings.LastIndexByte(tag, '+')+1:]
			}
			k := kagomeKind(first, t.Surface)
			if k == kNoun && afterETM && boundAfterETM(t.Surface) {
				// "할 수도", "볼 수는": the bound noun 수 with a particle,
				// tagged as the noun 수도 (capital city)
				k = kBreak
			}
			afterETM = strings.HasSuffix(tag, "ETM")
			if k == kNoun && utf8.RuneCountInString(t.Surface) >= 3 && (strings.HasSuffix(t.Surface, "함") || strings.HasSuffix(t.Surface, "됨")) {
				// "정리함" is a noun (a box) in the dictionary but a
				// note-style predicate (정리+함) in study notes
				k = kBreak
			}
			if (first == "VV" || first == "VA") && !space && isHadaForm(t.Surface) {
				// "정렬한다" tagged 정렬/NNG 한다/VV: a verbal noun
				k = kPred
			}
			if first == "VCP" && space {
				// "선언된 인스턴스를" read 인/VCP+ETM 스턴스/NNP: a copula
				// opens no word, so it is the first syllable of the
				// noun glued to it (kept only when one follows)
				c.add(morph{surf: t.Surface, kind: kPrefix, space: space})
				space = false
				continue
			}
			c.add(morph{surf: t.Surface, kind: k, space: space})
			if last != first && kagomeKind(last, "") != kNoun {
				c.add(morph{surf: "", kind: kBreak})
			}
			space = false
		}
		afterLatin = false
	}
	return Reading{Terms: c.terms(), Morphs: ms}
}

// tokens holds the token slices read reuses: one per goroutine reading.
var tokens = sync.Pool{New: func() any { return new([]ktoken) }}

// kagomeKind maps a mecab-ko-dic POS tag to the stream kind.
func kagomeKind(tag, surf string) kind {
	switch tag {
	case "NNG", "NNP", "NP", "SH":
		if breakWords[surf] {
			return kBreak
		}
		return kNoun
	case "SL":
		return kLatin
	case "XSN":
		return kSuffix
	case "XPN":
		return kPrefix
	case "XSV", "XSA":
		return kPred
	}
	return kBreak
}

// isHadaForm reports whether a verb surface is a form of 하다 or 되다.
func isHadaForm(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("하한할함해했되된될됨돼됐", r)
}

// boundAfterETM reports whether a noun surface read right after an
// adnominal ending is really a bound noun with its particle: "수도", "수는",
// "것도", "데도".
func boundAfterETM(s string) bool {
	switch s {
	case "수도", "수는", "수가", "수만", "것도", "것은", "데도", "줄도", "리도", "법도", "뿐":
		return true
	}
	return false
}
