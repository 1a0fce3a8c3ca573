package pipeline

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/workspace"
)

// recorder is the offline engine, noting for each week whether it was
// given the next week's analysis.
type recorder struct {
	engine.Engine
	withNext map[int]bool
}

func (r *recorder) Generate(ctx context.Context, in *engine.Input) (*insight.Week, error) {
	r.withNext[in.Week] = in.NextAnalysis != nil
	return r.Engine.Generate(ctx, in)
}

// TestNextWeekAnalysis: `generate --all` gives each week's engine the
// analysis of the next week when the run has it (not to the last week),
// and the documents are the same as those of weeks generated one by one,
// which read the next week's notes themselves.
func TestNextWeekAnalysis(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"README.md": "# 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n\n## 일정표\n\n" +
			"| 주차 | 범위 | 주요 내용 |\n|---|---|---|\n| 1주차 | 1장 | 버퍼 풀 |\n| 2주차 | 2장 | 로그 구조 병합 트리 |\n| 3주차 | 3장 | 컴팩션 |\n",
		"week01/한서진.md": "# 1장 버퍼 풀\n\n버퍼 풀은 디스크 페이지를 메모리에 캐시하는 구조다.\n" +
			"교체 정책은 버퍼 풀에서 내보낼 페이지를 고른다.\n로그 구조 병합 트리는 2장에서 자세히 다룬다.\n",
		"week01/오태윤.md": "# 버퍼 풀 정리\n\n교체 정책은 참조 비트로 최근 사용을 근사한다.\n버퍼 풀의 크기가 성능을 좌우한다.\n",
		"week02/한서진.md": "# 2장\n\n로그 구조 병합 트리는 쓰기를 메모리에 모았다가 한꺼번에 내린다.\n" +
			"교체 정책은 로그 구조 병합 트리의 블록 캐시에서도 쓰인다.\n",
		"week02/오태윤.md": "# 2장 정리\n\n- 버퍼 풀은 블록 캐시와 비슷한 역할을 한다.\n- 컴팩션은 3장에서 다룬다.\n",
		"week03/한서진.md": "# 3장\n\n컴팩션은 겹치는 파일을 합쳐 읽기 비용을 줄인다.\n",
	})
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	rec := &recorder{Engine: offlineEngine(), withNext: map[int]bool{}}
	run := &Run{All: true, Out: "-", Format: FormatMarkdown, Stdout: &all, Warn: func(...string) {},
		NewEngine: func(context.Context) (engine.Engine, error) { return rec, nil }}
	if err := run.Generate(context.Background(), ws); err != nil {
		t.Fatal(err)
	}
	if !rec.withNext[1] || !rec.withNext[2] || rec.withNext[3] {
		t.Errorf("weeks given the next week's analysis: %v, want 1 and 2", rec.withNext)
	}
	var one strings.Builder
	for _, n := range []int{1, 2, 3} {
		one.WriteString(runWeekN(t, root, n))
	}
	if all.String() != one.String() {
		t.Errorf("generate --all differs from the weeks one by one:\n%s\n---\n%s", all.String(), one.String())
	}
}

// TestUseNext: a week told its next week passes that week's analysis to
// the engine, with the same result as without it; a week that is not the
// next one is ignored.
func TestUseNext(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"README.md": "# 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n\n## 일정표\n\n" +
			"| 주차 | 범위 | 주요 내용 |\n|---|---|---|\n| 1주차 | 1장 | 해시 색인 |\n| 2주차 | 2장 | 비트맵 색인 |\n| 3주차 | 3장 | 색인 압축 |\n",
		"week01/한서진.md": "# 1장\n\n해시 색인은 키를 버킷에 나누어 담는다.\n비트맵 색인은 2장에서 자세히 다룬다.\n",
		"week01/오태윤.md": "# 해시 색인\n\n- 해시 색인은 범위 검색에 약하다.\n",
		"week02/한서진.md": "# 2장\n\n비트맵 색인은 값마다 비트 배열을 하나씩 둔다.\n해시 색인과 비트맵 색인은 쓰임새가 다르다.\n",
		"week03/오태윤.md": "# 3장\n\n색인 압축은 비트 배열의 연속 구간을 줄여 쓴다.\n",
	})
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	load := func(n int) *Week {
		t.Helper()
		wk, ok := ws.WeekIn("", n)
		if !ok {
			t.Fatalf("week %d not found", n)
		}
		w, err := Load(ws, wk, "", "-")
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	rec := &recorder{Engine: offlineEngine(), withNext: map[int]bool{}}
	alone, err := load(1).Generate(context.Background(), rec)
	if err != nil {
		t.Fatal(err)
	}
	if rec.withNext[1] {
		t.Fatal("week 1 alone was given a next week's analysis")
	}

	w1 := load(1)
	w1.UseNext(load(3)) // not the next week: ignored
	w1.UseNext(load(2))
	w1.UseNext(nil) // nothing: the next week stays
	linked, err := w1.Generate(context.Background(), rec)
	if err != nil {
		t.Fatal(err)
	}
	if !rec.withNext[1] {
		t.Error("week 1 was not given week 2's analysis")
	}
	if !reflect.DeepEqual(linked, alone) {
		t.Errorf("week 1 with week 2's analysis differs from week 1 alone:\n%+v\n---\n%+v", linked, alone)
	}

	w2 := load(2)
	w2.UseNext(load(1))
	if _, err := w2.Generate(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	if rec.withNext[2] {
		t.Error("week 2 was given week 1's analysis as its next week's")
	}
}
