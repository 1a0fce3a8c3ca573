package workspace

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/workspace/fixture"
)

// The discovery suite: testdata/discovery/*.txtar are made-up study
// repositories, one per kind of repository moim must read right. Each
// archive holds the repository's files and two expected results:
//
//	want.yaml  the manifest: tracks, weeks, member → note files, members,
//	           and every file that is not a note with the reason
//	want.ls    what `moim ls` prints (rewritten with go test -update)
//
// See package fixture for the file conventions.

// suiteCase is one archive of the discovery suite.
type suiteCase struct {
	fixture.Repo
	want, wantLs []byte
}

func loadFixtures(t *testing.T) []suiteCase {
	t.Helper()
	repos, err := fixture.Load(filepath.Join("testdata", "discovery"))
	if err != nil || len(repos) == 0 {
		t.Fatalf("no discovery fixtures: %v", err)
	}
	var out []suiteCase
	for _, r := range repos {
		out = append(out, suiteCase{Repo: r, want: r.Section(fixture.WantManifest), wantLs: r.Section(fixture.WantList)})
	}
	return out
}

// materialize writes a fixture's repository into a new folder.
func (f suiteCase) materialize(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := f.Write(root); err != nil {
		t.Fatal(err)
	}
	return root
}

func (f suiteCase) rewrite(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := f.SetSection(name, data); err != nil {
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
		t.Run(f.Name, func(t *testing.T) {
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
			if testutil.Updating() {
				f.rewrite(t, "want.yaml", manifestYAML(t, got))
				f.rewrite(t, "want.ls", ls.Bytes())
				return
			}
			if f.want == nil || f.wantLs == nil {
				t.Fatalf("%s has no want.yaml or want.ls (run go test -update and review them)", f.Path)
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
		t.Run(f.Name, func(t *testing.T) {
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
			if hasWarning(again, "look like notes") {
				t.Errorf("after init, moim.yaml misses notes:%s", warningList(again))
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

// diffText is a line diff of a and b: lines only in a start with "- ",
// lines only in b with "+ ", in order (longest common subsequence).
func diffText(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	n, m := len(al), len(bl)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if al[i] == bl[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && al[i] == bl[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, "+ "+bl[j])
			j++
		default:
			out = append(out, "- "+al[i])
			i++
		}
	}
	return strings.Join(out, "\n")
}
