package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/engine/offline"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// Notices written into sections.
const (
	NoticeNoNote        = "이번 주 노트가 제출되지 않았습니다."
	NoticeNoCorrections = "노트에서 바로잡을 오개념을 찾지 못했습니다."
	// NoticeNothingHere is the line of a section of another kind (the
	// summary, a template's own section) the model verified nothing for.
	NoticeNothingHere = "노트에서 이 항목에 해당하는 문장을 찾지 못했습니다."
)

// EngineFallback is the Engine recorded on bullets taken from the offline
// engine because the model's section could not be used.
const EngineFallback = "offline-fallback"

// describingShare is the part of MinSupport that bullets which describe
// or question the notes rather than restate them (the summary, the group
// sections) need: 0.24 by default. On the replay suite honest ones score
// 0.32 and more, invented ones 0.19 to 0.24.
const describingShare = 0.8

// maxBullets caps a bullet section after chunks are merged.
const maxBullets = 5

// Engine is an LLM engine. It implements engine.Engine.
type Engine struct {
	cfg      Config
	fallback engine.Engine
	prov     provider
	cache    diskCache
	// sleep waits between retries; tests record instead of waiting.
	sleep func(context.Context, time.Duration) error
	// askContext is set when no context size was configured: Preflight
	// asks the server. autoOutput is set when the output limit follows
	// the context.
	askContext, autoOutput bool
	// contextWhy says where cfg.ContextTokens came from; said once on
	// Progress.
	contextWhy  string
	contextOnce sync.Once
}

var _ engine.Engine = (*Engine)(nil)

// New returns an engine for cfg. fallback (the offline engine) fills
// whatever the model cannot.
func New(cfg Config, fallback engine.Engine) (*Engine, error) {
	if fallback == nil {
		return nil, errors.New("llm: a fallback engine is required")
	}
	c, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	e := &Engine{cfg: c, fallback: fallback, prov: newProvider(c), sleep: sleep,
		askContext: cfg.ContextTokens <= 0, autoOutput: cfg.MaxOutputTokens <= 0}
	switch {
	case !e.askContext && cfg.ContextFrom != "":
		e.contextWhy = cfg.ContextFrom
	case !e.askContext:
		e.contextWhy = "as configured"
	case isHostedAPI(c.BaseURL) || c.BaseURL == "":
		e.contextWhy = "moim's default for " + c.Provider + "'s API"
		e.askContext = false
	case c.DryRun != nil:
		e.contextWhy = "moim's default for a server that is not asked in a dry run; set engine.context_tokens in moim.yaml"
		e.askContext = false
	default:
		e.contextWhy = "moim's default: the server did not say its context size; set engine.context_tokens in moim.yaml"
	}
	if !c.NoCache {
		e.cache = diskCache{dir: c.CacheDir}
	}
	return e, nil
}

// Name returns the model name.
func (e *Engine) Name() string { return e.cfg.Model }

// Config returns the effective configuration (defaults filled in).
func (e *Engine) Config() Config { return e.cfg }

// Preflight checks, before anything is written, that a request can be
// made: an API key is present (unless the server is on this machine) and
// the server answers and accepts the key. With DryRun set it only checks
// the configuration.
func (e *Engine) Preflight(ctx context.Context) error {
	c := e.cfg
	if c.APIKey == "" && !IsLoopback(c.BaseURL) && c.DryRun == nil {
		env := c.APIKeyEnv
		if env == "" {
			env = strings.ToUpper(c.Provider) + "_API_KEY"
		}
		return fmt.Errorf("%s: %s is not set: export it or set engine.api_key_env in moim.yaml", c.Provider, env)
	}
	if c.DryRun != nil {
		return nil
	}
	pctx, cancel := context.WithTimeout(ctx, min(15*time.Second, c.RequestTimeout))
	defer cancel()
	err := e.prov.ping(pctx)
	if err == nil {
		e.useServerContext(ctx)
		return nil
	}
	where := e.prov.endpoint()
	status, _, isHTTP := httpStatus(err)
	switch {
	case isHTTP && (status == 401 || status == 403):
		env := c.APIKeyEnv
		if env == "" {
			env = "the API key"
		}
		return fmt.Errorf("%s: %s rejected the API key (HTTP %d): check %s", c.Provider, where, status, env)
	case isHTTP && status >= 500:
		return fmt.Errorf("%s: %s is not ready (HTTP %d)", c.Provider, where, status)
	case isHTTP:
		// Reachable; some compatible servers have no model list.
		e.useServerContext(ctx)
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	default:
		return fmt.Errorf("%s: cannot reach %s: %s (is the server running? check --base-url / %s_BASE_URL)",
			c.Provider, where, e.redact(clip(describe(err), 200)), strings.ToUpper(c.Provider))
	}
}

// useServerContext asks the server for its context size when none was
// configured, and sizes requests to it.
func (e *Engine) useServerContext(ctx context.Context) {
	if !e.askContext {
		return
	}
	e.askContext = false
	sc, ok := e.discoverContext(ctx)
	if !ok {
		return
	}
	e.cfg.ContextTokens = sc.tokens
	if e.autoOutput {
		e.cfg.MaxOutputTokens = defaultOutput(sc.tokens)
	}
	e.contextWhy = "the server's answer: " + sc.how
	e.prov = newProvider(e.cfg)
}

// ContextNote says which context size the engine uses and why.
func (e *Engine) ContextNote() string {
	return fmt.Sprintf("context %d tokens (%s), answers up to %d tokens", e.cfg.ContextTokens, e.contextWhy, e.cfg.MaxOutputTokens)
}

// redact removes the API key from s.
func (e *Engine) redact(s string) string {
	if k := e.cfg.APIKey; len(k) >= 4 {
		s = strings.ReplaceAll(s, k, "[redacted]")
	}
	return s
}

// run is the state of one Generate call.
type run struct {
	e  *Engine
	in *engine.Input
	// ev is what bullets may cite and name: the week's analysed sentences
	// with their context, and next week's material.
	ev   *evidence
	lang string
	sem  chan struct{}

	mu       sync.Mutex
	stats    map[string]int
	warnings []string
	rejected []insight.Rejection
	dry      []dryEntry
}

type dryEntry struct {
	order string
	line  []byte
}

func (r *run) add(key string, n int) {
	r.mu.Lock()
	r.stats[key] += n
	r.mu.Unlock()
}

func (r *run) warn(format string, args ...any) {
	msg := r.e.redact(fmt.Sprintf(format, args...))
	r.mu.Lock()
	r.warnings = append(r.warnings, msg)
	r.mu.Unlock()
	r.progress("%s", msg)
}

func (r *run) progress(format string, args ...any) {
	if w := r.e.cfg.Progress; w != nil {
		r.mu.Lock()
		fmt.Fprintf(w, "llm: "+r.e.redact(format)+"\n", args...)
		r.mu.Unlock()
	}
}

// Generate fills the week: member sections from one request per member
// (per chunk of an oversized note) over the week's analysis, group
// sections from one request built on the verified member bullets;
// everything the model cannot supply comes from the fallback engine.
func (e *Engine) Generate(ctx context.Context, in *engine.Input) (*insight.Week, error) {
	if in == nil || in.Template == nil {
		return nil, errors.New("llm: input without a template")
	}
	if in.Analysis == nil {
		return nil, engine.ErrNoAnalysis
	}
	base, err := e.fallback.Generate(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("llm: offline fallback: %w", err)
	}
	r := &run{e: e, in: in, ev: newEvidence(in), lang: language(in.Template), sem: make(chan struct{}, e.cfg.Concurrency), stats: map[string]int{}}
	e.contextOnce.Do(func() { r.progress("%s", e.ContextNote()) })

	results := make([]*memberResult, len(in.Members))
	var wg sync.WaitGroup
	for i, m := range in.Members {
		if m.Doc == nil {
			continue
		}
		wg.Go(func() { results[i] = r.member(ctx, i, m) })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	week := &insight.Week{Number: in.Week, Engine: e.Name()}
	for i, m := range in.Members {
		week.Members = append(week.Members, r.assembleMember(m, findMember(base, m.Member.Name), results[i]))
	}
	week.Group = r.groupSections(ctx, base, week.Members)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.cfg.DryRun != nil {
		r.flushDryRun()
	}
	week.Stats = r.stats
	week.Warnings = append(append([]string{}, base.Warnings...), r.warnings...)
	week.Rejected = r.sortedRejections()
	if e.cfg.Verbose {
		for _, rj := range week.Rejected {
			r.progress("%s", describeRejection(rj))
		}
	}
	r.progress("%s", r.summary(in.Week))
	return week, nil
}

// sortedRejections returns the rejections in document order: members in
// the week's order, sections in the template's, then the group.
func (r *run) sortedRejections() []insight.Rejection {
	order := map[string]int{}
	for i, m := range r.in.Members {
		order[m.Member.Name] = i
	}
	order[""] = len(r.in.Members)
	sec := map[string]int{}
	for i, s := range append(append([]doc.SectionSpec{}, r.in.Template.MemberSections...), r.in.Template.GroupSections...) {
		sec[s.Key] = i
	}
	out := slices.Clone(r.rejected)
	slices.SortStableFunc(out, func(a, b insight.Rejection) int {
		if d := order[a.Member] - order[b.Member]; d != 0 {
			return d
		}
		return sec[a.Section] - sec[b.Section]
	})
	return out
}

// describeRejection is one line about a rejected bullet for -v.
func describeRejection(rj insight.Rejection) string {
	b := insight.Bullet{Head: rj.Head, Text: rj.Text}
	line := fmt.Sprintf("rejected %s [%s] %q", rj.Label(), rj.Reason, clip(b.Markdown(), 160))
	var why []string
	if rj.Detail != "" {
		why = append(why, rj.Detail)
	}
	if rj.MinSupport > 0 {
		why = append(why, fmt.Sprintf("support %.2f of %.2f needed", rj.Support, rj.MinSupport))
	}
	if len(why) > 0 {
		line += " (" + strings.Join(why, "; ") + ")"
	}
	return line
}

func findMember(w *insight.Week, name string) *insight.Member {
	if w == nil {
		return nil
	}
	for i := range w.Members {
		if w.Members[i].Name == name {
			return &w.Members[i]
		}
	}
	return nil
}

func findSection(secs []insight.Section, spec doc.SectionSpec) *insight.Section {
	for i := range secs {
		if spec.Key != "" && secs[i].Key == spec.Key {
			return &secs[i]
		}
	}
	for i := range secs {
		if secs[i].Heading == spec.Heading {
			return &secs[i]
		}
	}
	return nil
}

// modelSpecs are the sections a model can write: known keys, once each.
func modelSpecs(specs []doc.SectionSpec) []doc.SectionSpec {
	var out []doc.SectionSpec
	seen := map[string]bool{}
	for _, s := range specs {
		if s.Key == "" || seen[s.Key] {
			continue
		}
		if _, known := defaultMeaning[s.Key]; !known {
			continue
		}
		seen[s.Key] = true
		out = append(out, s)
	}
	return out
}

// sectionResult collects a section's verified output over all chunks.
type sectionResult struct {
	perChunk [][]verdict // accepted bullets per chunk
	rows     []insight.Row
	rejected map[string]int
	answered int // chunks whose answer had this section
}

type memberResult struct {
	chunks   int
	failed   []string // reasons of chunks that got no usable answer
	sections map[string]*sectionResult
}

// member asks the model for one member's sections.
func (r *run) member(ctx context.Context, idx int, m engine.MemberInput) *memberResult {
	name := m.Member.Name
	specs := modelSpecs(r.in.Template.MemberSections)
	res := &memberResult{sections: map[string]*sectionResult{}}
	for _, s := range specs {
		res.sections[s.Key] = &sectionResult{rejected: map[string]int{}}
	}
	if len(specs) == 0 {
		return res
	}
	am := r.in.Analysis.Member(name)
	items := memberItems(am, m.Doc)
	if len(items) == 0 {
		res.failed = append(res.failed, "the note has no sentences")
		return res
	}
	system := fmt.Sprintf(memberSystem, r.lang)
	schema := sectionsSchema(specs)
	schemaJSON, _ := json.Marshal(schema)
	secs := make([]sectionRequest, len(specs))
	for i, s := range specs {
		secs[i] = sectionRequest{Spec: s}
	}
	overhead := estimateTokens(system) + estimateTokens(memberPrompt(name, m.Doc, 9, 9, withSuggest(secs, am, nil), nil)) + estimateTokens(string(schemaJSON)) + 64
	budget := (r.e.cfg.ContextTokens - r.e.cfg.MaxOutputTokens - overhead) * 9 / 10
	if budget < 128 {
		r.warn("%s: context of %d tokens leaves no room for the note; raise engine.context_tokens", name, r.e.cfg.ContextTokens)
		budget = 128
	}
	chunks := splitChunks(items, budget)
	res.chunks = len(chunks)
	r.add("chunks", len(chunks))
	ver := newVerifier(name, r.ev, r.e.Name())

	answers := make([]answer, len(chunks))
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for c, chunk := range chunks {
		ids := map[string]bool{}
		for _, it := range chunk {
			ids[it.Ev.ID] = true
		}
		req := request{
			Label:      fmt.Sprintf("%s %d/%d", name, c+1, len(chunks)),
			System:     system,
			User:       memberPrompt(name, m.Doc, c+1, len(chunks), withSuggest(secs, am, ids), chunk),
			SchemaName: memberSchemaName,
			Schema:     schema,
			MaxTokens:  r.e.cfg.MaxOutputTokens,
		}
		order := fmt.Sprintf("m%04d.c%04d", idx, c)
		wg.Go(func() { answers[c], errs[c] = r.do(ctx, req, order) })
	}
	wg.Wait()

	for c := range chunks {
		if errs[c] != nil {
			if !errors.Is(errs[c], errDryRun) {
				res.failed = append(res.failed, errs[c].Error())
			}
			continue
		}
		for _, s := range specs {
			sr := res.sections[s.Key]
			sec, ok := answers[c].Sections[s.Key]
			if !ok {
				continue
			}
			sr.answered++
			var accepted []verdict
			support := r.e.cfg.MinSupport
			if s.Key == insight.KeySummary {
				// A summary describes the note rather than restating it.
				support *= describingShare
			}
			for _, b := range sec.Bullets {
				v := ver.bullet(b, support)
				r.count(sr, v, "bullets", rejection(name, s.Key, b, v, support))
				if v.Reason == "" {
					accepted = append(accepted, v)
				}
			}
			sr.perChunk = append(sr.perChunk, accepted)
			for _, row := range sec.Rows {
				v := ver.row(row)
				rj := rejection(name, s.Key, answerBullet{Head: row.Written, Text: row.Correction, Cite: row.Cite}, v, 0)
				r.count(sr, v, "rows", rj)
				if v.Reason == "" && !slices.ContainsFunc(sr.rows, func(x insight.Row) bool { return x.Written == v.Row.Written }) {
					sr.rows = append(sr.rows, v.Row)
				}
			}
		}
	}
	if len(res.failed) > 0 {
		r.warn("%s: %d of %d request(s) failed (%s); those sections use offline bullets", name, len(res.failed), len(chunks), res.failed[0])
	}
	return res
}

// rejection describes a bullet b of member's section key with its verdict.
func rejection(member, key string, b answerBullet, v verdict, minSupport float64) insight.Rejection {
	rj := insight.Rejection{Member: member, Section: key, Head: oneLine(b.Head), Text: oneLine(b.Text), Cite: b.Cite,
		Reason: v.Reason, Detail: v.Detail, Support: round2(v.Support)}
	if v.Support > 0 || v.Reason == reasonUnsupported {
		rj.MinSupport = round2(minSupport)
	}
	return rj
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

func (r *run) count(sr *sectionResult, v verdict, kind string, rj insight.Rejection) {
	if v.Reason != "" {
		sr.rejected[v.Reason]++
		r.add(kind+"_rejected", 1)
		r.add("rejected_"+v.Reason, 1)
		r.mu.Lock()
		r.rejected = append(r.rejected, rj)
		r.mu.Unlock()
		return
	}
	r.add(kind+"_accepted", 1)
	if v.Repaired {
		r.add(kind+"_repaired", 1)
	}
}

// withSuggest adds the member's ranked evidence (within the chunk when ids
// is non-nil) to each section request.
func withSuggest(secs []sectionRequest, am *analyze.Member, ids map[string]bool) []sectionRequest {
	out := make([]sectionRequest, len(secs))
	for i, s := range secs {
		out[i] = sectionRequest{Spec: s.Spec}
		for _, e := range am.Candidates(s.Spec.Key) {
			if ids != nil && !ids[e.ID] {
				continue
			}
			out[i].Suggest = append(out[i].Suggest, e.ID)
			if len(out[i].Suggest) == 6 {
				break
			}
		}
	}
	return out
}

// pick merges the chunks' accepted bullets round-robin, without
// duplicates, up to limit.
func pick(perChunk [][]verdict, limit int) []verdict {
	var out []verdict
	seen := map[string]bool{}
	for i := 0; len(out) < limit; i++ {
		any := false
		for _, list := range perChunk {
			if i >= len(list) || len(out) >= limit {
				continue
			}
			any = true
			k := text.Compact(list[i].Bullet.Head + list[i].Bullet.Text)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, list[i])
		}
		if !any {
			break
		}
	}
	return out
}

// assembleMember builds a member block in template order.
func (r *run) assembleMember(m engine.MemberInput, base *insight.Member, res *memberResult) insight.Member {
	out := insight.Member{Name: m.Member.Name, Roman: m.Member.Roman}
	if base != nil {
		out = *base
		out.Sections = nil
	} else if m.Doc != nil {
		out.Note, out.Submitted, out.Style = m.Doc.Path, true, string(m.Doc.Style)
	}
	for _, spec := range r.in.Template.MemberSections {
		sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: spec.Kind}
		if m.Doc == nil {
			sec.Notice = NoticeNoNote
			out.Sections = append(out.Sections, sec)
			continue
		}
		var sr *sectionResult
		if res != nil {
			sr = res.sections[spec.Key]
		}
		if sr != nil && r.fill(&sec, sr, res.chunks, m.Member.Name) {
			out.Sections = append(out.Sections, sec)
			continue
		}
		out.Sections = append(out.Sections, r.fallbackSection(spec, base, m.Member.Name))
	}
	return out
}

// fill puts a model section's verified content into sec. A section the
// model answered in every request but for which nothing was verified (it
// wrote nothing, or every bullet failed) gets the plain line that there is
// nothing of this kind. It returns false when the model's answer is
// missing and the section must fall back to the offline engine.
func (r *run) fill(sec *insight.Section, sr *sectionResult, requests int, member string) bool {
	if sec.Kind == insight.KindTable {
		sec.Rows = sr.rows
	} else {
		limit := maxBullets
		if sec.Kind == insight.KindParagraph {
			limit = min(3, max(1, len(sr.perChunk)))
		}
		for _, v := range pick(sr.perChunk, limit) {
			sec.Bullets = append(sec.Bullets, v.Bullet)
		}
	}
	if len(sec.Bullets) > 0 || len(sec.Rows) > 0 {
		sec.Engine = r.e.Name()
		return true
	}
	if requests == 0 || sr.answered < requests {
		return false
	}
	sec.Notice = r.emptyNotice(sec.Key)
	sec.Engine = r.e.Name()
	if sec.Kind != insight.KindTable {
		// A table without rows is the usual answer: no misconception.
		r.add("empty_sections", 1)
	}
	if n := total(sr.rejected); n > 0 {
		r.warn("%s/%s: every model bullet failed verification (%s); the section says there is nothing of this kind", member, sec.Key, countList(sr.rejected))
	}
	return true
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// countList is "a 2, b 1" for a map of counts, keys sorted.
func countList(m map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// emptyNotice is the line of a section the model verified nothing for:
// the offline engine's notice for a section of that kind, else a plain
// one.
func (r *run) emptyNotice(key string) string {
	switch key {
	case insight.KeyCorrections:
		return NoticeNoCorrections
	case insight.KeyNext:
		if r.in.Next == nil {
			return offline.NextNotice(r.in)
		}
	}
	if n := offline.NoticeFor(key); n != "" {
		return n
	}
	return NoticeNothingHere
}

// fallbackSection takes the offline engine's section, relabelled: used
// when the model's answer for it could not be had.
func (r *run) fallbackSection(spec doc.SectionSpec, base *insight.Member, member string) insight.Section {
	sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: spec.Kind}
	if base != nil {
		if b := findSection(base.Sections, spec); b != nil {
			sec = relabel(*b)
			sec.Heading, sec.Kind = spec.Heading, spec.Kind
		}
	}
	if spec.Key == "" {
		return sec
	}
	sec.Engine = EngineFallback
	if r.e.cfg.DryRun == nil {
		r.add("fallback_sections", 1)
	}
	return sec
}

func relabel(s insight.Section) insight.Section {
	s.Bullets = slices.Clone(s.Bullets)
	for i := range s.Bullets {
		if s.Bullets[i].Engine == "" || s.Bullets[i].Engine == "offline" {
			s.Bullets[i].Engine = EngineFallback
		}
	}
	s.Rows = slices.Clone(s.Rows)
	for i := range s.Rows {
		if s.Rows[i].Engine == "" || s.Rows[i].Engine == "offline" {
			s.Rows[i].Engine = EngineFallback
		}
	}
	return s
}

// memberDigest is what the group request sees of a member: the verified
// bullets about their note and the note sentences they rest on.
type memberDigest struct {
	Name      string
	Bullets   []digestBullet
	Sentences []analyze.Evidence
}

type digestBullet struct {
	Section string
	Text    string
	IDs     []string
}

// maxDigestSentences bounds the sentences of one member in the group
// request.
const maxDigestSentences = 24

// digests describes each member for the group request: the bullets of
// their sections with the evidence ids of the lines they rest on, and
// those sentences; then sentences naming the week's shared concepts.
func (r *run) digests(members []insight.Member) ([]memberDigest, int) {
	byLine := map[string]string{}
	for id, ev := range r.ev.byID {
		if ev.Next {
			continue
		}
		k := fmt.Sprintf("%s:%d", ev.File, ev.Line)
		if old, ok := byLine[k]; !ok || compareIDs(id, old) < 0 {
			byLine[k] = id
		}
	}
	shared := map[string]bool{}
	for _, c := range r.in.Analysis.Concepts {
		if len(c.Members()) >= 2 && analyze.Specific(c.Term) {
			shared[text.Compact(c.Term)] = true
		}
	}
	var out []memberDigest
	total := 0
	for _, m := range members {
		d := memberDigest{Name: m.Name}
		seen := map[string]bool{}
		addSentence := func(id string) {
			if !seen[id] && len(d.Sentences) < maxDigestSentences {
				seen[id] = true
				d.Sentences = append(d.Sentences, r.ev.byID[id].Evidence)
			}
		}
		for _, s := range m.Sections {
			if s.Key == insight.KeyCorrections || s.Key == "" {
				continue
			}
			for _, b := range s.Bullets {
				var ids []string
				for _, src := range b.Sources {
					if id, ok := byLine[fmt.Sprintf("%s:%d", src.File, src.Line)]; ok && !slices.Contains(ids, id) {
						ids = append(ids, id)
					}
				}
				if len(ids) == 0 {
					continue
				}
				d.Bullets = append(d.Bullets, digestBullet{Section: s.Key, Text: b.Markdown(), IDs: ids})
				for _, id := range ids {
					addSentence(id)
				}
				total++
			}
		}
		// A sentence for each shared concept the bullets do not cover, so
		// that claims about who wrote what can rest on the notes.
		if am := r.in.Analysis.Member(m.Name); am != nil {
			covered := map[string]bool{}
			for _, ev := range d.Sentences {
				for k := range shared {
					if strings.Contains(text.Compact(ev.Text), k) {
						covered[k] = true
					}
				}
			}
			for _, s := range am.Sentences {
				c := text.Compact(s.Text)
				for k := range shared {
					if !covered[k] && strings.Contains(c, k) {
						covered[k] = true
						addSentence(s.ID)
					}
				}
			}
		}
		slices.SortFunc(d.Sentences, func(a, b analyze.Evidence) int { return compareIDs(a.ID, b.ID) })
		out = append(out, d)
	}
	return out, total
}

// groupSections writes the group block in one request: the concept
// matrix, each member's verified bullets and the note sentences they rest
// on, and next week's material. Group bullets cite note sentences (and,
// for 다음 주차 연결 포인트, next week's material) and are verified against
// them, never against the model's member bullets; what they say about
// members is checked against the concept matrix.
func (r *run) groupSections(ctx context.Context, base *insight.Week, members []insight.Member) []insight.Section {
	specs := modelSpecs(r.in.Template.GroupSections)
	digests, total := r.digests(members)

	var ans answer
	answered := false
	if len(specs) > 0 && total > 0 {
		req := request{
			Label:      "group",
			System:     fmt.Sprintf(groupSystem, r.lang),
			User:       groupPrompt(r.in, specs, r.in.Analysis.Concepts, digests, r.ev.next),
			SchemaName: groupSchemaName,
			Schema:     sectionsSchema(specs),
			MaxTokens:  r.e.cfg.MaxOutputTokens,
		}
		var failure error
		ans, failure = r.do(ctx, req, "z")
		answered = failure == nil
		if failure != nil && !errors.Is(failure, errDryRun) {
			r.warn("group: request failed (%s); group sections use offline bullets", failure)
		}
	}
	ver := newVerifier("", r.ev, r.e.Name())
	ver.claims = newMemberClaims(r.in)
	ver.claims.notes = r.ev.notes

	var out []insight.Section
	for _, spec := range r.in.Template.GroupSections {
		sec := insight.Section{Key: spec.Key, Heading: spec.Heading, Kind: spec.Kind}
		a, ok := ans.Sections[spec.Key]
		if !ok || !answered || spec.Key == "" {
			var b *insight.Member
			if base != nil {
				b = &insight.Member{Sections: base.Group}
			}
			out = append(out, r.fallbackSection(spec, b, "group"))
			continue
		}
		v := ver
		if spec.Key == insight.KeyNext {
			v = ver.forNext()
		}
		sr := &sectionResult{rejected: map[string]int{}, answered: 1}
		var acc []verdict
		// Group bullets ask questions across notes: their framing words
		// are no note's.
		minSupport := r.e.cfg.MinSupport * describingShare
		for _, b := range a.Bullets {
			vd := v.bullet(b, minSupport)
			r.count(sr, vd, "bullets", rejection("", spec.Key, b, vd, minSupport))
			if vd.Reason == "" {
				acc = append(acc, vd)
			}
		}
		sr.perChunk = [][]verdict{acc}
		r.fill(&sec, sr, 1, "group")
		out = append(out, sec)
	}
	return out
}

// errDryRun marks requests that were printed instead of sent.
var errDryRun = errors.New("dry run: request not sent")

// do sends one request (or serves it from the cache) and parses the
// answer. Failed, truncated and unparsable answers are never cached.
func (r *run) do(ctx context.Context, req request, order string) (answer, error) {
	body, err := r.e.prov.body(req)
	if err != nil {
		return answer{}, fmt.Errorf("encode request: %w", err)
	}
	key := cacheKey(r.e.cfg, r.e.prov.endpoint(), body)
	cached, hit := r.e.cache.get(key)
	if r.e.cfg.DryRun != nil {
		r.recordDryRun(req, body, hit, order)
		return answer{}, errDryRun
	}
	if ob := r.e.cfg.Observer; ob != nil {
		ob.Request(false, false)
		defer func() { ob.Request(true, hit) }()
	}
	if hit {
		r.add("cache_hits", 1)
		if a, err := parseAnswer(cached.Text); err == nil {
			return a, nil
		}
		hit = false // an unreadable cache entry: asked again
	}
	select {
	case r.sem <- struct{}{}:
	case <-ctx.Done():
		return answer{}, ctx.Err()
	}
	rep, err := r.call(ctx, req)
	<-r.sem
	if err != nil {
		return answer{}, err
	}
	r.add("input_tokens", rep.InputTokens)
	r.add("output_tokens", rep.OutputTokens)
	if rep.Truncated {
		r.add("truncated", 1)
		return answer{}, &callError{Reason: "truncated", Attempts: 1, Err: fmt.Errorf("output hit the limit of %d tokens", req.MaxTokens)}
	}
	a, err := parseAnswer(rep.Text)
	if err != nil {
		r.add("non_json", 1)
		return answer{}, &callError{Reason: "non-JSON output", Attempts: 1, Err: errors.New(r.e.redact(err.Error()))}
	}
	if err := r.e.cache.put(key, r.e.cfg, rep); err != nil {
		r.warn("%v", err)
	}
	return a, nil
}

// call makes one request with retries: 429 (after Retry-After), 408/409,
// 5xx, timeouts and network errors are retried up to MaxRetries times.
func (r *run) call(ctx context.Context, req request) (reply, error) {
	c := r.e.cfg
	for attempt := 0; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, c.RequestTimeout)
		rep, err := r.e.prov.send(actx, req)
		cancel()
		r.add("requests", 1)
		if err == nil {
			return rep, nil
		}
		if ctx.Err() != nil {
			return reply{}, ctx.Err()
		}
		d := classify(ctx, err)
		if !d.retry || attempt >= c.MaxRetries {
			r.add("failed_requests", 1)
			return reply{}, &callError{Reason: d.reason, Attempts: attempt + 1, Err: errors.New(r.e.redact(clip(describe(err), 300)))}
		}
		wait := d.wait
		if wait == 0 {
			wait = backoff(c.RetryBase, c.MaxRetryWait, attempt)
		}
		wait = min(wait, c.MaxRetryWait)
		r.add("retries", 1)
		r.progress("%s: %s, retry %d/%d in %s", req.Label, d.reason, attempt+1, c.MaxRetries, wait.Round(time.Millisecond))
		if err := r.e.sleep(ctx, wait); err != nil {
			return reply{}, err
		}
	}
}

func (r *run) recordDryRun(req request, body []byte, cached bool, order string) {
	est := estimateTokens(req.System) + estimateTokens(req.User) + estimateTokens(string(body))/4
	entry := struct {
		Request         string          `json:"request"`
		Provider        string          `json:"provider"`
		Model           string          `json:"model"`
		Endpoint        string          `json:"endpoint"`
		EstimatedTokens int             `json:"estimated_input_tokens"`
		MaxOutputTokens int             `json:"max_output_tokens"`
		Cached          bool            `json:"cached"`
		Body            json.RawMessage `json:"body"`
	}{req.Label, r.e.cfg.Provider, r.e.cfg.Model, r.e.prov.endpoint(), est, req.MaxTokens, cached, compactJSON(body)}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(entry); err != nil {
		return
	}
	r.add("dry_run_requests", 1)
	r.add("estimated_input_tokens", est)
	r.mu.Lock()
	r.dry = append(r.dry, dryEntry{order: order, line: []byte(r.e.redact(buf.String()))})
	r.mu.Unlock()
}

func (r *run) flushDryRun() {
	slices.SortFunc(r.dry, func(a, b dryEntry) int { return strings.Compare(a.order, b.order) })
	for _, d := range r.dry {
		if _, err := r.e.cfg.DryRun.Write(d.line); err != nil {
			r.warn("dry run: %v", err)
			return
		}
	}
}

// summary is the closing stats line.
func (r *run) summary(week int) string {
	s := r.stats
	line := fmt.Sprintf("%s week %d: %d requests (%d cached), %d input / %d output tokens, %d bullets accepted, %d rejected",
		r.e.Name(), week, s["requests"], s["cache_hits"], s["input_tokens"], s["output_tokens"], s["bullets_accepted"], s["bullets_rejected"])
	var reasons []string
	for _, k := range slices.Sorted(maps.Keys(s)) {
		if reason, ok := strings.CutPrefix(k, "rejected_"); ok {
			reasons = append(reasons, fmt.Sprintf("%s %d", reason, s[k]))
		}
	}
	if len(reasons) > 0 {
		line += " (" + strings.Join(reasons, ", ") + ")"
	}
	if n := s["empty_sections"]; n > 0 {
		line += fmt.Sprintf(", %d section(s) with nothing verified said so", n)
	}
	if n := s["fallback_sections"]; n > 0 {
		line += fmt.Sprintf(", %d section(s) from offline fallback", n)
	}
	if n := s["dry_run_requests"]; n > 0 {
		line += fmt.Sprintf(", dry run: %d request(s) ≈ %d input tokens not sent", n, s["estimated_input_tokens"])
	}
	return line
}
