package web

import (
	"fmt"
	"html/template"
	"path"
	"regexp"
	"strings"
	"sync"
)

// The layout every page shares (templates/layout.html): the view the
// layout renders, the navigation, and the template functions.

// view is what the layout template renders: the page's own data in Page.
type view struct {
	Template string
	Title    string
	L        linker
	Static   bool
	MetaCSP  string
	// Repo is the study's title (its README's), else the folder's name.
	Repo    string
	Nav     nav
	Current string
	Page    any
	// cacheKey, when set, names the page among the pages made from the
	// study's state alone (with the study's title): the server keeps it
	// as rendered until the study changes.
	cacheKey string
	// cached is the page as the server served it before (see cachedView).
	cached []byte
	// NavHTML is the navigation rendered (the "nav" template), set by
	// render from navs, the navigations the snapshot's pages rendered.
	NavHTML template.HTML
	navs    *navCache
}

// navCache holds a snapshot's navigations as rendered, by links and
// current page: every note page of a site has the same one, and it lists
// every week, so rendering it once per kind of page keeps the pages'
// cost from growing with the number of weeks.
type navCache struct {
	mu sync.Mutex
	m  map[navKey]template.HTML
}

type navKey struct {
	l       linker
	current string
}

// cachedView returns the page of key as the server served it, when the
// study is in the state it was served in; WriteSite never asks.
func (s *Site) cachedView(snap *snapshot, l linker, key string) (*view, bool) {
	if l.static {
		return nil, false
	}
	b, ok := s.cache.page(snap.studyKey(), key)
	if !ok {
		return nil, false
	}
	return &view{cacheKey: key, cached: b}, true
}

type nav struct {
	Weeks   []int
	Members []memberRef
}

type memberRef struct {
	Name, Roman, Slug string
}

func newView(snap *snapshot, l linker, tmpl, title, current string, page any) *view {
	v := &view{Template: tmpl, Title: title, L: l, Static: l.static, Current: current, Page: page, Repo: snap.title}
	if v.Repo == "" {
		v.Repo = path.Base(strings.ReplaceAll(snap.ws.Root, "\\", "/"))
	}
	if l.static {
		v.MetaCSP = metaCSP
	}
	for _, wd := range snap.weeks {
		if len(wd.wk.Notes) > 0 {
			v.Nav.Weeks = append(v.Nav.Weeks, wd.wk.Number)
		}
	}
	v.Nav.Members = snap.memberRefs()
	v.navs = &snap.navs
	return v
}

// navHTML renders v's navigation, or returns it as rendered for an
// earlier page of the snapshot with the same links and current page.
func (s *Site) navHTML(t *template.Template, v *view) (template.HTML, error) {
	k := navKey{v.L, v.Current}
	v.navs.mu.Lock()
	h, ok := v.navs.m[k]
	v.navs.mu.Unlock()
	if ok {
		return h, nil
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, "nav", v); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	v.navs.mu.Lock()
	defer v.navs.mu.Unlock()
	if v.navs.m == nil {
		v.navs.m = map[navKey]template.HTML{}
	}
	v.navs.m[k] = h
	return h, nil
}

// memberRefs lists the members, then owners of notes not in the member list.
func (snap *snapshot) memberRefs() []memberRef {
	var out []memberRef
	seen := map[string]bool{}
	for _, m := range snap.ws.Members {
		seen[m.Name] = true
		out = append(out, memberRef{Name: m.Name, Roman: m.Roman, Slug: snap.slugFor(m.Name)})
	}
	for _, wd := range snap.weeks {
		for _, nf := range wd.wk.Notes {
			if !seen[nf.Member] {
				seen[nf.Member] = true
				out = append(out, memberRef{Name: nf.Member, Slug: snap.slugFor(nf.Member)})
			}
		}
	}
	return out
}

// memberRank returns the place of a member in the site's member order
// (memberRefs): every page lists members in this order.
func (snap *snapshot) memberRank() func(name string) int {
	refs := snap.memberRefs()
	at := make(map[string]int, len(refs))
	for i, m := range refs {
		at[m.Name] = i
	}
	return func(name string) int {
		if i, ok := at[name]; ok {
			return i
		}
		return len(refs)
	}
}

var funcs = template.FuncMap{
	"styleLabel":  styleLabel,
	"statusLabel": statusLabel,
	"docState":    docStateLabel,
	"inline":      inlineHTML,
	"add":         func(a, b int) int { return a + b },
	"pad":         func(n int) string { return fmt.Sprintf("%02d", n) },
	// pair passes the links with a value to a sub-template.
	"pair": func(l linker, v any) map[string]any { return map[string]any{"L": l, "V": v} },
}

func styleLabel(s string) string {
	switch s {
	case "markdown":
		return "마크다운"
	case "html":
		return "블로그 HTML"
	case "notion":
		return "노션"
	case "link-only":
		return "링크만"
	case "empty":
		return "빈 노트"
	}
	return s
}

func statusLabel(s string) string {
	switch s {
	case StatusFresh:
		return "최신"
	case StatusStale:
		return "갱신 필요"
	case StatusMissing:
		return "없음"
	case StatusHandmade:
		return "직접 작성"
	}
	return "알 수 없음"
}

var inlineRe = regexp.MustCompile("\\*\\*([^*\n]+)\\*\\*|`([^`\n]+)`")

// inlineHTML renders the inline markdown bullets may carry (**bold** and
// `code`); everything else is escaped text.
func inlineHTML(s string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range inlineRe.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(template.HTMLEscapeString(s[last:m[0]]))
		if m[2] >= 0 {
			b.WriteString("<strong>" + template.HTMLEscapeString(s[m[2]:m[3]]) + "</strong>")
		} else {
			b.WriteString("<code>" + template.HTMLEscapeString(s[m[4]:m[5]]) + "</code>")
		}
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return template.HTML(b.String())
}

func sizeLabel(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 10_000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	default:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
