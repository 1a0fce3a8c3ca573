// Package workspace discovers a study repository: its tracks (studies), each
// track's weeks and members, each member's note files per week, the schedule
// and the moim.yaml configuration. Every file of the repository gets one
// verdict from one classifier: a note of member M for week W in track T, or
// not a note and why (see Workspace.Skipped).
package workspace

// Member is one participant of the study.
type Member struct {
	// Name is the member's name as written in the README (NFC), e.g. 박지민.
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
	// Source and Line locate the row (README.md, moim.yaml or, for a row
	// taken from next week's notes, the note) for provenance.
	Source string `yaml:"-" json:"source,omitempty"`
	Line   int    `yaml:"-" json:"line,omitempty"`
	// Origin says how the row's week was found when nothing numbers it:
	// "" for a row moim.yaml or the README numbers, OriginOrder for a row
	// of a README table without a week column (its place in the table),
	// OriginFolder for a week folder named after its chapter, OriginNotes
	// for the topic next week's notes share.
	Origin string `yaml:"-" json:"origin,omitempty"`
}

// NoteFile is one member's note for one week: one file, or several used
// together (a member's "-2" or "-<topic>" files, a member folder holding one
// file per section, a presenter's *-main-* file beside the note).
type NoteFile struct {
	// Member is the Name of the member the note belongs to.
	Member string `json:"member"`
	// Path is the note's main file, relative to the repository root,
	// slash-separated, as on disk (not normalised), so it can be opened.
	Path string `json:"path"`
	// More are the member's additional files for the week, read together
	// with Path, in order.
	More []string `json:"more,omitempty"`
}

// Paths returns every file of the note, the main one first.
func (n NoteFile) Paths() []string { return append([]string{n.Path}, n.More...) }

// Week is one week of a track as found on disk.
type Week struct {
	// Track is the Name of the track the week belongs to ("" when the
	// repository holds one study).
	Track  string `json:"track,omitempty"`
	Number int    `json:"number"`
	// Dir is the week folder relative to the repository root ("" for
	// member-first layouts, where a week has no folder of its own).
	Dir string `json:"dir"`
	// Notes are the members' notes in member order.
	Notes []NoteFile `json:"notes"`
	// Empty are notes whose files are all empty: the member wrote a file
	// but nothing in it. They are not in Notes.
	Empty []NoteFile `json:"empty,omitempty"`
	// Missing are the names of the track's members without a note this week.
	Missing []string `json:"missing,omitempty"`
	// Output is the insights document's path relative to the repository
	// root (the week folder's ai-insights.md unless configured otherwise).
	Output string `json:"output"`
	// Extra are other files of the week folder that are not notes
	// (summary.md, presentation.md, images ...); each is in
	// Workspace.Skipped with its reason.
	Extra []string `json:"extra,omitempty"`
}

// Track is one study of the repository. Most repositories hold one; sibling
// folders that each hold their own week sequence with the same people
// (<book A>/1회차, <book B>/1회차) are separate tracks, each with its own
// weeks, members, schedule and documents.
type Track struct {
	// Name identifies the track: "" for the only track of a repository,
	// else its folder's name.
	Name string `json:"name"`
	// Dir is the track's folder relative to the repository root ("" for
	// the root).
	Dir string `json:"dir"`
	// Layout is the pattern that finds the track's notes, "" when no single
	// pattern does (the notes are then listed in moim.yaml).
	Layout string `json:"layout,omitempty"`
	// Members are the names of the track's members, in member order.
	Members  []string      `json:"members"`
	Schedule []ScheduleRow `json:"schedule,omitempty"`
}

// Skipped is a file of the repository that is not a note, with the reason.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
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
	// Tracks are the studies of the repository, at least one when any
	// note was found.
	Tracks []Track
	// Layout is the only track's layout ("" with several tracks or when no
	// single pattern fits).
	Layout string
	// Members are every member of every track.
	Members []Member
	// Weeks are the weeks of every track, track by track, in week order.
	Weeks []Week
	// Schedule is the only track's schedule (nil with several tracks: see
	// Track.Schedule).
	Schedule []ScheduleRow
	// Template is the configured template path relative to Root ("" for
	// the week's own document or the built-in template).
	Template string
	// OutputName is the insights document's file name (ai-insights.md).
	OutputName string
	// Skipped are the repository's files that are not notes, with the
	// reason, sorted by path.
	Skipped  []Skipped
	Warnings []Warning

	// stamp is what Open read the workspace from (see Unchanged).
	stamp *stamp
}
