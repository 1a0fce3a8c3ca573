package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// A paragraph of the member's own in which one remark goes on in the
// next sentence: the two halves are one bullet. The same two remarks on
// two lines are two.
const (
	paragraphRemarks = `# 7장 테스트

## 느낀 점

목 객체 이야기를 읽고 나도 괜히 찔려서 예전 프로젝트의 테스트 코드를 다시 열어 보았다. 역시 나도 모든 협력 객체를 목으로 바꿔 두었더라.
`
	lineRemarks = `# 7장 테스트

## 느낀 점

목 객체 이야기를 읽고 나도 괜히 찔려서 예전 프로젝트의 테스트 코드를 다시 열어 보았다.

역시 나도 모든 협력 객체를 목으로 바꿔 두었더라.
`
	remarkLead = "목 객체 이야기를 읽고 나도 괜히 찔려서 예전 프로젝트의 테스트 코드를 다시 열어 보았다."
	remarkOn   = "역시 나도 모든 협력 객체를 목으로 바꿔 두었더라."
)

func TestOneParagraphIsOneBullet(t *testing.T) {
	m, w := memberOf(t, "하늘", paragraphRemarks)
	per := sectionOf(t, m, w, insight.KeyPerspective)
	var b *insight.Bullet
	for i := range per.Bullets {
		if strings.Contains(per.Bullets[i].Text, remarkOn) {
			b = &per.Bullets[i]
		}
	}
	if b == nil {
		t.Fatalf("독특한 관점 = %q (notice %q), want the paragraph's remark", bulletTexts(per), per.Notice)
	}
	if !strings.Contains(b.Text, remarkLead+" "+remarkOn) || len(b.Sources) != 2 {
		t.Errorf("the paragraph's two halves are not one bullet in the note's order: %q (%d sources); section %q", b.Text, len(b.Sources), bulletTexts(per))
	}

	m, w = memberOf(t, "하늘", lineRemarks)
	per = sectionOf(t, m, w, insight.KeyPerspective)
	for _, x := range per.Bullets {
		if strings.Contains(x.Text, remarkLead) && strings.Contains(x.Text, remarkOn) {
			t.Errorf("two lines of the note are joined into one bullet: %q", x.Text)
		}
	}
}

// A sentence the writer broke off on a connective ending and went on with
// after a blank line ("…몰아서 작성했었는데" / "…먼저 작성해야겠다고
// 생각했다.") is one sentence: the bullet quotes both halves. A broken-off
// half that points back ("이 문제를 해결하려면") leans on the text above
// it, and is no part of a bullet.
func TestSentenceBrokenOverTwoParagraphsIsOne(t *testing.T) {
	const broken = `# 5장 책임 할당

## 느낀 점

예전에는 테스트를 기능을 다 만든 뒤에 몰아서 작성했었는데

이번 장을 읽고 나서는 작은 단위로 나눌 때마다 먼저 작성해야겠다고 생각했다.
`
	if got, ok := sectionHas(t, "하늘", broken, insight.KeyPerspective, "몰아서 작성했었는데 이번 장을 읽고"); !ok {
		t.Errorf("관점 = %q; want the sentence with both of its halves", got)
	}
	const pointing = `# 5장 서비스 추상화

## 트랜잭션 경계

서비스 코드가 특정 데이터 액세스 기술의 커넥션에 직접 의존하게 되었다.

이 문제를 해결하려면

트랜잭션 경계 설정을 추상화한 계층을 두고 서비스는 그 계층만 쓰도록 바꿔야 할 것 같다.
`
	m, w := memberOf(t, "하늘", pointing)
	for _, key := range []string{insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical} {
		if got := bulletTexts(sectionOf(t, m, w, key)); strings.Contains(got, "이 문제를 해결하려면") {
			t.Errorf("%s = %q; a half that points back is no part of a bullet", key, got)
		}
	}
}
