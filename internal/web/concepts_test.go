package web

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
)

// TestRankConcepts: a concept several members took up in one week ranks
// above one every week mentions, however often; the weeks it is
// concentrated in are named.
func TestRankConcepts(t *testing.T) {
	members := []memberRef{{Name: "가"}, {Name: "나"}, {Name: "다"}}
	c := func(term string, counts map[string]int) analyze.Concept {
		return analyze.Concept{Term: term, Counts: counts}
	}
	matrices := map[int][]analyze.Concept{
		1: {c("모델", map[string]int{"가": 30, "나": 20, "다": 25}), c("임베딩", map[string]int{"가": 3, "나": 2, "다": 4})},
		2: {c("모델", map[string]int{"가": 30, "나": 20, "다": 25}), c("HNSW", map[string]int{"가": 1, "나": 2}),
			c("임베딩", map[string]int{"나": 1})},
		3: {c("모델", map[string]int{"가": 30, "나": 20, "다": 25}), c("양자화", map[string]int{"다": 9})},
		4: {c("모델", map[string]int{"가": 30, "나": 20, "다": 25})},
	}
	rows, distinct := rankConcepts([]int{1, 2, 3, 4}, matrices, members)
	if distinct != 4 {
		t.Errorf("%d concepts, want 4", distinct)
	}
	var terms []string
	for _, r := range rows {
		terms = append(terms, r.Term)
	}
	// 임베딩: 4 members over 2 of 4 weeks; HNSW: 2 members, 1 week;
	// 양자화: 1 member, 1 week; 모델: every week, last.
	if got := strings.Join(terms, ","); got != "임베딩,HNSW,양자화,모델" {
		t.Errorf("ranking %s", got)
	}
	r := rows[0]
	if r.Total != 10 || r.WeeksSeen != 2 || len(r.Top) != 2 || r.Top[0] != 1 || r.Top[1] != 2 {
		t.Errorf("임베딩 row %+v", r)
	}
	if r.PerMember[0] != 3 || r.PerMember[1] != 3 || r.PerMember[2] != 4 {
		t.Errorf("임베딩 per member %v", r.PerMember)
	}
	// The bar of week 1 has one segment per member, in member order.
	segs := r.PerWeek[0].Segs
	if len(segs) != 3 || segs[0].Class != "mc0" || segs[2].Class != "mc2" || segs[1].X != segs[0].W {
		t.Errorf("week-1 bar %+v", segs)
	}
	if r.PerWeek[3].Count != 0 || len(r.PerWeek[3].Segs) != 0 {
		t.Errorf("week 4 cell %+v", r.PerWeek[3])
	}
	// One week: every concept weighs the same, the most mentioned first.
	one, _ := rankConcepts([]int{1}, matrices, members)
	if one[0].Term != "모델" {
		t.Errorf("one week: %s first", one[0].Term)
	}
}

// TestRankConceptsSpellings: one concept shown under two spellings in two
// weeks (the analysis merged "컨텍스트" and "context") is one row.
func TestRankConceptsSpellings(t *testing.T) {
	members := []memberRef{{Name: "가"}, {Name: "나"}}
	keys := []string{analyze.Key("컨텍스트"), analyze.Key("context")}
	matrices := map[int][]analyze.Concept{
		1: {{Term: "컨텍스트", Keys: keys, Counts: map[string]int{"가": 2}}},
		2: {{Term: "context", Keys: keys, Counts: map[string]int{"나": 3}}},
	}
	rows, distinct := rankConcepts([]int{1, 2}, matrices, members)
	if distinct != 1 || len(rows) != 1 {
		t.Fatalf("%d concepts (%d rows), want 1", distinct, len(rows))
	}
	if r := rows[0]; r.Term != "컨텍스트" || r.WeeksSeen != 2 || r.Total != 5 {
		t.Errorf("row %+v", r)
	}
}
