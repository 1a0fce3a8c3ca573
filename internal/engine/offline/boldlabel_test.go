package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// boldLabelNote is a note in the shape Notion exports: a numbered item
// whose parts are paragraphs written all in bold, each over a list of its
// own nested in the item.
const boldLabelNote = `# 데이터베이스 스터디

## 쿼리 처리

1. **인덱스 설계**
    - 옵티마이저가 테이블 통계를 보고 실행 계획을 고른다

    **2) 해시 인덱스 (Hash index)**

    - 키를 해시 함수에 넣어 버킷 위치를 바로 계산하는 방식
    - 값을 한 번에 찾기 때문에 아주 큰 테이블에서도 빠르게 끝낼 수 있음
    - 범위 검색은 값의 순서를 잃어버려서 이 방식으로는 처리하기 어렵다

    **3) 장점**

    - 정렬 없이 바로 시작할 수 있어서 첫 결과가 빨리 나옴

    **인덱스가 없으면 전체를 읽는다**

    - 디스크를 처음부터 끝까지 훑어야 해서 느려질 수 있음
2. 통계가 오래되면 옵티마이저는 잘못된 계획을 고르게 된다
3. **버퍼 관리**
    - 페이지 교체
        - 가장 오래 쓰지 않은 페이지를 먼저 내보낸다

        **교체 비용**

        - 내보낼 페이지를 고르는 데 드는 시간
    - 더티 페이지는 디스크에 쓴 다음에 내보낸다
`

func boldLabelMember(t *testing.T) (*analyze.Member, *analyze.Week) {
	t.Helper()
	w := analyze.Analyze([]analyze.Note{{Member: "하람", Doc: note.Parse("w1/하람.md", boldLabelNote)}})
	return w.Members[0], w
}

func TestBoldLineHeadsTheItemsUnderIt(t *testing.T) {
	m, w := boldLabelMember(t)
	for _, c := range []struct{ name, sub, head string }{
		// An item that names no subject is about the bold line above its
		// list: its concept, without the number and the gloss.
		{"no subject", "한 번에 찾기 때문에", "해시 인덱스"},
		{"definition", "버킷 위치를 바로", "해시 인덱스"},
		// A bold set noun ("장점") names no concept: no headline from it.
		{"set noun", "정렬 없이 바로", ""},
		// A bold clause is no label.
		{"clause", "처음부터 끝까지 훑어야", ""},
	} {
		b := Bullet(sentenceWith(t, m, c.sub), m, w, insight.KeyInsights)
		if b.Head != c.head {
			t.Errorf("%s: Bullet(%q).Head = %q, want %q", c.name, b.Text, b.Head, c.head)
		}
		if strings.Contains(b.Text, "2)") || strings.Contains(b.Text, "Hash index") {
			t.Errorf("%s: the bold line's number or gloss in the body: %q", c.name, b.Text)
		}
	}
	// The next item of the outer list hangs from nothing inside the item
	// before it.
	if s := sentenceWith(t, m, "통계가 오래되면"); s.Frame != "" {
		t.Errorf("outer item framed by %q, want no frame", s.Frame)
	}
	// An item after a bold line nested one level deeper still hangs
	// from its own parent item.
	if s := sentenceWith(t, m, "더티 페이지는"); s.Frame != "버퍼 관리" {
		t.Errorf("item after a deeper bold line framed by %q, want 버퍼 관리", s.Frame)
	}
	// The item's sublist before the bold lines is the item's own.
	if s := sentenceWith(t, m, "테이블 통계를 보고"); s.Frame != "인덱스 설계" {
		t.Errorf("first sublist framed by %q, want 인덱스 설계", s.Frame)
	}
}

// An item with a label of its own under the line it leans on ("두번째
// 문제: …" above "- **AOP**: …") is headed by its label, which its text
// then does not repeat after that line.
func TestOwnLabelIsNotRepeatedAfterItsContext(t *testing.T) {
	const src = `# 프레임워크의 목적

## 복잡함을 줄이는 방법

- 첫번째 문제: 저장소에 접근하는 방식이 모듈마다 다르고 운영 환경에 묶여 있다.
  - **저장소 추상화**: 저장소 구현과 그것을 쓰는 인터페이스를 분리하고, 운영 환경에 매이지 않는 접근 방법을 제공한다.
 
- 두번째 문제: 로깅을 처리하는 코드가 업무 규칙을 담은 코드에 섞여서 등장한다.
  - **AOP**: 로깅을 다루는 코드로 인한 복잡함이 로깅 그 자체 이상으로 불필요하게 커지지 않도록 도와주는 가장 강력한 수단이다.
 
<br/>
`
	m, w := memberOf(t, "소리", src)
	for i := range m.Sentences {
		s := m.Sentences[i]
		if !strings.Contains(s.Body, "가장 강력한 수단") {
			continue
		}
		b := Bullet(s, m, w, insight.KeyInsights)
		if s.Context != nil && b.Head == "AOP" && strings.Contains(b.Text, "AOP:") {
			t.Errorf("bullet = **%s**: %s; want the label AOP once, as the headline", b.Head, b.Text)
		}
		if s.Context == nil || b.Head != "AOP" || !strings.HasPrefix(b.Text, "두번째 문제") || !strings.Contains(b.Text, "가장 강력한 수단") {
			t.Errorf("bullet = **%s**: %s (context %v); want **AOP**: 두번째 문제: … 가장 강력한 수단", b.Head, b.Text, s.Context != nil)
		}
		return
	}
	t.Fatal("no sentence with 가장 강력한 수단")
}

// A label the writer set as a quote ("> ***캐시 무효화***") over a list
// heads the items under it, as a bold line does; a quoted sentence does
// not.
func TestQuotedLabelHeadsTheItemsUnderIt(t *testing.T) {
	const src = `# 캐시

## 캐시 운영

> ***캐시 무효화***

- 원본 데이터가 바뀌는 순간 관련된 항목을 지워서 오래된 값이 응답으로 나가지 않게 한다.
- 항목마다 만료 시간을 두면 지우는 것을 잊어도 결국 새 값으로 바뀐다.

> 캐시는 가장 가까운 곳에 두어야 빠르다.

- 요청 경로에서 멀리 있는 저장소를 거치면 지연이 길어진다.
`
	m, w := memberOf(t, "소리", src)
	for _, c := range []struct{ sub, head string }{
		{"관련된 항목을 지워서", "캐시 무효화"},
		{"만료 시간을 두면", "캐시 무효화"},
		{"멀리 있는 저장소를", ""},
	} {
		s := sentenceWith(t, m, c.sub)
		if b := Bullet(s, m, w, insight.KeyInsights); b.Head != c.head {
			t.Errorf("Bullet(%q).Head = %q, want %q", b.Text, b.Head, c.head)
		}
	}
}
