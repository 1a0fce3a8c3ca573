package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestManPagesCoverEveryCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man")
	s, _, errOut := testIO()
	s.Getenv = func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1767225600" // 2026-01-01
		}
		return ""
	}
	if code := Main(context.Background(), []string{"man", "--dir", dir}, s); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// One page per visible command, none for the hidden man command.
	var want []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.IsAvailableCommand() && c.HasParent() {
			return
		}
		want = append(want, strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	root := NewRoot(s)
	root.InitDefaultCompletionCmd() // added by cobra when it runs
	walk(root)
	got, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	if len(got) != len(want) {
		t.Errorf("%d pages, want %d (%v)", len(got), len(want), want)
	}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "moim-man.1")); err == nil {
		t.Error("the hidden man command has a page")
	}
	gen, err := os.ReadFile(filepath.Join(dir, "moim-generate.1"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(gen)
	for _, w := range []string{`.TH "MOIM" "1" "Jan 2026" "moim dev" "moim manual"`, "moim-generate - Write a week's insights document", `\fB--week\fP`, `\fB--engine\fP`, "moim generate --week 2 --week 3"} {
		if !strings.Contains(page, w) {
			t.Errorf("moim-generate.1 lacks %q", w)
		}
	}
	if strings.Contains(page, "Auto generated") {
		t.Error("the page carries cobra's dated auto-generated tag")
	}
	if man, err := exec.LookPath("man"); err == nil {
		// The page renders (groff through man) without warnings.
		cmd := exec.Command(man, "--warnings", "-l", filepath.Join(dir, "moim-generate.1"))
		cmd.Env = append(os.Environ(), "MANPAGER=cat", "MANWIDTH=80")
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		text := strings.Join(strings.Fields(stdout.String()), " ") // man justifies lines
		if err != nil || !strings.Contains(text, "Write a week's insights document") || stderr.Len() > 0 {
			t.Errorf("man -l: %v\n%s\n%s", err, stderr.String(), stdout.String())
		}
	}
	s, _, errOut = testIO()
	if code := Main(context.Background(), []string{"man"}, s); code != ExitInput || !strings.Contains(errOut.String(), "--dir DIR is required") {
		t.Errorf("without --dir: exit %d, %s", code, errOut)
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, want := range map[string]string{
		"bash":       "__start_moim",
		"zsh":        "#compdef moim",
		"fish":       "complete -c moim",
		"powershell": "Register-ArgumentCompleter",
	} {
		s, out, errOut := testIO()
		if code := Main(context.Background(), []string{"completion", shell}, s); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", shell, code, errOut)
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("%s script lacks %q", shell, want)
		}
		if shell == "bash" {
			// The script loads in bash and registers the completion.
			f := filepath.Join(t.TempDir(), "moim.bash")
			os.WriteFile(f, out.Bytes(), 0o644)
			got, err := exec.Command("bash", "--norc", "-c", "source "+f+" && complete -p moim").CombinedOutput()
			if err != nil || !strings.Contains(string(got), "__start_moim") {
				t.Errorf("bash could not load the script: %v\n%s", err, got)
			}
		}
	}
}

// complete asks cobra's hidden __complete command, as the shell scripts do.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	s, out, errOut := testIO()
	if code := Main(context.Background(), append([]string{"__complete"}, args...), s); code != ExitOK {
		t.Fatalf("__complete %v: exit %d: %s", args, code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	return lines[:len(lines)-1] // the last line is the directive
}

func TestCompletionOfFlagValues(t *testing.T) {
	if got := strings.Join(complete(t, "generate", "--engine", ""), " "); got != "offline openai anthropic" {
		t.Errorf("--engine: %q", got)
	}
	if got := strings.Join(complete(t, "generate", "--format", "j"), " "); got != "markdown json" && got != "json" {
		t.Errorf("--format: %q", got)
	}
	recipes := complete(t, "init", "--ci", "github", "--recipe", "")
	if len(recipes) != 4 || !strings.HasPrefix(recipes[0], "check\t") {
		t.Errorf("--recipe: %q", recipes)
	}
	repo := twoWeekRepo(t)
	weeks := complete(t, "generate", "--repo", repo, "--week", "")
	if len(weeks) != 2 || weeks[0] != "1\t2 notes in weeks/week01" || !strings.HasPrefix(weeks[1], "2\t1 notes") {
		t.Errorf("--week: %q", weeks)
	}
}

func TestCompletionOfTracks(t *testing.T) {
	repo := t.TempDir()
	for name, body := range map[string]string{
		"README.md":          "# 모음\n\n## 멤버\n\n- 한가람\n",
		"1. 운영체제/1회차/한가람.md": "# 1\n\n**스케줄러**는 문맥 교환을 한다.\n",
		"2. 컴파일러/1회차/한가람.md": "# 1\n\n**파서**는 토큰을 트리로 만든다.\n",
	} {
		p := filepath.Join(repo, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	if got := strings.Join(complete(t, "check", "--repo", repo, "--track", ""), "|"); got != "1. 운영체제|2. 컴파일러" {
		t.Errorf("--track: %q", got)
	}
	if got := complete(t, "generate", "--repo", repo, "--week", ""); len(got) != 1 || !strings.HasPrefix(got[0], "1\t") {
		t.Errorf("--week with two tracks: %q, want week 1 once", got)
	}
}
