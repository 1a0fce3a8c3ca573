package analyze

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// Cue words: what a sentence says about its role. They are generic study
// note vocabulary, not tuned to any corpus.
var (
	opinionCues = []string{"개인적", "생각", "느낌", "느꼈", "흥미", "재미", "놀라", "놀랍", "인상적", "신기", "새롭게", "의외",
		"내가", "나는", "제가", "저는", "것 같", "듯하", "듯 하", "같다", "아닐까", "않을까", "공감", "동의", "반대로", "오히려",
		"i think", "interesting", "surprising", "in my opinion"}
	practicalCues = []string{"적용", "활용할", "활용하면", "활용해 볼", "실무", "업무", "프로젝트", "도입", "현업", "회사", "팀에서", "우리 팀",
		"해볼", "해 볼", "써볼", "써 볼", "시도해", "권장", "추천", "실전", "in practice", "use case", "production"}
	practicalWeak = []string{"활용하", "시도", "사용하면", "쓸 수", "고려해야", "고려할", "선택", "전략", "트레이드오프", "trade-off", "서비스",
		"구축", "실제로", "운영", "비용", "제품"}
	studyCues = []string{"궁금", "모르겠", "모르는", "이해가 안", "이해하지 못", "이해하기 어렵", "어려웠", "헷갈", "애매하다", "애매함", "추가로", "더 공부", "더 알아",
		"찾아보", "찾아봐야", "보충", "공부해야", "공부할", "학습이 필요", "필요하다고 느", "확인 필요", "확인해", "나중에", "todo",
		"알아볼", "알아봐야", "살펴볼", "살펴봐야", "deep dive", "더 깊이"}
	insightCues = []string{"핵심", "중요", "결론", "요약하면", "즉,", "결국", "따라서", "가장", "본질", "의미한다", "말한다", "정의",
		"이란", "란 ", "key", "important"}
	headingCues = map[string][]string{
		insight.KeyPerspective: {"생각", "느낀", "소감", "회고", "의견", "개인", "인사이트"},
		insight.KeyPractical:   {"적용", "활용", "실무", "사례", "실습"},
		insight.KeyStudy:       {"질문", "궁금", "추가", "더 알아", "todo", "과제", "보충"},
		insight.KeyInsights:    {"핵심", "요약", "정리", "결론", "summary"},
	}
)

func hasAny(s string, cues []string) int {
	n := 0
	for _, c := range cues {
		if strings.Contains(s, c) {
			n++
		}
	}
	return n
}

func scoreSentence(s *Sentence) map[string]float64 {
	lower := strings.ToLower(s.Raw)
	path := strings.ToLower(strings.Join(s.Path, " "))
	runes := utf8.RuneCountInString(s.Text)
	// Mid-length sentences make the best bullets.
	lenFit := 1.0
	switch {
	case runes < 15:
		lenFit = 0.4
	case runes > 220:
		lenFit = 0.5
	}
	question := strings.HasSuffix(strings.TrimSpace(s.Text), "?") || strings.HasPrefix(lower, "q:") || strings.HasPrefix(lower, "q.")
	callout := s.Kind == note.KindCallout || s.Kind == note.KindQuote

	sc := map[string]float64{}
	// Rows of tables and sentences leaning on the previous one ("이것은",
	// "그래서") make poor stand-alone bullets.
	damp := 1.0
	if s.Kind == note.KindTable {
		damp = 0.3
	}
	if anaphoric(s.Text) {
		damp *= 0.6
	}
	if hasAny(lower, metaCues) > 0 {
		damp = 0
	}
	lenFit *= damp

	ins := 1.5*s.Centrality + 0.6*float64(hasAny(lower, insightCues))
	if len(s.Emphasis) > 0 {
		ins += 0.8
	}
	if s.Kind == note.KindParagraph {
		ins += 0.2
	}
	ins += 0.3 * float64(hasAny(path, headingCues[insight.KeyInsights]))
	if definition(s) {
		ins += 0.6
	}
	if question {
		ins -= 1
	}
	sc[insight.KeyInsights] = ins * lenFit

	per := 1.2*float64(hasAny(lower, opinionCues)) + 0.8*float64(hasAny(path, headingCues[insight.KeyPerspective]))
	if callout {
		per += 1
	}
	if per > 0 {
		per += 0.5 * s.Centrality
	}
	sc[insight.KeyPerspective] = per * lenFit

	weak := hasAny(lower, practicalWeak)
	if weak < 2 {
		weak = 0 // one weak cue ("선택", "비용") alone says nothing about practice
	}
	pr := 1.2*float64(hasAny(lower, practicalCues)) + 0.4*float64(weak) + 0.8*float64(hasAny(path, headingCues[insight.KeyPractical]))
	if pr > 0 {
		pr += 0.5 * s.Centrality
	}
	sc[insight.KeyPractical] = pr * lenFit

	st := 1.3*float64(hasAny(lower, studyCues)) + 0.8*float64(hasAny(path, headingCues[insight.KeyStudy]))
	if question {
		st += 2.5
	}
	sc[insight.KeyStudy] = st * lenFit
	return sc
}

var (
	reSpaces  = regexp.MustCompile(`\s+`)
	reDebris  = regexp.MustCompile(`(\*\*|__|~~|` + "`" + `|&nbsp;|&amp;|&lt;|&gt;|<[^>]{0,80}>|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|https?://\S+)`)
	reLink    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reBullets = regexp.MustCompile(`^([-*+>•·▪◦]|\d+[.)])\s+`)
)

// Clean removes markdown and HTML debris a parser may have left and
// trims list markers and whitespace.
func Clean(s string) string {
	s = reLink.ReplaceAllString(s, "$1")
	s = reDebris.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "](") {
			return ""
		}
		if strings.HasPrefix(m, "&") {
			switch m {
			case "&amp;":
				return "&"
			case "&lt;":
				return "‹"
			case "&gt;":
				return "›"
			}
			return " "
		}
		return ""
	})
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = reSpaces.ReplaceAllString(strings.TrimSpace(s), " ")
	for {
		t := reBullets.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	s = strings.Trim(s, " [")
	return s
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// metaCues mark sentences about the note itself rather than its subject.
var metaCues = []string{"정리한 글", "옮겨 왔", "옮겨왔", "정리해 보", "정리해보", "포스팅", "이번 글", "이 글에서", "오늘은", "다뤄보려", "다뤄 보려", "살펴보자", "알아보자", "작성했다", "작성한 글"}

var anaphora = []string{"이것", "이는", "이를", "이러한", "이런", "그래서", "그리고", "또한", "그러나", "하지만", "그런데", "이 때", "이때", "여기서", "위의", "위 ", "아래"}

func anaphoric(s string) bool {
	for _, a := range anaphora {
		if strings.HasPrefix(s, a) {
			return true
		}
	}
	return false
}

// metaLine matches note properties and bookkeeping lines that are not
// content: Notion properties, dates, authors.
var metaLine = regexp.MustCompile(`^(날짜|일시|담당자|작성자|작성일|진행 ?상태|상태|태그|카테고리|참석자|발표자|링크|출처|date|author|status|tags|created|updated)\s*[:：]`)

// labelPrefix matches the labels people put before a sentence: emoji,
// "Q:", "💡 개인적인 생각:", "TIP:".
var labelPrefix = regexp.MustCompile(`^(?:[\p{So}\p{Sk}\x{FE0F}\x{200D}]+\s*)?(?:(?:Q|A|Q\d+|TIP|Tip|Note|NOTE|참고|메모|개인적인 ?생각|내 ?생각|생각|느낀 ?점|의견|질문|궁금한 ?점|결론|요약)\s*[:：.)]\s*)?`)

// StripLabel removes a leading emoji or label from a sentence.
func StripLabel(s string) string {
	t := strings.TrimSpace(labelPrefix.ReplaceAllString(s, ""))
	if t == "" {
		return s
	}
	return t
}

// CueHeading reports whether a heading names a kind of content (느낀 점,
// 궁금한 점, 실무 적용 ...) rather than a concept, so it is no headline.
func CueHeading(h string) bool {
	l := strings.ToLower(h)
	for _, cues := range headingCues {
		for _, c := range cues {
			if strings.Contains(l, c) {
				return true
			}
		}
	}
	for _, c := range []string{"정리", "요약", "목차", "참고", "메모", "느낀", "생각해 볼", "생각할", "공부할", "알아볼", "점", "할 것", "볼 것", "거리"} {
		if strings.HasSuffix(l, c) || l == c {
			return true
		}
	}
	return false
}

// reDefinition matches "X은/는/이란/란 ... 이다/다." sentences.
var reDefinition = regexp.MustCompile(`^(.{2,40}?)(은|는|이란|란|이라 함은|\(이\)란)\s.*(이다|한다|말한다|의미한다|뜻한다|다)\.?$`)

// definition reports whether the sentence defines its emphasised term or
// first term: "검색 증강 생성은 ... 기법이다."
func definition(s *Sentence) bool {
	m := reDefinition.FindStringSubmatch(s.Text)
	if m == nil {
		return false
	}
	subject := Key(m[1])
	for _, e := range s.Emphasis {
		if strings.Contains(subject, Key(Clean(e))) {
			return true
		}
	}
	return len(s.Terms) > 0 && strings.HasPrefix(subject, Key(s.Terms[0]))
}
