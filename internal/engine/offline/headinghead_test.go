package offline

import (
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// headingNote has sentences whose subject is only in the heading above
// them (Korean elides it), and sentences that must not take their
// heading as a headline.
const headingNote = `# 데이터베이스 운영 노트

## 캐시 용량

0으로 설정할 때, 시스템은 모든 페이지를 디스크에서 직접 읽는다.

## 일괄 처리

요청을 하나씩 보내는 대신 여러 요청을 모아 한 번에 디스크에 내려 쓴다.

## 증분 백업

처음에 전체 데이터를 복사했다면 이제는 바뀐 블록만 복사한다.

## 부하 테스트

최대 처리량을 찾는 것을 목표로 하기 때문에 실제 운영 상황에는 도달하지 않는다.

## 3장 인덱스 구조

키를 정렬된 순서로 유지해서 범위 검색을 빠르게 만든다.

## 장점

쓰기 요청이 몰려도 응답 시간을 일정하게 유지한다.

## 복제 지연

동기 방식과 달리 비동기 복제는 주 노드의 쓰기를 먼저 끝낸다.

## 체크포인트

장애가 나도 시스템은 주기적으로 남긴 체크포인트에서 다시 시작한다.

## 왜 잠금이 필요한가?

동시에 같은 행을 고치면 한쪽의 변경을 잃어버린다.
`

func TestHeadingHeadsSubjectlessSentence(t *testing.T) {
	w := analyze.Analyze([]analyze.Note{{Member: "바다", Doc: note.Parse("w1/바다.md", headingNote)}})
	m := w.Members[0]
	for _, c := range []struct{ sub, head string }{
		// The heading names what the sentence is about.
		{"0으로 설정할 때", "캐시 용량"},
		{"하나씩 보내는 대신", "일괄 처리"},
		{"바뀐 블록만 복사한다", "증분 백업"},
		{"목표로 하기 때문에", "부하 테스트"},
		// A chapter title, a set noun, a sentence with its own subject,
		// one that names the heading's concept already, and a question
		// head nothing.
		{"범위 검색을 빠르게", ""},
		{"응답 시간을 일정하게", ""},
		{"비동기 복제는", ""},
		{"남긴 체크포인트에서", ""},
		{"한쪽의 변경을", ""},
	} {
		s := sentenceWith(t, m, c.sub)
		if b := Bullet(s, m, w, insight.KeyInsights); b.Head != c.head {
			t.Errorf("Bullet(%q).Head = %q, want %q (subject %q, frame %q)", s.Text, b.Head, c.head, s.Subject, s.Frame)
		}
	}
}

func TestHeadingHeadSkipsTheNoteTitle(t *testing.T) {
	// A heading over most of the note is its title, not one concept.
	const doc = `# 트랜잭션 격리

여러 요청이 같은 행을 읽을 때 서로의 변경을 보지 못하게 막는다.

커밋되지 않은 변경을 다른 요청에 보여 주지 않는다.

## 스냅샷

시작 시점의 데이터를 끝까지 그대로 읽는다.
`
	w := analyze.Analyze([]analyze.Note{{Member: "바다", Doc: note.Parse("w1/바다.md", doc)}})
	m := w.Members[0]
	if got := HeadingHead(sentenceWith(t, m, "서로의 변경을"), m); got != "" {
		t.Errorf("title headed a sentence: %q", got)
	}
	if got := Bullet(sentenceWith(t, m, "시작 시점의"), m, w, insight.KeyInsights).Head; got != "스냅샷" {
		t.Errorf("section heading: got %q, want 스냅샷", got)
	}
}
