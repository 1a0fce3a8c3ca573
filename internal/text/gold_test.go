package text

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"
)

var goldReport = flag.Bool("gold.report", false, "print per-sentence misses of the gold-set evaluation")

type goldCase struct {
	sentence string
	terms    []string
}

func readGold(t testing.TB) []goldCase { return readCases(t, "testdata/terms_gold.tsv") }

func readCases(t testing.TB, path string) []goldCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("gold: %v", err)
	}
	defer f.Close()
	var out []goldCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, terms, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("gold: %s: no tab in %q", path, line)
		}
		out = append(out, goldCase{sentence: s, terms: strings.Split(terms, "|")})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("gold: %v", err)
	}
	return out
}

// score is a micro-averaged precision/recall/F1 over term keys, each
// sentence's terms taken as a set.
type score struct{ tp, fp, fn int }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func evalGold(t testing.TB, a Analyzer, cases []goldCase) score {
	var sc score
	for _, c := range cases {
		want := make(map[string]bool)
		for _, w := range c.terms {
			want[termKey(w)] = true
		}
		got := make(map[string]bool)
		for _, g := range a.Terms(c.sentence) {
			got[g.Key] = true
		}
		var miss, extra []string
		for k := range want {
			if got[k] {
				sc.tp++
			} else {
				sc.fn++
				miss = append(miss, k)
			}
		}
		for k := range got {
			if !want[k] {
				sc.fp++
				extra = append(extra, k)
			}
		}
		if *goldReport && (len(miss) > 0 || len(extra) > 0) {
			t.Logf("%s\n\tmissed %q\n\textra  %q", c.sentence, miss, extra)
		}
	}
	return sc
}

func goldCorpus(cases []goldCase) string {
	var b strings.Builder
	for _, c := range cases {
		b.WriteString(c.sentence)
		b.WriteByte('\n')
	}
	return b.String()
}

// Floors are the F1 measured when the analyzers were chosen (see
// docs/text-analysis.md) minus a margin of 0.03; a change that lowers the
// quality below them fails.
const (
	kagomeF1Floor = 0.82 // measured 0.849
	freeF1Floor   = 0.70 // measured 0.735 (untrained), 0.738 (trained)

	kagomeHoldoutFloor = 0.90 // measured 0.935
	freeHoldoutFloor   = 0.75 // measured 0.782
)

func TestGoldF1(t *testing.T) {
	cases := readGold(t)
	if len(cases) < 40 {
		t.Fatalf("gold set has %d cases, want >= 40", len(cases))
	}
	for _, tc := range []struct {
		name  string
		a     Analyzer
		floor float64
	}{
		{"kagome", NewKagome(), kagomeF1Floor},
		{"free", NewFree(goldCorpus(cases)), freeF1Floor},
		{"free-untrained", NewFree(), freeF1Floor},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := evalGold(t, tc.a, cases)
			t.Logf("%-15s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", tc.name, sc.precision(), sc.recall(), sc.f1(), sc.tp, sc.fp, sc.fn)
			if sc.f1() < tc.floor {
				t.Errorf("F1 = %.3f, below floor %.3f", sc.f1(), tc.floor)
			}
		})
	}
}

// TestHoldoutF1 reports the analyzers on the held-out set, which was never
// used to tune them; it asserts the same floors.
func TestHoldoutF1(t *testing.T) {
	cases := readCases(t, "testdata/terms_holdout.tsv")
	for _, tc := range []struct {
		name  string
		a     Analyzer
		floor float64
	}{
		{"kagome", NewKagome(), kagomeHoldoutFloor},
		{"free", NewFree(goldCorpus(cases)), freeHoldoutFloor},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := evalGold(t, tc.a, cases)
			t.Logf("%-15s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", tc.name, sc.precision(), sc.recall(), sc.f1(), sc.tp, sc.fp, sc.fn)
			if sc.f1() < tc.floor {
				t.Errorf("F1 = %.3f, below floor %.3f", sc.f1(), tc.floor)
			}
		})
	}
}
