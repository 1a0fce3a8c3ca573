package llm

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/moim-study/moim/internal/workspace"
)

// Provider names.
const (
	ProviderOpenAI    = "openai"
	ProviderAnthropic = "anthropic"
	ProviderOffline   = "offline"
)

// Default settings used when neither flags, env nor moim.yaml set them.
const (
	DefaultOpenAIModel    = "gpt-5.4-mini"
	DefaultAnthropicModel = "claude-sonnet-4-6"
	DefaultConcurrency    = 4
	DefaultMaxRetries     = 3
	DefaultRetryBase      = time.Second
	DefaultMaxRetryWait   = time.Minute
	DefaultRequestTimeout = 3 * time.Minute
	// DefaultMinSupport is the share of a bullet's character bigrams that
	// must occur in the sentences it cites.
	DefaultMinSupport = 0.3
	// localContextTokens is assumed for servers other than the hosted APIs
	// (Ollama's default context is small; 8k is a safe explicit value).
	localContextTokens = 8192
)

// Config configures an LLM engine. Build it with ResolveConfig, or by hand
// in tests. APIKey is never printed: Config's String and GoString omit it.
type Config struct {
	// Provider is ProviderOpenAI or ProviderAnthropic.
	Provider string
	// Model is the model name sent to the server and recorded on bullets.
	Model string
	// BaseURL is the server's API root ("" = the provider's hosted API).
	// For OpenAI-compatible servers it includes /v1
	// ("http://localhost:11434/v1").
	BaseURL string
	// APIKey authenticates requests; may be empty for loopback servers.
	APIKey string
	// APIKeyEnv names the variable the key came from, for messages.
	APIKeyEnv string
	// ContextTokens is the model's context size; notes whose evidence does
	// not fit are split along their headings into several requests. 0
	// asks the server (Preflight), falling back to a default: 128000 for
	// OpenAI, 200000 for Anthropic, 8192 for any other server that does
	// not say.
	ContextTokens int
	// ContextFrom says where a set ContextTokens came from, for the
	// message that names the value used ("engine.context_tokens in
	// moim.yaml").
	ContextFrom string
	// MaxOutputTokens bounds each answer (default: a quarter of the
	// context, at most 8192).
	MaxOutputTokens int
	// SendNumCtx adds Ollama's "options": {"num_ctx": ContextTokens} to
	// Chat Completions requests.
	SendNumCtx bool
	// Concurrency limits requests in flight (default 4).
	Concurrency int
	// CacheDir holds cached answers (default os.UserCacheDir()/moim);
	// NoCache disables the cache.
	CacheDir string
	NoCache  bool
	// HTTPClient replaces the SDKs' HTTP client (tests, proxies).
	HTTPClient *http.Client
	// MaxRetries is how often a request is retried after 429, 5xx, a
	// timeout or a network error (0 = DefaultMaxRetries, <0 = never).
	MaxRetries int
	// RetryBase is the first backoff delay, doubled per retry; a server's
	// Retry-After wins over it. MaxRetryWait caps any single wait.
	RetryBase    time.Duration
	MaxRetryWait time.Duration
	// RequestTimeout bounds one attempt of one request.
	RequestTimeout time.Duration
	// MinSupport is the bigram share a bullet needs in its cited sentences
	// (default DefaultMinSupport).
	MinSupport float64
	// DryRun, when set, receives every request as JSON (with a token
	// estimate) instead of sending it; Generate then returns the offline
	// result.
	DryRun io.Writer
	// Progress receives progress and the closing stats line (stderr).
	Progress io.Writer
	// Verbose also prints every rejected bullet to Progress.
	Verbose bool
	// Observer, when set, hears of each request as it starts and ends; it
	// drives a status line.
	Observer RequestObserver
}

// RequestObserver hears of requests: Request(false, false) as one starts,
// Request(true, cached) as it ends (answered, failed, or served from the
// cache). It is called from several goroutines at once.
type RequestObserver interface {
	Request(done, cached bool)
}

// String describes the configuration without the API key.
func (c Config) String() string {
	key := "unset"
	if c.APIKey != "" {
		key = "set"
	}
	return fmt.Sprintf("llm.Config{Provider:%s Model:%s BaseURL:%s APIKey:%s ContextTokens:%d Concurrency:%d CacheDir:%s}",
		c.Provider, c.Model, c.BaseURL, key, c.ContextTokens, c.Concurrency, c.CacheDir)
}

// GoString is String, so %#v does not print the key either.
func (c Config) GoString() string { return c.String() }

// Flags are the command-line settings; zero values mean "not given".
type Flags struct {
	Engine        string
	Model         string
	BaseURL       string
	ContextTokens int
	Concurrency   int
	CacheDir      string
	NoCache       bool
	// DryRun makes a missing API key acceptable (nothing is sent).
	DryRun bool
}

// ResolveConfig merges flags, environment and moim.yaml (in that order of
// precedence) into a Config. getenv defaults to os.Getenv. When the engine
// is offline (or unset) it returns a Config whose Provider is
// ProviderOffline. A missing API key is an error unless the base URL is a
// loopback address (a local server such as Ollama) or flags.DryRun is set.
func ResolveConfig(flags Flags, getenv func(string) string, yml workspace.EngineConfig) (Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	provider := strings.ToLower(strings.TrimSpace(first(flags.Engine, yml.Name)))
	switch provider {
	case "", ProviderOffline:
		return Config{Provider: ProviderOffline}, nil
	case ProviderOpenAI, ProviderAnthropic:
	default:
		return Config{}, fmt.Errorf("unknown engine %q: want offline, openai or anthropic", provider)
	}
	envPrefix := "OPENAI"
	model := DefaultOpenAIModel
	if provider == ProviderAnthropic {
		envPrefix = "ANTHROPIC"
		model = DefaultAnthropicModel
	}
	c := Config{
		Provider:    provider,
		Model:       first(flags.Model, yml.Model, model),
		BaseURL:     first(flags.BaseURL, getenv(envPrefix+"_BASE_URL"), yml.BaseURL),
		Concurrency: firstInt(flags.Concurrency, yml.Concurrency, DefaultConcurrency),
		CacheDir:    first(flags.CacheDir, getenv("MOIM_CACHE_DIR")),
		NoCache:     flags.NoCache,
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return Config{}, fmt.Errorf("base URL %q is not an absolute http(s) URL", c.BaseURL)
		}
	}
	c.APIKeyEnv = envPrefix + "_API_KEY"
	if yml.APIKeyEnv != "" {
		c.APIKeyEnv = yml.APIKeyEnv
	}
	c.APIKey = strings.TrimSpace(getenv(c.APIKeyEnv))
	if c.APIKey == "" && !IsLoopback(c.BaseURL) && !flags.DryRun {
		if yml.APIKeyEnv != "" {
			return Config{}, fmt.Errorf("%s is not set: export it (moim.yaml engine.api_key_env names it) or use --base-url for a local server", c.APIKeyEnv)
		}
		return Config{}, fmt.Errorf("%s is not set: export it or set engine.api_key_env in moim.yaml", c.APIKeyEnv)
	}
	switch {
	case flags.ContextTokens > 0:
		c.ContextTokens, c.ContextFrom = flags.ContextTokens, "--context-tokens"
	case yml.ContextTokens > 0:
		c.ContextTokens, c.ContextFrom = yml.ContextTokens, "engine.context_tokens in moim.yaml"
	}
	c.SendNumCtx = provider == ProviderOpenAI && looksLikeOllama(c.BaseURL)
	return c, nil
}

// IsLoopback reports whether rawURL points at this machine (localhost,
// 127.0.0.0/8, ::1): a local server that may need no API key.
func IsLoopback(rawURL string) bool {
	if rawURL == "" {
		return false
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// looksLikeOllama reports whether the base URL is an Ollama server: its
// default port 11434 or a host named ollama.
func looksLikeOllama(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil || rawURL == "" {
		return false
	}
	return u.Port() == "11434" || strings.Contains(strings.ToLower(u.Hostname()), "ollama")
}

func defaultContext(provider, baseURL string) int {
	if baseURL != "" && !isHostedAPI(baseURL) {
		return localContextTokens
	}
	if provider == ProviderAnthropic {
		return 200000
	}
	return 128000
}

func isHostedAPI(baseURL string) bool {
	u, err := url.Parse(baseURL)
	if err != nil {
		return false
	}
	h := strings.ToLower(u.Hostname())
	return h == "api.openai.com" || h == "api.anthropic.com"
}

// withDefaults fills unset fields of c.
func (c Config) withDefaults() (Config, error) {
	switch c.Provider {
	case ProviderOpenAI, ProviderAnthropic:
	default:
		return c, fmt.Errorf("llm: unknown provider %q: want openai or anthropic", c.Provider)
	}
	if c.Model == "" {
		return c, fmt.Errorf("llm: no model: pass --model or set engine.model in moim.yaml")
	}
	if c.ContextTokens <= 0 {
		c.ContextTokens = defaultContext(c.Provider, c.BaseURL)
	}
	if c.MaxOutputTokens <= 0 {
		c.MaxOutputTokens = defaultOutput(c.ContextTokens)
	}
	if c.Concurrency <= 0 {
		c.Concurrency = DefaultConcurrency
	}
	if c.MaxRetries == 0 {
		c.MaxRetries = DefaultMaxRetries
	} else if c.MaxRetries < 0 {
		c.MaxRetries = 0
	}
	if c.RetryBase <= 0 {
		c.RetryBase = DefaultRetryBase
	}
	if c.MaxRetryWait <= 0 {
		c.MaxRetryWait = DefaultMaxRetryWait
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.MinSupport <= 0 {
		c.MinSupport = DefaultMinSupport
	}
	if c.CacheDir == "" && !c.NoCache {
		dir, err := os.UserCacheDir()
		if err != nil {
			return c, fmt.Errorf("llm: no cache directory (set MOIM_CACHE_DIR): %w", err)
		}
		c.CacheDir = filepath.Join(dir, "moim")
	}
	return c, nil
}

// defaultOutput is the answer limit for a context: a quarter of it,
// between 1024 and 8192 tokens.
func defaultOutput(contextTokens int) int {
	return min(8192, max(1024, contextTokens/4))
}

func first(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func firstInt(vals ...int) int {
	for _, v := range vals {
		if v > 0 {
			return v
		}
	}
	return 0
}
