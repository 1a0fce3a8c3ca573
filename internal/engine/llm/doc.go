// Package llm implements the model-backed engines (OpenAI Chat Completions
// and any compatible server, Anthropic Messages). They write from the
// week's analysis (engine.Input.Analysis, made once by pipeline): the model
// receives a member's note as numbered evidence sentences and the
// template's section meanings, answers with structured JSON that cites
// evidence ids, and every bullet is verified against the note before it is
// accepted. Sections the model cannot fill are taken from the offline
// (fallback) engine. Summaries (Engine.Summarize) start from the offline
// summary engine's outline; the model rewrites its clusters one section
// at a time and every point passes the same verifier.
package llm
