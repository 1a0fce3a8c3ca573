package web

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestImageRoute: /file serves an image a shown note displays, with its
// type, and nothing else however the path is spelt.
func TestImageRoute(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.png"), []byte(tinyPNG), 0o644)
	root := writeRepo(t, fixtureWith(map[string]string{
		"weeks/week02/study-note-YBR.md": fixture["weeks/week02/study-note-YBR.md"] +
			"\n![가짜](images/fake.png) ![벡터](images/vector.svg) ![밖](images/out.png) ![숨김](.hidden/a.png)\n",
		"weeks/week02/images/fake.png":   "SECRET-CONTENT-42 not an image",
		"weeks/week02/images/vector.svg": `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
		"weeks/week02/.hidden/a.png":     tinyPNG,
		"weeks/week01/images/unused.png": tinyPNG,
	}))
	if err := os.Symlink(filepath.Join(outside, "secret.png"), filepath.Join(root, "weeks", "week02", "images", "out.png")); err != nil {
		t.Fatal(err)
	}
	h := newSite(t, root).Handler()
	res := get(t, h, "GET", "/file?path=weeks/week01/images/space.png")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" || body(t, res) != tinyPNG {
		t.Fatalf("the note's image: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res.Header.Get("Content-Security-Policy") != CSP || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("the image lacks the security headers")
	}
	for _, target := range []string{
		"/file?path=weeks/week01/images/unused.png", // no note shows it
		"/file?path=weeks/week02/images/fake.png",   // not an image
		"/file?path=weeks/week02/images/vector.svg", // SVG could run script
		"/file?path=weeks/week02/images/out.png",    // a link out of the repository
		"/file?path=weeks/week02/.hidden/a.png",
		"/file?path=weeks/week01/../week01/images/space.png",
		"/file?path=./weeks/week01/images/space.png",
		"/file?path=/weeks/week01/images/space.png",
		"/file?path=weeks%5Cweek01%5Cimages%5Cspace.png",
		"/file?path=" + filepath.Join(root, "weeks", "week01", "images", "space.png"),
		"/file?path=weeks/week01/study-note-HGR.md",
		"/file?path=README.md",
		"/file?path=",
		"/file",
	} {
		res := get(t, h, "GET", target)
		b := body(t, res)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, res.StatusCode)
		}
		if strings.Contains(b, "SECRET-CONTENT") || strings.Contains(b, "<svg xmlns") || strings.Contains(b, "\x89PNG") {
			t.Errorf("GET %s: served the file", target)
		}
	}
	// The note says which images it cannot show.
	note := body(t, get(t, h, "GET", "/note?path=weeks/week02/study-note-YBR.md"))
	mustContain(t, note, "note with unshown images", "이미지를 찾을 수 없습니다: 가짜", "이미지를 찾을 수 없습니다: 벡터",
		"이미지를 찾을 수 없습니다: 밖", "이미지를 찾을 수 없습니다: 숨김")
}

// TestWeekDocuments: the week page and the overview show the 통합 정리 and
// the presentation with their state and the schedule's people, and link
// them to their rendered pages.
func TestWeekDocuments(t *testing.T) {
	_, s := sharedFixture(t)
	h := s.Handler()
	week1 := body(t, get(t, h, "GET", "/week/1"))
	docs := regexp.MustCompile(`(?s)<ul class="docs">(.*?)</ul>`).FindStringSubmatch(week1)
	if docs == nil {
		t.Fatal("week 1: no documents list")
	}
	mustContain(t, docs[1], "week 1 documents",
		`<span class="doc-label">통합 정리</span> <span class="state written">작성됨</span> <a href="/note?path=weeks%2Fweek01%2Fsummary.md">weeks/week01/summary.md</a> <span class="person">통합 정리자 <b>윤보라</b></span>`,
		`<span class="doc-label">발표 자료</span> <span class="state template">빈 템플릿</span> <a href="/note?path=weeks%2Fweek01%2Fpresentation.md">`,
		`발표자 <b>한가람</b>`)
	week2 := body(t, get(t, h, "GET", "/week/2"))
	mustContain(t, week2, "week 2 documents", `<span class="state missing">없음</span> <code>weeks/week02/summary.md</code> <span class="person">통합 정리자 <b>서진우</b></span>`)
	over := body(t, get(t, h, "GET", "/"))
	row := regexp.MustCompile(`(?s)<tr id="week-1">(.*?)</tr>`).FindStringSubmatch(over)
	if row == nil {
		t.Fatal("overview: no week-1 row")
	}
	mustContain(t, row[1], "overview week 1", `<td class="doc summary"><span class="state written">작성됨</span> <a href="/note?path=weeks%2Fweek01%2Fsummary.md">보기</a><small>통합 정리자 윤보라</small>`,
		`<td class="doc presentation"><span class="state template">빈 템플릿</span>`)
	summary := body(t, get(t, h, "GET", "/note?path=weeks/week01/summary.md"))
	mustContain(t, summary, "summary page", "통합 정리 · <a href=\"/week/1\">1주차</a>", `<h2 id="L5"><span class="la" id="L6"></span>임베딩</h2>`)
	// The brand is the README's title.
	mustContain(t, over, "overview", `<span class="name">벡터 검색 스터디</span>`, "<title>스터디 개요 · 벡터 검색 스터디 · moim</title>")
}

// memberTemplate names the members in another order than the README.
const memberTemplate = `# {week}주차 인사이트

## 서진우 (Seo Jin-U)

### 핵심 인사이트

### 추가 학습이 필요한 부분

## 윤보라 (Yoon Bo-Ra)

### 핵심 인사이트

### 추가 학습이 필요한 부분

## 한가람 (Han Ga-Ram)

### 핵심 인사이트

### 추가 학습이 필요한 부분

## 통합 토론 주제

### 공통 질문
`

// TestMemberOrder: every page lists the members in one order, the
// README's, though the template names them in another.
func TestMemberOrder(t *testing.T) {
	root := writeRepo(t, fixtureWith(map[string]string{"templates/ai-insights.md": memberTemplate}))
	s := newSite(t, root)
	h := s.Handler()
	want := "한가람,윤보라,서진우"
	names := func(page, pattern string) string {
		var out []string
		for _, m := range regexp.MustCompile(pattern).FindAllStringSubmatch(page, -1) {
			out = append(out, m[1])
		}
		return strings.Join(out, ",")
	}
	nav := `<a href="/member/[a-z-]+"(?: aria-current="page")?>([^<]+)</a>\s*`
	for _, target := range []string{"/", "/week/1", "/concepts", "/member/" + slugFor(t, s, "서진우")} {
		page := body(t, get(t, h, "GET", target))
		header := regexp.MustCompile(`(?s)<nav class="members".*?</nav>`).FindString(page)
		if got := names(header, nav); got != want {
			t.Errorf("%s: navigation %s, want %s", target, got, want)
		}
	}
	over := body(t, get(t, h, "GET", "/"))
	grid := regexp.MustCompile(`(?s)<table class="grid">.*?</thead>`).FindString(over)
	if got := names(grid, `<th scope="col"><a href="/member/[a-z-]+">([^<]+)</a></th>`); got != want {
		t.Errorf("overview columns %s, want %s", got, want)
	}
	week := body(t, get(t, h, "GET", "/week/1"))
	if got := names(week, `<section class="card member" id="m-[a-z-]+" data-member="([^"]+)">`); got != want {
		t.Errorf("week blocks %s, want %s", got, want)
	}
	if got := names(week, `<th scope="col" class="hm-col">([^<]+)</th>`); got != want {
		t.Errorf("heatmap columns %s, want %s", got, want)
	}
	if got := names(week, `<a href="#m-[a-z-]+">([^<]+)</a>`); got != want {
		t.Errorf("week index %s, want %s", got, want)
	}
	concepts := body(t, get(t, h, "GET", "/concepts"))
	head := regexp.MustCompile(`(?s)<table class="concepts">.*?</thead>`).FindString(concepts)
	if got := names(head, `<th scope="col"><a href="/member/[a-z-]+">([^<]+)</a></th>`); got != want {
		t.Errorf("concepts columns %s, want %s", got, want)
	}
	legend := regexp.MustCompile(`(?s)<p class="legend">.*?</p>`).FindString(concepts)
	if got := names(legend, `<i class="sw mc\d"></i>([^<]+)</span>`); got != want {
		t.Errorf("concepts legend %s, want %s", got, want)
	}
}

// TestMemberPageCached: a member page is built once per state of the
// study, and again when a note changes.
func TestMemberPageCached(t *testing.T) {
	root := writeRepo(t, fixture)
	s := newSite(t, root)
	h := s.Handler()
	target := "/member/" + slugFor(t, s, "한가람")
	cached := func() *memberPage {
		t.Helper()
		if res := get(t, h, "GET", target); res.StatusCode != 200 {
			t.Fatalf("%s: %d", target, res.StatusCode)
		}
		s.cache.mu.Lock()
		defer s.cache.mu.Unlock()
		if len(s.cache.members) != 1 {
			t.Fatalf("%d member pages cached, want 1", len(s.cache.members))
		}
		for _, p := range s.cache.members {
			return p
		}
		return nil
	}
	first := cached()
	index := s.cache.index
	if again := cached(); again != first || s.cache.index != index {
		t.Error("the member page was built again with nothing changed")
	}
	p := filepath.Join(root, "weeks", "week02", "study-note-HGR.md")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, append(b, "\n- 메타데이터 필터링은 인덱스를 나눠서 구현할 수 있다.\n"...), 0o644)
	if after := cached(); after == first || s.cache.index == index {
		t.Error("the member page was not built again after a note changed")
	}
}

// TestUnchangedFilesNotRead: a file whose size and time of change are as
// they were, long enough ago, is not read again; any other is.
func TestUnchangedFilesNotRead(t *testing.T) {
	root := writeRepo(t, fixture)
	s := newSite(t, root)
	const rel = "weeks/week02/study-note-HGR.md"
	p := filepath.Join(root, filepath.FromSlash(rel))
	old := time.Now().Add(-time.Hour)
	sumOf := func() string {
		t.Helper()
		snap, err := s.refresh()
		if err != nil {
			t.Fatal(err)
		}
		return snap.files[rel].sum
	}
	write := func(text string, mtime time.Time) {
		t.Helper()
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	a, b := "# 2주차\n\n- 근사 최근접 이웃은 빠르다.\n", "# 2주차\n\n- 근사 최근접 이웃은 느리다.\n"
	if len(a) != len(b) {
		t.Fatal("the two texts must have one size")
	}
	write(a, old)
	first := sumOf()
	// Same size, same old time: taken as unchanged, not read.
	write(b, old)
	if sumOf() != first {
		t.Error("a file with its size and time unchanged was read again")
	}
	// A new time of change: read.
	write(b, old.Add(time.Minute))
	second := sumOf()
	if second == first {
		t.Error("a file with a new time of change was not read again")
	}
	// A file changed just now is read on every refresh, even when a second
	// change keeps its size and time (one clock tick).
	now := time.Now()
	write(a, now)
	if sumOf() == second {
		t.Fatal("the edit was not seen")
	}
	write(b, now)
	if sumOf() != second {
		t.Error("a same-size edit within one clock tick of the last was not seen")
	}
}

// TestWeekDocumentsFresh: a week page kept as served shows a 통합 정리
// written since.
func TestWeekDocumentsFresh(t *testing.T) {
	root := writeRepo(t, fixture)
	h := newSite(t, root).Handler()
	state := regexp.MustCompile(`<li class="weekdoc summary"><span class="doc-label">통합 정리</span> <span class="state (\w+)">`)
	stateOf := func() string {
		t.Helper()
		m := state.FindStringSubmatch(body(t, get(t, h, "GET", "/week/2")))
		if m == nil {
			t.Fatal("week 2: no 통합 정리 line")
		}
		return m[1]
	}
	if got := stateOf(); got != wdMissing {
		t.Fatalf("before: %s", got)
	}
	p := filepath.Join(root, "weeks", "week02", "summary.md")
	os.WriteFile(p, []byte("# 통합 정리\n\n**정리자**: \n"), 0o644)
	if got := stateOf(); got != wdTemplate {
		t.Errorf("a template: %s", got)
	}
	os.WriteFile(p, []byte("# 통합 정리\n\n**정리자**: 서진우\n\n- 벡터 데이터베이스는 인덱스와 메타데이터 필터를 함께 쓴다.\n"), 0o644)
	if got := stateOf(); got != wdWritten {
		t.Errorf("written: %s", got)
	}
}
