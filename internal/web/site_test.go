package web

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/testutil"
)

func TestWriteSite(t *testing.T) {
	root, s := sharedFixture(t)
	out := t.TempDir()
	files, err := s.WriteSite(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"index.html", "week-01.html", "week-02.html", "concepts.html",
		"member-han-ga-ram.html", "member-yoon-bo-ra.html", "member-seo-jin-u.html",
		"static/app.css", "static/app.js", "static/favicon.svg", "files/" + imageFileName("weeks/week01/images/space.png")}
	// Each note, the 통합 정리 and the presentation: rendered and numbered.
	shown := []string{"weeks/week01/study-note-HGR.md", "weeks/week01/study-note-YBR.md", "weeks/week01/study-note-SJW.md",
		"weeks/week02/study-note-HGR.md", "weeks/week02/study-note-YBR.md", "weeks/week01/summary.md", "weeks/week01/presentation.md"}
	for _, p := range shown {
		want = append(want, "notes/"+noteFile(p), strings.TrimPrefix(staticLinks("../").NoteRaw(p, 0), "../"))
	}
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("site lacks %s (has %v)", w, files)
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(w))); err != nil {
			t.Errorf("%s: %v", w, err)
		}
	}
	if n := len(files); n != len(want) {
		t.Errorf("%d files written, want %d: %v", n, len(want), files)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "files", imageFileName("weeks/week01/images/space.png"))); string(b) != tinyPNG {
		t.Error("the image is not the repository's")
	}
	absLink := regexp.MustCompile(`(?:href|src)="/`)
	for _, f := range files {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if m := absLink.FindString(page); m != "" {
			t.Errorf("%s: absolute link %q does not work from disk", f, m)
		}
		mustContain(t, page, f, `<meta http-equiv="Content-Security-Policy"`)
		if strings.HasPrefix(f, "notes/") {
			mustContain(t, page, f, `href="../static/app.css"`, `href="../index.html"`)
		}
		if strings.Contains(page, root) {
			t.Errorf("%s: the repository's absolute path leaks into the site", f)
		}
	}
	week := mustRead(t, filepath.Join(out, "week-01.html"))
	mustContain(t, string(week), "week-01.html", `href="notes/`+noteFile("weeks/week01/study-note-HGR.md")+`#L`, `<table class="hm">`,
		`href="notes/`+noteFile("weeks/week01/summary.md")+`"`)
	note := mustRead(t, filepath.Join(out, "notes", noteFile("weeks/week01/study-note-HGR.md")))
	mustContain(t, string(note), "the rendered note", `<img src="../files/`+imageFileName("weeks/week01/images/space.png")+`"`,
		`href="../notes/`+strings.TrimSuffix(noteFile("weeks/week01/study-note-HGR.md"), ".html")+`-raw.html"`)
	// Writing again gives the same bytes (no timestamps).
	before := mustRead(t, filepath.Join(out, "concepts.html"))
	if _, err := s.WriteSite(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	after := mustRead(t, filepath.Join(out, "concepts.html"))
	if string(before) != string(after) {
		t.Error("the site is not the same on a second run")
	}
}

func TestWriteSiteRefusesNoteFolders(t *testing.T) {
	root, s := sharedFixture(t)
	for _, out := range []string{root, filepath.Join(root, "weeks"), filepath.Join(root, "weeks", "week01"),
		filepath.Join(root, "weeks", "week02", "site"), filepath.Join(root, "weeks", "week01", ".."), filepath.Dir(root)} {
		if _, err := s.WriteSite(context.Background(), out); err == nil {
			t.Errorf("WriteSite(%s) wrote into the notes", out)
		}
	}
	entries, err := os.ReadDir(filepath.Join(root, "weeks", "week01"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".html") || e.Name() == "static" || e.Name() == "notes" {
			t.Errorf("site file %s written among the notes", e.Name())
		}
	}
	// A folder of its own inside the repository is fine (GitHub Pages' docs/).
	ok := filepath.Join(t.TempDir(), "docs")
	if _, err := s.WriteSite(context.Background(), ok); err != nil {
		t.Errorf("WriteSite(%s): %v", ok, err)
	}
}

func TestHeatmap(t *testing.T) {
	concepts := []analyze.Concept{
		{Term: "임베딩", Counts: map[string]int{"가": 3, "나": 1, "다": 9}},
		{Term: "코사인 유사도", Counts: map[string]int{"가": 1, "나": 2}},
		{Term: "양자화", Counts: map[string]int{"다": 1}},
		{Term: "HNSW", Counts: map[string]int{"나": 5}},
	}
	// Columns in the site's member order, whatever the matrix says.
	cols := []memberRef{{Name: "다"}, {Name: "가"}, {Name: "나"}}
	h := newHeatmap(concepts, cols)
	if h.Shared != 2 || h.Unique != 2 || h.Total != 4 {
		t.Fatalf("shared %d unique %d total %d", h.Shared, h.Unique, h.Total)
	}
	var terms []string
	for _, r := range h.Rows {
		terms = append(terms, r.Term)
	}
	// Shared first in the matrix's order, then unique by count.
	if got := strings.Join(terms, ","); got != "임베딩,코사인 유사도,HNSW,양자화" {
		t.Errorf("rows %s", got)
	}
	var order []string
	for _, c := range h.Rows[0].Cells {
		order = append(order, c.Member)
	}
	if strings.Join(order, "") != "다가나" {
		t.Errorf("columns %v, want the site's order 다가나", order)
	}
	// Shades are against each member's own peak: 다's 9 of 9, 가's 3 of
	// 3 and 나's 1 of 5 (its peak is HNSW).
	row := h.Rows[0]
	classes := []string{row.Cells[0].Class, row.Cells[1].Class, row.Cells[2].Class}
	if strings.Join(classes, " ") != "hms4 hms4 hms1" {
		t.Errorf("classes %v", classes)
	}
	if c := h.Rows[1].Cells[0]; c.Class != "hm0" || c.Count != 0 {
		t.Errorf("empty cell %+v", c)
	}
	if c := h.Rows[2].Cells[2]; c.Class != "hmu4" || c.Count != 5 {
		t.Errorf("unique cell %+v", c)
	}
	if c := h.Rows[3].Cells[0]; c.Class != "hmu1" || c.Count != 1 {
		t.Errorf("a concept 다 names once of 9: %+v", c)
	}
	if !h.Rows[2].Divider || h.Rows[1].Divider {
		t.Error("the rule is not between shared and unique concepts")
	}
	if e := newHeatmap(nil, cols); len(e.Rows) != 0 {
		t.Error("rows without concepts")
	}
}

// TestSiteNavigationMarksEachPage: the navigation, rendered once per kind
// of page and kept (view.NavHTML), marks on every page of the site the
// page itself and nothing else, with links from the page's own folder.
func TestSiteNavigationMarksEachPage(t *testing.T) {
	_, s := sharedFixture(t)
	out := t.TempDir()
	files, err := s.WriteSite(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	current := regexp.MustCompile(`<a href="([^"]*)" aria-current="page">`)
	nav := regexp.MustCompile(`(?s)<header class="top">.*</header>`)
	pages := 0
	for _, f := range files {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		pages++
		header := nav.FindString(string(mustRead(t, filepath.Join(out, filepath.FromSlash(f)))))
		if header == "" {
			t.Fatalf("%s: no navigation", f)
		}
		var marked []string
		for _, m := range current.FindAllStringSubmatch(header, -1) {
			marked = append(marked, m[1])
		}
		switch {
		case strings.HasPrefix(f, "notes/"):
			if len(marked) != 0 {
				t.Errorf("%s: the navigation marks %v, want nothing", f, marked)
			}
			mustContain(t, header, f, `href="../week-01.html"`, `href="../concepts.html"`)
		default:
			if len(marked) != 1 || marked[0] != f {
				t.Errorf("%s: the navigation marks %v, want the page itself", f, marked)
			}
			mustContain(t, header, f, `href="week-01.html"`, `href="concepts.html"`)
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}
}

// TestSiteOnEveryCoreSameAsOnOne: a fresh site written by the plan on
// every core (each week's analysis early, its result once the next week is
// analysed, pages as soon as what they show is ready) analyses each week
// once and writes the same files, byte for byte, as one worker taking the
// tasks one at a time.
func TestSiteOnEveryCoreSameAsOnOne(t *testing.T) {
	root := synthStudy(t, 4)
	var analysed testutil.Counter
	pipeline.Analysed = analysed.Add
	t.Cleanup(func() { pipeline.Analysed = nil })
	write := func(procs int) (string, []string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		s, err := New(root, Options{})
		if err != nil {
			t.Fatal(err)
		}
		out := t.TempDir()
		files, err := s.WriteSite(context.Background(), out)
		if err != nil {
			t.Fatal(err)
		}
		return out, files
	}
	many, files := write(max(4, runtime.NumCPU()))
	if got, want := analysed.Counts(), map[int]int{1: 1, 2: 1, 3: 1, 4: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("analyses per week = %v, want %v", got, want)
	}
	one, files1 := write(1)
	if !slices.Equal(files, files1) {
		t.Fatalf("files on every core %v, on one %v", files, files1)
	}
	for _, f := range files {
		a := mustRead(t, filepath.Join(many, filepath.FromSlash(f)))
		b := mustRead(t, filepath.Join(one, filepath.FromSlash(f)))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs: %s", f, testutil.FirstDiff(string(b), string(a)))
		}
	}
}
