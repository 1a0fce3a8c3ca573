package llm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
)

func TestCleanInline(t *testing.T) {
	for in, want := range map[string]string{
		"## 제목\n본문":             "제목 본문",
		"**굵게**: 설명":            "굵게: 설명",
		"- 목록\n- 두 번째":          "목록 - 두 번째",
		"| 표 | 깨기 |":            "표 | 깨기 |",
		"정상 문장 <!-- 숨김 -->":     "정상 문장  숨김",
		"  > 인용\r\n### 다시 제목  ": "인용 ### 다시 제목",
	} {
		if got := cleanInline(in, 100); got != want {
			t.Errorf("cleanInline(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cleanInline(strings.Repeat("가", 50), 10); got != strings.Repeat("가", 10)+"…" {
		t.Errorf("not clipped: %q", got)
	}
}

func TestVerifierBullet(t *testing.T) {
	in := testInput(noteJihu)
	in.Analysis = fakeAnalysis(in)
	v := newVerifier("김하늘", newEvidence(in), "m")
	tests := []struct {
		name   string
		b      answerBullet
		reason string
		nsrc   int
	}{
		{"supported", answerBullet{Head: "한국어 토큰 비용", Text: "한국어는 같은 내용에 더 많은 토큰이 필요해 비용이 커진다.", Cite: []string{"1.1"}, Quote: "더 많은 토큰이"}, "", 1},
		{"quote with other spacing", answerBullet{Head: "임베딩", Text: "임베딩은 토큰을 의미 벡터로 바꾼다.", Cite: []string{"1.2"}, Quote: "의미가  담긴\n벡터"}, "", 1},
		{"quote from elsewhere in the note is fine", answerBullet{Head: "임베딩", Text: "임베딩은 토큰을 의미 벡터로 바꾼다.", Cite: []string{"1.2"}, Quote: "사내 문서 검색"}, "", 1},
		{"duplicate ids collapse", answerBullet{Head: "임베딩", Text: "임베딩은 토큰을 의미 벡터로 바꾼다.", Cite: []string{"1.2", "[1.2]"}}, "", 1},
		{"empty", answerBullet{Cite: []string{"1.2"}}, reasonEmpty, 0},
		{"unknown id", answerBullet{Head: "x", Text: "임베딩은 토큰을 바꾼다", Cite: []string{"7.7"}}, reasonUnknownID, 0},
		{"other member", answerBullet{Head: "평가", Text: "AI 심사위원 방식은 다른 모델이 채점한다", Cite: []string{"2.1"}}, reasonOtherMember, 0},
		{"quote not in note", answerBullet{Head: "임베딩", Text: "임베딩은 토큰을 의미 벡터로 바꾼다.", Cite: []string{"1.2"}, Quote: "임베딩은 압축 알고리즘이다"}, reasonQuote, 0},
		{"unsupported", answerBullet{Head: "내일 날씨", Text: "내일은 비가 오고 바람이 세게 분다.", Cite: []string{"1.2"}}, reasonUnsupported, 0},
		{"a new name is said before a low support", answerBullet{Head: "양자 컴퓨팅", Text: "IBM의 큐비트 얽힘이 연산 속도를 높인다.", Cite: []string{"1.2"}}, reasonNewTerm, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := v.bullet(tt.b, DefaultMinSupport)
			if got.Reason != tt.reason || len(got.Bullet.Sources) != tt.nsrc {
				t.Fatalf("verdict %+v, want reason %q with %d sources", got, tt.reason, tt.nsrc)
			}
			if tt.reason == "" && (got.Bullet.Sources[0].Member != "김하늘" || got.Bullet.Engine != "m") {
				t.Errorf("bullet %+v", got.Bullet)
			}
		})
	}
}

func TestParseAnswer(t *testing.T) {
	ok := []string{
		`{"sections":{"insights":{"bullets":[]}}}`,
		"```json\n{\"sections\":{}}\n```",
		"  {\"sections\":{}}\n",
	}
	for _, s := range ok {
		if _, err := parseAnswer(s); err != nil {
			t.Errorf("parseAnswer(%q): %v", s, err)
		}
	}
	bad := []string{
		"", "네, 알겠습니다.", `{"sections":{}} 추가 설명`, `{"sections":{}}{"sections":{}}`,
		`{"secs":{}}`, `{}`, `{"sections":{"insights":{"bullets":[{"head":"a","text":"b","cite":[2.1],"quote":""}]}}}`,
	}
	for _, s := range bad {
		if _, err := parseAnswer(s); !errors.Is(err, errNotJSON) {
			t.Errorf("parseAnswer(%q) = %v, want errNotJSON", s, err)
		}
	}
}

func items(spec string) []chunkItem {
	// spec: "A:3 B:2" = 3 sentences under heading A, 2 under B
	var out []chunkItem
	n := 0
	for _, part := range strings.Fields(spec) {
		head, cnt, _ := strings.Cut(part, ":")
		k, err := strconv.Atoi(cnt)
		if err != nil {
			panic(fmt.Sprintf("items(%q): %v", spec, err))
		}
		for range k {
			out = append(out, chunkItem{Ev: analyze.Evidence{ID: fmt.Sprintf("1.%d", n), Line: n + 1, Text: strings.Repeat("가", 40)}, Path: []string{"노트", head}})
			n++
		}
	}
	return out
}

func TestSplitChunks(t *testing.T) {
	one := itemCost(items("A:1")[0])
	tests := []struct {
		name   string
		spec   string
		budget int
		want   string // heading runs per chunk
	}{
		{"fits", "A:3 B:2", 100 * one, "AAABB"},
		{"split between headings", "A:3 B:2 C:3", 5 * one, "AAABB|CCC"},
		{"each heading alone", "A:3 B:3 C:3", 4 * one, "AAA|BBB|CCC"},
		{"oversized heading cut between sentences", "A:2 B:7", 3 * one, "AA|BBB|BBB|B"},
		{"sentence larger than budget keeps its own chunk", "A:2", one / 2, "A|A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := items(tt.spec)
			chunks := splitChunks(in, tt.budget)
			var parts []string
			total := 0
			for _, c := range chunks {
				var b strings.Builder
				for _, it := range c {
					b.WriteString(it.Path[1])
					if it.Ev.Line != total+1 {
						t.Fatalf("sentence order broken at %d", total)
					}
					total++
				}
				parts = append(parts, b.String())
			}
			if got := strings.Join(parts, "|"); got != tt.want {
				t.Errorf("chunks %s, want %s", got, tt.want)
			}
			if total != len(in) {
				t.Errorf("%d of %d sentences kept", total, len(in))
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		h    http.Header
		want time.Duration
	}{
		{http.Header{"Retry-After": {"1"}}, time.Second},
		{http.Header{"Retry-After": {"0.5"}}, 500 * time.Millisecond},
		{http.Header{"Retry-After": {now.Add(3 * time.Second).Format(http.TimeFormat)}}, 3 * time.Second},
		{http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"9"}}, 250 * time.Millisecond},
		{http.Header{"Retry-After": {"soon"}}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.h, now); got != tt.want {
			t.Errorf("retryAfter(%v) = %v, want %v", tt.h, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	ctx := context.Background()
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if d := classify(ctx, context.DeadlineExceeded); !d.retry || d.reason != "timeout" {
		t.Errorf("deadline: %+v", d)
	}
	if d := classify(canceled, context.Canceled); d.retry {
		t.Errorf("canceled run retried: %+v", d)
	}
	if d := classify(ctx, errors.New("something else")); d.retry {
		t.Errorf("unknown error retried: %+v", d)
	}
}

// TestGenerateNeedsTheAnalysis: the engine writes from the pipeline's
// analysis and never analyses the notes itself.
func TestGenerateNeedsTheAnalysis(t *testing.T) {
	e, _ := newEngine(t, Config{Provider: ProviderOpenAI, Model: "m", BaseURL: "http://127.0.0.1:1/v1", NoCache: true})
	if _, err := e.Generate(context.Background(), testInput(noteJihu)); !errors.Is(err, engine.ErrNoAnalysis) {
		t.Errorf("Generate without analysis: %v, want engine.ErrNoAnalysis", err)
	}
}
