package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// leadInRemarkNote closes a line with a remark of the writer's own on their
// practice, after a line that another bullet already carries.
const leadInRemarkNote = `# 6장 메시지와 인터페이스

객체의 내부 구조에 강하게 결합되지 않도록 협력 경로를 제한하라.
점 하나만 쓰라는 것은 체이닝 같은 방식을 쓰지 말라는 것 같은데. 오직 점 하나만 쓰는 것이 과연 정답일까 싶다.
이 글의 저자는 최대한 제한하라는 얘기를 하고 싶은 것 같다.
규칙을 어기는 코드는 order.getCustomer().getAddress() 같은 이런 코드인데.. (ORM으로 개발할 때 이런 그래프 탐색이 엄청 편했었는데, 프로젝트에서는 지양하는 것을 고려해봐야 할 것 같다.)
`

// The writer's remark on their practice is their practical idea even when
// the line it leans on is in another bullet already.
func TestRemarkStandsWhenItsLeadInIsTaken(t *testing.T) {
	w := analyze.Analyze([]analyze.Note{{Member: "노을", Doc: note.Parse("w4/노을.md", leadInRemarkNote)}})
	var practical string
	for _, sec := range MemberSections(basic.MemberSections, w.Members[0], w, 5, nil) {
		for _, b := range sec.Bullets {
			if sec.Key == insight.KeyPractical {
				practical += b.Text + "\n"
			}
		}
	}
	if !strings.Contains(practical, "지양하는 것을 고려해봐야") {
		t.Errorf("실무 적용 misses the writer's remark on their practice:\n%s", practical)
	}
}
