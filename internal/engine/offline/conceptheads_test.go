package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// conceptNote is a storage-engine study note in the shapes members write:
// numbered section headings, to-do headings ("…관리하기", "…다루기"),
// sentences whose only subject is an everyday actor, labels above list
// items, bold terms, and topics the sentence opens with.
const conceptNote = `# 저장 엔진 스터디 노트

## 1. 로그 구조 저장소

### 1.2.6 기록 버퍼

메모리에 먼저 모아 두었다가 한 번에 디스크로 내려 써서 임의 쓰기를 순차 쓰기로 바꾼다.

### 1.2.7 블룸 필터

연구에 따르면 시스템은 없는 키를 찾을 때 디스크를 읽지 않아도 되어 조회가 훨씬 빨라진다.

### 1.2.9 페이지 캐시

운영체제가 파일을 읽을 때 한 번 읽은 블록을 메모리에 남겨 둔다.

조회는 메모리에서 끝나지만 갱신은 결국 디스크까지 내려가야 한다.

### 1.3 압축 관리하기

오래된 세그먼트를 합치면서 지워진 키와 덮어쓴 값을 버려 공간을 되찾는다.

### 1.4 트랜잭션 경합 다루기

같은 페이지를 동시에 고치려 하면 한 요청만 먼저 잠그고 뒤에 온 요청을 기다리게 한다.

### 1.5 쿼리를 작은 단위로 나누기

긴 범위 검색을 여러 번의 짧은 검색으로 쪼개면 다른 요청이 오래 기다리지 않는다.

### 과정

세그먼트를 정렬된 순서로 합쳐 하나의 파일로 다시 쓰고 나서 옛 파일을 지운다.

### 왜 읽기가 느려질까?

읽을 때마다 여러 세그먼트를 차례로 뒤져야 하니 세그먼트가 많을수록 느려진다.

## 2. 색인과 캐시

### 2.1 캐시 정책

캐시 무효화는 원본이 바뀐 순간 캐시에 남은 옛 값을 지워서 읽기가 틀린 값을 돌려주지 않게 한다.

쓰기 증폭이 커지면 같은 데이터를 여러 번 다시 쓰느라 디스크 수명이 빨리 줄어든다.

해시 색인은 점 조회에 빠르고 범위 색인은 구간 조회에 빠르다.

압축 파일은 지원하지 않으므로 원본을 먼저 풀어서 색인에 넣어야 한다.

**조회 증폭**은 한 번의 조회가 디스크를 몇 번 읽는지를 나타내는 값으로 작을수록 좋다.

### 2.3 조회 경로

검색은 색인 검색과 전체 검색으로 나눌 수 있다.

### 2.4 운영 메모

큰 파일을 다른 서버로 옮길 때는 **체크섬 검증**을 꼭 거쳐야 한다.

**로그 압축**처럼 오래 걸리는 작업은 사용자가 적은 밤에 돌린다.

저장 엔진은 **페이지 분할**이 잦아서 쓰기가 점점 느려진다.

**쓰기 지연**과 **읽기 지연**을 함께 재야 병목이 어디인지 보인다.

### 2.2 배포 점검

- 배포 과정
  - 새 버전을 일부 서버에 먼저 올려서 오류율을 지켜본 다음 나머지 서버로 넓힌다
- 비용과 지연 시간
  - 캐시를 늘리면 빨라지지만 메모리를 그만큼 더 써야 한다는 점을 함께 따져 봐야 한다

나중 세그먼트: 같은 키가 여러 세그먼트에 있으면 가장 최근 세그먼트의 값을 읽으면 된다
→ 읽을 세그먼트가 줄어드니 조회가 그만큼 빨라진다
`

func conceptMember(t *testing.T) (*analyze.Member, *analyze.Week) {
	t.Helper()
	w := analyze.Analyze([]analyze.Note{{Member: "하람", Doc: note.Parse("w1/하람.md", conceptNote)}})
	return w.Members[0], w
}

func TestHeadlineNamesTheConcept(t *testing.T) {
	m, w := conceptMember(t)
	for _, c := range []struct{ name, sub, head string }{
		// The number is stripped from the heading and its words name the concept.
		{"number stripped", "임의 쓰기를 순차 쓰기로", "기록 버퍼"},
		// An everyday actor ("시스템은") is no subject of the sentence's own.
		{"everyday actor", "없는 키를 찾을 때", "블룸 필터"},
		// A to-do heading names its noun phrase: a noun's 하기 goes, a verb goes.
		{"to-do with 하기", "지워진 키와 덮어쓴 값을", "압축 관리"},
		{"to-do with a verb", "한 요청만 먼저 잠그고", "트랜잭션 경합"},
		// A to-do heading that is a clause names nothing.
		{"clause heading", "짧은 검색으로 쪼개면", ""},
		// A set noun heading and a question name no concept.
		{"set noun heading", "옛 파일을 지운다", ""},
		{"question heading", "차례로 뒤져야 하니", ""},
		// A sentence contrasting two topics of its own is about them.
		{"two topics", "결국 디스크까지", ""},
		// An everyday noun that is no actor is the sentence's own topic.
		{"everyday topic", "색인 검색과 전체 검색으로", ""},
		// The one bold term of a sentence with no subject of its own.
		{"bold term", "다른 서버로 옮길 때는", "체크섬 검증"},
		// A bold example and two bold terms head nothing; a sentence with
		// a subject of its own is headed by it, not by its bold term.
		{"bold example", "오래 걸리는 작업은", ""},
		{"two bold terms", "병목이 어디인지", ""},
		{"bold beside a subject", "쓰기가 점점 느려진다", "저장 엔진"},
		// A sentence with a specific subject of its own keeps its own
		// concept, not the heading's.
		{"own subject", "디스크 수명이 빨리", ""},
	} {
		b := Bullet(sentenceWith(t, m, c.sub), m, w, insight.KeyInsights)
		if b.Head != c.head {
			t.Errorf("%s: Bullet(%q).Head = %q, want %q", c.name, b.Text, b.Head, c.head)
		}
	}
}

func TestHeadlineDoesNotRepeatTheBody(t *testing.T) {
	m, w := conceptMember(t)
	// The topic the sentence opens with heads it and leaves the body.
	b := Bullet(sentenceWith(t, m, "원본이 바뀐 순간"), m, w, insight.KeyInsights)
	if b.Head != "캐시 무효화" || !strings.HasPrefix(b.Text, "원본이 바뀐 순간") {
		t.Errorf("topic: got %q / %q, want 캐시 무효화 and the body without it", b.Head, b.Text)
	}
	// A bold term that opens the sentence as its topic: the same.
	b = Bullet(sentenceWith(t, m, "한 번의 조회가 디스크를"), m, w, insight.KeyInsights)
	if b.Head != "조회 증폭" || strings.HasPrefix(b.Text, "조회 증폭") {
		t.Errorf("bold topic: got %q / %q, want 조회 증폭 and the body without it", b.Head, b.Text)
	}
	// A subject marked 이/가 stays in the body and heads nothing: the
	// headline would say it twice.
	b = Bullet(sentenceWith(t, m, "디스크 수명이 빨리"), m, w, insight.KeyInsights)
	if b.Head != "" || !strings.HasPrefix(b.Text, "쓰기 증폭이") {
		t.Errorf("subject: got %q / %q, want no headline and the whole sentence", b.Head, b.Text)
	}
	// One half of a contrast keeps its topic: "**해시 색인**: 점 조회에
	// 빠르고 범위 색인은 …" would read as half a contrast.
	b = Bullet(sentenceWith(t, m, "점 조회에 빠르고"), m, w, insight.KeyInsights)
	if strings.HasPrefix(analyze.Key(b.Text), analyze.Key(b.Head)) && b.Head != "" || !strings.HasPrefix(b.Text, "해시 색인은") {
		t.Errorf("contrast: got %q / %q, want the whole sentence", b.Head, b.Text)
	}
	// A topic the predicate right after it acts on stays: "**압축 파일**:
	// 지원하지 않으므로 …" says nothing of it.
	b = Bullet(sentenceWith(t, m, "지원하지 않으므로"), m, w, insight.KeyInsights)
	if !strings.HasPrefix(b.Text, "압축 파일은") {
		t.Errorf("predicate first: got %q / %q, want the whole sentence", b.Head, b.Text)
	}
	for _, s := range m.Sentences {
		b := Bullet(s, m, w, insight.KeyInsights)
		if b.Head != "" && strings.HasPrefix(analyze.Key(b.Text), analyze.Key(b.Head)) {
			t.Errorf("headline repeats the body: **%s**: %s", b.Head, b.Text)
		}
	}
}

func TestLabelBecomesTheHeadlineOrGoes(t *testing.T) {
	m, w := conceptMember(t)
	// A label naming the set the item is one of ("배포 과정" above one
	// step) is no headline and no plain prefix either: the heading's
	// concept heads the item.
	b := Bullet(sentenceWith(t, m, "일부 서버에 먼저 올려서"), m, w, insight.KeyInsights)
	if b.Head != "배포 점검" || strings.Contains(b.Text, "배포 과정") {
		t.Errorf("set label: got %q / %q, want 배포 점검 and no 배포 과정 prefix", b.Head, b.Text)
	}
	// Two noun phrases joined by 과 name the item's topic.
	b = Bullet(sentenceWith(t, m, "메모리를 그만큼 더"), m, w, insight.KeyInsights)
	if b.Head != "비용과 지연 시간" || strings.Contains(b.Text, "비용과 지연 시간:") {
		t.Errorf("conjoined label: got %q / %q, want 비용과 지연 시간 as the headline", b.Head, b.Text)
	}
	// An arrow line leaning on a labelled line: the label heads both.
	b = Bullet(sentenceWith(t, m, "읽을 세그먼트가 줄어드니"), m, w, insight.KeyInsights)
	if b.Head != "나중 세그먼트" || strings.HasPrefix(b.Text, "나중 세그먼트") || !strings.Contains(b.Text, "→") {
		t.Errorf("labelled context: got %q / %q, want 나중 세그먼트 and both lines", b.Head, b.Text)
	}
}

func TestHeadingName(t *testing.T) {
	for in, want := range map[string]string{
		"1.2.6 기록 버퍼":              "기록 버퍼",
		"2-2) 복제 지연":               "복제 지연",
		"Ⓔ 인덱스 관리하기":               "인덱스 관리",
		"3 단계: 샤드 키 정하기":           "샤드 키",
		"트랜잭션 경합 다루기":              "트랜잭션 경합",
		"쿼리를 작은 단위로 나누기":           "",
		"캐시 용량과 지연 시간":             "캐시 용량과 지연 시간",
		"3장 인덱스 구조":                "",
		"차이점":                      "",
		"정리":                       "",
		"비동기 복제의 장점":               "비동기 복제",
		"쓰기 경로 [속도 및 비용]":          "",
		"읽기, 쓰기, 삭제":               "",
		"왜 잠금이 필요한가?":              "",
		"모델":                       "",
		"2.1":                      "",
		"로그 구조 병합 트리 (LSM tree)":   "로그 구조 병합 트리",
		"4. Write-ahead logging..": "Write-ahead logging",
		"샤드 재분배!":                  "샤드 재분배",
		"1. 비일관성":                  "비일관성",
		"코드 개선":                    "",
		"해결책":                      "",
		"인덱스 개선":                   "인덱스 개선",
		"캐시 무효화 대안":                "캐시 무효화 대안",
		"비동기 복제의 양면성":              "비동기 복제",
	} {
		if got := HeadingName(in); got != want {
			t.Errorf("HeadingName(%q) = %q, want %q", in, got, want)
		}
	}
}
