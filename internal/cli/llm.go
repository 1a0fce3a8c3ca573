package cli

import (
	"context"
	"fmt"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/engine/llm"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/workspace"
)

func init() {
	engineFactories[llm.ProviderOpenAI] = newLLMEngine
	engineFactories[llm.ProviderAnthropic] = newLLMEngine
}

// newLLMEngine resolves the LLM settings (flags > env > moim.yaml), builds
// the engine over the offline analysis, and checks before any file is
// touched that the key is there and the server answers.
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
