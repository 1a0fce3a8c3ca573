package analyze

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/note"
)

// shareScoresByMap is shareScores as it was with a map of counts per
// sentence; shareScores must give exactly its scores.
func shareScoresByMap(members []*Member) {
	type ref struct{ m, s int32 }
	grams := make([][][]uint32, len(members))
	index := map[uint32][]ref{}
	for mi, m := range members {
		grams[mi] = make([][]uint32, len(m.Sentences))
		for si, s := range m.Sentences {
			g := bigramSet(s.Body)
			grams[mi][si] = g
			for _, x := range g {
				index[x] = append(index[x], ref{int32(mi), int32(si)})
			}
		}
	}
	const maxPost = 400
	for mi, m := range members {
		counts := map[ref]int{}
		for si := range m.Sentences {
			g := grams[mi][si]
			if len(g) < 4 {
				continue
			}
			clear(counts)
			for _, x := range g {
				p := index[x]
				if len(p) > maxPost {
					continue
				}
				for _, r := range p {
					if int(r.m) != mi {
						counts[r]++
					}
				}
			}
			best := 0.0
			for r, c := range counts {
				d := 2 * float64(c) / float64(len(g)+len(grams[r.m][r.s]))
				if d > best {
					best = d
				}
			}
			m.Sentences[si].Shared = best
		}
	}
}

// TestShareScoresSameAsByMap compares shareScores with the map version on
// notes whose sentences share words across members, some bigrams common
// enough to pass maxPost.
func TestShareScoresSameAsByMap(t *testing.T) {
	w := Analyze(sharingNotes(7, 4))
	got := map[string]float64{}
	for _, m := range w.Members {
		for _, s := range m.Sentences {
			got[s.ID] = s.Shared
		}
	}
	shareScoresByMap(w.Members)
	sameShared(t, w, got)
}

// TestBookScoresSameAsByMap compares the week's share and book scores
// with the map versions, with chapter material that shares the notes'
// words.
func TestBookScoresSameAsByMap(t *testing.T) {
	var material []*note.Document
	for _, n := range sharingNotes(8, 2) {
		material = append(material, n.Doc)
	}
	w := Analyze(sharingNotes(7, 4), WithMaterial(material))
	got := map[string]float64{}
	for _, m := range w.Members {
		for _, s := range m.Sentences {
			got[s.ID] = s.Shared
		}
	}
	shareScoresByMap(w.Members)
	bookScoresByMap(w.Members, material)
	sameShared(t, w, got)
}

// bookScoresByMap is bookScores as it was, with a map of counts.
func bookScoresByMap(members []*Member, material []*note.Document) {
	var grams [][]uint32
	index := map[uint32][]int32{}
	for _, d := range material {
		for _, ms := range d.Sentences {
			g := bigramSet(Clean(ms.Text))
			if len(g) < 4 {
				continue
			}
			for _, x := range g {
				index[x] = append(index[x], int32(len(grams)))
			}
			grams = append(grams, g)
		}
	}
	counts := map[int32]int{}
	for _, m := range members {
		for i := range m.Sentences {
			s := &m.Sentences[i]
			g := bigramSet(s.Body)
			if len(g) < 4 {
				continue
			}
			clear(counts)
			for _, x := range g {
				for _, r := range index[x] {
					counts[r]++
				}
			}
			for r, c := range counts {
				if d := 2 * float64(c) / float64(len(g)+len(grams[r])); d > s.Shared {
					s.Shared = d
				}
			}
		}
	}
}

// sharingNotes returns n members' notes whose sentences share words, one
// bigram in every sentence of every member (more than maxPost postings).
func sharingNotes(seed int64, n int) []Note {
	words := []string{"버퍼", "풀은", "페이지를", "캐시한다", "교체", "정책은", "참조", "비트를", "쓴다", "로그", "구조", "병합", "트리는", "쓰기를", "모은다", "LRU", "CLOCK", "2Q"}
	rng := rand.New(rand.NewSource(seed))
	var notes []Note
	for m := range n {
		var b strings.Builder
		b.WriteString("# 노트\n\n")
		for range 120 {
			for n := 3 + rng.Intn(8); n > 0; n-- {
				b.WriteString(words[rng.Intn(len(words))] + " ")
			}
			b.WriteString("이다.\n")
		}
		// One bigram in every sentence of every member: more than
		// maxPost postings.
		notes = append(notes, Note{Member: fmt.Sprint("회원", m), Doc: parse(fmt.Sprintf("%d.md", m), b.String())})
	}
	return notes
}

// sameShared fails unless every sentence's Shared is got's for it, and
// unless some are above zero.
func sameShared(t *testing.T, w *Week, got map[string]float64) {
	t.Helper()
	nonzero := 0
	for _, m := range w.Members {
		for _, s := range m.Sentences {
			if s.Shared != got[s.ID] {
				t.Errorf("%s %q: Shared = %v, the map version gives %v", s.ID, s.Body, got[s.ID], s.Shared)
			}
			if s.Shared > 0 {
				nonzero++
			}
		}
	}
	if nonzero == 0 {
		t.Error("no sentence shares anything: the case tests nothing")
	}
}
