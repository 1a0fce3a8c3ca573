package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ollamaContextCap bounds the context moim asks of Ollama when only the
// model's trained maximum is known: Ollama allocates the whole context
// (num_ctx, which moim sends) in memory, and a 128k context of a small
// model does not fit most machines.
const ollamaContextCap = 32768

// probeTimeout bounds one question to the server about its limits.
const probeTimeout = 5 * time.Second

// serverContext is the context size a server reported, and how.
type serverContext struct {
	tokens int
	how    string // "vLLM /v1/models max_model_len", …
}

// discoverContext asks the server for the model's context size, in the
// ways the common local servers answer: vLLM's model list
// (max_model_len), llama.cpp's /props (n_ctx) and Ollama's /api/show
// (num_ctx of the model's parameters, else its trained context length,
// capped at ollamaContextCap). It returns false when none answers.
func (e *Engine) discoverContext(ctx context.Context) (serverContext, bool) {
	root, models := probeURLs(e.cfg)
	probes := []func(context.Context) (serverContext, bool){
		func(ctx context.Context) (serverContext, bool) { return e.probeModels(ctx, models) },
		func(ctx context.Context) (serverContext, bool) { return e.probeProps(ctx, root) },
		func(ctx context.Context) (serverContext, bool) { return e.probeOllama(ctx, root) },
	}
	if looksLikeOllama(e.cfg.BaseURL) {
		probes[0], probes[2] = probes[2], probes[0]
	}
	for _, p := range probes {
		pctx, cancel := context.WithTimeout(ctx, probeTimeout)
		sc, ok := p(pctx)
		cancel()
		if ok && sc.tokens > 0 {
			return sc, true
		}
		if ctx.Err() != nil {
			break
		}
	}
	return serverContext{}, false
}

// probeURLs returns the server's root (the base URL without its /v1) and
// the URL of its model list.
func probeURLs(c Config) (root, models string) {
	base := strings.TrimRight(c.BaseURL, "/")
	root = strings.TrimSuffix(base, "/v1")
	if c.Provider == ProviderAnthropic {
		return root, root + "/v1/models"
	}
	return root, base + "/models"
}

// getJSON fetches url (POSTing body when it is not nil) into v; false on
// any failure, which only means the server does not answer that way.
func (e *Engine) getJSON(ctx context.Context, rawURL string, body any, v any) bool {
	if _, err := url.Parse(rawURL); err != nil {
		return false
	}
	method := http.MethodGet
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return false
		}
		method, rd = http.MethodPost, bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, rawURL, rd)
	if err != nil {
		return false
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if k := e.cfg.APIKey; k != "" {
		if e.cfg.Provider == ProviderAnthropic {
			req.Header.Set("X-Api-Key", k)
			req.Header.Set("Anthropic-Version", "2023-06-01")
		} else {
			req.Header.Set("Authorization", "Bearer "+k)
		}
	}
	client := e.cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false
	}
	return json.NewDecoder(io.LimitReader(resp.Body, 4<<20)).Decode(v) == nil
}

// probeModels reads vLLM's max_model_len from the model list: the entry
// of the configured model, or the only one.
func (e *Engine) probeModels(ctx context.Context, u string) (serverContext, bool) {
	var list struct {
		Data []struct {
			ID          string `json:"id"`
			MaxModelLen int    `json:"max_model_len"`
		} `json:"data"`
	}
	if !e.getJSON(ctx, u, nil, &list) {
		return serverContext{}, false
	}
	for _, m := range list.Data {
		if m.MaxModelLen > 0 && (m.ID == e.cfg.Model || len(list.Data) == 1) {
			return serverContext{m.MaxModelLen, "max_model_len of " + m.ID + " in the server's model list (vLLM)"}, true
		}
	}
	return serverContext{}, false
}

// probeProps reads llama.cpp's context per slot from /props.
func (e *Engine) probeProps(ctx context.Context, root string) (serverContext, bool) {
	var props struct {
		NCtx     int `json:"n_ctx"`
		Settings struct {
			NCtx int `json:"n_ctx"`
		} `json:"default_generation_settings"`
	}
	if !e.getJSON(ctx, root+"/props", nil, &props) {
		return serverContext{}, false
	}
	if n := props.Settings.NCtx; n > 0 {
		return serverContext{n, "n_ctx of the server's /props (llama.cpp)"}, true
	}
	if props.NCtx > 0 {
		return serverContext{props.NCtx, "n_ctx of the server's /props (llama.cpp)"}, true
	}
	return serverContext{}, false
}

// probeOllama reads the model's context from Ollama's /api/show: num_ctx
// when its Modelfile sets one, else its trained context length, capped.
func (e *Engine) probeOllama(ctx context.Context, root string) (serverContext, bool) {
	var show struct {
		Parameters string         `json:"parameters"`
		ModelInfo  map[string]any `json:"model_info"`
	}
	if !e.getJSON(ctx, root+"/api/show", map[string]string{"model": e.cfg.Model}, &show) {
		return serverContext{}, false
	}
	for _, line := range strings.Split(show.Parameters, "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "num_ctx" {
			if n, err := strconv.Atoi(f[1]); err == nil && n > 0 {
				return serverContext{n, "num_ctx of " + e.cfg.Model + " in Ollama's /api/show"}, true
			}
		}
	}
	for k, v := range show.ModelInfo {
		if !strings.HasSuffix(k, ".context_length") {
			continue
		}
		n, ok := v.(float64)
		if !ok || n <= 0 {
			continue
		}
		if int(n) > ollamaContextCap {
			return serverContext{ollamaContextCap, fmt.Sprintf("%s's context length %d in Ollama's /api/show, capped at %d because Ollama holds the whole context in memory (set engine.context_tokens for more)", e.cfg.Model, int(n), ollamaContextCap)}, true
		}
		return serverContext{int(n), "context length of " + e.cfg.Model + " in Ollama's /api/show"}, true
	}
	return serverContext{}, false
}
