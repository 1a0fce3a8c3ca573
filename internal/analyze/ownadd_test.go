package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// A statement closed by a question mark is the writer doubting it; a
// question in an interrogative ending or a checklist's formal question is
// not.
func TestQueriedStatement(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"캐시를 오래 둘수록 데이터가 원본과 멀어진다 ?", true},
		{"복제본을 늘리면 쓰기 지연이 커진다?", true},
		{"인덱스가 많을수록 쓰기 비용이 높음?", true},
		{"왜 캐시를 먼저 둘까?", false},
		{"라이선스가 상업적 사용을 허용하는가?", false},
		{"이 설정은 어디에 쓰나?", false},
		{"캐시를 오래 둘수록 데이터가 원본과 멀어진다.", false},
	} {
		v := readVoice(c.s, text.Read(c.s).Morphs)
		if v.Queried != c.want {
			t.Errorf("readVoice(%q).Queried = %v, want %v (%+v)", c.s, v.Queried, c.want, v)
		}
	}
}

// After an arrow, a clause that turns and denies is a verdict on the
// thing the line names; a mapping or a plain consequence after an arrow is
// not. Readers take it for the book's fact in shorthand, not the writer's
// angle: it adds nothing to Own.
func TestVerdictAfterArrow(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"스키마 검증 → 형식은 보장하지만 값이 맞는지는 보장하지 않음", true},
		{"읽기 복제본 -> 읽기는 빨라지지만 최신 값은 아닐 수 있다", true},
		{"→ 처리량은 늘지만 순서는 지켜지지 않는다", true},
		{"요청 → 큐 → 워커", false},
		{"캐시 적중률이 오르면 → 지연이 줄어든다", false},
		{"→ 쓰기가 몰리면 지연이 늘지 않는다", false},
		{"형식은 보장하지만 값이 맞는지는 보장하지 않는다.", false},
	} {
		v := readVoice(c.s, text.Read(c.s).Morphs)
		if v.Verdict != c.want {
			t.Errorf("readVoice(%q).Verdict = %v, want %v", c.s, v.Verdict, c.want)
		}
		if v.Own() != 0 {
			t.Errorf("readVoice(%q).Own() = %.1f, want 0 (a verdict is no angle of the writer's)", c.s, v.Own())
		}
	}
}

const ownAdditionsNote = `# 5장 캐시

## 캐시 만료

- 만료 정책은 주어진 메모리 안에서 적중률을 최적화한다. (하지만 실제 서비스는 적중률이 전부가 아니라는 점을 기억하자.)
- 쓰기 지연은 복제본 수에 비례한다. (자세한 내용은 6장에서 다룬다.)
- 스키마 검증 → 형식은 보장하지만 값이 맞는지는 보장하지 않음

### 캐시 오염

캐시를 오래 둘수록 데이터가 원본과 멀어진다 ?

한 연구에 따르면, 만료 시간을 길게 둔 캐시가 오래된 값을 더 자주 돌려주었다고 한다.

## 점검

왜 캐시를 먼저 둘까?
캐시는 원본 저장소보다 빠르기 때문에 먼저 둔다.
`

func TestOwnAdditionsAreRead(t *testing.T) {
	w := Analyze([]Note{{Member: "하람", Doc: parse("w5/하람.md", ownAdditionsNote)}})
	m := w.Members[0]

	// A bracketed turn against the line before: the pair is one
	// candidate of the writer's view.
	s := find(t, m, "최적화한다")
	if !s.Voice.Aside || s.Caveat == nil || s.Scores[insight.KeyPerspective] < 1 {
		t.Errorf("bracketed turn: aside %v, caveat %v, scores %v; want the pair as a perspective", s.Voice.Aside, s.Caveat, s.Scores)
	}
	// A bracketed pointer to another chapter turns against nothing.
	if p := find(t, m, "비례한다"); p.Voice.Aside || p.Scores[insight.KeyPerspective] > 0 {
		t.Errorf("bracketed pointer read as the writer's aside: %+v %v", p.Voice, p.Scores)
	}
	// A verdict after an arrow is the book's fact in shorthand to
	// readers, not the writer's angle.
	if v := find(t, m, "스키마 검증"); !v.Voice.Verdict || v.Scores[insight.KeyPerspective] > 0 {
		t.Errorf("verdict after an arrow: verdict %v, scores %v, want a verdict and no perspective", v.Voice.Verdict, v.Scores)
	}
	// The statement put in doubt is the writer's question, though the
	// note goes on about the same thing; the book's question the note
	// answers right after is not.
	if q := find(t, m, "멀어진다 ?"); q.Answered || q.Scores[insight.KeyStudy] < 1 {
		t.Errorf("queried statement: answered %v, scores %v; want a study target", q.Answered, q.Scores)
	}
	if q := find(t, m, "왜 캐시를"); !q.Answered || q.Scores[insight.KeyStudy] > 0 {
		t.Errorf("answered book question: answered %v, scores %v; want none", q.Answered, q.Scores)
	}
}

// A bracketed turn another member's note says right after the same copied
// line is the book's caveat, not the writer's aside; a turn no one else
// has stays the writer's.
func TestBookCaveatBesideACopiedLineIsNoAside(t *testing.T) {
	const other = "# 5장 캐시\n\n## 만료\n\n- 만료 정책은 주어진 메모리 안에서 적중률을 최적화한다.\n" +
		"    - 적중률이 전부는 아니다, 조금 낮아도 운영하기 쉬운 정책이 실제 서비스에서 널리 쓰인다.\n"
	const elsewhere = "# 5장 캐시\n\n## 만료\n\n- 만료 정책은 주어진 메모리 안에서 적중률을 최적화한다.\n" +
		"- 쓰기 지연은 복제본 수에 비례한다.\n\n## 운영\n\n- 실제 서비스에서는 적중률보다 운영 비용을 먼저 본다.\n"
	for _, c := range []struct {
		name, note string
		aside      bool
	}{
		{"the other note says the caveat beside the line", other, false},
		{"the other note says it elsewhere", elsewhere, true},
	} {
		w := Analyze([]Note{{Member: "하람", Doc: parse("w5/하람.md", ownAdditionsNote)}, {Member: "다온", Doc: parse("w5/다온.md", c.note)}})
		s := find(t, w.Member("하람"), "최적화한다")
		if s.Voice.Aside != c.aside || (s.Scores[insight.KeyPerspective] >= 1) != c.aside {
			t.Errorf("%s: aside %v, scores %v; want aside %v", c.name, s.Voice.Aside, s.Scores, c.aside)
		}
	}
}

// The same holds for a remark inside the sentence's own brackets, one
// that turns against it (an Aside) or a note-style comment after a line
// that trails off (a Remark).
func TestBookRemarkBesideACopiedLineIsTheBooks(t *testing.T) {
	const copied = "# 5장 캐시\n\n## 만료\n\n- 만료 정책은 주어진 메모리 안에서 적중률을 최적화한다.\n"
	for _, c := range []struct {
		name, mine, next, sub string
		own                   func(Voice) bool
	}{
		{"a turn", "적중률을 최적화한다 (하지만 실제 서비스는 적중률이 전부가 아니라는 점을 기억하자)",
			"적중률이 전부는 아니다, 조금 낮아도 운영하기 쉬운 정책이 실제 서비스에서 널리 쓰인다.", "최적화한다 (하지만",
			func(v Voice) bool { return v.Aside }},
		{"a comment", "적중률을 최적화한다.. (다시 보면 실제 서비스는 운영 비용까지 같이 본다.)",
			"운영 비용도 서비스를 고를 때 적중률만큼 중요한 기준이 된다.", "최적화한다..",
			func(v Voice) bool { return v.Remark }},
	} {
		mine := "# 5장 캐시\n\n## 만료\n\n- 만료 정책은 주어진 메모리 안에서 " + c.mine + "\n"
		alone := Analyze([]Note{{Member: "하람", Doc: parse("w5/하람.md", mine)}})
		if s := find(t, alone.Member("하람"), c.sub); !c.own(s.Voice) || s.Scores[insight.KeyPerspective] < 1 {
			t.Errorf("%s of the writer's: voice %+v, scores %v; want a perspective", c.name, s.Voice, s.Scores)
		}
		other := copied + "    - " + c.next + "\n"
		both := Analyze([]Note{{Member: "하람", Doc: parse("w5/하람.md", mine)}, {Member: "다온", Doc: parse("w5/다온.md", other)}})
		if s := find(t, both.Member("하람"), c.sub); s.Voice.Aside || s.Scores[insight.KeyPerspective] >= 1 {
			t.Errorf("%s the book's beside a copied line: voice %+v, shared %.2f, scores %v; want no perspective", c.name, s.Voice, s.remarkShared, s.Scores)
		}
	}
}
