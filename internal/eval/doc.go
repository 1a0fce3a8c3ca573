// Package eval measures the quality of a generated insights document: it
// compares the document with a reference one (a hand-made ai-insights.md)
// and, when the week's notes are given, checks every bullet against the
// notes it should come from. Documents are read through package doc; a
// bullet's support by a note sentence is text.Support with
// text.SentenceSupport. docs/quality.md explains each number.
package eval
