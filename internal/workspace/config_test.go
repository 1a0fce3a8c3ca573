package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
)

func sampleConfig() *Config {
	return &Config{
		Version:  1,
		Layout:   "weeks/week{week:02}/study-note-{member}.md",
		Output:   "ai-insights.md",
		Template: "templates/ai-insights.md",
		Members: []Member{
			{Name: "박지민", Roman: "Park Ji-Min", GitHub: "jimin-park", Aliases: []string{"PJM", "jm"}},
			{Name: "최유나", Roman: "Choi Yu-Na"},
			{Name: "yes"}, // a name YAML would read as a boolean
		},
		Schedule: []ScheduleRow{
			{Week: 1, Date: "2025-03-04", Chapters: "1장", Topic: "관계형 모델: 기초 # 1", Presenter: "박지민", Integrator: "최유나"},
			{Week: 2, Date: "3/11", Chapters: "2-3장", Topic: "- 인덱스", Presenter: "123"},
		},
		Engine: EngineConfig{Name: "openai", Model: "small-model", BaseURL: "http://127.0.0.1:11434/v1", APIKeyEnv: "OPENAI_API_KEY", ContextTokens: 8192, Concurrency: 2},
	}
}

func stripProvenance(c *Config) {
	for i := range c.Schedule {
		c.Schedule[i].Source, c.Schedule[i].Line = "", 0
	}
}

func TestConfigRoundTrip(t *testing.T) {
	for _, c := range []*Config{sampleConfig(), {Version: 1}, {Version: 1, Members: []Member{{Name: "정하늘"}}}} {
		data, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseConfig("moim.yaml", data)
		if err != nil {
			t.Fatalf("reading back:\n%s\n%v", data, err)
		}
		stripProvenance(got)
		if !reflect.DeepEqual(got, c) {
			t.Errorf("round trip:\n%s\ngot  %+v\nwant %+v", data, got, c)
		}
	}
}

func TestConfigMarshalGolden(t *testing.T) {
	data, err := sampleConfig().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, filepath.Join("testdata", "moim.yaml.golden"), data)
	// Keys come in a fixed order, each with its comment.
	s := string(data)
	last := -1
	for _, key := range []string{"# moim.yaml", "version:", "layout:", "output:", "template:", "members:", "schedule:", "engine:"} {
		i := strings.Index(s, key)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of order", key)
		}
		last = i
	}
	// Without engine settings, an example is left as a comment.
	plain, err := (&Config{Version: 1}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(plain), "# engine:\n#   name: openai") {
		t.Errorf("no commented engine example:\n%s", plain)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // the error's lines
	}{
		{"unknown top-level key", "version: 1\nmemebers:\n  - name: 박지민\n",
			[]string{`moim.yaml:2: unknown field "memebers"; did you mean "members"?`}},
		{"unknown nested key", "members:\n  - name: 박지민\n  - nmae: 최유나\n",
			[]string{`moim.yaml:3: members[1]: unknown field "nmae"; did you mean "name"?`}},
		{"unknown key far from any", "colour: blue\n",
			[]string{`moim.yaml:1: unknown field "colour" (known: version, layout, output, template, members, schedule, notes, tracks, engine)`}},
		{"missing member name", "members:\n  - name: 박지민\n  - roman: Choi Yu-Na\n",
			[]string{`moim.yaml:3: members[1].name: missing member name`}},
		{"duplicate member", "members:\n  - 박지민\n  - name: " + "박지민" + "\n",
			[]string{`moim.yaml:3: members[1].name: duplicate member "박지민" (also members[0], line 2)`}},
		{"wrong scalar type", "version: one\n",
			[]string{`moim.yaml:1: version: expected a whole number, got "one"`}},
		{"scalar instead of a list", "members: 박지민\n",
			[]string{`moim.yaml:1: members: expected a list, got "박지민"`}},
		{"list instead of a mapping", "engine:\n  - openai\n",
			[]string{`moim.yaml:2: engine: expected a mapping, got a list`}},
		{"week below 1", "schedule:\n  - week: 1\n  - week: 0\n    topic: 쉬어가기\n",
			[]string{`moim.yaml:3: schedule[1].week: week must be 1 or more, got 0`}},
		{"week twice", "schedule:\n  - week: 2\n  - week: 2\n",
			[]string{`moim.yaml:3: schedule[1].week: week 2 is listed twice (also schedule[0])`}},
		{"layout without week", "layout: notes/{member}.md\n",
			[]string{`moim.yaml:1: layout: "notes/{member}.md" has no {week} placeholder (e.g. "weeks/week{week:02}/{member}.md")`}},
		{"layout without member", "layout: week{week}/note.md\n",
			[]string{`moim.yaml:1: layout: "week{week}/note.md" has no {member} placeholder (e.g. "weeks/week{week:02}/{member}.md")`}},
		{"unknown engine", "engine:\n  name: openia\n",
			[]string{`moim.yaml:2: engine.name: unknown engine "openia"; did you mean "openai"? (offline, openai or anthropic)`}},
		{"version 2", "version: 2\n",
			[]string{`moim.yaml:1: version: unsupported version 2; this moim reads version 1`}},
		{"output with a folder", "output: out/insights.md\n",
			[]string{`moim.yaml:1: output: "out/insights.md": output is a file name inside each week folder, not a path`}},
		{"syntax error", "version: 1\nlayout: a: b\n",
			[]string{`moim.yaml:2: mapping values are not allowed in this context`}},
		{"tab indentation", "version: 1\n\tlayout: x\n",
			[]string{`moim.yaml:2: found a tab character that violates indentation`}},
		{"several problems at once", "verison: 1\nmembers:\n  - name: 박지민\n    githb: jm\n",
			[]string{`moim.yaml:1: unknown field "verison"; did you mean "version"?`, `moim.yaml:4: members[0]: unknown field "githb"; did you mean "github"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig("moim.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("error =\n%s\nwant\n%s", err, strings.Join(tt.want, "\n"))
			}
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.File != "moim.yaml" || ce.Line == 0 {
				t.Errorf("error %v is not a located *ConfigError", err)
			}
		})
	}
}

func TestConfigShorthandAndDefaults(t *testing.T) {
	c, err := parseConfig("moim.yaml", []byte("members: [박지민, 최유나]\nschedule:\n  - week: 1\n    topic: 시작\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != 1 || len(c.Members) != 2 || c.Members[1].Name != "최유나" {
		t.Errorf("config = %+v", c)
	}
	if c.Schedule[0].Source != "moim.yaml" || c.Schedule[0].Line != 3 {
		t.Errorf("schedule provenance = %q:%d", c.Schedule[0].Source, c.Schedule[0].Line)
	}
	empty, err := parseConfig("moim.yaml", nil)
	if err != nil || empty.Version != 1 {
		t.Errorf("empty file: %+v, %v", empty, err)
	}
	if (*Config)(nil).EngineName() != "offline" || (&Config{Engine: EngineConfig{Name: "anthropic"}}).EngineName() != "anthropic" {
		t.Error("EngineName")
	}
}

func TestLoadConfigNamesThePath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "moim.yaml")
	if _, err := LoadConfig(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadConfig(missing) = %v", err)
	}
	if err := os.WriteFile(missing, []byte("\ufeffversion: 1\nlayuot: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadConfig(missing)
	if err == nil || !strings.HasPrefix(err.Error(), missing+`:2: unknown field "layuot"; did you mean "layout"?`) {
		t.Errorf("LoadConfig = %v", err)
	}
}

func TestSaveConfigAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ConfigFile)
	if err := os.WriteFile(path, []byte("old: content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SaveConfig(path, sampleConfig()); err != nil {
		t.Fatal(err)
	}
	got, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	stripProvenance(got)
	if !reflect.DeepEqual(got, sampleConfig()) {
		t.Errorf("saved config reads back as %+v", got)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		t.Errorf("temporary files left behind: %v", ents)
	}
	if err := SaveConfig(filepath.Join(dir, "no", "such", "dir", ConfigFile), sampleConfig()); err == nil || !strings.Contains(err.Error(), "no/such/dir") {
		t.Errorf("SaveConfig into a missing folder: %v", err)
	}
}

func TestEditDistanceAndSuggest(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"memebers", "members", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"정리", "정리자", 1}} {
		if got := editDistance(tt.a, tt.b); got != tt.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
	if s := suggest("Layout", []string{"layout", "output"}); s != "layout" {
		t.Errorf("suggest(Layout) = %q", s)
	}
	if s := suggest("zzz", []string{"layout", "output"}); s != "" {
		t.Errorf("suggest(zzz) = %q", s)
	}
}
