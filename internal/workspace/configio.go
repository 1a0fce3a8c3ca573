package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ConfigError is a problem in moim.yaml, located by line and field.
type ConfigError struct {
	// File is the path of the configuration file.
	File string
	// Line is 1-based; 0 when unknown.
	Line int
	// Field is the setting's path, such as "members[1].name"; "" for the
	// file as a whole or a top-level unknown key.
	Field string
	// Msg says what is wrong.
	Msg string
}

// Error formats the problem as "moim.yaml:3: members[1].name: message".
func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Engine names accepted in engine.name.
var engineNames = []string{"offline", "openai", "anthropic"}

// validator walks the YAML tree against the Config type.
type validator struct {
	file  string
	errs  []error
	lines map[string]int // field path → line
}

func (v *validator) fail(line int, field, format string, args ...any) {
	v.errs = append(v.errs, &ConfigError{File: v.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// line returns the line of field, or of its nearest parent.
func (v *validator) line(field string) int {
	for f := field; f != ""; {
		if l, ok := v.lines[f]; ok {
			return l
		}
		i := strings.LastIndexAny(f, ".[")
		if i < 0 {
			break
		}
		f = f[:i]
	}
	return 0
}

func joinField(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

func yamlName(sf reflect.StructField) string {
	tag := sf.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return strings.ToLower(sf.Name)
	}
	return name
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "something else"
}

var memberType = reflect.TypeOf(Member{})

// check validates node n against type t; field is n's path.
func (v *validator) check(n *yaml.Node, t reflect.Type, field string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	v.lines[field] = n.Line
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			v.fail(n.Line, field, "expected a mapping, got %s", describe(n))
			return
		}
		known := map[string]reflect.StructField{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if sf.IsExported() && yamlName(sf) != "-" {
				known[yamlName(sf)] = sf
				names = append(names, yamlName(sf))
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			sf, ok := known[k.Value]
			if !ok {
				if s := suggest(k.Value, names); s != "" {
					v.fail(k.Line, field, "unknown field %q; did you mean %q?", k.Value, s)
				} else {
					v.fail(k.Line, field, "unknown field %q (known: %s)", k.Value, strings.Join(names, ", "))
				}
				continue
			}
			f := joinField(field, k.Value)
			v.check(val, sf.Type, f)
			v.lines[f] = k.Line
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			v.fail(n.Line, field, "expected a list, got %s", describe(n))
			return
		}
		for i, item := range n.Content {
			if t.Elem() == memberType && item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
				// "- 홍길동" is short for "- name: 홍길동".
				val := *item
				*item = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: item.Line, Column: item.Column,
					Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "name", Line: val.Line}, &val}}
			}
			v.check(item, t.Elem(), fmt.Sprintf("%s[%d]", field, i))
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			v.fail(n.Line, field, "expected a string, got %s", describe(n))
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			v.fail(n.Line, field, "expected a whole number, got %s", describe(n))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			v.fail(n.Line, field, "expected true or false, got %s", describe(n))
		}
	}
}

// editDistance is the Levenshtein distance between a and b (in runes).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// suggest returns the known key closest to key when it is close enough.
func suggest(key string, known []string) string {
	best, bestD := "", 1<<30
	lk := strings.ToLower(key)
	for _, k := range known {
		if d := editDistance(lk, k); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= 2 || bestD*3 <= len(best) {
		return best
	}
	return ""
}

var reYAMLLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// LoadConfig reads and validates moim.yaml. Problems are *ConfigError
// values (joined when there are several) naming the file, line and field:
// unknown keys (with the closest known key), wrong types, members without
// a name or listed twice, week numbers below 1, a layout without {week} or
// {member}, an unknown engine, a version other than 1.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("workspace: %s: %w", path, unwrapPathErr(err))
	}
	return parseConfig(path, data)
}

func parseConfig(path string, data []byte) (*Config, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		ce := &ConfigError{File: path, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := reYAMLLine.FindStringSubmatch(err.Error()); m != nil {
			ce.Line, _ = strconv.Atoi(m[1])
			ce.Msg = m[2]
		}
		return nil, ce
	}
	cfg := &Config{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		cfg.Version = 1
		return cfg, nil
	}
	root := doc.Content[0]
	v := &validator{file: path, lines: map[string]int{}}
	v.check(root, reflect.TypeOf(Config{}), "")
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	if err := root.Decode(cfg); err != nil {
		return nil, &ConfigError{File: path, Line: root.Line, Msg: err.Error()}
	}
	for i := range cfg.Schedule {
		cfg.Schedule[i].Source = filepath.Base(path)
		cfg.Schedule[i].Line = v.line(fmt.Sprintf("schedule[%d]", i))
	}
	v.validate(cfg)
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return cfg, nil
}

// layout checks a layout pattern.
func (v *validator) layout(field, layout string) {
	if layout == "" {
		return
	}
	switch {
	case !strings.Contains(layout, "{week}") && !strings.Contains(layout, "{week:02}"):
		v.fail(v.line(field), field, "%q has no {week} placeholder (e.g. \"weeks/week{week:02}/{member}.md\")", layout)
	case !strings.Contains(layout, "{member}"):
		v.fail(v.line(field), field, "%q has no {member} placeholder (e.g. \"weeks/week{week:02}/{member}.md\")", layout)
	default:
		if _, err := compileLayout(layout); err != nil {
			v.fail(v.line(field), field, "%v", err)
		}
	}
}

// notes checks explicit note lists.
func (v *validator) notes(field string, weeks []WeekNotes) {
	for i, wn := range weeks {
		f := fmt.Sprintf("%s[%d]", field, i)
		if wn.Week < 1 {
			v.fail(v.line(f+".week"), f+".week", "week must be 1 or more, got %d", wn.Week)
		}
		for j, mf := range wn.Files {
			ff := fmt.Sprintf("%s.files[%d]", f, j)
			if cleanName(mf.Member) == "" {
				v.fail(v.line(ff), ff+".member", "missing member name")
			}
			if len(mf.Paths) == 0 {
				v.fail(v.line(ff), ff+".paths", "no files listed for %s", mf.Member)
			}
		}
	}
}

// validate checks the decoded values.
func (v *validator) validate(c *Config) {
	if _, set := v.lines["version"]; !set {
		c.Version = 1
	} else if c.Version != 1 {
		v.fail(v.line("version"), "version", "unsupported version %d; this moim reads version 1", c.Version)
	}
	v.layout("layout", c.Layout)
	v.notes("notes", c.Notes)
	if len(c.Tracks) > 0 {
		for _, f := range []struct {
			name string
			set  bool
		}{{"layout", c.Layout != ""}, {"notes", len(c.Notes) > 0}, {"schedule", len(c.Schedule) > 0}} {
			if f.set {
				v.fail(v.line(f.name), f.name, "with tracks, put %s under each track", f.name)
			}
		}
	}
	names := map[string]int{}
	for i, t := range c.Tracks {
		f := fmt.Sprintf("tracks[%d]", i)
		if j, dup := names[t.Name]; dup {
			v.fail(v.line(f+".name"), f+".name", "track %q is listed twice (also tracks[%d])", t.Name, j)
		}
		names[t.Name] = i
		if t.Name == "" {
			v.fail(v.line(f), f+".name", "missing track name")
		}
		v.layout(f+".layout", t.Layout)
		v.notes(f+".notes", t.Notes)
	}
	if strings.ContainsAny(c.Output, `/\`) {
		v.fail(v.line("output"), "output", "%q: output is a file name inside each week folder, not a path", c.Output)
	}
	seen := map[string]int{}
	for i, m := range c.Members {
		f := fmt.Sprintf("members[%d]", i)
		name := cleanName(m.Name)
		if name == "" {
			v.fail(v.line(f), f+".name", "missing member name")
			continue
		}
		k := foldName(name)
		if j, dup := seen[k]; dup {
			v.fail(v.line(f+".name"), f+".name", "duplicate member %q (also members[%d], line %d)", name, j, v.line(fmt.Sprintf("members[%d].name", j)))
			continue
		}
		seen[k] = i
	}
	weeks := map[int]int{}
	for i, r := range c.Schedule {
		f := fmt.Sprintf("schedule[%d].week", i)
		if r.Week < 1 {
			v.fail(v.line(f), f, "week must be 1 or more, got %d", r.Week)
			continue
		}
		if j, dup := weeks[r.Week]; dup {
			v.fail(v.line(f), f, "week %d is listed twice (also schedule[%d])", r.Week, j)
			continue
		}
		weeks[r.Week] = i
	}
	if n := c.Engine.Name; n != "" && !contains(engineNames, n) {
		msg := fmt.Sprintf("unknown engine %q; use offline, openai or anthropic", n)
		if s := suggest(n, engineNames); s != "" {
			msg = fmt.Sprintf("unknown engine %q; did you mean %q? (offline, openai or anthropic)", n, s)
		}
		v.fail(v.line("engine.name"), "engine.name", "%s", msg)
	}
	if c.Engine.ContextTokens < 0 {
		v.fail(v.line("engine.context_tokens"), "engine.context_tokens", "must not be negative")
	}
	if c.Engine.Concurrency < 0 {
		v.fail(v.line("engine.concurrency"), "engine.concurrency", "must not be negative")
	}
}

const configHeader = `moim.yaml: settings for moim, the study-notes insights tool.
Written by "moim init" from what it found in this repository; edit freely.
What is set here wins over detection: remove a key to have it detected again.`

func strNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func intNode(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

// mapping builds a block mapping from key/value pairs, skipping empty
// strings and zero numbers.
type mapping struct{ n *yaml.Node }

func newMapping() *mapping { return &mapping{n: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}} }

func (m *mapping) add(key, comment string, val *yaml.Node) {
	m.n.Content = append(m.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, HeadComment: comment}, val)
}

func (m *mapping) str(key, comment, val string) {
	if val != "" {
		m.add(key, comment, strNode(val))
	}
}

func (m *mapping) int(key, comment string, val int) {
	if val != 0 {
		m.add(key, comment, intNode(val))
	}
}

// Marshal writes the configuration as commented YAML with keys in a fixed
// order: version, layout, output, template, members, schedule, notes,
// tracks, engine.
func (c *Config) Marshal() ([]byte, error) {
	root := newMapping()
	version := c.Version
	if version == 0 {
		version = 1
	}
	root.add("version", "File format version.", intNode(version))
	root.str("layout", "Where the notes are. {week} is the week number ({week:02}: zero-padded),\n{member} a member's name, romanised name, GitHub id or alias, * any text.", c.Layout)
	root.str("output", "The insights document's file name inside each week folder.", c.Output)
	root.str("template", "Template of the insights document, relative to the repository\n(default: the week's existing document, else the built-in template).", c.Template)
	if len(c.Members) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, mb := range c.Members {
			m := newMapping()
			m.add("name", "", strNode(mb.Name))
			m.str("roman", "", mb.Roman)
			m.str("github", "", mb.GitHub)
			if len(mb.Aliases) > 0 {
				m.add("aliases", "", flowStrings(mb.Aliases))
			}
			seq.Content = append(seq.Content, m.n)
		}
		root.add("members", "Members in README order. roman is the name used in headings; aliases are\nother names found in file or folder names (initials, nicknames).", seq)
	}
	if len(c.Schedule) > 0 {
		root.add("schedule", "The schedule (주차, 날짜, 범위, 주요 내용, 발표자, 통합 정리자).", scheduleNode(c.Schedule))
	}
	if len(c.Notes) > 0 {
		root.add("notes", notesHelp, notesNode(c.Notes))
	}
	if len(c.Tracks) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, t := range c.Tracks {
			m := newMapping()
			m.add("name", "", strNode(t.Name))
			m.str("dir", "", t.Dir)
			m.str("layout", "", t.Layout)
			if len(t.Notes) > 0 {
				m.add("notes", "", notesNode(t.Notes))
			}
			if len(t.Members) > 0 {
				m.add("members", "", flowStrings(t.Members))
			}
			if len(t.Schedule) > 0 {
				m.add("schedule", "", scheduleNode(t.Schedule))
			}
			seq.Content = append(seq.Content, m.n)
		}
		root.add("tracks", "The studies of this repository, each with its own weeks, members and schedule.\nlayout and notes paths are relative to the repository; members name entries of members:.", seq)
	}
	engineHelp := "Generation engine: offline (default, no network), openai or anthropic.\nAPI keys never go here: api_key_env names the environment variable."
	if c.Engine != (EngineConfig{}) {
		m := newMapping()
		m.str("name", "", c.Engine.Name)
		m.str("model", "", c.Engine.Model)
		m.str("base_url", "", c.Engine.BaseURL)
		m.str("api_key_env", "", c.Engine.APIKeyEnv)
		m.int("context_tokens", "", c.Engine.ContextTokens)
		m.int("concurrency", "", c.Engine.Concurrency)
		root.add("engine", engineHelp, m.n)
	} else {
		root.n.FootComment = engineHelp + "\nengine:\n  name: openai\n  model: <model name>\n  api_key_env: OPENAI_API_KEY"
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: configHeader, Content: []*yaml.Node{root.n}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("workspace: encode %s: %w", ConfigFile, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("workspace: encode %s: %w", ConfigFile, err)
	}
	return buf.Bytes(), nil
}

const notesHelp = "Every week's note files, listed because no single layout pattern finds them:\nper week its folder (where the document goes) and each member's files, the main one first."

func flowStrings(ss []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range ss {
		n.Content = append(n.Content, strNode(s))
	}
	return n
}

func scheduleNode(schedule []ScheduleRow) *yaml.Node {
	rows := append([]ScheduleRow(nil), schedule...)
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].Week < rows[b].Week })
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, r := range rows {
		m := newMapping()
		m.add("week", "", intNode(r.Week))
		m.str("date", "", r.Date)
		m.str("chapters", "", r.Chapters)
		m.str("topic", "", r.Topic)
		m.str("presenter", "", r.Presenter)
		m.str("integrator", "", r.Integrator)
		seq.Content = append(seq.Content, m.n)
	}
	return seq
}

func notesNode(weeks []WeekNotes) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, wn := range weeks {
		m := newMapping()
		m.add("week", "", intNode(wn.Week))
		m.str("dir", "", wn.Dir)
		if len(wn.Files) > 0 {
			files := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			for _, f := range wn.Files {
				fm := newMapping()
				fm.n.Style = yaml.FlowStyle
				fm.add("member", "", strNode(f.Member))
				fm.add("paths", "", flowStrings(f.Paths))
				files.Content = append(files.Content, fm.n)
			}
			m.add("files", "", files)
		}
		seq.Content = append(seq.Content, m.n)
	}
	return seq
}

// SaveConfig writes c to path atomically: a temporary file in the same
// folder, synced, then renamed over path.
func SaveConfig(path string, c *Config) error {
	data, err := c.Marshal()
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	name := tmp.Name()
	cleanup := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return cleanup(err)
	}
	if err := tmp.Sync(); err != nil {
		return cleanup(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return cleanup(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	return nil
}
