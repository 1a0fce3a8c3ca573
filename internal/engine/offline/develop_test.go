package offline

import (
	"context"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// A note that spends its lines on two concepts under its own headings and
// runs through a list of use cases, one with a side remark and one with
// the figures of a survey.
const developedNote = `# 6장 검색 증강 생성

## 청크 분할

- **청크 분할**은 문서를 검색 단위로 자르는 일이라 청크가 너무 크면 관련 없는 문장까지 함께 검색된다.
- 청크 분할의 크기가 너무 작으면 문맥이 끊겨 답이 틀어진다.

## 재순위화

- **재순위화**는 첫 검색 결과를 더 정확한 모델로 다시 정렬하므로 상위 결과의 정밀도가 오른다.
- 재순위화 모델은 느리기 때문에 후보를 수십 개로 줄인 뒤에만 쓴다.

## 활용 사례

- 사내 문서 검색
- 고객 상담 보조
- 법률 자문 서비스는 판례가 자주 바뀌기 때문에 색인을 매일 새로 만들어야 한다.
- 조사에 따르면 응답 기업의 64%가 2024년에 사내 검색을 가장 먼저 도입했는데, 비용보다 정확도가 중요했기 때문이다.
`

func TestKeyInsightsAreTheConceptsTheMemberDeveloped(t *testing.T) {
	in := &engine.Input{
		Week:     6,
		Template: basic,
		Members:  []engine.MemberInput{{Member: workspace.Member{Name: "하준"}, Doc: note.Parse("w6/하준.md", developedNote)}},
	}
	in.Analysis = analyze.Analyze(in.Notes())
	w, err := New().Generate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	got := texts(section(t, w.Members[0].Sections, insight.KeyInsights))
	for _, side := range []string{"법률 자문", "64%"} {
		if strings.Contains(got, side) {
			t.Errorf("핵심 인사이트 holds a side fact (%q) of a list of use cases:\n%s", side, got)
		}
	}
	for _, concept := range []string{"청크", "재순위화"} {
		if !strings.Contains(got, concept) {
			t.Errorf("핵심 인사이트 misses the developed concept %q:\n%s", concept, got)
		}
	}
}
