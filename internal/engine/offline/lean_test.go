package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// framedNote has list items and lines that say nothing without the line
// they hang from or follow.
const framedNote = `# 캐시

## 교체 정책

- 교체 정책은 두 가지 방식으로 나뉜다.
1. 최근성 기준: 가장 오래 쓰이지 않은 블록을 먼저 내보낸다.
2. 빈도 기준: 가장 적게 쓰인 블록을 먼저 내보낸다.

## 선인출

다음에 읽을 블록을 미리 예측해서 메모리에 올려 둔다.

## 적중률

캐시 적중률: 요청 중 캐시에서 바로 응답한 비율
→ 적중률이 높으면 원본 저장소의 부하가 크게 줄어듦

쓰기 캐시는 장애 시 데이터를 잃을 위험이 있다. 하지만 배터리로 보호되는 메모리를 쓰면 그 위험이 거의 사라진다.

읽기 캐시는 최근에 읽은 블록을 메모리에 보관한다. 즉, 같은 블록을 다시 읽을 때 디스크를 건너뛴다.
`

func framedMember(t *testing.T) (*analyze.Member, *analyze.Week) {
	t.Helper()
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", framedNote)}})
	return w.Members[0], w
}

func sentenceWith(t *testing.T, m *analyze.Member, sub string) analyze.Sentence {
	t.Helper()
	for _, s := range m.Sentences {
		if strings.Contains(s.Text, sub) {
			return s
		}
	}
	t.Fatalf("no sentence with %q", sub)
	return analyze.Sentence{}
}

func TestBulletCarriesTheFrameItNeeds(t *testing.T) {
	m, w := framedMember(t)
	// A counted list's lead-in leads its items, all of them, each with
	// its label.
	b := Bullet(sentenceWith(t, m, "가장 적게 쓰인"), m, w, insight.KeyInsights)
	if b.Text != "교체 정책은 두 가지 방식으로 나뉜다 — 1) 최근성 기준: 가장 오래 쓰이지 않은 블록을 먼저 내보낸다; 2) 빈도 기준: 가장 적게 쓰인 블록을 먼저 내보낸다" {
		t.Errorf("counted item: head %q text %q", b.Head, b.Text)
	}
	if len(b.Sources) != 3 || b.Sources[0].Line != 5 {
		t.Errorf("want the lead-in's line first among the sources, got %+v", b.Sources)
	}
	// Too long to read whole, the items' labels stand for them.
	s := sentenceWith(t, m, "가장 적게 쓰인")
	s.Parts = append([]analyze.Part(nil), s.Parts...)
	s.Parts[0].Body = "최근성 기준: " + strings.Repeat("오래 쓰이지 않은 블록을 먼저 내보낸다 ", 8)
	if b := Bullet(s, m, w, insight.KeyInsights); b.Text != "교체 정책은 두 가지 방식으로 나뉜다 — 1) 최근성 기준; 2) 빈도 기준" {
		t.Errorf("long counted list: %q, want the items' labels", b.Text)
	}
	// A heading that names a concept heads the sentence under it.
	b = Bullet(sentenceWith(t, m, "미리 예측해서"), m, w, insight.KeyInsights)
	if b.Head != "선인출" || !strings.HasPrefix(b.Text, "다음에 읽을 블록을") {
		t.Errorf("heading frame: head %q text %q", b.Head, b.Text)
	}
}

func TestBulletJoinsAnArrowLineToTheLineAbove(t *testing.T) {
	m, w := framedMember(t)
	b := Bullet(sentenceWith(t, m, "원본 저장소의 부하"), m, w, insight.KeyInsights)
	// The line above is labelled: its label heads both lines.
	if b.Head != "캐시 적중률" || b.Text != "요청 중 캐시에서 바로 응답한 비율 → 적중률이 높으면 원본 저장소의 부하가 크게 줄어듦" {
		t.Errorf("arrow line: %q / %q", b.Head, b.Text)
	}
}

func TestBulletKeepsTheTurnOfTheNextSentence(t *testing.T) {
	m, w := framedMember(t)
	b := Bullet(sentenceWith(t, m, "데이터를 잃을 위험"), m, w, insight.KeyInsights)
	if !strings.HasSuffix(b.Text, "하지만 배터리로 보호되는 메모리를 쓰면 그 위험이 거의 사라진다.") {
		t.Errorf("want the 하지만-sentence kept: %q", b.Text)
	}
	b = Bullet(sentenceWith(t, m, "최근에 읽은 블록을"), m, w, insight.KeyInsights)
	if !strings.HasSuffix(b.Text, "보관한다. 즉, 같은 블록을 다시 읽을 때 디스크를 건너뛴다.") {
		t.Errorf("want the 즉-sentence kept with its connective: %q", b.Text)
	}
}

func TestFrameTooLongMakesNoBullet(t *testing.T) {
	m, w := framedMember(t)
	s := sentenceWith(t, m, "가장 적게 쓰인")
	s.Parts = nil // an item of a list whose other items are not known
	s.Body = strings.Repeat("블록을 먼저 내보낸다 ", 20)
	if b := Bullet(s, m, w, insight.KeyInsights); b.Text != "" {
		t.Errorf("an item too long to carry its frame must make no bullet, got %q", b.Text)
	}
}

// TestLeaningLinesLeaveASectionEmpty: a note whose lines all lean on
// lines that cannot be carried gets the plain notice rather than
// fragments.
func TestLeaningLinesLeaveASectionEmpty(t *testing.T) {
	src := "# 메모\n\n## 하나\n\n→ 결국 더 많은 비용을 만든다\n\n## 둘\n\n또 다른 방법은 요청을 묶는 것이다.\n\n## 셋\n\n- 해당 정보를 훨씬 더 잘 찾아냄\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	secs := MemberSections(basic.MemberSections, w.Members[0], w, MaxBullets, nil)
	for _, sec := range secs {
		if sec.Key == insight.KeyInsights {
			if len(sec.Bullets) != 0 || sec.Notice != NoticeNoInsight {
				t.Errorf("bullets %+v notice %q: want none and the notice", sec.Bullets, sec.Notice)
			}
		}
	}
}
