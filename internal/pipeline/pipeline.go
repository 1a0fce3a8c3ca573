// Package pipeline ties the stages together for one week: read and parse
// the notes, choose the template, run an engine, compose the document with
// the previous one and write it atomically.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/template"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// Week is one week's inputs, read and parsed.
type Week struct {
	WS   *workspace.Workspace
	Week *workspace.Week
	// Docs maps member name to the parsed note.
	Docs map[string]*note.Document
	// Template is the template that decides the sections.
	Template *template.Template
	// OutPath is the absolute output path; Prev its current content ("" if none).
	OutPath string
	Prev    string
	// InputHash identifies the notes by content.
	InputHash string
	Warnings  []string
}

// Load reads a week's notes and chooses its template. templatePath, when
// not empty, overrides the configured template. out, when not empty,
// overrides the output path ("-" means standard output: no previous
// document).
func Load(ws *workspace.Workspace, wk *workspace.Week, templatePath, out string) (*Week, error) {
	// Start loading the Korean dictionary while the notes are read.
	text.Warm()
	w := &Week{WS: ws, Week: wk, Docs: map[string]*note.Document{}}
	h := sha256.New()
	for _, nf := range wk.Notes {
		abs := filepath.Join(ws.Root, filepath.FromSlash(nf.Path))
		src, err := note.ReadFile(abs)
		if err != nil {
			if errors.Is(err, note.ErrBinary) || errors.Is(err, note.ErrEncoding) || errors.Is(err, fs.ErrPermission) {
				w.Warnings = append(w.Warnings, fmt.Sprintf("%s: skipped: %v", nf.Path, unwrapMsg(err)))
				continue
			}
			return nil, fmt.Errorf("%s: %w", nf.Path, err)
		}
		if _, ok := w.Docs[nf.Member]; ok {
			continue
		}
		w.Docs[nf.Member] = note.Parse(nf.Path, src)
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00", nf.Member, nf.Path, len(src))
		h.Write([]byte(src))
	}
	w.InputHash = hex.EncodeToString(h.Sum(nil))[:16]

	switch {
	case out == "-":
	case out != "":
		w.OutPath, _ = filepath.Abs(out)
	default:
		w.OutPath = filepath.Join(ws.Root, filepath.FromSlash(wk.Output))
	}
	if w.OutPath != "" {
		b, err := os.ReadFile(w.OutPath)
		switch {
		case err == nil:
			w.Prev, err = note.Decode(w.OutPath, b)
			if err != nil {
				return nil, fmt.Errorf("output %s: %w", rel(ws.Root, w.OutPath), err)
			}
		case errors.Is(err, fs.ErrNotExist):
		default:
			return nil, fmt.Errorf("output %s: %w", rel(ws.Root, w.OutPath), err)
		}
	}
	t, err := chooseTemplate(ws, w, templatePath)
	if err != nil {
		return nil, err
	}
	w.Template = t
	return w, nil
}

func chooseTemplate(ws *workspace.Workspace, w *Week, override string) (*template.Template, error) {
	if override != "" {
		return parseTemplateFile(override, override)
	}
	if w.Prev != "" && template.IsFillable(w.Prev) {
		t, err := template.Parse(rel(ws.Root, w.OutPath), w.Prev)
		if err == nil {
			return t, nil
		}
		w.Warnings = append(w.Warnings, fmt.Sprintf("%s: not usable as a template (%v); using the configured or built-in template", rel(ws.Root, w.OutPath), err))
	}
	if ws.Template != "" {
		return parseTemplateFile(filepath.Join(ws.Root, filepath.FromSlash(ws.Template)), ws.Template)
	}
	return template.Builtin(), nil
}

func parseTemplateFile(abs, name string) (*template.Template, error) {
	src, err := note.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	t, err := template.Parse(name, src)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return t, nil
}

// Input builds the engine input of the week.
func (w *Week) Input() *engine.Input {
	in := &engine.Input{Week: w.Week.Number, Template: w.Template}
	seen := map[string]bool{}
	for _, m := range orderByTemplate(w.WS.Members, w.Template) {
		seen[m.Name] = true
		in.Members = append(in.Members, engine.MemberInput{Member: m, Doc: w.Docs[m.Name]})
	}
	// Notes whose member is not in the member list still count.
	var extra []string
	for name := range w.Docs {
		if !seen[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	for _, name := range extra {
		in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: name}, Doc: w.Docs[name]})
	}
	in.Schedule = w.WS.ScheduleFor(w.Week.Number)
	in.Next = w.WS.ScheduleFor(w.Week.Number + 1)
	in.NextDocs = append(in.NextDocs, chapterMaterial(w.WS, in.Next)...)
	if next, ok := w.WS.Week(w.Week.Number + 1); ok {
		for _, nf := range next.Notes {
			abs := filepath.Join(w.WS.Root, filepath.FromSlash(nf.Path))
			if src, err := note.ReadFile(abs); err == nil {
				in.NextDocs = append(in.NextDocs, note.Parse(nf.Path, src))
			}
		}
	}
	return in
}

// Generate runs the engine and fills the file-level fields of the result.
func (w *Week) Generate(ctx context.Context, e engine.Engine) (*insight.Week, error) {
	res, err := e.Generate(ctx, w.Input())
	if err != nil {
		return nil, fmt.Errorf("week %d: %w", w.Week.Number, err)
	}
	res.Number = w.Week.Number
	res.Title = w.Template.TitleFor(w.Week.Number)
	res.Dir = w.Week.Dir
	if w.OutPath != "" {
		res.Output = rel(w.WS.Root, w.OutPath)
	}
	res.InputHash = w.InputHash
	res.Warnings = append(res.Warnings, w.Warnings...)
	return res, nil
}

// Document composes the markdown document with the previous one, keeping
// every human edit.
func (w *Week) Document(res *insight.Week) (string, error) {
	doc, err := template.Compose(w.Prev, w.Template, res)
	if err != nil {
		return "", fmt.Errorf("%s: %w", res.Output, err)
	}
	return doc, nil
}

// Fresh reports whether the week's output exists and was made from the
// notes as they are now.
func (w *Week) Fresh() (exists, fresh bool) {
	if w.Prev == "" {
		return false, false
	}
	st, ok := template.ReadState(w.Prev)
	if !ok {
		return true, false
	}
	return true, st.InputHash == w.InputHash
}

func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil || len(r) > 1 && r[:2] == ".." {
		return p
	}
	return path.Clean(filepath.ToSlash(r))
}

func unwrapMsg(err error) string {
	if u := errors.Unwrap(err); u != nil {
		return u.Error()
	}
	return err.Error()
}

// orderByTemplate puts the members the template names first, in the
// template's order and with the template's romanised names ("## 안태현 (Ahn
// Tae-Hyun)"), then the others in repository order.
func orderByTemplate(members []workspace.Member, t *template.Template) []workspace.Member {
	type named struct{ name, roman string }
	var listed []named
	for _, h := range t.MemberHeadings {
		name, roman := h, ""
		if i := strings.Index(h, "("); i > 0 && strings.HasSuffix(h, ")") {
			name, roman = strings.TrimSpace(h[:i]), strings.TrimSpace(h[i+1:len(h)-1])
		}
		listed = append(listed, named{norm.NFC.String(name), roman})
	}
	var out []workspace.Member
	used := make([]bool, len(members))
	for _, l := range listed {
		for i, m := range members {
			if !used[i] && m.Name == l.name {
				used[i] = true
				if l.roman != "" {
					m.Roman = l.roman
				}
				out = append(out, m)
			}
		}
	}
	for i, m := range members {
		if !used[i] {
			out = append(out, m)
		}
	}
	return out
}
