package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/moim-study/moim/internal/testutil"
)

// viewports are the screens the reading tests use: a phone and a laptop.
var viewports = []struct {
	name   string
	w, h   int64
	mobile bool
}{{"phone", 390, 844, true}, {"desktop", 1366, 900, false}}

func setViewport(t *testing.T, ctx context.Context, w, h int64, mobile bool) {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, opts...)); err != nil {
		t.Fatal(err)
	}
}

// clippedJS returns, for the page's cited block, why it is not fully
// readable: "" when the block lies within the screen's width, its top
// within the screen below some lines of context, and nothing in it
// overflows.
const clippedJS = citedBlockJS + `(() => {
	const b = citedBlock();
	if (!b) return "no target";
	const r = b.getBoundingClientRect(), W = document.documentElement.clientWidth, H = innerHeight;
	if (r.left < -0.5 || r.right > W + 0.5) return "outside the width: " + r.left + ".." + r.right + " of " + W;
	if (r.top < 0 || r.top > H - 20) return "top at " + r.top + " of " + H;
	const article = b.closest("article.md, pre.file");
	if (article && article.scrollWidth > article.clientWidth + 1) return "the note scrolls sideways: " + article.scrollWidth + " > " + article.clientWidth;
	if (b.scrollWidth > b.clientWidth + 1 && getComputedStyle(b).overflowX !== "visible") return "the block scrolls sideways";
	if (document.documentElement.scrollWidth > W + 1) return "the page is " + document.documentElement.scrollWidth + " px wide";
	if (r.top < H * 0.15 && scrollY > 0) return "no context above: top at " + r.top;
	return "";
})()`

// checkCitedLines opens, at each viewport, the sources of up to max
// bullets of a week page and checks that each cited block is fully visible
// with context above it, in the rendered note and in the numbered view.
func checkCitedLines(t *testing.T, ctx context.Context, base, week string, max int) {
	t.Helper()
	open(t, ctx, base+week)
	links := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("li.bullet a.count")).map(a => a.getAttribute("href"))`)
	if len(links) == 0 {
		t.Fatalf("%s: no source links", week)
	}
	if len(links) > max {
		step := len(links) / max
		var some []string
		for i := 0; i < len(links) && len(some) < max; i += step {
			some = append(some, links[i])
		}
		links = some
	}
	for _, vp := range viewports {
		setViewport(t, ctx, vp.w, vp.h, vp.mobile)
		for _, link := range links {
			for _, u := range []string{link, strings.Replace(link, "#", "&view=raw#", 1)} {
				open(t, ctx, base+u)
				if why := eval[string](t, ctx, clippedJS); why != "" {
					t.Errorf("%s %s: the cited line is not fully visible: %s", vp.name, u, why)
				}
			}
		}
	}
}

// TestBrowserCitedLineVisible: a bullet's source opens at its line, fully
// visible (wrapped, not cut at the right edge) with lines above it, on a
// phone and on a laptop; ?line=N alone goes there too.
func TestBrowserCitedLineVisible(t *testing.T) {
	ctx := browser(t)
	root := testutil.CopyDemo(t)
	s := newSite(t, root)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	checkCitedLines(t, ctx, srv.URL, "/week/1", 8)

	// A note opened with ?line=N and no #LN scrolls to line N.
	setViewport(t, ctx, 390, 844, true)
	open(t, ctx, srv.URL+"/week/1")
	link := eval[string](t, ctx, `document.querySelectorAll("li.bullet a.count")[3].getAttribute("href")`)
	noHash := link[:strings.Index(link, "#")]
	open(t, ctx, srv.URL+noHash)
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`location.hash !== ""`)); err != nil {
		t.Fatal(err)
	}
	if h := eval[string](t, ctx, `location.hash`); h != link[strings.Index(link, "#"):] {
		t.Errorf("?line: address %q, want %q", h, link[strings.Index(link, "#"):])
	}
	if why := eval[string](t, ctx, clippedJS); why != "" {
		t.Errorf("?line: %s", why)
	}

	// The reference corpus has long lines and blog HTML.
	t.Run("corpus", func(t *testing.T) {
		csrv := httptest.NewServer(newSite(t, testutil.Corpus(t, "ai-engineering-study")).Handler())
		defer csrv.Close()
		for _, w := range []string{"/week/1", "/week/3"} {
			checkCitedLines(t, ctx, csrv.URL, w, 6)
		}
	})
}

// TestBrowserRenderedNote: the note page shows the note rendered —
// headings, lists, a table, an image from the repository — on the server
// and in the static site opened from disk.
func TestBrowserRenderedNote(t *testing.T) {
	ctx := browser(t)
	_, srv, out := servedFixture(t)
	const hgr = "weeks/week01/study-note-HGR.md"
	dir := screenshots(t)
	for _, u := range []string{srv.URL + "/note?path=" + hgr, "file://" + filepath.Join(out, "notes", noteFile(hgr))} {
		open(t, ctx, u)
		if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`Array.from(document.images).every(i => i.complete)`)); err != nil {
			t.Fatal(err)
		}
		counts := eval[map[string]int](t, ctx, `({
			h1: document.querySelectorAll("article.md h1").length,
			h2: document.querySelectorAll("article.md h2").length,
			li: document.querySelectorAll("article.md ul > li").length,
			td: document.querySelectorAll("article.md table td").length,
			img: Array.from(document.querySelectorAll("article.md img")).filter(i => i.naturalWidth > 0).length,
			raw: document.querySelectorAll("article.md").length && document.querySelector("article.md").textContent.includes("**") ? 1 : 0,
		})`)
		want := map[string]int{"h1": 1, "h2": 4, "li": 5, "td": 2, "img": 1, "raw": 0}
		for k, v := range want {
			if counts[k] != v {
				t.Errorf("%s: %d %s, want %d (%v)", u, counts[k], k, v, counts)
			}
		}
	}
	shoot(t, ctx, dir, "note-rendered.png")
}

// wordsBrokenJS counts the words (runs of letters and digits) of table
// cells that the browser drew on more than one line.
const wordsBrokenJS = `((sel) => {
	const out = [];
	document.querySelectorAll(sel).forEach(cell => {
		const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/[\p{L}\p{N}]+/gu)) {
				const r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				const tops = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top)));
				if (tops.size > 1) out.push(m[0]);
			}
		}
	});
	return out;
})`

// TestBrowserTablesKeepWords: at phone width no table cell of the
// overview or the concepts page breaks a word or a number; wide tables
// scroll instead.
func TestBrowserTablesKeepWords(t *testing.T) {
	ctx := browser(t)
	setViewport(t, ctx, 390, 844, true)
	dir := screenshots(t)
	check := func(t *testing.T, root string, shots bool) {
		srv := httptest.NewServer(newSite(t, root).Handler())
		defer srv.Close()
		for _, p := range []struct{ path, cells, shot string }{
			{"/", "table.grid th, table.grid td, table.schedule th, table.schedule td", "overview-phone.png"},
			{"/concepts", "table.concepts th, table.concepts td", "concepts-phone.png"},
			{"/week/1", "table.hm th, table.hm td", ""},
		} {
			open(t, ctx, srv.URL+p.path)
			if broken := eval[[]string](t, ctx, wordsBrokenJS+"("+fmt.Sprintf("%q", p.cells)+")"); len(broken) > 0 {
				t.Errorf("%s: words broken across lines: %v", p.path, broken)
			}
			if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
				t.Errorf("%s: the page is %d px wide; only tables should scroll", p.path, w)
			}
			if shots && p.shot != "" {
				shoot(t, ctx, dir, p.shot)
			}
		}
	}
	check(t, testutil.CopyDemo(t), true)
	t.Run("corpus", func(t *testing.T) { check(t, testutil.Corpus(t, "ai-engineering-study"), false) })
}

// TestBrowserSummaryFromWeek: the week page links the 통합 정리, rendered.
func TestBrowserSummaryFromWeek(t *testing.T) {
	ctx := browser(t)
	_, s := sharedFixture(t)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	open(t, ctx, srv.URL+"/week/1")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`li.weekdoc.summary a`)), chromedp.WaitReady(chromedp.CSS(`article.md h1`))); err != nil {
		t.Fatalf("open the 통합 정리 from the week page: %v", err)
	}
	if p := eval[string](t, ctx, `new URLSearchParams(location.search).get("path")`); p != "weeks/week01/summary.md" {
		t.Errorf("the week page's 통합 정리 link opened %q", p)
	}
	if h := eval[string](t, ctx, `document.querySelector("article.md h2").textContent`); h != "임베딩" {
		t.Errorf("the 통합 정리 is not rendered: h2 %q", h)
	}
}

// TestBrowserMemberOrder: the nav, the overview, the week's blocks and
// heatmap and the concepts table list the members in one order.
func TestBrowserMemberOrder(t *testing.T) {
	ctx := browser(t)
	root := writeRepo(t, fixtureWith(map[string]string{"templates/ai-insights.md": memberTemplate}))
	s := newSite(t, root)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	texts := func(sel string) string {
		return strings.Join(eval[[]string](t, ctx, `Array.from(document.querySelectorAll(`+fmt.Sprintf("%q", sel)+`)).map(e => e.textContent.trim())`), ",")
	}
	want := "한가람,윤보라,서진우"
	checks := []struct{ page, sel string }{
		{"/", "nav.members a"},
		{"/", "table.grid thead th a"},
		{"/week/1", "section.card.member h2 > a"},
		{"/week/1", "table.hm th.hm-col"},
		{"/week/1", `nav.toc a[href^="#m-"]`},
		{"/concepts", `table.concepts thead th a[href^="/member/"]`},
		{"/member/" + slugFor(t, s, "서진우"), "nav.members a"},
	}
	for _, c := range checks {
		open(t, ctx, srv.URL+c.page)
		got := texts(c.sel)
		got = strings.NewReplacer(" (Han Ga-Ram)", "", " (Yoon Bo-Ra)", "", " (Seo Jin-U)", "").Replace(got)
		if got != want {
			t.Errorf("%s %s: %s, want %s", c.page, c.sel, got, want)
		}
	}
}

// TestBrowserCorpusClicks: a reader of the reference corpus finds, for
// each week, from the overview: the week's insights in one click, a
// bullet's source in the rendered note in two, the 통합 정리 and the
// presentation in one (from the overview) or two (through the week page).
func TestBrowserCorpusClicks(t *testing.T) {
	root := testutil.Corpus(t, "ai-engineering-study")
	ctx := browser(t)
	srv := httptest.NewServer(newSite(t, root).Handler())
	defer srv.Close()
	// click follows a link and waits for the next page to load and its
	// script to run (the page before it was ready too).
	click := func(sel string) {
		t.Helper()
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("click %s: %v", sel, err)
		}
		if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(`html[data-js="ready"]`))); err != nil {
			t.Fatalf("after clicking %s: %v", sel, err)
		}
	}
	for week := 1; week <= 4; week++ {
		row := fmt.Sprintf(`tr#week-%d`, week)
		// 1 click: the week's insights.
		open(t, ctx, srv.URL+"/")
		click(row + ` th a`)
		if n := eval[int](t, ctx, `document.querySelectorAll("section.card.member li.bullet").length`); n == 0 {
			t.Errorf("week %d: no insights after one click", week)
		}
		// 2 clicks: a bullet's source, the line in the rendered note.
		click(`section.card.member li.bullet a.count`)
		if why := eval[string](t, ctx, clippedJS); why != "" || eval[int](t, ctx, `document.querySelectorAll("article.md").length`) != 1 {
			t.Errorf("week %d: the source after two clicks: %q", week, why)
		}
		// 1 click each from the overview, 2 through the week page.
		for _, kind := range []string{docSummary, docPresentation} {
			open(t, ctx, srv.URL+"/")
			click(row + ` td.doc.` + kind + ` a`)
			if p := eval[string](t, ctx, `new URLSearchParams(location.search).get("path")`); weekDocKind(p) != kind {
				t.Errorf("week %d: the overview's %s link opened %q", week, kind, p)
			}
			open(t, ctx, srv.URL+"/")
			click(row + ` th a`)
			click(`li.weekdoc.` + kind + ` a`)
			if n := eval[int](t, ctx, `document.querySelectorAll("article.md").length`); n != 1 {
				t.Errorf("week %d: %s not rendered after two clicks", week, kind)
			}
		}
	}
}

// contrastJS returns the heatmap cells whose number has a contrast below
// 4.5:1 against the cell's shade (WCAG's ratio of relative luminances).
const contrastJS = `(() => {
	const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
	const lum = c => {
		const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const background = el => {
		for (; el; el = el.parentElement) {
			const c = rgb(getComputedStyle(el).backgroundColor);
			if (c.length === 3 || c[3] > 0) return c;
		}
		return [255, 255, 255];
	};
	const low = [];
	document.querySelectorAll("table.hm td").forEach(td => {
		if (!td.textContent.trim()) return;
		const a = lum(rgb(getComputedStyle(td).color)), b = lum(background(td));
		const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		if (ratio < 4.5) low.push(td.className + " " + td.textContent.trim() + " " + ratio.toFixed(2));
	});
	return low;
})()`

// TestBrowserPhoneHeaderAndContrast: on a phone the header takes little
// of the first screen (its navigation scrolls instead of wrapping), and
// the heatmap's numbers are readable on every shade, in light and dark
// mode.
func TestBrowserPhoneHeaderAndContrast(t *testing.T) {
	ctx := browser(t)
	setViewport(t, ctx, 390, 844, true)
	check := func(t *testing.T, root string) {
		srv := httptest.NewServer(newSite(t, root).Handler())
		defer srv.Close()
		for _, scheme := range []string{"light", "dark"} {
			if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				return err
			})); err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"/", "/week/1", "/concepts"} {
				open(t, ctx, srv.URL+p)
				if h := eval[float64](t, ctx, `document.querySelector("header.top").getBoundingClientRect().height`); h > 844*0.15 {
					t.Errorf("%s %s: the header is %.0f px of 844", scheme, p, h)
				}
			}
			open(t, ctx, srv.URL+"/week/1")
			if n := eval[int](t, ctx, `document.querySelectorAll("table.hm td[class^='hm']").length`); n == 0 {
				t.Fatalf("%s: no shaded heatmap cells", scheme)
			}
			if low := eval[[]string](t, ctx, contrastJS); len(low) > 0 {
				t.Errorf("%s: heatmap numbers with low contrast: %v", scheme, low)
			}
		}
	}
	check(t, testutil.CopyDemo(t))
	t.Run("corpus", func(t *testing.T) { check(t, testutil.Corpus(t, "ai-engineering-study")) })
}
