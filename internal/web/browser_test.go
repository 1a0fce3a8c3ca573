package web

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/moim-study/moim/internal/testutil"
)

// browser starts headless Chromium for one test and returns its context.
// Without Chromium the test is skipped, or fails in CI (CI=true).
func browser(t *testing.T) context.Context {
	t.Helper()
	path := testutil.Chromium(t)
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

// citedBlockJS defines citedBlock(): the element a note page highlights
// for its target line (the element with the line's id, or the one its
// anchor stands in or before).
const citedBlockJS = `function citedBlock() {
	const el = document.querySelector(":target");
	if (!el || !el.classList.contains("la")) return el;
	const p = el.parentElement;
	if (/^(UL|OL|TBODY|TABLE|DL)$/.test(p.tagName) && el.nextElementSibling) return el.nextElementSibling;
	return p;
}
`

// TestBrowserDemo drives every page of the demo repository in Chromium.
func TestBrowserDemo(t *testing.T) {
	ctx := browser(t)
	root := testutil.CopyDemo(t)
	s := newSite(t, root)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	dir := screenshots(t)
	snap, err := s.refresh()
	if err != nil {
		t.Fatal(err)
	}
	slug := snap.slugFor(snap.ws.Members[0].Name)

	open(t, ctx, srv.URL+"/")
	if n := eval[int](t, ctx, `document.querySelectorAll("table.grid tbody tr").length`); n < 2 {
		t.Errorf("overview grid has %d rows", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("table.schedule tbody tr").length`); n < 2 {
		t.Errorf("schedule has %d rows", n)
	}
	shoot(t, ctx, dir, "overview.png")

	// Week page: the insights come first, the heatmap after them; a
	// bullet shows its sources.
	open(t, ctx, srv.URL+"/week/1")
	cells := eval[int](t, ctx, `document.querySelectorAll("table.hm tbody td[class^=hm]:not(.hm-badge)").length`)
	rows := eval[int](t, ctx, `document.querySelectorAll("table.hm tr.hm-row").length`)
	cols := eval[int](t, ctx, `document.querySelectorAll("table.hm th.hm-col").length`)
	if cells == 0 || rows == 0 || cells != rows*cols {
		t.Errorf("heatmap: %d cells, %d rows, %d members", cells, rows, cols)
	}
	shared := eval[int](t, ctx, `document.querySelectorAll("table.hm td[class^=hms]").length`)
	unique := eval[int](t, ctx, `document.querySelectorAll("table.hm td[class^=hmu]").length`)
	if shared == 0 || unique == 0 {
		t.Errorf("heatmap shows %d shared and %d unique cells", shared, unique)
	}
	if after := eval[bool](t, ctx, `document.querySelector("#heatmap").getBoundingClientRect().top > document.querySelector("#group").getBoundingClientRect().top`); !after {
		t.Error("the heatmap stands before the insights")
	}
	shoot(t, ctx, dir, "week.png")
	hidden := eval[bool](t, ctx, `(() => { const s = document.querySelector("section.sec-insights li.bullet .sources"); return !s.checkVisibility() })()`)
	if !hidden {
		t.Error("sources are visible before the bullet is clicked")
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("section.sec-insights li.bullet summary strong")),
		chromedp.WaitVisible(chromedp.CSS("section.sec-insights li.bullet details[open] .sources pre.snippet")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("section.sec-insights li.bullet details[open]").scrollIntoView({block: "center"})`),
	); err != nil {
		t.Fatalf("click a bullet: %v", err)
	}
	// The hit line's text, without its number.
	hit := eval[string](t, ctx, `(() => { const l = document.querySelector("section.sec-insights li.bullet details[open] .snippet .ln.hit"); return l.textContent.slice(l.querySelector(".n").textContent.length); })()`)
	link := eval[string](t, ctx, `document.querySelector("section.sec-insights li.bullet details[open] a.srclink").getAttribute("href")`)
	if strings.TrimSpace(hit) == "" || !strings.HasPrefix(link, "/note?path=weeks%2Fweek01%2F") || !strings.Contains(link, "#L") {
		t.Errorf("source: line %q, link %q", hit, link)
	}
	// The address is named by the bullet's toggle event, which the browser
	// fires in a task after the bullet opens: wait for it.
	_ = chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`location.hash !== ""`, chromedp.WithPollingTimeout(10*time.Second)))
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

	// The source link leads to the rendered note with the line's block
	// highlighted, and the snippet shows the line's text as it reads there.
	open(t, ctx, srv.URL+link)
	target := strings.TrimPrefix(link[strings.Index(link, "#"):], "#")
	if got := eval[string](t, ctx, `document.querySelector(":target").id`); got != target {
		t.Errorf("target %q, want %q", got, target)
	}
	block := eval[string](t, ctx, citedBlockJS+`citedBlock().textContent`)
	// The snippet marks a list item "• " or "2. "; the rendered list
	// draws its marker itself.
	want := regexp.MustCompile(`^(• |\d+[.)] )`).ReplaceAllString(strings.TrimSpace(hit), "")
	if !strings.Contains(squash(block), want) {
		t.Errorf("the note's block %q does not hold the snippet's line %q", block, want)
	}
	if bg := eval[string](t, ctx, citedBlockJS+`getComputedStyle(citedBlock()).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
		t.Error("the cited block is not highlighted")
	}
	shoot(t, ctx, dir, "note.png")
	// The numbered view of the same line.
	open(t, ctx, srv.URL+strings.Replace(link, "#", "&view=raw#", 1))
	if got := eval[string](t, ctx, `document.querySelector(".ln.hit").id`); got != target {
		t.Errorf("raw view: highlighted line %q, want %q", got, target)
	}

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
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#group .label.handmade").scrollIntoView({block: "center"})`)); err != nil {
		t.Fatal(err)
	}
	shoot(t, ctx, dir, "week-handmade.png")

	open(t, ctx, srv.URL+"/member/"+slug)
	if n := eval[int](t, ctx, `document.querySelectorAll("ol.backlog > li").length`); n == 0 {
		t.Error("member page: empty backlog")
	}
	shoot(t, ctx, dir, "member.png")

	open(t, ctx, srv.URL+"/concepts")
	if n := eval[int](t, ctx, `document.querySelectorAll("table.concepts svg.cc rect").length`); n == 0 {
		t.Error("concepts table has no bars")
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

// settle resolves once the page has nothing pending that could run a
// payload: every image has loaded or failed (an injected <img onerror>
// has fired by then) and two frames have been drawn.
const settle = `(async () => {
	await Promise.all([...document.images].map(i => i.complete ? null :
		new Promise(r => { i.addEventListener("load", r); i.addEventListener("error", r); })));
	await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
	return true;
})()`

// provoke does what a curious reader does, opening every bullet and
// hovering everything, then waits for the page to settle. It returns
// window.__xss as a string and how many elements came from note markup:
// scripts, frames, handlers, javascript: links, images but the
// repository's through the site.
func provoke(t *testing.T, ctx context.Context, url string) (ran string, injected int) {
	t.Helper()
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true);
			document.querySelectorAll("b, span, a, img").forEach(e => e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})))`),
	); err != nil {
		t.Fatalf("%s: open and hover: %v", url, err)
	}
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settle, chromedp.EvalAwaitPromise)); err != nil || !ok {
		t.Fatalf("%s: settle: %v", url, err)
	}
	ran = eval[string](t, ctx, `String(window.__xss)`)
	injected = eval[int](t, ctx, `document.querySelectorAll('main script, main iframe, main img:not([src^="/file?path="]):not([src^="../files/"]), main [onerror], main [onmouseover], a[href^="javascript:"]').length`)
	return ran, injected
}

// servedFixture serves the shared fixture on 127.0.0.1 and writes its
// static site into a temporary folder.
func servedFixture(t *testing.T) (*Site, *httptest.Server, string) {
	t.Helper()
	_, s := sharedFixture(t)
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	out := t.TempDir()
	if _, err := s.WriteSite(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	return s, srv, out
}

// TestBrowserXSS loads the pages showing a note full of script payloads:
// none of them runs, and none becomes an element, in the rendered note,
// the numbered view, every page that quotes the note, served or static.
func TestBrowserXSS(t *testing.T) {
	ctx := browser(t)
	s, srv, out := servedFixture(t)

	// The check sees a payload that does run: a page without moim's
	// escaping or Content-Security-Policy, where the image fails to load.
	control := "data:text/html,<main><img src=x onerror='window.__xss=(window.__xss||0)+9'><b onmouseover='window.__xss=(window.__xss||0)+1'>x</b></main>"
	if err := chromedp.Do(ctx, chromedp.Navigate(control)); err != nil {
		t.Fatal(err)
	}
	if ran, injected := provoke(t, ctx, "control page"); ran != "10" || injected != 2 {
		t.Fatalf("control page: window.__xss = %s, %d injected elements; want 10 and 2 (the check cannot see payloads)", ran, injected)
	}

	snap, err := s.refresh()
	if err != nil {
		t.Fatal(err)
	}
	const sjw = "weeks/week01/study-note-SJW.md"
	pages := []string{
		srv.URL + "/note?path=" + sjw + "&line=3",
		srv.URL + "/note?path=" + sjw + "&view=raw&line=3",
		srv.URL + "/week/1",
		srv.URL + "/member/" + snap.slugFor("서진우"),
		srv.URL + "/concepts",
		"file://" + filepath.Join(out, "notes", noteFile(sjw)),
		"file://" + filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(staticLinks("../").NoteRaw(sjw, 0), "../"))),
		"file://" + filepath.Join(out, "week-01.html"),
	}
	for _, u := range pages {
		open(t, ctx, u)
		ran, injected := provoke(t, ctx, u)
		if ran != "undefined" {
			t.Errorf("%s: payload ran (window.__xss = %s)", u, ran)
		}
		if injected != 0 {
			t.Errorf("%s: %d elements from note markup", u, injected)
		}
	}
	// The rendered note shows the note's image from the repository.
	open(t, ctx, pages[0])
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settle, chromedp.EvalAwaitPromise)); err != nil || !ok {
		t.Fatalf("settle: %v", err)
	}
	if w := eval[int](t, ctx, `document.querySelector('article.md img[src^="/file?path="]').naturalWidth`); w != 2 {
		t.Errorf("the repository's image did not load (width %d)", w)
	}
	// The numbered view shows the payloads as text.
	open(t, ctx, pages[1])
	text := eval[string](t, ctx, `document.querySelector("pre.file").textContent`)
	for _, w := range []string{"<script>window.__xss = 1</script>", `<img src="x" onerror="window.__xss = 2">`, "javascript:window.__xss=3"} {
		if !strings.Contains(text, w) {
			t.Errorf("note page does not show %q as text", w)
		}
	}
	// Clicking where the link text is does nothing either, in both views.
	for _, u := range pages[:2] {
		open(t, ctx, u)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#L7"))); err != nil {
			t.Fatalf("%s: click the link line: %v", u, err)
		}
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settle, chromedp.EvalAwaitPromise)); err != nil || !ok {
			t.Fatalf("settle: %v", err)
		}
		if v := eval[string](t, ctx, `String(window.__xss)`); v != "undefined" {
			t.Errorf("%s: clicking the link line ran the payload: %s", u, v)
		}
		if !strings.HasPrefix(eval[string](t, ctx, `location.href`), srv.URL+"/note?") {
			t.Errorf("%s: clicking the link line left the note page", u)
		}
	}
}
