package offline

import (
	"strings"
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

## 이전 계획

롤백 절차와 복구 시간을 미리 충분히 고려해야 함

## 블록 크기와 지연 시간

측정해 보면 시스템은 파일의 중간보다 처음과 끝에 쓴 블록을 더 빨리 읽는다.

## 로그 구조와 압축

쓰기를 모아 순서대로 붙이고 오래된 조각을 한꺼번에 합친다.
`

// headCase is a sentence of a note (a substring of it) and the headline
// its 핵심 인사이트 bullet should have.
type headCase struct{ sub, head string }

// wantHeads checks the headline of the bullet of each case's sentence in
// the note src.
func wantHeads(t *testing.T, src string, cases []headCase) {
	t.Helper()
	w := analyze.Analyze([]analyze.Note{{Member: "바다", Doc: note.Parse("w1/바다.md", src)}})
	m := w.Members[0]
	for _, c := range cases {
		s := sentenceWith(t, m, c.sub)
		if b := Bullet(s, m, w, insight.KeyInsights); b.Head != c.head {
			t.Errorf("Bullet(%q).Head = %q, want %q (subject %q, frame %q, property %v)", s.Text, b.Head, c.head, s.Subject, s.Frame, s.Property)
		}
	}
}

func TestHeadingHeadsSubjectlessSentence(t *testing.T) {
	wantHeads(t, headingNote, []headCase{
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
		// A plan titles a section whose sentences are its steps; "A와 B"
		// above a sentence saying what something does is not its topic,
		// but it still names what a subjectless sentence is about.
		{"롤백 절차와 복구 시간을", ""},
		{"처음과 끝에 쓴 블록을", ""},
		{"오래된 조각을 한꺼번에", "로그 구조와 압축"},
	})
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

// An arrow line that leans on an arrow line above it, neither naming a
// subject, is headed by the heading above both; one that leans on a line
// with a subject of its own is not.
func TestHeadingHeadsAnArrowChain(t *testing.T) {
	const doc = `# 저장소 노트

## 로그 압축

- 오래된 로그는 같은 키의 마지막 값만 남긴다.
- 같은 키를 여러 번 쓰는 데이터에서 쓰인다.

    ex) "내 화면의 배경색은 ___"에서 마지막으로 저장한 값을 읽음

    → 오래된 값을 지우고 마지막 값만 보관
    → 디스크 사용량과 복구 시간이 크게 줄어듦

## 읽기 복제본

- 복제본은 주 노드의 변경을 뒤따라 적용한다.

    → 복제본이 읽기 요청을 나눠 받음
    → 주 노드의 부하가 줄어듦

## 파티션

- 키의 범위에 따라 데이터를 여러 노드에 나눈다.
- 한 노드에 요청이 몰리면 그 노드만 느려진다.
- 파티션 수는 처음에 넉넉하게 잡는 편이 옮기기 쉽다.
- 재조정 중에는 일부 키의 위치가 잠시 바뀐다.

## 트랜잭션

- 여러 쓰기를 하나의 단위로 묶는다.
- 중간에 실패하면 앞의 쓰기도 되돌린다.
- 격리 수준이 높을수록 동시에 처리하는 양이 줄어든다.
- 긴 트랜잭션은 잠금을 오래 잡는다.
`
	w := analyze.Analyze([]analyze.Note{{Member: "바다", Doc: note.Parse("w1/바다.md", doc)}})
	m := w.Members[0]
	if s := sentenceWith(t, m, "복구 시간이"); s.Context == nil {
		t.Fatalf("%q leans on no line above", s.Text)
	}
	if b := Bullet(sentenceWith(t, m, "복구 시간이"), m, w, insight.KeyInsights); b.Head != "로그 압축" {
		t.Errorf("Bullet(arrow chain).Head = %q (text %q), want 로그 압축", b.Head, b.Text)
	}
	if b := Bullet(sentenceWith(t, m, "주 노드의 부하가"), m, w, insight.KeyInsights); b.Head == "읽기 복제본" {
		t.Errorf("Bullet(arrow after a line with a subject).Head = %q (text %q), want no heading", b.Head, b.Text)
	}
}

// A sentence saying that something has a merit or a flaw ("…다는 단점이
// 있다") under the heading naming that something is headed by it: its
// subjects are the flaw's. So is a sentence that only gives attributes,
// each an attribute noun and an adjective of its degree ("설정 항목이
// 적고 용량이 작다"): Korean leaves what has them to the heading. One
// that names its topic ("RocksDB는 …") is headed by that topic, as any
// sentence is, and a subject doing something ("압축기가 블록을 …") is
// the sentence's own.
func TestHeadingHeadsATraitClaim(t *testing.T) {
	src := "# 10장 저장소 라이브러리\n\n## 1. LevelDB\n\n- 컴팩션이 밀리면 쓰기 지연이 튄다는 단점이 있다.\n\n" +
		"## 2. SQLite\n\n- 라이브러리가 가벼워 어디에나 넣을 수 있다는 장점이 있다.\n- 설정 항목이 적고 실행 파일 용량이 작다.\n\n" +
		"## 3. 설정\n\n- RocksDB는 설정 항목이 많아 익히기 어렵다는 단점이 있다.\n\n" +
		"## 4. LMDB\n\n- 압축기가 블록을 모아 한 번에 디스크에 쓴다.\n- 메모리 매핑 덕분에 읽기 지연이 낮다.\n"
	wantHeads(t, src, []headCase{
		{"컴팩션이 밀리면", "LevelDB"},
		{"어디에나 넣을 수", "SQLite"},
		{"실행 파일 용량이 작다", "SQLite"},
		{"설정 항목이 많아", "RocksDB"},
		{"압축기가 블록을", ""},
	})
}

// A sentence that opens by taking up an option ("any를 사용하면 …") is
// about that option: the heading above it, another concept, does not head
// it. A sentence taking up the heading's own concept still takes the
// heading, and so does one with no option of its own.
func TestHeadingHeadSkipsASentenceOnTheOptionItTakesUp(t *testing.T) {
	const doc = `# 3장 고급 타입

도입 문단이다.

도입 문단의 둘째 줄이다.

## 제네릭

- 타입 매개변수로 함수가 받을 타입을 호출하는 쪽에서 정하게 한다.
- any를 사용하면 타입 검사를 하지 않고 모든 값이 허용되는 타입으로 취급된다.
- 배열 요소의 타입 정보를 끝까지 유지할 수 있다.

## 유니온 타입

- 두 타입 가운데 하나일 수 있는 값을 나타낸다.
- 공통 속성만 바로 쓸 수 있다.
- 나머지 속성은 타입을 좁힌 뒤에 쓴다.

## 교차 타입

- 두 타입의 속성을 모두 가진 타입을 만든다.
- 같은 이름의 속성이 충돌하면 never가 된다.
- 객체를 합칠 때 자주 쓴다.
`
	w := analyze.Analyze([]analyze.Note{{Member: "바다", Doc: note.Parse("w1/바다.md", doc)}})
	m := w.Members[0]
	if got := HeadingHead(sentenceWith(t, m, "any를 사용하면"), m); got != "" {
		t.Errorf("HeadingHead over a sentence about any = %q, want none", got)
	}
	if got := HeadingHead(sentenceWith(t, m, "배열 요소의 타입 정보를"), m); got != "제네릭" {
		t.Errorf("HeadingHead over a subjectless sentence = %q, want 제네릭", got)
	}
	if got := analyze.Adopted("캐시 서버를 사용하면 응답이 빨라진다."); got != "캐시 서버" {
		t.Errorf("Adopted = %q, want 캐시 서버", got)
	}
	if got := analyze.Adopted("캐시 서버를 직접 운영하면 만료 정책을 조정할 수 있다."); got != "" {
		t.Errorf("Adopted = %q for a step the reader takes, want none", got)
	}
}

// A point several members copied from one heading's section, giving only
// attributes of what the heading names ("설정 항목이 적고 …" under
// "2. SQLite"), is asked about that heading in 공통 질문, as its headline
// says: not about the attribute the line opens with.
func TestCommonQuestionIsAboutTheHeadingOfAnAttributeLine(t *testing.T) {
	tail := "\n## 3. LMDB\n\n- 메모리 매핑으로 파일을 읽는다.\n- 읽기 트랜잭션은 잠금을 잡지 않는다.\n"
	a := "# 10장 저장소 라이브러리\n\n## 1. LevelDB\n\n- 컴팩션이 밀리면 쓰기 지연이 튄다는 단점이 있다.\n- 키를 정렬해 저장한다.\n\n## 2. SQLite\n\n- 파일 하나에 모든 테이블을 담는다.\n- 설정 항목이 적고 실행 파일 용량이 작다.\n" + tail
	b := "# 10장 저장소 라이브러리\n\n## 1. SQLite\n\n- 서버 없이 라이브러리로 동작한다.\n- 설정 항목이 적고 실행 파일 용량이 작다.\n\n## 2. LevelDB\n\n- 쓰기가 빠르다.\n- 범위 조회를 지원한다.\n" + tail
	c := "# 10장\n\n## 1. LevelDB\n\n- 구글이 만든 키-값 저장소다.\n- 스냅샷을 지원한다.\n\n## 2. SQLite\n\n- 설정 항목이 적고 실행 파일 용량이 작다.\n- 동시 쓰기가 많으면 잠금 때문에 느려진다.\n" + tail
	in := commonInput([][2]string{{"가람", a}, {"나래", b}, {"다솜", c}})
	got := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	if !strings.Contains(got, "**SQLite**: 가람·나래·다솜은 SQLite에 대해 “설정 항목이 적고 실행 파일 용량이 작다”") {
		t.Errorf("공통 질문 = %q, want the point asked about SQLite", got)
	}
}

// A line that labels a list of numbers ("문제: 11724, 1012") names no
// concept: the items under it stand with no headline rather than under
// the label and its values.
func TestLabelWithNumbersHeadsNothing(t *testing.T) {
	const note = `# 2주차 - 연결 요소

문제: 11724, 1012

1. 11724는 방문하지 않은 정점에서 탐색을 시작할 때마다 연결 요소의 수를 하나씩 센다.
2. 1012는 배추가 심어진 칸에서 탐색을 시작한 횟수가 필요한 지렁이의 수다.
`
	m, w := memberOf(t, "도겸", note)
	for _, b := range sectionOf(t, m, w, insight.KeyInsights).Bullets {
		if strings.Contains(b.Head, "11724") || strings.Contains(b.Head, ":") {
			t.Errorf("핵심 bullet headed %q: a label with its values names no concept", b.Head)
		}
	}
}
