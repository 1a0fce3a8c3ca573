package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// Two members copied the same recommendation from the book, each in their
// own words only slightly apart, and wrote no other proposal. The first
// member's note gives the 실무 적용 bullet; the second member's section
// must not say that the note has no practical idea (it has one): it quotes
// the line and says whose bullet has it.
func TestCopiedProposalIsNamedNotDenied(t *testing.T) {
	const first = `# 4장 캐시

- 캐시는 자주 읽는 값을 가까운 곳에 두는 저장소다.
- 캐시 키에 사용자 식별자를 넣지 않으면 다른 사용자의 응답이 섞일 수 있으므로 캐시 키에는 항상 사용자 식별자를 넣는 것을 권장한다.
- 만료 시간은 값이 바뀌는 주기보다 짧아야 한다.
`
	const second = `# 4장 캐시

- 캐시는 자주 읽는 값을 가까운 곳에 두는 저장소이다.
- 캐시 키에 사용자 식별자를 넣지 않으면 다른 사용자의 응답이 섞일 수 있으므로 캐시 키에는 항상 사용자 식별자를 넣는 것을 권장한다고 한다.
- 캐시 적중률은 요청 가운데 캐시에서 답한 비율이다.
`
	w := generateGroup(t, commonInput([][2]string{{"가람", first}, {"나래", second}}))
	var got [2]insight.Section
	for i, m := range w.Members {
		got[i] = section(t, m.Sections, insight.KeyPractical)
	}
	if !strings.Contains(texts(got[0]), "사용자 식별자를 넣는 것을 권장한다") {
		t.Fatalf("가람's 실무 적용 = %q (notice %q), want the recommendation", texts(got[0]), got[0].Notice)
	}
	if len(got[1].Bullets) != 0 {
		t.Errorf("나래's 실무 적용 = %q, want no second copy and no other line in its place", texts(got[1]))
	}
	n := got[1].Notice
	if n == NoticeNoPractical || !strings.Contains(n, "“캐시 키에 사용자 식별자를") || !strings.Contains(n, "가람의 실무 적용 아이디어") {
		t.Errorf("나래's 실무 적용 notice = %q, want the copied line quoted and 가람's bullet named", n)
	}
	if strings.Contains(n, "권장한다") || !strings.Contains(n, " …”") {
		t.Errorf("나래's 실무 적용 notice = %q, want the start of the line only, not the whole bullet again", n)
	}
	// The note's only words of its own are that proposal: its 독특한
	// 관점 says where they went, not that there are none.
	if p := section(t, w.Members[1].Sections, insight.KeyPerspective); len(p.Bullets) == 0 && p.Notice != NoticePerspectiveInPractice {
		t.Errorf("나래's 독특한 관점 notice = %q, want %q", p.Notice, NoticePerspectiveInPractice)
	}
}

// When the sentence has a headline, the line names the concept instead of
// quoting the sentence again.
func TestCopiedProposalIsNamedByItsConcept(t *testing.T) {
	const line = "- 만료 시간은 값이 바뀌는 주기보다 짧게 잡아야 오래된 응답을 막을 수 있으므로 짧게 잡는 것을 권장한다.\n"
	first := "# 4장 캐시\n\n- 캐시는 자주 읽는 값을 가까운 곳에 두는 저장소다.\n" + line
	second := "# 4장 캐시\n\n- 캐시 적중률은 요청 가운데 캐시에서 답한 비율이다.\n" + line
	w := generateGroup(t, commonInput([][2]string{{"가람", first}, {"나래", second}}))
	p := section(t, w.Members[1].Sections, insight.KeyPractical)
	if len(p.Bullets) != 0 || p.Notice != "이번 주 노트의 실무 적용 아이디어 가운데 만료 시간에 대한 것은 가람의 실무 적용 아이디어에 같은 내용이 있어 한 번만 적었습니다." {
		t.Errorf("나래's 실무 적용 = %q, notice %q", texts(p), p.Notice)
	}
}

func TestClipQuote(t *testing.T) {
	if got := clipQuote("짧은 문장", 40); got != "짧은 문장" {
		t.Errorf("clipQuote(short) = %q", got)
	}
	// Cut after the last clause that ends within the limit.
	long := "캐시 키에 사용자 식별자를 넣지 않으면 다른 사용자의 응답이 섞일 수 있다"
	if got := clipQuote(long, 30); got != "캐시 키에 사용자 식별자를 넣지 않으면 …" {
		t.Errorf("clipQuote(long, 30) = %q, want the clause up to 않으면", got)
	}
	// No clause ends in time: a cut inside the phrase could turn it
	// around ("원시 타입을 …" of "원시 타입을 제외한"), so it stays whole.
	phrase := "객체에 해당하는 원시 타입을 제외한 모든 타입 값을 할당할 수 있는 타입이다"
	if got := clipQuote(phrase, 20); got != phrase {
		t.Errorf("clipQuote(phrase, 20) = %q, want it whole", got)
	}
}

// A member with no proposal of any kind still gets the plain line: the
// shared-line notice is only for a proposal another member's bullet has.
func TestNoProposalKeepsThePlainLine(t *testing.T) {
	const a = `# 4장 캐시

- 캐시는 자주 읽는 값을 가까운 곳에 두는 저장소다.
- 캐시 적중률은 요청 가운데 캐시에서 답한 비율이다.
`
	const b = `# 4장 캐시

- 캐시 키에는 항상 사용자 식별자를 넣는 것을 권장한다.
- 만료 시간은 값이 바뀌는 주기에 맞춘다.
`
	w := generateGroup(t, commonInput([][2]string{{"가람", a}, {"나래", b}}))
	if p := section(t, w.Members[0].Sections, insight.KeyPractical); len(p.Bullets) != 0 || p.Notice != NoticeNoPractical {
		t.Errorf("가람's 실무 적용 = %q, notice %q; want the plain line %q", texts(p), p.Notice, NoticeNoPractical)
	}
}
