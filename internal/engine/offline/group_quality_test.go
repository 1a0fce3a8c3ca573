package offline

import (
	"context"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// Three notes on one chapter: every member writes about 벡터 색인, each
// saying something different of it, and no one names its limits or how
// to choose one. One note reports a dispute, one points at next week's
// chapter.
var groupNotes = map[string]string{
	"서연": `# 6장 검색

벡터 색인은 근사 최근접 이웃 탐색으로 검색 속도를 크게 높인다.
재순위화는 상위 후보를 다시 정렬해 정확도를 올린다.
청크 크기를 얼마로 잡을지에 대해서는 여러 논쟁이 있으며 정답이 없다.
`,
	"민호": `# 6장 정리

벡터 색인은 데이터가 바뀔 때마다 다시 만들어야 해서 운영 부담이 생긴다.
하이브리드 검색은 키워드 점수와 벡터 점수를 섞는다.
`,
	"지우": `# 6장 메모

벡터 색인은 메모리를 많이 차지하므로 양자화와 함께 쓰인다.
검색 품질의 평가는 다음 장(7장에서 다룸)으로 이어진다.
`,
}

func groupInput(next *workspace.ScheduleRow, opts ...analyze.Option) *engine.Input {
	in := &engine.Input{Week: 6, Template: basic, Next: next}
	for _, name := range []string{"서연", "민호", "지우"} {
		in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: name}, Doc: note.Parse("w6/"+name+".md", groupNotes[name])})
	}
	in.Analysis = analyze.Analyze(in.Notes(), opts...)
	return in
}

func generateGroup(t *testing.T, in *engine.Input) *insight.Week {
	t.Helper()
	w, err := New().Generate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestCommonQuestionMakesUpNoContrast(t *testing.T) {
	// All three write about 벡터 색인, each something else of it, and no
	// two judge it oppositely: different lines are no disagreement.
	w := generateGroup(t, groupInput(nil))
	common := section(t, w.Group, insight.KeyCommon)
	if strings.Contains(texts(common), "갈립니다") || strings.Contains(texts(common), "어떻게 다르고") {
		t.Errorf("공통 질문 makes up a contrast from lines that do not disagree:\n%s", texts(common))
	}
	if len(common.Bullets) == 0 && common.Notice != NoticeNoContrast {
		t.Errorf("공통 질문 notice %q: the members did share a concept; want it said that no contrast was found", common.Notice)
	}
}

// commonInput builds a week of the given notes (member → note).
func commonInput(notes [][2]string) *engine.Input {
	in := &engine.Input{Week: 6, Template: basic}
	for _, n := range notes {
		in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: n[0]}, Doc: note.Parse("w6/"+n[0]+".md", n[1])})
	}
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

// Two members each quote one half of a passage that weighs both sides
// ("…따라잡을 수도 있다" and "…뒤처질 가능성이 높다"), and the one
// quoting the hopeful half also copied why it may fall behind: the lines
// differ, the members do not.
func TestCommonQuestionNoDisagreementFromOnePassage(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n사내 검색 엔진은 앞으로도 상용 검색 서비스보다 뒤처질 가능성이 높다.\n재순위화는 상위 후보를 다시 정렬한다.\n"},
		{"민호", "# 6장\n\n격차가 줄어드는 걸 보면 사내 검색 엔진이 결국 상용 검색 서비스를 따라잡을 수도 있다.\n" +
			"사내 검색 엔진이 뒤처질 수 있는 이유는 사용자 피드백을 충분히 모으지 못하기 때문이다.\n"},
		{"지우", "# 6장\n\n사내 검색 엔진은 색인을 직접 관리한다.\n"},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if got := texts(common); strings.Contains(got, "갈립니다") {
		t.Errorf("공통 질문 pits two halves of one passage against each other:\n%s", got)
	}
}

func TestCommonQuestionOnOppositeJudgements(t *testing.T) {
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n사내 검색 엔진은 앞으로도 상용 검색 서비스보다 뒤처질 가능성이 높다.\n재순위화는 상위 후보를 다시 정렬한다.\n"},
		{"민호", "# 6장\n\n격차가 줄어드는 걸 보면 사내 검색 엔진이 결국 상용 검색 서비스를 따라잡을 수도 있다.\n"},
		{"지우", "# 6장\n\n사내 검색 엔진은 색인을 직접 관리한다.\n"},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) == 0 {
		t.Fatalf("no 공통 질문 on 서연's and 민호's opposite predictions (notice %q)", common.Notice)
	}
	b := common.Bullets[0]
	if b.Head != "사내 검색 엔진" || len(b.Sources) != 2 {
		t.Fatalf("공통 질문 %+v: want the disagreement on 사내 검색 엔진, quoting both sides", b)
	}
	for _, want := range []string{"서연은", "민호는", "뒤처질 가능성", "따라잡을 수도"} {
		if !strings.Contains(b.Text, want) {
			t.Errorf("공통 질문 %q lacks %q (both sides, each with its writer)", b.Text, want)
		}
	}
	// 지우 wrote of the concept, but no side: naming them adds nothing.
	if strings.Contains(b.Text, "지우") {
		t.Errorf("공통 질문 %q names 지우, who took neither side", b.Text)
	}
}

func TestCommonQuestionOnWhatAllStressed(t *testing.T) {
	line := "벡터 색인은 데이터가 바뀔 때마다 다시 만들어야 해서 운영 부담이 생긴다."
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n" + line + "\n"},
		{"민호", "# 6장\n\n" + strings.Replace(line, "생긴다", "생긴다고 한다", 1) + "\n"},
		{"지우", "# 6장\n\n벡터 색인은 메모리를 많이 차지하므로 양자화와 함께 쓰인다.\n"},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) == 0 {
		t.Fatalf("no 공통 질문 although two members stressed the same point of 벡터 색인 (notice %q)", common.Notice)
	}
	b := common.Bullets[0]
	if !strings.Contains(b.Text, "서연·민호는 벡터 색인에 대해") {
		t.Errorf("공통 질문 %q does not name everyone who wrote the point in one clause", b.Text)
	}
	if strings.Contains(b.Text, "지우") {
		t.Errorf("공통 질문 %q names 지우, who wrote another thing of the concept", b.Text)
	}
	// Neither a disagreement nor a filler line saying there is none.
	if strings.Contains(b.Text, "갈립니다") || strings.Contains(b.Text, "엇갈리는") {
		t.Errorf("공통 질문 %q claims a disagreement or says there is none", b.Text)
	}
}

func TestDebateFromAReportedDispute(t *testing.T) {
	w := generateGroup(t, groupInput(nil))
	debate := texts(section(t, w.Group, insight.KeyDebate))
	if !strings.Contains(debate, "청크 크기를 얼마로 잡을지") || !strings.Contains(debate, "서연") {
		t.Errorf("심화 토론 misses the dispute 서연 reported:\n%s", debate)
	}
	if strings.Contains(debate, "하이브리드 검색은") {
		t.Errorf("심화 토론 holds a plain statement as a claim to argue:\n%s", debate)
	}
}

func TestNextWeekLinksWithoutTheBareSchedule(t *testing.T) {
	row := &workspace.ScheduleRow{Week: 7, Chapters: "7장", Topic: "평가", Presenter: "민호", Source: "README.md", Line: 12}
	w := generateGroup(t, groupInput(row))
	next := section(t, w.Group, insight.KeyNext)
	if len(next.Bullets) != 1 {
		t.Fatalf("다음 주차: %d bullets, want the one link from 지우's note:\n%s", len(next.Bullets), texts(next))
	}
	b := next.Bullets[0]
	if b.Sources[0].Member != "지우" || !strings.Contains(b.Text, "다음 주 7장 평가") {
		t.Errorf("다음 주차 %q: want 지우's line pointing at 7장 and the schedule's topic", b.Text)
	}
	if !strings.Contains(b.Text, "이어진다”라고 적었습니다") {
		t.Errorf("다음 주차 %q: a quote ending in a vowel takes 라고", b.Text)
	}

	// No sentence names next week's topic: the schedule, claiming no
	// link and no absence of one (a reader may see a link the words do
	// not show).
	row = &workspace.ScheduleRow{Week: 7, Chapters: "9장", Topic: "에이전트", Presenter: "민호", Source: "README.md", Line: 12}
	next = section(t, generateGroup(t, groupInput(row)).Group, insight.KeyNext)
	if len(next.Bullets) != 1 || !strings.Contains(next.Bullets[0].Text, "9장 에이전트") || !strings.Contains(next.Bullets[0].Text, "발표: 민호") ||
		strings.Contains(next.Bullets[0].Text, "찾지 못했습니다") || strings.Contains(next.Bullets[0].Text, "이어집니다") {
		t.Errorf("다음 주차 without a link: %q; want the schedule row alone", texts(next))
	}
}

func TestQuoteSaidParticle(t *testing.T) {
	for in, want := range map[string]string{
		"2장에서 더 살펴볼 예정":         "“2장에서 더 살펴볼 예정”이라고",
		"성능이 좋아진다.":             "“성능이 좋아진다”라고",
		"RAG (6장에서 다룸)":         "“RAG (6장에서 다룸)”라고",
		"결과를 바꾸는 건 temperature": "“결과를 바꾸는 건 temperature”라고",
	} {
		if got := quoteSaid(in); got != want {
			t.Errorf("quoteSaid(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoHeadlineFromTheStudysSubject(t *testing.T) {
	// Every other week of this study writes "검색 시스템": it names the
	// study, not a sentence of week 6.
	bg := text.NewBackground(map[int][]string{
		4: {"검색 시스템의 구조를 본다."},
		5: {"검색 시스템은 색인과 질의로 나뉜다."},
		7: {"검색 시스템의 평가 지표를 고른다."},
		6: {groupNotes["서연"]},
	})
	in := groupInput(nil, analyze.InStudy(6, bg))
	s := analyze.Sentence{Evidence: analyze.Evidence{Text: "검색 시스템은 질의를 벡터로 바꾸고 가까운 문서를 찾는다."}, Body: "검색 시스템은 질의를 벡터로 바꾸고 가까운 문서를 찾는다.", Subject: "검색 시스템"}
	if h := Headline(s); h != "검색 시스템" {
		t.Fatalf("Headline = %q; the fixture expects the subject as a headline", h)
	}
	if b := Bullet(s, in.Analysis.Members[0], in.Analysis, insight.KeyInsights); b.Head != "" {
		t.Errorf("bullet headed %q: a term every other week uses heads no bullet", b.Head)
	}
	if !in.Analysis.Widespread("검색 시스템") || in.Analysis.Widespread("벡터 색인") {
		t.Errorf("Widespread: 검색 시스템 %v (want true), 벡터 색인 %v (want false)", in.Analysis.Widespread("검색 시스템"), in.Analysis.Widespread("벡터 색인"))
	}
}

func TestNoHeadlineFromAnotherSpellingOfTheStudysSubject(t *testing.T) {
	// The study writes "타입스크립트" most weeks; one member spells it
	// "TypeScript" this week: the same subject, no headline either.
	bg := text.NewBackground(map[int][]string{
		3: {"제네릭으로 함수의 인자를 묶는다."},
		4: {"타입스크립트의 타입 시스템을 본다."},
		5: {"타입스크립트는 구조적 타이핑을 쓴다."},
		7: {"타입스크립트 컴파일러의 단계를 본다."},
	})
	in := &engine.Input{Week: 6, Template: basic}
	for _, n := range [][2]string{
		{"서연", "# 6장\n\n타입스크립트는 유니온의 공통 속성만 허용한다.\n\n타입스크립트 컴파일러는 식별 속성으로 타입을 좁힌다.\n"},
		{"민호", "# 6장\n\nTypeScript는 유니온 가운데 한 타입만 만족해도 통과시킨다.\n\n타입스크립트에서 식별 속성은 리터럴 타입이어야 한다.\n"},
	} {
		in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: n[0]}, Doc: note.Parse("w6/"+n[0]+".md", n[1])})
	}
	in.Analysis = analyze.Analyze(in.Notes(), analyze.InStudy(6, bg))
	if !in.Analysis.Widespread("TypeScript") {
		t.Fatalf("Widespread(TypeScript) = false; the study writes 타입스크립트 every other week")
	}
	m := in.Analysis.Members[1]
	for _, s := range m.Sentences {
		if b := Bullet(s, m, in.Analysis, insight.KeyInsights); strings.Contains(b.Text, "한 타입만") && b.Head != "" {
			t.Errorf("bullet headed %q: another spelling of the study's subject heads no bullet", b.Head)
		}
	}
}

func TestHeadlineIsTheSentencesMainTopic(t *testing.T) {
	cases := map[string]string{
		"벡터 색인은 검색 속도를 크게 높인다.":               "벡터 색인",
		"벡터 색인처럼 미리 계산해 두는 구조는 쓰기 비용이 든다.":    "",
		"벡터 색인은 빠르기 때문에, 재순위화는 상위 후보에만 적용한다.": "",
		// A group of actors is no concept.
		"캐시 서버들이 요청을 나눠 받으면서 장애가 한 곳에 몰리지 않는다.": "",
		// The first clause's subject is one half of a contrast.
		"정밀도가 틀린 답의 비율을 본다면, 재현율은 놓친 답의 비율을 본다.": "",
		// The subject sits in an embedded question that is the topic.
		"샤딩 전략이 얼마나 중요한지는 데이터 분포에 달려 있다.": "",
		// A relative clause keeps its subject the sentence's point.
		"리더 선출이 필요한 이유는 노드 둘이 동시에 쓰면 충돌하기 때문이다.": "리더 선출",
		// Advice to think about something is about that, not the topic
		// it opens with; advice on the subject itself keeps it.
		"배포 계획은 출시에서 끝나지 않고 롤백 절차까지 생각해야 한다.": "",
		"전역 캐시는 되도록 쓰지 않는 것이 좋다.":             "전역 캐시",
		// A share of a group picks members out of a kind; it names no
		// concept. The kind alone still heads its own sentence.
		"일부 도구는 설정 파일의 변경을 자동으로 되돌린다.":  "",
		"대부분의 큐는 메시지 순서를 파티션 안에서만 지킨다.": "",
		"설정 도구는 변경 이력을 자동으로 남긴다.":       "설정 도구",
		// A letter an example names a thing by is no concept; a letter
		// that is part of a concept's name is.
		"A 클래스는 B 클래스의 메서드를 직접 호출한다.": "",
		"C 언어는 메모리를 직접 관리한다.":         "C 언어",
	}
	var src strings.Builder
	src.WriteString("# 메모\n\n")
	for body := range cases {
		src.WriteString(body + "\n\n")
	}
	w := analyze.Analyze([]analyze.Note{{Member: "서연", Doc: note.Parse("w6/서연.md", src.String())}})
	for body, want := range cases {
		var s *analyze.Sentence
		for i := range w.Members[0].Sentences {
			if w.Members[0].Sentences[i].Body == body {
				s = &w.Members[0].Sentences[i]
			}
		}
		if s == nil {
			t.Fatalf("no sentence %q in the analysis", body)
		}
		if got := Headline(*s); got != want {
			t.Errorf("Headline(%q) = %q, want %q", body, got, want)
		}
	}
}

func TestEmphasisHeadlineIsNotAnExample(t *testing.T) {
	src := "# 메모\n\n**부하 테스트**처럼 실제 트래픽을 흉내 내야 하는 작업에도 쓸 수 있다.\n\n**서킷 브레이커**는 실패가 이어지면 호출을 잠시 끊는다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "서연", Doc: note.Parse("w6/서연.md", src)}})
	got := map[string]string{}
	for _, s := range w.Members[0].Sentences {
		got[strings.Fields(s.Body)[0]] = Headline(s)
	}
	if h := got["부하"]; h != "" {
		t.Errorf("an example in bold heads its sentence: %q", h)
	}
	if h := got["서킷"]; h != "서킷 브레이커" {
		t.Errorf("the bold topic of a sentence: headline %q, want 서킷 브레이커", h)
	}
}

func TestFrameHeadIsNotTheListsSet(t *testing.T) {
	stmt := analyze.Sentence{Body: "값이 바뀌면 캐시를 비운다."}
	for frame, want := range map[string]bool{
		"배포 과정":     false, // one step of it is not the process
		"장점":        false,
		"샤딩의 구성 요소": false,
		"캐시 무효화":    true,
		"리더 선출의 지연": true,
		"장애의 원인":    true, // one item can be the whole cause
	} {
		if got := FrameHead(frame, stmt); got != want {
			t.Errorf("FrameHead(%q) = %v, want %v", frame, got, want)
		}
	}
	// A question under a label asks what the label does not name.
	q := analyze.Sentence{Body: "둘을 섞어 쓰면 안 될까?", Voice: analyze.Voice{Question: true}}
	if FrameHead("캐시 무효화", q) {
		t.Error("a question takes its list's label as headline")
	}
	// Through a note: the label of a numbered list of steps heads none of
	// its steps.
	src := "# 메모\n\n**배포 과정**\n\n1. 스테이징 환경에 먼저 올려 통합 테스트를 돌린다.\n2. 카나리 서버에 일부 트래픽만 보내 오류율을 지켜본다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "서연", Doc: note.Parse("w6/서연.md", src)}})
	framed := 0
	for _, s := range w.Members[0].Sentences {
		if s.Frame == "" {
			continue
		}
		framed++
		if b := Bullet(s, w.Members[0], w, insight.KeyInsights); b.Head != "" {
			t.Errorf("step %q headed by its list's label %q", s.Body, b.Head)
		}
	}
	if framed == 0 {
		t.Fatal("the fixture's steps carry no frame: the test checks nothing")
	}
}

func TestNextWeekNeedsAConceptAtBothEnds(t *testing.T) {
	row := &workspace.ScheduleRow{Week: 7, Chapters: "7장", Topic: "에이전트/도구 사용", Source: "README.md", Line: 12}
	in := commonInput([][2]string{
		// The book's own pointer names no concept of this week.
		{"서연", "# 6장\n\n자세한 내용은 7장에서 더 살펴볼 예정이다.\n"},
		// A line on this week's concept that names next week's topic.
		{"민호", "# 6장\n\n질의 재작성 단계는 에이전트 루프 안에서 여러 번 반복될 수 있다.\n"},
	})
	in.Next = row
	next := section(t, generateGroup(t, in).Group, insight.KeyNext)
	all := texts(next)
	if strings.Contains(all, "살펴볼 예정") {
		t.Errorf("다음 주차 quotes the book's own cross-reference, which names no concept:\n%s", all)
	}
	if len(next.Bullets) != 1 {
		t.Fatalf("다음 주차: %d bullets, want the one link from 민호's line:\n%s", len(next.Bullets), all)
	}
	b := next.Bullets[0]
	if b.Head != "질의 재작성 단계" && b.Head != "에이전트 루프" || !strings.Contains(b.Text, "에이전트로 이어집니다") || b.Sources[0].Member != "민호" {
		t.Errorf("다음 주차 %+v: want this week's concept as the headline and next week's topic 에이전트 named", b)
	}
}

func TestChoiceAngleIsPeopleChoosing(t *testing.T) {
	choice := angles[1]
	for s, want := range map[string]bool{
		"바인딩 대상은 실행 시점에 결정된다.":     false, // a value being determined
		"라우터는 규칙에 따라 다음 노드를 선택한다.": false, // a system selecting
		"색인 종류는 데이터 크기를 보고 고른다.":   true,
	} {
		if got := saysOf(s, choice.cues); got != want {
			t.Errorf("choice angle on %q = %v, want %v", s, got, want)
		}
	}
}

// A schedule topic the whole study writes about every week links no two
// weeks; in a short study every week sharing a word says nothing yet.
func TestNextWeekTopicThatIsTheStudysSubject(t *testing.T) {
	row := &workspace.ScheduleRow{Week: 7, Chapters: "7장", Topic: "양자화", Source: "README.md", Line: 12}
	weeks := map[int][]string{6: {groupNotes["지우"]}}
	for _, k := range []int{1, 2, 3, 4, 5} {
		weeks[k] = []string{"양자화로 모델을 줄이는 방법을 본다."}
	}
	long := section(t, generateGroup(t, groupInput(row, analyze.InStudy(6, text.NewBackground(weeks)))).Group, insight.KeyNext)
	if strings.Contains(texts(long), "벡터 색인은 다음 주") {
		t.Errorf("다음 주차 links to 양자화, which every other week of the study writes about:\n%s", texts(long))
	}
	short := map[int][]string{6: {groupNotes["지우"]}, 4: weeks[4], 5: weeks[5]}
	if got := section(t, generateGroup(t, groupInput(row, analyze.InStudy(6, text.NewBackground(short)))).Group, insight.KeyNext); !strings.Contains(texts(got), "벡터 색인은 다음 주") {
		t.Errorf("다음 주차 in a three-week study: %q; want 지우's line linked to 양자화", texts(got))
	}
}

// A concept most weeks of the study write about (하이브리드 검색 here) is no
// link between this week and the next, even when next week's notes make
// it their subject; a concept only these two weeks share is.
func TestNextWeekConceptMostWeeksShare(t *testing.T) {
	row := &workspace.ScheduleRow{Week: 7, Chapters: "7장", Topic: "평가", Source: "README.md", Line: 12}
	nextNote := note.Parse("w7/서연.md", "# 7장 평가\n\n하이브리드 검색은 평가용 질의마다 두 점수의 비율을 따로 맞춰야 한다.\n재순위화는 평가 지표를 올리는 가장 손쉬운 방법이다.\n")
	build := func(bg *text.Background) insight.Section {
		in := groupInput(row, analyze.InStudy(6, bg))
		in.NextDocs = []*note.Document{nextNote}
		in.NextAnalysis = analyze.Analyze([]analyze.Note{{Member: "서연", Doc: nextNote}})
		return section(t, generateGroup(t, in).Group, insight.KeyNext)
	}
	weeks := map[int][]string{6: {groupNotes["서연"], groupNotes["민호"], groupNotes["지우"]}, 7: {"하이브리드 검색은 평가용 질의마다 두 점수의 비율을 따로 맞춰야 한다. 재순위화는 평가 지표를 올린다."}}
	for _, k := range []int{2, 3, 4} {
		weeks[k] = []string{"하이브리드 검색의 구조를 본다."}
	}
	weeks[5] = []string{"색인을 나누는 기준을 본다."} // four of the five other weeks: most, not all
	next := build(text.NewBackground(weeks))
	if strings.Contains(texts(next), "**하이브리드 검색**") {
		t.Errorf("다음 주차 links through 하이브리드 검색, which most weeks write about:\n%s", texts(next))
	}
	if !strings.Contains(texts(next), "**재순위화**") {
		t.Errorf("다음 주차 %q: want the link through 재순위화, which only these weeks share", texts(next))
	}
}
