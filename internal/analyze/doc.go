// Package analyze is the analysis stage: for every sentence of every
// member's note of a week, how well it fits each section of the insights
// document (Sentence.Scores, Member.Candidates), its concept terms and
// centrality, and the week's member × concept matrix (Week.Concepts).
// pipeline analyses each week once (Analyze) and hands the result to the
// engines and the web view through engine.Input.
package analyze
