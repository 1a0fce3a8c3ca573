package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// The writer's own voice in the spoken style of notes: wondering ("…일까
// 싶다"), not knowing whether ("맞는진 모르겠는데", "속하는 건진 모르겠네요"), a conjecture ("…겠지"),
// a question quoted as a guess ("…아닐까..? 라는 추측"). A hedge ("필요할지
// 모르겠지만", "may") is no doubt, and a wish stays a wish.
func TestSpokenOwnVoice(t *testing.T) {
	for _, c := range []struct {
		s                                    string
		doubt, hedge, wish, quote, recommend bool
	}{
		{s: "하나의 모듈만 쓰는 것이 과연 정답일까 싶다.", doubt: true},
		{s: "이게 맞는진 모르겠는데 내가 읽은 바로는 그렇다.", doubt: true},
		{s: "이 방식이 옳은지 모르겠다.", doubt: true},
		{s: "키 값을 유니온으로 추출 (여기에 속하는건진 모르겠네요 비슷해 보여서 적어 둠.)", doubt: true}, // 거 + 이 + ㄴ지: the dictionary's one word
		{s: "이 규칙을 테스트에도 적용하는 건지 모르겠다.", doubt: true},
		{s: "다음 프로젝트에서는 역할부터 정하고 설계하면 좋을 것 같다는 생각을 했다.", hedge: true, recommend: true}, // the thought holds a proposal
		{s: "테스트를 먼저 작성하면 좋겠다는 생각이 들었다.", hedge: true, recommend: true},
		{s: "책임에 집중하고 트레이드오프를 이해하면 도움이 될 것 같다.", hedge: true, recommend: true},
		{s: "이 값을 알면 도움이 된다."},                                       // the book's statement of what helps
		{s: "근데 이거 적용하려면 연습이 많이 필요할 것 같다", doubt: true, hedge: true}, // the writer's need to practice: a study target
		{s: "이 패턴은 연습이 필요하다."},
		{s: "하지만 익숙하게 사용할 수 있도록 학습해두자", doubt: true}, // the writer's resolution to study: a study target
		{s: "저도 좋은 코드를 쓰려면 열심히 공부해야겠다.", doubt: true},
		{s: "이 부분은 따로 익혀 두자.", doubt: true},
		{s: "목 프레임워크 사용법을 공부해 둬야겠다.", doubt: true},
		{s: "정규식은 나중에 익혀야겠다.", doubt: true},
		{s: "아직 익숙하지 않아서 사용법을 따로 학습해두자.", doubt: true},
		{s: "우리 서비스의 주문 API는 그대로 두고, 재고 차감은 FOR UPDATE로 잠그는 게 안전하지 않을까?", hedge: true, recommend: true}, // a proposal for the writer's project
		{s: "역할을 생략하고 직접 객체를 이용해 협력을 설계하는 것이 더 좋지 않을까?", hedge: true},                                   // the book asks before it answers
		{s: "이 모델을 더 학습해야겠다."},                                                                          // training a model, not the writer studying
		{s: "개발자는 새로운 기술을 공부해야 한다."},                                                                    // a requirement anyone has
		{s: "사람들은 이 기술을 따로 공부해야겠다고 말한다."},                                                               // what others resolve
		{s: "목 객체를 만드는 수고가 더 필요할지 모르겠지만 보상은 크다."},
		{s: "다른 타입을 넣는다면 더 쉽게 추론이 가능해지겠지", hedge: true},
		{s: "캐시를 두는 까닭은 비교를 피하기 위함이 아닐까..? 라는 추측.", hedge: true, quote: true},
		{s: "캐시를 앞에 두면 응답이 더 빨라질까? 하는 생각.", hedge: true, quote: true},
		{s: "다음 프로젝트에 꼭 도입해 보고 싶다.", hedge: true, wish: true},
		{s: "규칙을 어기는 코드는 이런 모양이다 (실무에서는 지양하는 것을 고려해봐야 할 것 같다.)", hedge: true, recommend: true}, // a closing bracket ends no predicate
	} {
		v := readVoice(c.s, text.Read(c.s).Morphs)
		if v.Doubt != c.doubt || v.Hedge != c.hedge || v.Wish != c.wish || v.Recommend != c.recommend {
			t.Errorf("readVoice(%q): doubt %v hedge %v wish %v recommend %v, want %v %v %v %v", c.s, v.Doubt, v.Hedge, v.Wish, v.Recommend, c.doubt, c.hedge, c.wish, c.recommend)
		}
		if got := quotedGuess(c.s); got != c.quote {
			t.Errorf("quotedGuess(%q) = %v, want %v", c.s, got, c.quote)
		}
	}
}

// asideNote sets the writer's own lines in brackets under the book's, and
// quotes a guess.
const asideNote = `# 3장 타입 넓히기

- 합성 타입은 type 키워드로 선언한다.
  - (왜냐면 인터페이스에서는 합성 연산자를 허용하지 않기 때문. 유니온 연산자도 마찬가지임.)
  - (값의 범위를 정하는 일은 type 키워드로 하는 것이 옳고 계산된 값도 같은 맥락이라고 생각됨.)
- 위와 같이 쓰면 합성 타입은 여러 곳에서 재사용된다.
- 캐시 객체를 두는 까닭은 불필요한 비교를 피하기 위함이 아닐까..? 라는 추측.
- 모델 (대형 언어 모델) 은 입력을 토큰으로 나눈다.
`

// A line the writer set whole in brackets is read without them: its
// sentences are sentences, not halves of an unbalanced bracket (a reason
// among them leans on the item it explains); a bracket inside a line
// stays. A sentence that opens by pointing above ("위와
// 같이 …") leans on it; a quoted guess is a whole sentence.
func TestBracketedLinesAndPointers(t *testing.T) {
	w := Analyze([]Note{{Member: "다온", Doc: parse("w3/다온.md", asideNote)}})
	m := w.Members[0]
	for _, c := range []struct {
		sub, body, problem string
	}{
		{"왜냐면", "왜냐면 인터페이스에서는 합성 연산자를 허용하지 않기 때문.", ""},
		{"값의 범위를", "값의 범위를 정하는 일은 type 키워드로 하는 것이 옳고 계산된 값도 같은 맥락이라고 생각됨.", ""},
		{"위와 같이", "", ProblemDangling},
		{"아닐까", "", ""},
		{"대형 언어 모델", "모델 (대형 언어 모델) 은 입력을 토큰으로 나눈다.", ""},
	} {
		s := find(t, m, c.sub)
		if c.body != "" && s.Body != c.body {
			t.Errorf("%q: body %q, want %q", c.sub, s.Body, c.body)
		}
		if s.Problem != c.problem {
			t.Errorf("%q: problem %q, want %q", c.sub, s.Problem, c.problem)
		}
	}
	if s := find(t, m, "왜냐면"); s.Context == nil || s.Context.Body != "합성 타입은 type 키워드로 선언한다." {
		t.Errorf("%q: the reason does not lean on the item it explains (context %v)", s.Body, s.Context)
	}
	if s := find(t, m, "값의 범위를"); !s.Voice.Hedge {
		t.Errorf("%q: no hedge read", s.Body)
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"(왜냐면 인터페이스에서는 허용하지 않기 때문.)", true},
		{"(주석) 본문은 여기 있고 (다른 주석)", false},
		{"(생략)", false},
		{"본문 (주석)", false},
	} {
		if got := bracketed(c.line); got != c.want {
			t.Errorf("bracketed(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// Lines that cannot stand as a bullet: a "whether" with nothing after it,
// "the case of …" without what holds in it, a sentence that opens with a
// particle (it goes on from a code block), a count of the items that
// follow. Their look-alikes stand.
func TestFragmentsAndCounts(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"객체 안에 속성이 있는지 없는지!", ProblemFragment},
		{"instanceof 는 조금 더 복잡한 타입의 경우.", ProblemFragment},
		{"캐시가 가득 찬 경우 오래된 항목부터 지운다.", ""},
		{"에서, 수신자는 메시지를 받는 객체에 해당한다.", ProblemDangling},
		{"합성 타입은 4가지로 생각할 수 있다.", ProblemPromise},
		{"이 책에선 두 가지 방법을 제시한다", ProblemPromise},
		{"캐시는 두 가지 장점이 있어 널리 쓰인다.", ""},
		// An item that ends on a particle leaves its verb to the next
		// item; one that opens on 그렇게 or 그래야 goes on from the line
		// above.
		{"처음부터 설계를 탄탄히 하고 싶다면 관계형 저장소를", ProblemFragment},
		{"내가 써 봤던 예시는...", ProblemFragment},
		{"그렇게 해야만 부모 쪽 데이터와 동기화가 된다.", ProblemDangling},
		{"그래야 나중에 요구 사항이 바뀌어도 대처하기 쉽다.", ProblemDangling},
		{"때문에, 배포 중에도 설정을 바꿀 수 있다.", ProblemDangling},
		{"다시 말해 캐시는 읽기를 위해 쓰기를 늦춘다.", ProblemDangling},
		{"이보다는 프레임워크가 주는 설정을 쓰는 편이 낫다.", ProblemDangling},
		{"이토록 캐시는 읽기를 빠르게 하지만, 주의할 점이 많다.", ProblemDangling},
		{"이렇듯 설정은 한곳에 모아 두는 편이 낫다.", ProblemDangling},
		{"상태는 한곳에서 관리해야 동기화가 된다.", ""},
		// "…할듯", "…하는 듯.": a guess in note style, a whole sentence;
		// a noun phrase with its relative clause stays a fragment.
		{"함수형이 권장되므로 레거시 코드를 읽을 때에나 사용할듯..", ""},
		{"T라는 이름은 관습적으로 사용하는 듯.", ""},
		{"레거시 코드를 읽을 때 사용하는 방식.", ProblemFragment},
	} {
		if got := problem(c.s, text.Read(c.s).Morphs); got != c.want {
			t.Errorf("problem(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		s     string
		hedge bool
	}{
		{"합성 타입은 네 가지로 생각할 수 있다.", false}, // the book's "one can think of"
		{"합성 타입은 합집합으로 보는 게 맞다고 생각한다.", true},
	} {
		if got := readVoice(c.s, text.Read(c.s).Morphs).Hedge; got != c.hedge {
			t.Errorf("readVoice(%q).Hedge = %v, want %v", c.s, got, c.hedge)
		}
	}
}

// answeredNote asks the book's questions and answers them: across the code
// the question shows, and in the next paragraph in other compounds of the
// same word. The writer's own question at the end stays open.
const answeredNote = "# 4장 예외\n\n" +
	"- 저장소 구현을 다른 기술로 바꾼다면…?\n\n" +
	"```java\nvoid add(User u) throws StoreException;\n```\n\n" +
	"- 어떻게 해결할 수 있을까?\n\n" +
	"```java\nvoid add(User u) throws Exception;\n```\n\n" +
	"- 좋지 않다~\n" +
	"- 다행히 대부분의 저장 기술은 런타임 예외를 던진다.\n\n" +
	"## 책임 배치\n\n" +
	"할인 여부를 판단하는 코드를 어디에 두어야 할까?\n\n" +
	"상영 객체에 두면 상영 객체가 할인 조건을 판단하는 책임까지 떠안는다.\n\n" +
	"## 설정\n\n" +
	"- 환경 변수로 지정할 때는?\n\n" +
	"![설정 화면](img/env.png)\n\n" +
	"- 위와 같이 환경 변수 이름을 설정 파일에 적어 주면 된다.\n" +
	"- 우리 서비스는 설정 파일 없이도 잘 동작했다.\n" +
	"- 어째서 이 설정이 없어도 동작할까…?\n\n" +
	"![자동 설정](img/auto.png)\n\n" +
	"- 자동 설정 클래스가 값을 채워 준다고 한다.\n\n" +
	"## 남은 궁금증\n\n" +
	"재시도 횟수는 팀마다 어떻게 정할까?\n\n" +
	"## 포인트컷 테스트\n\n" +
	"- 클래스의 메소드마다 포인트컷 선정 여부를 검사하는 헬퍼 메소드\n" +
	"- 여기서는 target이라 안하고 왜 taget이라 하지\n\n" +
	"```java\npointcutMatches(expression, expected, Target.class, \"hello\");\n```\n\n" +
	"- 표현식 하나로 여러 메소드의 선정 결과를 한 번에 확인한다.\n"

func TestQuestionsTheNoteAnswers(t *testing.T) {
	w := Analyze([]Note{{Member: "다온", Doc: parse("w4/다온.md", answeredNote)}})
	m := w.Members[0]
	for _, c := range []struct {
		sub      string
		answered bool
	}{
		{"어떻게 해결할 수 있을까", true},
		{"어디에 두어야 할까", true},
		// A question that stops before its predicate leads to the next
		// line, with only an image between; one asked with its own
		// predicate stays open across the image.
		{"환경 변수로 지정할 때는", true},
		{"어째서 이 설정이 없어도", false},
		{"재시도 횟수는", false},
		// The writer wondering in the spoken "왜 …하지": the book's
		// next line is no answer to it.
		{"왜 taget이라 하지", false},
	} {
		if s := find(t, m, c.sub); s.Answered != c.answered {
			t.Errorf("%q: answered %v, want %v", s.Body, s.Answered, c.answered)
		}
	}
}

// A guess about how something will feel to the writer (needed, helpful,
// hard) is nothing to argue about; a claim about the thing is.
func TestFeelsOwnEffort(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"이 패턴을 적용하려면 연습이 많이 필요할 것 같다.", true},
		{"책임을 중심으로 설계하고 트레이드 오프를 이해하면 도움이 될 것 같다.", true},
		{"처음에는 타입 가드를 직접 쓰기가 어려울 것 같다.", true},
		{"책의 예제 중에는 이 도구가 가장 좋은 것 같다.", false},
		{"캐시를 앞에 두면 지연이 줄어들 것 같다.", false},
		{"이 패턴을 적용하려면 연습이 많이 필요하다.", false}, // no guess: a claim
	} {
		ms := text.Read(c.s).Morphs
		if got := feelsOwnEffort(readVoice(c.s, ms), ms); got != c.want {
			t.Errorf("FeelsOwnEffort(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// A statement that trails off into a question ("…라는 차이..?") is the
// writer doubting it; "…복잡하다면…?" asks what if, and a bare term with a
// question mark doubts no statement.
func TestTrailingDoubt(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"예외는 처리하고 어설션은 절대 거짓이 아니라고 가정한다는 차이..?", true},
		{"캐시는 읽기가 많을 때 유리함?", true},
		{"근데 설정이 꽤나 복잡하다면…?", false},
		{"어설션?", false},
	} {
		if got := statementQueried(text.Read(c.s).Morphs); got != c.want {
			t.Errorf("statementQueried(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// Setting one way of seeing a thing against another and saying how to see
// it is the writer's reframing; saying what a thing is closer to is the
// book's way too. A claim and its reason in one sentence stand alone; a
// bare reason leans on the line before.
func TestReframeAndItsReason(t *testing.T) {
	own := "교차 타입은 교집합이라기 보단 합집합으로 이해하는게 쉬운데, 두 타입을 묶으면 둘 다 만족하는 타입이 만들어지기 때문이다."
	book := "컨텍스트는 전역 상태 관리 도구라기보다는 값을 나누는 도구에 가깝다."
	if v := readVoice(own, text.Read(own).Morphs); !v.Reframe || v.Own() < 1 {
		t.Errorf("readVoice(%q): reframe %v, own %.1f; want the writer's reframing", own, v.Reframe, v.Own())
	}
	if v := readVoice(book, text.Read(book).Morphs); v.Reframe {
		t.Errorf("readVoice(%q): reframe, want none (what it is closer to)", book)
	}
	for _, c := range []struct{ s, want string }{
		{own, ""},
		{"모델의 크기가 커졌기 때문이다.", ProblemDangling},
	} {
		if got := problem(c.s, text.Read(c.s).Morphs); got != c.want {
			t.Errorf("problem(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

// A concession the writer let trail off ("…볼 수도 있겠지만…") goes on in
// the next item; the two are one remark, and an annoyance is the writer's
// reaction. A clause that ends its line with a period stands alone.
func TestTrailingConcessionJoinsItsTurn(t *testing.T) {
	src := "# 예외\n\n- 체크 예외는 복구할 가능성이 있는 예외다.\n" +
		"  - 자바는 이를 처리하는 선언을 강제함\n" +
		"  - 개발자의 실수를 막기 위한 배려라고 볼 수도 있겠지만…\n" +
		"  - 짜증 지대로다~\n" +
		"- 이 규칙은 지키라는 것 같은데.\n" +
		"- 언체크 예외는 선언하지 않아도 된다.\n"
	w := Analyze([]Note{{Member: "다온", Doc: parse("w4/다온.md", src)}})
	m := w.Members[0]
	turn := find(t, m, "짜증")
	if turn.Context == nil || !strings.Contains(turn.Context.Body, "볼 수도 있겠지만") {
		t.Fatalf("%q: context %v, want the concession above", turn.Body, turn.Context)
	}
	if sc := turn.Scores[insight.KeyPerspective]; sc < 1 {
		t.Errorf("%q: perspective %.2f, want the writer's reaction (>= 1)", turn.Body, sc)
	}
	if next := find(t, m, "언체크 예외는"); next.Context != nil {
		t.Errorf("%q: leans on %q, want none (the line above ends with a period)", next.Body, next.Context.Body)
	}
}

// "…와 다른 점이 있다" announces a difference without saying it; a
// sentence that says which one does not.
func TestAnnouncedLikeness(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"교차 타입도 두 타입을 합치지만 유니온 타입과 다른 점이 있다.", true},
		{"두 도구는 비슷한 점이 있다.", true},
		{"교차 타입은 두 타입의 속성을 모두 가진다는 점이 유니온 타입과 다르다.", false},
		{"캐시를 두면 지연을 줄이는 장점이 있다.", false},
	} {
		if got := announcesOnly(text.Read(c.s).Morphs); got != c.want {
			t.Errorf("announcesOnly(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// A book's signpost in the future tense ("…를 알아볼 것이다") is about the
// text, not a study target of the member's.
func TestFutureSignpostIsNoStudyTarget(t *testing.T) {
	src := "# 4장 예외\n\n- 스프링이 제공하는 예외 처리 전략의 접근 방법에 대해 알아볼 것이다.\n- 트랜잭션 전략은 팀마다 다를까?\n"
	w := Analyze([]Note{{Member: "다온", Doc: parse("w4/다온.md", src)}})
	m := w.Members[0]
	if s := find(t, m, "알아볼 것이다"); len(s.Scores) > 0 {
		t.Errorf("%q: scores %v, want none (a signpost)", s.Body, s.Scores)
	}
	if s := find(t, m, "팀마다 다를까"); s.Scores[insight.KeyStudy] <= 0 {
		t.Errorf("%q: no study score, want the member's question", s.Body)
	}
}

// Summing a thing up as another, in the end or in effect ("…는 결국 …라고
// 볼 수 있다"), is the writer's way of seeing it, as a reframe is; what
// a thing can be seen as, with nothing that sums it up, is a description.
func TestSummingUpIsAReframe(t *testing.T) {
	own := "캐시를 두는 것과 계산을 미리 해 두는 것은 사실상 같은 말이라고 볼 수 있는데, 결국 비용을 앞당기는 과정이라고 볼 수 있다."
	plain := "이 구조는 파이프라인의 한 단계로 볼 수 있다."
	if v := readVoice(own, text.Read(own).Morphs); !v.Reframe {
		t.Errorf("readVoice(%q): no reframe, want the writer summing it up", own)
	}
	if v := readVoice(plain, text.Read(plain).Morphs); v.Reframe {
		t.Errorf("readVoice(%q): reframe, want none (what it can be seen as)", plain)
	}
}
