package llm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/text"
)

// memberClaims checks what a group bullet says about the members against
// who actually wrote about its concepts: the week's member × concept
// matrix (analyze.Concept counts).
type memberClaims struct {
	members  []claimMember
	withNote int
	concepts []conceptRow
	// notes holds each member's note compacted (see text.Compact): a
	// member whose note has a concept's term wrote about it even when
	// the matrix, which keeps the week's main concepts, leaves it out.
	notes map[string]string
}

type claimMember struct {
	name  string
	forms []string // compacted spellings: name, romanised name
	wrote bool     // has a note this week
}

type conceptRow struct {
	key      string // compacted term
	term     string
	specific bool
	members  []string
}

// newMemberClaims reads the week's members and concept matrix.
func newMemberClaims(in *engine.Input) *memberClaims {
	mc := &memberClaims{}
	for _, m := range in.Members {
		cm := claimMember{name: m.Member.Name, wrote: m.Doc != nil}
		for _, f := range []string{m.Member.Name, m.Member.Roman} {
			if k := text.Compact(f); len([]rune(k)) >= 2 {
				cm.forms = append(cm.forms, k)
			}
		}
		if cm.wrote {
			mc.withNote++
		}
		mc.members = append(mc.members, cm)
	}
	if in.Analysis != nil {
		byKey := map[string][]string{}
		for _, c := range in.Analysis.Concepts {
			byKey[text.Compact(c.Term)] = c.Members()
		}
		for _, c := range in.Analysis.Concepts {
			k := text.Compact(c.Term)
			if len([]rune(k)) < 2 {
				continue
			}
			members := c.Members()
			// A compound's topic is carried by its specific words too:
			// a member who writes "개방형으로 응답" writes about "개방형
			// 출력".
			for _, part := range strings.Fields(c.Term) {
				if part != c.Term && analyze.Specific(part) {
					for _, m := range byKey[text.Compact(part)] {
						if !slices.Contains(members, m) {
							members = append(members, m)
						}
					}
				}
			}
			slices.Sort(members)
			mc.concepts = append(mc.concepts, conceptRow{key: k, term: c.Term, specific: analyze.Specific(c.Term), members: members})
		}
	}
	return mc
}

// isMember reports whether a name in a bullet is a member's.
func (mc *memberClaims) isMember(name string) bool {
	k := text.Compact(name)
	for _, m := range mc.members {
		for _, f := range m.forms {
			if strings.HasPrefix(k, f) {
				return true
			}
		}
	}
	return false
}

// Words that make a clause a claim about members.
var (
	// allWords say "every member" when the clause is about members.
	allWords = []string{"모두", "모든멤버", "모든사람", "모든참여자", "전원", "다들", "다같이", "모두가", "allmembers", "everyone", "everymember"}
	// pairWords say "both" or "all three" of the members named or
	// counted.
	pairWords = map[string]int{"둘다": 2, "셋다": 3, "넷다": 4, "두사람": 2, "세사람": 3, "네사람": 4, "bothof": 2}
	// mostWords say "most members".
	mostWords = []string{"대부분", "대다수", "mostmembers", "mostofus"}
	// agreeWords say the members agree.
	agreeWords = []string{"동의", "공감", "입을모", "의견이일치", "한목소리", "agree"}
	// onlyWords say one member alone wrote about something.
	onlyWords = []string{"유일하게", "혼자", "홀로", "만이", "only"}
	// personWords and writeVerbs tell that a "모두" is about members, not
	// things ("RAG와 파인튜닝 모두").
	personWords = []string{"멤버", "사람", "참여자", "팀원", "스터디원", "명", "members", "everyone"}
	writeVerbs  = []string{"언급", "강조", "다루", "다뤘", "다룬", "짚", "동의", "공감", "지적", "꼽", "적었", "적은", "썼", "주목", "고민", "질문했", "물었", "정리했", "mention", "wrote", "stress"}
)

// check returns what is wrong with the claim's statements about members,
// "" when they hold. Each clause is read on its own: the members it names,
// how many it says wrote about something ("모두", "네 명", "둘 다",
// "대부분"), whether it says they agree ("동의") or that one did alone
// ("A만", "유일하게"), and the concepts of the matrix it names (of the
// whole bullet when the clause names none). Every named member must have
// a note and have written about one of those concepts; a count needs a
// concept that many members wrote about, agreement one of two or more,
// "alone" one only that member wrote about.
func (mc *memberClaims) check(claim string) string {
	all := mc.conceptsIn(text.Compact(claim))
	for _, unit := range mc.units(claim) {
		c := text.Compact(unit)
		named := mc.namedIn(c)
		n := mc.count(unit, c, len(named) > 0)
		agree := text.ContainsAny(c, agreeWords)
		only := len(named) == 1 && (text.ContainsAny(c, onlyWords) || strings.Contains(c, named[0].forms[0]+"만"))
		if len(named) == 0 && n == 0 && !agree {
			continue
		}
		for _, m := range named {
			if !m.wrote {
				return fmt.Sprintf("%s wrote no note this week", m.name)
			}
		}
		concepts := mc.conceptsIn(c)
		if len(concepts) == 0 {
			concepts = all
		}
		if len(concepts) == 0 {
			// Nothing of the matrix to check the statement against: the
			// support check judges it.
			continue
		}
		concepts = mc.widen(concepts)
		for _, m := range named {
			if !slices.ContainsFunc(concepts, func(co conceptRow) bool { return slices.Contains(co.members, m.name) }) {
				return fmt.Sprintf("%s wrote about none of %s", m.name, terms(concepts))
			}
		}
		need := n
		if agree {
			need = max(need, 2)
		}
		widest := slices.MaxFunc(concepts, func(a, b conceptRow) int { return len(a.members) - len(b.members) })
		if len(widest.members) < need {
			return fmt.Sprintf("%q claims %d member(s), but %q is in the notes of %s", unit, need, widest.term, who(widest.members))
		}
		if only && !slices.ContainsFunc(concepts, func(co conceptRow) bool { return len(co.members) == 1 }) {
			return fmt.Sprintf("%q says %s alone wrote about it, but %q is in the notes of %s", unit, named[0].name, widest.term, who(widest.members))
		}
	}
	return ""
}

// widen adds to each concept's members those whose note has its term.
func (mc *memberClaims) widen(cs []conceptRow) []conceptRow {
	out := make([]conceptRow, len(cs))
	for i, co := range cs {
		co.members = slices.Clone(co.members)
		for _, m := range mc.members {
			if !slices.Contains(co.members, m.name) && strings.Contains(mc.notes[m.name], co.key) {
				co.members = append(co.members, m.name)
			}
		}
		slices.Sort(co.members)
		out[i] = co
	}
	return out
}

func terms(cs []conceptRow) string {
	var ts []string
	for _, c := range cs {
		ts = append(ts, fmt.Sprintf("%q", c.term))
	}
	return strings.Join(ts, ", ")
}

func who(members []string) string {
	switch len(members) {
	case 0:
		return "no one"
	case 1:
		return "only " + members[0]
	}
	return fmt.Sprintf("%d members (%s)", len(members), strings.Join(members, ", "))
}

// units splits a claim into the stretches its statements about members
// stand in: its sentences, each cut again where a member's name starts,
// so that "A는 X를, B는 Y를 강조했다" is read as one statement about A
// and X and one about B and Y. The text before the first name (a count
// such as "네 명 모두 …를 다뤘는데") is a unit of its own.
func (mc *memberClaims) units(claim string) []string {
	var out []string
	for _, s := range text.Sentences(claim) {
		cuts := []int{0}
		for _, m := range mc.members {
			for from := 0; m.name != ""; {
				i := strings.Index(s[from:], m.name)
				if i < 0 {
					break
				}
				cuts = append(cuts, from+i)
				from += i + len(m.name)
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		for i, at := range cuts {
			end := len(s)
			if i+1 < len(cuts) {
				end = cuts[i+1]
			}
			if u := strings.TrimSpace(s[at:end]); u != "" {
				out = append(out, u)
			}
		}
	}
	return out
}

// namedIn returns the members whose names occur in compacted text c.
func (mc *memberClaims) namedIn(c string) []claimMember {
	var out []claimMember
	for _, m := range mc.members {
		if slices.ContainsFunc(m.forms, func(f string) bool { return strings.Contains(c, f) }) {
			out = append(out, m)
		}
	}
	return out
}

// count returns how many members the clause says wrote about something,
// 0 when it says nothing of the kind.
func (mc *memberClaims) count(clause, c string, named bool) int {
	n := 0
	for _, x := range text.Numbers(clause) {
		if x.Unit == "명" && x.Value >= 1 && x.Value <= float64(len(mc.members)) {
			n = max(n, int(x.Value))
		}
	}
	aboutMembers := named || text.ContainsAny(c, personWords) || text.ContainsAny(c, writeVerbs)
	if !aboutMembers {
		return n
	}
	for w, k := range pairWords {
		if strings.Contains(c, w) {
			n = max(n, k)
		}
	}
	if n == 0 && text.ContainsAny(c, allWords) {
		// "모두" alone is every member with a note; "두 사람 모두", "세 명
		// 모두" are all of those counted.
		n = mc.withNote
	}
	if text.ContainsAny(c, mostWords) {
		n = max(n, mc.withNote/2+1)
	}
	return n
}

// conceptsIn returns the matrix concepts compacted text c names: the
// specific ones (analyze.Specific) when there are any, else all of them.
// A concept inside a longer named one ("평가" in "자동 평가") is left
// out.
func (mc *memberClaims) conceptsIn(c string) []conceptRow {
	var specific, general []conceptRow
	for _, co := range mc.concepts {
		if !strings.Contains(c, co.key) {
			continue
		}
		if co.specific {
			specific = append(specific, co)
		} else {
			general = append(general, co)
		}
	}
	list := general
	if len(specific) > 0 {
		list = specific
	}
	var out []conceptRow
	for _, co := range list {
		inner := slices.ContainsFunc(list, func(o conceptRow) bool {
			return o.key != co.key && strings.Contains(o.key, co.key) && strings.Contains(c, o.key)
		})
		if !inner {
			out = append(out, co)
		}
	}
	return out
}
