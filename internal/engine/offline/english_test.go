package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// The writer's voice in an English sentence, by its plain words.
func TestReadEnglish(t *testing.T) {
	for _, c := range []struct {
		s                                string
		doubt, question, advice, opinion bool
	}{
		{s: "I am not sure how argument captors work.", doubt: true},
		{s: "I need to read the documentation on connection pools.", doubt: true},
		{s: "The caller needs to check the return value."}, // a requirement, not the writer's plan
		{s: "Why are range queries cheap on SSTables?", question: true},
		{s: "In our project we should keep mocks for the mail sender.", advice: true},
		{s: "It is better to fail fast than to retry forever.", advice: true},
		{s: "I think mocks make tests brittle.", opinion: true},
		{s: "Interesting that Bloom filters skip whole segments.", opinion: true},
		{s: "An index is an additional structure derived from the primary data."},
	} {
		v := readEnglish(c.s)
		if v.doubt != c.doubt || v.question != c.question || v.advice != c.advice || v.opinion != c.opinion {
			t.Errorf("readEnglish(%q) = %+v, want doubt %v question %v advice %v opinion %v", c.s, v, c.doubt, c.question, c.advice, c.opinion)
		}
	}
}

const englishWeek = `# Chapter 3: Storage and Retrieval

## Log-structured storage

- The simplest database is an append-only log: writes go to the end of a file.
- **An index is an additional structure derived from the primary data.** Every index slows down writes.

Why are range queries cheap on sorted segments?

They are cheap because neighbouring keys are stored next to each other on disk.

## B-trees

B-trees break the database into fixed-size pages and overwrite them in place.

I feel like B-trees are easier to reason about, but log-structured trees win for write-heavy workloads.

Honestly I don't fully understand how write amplification is measured in practice.

- For our event logging service we should try a log-structured store instead of a B-tree one.

## Compaction

It is better to compact in the background than to block writes for it.
`

// A note written in English is read by its words: the writer's opinion,
// advice and doubt go to their sections instead of lines saying the note
// has none, and a line it set in bold is a key insight; a line leaning on
// the one before it ("They are …") is quoted with it, and a question the
// next line answers is the book's, a point with its answer, no study
// target.
func TestEnglishNoteGetsItsSections(t *testing.T) {
	m, w := memberOf(t, "Jordan", englishWeek)
	if !englishNote(m) {
		t.Fatal("englishNote = false for a note written in English")
	}
	for _, c := range []struct {
		key, want, not string
	}{
		{insight.KeyPerspective, "I feel like B-trees are easier", ""},
		{insight.KeyPractical, "For our event logging service we should", ""},
		{insight.KeyPractical, "It is better to compact in the background", ""}, // a dummy "it" leans on nothing
		{insight.KeyStudy, "I don't fully understand how write amplification", "Why are range queries"},
		{insight.KeyInsights, "An index is an additional structure derived from the primary data. Every index slows down writes.", "I feel like"}, // the line in bold, whole
	} {
		sec := sectionOf(t, m, w, c.key)
		got := bulletTexts(sec)
		if !strings.Contains(got, c.want) || c.not != "" && strings.Contains(got, c.not) {
			t.Errorf("%s = %q (notice %q); want %q, not %q", c.key, got, sec.Notice, c.want, c.not)
		}
	}
	for _, key := range []string{insight.KeyInsights, insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy} {
		if got := bulletTexts(sectionOf(t, m, w, key)); strings.Contains(got, "|They are cheap") {
			t.Errorf("%s = %q; \"They are …\" leans on the question before it", key, got)
		}
	}
	units := englishUnits(m)
	found := false
	for _, u := range units {
		found = found || u.answered && strings.HasPrefix(u.text(), "Why are range queries cheap on sorted segments? They are cheap because")
	}
	if !found {
		t.Errorf("no unit holds the question with the answer below it: %v", units)
	}
}

// A Korean note with a few English lines (a quoted definition, a pasted
// abstract) is read as Korean: its English lines stay out.
func TestKoreanNoteWithEnglishLinesIsNoEnglishNote(t *testing.T) {
	src := `# 3장 저장소와 검색

## 로그 구조 저장소

로그 구조 저장소는 쓰기를 파일 끝에 덧붙이기만 한다.

> An index is an additional structure derived from the primary data.
> Every index slows down writes, because the index must be updated too.
> Well-chosen indexes speed up read queries.

색인을 하나 더 둘 때마다 쓰기가 느려진다는 점이 가장 인상 깊었다.

정렬된 세그먼트는 범위 질의를 싸게 만든다고 생각한다.

쓰기가 많은 서비스라면 로그 구조 저장소를 먼저 검토해 보면 좋겠다.

B 트리가 페이지를 덮어쓸 때 장애가 나면 어떻게 복구하는지 잘 모르겠다.
`
	m, _ := memberOf(t, "하늘", src)
	if englishNote(m) {
		t.Errorf("englishNote = true for a Korean note quoting three English lines")
	}
}

// A week of English notes has views to argue about: 심화 토론 asks about
// each member's first view ("I think …", "In my opinion …"), not about a
// reaction, instead of saying the notes hold none.
func TestEnglishWeekGetsItsDebates(t *testing.T) {
	in := commonInput([][2]string{
		{"Jordan", englishWeek},
		{"Kim", `# Storage and retrieval

An SSTable keeps keys sorted, so merging segments works like mergesort.

Interesting that Bloom filters tell you quickly that a key is not in a segment.

In my opinion write amplification matters more on SSDs than the book suggests.

I am not sure whether B-tree pages are always 4 KB or whether that depends on the database.
`},
	})
	w := generateGroup(t, in)
	debate := section(t, w.Group, insight.KeyDebate)
	got := texts(debate)
	if !strings.Contains(got, "Kim은 “In my opinion write amplification matters more") || !strings.Contains(got, "Jordan은 “I feel like B-trees") {
		t.Errorf("심화 토론 = %q (notice %q); want each member's view asked about", got, debate.Notice)
	}
	if strings.Contains(got, "Bloom filters") {
		t.Errorf("심화 토론 = %q; a reaction is no view to argue with", got)
	}
}
