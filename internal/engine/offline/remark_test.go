package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// remarkNote restates a book on caching; its member's own words are one
// comment in brackets after a statement that trails off.
const remarkNote = `# 5장 캐시

## 만료 정책

- 캐시 항목은 정해진 시간이 지나면 만료된다.
- 만료 시간을 짧게 잡으면 원본 저장소에 요청이 늘어난다.
- 만료 시간 설정은 감으로 하게 된다.. (몇 주 지나서 다시 보면 같은 값도 다르게 고치게 된다.)

## 무효화

- 쓰기와 함께 캐시를 지우는 방식은 구현이 단순하다.
- 쓰기 뒤에 캐시를 지우지 않으면 오래된 값이 응답으로 나간다.
`

// glossNote is the same note with the comment replaced by a gloss in
// brackets: nothing in it is the member's own.
const glossNote = `# 5장 캐시

## 만료 정책

- 캐시 항목은 정해진 시간이 지나면 만료된다.
- 만료 시간을 짧게 잡으면 원본 저장소에 요청이 늘어난다.
- 만료 시간은 항목마다 다르게 줄 수 있다.. (time to live)

## 무효화

- 쓰기와 함께 캐시를 지우는 방식은 구현이 단순하다.
- 쓰기 뒤에 캐시를 지우지 않으면 오래된 값이 응답으로 나간다.
`

func memberOf(t *testing.T, name, src string) (*analyze.Member, *analyze.Week) {
	t.Helper()
	w := analyze.Analyze([]analyze.Note{{Member: name, Doc: note.Parse("w5/"+name+".md", src)}})
	return w.Members[0], w
}

// A comment in brackets on a statement is the member's angle; a gloss in
// brackets is not, and the section says plainly that there is none.
func TestBracketedCommentIsAnAngle(t *testing.T) {
	m, w := memberOf(t, "하늘", remarkNote)
	per := sectionOf(t, m, w, insight.KeyPerspective)
	if !strings.Contains(bulletTexts(per), "다르게 고치게 된다") {
		t.Errorf("독특한 관점 = %q (notice %q), want the member's bracketed comment", bulletTexts(per), per.Notice)
	}
	m, w = memberOf(t, "하늘", glossNote)
	per = sectionOf(t, m, w, insight.KeyPerspective)
	if len(per.Bullets) != 0 || per.Notice != NoticeNoPerspective {
		t.Errorf("독특한 관점 = %q (notice %q), want no angle from a gloss", bulletTexts(per), per.Notice)
	}
}

// practiceNote restates the book; the member's only words of their own
// are a proposal for their team.
const practiceNote = `# 5장 캐시

## 만료 정책

- 캐시 항목은 정해진 시간이 지나면 만료된다.
- 만료 시간을 짧게 잡으면 원본 저장소에 요청이 늘어난다.

## 우리 팀에서는

- 우리 서비스에서는 만료 시간을 팀마다 정하지 말고 배포 설정 파일에서 한 번에 관리하는 것이 좋겠다.
`

// A member whose only own sentence proposes an action has it under 실무
// 적용, once, and 독특한 관점 says where it is instead of "nothing of
// the member's own".
func TestOwnActionOnlyGivesAnHonestLine(t *testing.T) {
	m, w := memberOf(t, "바다", practiceNote)
	secs := MemberSections(basic.MemberSections, m, w, MaxBullets, nil)
	var per, pr insight.Section
	for _, s := range secs {
		switch s.Key {
		case insight.KeyPerspective:
			per = s
		case insight.KeyPractical:
			pr = s
		}
	}
	if !strings.Contains(bulletTexts(pr), "한 번에 관리하는 것이 좋겠다") {
		t.Fatalf("실무 적용 = %q, want the member's proposal", bulletTexts(pr))
	}
	if len(per.Bullets) != 0 || per.Notice != NoticePerspectiveInPractice {
		t.Errorf("독특한 관점 = %q (notice %q), want the line pointing at 실무 적용", bulletTexts(per), per.Notice)
	}
	// Without a proposal the plain line stays.
	m, w = memberOf(t, "바다", glossNote)
	if per := sectionOf(t, m, w, insight.KeyPerspective); per.Notice != NoticeNoPerspective {
		t.Errorf("notice %q, want %q for a note with no proposal", per.Notice, NoticeNoPerspective)
	}
}

// A sentence of the member's that another member wrote too is the book's,
// never an angle, even with a mark that supports the member's voice.
func TestBookSentenceOfTwoMembersIsNoAngle(t *testing.T) {
	const shared = "- 몇 주 지나서 다시 보면 같은 만료 값도 다르게 고치게 된다.. (캐시를 쓰는 팀이라면 누구나 만료 값을 여러 번 다시 정하게 된다.)\n"
	notes := []analyze.Note{
		{Member: "하늘", Doc: note.Parse("w5/하늘.md", "# 5장 캐시\n\n- 캐시 항목은 정해진 시간이 지나면 만료된다.\n"+shared)},
		{Member: "바다", Doc: note.Parse("w5/바다.md", "# 5장 캐시\n\n- 쓰기 뒤에 캐시를 지우지 않으면 오래된 값이 응답으로 나간다.\n"+shared)},
	}
	w := analyze.Analyze(notes)
	for _, m := range w.Members {
		if per := sectionOf(t, m, w, insight.KeyPerspective); strings.Contains(bulletTexts(per), "다시 정하게 된다") {
			t.Errorf("%s: 독특한 관점 = %q: a sentence two members wrote is the book's", m.Name, bulletTexts(per))
		}
	}
	// Two members copied the statement, one commented on it: the comment
	// is that member's angle.
	const statement = "- 만료 시간 설정은 결국 감으로 정하게 되는 경우가 많다"
	both := []analyze.Note{
		{Member: "하늘", Doc: note.Parse("w5/하늘.md", "# 5장 캐시\n\n"+statement+".. (몇 주 지나서 다시 보면 같은 값도 다르게 고치게 된다.)\n")},
		{Member: "바다", Doc: note.Parse("w5/바다.md", "# 5장 캐시\n\n"+statement+".\n")},
	}
	w = analyze.Analyze(both)
	if per := sectionOf(t, w.Member("하늘"), w, insight.KeyPerspective); !strings.Contains(bulletTexts(per), "다르게 고치게 된다") {
		t.Errorf("독특한 관점 = %q (notice %q), want the member's comment on the statement both copied", bulletTexts(per), per.Notice)
	}
	if per := sectionOf(t, w.Member("바다"), w, insight.KeyPerspective); len(per.Bullets) != 0 {
		t.Errorf("독특한 관점 of the member who only copied the statement = %q", bulletTexts(per))
	}
	// The same sentence in one member's note alone is that member's.
	w = analyze.Analyze(notes[:1])
	if per := sectionOf(t, w.Members[0], w, insight.KeyPerspective); !strings.Contains(bulletTexts(per), "다시 정하게 된다") {
		t.Errorf("독특한 관점 = %q (notice %q), want the remark of the one member who wrote it", bulletTexts(per), per.Notice)
	}
}

// A "+)" addition that states a fact is no angle: the mark only supports
// another signal of the member's own voice.
func TestAddedFactIsNoAngle(t *testing.T) {
	const src = "# 5장 캐시\n\n- 캐시 항목은 정해진 시간이 지나면 만료된다.\n\n+) 쓰기 지연 캐시와 쓰기 관통 캐시는 다르다.\n\n+) 어쩌면 쓰기 지연 캐시가 앞으로 더 널리 쓰일 것 같다.\n"
	m, w := memberOf(t, "구름", src)
	per := bulletTexts(sectionOf(t, m, w, insight.KeyPerspective))
	if strings.Contains(per, "관통 캐시는 다르다") {
		t.Errorf("독특한 관점 = %q: an added fact is no angle", per)
	}
	if !strings.Contains(per, "더 널리 쓰일 것 같다") {
		t.Errorf("독특한 관점 = %q, want the member's added guess", per)
	}
}
