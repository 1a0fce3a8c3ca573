package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// sentences builds a member's analysed note from lines "heading | text |
// term, term": the sentence's heading path, text and terms, one line of
// the file each.
func analysedNote(week int, name string, lines ...string) *analyze.Member {
	m := &analyze.Member{Name: name, TermCount: map[string]int{}}
	file := fmt.Sprintf("weeks/week%02d/%s.md", week, name)
	for i, l := range lines {
		parts := strings.Split(l, " | ")
		s := analyze.Sentence{Evidence: analyze.Evidence{File: file, Line: i + 1, Text: parts[1]}, Raw: parts[1]}
		if parts[0] != "" {
			s.Path = []string{parts[0]}
		}
		if len(parts) > 2 {
			for _, t := range strings.Split(parts[2], ", ") {
				s.Terms = append(s.Terms, t)
				m.TermCount[analyze.Key(t)]++
			}
		}
		m.Sentences = append(m.Sentences, s)
	}
	return m
}

// week builds a week's analysis whose concept matrix holds every term.
func analysedWeek(members ...*analyze.Member) *analyze.Week {
	w := &analyze.Week{Members: members}
	seen := map[string]bool{}
	for _, m := range members {
		for _, s := range m.Sentences {
			for _, t := range s.Terms {
				if !seen[analyze.Key(t)] {
					seen[analyze.Key(t)] = true
					w.Concepts = append(w.Concepts, analyze.Concept{Term: t, Counts: map[string]int{m.Name: 1}})
				}
			}
		}
	}
	return w
}

func backlogStudy() (*studyIndex, map[int]*analyze.Week) {
	aw := map[int]*analyze.Week{
		1: analysedWeek(
			analysedNote(1, "가람",
				"궁금한 점 | 벡터 데이터베이스의 인덱스 구조는 어떻게 검색 속도를 높일까? | 벡터 데이터베이스, 인덱스 구조, 검색 속도",
				"궁금한 점 | 다른 구조는 없을까? | 구조",
				"궁금한 점 | HNSW는 왜 빠를까? | HNSW",
				"궁금한 점 | 양자화 임베딩은 정확도를 얼마나 잃을까? | 양자화 임베딩, 정확도",
				"정리 | 임베딩 차원은 저장 비용을 정한다. | 임베딩 차원, 저장 비용"),
			// The same week answers nothing: only later notes count.
			analysedNote(1, "보라",
				"인덱스 | 벡터 데이터베이스의 인덱스 구조가 검색 속도를 높인다. | 벡터 데이터베이스, 인덱스 구조, 검색 속도")),
		2: analysedWeek(
			analysedNote(2, "보라",
				"인덱스 | 벡터 데이터베이스는 인덱스 구조를 따로 둔다. | 벡터 데이터베이스, 인덱스 구조",
				"인덱스 | 그래프 인덱스는 이웃을 따라간다. | 그래프 인덱스",
				"인덱스 | 그래서 검색 속도가 로그 수준으로 빨라진다. | 검색 속도",
				"캐시 | L1과 L2 캐시의 구조가 다르다. | 구조, 캐시",
				"기타 | HNSW라는 이름을 들었다. | HNSW"),
			analysedNote(2, "진우",
				"첫 절 | 벡터 데이터베이스는 요즘 많이 쓰인다. | 벡터 데이터베이스",
				"첫 절 | 운영 팀이 늘었다. | 운영 팀",
				"첫 절 | 모니터링이 중요하다. | 모니터링",
				"첫 절 | 비용도 중요하다. | 비용",
				"둘째 절 | 인덱스 구조는 여러 가지다. | 인덱스 구조",
				"셋째 절 | 검색 속도는 측정해야 한다. | 검색 속도")),
		3: analysedWeek(
			analysedNote(3, "가람",
				"HNSW 그래프 | 층마다 이웃 수를 제한한다. | 이웃 수",
				"HNSW 그래프 | HNSW는 위층에서 먼 거리를 건너뛴다. | HNSW"),
			analysedNote(3, "진우", "기타 | 프롬프트 템플릿을 정리했다. | 프롬프트 템플릿"),
			analysedNote(3, "하늘", "기타 | 평가 지표를 골랐다. | 평가 지표"),
			analysedNote(3, "보라", "기타 | 토크나이저를 비교했다. | 토크나이저")),
	}
	return newStudyIndex([]int{1, 2, 3}, aw), aw
}

// TestBacklogAnswers: an item is answered only by one passage of a later
// note naming its specific concepts together.
func TestBacklogAnswers(t *testing.T) {
	st, aw := backlogStudy()
	item := func(line int) []passage {
		t.Helper()
		s, w := st.sentence(1, "가람", insight.Source{File: "weeks/week01/가람.md", Line: line})
		if s == nil || w != aw[1] {
			t.Fatalf("line %d: no sentence", line)
		}
		ps, total := st.answers(1, st.itemConcepts(s, w))
		if total != len(ps) {
			t.Errorf("line %d: %d shown of %d", line, len(ps), total)
		}
		return ps
	}
	// Three concepts in three consecutive sentences under one heading:
	// 보라's week-2 passage. 진우 names them too, but far apart.
	ps := item(1)
	if len(ps) != 1 || ps[0].note.m.Name != "보라" || ps[0].note.week != 2 || ps[0].first != 0 || ps[0].end != 3 {
		t.Errorf("index question: %+v", ps)
	}
	// Only an everyday word: never answered, though a later note has it.
	if ps := item(2); len(ps) != 0 {
		t.Errorf("'다른 구조는 없을까?' answered by %+v", ps)
	}
	// One concept: answered by a passage about it (its heading names it),
	// not by a passing mention.
	ps = item(3)
	if len(ps) != 1 || ps[0].note.week != 3 || ps[0].note.m.Name != "가람" {
		t.Errorf("HNSW question: %+v", ps)
	}
	if ps := item(4); len(ps) != 0 {
		t.Errorf("an item no later note takes up: %+v", ps)
	}
}

// TestItemConcepts: an item's concepts are its specific terms, rarest
// first; question words, everyday words and the study's common words are
// not among them.
func TestItemConcepts(t *testing.T) {
	st, aw := backlogStudy()
	s := &analyze.Sentence{Evidence: analyze.Evidence{Terms: []string{"공부", "구조", "HNSW", "벡터 데이터베이스", "인덱스 구조"}}}
	var got []string
	for _, c := range st.itemConcepts(s, analysedWeek(&analyze.Member{Sentences: []analyze.Sentence{*s}})) {
		got = append(got, c.term)
	}
	// HNSW is in 3 notes, the others in 4 (of 10): the rarest first.
	if strings.Join(got, ",") != "HNSW,벡터 데이터베이스,인덱스 구조" {
		t.Errorf("concepts %v", got)
	}
	// A term the week's concept matrix does not hold is no concept.
	if cs := st.itemConcepts(s, aw[3]); len(cs) != 1 || cs[0].term != "HNSW" {
		t.Errorf("concepts outside the matrix: %+v", cs)
	}
}

func TestIsBacklogItem(t *testing.T) {
	tests := map[string]bool{
		"벡터 데이터베이스의 인덱스 구조는 어떻게 검색 속도를 높일까?": true,
		"Q: 임베딩 차원은 어떻게 정할까":                 true,
		"양자화가 정확도에 주는 영향이 궁금하다.":             true,
		"토크나이저의 동작은 더 공부해야 할 것 같다.":          true,
		"어텐션 계산 과정이 잘 이해가 안 된다.":             true,
		"임베딩 모델마다 차원이 다른지":                   true,
		"임베딩은 텍스트를 벡터로 바꾸는 방법이다.":            false,
		"시스템의 취약점을 이해하지 못하면 평가가 어렵다.":        false,
		"공부하면서 코사인 유사도가 가장 흥미로웠다.":           false,
	}
	for text, want := range tests {
		s := &analyze.Sentence{Evidence: analyze.Evidence{Text: text}, Raw: text}
		if got := isBacklogItem(s); got != want {
			t.Errorf("isBacklogItem(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestBacklogSpellings: a concept the analysis merged from two spellings
// ("컨텍스트 캐시", "context cache") is found in a later note by either.
func TestBacklogSpellings(t *testing.T) {
	w1 := analysedWeek(analysedNote(1, "가람", "궁금한 점 | 컨텍스트 캐시는 언제 비워야 할까? | 컨텍스트 캐시"))
	w1.Concepts[0].Keys = []string{analyze.Key("컨텍스트 캐시"), analyze.Key("context cache")}
	w2 := analysedWeek(analysedNote(2, "보라",
		"캐시 | context cache는 대화가 바뀌면 비운다. | context cache",
		"캐시 | 그래서 context cache의 수명은 대화 하나다. | context cache"))
	aw := map[int]*analyze.Week{1: w1, 2: w2}
	st := newStudyIndex([]int{1, 2}, aw)
	s, w := st.sentence(1, "가람", insight.Source{File: "weeks/week01/가람.md", Line: 1})
	cs := st.itemConcepts(s, w)
	if len(cs) != 1 || len(cs[0].keys) != 2 {
		t.Fatalf("concepts %+v, want the one concept with both spellings", cs)
	}
	if ps, _ := st.answers(1, cs); len(ps) != 1 || ps[0].note.m.Name != "보라" {
		t.Errorf("answered by %+v, want 보라's week-2 passage", ps)
	}
	// Without the merge, the other spelling answers nothing.
	w1.Concepts[0].Keys = nil
	if ps, _ := st.answers(1, st.itemConcepts(s, w)); len(ps) != 0 {
		t.Errorf("unmerged spelling answered by %+v", ps)
	}
}
