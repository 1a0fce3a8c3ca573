package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/moim-study/moim/internal/testutil"
)

// chromiumPath finds the headless browser for the browser tests.
func chromiumPath() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts headless Chromium for one test and returns its context.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("no chromium binary found: browser tests skipped")
	}
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 1300),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// screenshots is where browser tests save their pictures: $MOIM_SCREENSHOTS
// or the test's temporary folder.
func screenshots(t *testing.T) string {
	if d := os.Getenv("MOIM_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

func shoot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	// app.js ran: the Content-Security-Policy lets the site's own script in.
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(`html[data-js="ready"]`))); err != nil {
		t.Fatalf("%s: app.js did not run: %v", url, err)
	}
}

// TestBrowserDemo drives every page of the demo repository in Chromium.
func TestBrowserDemo(t *testing.T) {
	ctx := browser(t)
	root := testutil.CopyDemo(t)
	s := newSite(t, root)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	dir := screenshots(t)
	snap, _ := s.refresh()
	slug := snap.slugFor(snap.ws.Members[0].Name)

	open(t, ctx, srv.URL+"/")
	if n := eval[int](t, ctx, `document.querySelectorAll("table.grid tbody tr").length`); n < 2 {
		t.Errorf("overview grid has %d rows", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("table.schedule tbody tr").length`); n < 2 {
		t.Errorf("schedule has %d rows", n)
	}
	shoot(t, ctx, dir, "overview.png")

	// Week page: the heatmap is drawn, a bullet shows its sources.
	open(t, ctx, srv.URL+"/week/1")
	cells := eval[int](t, ctx, `document.querySelectorAll("svg.hm rect").length`)
	rows := eval[int](t, ctx, `document.querySelectorAll("svg.hm g.hm-row").length`)
	width := eval[float64](t, ctx, `document.querySelector("svg.hm").getBoundingClientRect().width`)
	if cells == 0 || rows == 0 || cells%rows != 0 || width < 200 {
		t.Errorf("heatmap: %d cells, %d rows, %.0f px wide", cells, rows, width)
	}
	shared := eval[int](t, ctx, `document.querySelectorAll("svg.hm rect[class^=hms]").length`)
	unique := eval[int](t, ctx, `document.querySelectorAll("svg.hm rect[class^=hmu]").length`)
	if shared == 0 || unique == 0 {
		t.Errorf("heatmap shows %d shared and %d unique cells", shared, unique)
	}
	shoot(t, ctx, dir, "week.png")
	hidden := eval[bool](t, ctx, `(() => { const s = document.querySelector("section.sec-insights li.bullet .sources"); return !s.checkVisibility() })()`)
	if !hidden {
		t.Error("sources are visible before the bullet is clicked")
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("section.sec-insights li.bullet summary")),
		chromedp.WaitVisible(chromedp.CSS("section.sec-insights li.bullet details[open] .sources pre.snippet")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("section.sec-insights li.bullet details[open]").scrollIntoView({block: "center"})`),
	); err != nil {
		t.Fatalf("click a bullet: %v", err)
	}
	hit := eval[string](t, ctx, `document.querySelector("section.sec-insights li.bullet details[open] .snippet .ln.hit").textContent`)
	link := eval[string](t, ctx, `document.querySelector("section.sec-insights li.bullet details[open] a.srclink").getAttribute("href")`)
	if strings.TrimSpace(hit) == "" || !strings.HasPrefix(link, "/note?path=weeks%2Fweek01%2F") || !strings.Contains(link, "#L") {
		t.Errorf("source: line %q, link %q", hit, link)
	}
	if loc := eval[string](t, ctx, `location.hash`); !strings.HasPrefix(loc, "#w1-m") {
		t.Errorf("opening a bullet did not name it in the address: %q", loc)
	}
	shoot(t, ctx, dir, "week-source.png")

	// "모두 펼치기" opens every bullet.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("button.toggle-all"))); err != nil {
		t.Fatal(err)
	}
	if closed := eval[int](t, ctx, `document.querySelectorAll("li.bullet details:not([open])").length`); closed != 0 {
		t.Errorf("%d bullets still closed after 모두 펼치기", closed)
	}

	// The source link leads to the note with the line highlighted.
	open(t, ctx, srv.URL+link)
	target := strings.TrimPrefix(link[strings.Index(link, "#"):], "#")
	got := eval[string](t, ctx, `document.querySelector(".ln.hit").id`)
	if got != target {
		t.Errorf("highlighted line %q, want %q", got, target)
	}
	if !strings.Contains(eval[string](t, ctx, `document.querySelector(".ln.hit").textContent`), strings.TrimSpace(strings.TrimLeft(hit, "0123456789"))) {
		t.Errorf("the note's line differs from the snippet's %q", hit)
	}
	shoot(t, ctx, dir, "note.png")

	// A line a person added to the document shows with its label; moim's
	// bullets around it keep their sources.
	docPath := filepath.Join(root, "weeks", "week01", "ai-insights.md")
	generateWeek1(t, root)
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(doc), "### 공통 질문\n", "### 공통 질문\n- 사람이 덧붙인 질문: 모니터링 지표는 누가 정할까?\n", 1)
	if edited == string(doc) {
		t.Fatal("the demo document has no 공통 질문 section")
	}
	if err := os.WriteFile(docPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, srv.URL+"/week/1")
	if n := eval[int](t, ctx, `document.querySelectorAll("#group .label.handmade").length`); n != 1 {
		t.Errorf("%d 직접 작성 labels in the group block, want 1", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#group section.sec-common li.bullet details").length`); n == 0 {
		t.Error("moim's 공통 질문 bullets lost their sources")
	}
	chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#group .label.handmade").scrollIntoView({block: "center"})`))
	shoot(t, ctx, dir, "week-handmade.png")

	open(t, ctx, srv.URL+"/member/"+slug)
	if n := eval[int](t, ctx, `document.querySelectorAll("ol.backlog > li").length`); n == 0 {
		t.Error("member page: empty backlog")
	}
	shoot(t, ctx, dir, "member.png")

	open(t, ctx, srv.URL+"/concepts")
	if n := eval[int](t, ctx, `document.querySelectorAll("svg.cc rect").length`); n == 0 {
		t.Error("concepts chart has no bars")
	}
	shoot(t, ctx, dir, "concepts.png")

	// A phone in dark mode: nothing wider than the screen but the
	// scrollable tables and charts.
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
			return err
		}),
	); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, srv.URL+"/week/1")
	if w := eval[float64](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("phone: page is %.0f px wide", w)
	}
	bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
	if bg != "rgb(21, 23, 27)" {
		t.Errorf("dark mode background %s", bg)
	}
	shoot(t, ctx, dir, "week-phone-dark.png")
}

// TestBrowserXSS loads the pages showing a note full of script payloads:
// none of them runs, and none becomes an element.
func TestBrowserXSS(t *testing.T) {
	ctx := browser(t)
	_, s := sharedFixture(t)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	out := t.TempDir()
	if _, err := s.WriteSite(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	snap, _ := s.refresh()
	pages := []string{
		srv.URL + "/note?path=weeks/week01/study-note-SJW.md&line=3",
		srv.URL + "/week/1",
		srv.URL + "/member/" + snap.slugFor("서진우"),
		srv.URL + "/concepts",
		"file://" + filepath.Join(out, "notes", noteFile("weeks/week01/study-note-SJW.md")),
		"file://" + filepath.Join(out, "week-01.html"),
	}
	for _, u := range pages {
		open(t, ctx, u)
		// Open every bullet and hover everything, as a curious reader would.
		chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true);
			document.querySelectorAll("b, span, a").forEach(e => e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})))`))
		time.Sleep(200 * time.Millisecond)
		if v := eval[string](t, ctx, `String(window.__xss)`); v != "undefined" {
			t.Errorf("%s: payload ran (window.__xss = %s)", u, v)
		}
		injected := eval[int](t, ctx, `document.querySelectorAll('main script, main img, main [onerror], main [onmouseover], a[href^="javascript:"]').length`)
		if injected != 0 {
			t.Errorf("%s: %d elements from note markup", u, injected)
		}
	}
	// The note page shows the payloads as text.
	open(t, ctx, pages[0])
	text := eval[string](t, ctx, `document.querySelector("pre.file").textContent`)
	for _, w := range []string{"<script>window.__xss = 1</script>", `<img src="x" onerror="window.__xss = 2">`, "javascript:window.__xss=3"} {
		if !strings.Contains(text, w) {
			t.Errorf("note page does not show %q as text", w)
		}
	}
	// Clicking where the link text is does nothing either.
	chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#L7")))
	if v := eval[string](t, ctx, `String(window.__xss)`); v != "undefined" {
		t.Errorf("clicking the link line ran the payload: %s", v)
	}
}
