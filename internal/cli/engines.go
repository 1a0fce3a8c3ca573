package cli

import (
	"context"
	"fmt"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/engine/llm"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/engine/summary"
	"github.com/moim-study/moim/internal/workspace"
)

// EngineFactory builds the engine of a `moim generate` run. It runs once
// the repository is locked, before any week is read; an LLM engine checks
// there that its key and server work.
type EngineFactory func(ctx context.Context, o *GenerateOptions, ws *workspace.Workspace, s *IO) (engine.Engine, error)

// engineFactories are the engines `--engine` (or engine.name in
// moim.yaml) names: the one registry of engines.
var engineFactories = map[string]EngineFactory{
	offline.Name:          newOfflineEngine,
	llm.ProviderOpenAI:    newLLMEngine,
	llm.ProviderAnthropic: newLLMEngine,
}

// summarizerFor is the summary engine that goes with an engine: its own
// when it drafts summaries (the LLM engines), else the offline one.
func summarizerFor(e engine.Engine) engine.Summarizer {
	if s, ok := e.(engine.Summarizer); ok {
		return s
	}
	return summary.New()
}

func newOfflineEngine(context.Context, *GenerateOptions, *workspace.Workspace, *IO) (engine.Engine, error) {
	return offline.New(), nil
}

// newLLMEngine resolves the LLM settings (flags > env > moim.yaml), builds
// the engine with the offline engine as its fallback, and checks before
// any file is touched that the key is there and the server answers.
func newLLMEngine(ctx context.Context, o *GenerateOptions, ws *workspace.Workspace, s *IO) (engine.Engine, error) {
	var yml workspace.EngineConfig
	if ws.Config != nil {
		yml = ws.Config.Engine
	}
	name := o.Engine
	if name == "" {
		name = yml.Name
	}
	cfg, err := llm.ResolveConfig(llm.Flags{
		Engine:  name,
		Model:   o.Model,
		BaseURL: o.BaseURL,
		DryRun:  o.DryRun,
	}, s.Getenv, yml)
	if err != nil {
		return nil, err
	}
	cfg.Progress = s.ErrOut
	cfg.Verbose = o.Verbose
	cfg.Observer = o.progress
	if o.DryRun {
		cfg.DryRun = s.Out
	}
	e, err := llm.New(cfg, offline.New())
	if err != nil {
		return nil, err
	}
	if !o.DryRun {
		if err := e.Preflight(ctx); err != nil {
			return nil, fmt.Errorf("%s engine: %w", name, err)
		}
	}
	return e, nil
}
