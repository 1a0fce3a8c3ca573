package pipeline

import (
	"testing"

	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/workspace"
)

// TestOrderByTemplate: the members a template names come first, in its
// order and with its romanised names, whichever parentheses it uses; the
// others follow in repository order.
func TestOrderByTemplate(t *testing.T) {
	members := []workspace.Member{{Name: "한서진"}, {Name: "오태윤", Roman: "Oh"}, {Name: "문가람"}}
	tmpl := &doc.Template{MemberHeadings: []string{"문가람（Moon Ga-Ram）", "오태윤 (Oh Tae-Yun)"}}
	got := orderByTemplate(members, tmpl)
	want := []workspace.Member{{Name: "문가람", Roman: "Moon Ga-Ram"}, {Name: "오태윤", Roman: "Oh Tae-Yun"}, {Name: "한서진"}}
	if len(got) != len(want) {
		t.Fatalf("got %d members, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Name != want[i].Name || got[i].Roman != want[i].Roman {
			t.Errorf("member %d = %s (%s), want %s (%s)", i, got[i].Name, got[i].Roman, want[i].Name, want[i].Roman)
		}
	}
}
