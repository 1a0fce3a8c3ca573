package summary

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/text"
	"github.com/moim-study/moim/internal/workspace"
)

// Four members' notes on one chapter of a made-up book on distributed
// databases, written as people write them:
//   - 한서진 numbers sections by the book ("5.1", "5.1.1");
//   - 오태윤 uses no numbers, other heading levels and other wording,
//     skips 5.3, adds a section of his own and a 느낀 점;
//   - 김도현 numbers by her own ordinals ("1)", "2-1.") and writes code
//     and a table;
//   - 문가람 writes one paragraph without any heading.
var notes = map[string]string{
	"한서진": `# 5장. 복제

복제는 같은 데이터를 여러 노드에 두는 것이다.

## 5.1 리더와 팔로워

- **리더 기반 복제**에서는 모든 쓰기가 리더로만 간다.
  - 팔로워는 리더의 변경 로그를 받아 같은 순서로 적용한다.
- 읽기는 리더와 팔로워 어디서든 할 수 있다.

### 5.1.1 동기식 복제와 비동기식 복제

- 동기식 복제는 팔로워가 쓰기를 확인할 때까지 기다린다.
- 비동기식 복제는 기다리지 않아서 빠르지만 데이터를 잃을 수 있다.

## 5.2 복제 지연 문제

- 비동기 복제에서는 팔로워가 리더보다 뒤처질 수 있고, 이것을 **복제 지연**이라고 한다.
- 자신이 쓴 내용을 바로 읽지 못하는 문제가 생긴다.

## 5.3 다중 리더 복제

- 데이터센터마다 리더를 하나씩 두면 쓰기 지연이 줄어든다.
- 대신 쓰기 충돌을 해결해야 한다.
`,
	"오태윤": `# 복제

## 리더와 팔로워 구조

리더 기반 복제에서는 모든 쓰기가 리더에게만 간다. 팔로워는 리더가 보내는 변경 로그를 순서대로 적용한다.

### 동기식 vs 비동기식

동기식 복제는 팔로워가 쓰기를 확인할 때까지 기다리므로 느리다.

## 복제 지연

비동기 복제에서는 팔로워가 리더보다 뒤처질 수 있다.

## 리더 없는 복제

- 다이나모 스타일의 데이터베이스는 리더 없이 아무 노드에나 쓴다.
- 정족수를 맞추면 최신 값을 읽을 수 있다.

## 느낀 점

- 복제 지연 때문에 생기는 버그를 실무에서 자주 봤다.
`,
	"김도현": `# 1) 리더와 팔로워

- 모든 쓰기는 리더로만 가고, 팔로워는 리더의 변경 로그를 적용한다.

## 1-1. 동기식과 비동기식 복제

| 방식 | 장점 | 단점 |
|---|---|---|
| 동기식 | 데이터를 잃지 않는다 | 느리다 |
| 비동기식 | 빠르다 | 데이터를 잃을 수 있다 |

# 2) 복제 지연 문제

` + "```go\nfor _, f := range followers {\n\tf.Apply(log)\n}\n```" + `

- 팔로워가 리더보다 뒤처지는 복제 지연이 생긴다.
`,
	"문가람": `비동기식 복제는 기다리지 않아서 빠르지만 리더가 죽으면 데이터를 잃을 수 있다.
`,
}

var order = []string{"한서진", "오태윤", "김도현", "문가람"}

// input builds the week's engine input with its analysis, as pipeline
// does.
func input(t testing.TB, names ...string) *engine.Input {
	t.Helper()
	in := &engine.Input{Week: 5,
		Schedule: &workspace.ScheduleRow{Week: 5, Chapters: "5장", Topic: "복제", Integrator: "김도현", Source: "README.md", Line: 12},
		Chapters: []engine.Chapter{{Number: 5}},
	}
	for _, n := range names {
		path := "weeks/week05/" + n + ".md"
		in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: n}, Doc: note.Parse(path, notes[n])})
	}
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

func summarize(t testing.TB, in *engine.Input) *insight.Summary {
	t.Helper()
	s, err := New().Summarize(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// oneNote is the input of a week with one member's note.
func oneNote(md string) *engine.Input {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5}}}
	addNote(in, "한서진", md)
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

// addNote adds a member's note to a week's input.
func addNote(in *engine.Input, name, md string) {
	in.Members = append(in.Members, engine.MemberInput{Member: workspace.Member{Name: name}, Doc: note.Parse("weeks/week05/"+name+".md", md)})
}

// pointLines writes each point as "kind: line / line".
func pointLines(ps []insight.Point) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Kind+": "+strings.Join(p.Lines, " / "))
	}
	return out
}

func samePoints(t *testing.T, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("points:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func find(s *insight.Summary, heading string) *insight.SummarySection {
	for i := range s.Sections {
		if s.Sections[i].Heading() == heading {
			return &s.Sections[i]
		}
	}
	return nil
}

// analysed gives the week its analysis, as pipeline does.
func analysed(in *engine.Input) *engine.Input {
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

// sameOutline stops the test when the summary's headings are not want.
func sameOutline(t *testing.T, s *insight.Summary, want []string) {
	t.Helper()
	if got := headings(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func headings(s *insight.Summary) []string {
	var out []string
	for _, sec := range s.Sections {
		out = append(out, strings.Repeat("#", sec.Level)+" "+sec.Heading())
	}
	return out
}

func TestOutlineAlignment(t *testing.T) {
	s := summarize(t, input(t, order...))
	want := []string{
		"# 5장. 복제",
		"## 5.1 리더와 팔로워",
		"### 5.1.1 동기식 복제와 비동기식 복제",
		"## 5.2 복제 지연 문제",
		"## 리더 없는 복제",
		"## 5.3 다중 리더 복제",
		"## " + ThoughtsHeading,
		"### " + cueHeadings[cueThoughts],
	}
	sameOutline(t, s, want)
	members := map[string][]string{
		// Numbered, unnumbered and ordinal headings of the same section.
		"5.1 리더와 팔로워":           {"한서진", "오태윤", "김도현"},
		"5.1.1 동기식 복제와 비동기식 복제": {"한서진", "오태윤", "김도현"},
		"5.2 복제 지연 문제":          {"한서진", "오태윤", "김도현"},
		// A member's own section; the members who skipped a section.
		"리더 없는 복제":     {"오태윤"},
		"5.3 다중 리더 복제": {"한서진"},
	}
	for h, want := range members {
		sec := find(s, h)
		if sec == nil {
			t.Errorf("no section %q", h)
			continue
		}
		if !reflect.DeepEqual(sec.Members, want) {
			t.Errorf("%s: members %v, want %v", h, sec.Members, want)
		}
		if len(sec.Sources) != len(want) {
			t.Errorf("%s: %d heading sources, want %d", h, len(sec.Sources), len(want))
		}
	}
}

func TestPointsClustered(t *testing.T) {
	s := summarize(t, input(t, order...))
	sec := find(s, "5.1 리더와 팔로워")
	var writes *insight.Point
	for i, p := range sec.Points {
		if strings.Contains(p.Text(), "쓰기가 리더로만") || strings.Contains(p.Text(), "쓰기는 리더로만") || strings.Contains(p.Text(), "쓰기가 리더에게만") {
			if writes != nil {
				t.Errorf("the same point twice:\n%q\n%q", writes.Text(), p.Text())
			}
			writes = &sec.Points[i]
		}
	}
	if writes == nil {
		t.Fatalf("the point all three wrote is missing: %+v", sec.Points)
	}
	if len(writes.Members) != 3 || len(writes.Sources) != 3 {
		t.Errorf("members %v, %d sources; want the three who wrote it", writes.Members, len(writes.Sources))
	}
	// The representative keeps its list structure and emphasis.
	if writes.Kind != insight.PointBullet || !strings.Contains(writes.Lines[0], "**리더 기반 복제**") || len(writes.Lines) != 2 || !strings.HasPrefix(writes.Lines[1], "  - ") {
		t.Errorf("representative lost its structure: %+v", writes)
	}
	for _, src := range writes.Sources {
		if src.File == "" || src.Line == 0 || src.Member == "" || src.Quote == "" {
			t.Errorf("incomplete source %+v", src)
		}
	}
	// A member's point on something no one else wrote stays on its own.
	if n := countPoints(sec, "읽기는 리더와 팔로워"); n != 1 {
		t.Errorf("the reads point appears %d times", n)
	}
}

func countPoints(sec *insight.SummarySection, part string) int {
	n := 0
	for _, p := range sec.Points {
		if strings.Contains(p.Text(), part) {
			n++
		}
	}
	return n
}

func TestCodeAndTablesKept(t *testing.T) {
	s := summarize(t, input(t, order...))
	var code, table bool
	for _, sec := range s.Sections {
		for _, p := range sec.Points {
			switch p.Kind {
			case insight.PointCode:
				code = strings.Join(p.Lines, "\n") == "for _, f := range followers {\n\tf.Apply(log)\n}"
			case insight.PointTable:
				table = len(p.Lines) == 3 && strings.Contains(p.Lines[0], "방식") && strings.Contains(p.Lines[2], "데이터를 잃을 수 있다")
			}
		}
	}
	if !code || !table {
		t.Errorf("code kept %v, table kept %v", code, table)
	}
}

func TestNoteWithoutHeadings(t *testing.T) {
	s := summarize(t, input(t, order...))
	found := false
	for _, sec := range s.Sections {
		for _, p := range sec.Points {
			for _, src := range p.Sources {
				if src.Member == "문가람" {
					found = true
					if sec.Heading() != "5.1.1 동기식 복제와 비동기식 복제" {
						t.Errorf("the heading-less note's point went to %q", sec.Heading())
					}
					if len(p.Members) < 2 {
						t.Errorf("it should join the others' point on the same thing: %+v", p)
					}
				}
			}
		}
	}
	if !found {
		t.Error("the point of the note without headings is missing")
	}
}

func TestOverviewAndDeterminism(t *testing.T) {
	in := input(t, order...)
	a, b := summarize(t, in), summarize(t, in)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs on the same input differ")
	}
	if len(a.Overview) == 0 || !strings.Contains(a.Overview[0].Text(), "5장 — 복제") || a.Overview[0].Sources[0].File != "README.md" {
		t.Errorf("overview: %+v", a.Overview)
	}
	if a.Engine != Name || len(a.Members) != 4 {
		t.Errorf("engine %q, members %v", a.Engine, a.Members)
	}
}

func TestOneMember(t *testing.T) {
	s := summarize(t, input(t, "오태윤"))
	if got := headings(s); len(got) < 2 || got[0] != "# 5장" || got[1] != "## 리더와 팔로워 구조" {
		t.Errorf("one note is still an outline under the week's chapter: %v", got)
	}
	for _, sec := range s.Sections {
		for _, p := range sec.Points {
			if len(p.Members) != 1 || p.Members[0] != "오태윤" {
				t.Errorf("point %q credited to %v", p.Text(), p.Members)
			}
		}
	}
}

func TestHeadingSim(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"3.2.4 퍼플렉서티", "2-4. 퍼플렉시티 (PPL)", true},
		{"## 1) 리더와 팔로워", "5.1 리더와 팔로워", true},
		{"Chap 5. 복제", "5장. 복제", true},
		{"5장. 복제", "6장. 파티셔닝", false},
		{"동기식 복제", "다중 리더 복제", false},
		{"마스크 언어 모델", "마스크 언어 모델(masked language model)", true},
	}
	for _, tt := range tests {
		if got := HeadingSim(tt.a, tt.b) >= minMatch; got != tt.same {
			t.Errorf("HeadingSim(%q, %q) = %.2f", tt.a, tt.b, HeadingSim(tt.a, tt.b))
		}
	}
}

func TestNoAnalysis(t *testing.T) {
	if _, err := New().Summarize(context.Background(), &engine.Input{}); err != engine.ErrNoAnalysis {
		t.Errorf("err = %v, want ErrNoAnalysis", err)
	}
}

// A member who makes one point in two list items, another who makes it in
// one: the greedy pass puts each item in a cluster of its own (a cluster
// holds one point per member), the joining pass makes them one cluster
// because the second member's point says both. A point on something else
// stays apart.
func TestClustersJoinedAcrossSplitPoints(t *testing.T) {
	mk := func(member int, s string) *point {
		return &point{member: member, kind: insight.PointBullet, lines: []string{"- " + s}, plain: s,
			grams: text.NewBigrams(s, text.BigramOptions{})}
	}
	pts := []*point{
		mk(0, "복제 지연은 팔로워가 리더보다 뒤처지는 현상이다."),
		mk(0, "그래서 방금 쓴 값을 바로 다시 읽지 못할 수 있다."),
		mk(0, "정족수를 맞추면 최신 값을 읽을 수 있다."),
		mk(1, "복제 지연은 팔로워가 리더보다 뒤처지는 현상이고, 그래서 방금 쓴 값을 바로 다시 읽지 못할 수 있다."),
	}
	cs := clusterPoints(pts)
	if len(cs) != 2 {
		for _, c := range cs {
			var ps []string
			for _, p := range c.points {
				ps = append(ps, p.plain)
			}
			t.Logf("cluster: %q", ps)
		}
		t.Fatalf("%d clusters, want 2 (the split point joined, the quorum point apart)", len(cs))
	}
	if n := len(cs[0].points); n != 3 || cs[0].rep != pts[3] {
		t.Errorf("first cluster has %d points, representative %q; want 3 and the whole point", n, cs[0].rep.plain)
	}
	if len(cs[1].points) != 1 || cs[1].points[0] != pts[2] {
		t.Errorf("the quorum point is not alone")
	}
}

// A short line that labels the list under it ("읽기와 쓰기 정족수" over its
// items) is one point with the list nested under the bold label; a
// sentence that announces a list, or whose list items are bare labels,
// is one point with its list; a label over a paragraph nests it; a bare
// label and a figure's caption are no points; a sentence over a list of
// sentences stays apart from it.
func TestLabelOverListIsOnePoint(t *testing.T) {
	const md = `# 5장. 복제

## 5.4 리더 없는 복제

읽기와 쓰기 정족수

![](quorum.png)

- 쓰기는 w개 노드, 읽기는 r개 노드에 보낸다.
  - w + r > n이면 최신 값을 읽는다.
- 정족수를 줄이면 지연 시간이 줄어든다.

노드가 죽었을 때 쓰기는 다음과 같이 처리한다.

- 살아 있는 노드에만 쓰고 나중에 읽기 복구로 맞춘다.

느슨한 정족수

힌트 핸드오프는 다른 노드가 잠시 쓰기를 맡아 두었다가 돌려주는 방식이다.

리더 없는 복제는 장애에 강하다.

- 가용성
  - 노드 몇 개가 죽어도 쓸 수 있다.
- 지연 시간
  - 가장 빠른 노드들의 응답만 기다린다.

버전 벡터의 장점은,

**1. 동시성 판별** : 두 쓰기가 동시에 일어났는지 알 수 있다.

**2. 병합** : 형제 값을 합칠 수 있다.

- 쓰기마다 버전 번호를 올린다.
![](versions.png)
-> 버전 벡터로 형제 값을 찾는 예시
- 버전 벡터는 노드마다 버전 번호를 둔다.
  - 값마다 벡터를 함께 저장한다.
  ![](vector.png)
  -> 버전 벡터를 저장한 예시

- 읽기 복구는 오래된 값을 가진 노드에 새 값을 다시 쓰는 것이다.

![](anti-entropy.png)
- 위 그림은 안티 엔트로피 과정을 보여준다.

> **예제 입력**
>
> 세 노드에 값을 쓰고 두 노드에서 읽어라.

반 정족수

## 5.5 동시 쓰기

마지막 쓰기 승리는 타임스탬프가 가장 큰 쓰기만 남긴다.

- 나머지 쓰기는 조용히 버려진다.
- 그래서 데이터가 사라질 수 있다.
`
	s := summarize(t, oneNote(md))
	sec := find(s, "5.4 리더 없는 복제")
	if sec == nil {
		t.Fatalf("no section: %v", headings(s))
	}
	got := pointLines(sec.Points)
	want := []string{
		"bullet: **읽기와 쓰기 정족수** /   - 쓰기는 w개 노드, 읽기는 r개 노드에 보낸다. /     - w + r > n이면 최신 값을 읽는다. /   - 정족수를 줄이면 지연 시간이 줄어든다.",
		"bullet: 노드가 죽었을 때 쓰기는 다음과 같이 처리한다. /   - 살아 있는 노드에만 쓰고 나중에 읽기 복구로 맞춘다.",
		"bullet: **느슨한 정족수** /   - 힌트 핸드오프는 다른 노드가 잠시 쓰기를 맡아 두었다가 돌려주는 방식이다.",
		"bullet: 리더 없는 복제는 장애에 강하다. /   - 가용성 /     - 노드 몇 개가 죽어도 쓸 수 있다. /   - 지연 시간 /     - 가장 빠른 노드들의 응답만 기다린다.",
		"bullet: 버전 벡터의 장점은, /   - 동시성 판별 : 두 쓰기가 동시에 일어났는지 알 수 있다. /   - 병합 : 형제 값을 합칠 수 있다.",
		"bullet: 쓰기마다 버전 번호를 올린다.",
		"bullet: 버전 벡터는 노드마다 버전 번호를 둔다. /   - 값마다 벡터를 함께 저장한다.",
		"bullet: 읽기 복구는 오래된 값을 가진 노드에 새 값을 다시 쓰는 것이다.",
		"quote: **예제 입력** / 세 노드에 값을 쓰고 두 노드에서 읽어라.",
	}
	samePoints(t, got, want)
	if p := sec.Points[0]; len(p.Sources) != 1 || p.Sources[0].Line != 5 {
		t.Errorf("the labelled list's source %+v, want line 5", p.Sources)
	}
	// A sentence over a list of whole sentences it does not announce:
	// the list stands on its own.
	next := find(s, "5.5 동시 쓰기")
	if next == nil || len(next.Points) != 3 {
		t.Errorf("동시 쓰기: %+v, want the sentence and its two items apart", next)
	}
}

// Numbered paragraphs written all in bold, each with its own content
// under it, are the member's subheadings (blog editors without heading
// levels): the section gets them as subsections, their lists under them.
// Numbered bold paragraphs with nothing between them are a list of
// statements, not headings. Another member who listed the same reasons in
// the section has each of them joined to the subsection that says it.
func TestBoldNumberedParagraphsAreSubheadings(t *testing.T) {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5, Title: "복제"}}}
	addNote(in, "한서진", `# 5장. 복제

## 5.5 복제 지연 해결

- 읽기 일관성은 몇 가지 방법으로 보장한다.

## 5.6 복제가 어려운 이유

복제가 어려운 이유는

**1. 네트워크는 언제든 끊길 수 있다.**

- 끊긴 동안 쓴 값은 나중에 맞춰야 한다.

**2. 노드의 시계가 서로 다르다.**

- 타임스탬프만으로는 순서를 정할 수 없다.

## 5.7 정리

**1. 복제는 가용성을 높인다.**

**2. 복제는 읽기 처리량을 늘린다.**
`)
	addNote(in, "오태윤", `# 5장. 복제

## 5.5 복제 지연 해결

- 자신이 쓴 값은 리더에서 읽게 한다.

## 5.6 복제가 어려운 이유

- 노드의 시계가 서로 달라서 타임스탬프로 순서를 정하기 어렵다.
- 네트워크가 끊기면 끊긴 동안 쓴 값을 나중에 맞춰야 한다.
`)
	s := summarize(t, analysed(in))
	want := []string{
		"# 5장. 복제",
		"## 5.5 복제 지연 해결",
		"## 5.6 복제가 어려운 이유",
		"### 네트워크는 언제든 끊길 수 있다",
		"### 노드의 시계가 서로 다르다",
		"## 5.7 정리",
	}
	sameOutline(t, s, want)
	if sec := find(s, "5.6 복제가 어려운 이유"); len(sec.Points) != 0 {
		t.Errorf("5.6 keeps points the subsections say: %v", pointLines(sec.Points))
	}
	for _, c := range []struct{ heading, part string }{
		{"네트워크는 언제든 끊길 수 있다", "끊긴 동안 쓴 값"},
		{"노드의 시계가 서로 다르다", "타임스탬프"},
	} {
		sec := find(s, c.heading)
		if sec == nil || len(sec.Points) != 1 || !strings.Contains(strings.Join(sec.Points[0].Lines, " "), c.part) {
			t.Errorf("%s: %+v, want one point about %q", c.heading, sec, c.part)
			continue
		}
		if m := sec.Points[0].Members; len(m) != 2 {
			t.Errorf("%s: the point's members %v, want both (one cluster)", c.heading, m)
		}
	}
	if sec := find(s, "5.7 정리"); sec == nil || len(sec.Points) != 2 {
		t.Errorf("5.7: bold statements with nothing under them stay points: %+v", sec)
	}
}

func TestBoldHeadings(t *testing.T) {
	d := note.Parse("n.md", "# 제목\n\n**1. 하나**\n\n- 내용\n\n**3. 셋**\n\n- 내용\n\n**1. 가**\n\n본문\n\n**2. 나**\n\n본문\n\n**1. 일부만** 굵게\n\n- 내용\n\n**2. 둘**\n\n- 내용\n")
	var got []string
	for i, b := range d.Blocks {
		if boldHeadings(d)[i] {
			got = append(got, b.Text)
		}
	}
	// "1. 하나" and "3. 셋" skip a number; "1. 일부만 굵게" is not all bold,
	// so "2. 둘" starts no run.
	if want := []string{"1. 가", "2. 나"}; !reflect.DeepEqual(got, want) {
		t.Errorf("bold headings %q, want %q", got, want)
	}
}

// lagSection is a book-numbered section with two subsections.
const lagSection = `## 5.2 복제 지연 문제

- 팔로워가 리더보다 뒤처지는 것을 복제 지연이라고 한다.

### 5.2.1 자신이 쓴 내용 읽기

- 방금 쓴 값은 리더에서 읽게 한다.

### 5.2.2 단조 읽기

- 같은 사용자는 항상 같은 복제본에서 읽게 한다.
`

// Headings a member wrote that name no section of their own: a heading
// repeating the chapter's title opens the chapter; a member's own title
// over subheadings that are the book's 5.2.1 and 5.2.2 is 5.2; a
// catch-all "기타" belongs to the section it closes; a member's own
// subheading sits under the numbered section it was written in.
func TestFoldMembersHeadings(t *testing.T) {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5, Title: "복제"}}}
	add := func(name, md string) { addNote(in, name, md) }
	add("한서진", `# 5장. 복제

## 5.1 리더와 팔로워

- 모든 쓰기는 리더로만 가고 팔로워는 변경 로그를 적용한다.

### 팔로워 추가하기

- 새 팔로워는 리더의 스냅숏을 받은 뒤 그 뒤의 로그를 따라잡는다.

`+lagSection)
	add("오태윤", `# 5장. 복제

### 복제

복제는 같은 데이터를 네트워크로 연결된 여러 기계에 두는 것이다.

# 5.1 리더와 팔로워

- 쓰기는 리더가 받고 팔로워는 리더의 변경 로그를 순서대로 적용한다.

# 2) 일관성을 지키는 방법

### Ⓐ 자신이 쓴 내용 읽기

- 사용자가 방금 쓴 값은 리더에서 읽으면 된다.

### Ⓑ 단조 읽기

- 사용자마다 읽을 복제본을 하나로 정해 둔다.

### 기타

- 복제 지연은 보통 1초도 안 되지만 부하가 크면 몇 분이 되기도 한다.
`)
	in.Analysis = analyze.Analyze(in.Notes())
	s := summarize(t, in)
	want := []string{
		"# 5장. 복제",
		"## 5.1 리더와 팔로워",
		"### 팔로워 추가하기",
		"## 5.2 복제 지연 문제",
		"### 5.2.1 자신이 쓴 내용 읽기",
		"### 5.2.2 단조 읽기",
	}
	sameOutline(t, s, want)
	// The folded headings' points are in the section they joined, with
	// their member.
	for _, c := range []struct{ heading, part, member string }{
		{"5장. 복제", "네트워크로 연결된", "오태윤"},
		{"5.2 복제 지연 문제", "몇 분이 되기도", "오태윤"},
	} {
		sec := find(s, c.heading)
		found := false
		for _, p := range sec.Points {
			if strings.Contains(p.Text(), c.part) {
				found = len(p.Members) == 1 && p.Members[0] == c.member
			}
		}
		if !found {
			t.Errorf("%s: no point %q by %s: %v", c.heading, c.part, c.member, pointLines(sec.Points))
		}
	}
	// Both members covered 5.2: one with the book's title, the other with
	// a title of his own.
	if sec := find(s, "5.2 복제 지연 문제"); !reflect.DeepEqual(sec.Members, []string{"한서진", "오태윤"}) {
		t.Errorf("5.2 members %v", sec.Members)
	}
}

// A member's own subheading of a section that the others number one
// level deeper than that member does sits under it, not beside it.
func TestOwnSubheadingNested(t *testing.T) {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5, Title: "복제"}}}
	add := func(name, md string) { addNote(in, name, md) }
	add("한서진", `# 5장. 복제

## 5.1 복제 방식

- 복제 방식은 리더를 몇 개 두는지로 나뉜다.

### 5.1.1 리더 기반 복제

- 모든 쓰기는 리더로만 가고 팔로워는 변경 로그를 적용한다.

### 5.1.2 리더 없는 복제

- 아무 노드에나 쓰고 정족수로 읽는다.
`)
	add("오태윤", `# 리더 기반 복제

- 쓰기는 리더가 받고 팔로워는 리더의 변경 로그를 순서대로 적용한다.

## 장애 처리

- 리더가 죽으면 팔로워 하나를 새 리더로 승격한다.

# 리더 없는 복제

- 아무 노드에나 쓰고 읽을 때 정족수를 맞춘다.
`)
	in.Analysis = analyze.Analyze(in.Notes())
	want := []string{
		"# 5장. 복제",
		"## 5.1 복제 방식",
		"### 5.1.1 리더 기반 복제",
		"#### 장애 처리",
		"### 5.1.2 리더 없는 복제",
	}
	if got := headings(summarize(t, in)); !reflect.DeepEqual(got, want) {
		t.Fatalf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The 개요 names a section as one member's only when no other member
// wrote on it: not a section whose point another member made before his
// first heading, nor one another member covered under a title of his own.
func TestOverviewSoloSections(t *testing.T) {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5, Title: "복제"}},
		Schedule: &workspace.ScheduleRow{Week: 5, Chapters: "5장", Topic: "복제", Source: "README.md", Line: 3}}
	add := func(name, md string) { addNote(in, name, md) }
	add("한서진", `# 5장. 복제

## 복제를 하는 이유

- 데이터를 사용자와 가까운 곳에 두어 지연 시간을 줄인다.

## 5.1 리더와 팔로워

- 모든 쓰기는 리더로만 가고 팔로워는 변경 로그를 적용한다.

`+lagSection+`
## 5.3 다중 리더 복제

- 데이터센터마다 리더를 하나씩 두면 쓰기 지연이 줄어든다.
`)
	add("오태윤", `복제는 데이터를 사용자와 가까운 곳에 두어 지연 시간을 줄여 준다.

# 리더와 팔로워

- 쓰기는 리더가 받고 팔로워는 리더의 변경 로그를 순서대로 적용한다.

# 일관성을 지키는 방법

### 자신이 쓴 내용 읽기

- 사용자가 방금 쓴 값은 리더에서 읽으면 된다.

### 단조 읽기

- 사용자마다 읽을 복제본을 하나로 정해 둔다.
`)
	in.Analysis = analyze.Analyze(in.Notes())
	s := summarize(t, in)
	var all, solo string
	for _, p := range s.Overview {
		switch {
		case strings.HasPrefix(p.Text(), "**모두 다룬 절**"):
			all = p.Text()
		case strings.HasPrefix(p.Text(), "**한 명만 다룬 절**"):
			solo = p.Text()
		}
	}
	if !strings.Contains(all, "5.2 복제 지연 문제") || !strings.Contains(all, "5.1 리더와 팔로워") {
		t.Errorf("모두 다룬 절: %q", all)
	}
	if solo != "**한 명만 다룬 절**: 5.3 다중 리더 복제(한서진)" {
		t.Errorf("한 명만 다룬 절: %q, want 5.3 only", solo)
	}
}

// Of two versions of a point, the one with a slip of the keyboard gives
// way to the one that has the word right, though it is otherwise the
// better pick (emphasis); a word another member also wrote is no slip.
func TestRepresentativeWithoutSlips(t *testing.T) {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5, Title: "복제"}}}
	addNote(in, "한서진", `# 5장. 복제

## 5.4 리더 없는 복제

- **정족수 읽기(quorom read)**는 읽기를 여러 노드에 보내고 가장 최신 버전의 값을 고르는 방식이다.
- **읽기 복구**는 오래된 값을 돌려준 노드에 최신 값을 다시 쓰는 ㅂ방식이다.
`)
	addNote(in, "오태윤", `# 5장. 복제

## 5.4 리더 없는 복제

- 정족수 읽기(quorum read)는 읽기를 여러 노드에 보내고 가장 최신 버전의 값을 고르는 방식이다.
- 읽기 복구는 오래된 값을 돌려준 노드에 최신 값을 다시 쓰는 방식이다.
`)
	// A third member's quorum says which spelling is the word.
	addNote(in, "김도현", `# 5장. 복제

## 5.5 정족수

- 쓰기 정족수 w와 읽기 정족수 r의 합이 노드 수보다 크면 quorum 조건을 만족한다.
`)
	in.Analysis = analyze.Analyze(in.Notes())
	s := summarize(t, in)
	sec := find(s, "리더 없는 복제")
	if sec == nil || len(sec.Points) != 2 {
		t.Fatalf("want the two points, each merged: %+v", sec)
	}
	for _, p := range sec.Points {
		if len(p.Members) != 2 {
			t.Errorf("%q: members %v, want both", p.Text(), p.Members)
		}
		if strings.Contains(p.Text(), "quorom") || strings.Contains(p.Text(), "ㅂ방식") {
			t.Errorf("representative with a slip: %q", p.Text())
		}
	}
}

func TestSlips(t *testing.T) {
	// A third member (bit 4) wrote needle too: it is the word.
	sp := &spelling{by: map[string]uint64{}}
	for _, w := range words("meedle 모델을 만들어진다 ㅎ애동") {
		sp.by[w] |= 1
	}
	for _, w := range words("needle 모델은 만들어졌다") {
		sp.by[w] |= 2 | 4
	}
	mk := func(member int, s string) *point { return &point{member: member, plain: s} }
	got := sp.slips([]*point{
		mk(0, "meedle 모델을 만들어진다 ㅎ애동"),
		mk(1, "needle 모델은 만들어졌다"),
	})
	// meedle (needle), ㅎ애동; not 모델을 (a particle), not 만들어진다
	// (an ending).
	if !reflect.DeepEqual(got, []int{2, 0}) {
		t.Errorf("slips %v, want [2 0]", got)
	}
}

// The 개요's shared concepts are those the outline is organised by (a
// heading, a point's lead), not every term the notes share.
func TestOverviewConceptsNamedByOutline(t *testing.T) {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5, Title: "복제"}}}
	for _, name := range []string{"한서진", "오태윤", "김도현"} {
		addNote(in, name, `# 5장. 복제

## 리더와 팔로워

- 팔로워는 리더가 보낸 변경 로그를 순서대로 적용한다.
- 새 팔로워는 스냅숏을 받은 뒤 변경 로그를 따라잡는다.

## 정족수

- **정족수**: 쓰기 w개와 읽기 r개의 합이 노드 수보다 크면 최신 값을 읽는다.
- 정족수를 맞추지 못하면 변경 로그를 다시 보내야 한다.
`)
	}
	in.Analysis = analyze.Analyze(in.Notes())
	var line string
	for _, p := range summarize(t, in).Overview {
		if strings.Contains(p.Text(), "다룬 개념") {
			line = p.Text()
		}
	}
	if !strings.Contains(line, "**정족수**") || strings.Contains(line, "변경 로그") {
		t.Errorf("concepts line %q: want 정족수 (a heading), not 변경 로그 (only shared)", line)
	}
}

func TestNameIn(t *testing.T) {
	names := []string{"배치처리와스트림처리", "퍼플렉시티(ppl)", "모델평가과정", "a/b테스트"}
	for key, want := range map[string]bool{
		"배치처리": true, "스트림처리": true, "퍼플렉시티": true, "ppl": true, "a": true,
		"모델평가": false, "배치": false, "처리": false,
	} {
		if got := nameIn(key, names); got != want {
			t.Errorf("nameIn(%q) = %v", key, got)
		}
	}
}

// A week of two chapters: what the members wrote before a chapter's first
// section is the chapter's 개요, and a member's heading that names the
// chapter's overview ("6장 전체 개요 – …") is that 개요, not a section of
// its own. A one-chapter week keeps its opening under the chapter
// heading (the document's 개요 is the week's), unless a member named it.
func TestChapterOverview(t *testing.T) {
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5, Title: "복제"}, {Number: 6, Title: "파티셔닝"}}}
	addNote(in, "한서진", `# 5장. 복제

복제는 같은 데이터를 여러 노드에 두어 장애에 버티게 하는 것이다.

## 5.1 리더와 팔로워

- 모든 쓰기는 리더로만 가고 팔로워는 변경 로그를 적용한다.

# 6장. 파티셔닝

데이터가 한 노드에 다 들어가지 않으면 여러 파티션으로 나눈다.

## 6.1 키 범위 파티셔닝

- 키의 범위마다 파티션을 하나씩 맡긴다.
`)
	addNote(in, "오태윤", `# 5장. 복제

## 5.1 리더와 팔로워

- 쓰기는 리더가 받고 팔로워는 리더의 변경 로그를 순서대로 적용한다.

# 6장. 파티셔닝

## 6장 전체 개요 – 왜 나누는가

- 파티셔닝의 목적은 데이터와 질의 부하를 여러 노드에 고르게 퍼뜨리는 것이다.

## 6.1 키 범위 파티셔닝

- 키 범위 파티셔닝은 범위 질의에 유리하지만 핫스팟이 생길 수 있다.
`)
	s := summarize(t, analysed(in))
	// Each chapter: its heading, its 개요, its section.
	sameOutline(t, s, strings.Split("# 5장. 복제|## 개요|## 5.1 리더와 팔로워|# 6장. 파티셔닝|## 개요|## 6.1 키 범위 파티셔닝", "|"))
	// 6장's 개요 holds both members' openings; the chapter heading none.
	var sixth, overview *insight.SummarySection
	for i := range s.Sections {
		sec := &s.Sections[i]
		switch {
		case sec.Level == 1 && strings.HasPrefix(sec.Title, "6장"):
			sixth = sec
		case sixth != nil && overview == nil && sec.Title == OverviewHeading:
			overview = sec
		}
	}
	if len(sixth.Points) != 0 {
		t.Errorf("6장 keeps points of its own: %v", pointLines(sixth.Points))
	}
	byMember := map[string]bool{}
	for _, p := range overview.Points {
		for _, m := range p.Members {
			byMember[m] = true
		}
	}
	if !byMember["한서진"] || !byMember["오태윤"] {
		t.Errorf("6장's 개요 has the openings of %v, want both members': %v", byMember, pointLines(overview.Points))
	}

	// One chapter: the opening stays under the chapter heading; a member's
	// "개요" heading names it.
	one := oneNote("# 5장. 복제\n\n복제는 같은 데이터를 여러 노드에 두는 것이다.\n\n## 5.1 리더와 팔로워\n\n- 모든 쓰기는 리더로만 간다.\n\n## 5.2 복제 지연\n\n- 팔로워는 리더보다 뒤처질 수 있다.\n")
	if got := headings(summarize(t, one)); !reflect.DeepEqual(got, []string{"# 5장. 복제", "## 5.1 리더와 팔로워", "## 5.2 복제 지연"}) {
		t.Errorf("one chapter: %v", got)
	}
	named := oneNote("# 5장. 복제\n\n## 개요\n\n복제는 같은 데이터를 여러 노드에 두는 것이다.\n\n## 5.1 리더와 팔로워\n\n- 모든 쓰기는 리더로만 간다.\n\n## 5.2 복제 지연\n\n- 팔로워는 리더보다 뒤처질 수 있다.\n")
	if got := headings(summarize(t, named)); !reflect.DeepEqual(got, []string{"# 5장. 복제", "## 개요", "## 5.1 리더와 팔로워", "## 5.2 복제 지연"}) {
		t.Errorf("one chapter, a member's 개요: %v", got)
	}
}

func TestOverviewTitle(t *testing.T) {
	overviews := []string{"개요", "6장 전체 개요 – 왜 나누는가", "Overview: why shard", "들어가며"}
	sections := []string{"파티셔닝 개요와 리밸런싱 전략", "프롬프트 소개", "복제"} // sections of the book
	for _, title := range overviews {
		if !overviewTitle(title) {
			t.Errorf("%q is not read as an overview", title)
		}
	}
	for _, title := range sections {
		if overviewTitle(title) {
			t.Errorf("%q is read as an overview", title)
		}
	}
}
