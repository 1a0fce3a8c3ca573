package llm

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// claimsFixture is a week of four members, three with a note, and who
// wrote about what.
func claimsFixture() *memberClaims {
	in := &engine.Input{Analysis: &analyze.Week{}}
	for _, m := range []struct {
		name, roman string
		wrote       bool
	}{{"한지우", "Han Ji-Woo", true}, {"오민재", "Oh Min-Jae", true}, {"배수아", "Bae Su-A", true}, {"노태오", "No Tae-O", false}} {
		mi := engine.MemberInput{Member: workspace.Member{Name: m.name, Roman: m.roman}}
		if m.wrote {
			mi.Doc = &note.Document{}
		}
		in.Members = append(in.Members, mi)
	}
	in.Analysis.Concepts = []analyze.Concept{
		{Term: "캐시 무효화", Counts: map[string]int{"한지우": 2, "오민재": 1, "배수아": 3}},
		{Term: "부하 테스트", Counts: map[string]int{"한지우": 1, "오민재": 2}},
		{Term: "롤백 절차", Counts: map[string]int{"배수아": 1}},
		{Term: "배포", Counts: map[string]int{"한지우": 1, "오민재": 1, "배수아": 1}},
	}
	return newMemberClaims(in)
}

func TestMemberClaims(t *testing.T) {
	mc := claimsFixture()
	tests := []struct {
		claim string
		want  string // "" = holds; else a part of the reason
	}{
		// Claims that hold.
		{"세 명 모두 캐시 무효화를 다뤘다. 우리 서비스에는 어떤 전략이 맞을까?", ""},
		{"한지우와 오민재는 부하 테스트를 강조했다.", ""},
		{"한지우는 부하 테스트를, 배수아는 롤백 절차를 짚었다.", ""},
		{"배수아만 롤백 절차를 적었다.", ""},
		{"두 사람 모두 부하 테스트에 동의했다.", ""},
		{"캐시 무효화와 부하 테스트 모두 배포 전에 점검해야 할까?", ""}, // "모두" of things, not members
		// Claims that do not.
		{"세 명 모두 부하 테스트를 다뤘다.", "claims 3 member(s)"},
		{"모두 롤백 절차에 동의했다.", "claims 3 member(s)"},
		{"오민재는 롤백 절차를 강조했다.", "오민재 wrote about none of"},
		{"한지우는 부하 테스트를, 배수아는 부하 테스트를 짚었다.", "배수아 wrote about none of"},
		{"노태오는 캐시 무효화를 다뤘다.", "노태오 wrote no note"},
		{"한지우만 캐시 무효화를 적었다.", "alone"},
		{"네 명 모두 캐시 무효화를 짚었다.", "claims 4 member(s)"},
		{"배수아는 롤백 절차에 동의했다.", "claims 2 member(s)"},
	}
	for _, tt := range tests {
		got := mc.check(tt.claim)
		switch {
		case tt.want == "" && got != "":
			t.Errorf("check(%q) = %q, want it to hold", tt.claim, got)
		case tt.want != "" && !strings.Contains(got, tt.want):
			t.Errorf("check(%q) = %q, want a reason with %q", tt.claim, got, tt.want)
		}
	}
}
