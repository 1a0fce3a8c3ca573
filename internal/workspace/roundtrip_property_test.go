package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// propMember is a made-up member of a generated repository.
type propMember struct{ name, initials, id string }

var propPool = []propMember{
	{"공하윤", "GHY", "hayoon-g"}, {"탁세아", "TSA", "sea-tak"}, {"우진서", "UJS", "jinseo-woo"},
	{"표다온", "PDO", "daon-p"}, {"옥시우", "OSU", "siwoo-ok"},
}

// genRepo draws a study repository: a layout, members, weeks, which
// members wrote in which week, and files beside the notes (a member's
// second file, an empty note, group files, images).
func genRepo(rt *rapid.T) (map[string]string, map[string]string) {
	members := rapid.SliceOfNDistinct(rapid.SampledFrom(propPool), 2, 4, func(m propMember) string { return m.name }).Draw(rt, "members")
	kind := rapid.SampledFrom([]string{"weeks", "jucha", "member-first", "chapters", "tracks", "teams", "dates", "member-ids", "subfolders"}).Draw(rt, "layout")
	weeks := rapid.SliceOfNDistinct(rapid.IntRange(1, 12), 1, 4, rapid.ID[int]).Draw(rt, "weeks")
	files := map[string]string{}
	owner := map[string]string{} // note file → the member who wrote it
	readme := rapid.Bool().Draw(rt, "readme")
	if readme {
		var b strings.Builder
		b.WriteString("# 스터디\n\n## 참여자\n\n")
		for _, m := range members {
			fmt.Fprintf(&b, "- %s (@%s)\n", m.name, m.id)
		}
		files["README.md"] = b.String()
	}
	body := func(m propMember, w int) string {
		return fmt.Sprintf("# %d주차\n\n%s의 %d주차 노트다.\n", w, m.name, w)
	}
	tracks := []string{""}
	if kind == "tracks" {
		tracks = []string{"1. 첫 책/", "2. 둘째 책/"}
	}
	for ti, tr := range tracks {
		for _, w := range weeks {
			wrote := 0
			for mi, m := range members {
				last := mi == len(members)-1 && wrote == 0
				// Member folders tell a member-first layout when two members
				// have one (or the README names them).
				first := (kind == "member-first" || kind == "member-ids") && w == weeks[0] && mi < 2
				if !rapid.Bool().Draw(rt, fmt.Sprintf("wrote %d %d %d", ti, w, mi)) && !last && !first {
					continue
				}
				wrote++
				var p string
				switch kind {
				case "weeks":
					p = fmt.Sprintf("weeks/week%02d/study-note-%s.md", w, m.initials)
				case "jucha", "tracks":
					p = fmt.Sprintf("%s%d주차/%s.md", tr, w, m.name)
				case "member-first":
					p = fmt.Sprintf("%s/week%d.md", m.name, w)
				case "chapters":
					p = fmt.Sprintf("chap%02d/%s.md", w, m.name)
				case "teams":
					p = fmt.Sprintf("Team%d/%d주차/%s.md", mi%2+1, w, m.name)
				case "dates":
					p = fmt.Sprintf("sessions/2025%02d%02d/%s.md", w, 1+w%28, m.name)
				case "member-ids":
					p = fmt.Sprintf("%s/week%02d/정리.md", m.id, w)
				case "subfolders":
					p = fmt.Sprintf("week%d/%s/note.md", w, m.name)
				}
				content := body(m, w)
				switch rapid.IntRange(0, 5).Draw(rt, fmt.Sprintf("extra %d %d %d", ti, w, mi)) {
				case 1:
					content = ""
				case 2:
					dir, base := filepath.Split(p)
					if kind != "member-first" && kind != "member-ids" && kind != "subfolders" {
						stem := strings.TrimSuffix(base, ".md")
						files[dir+stem+"-2.md"] = body(m, w) + "\n더 썼다.\n"
						owner[dir+stem+"-2.md"] = m.name
					}
				}
				files[p] = content
				owner[p] = m.name
				if kind == "member-ids" && !readme {
					owner[p] = m.id
				}
				if kind == "weeks" && !readme {
					owner[p] = m.initials
					if q := strings.TrimSuffix(p, ".md") + "-2.md"; owner[q] != "" {
						owner[q] = m.initials
					}
				}
			}
			if kind != "member-first" && kind != "member-ids" && rapid.Bool().Draw(rt, fmt.Sprintf("group %d %d", ti, w)) {
				// Files of the whole group in the week folder.
				var dir string
				switch kind {
				case "weeks":
					dir = fmt.Sprintf("weeks/week%02d/", w)
				case "jucha", "tracks":
					dir = fmt.Sprintf("%s%d주차/", tr, w)
				case "chapters":
					dir = fmt.Sprintf("chap%02d/", w)
				case "teams":
					dir = fmt.Sprintf("Team1/%d주차/", w)
				case "dates":
					dir = fmt.Sprintf("sessions/2025%02d%02d/", w, 1+w%28)
				case "subfolders":
					dir = fmt.Sprintf("week%d/", w)
				}
				files[dir+"summary.md"] = "# 요약\n"
				files[dir+"images/a.png"] = "\x89PNG\x00"
			}
		}
	}
	return files, owner
}

// TestInitRoundTripProperty: for any generated repository, the moim.yaml
// that init writes makes Open find what detection found, and every file of
// the repository is either in a note or left out with a reason.
func TestInitRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		files, owner := genRepo(rt)
		root, err := os.MkdirTemp("", "moim-prop-")
		if err != nil {
			rt.Fatal(err)
		}
		defer os.RemoveAll(root)
		for p, s := range files {
			full := filepath.Join(root, filepath.FromSlash(p))
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
				rt.Fatal(err)
			}
		}
		ws, err := Detect(root)
		if err != nil {
			rt.Fatal(err)
		}
		m := ws.Manifest()
		// One verdict per file.
		seen := map[string]int{}
		for _, tr := range m.Tracks {
			for _, w := range tr.Weeks {
				for _, ps := range w.Notes {
					for _, p := range ps {
						seen[p]++
					}
				}
				for _, ps := range w.Empty {
					for _, p := range ps {
						seen[p]++
					}
				}
			}
		}
		for p := range m.Skipped {
			seen[p]++
		}
		for p := range files {
			if seen[p] != 1 {
				rt.Fatalf("%s has %d verdicts", p, seen[p])
			}
		}
		if len(m.Tracks) == 0 {
			rt.Fatalf("no track found:%s", warningList(ws))
		}
		// Every note goes to its author; every member wrote something.
		got := map[string]string{}
		for _, tr := range m.Tracks {
			for _, w := range tr.Weeks {
				for _, notes := range []map[string][]string{w.Notes, w.Empty} {
					for who, ps := range notes {
						for _, p := range ps {
							got[p] = who
						}
					}
				}
			}
		}
		authors := map[string]bool{}
		for p, who := range owner {
			authors[who] = true
			g, ok := got[p]
			if ok && g != who {
				rt.Fatalf("%s went to %s, not %s", p, g, who)
			}
			if !ok && files[p] != "" {
				rt.Fatalf("%s (by %s) is not a note: %s", p, who, m.Skipped[p])
			}
		}
		for p := range got {
			if owner[p] == "" {
				rt.Fatalf("%s is not a note but went to %s", p, got[p])
			}
		}
		for _, mb := range m.Members {
			if !authors[mb.Name] && len(files["README.md"]) == 0 {
				rt.Fatalf("member %s wrote nothing", mb.Name)
			}
		}
		if err := SaveConfig(filepath.Join(root, ConfigFile), ws.ToConfig()); err != nil {
			rt.Fatal(err)
		}
		again, err := Open(root)
		if err != nil {
			rt.Fatal(err)
		}
		a, b := roundTripView(m), roundTripView(again.Manifest())
		if !reflect.DeepEqual(a, b) {
			cfg, _ := os.ReadFile(filepath.Join(root, ConfigFile))
			rt.Fatalf("after init, Open finds something else:\n%s\nmoim.yaml:\n%s", diffText(string(manifestYAML(t, a)), string(manifestYAML(t, b))), cfg)
		}
	})
}
