package analyze

import "math"

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
	adj := make([]map[int]float64, n)
	for i := range sents {
		shared := map[int]int{}
		for _, k := range keys[i] {
			p := post[k]
			if len(p) > maxPostings {
				continue
			}
			for _, j := range p {
				if j != i {
					shared[j]++
				}
			}
		}
		if len(shared) == 0 {
			continue
		}
		adj[i] = make(map[int]float64, len(shared))
		for j, c := range shared {
			den := math.Log(float64(len(keys[i])+1)) + math.Log(float64(len(keys[j])+1))
			adj[i][j] = float64(c) / math.Max(den, 1)
		}
	}
	outW := make([]float64, n)
	for i, row := range adj {
		for _, w := range row {
			outW[i] += w
		}
	}
	const d = 0.85
	r := make([]float64, n)
	for i := range r {
		r[i] = 1 / float64(n)
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
			for i, w := range row {
				next[i] += d * w / outW[j] * r[j]
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
