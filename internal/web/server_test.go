package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/workspace"
)

var (
	fixtureOnce sync.Once
	fixtureRoot string
	fixtureSite *Site
)

// sharedFixture is one fixture repository and site for the read-only
// tests (analysis is the slow part; it is done once).
func sharedFixture(t *testing.T) (string, *Site) {
	t.Helper()
	fixtureOnce.Do(func() {
		dir, err := os.MkdirTemp("", "moim-web-fixture-")
		if err != nil {
			t.Fatal(err)
		}
		for name, b := range fixture {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fixtureRoot = dir
		fixtureSite, err = New(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
	})
	if fixtureSite == nil {
		t.Fatal("fixture site could not be made")
	}
	return fixtureRoot, fixtureSite
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureRoot != "" {
		os.RemoveAll(fixtureRoot)
	}
	os.Exit(code)
}

func TestFixtureWorkspace(t *testing.T) {
	root, _ := sharedFixture(t)
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range ws.Members {
		names = append(names, m.Name)
	}
	if want := []string{"한가람", "윤보라", "서진우"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("members = %v, want %v", names, want)
	}
	if len(ws.Weeks) != 2 || len(ws.Weeks[0].Notes) != 3 || len(ws.Weeks[1].Notes) != 2 {
		t.Fatalf("weeks = %+v", ws.Weeks)
	}
}

func TestRoutes(t *testing.T) {
	_, s := sharedFixture(t)
	h := s.Handler()
	slug := slugFor(t, s, "한가람")
	tests := []struct {
		target string
		code   int
		ctype  string
		want   []string
	}{
		{"/", 200, "text/html; charset=utf-8", []string{"주차 × 멤버", "한가람", "미제출", "일정표", "벡터 데이터베이스", "발표자"}},
		{"/week/1", 200, "text/html; charset=utf-8", []string{"멤버 × 개념 히트맵", `<table class="hm">`, "핵심 인사이트", "통합 토론 주제", `class="sources"`}},
		{"/week/2", 200, "text/html; charset=utf-8", []string{"서진우", "이번 주 노트가 제출되지 않았습니다."}},
		{"/member/" + slug, 200, "text/html; charset=utf-8", []string{"추가 학습 백로그", "1주차", "2주차"}},
		{"/concepts", 200, "text/html; charset=utf-8", []string{`<svg class="cc"`, "임베딩"}},
		{"/note?path=weeks/week01/study-note-HGR.md&line=3", 200, "text/html; charset=utf-8", []string{`<article class="md" data-target="3">`, `<h1 id="L1">`, `<li id="L5">`, `id="L3"`}},
		{"/note?path=weeks/week01/study-note-HGR.md&line=3&view=raw", 200, "text/html; charset=utf-8", []string{`class="ln hit" id="L3"`, `<pre class="file">`}},
		{"/static/app.css", 200, "text/css; charset=utf-8", []string{"prefers-color-scheme: dark"}},
		{"/static/app.js", 200, "text/javascript; charset=utf-8", []string{"use strict"}},
		{"/static/favicon.svg", 200, "image/svg+xml", []string{"<svg"}},
		{"/week/9", 404, "text/html; charset=utf-8", []string{"9주차가 없습니다"}},
		{"/week/abc", 404, "text/html; charset=utf-8", nil},
		{"/member/nobody", 404, "text/html; charset=utf-8", nil},
		{"/note?path=weeks/week01/study-note-HGR.md&line=x", 400, "text/html; charset=utf-8", nil},
		{"/static/missing.js", 404, "", nil},
		{"/nothing/here", 404, "text/html; charset=utf-8", []string{"페이지를 찾을 수 없습니다"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res := get(t, h, "GET", tt.target)
			b := body(t, res)
			if res.StatusCode != tt.code {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, tt.code, b)
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tt.ctype)
			}
			mustContain(t, b, tt.target, tt.want...)
		})
	}
}

func slugFor(t *testing.T, s *Site, name string) string {
	t.Helper()
	snap, err := s.refresh()
	if err != nil {
		t.Fatal(err)
	}
	return snap.slugFor(name)
}

func TestSecurityHeaders(t *testing.T) {
	_, s := sharedFixture(t)
	h := s.Handler()
	for _, target := range []string{"/", "/week/1", "/static/app.js", "/nothing", "/note?path=../x"} {
		res := get(t, h, "GET", target)
		if got := res.Header.Get("Content-Security-Policy"); got != CSP {
			t.Errorf("%s: CSP %q", target, got)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", target, got)
		}
		if res.Header.Get("Content-Type") == "" {
			t.Errorf("%s: no Content-Type", target)
		}
	}
	if !strings.Contains(CSP, "default-src 'self'") || strings.Contains(CSP, "unsafe-inline") {
		t.Errorf("CSP %q", CSP)
	}
}

func TestMethods(t *testing.T) {
	_, s := sharedFixture(t)
	h := s.Handler()
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		for _, target := range []string{"/", "/week/1", "/static/app.js"} {
			res := get(t, h, m, target)
			if res.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", m, target, res.StatusCode)
			}
			if res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: Allow %q", m, target, res.Header.Get("Allow"))
			}
		}
	}
	res := get(t, h, "HEAD", "/week/1")
	if res.StatusCode != 200 || body(t, res) != "" || res.Header.Get("Content-Length") == "" {
		t.Errorf("HEAD /week/1: status %d, Content-Length %q", res.StatusCode, res.Header.Get("Content-Length"))
	}
}

func TestHostCheck(t *testing.T) {
	_, s := sharedFixture(t)
	h := s.Handler()
	tests := []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:8765", true},
		{"localhost:8765", true},
		{"LOCALHOST", true},
		{"[::1]:8765", true},
		{"127.0.0.2", true},
		{"evil.example:8765", false},
		{"192.168.0.10:8765", false},
		{"localhost.evil.example", false},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Code == 200; got != tt.ok {
			t.Errorf("Host %q: status %d", tt.host, rec.Code)
		}
	}
	any := &Site{root: s.root, opt: Options{AnyHost: true}, weeks: map[int]*weekData{}, pages: s.pages}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	req.Host = "evil.example"
	any.Handler().ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("AnyHost: status %d", rec.Code)
	}
}

// TestPathTraversal tries to read files that are not notes: nothing but the
// workspace's notes and insights documents is ever shown.
func TestPathTraversal(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("# 비밀\n\nSECRET-CONTENT-42 비밀 문장입니다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for k, v := range fixture {
		files[k] = v
	}
	files["weeks/week01/notes.txt"] = "SECRET-CONTENT-42 in a file that is not a note\n"
	files["private/TOPSECRET.md"] = "SECRET-CONTENT-42 outside the week folders\n"
	root := writeRepo(t, files)
	// A note that is a symbolic link to a file outside the repository, and
	// a link inside the repository to the outside folder.
	testutil.Symlink(t, secret, filepath.Join(root, "weeks", "week02", "study-note-SJW.md"))
	testutil.Symlink(t, outside, filepath.Join(root, "weeks", "week01", "outside"))
	// A week's 통합 정리 that is a link to the outside file.
	testutil.Symlink(t, secret, filepath.Join(root, "weeks", "week02", "summary.md"))
	s := newSite(t, root)
	h := s.Handler()
	// The same handler does serve a note: the refusals below are about
	// the paths, not a handler that refuses everything.
	if res := get(t, h, "GET", "/note?path=weeks/week01/study-note-HGR.md"); res.StatusCode != 200 || !strings.Contains(body(t, res), "코사인 유사도") {
		t.Fatalf("a note of the repository: status %d", res.StatusCode)
	}
	targets := []string{
		"/note?path=../" + filepath.Base(outside) + "/secret.md",
		"/note?path=" + secret,
		"/note?path=%2e%2e/%2e%2e/etc/passwd",
		"/note?path=..%2F..%2Fetc%2Fpasswd",
		"/note?path=/etc/passwd",
		"/note?path=weeks/week01/../../private/TOPSECRET.md",
		"/note?path=private/TOPSECRET.md",
		"/note?path=weeks/week01/notes.txt",
		"/note?path=README.md",
		"/note?path=weeks/week02/study-note-SJW.md",
		"/note?path=weeks/week01/outside/secret.md",
		"/note?path=weeks/week02/summary.md",
		"/file?path=weeks/week02/summary.md",
		"/file?path=../" + filepath.Base(outside) + "/secret.md",
		"/note?path=weeks%5Cweek01%5Cstudy-note-HGR.md",
		"/note?path=./weeks/week01/study-note-HGR.md",
		"/note?path=weeks//week01/study-note-HGR.md",
		"/note?path=",
		"/static/../private/TOPSECRET.md",
		"/static/%2e%2e/%2e%2e/go.mod",
		"/static/..%2f..%2fserver.go",
		"/static/..%5c..%5cserver.go",
		"/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/private/TOPSECRET.md",
		"/weeks/week01/study-note-HGR.md",
		"//etc/passwd",
	}
	for _, target := range targets {
		res := get(t, h, "GET", target)
		b := body(t, res)
		if res.StatusCode == 200 {
			t.Errorf("GET %s: status 200", target)
		}
		if strings.Contains(b, "SECRET-CONTENT") {
			t.Errorf("GET %s: secret in the response", target)
		}
		if strings.Contains(b, "root:x:0") || strings.Contains(b, "package web") {
			t.Errorf("GET %s: a file outside the notes was served", target)
		}
	}
	// Every page together never shows the outside file.
	for _, target := range []string{"/", "/week/1", "/week/2", "/concepts", "/member/" + slugFor(t, s, "서진우")} {
		if b := body(t, get(t, h, "GET", target)); strings.Contains(b, "SECRET-CONTENT") {
			t.Errorf("GET %s shows the secret", target)
		}
	}
}

// TestEscaping checks that note text with markup arrives as text.
// TestEscaping checks that note text with markup arrives as text, or, in
// the rendered note, as markup that can do nothing.
func TestEscaping(t *testing.T) {
	_, s := sharedFixture(t)
	h := s.Handler()
	const sjw = "/note?path=weeks/week01/study-note-SJW.md"
	pages := []string{"/week/1", sjw, sjw + "&view=raw", "/concepts", "/member/" + slugFor(t, s, "서진우"), "/"}
	dangerous := regexp.MustCompile(`(?i)<script>window|<[a-z]+[^>]*\son[a-z]+=|href="javascript:`)
	for _, target := range pages {
		b := body(t, get(t, h, "GET", target))
		if m := dangerous.FindString(b); m != "" {
			t.Errorf("%s: unescaped markup %q", target, m)
		}
		// Only the site's own script is referenced.
		for _, m := range regexp.MustCompile(`<script[^>]*>`).FindAllString(b, -1) {
			if !strings.Contains(m, `src="/static/app.js"`) {
				t.Errorf("%s: script tag %q", target, m)
			}
		}
	}
	// The rendered note: the payloads are gone, the note's text and its
	// image from the repository stay.
	note := body(t, get(t, h, "GET", sjw))
	article := regexp.MustCompile(`(?s)<article class="md"[^>]*>(.*)</article>`).FindStringSubmatch(note)
	if article == nil {
		t.Fatal("no rendered note")
	}
	if bad := activeMarkup(article[1]); bad != "" {
		t.Errorf("rendered note: %s", bad)
	}
	mustContain(t, article[1], "rendered note", "를 눌러도 아무 일도 없어야 한다", `<img src="/file?path=weeks%2Fweek01%2Fimages%2Fspace.png"`,
		"<strong>임베딩</strong>", "<b>문맥</b>", "<code>&lt;img src=x onerror=window.__xss=5&gt;</code>")
	// The numbered view shows the payloads as text.
	raw := body(t, get(t, h, "GET", sjw+"&view=raw"))
	mustContain(t, raw, "raw note page",
		"&lt;script&gt;window.__xss = 1&lt;/script&gt;",
		"&lt;img src=&#34;x&#34; onerror=&#34;window.__xss = 2&#34;&gt;",
		"[위험한 링크](javascript:window.__xss=3)")
}

func TestInlineHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"**굵게** 그리고 `코드`", "<strong>굵게</strong> 그리고 <code>코드</code>"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"**<img src=x onerror=alert(1)>**", "<strong>&lt;img src=x onerror=alert(1)&gt;</strong>"},
		{"`<b>`와 \"따옴표\" & 'x'", "<code>&lt;b&gt;</code>와 &#34;따옴표&#34; &amp; &#39;x&#39;"},
		{"**열린 굵게", "**열린 굵게"},
	}
	for _, tt := range tests {
		if got := string(inlineHTML(tt.in)); got != tt.want {
			t.Errorf("inlineHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWeekMatchesOffline keeps the web view's result identical to what
// `moim generate` (the offline engine) produces, and checks that the view
// has the week's analysis for its heatmap.
func TestWeekMatchesOffline(t *testing.T) {
	root := testutil.CopyDemo(t)
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := newSite(t, root).refresh()
	if err != nil {
		t.Fatal(err)
	}
	for i := range ws.Weeks {
		pw, err := pipeline.Load(ws, &ws.Weeks[i], "", "")
		if err != nil {
			t.Fatal(err)
		}
		want, err := pw.Generate(context.Background(), offline.New())
		if err != nil {
			t.Fatal(err)
		}
		a, err := snap.week(ws.Weeks[i].Number).analyse(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a.res, want) {
			gj, err := json.MarshalIndent(a.res, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			wj, err := json.MarshalIndent(want, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			t.Errorf("week %d: the web view's result differs from the offline engine's:\n%s", ws.Weeks[i].Number, testutil.FirstDiff(string(gj), string(wj)))
		}
		if a.aw == nil || len(a.aw.Concepts) == 0 {
			t.Errorf("week %d: no concept matrix", ws.Weeks[i].Number)
		}
	}
}

// TestEachWeekAnalysedOnce: serving every page, reloading them, and writing
// the static site analyse each week with notes exactly once.
func TestEachWeekAnalysedOnce(t *testing.T) {
	var analysed testutil.Counter
	pipeline.Analysed = analysed.Add
	t.Cleanup(func() { pipeline.Analysed = nil })

	root := testutil.CopyDemo(t)
	s := newSite(t, root)
	snap, err := s.refresh()
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"/", "/week/1", "/week/2", "/concepts"}
	for _, m := range snap.memberRefs() {
		pages = append(pages, "/member/"+m.Slug)
	}
	h := s.Handler()
	for range 2 {
		for _, p := range pages {
			if res := get(t, h, "GET", p); res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", p, res.StatusCode)
			}
		}
	}
	if _, err := s.WriteSite(context.Background(), t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if got, want := analysed.Counts(), map[int]int{1: 1, 2: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("analyses per week = %v, want %v", got, want)
	}
}

// TestWeekGetsNextWeeksAnalysis: the engine of a week's page gets the
// next week's analysis, made once for both pages, instead of reading next
// week's notes again (TestWeekMatchesOffline: with the same result).
func TestWeekGetsNextWeeksAnalysis(t *testing.T) {
	var analysed testutil.Counter
	pipeline.Analysed = analysed.Add
	t.Cleanup(func() { pipeline.Analysed = nil })

	h := newSite(t, testutil.CopyDemo(t)).Handler()
	if res := get(t, h, "GET", "/week/1"); res.StatusCode != http.StatusOK {
		t.Fatalf("/week/1: %d", res.StatusCode)
	}
	if got, want := analysed.Counts(), map[int]int{1: 1, 2: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("after week 1's page, analyses per week = %v, want %v", got, want)
	}
	if res := get(t, h, "GET", "/week/2"); res.StatusCode != http.StatusOK {
		t.Fatalf("/week/2: %d", res.StatusCode)
	}
	if got, want := analysed.Counts(), map[int]int{1: 1, 2: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("after week 2's page, analyses per week = %v, want %v", got, want)
	}
}

// TestFreshData edits the repository between requests: the pages follow
// without a restart, and the document status follows generate.
func TestFreshData(t *testing.T) {
	root := writeRepo(t, fixture)
	s := newSite(t, root)
	h := s.Handler()
	statusOf := func(week int) string {
		t.Helper()
		b := body(t, get(t, h, "GET", "/"))
		re := regexp.MustCompile(`(?s)<tr id="week-` + itoa(week) + `">.*?<span class="status (\w+)">`)
		m := re.FindStringSubmatch(b)
		if m == nil {
			t.Fatalf("no status for week %d", week)
		}
		return m[1]
	}
	if got := statusOf(1); got != StatusMissing {
		t.Fatalf("before generate: %s", got)
	}
	generateWeek1(t, root)
	if got := statusOf(1); got != StatusFresh {
		t.Fatalf("after generate: %s", got)
	}
	before := s.weeks[1].an
	// Unchanged notes are not analysed again.
	body(t, get(t, h, "GET", "/week/1"))
	if s.weeks[1].an != before {
		t.Error("unchanged week was analysed again")
	}
	// Edit a note: the week page shows the new sentence, the document is stale.
	p := filepath.Join(root, "weeks", "week01", "study-note-HGR.md")
	old := mustRead(t, p)
	add := "\n## 새로 깨달은 점\n\n- **양자화 임베딩**은 저장 공간을 크게 줄이는 핵심 기법이다.\n"
	if err := os.WriteFile(p, append(old, add...), 0o644); err != nil {
		t.Fatal(err)
	}
	b := body(t, get(t, h, "GET", "/week/1"))
	mustContain(t, b, "week 1 after edit", "양자화 임베딩")
	if got := statusOf(1); got != StatusStale {
		t.Fatalf("after editing a note: %s", got)
	}
	// A new member note appears on the overview.
	mustWrite(t, filepath.Join(root, "weeks", "week02", "study-note-SJW.md"), []byte("# 2주차\n\n- 벡터 검색은 재현율과 지연 시간의 균형이 중요하다.\n"))
	b = body(t, get(t, h, "GET", "/"))
	re := regexp.MustCompile(`(?s)<tr id="week-2">(.*?)</tr>`)
	if m := re.FindStringSubmatch(b); m == nil || strings.Contains(m[1], "미제출") {
		t.Errorf("week 2 still shows a missing note after it was added")
	}
	// A hand-written document is reported as such.
	mustWrite(t, filepath.Join(root, "weeks", "week02", "ai-insights.md"), []byte("# 2주차 정리\n\n직접 쓴 정리입니다.\n"))
	if got := statusOf(2); got != StatusHandmade {
		t.Errorf("hand-written document: %s", got)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestBacklog(t *testing.T) {
	_, s := sharedFixture(t)
	b := body(t, get(t, s.Handler(), "GET", "/member/"+slugFor(t, s, "한가람")))
	re := regexp.MustCompile(`(?s)<ol class="backlog">(.*?)</ol>`)
	m := re.FindStringSubmatch(b)
	if m == nil {
		t.Fatal("no backlog list")
	}
	var item string
	for _, li := range strings.Split(m[1], `<div class="bl-head">`) {
		if strings.Contains(li, "인덱스 구조") {
			item = li
		}
	}
	if item == "" {
		t.Fatalf("the week-1 question is not in the backlog:\n%s", m[1])
	}
	mustContain(t, item, "backlog item", `class="addressed"`, "2주차", "윤보라", "HNSW")
	if strings.Contains(item, `<span class="open">열림</span>`) {
		t.Error("answered question is still open")
	}
}

func TestSlugsAndNames(t *testing.T) {
	byName, bySlug := memberSlugs([]workspace.Member{
		{Name: "한가람", Roman: "Han Ga-Ram"},
		{Name: "한가람2", Roman: "Han Ga-Ram"},
		{Name: "윤보라", GitHub: "bora-yoon"},
		{Name: "김"},
		{Name: "서하린"}, // found in a file name: no roman yet
		{Name: "宋"},
		{Name: "q1-트랜잭션"},
	})
	// Readable slugs: never "member-member-1".
	want := map[string]string{"한가람": "han-ga-ram", "한가람2": "han-ga-ram-2", "윤보라": "bora-yoon", "김": "kim",
		"서하린": "seo-ha-rin", "宋": "6", "q1-트랜잭션": "q1"}
	if !reflect.DeepEqual(byName, want) {
		t.Errorf("slugs = %v, want %v", byName, want)
	}
	if len(bySlug) != len(byName) {
		t.Errorf("slugs not unique: %v", bySlug)
	}
	seen := map[string]string{}
	safe := regexp.MustCompile(`^[a-z0-9-]+\.html$`)
	for _, p := range []string{"weeks/week01/a.md", "weeks/week01/a-md", "weeks-week01-a.md", "주차/노트.md", "../../x.md", "a/b.md.md"} {
		f := noteFile(p)
		if !safe.MatchString(f) {
			t.Errorf("noteFile(%q) = %q: not a plain file name", p, f)
		}
		if other, ok := seen[f]; ok {
			t.Errorf("noteFile(%q) = noteFile(%q) = %q", p, other, f)
		}
		seen[f] = p
	}
}

// TestAnalysisFollowsOtherWeeks: a week's analysis compares its terms with
// the study's other weeks (the study background), so a note edited in any
// week, not only this one or the next, makes it analyse again, and the new
// analysis sees the edit.
func TestAnalysisFollowsOtherWeeks(t *testing.T) {
	root := testutil.CopyDemo(t)
	for _, w := range []string{"week03", "week04"} {
		if err := os.CopyFS(filepath.Join(root, "weeks", w), os.DirFS(filepath.Join(root, "weeks", "week01"))); err != nil {
			t.Fatal(err)
		}
	}
	const term = "양자화스케줄러"
	mention := "\n- " + term + "는 학습률을 단계마다 바꾼다.\n"
	appendTo := func(week string) {
		t.Helper()
		dir := filepath.Join(root, "weeks", week)
		notes, err := filepath.Glob(filepath.Join(dir, "study-note-*.md"))
		if err != nil || len(notes) == 0 {
			t.Fatalf("no notes in %s: %v", dir, err)
		}
		mustWrite(t, notes[0], append(mustRead(t, notes[0]), mention...))
	}
	appendTo("week02")
	s := newSite(t, root)
	widespread := func() (bool, *analysis) {
		t.Helper()
		snap, err := s.refresh()
		if err != nil {
			t.Fatal(err)
		}
		a, err := snap.week(1).analyse(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return a.aw.Widespread(term), a
	}
	if w, _ := widespread(); w {
		t.Fatalf("%s is widespread for week 1 while only week 2 of weeks 2-4 uses it", term)
	}
	_, before := widespread()
	appendTo("week03")
	appendTo("week04")
	w, after := widespread()
	if after == before {
		t.Fatal("week 1 kept its analysis after notes of weeks 3 and 4 changed")
	}
	if !w {
		t.Errorf("%s is not widespread for week 1 after weeks 2-4 all use it", term)
	}
	if _, again := widespread(); again != after {
		t.Error("week 1 was analysed again with no note changed")
	}
}

// TestWorkspaceReusedUntilChanged: in a repository nobody is editing, a
// request does not discover the workspace again; when a note changes or
// one is added, the next request does and shows it.
func TestWorkspaceReusedUntilChanged(t *testing.T) {
	root := testutil.CopyDemo(t)
	testutil.AgeTree(t, root)
	s := newSite(t, root)
	h := s.Handler()
	page := func(path string) string {
		t.Helper()
		res := get(t, h, "GET", path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		return body(t, res)
	}
	page("/week/1")
	opened := s.opened
	if opened == nil {
		t.Fatal("no workspace kept after a request")
	}
	page("/week/1")
	page("/")
	if s.opened != opened {
		t.Error("the workspace was discovered again with nothing changed")
	}
	notes, err := filepath.Glob(filepath.Join(root, "weeks", "week01", "study-note-*.md"))
	if err != nil || len(notes) == 0 {
		t.Fatalf("no notes in week 1: %v", err)
	}
	const added = "양자화스케줄러는 학습률을 단계마다 바꾼다."
	mustWrite(t, notes[0], append(mustRead(t, notes[0]), "\n- "+added+"\n"...))
	mustContain(t, page("/note?path="+url.QueryEscape("weeks/week01/"+filepath.Base(notes[0]))), "edited note", "양자화스케줄러")
	if s.opened == opened {
		t.Error("the workspace was kept after a note changed")
	}
	mustWrite(t, filepath.Join(root, "weeks", "week02", "study-note-SJW.md"), []byte("# 2주차\n\n- 벡터 검색은 재현율과 지연 시간의 균형이 중요하다.\n"))
	page("/")
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(s.opened.Weeks[1].Notes), len(ws.Weeks[1].Notes); got != want {
		t.Errorf("after a note was added, the site's workspace has %d notes in week 2, a new Open %d", got, want)
	}
}

// TestPanicInAnalysisIsTheWeeksError: a panic in a week's analysis (a bug
// in moim) becomes that week's error instead of ending the run, whether
// the analyses run as one plan or a page asks for its week.
func TestPanicInAnalysisIsTheWeeksError(t *testing.T) {
	pipeline.Analysed = func(week int) {
		if week == 2 {
			panic("analysis broke")
		}
	}
	t.Cleanup(func() { pipeline.Analysed = nil })

	s := newSite(t, testutil.CopyDemo(t))
	snap, err := s.refresh()
	if err != nil {
		t.Fatal(err)
	}
	got := snap.analyseAll(context.Background())
	if _, ok := got[2]; ok {
		t.Error("week 2's analysis succeeded although it panicked")
	}
	wd := snap.week(2)
	if wd == nil {
		t.Fatal("no week 2 in the demo")
	}
	_, err = wd.analyse(context.Background())
	var pe *pipeline.PanicError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "analysis broke") {
		t.Errorf("week 2's error = %v, want the panic as a *pipeline.PanicError", err)
	}
	if res := get(t, s.Handler(), "GET", "/week/2"); res.StatusCode == http.StatusOK {
		t.Errorf("/week/2 answered %d for a week whose analysis failed", res.StatusCode)
	}
}
