// Package workspace discovers a study repository: its weeks, members, each
// member's note per week, the schedule and the moim.yaml configuration.
package workspace

// Member is one participant of the study.
type Member struct {
	// Name is the member's name as written in the README (NFC), e.g. 김성언.
	Name string `yaml:"name" json:"name"`
	// Roman is the romanised name used in headings, e.g. "Kim Seong-Eon".
	Roman string `yaml:"roman,omitempty" json:"roman,omitempty"`
	// GitHub is the member's GitHub id when known.
	GitHub string `yaml:"github,omitempty" json:"github,omitempty"`
	// Aliases are other strings that identify the member in file or folder
	// names: initials ("KSE"), nicknames, ids.
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
}

// ScheduleRow is one row of the README's schedule table.
type ScheduleRow struct {
	Week       int    `yaml:"week" json:"week"`
	Date       string `yaml:"date,omitempty" json:"date,omitempty"`
	Chapters   string `yaml:"chapters,omitempty" json:"chapters,omitempty"`
	Topic      string `yaml:"topic,omitempty" json:"topic,omitempty"`
	Presenter  string `yaml:"presenter,omitempty" json:"presenter,omitempty"`
	Integrator string `yaml:"integrator,omitempty" json:"integrator,omitempty"`
	// Source and Line locate the row (README.md or moim.yaml) for provenance.
	Source string `yaml:"-" json:"source,omitempty"`
	Line   int    `yaml:"-" json:"line,omitempty"`
}

// NoteFile is one member's note for one week.
type NoteFile struct {
	// Member is the Name of the member the note belongs to.
	Member string `json:"member"`
	// Path is relative to the repository root, slash-separated, as on disk
	// (not normalised), so it can be opened.
	Path string `json:"path"`
}

// Week is one week of the study as found on disk.
type Week struct {
	Number int `json:"number"`
	// Dir is the week folder relative to the repository root ("" for
	// member-first layouts, where a week has no folder of its own).
	Dir string `json:"dir"`
	// Notes are the members' notes in member order.
	Notes []NoteFile `json:"notes"`
	// Missing are the names of members without a note this week.
	Missing []string `json:"missing,omitempty"`
	// Output is the insights document's path relative to the repository
	// root (the week folder's ai-insights.md unless configured otherwise).
	Output string `json:"output"`
	// Extra are other files of the week folder that are not notes
	// (summary.md, presentation.md, a presenter's *-main-* file ...).
	Extra []string `json:"extra,omitempty"`
}

// Warning is something discovery decided that a person should know about.
type Warning struct {
	File string `json:"file,omitempty"`
	Msg  string `json:"msg"`
}

func (w Warning) String() string {
	if w.File == "" {
		return w.Msg
	}
	return w.File + ": " + w.Msg
}

// Workspace is a discovered study repository.
type Workspace struct {
	// Root is the absolute path of the repository.
	Root string
	// Config is the moim.yaml that was loaded, nil when there is none.
	Config *Config
	// Layout describes where notes are, as a pattern such as
	// "weeks/week{week}/study-note-{member}.md" (see Config.Layout).
	Layout   string
	Members  []Member
	Weeks    []Week
	Schedule []ScheduleRow
	// Template is the configured template path relative to Root ("" for
	// the week's own document or the built-in template).
	Template string
	// OutputName is the insights document's file name (ai-insights.md).
	OutputName string
	Warnings   []Warning
}
