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

// A summary of the book whose only own voice is short reactions in note
// style and a remark in brackets; it proposes nothing and asks nothing.
const reactionNote = `# 7장 메시지 큐

## 메시지 큐

메시지 큐는 생산자와 소비자 사이에서 메시지를 보관하는 저장소이다.
메시지 큐의 처리량은 보통 초당 메시지 수로 측정된다.
소비자가 느리면 메시지가 큐에 쌓여 지연이 커진다.
브로커는 메시지를 디스크에 기록한 뒤 확인 응답을 보낸다 (메모리만 쓰는 방식이 아님)

## 전달 보장 수준

- 흥미롭지만 처리량을 크게 희생하는 보장
- 브로커와 소비자가 함께 트랜잭션을 맺어야 정확히 한 번 전달이 가능하다.
`

// A summary of the book that proposes nothing and asks nothing.
const plainNote = `# 7장 메시지 큐

메시지 큐는 생산자와 소비자 사이에서 메시지를 보관하는 저장소이다.
메시지 큐의 처리량은 보통 초당 메시지 수로 측정된다.
브로커는 메시지를 디스크에 기록한 뒤 확인 응답을 보낸다.
파티션은 메시지를 나누어 저장하는 단위이다.
`

func reactionWeek(t *testing.T) *insight.Week {
	t.Helper()
	in := &engine.Input{
		Week:     7,
		Template: basic,
		Members: []engine.MemberInput{
			{Member: workspace.Member{Name: "도윤"}, Doc: note.Parse("w7/도윤.md", reactionNote)},
			{Member: workspace.Member{Name: "서아"}, Doc: note.Parse("w7/서아.md", plainNote)},
		},
	}
	in.Analysis = analyze.Analyze(in.Notes())
	w, err := New().Generate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestShortReactionsAndAsidesAreTheMembersView(t *testing.T) {
	w := reactionWeek(t)
	secs := w.Members[0].Sections
	per := section(t, secs, insight.KeyPerspective)
	got := texts(per)
	if !strings.Contains(got, "**전달 보장 수준**: 흥미롭지만 처리량을 크게 희생하는 보장") {
		t.Errorf("독특한 관점 misses the reaction under the heading it reacts to:\n%s(notice %q)", got, per.Notice)
	}
	if !strings.Contains(got, "메모리만 쓰는 방식이 아님") {
		t.Errorf("독특한 관점 misses the remark in brackets:\n%s", got)
	}
	if strings.Contains(got, "저장소이다") || strings.Contains(got, "측정된다") {
		t.Errorf("독특한 관점 holds a book definition:\n%s", got)
	}
	for key, notice := range map[string]string{insight.KeyPractical: NoticeNoPractical, insight.KeyStudy: NoticeNoStudy} {
		if sec := section(t, secs, key); len(sec.Bullets) != 0 || sec.Notice != notice {
			t.Errorf("%s of a note that proposes and asks nothing: %q, notice %q", key, texts(sec), sec.Notice)
		}
	}
	ins := texts(section(t, secs, insight.KeyInsights))
	if first := strings.SplitN(ins, "\n", 2)[0]; !strings.Contains(first, "지연이 커진다") && !strings.Contains(first, "트랜잭션을 맺어야") {
		t.Errorf("the first key insight %q is not one of the note's points:\n%s", first, ins)
	}
}

func TestAPlainSummarySaysItHasNoViewNoIdeaNoQuestion(t *testing.T) {
	w := reactionWeek(t)
	secs := w.Members[1].Sections
	for key, notice := range map[string]string{
		insight.KeyPerspective: NoticeNoPerspective,
		insight.KeyPractical:   NoticeNoPractical,
		insight.KeyStudy:       NoticeNoStudy,
	} {
		if sec := section(t, secs, key); len(sec.Bullets) != 0 || sec.Notice != notice {
			t.Errorf("%s: bullets %q, notice %q; want only %q", key, texts(sec), sec.Notice, notice)
		}
	}
}

// A bare reaction nested under a list item reacts to that item: the bullet
// carries it, and it stays the writer's view.
func TestNestedReactionCarriesTheItemItReactsTo(t *testing.T) {
	const src = "# 7장 메시지 큐\n\n## 처리량 실험\n\n" +
		"- 한 연구팀은 파티션 수를 1에서 1,000으로 늘리면 처리량도 거의 선형으로 늘어난다는 것을 발견\n" +
		"    - 흥미롭지만 운영 비용이 매우 큰 실험\n" +
		"- 브로커는 메시지를 디스크에 기록한 뒤 확인 응답을 보낸다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "도윤", Doc: note.Parse("w7/도윤.md", src)}})
	m := w.Members[0]
	s := sentenceWith(t, m, "흥미롭지만 운영 비용이")
	if s.Scores[insight.KeyPerspective] < 1 {
		t.Errorf("the nested reaction is no view of the writer's: scores %v", s.Scores)
	}
	b := Bullet(s, m, w, insight.KeyPerspective)
	if want := "한 연구팀은 파티션 수를 1에서 1,000으로 늘리면 처리량도 거의 선형으로 늘어난다는 것을 발견 → 흥미롭지만 운영 비용이 매우 큰 실험"; b.Text != want || len(b.Sources) != 2 {
		t.Errorf("bullet %q (%d sources), want %q", b.Text, len(b.Sources), want)
	}
}

// A paragraph that opens by restating the one right before it ("즉 …")
// makes that paragraph's point again: 핵심 인사이트 quotes one of the two,
// not both. The same two paragraphs without the marker are two points.
func TestRestatingParagraphIsNoSecondKeyPoint(t *testing.T) {
	const restated = `# 4장 설계 품질과 트레이드오프

## 데이터 중심 설계의 문제

**접근자와 수정자는 객체 내부에 어떤 필드가 있는지를 퍼블릭 인터페이스에 그대로 드러낸다.**

즉 **데이터 중심 설계는 접근자와 수정자 때문에 내부 구현을 인터페이스에 노출해 캡슐화를 깨뜨린다.**

## 책임 중심 설계

**책임 중심 설계는 객체가 수행할 책임을 먼저 정하고 그 책임에 필요한 데이터를 나중에 고른다.**
`
	m, w := memberOf(t, "서연", restated)
	got := bulletTexts(sectionOf(t, m, w, insight.KeyInsights))
	if strings.Contains(got, "그대로 드러낸다") && strings.Contains(got, "캡슐화를 깨뜨린다") {
		t.Errorf("핵심 인사이트 = %q; the paragraph opening with \"즉\" restates the one before it", got)
	}
	m, w = memberOf(t, "서연", strings.Replace(restated, "즉 **데이터 중심 설계는", "**데이터 중심 설계는", 1))
	got = bulletTexts(sectionOf(t, m, w, insight.KeyInsights))
	if !strings.Contains(got, "그대로 드러낸다") || !strings.Contains(got, "캡슐화를 깨뜨린다") {
		t.Errorf("핵심 인사이트 = %q; without the marker the two paragraphs are two points", got)
	}
}
