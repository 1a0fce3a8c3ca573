// Package pipeline runs the stages for each week: read and parse the notes
// (Load), choose the template, analyse the notes once (Week.Input, package
// analyze), run an engine on the analysis (Week.Generate), compose the
// document with the previous one (Week.Document) and tell what the stored
// document is (Week.State). The week's summary (summary.md) goes the same
// way from the same analysis: Week.LoadSummary, Week.Summarize,
// Week.SummaryDocument, Week.SummaryState. Run.Generate is the whole plan
// of `moim generate`: select the weeks, lock the repository, refuse to
// overwrite documents written by hand, check every output, generate every
// week (each document kind asked for with --doc), and only then write,
// atomically.
package pipeline
