package workspace

import "strings"

// Week returns week n, or false when the repository has no such week.
func (w *Workspace) Week(n int) (*Week, bool) {
	for i := range w.Weeks {
		if w.Weeks[i].Number == n {
			return &w.Weeks[i], true
		}
	}
	return nil, false
}

// Latest returns the latest week that has at least one note.
func (w *Workspace) Latest() (*Week, bool) {
	for i := len(w.Weeks) - 1; i >= 0; i-- {
		if len(w.Weeks[i].Notes) > 0 {
			return &w.Weeks[i], true
		}
	}
	return nil, false
}

// ScheduleFor returns the schedule row of week n, nil when there is none.
func (w *Workspace) ScheduleFor(n int) *ScheduleRow {
	for i := range w.Schedule {
		if w.Schedule[i].Week == n {
			return &w.Schedule[i]
		}
	}
	return nil
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

// ToConfig returns the moim.yaml that describes what was discovered, for
// `moim init`: members, schedule, output name and template, and the layout
// when it is an exact pattern (it has {week} and {member}, and the week
// numbers are the numbers in the names). Engine settings come from the
// loaded config, if any.
func (w *Workspace) ToConfig() *Config {
	c := &Config{Version: 1, Output: w.OutputName, Template: w.Template}
	if strings.Contains(w.Layout, "{week") && strings.Contains(w.Layout, "{member}") {
		c.Layout = w.Layout
	}
	c.Members = append(c.Members, w.Members...)
	c.Schedule = append(c.Schedule, w.Schedule...)
	if w.Config != nil {
		c.Engine = w.Config.Engine
	}
	return c
}
