package offline

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
)

// bookVoiceNote restates a book on databases: the book asks and answers
// its own questions, captions its figures, opens sections with scene
// setting, and labels properties; the member's own words are few.
const bookVoiceNote = `# 6장 인덱스

## 복합 인덱스

- 인덱스를 많이 만들수록 조회가 빨라지지 않을까?
    - 쓰기마다 모든 인덱스를 갱신해야 하는 부담이 생김
    - 인덱스가 차지하는 저장 공간도 함께 늘어남
- 열 순서의 중요성
    - ‘자주 쓰는 열을 아무 순서로나 묶으면 되지 않을까?’
    - 선택도가 높은 열을 앞에 두어야 범위 조건에서도 인덱스를 끝까지 탈 수 있다

## 실행 계획

옵티마이저가 고른 계획을 그대로 믿어도 될까. 통계가 오래되면 어떻게 될까?

- 통계가 오래되면 옵티마이저가 전체 테이블 스캔을 고를 수 있다.

<aside>

Q. 왜 기본 키로 순차 증가하는 값을 쓸까?

A1. 새 행이 항상 맨 끝 페이지에 들어가서 페이지 분할이 드물기 때문에 쓰기 성능이 안정적이다

</aside>

## 커버링 인덱스

- 커버링 인덱스는 조회에 필요한 열을 모두 담아서 테이블을 읽지 않아도 된다.
    
    → 쓰기 비용은 여전히 인덱스 수에 비례하기 때문에, 커버링 인덱스는 조회가 잦은 테이블에만 맞다.

![](figure.png)
-> 2022년 조사에서 커버링 인덱스를 쓰는 팀의 비율은 37%로 늘었다

![](plan.png)

*통계를 갱신한 뒤에는 옵티마이저가 인덱스 스캔을 골라서 조회가 훨씬 빨라졌다.*

*참고용, 뒤의 장을 읽다 보면 인덱스를 어느 경우에 써야 하는지 더 잘 알 수 있을 것*

## 인덱스 도구

인덱스를 직접 설계하고 검증하는 데 시간이 많이 들기 때문에 인덱스를 추천하는 도구들이 등장했다.

모델링 단계에서 설계자는 어떤 열을 인덱스로 만들지 미리 정해야 한다. 그 판단의 근거들을 살펴보자.

### 성능

- 외부 서비스를 쓰지 않는다면, 인덱스 추천 도구를 직접 운영해야 한다. 하지만 직접 운영하는 도구의 추천 품질은 상용 서비스보다 조금 낮다.

## 운영

느린 쿼리를 감으로 고치거나 남의 경험담에만 기대는 식의 튜닝은 장애를 키우고 배포를 늦춘다. 실행 계획부터 확인하자.

- 운영 중에는 인덱스를 추가하는 작업이 테이블 잠금을 거는지부터 확인하는 것이 좋다.
`

func bookVoiceMember(t *testing.T) (*analyze.Member, *analyze.Week) {
	t.Helper()
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w6/하늘.md", bookVoiceNote)}})
	return w.Members[0], w
}

func sectionOf(t *testing.T, m *analyze.Member, w *analyze.Week, key string) insight.Section {
	t.Helper()
	for _, sec := range MemberSections(basic.MemberSections, m, w, MaxBullets, nil) {
		if sec.Key == key {
			return sec
		}
	}
	t.Fatalf("no section %s", key)
	return insight.Section{}
}

func bulletTexts(sec insight.Section) string {
	var out []string
	for _, b := range sec.Bullets {
		out = append(out, b.Head+"|"+b.Text)
	}
	return strings.Join(out, "\n")
}

// The book's rhetorical questions (answered in the lines under them, in
// quotation marks, or asked in a row and answered together) are neither
// the member's angle nor a study target; the answers with their question
// are the point.
func TestBooksQuestionIsNoAngle(t *testing.T) {
	m, w := bookVoiceMember(t)
	for _, sub := range []string{"조회가 빨라지지 않을까", "아무 순서로나 묶으면", "그대로 믿어도 될까", "어떻게 될까"} {
		s := sentenceWith(t, m, sub)
		if s.Scores[insight.KeyPerspective] > 0 || s.Scores[insight.KeyStudy] > 0 || s.Scores[insight.KeyInsights] > 0 {
			t.Errorf("%q is the book's question, scores %v", sub, s.Scores)
		}
	}
	per := sectionOf(t, m, w, insight.KeyPerspective)
	study := sectionOf(t, m, w, insight.KeyStudy)
	for _, sec := range []insight.Section{per, study} {
		if strings.Contains(bulletTexts(sec), "까?") || strings.Contains(bulletTexts(sec), "될까.") {
			t.Errorf("%s holds a book question:\n%s", sec.Key, bulletTexts(sec))
		}
	}
	if study.Notice == "" {
		t.Errorf("the note asks nothing of its own: want the study notice, got %s", bulletTexts(study))
	}
	// An answer under its question carries it, with every answer.
	b := Bullet(sentenceWith(t, m, "모든 인덱스를 갱신"), m, w, insight.KeyInsights)
	want := "인덱스를 많이 만들수록 조회가 빨라지지 않을까? — 1) 쓰기마다 모든 인덱스를 갱신해야 하는 부담이 생김; 2) 인덱스가 차지하는 저장 공간도 함께 늘어남"
	if b.Text != want {
		t.Errorf("answers under a question: %q, want %q", b.Text, want)
	}
	// "Q. … A1. …": the answer carries the question.
	b = Bullet(sentenceWith(t, m, "페이지 분할이 드물기"), m, w, insight.KeyInsights)
	if !strings.HasPrefix(b.Text, "왜 기본 키로 순차 증가하는 값을 쓸까? — 새 행이") {
		t.Errorf("answer under Q.: %q", b.Text)
	}
}

// The member's own question, which the note follows with the member's
// own guess, stays theirs.
func TestOwnQuestionWithOwnGuessStaysOwn(t *testing.T) {
	src := "# 메모\n\n## 잠금\n\n- 왜 이 엔진은 행 잠금 대신 페이지 잠금을 골랐을까?\n- 아마 잠금 관리 비용을 줄이려는 목적이 있는 것 같다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	s := sentenceWith(t, m, "페이지 잠금을 골랐을까")
	if s.Answered || s.Scores[insight.KeyStudy] == 0 {
		t.Errorf("the member's own question answered by their own guess: answered %v scores %v", s.Answered, s.Scores)
	}
}

// Captions and remarks on figures, and a statistic an arrow reads off a
// figure, are no key insights.
func TestFigureRemarksAreNoInsight(t *testing.T) {
	m, w := bookVoiceMember(t)
	if s := sentenceWith(t, m, "참고용"); s.Problem != analyze.ProblemCaption || s.Scores[insight.KeyInsights] > 0 {
		t.Errorf("reference remark: problem %q scores %v", s.Problem, s.Scores)
	}
	if s := sentenceWith(t, m, "통계를 갱신한 뒤에는"); s.Problem != analyze.ProblemCaption {
		t.Errorf("italic line under an image: problem %q", s.Problem)
	}
	stat := sentenceWith(t, m, "37%")
	cover := sentenceWith(t, m, "조회가 잦은 테이블에만")
	if stat.Scores[insight.KeyInsights] >= 0.5*cover.Scores[insight.KeyInsights] {
		t.Errorf("a statistic after an arrow scores %v, a point %v", stat.Scores, cover.Scores)
	}
	got := bulletTexts(sectionOf(t, m, w, insight.KeyInsights))
	if strings.Contains(got, "참고용") || strings.Contains(got, "37%") {
		t.Errorf("key insights hold a figure's remark:\n%s", got)
	}
}

// Sentences that only introduce (things appeared; the scene before a
// signpost) make no key insight and no practical idea.
func TestIntroductionsMakeNoBullet(t *testing.T) {
	m, _ := bookVoiceMember(t)
	for _, sub := range []string{"도구들이 등장했다", "미리 정해야 한다"} {
		s := sentenceWith(t, m, sub)
		if s.Scores[insight.KeyInsights] > 0 || s.Scores[insight.KeyPractical] > 0 {
			t.Errorf("%q introduces, scores %v", sub, s.Scores)
		}
	}
}

// A consequence that still holds against the line above carries it.
func TestStillCarriesItsPremise(t *testing.T) {
	m, w := bookVoiceMember(t)
	b := Bullet(sentenceWith(t, m, "여전히 인덱스 수에"), m, w, insight.KeyInsights)
	if !strings.HasPrefix(b.Text, "커버링 인덱스는 조회에 필요한 열을 모두 담아서 테이블을 읽지 않아도 된다. → 쓰기 비용은 여전히") {
		t.Errorf("premise lost: %q", b.Text)
	}
}

// A property label is no action; a slogan carries what it answers; the
// member's note-style advice stays.
func TestPracticeIsAnAction(t *testing.T) {
	m, w := bookVoiceMember(t)
	if s := sentenceWith(t, m, "인덱스 추천 도구를 직접 운영해야"); s.Scores[insight.KeyPractical] > 0 {
		t.Errorf("a sentence under a property heading is no action: %v", s.Scores)
	}
	got := bulletTexts(sectionOf(t, m, w, insight.KeyPractical))
	if strings.Contains(got, "추천 도구를 직접 운영") {
		t.Errorf("practice holds a property:\n%s", got)
	}
	if !strings.Contains(got, "느린 쿼리를 감으로 고치거나 남의 경험담에만 기대는 식의 튜닝은 장애를 키우고 배포를 늦춘다. 실행 계획부터 확인하자.") {
		t.Errorf("the slogan without what it answers, or missing:\n%s", got)
	}
	if !strings.Contains(got, "테이블 잠금을 거는지부터 확인하는 것이 좋다") {
		t.Errorf("the member's advice is missing:\n%s", got)
	}
}

// An example line ("ex) …") illustrates the point above it.
func TestExampleLineIsNoKeyInsight(t *testing.T) {
	src := "# 메모\n\n## 파티션\n\n- 파티션 키는 조회 패턴에 맞춰야 특정 노드에 부하가 몰리지 않는다.\n- ex) 날짜로 나눈 테이블은 최근 파티션에만 쓰기가 몰려서 한 노드가 느려짐\n- **ex) 고객 번호로 나누면 쓰기가 여러 노드에 고르게 퍼진다.**\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	point := sentenceWith(t, m, "조회 패턴에 맞춰야")
	ex := sentenceWith(t, m, "날짜로 나눈 테이블은")
	bold := sentenceWith(t, m, "고객 번호로 나누면")
	if ex.Scores[insight.KeyInsights] >= 0.5*point.Scores[insight.KeyInsights] {
		t.Errorf("example %v, point %v", ex.Scores, point.Scores)
	}
	if bold.Scores[insight.KeyInsights] < 0.5*point.Scores[insight.KeyInsights] {
		t.Errorf("a bold example is the member's stress: %v, point %v", bold.Scores, point.Scores)
	}
}

// A sentence the note broke over two lines of one item ("…늘지만," then
// the rest) is one bullet, its premise first.
func TestOpenClauseJoinsTheLineBelow(t *testing.T) {
	src := "# 메모\n\n## 샤딩\n\n- 샤드를 늘릴수록 쓰기 처리량은 늘지만,\n    \n    **재조정에 드는 네트워크 비용**이 함께 커짐\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	b := Bullet(sentenceWith(t, m, "재조정에 드는"), m, w, insight.KeyInsights)
	if b.Text != "샤드를 늘릴수록 쓰기 처리량은 늘지만, 재조정에 드는 네트워크 비용이 함께 커짐" || len(b.Sources) != 2 {
		t.Errorf("open clause: %q, sources %+v", b.Text, b.Sources)
	}
}

// Short advice that closes a list carries the item before it, as it does
// at the close of a paragraph; advice with items after it, and advice that
// names its own subject, stand alone.
func TestListSloganCarriesTheItemBefore(t *testing.T) {
	const src = "# 메모\n\n## 출시 준비\n\n초기 시연이 완성된 서비스를 보장하지 않는다\n\n" +
		"- 시연 환경에서 빠르다고 해서 실제 트래픽에서도 빠르다는 보장은 없다.\n- 운영 환경의 안정성과 비용을 충분히 고려해야 함\n\n" +
		"## 모니터링\n\n- 오류율이 갑자기 오르면 배포를 멈춘다.\n- 경보 기준을 먼저 정해 두자.\n- 대시보드는 팀 전체가 보는 곳에 둔다.\n\n" +
		"## 로그\n\n- 로그는 요청마다 한 줄로 남긴다.\n- 로그 보관 기간은 팀이 정해야 한다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	b := Bullet(sentenceWith(t, m, "안정성과 비용을"), m, w, insight.KeyPractical)
	if b.Text != "시연 환경에서 빠르다고 해서 실제 트래픽에서도 빠르다는 보장은 없다. 운영 환경의 안정성과 비용을 충분히 고려해야 함" || len(b.Sources) != 2 {
		t.Errorf("the list's closing advice without the item it answers: %q (%d sources)", b.Text, len(b.Sources))
	}
	for _, sub := range []string{"경보 기준을 먼저", "보관 기간은 팀이"} {
		if s := sentenceWith(t, m, sub); s.Context != nil {
			t.Errorf("%q carries %q", sub, s.Context.Body)
		}
	}
}

// A sentence the note broke over two items of a list under a label keeps
// both halves and the label.
func TestSentenceOverTwoItemsKeepsItsLabel(t *testing.T) {
	const src = "# 메모\n\n## 캐시 크기\n\n- 캐시를 크게 잡을수록:\n    - 메모리에 남는 빈 공간이 점점 줄어들고,\n" +
		"    - 점점 더 많은 요청이 디스크로 밀려나지 않을까..\n\n## 만료\n\n- 만료 시간은 데이터가 바뀌는 주기에 맞춘다.\n"
	w := analyze.Analyze([]analyze.Note{{Member: "하늘", Doc: note.Parse("w1/하늘.md", src)}})
	m := w.Members[0]
	b := Bullet(sentenceWith(t, m, "디스크로 밀려나지"), m, w, insight.KeyPerspective)
	if want := "캐시를 크게 잡을수록: 메모리에 남는 빈 공간이 점점 줄어들고, 점점 더 많은 요청이 디스크로 밀려나지 않을까.."; b.Text != want || len(b.Sources) != 3 {
		t.Errorf("bullet %q (%d sources), want %q", b.Text, len(b.Sources), want)
	}
}
