package analyze

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/text"
)

// A concept of the week is a term that names something specific: not an
// everyday word of study notes (모델, 데이터), not a fragment ("al" of "et
// al.", "x_i", the 수도 of "할 수도"). The spellings of one concept are
// merged: "컨텍스트" and "context", "데이터 커버리지(data coverage)".

// genericSpread is the share of a study's other weeks above which a term
// is the study's everyday vocabulary rather than this week's concept.
const genericSpread = 0.7

// conceptMatrix builds the week's member × concept matrix from the
// members' term counts: spellings merged, generic and junk terms left out,
// most shared first.
func conceptMatrix(members []*Member, bg *text.Background, week int) []Concept {
	uf := newUnion()
	total := map[string]int{}
	display := map[string]string{}
	for _, m := range members {
		for k, n := range m.TermCount {
			uf.add(k)
			total[k] += n
			if _, ok := display[k]; !ok {
				display[k] = m.Display[k]
			}
		}
	}
	for _, pair := range aliases(members) {
		if total[pair[0]] > 0 && total[pair[1]] > 0 {
			uf.join(pair[0], pair[1])
		}
	}
	transliterations(uf, display)
	latinSpellings(uf, display)

	// Group the keys by their root, choose the display spelling.
	groups := map[string][]string{}
	for k := range total {
		r := uf.find(k)
		groups[r] = append(groups[r], k)
	}
	var out []Concept
	for _, keys := range groups {
		sort.Strings(keys)
		best := keys[0]
		for _, k := range keys[1:] {
			if preferDisplay(display[k], total[k], display[best], total[best]) {
				best = k
			}
		}
		term := display[best]
		if !Meaningful(term) || !Specific(term) {
			continue
		}
		share, weeks := bg.Spread(term, week)
		if weeks >= 2 && share >= genericSpread && !Specific(term) {
			continue
		}
		if weeks >= 3 && share >= 0.9 {
			continue // every week says it: the study's everyday word
		}
		c := Concept{Term: term, Keys: keys, Counts: map[string]int{}}
		for _, m := range members {
			n := 0
			for _, k := range keys {
				n += m.TermCount[k]
			}
			if n > 0 {
				c.Counts[m.Name] = n
			}
		}
		out = append(out, c)
	}
	// Each concept's total is counted once, not at every comparison; the
	// comparisons, and so the order, are the same.
	type ranked struct {
		c     Concept
		total int
	}
	rs := make([]ranked, len(out))
	for i, c := range out {
		rs[i] = ranked{c, c.Total()}
	}
	sort.Slice(rs, func(i, j int) bool {
		a, b := len(rs[i].c.Counts), len(rs[j].c.Counts)
		if a != b {
			return a > b
		}
		ta, tb := rs[i].total, rs[j].total
		if ta != tb {
			return ta > tb
		}
		return rs[i].c.Term < rs[j].c.Term
	})
	for i := range rs {
		out[i] = rs[i].c
	}
	return out
}

// preferDisplay reports whether spelling a (mentioned na times) names a
// concept better than b: the more used one, Hangul on a tie (the documents
// are Korean), then the shorter.
func preferDisplay(a string, na int, b string, nb int) bool {
	if na != nb {
		return na > nb
	}
	ha, hb := hangul(a), hangul(b)
	if ha != hb {
		return ha
	}
	return len(a) < len(b)
}

func hangul(s string) bool {
	for _, r := range s {
		if syllable(r) {
			return true
		}
	}
	return false
}

// Meaningful reports whether a term can name a concept at all: not a
// fragment of notation or of a phrase. Lower-case Latin words of up to
// three letters ("al", "log", "bit") and identifiers ("x_i") are not
// concepts; acronyms ("KV", "RAG") are.
func Meaningful(term string) bool {
	if strings.ContainsAny(term, "_=/\\") {
		return false
	}
	latin, upper, digits, other := 0, 0, 0, 0
	for _, r := range term {
		switch {
		case r < 0x80 && unicode.IsLetter(r):
			latin++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
		default:
			other++
		}
	}
	if other == 0 && latin > 0 && latin <= 3 && upper < 2 && !strings.Contains(term, " ") {
		return false
	}
	if other == 0 && latin == 0 {
		return false // a number
	}
	if particleTail(term) {
		return false // "JdbcTemplate과": a name with the particle written onto it
	}
	return utf8.RuneCountInString(term) >= 2
}

// particleTail reports a Latin word with a one-syllable particle written
// onto it ("JdbcTemplate과", "Redux는"): the analyzer may read the pair as
// one noun, but it names nothing the Latin word alone does not.
func particleTail(term string) bool {
	last, size := utf8.DecodeLastRuneInString(term)
	if size == 0 || !strings.ContainsRune("과와은는이가을를의에도로", last) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(term[:len(term)-size])
	return before < 0x80 && unicode.IsLetter(before)
}

// reAliasKo matches "한국어 용어(English term)"; reAliasEn the reverse.
var (
	reAliasKo = regexp.MustCompile(`([가-힣][가-힣 ]{0,24}?)\s?\(([A-Za-z][A-Za-z0-9 .\-]{1,40})\)`)
	reAliasEn = regexp.MustCompile(`([A-Za-z][A-Za-z0-9 .\-]{1,40}?)\s?\(([가-힣][가-힣 ]{0,24})\)`)
)

// aliases finds the pairs of term keys the notes give as one concept in
// two spellings: "데이터 커버리지(data coverage)", "RAG(검색 증강 생성)".
func aliases(members []*Member) [][2]string {
	var out [][2]string
	for _, m := range members {
		for _, s := range m.Sentences {
			if !strings.Contains(s.Text, "(") {
				continue
			}
			latin, hangul := parenOpens(s.Text)
			for _, re := range []*regexp.Regexp{reAliasKo, reAliasEn} {
				// Each expression needs "(" before a letter of its kind.
				if re == reAliasKo && !latin || re == reAliasEn && !hangul {
					continue
				}
				for _, sm := range re.FindAllStringSubmatch(s.Text, -1) {
					a, b := tailTerm(sm[1], s.Terms), headTerm(sm[2], s.Terms)
					if a != "" && b != "" && a != b {
						out = append(out, [2]string{a, b})
					}
				}
			}
		}
	}
	return out
}

// parenOpens reports whether an opening parenthesis in s comes right
// before a Latin letter (as reAliasKo needs) and before a Hangul syllable
// (as reAliasEn needs).
func parenOpens(s string) (latin, hangul bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i+1:])
		latin = latin || r < utf8.RuneSelf && unicode.IsLetter(r)
		hangul = hangul || r >= '가' && r <= '힣'
	}
	return latin, hangul
}

// tailTerm returns the key of the sentence term that ends the text before
// an opening parenthesis.
func tailTerm(before string, terms []string) string {
	k := Key(before)
	best := ""
	for _, t := range terms {
		tk := Key(t)
		if strings.HasSuffix(k, tk) && len(tk) > len(best) {
			best = tk
		}
	}
	return best
}

// headTerm returns the key of the sentence term that the text inside the
// parentheses is (or starts with).
func headTerm(inside string, terms []string) string {
	k := Key(inside)
	best := ""
	for _, t := range terms {
		tk := Key(t)
		if (k == tk || strings.HasPrefix(k, tk) && len(tk)*2 >= len(k)) && len(tk) > len(best) {
			best = tk
		}
	}
	return best
}

// latinSpellings joins the spellings of one Latin term that differ only in
// hyphens and dots ("pre-training" and "pretraining", "GPT-4" and "GPT4"):
// one concept, written two ways.
func latinSpellings(uf *union, display map[string]string) {
	keys := make([]string, 0, len(display))
	for k := range display {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bare := strings.NewReplacer("-", "", ".", "")
	first := map[string]string{}
	for _, k := range keys {
		if hangul(display[k]) {
			continue
		}
		b := bare.Replace(k)
		if o, ok := first[b]; ok {
			uf.join(o, k)
		} else {
			first[b] = k
		}
	}
}

// minSkeleton is the shortest consonant skeleton compared: shorter ones
// collide ("파인튜닝" and "foundation" both reduce to "pntn").
const minSkeleton = 5

// transliterations joins Hangul loanwords with the English words they
// spell ("컨텍스트" and "context", "퍼플렉시티" and "perplexity") by
// comparing consonant skeletons.
func transliterations(uf *union, display map[string]string) {
	latin := map[string][]string{}
	for k, d := range display {
		if !hangul(d) && utf8.RuneCountInString(k) >= 4 {
			if sk := latinSkeleton(k); len(sk) >= minSkeleton {
				latin[sk] = append(latin[sk], k)
			}
		}
	}
	if len(latin) == 0 {
		return
	}
	for k, d := range display {
		if !hangul(d) || strings.Contains(d, " ") {
			continue
		}
		sk := hangulSkeleton(d)
		if len(sk) < minSkeleton {
			continue
		}
		for _, lk := range latin[sk] {
			uf.join(k, lk)
		}
	}
}

// minWordSkeleton is the shortest skeleton SameLoanword compares: a
// single word pair needs less than a whole term's join, since every
// other word of the phrases must agree too.
const minWordSkeleton = 3

// SameLoanword reports whether a Hangul word and a Latin word are the
// same loanword ("트랜스포머" and "transformer", "블록" and "block"), by
// their consonant skeletons (the rule that joins a concept's spellings).
func SameLoanword(a, b string) bool {
	if hangul(a) == hangul(b) {
		return false
	}
	if hangul(b) {
		a, b = b, a
	}
	for _, r := range b {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	ha, lb := hangulSkeleton(a), latinSkeleton(b)
	return len(lb) >= minWordSkeleton && ha == lb
}

// latinSkeleton reduces an English word to the consonants a Korean
// transliteration keeps, in one shared alphabet (p t d k s j n m l; d and t
// stay apart, as ㄷ and ㅌ do in transliterations):
// "context" → "kntkst", "transformer" → "tlnspm".
func latinSkeleton(w string) string {
	w = strings.ToLower(w)
	vowel := func(i int) bool { return i < len(w) && strings.IndexByte("aeiouy", w[i]) >= 0 }
	var out []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		var put string
		switch {
		case c < 'a' || c > 'z', strings.IndexByte("aeiouwyh", c) >= 0:
			continue
		case c == 'c' && i+1 < len(w) && w[i+1] == 'h':
			put, i = "j", i+1
		case c == 's' && i+1 < len(w) && w[i+1] == 'h', c == 't' && i+1 < len(w) && w[i+1] == 'h' && false:
			put, i = "s", i+1
		case c == 'p' && i+1 < len(w) && w[i+1] == 'h':
			put, i = "p", i+1
		case c == 'n' && i+1 < len(w) && w[i+1] == 'g' && !vowel(i+2):
			put, i = "", i+1 // final "ng" is ㅇ
		case c == 'r':
			if vowel(i + 1) {
				put = "l"
			}
		case c == 'x':
			put = "ks"
		case strings.IndexByte("bfvp", c) >= 0:
			put = "p"
		case c == 'd':
			put = "d" // transliterated ㄷ, where t is ㅌ: "undefined" is no "엔드포인트"
		case c == 't':
			put = "t"
		case strings.IndexByte("cgkq", c) >= 0:
			put = "k"
		case strings.IndexByte("jz", c) >= 0:
			put = "j"
		default: // s n m l
			put = string(c)
		}
		for j := 0; j < len(put); j++ {
			if len(out) == 0 || out[len(out)-1] != put[j] {
				out = append(out, put[j])
			}
		}
	}
	return string(out)
}

// Initial and final consonants of Hangul syllables in the alphabet of
// latinSkeleton (” for ㅇ and ㅎ, which transliterations drop).
var (
	choseong  = []string{"k", "k", "n", "d", "d", "l", "m", "p", "p", "s", "s", "", "j", "j", "j", "k", "t", "p", ""}
	_         = choseong // ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
	jongseong = []string{"", "k", "k", "ks", "n", "nj", "n", "t", "l", "lk", "lm", "lp", "ls", "lt", "lp", "l", "m", "p", "ps", "s", "s", "", "j", "j", "k", "t", "p", ""}
)

// hangulSkeleton reduces a Hangul loanword to its consonants in the same
// alphabet: "컨텍스트" → "kntkst".
func hangulSkeleton(w string) string {
	var b strings.Builder
	last := byte(0)
	put := func(s string) {
		for i := 0; i < len(s); i++ {
			if s[i] != last {
				b.WriteByte(s[i])
				last = s[i]
			}
		}
	}
	for _, r := range w {
		if r < 0xAC00 || r > 0xD7A3 {
			continue
		}
		i := int(r - 0xAC00)
		put(choseong[i/588])
		put(jongseong[i%28])
	}
	return b.String()
}

// union is a small union-find over term keys.
type union struct{ parent map[string]string }

func newUnion() *union { return &union{parent: map[string]string{}} }

func (u *union) add(k string) {
	if _, ok := u.parent[k]; !ok {
		u.parent[k] = k
	}
}

func (u *union) find(k string) string {
	u.add(k)
	for u.parent[k] != k {
		u.parent[k] = u.parent[u.parent[k]]
		k = u.parent[k]
	}
	return k
}

func (u *union) join(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
}

// Mentions reports whether a sentence mentions a concept under any of its
// spellings.
func Mentions(s Sentence, c Concept) bool {
	for _, t := range s.Terms {
		k := Key(t)
		for _, ck := range c.Keys {
			if k == ck {
				return true
			}
		}
		if len(c.Keys) == 0 && k == Key(c.Term) {
			return true
		}
	}
	return false
}

// lettersOnly keeps letters and digits (strings.Map drops the rest).
func lettersOnly(r rune) rune {
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return r
	}
	return -1
}

// MentionsText reports whether a text mentions a concept under any of its
// spellings, as whole words: a word of the text starts the spelling ("퍼플
// 렉시티는" mentions 퍼플렉시티; "Sentence Transformers" does not mention
// transformer, "sentencetransformers" being one name).
func MentionsText(s string, c Concept) bool { return MentionsSpelled(s, Letters(s), Spellings(c)) }

// MentionsSpelled is MentionsText for a text whose Letters and a concept
// whose Spellings the caller has read already, to look many concepts up in
// many texts: a spelling the text mentions as whole words is inside its
// letters run together, so a spelling that is not needs no word-by-word
// look.
func MentionsSpelled(s, letters string, spellings []string) bool {
	var words []string
	for _, k := range spellings {
		if !strings.Contains(letters, k) {
			continue
		}
		if words == nil {
			words = textWords(strings.ToLower(s))
		}
		for i := range words {
			if runStarts(words, i, k) {
				return true
			}
		}
	}
	return false
}

// Letters returns s lower-cased with only its letters and digits, the
// form in which MentionsText first looks a concept's Spellings up: a text
// whose Letters hold none of them mentions the concept nowhere.
func Letters(s string) string { return strings.Map(lettersOnly, strings.ToLower(s)) }

// Spellings returns a concept's spellings as MentionsText compares them:
// letters and digits only.
func Spellings(c Concept) []string {
	var out []string
	for _, k := range conceptKeys(c) {
		if k = strings.Map(lettersOnly, k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// conceptKeys returns a concept's keys, or the key of its term when it
// has none.
func conceptKeys(c Concept) []string {
	if len(c.Keys) == 0 {
		return []string{Key(c.Term)}
	}
	return c.Keys
}

// textWords splits lower-case text into its words: runs of letters and
// digits.
func textWords(lower string) []string {
	return strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// runStarts reports whether word i starts the spelling k, alone ("enums"
// for "enum") or run together with the words after it ("타입 가드" for
// "타입가드").
func runStarts(words []string, i int, k string) bool {
	acc := ""
	for j := i; j < len(words) && len(acc) < len(k); j++ {
		acc += words[j]
	}
	if !strings.HasPrefix(acc, k) || len(words[i]) < len(k) && !strings.HasPrefix(k, words[i]) {
		return false
	}
	// A Latin spelling ends where its word does, or before a particle or
	// a plural ending ("enum을", "enums"): "create" is not in
	// "createElement", nor "React" in "ReactElement".
	return latinEnds(k, acc[len(k):])
}

// latinEnds reports whether a spelling k may end before rest, the rest of
// the word it ends in: anything may follow a Hangul spelling; a Latin one
// only the end of the word, a letter that is not ASCII (a particle), or an
// English plural ending.
func latinEnds(k, rest string) bool {
	if rest == "" || !isASCIIAlnum(k[len(k)-1]) || !isASCIIAlnum(rest[0]) {
		return true
	}
	for _, pl := range []string{"es", "s"} {
		if r, ok := strings.CutPrefix(rest, pl); ok && (r == "" || !isASCIIAlnum(r[0])) {
			return true
		}
	}
	return false
}

// isASCIIAlnum reports a lower-case ASCII letter or a digit (the words
// compared are lower-cased).
func isASCIIAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// TextIndex is the words of a document, indexed to ask of many concepts
// whether the document mentions them, as MentionsText reads one text,
// without reading the sentences again per concept (the texts' words are
// read as one run: a spelling may run across from one text to the next).
type TextIndex struct {
	words  []string
	sorted []string         // the distinct words, sorted
	at     map[string][]int // where each word stands
}

// NewTextIndex indexes the words of texts, in order.
func NewTextIndex(texts ...string) *TextIndex {
	x := &TextIndex{at: map[string][]int{}}
	for _, t := range texts {
		x.words = append(x.words, textWords(strings.ToLower(t))...)
	}
	for i, w := range x.words {
		if _, ok := x.at[w]; !ok {
			x.sorted = append(x.sorted, w)
		}
		x.at[w] = append(x.at[w], i)
	}
	sort.Strings(x.sorted)
	return x
}

// Mentions reports whether the indexed words mention concept c as
// MentionsText reads it: a word that starts one of its spellings, or a
// word that is a proper beginning of one and runs on into it.
func (x *TextIndex) Mentions(c Concept) bool {
	for _, k := range Spellings(c) {
		for i := sort.SearchStrings(x.sorted, k); i < len(x.sorted) && strings.HasPrefix(x.sorted[i], k); i++ {
			if latinEnds(k, x.sorted[i][len(k):]) {
				return true
			}
		}
		for n := 1; n < len(k); n++ {
			for _, i := range x.at[k[:n]] {
				if runStarts(x.words, i, k) {
					return true
				}
			}
		}
	}
	return false
}
