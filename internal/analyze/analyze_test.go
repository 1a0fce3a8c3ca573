package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

func parse(path, src string) *note.Document { return note.Parse(path, src) }

const noteA = `# 2장 검색 증강 생성

## 검색 증강 생성

**검색 증강 생성**은 외부 문서를 검색해 프롬프트에 넣는 기법이다.
검색 증강 생성은 모델의 환각을 줄이는 데 도움이 된다.
임베딩 모델의 품질이 검색 증강 생성의 성능을 좌우한다.

## 느낀 점

개인적으로 임베딩 모델보다 청크 크기가 더 중요하다는 점이 흥미로웠다.

## 실무 적용

우리 팀 사내 위키 검색에 검색 증강 생성을 도입해 보면 좋겠다.

## 궁금한 점

- 청크 크기는 어떤 기준으로 정해야 할까?
- 재순위화 모델은 아직 잘 모르겠다.

날짜: 2025년 1월 2일
`

const noteB = `# 검색 증강 생성 정리

검색 증강 생성에서는 검색 품질이 답변 품질을 결정한다.
임베딩 모델을 바꾸면 검색 결과가 크게 달라진다.
벡터 데이터베이스는 근사 최근접 이웃 검색을 쓴다.
벡터 데이터베이스의 색인 방식에 따라 속도가 달라진다.
벡터 데이터베이스를 고를 때는 비용과 지연 시간을 함께 봐야 한다.
`

func week(t *testing.T) *Week {
	t.Helper()
	return Analyze([]Note{
		{Member: "박지민", Doc: parse("a.md", noteA)},
		{Member: "최유나", Doc: parse("b.md", noteB)},
		{Member: "정하늘"},
	})
}

func find(t *testing.T, m *Member, substr string) Sentence {
	t.Helper()
	for _, s := range m.Sentences {
		if strings.Contains(s.Text, substr) {
			return s
		}
	}
	t.Fatalf("no sentence with %q", substr)
	return Sentence{}
}

func TestSelectorsPickTheirSentences(t *testing.T) {
	w := week(t)
	if len(w.Members) != 2 {
		t.Fatalf("members analysed = %d, want 2 (one has no note)", len(w.Members))
	}
	a := w.Members[0]
	for _, c := range []struct {
		substr, want string
	}{
		{"청크 크기가 더 중요하다는 점이 흥미로웠다", insight.KeyPerspective},
		{"도입해 보면 좋겠다", insight.KeyPractical},
		{"어떤 기준으로 정해야 할까", insight.KeyStudy},
		{"아직 잘 모르겠다", insight.KeyStudy},
	} {
		s := find(t, a, c.substr)
		if got := s.Best(insight.KeyPerspective, insight.KeyPractical, insight.KeyStudy); got != c.want {
			t.Errorf("%q → %q (scores %v), want %q", c.substr, got, s.Scores, c.want)
		}
	}
	// A point the note makes outranks the definition of its term.
	top := a.Ranked(insight.KeyInsights, 1)
	if len(top) != 1 || strings.Contains(top[0].Text, "외부 문서를 검색해 프롬프트에 넣는 기법이다") {
		t.Errorf("top insight = %+v, want a point rather than the definition", top)
	}
}

// TestLabelsStrippedButScored: a label ("개인적인 생각:", "Q:") is removed
// from the sentence's text, which bullets show, but still counts for its
// scores: the same sentence without the label scores lower.
func TestLabelsStrippedButScored(t *testing.T) {
	const (
		opinion  = "버퍼 풀 크기는 워크로드에 맞춰 정해야 한다."
		question = "버퍼 풀 교체 정책은 언제 바꿔야 하는지 정리한다."
	)
	labelled := "# 노트\n\n개인적인 생각: " + opinion + "\n\nQ: " + question + "\n"
	plain := "# 노트\n\n" + opinion + "\n\n" + question + "\n"
	w := Analyze([]Note{
		{Member: "한서진", Doc: parse("labelled.md", labelled)},
		{Member: "오태윤", Doc: parse("plain.md", plain)},
	})
	for _, c := range []struct{ text, label, key string }{
		{opinion, "개인적인 생각: ", insight.KeyPerspective},
		{question, "Q: ", insight.KeyStudy},
	} {
		l, p := find(t, w.Members[0], c.text), find(t, w.Members[1], c.text)
		if l.Text != c.text || l.Raw != c.label+c.text {
			t.Errorf("labelled sentence: Text %q, Raw %q; want %q without the label and %q with it", l.Text, l.Raw, c.text, c.label+c.text)
		}
		if p.Text != c.text || p.Raw != c.text {
			t.Errorf("plain sentence: Text %q, Raw %q", p.Text, p.Raw)
		}
		if l.Scores[c.key] <= p.Scores[c.key] {
			t.Errorf("%q: %s score %.2f with the label, %.2f without; the label must count", c.text, c.key, l.Scores[c.key], p.Scores[c.key])
		}
	}
}

func TestNotionPropertiesAreNotContent(t *testing.T) {
	w := week(t)
	for _, s := range w.Members[0].Sentences {
		if strings.HasPrefix(s.Text, "날짜") {
			t.Errorf("property line kept as a sentence: %q", s.Text)
		}
	}
}

func TestConceptMatrix(t *testing.T) {
	w := week(t)
	byTerm := map[string]Concept{}
	for _, c := range w.Concepts {
		byTerm[Key(c.Term)] = c
	}
	rag, ok := byTerm[Key("검색 증강 생성")]
	if !ok || rag.Counts["박지민"] < 3 || rag.Counts["최유나"] != 1 || len(rag.Members()) != 2 {
		t.Errorf("검색 증강 생성 = %+v, want both members, 박지민 ≥ 3 sentences", rag)
	}
	vdb, ok := byTerm[Key("벡터 데이터베이스")]
	if !ok || len(vdb.Counts) != 1 || vdb.Counts["최유나"] != 3 {
		t.Errorf("벡터 데이터베이스 = %+v, want only 최유나 with 3", vdb)
	}
	// Shared concepts come first.
	if len(w.Concepts[0].Counts) != 2 {
		t.Errorf("first concept %+v is not shared", w.Concepts[0])
	}
}

func TestTextRankPrefersConnectedSentences(t *testing.T) {
	mk := func(terms ...string) Sentence { return Sentence{Evidence: Evidence{Terms: terms}} }
	sents := []Sentence{
		mk("검색", "임베딩", "청크"),
		mk("검색", "임베딩"),
		mk("검색", "청크"),
		mk("날씨"),
	}
	r := textRank(sents)
	if r[0] != 1 || r[3] >= r[1] || r[3] >= r[2] {
		t.Errorf("ranks = %v: the hub sentence should rank first and the isolated one last", r)
	}
	if len(textRank(nil)) != 0 {
		t.Error("empty input")
	}
}

func TestAnaphoricSentenceCarriesContext(t *testing.T) {
	doc := parse("c.md", "학습 데이터와 실제 데이터의 분포가 다를 수 있다. 이것을 데이터 분포 변화라고 한다.\n")
	m := Analyze([]Note{{Member: "강민수", Doc: doc}}).Members[0]
	s := find(t, m, "이것을")
	if s.Context == nil || !strings.Contains(s.Context.Text, "분포가 다를 수") {
		t.Errorf("context = %+v", s.Context)
	}
}

func TestAnalyzeEvidence(t *testing.T) {
	w := week(t)
	ev := w.Member("박지민").Candidates(insight.KeyStudy)
	if len(ev) == 0 {
		t.Fatal("no study evidence")
	}
	all := w.Evidence()
	for i, e := range ev {
		if e.File != "a.md" || e.Line < 1 || all[e.ID].Text != e.Text || !strings.HasPrefix(e.ID, "1.") {
			t.Errorf("evidence %+v does not point into its note", e)
		}
		if e.Score <= 0 || i > 0 && e.Score > ev[i-1].Score {
			t.Errorf("evidence %+v: scores must be positive, best first", e)
		}
	}
	if w.Member("정하늘") != nil {
		t.Error("a member without a note has evidence")
	}
	// Evidence IDs number members by their place in the week, notes or not.
	for id, e := range all {
		if e.Member == "최유나" && !strings.HasPrefix(id, "2.") {
			t.Errorf("evidence %s of the second member", id)
		}
	}
}

func TestCleanAndLabels(t *testing.T) {
	for in, want := range map[string]string{
		"- **굵게** 쓴 `코드`와 [링크](http://x.y) &nbsp;끝": "굵게 쓴 코드와 링크 끝",
		"1. 번호 목록": "번호 목록",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"Q: 왜 그럴까?":        "왜 그럴까?",
		"💡 개인적인 생각: 공감한다.": "공감한다.",
		"질문: 청크 크기는?":      "청크 크기는?",
		"평범한 문장이다.":        "평범한 문장이다.",
	} {
		if got := StripLabel(in); got != want {
			t.Errorf("StripLabel(%q) = %q, want %q", in, got, want)
		}
	}
	if !CueHeading("느낀 점") || !CueHeading("실무 적용") || CueHeading("벡터 데이터베이스") {
		t.Error("CueHeading")
	}
	if Specific("데이터") || Specific("모델") || !Specific("검색 증강 생성") || !Specific("LoRA") || !Specific("양자화") {
		t.Error("Specific")
	}
}

// TestSubjectsOfAnalysedSentences checks that the subjects an analysis
// gives (Week.Subjects, used for the next week's sentences) are the ones
// SubjectOf reads, for every sentence of the notes: answered from the
// analysis for the analysed ones, read for the others.
func TestSubjectsOfAnalysedSentences(t *testing.T) {
	w := week(t)
	known := w.Subjects()
	if len(known) == 0 {
		t.Fatal("the analysis gave no subjects")
	}
	found := 0
	for _, d := range []*note.Document{parse("a.md", noteA), parse("b.md", noteB)} {
		for _, s := range d.Sentences {
			if _, ok := known[Trim(Clean(s.Text))]; ok {
				found++
			}
			if got, want := known.Of(s.Text), SubjectOf(s.Text); got != want {
				t.Errorf("Subjects.Of(%q) = %q, SubjectOf gives %q", s.Text, got, want)
			}
		}
	}
	if found == 0 {
		t.Error("no sentence was answered from the analysis")
	}
	if got := known.Of("벡터 데이터베이스는 근사 최근접 이웃 검색을 쓴다."); got != "벡터 데이터베이스" {
		t.Errorf("subject of a known sentence = %q", got)
	}
	var none *Week
	if got := none.Subjects().Of("임베딩 모델은 문장을 벡터로 바꾼다."); got != SubjectOf("임베딩 모델은 문장을 벡터로 바꾼다.") {
		t.Errorf("a nil week's subjects = %q", got)
	}
}

func TestNamesSubject(t *testing.T) {
	for _, c := range []struct {
		body string
		want bool
	}{
		{"측정해 보면 시스템은 처음과 끝에 쓴 블록을 더 빨리 읽는다.", true},
		{"실험 결과, 모든 노드에서 요청이 고르게 나뉘는 경향이 확인되었다.", true},
		{"롤백 절차와 복구 시간을 미리 충분히 고려해야 함", false},
		{"0으로 설정할 때는 모든 페이지를 디스크에서 직접 읽는다.", false},
		{"쓰기를 모아 순서대로 붙이고 오래된 조각을 한꺼번에 합친다.", false},
	} {
		if got := NamesSubject(c.body); got != c.want {
			t.Errorf("NamesSubject(%q) = %v, want %v", c.body, got, c.want)
		}
	}
}
