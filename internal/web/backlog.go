package web

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// The 추가 학습 backlog: a member's questions and study targets ("needs
// more study" bullets whose sentence asks or says what to study), each
// marked 다룸 (addressed) only when a later note answers it — one passage
// of a later week's note (a few consecutive sentences under one heading)
// that names the item's specific concepts, not merely its everyday words —
// and showing that passage.
//
// The index is built once per study (per set of week analyses): the terms
// of every sentence come from the analysis, computed there once, and an
// inverted index maps each term to the sentences mentioning it, so finding
// what answers an item reads only the sentences that share its rarest
// concepts. A site's member pages are linear in the study's size.

// passageLen is how many consecutive sentences of one heading a passage
// spans.
const passageLen = 3

// maxAddressed is how many later notes an item lists; the others are
// counted.
const maxAddressed = 3

// maxItemConcepts is how many of an item's concepts (the rarest in the
// study) must be found together.
const maxItemConcepts = 4

// studyIndex finds what answers a backlog item in the later notes.
type studyIndex struct {
	notes []*indexedNote
	// postings maps a term key to the sentences mentioning it, in study
	// order (week, then note, then sentence).
	postings map[string][]posting
	// df counts the notes mentioning each term key.
	df map[string]int
	// aw are the weeks' analyses by week number.
	aw map[int]*analyze.Week
}

type posting struct{ note, sent int32 }

// indexedNote is one member's note of one week in the index.
type indexedNote struct {
	week int
	m    *analyze.Member
	// keys are each sentence's term keys, sorted.
	keys [][]string
	// byLine maps a file line to the sentence starting there.
	byLine map[sourceKey]int
}

type sourceKey struct {
	file string
	line int
}

// newStudyIndex indexes every analysed week, in week order.
func newStudyIndex(weeks []int, aw map[int]*analyze.Week) *studyIndex {
	st := &studyIndex{postings: map[string][]posting{}, df: map[string]int{}, aw: aw}
	for _, n := range weeks {
		w := aw[n]
		if w == nil {
			continue
		}
		for _, m := range w.Members {
			ni := int32(len(st.notes))
			in := &indexedNote{week: n, m: m, keys: make([][]string, len(m.Sentences)), byLine: map[sourceKey]int{}}
			seen := map[string]bool{}
			for si := range m.Sentences {
				s := &m.Sentences[si]
				if _, ok := in.byLine[sourceKey{s.File, s.Line}]; !ok {
					in.byLine[sourceKey{s.File, s.Line}] = si
				}
				ks := make([]string, 0, len(s.Terms))
				for _, t := range s.Terms {
					ks = append(ks, analyze.Key(t))
				}
				sort.Strings(ks)
				ks = compactStrings(ks)
				in.keys[si] = ks
				for _, k := range ks {
					st.postings[k] = append(st.postings[k], posting{ni, int32(si)})
					if !seen[k] {
						seen[k] = true
						st.df[k]++
					}
				}
			}
			st.notes = append(st.notes, in)
		}
	}
	return st
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// sentence returns the analysed sentence a source points at, with its
// week's analysis.
func (st *studyIndex) sentence(week int, member string, src insight.Source) (*analyze.Sentence, *analyze.Week) {
	for _, in := range st.notes {
		if in.week != week || in.m.Name != member {
			continue
		}
		if si, ok := in.byLine[sourceKey{src.File, src.Line}]; ok {
			return &in.m.Sentences[si], st.aw[week]
		}
	}
	return nil, nil
}

// studyStop are words of questions themselves, not of their topic.
var studyStop = map[string]bool{
	"궁금": true, "궁금한점": true, "질문": true, "공부": true, "학습": true, "추가": true, "이해": true,
	"필요": true, "부분": true, "내용": true, "생각": true, "정리": true, "개념": true, "주제": true,
	"방법": true, "경우": true, "정도": true, "실제": true, "q": true,
}

// concept is one of an item's specific concepts: the keys of its
// spellings.
type concept struct {
	term string
	keys []string
}

// itemConcepts returns the specific concepts of a backlog item's sentence
// in week aw: its terms that are concepts of the week's concept matrix and
// name something specific (analyze.Specific: no everyday word of study
// notes), no question words, mentioned by at most half the notes of a
// study of four notes or more; the rarest first, at most maxItemConcepts.
func (st *studyIndex) itemConcepts(s *analyze.Sentence, aw *analyze.Week) []concept {
	// A concept is found by any of its spellings ("컨텍스트", "context").
	matrix := map[string]concept{}
	for _, c := range aw.Concepts {
		keys := c.Keys
		if len(keys) == 0 {
			keys = []string{analyze.Key(c.Term)}
		}
		for _, k := range keys {
			matrix[k] = concept{term: c.Term, keys: keys}
		}
	}
	var out []concept
	seen := map[string]bool{}
	for _, t := range s.Terms {
		k := analyze.Key(t)
		c, ok := matrix[k]
		if !ok || seen[c.term] || studyStop[k] || utf8.RuneCountInString(k) < 2 || !analyze.Specific(t) {
			continue
		}
		seen[c.term] = true
		if len(st.notes) >= 4 && st.dfOf(c)*2 > len(st.notes) {
			continue
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return st.dfOf(out[i]) < st.dfOf(out[j]) })
	if len(out) > maxItemConcepts {
		out = out[:maxItemConcepts]
	}
	return out
}

func (st *studyIndex) dfOf(c concept) int {
	n := 0
	for _, k := range c.keys {
		n += st.df[k]
	}
	return n
}

// has reports whether sentence si of a note mentions a concept.
func (in *indexedNote) has(si int, c concept) bool {
	ks := in.keys[si]
	for _, k := range c.keys {
		i := sort.SearchStrings(ks, k)
		if i < len(ks) && ks[i] == k {
			return true
		}
	}
	return false
}

// passage is the sentences of a later note that answer an item.
type passage struct {
	note       *indexedNote
	first, end int // sentences [first, end)
	found      int // concepts found
}

// need is how many of k concepts a passage must name: all of up to three,
// all but one of four.
func need(k int) int {
	if k >= 4 {
		return k - 1
	}
	return k
}

// answers returns, for each later week's note, the passage that answers
// an item of week week with the given concepts: at most maxAddressed, in
// study order, and how many notes answer it in all.
func (st *studyIndex) answers(week int, cs []concept) ([]passage, int) {
	if len(cs) == 0 {
		return nil, 0
	}
	k := len(cs)
	// A passage names at least one of the k-need(k)+1 rarest concepts:
	// their postings are the only places to look.
	var cand []posting
	for _, c := range cs[:k-need(k)+1] {
		for _, key := range c.keys {
			cand = append(cand, st.postings[key]...)
		}
	}
	sort.Slice(cand, func(i, j int) bool {
		if cand[i].note != cand[j].note {
			return cand[i].note < cand[j].note
		}
		return cand[i].sent < cand[j].sent
	})
	var out []passage
	total := 0
	for i := 0; i < len(cand); {
		ni := cand[i].note
		j := i
		for j < len(cand) && cand[j].note == ni {
			j++
		}
		in := st.notes[ni]
		if in.week > week {
			if p, ok := st.bestPassage(in, cand[i:j], cs); ok {
				total++
				if len(out) < maxAddressed {
					out = append(out, p)
				}
			}
		}
		i = j
	}
	return out, total
}

// bestPassage finds in one note the passage naming the most of the
// concepts, starting at one of the candidate sentences. A single concept
// must be the passage's subject: named in two of its sentences, or in its
// heading.
func (st *studyIndex) bestPassage(in *indexedNote, cand []posting, cs []concept) (passage, bool) {
	best := passage{}
	ok := false
	sents := in.m.Sentences
	for _, p := range cand {
		// The window ends at the candidate, or starts at it.
		for _, first := range []int{int(p.sent) - passageLen + 1, int(p.sent)} {
			first = max(first, 0)
			end := first
			for end < len(sents) && end-first < passageLen && slices.Equal(sents[first].Path, sents[end].Path) {
				end++
			}
			if int(p.sent) < first || int(p.sent) >= end {
				continue
			}
			found, mentions := 0, 0
			for _, c := range cs {
				hit := false
				for si := first; si < end; si++ {
					if in.has(si, c) {
						hit = true
						mentions++
					}
				}
				if hit {
					found++
				}
			}
			if found < need(len(cs)) {
				continue
			}
			if len(cs) == 1 && mentions < 2 && !headingNames(sents[first].Path, cs[0]) {
				continue
			}
			if !ok || found > best.found {
				best, ok = passage{note: in, first: first, end: end, found: found}, true
			}
		}
	}
	return best, ok
}

// headingNames reports whether the innermost heading above a passage
// names a concept.
func headingNames(path []string, c concept) bool {
	if len(path) == 0 {
		return false
	}
	h := analyze.Key(path[len(path)-1])
	for _, k := range c.keys {
		if strings.Contains(h, k) {
			return true
		}
	}
	return false
}

// isBacklogItem reports whether a "needs more study" sentence belongs in the
// backlog: a question, or a statement of what to study or what is not
// understood. Other sentences the section holds (a plain statement of the
// book) are no items to answer.
func isBacklogItem(s *analyze.Sentence) bool {
	raw := strings.TrimSpace(s.Raw)
	if raw == "" {
		raw = s.Text
	}
	t := strings.TrimRight(raw, " .…)\"'”’!")
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") {
		return true
	}
	low := strings.ToLower(raw)
	if strings.HasPrefix(low, "q:") || strings.HasPrefix(low, "q.") || strings.HasPrefix(low, "질문") {
		return true
	}
	for _, end := range []string{"는가", "인가", "나요", "가요", "까요", "는지"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	if rs := []rune(t); len(rs) >= 2 {
		// "…할까", "…될까"; "…다른지", "…인지", "…할지": an ㄹ or ㄴ
		// ending before 까 or 지.
		last, prev := rs[len(rs)-1], rs[len(rs)-2]
		if final := jongseong(prev); last == '까' && final == 8 || last == '지' && (final == 4 || final == 8) {
			return true
		}
	}
	for _, cue := range studyCues {
		if strings.Contains(raw, cue) {
			return true
		}
	}
	return false
}

// studyCues say that the writer wants to study something or does not
// understand it.
var studyCues = []string{"궁금", "더 공부", "공부해야", "공부해 봐야", "공부해봐야", "공부가 필요", "학습이 필요",
	"알아봐야", "알아보고 싶", "알아볼 ", "찾아봐야", "찾아보고 싶", "찾아볼 ", "모르겠", "이해가 안", "이해가 잘 안",
	"이해하지 못했", "헷갈", "더 알고 싶", "살펴봐야", "살펴보고 싶", "확인해 봐야", "확인해봐야"}

// jongseong returns the index of a Hangul syllable's final consonant (4
// ㄴ, 8 ㄹ), 0 for none or a rune that is no syllable.
func jongseong(r rune) int {
	if r < 0xAC00 || r > 0xD7A3 {
		return 0
	}
	return int(r-0xAC00) % 28
}
