package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/text"
)

// The fixtures are a made-up study of replication: 하늘 names systems
// without explaining them, 바다 explains some of them.
const namedOnlySky = `# 7장 복제

## 합의

- 리더 선출에는 합의 알고리즘이 필요하다.
- 대표적인 합의 알고리즘으로 Paxos, ZAB, EPaxos 등이 있다.
- 리더가 바뀌는 동안 들어온 쓰기가 어떻게 처리되는지는 잘 모르겠다.

## 분산 락

- 분산 락으로 Chubby, ZooKeeper, etcd 등을 쓴다.

## 캐시 계층

- 캐시 계층으로 Redis, Hazelcast, Memcached 등을 쓸 수 있다.

다른 문단에서 다시 보면, Redis는 단일 스레드로 명령을 처리하는 인메모리 저장소다.

## CRDT

## 파티셔닝

- 키 범위로 나누면 범위 질의가 빠르지만 한쪽에 쓰기가 몰릴 수 있다.
- ex) Cassandra, HBase, Bigtable
- 사용자 등급은 BRONZE, SILVER, GOLD 세 가지 중 하나다.
- 로그는 Fluentd, Logstash 같은 도구로 모아 두면 장애를 추적하기 쉽다.
- 로그 수집기(Fluentd, Logstash, Vector)를 고르는 기준은 처리량이다.
`

const namedOnlySea = `# 7장 복제

## 합의 알고리즘

Paxos는 과반수의 동의로 값을 정하는 합의 알고리즘이다.

ZooKeeper는 분산 코디네이션 서비스로, 락과 설정을 관리한다.

## 자료형

CRDT는 충돌 없이 병합할 수 있는 자료형이다.

## 저장소

- Redis는 인메모리 저장소다.
- Cassandra는 리더 없는 복제를 쓴다.
- SILVER는 두 번째 등급이다.
- Fluentd는 로그를 모으는 도구다.
`

func namedOnlyWeek() *Week {
	return Analyze([]Note{
		{Member: "하늘", Doc: parse("w7/하늘.md", namedOnlySky)},
		{Member: "바다", Doc: parse("w7/바다.md", namedOnlySea)},
	})
}

func unexplainedHeads(us []Unexplained) []string {
	var out []string
	for _, u := range us {
		out = append(out, strings.Join(u.Terms, ", "))
	}
	return out
}

// A note that names systems in a list, or a heading with nothing under
// it, leaves them unexplained; the week treats them (another member
// explains one of them), so they are study topics, named as written.
func TestUnexplainedNamesListsAndEmptyHeadings(t *testing.T) {
	w := namedOnlyWeek()
	got := w.Unexplained(w.Member("하늘"))
	heads := unexplainedHeads(got)
	want := []string{"Paxos, ZAB, EPaxos", "Chubby, ZooKeeper", "CRDT"}
	if strings.Join(heads, " / ") != strings.Join(want, " / ") {
		t.Fatalf("Unexplained(하늘) = %q, want %q", heads, want)
	}
	if got[0].How != NamedInList || got[2].How != NamedInHeading {
		t.Errorf("how = %s, %s; want %s, %s", got[0].How, got[2].How, NamedInList, NamedInHeading)
	}
	if got[0].Line != 6 || !strings.Contains(got[0].Text, "Paxos, ZAB, EPaxos 등이 있다") {
		t.Errorf("first topic cites line %d %q, want line 6, the list", got[0].Line, got[0].Text)
	}
	if got[2].Line != 19 {
		t.Errorf("heading topic cites line %d, want 19", got[2].Line)
	}
}

// What a note explains anywhere (another paragraph, a topic "X는"), what
// it gives as examples ("ex) …", "(A, B, C)", "A, B 같은 도구"), a counted
// set of values ("A, B, C 세 가지") and names the week does not treat are
// no topics.
func TestUnexplainedLeavesOutExplainedAndExamples(t *testing.T) {
	w := namedOnlyWeek()
	heads := strings.Join(unexplainedHeads(w.Unexplained(w.Member("하늘"))), " / ")
	for _, name := range []string{"Redis", "Hazelcast", "Memcached", "Cassandra", "HBase", "SILVER", "GOLD", "Fluentd", "Logstash", "Vector"} {
		if strings.Contains(heads, name) {
			t.Errorf("Unexplained(하늘) = %q names %s", heads, name)
		}
	}
	// 바다 explains everything they name.
	if got := w.Unexplained(w.Member("바다")); len(got) != 0 {
		t.Errorf("Unexplained(바다) = %q, want none", unexplainedHeads(got))
	}
}

// Without another member explaining them (and no chapter summaries), the
// names of a list are examples, not the week's topics.
func TestUnexplainedNeedsTheWeekToTreatIt(t *testing.T) {
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w7/하늘.md", namedOnlySky)}})
	if got := w.Unexplained(w.Member("하늘")); len(got) != 0 {
		t.Errorf("Unexplained(하늘 alone) = %q, want none", unexplainedHeads(got))
	}
}

func TestListedAt(t *testing.T) {
	for _, c := range []struct {
		s, term string
		want    bool
	}{
		{"대표적으로 Paxos, ZAB, EPaxos 등이 있다.", "ZAB", true},
		{"대표적으로 Paxos, ZAB 등이 있다.", "ZAB", true},
		{"Paxos, ZAB, EPaxos", "EPaxos", true},
		{"Paxos와 ZAB를 비교했다.", "ZAB", false},
		{"Paxos, ZAB 같은 알고리즘이 있다.", "ZAB", false},
		{"Paxos, ZAB, EPaxos 등 대부분의 알고리즘은 느리다.", "ZAB", false},
		{"Paxos, ZAB, EPaxos 등의 알고리즘", "ZAB", false},
		{"알고리즘(Paxos, ZAB, EPaxos)을 쓴다.", "ZAB", false},
		{"Paxos, ZAB, EPaxos : 합의 알고리즘", "ZAB", false},
		{"Paxos, ZAB, EPaxos와 같은 알고리즘", "ZAB", false},
		{"사용자 등급은 BRONZE, SILVER, GOLD 세 가지 중 하나다.", "SILVER", false},
		{"Key, Value, Query 벡터를 쓴다.", "Value", false},
	} {
		ms, i, j := termAt(t, c.s, c.term)
		if got := listedAt(ms, i, j); got != c.want {
			t.Errorf("listedAt(%q, %s) = %v, want %v", c.s, c.term, got, c.want)
		}
	}
}

func TestExplainsAt(t *testing.T) {
	for _, c := range []struct {
		s, term string
		want    bool
	}{
		{"Paxos는 합의 알고리즘이다.", "Paxos", true},
		{"이 방식을 Paxos라고 부른다.", "Paxos", true},
		{"Paxos란 무엇인가", "Paxos", true},
		{"Paxos(팍소스)를 쓴다.", "Paxos", true},
		{"합의 알고리즘(Paxos)을 쓴다.", "Paxos", true},
		{"Paxos: 과반수로 값을 정한다", "Paxos", true},
		{"대표적으로 Paxos, ZAB, EPaxos 등이 있다.", "ZAB", false},
	} {
		ms, i, j := termAt(t, c.s, c.term)
		if got := explainsAt(ms, i, j); got != c.want {
			t.Errorf("explainsAt(%q, %s) = %v, want %v", c.s, c.term, got, c.want)
		}
	}
}

// termAt reads s and finds term in it, as whole morphemes.
func termAt(t *testing.T, s, term string) ([]text.Morph, int, int) {
	t.Helper()
	ms := text.Read(s).Morphs
	i, j := spanOf(ms, Concept{Term: term, Keys: []string{Key(term)}})
	if i < 0 {
		t.Fatalf("%q: %s not found", s, term)
	}
	return ms, i, j
}

// Authors of a cited paper and names given as examples are no topics.
func TestMentionKindCitationsAndExamples(t *testing.T) {
	c := Concept{Term: "Lamport", Keys: []string{"lamport"}}
	for _, src := range []string{
		"- 합의 문제는 Lamport, Shostak, Pease, et al. \"The Byzantine Generals Problem\" 에서 다뤘다.\n",
		"- ex) Lamport, Shostak, Pease\n",
		"- 저자(Lamport, Shostak, Pease)의 논문을 읽었다.\n",
	} {
		doc := parse("x.md", src)
		if k, _ := mentionKind(doc, doc.Sentences[0], c); k == mentionList {
			t.Errorf("mentionKind(%q) = a list of names", src)
		}
	}
	doc := parse("x.md", "- 지표로 BLEU, METEOR++, CIDEr 등이 있다.\n")
	if k, s := mentionKind(doc, doc.Sentences[0], Concept{Term: "METEOR", Keys: []string{"meteor"}}); k != mentionList || s != "METEOR++" {
		t.Errorf("mentionKind(METEOR++) = %d %q, want a list of names spelled METEOR++", k, s)
	}
	doc = parse("x.md", "- 합의 알고리즘으로 Lamport, Shostak, Pease 등이 있다.\n")
	if k, s := mentionKind(doc, doc.Sentences[0], c); k != mentionList || s != "Lamport" {
		t.Errorf("mentionKind(list) = %d %q, want a list of names spelled Lamport", k, s)
	}
}

// A heading naming a part of the note ("References", "TODO") is no
// topic even when it is empty and another note fills it.
func TestUnexplainedLeavesOutTheNotesOwnParts(t *testing.T) {
	w := Analyze([]Note{
		{Member: "하늘", Doc: parse("w7/하늘.md", "# 7장 복제\n\n## 리더\n\n리더는 모든 쓰기를 받아 복제 로그에 적는다.\n\n## References\n\n## TODO\n")},
		{Member: "바다", Doc: parse("w7/바다.md", "# 7장 복제\n\n## References\n\nReferences는 참고한 글의 목록이다.\n\n## TODO\n\nTODO는 다음 주에 읽을 장이다.\n")},
	})
	if got := w.Unexplained(w.Member("하늘")); len(got) != 0 {
		t.Errorf("Unexplained(하늘) = %q, want none", unexplainedHeads(got))
	}
}

// A name the note explains under its other spelling (merged by the
// concept matrix: "팍소스(Paxos)" in another note) is no topic.
func TestUnexplainedMergesSpellings(t *testing.T) {
	sky := "# 7장 복제\n\n- 대표적인 합의 알고리즘으로 Paxos, ZAB, EPaxos 등이 있다.\n\n팍소스는 과반수의 동의로 값을 정하는 알고리즘이다.\n"
	sea := "# 7장 복제\n\n팍소스(Paxos)는 합의 알고리즘이다. ZAB는 팍소스를 닮은 방송 규약이다.\n"
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w7/하늘.md", sky)}, {Member: "바다", Doc: parse("w7/바다.md", sea)}})
	got := strings.Join(unexplainedHeads(w.Unexplained(w.Member("하늘"))), " / ")
	if got != "ZAB, EPaxos" {
		t.Errorf("Unexplained(하늘) = %q, want %q (Paxos explained as 팍소스)", got, "ZAB, EPaxos")
	}
}
