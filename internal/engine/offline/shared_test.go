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

func TestClipQuote(t *testing.T) {
	if got := clipQuote("짧은 문장", 40); got != "짧은 문장" {
		t.Errorf("clipQuote(short) = %q", got)
	}
	long := "캐시 키에 사용자 식별자를 넣지 않으면 다른 사용자의 응답이 섞일 수 있다"
	got := clipQuote(long, 20)
	if !strings.HasSuffix(got, " …") || len([]rune(got)) > 22 || !strings.HasPrefix(long, strings.TrimSuffix(got, " …")) {
		t.Errorf("clipQuote(long, 20) = %q, want a prefix cut at a space and marked", got)
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
