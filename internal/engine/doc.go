// Package engine defines how a week's insights are produced: the Engine
// interface and its Input (the week's members and notes, template,
// schedule and the analysis pipeline made of them). The offline engine
// (engine/offline) is the default; the LLM engines (engine/llm) write
// bullets from the same analysis and verify them against the notes.
package engine
