// Package engine defines how a week's documents are produced: the Engine
// interface (the insights) and the Summarizer interface (the summary), and
// their Input (the week's members and notes, template, schedule, chapters
// and the analysis pipeline made of them). The offline engines
// (engine/offline, engine/summary) are the default; the LLM engines
// (engine/llm) write from the same analysis and verify what they write
// against the notes.
package engine
