package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func testIO() (*IO, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}, &out, &errOut
}

func webRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"README.md":                      "# 스터디\n\n## 참여자\n\n- 한가람\n- 윤보라\n",
		"weeks/week01/study-note-HGR.md": "# 1주차\n\n- **임베딩**은 텍스트를 벡터로 바꾸는 방법이다.\n",
		"weeks/week01/study-note-YBR.md": "# 1주차\n\n- 코사인 유사도로 임베딩을 비교한다.\n",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestSiteCommand(t *testing.T) {
	repo := webRepo(t)
	out := filepath.Join(t.TempDir(), "site")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no out", []string{"site", "--repo", repo}, ExitInput, "--out DIR is required"},
		{"into the notes", []string{"site", "--repo", repo, "--out", filepath.Join(repo, "weeks", "week01")}, ExitInput, "among the notes"},
		{"repo itself", []string{"site", "--repo", repo, "--out", repo}, ExitInput, "the repository itself"},
		{"missing repo", []string{"site", "--repo", filepath.Join(repo, "nope"), "--out", out}, ExitInput, "nope"},
		{"ok", []string{"site", "--repo", repo, "--out", out}, ExitOK, "open index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, errOut := testIO()
			if code := Main(context.Background(), tt.args, s); code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("stderr %q lacks %q", errOut, tt.want)
			}
		})
	}
	for _, f := range []string{"index.html", "week-01.html", "concepts.html", "static/app.js"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("site: %v", err)
		}
	}
}

func TestServeCommand(t *testing.T) {
	repo := webRepo(t)
	s, _, errOut := testIO()
	if code := Main(context.Background(), []string{"serve", "--repo", repo, "--addr", "256.0.0.1:99999"}, s); code != ExitInput {
		t.Errorf("bad address: exit %d: %s", code, errOut)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s, _, errOut = testIO()
	if code := Main(ctx, []string{"serve", "--repo", repo, "--addr", "127.0.0.1:0"}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "moim: serving "+repo) || strings.Contains(errOut.String(), "warning") {
		t.Errorf("stderr: %s", errOut)
	}
	ctx2, cancel2 := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel2()
	s, _, errOut = testIO()
	if code := Main(ctx2, []string{"serve", "--repo", repo, "--addr", "0.0.0.0:0"}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "warning: listening on") {
		t.Errorf("no warning for a non-loopback address: %s", errOut)
	}
}
