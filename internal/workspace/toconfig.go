package workspace

// ToConfig returns the moim.yaml that describes what was discovered, for
// `moim init`: members, output name and template, and per track (top level
// when the repository holds one study) the layout pattern when one finds
// exactly the notes detection found, else every week's note files listed,
// and the schedule. Opening the repository with it finds the same tracks,
// weeks, members and notes. Engine settings come from the loaded config.
func (w *Workspace) ToConfig() *Config {
	c := &Config{Version: 1, Output: w.OutputName, Template: w.Template}
	c.Members = cloneMembers(w.Members)
	if w.Config != nil {
		c.Engine = w.Config.Engine
	}
	if len(w.Tracks) <= 1 {
		c.Schedule = append(c.Schedule, w.Schedule...)
		if len(w.Tracks) == 1 {
			t := w.Tracks[0]
			if t.Layout != "" {
				c.Layout = t.Layout
			} else {
				c.Notes = w.noteLists(t.Name)
			}
		}
		return c
	}
	for _, t := range w.Tracks {
		tc := TrackConfig{Name: t.Name, Dir: t.Dir, Members: append([]string(nil), t.Members...), Schedule: append([]ScheduleRow(nil), t.Schedule...)}
		if t.Layout != "" {
			tc.Layout = t.Layout
		} else {
			tc.Notes = w.noteLists(t.Name)
		}
		c.Tracks = append(c.Tracks, tc)
	}
	return c
}

// noteLists lists a track's weeks and note files for moim.yaml.
func (w *Workspace) noteLists(track string) []WeekNotes {
	var out []WeekNotes
	for _, wk := range w.TrackWeeks(track) {
		wn := WeekNotes{Week: wk.Number, Dir: wk.Dir}
		for _, n := range append(append([]NoteFile(nil), wk.Notes...), wk.Empty...) {
			wn.Files = append(wn.Files, MemberFiles{Member: n.Member, Paths: n.Paths()})
		}
		out = append(out, wn)
	}
	return out
}
