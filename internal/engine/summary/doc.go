// Package summary is the offline engine of the week's summary (summary.md,
// the 통합 정리): it aligns the members' outlines — numbered headings such
// as "3.1 …", chapter headings, or titles that say the same — into one
// outline in the book's order, gathers under each heading the points the
// members wrote there, clusters the points that say the same thing (same
// concept, similar sentences) and keeps one representative per cluster,
// the clearest complete one, in the member's own words with its list
// structure, emphasis, code and tables. Every point keeps the note lines of
// every member who wrote it. No network, deterministic.
package summary
