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
