package workspace

import (
	"fmt"
	"io"

	"strings"

	"golang.org/x/text/width"
)

// Manifest is what discovery found, in a form to compare and print: the
// members, each track's weeks with every member's note files, and every
// file that is not a note with the reason. `moim ls --json` writes it.
type Manifest struct {
	Members []Member        `json:"members" yaml:"members"`
	Tracks  []TrackManifest `json:"tracks" yaml:"tracks"`
	// Skipped maps each file that is not a note to the reason.
	Skipped map[string]string `json:"skipped,omitempty" yaml:"skipped,omitempty"`
}

// TrackManifest is one track of a Manifest.
type TrackManifest struct {
	Name    string         `json:"name" yaml:"name"`
	Dir     string         `json:"dir,omitempty" yaml:"dir,omitempty"`
	Layout  string         `json:"layout,omitempty" yaml:"layout,omitempty"`
	Members []string       `json:"members" yaml:"members,flow"`
	Weeks   []WeekManifest `json:"weeks" yaml:"weeks"`
}

// WeekManifest is one week of a TrackManifest: member → note files (the
// main file first).
type WeekManifest struct {
	Week    int                 `json:"week" yaml:"week"`
	Dir     string              `json:"dir,omitempty" yaml:"dir,omitempty"`
	Output  string              `json:"output" yaml:"output"`
	Notes   map[string][]string `json:"notes,omitempty" yaml:"notes,omitempty"`
	Empty   map[string][]string `json:"empty,omitempty" yaml:"empty,omitempty"`
	Missing []string            `json:"missing,omitempty" yaml:"missing,omitempty,flow"`
}

// Manifest returns what discovery found.
func (w *Workspace) Manifest() Manifest {
	m := Manifest{Members: cloneMembers(w.Members)}
	for _, t := range w.Tracks {
		tm := TrackManifest{Name: t.Name, Dir: t.Dir, Layout: t.Layout, Members: append([]string{}, t.Members...)}
		for _, wk := range w.TrackWeeks(t.Name) {
			wm := WeekManifest{Week: wk.Number, Dir: wk.Dir, Output: wk.Output, Missing: wk.Missing}
			for _, n := range wk.Notes {
				if wm.Notes == nil {
					wm.Notes = map[string][]string{}
				}
				wm.Notes[n.Member] = n.Paths()
			}
			for _, n := range wk.Empty {
				if wm.Empty == nil {
					wm.Empty = map[string][]string{}
				}
				wm.Empty[n.Member] = n.Paths()
			}
			tm.Weeks = append(tm.Weeks, wm)
		}
		m.Tracks = append(m.Tracks, tm)
	}
	if len(w.Skipped) > 0 {
		m.Skipped = map[string]string{}
		for _, s := range w.Skipped {
			m.Skipped[s.Path] = s.Reason
		}
	}
	return m
}

// WriteList prints what discovery found, for `moim ls`: every track with
// its layout and members, every week with each member's note files
// (additional files indented below the main one, empty notes and members
// without a note said as such), then every file that is not a note with
// the reason.
func (w *Workspace) WriteList(out io.Writer) error {
	var b strings.Builder
	nameW := 0
	for _, m := range w.Members {
		nameW = max(nameW, TextWidth(m.Name))
	}
	for ti, t := range w.Tracks {
		if ti > 0 {
			b.WriteString("\n")
		}
		if t.Name == "" && len(w.Tracks) == 1 {
			b.WriteString("study")
		} else {
			fmt.Fprintf(&b, "track %s", t.Name)
		}
		if t.Dir != "" && t.Dir != t.Name {
			fmt.Fprintf(&b, " (%s/)", t.Dir)
		}
		b.WriteString("\n")
		switch {
		case t.Layout != "":
			fmt.Fprintf(&b, "  layout:  %s\n", t.Layout)
		case w.Config != nil && w.Config.hasNotes():
			b.WriteString("  layout:  notes listed in moim.yaml\n")
		default:
			b.WriteString("  layout:  no single pattern (moim init lists the notes in moim.yaml)\n")
		}
		fmt.Fprintf(&b, "  members: %s\n", orDash(strings.Join(t.Members, ", ")))
		for _, wk := range w.TrackWeeks(t.Name) {
			place := wk.Dir + "/"
			if wk.Dir == "" {
				place = "(no week folder)"
			}
			fmt.Fprintf(&b, "  week %d  %s → %s\n", wk.Number, place, wk.Output)
			line := func(name, text string) {
				fmt.Fprintf(&b, "    %s%s  %s\n", name, strings.Repeat(" ", nameW-TextWidth(name)), text)
			}
			for _, n := range wk.Notes {
				line(n.Member, n.Path)
				for _, p := range n.More {
					line("", "+ "+p)
				}
			}
			for _, n := range wk.Empty {
				line(n.Member, "empty: "+strings.Join(n.Paths(), ", "))
			}
			for _, m := range wk.Missing {
				line(m, "no note")
			}
		}
	}
	if len(w.Skipped) > 0 {
		if len(w.Tracks) > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "not notes (%d):\n", len(w.Skipped))
		pw := 0
		for _, s := range w.Skipped {
			pw = max(pw, TextWidth(s.Path))
		}
		pw = min(pw, 48)
		for _, s := range w.Skipped {
			pad := max(pw-TextWidth(s.Path), 0)
			fmt.Fprintf(&b, "  %s%s  %s\n", s.Path, strings.Repeat(" ", pad), s.Reason)
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TextWidth is the width of s in a terminal: East Asian wide and
// full-width characters (Hangul) take two columns, others one. moim ls
// and moim eval align their columns with it.
func TextWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
