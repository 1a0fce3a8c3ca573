package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// The context-size answers of the common local servers, in their wire
// formats.
const (
	vllmModels   = `{"object":"list","data":[{"id":"test-model","object":"model","created":1,"owned_by":"vllm","root":"test-model","parent":null,"max_model_len":32768,"permission":[]}]}`
	llamaProps   = `{"default_generation_settings":{"id":0,"id_task":-1,"n_ctx":16384,"speculative":false,"is_processing":false,"params":{"n_predict":-1}},"total_slots":1,"model_path":"/models/test.gguf","chat_template":""}`
	ollamaNumCtx = `{"modelfile":"FROM test","parameters":"num_ctx                        24576\nstop                           \"<|im_end|>\"","template":"","details":{"family":"qwen3"},"model_info":{"general.architecture":"qwen3","qwen3.context_length":40960}}`
	ollamaTrain  = `{"modelfile":"FROM test","parameters":"stop \"<|im_end|>\"","template":"","details":{"family":"llama"},"model_info":{"general.architecture":"llama","llama.context_length":131072}}`
)

func serve(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}
}

func TestServerContextIsDiscovered(t *testing.T) {
	var showReq map[string]string
	show := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost {
				http.Error(w, "method", 405)
				return
			}
			json.NewDecoder(r.Body).Decode(&showReq)
			serve(body)(w, r)
		}
	}
	tests := []struct {
		name     string
		provider string
		setup    func(f *fakeServer)
		explicit int // engine.context_tokens
		want     int
		why      string
	}{
		{"vLLM model list", ProviderOpenAI, func(f *fakeServer) { f.modelsBody = vllmModels }, 0, 32768, "max_model_len of test-model"},
		{"llama.cpp /props", ProviderOpenAI, func(f *fakeServer) { f.routes = map[string]http.HandlerFunc{"/props": serve(llamaProps)} }, 0, 16384, "/props (llama.cpp)"},
		{"llama.cpp behind the Anthropic API", ProviderAnthropic, func(f *fakeServer) { f.routes = map[string]http.HandlerFunc{"/props": serve(llamaProps)} }, 0, 16384, "/props (llama.cpp)"},
		{"Ollama num_ctx", ProviderOpenAI, func(f *fakeServer) { f.routes = map[string]http.HandlerFunc{"/api/show": show(ollamaNumCtx)} }, 0, 24576, "num_ctx of test-model in Ollama's /api/show"},
		{"Ollama trained length, capped", ProviderOpenAI, func(f *fakeServer) { f.routes = map[string]http.HandlerFunc{"/api/show": show(ollamaTrain)} }, 0, ollamaContextCap, "capped at 32768"},
		{"a server that does not say", ProviderOpenAI, func(f *fakeServer) {}, 0, localContextTokens, "did not say its context size"},
		{"moim.yaml wins", ProviderOpenAI, func(f *fakeServer) { f.modelsBody = vllmModels }, 12000, 12000, "engine.context_tokens in moim.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, tt.provider, nil)
			tt.setup(f)
			cfg := f.config(t)
			cfg.ContextTokens, cfg.ContextFrom = 0, ""
			if tt.explicit > 0 {
				cfg.ContextTokens, cfg.ContextFrom = tt.explicit, "engine.context_tokens in moim.yaml"
			}
			cfg.SendNumCtx = tt.provider == ProviderOpenAI
			var progress bytes.Buffer
			cfg.Progress = &progress
			e, _ := newEngine(t, cfg)
			if err := e.Preflight(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got := e.Config().ContextTokens; got != tt.want {
				t.Errorf("context %d, want %d", got, tt.want)
			}
			if tt.explicit > 0 && (f.hits["/props"]+f.hits["/api/show"] > 0) {
				t.Errorf("asked the server although the context was set: %v", f.hits)
			}
			if strings.Contains(tt.why, "Ollama") && showReq["model"] != "test-model" {
				t.Errorf("/api/show asked for %q", showReq["model"])
			}
			// The value, and why, is said once when generating, and the
			// requests are sized to it (Ollama's num_ctx follows it).
			w := generate(t, e, testInput(noteJihu))
			generate(t, e, testInput(noteJihu))
			if n := strings.Count(progress.String(), "llm: context "); n != 1 {
				t.Errorf("context said %d times: %q", n, progress.String())
			}
			if !strings.Contains(progress.String(), tt.why) {
				t.Errorf("progress %q does not say why (%q)", progress.String(), tt.why)
			}
			if w.Stats["requests"] == 0 {
				t.Fatal("no requests")
			}
			if tt.provider == ProviderOpenAI {
				var body struct {
					Options struct {
						NumCtx int `json:"num_ctx"`
					} `json:"options"`
					MaxTokens int `json:"max_tokens"`
				}
				json.Unmarshal(f.callsFor("김하늘")[0].Raw, &body)
				if body.Options.NumCtx != tt.want || body.MaxTokens != e.Config().MaxOutputTokens {
					t.Errorf("request num_ctx %d max_tokens %d, want %d and %d", body.Options.NumCtx, body.MaxTokens, tt.want, e.Config().MaxOutputTokens)
				}
			}
		})
	}
}
