package ci

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
)

// The action's steps run against the demo study repository
// (examples/ml-study) in a temporary git repository whose origin is a
// bare repository, so pushes and commits can be checked.

// studyRepo copies the demo's notes, README and template (not documents a
// local run wrote) into a git repository on main with a bare origin, and
// returns the working copy and the origin.
func studyRepo(t *testing.T) (work, origin string) {
	t.Helper()
	work = testutil.CopyDemo(t)
	return work, pushed(t, work, "notes for weeks 1 and 2")
}

// pushed makes work a git repository on main, commits everything in it
// and pushes it to a new bare repository, its origin, which it returns.
func pushed(t *testing.T, work, message string) (origin string) {
	t.Helper()
	origin = filepath.Join(t.TempDir(), "origin.git")
	git(t, work, "init", "-q", "--bare", "-b", "main", origin)
	git(t, work, "init", "-q", "-b", "main")
	git(t, work, "add", "-A")
	git(t, work, "commit", "-q", "-m", message)
	git(t, work, "remote", "add", "origin", origin)
	git(t, work, "push", "-q", "origin", "main")
	return origin
}

// git runs git as a member of the study group.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Member", "-c", "user.email=member@example.com"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func must(t *testing.T, r actionRun, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d (step %q), want %d\n--- summary ---\n%s\n--- log ---\n%s", r.code, r.failed, code, r.summary, r.log)
	}
}

func contains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

func golden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testutil.ModuleRoot(t), "cmd", "moim", "testdata", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestActionCheckGenerateCommit is the check and regenerate recipes on the
// demo: check fails naming the missing weeks; generate writes exactly the
// documents moim's end-to-end golden files hold and pushes them in one
// commit; check then passes; a person's edit survives the next regeneration,
// which touches only the week whose notes changed.
func TestActionCheckGenerateCommit(t *testing.T) {
	work, origin := studyRepo(t)

	// A pull request on a repository without documents: check fails.
	r := runAction(t, work, map[string]string{"command": "check"}, nil, event{Name: "pull_request", Ref: "refs/pull/3/merge", RefName: "3/merge"})
	must(t, r, 1)
	contains(t, "summary", r.summary,
		"### moim check: 2 week(s) need `moim generate`: week 1, week 2",
		"| 1 | ❌ **missing** | `weeks/week01/ai-insights.md` |",
		"| 2 | ❌ **missing** | `weeks/week02/ai-insights.md` |",
		"moim generate --week 1 --week 2")
	contains(t, "log", r.log, "::error title=moim check::week 1, week 2: ")
	if r.outputs["weeks"] != "1 2" {
		t.Errorf("weeks output %q, want \"1 2\"", r.outputs["weeks"])
	}

	// A push to main: generate the stale weeks and commit them.
	before := git(t, origin, "rev-parse", "main")
	r = runAction(t, work, map[string]string{"command": "generate"}, nil, pushToMain)
	must(t, r, 0)
	head := git(t, origin, "rev-parse", "main")
	if head == before || r.outputs["commit"] != head || r.outputs["changed"] != "true" {
		t.Fatalf("origin/main %s (was %s); outputs %v", head, before, r.outputs)
	}
	if got := git(t, origin, "log", "-1", "--format=%an <%ae>|%s", "main"); got != "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|moim: update insights documents" {
		t.Errorf("commit by/subject %q", got)
	}
	if got := git(t, origin, "show", "--name-only", "--format=", "main"); got != "weeks/week01/ai-insights.md\nweeks/week02/ai-insights.md" {
		t.Errorf("the commit holds %q, want the two documents only", got)
	}
	for n, name := range map[string]string{"01": "demo-week01.md", "02": "demo-week02.md"} {
		if got := git(t, origin, "show", "main:weeks/week"+n+"/ai-insights.md"); got != strings.TrimSpace(golden(t, name)) {
			t.Errorf("committed week %s differs from cmd/moim/testdata/golden/%s", n, name)
		}
	}
	if r.outputs["files"] != "weeks/week01/ai-insights.md\nweeks/week02/ai-insights.md" || r.outputs["weeks"] != "1 2" {
		t.Errorf("outputs %q", r.outputs)
	}
	contains(t, "summary", r.summary,
		"### moim generate: wrote 2 document(s)",
		"| 1 | `weeks/week01/ai-insights.md` | 4/4 notes, ",
		"| 2 | `weeks/week02/ai-insights.md` | 3/4 notes, ",
		"Committed `"+head[:12]+"` to `main`:")

	// Nothing changed since: check passes, generate does nothing.
	r = runAction(t, work, map[string]string{"command": "check"}, nil, pushToMain)
	must(t, r, 0)
	contains(t, "summary", r.summary, "### moim check: every week's document is up to date", "| 2 | ✅ fresh |")
	r = runAction(t, work, map[string]string{"command": "generate"}, nil, pushToMain)
	must(t, r, 0)
	contains(t, "summary", r.summary, "### moim generate: nothing to do")
	if got := git(t, origin, "rev-parse", "main"); got != head || r.outputs["changed"] != "" && r.outputs["changed"] != "false" {
		t.Errorf("nothing to do, yet origin/main moved to %s or changed=%q", got, r.outputs["changed"])
	}

	// A member edits week 2's document and another member's note changes
	// (as a merged pull request would): only week 2 is regenerated, and the
	// person's line stays.
	doc2 := filepath.Join(work, "weeks", "week02", "ai-insights.md")
	b, _ := os.ReadFile(doc2)
	edited := strings.Replace(string(b), "### 공통 질문\n", "### 공통 질문\n- 사람이 추가한 질문: 배포 전에 무엇을 점검할까?\n", 1)
	if edited == string(b) {
		t.Fatal("week 2 has no 공통 질문 section to edit")
	}
	os.WriteFile(doc2, []byte(edited), 0o644)
	note := filepath.Join(work, "weeks", "week02", "study-note-PJM.md")
	nb, _ := os.ReadFile(note)
	os.WriteFile(note, append(nb, []byte("\n## 추가\n\n- **모델 모니터링**은 배포 뒤에도 계속해야 한다.\n")...), 0o644)
	git(t, work, "commit", "-q", "-am", "week 2: a question and more notes")
	git(t, work, "push", "-q", "origin", "main")

	r = runAction(t, work, map[string]string{"command": "generate"}, nil, pushToMain)
	must(t, r, 0)
	if r.outputs["weeks"] != "2" || r.outputs["files"] != "weeks/week02/ai-insights.md" {
		t.Errorf("regenerated %q (%q), want week 2 only", r.outputs["weeks"], r.outputs["files"])
	}
	got := git(t, origin, "show", "main:weeks/week02/ai-insights.md")
	contains(t, "week 2 after regeneration", got, "- 사람이 추가한 질문: 배포 전에 무엇을 점검할까?", "모델 모니터링")
	if strings.Count(got, "사람이 추가한 질문") != 1 {
		t.Error("the person's line is duplicated")
	}
}

// TestActionPullRequest is the regenerate recipe with changes:
// pull-request: the documents go to a branch, and gh opens a pull request
// the first time and finds it open the next time.
func TestActionPullRequest(t *testing.T) {
	work, origin := studyRepo(t)
	bin := t.TempDir()
	ghLog := filepath.Join(bin, "gh.log")
	fakeGH := `#!/usr/bin/env bash
# A stand-in for GitHub's gh: records its arguments and the token.
printf '%s|GH_TOKEN=%s\n' "$*" "$GH_TOKEN" >> "` + ghLog + `"
state="` + filepath.Join(bin, "open-pr") + `"
case "$1 $2" in
  "pr list") cat "$state" 2>/dev/null || true ;;
  "pr create") echo "https://github.com/study-group/ml-study/pull/7" | tee "$state" ;;
  *) echo "fake gh: unexpected $*" >&2; exit 1 ;;
esac
`
	if err := os.WriteFile(filepath.Join(bin, "gh"), []byte(fakeGH), 0o755); err != nil {
		t.Fatal(err)
	}
	main := git(t, origin, "rev-parse", "main")
	with := map[string]string{"command": "generate", "changes": "pull-request", "weeks": "all"}
	r := runAction(t, work, with, nil, pushToMain, bin)
	must(t, r, 0)
	if got := git(t, origin, "rev-parse", "main"); got != main {
		t.Error("pull-request mode pushed to main")
	}
	if got := git(t, origin, "show", "--name-only", "--format=%s", "moim/update-insights"); got != "moim: update insights documents\n\nweeks/week01/ai-insights.md\nweeks/week02/ai-insights.md" {
		t.Errorf("branch moim/update-insights holds %q", got)
	}
	if r.outputs["pull-request-url"] != "https://github.com/study-group/ml-study/pull/7" || r.outputs["commit"] != "" {
		t.Errorf("outputs %v", r.outputs)
	}
	calls, _ := os.ReadFile(ghLog)
	contains(t, "gh calls", string(calls),
		"pr list --head moim/update-insights --base main --state open",
		"pr create --head moim/update-insights --base main --title moim: update insights documents --body moim regenerated these documents",
		"GH_TOKEN=test-token-not-a-secret")
	contains(t, "summary", r.summary, "Pull request: https://github.com/study-group/ml-study/pull/7")

	// The next run with new notes updates the same branch; gh finds the
	// pull request open and none is created.
	os.WriteFile(filepath.Join(work, "weeks", "week02", "study-note-KMS.md"), []byte("# 2주차\n\n- **특성 저장소**는 학습과 서빙의 특성을 맞춘다.\n"), 0o644)
	git(t, work, "add", "-A")
	git(t, work, "commit", "-q", "-m", "week 2: a late note")
	git(t, work, "push", "-q", "origin", "HEAD:main")
	git(t, work, "checkout", "-q", "main")
	git(t, work, "reset", "-q", "--hard", "origin/main")
	r = runAction(t, work, map[string]string{"command": "generate", "changes": "pull-request"}, nil, pushToMain, bin)
	must(t, r, 0)
	calls, _ = os.ReadFile(ghLog)
	if n := strings.Count(string(calls), "pr create"); n != 1 {
		t.Errorf("gh pr create called %d times, want once:\n%s", n, calls)
	}
	contains(t, "log", r.log, "moim: updated https://github.com/study-group/ml-study/pull/7")
	contains(t, "branch", git(t, origin, "show", "moim/update-insights:weeks/week02/ai-insights.md"), "특성 저장소")
}

func TestActionSite(t *testing.T) {
	work, _ := studyRepo(t)
	r := runAction(t, work, map[string]string{"command": "site"}, nil, pushToMain)
	must(t, r, 0)
	dir := r.outputs["site-dir"]
	if dir == "" || !strings.HasPrefix(dir, runnerTemp(t)) {
		t.Fatalf("site-dir %q, want a folder under RUNNER_TEMP", dir)
	}
	for _, f := range []string{"index.html", "week-01.html", "week-02.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("site lacks %s: %v", f, err)
		}
	}
	if !regexp.MustCompile(`### moim site\n\nmoim: wrote \d+ files to `).MatchString(r.summary) {
		t.Errorf("summary %q", r.summary)
	}
	if out := git(t, work, "status", "--porcelain"); out != "" {
		t.Errorf("site wrote into the repository: %s", out)
	}
}

// TestActionErrors: mistakes in the workflow fail with exit 2 and say why
// in the summary; the API key from a secret reaches the engine under the
// name moim reads, and appears nowhere.
func TestActionErrors(t *testing.T) {
	work, _ := studyRepo(t)
	for _, c := range []struct {
		name string
		with map[string]string
		env  map[string]string
		want string
	}{
		{"unknown command", map[string]string{"command": "publish"}, nil, `command "publish": use check, generate or site`},
		{"missing folder", map[string]string{"command": "check", "repo": "nope"}, nil, `repo "nope": no such folder`},
		{"bad weeks", map[string]string{"command": "generate", "weeks": "2;rm"}, nil, `weeks "2;rm": use stale, all, latest`},
		{"percent in a message", map[string]string{"command": "generate", "weeks": "5%"}, nil, `weeks "5%": use stale`},
		{"secret not passed", map[string]string{"command": "generate", "engine": "anthropic"}, nil,
			"needs an API key: add the repository secret ANTHROPIC_API_KEY and pass it to this step with env: ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}"},
		{"commit from a pull request", map[string]string{"command": "generate", "weeks": "1"}, nil, "cannot publish from a pull request"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ev := pushToMain
			if strings.Contains(c.name, "pull request") {
				ev = event{Name: "pull_request", Ref: "refs/pull/3/merge", RefName: "3/merge"}
			}
			r := runAction(t, work, c.with, c.env, ev)
			must(t, r, 2)
			contains(t, "summary", r.summary, c.want)
			contains(t, "log", r.log, "::error title=moim")
			if strings.Contains(c.name, "percent") {
				// Workflow command messages escape %, CR and LF.
				contains(t, "log", r.log, `::error title=moim generate::weeks "5%25": use stale`)
			}
		})
	}
	git(t, work, "reset", "-q", "--hard")
	git(t, work, "clean", "-qfd")

	// The key named by api-key-secret goes to moim as OPENAI_API_KEY: a
	// local server that rejects it sees it, and moim fails before writing.
	secret := "team-secret-0123456789"
	seen := make(chan string, 8)
	srv := rejectingServer(t, seen)
	r := runAction(t, work, map[string]string{"command": "generate", "engine": "openai", "api-key-secret": "TEAM_KEY", "base-url": srv},
		map[string]string{"TEAM_KEY": secret}, pushToMain)
	must(t, r, 2)
	select {
	case auth := <-seen:
		if auth != "Bearer "+secret {
			t.Errorf("the server got Authorization %q", auth)
		}
	default:
		t.Fatal("moim sent no request to the server")
	}
	contains(t, "summary", r.summary, "moim generate failed (exit 2)", "rejected the API key")
	if strings.Contains(r.summary+r.log, secret) {
		t.Error("the API key appears in the summary or the log")
	}
	if out := git(t, work, "status", "--porcelain"); out != "" {
		t.Errorf("a failed run changed the repository: %s", out)
	}
}

// rejectingServer is an OpenAI-compatible server on 127.0.0.1 that
// answers 401 to every request and sends each Authorization header to
// seen. It returns the base URL.
func rejectingServer(t *testing.T, seen chan<- string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case seen <- r.Header.Get("Authorization"):
		default:
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1"
}

// tracksRepo is a repository holding two studies (tracks), whose names have
// spaces and dots, in a git repository with a bare origin.
func tracksRepo(t *testing.T) (work, origin string) {
	t.Helper()
	work = t.TempDir()
	for name, body := range map[string]string{
		"README.md": "# 스터디 모음\n\n## 멤버\n\n- 한가람\n- 윤보라\n",
		"1. 데이터베이스/1회차/한가람.md": "# 인덱스\n\n**B-트리 인덱스**는 범위 검색에 강하다.\n",
		"1. 데이터베이스/1회차/윤보라.md": "# 인덱스\n\n해시 인덱스는 동등 비교에 빠르다.\n",
		"1. 데이터베이스/2회차/한가람.md": "# 트랜잭션\n\n**격리 수준**이 높을수록 동시성이 떨어진다.\n",
		"2. 네트워크/1회차/윤보라.md":   "# TCP\n\n**혼잡 제어**는 패킷 손실을 신호로 쓴다.\n",
	} {
		p := filepath.Join(work, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return work, pushed(t, work, "two studies")
}

// TestActionTracks: with several tracks, check names each week with its
// track, generate runs once per track with that track's stale weeks, and
// the track input narrows check to one track.
func TestActionTracks(t *testing.T) {
	work, origin := tracksRepo(t)
	r := runAction(t, work, map[string]string{"command": "check"}, nil, pushToMain)
	must(t, r, 1)
	contains(t, "summary", r.summary,
		"3 week(s) need `moim generate`: week 1 of 1. 데이터베이스, week 2 of 1. 데이터베이스, week 1 of 2. 네트워크",
		"| 2 of 1. 데이터베이스 | ❌ **missing** | `1. 데이터베이스/2회차/ai-insights.md` |",
		"moim generate --track '1. 데이터베이스' --week 1 --week 2; moim generate --track '2. 네트워크' --week 1")
	if want := "1 of 1. 데이터베이스, 2 of 1. 데이터베이스, 1 of 2. 네트워크"; r.outputs["weeks"] != want {
		t.Errorf("weeks output %q, want %q", r.outputs["weeks"], want)
	}

	// The track input narrows generate to one track; the other is then
	// the only one stale, and generate (all tracks) does just that one.
	r = runAction(t, work, map[string]string{"command": "generate", "track": "1. 데이터베이스"}, nil, pushToMain)
	must(t, r, 0)
	if r.outputs["files"] != "1. 데이터베이스/1회차/ai-insights.md\n1. 데이터베이스/2회차/ai-insights.md" {
		t.Errorf("track input: generated %q", r.outputs["files"])
	}
	r = runAction(t, work, map[string]string{"command": "generate"}, nil, pushToMain)
	must(t, r, 0)
	if r.outputs["files"] != "2. 네트워크/1회차/ai-insights.md" || r.outputs["weeks"] != "1 of 2. 네트워크" {
		t.Errorf("generated %q (weeks %q), want the second track's week only", r.outputs["files"], r.outputs["weeks"])
	}
	contains(t, "summary", r.summary, "| 1 of 2. 네트워크 | `2. 네트워크/1회차/ai-insights.md` | 1/1 notes, ")
	if got := git(t, origin, "log", "--format=%s", "main"); got != "moim: update insights documents\nmoim: update insights documents\ntwo studies" {
		t.Errorf("origin's history: %q", got)
	}
	r = runAction(t, work, map[string]string{"command": "check"}, nil, pushToMain)
	must(t, r, 0)
}
