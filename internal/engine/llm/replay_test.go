package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/workspace"
)

// The replay suite: answers written the way a capable model writes them,
// for weeks of a study repository, each bullet labelled "honest" or with
// the kind of error planted in it. TestReplay serves them through fake
// servers in both wire formats and counts, per kind, the planted bullets
// the verifier rejects and the honest ones it keeps.
//
// An answer file (testdata/replay/answers/*.json):
//
//	{"repo": "../study", "week": 1, "answers": {
//	   "<member>": {"sections": {"insights": {"bullets": [
//	       {"head": "…", "text": "…", "cite": ["1.3"], "quote": "",
//	        "expect": "honest" | "number" | "polarity" | "new_term" | "member_claim" |
//	                  "other_member" | "unknown_id" | "quote" | "unsupported" | "reversal",
//	        "why": "what was planted"}]}, …}},
//	   "group": {"sections": {…}}}}
//
// "repo" is relative to the answer file (or absolute). The requests an
// answer responds to are those of `moim generate --repo REPO --week N
// --engine openai --dry-run`. MOIM_REPLAY=DIR replays the answer files of
// another folder (e.g. answers written for the real corpus outside the
// project) and MOIM_REPLAY_REPORT=FILE writes its report there; the
// thresholds are asserted for the project's own answers only.

// replayKinds are the planted kinds, in report order, with the rejection
// reason each should get.
var replayKinds = []struct{ kind, reason string }{
	{"number", reasonNumber},
	{"polarity", reasonPolarity},
	{"new_term", reasonNewTerm},
	{"member_claim", reasonMemberClaim},
	{"other_member", reasonOtherMember},
	{"unknown_id", reasonUnknownID},
	{"quote", reasonQuote},
	{"unsupported", reasonUnsupported},
	// Reversals without a negation word (antonyms, swapped comparisons)
	// are beyond the checks: reported, not held to the goal.
	{"reversal", ""},
}

// Goals of issue 11.
const (
	minCaught = 0.95
	minKept   = 0.98
)

type replayFile struct {
	path    string
	Repo    string                  `json:"repo"`
	Week    int                     `json:"week"`
	Answers map[string]replayAnswer `json:"answers"`
	// served are the answers without their labels; labels the labelled
	// bullets by "<who>/<section>".
	served map[string]map[string]any
	labels map[string][]labelledBullet
}

type replayAnswer struct {
	Sections map[string]struct {
		Bullets []labelledBullet `json:"bullets"`
		Rows    []answerRow      `json:"rows"`
	} `json:"sections"`
}

type labelledBullet struct {
	answerBullet
	Expect string `json:"expect"`
	Why    string `json:"why"`
}

func loadReplay(t *testing.T, path string) *replayFile {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rf := &replayFile{path: path}
	if err := json.Unmarshal(b, rf); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if !filepath.IsAbs(rf.Repo) {
		rf.Repo = filepath.Join(filepath.Dir(path), rf.Repo)
	}
	rf.served = map[string]map[string]any{}
	rf.labels = map[string][]labelledBullet{}
	known := map[string]bool{"honest": true}
	for _, k := range replayKinds {
		known[k.kind] = true
	}
	for who, a := range rf.Answers {
		secs := map[string]any{}
		for key, s := range a.Sections {
			var bullets []answerBullet
			for _, lb := range s.Bullets {
				if !known[lb.Expect] {
					t.Fatalf("%s: %s/%s: bullet %q has expect %q", path, who, key, lb.Head, lb.Expect)
				}
				for _, o := range rf.labels[who+"/"+key] {
					if sameBullet(o.answerBullet, lb.answerBullet) {
						t.Fatalf("%s: %s/%s: bullet %q twice", path, who, key, lb.Head)
					}
				}
				rf.labels[who+"/"+key] = append(rf.labels[who+"/"+key], lb)
				bullets = append(bullets, lb.answerBullet)
			}
			if bullets == nil {
				bullets = []answerBullet{}
			}
			rows := s.Rows
			if rows == nil {
				rows = []answerRow{}
			}
			secs[key] = map[string]any{"bullets": bullets, "rows": rows}
		}
		rf.served[who] = map[string]any{"sections": secs}
	}
	return rf
}

func sameBullet(a, b answerBullet) bool {
	return oneLine(a.Head) == oneLine(b.Head) && oneLine(a.Text) == oneLine(b.Text) && slices.Equal(a.Cite, b.Cite)
}

// outcome is what the verifier did with one labelled bullet.
type outcome struct {
	where  string // "<week>:<who>/<section>"
	bullet labelledBullet
	reason string // "" = kept
	detail string
}

// replayWeek runs one answer file through a fake server of provider.
func replayWeek(t *testing.T, rf *replayFile, provider string) ([]outcome, *insight.Week) {
	t.Helper()
	ws, err := workspace.Open(rf.Repo)
	if err != nil {
		t.Fatal(err)
	}
	wk, ok := ws.Week(rf.Week)
	if !ok {
		t.Fatalf("%s: no week %d in %s", rf.path, rf.Week, rf.Repo)
	}
	pw, err := pipeline.Load(ws, wk, "", "-")
	if err != nil {
		t.Fatal(err)
	}
	f := newFake(t, provider, func(c call) action {
		if a, ok := rf.served[c.Who]; ok {
			return action{Output: a}
		}
		// A request the file has no answer for: the model writes nothing.
		secs := map[string]any{}
		for _, k := range c.Keys {
			secs[k] = map[string]any{"bullets": []any{}, "rows": []any{}}
		}
		return action{Output: map[string]any{"sections": secs}}
	})
	cfg := f.config(t)
	cfg.Model = "replay-model"
	cfg.ContextTokens = 128000
	e, err := New(cfg, offline.New())
	if err != nil {
		t.Fatal(err)
	}
	e.sleep = func(context.Context, time.Duration) error { return nil }
	w, err := e.Generate(context.Background(), pw.Input())
	if err != nil {
		t.Fatal(err)
	}
	if n := w.Stats["failed_requests"] + w.Stats["non_json"] + w.Stats["truncated"]; n > 0 {
		t.Fatalf("%s: %d request(s) failed: %v", rf.path, n, w.Warnings)
	}
	var out []outcome
	for key, labelled := range rf.labels {
		who, sec, _ := strings.Cut(key, "/")
		member := who
		if who == "group" {
			member = ""
		}
		for _, lb := range labelled {
			o := outcome{where: fmt.Sprintf("week %d %s", rf.Week, key), bullet: lb}
			for _, rj := range w.Rejected {
				if rj.Member == member && rj.Section == sec && rj.Head == oneLine(lb.Head) && rj.Text == oneLine(lb.Text) && slices.Equal(rj.Cite, lb.Cite) {
					o.reason, o.detail = rj.Reason, rj.Detail
					break
				}
			}
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].where != out[j].where {
			return out[i].where < out[j].where
		}
		return fmt.Sprint(out[i].bullet.Head, out[i].bullet.Text, out[i].bullet.Cite) < fmt.Sprint(out[j].bullet.Head, out[j].bullet.Text, out[j].bullet.Cite)
	})
	return out, w
}

// tally counts outcomes per kind.
type tally struct {
	planted, caught, ownReason map[string]int
	honest, kept               int
}

func count(outs []outcome) tally {
	t := tally{planted: map[string]int{}, caught: map[string]int{}, ownReason: map[string]int{}}
	for _, o := range outs {
		if o.bullet.Expect == "honest" {
			t.honest++
			if o.reason == "" {
				t.kept++
			}
			continue
		}
		t.planted[o.bullet.Expect]++
		if o.reason != "" {
			t.caught[o.bullet.Expect]++
		}
		for _, k := range replayKinds {
			if k.kind == o.bullet.Expect && k.reason == o.reason && k.reason != "" {
				t.ownReason[o.bullet.Expect]++
			}
		}
	}
	return t
}

func share(n, d int) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", 100*float64(n)/float64(d))
}

// replayReport is the markdown report of a replay: the table per kind and
// both wire formats, then every miss.
func replayReport(files []string, byProvider map[string][]outcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Replay of %s\n\n", strings.Join(files, ", "))
	tallies := map[string]tally{}
	for _, p := range providers {
		tallies[p] = count(byProvider[p])
	}
	b.WriteString("| kind | planted | caught (OpenAI, json_schema) | caught (Anthropic, tool call) | with its own reason |\n|---|---:|---:|---:|---:|\n")
	o, a := tallies[ProviderOpenAI], tallies[ProviderAnthropic]
	for _, k := range replayKinds {
		fmt.Fprintf(&b, "| %s | %d | %d (%s) | %d (%s) | %d |\n", k.kind, o.planted[k.kind],
			o.caught[k.kind], share(o.caught[k.kind], o.planted[k.kind]),
			a.caught[k.kind], share(a.caught[k.kind], a.planted[k.kind]), o.ownReason[k.kind])
	}
	fmt.Fprintf(&b, "| **honest, kept** | %d | %d (%s) | %d (%s) | |\n\n", o.honest, o.kept, share(o.kept, o.honest), a.kept, share(a.kept, a.honest))
	b.WriteString("Planted bullets that passed, honest bullets rejected, and planted bullets rejected for another reason than their own:\n\n")
	n := 0
	for _, out := range byProvider[ProviderOpenAI] {
		own := ""
		for _, k := range replayKinds {
			if k.kind == out.bullet.Expect {
				own = k.reason
			}
		}
		switch {
		case out.bullet.Expect == "honest" && out.reason != "":
			fmt.Fprintf(&b, "- honest, rejected [%s] %s: **%s**: %s (%s)\n", out.reason, out.where, out.bullet.Head, out.bullet.Text, out.detail)
		case out.bullet.Expect != "honest" && out.reason == "":
			fmt.Fprintf(&b, "- %s, passed %s: **%s**: %s (%s)\n", out.bullet.Expect, out.where, out.bullet.Head, out.bullet.Text, out.bullet.Why)
		case out.bullet.Expect != "honest" && out.reason != own && own != "":
			fmt.Fprintf(&b, "- %s, rejected as [%s] %s: **%s**: %s (%s)\n", out.bullet.Expect, out.reason, out.where, out.bullet.Head, out.bullet.Text, out.detail)
		default:
			continue
		}
		n++
	}
	if n == 0 {
		b.WriteString("- none\n")
	}
	return b.String()
}

func TestReplay(t *testing.T) {
	dir := filepath.Join("testdata", "replay", "answers")
	own := true
	if env := os.Getenv("MOIM_REPLAY"); env != "" {
		dir, own = env, false
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(paths) == 0 {
		t.Fatalf("no answer files in %s", dir)
	}
	byProvider := map[string][]outcome{}
	var names []string
	for _, path := range paths {
		rf := loadReplay(t, path)
		names = append(names, filepath.Base(path))
		var first []outcome
		for _, p := range providers {
			outs, w := replayWeek(t, rf, p)
			byProvider[p] = append(byProvider[p], outs...)
			if first == nil {
				first = outs
			} else if !slices.EqualFunc(first, outs, func(a, b outcome) bool { return a.reason == b.reason && a.where == b.where }) {
				t.Errorf("%s: the wire formats disagree", path)
			}
			if own {
				checkReplayDocument(t, rf, w)
			}
		}
	}
	report := replayReport(names, byProvider)
	if !own {
		if out := os.Getenv("MOIM_REPLAY_REPORT"); out != "" {
			if err := os.WriteFile(out, []byte(report), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Log("\n" + report)
		return
	}
	testutil.Golden(t, filepath.Join("testdata", "replay", "report.golden.md"), []byte(report))
	for _, p := range providers {
		tl := count(byProvider[p])
		for _, k := range replayKinds {
			if k.reason == "" {
				continue
			}
			if tl.planted[k.kind] < 4 {
				t.Errorf("%s: only %d planted %s bullets; the suite needs several of each kind", p, tl.planted[k.kind], k.kind)
			}
			if got := float64(tl.caught[k.kind]) / float64(max(1, tl.planted[k.kind])); got < minCaught {
				t.Errorf("%s: %s caught %d of %d, want at least %.0f %%", p, k.kind, tl.caught[k.kind], tl.planted[k.kind], 100*minCaught)
			}
		}
		if got := float64(tl.kept) / float64(max(1, tl.honest)); got < minKept {
			t.Errorf("%s: honest bullets kept %d of %d, want at least %.0f %%", p, tl.kept, tl.honest, 100*minKept)
		}
	}
}

// checkReplayDocument checks what the document holds after a replay: no
// rejected bullet in it, every section either the model's bullets or its
// plain notice, and member sections nowhere filled from the offline
// engine (every request was answered).
func checkReplayDocument(t *testing.T, rf *replayFile, w *insight.Week) {
	t.Helper()
	rejected := map[string]bool{}
	for _, rj := range w.Rejected {
		rejected[rj.Label()+"|"+rj.Head+"|"+rj.Text] = true
	}
	check := func(who string, s insight.Section) {
		if s.Key == "" {
			return
		}
		if s.Engine != "replay-model" {
			t.Errorf("week %d %s/%s: engine %q, want the model section", rf.Week, who, s.Key, s.Engine)
		}
		if len(s.Bullets) == 0 && len(s.Rows) == 0 && s.Notice == "" {
			t.Errorf("week %d %s/%s: empty section without its notice", rf.Week, who, s.Key)
		}
		for _, b := range s.Bullets {
			if rejected[who+"/"+s.Key+"|"+b.Head+"|"+b.Text] {
				t.Errorf("week %d %s/%s: a rejected bullet is in the document: %q", rf.Week, who, s.Key, b.Markdown())
			}
		}
	}
	for _, m := range w.Members {
		for _, s := range m.Sections {
			if m.Submitted {
				check(m.Name, s)
			}
		}
	}
	for _, s := range w.Group {
		check("group", s)
	}
}
