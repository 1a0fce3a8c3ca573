package release

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/moim-study/moim/internal/testutil"
)

// The release checks: GoReleaser's configuration and a snapshot release
// of this platform, and `go install …@latest` printing the module's
// version. They need goreleaser on PATH (.ci/run installs the pinned
// version) and are skipped without it, except in CI (CI=true).

const goreleaserInstall = "go install github.com/goreleaser/goreleaser/v2@v2.15.1"

func goreleaserPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("release build: not in -short")
	}
	p, err := exec.LookPath("goreleaser")
	if err != nil {
		testutil.SkipOrFail(t, "goreleaser is not installed (%s; .ci/run installs it)", goreleaserInstall)
	}
	return p
}

// trackedFiles lists this checkout's files as git sees them (tracked, and
// new ones not ignored), relative to the repository root.
func trackedFiles(t *testing.T, root string) []string {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var files []string
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if _, err := os.Lstat(filepath.Join(root, f)); err == nil { // deleted but not yet committed
			files = append(files, f)
		}
	}
	return files
}

// gitCmd runs git in dir with a fixed identity and commit time.
func gitCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Release", "-c", "user.email=release@example.com"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2026-01-15T12:00:00Z", "GIT_COMMITTER_DATE=2026-01-15T12:00:00Z")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// repoCopy copies this checkout into a new git repository (one commit, an
// origin that is never contacted), so that goreleaser's dist/ and build/
// stay out of the working tree.
func repoCopy(t *testing.T) string {
	t.Helper()
	root := testutil.ModuleRoot(t)
	dst := t.TempDir()
	for _, f := range trackedFiles(t, root) {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitCmd(t, dst, "init", "-q", "-b", "main")
	gitCmd(t, dst, "add", "-A")
	gitCmd(t, dst, "commit", "-q", "-m", "release test")
	gitCmd(t, dst, "remote", "add", "origin", "https://github.com/moim-study/moim.git")
	return dst
}

// thisPlatformOnly rewrites a GoReleaser configuration to build for the
// current OS and architecture only, keeping everything else.
func thisPlatformOnly(t *testing.T, cfg []byte) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(cfg, &doc); err != nil {
		t.Fatal(err)
	}
	builds := mapValue(doc.Content[0], "builds")
	if builds == nil || len(builds.Content) == 0 {
		t.Fatal(".goreleaser.yaml has no builds")
	}
	for _, b := range builds.Content {
		for key, val := range map[string]string{"goos": runtime.GOOS, "goarch": runtime.GOARCH} {
			list := mapValue(b, key)
			if list == nil {
				t.Fatalf("a build has no %s list", key)
			}
			var have []string
			for _, n := range list.Content {
				have = append(have, n.Value)
			}
			if !slices.Contains(have, val) {
				t.Skipf("the release does not build for this platform's %s %s (%v)", key, val, have)
			}
			list.Content = []*yaml.Node{{Kind: yaml.ScalarNode, Value: val}}
		}
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// TestGoReleaser: `goreleaser check` passes, and a snapshot release of
// this platform (the real configuration narrowed to one target) yields an
// archive with the binary, README, man pages and completions, a matching
// checksums.txt, and a binary that reports the snapshot version.
func TestGoReleaser(t *testing.T) {
	goreleaser := goreleaserPath(t)
	dir := repoCopy(t)
	commit := gitCmd(t, dir, "rev-parse", "--short", "HEAD")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(goreleaser, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("goreleaser %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("check")

	cfg, err := os.ReadFile(filepath.Join(dir, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "snapshot.goreleaser.yaml"), thisPlatformOnly(t, cfg), 0o644)
	run("release", "--snapshot", "--clean", "--config", "snapshot.goreleaser.yaml")

	version := "0.0.1-dev+" + commit
	ext := ".tar.gz"
	if runtime.GOOS == "windows" {
		ext = ".zip"
	}
	archive := fmt.Sprintf("moim_%s_%s_%s%s", version, runtime.GOOS, runtime.GOARCH, ext)
	data, err := os.ReadFile(filepath.Join(dir, "dist", archive))
	if err != nil {
		entries, _ := os.ReadDir(filepath.Join(dir, "dist"))
		t.Fatalf("no archive %s: %v (dist: %v)", archive, err, entries)
	}
	sums, err := os.ReadFile(filepath.Join(dir, "dist", "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]) + "  " + archive; !strings.Contains(string(sums), want) {
		t.Errorf("checksums.txt %q lacks %q", sums, want)
	}

	files := unpack(t, data, ext)
	bin := "moim"
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	for _, want := range []string{bin, "README.md", "man/moim.1", "man/moim-generate.1", "man/moim-init.1",
		"completions/moim.bash", "completions/moim.zsh", "completions/moim.fish", "completions/moim.powershell"} {
		if _, ok := files[want]; !ok {
			t.Errorf("the archive lacks %s (has %v)", want, keys(files))
		}
	}
	if !strings.Contains(string(files["completions/moim.bash"]), "__start_moim") {
		t.Error("completions/moim.bash is not the bash completion script")
	}
	// The pages carry the commit's date (SOURCE_DATE_EPOCH), not today's.
	if !strings.Contains(string(files["man/moim.1"]), `.TH "MOIM" "1" "Jan 2026" "moim `) {
		t.Errorf("man/moim.1 header: %q", firstLines(files["man/moim.1"], 3))
	}

	exe := filepath.Join(t.TempDir(), bin)
	os.WriteFile(exe, files[bin], 0o755)
	out, err := exec.Command(exe, "--version").CombinedOutput()
	if got, want := strings.TrimSpace(string(out)), "moim version v"+version; err != nil || got != want {
		t.Errorf("archived moim --version: %q, %v; want %q", got, err, want)
	}
}

func unpack(t *testing.T, data []byte, ext string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	if ext == ".zip" {
		zr, err := zip.NewReader(strings.NewReader(string(data)), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			files[f.Name] = b
		}
		return files
	}
	gz, err := gzip.NewReader(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		files[h.Name] = b
	}
	return files
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func firstLines(b []byte, n int) string {
	lines := strings.SplitN(string(b), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TestGoInstallShowsTheVersion: `go install …/cmd/moim@latest` builds a
// moim whose --version is the module's version (read from the build
// information), not "dev". The module is served as v1.9.9 by a file-based
// module proxy made from this checkout, the dependencies by the local
// module cache: no network. The build uses the release build's flags
// (-trimpath, CGO_ENABLED=0) so that it reuses TestGoReleaser's compiled
// dependencies; it runs with the release checks.
func TestGoInstallShowsTheVersion(t *testing.T) {
	goreleaserPath(t)
	const version = "v1.9.9"
	root := testutil.ModuleRoot(t)
	proxy := t.TempDir()
	at := filepath.Join(proxy, "github.com", "moim-study", "moim", "@v")
	os.MkdirAll(at, 0o755)
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	zw := zip.NewWriter(&buf)
	for _, f := range trackedFiles(t, root) {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create("github.com/moim-study/moim@" + version + "/" + filepath.ToSlash(f))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"list":            version + "\n",
		version + ".info": `{"Version":"` + version + `","Time":"2026-01-15T12:00:00Z"}`,
		version + ".mod":  string(gomod),
		version + ".zip":  buf.String(),
	} {
		if err := os.WriteFile(filepath.Join(at, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	goenv := func(k string) string {
		out, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	modcache := t.TempDir()
	gobin := t.TempDir()
	env := append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(filepath.Join(goenv("GOMODCACHE"), "cache", "download")),
		"GOSUMDB=off", "GONOSUMDB=", "GOPRIVATE=", "GOFLAGS=-trimpath", "CGO_ENABLED=0",
		"GOMODCACHE="+modcache, "GOBIN="+gobin, "GOTOOLCHAIN=local")
	t.Cleanup(func() {
		// The module cache is read-only; go clean empties it.
		c := exec.Command("go", "clean", "-modcache")
		c.Env = env
		c.Run()
	})
	cmd := exec.Command("go", "install", "github.com/moim-study/moim/cmd/moim@latest")
	cmd.Dir = t.TempDir() // outside any module
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	bin := filepath.Join(gobin, "moim")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if got := strings.TrimSpace(string(out)); err != nil || got != "moim version "+version {
		t.Errorf("moim --version after go install …@latest: %q, %v; want %q", got, err, "moim version "+version)
	}
}
