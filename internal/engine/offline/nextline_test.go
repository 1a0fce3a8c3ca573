package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// A sentence whose next line judges it is one bullet with that line: a
// line without a turner after a dash, one opening with a turner after a
// space, each with its own source line, and the next line's own turn too.
func TestBulletCarriesTheNextLineThatJudgesIt(t *testing.T) {
	src := "# 메모\n\n## 정렬\n\n1. **삽입 정렬**\n    - 정렬된 앞부분에 원소를 하나씩 끼워 넣음.\n    - 구현은 쉽지만, 큰 입력에서는 비교 횟수가 많고 느림\n\n" +
		"## 색인 크기\n\n- 대부분의 책은 색인 크기를 항목 개수로 잰다.\n    - 그렇다고 항목 개수로 색인 크기를 재는 것은 적절하지 않다. 대신 바이트 수를 세는 것이 더 낫다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	b := Bullet(sentenceWith(t, m, "하나씩 끼워 넣음"), m, w, insight.KeyInsights)
	if want := "정렬된 앞부분에 원소를 하나씩 끼워 넣음 — 구현은 쉽지만, 큰 입력에서는 비교 횟수가 많고 느림"; b.Text != want || b.Sources[len(b.Sources)-1].Line != 7 {
		t.Errorf("drawback on the next line:\n got %q (sources %+v)\nwant %q", b.Text, b.Sources, want)
	}
	b = Bullet(sentenceWith(t, m, "항목 개수로 잰다"), m, w, insight.KeyInsights)
	if want := "대부분의 책은 색인 크기를 항목 개수로 잰다. 그렇다고 항목 개수로 색인 크기를 재는 것은 적절하지 않다. 대신 바이트 수를 세는 것이 더 낫다."; b.Text != want || len(b.Sources) != 3 {
		t.Errorf("denial on its sub-item:\n got %q (sources %d)\nwant %q", b.Text, len(b.Sources), want)
	}
}

// When the next line a sentence would carry is a bullet of its own (the
// advice it concludes, under 실무 적용), the sentence stands as it did.
func TestSentenceWhoseNextLineIsABulletStandsAlone(t *testing.T) {
	src := "# 메모\n\n## 쓰기 캐시\n\n- 쓰기 캐시는 디스크에 쓰기 전에 응답하므로 쓰기 지연이 짧다.\n- 따라서 쓰기 지연이 중요한 서비스라면 쓰기 캐시를 켜 두는 것이 좋겠다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	if s := sentenceWith(t, m, "디스크에 쓰기 전에"); s.Caveat == nil {
		t.Fatalf("%q: want its 따라서 line as its caveat", s.Body)
	}
	texts := map[string][]string{}
	for _, sec := range MemberSections(basic.MemberSections, m, w, MaxBullets, nil) {
		for _, b := range sec.Bullets {
			texts[sec.Key] = append(texts[sec.Key], b.Text)
		}
	}
	if p := texts[insight.KeyPractical]; len(p) != 1 || !strings.Contains(p[0], "켜 두는 것이 좋겠다") {
		t.Fatalf("practical %q: want the advice", p)
	}
	if k := texts[insight.KeyInsights]; len(k) != 1 || k[0] != "쓰기 캐시는 디스크에 쓰기 전에 응답하므로 쓰기 지연이 짧다." {
		t.Errorf("insights %q: want the sentence alone, its next line being the practical bullet", k)
	}
}

// A line that sets up a situation ("…요청해야 하는 상황이 생길 수 있다")
// followed by the next item saying what to do in it, pointing back ("이럴
// 땐 …하면 된다"), is one bullet with that item: alone, the line stops
// before its point. An item after it that says something else about
// another thing is not joined.
func TestSituationCarriesTheItemThatAnswersIt(t *testing.T) {
	src := "# 메모\n\n## 캐시 서버\n\n- 서비스마다 다른 만료 정책이 필요한 상황이 생길 수 있다.\n- 이럴 땐 정책마다 캐시 인스턴스를 따로 구성하면 된다.\n\n" +
		"## 로그\n\n- 로그가 한꺼번에 몰리는 상황이 생길 수 있다.\n- 로그 수집기는 파일을 하루 단위로 나눈다.\n"
	m, w := memberOf(t, "하늘", src)
	got := Bullet(sentenceWith(t, m, "만료 정책이 필요한"), m, w, insight.KeyInsights)
	if want := "서비스마다 다른 만료 정책이 필요한 상황이 생길 수 있다. 이럴 땐 정책마다 캐시 인스턴스를 따로 구성하면 된다."; got.Text != want || len(got.Sources) != 2 {
		t.Errorf("situation and its answer: got %q (%d sources), want %q", got.Text, len(got.Sources), want)
	}
	if b := Bullet(sentenceWith(t, m, "한꺼번에 몰리는"), m, w, insight.KeyInsights); strings.Contains(b.Text, "수집기") {
		t.Errorf("joined an item that answers nothing: %q", b.Text)
	}
}

// The writer's view ("…내 경우 B가 가장 좋은 것 같음") and, on the next
// item naming no topic of its own, why ("…하니까 …") are one point: the
// bullet carries the reason. A next item with a topic of its own, or a
// reason after a plain statement, is not joined.
func TestViewCarriesTheReasonOnTheNextItem(t *testing.T) {
	src := "# 메모\n\n## 모킹\n\n- 책에는 여러 도구가 나오지만 내 경우 B 도구가 가장 좋은 것 같음\n- 실제 서버처럼 응답하니까 나중에 서버가 완성되어도 코드를 그대로 쓰면 됨\n\n" +
		"## 캐시\n\n- 내 경우 로컬 캐시가 더 편한 것 같음\n- 분산 캐시는 설정이 많으니까 처음에는 어렵다\n\n" +
		"## 큐\n\n- 큐는 메시지를 순서대로 보관한다.\n- 순서를 지키니까 나중에 재처리하기 쉽다\n"
	m, w := memberOf(t, "하늘", src)
	got := Bullet(sentenceWith(t, m, "B 도구가 가장 좋은"), m, w, insight.KeyPerspective)
	if want := "책에는 여러 도구가 나오지만 내 경우 B 도구가 가장 좋은 것 같음 — 실제 서버처럼 응답하니까 나중에 서버가 완성되어도 코드를 그대로 쓰면 됨"; got.Text != want {
		t.Errorf("view and its reason: got %q, want %q", got.Text, want)
	}
	for _, sub := range []string{"로컬 캐시가 더 편한", "메시지를 순서대로"} {
		if b := Bullet(sentenceWith(t, m, sub), m, w, insight.KeyInsights); strings.Contains(b.Text, "니까") {
			t.Errorf("joined a line that is no reason for it: %q", b.Text)
		}
	}
}
