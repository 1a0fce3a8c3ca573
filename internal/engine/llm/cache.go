package llm

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// cacheVersion changes whenever the meaning of a cached answer changes.
const cacheVersion = "moim-llm-cache-1"

// diskCache stores answers by a hash of everything that determines them:
// provider, server, model and the request body (prompt, evidence, schema,
// limits). Credentials are never part of the key or the entry.
type diskCache struct {
	dir string // "" = disabled
}

type cacheEntry struct {
	Version  string `json:"version"`
	Provider string `json:"provider"`
	Model    string `json:"model"`
	Reply    reply  `json:"reply"`
}

// cacheKey hashes the request's identity.
func cacheKey(c Config, endpoint string, body []byte) string {
	h := sha256.New()
	for _, s := range []string{cacheVersion, c.Provider, endpoint, c.Model} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

func (c diskCache) path(key string) string {
	return filepath.Join(c.dir, "llm", key[:2], key+".json")
}

// get returns the cached answer for key.
func (c diskCache) get(key string) (reply, bool) {
	if c.dir == "" {
		return reply{}, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return reply{}, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Version != cacheVersion {
		return reply{}, false
	}
	return e.Reply, true
}

// put stores an answer; the file appears atomically.
func (c diskCache) put(key string, cfg Config, r reply) error {
	if c.dir == "" {
		return nil
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("llm cache: %s: %w", filepath.Dir(p), err)
	}
	data, err := json.MarshalIndent(cacheEntry{Version: cacheVersion, Provider: cfg.Provider, Model: cfg.Model, Reply: r}, "", "  ")
	if err != nil {
		return fmt.Errorf("llm cache: %s: %w", p, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("llm cache: %s: %w", p, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("llm cache: %s: %w", p, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("llm cache: %s: %w", p, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("llm cache: %s: %w", p, err)
	}
	return nil
}
