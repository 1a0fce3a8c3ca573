package summary

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
)

// allLines is every line of every point of the summary, one string.
func allLines(s *insight.Summary) string {
	var b strings.Builder
	for _, sec := range s.Sections {
		b.WriteString(strings.Repeat("#", sec.Level) + " " + sec.Heading() + "\n")
		for _, p := range sec.Points {
			b.WriteString(strings.Join(p.Lines, "\n") + "\n")
		}
	}
	return b.String()
}

func TestLinkCardsAreNoPoints(t *testing.T) {
	// A member pasted two link previews (a social post and a repository)
	// between their points: the title, the site's blurb cut mid-word and
	// the bare domain are debris; the points around them stay.
	s := summarize(t, oneNote(`# 5장. 복제

## 5.1 리더와 팔로워

- 쓰기는 리더가 받고 팔로워는 리더의 변경 로그를 순서대로 적용한다.

 [X의 김하늘님(@haneul_db)

Leader election in practice is harder than it looks: timeouts, split brain and clocks all conspire against you when the netw

x.com](https://x.com/haneul_db/status/1)

- 리더가 죽으면 팔로워 중 하나가 새 리더가 된다.

 [GitHub - dbstudy/replication-notes: \[WIP\] Notes on replication (C

\[WIP\] Notes on replication and consensus - dbstudy/replication-notes

github.com](https://github.com/dbstudy/replication-notes)

- 동기식 복제는 팔로워의 확인을 기다린다.
`))
	got := allLines(s)
	for _, debris := range []string{"x.com", "github.com", "@haneul_db", "GitHub -", "Leader election", "[WIP]"} {
		if strings.Contains(got, debris) {
			t.Errorf("link card debris %q kept:\n%s", debris, got)
		}
	}
	for _, keep := range []string{"변경 로그를 순서대로", "새 리더가 된다", "확인을 기다린다"} {
		if !strings.Contains(got, keep) {
			t.Errorf("point %q lost:\n%s", keep, got)
		}
	}
}

func TestLinkCardLines(t *testing.T) {
	for _, c := range []struct {
		line string
		card bool
	}{
		{"x.com]", true},
		{"github.com]", true},
		{"www.example.co.kr ]", true},
		{"GitHub - owner/repo: [WIP] Something (C", true},
		{"X의 김하늘님(@haneul_db)", true},
		{"김하늘 (@haneul_db) on X", true},
		{"김하늘(@haneul_db)은 리더 선출이 어렵다고 정리했다.", false},
		{"리더 선출은 [Raft] 논문을 참고했다.", false},
		{"github.com 에 코드가 있다.", false},
	} {
		if got := domainEndRe.MatchString(c.line) || cardTitleRe.MatchString(c.line); got != c.card {
			t.Errorf("%q: card %v, want %v", c.line, got, c.card)
		}
	}
}

func TestSymbolDef(t *testing.T) {
	for _, c := range []struct {
		line string
		def  bool
	}{
		{"r_θ : θ로 파라미터화된 보상 모델", true},
		{"σ : 시그모이드 함수", true},
		{"x : 입력 프롬프트", true},
		{"y^2 : 제곱", true},
		{"리더 : 쓰기를 받는 노드", false},
		{"Raft : 합의 알고리즘", false},
		{"σ는 시그모이드 함수다", false},
	} {
		if got := symbolDef(c.line); got != c.def {
			t.Errorf("%q: symbol definition %v, want %v", c.line, got, c.def)
		}
	}
}

// needsInput is a week of two members: 한서진 makes a point in two
// paragraphs, the second pointing back at the first ("이 문제를 피하려고"),
// and defines a formula's symbols under it; 오태윤 says the second half
// on its own words.
func needsInput(t *testing.T, first string) *engine.Input {
	t.Helper()
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5}}}
	addNote(in, "한서진", `# 5장. 복제

## 5.2 정족수

`+first+`

이 문제를 피하려고 쓰기와 읽기 모두 과반수 노드의 응답을 기다린다.

$$P_{stale} = (1 - p)^{w} \\cdot (1 - q)^{r} \\cdot (1 - s)^{n - w - r}$$

쓰기 노드와 읽기 노드가 적어도 하나 겹치면 최신 값을 읽게 된다.

- $w$ : 쓰기가 성공하려면 확인을 보내야 하는 노드의 수
- $r$ : 읽기가 성공하려면 응답을 보내야 하는 노드의 수
`)
	addNote(in, "오태윤", `# 5장. 복제

## 5.2 정족수

- 정족수 읽기와 쓰기는 과반수 노드의 응답을 기다려서 오래된 값을 읽지 않게 한다.
`)
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

func TestPointNeedsWhatItPointsBackAt(t *testing.T) {
	b := &builder{in: needsInput(t, "복제본 하나만 읽으면 방금 쓴 값이 아직 없는 노드에서 오래된 값을 읽을 수 있다.")}
	b.read()
	var pts []*point
	for _, o := range b.outlines[:1] {
		for _, h := range o.heads {
			pts = append(pts, h.points...)
		}
	}
	byStart := func(prefix string) *point {
		for _, p := range pts {
			if strings.HasPrefix(p.plain, prefix) {
				return p
			}
		}
		t.Fatalf("no point %q among %d", prefix, len(pts))
		return nil
	}
	problem := byStart("복제본 하나만")
	if p := byStart("이 문제를"); p.needs != problem {
		t.Errorf("the point pointing back needs %v, want the point before it", p.needs)
	}
	formula := byStart("P_stale")
	if !formula.formula {
		t.Errorf("%q is not read as a formula", formula.plain)
	}
	for _, sym := range []string{"w : ", "r : "} {
		if p := byStart(sym); p.needs != formula {
			t.Errorf("%q needs %v, want the formula", p.plain, p.needs)
		}
	}
	if problem.needs != nil {
		t.Errorf("the first point needs %q", problem.needs.plain)
	}
}

func TestSettleNeeds(t *testing.T) {
	b := &builder{in: needsInput(t, "복제본 하나만 읽으면 방금 쓴 값이 아직 없는 노드에서 오래된 값을 읽을 수 있다.")}
	b.read()
	var pts []*point
	for _, h := range b.outlines[0].heads {
		pts = append(pts, h.points...)
	}
	for _, h := range b.outlines[1].heads {
		pts = append(pts, h.points...)
	}
	var problem, pointer, formula, other *point
	var syms []*point
	for _, p := range pts {
		switch {
		case strings.HasPrefix(p.plain, "복제본"):
			problem = p
		case strings.HasPrefix(p.plain, "이 문제를"):
			pointer = p
		case p.formula:
			formula = p
		case p.member == 1:
			other = p
		case p.needs != nil && p.needs.formula:
			syms = append(syms, p)
		}
	}
	if problem == nil || pointer == nil || formula == nil || other == nil || len(syms) != 2 {
		t.Fatalf("points not read: %v %v %v %v %d", problem, pointer, formula, other, len(syms))
	}
	// The draft kept the pointing point (with another member's version
	// of it) and the symbols, but neither the problem nor the formula:
	// the cluster takes the other member's words, the symbols go.
	both := &cluster{points: []*point{pointer, other}, rep: pointer}
	secs := []*draftSection{{clusters: []*cluster{both, {points: syms[:1], rep: syms[0]}, {points: syms[1:], rep: syms[1]}}}}
	b.settleNeeds(secs)
	if len(secs[0].clusters) != 1 || secs[0].clusters[0].rep != other {
		t.Fatalf("after settling: %d clusters, want the other member's version alone", len(secs[0].clusters))
	}
	// With what they need kept, they stand.
	both.rep = pointer
	secs = []*draftSection{{clusters: []*cluster{{points: []*point{problem}, rep: problem}, both, {points: []*point{formula}, rep: formula}, {points: syms[:1], rep: syms[0]}}}}
	b.settleNeeds(secs)
	if len(secs[0].clusters) != 4 || secs[0].clusters[1].rep != pointer {
		t.Errorf("kept with what they need: %d clusters, rep %q", len(secs[0].clusters), secs[0].clusters[1].rep.plain)
	}
}

func TestFigureReferenceNeedsTheFigure(t *testing.T) {
	s := summarize(t, oneNote(`# 5장. 복제

## 5.2 정족수

- 노드가 다섯 개면 쓰기 셋과 읽기 셋이 겹쳐서 최신 값을 읽는다.
- 그림 5-3과 같이 노드가 다섯 개라고 하자. 쓰기가 셋이면 읽기도 셋이어야 한다.
`))
	got := allLines(s)
	if strings.Contains(got, "그림 5-3") {
		t.Errorf("a point on a figure the draft does not show kept:\n%s", got)
	}
	if !strings.Contains(got, "최신 값을 읽는다") {
		t.Errorf("the point before it lost:\n%s", got)
	}
}

func TestEmptyHeadingsDropped(t *testing.T) {
	// "### 복제 방식" and "#### 정리" have nothing under them (an image,
	// a heading over nothing); "### 5.1.1" has a point; "## 5.2" is the
	// book's section and stays though empty of its own points.
	s := summarize(t, oneNote(`# 5장. 복제

## 5.1 리더와 팔로워

- 모든 쓰기는 리더로만 가고 팔로워는 변경 로그를 적용한다.

### 복제 방식

![](fig.png)

### 5.1.1 동기식 복제

- 동기식 복제는 팔로워가 쓰기를 확인할 때까지 기다린다.

#### 정리

## 5.2 복제 지연

### 5.2.1 쓰기 후 읽기

- 자신이 쓴 값은 리더에서 읽으면 바로 보인다.
`))
	got := strings.Join(headings(s), "\n")
	for _, gone := range []string{"복제 방식", "정리"} {
		if strings.Contains(got, "# "+gone) {
			t.Errorf("empty heading %q kept:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"## 5.1 리더와 팔로워", "### 5.1.1 동기식 복제", "## 5.2 복제 지연", "### 5.2.1 쓰기 후 읽기"} {
		if !strings.Contains(got, kept) {
			t.Errorf("heading %q lost:\n%s", kept, got)
		}
	}
}

func TestBookReferenceStandsAlone(t *testing.T) {
	b := &builder{in: oneNote(`# 5장. 복제

## 5.1 리더와 팔로워

- 모든 쓰기는 리더로만 가고 팔로워는 변경 로그를 적용한다.
- 이 장에서는 리더 기반 복제를 먼저 다루고 리더 없는 복제를 뒤에 다룬다.
- 이 방식에서는 리더가 병목이 된다.
`)}
	b.read()
	needs := map[string]bool{}
	for _, h := range b.outlines[0].heads {
		for _, p := range h.points {
			needs[p.plain[:len("이 장")]] = p.needs != nil
		}
	}
	if needs["이 장"] {
		t.Error("a point on the chapter itself needs the line above")
	}
	if !needs["이 방"] {
		t.Error("a point on \"이 방식\" stands alone")
	}
}

func TestFormulaJoinsThePointAnnouncingIt(t *testing.T) {
	s := summarize(t, oneNote(`# 5장. 복제

## 5.2 정족수

- 노드 n개 중 w개에 쓰고 r개에서 읽는다.
  - 최신 값을 읽을 확률은 다음과 같이 계산된다.

$$P = 1 - \left(\frac{n - w}{n}\right)^{r}$$

w와 r을 키울수록 오래된 값을 읽을 확률은 줄지만 지연은 늘어난다.
`))
	sec := find(s, "정족수")
	if sec == nil {
		t.Fatalf("no 5.2: %v", headings(s))
	}
	got := pointLines(sec.Points)
	want := []string{
		"bullet: 노드 n개 중 w개에 쓰고 r개에서 읽는다. /   - 최신 값을 읽을 확률은 다음과 같이 계산된다. /     - **P = 1 - ((n - w)/n)^r** /       - w와 r을 키울수록 오래된 값을 읽을 확률은 줄지만 지연은 늘어난다.",
	}
	samePoints(t, got, want)
}

func TestFormulaBeforeHeadingKept(t *testing.T) {
	// A short formula over a heading reads like a bare label; it is not
	// one: it joins the line that announces it.
	s := summarize(t, oneNote(`# 5장. 복제

## 5.2 정족수

- 쓰기 노드와 읽기 노드가 겹치는 조건은 다음과 같다.

$$r = n - w + 1$$

## 5.3 리더 없는 복제

- 아무 노드에나 쓰고 여러 노드에서 읽는다.
`))
	sec := find(s, "5.2 정족수")
	if sec == nil {
		t.Fatalf("no 정족수: %v", headings(s))
	}
	samePoints(t, pointLines(sec.Points), []string{"bullet: 쓰기 노드와 읽기 노드가 겹치는 조건은 다음과 같다. /   - r = n - w + 1"})
}
