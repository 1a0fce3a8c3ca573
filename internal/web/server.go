package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/moim-study/moim/internal/workspace"
)

//go:embed templates/*.html static/*
var assets embed.FS

// CSP is the Content-Security-Policy of every response: the site's own
// script and style files only, no inline script or style, no plugins, no
// framing, no form posts.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// metaCSP is CSP as a <meta> tag can carry it (frame-ancestors is not
// allowed there), for the static site.
const metaCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'"

// Options configure a Site.
type Options struct {
	// AnyHost turns off the Host header check. By default only requests
	// naming localhost, 127.0.0.1 or [::1] are answered, which keeps web
	// pages on other sites from reading the notes through DNS rebinding.
	// Serve sets it when it listens on a non-loopback address.
	AnyHost bool
	// Logf, when set, receives one line per failed request.
	Logf func(format string, args ...any)
	// Track is the study shown in a repository with several (see moim
	// ls); "" is the first.
	Track string
}

// Site is the web view of one study repository. Every page request
// rereads the repository (cheaply: the workspace is discovered again only
// when a folder or file changed, unchanged weeks are not parsed or
// analysed again), so the pages show the notes as they are on disk.
type Site struct {
	root      string
	opt       Options
	mu        sync.Mutex // guards weeks, prevFiles, opened and refresh
	weeks     map[int]*weekData
	prevFiles map[string]*fileEntry
	opened    *workspace.Workspace // the last workspace.Open, while Unchanged
	pages     map[string]*template.Template
	cache     siteCache
}

// New returns the site of the repository at repo. It fails when the
// repository cannot be read.
func New(repo string, opt Options) (*Site, error) {
	s := &Site{root: repo, opt: opt, weeks: map[int]*weekData{}}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s.pages = pages
	if _, err := s.refresh(); err != nil {
		return nil, err
	}
	return s, nil
}

// Root returns the repository's absolute path.
func (s *Site) Root() string {
	snap, err := s.refresh()
	if err != nil {
		return s.root
	}
	return snap.ws.Root
}

// Warm analyses every week in the background so that the first visit of a
// week page does not wait for it.
func (s *Site) Warm(ctx context.Context) {
	go func() {
		if snap, err := s.refresh(); err == nil {
			snap.analyseAll(ctx)
		}
	}()
}

// listen opens Serve's listener. Tests replace it to see what Serve does
// on a non-loopback address without listening on one.
var listen = net.Listen

var pageNames = []string{"overview", "week", "member", "concepts", "note", "error"}

func parseTemplates() (map[string]*template.Template, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(assets, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// staticFiles are the files served under /static/ with their types.
var staticFiles = map[string]string{
	"app.css":     "text/css; charset=utf-8",
	"app.js":      "text/javascript; charset=utf-8",
	"favicon.svg": "image/svg+xml",
}

// Handler returns the site's HTTP handler: GET and HEAD only, the Host
// check (see Options.AnyHost) and the security headers on every response.
//
// Routes:
//
//	/                       overview: weeks × members, schedule
//	/week/{n}               a week's insights, sources, concept heatmap
//	/member/{slug}          a member's bullets and 추가 학습 backlog
//	/concepts               concepts across weeks
//	/note?path=P&line=N     a note, insights or group document, rendered
//	/note?path=P&view=raw   the same with numbered source lines
//	/file?path=P            an image a shown file displays
//	/static/{file}          app.css, app.js, favicon.svg
func (s *Site) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page(s.overview))
	mux.HandleFunc("GET /week/{n}", s.page(s.weekPage))
	mux.HandleFunc("GET /member/{slug}", s.page(s.memberPage))
	mux.HandleFunc("GET /concepts", s.page(s.conceptsPage))
	mux.HandleFunc("GET /note", s.page(s.notePage))
	mux.HandleFunc("GET /file", s.fileRoute)
	mux.HandleFunc("GET /static/{file}", serveStatic)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusNotFound, "페이지를 찾을 수 없습니다.")
	})
	return s.guard(mux)
}

// guard applies the rules every request goes through.
func (s *Site) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: this server only reads", http.StatusMethodNotAllowed)
			return
		}
		if !s.opt.AnyHost && !loopbackHost(r.Host) {
			http.Error(w, "misdirected request: unknown host", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine by a
// loopback name.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	ctype, ok := staticFiles[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := fs.ReadFile(assets, "static/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

// pageFunc builds one page from a fresh snapshot.
type pageFunc func(ctx context.Context, snap *snapshot, l linker, r *http.Request) (*view, error)

func (s *Site) page(build pageFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		snap, err := s.refresh()
		if err != nil {
			s.renderError(w, r, http.StatusInternalServerError, "저장소를 읽을 수 없습니다: "+err.Error())
			return
		}
		v, err := build(r.Context(), snap, serverLinks(), r)
		if err != nil {
			code := http.StatusInternalServerError
			var he *httpError
			if errors.As(err, &he) {
				code = he.code
			}
			s.renderError(w, r, code, err.Error())
			return
		}
		// A page made from the whole study only (a member page) is kept
		// as served until the study changes.
		study := snap.studyKey()
		page, ok := v.cached, v.cached != nil
		if !ok {
			var buf bytes.Buffer
			if err := s.render(&buf, v); err != nil {
				s.renderError(w, r, http.StatusInternalServerError, err.Error())
				return
			}
			page = buf.Bytes()
			if v.cacheKey != "" {
				s.cache.putPage(study, v.cacheKey, page)
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Length", strconv.Itoa(len(page)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(page)
		}
	}
}

func (s *Site) render(w io.Writer, v *view) error {
	t, ok := s.pages[v.Template]
	if !ok {
		return fmt.Errorf("web: no template %q", v.Template)
	}
	if v.navs != nil && v.NavHTML == "" {
		h, err := s.navHTML(t, v)
		if err != nil {
			return fmt.Errorf("web: render %s: %w", v.Template, err)
		}
		v.NavHTML = h
	}
	if err := t.ExecuteTemplate(w, "layout", v); err != nil {
		return fmt.Errorf("web: render %s: %w", v.Template, err)
	}
	return nil
}

// Serve listens on addr and serves the site until ctx is done. It writes
// where it listens to log, and a warning there when addr is not a loopback
// address (anyone who can reach the machine can then read the notes).
func (s *Site) Serve(ctx context.Context, addr string, log io.Writer) error {
	ln, err := listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	tcp := ln.Addr().(*net.TCPAddr)
	if !tcp.IP.IsLoopback() {
		s.opt.AnyHost = true
		fmt.Fprintf(log, "moim: warning: listening on %s, which is not a loopback address: anyone who can reach this machine can read the notes\n", ln.Addr())
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	url := "http://" + ln.Addr().String() + "/"
	if tcp.IP.IsUnspecified() {
		url = fmt.Sprintf("http://127.0.0.1:%d/", tcp.Port)
	}
	fmt.Fprintf(log, "moim: serving %s at %s (Ctrl-C to stop)\n", s.Root(), url)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		return nil
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serve: %w", err)
	}
}
