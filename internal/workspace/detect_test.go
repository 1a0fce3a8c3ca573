package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/moim-study/moim/internal/testutil"
)

type wantWeek struct {
	n       int
	dir     string
	output  string
	notes   []string // "member=path" in member order
	missing []string
	extra   []string // nil: not checked
}

func notesOf(w Week) []string {
	var out []string
	for _, n := range w.Notes {
		out = append(out, n.Member+"="+strings.Join(n.Paths(), "+"))
	}
	return out
}

func TestDetectLayouts(t *testing.T) {
	nfd := func(s string) string { return norm.NFD.String(s) }
	tests := []struct {
		name     string
		files    map[string]string
		weeks    []wantWeek
		layout   string
		members  []string // nil: not checked
		warnings [][]string
	}{
		{
			name: "weeks/weekNN with initials, non-notes and a doubled extension",
			files: map[string]string{
				"README.md":                         studyReadme,
				"weeks/week01/study-note-PJM.md":    note(3),
				"weeks/week01/study-note-CYN.md":    note(2),
				"weeks/week01/summary.md":           "요약",
				"weeks/week01/presentation.md":      "발표",
				"weeks/week01/README.md":            "설명",
				"weeks/week01/ai-insights.md":       "# Week 01",
				"weeks/week01/diagram.png":          "\x89PNG\x00",
				"weeks/week01/week01-main-박지민.md":   "발표자 자료",
				"weeks/week01/.DS_Store":            "\x00",
				"weeks/week02/study-note-PJM.md.md": note(1),
				"weeks/week02/study-note-JHN.md":    note(1),
				"weeks/week02/images/erd.jpg":       "\x00",
				"chapter-summaries.md":              "책 요약",
			},
			weeks: []wantWeek{
				{n: 1, dir: "weeks/week01", output: "weeks/week01/ai-insights.md",
					// The presenter's *-main-* file is the presenter's additional note.
					notes:   []string{"박지민=weeks/week01/study-note-PJM.md+weeks/week01/week01-main-박지민.md", "최유나=weeks/week01/study-note-CYN.md"},
					missing: []string{"정하늘"},
					extra: []string{"weeks/week01/.DS_Store", "weeks/week01/README.md", "weeks/week01/ai-insights.md",
						"weeks/week01/diagram.png", "weeks/week01/presentation.md", "weeks/week01/summary.md"}},
				{n: 2, dir: "weeks/week02", output: "weeks/week02/ai-insights.md",
					notes:   []string{"박지민=weeks/week02/study-note-PJM.md.md", "정하늘=weeks/week02/study-note-JHN.md"},
					missing: []string{"최유나"},
					extra:   []string{"weeks/week02/images/erd.jpg"}},
			},
			layout:  "weeks/week{week:02}/*-{member}.md", // notes and the presenter's file
			members: []string{"박지민", "최유나", "정하늘"},
		},
		{
			name: "week1 folders with NFD Hangul file names",
			files: map[string]string{
				"README.md":              studyReadme,
				nfd("week1/박지민.md"):      note(1),
				"week1/최유나.md":           note(1),
				nfd("week2/정하늘.md"):      note(1),
				"week2/" + nfd("박지민.md"): note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "week1", output: "week1/ai-insights.md",
					notes:   []string{"박지민=" + nfd("week1/박지민.md"), "최유나=week1/최유나.md"},
					missing: []string{"정하늘"}},
				{n: 2, dir: nfd("week2"), output: nfd("week2") + "/ai-insights.md",
					notes:   []string{"박지민=week2/" + nfd("박지민.md"), "정하늘=" + nfd("week2/정하늘.md")},
					missing: []string{"최유나"}},
			},
			layout: "week{week}/{member}.md",
		},
		{
			name: "N주차 folders with GitHub-id file names",
			files: map[string]string{
				"README.md":          studyReadme,
				"1주차/jimin-park.md":  note(1),
				"1주차/YunaChoi.md":    note(1),
				"2주차/sky-j.markdown": note(1),
				"2주차/발표자료.md":        "발표",
			},
			weeks: []wantWeek{
				{n: 1, dir: "1주차", output: "1주차/ai-insights.md",
					notes:   []string{"박지민=1주차/jimin-park.md", "최유나=1주차/YunaChoi.md"},
					missing: []string{"정하늘"}},
				{n: 2, dir: "2주차", output: "2주차/ai-insights.md",
					notes:   []string{"정하늘=2주차/sky-j.markdown"},
					missing: []string{"박지민", "최유나"},
					extra:   []string{"2주차/발표자료.md"}},
			},
			layout:   "{week}주차/{member}.md",
			warnings: [][]string{{"README.md", `"sky-j"`, "정하늘"}},
		},
		{
			name: "team folders merge into one week",
			files: map[string]string{
				"README.md":              studyReadme,
				"Team1/3주차/박지민.md":       note(1),
				"Team2/3주차/week3-최유나.md": note(1),
				"Team2/3주차/정하늘.md":       note(1),
				"Team1/4주차/정하늘.md":       note(1),
			},
			weeks: []wantWeek{
				{n: 3, dir: "Team2/3주차", output: "Team2/3주차/ai-insights.md",
					notes: []string{"박지민=Team1/3주차/박지민.md", "최유나=Team2/3주차/week3-최유나.md", "정하늘=Team2/3주차/정하늘.md"}},
				{n: 4, dir: "Team1/4주차", output: "Team1/4주차/ai-insights.md",
					notes: []string{"정하늘=Team1/4주차/정하늘.md"}, missing: []string{"박지민", "최유나"}},
			},
			layout:   "Team*/{week}주차/*{member}.md", // week3-최유나.md differs from the others
			warnings: [][]string{{"week 3: notes merged from Team2/3주차, Team1/3주차"}},
		},
		{
			name: "chapter folders follow the schedule; Chap02 twin merges",
			files: map[string]string{
				"README.md":                studyReadme,
				"chap01/members/박지민.md":    note(1),
				"chap02/최유나.md":            note(1),
				"chap02/박지민.md":            note(1),
				"Chap02/정하늘.md":            note(1),
				"chap04/study-note-PJM.md": note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "chap01", output: "chap01/ai-insights.md",
					notes: []string{"박지민=chap01/members/박지민.md"}, missing: []string{"최유나", "정하늘"}},
				{n: 2, dir: "chap02", output: "chap02/ai-insights.md",
					notes: []string{"박지민=chap02/박지민.md", "최유나=chap02/최유나.md", "정하늘=Chap02/정하늘.md"}},
				{n: 3, dir: "chap04", output: "chap04/ai-insights.md",
					notes: []string{"박지민=chap04/study-note-PJM.md"}, missing: []string{"최유나", "정하늘"}},
			},
			warnings: [][]string{{"week 2: notes merged from chap02, Chap02"}},
		},
		{
			name: "chapter ranges without a schedule are numbered in order",
			files: map[string]string{
				"README.md":              readmeNoSchedule,
				"Chapter8-14/박지민.md":     note(1),
				"Chapter1-7/최유나.md":      note(1),
				"Chapter15/정하늘.md":       note(1),
				"Chapter15/assets/a.png": "\x00",
			},
			weeks: []wantWeek{
				{n: 1, dir: "Chapter1-7", output: "Chapter1-7/ai-insights.md", notes: []string{"최유나=Chapter1-7/최유나.md"}, missing: []string{"박지민", "정하늘"}},
				{n: 2, dir: "Chapter8-14", output: "Chapter8-14/ai-insights.md", notes: []string{"박지민=Chapter8-14/박지민.md"}, missing: []string{"최유나", "정하늘"}},
				{n: 3, dir: "Chapter15", output: "Chapter15/ai-insights.md", notes: []string{"정하늘=Chapter15/정하늘.md"}, missing: []string{"박지민", "최유나"},
					extra: []string{"Chapter15/assets/a.png"}},
			},
			layout:   "", // the weeks are the chapters' order: moim init lists the notes
			warnings: [][]string{{"README.md", "no schedule table"}},
		},
		{
			name: "date folders are numbered by date",
			files: map[string]string{
				"README.md":                   studyReadme,
				"DeepDive/241112/최유나.md":      note(1),
				"DeepDive/241105/박지민.md":      note(1),
				"DeepDive/20241119/정하늘.md":    note(1),
				"DeepDive/20241119/박지민-정리.md": note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "DeepDive/241105", output: "DeepDive/241105/ai-insights.md", notes: []string{"박지민=DeepDive/241105/박지민.md"}, missing: []string{"최유나", "정하늘"}},
				{n: 2, dir: "DeepDive/241112", output: "DeepDive/241112/ai-insights.md", notes: []string{"최유나=DeepDive/241112/최유나.md"}, missing: []string{"박지민", "정하늘"}},
				{n: 3, dir: "DeepDive/20241119", output: "DeepDive/20241119/ai-insights.md",
					notes: []string{"박지민=DeepDive/20241119/박지민-정리.md", "정하늘=DeepDive/20241119/정하늘.md"}, missing: []string{"최유나"}},
			},
		},
		{
			name: "member-first week files",
			files: map[string]string{
				"README.md":          studyReadme,
				"박지민/week1.md":       note(1),
				"박지민/week2.md":       note(1),
				"yunachoi/week1.md":  note(1),
				"yunachoi/img/x.png": "\x00",
			},
			weeks: []wantWeek{
				{n: 1, dir: "", output: "weeks/week01/ai-insights.md", notes: []string{"박지민=박지민/week1.md", "최유나=yunachoi/week1.md"}, missing: []string{"정하늘"}},
				{n: 2, dir: "", output: "weeks/week02/ai-insights.md", notes: []string{"박지민=박지민/week2.md"}, missing: []string{"최유나", "정하늘"}},
			},
			layout: "{member}/week{week}.md",
		},
		{
			// Given names written alone ("수아", "바다": no surname first)
			// are members' folders when each holds numbered notes.
			name: "member-first folders named by given names alone",
			files: map[string]string{
				"바다/week-01.md": note(1),
				"바다/week-02.md": note(1),
				"수아/week-01.md": note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "", output: "weeks/week01/ai-insights.md", notes: []string{"바다=바다/week-01.md", "수아=수아/week-01.md"}},
				{n: 2, dir: "", output: "weeks/week02/ai-insights.md", notes: []string{"바다=바다/week-02.md"}, missing: []string{"수아"}},
			},
			layout: "{member}/week-{week:02}.md",
		},
		{
			name: "member folders of notes named by their number alone",
			files: map[string]string{
				"members/바다/01.md": note(1),
				"members/바다/02.md": note(1),
				"members/수아/01.md": note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "", output: "weeks/week01/ai-insights.md", notes: []string{"바다=members/바다/01.md", "수아=members/수아/01.md"}},
				{n: 2, dir: "", output: "weeks/week02/ai-insights.md", notes: []string{"바다=members/바다/02.md"}, missing: []string{"수아"}},
			},
		},
		{
			name: "member-first chapter files and an existing output folder",
			files: map[string]string{
				"README.md":                   readmeNoSchedule,
				"members/박지민/3장-함수.md":        note(1),
				"members/최유나/3장-함수.md":        note(1),
				"members/최유나/4장-클래스.md":       note(1),
				"members/정하늘/3주차.md":          note(1), // week kind, not chapter
				"weeks/week01/ai-insights.md": "# 1주차",
			},
			weeks: []wantWeek{
				{n: 1, dir: "weeks/week01", output: "weeks/week01/ai-insights.md",
					notes: []string{"박지민=members/박지민/3장-함수.md", "최유나=members/최유나/3장-함수.md"}, missing: []string{"정하늘"},
					extra: []string{"weeks/week01/ai-insights.md"}},
				{n: 2, dir: "", output: "weeks/week02/ai-insights.md", notes: []string{"최유나=members/최유나/4장-클래스.md"}, missing: []string{"박지민", "정하늘"}},
				{n: 3, dir: "", output: "weeks/week03/ai-insights.md", notes: []string{"정하늘=members/정하늘/3주차.md"}, missing: []string{"박지민", "최유나"}},
			},
		},
		{
			name: "member subfolders inside week folders; a README.md there is the member's note",
			files: map[string]string{
				"README.md":               studyReadme,
				"week01/박지민/note.md":      note(1),
				"week01/최유나/정리.md":        note(1),
				"week01/최유나/images/a.png": "\x00",
				"week01/정하늘/README.md":    note(1),
				"week01/README.md":        "이번 주 안내",
			},
			weeks: []wantWeek{
				{n: 1, dir: "week01", output: "week01/ai-insights.md",
					notes: []string{"박지민=week01/박지민/note.md", "최유나=week01/최유나/정리.md", "정하늘=week01/정하늘/README.md"},
					extra: []string{"week01/README.md", "week01/최유나/images/a.png"}},
			},
			layout: "week{week:02}/{member}/*",
		},
		{
			name: "two notes for one member: the one named like the others wins",
			files: map[string]string{
				"README.md":                      studyReadme,
				"weeks/week01/study-note-PJM.md": note(1),
				"weeks/week01/박지민.md":            note(9),
				"weeks/week01/study-note-CYN.md": note(1),
				"weeks/week01/study-note-JHN.md": note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "weeks/week01", output: "weeks/week01/ai-insights.md",
					notes: []string{"박지민=weeks/week01/study-note-PJM.md", "최유나=weeks/week01/study-note-CYN.md", "정하늘=weeks/week01/study-note-JHN.md"},
					extra: []string{"weeks/week01/박지민.md"}},
			},
			warnings: [][]string{{"week 1: 2 notes for 박지민", "weeks/week01/study-note-PJM.md", "weeks/week01/박지민.md", "using weeks/week01/study-note-PJM.md"}},
		},
		{
			name: "two notes for one member: the larger wins",
			files: map[string]string{
				"README.md":        studyReadme,
				"week01/박지민.md":    note(1),
				"week01/박지민-v2.md": note(5),
			},
			weeks: []wantWeek{
				{n: 1, dir: "week01", output: "week01/ai-insights.md",
					notes: []string{"박지민=week01/박지민-v2.md"}, missing: []string{"최유나", "정하늘"}, extra: []string{"week01/박지민.md"}},
			},
			warnings: [][]string{{"2 notes for 박지민", "week01/박지민.md", "week01/박지민-v2.md"}},
		},
		{
			name: "unmatched note becomes a member with a warning",
			files: map[string]string{
				"README.md":                studyReadme,
				"week01/study-note-PJM.md": note(1),
				"week01/study-note-XQ.md":  note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "week01", output: "week01/ai-insights.md",
					notes: []string{"박지민=week01/study-note-PJM.md", "XQ=week01/study-note-XQ.md"}, missing: []string{"최유나", "정하늘"}},
			},
			members:  []string{"박지민", "최유나", "정하늘", "XQ"},
			warnings: [][]string{{"week01/study-note-XQ.md", `"XQ" matches no member`}},
		},
		{
			name: "text file without extension is a note, binary is not; control characters and case",
			files: map[string]string{
				"README.md":                studyReadme,
				"WEEK01/박지민":               "메모 without extension\n",
				"WEEK01/data":              "\x00\x01\x02",
				"WEEK01/최유나\u0007.md":      note(1),
				"WEEK01/Study-Note-jhn.MD": note(1),
			},
			weeks: []wantWeek{
				{n: 1, dir: "WEEK01", output: "WEEK01/ai-insights.md",
					notes: []string{"박지민=WEEK01/박지민", "최유나=WEEK01/최유나\u0007.md", "정하늘=WEEK01/Study-Note-jhn.MD"},
					extra: []string{"WEEK01/data"}},
			},
		},
		{
			name: "no README: members come from file names",
			files: map[string]string{
				"weeks/week01/study-note-AB.md": note(1),
				"weeks/week01/study-note-CD.md": note(1),
				"weeks/week02/study-note-ab.md": note(1),
				"weeks/week03/README.md":        "다음 주",
			},
			weeks: []wantWeek{
				{n: 1, dir: "weeks/week01", output: "weeks/week01/ai-insights.md", notes: []string{"AB=weeks/week01/study-note-AB.md", "CD=weeks/week01/study-note-CD.md"}},
				{n: 2, dir: "weeks/week02", output: "weeks/week02/ai-insights.md", notes: []string{"AB=weeks/week02/study-note-ab.md"}, missing: []string{"CD"}},
				{n: 3, dir: "weeks/week03", output: "weeks/week03/ai-insights.md", missing: []string{"AB", "CD"}, extra: []string{"weeks/week03/README.md"}},
			},
			members:  []string{"AB", "CD"},
			warnings: [][]string{{"no README.md"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := mkRepo(t, tt.files)
			ws, err := Detect(root)
			if err != nil {
				t.Fatal(err)
			}
			if len(ws.Weeks) != len(tt.weeks) {
				var got []string
				for _, w := range ws.Weeks {
					got = append(got, w.Dir+":"+strings.Join(notesOf(w), ","))
				}
				t.Fatalf("got %d weeks %q, want %d%s", len(ws.Weeks), got, len(tt.weeks), warningList(ws))
			}
			for i, want := range tt.weeks {
				got := ws.Weeks[i]
				if got.Number != want.n || got.Dir != want.dir || got.Output != want.output {
					t.Errorf("week[%d] = %d %q → %q, want %d %q → %q", i, got.Number, got.Dir, got.Output, want.n, want.dir, want.output)
				}
				if g := notesOf(got); !reflect.DeepEqual(g, want.notes) {
					t.Errorf("week %d notes = %q, want %q%s", want.n, g, want.notes, warningList(ws))
				}
				if !reflect.DeepEqual(got.Missing, want.missing) {
					t.Errorf("week %d missing = %q, want %q", want.n, got.Missing, want.missing)
				}
				if want.extra != nil && !reflect.DeepEqual(got.Extra, want.extra) {
					t.Errorf("week %d extra = %q, want %q", want.n, got.Extra, want.extra)
				}
			}
			if tt.layout != "" && ws.Layout != tt.layout {
				t.Errorf("layout = %q, want %q", ws.Layout, tt.layout)
			}
			if tt.members != nil {
				var names []string
				for _, m := range ws.Members {
					names = append(names, m.Name)
				}
				if !reflect.DeepEqual(names, tt.members) {
					t.Errorf("members = %q, want %q", names, tt.members)
				}
			}
			for _, w := range tt.warnings {
				if !hasWarning(ws, w...) {
					t.Errorf("no warning with %q in:%s", w, warningList(ws))
				}
			}
		})
	}
}

// TestNormalisationTwins: two files whose names differ only in Unicode
// normalisation; the warning says so instead of naming the same path twice.
func TestNormalisationTwins(t *testing.T) {
	nfd := norm.NFD.String("week02/week2-박지민.md")
	root := mkRepo(t, map[string]string{
		"README.md":           studyReadme,
		"week02/week2-박지민.md": note(2),
		nfd:                   note(1),
	})
	ws, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(ws, "2 notes for 박지민", "differ only in Unicode normalisation", "decomposed (NFD") {
		t.Errorf("no warning that says what differs:%s", warningList(ws))
	}
	if r := ws.SkipReason(nfd); !strings.Contains(r, "decomposed (NFD") {
		t.Errorf("skip reason of the NFD twin = %q", r)
	}
}

func TestDetectMembersFromReadme(t *testing.T) {
	root := mkRepo(t, map[string]string{"README.md": studyReadme, "week01/study-note-PJM.md": note(1)})
	ws, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []Member{
		{Name: "박지민", Roman: "Park Ji-Min", GitHub: "jimin-park", Aliases: []string{"PJM"}},
		{Name: "최유나", Roman: "Choi Yu-Na", GitHub: "yunachoi"},
		{Name: "정하늘", Roman: "Jung Ha-Neul", GitHub: "sky-j"},
	}
	if !reflect.DeepEqual(ws.Members, want) {
		t.Errorf("members = %+v\nwant %+v", ws.Members, want)
	}
	if len(ws.Schedule) != 3 || ws.Schedule[1].Topic != "인덱스와 조인" || ws.Schedule[1].Source != "README.md" || ws.Schedule[1].Line != 22 {
		t.Errorf("schedule = %+v", ws.Schedule)
	}
}

func TestSymlinks(t *testing.T) {
	outside := mkRepo(t, map[string]string{"week02/박지민.md": note(1)})
	root := mkRepo(t, map[string]string{
		"README.md":            studyReadme,
		"week01/박지민.md":        note(1),
		"shared/week03/최유나.md": note(1),
	})
	links := map[string]string{
		"week01/loop":   "..",                                 // a loop back to the root
		"week01/self":   "self",                               // a link to itself
		"elsewhere":     outside,                              // outside the repository
		"week04":        filepath.Join(root, "shared/week03"), // inside: followed once
		"week01/최유나.md": filepath.Join(outside, "week02/박지민.md"),
	}
	for name, target := range links {
		testutil.Symlink(t, target, filepath.Join(root, filepath.FromSlash(name)))
	}
	ws, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ws.Weeks {
		got = append(got, w.Dir+":"+strings.Join(notesOf(w), ","))
	}
	// week02 is only reachable through the outside link; shared/week03 is
	// visited once (first by name order: shared, then the week04 link).
	want := []string{"week01:박지민=week01/박지민.md", "shared/week03:최유나=shared/week03/최유나.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weeks = %q, want %q%s", got, want, warningList(ws))
	}
	for _, w := range [][]string{
		{"elsewhere", "outside the repository"},
		{"week01/최유나.md", "outside the repository"},
		{"week01/loop", "already visited"},
		{"week04", "already visited"},
		{"week01/self", "symbolic link loop"},
	} {
		if !hasWarning(ws, w...) {
			t.Errorf("no warning %q in:%s", w, warningList(ws))
		}
	}
}

// TestUnreadableFolder runs as a user that permissions apply to (as nobody
// in a child process when the tests run as root).
func TestUnreadableFolder(t *testing.T) {
	if testutil.RunUnprivileged(t) {
		return
	}
	root := mkRepo(t, map[string]string{"week01/박지민.md": note(1), "week02/최유나.md": note(1)})
	locked := filepath.Join(root, "week02")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	ws, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Weeks) != 1 || ws.Weeks[0].Number != 1 {
		t.Errorf("weeks = %+v", ws.Weeks)
	}
	if !hasWarning(ws, "week02", "cannot read folder") {
		t.Errorf("no warning for the unreadable folder:%s", warningList(ws))
	}
}

func TestFileCap(t *testing.T) {
	root := mkRepo(t, map[string]string{"a/1.md": "x", "a/2.md": "x", "a/3.md": "x"})
	w, err := walkRepo(root, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.files) != 2 || len(w.warnings) != 1 || !strings.Contains(w.warnings[0].Msg, "more than 2 files") {
		t.Errorf("files = %d, warnings = %v", len(w.files), w.warnings)
	}
}

func TestOpenErrors(t *testing.T) {
	root := mkRepo(t, map[string]string{"file.md": "x"})
	file := filepath.Join(root, "file.md")
	_, err := Open(file)
	if err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Open(file) error = %v", err)
	}
	missing := filepath.Join(root, "nope")
	if _, err := Open(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Open(missing) error = %v", err)
	}
	bad := mkRepo(t, map[string]string{"moim.yaml": "version: 1\nmemebers: []\n"})
	_, err = Open(bad)
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Line != 2 {
		t.Errorf("Open with a bad moim.yaml: error = %v", err)
	}
}

func TestOpenWithConfig(t *testing.T) {
	root := mkRepo(t, map[string]string{
		"README.md": studyReadme,
		"moim.yaml": `version: 1
layout: study/wk-{week}-{member}.md
output: insights.md
members:
  - name: 박지민
    aliases: [jm]
  - name: 최유나
    roman: Choe Yu-Na
    aliases: [yn]
`,
		"study/wk-1-jm.md":     note(1),
		"study/wk-1-yn.md":     note(1),
		"study/wk-2-JM.md.md":  note(1),
		"study/wk-2-README.md": "안내",
		"study/other.md":       "무관",
		"weeks/week01/정하늘.md":  note(1), // not in the layout: ignored
	})
	ws, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Config == nil || ws.OutputName != "insights.md" || ws.Layout != "study/wk-{week}-{member}.md" {
		t.Fatalf("config not applied: %+v", ws)
	}
	if len(ws.Members) != 2 || ws.Members[1].Roman != "Choe Yu-Na" || ws.Members[0].Roman != "Park Ji-Min" {
		t.Errorf("members = %+v", ws.Members)
	}
	if len(ws.Schedule) != 3 || ws.ScheduleFor(3).Presenter != "정하늘" {
		t.Errorf("schedule not detected from README: %+v", ws.Schedule)
	}
	var got []string
	for _, w := range ws.Weeks {
		got = append(got, w.Output+":"+strings.Join(notesOf(w), ","))
	}
	want := []string{
		"weeks/week01/insights.md:박지민=study/wk-1-jm.md,최유나=study/wk-1-yn.md",
		"weeks/week02/insights.md:박지민=study/wk-2-JM.md.md",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weeks = %q, want %q%s", got, want, warningList(ws))
	}
	// A file detection would take for a note, outside the layout, is said.
	if !hasWarning(ws, "moim.yaml", "look like notes", "weeks/week01/정하늘.md", "moim init --force") {
		t.Errorf("no warning about the note the layout misses:%s", warningList(ws))
	}
}

func TestLayoutWithWeekFolders(t *testing.T) {
	root := mkRepo(t, map[string]string{
		"moim.yaml":                   "layout: sessions/s{week:02}/{member}.md\n",
		"sessions/s01/박지민.md":         note(1),
		"sessions/s01/README.md":      "안내",
		"sessions/s01/notes.txt":      "메모",
		"sessions/s02/최유나.md":         note(1),
		"sessions/s02/insight.md":     "x",
		"sessions/s02/ai-insights.md": "# 2",
	})
	ws, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Weeks) != 2 {
		t.Fatalf("weeks = %+v", ws.Weeks)
	}
	w1, w2 := ws.Weeks[0], ws.Weeks[1]
	if w1.Dir != "sessions/s01" || !reflect.DeepEqual(notesOf(w1), []string{"박지민=sessions/s01/박지민.md"}) ||
		!reflect.DeepEqual(w1.Extra, []string{"sessions/s01/README.md", "sessions/s01/notes.txt"}) {
		t.Errorf("week 1 = %+v", w1)
	}
	// "insight" is not a member here: with no member list, it is one.
	if w2.Dir != "sessions/s02" || len(w2.Notes) != 2 || !reflect.DeepEqual(w2.Extra, []string{"sessions/s02/ai-insights.md"}) {
		t.Errorf("week 2 = %+v", w2)
	}
	if hasWarning(ws, "matches no notes") {
		t.Errorf("unexpected warning:%s", warningList(ws))
	}
}

func TestAccessors(t *testing.T) {
	root := mkRepo(t, map[string]string{
		"README.md":                studyReadme,
		"week01/study-note-PJM.md": note(1),
		"week02/study-note-CYN.md": note(1),
		"week03/README.md":         "다음 주 준비",
	})
	ws, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	if w, ok := ws.Week(3); !ok || len(w.Notes) != 0 || len(w.Missing) != 3 {
		t.Errorf("Week(3) = %+v, %v", w, ok)
	}
	if _, ok := ws.Week(9); ok {
		t.Error("Week(9) found")
	}
	if w, ok := ws.Latest(); !ok || w.Number != 2 {
		t.Errorf("Latest() = %+v, %v; want week 2 (week 3 has no notes)", w, ok)
	}
	if r := ws.ScheduleFor(2); r == nil || r.Presenter != "최유나" || r.Integrator != "정하늘" || r.Chapters != "2-3장" {
		t.Errorf("ScheduleFor(2) = %+v", r)
	}
	if ws.ScheduleFor(7) != nil {
		t.Error("ScheduleFor(7) is not nil")
	}
	for _, q := range []string{"박지민", norm.NFD.String("박지민"), "JIMIN-PARK", "PJM", "Park Ji-Min", "지민"} {
		if m, ok := ws.Member(q); !ok || m.Name != "박지민" {
			t.Errorf("Member(%q) = %+v, %v", q, m, ok)
		}
	}
	if m, ok := ws.Member("홍길동"); ok {
		t.Errorf("Member(홍길동) = %+v", m)
	}
	empty := &Workspace{}
	if _, ok := empty.Latest(); ok {
		t.Error("Latest() on an empty workspace")
	}
}

func TestCorpus(t *testing.T) {
	root := testutil.Corpus(t, "ai-engineering-study")
	ws, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Weeks) < 4 || len(ws.Members) != 4 || len(ws.Schedule) != 8 {
		t.Fatalf("weeks %d members %d schedule %d", len(ws.Weeks), len(ws.Members), len(ws.Schedule))
	}
	for _, w := range ws.Weeks {
		if len(w.Notes) != 4 || len(w.Missing) != 0 {
			t.Errorf("week %d: %d notes, missing %q%s", w.Number, len(w.Notes), w.Missing, warningList(ws))
		}
	}
	if ws.Layout != "weeks/week{week:02}/study-note-{member}.md" {
		t.Errorf("layout = %q", ws.Layout)
	}
}

// TestDevRepos reads the three real repositories of ../shared/corpus/dev-repos
// (when present) and checks aggregate properties only: how many members,
// weeks and note files, that every member wrote something (no phantom
// member), that no week mixes two chapters or weeks of the study, and that
// the README's GitHub ids went to members rather than becoming members.
func TestDevRepos(t *testing.T) {
	base := testutil.Corpus(t, "dev-repos")
	tests := []struct {
		dir                    string
		members, weeks, files  int
		withGitHub, layoutSome bool
	}{
		{"Inflearn-oop-study+Object", 5, 7, 27, false, true},
		{"Woowahan-TS+woowahan-ts", 4, 10, 36, true, false},
		{"Team-Sopetit+server-spring-study", 3, 9, 71, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			ws, err := Detect(filepath.Join(base, tt.dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(ws.Tracks) != 1 || len(ws.Members) != tt.members || len(ws.Weeks) != tt.weeks {
				t.Fatalf("tracks %d members %d weeks %d, want 1, %d, %d%s", len(ws.Tracks), len(ws.Members), len(ws.Weeks), tt.members, tt.weeks, warningList(ws))
			}
			wrote := map[string]int{}
			files := 0
			for _, wk := range ws.Weeks {
				units := map[string]bool{}
				for _, n := range wk.Notes {
					wrote[n.Member]++
					for _, p := range n.Paths() {
						files++
						for _, seg := range strings.Split(p, "/") {
							if s := parseSeq(cleanName(seg)); s.kind != seqNone {
								units[strings.ToLower(seg)] = true
								break
							}
						}
					}
				}
				if len(units) > 1 {
					t.Errorf("week %d mixes %v", wk.Number, units)
				}
			}
			if files != tt.files {
				t.Errorf("%d note files, want %d", files, tt.files)
			}
			for _, m := range ws.Members {
				if wrote[m.Name] == 0 {
					t.Errorf("member %q wrote nothing: a phantom member", m.Name)
				}
				if tt.withGitHub && m.GitHub == "" {
					t.Errorf("member %q has no GitHub id though the README pairs every name with one", m.Name)
				}
			}
			if (ws.Layout != "") != tt.layoutSome {
				t.Errorf("layout = %q", ws.Layout)
			}
			// The moim.yaml init writes finds the same (on a copy).
			cp := copyTree(t, filepath.Join(base, tt.dir))
			if err := SaveConfig(filepath.Join(cp, ConfigFile), ws.ToConfig()); err != nil {
				t.Fatal(err)
			}
			again, err := Open(cp)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := roundTripView(ws.Manifest()), roundTripView(again.Manifest()); !reflect.DeepEqual(a, b) {
				t.Errorf("after init, Open finds something else:\n%s", diffText(string(manifestYAML(t, a)), string(manifestYAML(t, b))))
			}
		})
	}
}

// copyTree copies a folder's regular files into a new temporary folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// A note written as MDX (markdown with components, as documentation
// sites keep it) is a note like a markdown file; a text file is not.
func TestMDXNotesAreNotes(t *testing.T) {
	root := mkRepo(t, map[string]string{
		"week01/유진.mdx": note(1),
		"week01/도현.md":  note(1),
		"week01/서준.txt": note(1),
		"week02/유진.mdx": note(1),
	})
	ws, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ws.Weeks {
		for _, n := range w.Notes {
			got = append(got, n.Member+"="+n.Path)
		}
	}
	want := []string{"도현=week01/도현.md", "유진=week01/유진.mdx", "유진=week02/유진.mdx"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("notes = %q, want %q", got, want)
	}
	if r := ws.SkipReason("week01/서준.txt"); !strings.Contains(r, "not a markdown file") {
		t.Errorf("skip reason of a text file = %q", r)
	}
}
