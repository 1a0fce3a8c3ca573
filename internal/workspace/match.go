package workspace

import (
	"strings"
)

// matchHow says how a token was matched to a member.
type matchHow int

const (
	matchNone matchHow = iota
	matchName
	matchGitHub
	matchAlias
	matchRoman
	matchInitials
	matchContains
	matchGiven
	matchGivenRoman
)

// memberKeys are the precomputed comparison keys of one member.
type memberKeys struct {
	name    string   // squashed name
	given   string   // squashed given name (Hangul names of 3+ syllables)
	github  string   // folded GitHub id
	aliases []string // squashed aliases
	romans  []string // squashed romanisations, both name orders
	// givenRomans are the given name's romanisations alone ("chan" for
	// 남궁찬, "seungbin", "seungbeen" …), at least 3 letters.
	givenRomans []string
	sets        []string // initial letter sets (see initialSets)
}

// matcher maps tokens from file and folder names to members.
type matcher struct {
	keys []memberKeys
}

func newMatcher(members []Member) *matcher {
	m := &matcher{}
	for _, mb := range members {
		m.keys = append(m.keys, keysFor(mb))
	}
	return m
}

func (m *matcher) add(mb Member) { m.keys = append(m.keys, keysFor(mb)) }

func keysFor(mb Member) memberKeys {
	k := memberKeys{name: squash(mb.Name), github: foldName(mb.GitHub)}
	for _, a := range mb.Aliases {
		if s := squash(a); s != "" {
			k.aliases = append(k.aliases, s)
		}
	}
	romans := []string{mb.Roman}
	if isHangulName(cleanName(mb.Name)) {
		romans = append(romans, Romanize(mb.Name))
		_, given := splitName(mb.Name)
		if len(given) >= 2 {
			k.given = string(given)
		}
		k.givenRomans = givenRomanizations(given)
	}
	for _, r := range romans {
		f := strings.Fields(r)
		if len(f) == 0 {
			continue
		}
		k.romans = append(k.romans, squash(r))
		if len(f) >= 2 {
			k.romans = append(k.romans, squash(strings.Join(f[1:], "")+f[0]))
		}
	}
	k.sets = initialSets(cleanName(mb.Name), mb.Roman)
	return k
}

// match returns the index of the member token stands for and how, or -1.
// Each rule is tried in turn (exact name, GitHub id, alias, romanised name,
// initials, name inside the token, given name alone); a rule that fits
// several members is ambiguous and matches none.
func (m *matcher) match(token string) (int, matchHow) {
	t := squash(token)
	if t == "" {
		return -1, matchNone
	}
	ft := foldName(token)
	rules := []struct {
		how matchHow
		ok  func(k memberKeys) bool
	}{
		{matchName, func(k memberKeys) bool { return k.name == t }},
		{matchGitHub, func(k memberKeys) bool { return k.github != "" && (k.github == ft || squash(k.github) == t) }},
		{matchAlias, func(k memberKeys) bool { return contains(k.aliases, t) }},
		{matchRoman, func(k memberKeys) bool { return contains(k.romans, t) }},
		{matchInitials, func(k memberKeys) bool { return initialsMatch(t, k.sets) }},
		{matchContains, func(k memberKeys) bool {
			return (len([]rune(k.name)) >= 2 && isHangulName(k.name) && strings.Contains(t, k.name)) ||
				(len(k.github) >= 4 && strings.Contains(t, squash(k.github)))
		}},
		{matchGiven, func(k memberKeys) bool { return k.given != "" && k.given == t }},
		{matchGivenRoman, func(k memberKeys) bool { return contains(k.givenRomans, t) }},
	}
	for _, r := range rules {
		found := -1
		for i, k := range m.keys {
			if r.ok(k) {
				if found >= 0 {
					return -1, matchNone // ambiguous
				}
				found = i
			}
		}
		if found >= 0 {
			return found, r.how
		}
	}
	return -1, matchNone
}

// givenRomanizations spells a given name in Latin letters every way
// romanSyllableVariants allows, joined ("승빈" → seungbin, sungbin …); only
// spellings of 3 letters or more, at most 16.
func givenRomanizations(given []rune) []string {
	if len(given) == 0 {
		return nil
	}
	joined := []string{""}
	for _, r := range given {
		if !isHangulSyllable(r) {
			return nil
		}
		var next []string
		for _, p := range joined {
			for _, v := range romanSyllableVariants(r) {
				if len(next) < 16 {
					next = append(next, p+v)
				}
			}
		}
		joined = next
	}
	var out []string
	for _, j := range joined {
		if len(j) >= 3 {
			out = append(out, j)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// initialsMatch reports whether t (squashed, Latin letters only) are the
// member's initials, surname first or last.
func initialsMatch(t string, sets []string) bool {
	if len(sets) < 2 || len(t) != len(sets) {
		return false
	}
	for _, r := range t {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	fwd := true
	for i := range sets {
		if !strings.ContainsRune(sets[i], rune(t[i])) {
			fwd = false
			break
		}
	}
	if fwd {
		return true
	}
	// Given name first: "SEK" for Kim Seong-Eon.
	n := len(sets)
	for i := 1; i < n; i++ {
		if !strings.ContainsRune(sets[i], rune(t[i-1])) {
			return false
		}
	}
	return strings.ContainsRune(sets[0], rune(t[n-1]))
}

// githubScore says how well a GitHub id fits a member's romanised name:
// the whole given name in the id counts 3, each syllable of three letters
// or more 1, the surname 1 more when something else fitted.
func githubScore(id string, mb Member) int {
	l := squash(id)
	if !isHangulName(cleanName(mb.Name)) {
		if squash(mb.Name) != "" && strings.Contains(l, squash(mb.Name)) {
			return 3
		}
		return 0
	}
	sur, given := splitName(mb.Name)
	score := 0
	if len(given) > 0 {
		joined := []string{""}
		for _, r := range given {
			var next []string
			for _, p := range joined {
				for _, v := range romanSyllableVariants(r) {
					next = append(next, p+v)
				}
			}
			joined = next
		}
		for _, j := range joined {
			if len(j) >= 4 && strings.Contains(l, j) {
				score = 3
				break
			}
		}
		if score == 0 {
			for _, r := range given {
				for _, v := range romanSyllableVariants(r) {
					if len(v) >= 3 && strings.Contains(l, v) {
						score++
						break
					}
				}
			}
		}
	}
	if score > 0 {
		for _, s := range []string{strings.ToLower(surnames[sur]), romanizeSyllable([]rune(sur)[0])} {
			if len(s) >= 2 && strings.Contains(l, s) {
				score++
				break
			}
		}
	}
	return score
}
