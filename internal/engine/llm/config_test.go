package llm

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/workspace"
)

func TestResolveConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		name    string
		flags   Flags
		env     map[string]string
		yml     workspace.EngineConfig
		want    Config
		wantErr string
	}{
		{name: "offline by default", want: Config{Provider: ProviderOffline}},
		{name: "yaml names the engine, env holds the key",
			yml:  workspace.EngineConfig{Name: "openai", Model: "yaml-model"},
			env:  map[string]string{"OPENAI_API_KEY": "k1"},
			want: Config{Provider: ProviderOpenAI, Model: "yaml-model", APIKey: "k1", APIKeyEnv: "OPENAI_API_KEY", Concurrency: 4}},
		{name: "flags beat env beat yaml",
			flags: Flags{Engine: "openai", Model: "flag-model", BaseURL: "http://10.0.0.5:8000/v1"},
			env:   map[string]string{"OPENAI_API_KEY": "k1", "OPENAI_BASE_URL": "http://env:1/v1"},
			yml:   workspace.EngineConfig{Name: "anthropic", Model: "yaml-model", BaseURL: "http://yaml/v1", Concurrency: 2, ContextTokens: 32000},
			want:  Config{Provider: ProviderOpenAI, Model: "flag-model", BaseURL: "http://10.0.0.5:8000/v1", APIKey: "k1", APIKeyEnv: "OPENAI_API_KEY", ContextTokens: 32000, ContextFrom: "engine.context_tokens in moim.yaml", Concurrency: 2}},
		{name: "env base URL beats yaml",
			flags: Flags{Engine: "anthropic"},
			env:   map[string]string{"ANTHROPIC_API_KEY": "k2", "ANTHROPIC_BASE_URL": "https://proxy.example.com"},
			yml:   workspace.EngineConfig{BaseURL: "https://yaml.example.com"},
			want:  Config{Provider: ProviderAnthropic, Model: DefaultAnthropicModel, BaseURL: "https://proxy.example.com", APIKey: "k2", APIKeyEnv: "ANTHROPIC_API_KEY", Concurrency: 4}},
		{name: "api_key_env names the variable",
			yml:  workspace.EngineConfig{Name: "openai", APIKeyEnv: "GROUP_LLM_KEY"},
			env:  map[string]string{"GROUP_LLM_KEY": "k3", "OPENAI_API_KEY": "other"},
			want: Config{Provider: ProviderOpenAI, Model: DefaultOpenAIModel, APIKey: "k3", APIKeyEnv: "GROUP_LLM_KEY", Concurrency: 4}},
		{name: "Ollama on loopback needs no key and gets num_ctx",
			flags: Flags{Engine: "openai", Model: "qwen3:8b", BaseURL: "http://localhost:11434/v1"},
			want:  Config{Provider: ProviderOpenAI, Model: "qwen3:8b", BaseURL: "http://localhost:11434/v1", APIKeyEnv: "OPENAI_API_KEY", Concurrency: 4, SendNumCtx: true}},
		{name: "cache dir from env", flags: Flags{Engine: "openai", BaseURL: "http://127.0.0.1:8080/v1"}, env: map[string]string{"MOIM_CACHE_DIR": "/tmp/c"},
			want: Config{Provider: ProviderOpenAI, Model: DefaultOpenAIModel, BaseURL: "http://127.0.0.1:8080/v1", APIKeyEnv: "OPENAI_API_KEY", Concurrency: 4, CacheDir: "/tmp/c"}},
		{name: "dry run tolerates a missing key", flags: Flags{Engine: "anthropic", DryRun: true},
			want: Config{Provider: ProviderAnthropic, Model: DefaultAnthropicModel, APIKeyEnv: "ANTHROPIC_API_KEY", Concurrency: 4}},
		{name: "missing key", flags: Flags{Engine: "openai"}, wantErr: "OPENAI_API_KEY is not set: export it or set engine.api_key_env in moim.yaml"},
		{name: "missing named key", yml: workspace.EngineConfig{Name: "anthropic", APIKeyEnv: "TEAM_KEY"}, wantErr: "TEAM_KEY is not set"},
		{name: "unknown engine", flags: Flags{Engine: "gemini"}, wantErr: `unknown engine "gemini"`},
		{name: "bad base URL", flags: Flags{Engine: "openai", BaseURL: "localhost:11434"}, env: map[string]string{"OPENAI_API_KEY": "k"}, wantErr: "not an absolute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ResolveConfig(tt.flags, env(tt.env), tt.yml)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %#v\nwant %#v (key set: %v/%v)", got, tt.want, got.APIKey != "", tt.want.APIKey != "")
			}
		})
	}
}

func TestIsLoopback(t *testing.T) {
	for url, want := range map[string]bool{
		"http://localhost:11434/v1": true, "http://127.0.0.1:8080": true, "http://[::1]:1234/v1": true,
		"http://127.1.2.3/": true, "http://192.168.0.10:11434/v1": false, "https://api.openai.com/v1": false, "": false,
	} {
		if got := IsLoopback(url); got != want {
			t.Errorf("IsLoopback(%q) = %v", url, got)
		}
	}
}
