package workspace

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/tools/txtar"
)

// The discovery suite: testdata/discovery/*.txtar are made-up study
// repositories, one per kind of repository moim must read right. Each
// archive holds the repository's files and two expected results:
//
//	want.yaml  the manifest: tracks, weeks, member → note files, members,
//	           and every file that is not a note with the reason
//	want.ls    what `moim ls` prints (rewritten with go test -update)
//
// File conventions inside an archive: a name starting with "nfd:" is
// written NFD-decomposed (as macOS does); a file whose content is
// "<binary>" gets a few binary bytes; "<dir>" makes an empty folder.

// fixture is one archive of the discovery suite.
type fixture struct {
	name    string
	path    string
	arc     *txtar.Archive
	want    []byte // want.yaml
	wantLs  []byte // want.ls
	comment string
}

func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "discovery", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no discovery fixtures: %v", err)
	}
	var out []fixture
	for _, p := range paths {
		arc, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := fixture{name: strings.TrimSuffix(filepath.Base(p), ".txtar"), path: p, arc: arc, comment: string(arc.Comment)}
		for _, file := range arc.Files {
			switch file.Name {
			case "want.yaml":
				f.want = file.Data
			case "want.ls":
				f.wantLs = file.Data
			}
		}
		out = append(out, f)
	}
	return out
}

// materialize writes a fixture's repository into a new folder.
func (f fixture) materialize(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, file := range f.arc.Files {
		if file.Name == "want.yaml" || file.Name == "want.ls" {
			continue
		}
		name := file.Name
		if rest, ok := strings.CutPrefix(name, "nfd:"); ok {
			name = norm.NFD.String(rest)
		}
		full := filepath.Join(root, filepath.FromSlash(name))
		data := file.Data
		switch strings.TrimSpace(string(data)) {
		case "<dir>":
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		case "<binary>":
			data = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// rewrite replaces (or adds) a section of the fixture's archive on disk.
func (f fixture) rewrite(t *testing.T, name string, data []byte) {
	t.Helper()
	found := false
	for i := range f.arc.Files {
		if f.arc.Files[i].Name == name {
			f.arc.Files[i].Data = data
			found = true
		}
	}
	if !found {
		f.arc.Files = append(f.arc.Files, txtar.File{Name: name, Data: data})
	}
	if err := os.WriteFile(f.path, txtar.Format(f.arc), 0o644); err != nil {
		t.Fatal(err)
	}
}

// manifestYAML is the manifest as the fixtures write it.
func manifestYAML(t *testing.T, m Manifest) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decodeManifest(t *testing.T, b []byte) Manifest {
	t.Helper()
	var m Manifest
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("want.yaml: %v", err)
	}
	return m
}

// TestDiscoverySuite compares detection and `moim ls` with each fixture's
// expected manifest and listing.
func TestDiscoverySuite(t *testing.T) {
	fixtures := loadFixtures(t)
	if len(fixtures) < 15 {
		t.Errorf("the discovery suite has %d repositories; it needs at least 15", len(fixtures))
	}
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			root := f.materialize(t)
			ws, err := Detect(root)
			if err != nil {
				t.Fatal(err)
			}
			got := ws.Manifest()
			var ls bytes.Buffer
			if err := ws.WriteList(&ls); err != nil {
				t.Fatal(err)
			}
			if *update {
				f.rewrite(t, "want.yaml", manifestYAML(t, got))
				f.rewrite(t, "want.ls", ls.Bytes())
				return
			}
			if f.want == nil || f.wantLs == nil {
				t.Fatalf("%s has no want.yaml or want.ls (run go test -update and review them)", f.path)
			}
			want := decodeManifest(t, f.want)
			if !reflect.DeepEqual(normManifest(got), normManifest(want)) {
				t.Errorf("detection differs from want.yaml:\n%s\nwarnings:%s", diffText(string(f.want), string(manifestYAML(t, got))), warningList(ws))
			}
			if ls.String() != string(f.wantLs) {
				t.Errorf("moim ls differs from want.ls:\n%s", diffText(string(f.wantLs), ls.String()))
			}
		})
	}
}

// normManifest makes empty and nil lists and maps compare equal.
func normManifest(m Manifest) Manifest {
	b, _ := yaml.Marshal(m)
	var out Manifest
	_ = yaml.Unmarshal(b, &out)
	return out
}

// TestInitRoundTripSuite: on every fixture, the moim.yaml that init writes
// (Detect → ToConfig → SaveConfig) makes Open find exactly what detection
// found: the same tracks, weeks, members and note files, and the same files
// left out.
func TestInitRoundTripSuite(t *testing.T) {
	for _, f := range loadFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			root := f.materialize(t)
			ws, err := Detect(root)
			if err != nil {
				t.Fatal(err)
			}
			if err := SaveConfig(filepath.Join(root, ConfigFile), ws.ToConfig()); err != nil {
				t.Fatal(err)
			}
			again, err := Open(root)
			if err != nil {
				cfg, _ := os.ReadFile(filepath.Join(root, ConfigFile))
				t.Fatalf("%v\n%s", err, cfg)
			}
			a, b := roundTripView(ws.Manifest()), roundTripView(again.Manifest())
			if !reflect.DeepEqual(a, b) {
				cfg, _ := os.ReadFile(filepath.Join(root, ConfigFile))
				t.Errorf("after init, Open finds something else:\n%s\nmoim.yaml:\n%s\nwarnings:%s", diffText(string(manifestYAML(t, a)), string(manifestYAML(t, b))), cfg, warningList(again))
			}
		})
	}
}

// roundTripView is what init must keep: everything but the reasons files
// are left out (detection says "group file", moim.yaml "not listed") and
// the layout description.
func roundTripView(m Manifest) Manifest {
	m = normManifest(m)
	skipped := map[string]string{}
	for p := range m.Skipped {
		if p != ConfigFile {
			skipped[p] = "-"
		}
	}
	m.Skipped = skipped
	for i := range m.Tracks {
		m.Tracks[i].Layout = ""
		if len(m.Tracks) == 1 {
			m.Tracks[i].Dir = ""
		}
	}
	return m
}

// diffText shows the lines of a that b lacks (-) and the lines of b that a
// lacks (+), in order.
func diffText(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	count := func(ls []string) map[string]int {
		m := map[string]int{}
		for _, l := range ls {
			m[l]++
		}
		return m
	}
	ca, cb := count(al), count(bl)
	var out []string
	for _, l := range al {
		if cb[l] < ca[l] {
			out = append(out, "- "+l)
			ca[l]--
		}
	}
	for _, l := range bl {
		if count(al)[l] < cb[l] {
			out = append(out, "+ "+l)
			cb[l]--
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return false })
	return strings.Join(out, "\n")
}
