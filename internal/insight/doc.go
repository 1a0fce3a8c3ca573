// Package insight holds the result model of a generation run: weeks, member
// sections and bullets, each bullet carrying the note lines it came from.
// It is the contract between engines, the document format (package doc),
// the JSON output, eval and the web view.
package insight
