package web

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// serving is Serve running in the background.
type serving struct {
	url    string // where Serve said it listens
	log    strings.Builder
	cancel context.CancelFunc
	errc   chan error
	rest   chan string
}

// startServe runs s.Serve on addr and returns once Serve has said where
// it listens (no waiting on the clock: the announcement is the signal).
func startServe(t *testing.T, s *Site, addr string) *serving {
	t.Helper()
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	sv := &serving{cancel: cancel, errc: make(chan error, 1), rest: make(chan string, 1)}
	go func() {
		err := s.Serve(ctx, addr, pw)
		pw.Close()
		sv.errc <- err
	}()
	sc := bufio.NewScanner(pr)
	for sv.url == "" && sc.Scan() {
		line := sc.Text()
		sv.log.WriteString(line + "\n")
		if _, after, ok := strings.Cut(line, " at http://"); ok && strings.Contains(line, "moim: serving ") {
			sv.url = "http://" + strings.Fields(after)[0]
		}
	}
	if sv.url == "" {
		cancel()
		t.Fatalf("Serve ended without serving: %v\n%s", <-sv.errc, sv.log.String())
	}
	go func() {
		var b strings.Builder
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
		}
		sv.rest <- b.String()
	}()
	t.Cleanup(func() { cancel() })
	return sv
}

// stop ends Serve and returns its error and everything it logged.
func (sv *serving) stop() (string, error) {
	sv.cancel()
	err := <-sv.errc
	return sv.log.String() + <-sv.rest, err
}

// fetch sends a GET with the given Host header ("" for the URL's).
func fetch(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	return res.StatusCode, body(t, res)
}

// TestServe listens on a loopback port, answers a real request, refuses a
// foreign Host header, and stops cleanly when its context ends.
func TestServe(t *testing.T) {
	root, s := sharedFixture(t)
	sv := startServe(t, s, "127.0.0.1:0")
	if !strings.HasPrefix(sv.url, "http://127.0.0.1:") || strings.HasSuffix(sv.url, ":0/") {
		t.Errorf("announced %q", sv.url)
	}
	code, page := fetch(t, sv.url+"week/1", "")
	if code != http.StatusOK || !strings.Contains(page, "한가람") {
		t.Errorf("GET /week/1: %d\n%.300s", code, page)
	}
	if code, _ := fetch(t, sv.url, "evil.example"); code == http.StatusOK {
		t.Error("a foreign Host header was answered on a loopback address")
	}
	log, err := sv.stop()
	if err != nil {
		t.Errorf("Serve: %v", err)
	}
	if !strings.Contains(log, "moim: serving "+root) || strings.Contains(log, "warning") {
		t.Errorf("log:\n%s", log)
	}
}

// TestServeNonLoopback: on an address that is not loopback Serve warns
// and answers any Host header. The test listens on 127.0.0.1 all the
// same: its listener only says it is on 0.0.0.0.
func TestServeNonLoopback(t *testing.T) {
	orig := listen
	t.Cleanup(func() { listen = orig })
	listen = func(network, addr string) (net.Listener, error) {
		if addr != "0.0.0.0:0" {
			t.Errorf("Serve listens on %q, want the address it was given", addr)
		}
		ln, err := net.Listen(network, "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		port := ln.Addr().(*net.TCPAddr).Port
		return addrListener{ln, &net.TCPAddr{IP: net.IPv4zero, Port: port}}, nil
	}
	s := newSite(t, writeRepo(t, fixture))
	sv := startServe(t, s, "0.0.0.0:0")
	if code, page := fetch(t, sv.url, "evil.example"); code != http.StatusOK || !strings.Contains(page, "한가람") {
		t.Errorf("GET / with a foreign Host: %d", code)
	}
	log, err := sv.stop()
	if err != nil {
		t.Errorf("Serve: %v", err)
	}
	if !strings.Contains(log, "moim: warning: listening on 0.0.0.0:") || !strings.Contains(log, "anyone who can reach this machine can read the notes") {
		t.Errorf("no warning:\n%s", log)
	}
	if !strings.HasPrefix(sv.url, "http://127.0.0.1:") {
		t.Errorf("announced %q, want a loopback URL to open", sv.url)
	}
}

// addrListener reports addr as its address.
type addrListener struct {
	net.Listener
	addr net.Addr
}

func (l addrListener) Addr() net.Addr { return l.addr }
