package web

import (
	"bytes"
	"fmt"
	"net/http"
)

// The error page (templates/error.html) and the errors pages return.

// errorPage is what templates/error.html shows.
type errorPage struct {
	Code    int
	Message string
}

// httpError is an error with the status code its page is served with.
type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

func notFound(format string, a ...any) error {
	return &httpError{code: http.StatusNotFound, msg: fmt.Sprintf(format, a...)}
}

func (s *Site) renderError(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if s.opt.Logf != nil && code >= 500 {
		s.opt.Logf("%s %s: %d %s", r.Method, r.URL.RequestURI(), code, msg)
	}
	v := &view{Template: "error", Title: http.StatusText(code), L: serverLinks(), Page: errorPage{Code: code, Message: msg}}
	var buf bytes.Buffer
	if err := s.render(&buf, v); err != nil {
		http.Error(w, msg, code)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
