package offline

import (
	"slices"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
)

// The question a 공통 질문 closes with comes from what its lines set up:
// how to avoid a cost they say arises, which of two causes of one thing
// weighs more, where a concept serves and where it is judged unfit.

func TestCommonAsksHowToAvoidACostAllStressed(t *testing.T) {
	// A cost that two members wrote arises is a point the group can take
	// up: how to keep it down.
	line := "벡터 색인은 데이터가 바뀔 때마다 다시 만들어야 해서 운영 부담이 생긴다."
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n" + line + "\n"},
		{"민호", "# 6장\n\n" + line + "\n"},
		{"지우", "# 6장\n\n벡터 색인은 메모리를 많이 차지하므로 양자화와 함께 쓰인다.\n"},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) == 0 || !strings.Contains(common.Bullets[0].Text, "줄이거나 피할") {
		t.Errorf("공통 질문 does not ask how to keep down the cost two members stressed:\n%s (notice %q)", texts(common), common.Notice)
	}
}

func TestSplitKindNeedsTheSameEffectAndTheConceptJudged(t *testing.T) {
	c := analyze.Concept{Term: "캐시", Keys: []string{analyze.Key("캐시")}}
	s := func(body string, assesses bool) analyze.Sentence {
		return analyze.Sentence{Body: body, Assesses: assesses}
	}
	cases := []struct {
		name         string
		quoted, side analyze.Sentence
		want         string
	}{
		{
			// Two causes of one thing: which weighs more is a question.
			"two causes of one effect",
			s("캐시 오염이 생기는 이유는 만료 시간을 길게 잡기 때문이다", false),
			s("캐시 오염이 생기는 이유는 무효화를 빠뜨리기 때문이다", false),
			"reason",
		},
		{
			// Each line explains something else: no two causes to weigh.
			"causes of different things",
			s("캐시는 키마다 만료 시간을 따로 두기 때문에 메모리를 더 쓴다", false),
			s("캐시는 원본 저장소를 거치지 않기 때문에 응답이 빠르다", false),
			"",
		},
		{
			// A use beside a limit of the concept itself.
			"a use beside a limit of the concept",
			s("캐시는 읽기 요청을 줄이는 데 쓸 수 있다", false),
			s("캐시는 자주 바뀌는 데이터에는 적절하지 않다", true),
			"polar",
		},
		{
			// The denial is of another subject: no limit of the concept.
			"a denial of another subject",
			s("캐시는 읽기 요청을 줄이는 데 쓸 수 있다", false),
			s("모든 저장소가 캐시에 맞는 것은 아니다", true),
			"",
		},
	}
	for _, tc := range cases {
		if got := splitKind(c, tc.quoted, tc.side); got != tc.want {
			t.Errorf("%s: splitKind = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := splitAsk(c, s("캐시는 키마다 만료 시간을 따로 둔다", false), s("캐시는 원본 저장소를 거치지 않는다", false)); got != "" {
		t.Errorf("splitAsk on two lines that set up no question = %q, want none (no stock question)", got)
	}
}

func TestPointHeadNamesWhatTheLineIsAbout(t *testing.T) {
	src := "# 3장\n\n### 구조적 타이핑\n\n객체의 실제 구조만 일치하면 이름이 달라도 같은 타입으로 본다.\n\n### 설정\n\n설정 팩토리는 저장소 객체를 만들고 연결해 주는 역할만 맡는다.\n\n### 유니온 타입\n\n유니온 타입은 여러 타입 가운데 하나를 뜻한다.\n\n유니온 타입의 값은 공통 속성으로만 다룬다.\n\n### 교차 타입\n\n교차 타입은 여러 타입을 모두 만족하는 타입이다.\n\n교차 타입은 객체 타입을 합칠 때 쓴다.\n"
	in := commonInput([][2]string{{"하늘", src}})
	m := in.Analysis.Members[0]
	find := func(sub string) analyze.Sentence {
		for _, s := range m.Sentences {
			if strings.Contains(s.Body, sub) {
				return s
			}
		}
		t.Fatalf("no sentence %q", sub)
		return analyze.Sentence{}
	}
	// The line names its topic: the headline is that topic, not the
	// concept the bullet was built on.
	if got := pointHead(find("역할만 맡는다"), m, "저장소 객체"); got != "설정 팩토리" {
		t.Errorf("pointHead = %q, want the line's topic 설정 팩토리", got)
	}
	// The line names no topic: the heading above says which point it
	// makes.
	if got := pointHead(find("같은 타입으로 본다"), m, "타입스크립트"); got != "구조적 타이핑" {
		t.Errorf("pointHead = %q, want the heading above, 구조적 타이핑", got)
	}
}

func TestCommonQuotesTheLimitItsWriterWroteBelow(t *testing.T) {
	// All three stressed a convenience of SQL 맵; one wrote its limit on
	// the next line. The two lines set the question up, not the stock one.
	line := "SQL 맵은 새로운 쿼리가 필요할 때 설정에 항목만 추가하면 되기 때문에 작업량이 줄어든다."
	in := commonInput([][2]string{
		{"서연", "# 7장\n\n- " + line + "\n- 키 이름에 오타가 있어도 실행하기 전까지는 오류를 확인하기 힘들다.\n"},
		{"민호", "# 7장\n\n" + line + "\n"},
		{"지우", "# 7장\n\n" + line + "\n"},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) == 0 {
		t.Fatalf("공통 질문 is empty (notice %q)", common.Notice)
	}
	b := common.Bullets[0]
	if !strings.Contains(b.Text, "서연은 이어서 “키 이름에 오타가") || !strings.Contains(b.Text, "이 한계를 어떻게 다룰") || strings.Contains(b.Text, stockAsk) {
		t.Errorf("공통 질문 = %q, want the limit 서연 wrote below quoted and asked about", b.Text)
	}
	if len(b.Sources) < 2 {
		t.Errorf("sources = %v, want the limit's line among them", b.Sources)
	}

	// Another of those who wrote the point may be the one who goes on to
	// its limit.
	in = commonInput([][2]string{
		{"서연", "# 7장\n\n" + line + "\n"},
		{"민호", "# 7장\n\n- " + line + "\n- 키 이름에 오타가 있어도 실행하기 전까지는 오류를 확인하기 힘들다.\n"},
		{"지우", "# 7장\n\n" + line + "\n"},
	})
	common = section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) == 0 || !strings.Contains(common.Bullets[0].Text, "민호는 이어서 “키 이름에 오타가") {
		t.Errorf("공통 질문 = %q (notice %q), want the limit 민호 wrote below the point quoted", texts(common), common.Notice)
	}

	// Without the limit line the point keeps the question it had.
	in = commonInput([][2]string{{"서연", "# 7장\n\n" + line + "\n"}, {"민호", "# 7장\n\n" + line + "\n"}, {"지우", "# 7장\n\n" + line + "\n"}})
	common = section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) == 0 || strings.Contains(common.Bullets[0].Text, "이어서") {
		t.Errorf("공통 질문 without a limit line = %q (notice %q)", texts(common), common.Notice)
	}
}

func TestCommonTakesUpAnAnsweredQuestionOfTheMembersOwn(t *testing.T) {
	// 서연 asks, in her own words, how two things differ and answers it
	// below; the others wrote on one of them. The group can weigh her
	// answer. A question worded as the book prints it, answered below,
	// is the book's: no bullet.
	others := "# 3장\n\n- 만료 시간은 값이 저장된 뒤 정해진 시간이 지나면 자동으로 값이 삭제되게 한다.\n- 만료 시간을 짧게 잡으면 명시적 삭제를 덜 써도 된다.\n"
	own := "# 3장\n\n- 캐시 값은 만료 시간이 지나면 지워지는데... 그럼 만료 시간과 명시적 삭제는 뭐가 다른가?\n  - 어차피 둘 다 값을 지우지만 명시적 삭제가 만료 시간보다 더 즉각적.\n"
	in := commonInput([][2]string{{"서연", own}, {"민호", others}, {"지우", others}})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	found := false
	for _, b := range common.Bullets {
		if strings.Contains(b.Text, "서연") && strings.Contains(b.Text, "뭐가 다른가") && strings.Contains(b.Text, "질문 바로 아래에") {
			found = true
		}
	}
	if !found {
		t.Errorf("공통 질문 = %q (notice %q), want 서연's own answered question with her answer", texts(common), common.Notice)
	}

	book := "# 3장\n\n- 캐시 값은 만료 시간이 지나면 지워진다. 만료 시간과 명시적 삭제는 무엇이 다른가?\n  - 둘 다 값을 지우지만 명시적 삭제가 만료 시간보다 더 즉각적이다.\n"
	in = commonInput([][2]string{{"서연", book}, {"민호", others}, {"지우", others}})
	common = section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if strings.Contains(texts(common), "무엇이 다른가") {
		t.Errorf("공통 질문 = %q, want no bullet on a question worded as the book prints it", texts(common))
	}
}

func TestAnsweredQuestionNoOneElseSpeaksToIsADebate(t *testing.T) {
	// 서연 asks in her own words and answers below; the others wrote on
	// the concept, but nothing of what she asks. One member's exchange
	// with the book is no 공통 질문: 심화 토론 asks whether her answer holds.
	others := "# 3장\n\n- 만료 시간은 설정 파일에 둔다.\n- 만료 시간은 초 단위로 적는다.\n"
	own := "# 3장\n\n- 캐시 값은 만료 시간이 지나면 지워지는데... 그럼 만료 시간을 길게 잡을수록 적중률이 오르나??\n  - 트래픽이 몰리는 서비스에서는 만료 시간을 늘리자 적중률이 두 배가 되었다는 사례가 있다.\n"
	out := generateGroup(t, commonInput([][2]string{{"서연", own}, {"민호", others}, {"지우", others}})).Group
	if c := texts(section(t, out, insight.KeyCommon)); strings.Contains(c, "적중률이 오르나") {
		t.Errorf("공통 질문 = %q, want no bullet on 서연's question alone", c)
	}
	d := section(t, out, insight.KeyDebate)
	found := false
	for _, b := range d.Bullets {
		if strings.Contains(b.Text, "서연") && strings.Contains(b.Text, "적중률이 오르나") && strings.Contains(b.Text, "질문 바로 아래에") {
			found = true
		}
	}
	if !found {
		t.Errorf("심화 토론 = %q (notice %q), want 서연's question with the answer below it", texts(d), d.Notice)
	}

	// A template that lists 심화 토론 before 공통 질문 gets the same
	// sections, in its own order.
	in := commonInput([][2]string{{"서연", own}, {"민호", others}, {"지우", others}})
	tmpl := *in.Template
	tmpl.GroupSections = slices.Clone(tmpl.GroupSections)
	slices.Reverse(tmpl.GroupSections)
	in.Template = &tmpl
	rev := generateGroup(t, in).Group
	if len(rev) == 0 || rev[0].Key != tmpl.GroupSections[0].Key {
		t.Fatalf("group sections in order %v, want the template's", keys(rev))
	}
	if got, want := texts(section(t, rev, insight.KeyDebate)), texts(d); got != want {
		t.Errorf("심화 토론 listed first = %q, want %q as in the usual order", got, want)
	}
}

func keys(secs []insight.Section) []string {
	var out []string
	for _, s := range secs {
		out = append(out, s.Key)
	}
	return out
}

func TestStressedPointIsHeadedByTheHeadingItsWritersShare(t *testing.T) {
	// All three copied the book's line on a library from its section
	// ("### 2. LevelDB"); the line names only what it compares it with.
	// The heading they share is what the point is about.
	line := "RocksDB에 비해 컴팩션 설정이 적고 난이도가 낮다."
	note := func(own string) string {
		return "# 10장 저장소 라이브러리\n\n## 저장 엔진\n\n- 저장 엔진은 데이터를 디스크에 두는 방식을 정한다.\n- 로그 구조 병합 트리는 쓰기를 모아 내려 쓴다.\n- 페이지 캐시는 읽기를 줄인다.\n- 블룸 필터는 없는 키를 빨리 걸러 낸다.\n\n" +
			"### 1. RocksDB\n\n- " + own + "\n\n### 2. LevelDB\n\n- " + line + "\n"
	}
	in := commonInput([][2]string{
		{"서연", note("컴팩션 설정이 많아 쓰기 지연을 세밀하게 줄일 수 있다.")},
		{"민호", note("튜닝할 컴팩션 설정이 수십 가지다.")},
		{"지우", note("컴팩션 설정을 잘못 잡으면 디스크가 빨리 찬다.")},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) == 0 {
		t.Fatalf("공통 질문 is empty (notice %q)", common.Notice)
	}
	if b := common.Bullets[0]; b.Head != "LevelDB" || !strings.Contains(b.Text, "LevelDB에 대해") {
		t.Errorf("공통 질문 = %q (head %q), want it headed by the shared heading LevelDB", b.Text, b.Head)
	}
}

// A point several members stressed whose line names its own subject
// ("설정 팩토리는 …", found under the concept 저장소 객체) is said to be
// about that subject; a line whose subject is the concept, or that names
// none, is about the concept.
func TestStressedPointIsAboutItsLinesSubject(t *testing.T) {
	src := "# 3장\n\n설정 팩토리는 저장소 객체를 만들고 연결해 주는 역할만 맡는다.\n\n저장소 객체는 연결 정보를 직접 알지 못한다.\n\n연결 정보를 직접 알지 못하게 만든다.\n"
	m := commonInput([][2]string{{"하늘", src}}).Analysis.Members[0]
	find := func(sub string) analyze.Sentence {
		for _, s := range m.Sentences {
			if strings.Contains(s.Body, sub) {
				return s
			}
		}
		t.Fatalf("no sentence %q", sub)
		return analyze.Sentence{}
	}
	c := analyze.Concept{Term: "저장소 객체", Keys: []string{analyze.Key("저장소 객체")}}
	for sub, want := range map[string]string{"역할만 맡는다": "설정 팩토리", "직접 알지 못한다": "저장소 객체", "알지 못하게 만든다": "저장소 객체"} {
		if got := pointAbout(find(sub), c); got != want {
			t.Errorf("pointAbout(%q) = %q, want %q", sub, got, want)
		}
	}
}

// A week only two members wrote notes for: a point both stressed is what
// the group stressed, and 공통 질문 takes it up naming both; a concept
// only one of them wrote is not "stressed".
func TestStressedPointOfATwoMemberWeek(t *testing.T) {
	line := "벡터 색인은 데이터가 바뀔 때마다 다시 만들어야 해서 운영 부담이 생긴다."
	in := commonInput([][2]string{
		{"서연", "# 6장\n\n" + line + "\n"},
		{"민호", "# 6장\n\n" + line + "\n\n양자화 색인은 메모리를 적게 쓰는 대신 정확도가 조금 떨어진다.\n"},
	})
	common := section(t, generateGroup(t, in).Group, insight.KeyCommon)
	if len(common.Bullets) != 1 || !strings.Contains(common.Bullets[0].Text, "서연·민호") || !strings.Contains(common.Bullets[0].Text, "운영 부담") {
		t.Errorf("공통 질문 of a two-member week = %q (notice %q), want the point both stressed", texts(common), common.Notice)
	}
	if strings.Contains(texts(common), "양자화") {
		t.Errorf("공통 질문 = %q: only 민호 wrote of 양자화 색인", texts(common))
	}
}

// Of the points most members stressed, one that passes a judgement the
// group can test ("ThreadLocal은 스레드 풀 환경에서는 적절한 선택이 아닐 수 있다") is taken up before
// one that says what a thing does, which readers called a template
// question on a definition ("이 말이 들어맞지 않는 경우는 없을까요?").
// A week whose stressed points only describe still gets one.
func TestStressedPointPrefersAJudgement(t *testing.T) {
	pool := "HikariCP는 요청이 몰릴 때 커넥션을 새로 만들지 않고 재사용한다."
	store := "ThreadLocal은 스레드 풀 환경에서는 적절한 선택이 아닐 수 있다."
	note := func(lines ...string) string { return "# 5장\n\n" + strings.Join(lines, "\n") + "\n" }
	in := commonInput([][2]string{
		{"서연", note(pool, store)},
		{"민호", note(pool, store)},
		{"지우", note(pool, "ThreadLocal은 스레드마다 값을 따로 저장한다.")},
	})
	common := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	if !strings.Contains(common, "적절한 선택이 아닐 수 있다") || strings.Contains(common, "새로 만들지 않고 재사용한다") {
		t.Errorf("공통 질문 = %q, want the judged point and not the description", common)
	}
	in = commonInput([][2]string{{"서연", note(pool)}, {"민호", note(pool)}, {"지우", note(pool)}})
	if common := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon)); !strings.Contains(common, "새로 만들지 않고 재사용한다") {
		t.Errorf("공통 질문 = %q, want the one point all stressed", common)
	}
}

// With no point that passes a judgement, a point that claims something
// the group can test (what a thing makes possible, advice) is taken up
// before one that only says what a thing does, which members copy alike
// from the book and readers called a template question on a description.
func TestStressedPointPrefersAClaimToADescription(t *testing.T) {
	does := "DataLoader는 같은 틱에 들어온 요청을 모아 한 번에 조회한다."
	claim := "DataLoader는 N+1 조회 문제를 쉽게 줄일 수 있다."
	note := func(lines ...string) string { return "# 7장\n\n" + strings.Join(lines, "\n") + "\n" }
	in := commonInput([][2]string{
		{"서연", note(does, claim)},
		{"민호", note(does, claim)},
		{"지우", note(does, "DataLoader는 요청마다 새로 만든다.")},
	})
	common := texts(section(t, generateGroup(t, in).Group, insight.KeyCommon))
	if !strings.Contains(common, "쉽게 줄일 수 있다") || strings.Contains(common, "한 번에 조회한다") {
		t.Errorf("공통 질문 = %q, want the claim two members stressed, not the description", common)
	}
}

// A line that names a concept only as what something is likened to
// ("…사실은 XML과 같은 설정정보로 볼 수 있다") is not about it: no 공통
// 질문 credits it to the concept.
func TestLikenedTermIsNotWhatTheLineIsAbout(t *testing.T) {
	c := analyze.Concept{Term: "XML", Keys: []string{analyze.Key("XML")}}
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"자바 코드로 쓰지만, 사실은 XML과 같은 설정정보로 볼 수 있다.", true},
		{"애노테이션 설정은 XML처럼 외부에서 바꿀 수 없다.", true},
		{"XML은 설정을 코드와 떼어 놓는다.", false},
		{"XML과 같은 설정 파일도 있지만, XML 파일은 컴파일할 때 검사되지 않는다.", false},
	} {
		if got := likened(tc.body, c); got != tc.want {
			t.Errorf("likened(%q) = %v, want %v", tc.body, got, tc.want)
		}
	}
}
