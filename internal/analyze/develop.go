package analyze

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/note"
)

// How much a note develops a concept, from its own structure: every
// sentence mentioning it counts devMention (frequency alone is already in
// a sentence's centrality, and a domain's everyday words are frequent),
// every sentence of a section whose heading names it devSection (half for
// the section above), every span the member emphasised naming it
// devEmphasis, and a concept the week's chapter material mentions
// devChapter.
const (
	devMention  = 0.3
	devSection  = 0.5
	devEmphasis = 1.5
	devChapter  = 3.0
)

// refRank is the rank of the concept whose development counts fully: a
// note develops several concepts (the five bullets of a section can be
// about as many), not only its broad subject.
const refRank = 8

// minDeveloped is the least a sentence's concept must be developed, as a
// share of the refRank-th most developed concept's, to be one the member
// developed rather than a side fact.
const minDeveloped = 0.2

// develop weighs how much the member's note develops each concept it
// names and records, on every sentence, the concept the sentence is most
// about (Focus) and how developed it is (Develops, see refRank). It reads
// only what the analysis already has (each sentence's terms, headings and
// emphasis), once per note.
//
// A concept the member developed is one the note spends lines on (a
// section under a heading naming it, many sentences about it), stresses
// (bold spans) or the week's chapters are about (their summaries'
// text); a side fact (one use case of eight, an aside) is about a concept
// the note mentions in passing.
func develop(m *Member, chapters string) {
	if len(m.Sentences) == 0 {
		return
	}
	dev, concepts, heads := conceptWeights(m, chapters)
	if len(concepts) < refRank {
		// A short note develops a few concepts and little else: there
		// is no side fact to tell from them.
		return
	}
	top := 0.0
	for _, d := range dev {
		if d > top {
			top = d
		}
	}
	if top == 0 {
		return
	}
	// How developed a concept is compares with the concepts the note
	// develops most: the refRank-th most developed one counts fully (a
	// note stressing five concepts develops each, not only its broad
	// subject), a word the note mentions in passing a small share.
	var ds []float64
	for _, k := range concepts {
		ds = append(ds, dev[k])
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ds)))
	ref := top
	if len(ds) > 0 {
		ref = ds[min(refRank, len(ds))-1]
	}
	// The concept each heading names.
	idx := newConceptIndex(concepts, m.TermCount)
	named := map[string]string{}
	for h, hk := range heads {
		if k := idx.narrowest(hk); k != "" {
			named[h] = k
		}
	}
	for i := range m.Sentences {
		s := &m.Sentences[i]
		subj := Key(s.Subject)
		section := ""
		if n := len(s.Path); n > 0 {
			section = named[s.Path[n-1]]
		}
		best, bd, most := "", 0.0, 0.0
		for _, t := range s.Terms {
			k := Key(t)
			d, ok := dev[k]
			if !ok {
				continue
			}
			most = math.Max(most, d)
			// What the sentence is about: its subject's concept, the
			// concept its own section's heading names, a concept it
			// emphasises, then the one the note develops most.
			if subj != "" && strings.Contains(subj, k) {
				d += top
			}
			if k == section {
				d += top / 2
			}
			for _, e := range s.Emphasis {
				if strings.Contains(Key(Clean(e)), k) {
					d += top / 2
					break
				}
			}
			if 5*m.TermCount[k] > len(m.Sentences) {
				// The note's subject ("프롬프트" all over a note on
				// prompts): a narrower concept says what the sentence
				// is about.
				d /= 4
			}
			if best == "" || d > bd {
				best, bd = k, d
			}
		}
		if best == "" && section != "" {
			// A sentence naming no concept of its own develops its
			// section's ("모델이 입력에서 레이블을 추론한다" under "자기
			// 지도 학습").
			best, most = section, dev[section]
		}
		if best == "" {
			continue
		}
		// A sentence naming a concept the member developed is about
		// something the note stresses, whatever its subject ("…의
		// 핵심은 역할, 책임, 협력이다").
		s.Focus = m.Display[best]
		s.Develops = math.Min(1, most/ref)
	}
}

// conceptIndex finds the concept keys a text (a key) names: those inside
// it, and those it is the shortened name of ("자기지도" of "자기지도학습").
// It looks up the text's substrings rather than testing every concept.
type conceptIndex struct {
	set     map[string]bool
	sorted  []string
	longest int // runes of the longest key
	count   map[string]int
}

func newConceptIndex(concepts []string, count map[string]int) *conceptIndex {
	x := &conceptIndex{set: make(map[string]bool, len(concepts)), sorted: slices.Clone(concepts), count: count}
	for _, k := range concepts {
		x.set[k] = true
		x.longest = max(x.longest, utf8.RuneCountInString(k))
	}
	slices.Sort(x.sorted)
	return x
}

// narrowest returns the longest of the concept keys that text names, the
// more used one on a tie, "" for none.
func (x *conceptIndex) narrowest(text string) string {
	best, bn := "", 0
	consider := func(k string, n int) {
		if n > bn || n == bn && (x.count[k] > x.count[best] || x.count[k] == x.count[best] && k < best) {
			best, bn = k, n
		}
	}
	var starts []int
	for i := range text {
		starts = append(starts, i)
	}
	starts = append(starts, len(text))
	for a := 0; a < len(starts)-1; a++ {
		for b := a + 2; b < len(starts) && b-a <= x.longest; b++ {
			if k := text[starts[a]:starts[b]]; x.set[k] {
				consider(k, b-a)
			}
		}
	}
	if n := len(starts) - 1; n >= 3 {
		// The heading is the concept's name shortened.
		for i, _ := slices.BinarySearch(x.sorted, text); i < len(x.sorted) && strings.HasPrefix(x.sorted[i], text); i++ {
			consider(x.sorted[i], utf8.RuneCountInString(x.sorted[i]))
		}
	}
	return best
}

// headingKey is the key of a heading without its numbering ("1.2)",
// "3.", "Ⓕ").
func headingKey(h string) string {
	k := Key(Clean(h))
	return strings.TrimLeftFunc(k, func(r rune) bool { return !unicode.IsLetter(r) })
}

// chapterText returns the week's chapter material (its summaries) as one
// key text (see Key): its headings and sentences, so that a concept key
// found in it is one the week's chapters are about.
func chapterText(material []*note.Document) string {
	var sb strings.Builder
	seen := map[string]bool{}
	for _, d := range material {
		for _, s := range d.Sentences {
			for _, h := range s.Path {
				if !seen[h] {
					seen[h] = true
					sb.WriteString(Key(Clean(h)) + "\n")
				}
			}
			sb.WriteString(Key(Clean(s.Text)) + "\n")
		}
	}
	return sb.String()
}

// conceptWeights returns how much the note develops each term it names
// (by key; see the dev constants), the keys of the terms it uses more
// than once (concepts), and the key of each heading of the note.
func conceptWeights(m *Member, chapters string) (dev map[string]float64, concepts []string, heads map[string]string) {
	// Sentences in each heading's own section (the heading right above
	// them, or the one above that), and the spans the member emphasised.
	// A heading over a third of the note is a part of the book (its
	// chapter, the note's title), not the section of one concept.
	under := map[string]float64{}
	m.under = map[string]int{}
	var emph []string
	for _, s := range m.Sentences {
		n := len(s.Path)
		if n > 0 {
			under[s.Path[n-1]]++
		}
		if n > 1 {
			under[s.Path[n-2]] += 0.5
		}
		for _, h := range s.Path {
			m.under[h]++
		}
		for _, e := range s.Emphasis {
			emph = append(emph, Key(Clean(e)))
		}
	}
	heads = map[string]string{} // heading → its key, numbering dropped
	for h := range under {
		if m.BroadHeading(h) {
			delete(under, h)
			continue
		}
		heads[h] = headingKey(h)
	}
	dev = map[string]float64{}
	for k, n := range m.TermCount {
		t := m.Display[k]
		if utf8.RuneCountInString(k) < 2 || generic[t] || !Meaningful(t) {
			continue
		}
		if !Specific(t) {
			// A short word the note keeps using ("책임", "협력" in a note
			// on objects) is something the note develops, by its
			// mentions only: too general to name a heading's concept.
			if n >= 3 {
				dev[k] = devMention * float64(n)
			}
			continue
		}
		if n < 2 {
			dev[k] = 0 // a word the note uses once is no concept it develops
			continue
		}
		dev[k] = devMention * float64(n)
		concepts = append(concepts, k)
	}
	// A heading or a bold span credits the narrowest concept it names
	// ("시스템 프롬프트 방어" credits 시스템 프롬프트, not 프롬프트): the
	// broad word inside every heading of a note is its subject, not what
	// one section develops.
	idx := newConceptIndex(concepts, m.TermCount)
	for h, c := range under {
		if k := idx.narrowest(heads[h]); k != "" {
			dev[k] += devSection * c
		}
	}
	for _, e := range emph {
		if k := idx.narrowest(e); k != "" {
			dev[k] += devEmphasis
		}
	}
	for _, k := range concepts {
		if chapters != "" && strings.Contains(chapters, k) {
			dev[k] += devChapter
		}
	}
	return dev, concepts, heads
}
