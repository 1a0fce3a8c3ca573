package analyze

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// developNote spends its lines on 메시지 큐 and 소비자 그룹 (own headings,
// bold, many sentences) and mentions 배치 작업 and a statistic once, in a
// list of use cases.
const developNote = `# 5장 메시지 큐

## 메시지 큐

- **메시지 큐**는 생산자와 소비자를 시간적으로 분리하므로 한쪽이 느려도 다른 쪽이 멈추지 않는다.
- 메시지 큐에 쌓인 메시지는 소비자가 가져갈 때까지 디스크에 남는다.
- 메시지 큐의 보존 기간이 짧으면 느린 소비자가 메시지를 잃는다.
- 메시지 큐를 쓰면 장애가 나도 재처리가 쉬워진다.

## 소비자 그룹

- **소비자 그룹**은 파티션을 나눠 읽기 때문에 소비자를 늘리면 처리량이 늘어난다.
- 소비자 그룹 안의 소비자 수가 파티션 수보다 많으면 남는 소비자는 놀게 된다.
- 소비자 그룹이 재조정되는 동안에는 어느 소비자도 메시지를 읽지 못한다.

## 오프셋 커밋

- 오프셋 커밋을 처리 전에 하면 장애 때 메시지를 잃고, 처리 뒤에 하면 같은 메시지를 두 번 처리할 수 있다.
- 오프셋 커밋 주기가 길수록 재시작 뒤에 다시 읽는 메시지가 많아진다.
- 자동 오프셋 커밋은 편하지만 처리 결과와 어긋날 수 있다.

## 브로커

- 브로커는 파티션마다 리더를 두고 쓰기를 리더에게만 보낸다.
- 브로커가 죽으면 리더 선출이 끝날 때까지 그 파티션에 쓸 수 없다.
- 리더 선출이 잦으면 생산자의 지연이 크게 흔들린다.
- 파티션 키를 잘못 고르면 한 브로커에 쓰기가 몰린다.
- 같은 파티션 키의 메시지는 같은 파티션에 들어가므로 순서가 지켜진다.

## 활용 사례

- 주문 처리
- 알림 발송
- 야간 배치 작업은 사용자가 적은 시간대에 돌리기 때문에 지연이 문제 되지 않는다.
- 설문에 따르면 응답 기업의 73%가 2022년에 메시지 큐를 도입했다.
`

func developed(t *testing.T) *Member {
	t.Helper()
	w := Analyze([]Note{{Member: "하늘", Doc: parse("w5/하늘.md", developNote)}})
	return w.Members[0]
}

// The concept a sentence is about, and how much the note develops it,
// come from the note's own structure: its headings, bold spans and the
// number of sentences about it.
func TestDevelopFocusAndShare(t *testing.T) {
	m := developed(t)
	for _, c := range []struct {
		sub, focus string
		developed  bool
	}{
		{"시간적으로 분리", "메시지 큐", true},
		{"재조정되는 동안", "소비자 그룹", true},
		{"야간 배치 작업", "야간 배치 작업", false},
	} {
		s := find(t, m, c.sub)
		if Key(s.Focus) != Key(c.focus) {
			t.Errorf("focus of %q = %q, want %q", s.Body, s.Focus, c.focus)
		}
		if got := s.Develops >= minDeveloped; got != c.developed {
			t.Errorf("%q: developed = %v (share %.2f), want %v", s.Body, got, s.Develops, c.developed)
		}
	}
}

// A key insight is about a concept the member developed: a side remark
// from one item of a list of use cases and a statistic rank below the
// points about the concepts the note spends its lines on.
func TestKeyInsightsFromDevelopedConcepts(t *testing.T) {
	m := developed(t)
	side := find(t, m, "야간 배치 작업")
	stat := find(t, m, "73%")
	for _, s := range m.Ranked(insight.KeyInsights, 5) {
		if s.ID == side.ID || s.ID == stat.ID {
			t.Errorf("top key insights hold %q; points of the note: %q, %q", s.Body,
				find(t, m, "시간적으로 분리").Body, find(t, m, "처리량이 늘어난다").Body)
		}
	}
	// The same sentence about a concept the note developed keeps its
	// score; about one it mentions in passing it loses a share.
	as := func(s Sentence, share float64) float64 {
		s.Develops = share
		return scoreSentence(&s)[insight.KeyInsights]
	}
	if dev, side := as(side, 1), as(side, 0.1); side >= dev || side != peripheral*dev {
		t.Errorf("side remark scores %.2f, want %.2f (%.1f of %.2f as a developed concept)", side, peripheral*dev, peripheral, dev)
	}
	// A statistic reads off a figure: it makes no point of its own. The
	// same sentence without its figures keeps its score.
	plain := stat
	plain.Body = strings.NewReplacer("73%", "대부분", "2022년", "작년").Replace(stat.Body)
	if s, p := as(stat, 1), as(plain, 1); s >= p || s > 0.3*p+1e-9 {
		t.Errorf("statistic scores %.2f, the same sentence without figures %.2f", s, p)
	}
}

// A sentence the member stressed (bold, a conclusion, an opinion) stays a
// key-insight candidate whatever concept it is about: the member chose it.
func TestStressedSideRemarkKeepsItsScore(t *testing.T) {
	line := "결제 대행사는 정산 주기가 길기 때문에 현금 흐름 관리가 어려워진다."
	plain := developNote + "\n## 기타\n\n- " + line + "\n"
	bold := strings.Replace(plain, line, "**"+line+"**", 1)
	score := func(src string) float64 {
		w := Analyze([]Note{{Member: "바다", Doc: parse("w2/바다.md", src)}})
		s := find(t, w.Members[0], "결제 대행사")
		s.Develops = 1 // as if the note developed its concept
		return find(t, w.Members[0], "결제 대행사").Scores[insight.KeyInsights] / scoreSentence(&s)[insight.KeyInsights]
	}
	if p, b := score(plain), score(bold); p >= 1 || b != 1 {
		t.Errorf("share of a developed concept's score: unstressed side remark %.2f (want < 1), bold one %.2f (want 1)", p, b)
	}
}

// A short note develops a few concepts and little else: no sentence of it
// is a side fact.
func TestShortNoteHasNoSideFacts(t *testing.T) {
	src := `# 메모

## 캐시

- 캐시는 읽기 지연을 줄이므로 조회가 많은 서비스에 유리하다.
- 캐시가 크면 적중률이 높아지지만 메모리 비용이 늘어난다.
- 로그 수집기는 디스크가 가득 차면 오래된 로그부터 지우기 때문에 장애 분석이 어려워진다.
`
	w := Analyze([]Note{{Member: "바다", Doc: parse("w2/바다.md", src)}})
	for _, s := range w.Members[0].Sentences {
		if s.Focus != "" {
			t.Errorf("%q of a short note has focus %q (share %.2f)", s.Body, s.Focus, s.Develops)
		}
	}
}

func TestStatistic(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"응답 기업의 73%가 메시지 큐를 도입했다.", true},
		{"영어 문서가 두 번째 언어보다 8배 많다.", true},
		{"2022년에 가장 빠르게 늘어난 분야는 검색이다.", true},
		{"캐시가 크면 적중률이 높아진다.", false},
		{"3장의 예제는 두 배치 작업을 비교한다.", false},
	} {
		if got := statistic(c.s); got != c.want {
			t.Errorf("statistic(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// The week's chapter material names the week's topics: a concept it
// mentions is developed more than the same concept without it.
func TestChapterTopicsDevelopAConcept(t *testing.T) {
	src := developNote + `
## 기타

- 재처리 토픽은 실패한 요청을 따로 모아 두므로 원래 흐름이 막히지 않는다.
- 재처리 토픽의 항목은 사람이 확인한 뒤에 다시 보낸다.
`
	summary := parse("summary.md", "# 요약\n\n## 5장\n\n실패한 요청을 모으는 재처리 토픽이 이 장의 중심이다.\n")
	m := Analyze([]Note{{Member: "별", Doc: parse("w5/별.md", src)}}).Members[0]
	without, _, _ := conceptWeights(m, "")
	with, _, _ := conceptWeights(m, chapterText([]*note.Document{summary}))
	k := Key("재처리 토픽")
	if with[k] != without[k]+devChapter {
		t.Errorf("weight of a chapter topic %.2f, want %.2f (%.2f without the chapter summary)", with[k], without[k]+devChapter, without[k])
	}
	if q := Key("소비자 그룹"); with[q] != without[q] {
		t.Errorf("a concept the chapter summary does not name changed weight: %.2f → %.2f", without[q], with[q])
	}
}
