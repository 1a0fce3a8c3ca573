package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

const subPointSrc = "# 메모\n\n## 적중률\n\n" +
	"- 자주 읽는 키에서는 캐시 적중률이 가장 높게 나타남\n    - 어떤 키를 미리 올려 둘지 고르는 데 사용 가능\n    - 만료 시간을 정하는 데에도 유용\n\n" +
	"## 장애 대비\n\n" +
	"- 서비스를 오래 안정적으로 운영하려면 어떤 요청이 가장 느린지 먼저 파악해야 한다.\n" +
	"    - 느린 요청 기록과 분산 추적 도구는 요청마다 어느 구간에서 시간이 걸렸는지 보여 주어 병목을 찾는 데 도움이 된다.\n" +
	"    - 부하 시험 도구로는 여러 가지가 있는데 도구마다 시나리오를 적는 방식과 보고서의 모양이 달라서 팀이 익숙한 도구를 고르고 결과를 같은 형식으로 모아 두는 것이 좋다.\n\n" +
	"## 투표 순위\n\n- 공개 투표 순위\n    - 사용자가 두 답 가운데 더 나은 쪽에 표를 던지는 방식으로 모델의 순위를 매긴다.\n" +
	"    - 장점: 많은 비교 결과를 빠르게 모을 수 있다.\n    - 단점: 표를 던지는 기준이 사람마다 다르다.\n"

// A list item whose point is under it makes one bullet with it: a fact
// and its uses after a dash, advice and its how after a colon, a
// description and its 장점/단점 pair; each carried line is a source.
func TestBulletCarriesThePointUnderTheLine(t *testing.T) {
	w := analyze.Analyze([]analyze.Note{{Member: "노을", Doc: note.Parse("w1/노을.md", subPointSrc)}})
	m := w.Members[0]
	for _, c := range []struct {
		sub, want string
		lines     []int
	}{
		{"캐시 적중률이 가장 높게", "자주 읽는 키에서는 캐시 적중률이 가장 높게 나타남 — 어떤 키를 미리 올려 둘지 고르는 데 사용 가능; 만료 시간을 정하는 데에도 유용", []int{5, 6, 7}},
		{"가장 느린지 먼저 파악해야", "서비스를 오래 안정적으로 운영하려면 어떤 요청이 가장 느린지 먼저 파악해야 한다: 느린 요청 기록과 분산 추적 도구는 요청마다 어느 구간에서 시간이 걸렸는지 보여 주어 병목을 찾는 데 도움이 된다", []int{11, 12}},
		{"표를 던지는 방식으로", "사용자가 두 답 가운데 더 나은 쪽에 표를 던지는 방식으로 모델의 순위를 매긴다 — 장점: 많은 비교 결과를 빠르게 모을 수 있다. 단점: 표를 던지는 기준이 사람마다 다르다.", []int{18, 19, 20}},
	} {
		b := Bullet(sentenceWith(t, m, c.sub), m, w, insight.KeyInsights)
		var lines []int
		for _, src := range b.Sources {
			lines = append(lines, src.Line)
		}
		if !strings.HasSuffix(b.Text, c.want) || !subset(c.lines, lines) {
			t.Errorf("%s:\n got %q (lines %v)\nwant %q (lines %v)", c.sub, b.Text, lines, c.want, c.lines)
		}
	}
}

// The items a bullet carries are no bullets of their own, and a line whose
// item is a bullet already stands without its items.
func TestCarriedItemsAreNoBulletsOfTheirOwn(t *testing.T) {
	w := analyze.Analyze([]analyze.Note{{Member: "노을", Doc: note.Parse("w1/노을.md", subPointSrc)}})
	m := w.Members[0]
	var all []string
	for _, sec := range MemberSections(basic.MemberSections, m, w, MaxBullets, nil) {
		for _, b := range sec.Bullets {
			all = append(all, b.Text)
		}
	}
	for _, sub := range []string{"고르는 데 사용 가능", "병목을 찾는 데 도움이"} {
		n := 0
		for _, b := range all {
			n += strings.Count(b, sub)
		}
		if n > 1 {
			t.Errorf("%q appears %d times in %q", sub, n, all)
		}
	}
}

func subset(want, got []int) bool {
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			return false
		}
	}
	return true
}

// A numbered reason makes the bullet of its claim with every reason, and
// the claim makes no second bullet.
func TestNumberedReasonBulletCarriesTheClaimAndTheRun(t *testing.T) {
	src := "# 메모\n\n## 복제 지연\n\n읽기 복제본이 주 서버보다 늦게 따라오는 일은 흔하다.\n\n" +
		"이유 1. 주 서버가 쓰기를 묶어서 보내기 때문에, 복제본은 묶음이 올 때까지 기다린다.\n\n" +
		"이유 2. 복제본이 읽기 요청을 함께 처리하느라 적용이 밀릴 수 있다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "노을", Doc: note.Parse("w1/노을.md", src)}})
	m := w.Members[0]
	b := Bullet(sentenceWith(t, m, "묶어서 보내기"), m, w, insight.KeyInsights)
	want := "읽기 복제본이 주 서버보다 늦게 따라오는 일은 흔하다 — 1) 주 서버가 쓰기를 묶어서 보내기 때문에, 복제본은 묶음이 올 때까지 기다린다; 2) 복제본이 읽기 요청을 함께 처리하느라 적용이 밀릴 수 있다"
	if b.Text != want || len(b.Sources) != 3 {
		t.Fatalf("got %q (%d sources)\nwant %q", b.Text, len(b.Sources), want)
	}
	n := 0
	for _, sec := range MemberSections(basic.MemberSections, m, w, MaxBullets, nil) {
		for _, b := range sec.Bullets {
			t.Log(sec.Key, b.Text)
			n += strings.Count(b.Text, "늦게 따라오는 일은 흔하다")
		}
	}
	if n > 1 {
		t.Errorf("the claim appears %d times", n)
	}
}

// A line whose point is in its items, when another member wrote the fact
// and its point in one sentence, is no bullet: with its items it says the
// other member's sentence, and alone it loses its point.
func TestLineWhosePointAnotherMemberWroteIsNoBullet(t *testing.T) {
	const a = "# 메모\n\n## 적중률\n\n- 자주 읽는 키에서는 캐시 적중률이 가장 높게 나타남\n" +
		"    - 어떤 키를 미리 올려 둘지 고르는 데 사용 가능\n    - 만료 시간을 정하는 데에도 유용\n\n" +
		"## 복제\n\n- 비동기 복제는 주 노드의 쓰기를 먼저 끝낸다.\n- 동기 복제는 모든 복제본이 쓴 뒤에 응답한다.\n"
	const b = "# 메모\n\n## 적중률\n\n- 자주 읽는 키에서는 캐시 적중률이 가장 높게 나타나기 때문에, 어떤 키를 미리 올려 둘지 고르는 데 사용할 수 있다.\n\n" +
		"## 샤딩\n\n- 샤드 키는 조회 패턴에 맞춰 고른다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "노을", Doc: note.Parse("w1/노을.md", a)}, {Member: "바다", Doc: note.Parse("w1/바다.md", b)}})
	m := w.Member("노을")
	line := sentenceWith(t, m, "캐시 적중률이 가장 높게")
	if !line.ChildPoint {
		t.Fatalf("the line does not carry its items: %+v", line.Children)
	}
	for _, sec := range MemberSections(basic.MemberSections, m, w, MaxBullets, nil) {
		for _, bl := range sec.Bullets {
			if strings.Contains(bl.Text, "캐시 적중률이 가장 높게") {
				t.Errorf("%s holds the line another member wrote with its point: %q", sec.Key, bl.Text)
			}
		}
	}
}
