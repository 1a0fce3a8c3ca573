// Package text holds the language-aware text utilities moim needs for
// Korean and English study notes: sentence splitting (Sentences), concept
// term extraction (Analyzer, Default, Terms), similarity (Jaccard,
// BigramF1, Normalize, Compact) and support (Support, Bigrams).
//
// Two term analyzers exist: KagomeAnalyzer (morphological analysis with
// mecab-ko-dic, the default) and FreeAnalyzer (dictionary-free suffix
// stripping with corpus statistics). docs/text-analysis.md records how they
// were compared and why the default was chosen.
package text
