package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/testutil"
)

var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "moim-e2e-")
	if err != nil {
		panic(err)
	}
	// Tests that run the binary as an unprivileged user need to reach it.
	if err := os.Chmod(dir, 0o755); err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "moim")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs the binary in dir with a minimal environment (see command).
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(t, command(t, dir, nil, args...))
}

// command is the binary run in dir with nothing of the caller's
// environment but PATH: HOME is a fresh temporary folder, and env holds
// every other variable the case sets.
func command(t *testing.T, dir string, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = testutil.Env(t, append([]string{"NO_COLOR=1"}, env...)...)
	return cmd
}

// runCmd runs cmd and returns its exit code and output.
func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func TestVersionAndHelp(t *testing.T) {
	dir := t.TempDir()
	if r := run(t, dir, "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "moim version ") {
		t.Errorf("--version: %+v", r)
	}
	for _, cmd := range []string{"init", "generate", "check"} {
		r := run(t, dir, cmd, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Examples:") || !strings.Contains(r.stdout, "--repo") {
			t.Errorf("%s --help: %+v", cmd, r)
		}
	}
	if r := run(t, dir, "generate", "--nope"); r.code != 2 || !strings.Contains(r.stderr, "unknown flag") {
		t.Errorf("unknown flag: %+v", r)
	}
	if r := run(t, dir, "frobnicate"); r.code != 2 {
		t.Errorf("unknown command: %+v", r)
	}
	if r := run(t, dir, "generate", "--format", "yaml"); r.code != 2 || !strings.Contains(r.stderr, "markdown or json") {
		t.Errorf("bad format: %+v", r)
	}
}

func TestDemoRepositoryEndToEnd(t *testing.T) {
	repo := testutil.CopyDemo(t)

	r := run(t, repo, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "week 1: missing") {
		t.Fatalf("check before generate: %+v", r)
	}

	r = run(t, repo, "init")
	if r.code != 0 || !strings.Contains(r.stderr, "members:  4") {
		t.Fatalf("init: %+v", r)
	}
	if r := run(t, repo, "init"); r.code != 2 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second init must refuse: %+v", r)
	}

	r = run(t, repo, "generate", "--all")
	if r.code != 0 {
		t.Fatalf("generate --all: %+v", r)
	}
	for _, wk := range []string{"week01", "week02"} {
		b, err := os.ReadFile(filepath.Join(repo, "weeks", wk, "ai-insights.md"))
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		testutil.Golden(t, filepath.Join("testdata", "golden", "demo-"+wk+".md"), []byte(doc))
		assertNoDebris(t, wk, doc)
	}
	week2 := read(t, repo, "weeks/week02/ai-insights.md")
	for _, want := range []string{
		"# Week 02 - 머신러닝 시스템 설계 인사이트",
		"## 강민수 (Kang Min-Su)",
		"노트가 제출되지 않았습니다",
		"### 오개념 정리",
		"| 작성 내용 |",
	} {
		if !strings.Contains(week2, want) {
			t.Errorf("week02 lacks %q", want)
		}
	}

	if r := run(t, repo, "check"); r.code != 0 {
		t.Errorf("check after generate: %+v", r)
	}

	// A person edits week 1: adds a question, rewrites and deletes bullets.
	edited := editDocument(t, read(t, repo, "weeks/week01/ai-insights.md"))
	write(t, repo, "weeks/week01/ai-insights.md", []byte(edited.doc))
	if r := run(t, repo, "generate", "--week", "1"); r.code != 0 {
		t.Fatalf("regenerate: %+v", r)
	}
	regen := read(t, repo, "weeks/week01/ai-insights.md")
	for _, keep := range []string{edited.added, edited.rewritten} {
		if n := strings.Count(regen, keep); n != 1 {
			t.Errorf("human line %q appears %d times after regeneration", keep, n)
		}
	}
	if strings.Contains(regen, edited.deleted) {
		t.Errorf("deleted bullet %q came back", edited.deleted)
	}
	if strings.Contains(regen, edited.original) {
		t.Errorf("rewritten bullet's original %q came back", edited.original)
	}

	if r := run(t, repo, "check"); r.code != 0 {
		t.Fatalf("check after regeneration: %+v", r)
	}

	// A changed note makes the week stale: a line added, and an edit that
	// keeps the file's length (one syllable for another of as many bytes).
	const note = "weeks/week01/study-note-KMS.md"
	orig := read(t, repo, note)
	for _, c := range []struct{ name, changed string }{
		{"line added", orig + "\n- 피처 저장소는 어떤 기준으로 골라야 할까?\n"},
		{"same length", sameLengthEdit(t, orig)},
	} {
		write(t, repo, note, []byte(c.changed))
		r = run(t, repo, "check")
		if r.code != 1 || !strings.Contains(r.stdout, "week 1: stale") || !strings.Contains(r.stdout, "week 2: fresh") {
			t.Errorf("check after note change (%s): %+v", c.name, r)
		}
	}
	write(t, repo, note, []byte(orig))
	if r := run(t, repo, "check"); r.code != 0 || !strings.Contains(r.stdout, "week 1: fresh") {
		t.Errorf("check after the note was restored: %+v", r)
	}
}

// sameLengthEdit changes one Hangul syllable of src into another one, so
// that the note's size in bytes stays the same but its content differs.
func sameLengthEdit(t *testing.T, src string) string {
	t.Helper()
	i := strings.IndexFunc(src, func(r rune) bool { return r >= '가' && r < '힣' })
	if i < 0 {
		t.Fatal("no Hangul syllable to change")
	}
	r, size := utf8.DecodeRuneInString(src[i:])
	out := src[:i] + string(r+1) + src[i+size:]
	if len(out) != len(src) || out == src {
		t.Fatalf("edit changed the length (%d → %d)", len(src), len(out))
	}
	return out
}

type edit struct{ doc, added, rewritten, original, deleted string }

// editDocument adds a question under 공통 질문, rewrites the first bullet of
// the first member and deletes the second one.
func editDocument(t *testing.T, doc string) edit {
	t.Helper()
	lines := strings.Split(doc, "\n")
	var e edit
	e.added = "- 우리 팀은 어떤 요구사항을 가장 먼저 챙겨야 할까? (사람이 추가)"
	e.rewritten = "- **사람이 고친 문장**: 신뢰성은 조용한 실패를 막는 것에서 시작한다."
	var bullets []int
	for i, l := range lines {
		if strings.HasPrefix(l, "### 공통 질문") {
			lines = append(lines[:i+1], append([]string{e.added}, lines[i+1:]...)...)
			break
		}
	}
	inMember := false
	for i, l := range lines {
		if strings.HasPrefix(l, "## ") {
			if inMember {
				break
			}
			inMember = true
		}
		if inMember && strings.HasPrefix(l, "- ") && !strings.HasPrefix(l, "- 이번 주 노트") {
			bullets = append(bullets, i)
		}
	}
	if len(bullets) < 3 {
		t.Fatalf("first member has %d bullets", len(bullets))
	}
	e.original = lines[bullets[0]]
	lines[bullets[0]] = e.rewritten
	e.deleted = lines[bullets[1]]
	lines = append(lines[:bullets[1]], lines[bullets[1]+1:]...)
	e.doc = strings.Join(lines, "\n")
	return e
}

var debris = regexp.MustCompile(`&nbsp;|&amp;|<(p|b|br|li|ul|img|aside|span)\b|!\[|\]\(|https?://|\*\*\*\*|\$\\`)

func assertNoDebris(t *testing.T, name, doc string) {
	t.Helper()
	body := doc
	if i := strings.Index(body, "<!-- moim:state"); i >= 0 {
		body = body[:i]
	}
	if m := debris.FindString(body); m != "" {
		t.Errorf("%s: debris %q in the document", name, m)
	}
}

func TestJSONFormat(t *testing.T) {
	repo := testutil.CopyDemo(t)
	r := run(t, repo, "generate", "--week", "1", "--format", "json")
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	var rep insight.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("json: %v", err)
	}
	if rep.Engine != "offline" || len(rep.Weeks) != 1 || len(rep.Weeks[0].Members) != 4 {
		t.Fatalf("report = %+v", rep)
	}
	n := 0
	for _, m := range rep.Weeks[0].Members {
		for _, s := range m.Sections {
			for _, b := range s.Bullets {
				n++
				if len(b.Sources) == 0 || b.Sources[0].File == "" || b.Sources[0].Line == 0 || b.Engine != "offline" {
					t.Errorf("bullet without provenance: %+v", b)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d member bullets", n)
	}
	// JSON does not write the week's document.
	if _, err := os.Stat(filepath.Join(repo, "weeks", "week01", "ai-insights.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("--format json wrote the markdown document (%v)", err)
	}
}

func TestStdoutAndHandWrittenDocument(t *testing.T) {
	repo := testutil.CopyDemo(t)
	hand := "# Week 01\n\n## 박지민 (Park Ji-Min)\n\n### 핵심 인사이트\n- 손으로 쓴 인사이트\n"
	write(t, repo, "weeks/week01/ai-insights.md", []byte(hand))
	r := run(t, repo, "generate", "--week", "1")
	if r.code != 2 || !strings.Contains(r.stderr, "weeks/week01/ai-insights.md") || !strings.Contains(r.stderr, "--out") {
		t.Errorf("hand-written document: %+v", r)
	}
	if read(t, repo, "weeks/week01/ai-insights.md") != hand {
		t.Error("hand-written document was changed")
	}
	r = run(t, repo, "generate", "--week", "1", "--out", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "## 박지민 (Park Ji-Min)") {
		t.Errorf("--out -: %+v", r)
	}
	if r := run(t, repo, "generate", "--week", "9"); r.code != 2 || !strings.Contains(r.stderr, "week 9 not found") {
		t.Errorf("missing week: %+v", r)
	}
	empty := t.TempDir()
	if r := run(t, empty, "generate"); r.code != 1 || !strings.Contains(r.stderr, "nothing to do") {
		t.Errorf("empty repo: %+v", r)
	}
}

// TestReferenceCorpus generates weeks 1-4 of the reference corpus from the
// basic template when ../shared is present.
func TestReferenceCorpus(t *testing.T) {
	// A copy: a run takes the repository's lock (.moim/lock), and the
	// corpus is shared, read-only data that other runs may be reading.
	repo := filepath.Join(t.TempDir(), "ai-engineering-study")
	if err := testutil.CopyTree(testutil.Corpus(t, "ai-engineering-study"), repo); err != nil {
		t.Fatal(err)
	}
	tmpl := testutil.Corpus(t, "templates/ai-insights-basic.md")
	out := t.TempDir()
	for _, wk := range []string{"1", "2", "3", "4"} {
		dst := filepath.Join(out, "week"+wk+".md")
		r := run(t, ".", "generate", "--repo", repo, "--week", wk, "--template", tmpl, "--out", dst)
		if r.code != 0 {
			t.Fatalf("week %s: %+v", wk, r)
		}
		doc := read(t, out, "week"+wk+".md")
		assertNoDebris(t, "week"+wk, doc)
		// The template's member headings ("## 이름 (Roman Name)") all come
		// back, read from the template rather than written here.
		for _, h := range templateMemberHeadings(t, tmpl) {
			if !strings.Contains(doc, "\n"+h+"\n") {
				t.Errorf("week %s: no member heading %q", wk, h)
			}
		}
		// Every section has content.
		for _, sec := range strings.Split(doc, "\n### ")[1:] {
			body := sec[strings.Index(sec, "\n")+1:]
			content := 0
			for _, l := range strings.Split(body, "\n") {
				if strings.HasPrefix(l, "- ") && len(l) > 4 || strings.HasPrefix(l, "|") {
					content++
				}
				if strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "---") {
					break
				}
			}
			if content == 0 {
				t.Errorf("week %s: empty section %q", wk, strings.SplitN(sec, "\n", 2)[0])
			}
		}
	}
}

// TestWeekTemplateWithPlaceholders uses the week's own document as the
// template when it still has the placeholders, keeping a question a person
// wrote into it before the first run.
func TestWeekTemplateWithPlaceholders(t *testing.T) {
	repo := testutil.CopyDemo(t)
	tpl := "# 2주차 정리\n\n우리끼리 쓰는 소개 문장.\n\n---\n\n## 박지민 (Park Ji-Min)\n\n### 핵심 인사이트\n<!-- 가장 중요한 개념 -->\n\n\n### 실무 적용 아이디어\n<!-- 어디에 쓸까 -->\n\n\n---\n\n## 통합 토론 주제\n\n### 공통 질문\n- 사람이 미리 적어 둔 질문일까?\n\n### 심화 토론\n-\n"
	write(t, repo, "weeks/week02/ai-insights.md", []byte(tpl))
	if r := run(t, repo, "generate", "--week", "2"); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	doc := read(t, repo, "weeks/week02/ai-insights.md")
	for _, want := range []string{"# 2주차 정리", "우리끼리 쓰는 소개 문장.", "- 사람이 미리 적어 둔 질문일까?", "## 최유나 (Choi Yu-Na)"} {
		if strings.Count(doc, want) != 1 {
			t.Errorf("document should contain %q once", want)
		}
	}
	if strings.Contains(doc, "### 독특한 관점") || strings.Contains(doc, "### 다음 주차") {
		t.Error("sections the week's template does not have were added")
	}
}

// TestCheckStates: a template not yet filled is missing, a hand-written
// document is reported but not failed.
func TestCheckStates(t *testing.T) {
	repo := testutil.CopyDemo(t)
	write(t, repo, "weeks/week01/ai-insights.md", []byte(read(t, repo, "templates/ai-insights.md")))
	write(t, repo, "weeks/week02/ai-insights.md", []byte("# 2주차\n\n## 박지민\n\n### 핵심 인사이트\n- 손으로 정리함\n"))
	r := run(t, repo, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "week 1: missing") || !strings.Contains(r.stdout, "week 2: by hand") {
		t.Fatalf("%+v", r)
	}
	if r := run(t, repo, "generate", "--week", "1"); r.code != 0 {
		t.Fatal(r)
	}
	if r := run(t, repo, "check"); r.code != 0 || !strings.Contains(r.stdout, "week 1: fresh") {
		t.Errorf("a hand-written week must not fail check: %+v", r)
	}
}

// templateMemberHeadings returns a template's member headings: "## " lines
// with a romanised name in parentheses.
func templateMemberHeadings(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "## ") && strings.HasSuffix(strings.TrimSpace(l), ")") && strings.Contains(l, " (") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	if len(out) < 2 {
		t.Fatalf("%s: %d member headings, want the template's members", path, len(out))
	}
	return out
}

// TestDemoSummary drafts the demo's summaries (the README's sample) and
// checks them: the repository's summary template with the schedule's
// 정리자 and 날짜, no markup debris, fresh for check; a second run changes
// nothing; a hand-written summary makes generate refuse (exit 2) and check
// list it without failing.
func TestDemoSummary(t *testing.T) {
	repo := testutil.CopyDemo(t)
	if r := run(t, repo, "generate", "--all", "--doc", "summary"); r.code != 0 || !strings.Contains(r.stderr, "summary of 4 notes") {
		t.Fatalf("generate --doc summary: %+v", r)
	}
	for _, wk := range []string{"week01", "week02"} {
		b, err := os.ReadFile(filepath.Join(repo, "weeks", wk, "summary.md"))
		if err != nil {
			t.Fatal(err)
		}
		testutil.Golden(t, filepath.Join("testdata", "golden", "demo-"+wk+"-summary.md"), b)
		assertNoDebris(t, wk, string(b))
		if _, err := os.Stat(filepath.Join(repo, "weeks", wk, "ai-insights.md")); err == nil {
			t.Errorf("%s: --doc summary wrote the insights too", wk)
		}
	}
	before, _ := os.ReadFile(filepath.Join(repo, "weeks", "week01", "summary.md"))
	if r := run(t, repo, "generate", "--week", "1", "--doc", "summary"); r.code != 0 {
		t.Fatal(r)
	}
	if after, _ := os.ReadFile(filepath.Join(repo, "weeks", "week01", "summary.md")); string(after) != string(before) {
		t.Error("a second run changed the summary")
	}
	if r := run(t, repo, "check"); r.code != 1 || !strings.Contains(r.stdout, "week 1: fresh    weeks/week01/summary.md") || !strings.Contains(r.stdout, "week 1: missing  weeks/week01/ai-insights.md") {
		t.Errorf("check: %+v", r)
	}
	hand := "# 통합 정리\n\n**정리자**: 정하늘\n\n---\n\n# 3장\n\n- 손으로 쓴 정리\n"
	os.WriteFile(filepath.Join(repo, "weeks", "week02", "summary.md"), []byte(hand), 0o644)
	if r := run(t, repo, "generate", "--week", "2", "--doc", "summary"); r.code != 2 || !strings.Contains(r.stderr, "written by hand") {
		t.Errorf("hand-written summary: %+v", r)
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "weeks", "week02", "summary.md")); string(b) != hand {
		t.Error("the hand-written summary changed")
	}
	if r := run(t, repo, "check"); !strings.Contains(r.stdout, "week 2: by hand  weeks/week02/summary.md") {
		t.Errorf("check: %+v", r)
	}
}
