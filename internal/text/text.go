package text

import (
	"os"
	"sync"
)

var defaultAnalyzer struct {
	once sync.Once
	a    Analyzer
}

// AnalyzerEnv names the environment variable that overrides the default
// analyzer: "free" selects the dictionary-free analyzer (no start-up cost,
// lower quality), anything else the kagome analyzer.
const AnalyzerEnv = "MOIM_TEXT_ANALYZER"

// Default returns the analyzer moim uses: the kagome analyzer, or the
// dictionary-free one when MOIM_TEXT_ANALYZER=free. The choice is made once
// per process. Creating the kagome analyzer is cheap; its dictionary is
// loaded on the first Terms call (or by Warm), once per process.
func Default() Analyzer {
	defaultAnalyzer.once.Do(func() {
		if os.Getenv(AnalyzerEnv) == "free" {
			defaultAnalyzer.a = NewFree()
			return
		}
		defaultAnalyzer.a = NewKagome()
	})
	return defaultAnalyzer.a
}

// Warm starts loading the default analyzer's dictionary in the background
// and returns at once, so a caller that knows analysis will follow (moim
// generate) can overlap the load with reading and parsing notes. Calling
// it is optional and idempotent.
func Warm() {
	if _, ok := Default().(*KagomeAnalyzer); ok {
		if DictionaryUsed != nil {
			DictionaryUsed()
		}
		go func() { _ = loadKagome() }()
	}
}

// Terms returns the display texts of the terms Default() finds in s,
// without repeats: a term is reported once, in the spelling of its first
// occurrence, in order of first appearance (terms with equal Term.Key are
// the same term). Callers that count or compare terms should use
// Default().Terms and Term.Key instead.
func Terms(s string) []string {
	return Dedup(Default().Terms(s))
}

// Dedup returns the texts of ts without repeats by Key, keeping the first
// spelling and the order of first appearance.
func Dedup(ts []Term) []string {
	seen := make(map[string]bool, len(ts))
	var out []string
	for _, t := range ts {
		if seen[t.Key] {
			continue
		}
		seen[t.Key] = true
		out = append(out, t.Text)
	}
	return out
}
