// Package doc owns the insights document format (ai-insights.md): it reads
// a template, or an existing document used as one, into its section schema
// (Parse, Template); renders a generated week into markdown (Render);
// merges a regenerated document with the previous one so that nothing a
// person wrote is lost (Compose); keeps moim's bookkeeping in the state
// comment (State, ReadState); reads a document back for showing or
// measuring it (ReadOutline); tells a template still to be filled from a
// hand-written document (IsFillable); and splits member headings
// ("박지민 (Park Ji-Min)", SplitMemberHeading).
//
// It owns the week's summary (summary.md, the 통합 정리) the same way:
// ParseSummary, BuiltinSummary, RenderSummary, ComposeSummary,
// IsSummaryFillable, ReadSummaryOutline. Both kinds share the line model,
// the state comment and the merge that keeps people's edits; what differs
// (how blocks are named and matched) is a docKind.
//
// Every other package reads and writes these documents only through this
// one.
package doc
