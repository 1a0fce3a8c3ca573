package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
)

// "X의 경우 …" sets X up as the sentence's topic, as "X는 …" does: the
// sentence stands on its own, and a line under it can lean on it.
func TestCaseTopic(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"인터페이스의 경우 implements 를 사용해 기능을 조합하는 데 도움을 줌.", true},
		{"extends (상속)의 경우도 더 간편하다.", true},
		{"이런 경우 implements 를 사용해 기능을 조합한다.", false},
		{"implements 를 사용해 기능을 조합하는 데 도움을 줌.", false},
	}
	for _, tc := range cases {
		ms := text.Read(tc.s).Morphs
		if got := hasTopic(ms); got != tc.want {
			t.Errorf("hasTopic(%q) = %v, want %v", tc.s, got, tc.want)
		}
		if got := hasSubject(ms); got != tc.want {
			t.Errorf("hasSubject(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// A view in a nested item under a line that sets its topic with "X의 경우"
// stands with that line: the note's own view is found, not denied.
func TestViewUnderACaseTopicLine(t *testing.T) {
	src := "# 2장 타입\n\n## 7. type 과 interface\n\n" +
		"- type 키워드는 타입에 별칭을 주기 위한 키워드다.\n" +
		"- interface 의 경우 implements 를 사용해 다양한 기능을 조합하여 코드를 작성하는데 도움을 줌.\n" +
		"    - extends (상속)의 경우도 type 키워드를 썼을 때보다 더 명시적이고 간편해서 선호하는 편임.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: note.Parse("w2/하늘.md", src)}})
	for _, s := range w.Members[0].Sentences {
		if s.Line != 7 {
			continue
		}
		if s.Problem != "" || !s.Voice.Hedge {
			t.Errorf("line 7: problem %q, hedge %v; want a view that stands with the line above", s.Problem, s.Voice.Hedge)
		}
		return
	}
	t.Fatal("line 7 not read")
}

// The time or case an obligation holds in, and what a purpose takes, are
// read from morphemes: 때 the noun, not 때문; 위해서는 the verb.
func TestTimeOrCaseAndPurpose(t *testing.T) {
	for _, c := range []struct {
		s             string
		when, purpose bool
	}{
		{"렌더링 될 때마다 참조를 유지해야 한다.", true, false},
		{"객체의 경우 키를 넣어야 한다.", true, false},
		{"그 때문에 키를 넣어야 한다.", false, false},
		{"Array 타입을 사용하기 위해서는 제네릭을 사용해야 한다.", false, true},
		{"그걸 위해선 테스트를 먼저 짜야 한다.", false, true},
	} {
		ms := text.Read(c.s).Morphs
		if got := timeOrCase(ms); got != c.when {
			t.Errorf("timeOrCase(%q) = %v, want %v", c.s, got, c.when)
		}
		if got := purposeClause(ms); got != c.purpose {
			t.Errorf("purposeClause(%q) = %v, want %v", c.s, got, c.purpose)
		}
	}
}
