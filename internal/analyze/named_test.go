package analyze

import (
	"testing"
)

// A week of three notes on storage engines: 하늘 names two structures
// without saying what they are, explains a third, and doubts a fourth;
// 바다 and 별 explain what 하늘 only names.
const (
	namedSky = `# 5장 저장 엔진

## 저장 엔진

- 저장 엔진의 종류로는 B 트리, 로그 구조 병합 트리(LSM tree), 해시 색인 등이 있다.
- 쓰기 전 로그(write-ahead log)는 변경을 데이터 파일에 쓰기 전에 로그에 먼저 기록하는 방식이다.
- 읽기가 많은 서비스라면 블룸 필터를 함께 두는 편이 좋아 보인다.
- 시스템의 성능은 디스크 접근 횟수에 크게 좌우된다.
- 응답 시간이 길어지면 사용자가 바로 알아챈다.

## 질문

- 압축(compaction)이 쓰기 증폭을 얼마나 늘리는지 잘 모르겠다.
`
	namedSea = `# 5장 저장 엔진

- 블룸 필터 : 원소가 집합에 없음을 빠르게 확인하는 확률적 자료 구조
- 로그 구조 병합 트리는 쓰기를 모아 순차적으로 기록해 쓰기 처리량을 높인다.
- 쓰기 전 로그 덕분에 장애가 나도 변경을 복구할 수 있다.
`
	namedStar = `# 5장 저장 엔진

- 블룸 필터는 없는 키를 찾느라 디스크를 읽는 일을 줄여 준다.
- 해시 색인은 키를 해시해서 파일 안의 위치를 바로 찾는다.
`
)

func namedWeek(t *testing.T) *Week {
	t.Helper()
	return Analyze([]Note{
		{Member: "하늘", Doc: parse("w5/하늘.md", namedSky)},
		{Member: "바다", Doc: parse("w5/바다.md", namedSea)},
		{Member: "별", Doc: parse("w5/별.md", namedStar)},
	})
}

func TestNamedOnlyFindsTermsANoteNamesButDoesNotExplain(t *testing.T) {
	w := namedWeek(t)
	got := map[string]Named{}
	for _, n := range w.NamedOnly(w.Member("하늘")) {
		got[n.Term] = n
	}
	// Named in a list of names, glossed: a topic, with its gloss and the
	// line that names it.
	lsm, ok := got["로그 구조 병합 트리"]
	if !ok {
		t.Fatalf("topics %v: want 로그 구조 병합 트리, named only in a list", keys(got))
	}
	if lsm.Gloss != "LSM tree" || lsm.Head() != "로그 구조 병합 트리(LSM tree)" {
		t.Errorf("gloss %q, head %q: want the note's own gloss", lsm.Gloss, lsm.Head())
	}
	if lsm.Line.File != "w5/하늘.md" || lsm.Line.Line != 5 || lsm.Line.Member != "하늘" {
		t.Errorf("line %+v: want 하늘's line 5", lsm.Line)
	}
	// Named once on the way to advice, defined by another member and
	// named by a third: a topic of the week.
	if _, ok := got["블룸 필터"]; !ok {
		t.Errorf("topics %v: want 블룸 필터, which 바다 defines and 하늘 only names", keys(got))
	}
	for term := range got {
		switch term {
		case "쓰기 전 로그":
			t.Errorf("쓰기 전 로그 is explained by 하늘's own sentence about it")
		case "압축", "쓰기 증폭":
			t.Errorf("%s is in 하늘's own doubt, a study bullet already", term)
		case "응답 시간", "시스템", "성능", "디스크 접근 횟수":
			t.Errorf("%s is an everyday word, no one glosses or defines it", term)
		case "해시 색인":
			t.Errorf("해시 색인 is glossed nowhere and defined by no one: no mark of a term")
		case "B 트리":
			t.Errorf("B 트리: a letter on a word is no named topic")
		}
	}
	if len(got) != 2 {
		t.Errorf("topics %v: want exactly 로그 구조 병합 트리 and 블룸 필터", keys(got))
	}
}

func TestNamedOnlyLeavesExplainedTermsOut(t *testing.T) {
	w := namedWeek(t)
	// 별 explains everything it names; 바다 defines 블룸 필터 and writes
	// about 로그 구조 병합 트리 as its subject.
	for _, name := range []string{"별", "바다"} {
		for _, n := range w.NamedOnly(w.Member(name)) {
			if n.Term == "블룸 필터" || n.Term == "로그 구조 병합 트리" || n.Term == "해시 색인" {
				t.Errorf("%s: %q is explained in the note, not only named (line %q)", name, n.Term, n.Line.Text)
			}
		}
	}
}

func TestTellsWhat(t *testing.T) {
	c := Concept{Term: "블룸 필터", Keys: []string{"블룸필터"}}
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"블룸 필터 : 원소가 집합에 없음을 빠르게 확인하는 확률적 자료 구조", true},
		{"블룸 필터란 원소가 없음을 빠르게 확인하는 자료 구조다.", true},
		{"없는 원소를 빠르게 걸러 내는 이 구조를 블룸 필터라고 한다.", true},
		{"원소가 없음을 확률적으로 빠르게 확인하는 구조 : 블룸 필터", true},
		{"블룸 필터 즉, 없는 원소를 빠르게 걸러 내는 구조를 둔다.", true},
		{"읽기가 많은 서비스라면 블룸 필터를 함께 두는 편이 좋다.", false},
		{"캐시, 블룸 필터, 색인을 함께 쓴다.", false},
	} {
		s := Sentence{Body: tc.body}
		if got := tellsWhat(&s, c); got != tc.want {
			t.Errorf("tellsWhat(%q) = %v, want %v", tc.body, got, tc.want)
		}
	}
}

func TestNamedSpecific(t *testing.T) {
	for _, tc := range []struct {
		term string
		want bool
	}{
		{"로그 구조 병합 트리", true},
		{"RLHF", true},
		{"write-ahead log", true},
		{"시스템", false},      // an everyday word
		{"데이터", false},      // an everyday word
		{"GPT-4", false},    // a model's name
		{"Postgres", false}, // a product's name
		{"B 트리", false},     // a letter on a word
		{"평가자의 지표", false},  // a phrase
	} {
		if got := namedSpecific(tc.term); got != tc.want {
			t.Errorf("namedSpecific(%q) = %v, want %v", tc.term, got, tc.want)
		}
	}
}

func keys(m map[string]Named) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
