package text

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/moim-study/moim/internal/testutil"
)

// sameAsKagome fails the test when the lattice search's tokens of s differ
// from kagome's Analyze(s, Normal): surface, class, morpheme id and part
// of speech tag, in order.
func sameAsKagome(t *testing.T, s string) bool {
	t.Helper()
	want := referenceTokenizer(t).Analyze(s, tokenizer.Normal)
	got := kagome.vit.analyze(s, nil)
	if len(got) != len(want) {
		t.Errorf("%q: %d tokens, kagome %d:\n got  %v\n want %v", s, len(got), len(want), surfaces(got), want)
		return false
	}
	for i, w := range want {
		g := got[i]
		tag, ok := w.FeatureAt(0)
		if g.Surface != w.Surface || int(g.class) != int(w.Class) || int(g.id) != w.ID || g.tag != tag || g.tagOK != ok {
			t.Errorf("%q: token %d is %q class %d id %d tag %q/%v, kagome %q class %d id %d tag %q/%v",
				s, i, g.Surface, g.class, g.id, g.tag, g.tagOK, w.Surface, w.Class, w.ID, tag, ok)
			return false
		}
	}
	return true
}

func surfaces(ts []ktoken) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Surface + "/" + t.tag
	}
	return out
}

var reference struct {
	once sync.Once
	tok  *tokenizer.Tokenizer
	err  error
}

// referenceTokenizer is kagome's own tokenizer over the dictionaries the
// search uses.
func referenceTokenizer(t testing.TB) *tokenizer.Tokenizer {
	t.Helper()
	loadForTest(t)
	reference.once.Do(func() {
		// kagome reads the whole POS table, which the search's own
		// dictionary leaves out (loadSearchDict).
		reference.tok, reference.err = tokenizer.New(loadSystemDict(), tokenizer.OmitBosEos(), tokenizer.UserDict(kagome.vit.u))
	})
	if reference.err != nil {
		t.Fatal(reference.err)
	}
	return reference.tok
}

func loadForTest(t testing.TB) {
	t.Helper()
	if err := NewKagome().Load(); err != nil {
		t.Fatal(err)
	}
}

// TestLatticeSameAsKagome compares the lattice search with kagome's on
// written sentences of every kind moim meets, on the edge cases of the
// search (empty input, lone spaces, the user dictionary's words, long runs
// of one character class, which kagome groups into one unknown word up to
// 1024 characters, characters outside the dictionary's table, invalid
// UTF-8), and on 20,000 random mixes of all of them.
func TestLatticeSameAsKagome(t *testing.T) {
	loadForTest(t)
	cases := []string{
		"", " ", "  \t ", "\n", "가", "한", "ㄱ", "ㅏㅏ", "。", "1", "12345", "3.14", "-",
		"이번 주에는 검색증강생성 파이프라인을 직접 구현해 보았다.",
		"파인튜닝과 프롬프트 엔지니어링은 비용 면에서 어떻게 다를까?",
		"모델이 할루시네이션을 일으키지 않도록 가드레일을 두어야 한다고 생각함",
		"토큰화 방식에 따라 같은 문장도 토큰 수가 2배까지 차이 날 수 있다",
		"정리함. 구축했다. 할 수도 있다. 볼 수는 없다.",
		"“인용”과 ‘작은따옴표’, (괄호) [대괄호] {중괄호} — 줄표 … 말줄임",
		"이모지 🙂🚀 와 한자 學習 과 가나 カタカナ ひらがな",
		"ㅋㅋㅋㅋㅋ ㅠㅠ 헐... 대박!!!",
		strings.Repeat("가", 1100), strings.Repeat("ㅋ", 1030), strings.Repeat("1", 1500),
		strings.Repeat("!", 2000), strings.Repeat(" ", 1200), strings.Repeat("學", 1100),
		"\xff\xfe잘못된 바이트\x80 섞임", "끝에 잘린 글자\xea\xb0",
		"\u00a0비분리 공백\u3000전각 공백", "\u200b폭 없는 공백",
		"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 수학 문자와 \U0010FFFF 끝 코드포인트",
	}
	cases = append(cases, domainNouns...)
	for _, c := range append(readGold(t), readCases(t, "testdata/terms_holdout.tsv")...) {
		cases = append(cases, c.sentence)
	}
	for _, s := range cases {
		sameAsKagome(t, s)
	}

	// Random mixes of the pieces above, cut anywhere (also inside a
	// character).
	pieces := []string{" ", "  ", "\t", "가", "나다", "했다", "를", "은", "의", "ㅋㅋ", "ㅏ", "學習", "カナ", "🙂",
		"1", "23", "4.5", ".", ",", "?", "!", "(", ")", "-", "~", "·", "…", "\"", "'", "\xff", "\u00a0", "\u3000",
		"모델", "학습", "데이터", "정리함", "할 수도", "수는", "구현해", "보았다", "생각함", "것", "된다"}
	pieces = append(pieces, domainNouns...)
	r := rand.New(rand.NewPCG(16, 4))
	failures := 0
	for range 20_000 {
		var b strings.Builder
		for range 1 + r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if r.IntN(4) == 0 && len(s) > 1 {
			s = s[:r.IntN(len(s))]
		}
		if !sameAsKagome(t, s) {
			failures++
			if failures > 10 {
				t.Fatal("too many differences")
			}
		}
	}
}

// TestLatticeSameAsKagomeOnCorpus compares the two searches on every line
// of the reference corpus's notes and summaries, read at run time.
func TestLatticeSameAsKagomeOnCorpus(t *testing.T) {
	dir := testutil.Corpus(t, "")
	loadForTest(t)
	n := 0
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if !utf8.ValidString(line) || strings.TrimSpace(line) == "" {
				continue
			}
			n++
			if !sameAsKagome(t, line) {
				return fmt.Errorf("%s: differs", p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Fatalf("only %d lines compared", n)
	}
}

// BenchmarkSearch runs kagome's tokenizer and the search of lattice.go over
// the same sentences: the held-out and gold sentences repeated to 100 kB,
// and the reference corpus's notes when present. cpu-ms/op is the
// process's CPU time, steadier than ns/op on a busy machine.
func BenchmarkSearch(b *testing.B) {
	texts := map[string]string{"fixtures": generatedText(b, 100_000)}
	if files, _ := filepath.Glob(corpusGlob); len(files) > 0 {
		texts["corpus"] = readCorpus(b)
	}
	for _, name := range []string{"fixtures", "corpus"} {
		text, ok := texts[name]
		if !ok {
			continue
		}
		sents := Sentences(text)
		b.Run(name+"/kagome", func(b *testing.B) {
			tok := referenceTokenizer(b)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			cpu0 := testutil.CPUTime()
			for b.Loop() {
				for _, s := range sents {
					for _, t := range tok.Analyze(s, tokenizer.Normal) {
						t.FeatureAt(0)
					}
				}
			}
			b.ReportMetric(float64((testutil.CPUTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
		b.Run(name+"/viterbi", func(b *testing.B) {
			loadForTest(b)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var buf []ktoken
			cpu0 := testutil.CPUTime()
			for b.Loop() {
				for _, s := range sents {
					buf = kagome.vit.analyze(s, buf[:0])
				}
			}
			b.ReportMetric(float64((testutil.CPUTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
