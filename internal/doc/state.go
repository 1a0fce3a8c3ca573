package doc

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// State is moim's bookkeeping for a generated document. It lives in one
// HTML comment on the last line of the document:
//
//	<!-- moim:state v1 {"input":"…","engine":"offline","gen":{…},"sup":{…}} -->
//
// The JSON is compact, its object keys sorted, and it never contains "-->"
// (encoding/json escapes '<', '>' and '&'). Fields:
//
//   - input: Week.InputHash, the content hash of the notes the document was
//     made from (moim check compares it with the notes on disk);
//   - engine: Week.Engine;
//   - gen: for every section, the hashes of the items moim wrote there, in
//     document order;
//   - sup ("suppressed"): for every section, the hashes of items moim wrote
//     that a person later deleted or rewrote; moim never writes them
//     there again. The list only grows.
//
// A section is named "<member name>/<key>" for member sections ("박지민/
// insights"; the heading instead of the key for sections moim does not
// know), "group/<key>" for the group sections, "group/intro" for the
// group block's intro text, "intro" for the document intro and "title" for
// the title line. An item is a bullet with its indented continuation lines,
// a table row, a paragraph line, or any other non-empty line that is not a
// heading, a hint or a thematic break; its hash is the first 12 hex digits
// of the SHA-256 of its normalised text (trimmed lines joined by a space,
// list marker removed, white space collapsed, Unicode NFC).
//
// A document without this comment is a template or a hand-written
// document: everything in it counts as written by a person.
type State struct {
	// InputHash identifies the notes the document was generated from.
	InputHash string `json:"input,omitempty"`
	// Engine is the engine that generated the document.
	Engine string `json:"engine,omitempty"`
	// Generated maps a section name to the hashes of moim's items in it.
	Generated map[string][]string `json:"gen,omitempty"`
	// Suppressed maps a section name to the hashes of moim's items a
	// person deleted or rewrote.
	Suppressed map[string][]string `json:"sup,omitempty"`
}

// GroupBlock is the name of the group block ("## 통합 토론 주제") in the
// state's section names and in OutlineBlock.Name.
const GroupBlock = "group"

// BlockName is the name a member's block goes by in the state's section
// names and in OutlineBlock.Name: the member's name, trimmed, NFC.
func BlockName(member string) string { return norm.NFC.String(strings.TrimSpace(member)) }

// StateKey names a section of a block in the state: "박지민/insights",
// "group/common"; the section's heading (trimmed, NFC) stands for its key
// when moim does not know it (key "").
func StateKey(block, key, heading string) string {
	if key == "" {
		key = BlockName(heading)
	}
	return block + "/" + key
}

// blockName is the name of a document's block in the state.
func blockName(b *block) string {
	if isGroupBlock(b) {
		return GroupBlock
	}
	return memberName(b.heading)
}

// StateVersion is the version of the state comment this moim writes.
const StateVersion = 1

const statePrefix = "<!-- moim:state "

var stateRe = regexp.MustCompile(`^<!-- moim:state v(\d+) (.*) -->$`)

// ReadState reads the moim state comment of a document. It reports false
// when the document has none or it cannot be read.
func ReadState(src string) (State, bool) {
	_, st, found, err := extractState(splitLines(src))
	if !found || err != nil || st == nil {
		return State{}, false
	}
	return *st, true
}

// extractState finds the last state line, removes it from lines and
// decodes it.
func extractState(lines []string) ([]string, *State, bool, error) {
	idx := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), statePrefix) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return lines, nil, false, nil
	}
	line := strings.TrimSpace(lines[idx])
	rest := append(append([]string{}, lines[:idx]...), lines[idx+1:]...)
	m := stateRe.FindStringSubmatch(line)
	if m == nil {
		return rest, nil, true, fmt.Errorf("moim state comment is damaged")
	}
	if m[1] != fmt.Sprint(StateVersion) {
		return rest, nil, true, fmt.Errorf("moim state comment has version v%s, this moim reads v%d", m[1], StateVersion)
	}
	var st State
	if err := json.Unmarshal([]byte(m[2]), &st); err != nil {
		return rest, nil, true, fmt.Errorf("moim state comment is damaged: %w", err)
	}
	return rest, &st, true, nil
}

// line renders the state comment.
func (s *State) line() string {
	for k, v := range s.Suppressed {
		v = uniqueSorted(v)
		if len(v) == 0 {
			delete(s.Suppressed, k)
			continue
		}
		s.Suppressed[k] = v
	}
	for k, v := range s.Generated {
		if len(v) == 0 {
			delete(s.Generated, k)
		}
	}
	b, err := json.Marshal(s)
	if err != nil {
		// Only strings, maps and slices: cannot fail.
		panic(err)
	}
	return fmt.Sprintf("%sv%d %s -->", statePrefix, StateVersion, b)
}

func uniqueSorted(v []string) []string {
	v = append([]string(nil), v...)
	sort.Strings(v)
	out := v[:0]
	for i, s := range v {
		if i == 0 || s != v[i-1] {
			out = append(out, s)
		}
	}
	return out
}
