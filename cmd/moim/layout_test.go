package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
)

const modulePath = "github.com/moim-study/moim"

// TestCodeLayout checks the README's code layout against the code: it
// lists every package of the module once, and no package imports (outside
// its tests) a package listed above it.
func TestCodeLayout(t *testing.T) {
	root := testutil.ModuleRoot(t)
	listed := readmeLayout(t, filepath.Join(root, "README.md"))
	imports := moduleImports(t, root)

	var missing, extra []string
	for pkg := range imports {
		if !slices.Contains(listed, pkg) {
			missing = append(missing, pkg)
		}
	}
	for _, pkg := range listed {
		if _, ok := imports[pkg]; !ok {
			extra = append(extra, pkg)
		}
	}
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("README's code layout: packages missing %q, listed but not found %q", missing, extra)
	}
	for i, pkg := range listed {
		for _, imp := range imports[pkg] {
			if j := slices.Index(listed, imp); j >= 0 && j <= i {
				t.Errorf("%s imports %s, which the README lists above it", pkg, imp)
			}
		}
	}
}

// readmeLayout returns the packages of the README's code layout block, in
// order ("cmd/moim", "internal/cli", ...).
func readmeLayout(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "\nCode layout")
	if !ok {
		t.Fatal("README.md has no \"Code layout\" paragraph")
	}
	_, block, ok := strings.Cut(rest, "```\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("README.md: no code block after \"Code layout\"")
	}
	var out []string
	for _, line := range strings.Split(block, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, strings.TrimSuffix(f[0], "/"))
		}
	}
	return out
}

// moduleImports maps each package of the module (a folder with Go files
// other than tests, outside testdata and examples) to the packages of the
// module its non-test files import, both relative to the module root.
func moduleImports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "examples") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			if imp, ok := strings.CutPrefix(path, modulePath+"/"); ok && !slices.Contains(out[pkg], imp) {
				out[pkg] = append(out[pkg], imp)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
