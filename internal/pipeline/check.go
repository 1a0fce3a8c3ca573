package pipeline

import (
	"path/filepath"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/workspace"
)

// Checked is the state of one week's document found by CheckWeek.
type Checked struct {
	Week  *workspace.Week
	State State
	// HasSummary tells that the week has a summary document (summary.md),
	// and Summary is its state.
	HasSummary bool
	Summary    State
	// Warnings name the notes that could not be read (and so are not part
	// of the hash, as in generate).
	Warnings []string
}

// CheckWeek reports whether wk's document (and its summary, when the
// week has one) exists and was made from the
// notes as they are now, from content hashes alone: it reads and decodes
// the week's notes to compute the input hash exactly as Load does, and
// reads the state line of the document. It parses no note, chooses no
// template and never loads the dictionary, so checking a study costs
// about as much as reading its files. The error is that of a document
// that cannot be read.
func CheckWeek(ws *workspace.Workspace, wk *workspace.Week) (Checked, error) {
	c := Checked{Week: wk}
	hash := readNotes(ws, wk, func(msg string) { c.Warnings = append(c.Warnings, msg) }, nil)
	prev, err := readDocument(ws, outputPath(ws, wk))
	if err != nil {
		return c, err
	}
	c.State = documentState(prev, hash, doc.IsFillable)
	if SummaryExists(ws, wk) {
		prev, err := readDocument(ws, filepath.Join(ws.Root, filepath.FromSlash(SummaryPath(wk))))
		if err != nil {
			return c, err
		}
		c.HasSummary = true
		c.Summary = documentState(prev, hash, doc.IsSummaryFillable)
	}
	return c, nil
}
