package pipeline

import (
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/workspace"
)

// Checked is the state of one week's document found by CheckWeek.
type Checked struct {
	Week  *workspace.Week
	State State
	// Warnings name the notes that could not be read (and so are not part
	// of the hash, as in generate).
	Warnings []string
}

// CheckWeek reports whether wk's document exists and was made from the
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
	return c, nil
}
