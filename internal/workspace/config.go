package workspace

// ConfigFile is the name of the configuration file at the repository root.
const ConfigFile = "moim.yaml"

// DefaultOutputName is the insights document's default file name.
const DefaultOutputName = "ai-insights.md"

// Config is the content of moim.yaml. When present it overrides detection.
type Config struct {
	// Version of the file format; 1.
	Version int `yaml:"version"`
	// Layout is where notes are: a path pattern relative to the repository
	// with {week} (a number, zero padding allowed: {week:02}) and {member}
	// (a member's name, romanised name, GitHub id or alias) placeholders,
	// e.g. "weeks/week{week:02}/study-note-{member}.md".
	Layout string `yaml:"layout,omitempty"`
	// Output is the insights document's file name inside each week folder.
	Output string `yaml:"output,omitempty"`
	// Template is a template file relative to the repository.
	Template string        `yaml:"template,omitempty"`
	Members  []Member      `yaml:"members,omitempty"`
	Schedule []ScheduleRow `yaml:"schedule,omitempty"`
	// Notes lists every week's note files when no single layout pattern
	// describes them (written by moim init in that case).
	Notes []WeekNotes `yaml:"notes,omitempty"`
	// Tracks are the studies of a repository that holds several; each has
	// its own layout or notes, members and schedule. Layout, Notes and
	// Schedule above are then left empty.
	Tracks []TrackConfig `yaml:"tracks,omitempty"`
	// Engine holds the LLM settings; flags override env, env overrides it.
	Engine EngineConfig `yaml:"engine,omitempty"`
}

// TrackConfig is one study of a repository with several.
type TrackConfig struct {
	// Name identifies the track (its folder's name by default).
	Name string `yaml:"name"`
	// Dir is the track's folder relative to the repository.
	Dir string `yaml:"dir,omitempty"`
	// Layout and Notes are as in Config, with paths from the repository root.
	Layout string      `yaml:"layout,omitempty"`
	Notes  []WeekNotes `yaml:"notes,omitempty"`
	// Members names the track's members (each described under members:).
	Members  []string      `yaml:"members,omitempty"`
	Schedule []ScheduleRow `yaml:"schedule,omitempty"`
}

// WeekNotes is one week's note files, listed explicitly.
type WeekNotes struct {
	Week int `yaml:"week"`
	// Dir is the week folder, where the week's document goes ("" when the
	// week has no folder: the document goes to weeks/weekNN/).
	Dir   string        `yaml:"dir,omitempty"`
	Files []MemberFiles `yaml:"files,omitempty"`
}

// MemberFiles are one member's files for a week, the main one first.
type MemberFiles struct {
	Member string   `yaml:"member"`
	Paths  []string `yaml:"paths"`
}

// EngineConfig configures the generation engine.
type EngineConfig struct {
	// Name is offline, openai or anthropic.
	Name    string `yaml:"name,omitempty"`
	Model   string `yaml:"model,omitempty"`
	BaseURL string `yaml:"base_url,omitempty"`
	// APIKeyEnv names the environment variable that holds the API key;
	// the key itself never goes into moim.yaml.
	APIKeyEnv string `yaml:"api_key_env,omitempty"`
	// ContextTokens is the model's context size used to split long notes.
	ContextTokens int `yaml:"context_tokens,omitempty"`
	// Concurrency limits parallel requests.
	Concurrency int `yaml:"concurrency,omitempty"`
}

// EngineName is the configured engine, "offline" when none is (c may be nil).
func (c *Config) EngineName() string {
	if c == nil || c.Engine.Name == "" {
		return "offline"
	}
	return c.Engine.Name
}
