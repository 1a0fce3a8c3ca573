package analyze

import (
	"math"
	"slices"
)

// maxPostings skips terms that occur in more sentences than this when the
// sentence graph is built: they say little about centrality and would make
// the graph dense (quadratic).
const maxPostings = 150

// textRank scores sentences by centrality: PageRank over the graph whose
// edges join sentences sharing terms, weighted as in TextRank by the
// overlap divided by the log lengths. The result is scaled to [0, 1].
func textRank(sents []Sentence) []float64 {
	n := len(sents)
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	keys := make([][]string, n)
	post := map[string][]int{}
	for i, s := range sents {
		for _, t := range s.Terms {
			k := Key(t)
			keys[i] = append(keys[i], k)
			post[k] = append(post[k], i)
		}
	}
	// The graph as rows of edges ordered by target; counts and touched
	// count the terms a sentence shares with each other one, and are
	// zero again after each row.
	type edge struct {
		to int
		w  float64
	}
	adj := make([][]edge, n)
	counts := make([]int, n)
	var touched []int
	for i := range sents {
		touched = touched[:0]
		for _, k := range keys[i] {
			p := post[k]
			if len(p) > maxPostings {
				continue
			}
			for _, j := range p {
				if j != i {
					if counts[j] == 0 {
						touched = append(touched, j)
					}
					counts[j]++
				}
			}
		}
		if len(touched) == 0 {
			continue
		}
		slices.Sort(touched)
		row := make([]edge, len(touched))
		for x, j := range touched {
			den := math.Log(float64(len(keys[i])+1)) + math.Log(float64(len(keys[j])+1))
			row[x] = edge{j, float64(counts[j]) / math.Max(den, 1)}
			counts[j] = 0
		}
		adj[i] = row
	}
	outW := make([]float64, n)
	for i, row := range adj {
		for _, e := range row {
			outW[i] += e.w
		}
	}
	const d = 0.85
	r := make([]float64, n)
	for i := range r {
		r[i] = 1 / float64(n)
	}
	// Each edge passes on d * w / outW of its source's rank: that factor,
	// computed once instead of in every iteration, in the same order of
	// operations.
	for j, row := range adj {
		if outW[j] == 0 {
			continue
		}
		for x := range row {
			row[x].w = d * row[x].w / outW[j]
		}
	}
	next := make([]float64, n)
	for iter := 0; iter < 30; iter++ {
		for i := range next {
			next[i] = (1 - d) / float64(n)
		}
		for j, row := range adj {
			if outW[j] == 0 {
				continue
			}
			for _, e := range row {
				next[e.to] += e.w * r[j]
			}
		}
		r, next = next, r
	}
	max := 0.0
	for _, v := range r {
		max = math.Max(max, v)
	}
	for i, v := range r {
		out[i] = v / max
	}
	return out
}
