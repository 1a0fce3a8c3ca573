package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/text"
)

func TestVoiceFromMorphology(t *testing.T) {
	cases := []struct {
		s    string
		want Voice
	}{
		{"개인적으로는 캐시를 먼저 두는 편이 더 나은 것 같다.", Voice{Hedge: true}},
		// A likeness the writer draws is an analogy; code made to seem or
		// act as if something held is none.
		{"캐시는 마치 책상 위에 펼쳐 둔 책과 같은 것처럼 가까이 있다.", Voice{Analogy: true}},
		{"빈 catch 블록으로 잡아서 예외가 발생하지 않은 것처럼 만드는 코드는 위험하다.", Voice{}},
		{"프록시는 실제 객체가 있는 것처럼 동작한다.", Voice{}},
		// What struck the writer as new or unexpected is their reaction;
		// the same words describing a thing are not.
		{"지연 초기화 절에서 사용한 방식이 신선했다.", Voice{Reaction: true}},
		{"캐시를 요청 단위로 나누는 발상이 참신했다.", Voice{Reaction: true}},
		{"벤치마크 결과가 의외였다.", Voice{Reaction: true}},
		{"신선한 데이터를 쓰려면 캐시를 자주 비워야 한다.", Voice{Should: true}},
		// The auxiliary 나다 after "-고", which the dictionary reads as
		// the pronoun 나 with 서, is no first person.
		{"모든 계층을 다 만들고 나서야 통합 테스트가 가능하다.", Voice{}},
		{"나는 통합 테스트부터 쓰는 편이 좋다고 본다.", Voice{FirstPerson: true}},
		// How the reading struck the writer, in the passive past; not
		// how something may strike anyone.
		{"직접 캐시를 구현해 보니까 라이브러리가 참 고맙게 느껴졌다.", Voice{Hedge: true}},
		{"응답이 늦으면 기능이 불필요하게 느껴질 수 있다.", Voice{Can: true}},
		// What the text or the writer has thought about is no view of it;
		// what they thought is.
		{"지금까지는 주로 함수 단위에서 캐시 무효화 문제에 대해 생각해봤다.", Voice{}},
		// A doubt that arises is the writer's.
		{"만료 시간을 이렇게 길게 잡는 게 맞는가라는 의문이 듬.", Voice{Doubt: true, Formal: true}},
		{"이게 맞는지 의문이 들었다.", Voice{Doubt: true}},
		{"함수형 언어는 전혀 몰랐는데 호기심이 생겼다.", Voice{Doubt: true}},
		// What the writer wonders inside a longer sentence, an indirect
		// question before it; what makes someone else curious is not.
		{"트레이드오프를 할 때 어떤 근거로 판단을 내릴지 뒷부분이 궁금해지는 서론이었다.", Voice{Doubt: true}},
		{"사용자는 결과가 궁금해지는 순간 버튼을 누른다.", Voice{}},
		{"캐시가 갱신되지 않아 결과가 궁금해지는 경우가 생긴다.", Voice{}},
		// The writer's difficulty is a doubt; what a cause makes hard to
		// understand is a claim about the thing.
		{"이 부분은 이해하기 어려웠다.", Voice{Doubt: true}},
		{"설계와 요구사항의 거리가 멀수록 코드를 이해하기 어려워진다.", Voice{}},
		// The written imperative is advice.
		{"캐시 키는 요청의 뜻이 드러나는 이름으로 정하라.", Voice{Recommend: true}},
		{"상속 대신 합성을 사용하라.", Voice{Recommend: true}},
		{"캐시 키는 요청의 뜻이 드러나는 이름으로 정하라", Voice{Recommend: true}},
		// A thought that also comes to the writer, and the writer's own
		// leaning, are their view; a leaning of others is not.
		{"좁은 영역에서 사용한다면 충분히 가치는 있을 것이라는 생각도 든다.", Voice{Hedge: true}},
		{"상속의 경우도 더 명시적이고 간편해서 선호하는 편임.", Voice{Hedge: true}},
		{"개발자들은 이 방식을 선호하는 편이다.", Voice{}},
		// A recommendation worded as what a thing is ("…권장되는 X이다") is
		// one; the same verb before a reason that goes on is not final.
		{"전역 변수는 가급적 사용하지 말도록 권장되는 방식이다.", Voice{Recommend: true}},
		{"캐시 키에 버전을 넣는 것은 권장되는 방법이다.", Voice{Recommend: true}},
		{"전역 변수는 권장되는데 테스트가 어렵기 때문이다.", Voice{}},
		// Advice the writer passes on ("…하라는 조언이 많다") is advice;
		// the same words as a topic or an object are not.
		{"차라리 큐로 바꿔라... 라는 권고도 많음.", Voice{Recommend: true}},
		{"캐시 대신 로컬 변수를 쓰라는 조언이 많다.", Voice{Recommend: true}},
		{"큐를 쓰라는 조언이 많은 이유는 비용 때문이다.", Voice{}},
		{"팀장은 큐를 쓰라는 조언을 무시했다.", Voice{}},
		// A way judged the one to take is advice; the same judgement as
		// the topic of a reason is not.
		{"재시도할 때는 멱등 키를 함께 보내는 것이 안전하다.", Voice{Recommend: true}},
		{"큐를 먼저 두는 것이 낫다.", Voice{Recommend: true}},
		// The propositive with a tilde or an exclamation mark after it,
		// which the dictionary reads as a connective, is advice too.
		{"간단한 설정 중복쯤은 허용하자~", Voice{Recommend: true}},
		{"로그 수준은 환경마다 나누자!", Voice{Recommend: true}},
		// A hedged clause before the sentence goes on is the writer's
		// voice too (not a hedged claim); an embedded question about what
		// is likely is neither.
		{"예전 프로젝트에서는 설정값을 주로 상수로 관리했던 것 같은데, 요즘은 환경 변수를 쓴다.", Voice{HedgedClause: true}},
		{"두 방식이 비슷한 것 같아서 함께 정리했다.", Voice{HedgedClause: true}},
		{"모델은 다음에 어떤 단어가 나올 것 같은지를 확률로 알려준다.", Voice{}},
		{"값을 복사하는 것이 안전한 이유는 불변성 때문이다.", Voice{}},
		// "…는 게 좋다" is "…는 것이 좋다" as notes write it; reported
		// advice is someone else's.
		{"캐시는 요청 경로 앞에 두는 게 더 바람직.", Voice{Recommend: true}},
		{"만료 시간은 짧게 잡는 게 낫다.", Voice{Recommend: true}},
		{"만료 시간은 짧게 잡는 게 좋다고 한다.", Voice{}},
		// A way to picture a thing is no advice; trying something is.
		{"설정 클래스는 일종의 배포용 명세서라고 보면 좋다.", Voice{}},
		{"캐시 적중률을 먼저 확인해 보면 좋다.", Voice{Recommend: true}},
		{"캐시 무효화가 생각보다 어렵다고 생각해봤다.", Voice{Hedge: true}},
		{"나타나는 현상을 새롭게 정의했다.", Voice{}},
		{"저는 이 설명에 동의하지 않는다.", Voice{FirstPerson: true}},
		{"배치 크기를 왜 이렇게 잡았는지 잘 모르겠다.", Voice{Doubt: true}},
		{"양자화 오차가 어디서 오는지 이해가 잘 안 된다.", Voice{Doubt: true}},
		{"이 부분은 나중에 더 찾아봐야 할 것 같다.", Voice{Doubt: true, Hedge: true}},
		{"버전 관리 도구를 더 알아봐야 한다.", Voice{Doubt: true}},
		{"점점 더 많은 비율이 합성 데이터가 되지 않을까..", Voice{Hedge: true}},
		{"답을 곧바로 믿지 말고 검증하는 시스템 설계가 중요", Voice{Recommend: true, Proposal: true}},
		{"응답에 쓰는 데이터가 중요", Voice{Should: true}},
		{"인덱스를 다시 만들면 읽기 지연이 줄어들지 않을까?", Voice{Hedge: true, Question: true}},
		{"왜 더 작은 모델로 초안을 만들까?", Voice{Question: true}},
		{"라이선스가 상업적 사용을 허용하는가?", Voice{Question: true, Formal: true}},
		{"배포 전에 회귀 테스트를 반드시 돌려야 한다.", Voice{Should: true}},
		{"배포 전에 모델별 차이를 반드시 비교해야 한다.", Voice{Recommend: true}},
		{"응답은 짧아야 한다.", Voice{}},
		{"일부 기업은 이 단계를 건너뛰어도 된다고 생각한다.", Voice{}},
		// "…관점에서 생각한다", "…를 먼저 생각한다": how an approach or
		// anyone thinks about something, not the writer's "…라고 생각한다".
		{"데이터 중심의 설계는 기본적으로 저장소의 관점에서 생각한다.", Voice{}},
		{"이 설계가 가장 단순하다고 생각한다.", Voice{Hedge: true}},
		{"처음에는 도구 없이 직접 작성하는 것이 좋다.", Voice{Recommend: true}},
		{"여러 설정을 나란히 비교해 보자.", Voice{Recommend: true, Try: true}},
		// A scenario the text sets up proposes nothing; an invitation to
		// think is no view of the writer's.
		{"주문이 몇 번 실패했는지 세고 싶다고 해보자.", Voice{}},
		{"재고를 줄이는 주문 서비스의 cancel() 메소드를 생각해 보자.", Voice{Recommend: true, Try: true}},
		{"주문 도메인과 결제 도메인을 먼저 분리하자.", Voice{Recommend: true}},
		// Advice against doing more than needed, unless a named thing or
		// a mechanism is what needs nothing.
		{"쓰지 않는 설정까지 미리 추상화해서 코드를 읽기 어렵게 만들 필요는 없다.", Voice{Recommend: true, Proposal: true}},
		{"호출하는 쪽은 저장소의 구현을 알 필요는 없다.", Voice{}},
		// The writer naming themselves; someone's own self is not.
		{"근데 본인은 상속보다 조합이 오히려 비용이 덜 든다는 입장이다.", Voice{FirstPerson: true}},
		{"사용자 본인이 직접 비밀번호를 바꿔야 한다.", Voice{Should: true}},
		// "…다는 생각을 했다" is the writer's reflection; a doubt before
		// trailing dots ends its clause though the sentence goes on.
		{"캐시를 의도적으로 먼저 두어야겠다는 생각을 했다.", Voice{Hedge: true}},
		{"색인 구조는 사실 잘 이해가 되진 않았다.. 샤딩이 이렇게까지 복잡한 줄은 몰랐다.", Voice{Doubt: true}},
		// The writer's need to study, in their spoken words; the book's
		// advice to its readers is none.
		{"이 부분은 따로 공부를 해야겠다.", Voice{Doubt: true}},
		{"개발자는 자료구조를 공부해야 한다.", Voice{Should: true}},
		// A text announcing what it thinks about is no view.
		{"스프링의 사상과 원칙을 좀 더 깊이 있게 생각해본다.", Voice{}},
		// A colloquial intensifier is the writer's own words.
		{"하지만 이제부터가 진짜 고민의 시작이다", Voice{Spoken: true}},
		{"트랜잭션을 묶어 주면 저장소 코드를 고칠 필요는 없다.", Voice{}},
		{"캐시 적중률을 대시보드에 따로 표시해 볼 수 있다.", Voice{Recommend: true}},
		{"Q: 로그를 어디까지 남겨야 할까?", Voice{Question: true, Label: "q"}},
		{"💡 개인적인 생각: 작은 팀에는 관리형 서비스가 맞다.", Voice{Label: "생각"}},
		{"결국 비용과 지연은 함께 움직인다.", Voice{Conclusion: true}},
		{"책에서는 장점만 말했지만 단점도 분명히 있다.", Voice{Contrast: true}},
		{"이 결과가 꽤 신기했다.", Voice{Reaction: true}},
		{"압축만 바꿔도 용량이 절반으로 준다는 점이 가장 흥미로웠다.", Voice{Reaction: true, Finding: true}},
		{"인덱스 하나로 조회가 열 배 빨라진 사례가 놀라웠다.", Voice{Reaction: true, Finding: true}},
		{"읽기 복제본이 캐시의 일종이라 그냥 같다고 생각", Voice{Hedge: true}},
		{"일부 팀은 복제본이 캐시와 같다고 생각", Voice{}},
		{"이 모델은 놀라운 성능을 보인다.", Voice{}},
		// A wish to act is an intention; a wish to learn is a doubt.
		{"다음 분기 프로젝트에 이 방식을 도입해 보고 싶다.", Voice{Hedge: true, Wish: true}},
		{"배포 절차를 바꾸자고 팀에 제안하고 싶다.", Voice{Hedge: true, Wish: true}},
		{"인덱스 구조는 더 공부하고 싶다.", Voice{Doubt: true}},
		{"샘플링 온도의 효과를 더 알아보고 싶다", Voice{Doubt: true}},
		{"양자화 오차가 어디서 생기는지 찾아 보고 싶다.", Voice{Doubt: true}},
		{"로그 압축 방식을 자세히 알고 싶음", Voice{Doubt: true}},
		{"정규화를 공부해 보고 싶다.", Voice{Doubt: true}},
		// Advice to think of something is no hedge; telling what one can
		// see is no action.
		{"포맷을 고를 때는 읽는 방식을 먼저 생각해야 한다.", Voice{Should: true}},
		{"이 장을 읽으며 캐시의 장점을 다시 생각해 볼 수 있었다.", Voice{Hedge: true}},
		{"설정 파일을 열어 보면 기본값이 꺼져 있음을 알 수 있다.", Voice{}},
		{"실무에서는 야간 배치에 압축을 적용하면 저장 비용을 줄일 수 있을 것 같다.", Voice{Hedge: true, Can: true}},
		// A why-question in the spoken "…하지" with no question mark asks,
		// and the writer wonders (Doubt); "…인지" closing on how something
		// works, and "…하지" with no 왜, do not.
		{"여기서는 왜 굳이 인터페이스를 따로 만들지", Voice{Question: true, Doubt: true}},
		{"이 예제는 왜 필요하지", Voice{Question: true, Doubt: true}},
		{"어떻게 동작하는지", Voice{}},
		{"캐시 값을 바꾸지", Voice{}},
		// "…할 필요가 있다" obliges as "…해야 한다" does; what a named
		// thing needs is a description.
		{"보낼 메시지를 먼저 정한 후, 그 메시지를 처리할 객체를 선택할 필요가 있다.", Voice{Should: true}},
		{"클라이언트는 서버의 내부 구조를 알 필요가 있다.", Voice{}},
	}
	for _, c := range cases {
		got := readVoice(c.s, text.Read(StripLabel(c.s)).Morphs)
		if got != c.want {
			t.Errorf("readVoice(%q)\n got %+v\nwant %+v", c.s, got, c.want)
		}
	}
}

func TestVoiceIgnoresLookalikes(t *testing.T) {
	for _, s := range []string{
		"어떤 설정이 더 나은지에 대한 기준이 없다.",
		"교차 엔트로피나 관련 지표를 사용해 학습된다.",
		"직접 모델을 실행하고 싶다면 로컬 실행이 필요하다.",
		"모델은 실제 분포를 모르기 때문에 학습한 분포로 예측한다.",
		"입력을 벡터로 표현해야 하므로 임베딩 단계를 포함한다.",
		"참조 데이터로 학습시키는 것 같은 편법은 쓰기 어렵다.",
		"사람이 중요하게 생각하는 문체를 고려하지 않는다.",
		"사용자에 대한 이해가 없으므로 현장을 반영하지 못한다.",
		"연구 내 테스트 코퍼스로 기억률을 추정했다.",
		"글 점수를 매기고 싶다면",
		"객체가 스스로를 책임진다는 뜻이라고 볼 수 있다.",
	} {
		v := readVoice(s, text.Read(s).Morphs)
		if v.Own() > 0 || v.Recommend || v.Doubt {
			t.Errorf("readVoice(%q) = %+v, want no voice", s, v)
		}
	}
}

func TestVoiceGuessesAndReadings(t *testing.T) {
	for _, s := range []string{
		"어쩌면 작은 모델이 큰 모델을 따라잡을 수도 있다.",
		"이는 캐시가 오히려 병목이 된다는 이야기로도 해석할 수 있다.",
	} {
		// Books guess and read too: a guess is a weak mark of the
		// writer's voice, not an opinion.
		if v := readVoice(s, text.Read(s).Morphs); !v.Guess || v.Hedge || v.Own() >= 1 {
			t.Errorf("readVoice(%q) = %+v (own %.1f), want a guess, no hedge, below the perspective threshold", s, v, v.Own())
		}
	}
}

func TestVoiceVerbNaeIsNoPronoun(t *testing.T) {
	for _, s := range []string{
		"모델이 원하는 동작을 이끌어 내는 방법이다.",
		"변수를 모두 고정해도 같은 결과를 내는 건 아니다.",
	} {
		if v := readVoice(s, text.Read(s).Morphs); v.FirstPerson {
			t.Errorf("readVoice(%q) = %+v, want no first person (내다 is a verb here)", s, v)
		}
	}
	for _, s := range []string{"내가 해 보니 작은 모델도 충분했다.", "내 생각에는 캐시가 먼저다.", "나는 이 방식이 낫다고 본다."} {
		if v := readVoice(s, text.Read(s).Morphs); !v.FirstPerson {
			t.Errorf("readVoice(%q) = %+v, want first person", s, v)
		}
	}
}

func TestVoiceNoteStyleInstructionHasNoSubject(t *testing.T) {
	if v := readVoice("실험을 통해 맞는 온도를 찾을 것", text.Read("실험을 통해 맞는 온도를 찾을 것").Morphs); !v.Recommend {
		t.Errorf("an instruction in note style (…찾을 것) is no recommendation: %+v", v)
	}
	s := "평가자마다 응답에 매기는 점수가 들쭉날쭉할 것"
	if v := readVoice(s, text.Read(s).Morphs); v.Recommend {
		t.Errorf("readVoice(%q) = %+v: a prediction about its subject is no recommendation", s, v)
	}
}

func TestVoiceBookPhrasingIsNoOpinion(t *testing.T) {
	for _, s := range []string{
		"언어 모델은 문장을 이어 쓰는 기계로 생각하면 된다.",
		"가장 먼저 던질 질문은 이 기능을 왜 만들고 싶은지다.",
	} {
		if v := readVoice(s, text.Read(s).Morphs); v.Hedge {
			t.Errorf("readVoice(%q) = %+v: 'think of it as' and an embedded 싶다 are no opinion", s, v)
		}
	}
	for _, s := range []string{"이 방식이 더 낫다고 생각한다.", "직접 실험해 보고 싶다."} {
		if v := readVoice(s, text.Read(s).Morphs); !v.Hedge {
			t.Errorf("readVoice(%q) = %+v, want an opinion", s, v)
		}
	}
}

func TestAdditionMarkIsTheWritersOwn(t *testing.T) {
	if l := labelOf("+) 배치 정규화와 층 정규화는 다르다."); l != "추가" {
		t.Fatalf("labelOf(+) …) = %q, want 추가", l)
	}
	if got := StripLabel("+) 배치 정규화와 층 정규화는 다르다."); got != "배치 정규화와 층 정규화는 다르다." {
		t.Errorf("StripLabel = %q: the mark is no part of the sentence", got)
	}
	// What a member adds is mostly a fact: the mark supports another
	// signal of their own voice and makes no angle alone.
	if own := (Voice{Label: "추가"}).Own(); own >= 1 {
		t.Errorf("an addition alone counts %.1f, want below the perspective threshold 1", own)
	}
	if own := (Voice{Label: "추가", Guess: true}).Own(); own < 1 {
		t.Errorf("an addition with a guess of the writer's counts %.1f, want at least 1", own)
	}
}

// The exclamatory ending -네(요) is the writer noticing something as they
// write ("…에러바운더리까지 전해지진 않았네요"): spoken, the member's own
// words. "네" as a number or a noun is not it.
func TestExclamatoryEndingIsSpoken(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"다시 확인해보니 던진 에러가 바깥 컴포넌트까지 전해지진 않았네요.", true},
		{"맵드 타입으로 키를 한 번에 만드는 방식이 정말 유용하네요.", true},
		{"이건 정말 유용하네요.", false}, // about the line above
		{"캐시가 생각보다 빠르네.", true},
		{"이 값은 항상 네 개다.", false},
		{"캐시는 원본보다 빠르다.", false},
	} {
		if got := spoken(text.Read(c.s).Morphs); got != c.want {
			t.Errorf("spoken(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// What the writer came to know, a clause before 알았다, 깨달았다 or 알게
// 되었다, is a finding of theirs; knowing a thing, a condition and a plan
// to find out are not.
func TestVoiceRealized(t *testing.T) {
	for s, want := range map[string]bool{
		"쓰기 전에 캐시를 지워야 오래된 값이 남지 않는다는 걸 이번에 확실히 알았다.": true,
		"지금까지 테이블마다 인덱스를 너무 많이 만들었다는 것을 깨달았다.":        true,
		"정규화가 항상 성능을 떨어뜨리는 것은 아님을 알게 되었다.":            true,
		"모델은 정답을 이미 알았다.":                             false,
		"인덱스가 필요하다는 걸 알았다면 처음부터 만들었을 것이다.":            false,
		"인덱스가 왜 느려지는지 더 알아봐야겠다.":                      false,
	} {
		if got := readVoice(s, text.Read(s).Morphs).Realized; got != want {
			t.Errorf("readVoice(%q).Realized = %v, want %v", s, got, want)
		}
	}
}

// The writer's own difficulty ("…차이를 정확히 설명하기는 아직 어렵다") and a
// plan to go over something again ("다시 정리해야겠다") are study targets of
// theirs; what is hard in general, and a summary already made, are not.
func TestVoiceStillHardAndGoingOverAgain(t *testing.T) {
	for s, want := range map[string]bool{
		"뮤텍스와 세마포어의 차이를 정확히 설명하기는 아직 어렵다.": true,
		"두 격리 수준의 차이를 이해하기는 아직 어렵다.":       true,
		"다음 주 전에 다시 정리해야겠다.":               true,
		"분산 환경에서 시계를 맞추기는 어렵다.":            false,
		"이 장의 내용을 표로 정리했다.":                false,
	} {
		if got := readVoice(s, text.Read(s).Morphs).Doubt; got != want {
			t.Errorf("readVoice(%q).Doubt = %v, want %v", s, got, want)
		}
	}
}
