package analyze

import (
	"strings"
	"testing"
)

func TestTransliterationSkeletons(t *testing.T) {
	same := [][2]string{
		{"컨텍스트", "context"}, {"퍼플렉시티", "perplexity"}, {"트랜스포머", "transformer"},
		{"벤치마크", "benchmark"}, {"토큰", "token"}, {"임베딩", "embedding"}, {"샘플링", "sampling"},
		{"업데이트", "update"}, {"디코더", "decoder"}, {"인덱스", "index"}, {"엔드포인트", "endpoint"},
	}
	for _, p := range same {
		if h, l := hangulSkeleton(p[0]), latinSkeleton(p[1]); h != l {
			t.Errorf("%s → %q, %s → %q: want equal", p[0], h, p[1], l)
		}
	}
	// ㄷ is d and ㅌ is t in transliterations: "undefined" is no "엔드포인트".
	differ := [][2]string{{"컨텍스트", "contest"}, {"프롬프트", "platform"}, {"캐시", "cash register"}, {"엔드포인트", "undefined"}}
	for _, p := range differ {
		if h, l := hangulSkeleton(p[0]), latinSkeleton(p[1]); h == l {
			t.Errorf("%s and %s share skeleton %q", p[0], p[1], h)
		}
	}
}

func TestMeaningful(t *testing.T) {
	for term, want := range map[string]bool{
		"al": false, "et": false, "x_i": false, "log": false, "bit": false, "2024": false,
		"KV": true, "RAG": true, "LoRA": true, "softmax": true, "퍼플렉시티": true, "평가 파이프라인": true,
		"JdbcTemplate": true, "JdbcTemplate과": false, "Redux는": false,
	} {
		if got := Meaningful(term); got != want {
			t.Errorf("Meaningful(%q) = %v, want %v", term, got, want)
		}
	}
}

func TestSameLoanword(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"트랜스포머", "transformer", true},
		{"block", "블록", true},
		{"컨텍스트", "Context", true},
		{"체크포인트", "checkpoint", true},
		{"블록", "clock", false},
		{"이전", "before", false},
		{"트랜스포머", "트랜스포머", false},
		{"block", "block", false},
		{"블록", "b", false},
	} {
		if got := SameLoanword(c.a, c.b); got != c.same {
			t.Errorf("%q / %q: %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

// A TextIndex of a document answers as MentionsText does for the
// document's text: a word starting a spelling ("enums" for enum), words
// running together into one ("타입 가드" for 타입가드), an alias, and no
// match inside a word ("numerical" has no "enum" at its start).
func TestTextIndexMentionsAsMentionsText(t *testing.T) {
	texts := []string{"enums를 쓰면 값이 늘어난다.", "타입 가드로 좁힌다.", "Context 길이가 문제다.", "numerical 값은 숫자다."}
	x := NewTextIndex(texts...)
	whole := strings.Join(texts, " ")
	for _, c := range []Concept{
		{Term: "enum"}, {Term: "타입가드"}, {Term: "컨텍스트", Keys: []string{"컨텍스트", "context"}},
		{Term: "merical"}, {Term: "가드로 좁힌"}, {Term: "값"}, {Term: "인덱스"},
	} {
		if got, want := x.Mentions(c), MentionsText(whole, c); got != want {
			t.Errorf("TextIndex.Mentions(%q) = %v, MentionsText says %v", c.Term, got, want)
		}
	}
	if !x.Mentions(Concept{Term: "타입 가드"}) || x.Mentions(Concept{Term: "merical"}) {
		t.Error("want 타입 가드 mentioned and no match inside a word")
	}
}

// TestLatinWordEnds: a Latin spelling ends where its word ends, or before
// a particle or a plural ending; the start of a longer identifier is no
// mention ("create" in "createElement", "React" in "ReactElement").
func TestLatinWordEnds(t *testing.T) {
	for _, c := range []struct {
		text, term string
		want       bool
	}{
		{"React.createElement를 호출해 엘리먼트를 만든다.", "create", false},
		{"ReactElement 타입을 반환한다.", "React", false},
		{"응답이 없는 create 요청은 따로 처리한다.", "create", true},
		{"enums를 쓰면 값이 늘어난다.", "enum", true},
		{"Hooks는 함수 컴포넌트의 상태를 다룬다.", "Hook", true},
		{"GPT4o로 요약했다.", "GPT", false},
	} {
		x := NewTextIndex(c.text)
		con := Concept{Term: c.term}
		if got := MentionsText(c.text, con); got != c.want {
			t.Errorf("MentionsText(%q, %q) = %v, want %v", c.text, c.term, got, c.want)
		}
		if got := x.Mentions(con); got != c.want {
			t.Errorf("TextIndex.Mentions(%q) in %q = %v, want %v", c.term, c.text, got, c.want)
		}
	}
}

// TestLatinSpellingsJoined: "pre-training" and "pretraining" are one
// concept written two ways; two members who spell it differently share it.
func TestLatinSpellingsJoined(t *testing.T) {
	w := Analyze([]Note{
		{Member: "한서진", Doc: parse("a.md", "# 노트\n\n대규모 말뭉치로 하는 pre-training은 비용이 크다.\n")},
		{Member: "오태윤", Doc: parse("b.md", "# 노트\n\n미세 조정 전에 pretraining을 먼저 한다.\n")},
	})
	for _, c := range w.Concepts {
		if c.Term == "pre-training" || c.Term == "pretraining" {
			if len(c.Counts) != 2 {
				t.Errorf("concept %q counts %v, want both members", c.Term, c.Counts)
			}
			return
		}
	}
	t.Errorf("no pre-training concept among %v", w.Concepts)
}
