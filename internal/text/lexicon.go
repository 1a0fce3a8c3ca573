package text

import "strings"

// functionNouns are Korean bound, pronominal and function nouns. They are
// never a term and are trimmed from both edges of a compound ("이번 주
// RAG" → "RAG").
var functionNouns = set(`
것 수 등 때 경우 이번 정도 점 중 내 외 간 위 뒤 앞 후 전 속 안 밖 곳 데 바 뿐 만 듯 척 줄 채 번 개 명 가지 번째
이것 그것 저것 여기 거기 저기 이거 그거 저거 무엇 뭐 누구 어디 언제 우리 저희 나 너 저 제 자신 본인 그 이 당신
관련 대한 대해 통해 위해 때문 이상 이하 이후 이전 이내 미만 초과 대부분 일부 전체 모두 각각 자체 다음 처음 마지막
하나 둘 셋 여러 해당 기타 또 및 시 주 주차 오늘 내일 어제 지금 최근 요즘 나중 당시 동안 사이 만큼 대로 마찬가지 뭔가 무언가
`)

// genericNouns are common nouns too general to be a concept on their own
// (방법, 내용, 문제). Alone they are dropped; inside a compound they stay
// ("모델 활용", "정렬 문제").
var genericNouns = set(`
부분 내용 방법 방식 생각 느낌 이해 정리 설명 이야기 얘기 예시 예 사실 측면 차원 관점 입장 다양 문제 결과 상황 과정 요소 의미
필요 가능 중요 사용 활용 적용 장 절 챕터 페이지 책 저자 질문 답 답변 정답 핵심 인상 실제 정말 진짜 그냥
`)

// stopLatin are English function words and very generic words.
var stopLatin = set(`
a an the and or but nor so yet for of in on at to from by with without into onto over under about as than then
is are was were be been being am do does did done doing have has had having can could should would may might must will shall
this that these those it its it's they them their there here we our us you your he she his her i me my mine not no yes
if else when while where which who whom whose what why how all any both each few more most other some such only own same
too very just also even again further once up down out off via per etc e.g i.e vs cf eg ie
use uses used using make makes made get gets got let lets see seen show shows shown like well much many one two three
thing things way ways lot lots ex ps note todo q a.k.a aka ok okay new old good bad better best
et al ibid fig figs eq eqs pp vol
`)

// josa lists Korean particles (and copula endings) stripped from the end of
// an eojeol by the dictionary-free analyzer, longest first.
var josa = sortedByLen(strings.Fields(`
으로부터 에서부터 으로써 으로서 에서는 에서도 에게서 에게는 이라는 이라고 이라도 이라면 이라서 이지만 이었다 이었고 이에요 이었음
입니다 이므로 이며 이고 이다 이란 이나 이랑 이든 이죠 이지 인데 인지 이면 이라 이자 였다 였고 라는 라고 라도 라면 라서 지만
에서 으로 에게 한테 께서 까지 부터 보다 처럼 만큼 마다 조차 마저 밖에 하고 과는 와는 과의 와의 에는 에도 에의 으로는 로는 로도 으로도
의 은 는 이 가 을 를 에 로 와 과 도 만 랑 야 여 나 란 임 임을 임이 엔
`))

// predicateEndings mark an eojeol as a predicate (verb or adjective) in the
// dictionary-free analyzer: such an eojeol never yields a term, and it ends a
// compound. Checked as suffixes, longest first, when the stem keeps >= 1 rune.
var predicateEndings = sortedByLen(strings.Fields(`
하였다 하였고 하였음 했었다 했는데 했지만 했으며 했다 했고 했음 했을 했던 해서 해야 하여 하고 하며 하면 하는 하다 한다 할 함 합니다 하기 하지 해도 해요 한데 한지 했 해
되었다 되었고 됐다 됐고 되어 되고 되며 되면 되는 되다 된다 될 됨 됩니다 되기 되지 된 돼서 돼
시킨다 시키는 시켜 시킴 시켰다 받는 받은 받아 받음 받았다 당한 당하는
있다 있고 있는 있음 있을 있어 있으며 있지만 있었다 없다 없고 없는 없음 없을 없어 없으며 없었다
같다 같은 같이 같고 같음 싶다 싶은 보다가 보면 보니 봤다 본다 보는 보고
적인 적으로 적이 적임 스러운 스럽다 롭다 로운 다운
한 운 던 요 고 며 서 수록 려면 으면 다면 다는 다고 라면 을까 질까 아야 어야 여야 워야 봐야 봄 봤음 봤다 었음 았음 였음 웠음 졌음 진다 졌다 아서 겠다 었다 았다 였다 는다 ㄴ다 니다 세요 어요 아요 네요 지요 군요 는데 은데 지만 어서 아서 니까 으니 으며 으면 려고 려면 도록 면서 다가 거나
`))

// domainNouns are generic AI/ML words that mecab-ko-dic lacks or splits
// wrongly ("파인튜닝" → 파인/튜닝, "임베딩" → 임/베/딩, "생성과" → 생/성과).
// They form the user dictionary of the kagome analyzer. Keep the list to
// general vocabulary of the field; never add words taken from a corpus note.
var domainNouns = strings.Fields(`
파인튜닝 미세조정 프롬프트 프롬프팅 임베딩 토큰화 토크나이저 토크나이징 트랜스포머 어텐션 셀프어텐션 하이퍼파라미터 파라미터
에이전트 벤치마크 할루시네이션 환각 파이프라인 데이터셋 데이터베이스 벡터 벡터DB 인코더 디코더 디코딩 인코딩 양자화 증류
정규화 역전파 그래디언트 경사하강법 옵티마이저 배치 에폭 로짓 소프트맥스 샘플링 탑케이 탑피 온도 레이턴시 처리량 스루풋
오버피팅 과적합 언더피팅 과소적합 생성 생성형 추론 검색 증강 리랭킹 리랭커 청킹 청크 임베딩모델 스케일링 다국어 저자원 연산량 컨텍스트 컨텍스트윈도우 윈도우
가드레일 라우터 라우팅 캐싱 캐시 평가 지표 메트릭 리더보드 오픈소스 파운데이션 멀티모달 모달리티 사전학습 사후학습 정렬
강화학습 보상모델 선호도 지도학습 비지도학습 자기지도학습 준지도학습 전이학습 퓨샷 제로샷 원샷 체인오브소트 추론모델
언어모델 거대언어모델 소형언어모델 토큰 어휘 코퍼스 말뭉치 오토리그레시브 자기회귀 확산모델 디퓨전 뉴럴넷 신경망 레이어 가중치
활성화함수 드롭아웃 정확도 정밀도 재현율 유사도 코사인 퍼플렉서티 크로스엔트로피 엔트로피 손실함수 손실 학습률 워크플로 오케스트레이션
`)

// breakWords are Korean adverbs, determiners and conjunctions. They are
// never terms and end a compound (the dictionary-free analyzer cannot tell
// them from nouns otherwise).
var breakWords = set(`
이런 그런 저런 어떤 모든 다른 새 각 몇 어느 무슨 또한 특히 바로 다시 아직 이미 함께 먼저 결국 즉 다만 그래서 그러나 하지만
그리고 따라서 또는 및 혹은 왜 어떻게 이렇게 그렇게 많이 거의 항상 자주 계속 직접 별로 전혀 꼭 반드시 훨씬 오히려 게다가 그런데
근데 만약 비록 아마 약 총 따라 없이 반면 한편 대신 역시 물론 과연 만일 통해 위해 대해 관해 여전히 가장 매우 아주 너무 조금 좀 잘 더 덜 또 안 못 이 그 저 한 두 세 네 다 많은 모든 여러 각각 서로 실제로
`)

// set builds a lookup set from whitespace-separated words.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// sortedByLen returns the words ordered longest first (by bytes, stable
// for equal lengths), so suffix stripping prefers the longest match.
func sortedByLen(ws []string) []string {
	out := append([]string(nil), ws...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

var domainSet = func() map[string]bool {
	m := make(map[string]bool, len(domainNouns))
	for _, w := range domainNouns {
		m[w] = true
	}
	return m
}()

// DomainNoun reports whether a word is one of the general AI/ML terms of
// the user dictionary: a short noun that still names a concept ("토큰",
// "벡터", "환각").
func DomainNoun(w string) bool { return domainSet[w] }
