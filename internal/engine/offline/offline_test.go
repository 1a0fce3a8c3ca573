package offline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/doc"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// noteDoc builds a note from (kind, path, text, emphasis) lines, one sentence
// per block, line numbers 1..n.
func noteDoc(path string, lines ...[4]string) *note.Document {
	d := &note.Document{Path: path, Style: note.StyleMarkdown}
	for i, l := range lines {
		kind := note.Kind(l[0])
		b := note.Block{Kind: kind, Text: l[2], Line: i + 1, EndLine: i + 1}
		if l[1] != "" {
			b.Path = []string{l[1]}
		}
		if l[3] != "" {
			b.Emphasis = []string{l[3]}
		}
		if kind == note.KindHeading {
			b.Level = 2
			d.Stats.Headings++
		}
		d.Blocks = append(d.Blocks, b)
		if kind == note.KindHeading || kind == note.KindCode {
			continue
		}
		d.Sentences = append(d.Sentences, note.Sentence{
			ID: len(d.Sentences), Block: i, Kind: kind, Text: l[2], Line: i + 1, Emphasis: b.Emphasis, Path: b.Path,
		})
	}
	return d
}

var basic = &doc.Template{
	Title: "Week 01 - 테스트 인사이트",
	MemberSections: []doc.SectionSpec{
		{Key: insight.KeySummary, Heading: "전체적인 작성 내용 요약", Kind: insight.KindParagraph},
		{Key: insight.KeyInsights, Heading: "핵심 인사이트", Kind: insight.KindBullets},
		{Key: insight.KeyPerspective, Heading: "독특한 관점 또는 흥미로운 발견", Kind: insight.KindBullets},
		{Key: insight.KeyPractical, Heading: "실무 적용 아이디어", Kind: insight.KindBullets},
		{Key: insight.KeyStudy, Heading: "추가 학습이 필요한 부분", Kind: insight.KindBullets},
		{Key: insight.KeyCorrections, Heading: "오개념 정리", Kind: insight.KindTable},
	},
	GroupHeading: "통합 토론 주제",
	GroupSections: []doc.SectionSpec{
		{Key: insight.KeyCommon, Heading: "공통 질문", Kind: insight.KindBullets},
		{Key: insight.KeyDebate, Heading: "심화 토론", Kind: insight.KindBullets},
		{Key: insight.KeyNext, Heading: "다음 주차 연결 포인트", Kind: insight.KindBullets},
	},
}

func weekInput() *engine.Input {
	a := noteDoc("w1/a.md",
		[4]string{"heading", "", "임베딩 개요", ""},
		[4]string{"paragraph", "임베딩 개요", "임베딩은 텍스트를 벡터로 바꾸는 핵심 기법이다.", "임베딩"},
		[4]string{"item", "임베딩 개요", "벡터 검색은 임베딩 사이의 거리로 비슷한 문서를 찾는다.", ""},
		[4]string{"item", "임베딩 개요", "개인적으로 차원 축소가 의미를 잃지 않는다는 점이 흥미로웠다.", ""},
		[4]string{"item", "임베딩 개요", "우리 팀 검색 서비스에 벡터 검색을 도입하면 좋겠다.", ""},
		[4]string{"item", "임베딩 개요", "임베딩 차원은 어떻게 정해야 할까?", ""},
		[4]string{"code", "", "print('hi')", ""},
	)
	b := noteDoc("w1/b.md",
		[4]string{"paragraph", "", "임베딩을 학습할 때 대조 학습이 자주 쓰인다.", "대조 학습"},
		[4]string{"item", "", "벡터 검색의 정확도는 임베딩 품질에 달려 있다.", ""},
		[4]string{"item", "", "대조 학습은 양성 쌍과 음성 쌍을 구분하도록 학습한다.", ""},
		[4]string{"item", "", "대조 학습에서 음성 쌍을 고르는 방법이 성능을 좌우한다.", ""},
		[4]string{"item", "", "대조 학습의 배치 크기가 클수록 좋다는 주장은 아직 잘 모르겠다.", ""},
	)
	in := &engine.Input{
		Week:     1,
		Template: basic,
		Members: []engine.MemberInput{
			{Member: workspace.Member{Name: "박지민", Roman: "Park Ji-Min"}, Doc: a},
			{Member: workspace.Member{Name: "최유나", Roman: "Choi Yu-Na"}, Doc: b},
			{Member: workspace.Member{Name: "정하늘", Roman: "Jung Ha-Neul"}},
		},
		Next: &workspace.ScheduleRow{Week: 2, Chapters: "3장", Topic: "벡터 검색과 RAG", Presenter: "최유나", Source: "README.md", Line: 12},
	}
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

// TestGenerateNeedsTheAnalysis: the engine reads the pipeline's analysis
// and never analyses the notes itself.
func TestGenerateNeedsTheAnalysis(t *testing.T) {
	in := weekInput()
	in.Analysis = nil
	if _, err := New().Generate(context.Background(), in); !errors.Is(err, engine.ErrNoAnalysis) {
		t.Errorf("Generate without analysis: %v, want engine.ErrNoAnalysis", err)
	}
}

func section(t *testing.T, secs []insight.Section, key string) insight.Section {
	t.Helper()
	for _, s := range secs {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("section %q missing", key)
	return insight.Section{}
}

// bulletWith returns the last bullet of sec whose text contains sub, or
// nil.
func bulletWith(sec insight.Section, sub string) *insight.Bullet {
	var b *insight.Bullet
	for i := range sec.Bullets {
		if strings.Contains(sec.Bullets[i].Text, sub) {
			b = &sec.Bullets[i]
		}
	}
	return b
}

func TestGenerateFillsEverySection(t *testing.T) {
	w, err := New().Generate(context.Background(), weekInput())
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Members) != 3 {
		t.Fatalf("members = %d", len(w.Members))
	}
	a := w.Members[0]
	if !a.Submitted || a.Note != "w1/a.md" || len(a.Sections) != len(basic.MemberSections) {
		t.Fatalf("member a = %+v", a)
	}
	ins := section(t, a.Sections, insight.KeyInsights)
	if len(ins.Bullets) == 0 {
		t.Errorf("insights = %+v, want some", ins.Bullets)
	}
	if got := section(t, a.Sections, insight.KeyPerspective); len(got.Bullets) == 0 || !strings.Contains(got.Bullets[0].Text, "흥미로웠다") {
		t.Errorf("perspective = %+v", got)
	}
	if got := section(t, a.Sections, insight.KeyPractical); len(got.Bullets) == 0 || !strings.Contains(got.Bullets[0].Text, "도입") {
		t.Errorf("practical = %+v", got)
	}
	if got := section(t, a.Sections, insight.KeyStudy); len(got.Bullets) == 0 || !strings.HasSuffix(got.Bullets[0].Text, "?") {
		t.Errorf("study = %+v", got)
	}
	if got := section(t, a.Sections, insight.KeyCorrections); len(got.Rows) != 0 || got.Notice != "" {
		t.Errorf("corrections = %+v, want the table left for people", got)
	}
	sum := section(t, a.Sections, insight.KeySummary)
	if sum.Kind != insight.KindParagraph || len(sum.Bullets) != 1 || !strings.Contains(sum.Bullets[0].Text, "임베딩 개요") {
		t.Errorf("summary = %+v", sum)
	}
	// Missing member: no sections of their own, not submitted.
	if c := w.Members[2]; c.Submitted || len(c.Sections) != 0 {
		t.Errorf("missing member = %+v", c)
	}
}

func TestBulletsAreAttributedAndUnique(t *testing.T) {
	in := weekInput()
	w, err := New().Generate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range w.Members {
		seen := map[string]bool{}
		for _, s := range m.Sections {
			if len(s.Bullets) > MaxBullets {
				t.Errorf("%s/%s: %d bullets", m.Name, s.Key, len(s.Bullets))
			}
			for _, b := range s.Bullets {
				if len(b.Sources) == 0 {
					t.Errorf("%s/%s: bullet without source: %+v", m.Name, s.Key, b)
				}
				for _, src := range b.Sources {
					if src.File != m.Note || src.Line < 1 {
						t.Errorf("%s/%s: source %+v not in the member's note %s", m.Name, s.Key, src, m.Note)
					}
				}
				if s.Key != insight.KeySummary {
					k := b.Sources[0].File + ":" + b.Sources[0].Quote
					if seen[k] {
						t.Errorf("%s: sentence used twice: %s", m.Name, k)
					}
					seen[k] = true
				}
				if strings.Contains(b.Markdown(), "print(") {
					t.Errorf("code leaked into bullet %q", b.Markdown())
				}
			}
		}
	}
}

func TestNextWeekStartsWithTheSchedule(t *testing.T) {
	w, err := New().Generate(context.Background(), weekInput())
	if err != nil {
		t.Fatal(err)
	}
	next := section(t, w.Group, insight.KeyNext)
	if len(next.Bullets) == 0 || !strings.Contains(next.Bullets[0].Text, "벡터 검색과 RAG") || next.Bullets[0].Sources[0].Line != 12 {
		t.Errorf("next = %+v", next.Bullets)
	}
}

func TestNoScheduleSaysSo(t *testing.T) {
	in := weekInput()
	in.Next, in.Schedule = nil, nil
	w, err := New().Generate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if next := section(t, w.Group, insight.KeyNext); next.Notice != NoticeNoSchedule || len(next.Bullets) != 0 {
		t.Errorf("next = %+v", next)
	}
	// A schedule that has this week but not the next says that instead.
	in = weekInput()
	in.Next, in.Schedule = nil, &workspace.ScheduleRow{Week: in.Week, Chapters: "3장"}
	if w, err = New().Generate(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if next := section(t, w.Group, insight.KeyNext); next.Notice != NoticeNoNextRow || len(next.Bullets) != 0 {
		t.Errorf("next = %+v", next)
	}
	// A week past the schedule's last row (a schedule of weeks 1-3, week
	// 5 generated) has a schedule too: it is not "no schedule".
	in = weekInput()
	in.Next, in.Schedule, in.Scheduled = nil, nil, true
	if w, err = New().Generate(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if next := section(t, w.Group, insight.KeyNext); next.Notice != NoticeNoNextRow || len(next.Bullets) != 0 {
		t.Errorf("past the schedule's end: next = %+v", next)
	}
}

// nextBullet generates the test week with next as next week's row and
// returns the one bullet 다음 주차 연결 포인트 holds.
func nextBullet(t *testing.T, next *workspace.ScheduleRow) insight.Bullet {
	t.Helper()
	in := weekInput()
	in.Scheduled = true
	in.Next = next
	w, err := New().Generate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	sec := section(t, w.Group, insight.KeyNext)
	if len(sec.Bullets) != 1 {
		t.Fatalf("next = %+v", sec)
	}
	return sec.Bullets[0]
}

// A row taken from next week's notes (the schedule has no such week) says
// that the notes, not the schedule, name the topic, and cites the note.
func TestNextRowFromNotes(t *testing.T) {
	b := nextBullet(t, &workspace.ScheduleRow{Week: 2, Chapters: "9장", Topic: "양자 암호", Source: "w2/b.md", Line: 3, Origin: workspace.OriginNotes})
	if !strings.Contains(b.Text, "다음 주(2주차) 노트는 9장 양자 암호를 다룹니다.") || strings.Contains(b.Text, "에는 9장") ||
		len(b.Sources) != 1 || b.Sources[0].File != "w2/b.md" || b.Sources[0].Line != 3 {
		t.Errorf("bullet = %+v", b)
	}
}

// A row the README's pace implies says so: no schedule row lists it.
func TestNextRowFromThePace(t *testing.T) {
	b := nextBullet(t, &workspace.ScheduleRow{Week: 2, Chapters: "6,7장", Source: "README.md", Line: 11, Origin: workspace.OriginPace})
	if !strings.Contains(b.Text, "README가 적은 진도대로라면 다음 주(2주차)에는 6,7장을 다룹니다.") || len(b.Sources) != 1 || b.Sources[0].Line != 11 {
		t.Errorf("bullet = %+v", b)
	}
}

// A row named by a week folder ("[03장] 고급 타입") has moim's count of
// folders for its week, which need not be the group's: a study whose weeks
// are its chapters would read "2주차" as chapter 2. The line names the
// chapter and no week number.
func TestNextRowFromAFolderHasNoWeekNumber(t *testing.T) {
	b := nextBullet(t, &workspace.ScheduleRow{Week: 2, Chapters: "3장", Topic: "고급 타입", Origin: workspace.OriginFolder})
	if !strings.HasPrefix(b.Text, "다음 주에는 3장 고급 타입을 다룹니다.") || strings.Contains(b.Text, "2주차") {
		t.Errorf("bullet = %q", b.Text)
	}
}

func TestDeterministic(t *testing.T) {
	a, err := New().Generate(context.Background(), weekInput())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		b, err := New().Generate(context.Background(), weekInput())
		if err != nil {
			t.Fatal(err)
		}
		if !equalWeeks(a, b) {
			t.Fatal("two runs differ")
		}
	}
}

func equalWeeks(a, b *insight.Week) bool {
	flat := func(w *insight.Week) string {
		var sb strings.Builder
		for _, m := range w.Members {
			for _, s := range m.Sections {
				for _, x := range s.Bullets {
					sb.WriteString(x.Markdown() + "\n")
				}
			}
		}
		for _, s := range w.Group {
			for _, x := range s.Bullets {
				sb.WriteString(x.Markdown() + "\n")
			}
		}
		return sb.String()
	}
	return flat(a) == flat(b)
}

func TestJosa(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"임베딩", "임베딩을"}, {"모델", "모델을"}, {"데이터", "데이터를"}, {"RAG", "RAG를"}, {"LoRA", "LoRA를"}, {"LLM", "LLM을"}, {"GPT", "GPT를"}, {"SQL", "SQL을"}, {"NoSQL", "NoSQL을"}, {"Spring", "Spring을"},
		// A final d is read 드, a final g 그 unless it closes "ng" (ㅇ).
		{"undefined", "undefined를"}, {"method", "method를"}, {"log", "log를"}, {"string", "string을"},
		// A final t, k or p after a consonant is read with ㅡ (이펙트,
		// 스크립트); after a vowel it closes the syllable (셋, 훅).
		{"useEffect", "useEffect를"}, {"TypeScript", "TypeScript를"}, {"React", "React를"}, {"set", "set을"}, {"hook", "hook을"},
	} {
		if got := Josa(c.word, "을", "를"); got != c.want {
			t.Errorf("Josa(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	// 으로 after every final consonant but ㄹ, which takes 로.
	for _, c := range []struct{ word, want string }{
		{"컴파일", "컴파일로"}, {"모델", "모델로"}, {"임베딩", "임베딩으로"}, {"데이터", "데이터로"}, {"1", "1로"}, {"3", "3으로"}, {"URL", "URL로"}, {"LLM", "LLM으로"},
	} {
		if got := Josa(c.word, "으로", "로"); got != c.want {
			t.Errorf("Josa(%q, 으로) = %q, want %q", c.word, got, c.want)
		}
	}
}

// A term of next week's topic that is the topic's last word is said once.
func TestTermOf(t *testing.T) {
	for _, c := range []struct{ where, t, want string }{
		{"다음 주 2장 테스트", "테스트", "다음 주 2장 테스트"},
		{"다음 주 6장 타입 컴파일", "타입 컴파일", "다음 주 6장 타입 컴파일"},
		{"다음 주 6장 RAG", "검색기", "다음 주 6장 RAG의 검색기"},
		{"다음 주 5장 통합테스트", "테스트", "다음 주 5장 통합테스트의 테스트"},
	} {
		if got := termOf(c.where, c.t); got != c.want {
			t.Errorf("termOf(%q, %q) = %q, want %q", c.where, c.t, got, c.want)
		}
	}
}

// A quote takes the particle its last sound wants: “…않음”은, “…있다”는,
// “…않음”으로, “…있다”로.
func TestQuoteWith(t *testing.T) {
	for _, c := range []struct{ s, a, b, want string }{
		{"enum 은 런타임 이후에도 사라지지 않음", "은", "는", "“enum 은 런타임 이후에도 사라지지 않음”은"},
		{"캐시는 원본보다 빠르다.", "은", "는", "“캐시는 원본보다 빠르다”는"},
		{"모두에게 문제가 될 수 있음", "으로", "로", "“모두에게 문제가 될 수 있음”으로"},
		{"값을 한 번만 만든다", "으로", "로", "“값을 한 번만 만든다”로"},
	} {
		if got := quoteWith(c.s, c.a, c.b); got != c.want {
			t.Errorf("quoteWith(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

// A sentence opens on a concept as its topic when its first word is the
// concept with 은/는, written on or apart.
func TestOpensOnTopic(t *testing.T) {
	c := analyze.Concept{Term: "enum", Keys: []string{analyze.Key("enum")}}
	for body, want := range map[string]bool{
		"enum은 주로 문자열 상수를 만드는 데 쓴다.": true,
		"enum 은 런타임에도 남는다.":          true,
		"대부분의 enum은 문자열 상수다.":        false,
		"이미 enum이 들어 있기 때문이다.":       false,
		"const enum을 쓰면 코드가 사라진다.":   false,
	} {
		if got := opensOnTopic(body, c); got != want {
			t.Errorf("opensOnTopic(%q) = %v, want %v", body, got, want)
		}
	}
}
