package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// A note that is no more than links to what the member wrote elsewhere
// says so and names the links in 핵심 인사이트, rather than that it has
// no key sentence; a note with prose of its own keeps the plain line.
func TestLinksOnlyNoteNamesItsLinks(t *testing.T) {
	const links = "# 4장 인덱스\n\n- [4장 인덱스 정리 (블로그)](https://velog.io/@minjun/index)\n- [B-Tree 시각화](https://www.cs.usfca.edu/~galles/visualization/BTree.html)\n"
	m, w := memberOf(t, "민준", links)
	sec := sectionOf(t, m, w, insight.KeyInsights)
	if len(sec.Bullets) != 0 || !strings.HasPrefix(sec.Notice, "이번 주 노트는 본문 없이 링크만 담고 있습니다: https://velog.io/@minjun/index, https://www.cs.usfca.edu/") {
		t.Errorf("핵심 인사이트 = %q, notice %q; want the links named", bulletTexts(sec), sec.Notice)
	}
	m, w = memberOf(t, "민준", links+"\n표로 정리하지 못한 부분은 다음 주에 다시 채워 넣을 예정이다. 이번 주는 시간이 부족했다. 인덱스를 만들수록 쓰기는 느려지고 읽기는 빨라진다는 것만 확실히 기억하려고 한다. 복합 인덱스의 컬럼 순서는 아직 헷갈린다. 커버링 인덱스가 왜 빠른지도 다시 읽어 봐야겠다. 블로그 글은 책의 그림을 옮겨 두었다. 다음 모임 전까지 B 트리 페이지 분할도 정리해 둘 생각이다.\n")
	if sec := sectionOf(t, m, w, insight.KeyInsights); strings.Contains(sec.Notice, "링크만") {
		t.Errorf("핵심 인사이트 notice = %q for a note with prose of its own", sec.Notice)
	}
}
