package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	anthropic "github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	openai "github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/shared"
)

// request is one model call, independent of the provider.
type request struct {
	// Label names the request in logs and dry-run output ("홍길동 1/2").
	Label      string
	System     string
	User       string
	SchemaName string
	Schema     map[string]any
	MaxTokens  int
}

// reply is a model's answer: the JSON text of the structured output.
type reply struct {
	Text         string `json:"text"`
	Truncated    bool   `json:"truncated,omitempty"`
	InputTokens  int    `json:"input_tokens"`
	OutputTokens int    `json:"output_tokens"`
}

// provider speaks one wire protocol. send makes exactly one attempt; the
// engine owns retries.
type provider interface {
	// body is the JSON request body as it would be sent (no credentials).
	body(req request) ([]byte, error)
	send(ctx context.Context, req request) (reply, error)
	// ping checks that the server answers and accepts the credentials.
	ping(ctx context.Context) error
	// endpoint is the URL requests go to, for messages.
	endpoint() string
}

func newProvider(c Config) provider {
	if c.Provider == ProviderAnthropic {
		return newAnthropic(c)
	}
	return newOpenAI(c)
}

// --- OpenAI Chat Completions (and compatible servers) ---

type openaiProvider struct {
	cfg    Config
	client openai.Client
	base   string
}

func newOpenAI(c Config) *openaiProvider {
	base := c.BaseURL
	if base == "" {
		base = "https://api.openai.com/v1/"
	}
	opts := []ooption.RequestOption{
		ooption.WithBaseURL(base),
		// Always set explicitly so the SDK's environment defaults never
		// substitute a different key; empty means no Authorization header.
		ooption.WithAPIKey(c.APIKey),
		ooption.WithMaxRetries(0),
	}
	if c.HTTPClient != nil {
		opts = append(opts, ooption.WithHTTPClient(c.HTTPClient))
	}
	return &openaiProvider{cfg: c, client: openai.NewClient(opts...), base: base}
}

func (p *openaiProvider) endpoint() string { return p.base }

func (p *openaiProvider) params(req request) openai.ChatCompletionNewParams {
	params := openai.ChatCompletionNewParams{
		Model: shared.ChatModel(p.cfg.Model),
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(req.System),
			openai.UserMessage(req.User),
		},
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONSchema: &shared.ResponseFormatJSONSchemaParam{
				JSONSchema: shared.ResponseFormatJSONSchemaJSONSchemaParam{
					Name:   req.SchemaName,
					Strict: openai.Bool(true),
					Schema: req.Schema,
				},
			},
		},
	}
	if isHostedAPI(p.base) {
		// Reasoning models accept only max_completion_tokens and the
		// default temperature.
		params.MaxCompletionTokens = openai.Int(int64(req.MaxTokens))
	} else {
		params.MaxTokens = openai.Int(int64(req.MaxTokens))
		params.Temperature = openai.Float(0)
		params.Seed = openai.Int(1)
	}
	if p.cfg.SendNumCtx {
		params.SetExtraFields(map[string]any{"options": map[string]any{"num_ctx": p.cfg.ContextTokens}})
	}
	return params
}

func (p *openaiProvider) body(req request) ([]byte, error) {
	return json.Marshal(p.params(req))
}

func (p *openaiProvider) send(ctx context.Context, req request) (reply, error) {
	resp, err := p.client.Chat.Completions.New(ctx, p.params(req))
	if err != nil {
		return reply{}, err
	}
	if len(resp.Choices) == 0 {
		return reply{}, errors.New("answer has no choices")
	}
	ch := resp.Choices[0]
	r := reply{
		Text:         ch.Message.Content,
		Truncated:    ch.FinishReason == "length",
		InputTokens:  int(resp.Usage.PromptTokens),
		OutputTokens: int(resp.Usage.CompletionTokens),
	}
	if ch.Message.Refusal != "" && r.Text == "" {
		return reply{}, fmt.Errorf("model refused: %s", clip(ch.Message.Refusal, 200))
	}
	return r, nil
}

func (p *openaiProvider) ping(ctx context.Context) error {
	_, err := p.client.Models.List(ctx)
	return err
}

// --- Anthropic Messages ---

type anthropicProvider struct {
	cfg    Config
	client anthropic.Client
	base   string
}

func newAnthropic(c Config) *anthropicProvider {
	base := c.BaseURL
	if base == "" {
		base = "https://api.anthropic.com/"
	}
	opts := []aoption.RequestOption{
		// moim resolves credentials itself; the SDK must not read env
		// variables or profiles.
		aoption.WithoutEnvironmentDefaults(),
		aoption.WithBaseURL(base),
		aoption.WithMaxRetries(0),
		aoption.WithRequestTimeout(c.RequestTimeout),
	}
	if c.APIKey != "" {
		opts = append(opts, aoption.WithAPIKey(c.APIKey))
	}
	if c.HTTPClient != nil {
		opts = append(opts, aoption.WithHTTPClient(c.HTTPClient))
	}
	return &anthropicProvider{cfg: c, client: anthropic.NewClient(opts...), base: base}
}

func (p *anthropicProvider) endpoint() string { return p.base }

func (p *anthropicProvider) params(req request) anthropic.MessageNewParams {
	props := req.Schema["properties"]
	var required []string
	if r, ok := req.Schema["required"].([]string); ok {
		required = r
	}
	tool := anthropic.ToolParam{
		Name:        req.SchemaName,
		Description: anthropic.String("Write the sections. Every bullet cites evidence ids."),
		InputSchema: anthropic.ToolInputSchemaParam{
			Properties:  props,
			Required:    required,
			ExtraFields: map[string]any{"additionalProperties": false},
		},
	}
	return anthropic.MessageNewParams{
		Model:      anthropic.Model(p.cfg.Model),
		MaxTokens:  int64(req.MaxTokens),
		System:     []anthropic.TextBlockParam{{Text: req.System}},
		Messages:   []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(req.User))},
		Tools:      []anthropic.ToolUnionParam{{OfTool: &tool}},
		ToolChoice: anthropic.ToolChoiceParamOfTool(req.SchemaName),
	}
}

func (p *anthropicProvider) body(req request) ([]byte, error) {
	return json.Marshal(p.params(req))
}

func (p *anthropicProvider) send(ctx context.Context, req request) (reply, error) {
	msg, err := p.client.Messages.New(ctx, p.params(req))
	if err != nil {
		return reply{}, err
	}
	r := reply{
		Truncated:    msg.StopReason == anthropic.StopReasonMaxTokens,
		InputTokens:  int(msg.Usage.InputTokens),
		OutputTokens: int(msg.Usage.OutputTokens),
	}
	var text strings.Builder
	for _, b := range msg.Content {
		switch b.Type {
		case "tool_use":
			if b.Name == req.SchemaName && len(b.Input) > 0 {
				r.Text = string(b.Input)
				return r, nil
			}
		case "text":
			text.WriteString(b.Text)
		}
	}
	// No tool call: accept a JSON answer in text, parsed strictly later.
	r.Text = text.String()
	return r, nil
}

func (p *anthropicProvider) ping(ctx context.Context) error {
	_, err := p.client.Models.List(ctx, anthropic.ModelListParams{})
	return err
}

// httpStatus extracts the HTTP status and headers of an SDK error.
func httpStatus(err error) (int, http.Header, bool) {
	var oe *openai.Error
	if errors.As(err, &oe) {
		var h http.Header
		if oe.Response != nil {
			h = oe.Response.Header
		}
		return oe.StatusCode, h, true
	}
	var ae *anthropic.Error
	if errors.As(err, &ae) {
		var h http.Header
		if ae.Response != nil {
			h = ae.Response.Header
		}
		return ae.StatusCode, h, true
	}
	return 0, nil, false
}

// describe is a short, uniform description of a request error: the HTTP
// status and the server's message, or the transport error. It never
// includes request headers.
func describe(err error) string {
	var oe *openai.Error
	if errors.As(err, &oe) {
		return statusText(oe.StatusCode, oe.Message)
	}
	var ae *anthropic.Error
	if errors.As(err, &ae) {
		return statusText(ae.StatusCode, ae.Message)
	}
	return err.Error()
}

func statusText(code int, msg string) string {
	s := fmt.Sprintf("HTTP %d %s", code, http.StatusText(code))
	if msg = oneLine(msg); msg != "" {
		s += ": " + clip(msg, 160)
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
