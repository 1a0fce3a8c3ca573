package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term is one concept term found in a text.
type Term struct {
	// Text is the normalised surface: a noun or compound noun with its
	// original inner spacing ("자기 지도 학습", "검색증강생성") or a Latin word
	// as written ("LoRA", "GPT-4").
	Text string
	// Key is the comparison key: Text lower-cased with spaces removed, so
	// "자기 지도 학습" and "자기지도학습" compare equal.
	Key string
}

// Analyzer extracts concept terms (nouns, compound nouns, Latin words and
// acronyms) from a sentence or a short block of text. Implementations are
// safe for concurrent use and deterministic.
type Analyzer interface {
	// Terms returns the terms of s in order of appearance; a term may
	// repeat.
	Terms(s string) []Term
}

// Morph is one morpheme of a sentence as the morphological analyzer reads
// it.
type Morph struct {
	// Surface is the morpheme as written ("생각", "한다", "LoRA").
	Surface string
	// POS is its mecab-ko-dic part-of-speech tag: "NNG" (noun), "NP"
	// (pronoun), "VV" (verb), "EF" (final ending), "SF" (sentence mark)…;
	// a contracted form carries a compound tag ("XSV+EF"). Latin words are
	// "SL".
	POS string
	// Space reports whether whitespace precedes the morpheme.
	Space bool
}

// Reading is what an analyzer finds in one sentence: its terms and, when the
// analyzer does morphology, its morphemes.
type Reading struct {
	Terms  []Term
	Morphs []Morph
}

// Reader is implemented by analyzers that read morphemes as well as terms.
type Reader interface {
	Read(s string) Reading
}

// Read returns the reading of s by the default analyzer: terms and, with
// the kagome analyzer, morphemes (none with the dictionary-free one).
func Read(s string) Reading {
	a := Default()
	if r, ok := a.(Reader); ok {
		return r.Read(s)
	}
	return Reading{Terms: a.Terms(s)}
}

// maxParts bounds a compound: longer noun chains are emitted as their
// single nouns, since they are usually lists rather than one concept.
const maxParts = 4

// kind classifies one morpheme of the stream both analyzers produce.
type kind uint8

const (
	kBreak  kind = iota // anything that ends a compound: josa, verbs, punctuation
	kNoun               // Hangul noun (NNG, NNP, NP, SH, user words)
	kLatin              // Latin word or acronym: LoRA, GPT-4
	kSuffix             // noun suffix glued to the previous noun (토큰+화)
	kPrefix             // noun prefix glued to the next noun
	kPred               // predicate suffix (했다, 됨): the previous noun is a verb here
)

// morph is one unit of the analyzers' common stream.
type morph struct {
	surf  string
	kind  kind
	space bool // whitespace precedes it
}

// part is one noun of a compound under construction.
type part struct {
	text  string
	space bool
	latin bool
}

// compounder turns a morph stream into terms: consecutive nouns separated
// by nothing or by spaces only form a compound noun.
type compounder struct {
	parts  []part
	prefix string
	out    []Term
}

func (c *compounder) add(m morph) {
	switch m.kind {
	case kNoun, kLatin:
		latin := m.kind == kLatin
		if len(c.parts) > 0 && m.space && latin && c.parts[len(c.parts)-1].latin {
			// Latin words are joined only without a space: English
			// prose has no POS tags here, so "RAG LoRA" stays two terms.
			c.flush()
		}
		txt := m.surf
		if c.prefix != "" && !m.space {
			txt = c.prefix + txt
		}
		c.prefix = ""
		c.parts = append(c.parts, part{text: txt, space: m.space, latin: latin})
	case kSuffix:
		if len(c.parts) == 0 || m.space {
			c.flush()
			return
		}
		switch m.surf {
		case "들":
			// plural marker: drop it, the noun stays
		case "적":
			// 효율적, 기술적: an adjectival form, not a concept noun
			c.parts = c.parts[:len(c.parts)-1]
			c.flush()
		default:
			c.parts[len(c.parts)-1].text += m.surf
		}
	case kPrefix:
		c.flush()
		c.prefix = m.surf
	case kPred:
		// "구축했다": the noun before is the stem of a verb
		if len(c.parts) > 0 && !m.space {
			c.parts = c.parts[:len(c.parts)-1]
		}
		c.flush()
	default:
		c.flush()
	}
}

func (c *compounder) flush() {
	c.prefix = ""
	ps := c.parts
	c.parts = c.parts[:0]
	for len(ps) > 0 && isStopPart(ps[0]) {
		ps = ps[1:]
	}
	for len(ps) > 0 && isStopPart(ps[len(ps)-1]) {
		ps = ps[:len(ps)-1]
	}
	if len(ps) == 0 {
		return
	}
	if len(ps) == 1 || len(ps) > maxParts {
		for _, p := range ps {
			if keepSingle(p) {
				c.out = append(c.out, makeTerm(p.text))
			}
		}
		return
	}
	var b strings.Builder
	for i, p := range ps {
		if i > 0 && p.space {
			b.WriteByte(' ')
		}
		b.WriteString(p.text)
	}
	c.out = append(c.out, makeTerm(b.String()))
}

func (c *compounder) terms() []Term {
	c.flush()
	return c.out
}

func isStopPart(p part) bool {
	if p.latin {
		return stopLatin[strings.ToLower(p.text)]
	}
	return functionNouns[p.text] || breakWords[p.text]
}

// keepSingle decides whether a lone noun is a term: Hangul nouns need two
// syllables (one-syllable nouns are mostly noise: 값, 층, 중), Latin words
// two characters.
func keepSingle(p part) bool {
	return utf8.RuneCountInString(p.text) >= 2 && !genericNouns[p.text]
}

func makeTerm(s string) Term {
	return Term{Text: s, Key: termKey(s)}
}

// termKey is the comparison key of a term: lower-case, no spaces.
func termKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// piece is a run of the input: a Latin word (isLatin) or everything
// between Latin words (Hangul, digits, punctuation, spaces).
type piece struct {
	text    string
	isLatin bool
	space   bool // whitespace precedes a Latin piece
}

// scanPieces cuts s into Latin words and the runs between them. A Latin
// word starts with an ASCII letter and continues with letters and digits,
// with inner '-', '.', '_', '+' or '/' when an alphanumeric follows:
// "GPT-3.5", "fine-tuning", "Llama-2-7B".
func scanPieces(s string) []piece {
	var out []piece
	start := 0
	i := 0
	for i < len(s) {
		c := s[i]
		if isASCIILetter(c) && (i == 0 || !isASCIIAlnum(s[i-1])) {
			j := i + 1
			for j < len(s) {
				if isASCIIAlnum(s[j]) {
					j++
					continue
				}
				if (s[j] == '-' || s[j] == '.' || s[j] == '_' || s[j] == '+' || s[j] == '/') && j+1 < len(s) && isASCIIAlnum(s[j+1]) {
					j += 2
					continue
				}
				break
			}
			if start < i {
				out = append(out, piece{text: s[start:i]})
			}
			sp := i == 0 || isSpaceByte(s[i-1])
			if i > 0 {
				r, _ := utf8.DecodeLastRuneInString(s[:i])
				sp = unicode.IsSpace(r)
			}
			out = append(out, piece{text: s[i:j], isLatin: true, space: sp})
			start, i = j, j
			continue
		}
		i++
	}
	if start < len(s) {
		out = append(out, piece{text: s[start:]})
	}
	return out
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || c >= '0' && c <= '9' }
func isSpaceByte(c byte) bool   { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// latinMorph classifies a Latin piece: stop words end a compound, other
// words are terms.
func latinMorph(p piece) morph {
	if stopLatin[strings.ToLower(p.text)] {
		return morph{surf: p.text, kind: kBreak, space: p.space}
	}
	return morph{surf: p.text, kind: kLatin, space: p.space}
}

// isHangulSyllable reports whether r is a precomposed Hangul syllable.
func isHangulSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }
