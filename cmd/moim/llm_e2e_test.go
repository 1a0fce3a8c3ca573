package main

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/testutil"
)

// fakeOpenAI is a local server speaking the OpenAI Chat Completions wire
// format. For a member request it answers one bullet per section, citing
// the first evidence sentences of the prompt; the group request gets empty
// sections (so moim falls back to offline bullets there).
type fakeOpenAI struct {
	requests atomic.Int32
	auth     atomic.Value
}

var (
	reMember   = regexp.MustCompile(`(?m)^Member: (.+)$`)
	reEvidence = regexp.MustCompile(`(?m)^\[(\d+\.\d+)\] L\d+: (.+)$`)
)

func (f *fakeOpenAI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models") {
		// The model list says the context size, as vLLM's does; moim
		// sizes its requests to it.
		io.WriteString(w, `{"object":"list","data":[{"id":"test-model","object":"model","created":0,"owned_by":"test","max_model_len":32768}]}`)
		return
	}
	if !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		http.NotFound(w, r)
		return
	}
	f.requests.Add(1)
	f.auth.Store(r.Header.Get("Authorization"))
	var body struct {
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
		ResponseFormat struct {
			JSONSchema struct {
				Schema struct {
					Properties struct {
						Sections struct {
							Required []string `json:"required"`
						} `json:"sections"`
					} `json:"properties"`
				} `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	user := body.Messages[len(body.Messages)-1].Content
	sections := map[string]any{}
	ev := reEvidence.FindAllStringSubmatch(user, -1)
	member := reMember.MatchString(user)
	for i, key := range body.ResponseFormat.JSONSchema.Schema.Properties.Sections.Required {
		var bullets []map[string]any
		if member && i < len(ev) && key != "corrections" && key != "summary" {
			bullets = append(bullets, map[string]any{
				"head": "모델이 쓴 머리말", "text": ev[i][2], "cite": []string{ev[i][1]}, "quote": "",
			})
		}
		sections[key] = map[string]any{"bullets": bullets, "rows": []any{}}
	}
	answer, err := json.Marshal(map[string]any{"sections": sections})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	resp := map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "test-model",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": string(answer)}}},
		"usage": map[string]any{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
	}
	if err := json.NewEncoder(w).Encode(resp); err != nil {
		panic(http.ErrAbortHandler) // the client sees a broken answer and the test fails
	}
}

// runEnv runs the binary with a minimal environment plus env.
func runEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	return runCmd(t, command(t, dir, env, args...))
}

func TestOpenAIEngineThroughTheBinary(t *testing.T) {
	repo := testutil.CopyDemo(t)
	fake := &fakeOpenAI{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	const secret = "sk-e2e-secret-0123456789"
	cache := t.TempDir()
	env := []string{"OPENAI_API_KEY=" + secret, "MOIM_CACHE_DIR=" + cache}
	args := []string{"generate", "--week", "1", "--engine", "openai", "--model", "test-model", "--base-url", srv.URL + "/v1", "--format", "json"}

	r := runEnv(t, repo, env, args...)
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if n := fake.requests.Load(); n != 5 {
		t.Errorf("requests = %d, want 5 (four members and the group)", n)
	}
	if got, _ := fake.auth.Load().(string); got != "Bearer "+secret {
		t.Errorf("Authorization = %q", got)
	}
	var rep insight.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	model, fallback := 0, 0
	for _, m := range rep.Weeks[0].Members {
		for _, s := range m.Sections {
			for _, b := range s.Bullets {
				switch b.Engine {
				case "test-model":
					model++
					if len(b.Sources) == 0 || b.Sources[0].File != m.Note {
						t.Errorf("model bullet without its member's source: %+v", b)
					}
				case "offline-fallback":
					fallback++
				}
			}
		}
	}
	if model < 8 {
		t.Errorf("%d bullets from the model, want one per member section", model)
	}
	for _, s := range rep.Weeks[0].Group {
		for _, b := range s.Bullets {
			if b.Engine != "offline-fallback" {
				t.Errorf("group bullet %+v should be an offline fallback (the fake answered none)", b)
			}
		}
	}
	if !strings.Contains(r.stderr, "5 requests") {
		t.Errorf("no closing stats line: %s", r.stderr)
	}
	if !strings.Contains(r.stderr, "context 32768 tokens (the server's answer: max_model_len") {
		t.Errorf("stderr does not say the context size the server reported: %s", r.stderr)
	}

	// The same week again is served from the cache: nothing sent.
	r = runEnv(t, repo, env, args...)
	if r.code != 0 || fake.requests.Load() != 5 {
		t.Errorf("rerun sent %d requests in all: %+v", fake.requests.Load(), r)
	}

	// The key is in no output and no cache file.
	if strings.Contains(r.stdout+r.stderr, secret) {
		t.Error("API key in the output")
	}
	files := 0
	err := filepath.Walk(cache, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), secret) {
			t.Errorf("API key in cache file %s", p)
		}
		return nil
	})
	if err != nil || files == 0 {
		t.Errorf("cache: %d files, %v", files, err)
	}
}

func TestLLMFailsBeforeTouchingTheDocument(t *testing.T) {
	repo := testutil.CopyDemo(t)
	if r := run(t, repo, "generate", "--week", "1"); r.code != 0 {
		t.Fatal(r)
	}
	before := read(t, repo, "weeks/week01/ai-insights.md")

	url := unreachableServer(t)
	for _, c := range []struct {
		env  []string
		want string
	}{
		{[]string{"OPENAI_API_KEY="}, "OPENAI_API_KEY is not set"},
		{[]string{"OPENAI_API_KEY=sk-x", "OPENAI_BASE_URL=" + url + "/v1"}, "cannot reach"},
	} {
		args := []string{"generate", "--week", "1", "--engine", "openai", "--model", "m"}
		r := runEnv(t, repo, append(c.env, "MOIM_CACHE_DIR="+t.TempDir()), args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("env %v: %+v, want exit 2 and %q", c.env, r, c.want)
		}
		if after := read(t, repo, "weeks/week01/ai-insights.md"); after != before {
			t.Errorf("env %v: the document changed", c.env)
		}
	}
}

// unreachableServer returns the URL of a server on 127.0.0.1 that closes
// every connection before answering. It holds its port until the test
// ends, so no other test can take it meanwhile.
func unreachableServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	return "http://" + ln.Addr().String()
}

func TestDryRunSendsAndWritesNothing(t *testing.T) {
	repo := testutil.CopyDemo(t)
	r := runEnv(t, repo, []string{"OPENAI_API_KEY=", "MOIM_CACHE_DIR=" + t.TempDir()},
		"generate", "--week", "1", "--engine", "openai", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--dry-run")
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	lines := 0
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var req struct {
			Request string `json:"request"`
			Tokens  int    `json:"estimated_input_tokens"`
		}
		if err := json.Unmarshal([]byte(l), &req); err != nil || req.Tokens <= 0 {
			t.Errorf("not a request line: %.80q (%v)", l, err)
		}
		lines++
	}
	if lines != 5 {
		t.Errorf("%d requests printed, want 5", lines)
	}
	if _, err := os.Stat(filepath.Join(repo, "weeks", "week01", "ai-insights.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("--dry-run wrote the document (%v)", err)
	}
}
