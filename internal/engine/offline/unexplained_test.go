package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// A made-up study of replication: 하늘 names systems without explaining
// them and doubts one thing, 바다 explains some of the names, 구름 wrote
// a short reading note with no question and no name.
const (
	skyNote = `# 7장 복제

## 리더 기반 복제

- 리더는 모든 쓰기를 받아 복제 로그에 적고, 팔로워는 그 복제 로그를 같은 순서로 적용한다.
- 동기 복제는 팔로워의 확인을 기다리므로 쓰기 지연이 늘지만 리더 장애 때 데이터를 잃지 않는다.
- 비동기 복제는 쓰기 지연이 짧지만 리더 장애 때 확인받지 못한 쓰기를 잃을 수 있다.
- 복제 지연이 길어지면 팔로워에서 읽은 값이 오래된 값일 수 있다.

## 합의

- 대표적인 합의 알고리즘으로 Paxos, ZAB, EPaxos 등이 있다.
- 리더가 바뀌는 동안 들어온 쓰기가 어떻게 처리되는지는 잘 모르겠다.

## 분산 락

- 분산 락으로 Chubby, ZooKeeper, etcd 등을 쓴다.

## CRDT
`
	seaNote = `# 7장 복제

## 합의 알고리즘

Paxos는 과반수의 동의로 값을 정하는 합의 알고리즘이다.

ZooKeeper는 분산 코디네이션 서비스로, 락과 설정을 관리한다.

## 자료형

CRDT는 충돌 없이 병합할 수 있는 자료형이다.
`
	cloudNote = `# 7장 복제

## 리더와 팔로워

리더는 쓰기를 받아 로그에 적고 팔로워에게 보낸다. 팔로워는 그 로그를 같은 순서로 적용한다.
`
	// 들녘 asks nothing but names the week's systems in a list.
	fieldNote = `# 7장 복제

- 리더는 모든 쓰기를 받아 복제 로그에 적고, 팔로워는 그 복제 로그를 같은 순서로 적용한다.
- 동기 복제는 팔로워의 확인을 기다리므로 쓰기 지연이 늘지만 리더 장애 때 데이터를 잃지 않는다.
- 비동기 복제는 쓰기 지연이 짧지만 리더 장애 때 확인받지 못한 쓰기를 잃을 수 있다.
- 복제 지연이 길어지면 팔로워에서 읽은 값이 오래된 값일 수 있다.
- 합의에는 Paxos, ZAB, EPaxos 등이 쓰인다.
`
)

func unexplainedWeek() *analyze.Week {
	return analyze.Analyze([]analyze.Note{
		{Member: "하늘", Doc: note.Parse("w7/하늘.md", skyNote)},
		{Member: "바다", Doc: note.Parse("w7/바다.md", seaNote)},
		{Member: "구름", Doc: note.Parse("w7/구름.md", cloudNote)},
		{Member: "들녘", Doc: note.Parse("w7/들녘.md", fieldNote)},
	})
}

// The member's own doubt comes first; then at most two topics the note
// names without explaining, each headed by the names as written and
// quoting the line it came from.
func TestStudyAddsUnexplainedTopicsAfterOwnQuestions(t *testing.T) {
	w := unexplainedWeek()
	sec := sectionOf(t, w.Member("하늘"), w, insight.KeyStudy)
	if len(sec.Bullets) != 3 {
		t.Fatalf("하늘's 추가 학습 has %d bullets, want 3 (a doubt, two topics):\n%s", len(sec.Bullets), bulletTexts(sec))
	}
	if !strings.Contains(sec.Bullets[0].Text, "잘 모르겠다") {
		t.Errorf("first bullet %q, want the member's own doubt", sec.Bullets[0].Text)
	}
	b := sec.Bullets[1]
	if b.Head != "Paxos, ZAB, EPaxos" || b.Text != "노트에 이름만 나열되고 설명은 없는 개념들 — “대표적인 합의 알고리즘으로 Paxos, ZAB, EPaxos 등이 있다.”" {
		t.Errorf("second bullet = %q: %q", b.Head, b.Text)
	}
	if len(b.Sources) != 1 || b.Sources[0].Line != 12 || b.Sources[0].Member != "하늘" {
		t.Errorf("second bullet's sources = %+v, want 하늘's line 12", b.Sources)
	}
	if sec.Bullets[2].Head != "Chubby, ZooKeeper" {
		t.Errorf("third bullet headed %q, want the next list's names", sec.Bullets[2].Head)
	}
	if strings.Contains(bulletTexts(sec), "CRDT") {
		t.Errorf("a third topic beyond the limit of two:\n%s", bulletTexts(sec))
	}
	if sec.Notice != "" {
		t.Errorf("notice %q beside bullets", sec.Notice)
	}
}

// A member with no question of their own but a named topic gets the topic
// and no "nothing" line; a member with neither keeps the line.
func TestStudyNoticeOnlyWhenNothing(t *testing.T) {
	w := unexplainedWeek()
	sec := sectionOf(t, w.Member("들녘"), w, insight.KeyStudy)
	if len(sec.Bullets) != 1 || sec.Bullets[0].Head != "Paxos, ZAB, EPaxos" || sec.Notice != "" {
		t.Errorf("들녘's 추가 학습 = %q (notice %q), want the listed names only", bulletTexts(sec), sec.Notice)
	}
	sec = sectionOf(t, w.Member("구름"), w, insight.KeyStudy)
	if len(sec.Bullets) != 0 || sec.Notice != NoticeNoStudy {
		t.Errorf("구름's 추가 학습 = %q (notice %q), want the nothing line", bulletTexts(sec), sec.Notice)
	}
	sec = sectionOf(t, w.Member("바다"), w, insight.KeyStudy)
	if len(sec.Bullets) != 0 || sec.Notice != NoticeNoStudy {
		t.Errorf("바다 explains what they name; 추가 학습 = %q (notice %q)", bulletTexts(sec), sec.Notice)
	}
}

// A line of names alone is quoted by the line it hangs from.
func TestStudyTopicQuotesTheFrameOfANamesOnlyLine(t *testing.T) {
	field := "# 7장 복제\n\n- 합의 알고리즘은 여러 가지가 제안되었다.\n    - Paxos, ZAB, EPaxos\n"
	sec := studyBeside(t, "들녘", field)
	if len(sec.Bullets) != 1 {
		t.Fatalf("들녘's 추가 학습 = %q, want one topic", bulletTexts(sec))
	}
	b := sec.Bullets[0]
	if b.Text != "노트에 이름만 나열되고 설명은 없는 개념들 — “합의 알고리즘은 여러 가지가 제안되었다.” 아래 목록" || len(b.Sources) != 2 || b.Sources[0].Line != 3 || b.Sources[1].Line != 4 {
		t.Errorf("bullet %q with sources %+v, want the frame quoted and both lines cited", b.Text, b.Sources)
	}
}

// A heading with nothing under it names a topic the member left empty.
func TestStudyTopicFromAnEmptyHeading(t *testing.T) {
	dusk := "# 7장 복제\n\n## CRDT\n\n## 리더\n\n리더는 모든 쓰기를 받아 복제 로그에 적고, 팔로워는 그 로그를 같은 순서로 적용한다.\n"
	sec := studyBeside(t, "노을", dusk)
	if got := bulletTexts(sec); got != "CRDT|노트에 제목만 있고 내용은 비어 있는 개념 — 제목 “CRDT”" {
		t.Errorf("노을's 추가 학습 = %q", got)
	}
	if len(sec.Bullets) == 1 && (len(sec.Bullets[0].Sources) != 1 || sec.Bullets[0].Sources[0].Line != 3) {
		t.Errorf("sources %+v, want the heading's line 3", sec.Bullets[0].Sources)
	}
}

// studyBeside is the 추가 학습 section of a member's note read in a week
// with 바다's note.
func studyBeside(t *testing.T, member, src string) insight.Section {
	t.Helper()
	w := analyze.Analyze([]analyze.Note{
		{Member: member, Doc: note.Parse("w7/"+member+".md", src)},
		{Member: "바다", Doc: note.Parse("w7/바다.md", seaNote)},
	})
	return sectionOf(t, w.Member(member), w, insight.KeyStudy)
}
