package workspace

import (
	"fmt"
	"sort"
	"strings"
)

// finish completes the workspace: missing members per week, the skipped
// files, and the fields that describe a repository with one study.
func (d *detector) finish() {
	ws := d.ws
	for i := range ws.Weeks {
		wk := &ws.Weeks[i]
		tr := ws.Track(wk.Track)
		has := map[string]bool{}
		for _, nf := range wk.Notes {
			has[nf.Member] = true
		}
		for _, nf := range wk.Empty {
			has[nf.Member] = true
		}
		for _, m := range tr.Members {
			if !has[m] {
				wk.Missing = append(wk.Missing, m)
			}
		}
	}
	for rel, reason := range d.skips {
		ws.Skipped = append(ws.Skipped, Skipped{Path: rel, Reason: reason})
	}
	ws.Skipped = append(ws.Skipped, d.walk.skipped...)
	sort.Slice(ws.Skipped, func(a, b int) bool { return ws.Skipped[a].Path < ws.Skipped[b].Path })
	for i := range ws.Tracks {
		if t := &ws.Tracks[i]; len(t.Schedule) == 0 {
			t.Schedule = folderSchedule(ws.TrackWeeks(t.Name))
		}
	}
	if len(ws.Tracks) == 1 {
		ws.Layout = ws.Tracks[0].Layout
		ws.Schedule = ws.Tracks[0].Schedule
	} else if len(ws.Tracks) == 0 {
		ws.Schedule = d.readmeSchedule
		if d.cfg != nil && len(d.cfg.Schedule) > 0 {
			ws.Schedule = d.cfg.Schedule
		}
		if len(ws.Schedule) == 0 {
			ws.Schedule = folderSchedule(ws.TrackWeeks(""))
		}
	}
	sort.SliceStable(ws.Schedule, func(a, b int) bool { return ws.Schedule[a].Week < ws.Schedule[b].Week })
	if len(ws.Schedule) == 0 && len(ws.Tracks) <= 1 && d.readmeName != "" {
		d.warnf(d.readmeName, "no schedule table (a table with a 주차/week column) found")
	}
	if len(ws.Weeks) == 0 {
		d.warnf("", "no notes found: moim looks for week folders (week01, 1주차, chap03, 241105 …) and member folders with numbered notes; run moim ls to see every file and why it is not a note, or set layout in moim.yaml")
	}
}

// Track returns the track named name (the first track for ""), nil when
// the repository has none.
func (w *Workspace) Track(name string) *Track {
	for i := range w.Tracks {
		if w.Tracks[i].Name == name {
			return &w.Tracks[i]
		}
	}
	if name == "" && len(w.Tracks) > 0 {
		return &w.Tracks[0]
	}
	return nil
}

// TrackOf returns the track of a week (never nil for a week of w).
func (w *Workspace) TrackOf(wk *Week) *Track {
	if t := w.Track(wk.Track); t != nil {
		return t
	}
	return &Track{Name: wk.Track}
}

// Week returns week n of the first track that has it, or false. In a
// repository with several tracks use WeekIn.
func (w *Workspace) Week(n int) (*Week, bool) {
	for i := range w.Weeks {
		if w.Weeks[i].Number == n {
			return &w.Weeks[i], true
		}
	}
	return nil, false
}

// WeekIn returns week n of the named track, or false.
func (w *Workspace) WeekIn(track string, n int) (*Week, bool) {
	for i := range w.Weeks {
		if w.Weeks[i].Number == n && w.Weeks[i].Track == track {
			return &w.Weeks[i], true
		}
	}
	return nil, false
}

// TrackWeeks returns the weeks of the named track in order.
func (w *Workspace) TrackWeeks(track string) []*Week {
	var out []*Week
	for i := range w.Weeks {
		if w.Weeks[i].Track == track {
			out = append(out, &w.Weeks[i])
		}
	}
	return out
}

// Latest returns the latest week that has at least one note (of the last
// track that has notes).
func (w *Workspace) Latest() (*Week, bool) {
	for i := len(w.Weeks) - 1; i >= 0; i-- {
		if len(w.Weeks[i].Notes) > 0 {
			return &w.Weeks[i], true
		}
	}
	return nil, false
}

// LatestIn returns the named track's latest week with notes.
func (w *Workspace) LatestIn(track string) (*Week, bool) {
	for i := len(w.Weeks) - 1; i >= 0; i-- {
		if w.Weeks[i].Track == track && len(w.Weeks[i].Notes) > 0 {
			return &w.Weeks[i], true
		}
	}
	return nil, false
}

// ScheduleFor returns the schedule row of week n of the only (or first)
// track, nil when there is none.
func (w *Workspace) ScheduleFor(n int) *ScheduleRow {
	if len(w.Tracks) > 0 {
		return w.Tracks[0].ScheduleFor(n)
	}
	for i := range w.Schedule {
		if w.Schedule[i].Week == n {
			return &w.Schedule[i]
		}
	}
	return nil
}

// ScheduleFor returns the track's schedule row of week n, nil when none.
func (t *Track) ScheduleFor(n int) *ScheduleRow {
	for i := range t.Schedule {
		if t.Schedule[i].Week == n {
			return &t.Schedule[i]
		}
	}
	return nil
}

// MembersOf returns the members of a week's track, in member order.
func (w *Workspace) MembersOf(wk *Week) []Member {
	t := w.TrackOf(wk)
	in := map[string]bool{}
	for _, n := range t.Members {
		in[n] = true
	}
	var out []Member
	for _, m := range w.Members {
		if in[m.Name] {
			out = append(out, m)
		}
	}
	return out
}

// Member finds a member by name, romanised name, GitHub id, alias or
// initials, with the same rules that match note files to members
// (NFC, case-insensitive). An ambiguous name finds nobody.
func (w *Workspace) Member(name string) (*Member, bool) {
	if i, _ := newMatcher(w.Members).match(name); i >= 0 {
		return &w.Members[i], true
	}
	return nil, false
}

// SkipReason returns why a file is not a note ("" when it is one or is
// not in the repository).
func (w *Workspace) SkipReason(rel string) string {
	i := sort.Search(len(w.Skipped), func(i int) bool { return w.Skipped[i].Path >= rel })
	if i < len(w.Skipped) && w.Skipped[i].Path == rel {
		return w.Skipped[i].Reason
	}
	return ""
}

// Only returns the workspace seen as one of its tracks: that track's weeks,
// members, schedule and layout, for views that show one study at a time.
// The name "" is the first track.
func (w *Workspace) Only(track string) (*Workspace, error) {
	t := w.Track(track)
	if t == nil {
		if len(w.Tracks) == 0 && track == "" {
			return w, nil
		}
		var names []string
		for _, t := range w.Tracks {
			names = append(names, t.Name)
		}
		return nil, fmt.Errorf("workspace: no track %q (tracks: %s)", track, strings.Join(names, ", "))
	}
	c := *w
	c.Tracks = []Track{*t}
	c.Layout, c.Schedule = t.Layout, t.Schedule
	c.Weeks = nil
	for _, wk := range w.Weeks {
		if wk.Track == t.Name {
			c.Weeks = append(c.Weeks, wk)
		}
	}
	c.Members = nil
	in := map[string]bool{}
	for _, n := range t.Members {
		in[n] = true
	}
	for _, m := range w.Members {
		if in[m.Name] {
			c.Members = append(c.Members, m)
		}
	}
	return &c, nil
}
