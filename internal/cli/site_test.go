package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
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

// TestServeCommand runs `moim serve` on a loopback port, sends it a
// request, and stops it as Ctrl-C would (its context ends).
func TestServeCommand(t *testing.T) {
	repo := webRepo(t)
	s, _, errOut := testIO()
	if code := Main(context.Background(), []string{"serve", "--repo", repo, "--addr", "256.0.0.1:99999"}, s); code != ExitInput {
		t.Errorf("bad address: exit %d: %s", code, errOut)
	}

	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	codec := make(chan int, 1)
	go func() {
		code := Main(ctx, []string{"serve", "--repo", repo, "--addr", "127.0.0.1:0"}, &IO{In: strings.NewReader(""), Out: io.Discard, ErrOut: pw, Getenv: func(string) string { return "" }})
		pw.Close()
		codec <- code
	}()
	// The announcement "moim: serving REPO at URL" says the server is up.
	var log strings.Builder
	url := ""
	sc := bufio.NewScanner(pr)
	for url == "" && sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if _, after, ok := strings.Cut(sc.Text(), " at http://"); ok {
			url = "http://" + strings.Fields(after)[0]
		}
	}
	if url == "" {
		t.Fatalf("serve ended (exit %d) without serving:\n%s", <-codec, log.String())
	}
	rest := make(chan string, 1)
	go func() {
		var b strings.Builder
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
		}
		rest <- b.String()
	}()
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("serving at %s, want a loopback address", url)
	}
	res, err := http.Get(url + "week/1")
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || !strings.Contains(string(page), "임베딩") || !strings.Contains(string(page), "한가람") {
		t.Errorf("GET /week/1: %d\n%.300s", res.StatusCode, page)
	}
	cancel()
	if code := <-codec; code != ExitOK {
		t.Errorf("exit %d after the context ended", code)
	}
	all := log.String() + <-rest
	if !strings.Contains(all, "moim: serving "+repo) || strings.Contains(all, "warning") {
		t.Errorf("stderr: %s", all)
	}
}
