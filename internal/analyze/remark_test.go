package analyze

import (
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

func voiceOf(s string) Voice { return readVoice(s, text.Read(s).Morphs) }

// A clause in brackets that comments on the statement before it, which
// trails off or which the clause turns against, is the writer's remark.
func TestRemarkInBracketsIsTheWritersComment(t *testing.T) {
	for _, s := range []string{
		"배포 자동화는 편하다.. (한참 지나서 보면 같은 설정도 다르게 고치게 된다.)",
		"캐시 무효화는 단순하다… (막상 운영하면 키를 지우는 순서가 자꾸 꼬인다.)",
		"로그 수집 도구는 설정이 쉽다 ㅋㅋ (처음 붙일 때만 그렇고 나중에는 필터가 계속 늘어난다.)",
		"로그 수집은 자동으로 된다 (하지만, 모든 로그가 쓸모 있다고 할 수는 없다)",
	} {
		v := voiceOf(s)
		if !v.Remark || v.Own() < 1 {
			t.Errorf("voice(%q) = %+v (own %.1f), want a remark of the writer's", s, v, v.Own())
		}
	}
}

// A gloss, a translation, an example, a pointer, a second name or a
// clause the writer adds without any mark of their own is no remark.
func TestGlossInBracketsIsNoRemark(t *testing.T) {
	for _, s := range []string{
		"캐시 적중률이 낮아졌다.. (hit ratio)",
		"적중률이 중요하다.. (요청 대비 캐시 응답 비율)",
		"색인 설계는 어렵다.. (5장에서 자세히 다룸)",
		"쓰기 지연이 늘었다.. (예: 복제본이 늦게 따라온다.)",
		"이 방식은 쓰기를 미룬다.. (지연 쓰기라고 부른다.)",
		"배치 크기를 키우면 학습이 빨라진다 (한 번에 더 많은 샘플을 처리하기 때문이다.)",
		"샤딩은 데이터를 나눠 저장한다 (노드마다 키 범위가 다르다.)",
	} {
		if v := voiceOf(s); v.Remark || v.Own() >= 1 {
			t.Errorf("voice(%q) = %+v (own %.1f): a gloss or the book's own explanation is no remark", s, v, v.Own())
		}
	}
}

// Note-style punctuation alone is no voice: books' sentences end in "..",
// "…" and "ㅋㅋ" when pasted in notes too.
func TestTrailingPunctuationAloneIsNoVoice(t *testing.T) {
	for _, s := range []string{
		"캐시 서버는 요청이 몰리면 느려지는 경향이 있다..",
		"복제본은 주 서버를 비동기로 따라간다…",
		"샤딩 키를 잘못 고르면 한 노드에 요청이 몰린다 ㅋㅋ",
		"읽기 전용 복제본은 쓰기를 받지 않는다,,",
	} {
		if v := voiceOf(s); v.Own() > 0 {
			t.Errorf("voice(%q) = %+v (own %.1f), want no voice from punctuation alone", s, v, v.Own())
		}
	}
}

// A first person that stands for anyone ("if I can build it, so can a
// rival") is the book's way of speaking, not the writer's own "I".
func TestFirstPersonForAnyoneIsNoVoice(t *testing.T) {
	for _, s := range []string{
		"내가 쉽게 만들 수 있는 기능은 경쟁 서비스도 쉽게 만들 수 있다.",
		"내가 쉽게 고치면 다른 팀도 쉽게 고친다.",
	} {
		if v := voiceOf(s); v.FirstPerson {
			t.Errorf("voice(%q) = %+v: a first person for anyone is no first person", s, v)
		}
	}
	for _, s := range []string{
		"내가 만든 서비스에서는 캐시를 먼저 붙였다.",
		"나는 이 방식이 더 낫다고 본다.",
		"내가 보기엔 색인부터 다시 짜야 한다.",
	} {
		if v := voiceOf(s); !v.FirstPerson {
			t.Errorf("voice(%q) = %+v, want the writer's first person", s, v)
		}
	}
}

// A remark another member wrote too is the book's: it keeps no weight
// when the sentence is shared. A remark of the member's own on a sentence
// others copied from the book stays theirs.
func TestSharedRemarkIsNoAngle(t *testing.T) {
	s := "배포 자동화는 편하다.. (한참 지나서 보면 같은 설정도 다르게 고치게 된다.)"
	alone := Sentence{Voice: voiceOf(s), Body: s, Raw: s}
	if sc := scoreSentence(&alone)[insight.KeyPerspective]; sc < 1 {
		t.Fatalf("a remark no one else wrote scores %.2f for 독특한 관점, want at least 1", sc)
	}
	shared := alone
	shared.Shared, shared.remarkShared = 0.9, 0.9
	if sc := scoreSentence(&shared)[insight.KeyPerspective]; sc >= 1 {
		t.Errorf("a remark another member wrote too scores %.2f for 독특한 관점, want below 1", sc)
	}
	own := alone
	own.Shared, own.remarkShared = 0.6, 0.1
	if sc := scoreSentence(&own)[insight.KeyPerspective]; sc < 1 {
		t.Errorf("the member's own remark on a copied sentence scores %.2f for 독특한 관점, want at least 1", sc)
	}
}

func TestRemarkText(t *testing.T) {
	for in, want := range map[string]string{
		"배포 자동화는 편하다.. (한참 지나서 보면 다르게 고치게 된다.)": "한참 지나서 보면 다르게 고치게 된다.",
		"캐시(cache)는 빠르다 (하지만 (대개) 비싸다).":        "하지만 (대개) 비싸다",
		"캐시는 빠르다.": "",
	} {
		if got := remarkText(in); got != want {
			t.Errorf("remarkText(%q) = %q, want %q", in, got, want)
		}
	}
}
