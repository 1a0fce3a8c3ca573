package main

// The bad-input collection: every case starts from testdata/bad/base (a
// small made-up study repository), generated once and then edited by a
// person, breaks one thing, runs the real binary and checks its exit code,
// its message, and that the previous document and every human edit are
// intact. Large inputs are written by helpers here rather than committed.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"

	"github.com/moim-study/moim/internal/fsutil"
	"github.com/moim-study/moim/internal/testutil"
)

// Human edits applied to week 1's document after the first generation.
const (
	humanIntro    = "메모: 이번 주 발표는 짧게 진행했다. (사람이 쓴 문단)"
	humanQuestion = "- (사람이 추가) 페이지 크기는 누가 정해야 할까?"
	humanRewrite  = "- **페이지 단위**: (사람이 고침) B-트리 페이지는 보통 4-16KB이다."
	humanRow      = "| B-트리는 항상 완전 균형이다 | 분할과 병합으로 높이만 같게 유지된다 | 사람이 검토 |"
	humanRowEdit  = "| LRU가 항상 최선이다 | 스캔이 많으면 CLOCK이나 LRU-K가 낫다 | 사람이 수정 |"
)

// humanLines must each appear exactly once after any successful run.
var humanLines = []string{humanIntro, humanQuestion, humanRewrite, humanRow, humanRowEdit}

type prepared struct {
	dir               string
	deleted, original string // a deleted generated bullet; the rewritten one's original
	err               error
}

var (
	prepOnce sync.Once
	prep     prepared
)

// preparedRepo returns a copy of testdata/bad/base in which week 1 was
// generated and then edited by a person (see humanLines), and the path
// of week 1's document. The first generation runs once per test binary.
func preparedRepo(t *testing.T) (repo, doc string) {
	t.Helper()
	prepOnce.Do(func() {
		prep.dir = filepath.Join(filepath.Dir(binary), "bad-prepared")
		if prep.err = testutil.CopyTree(filepath.Join("testdata", "bad", "base"), prep.dir); prep.err != nil {
			return
		}
		cmd := command(t, ".", nil, "generate", "--repo", prep.dir, "--week", "1")
		if out, err := cmd.CombinedOutput(); err != nil {
			prep.err = fmt.Errorf("first generation: %v\n%s", err, out)
			return
		}
		p := filepath.Join(prep.dir, "weeks", "week01", "ai-insights.md")
		b, err := os.ReadFile(p)
		if err != nil {
			prep.err = err
			return
		}
		var edited string
		edited, prep.deleted, prep.original, prep.err = humanEdit(string(b))
		if prep.err == nil {
			prep.err = os.WriteFile(p, []byte(edited), 0o644)
		}
	})
	if prep.err != nil {
		t.Fatal(prep.err)
	}
	repo = t.TempDir()
	if err := testutil.CopyTree(prep.dir, repo); err != nil {
		t.Fatal(err)
	}
	return repo, filepath.Join(repo, "weeks", "week01", "ai-insights.md")
}

// humanEdit does what a person does to a generated document: writes a
// paragraph under the title, adds a question, rewrites one bullet, deletes
// another, adds a row to one 오개념 정리 table and rewrites the generated
// row of another.
func humanEdit(doc string) (edited, deleted, original string, err error) {
	lines := strings.Split(doc, "\n")
	find := func(from int, pred func(string) bool) int {
		for i := from; i < len(lines); i++ {
			if pred(lines[i]) {
				return i
			}
		}
		return -1
	}
	member := find(0, func(l string) bool { return strings.HasPrefix(l, "## 한서진") })
	first := -1
	for i := max(member, 0); i+1 < len(lines) && member >= 0; i++ {
		if strings.HasPrefix(lines[i], "- ") && strings.HasPrefix(lines[i+1], "- ") {
			first = i // two bullets of one section: one to rewrite, one to delete
			break
		}
	}
	if member < 0 || first < 0 || !strings.HasPrefix(lines[first+1], "- ") {
		return "", "", "", fmt.Errorf("unexpected document:\n%s", doc)
	}
	original, deleted = lines[first], lines[first+1]
	lines[first] = humanRewrite
	lines = append(lines[:first+1], lines[first+2:]...)
	rows := []int{}
	for i, l := range lines {
		if strings.HasPrefix(l, "|  |") { // an 오개념 table's empty row, left for people
			rows = append(rows, i)
		}
	}
	if len(rows) < 2 {
		return "", "", "", fmt.Errorf("no 오개념 tables:\n%s", doc)
	}
	lines[rows[1]] = humanRowEdit
	lines = append(lines[:rows[0]+1], append([]string{humanRow}, lines[rows[0]+1:]...)...)
	common := find(0, func(l string) bool { return l == "### 공통 질문" })
	if common < 0 {
		return "", "", "", fmt.Errorf("no 공통 질문:\n%s", doc)
	}
	lines = append(lines[:common+1], append([]string{humanQuestion}, lines[common+1:]...)...)
	lines = append(lines[:2], append([]string{humanIntro, ""}, lines[2:]...)...)
	return strings.Join(lines, "\n"), deleted, original, nil
}

func mkdir(t *testing.T, repo, rel string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(repo, filepath.FromSlash(rel)), 0o755); err != nil {
		t.Fatal(err)
	}
}

func chmod(t *testing.T, repo, rel string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(filepath.Join(repo, filepath.FromSlash(rel)), mode); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, repo, rel string, data []byte) {
	t.Helper()
	p := filepath.Join(repo, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, repo, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const (
	noteHSJ = "weeks/week01/study-note-HSJ.md"
	noteOTY = "weeks/week01/study-note-OTY.md"
	noteMGR = "weeks/week01/study-note-MGR.md"
)

// bigNote is a Korean note of about size bytes.
func bigNote(size int) string {
	var b strings.Builder
	b.WriteString("# 긴 노트\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## %d. 페이지와 버퍼 풀\n\nB-트리 %d은 **페이지 단위**로 데이터를 저장한다. 버퍼 풀 %d은 자주 읽는 페이지를 캐시한다.\n\n- 컴팩션 %d은 읽기 증폭을 줄인다.\n  - 쓰기 증폭 %d은 늘어난다.\n\n", i, i%97, i%89, i%83, i%79)
	}
	return b.String()
}

type badCase struct {
	item int // the item: 1 encodings ... 7 errors for people
	name string
	skip func() string // a reason to skip, or ""
	// unprivileged runs the binary as a user that file permissions apply
	// to (nobody, when the tests run as root).
	unprivileged bool
	setup        func(t *testing.T, repo string)
	args         []string // after the command and --repo
	cmd          string   // default "generate"
	code         int
	// stderr and stdout must contain these.
	stderr, stdout []string
	// check looks at the repository afterwards.
	check func(t *testing.T, repo string, r result)
}

func noWindows() string {
	if runtime.GOOS == "windows" {
		return "unix only"
	}
	return ""
}

func contains(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

var week1 = []string{"--week", "1"}

func badCases() []badCase {
	pngBytes := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	return []badCase{
		// 1. Encodings and bytes.
		{item: 1, name: "utf-8 with BOM and CRLF", args: week1,
			setup: func(t *testing.T, repo string) {
				write(t, repo, noteHSJ, []byte("\ufeff"+strings.ReplaceAll(read(t, repo, noteHSJ), "\n", "\r\n")))
			},
			check: func(t *testing.T, repo string, r result) {
				contains(t, "document", read(t, repo, "weeks/week01/ai-insights.md"), "인덱스 높이를 직접 측정해 보면 좋겠다")
			}},
		{item: 1, name: "EUC-KR (CP949) note", args: week1,
			setup: func(t *testing.T, repo string) {
				s, err := korean.EUCKR.NewEncoder().String(read(t, repo, noteOTY))
				if err != nil {
					t.Fatal(err)
				}
				write(t, repo, noteOTY, []byte(s))
			},
			check: func(t *testing.T, repo string, r result) {
				contains(t, "document", read(t, repo, "weeks/week01/ai-insights.md"), "버퍼 풀 크기를 늘리는 것만으로")
			}},
		{item: 1, name: "UTF-16LE note with BOM", args: week1,
			setup: func(t *testing.T, repo string) {
				s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(read(t, repo, noteMGR))
				if err != nil {
					t.Fatal(err)
				}
				write(t, repo, noteMGR, []byte(s))
			},
			check: func(t *testing.T, repo string, r result) {
				contains(t, "document", read(t, repo, "weeks/week01/ai-insights.md"), "직접 구현해 보고 싶다")
			}},
		{item: 1, name: "EUC-KR README", args: week1,
			setup: func(t *testing.T, repo string) {
				s, err := korean.EUCKR.NewEncoder().String(read(t, repo, "README.md"))
				if err != nil {
					t.Fatal(err)
				}
				write(t, repo, "README.md", []byte(s))
			},
			check: func(t *testing.T, repo string, r result) {
				if strings.Contains(r.stderr, "README") {
					t.Errorf("README not read:\n%s", r.stderr)
				}
			}},
		{item: 1, name: "image renamed .md", args: week1,
			setup:  func(t *testing.T, repo string) { write(t, repo, noteMGR, pngBytes) },
			stderr: []string{"warning: " + noteMGR + ": skipped: binary file, not a text note (PNG image)"},
			check: func(t *testing.T, repo string, r result) {
				contains(t, "document", read(t, repo, "weeks/week01/ai-insights.md"), "## 문가람 (Moon Ga-Ram)\n\n이번 주 노트가 제출되지 않았습니다.")
			}},
		{item: 1, name: "NUL bytes", args: week1,
			setup:  func(t *testing.T, repo string) { write(t, repo, noteMGR, []byte("# 노트\x00\x00\x01 깨진 파일")) },
			stderr: []string{noteMGR + ": skipped: binary file, not a text note (NUL byte)"}},
		{item: 1, name: "undecodable bytes are reported, never U+FFFD", args: week1,
			setup:  func(t *testing.T, repo string) { write(t, repo, noteMGR, []byte("caf\xe9 r\xe9sum\xe9 na\xefve\n")) },
			stderr: []string{noteMGR + ": skipped: unknown or invalid text encoding", "; save it as UTF-8"}},
		{item: 1, name: "binary note with --strict", args: []string{"--week", "1", "--strict"}, code: 2,
			setup:  func(t *testing.T, repo string) { write(t, repo, noteMGR, pngBytes) },
			stderr: []string{noteMGR + ": skipped", "--strict is set: nothing was written"}},

		// 2. Size and shape.
		{item: 2, name: "2 MB note", args: week1,
			setup: func(t *testing.T, repo string) { write(t, repo, noteHSJ, []byte(bigNote(2<<20))) },
			check: func(t *testing.T, repo string, r result) {
				contains(t, "document", read(t, repo, "weeks/week01/ai-insights.md"), "## 한서진 (Han Seo-Jin)")
			}},
		{item: 2, name: "1 MB single line", args: week1,
			setup: func(t *testing.T, repo string) {
				write(t, repo, noteHSJ, []byte(strings.Repeat("한 줄에 모두 쓴 문장이다, **강조**도 있다. ", 1<<20/60)))
			}},
		{item: 2, name: "lists 10,000 deep and broken HTML", args: week1,
			setup: func(t *testing.T, repo string) {
				var b strings.Builder
				b.WriteString(strings.Repeat("- ", 10000) + "깊은 항목이다.\n\n")
				b.WriteString(strings.Repeat("> ", 10000) + "깊은 인용이다.\n\n")
				b.WriteString(strings.Repeat("<ul><li>", 10000) + "열린 목록이다.\n\n")
				b.WriteString("<div><p>닫히지 않은 <b>태그 <table><tr><td>셀</span></p></aside><aside>\n\n개인적인 생각: 구조가 깨져도 읽혀야 한다.\n<!-- 닫히지 않은 주석\n")
				write(t, repo, noteOTY, []byte(b.String()))
			}},
		{item: 2, name: "1,000 stray files in the week folder", args: week1,
			setup: func(t *testing.T, repo string) {
				for i := 0; i < 1000; i++ {
					write(t, repo, fmt.Sprintf("weeks/week01/scan-%04d.png", i), pngBytes)
				}
				for i := 0; i < 60; i++ {
					write(t, repo, fmt.Sprintf("weeks/week01/study-note-Z%02d.md", i), []byte("# 노트\n\n짧은 노트다.\n"))
				}
			},
			stderr: []string{"more warnings like these"}},
		{item: 2, name: "symlinks out of the repository and loops", skip: noWindows, args: week1,
			setup: func(t *testing.T, repo string) {
				outside := t.TempDir()
				write(t, outside, "secret.md", []byte("# 바깥 노트\n\n저장소 밖의 글이다.\n"))
				links := map[string]string{
					"weeks/week01/study-note-OUT.md": filepath.Join(outside, "secret.md"),
					"weeks/week01/outside":           outside,
					"weeks/week01/loop":              "..",
					"weeks/week01/self":              "self",
				}
				for name, target := range links {
					testutil.Symlink(t, target, filepath.Join(repo, filepath.FromSlash(name)))
				}
			},
			stderr: []string{"weeks/week01/study-note-OUT.md: symbolic link points outside the repository, not followed",
				"weeks/week01/loop: folder already visited", "weeks/week01/self: symbolic link loop"},
			check: func(t *testing.T, repo string, r result) {
				if strings.Contains(read(t, repo, "weeks/week01/ai-insights.md"), "저장소 밖의 글") {
					t.Error("a note outside the repository was read")
				}
			}},
		{item: 2, name: "unreadable note and folder", unprivileged: true, args: week1,
			setup: func(t *testing.T, repo string) {
				chmod(t, repo, noteMGR, 0)
				write(t, repo, "weeks/week02/locked/x.md", []byte("x"))
				chmod(t, repo, "weeks/week02/locked", 0)
				t.Cleanup(func() { os.Chmod(filepath.Join(repo, "weeks", "week02", "locked"), 0o755) })
			},
			stderr: []string{noteMGR + ": skipped: permission denied", "weeks/week02/locked: cannot read folder, skipped"}},

		// 3. Ambiguity is said.
		{item: 3, name: "two notes for one member", args: week1,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "weeks/week01/한서진.md", []byte("# 두 번째 노트\n\n같은 사람이 또 썼다.\n"))
			},
			stderr: []string{"week 1: 2 notes for 한서진 (weeks/week01/study-note-HSJ.md, weeks/week01/한서진.md); using weeks/week01/study-note-HSJ.md"}},
		{item: 3, name: "two notes for one member with --strict", args: []string{"--week", "1", "--strict"}, code: 2,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "weeks/week01/한서진.md", []byte("# 두 번째 노트\n\n같은 사람이 또 썼다.\n"))
			},
			stderr: []string{"2 notes for 한서진", "1 warning(s) and --strict is set"}},
		{item: 3, name: "note of an unknown member", args: week1,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "weeks/week01/study-note-XYZ.md", []byte("# 누구의 노트\n\n주인을 알 수 없다.\n"))
			},
			stderr: []string{`weeks/week01/study-note-XYZ.md: "XYZ" matches no member of the README or moim.yaml; added as a member of its own`}},
		{item: 3, name: "week folder without notes", args: nil,
			setup:  func(t *testing.T, repo string) { mkdir(t, repo, "weeks/week03") },
			stderr: []string{"week 3 (weeks/week03): no notes found yet; doing week 2, the latest week with notes", "wrote weeks/week02/ai-insights.md"}},
		{item: 3, name: "asking for a week without notes", args: []string{"--week", "3", "--out", "-"},
			setup:  func(t *testing.T, repo string) { mkdir(t, repo, "weeks/week03") },
			stderr: []string{"week 3 (weeks/week03): no notes found; every member is marked as not submitted"},
			stdout: []string{"이번 주 노트가 제출되지 않았습니다."}},
		{item: 3, name: "README without a schedule", args: week1,
			setup: func(t *testing.T, repo string) {
				readme := read(t, repo, "README.md")
				write(t, repo, "README.md", []byte(readme[:strings.Index(readme, "## 일정표")]))
			},
			stderr: []string{"README.md: no schedule table (a table with a 주차/week column) found"}},
		{item: 3, name: "template without sections moim knows", args: []string{"--week", "1", "--template", "mine.md"}, code: 2,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "mine.md", []byte("# 주간 정리\n\n## 한서진\n\n### 메모\n\n### 잡담\n"))
			},
			stderr: []string{"template: mine.md: no recognisable section", "--template FILE"}},
		{item: 3, name: "template without a group block", args: []string{"--week", "1", "--template", "mine.md"},
			setup: func(t *testing.T, repo string) {
				write(t, repo, "mine.md", []byte("# 주간 정리\n\n## 한서진\n\n### 핵심 인사이트\n\n### 메모\n"))
			},
			stderr: []string{`template mine.md: no "## 통합 토론 주제" block`, "template mine.md)"}},

		// 4. Configuration errors.
		{item: 4, name: "moim.yaml: unknown key close to a known one", args: week1, code: 2,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "moim.yaml", []byte("version: 1\nmemebers:\n  - name: 한서진\n"))
			},
			stderr: []string{`moim.yaml:2: unknown field "memebers"; did you mean "members"?`, "run moim init"}},
		{item: 4, name: "moim.yaml: wrong type in a list", args: week1, code: 2,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "moim.yaml", []byte("version: 1\nschedule:\n  - week: 1\n  - week: 둘째\n"))
			},
			stderr: []string{`moim.yaml:4: schedule[1].week: expected a whole number, got "둘째"`}},
		{item: 4, name: "moim.yaml: engine name typo", args: week1, code: 2,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "moim.yaml", []byte("version: 1\nengine:\n  name: opnai\n"))
			},
			stderr: []string{`moim.yaml:3: engine.name: unknown engine "opnai"; did you mean "openai"?`}},
		{item: 4, name: "moim.yaml: YAML syntax", args: week1, code: 2,
			setup: func(t *testing.T, repo string) {
				write(t, repo, "moim.yaml", []byte("version: 1\nmembers:\n\t- 한서진\n"))
			},
			stderr: []string{"moim.yaml:3: found character that cannot start any token"}},

		// 5. Writes never lose data.
		{item: 5, name: "regeneration keeps every human edit", args: week1,
			stderr: []string{"week 1: wrote weeks/week01/ai-insights.md", "template weeks/week01/ai-insights.md"}},
		{item: 5, name: "--out in a missing folder", args: []string{"--week", "1", "--out", "nope/doc.md"}, code: 2,
			stderr: []string{"cannot write nope/doc.md: folder nope does not exist; create it first or choose another location"}},
		{item: 5, name: "--out under a regular file", args: []string{"--week", "1", "--out", "README.md/doc.md"}, code: 2,
			stderr: []string{"cannot write README.md/doc.md: README.md is a file, not a folder"}},
		{item: 5, name: "--out is a folder", args: []string{"--week", "1", "--out", "weeks"}, code: 2,
			stderr: []string{"cannot write weeks: it is a folder; give a file name"}},
		{item: 5, name: "--out is a character device", skip: noWindows, args: []string{"--week", "1", "--out", os.DevNull},
			stderr: []string{"week 1: wrote " + os.DevNull}},
		{item: 5, name: "--format json --out is a character device", skip: noWindows, args: []string{"--week", "1", "--format", "json", "--out", os.DevNull}},
		{item: 5, name: "--format json --out in a missing folder", args: []string{"--week", "1", "--format", "json", "--out", "nope/r.json"}, code: 2,
			stderr: []string{"folder nope does not exist"}},
		{item: 5, name: "read-only week folder", unprivileged: true, args: week1, code: 2,
			setup: func(t *testing.T, repo string) {
				chmod(t, repo, "weeks/week01", 0o555)
				t.Cleanup(func() { os.Chmod(filepath.Join(repo, "weeks", "week01"), 0o755) })
			},
			stderr: []string{"folder weeks/week01 is not writable"}},
		{item: 5, name: "another run holds the lock", args: week1, code: 2,
			setup: func(t *testing.T, repo string) {
				l, err := fsutil.LockRepo(context.Background(), repo, 0)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { l.Unlock() })
			},
			stderr: []string{"another moim run (pid ", "is working on this repository", ".moim/lock", "wait for it to finish"}},
		{item: 5, name: "damaged previous document", args: week1, code: 2,
			setup:  func(t *testing.T, repo string) { write(t, repo, "weeks/week01/ai-insights.md", pngBytes) },
			stderr: []string{"weeks/week01/ai-insights.md: cannot read the existing document", "--out FILE"}},
		{item: 5, name: "damaged state comment", args: week1, code: 2,
			setup: func(t *testing.T, repo string) {
				doc := read(t, repo, "weeks/week01/ai-insights.md")
				write(t, repo, "weeks/week01/ai-insights.md", []byte(strings.Replace(doc, `"gen":{`, `"gen":{{`, 1)))
			},
			stderr: []string{"weeks/week01/ai-insights.md", "delete the comment"}},

		// 7. Errors for people.
		{item: 7, name: "unknown week", args: []string{"--week", "9"}, code: 2,
			stderr: []string{"week 9 not found", "(weeks found: 1, 2)"}},
		{item: 7, name: "missing --repo folder", cmd: "check", args: []string{"--repo", "없는폴더"}, code: 2,
			stderr: []string{"--repo 없는폴더: no such folder"}},
		{item: 7, name: "check names stale weeks", cmd: "check", code: 1,
			setup: func(t *testing.T, repo string) {
				write(t, repo, noteOTY, []byte(read(t, repo, noteOTY)+"\n추가한 문장이다.\n"))
			},
			stdout: []string{"week 1: stale", "week 2: missing"}},
	}
}

// TestBadInputs runs every case of the collection.
func TestBadInputs(t *testing.T) {
	for _, c := range badCases() {
		t.Run(fmt.Sprintf("%d %s", c.item, c.name), func(t *testing.T) {
			if c.skip != nil {
				if why := c.skip(); why != "" {
					t.Skip(why)
				}
			}
			t.Parallel()
			repo, docPath := preparedRepo(t)
			if c.setup != nil {
				c.setup(t, repo)
			}
			before := read(t, repo, "weeks/week01/ai-insights.md")
			sub := c.cmd
			if sub == "" {
				sub = "generate"
			}
			args := []string{sub}
			if !containsArg(c.args, "--repo") {
				args = append(args, "--repo", ".")
			}
			cmd := command(t, repo, nil, append(args, c.args...)...)
			if c.unprivileged {
				testutil.Unprivileged(t, cmd, repo)
			}
			r := runCmd(t, cmd)
			t.Logf("exit %d\n%s", r.code, r.stderr)
			if r.code != c.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", r.code, c.code, r.stderr)
			}
			contains(t, "stderr", r.stderr, c.stderr...)
			contains(t, "stdout", r.stdout, c.stdout...)
			assertForPeople(t, r.stderr)
			after, err := os.ReadFile(docPath)
			switch {
			case err != nil:
				t.Errorf("week 1's document is gone: %v", err)
			case r.code != 0:
				if string(after) != before {
					t.Errorf("a failed run changed week 1's document")
				}
			default:
				assertHumanEdits(t, string(after))
			}
			assertNoDebrisFiles(t, repo)
			if c.check != nil {
				c.check(t, repo, r)
			}
		})
	}
}

func containsArg(args []string, a string) bool {
	for _, x := range args {
		if x == a {
			return true
		}
	}
	return false
}

// assertForPeople fails on messages meant for programmers: stack traces,
// Go type names, format mistakes.
func assertForPeople(t *testing.T, stderr string) {
	t.Helper()
	for _, bad := range []string{"goroutine ", "panic:", ".go:", "*fs.", "*os.", "%!", "\ufffd"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr has %q:\n%s", bad, stderr)
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l != "" && !strings.HasPrefix(l, "moim: ") && !strings.HasPrefix(l, "Fix ") {
			t.Errorf("stderr line without the moim: prefix: %q", l)
		}
	}
}

// assertHumanEdits checks that every line a person wrote is in doc once,
// a bullet they deleted did not come back and nothing is undecodable.
func assertHumanEdits(t *testing.T, doc string) {
	t.Helper()
	for _, l := range humanLines {
		if n := strings.Count(doc, l); n != 1 {
			t.Errorf("human line %q appears %d times", l, n)
		}
	}
	for _, gone := range []string{prep.deleted, prep.original} {
		if strings.Contains(doc, gone+"\n") {
			t.Errorf("generated line the person deleted or rewrote came back: %q", gone)
		}
	}
	if strings.ContainsRune(doc, '\ufffd') {
		t.Error("document holds U+FFFD")
	}
}

// assertNoDebrisFiles fails on temporary files left behind.
func assertNoDebrisFiles(t *testing.T, repo string) {
	t.Helper()
	err := filepath.Walk(repo, func(p string, fi os.FileInfo, err error) error {
		if errors.Is(err, fs.ErrPermission) {
			return nil // a folder a case locked on purpose
		}
		if err != nil {
			return err
		}
		if strings.Contains(fi.Name(), ".tmp-") || strings.HasPrefix(fi.Name(), ".moim-probe-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

// TestSignalDuringRun interrupts (SIGINT) or kills (SIGKILL) the binary
// in the middle of a run: it holds the repository's lock and waits for a
// local model server that never answers. Week 1's document stays as it
// was, no temporary file is left, and the lock is free again.
func TestSignalDuringRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signals on Windows")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			repo, _ := preparedRepo(t)
			before := read(t, repo, "weeks/week01/ai-insights.md")
			model := newStalledModel()
			srv := httptest.NewServer(model)
			defer srv.Close()
			defer close(model.release) // before Close, which waits for the handlers
			cmd := command(t, repo, []string{"MOIM_CACHE_DIR=" + t.TempDir()},
				"generate", "--week", "1", "--engine", "openai", "--model", "m", "--base-url", srv.URL+"/v1")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case <-model.asked:
			case err := <-exited:
				t.Fatalf("the run ended (%v) before asking the model:\n%s", err, stderr.String())
			}
			// The run is waiting for the model: it has the lock, has read
			// the notes, and has written nothing.
			want := fmt.Sprintf("pid %d,", cmd.Process.Pid)
			if b, err := os.ReadFile(filepath.Join(repo, ".moim", "lock")); err != nil || !strings.HasPrefix(string(b), want) {
				t.Errorf("lock file %q (%v), want it to name %s", b, err, want)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := <-exited
			code := cmd.ProcessState.ExitCode()
			if sig == syscall.SIGINT {
				if code != 130 || !strings.Contains(stderr.String(), "interrupted: stopped before writing") {
					t.Errorf("exit %d (%v), stderr:\n%s", code, err, stderr.String())
				}
			} else if err == nil {
				t.Errorf("killed run exited normally")
			}
			if got := read(t, repo, "weeks/week01/ai-insights.md"); got != before {
				t.Error("week 1's document changed")
			}
			assertNoDebrisFiles(t, repo)
			l, err := fsutil.LockRepo(context.Background(), repo, 0)
			if err != nil {
				t.Fatalf("lock not released: %v", err)
			}
			if err := l.Unlock(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// stalledModel is an OpenAI-compatible server that lists its model and
// then holds every completion request until the client goes away or
// release is closed; asked is closed when the first one arrives.
type stalledModel struct {
	asked, release chan struct{}
	once           sync.Once
}

func newStalledModel() *stalledModel {
	return &stalledModel{asked: make(chan struct{}), release: make(chan struct{})}
}

func (m *stalledModel) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models") {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"object":"list","data":[{"id":"m","object":"model","created":0,"owned_by":"test"}]}`)
		return
	}
	// Reading the whole body lets the server notice when the client
	// hangs up (it then cancels r.Context()).
	if _, err := io.Copy(io.Discard, r.Body); err != nil {
		return
	}
	m.once.Do(func() { close(m.asked) })
	select {
	case <-r.Context().Done():
	case <-m.release:
	}
}
