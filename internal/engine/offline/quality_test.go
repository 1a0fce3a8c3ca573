package offline

import (
	"context"

	"github.com/moim-study/moim/internal/analyze"
	"regexp"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/engine"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/workspace"
)

// A note in the member's own voice, with the patterns a study note mixes
// with its summary of the book: a checklist copied from the book, a
// rhetorical question the note answers itself, an example under a "사례"
// heading, labelled list items, a title in angle brackets and formulas.
const voiceNote = `# 3장 캐시 설계

## 캐시 무효화

**캐시 무효화**는 저장된 값이 원본과 달라졌을 때 그 값을 버리는 일이다.
캐시 무효화가 늦어지면 사용자는 오래된 값을 보게 된다.
책에서는 TTL만 설명했지만 이벤트 기반 무효화가 더 정확하다고 생각한다.
나타나는 지연은 대부분 네트워크 왕복에서 새롭게 생긴다.

## 점검 목록

- 캐시 키에 버전이 포함되어 있는가?
- 만료 시간이 데이터 특성에 맞는가?
- 장애 시 원본으로 우회할 수 있는가?

## 교체 정책

왜 LRU를 기본으로 쓸까? 최근에 쓴 값이 다시 쓰일 가능성이 높기 때문이다.

## 실무 적용

- 우리 팀 주문 서비스에는 쓰기 직후 캐시를 지우는 방식을 도입해 보면 좋겠다.
- 배포 전에 캐시 적중률을 반드시 측정해야 한다.

## 활용 사례

- 대형 쇼핑몰은 상품 상세 페이지를 캐시에 올려 둔다.

## 스탬피드

- 캐시 스탬피드가 생기면 원본 데이터베이스에 요청이 한꺼번에 몰리는 문제가 있다.
- 캐시 스탬피드 대응
  - 만료 시간에 무작위 지터를 더해 값들이 한꺼번에 만료되지 않게 한다.
- 성능: 읽기 > 쓰기
- 레이턴시 = 네트워크 + 처리 시간
- <Designing Data-Intensive Applications>에서는 이 문제를 리스 기법으로 푼다고 소개한다.

## 궁금한 점

- 분산 캐시에서 일관성을 어떻게 보장하는지 아직 잘 모르겠다.
- Q: 쓰기 지연 캐시는 장애가 나면 데이터를 잃을까?

## 책의 질문

- Q. 캐시는 왜 메모리에 둘까?
- A. 디스크보다 훨씬 빨리 읽히기 때문이다.
`

// A note that only restates the book: no idea of the member's own, no
// practice, no question.
const bookNote = `# 3장 정리

캐시 무효화는 원본이 바뀐 값을 버리는 일이다.
캐시는 읽기 지연을 줄이는 가장 흔한 방법이다.
TTL은 값이 캐시에 머무는 시간을 정한다.
LRU 정책은 가장 오래 쓰지 않은 값을 먼저 내보낸다.
캐시 스탬피드는 만료 직후 요청이 원본에 몰리는 현상이다.
캐시 스탬피드는 트래픽이 많은 서비스에서 장애 위험이 크다.
쓰기 지연 캐시는 쓰기를 모아서 나중에 원본에 반영한다.
Kim et al. 의 연구에 따르면 적중률이 높을수록 지연이 크게 줄어든다.
`

func qualityInput() *engine.Input {
	in := &engine.Input{
		Week:     3,
		Template: basic,
		Members: []engine.MemberInput{
			{Member: workspace.Member{Name: "서연"}, Doc: note.Parse("w3/서연.md", voiceNote)},
			{Member: workspace.Member{Name: "민호"}, Doc: note.Parse("w3/민호.md", bookNote)},
		},
		Next: &workspace.ScheduleRow{Week: 4, Chapters: "4장", Topic: "메시지 큐", Source: "README.md", Line: 9},
	}
	in.Analysis = analyze.Analyze(in.Notes())
	return in
}

func texts(sec insight.Section) string {
	var b strings.Builder
	for _, x := range sec.Bullets {
		b.WriteString(x.Markdown() + "\n")
	}
	return b.String()
}

func generateQuality(t *testing.T) *insight.Week {
	t.Helper()
	w, err := New().Generate(context.Background(), qualityInput())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestStudyIsTheMembersOwnQuestions(t *testing.T) {
	w := generateQuality(t)
	study := texts(section(t, w.Members[0].Sections, insight.KeyStudy))
	for _, want := range []string{"일관성을 어떻게 보장하는지 아직 잘 모르겠다", "쓰기 지연 캐시는 장애가 나면 데이터를 잃을까"} {
		if !strings.Contains(study, want) {
			t.Errorf("추가 학습 misses the member's own %q:\n%s", want, study)
		}
	}
	for _, not := range []string{"버전이 포함되어 있는가", "데이터 특성에 맞는가", "왜 LRU를 기본으로 쓸까", "캐시는 왜 메모리에 둘까"} {
		if strings.Contains(study, not) {
			t.Errorf("추가 학습 holds %q (a checklist item or a question the note answers):\n%s", not, study)
		}
	}
}

func TestPerspectiveIsTheMembersVoice(t *testing.T) {
	w := generateQuality(t)
	per := texts(section(t, w.Members[0].Sections, insight.KeyPerspective))
	if !strings.Contains(per, "이벤트 기반 무효화가 더 정확하다고 생각한다") {
		t.Errorf("독특한 관점 misses the member's view:\n%s", per)
	}
	if strings.Contains(per, "나타나는 지연") {
		t.Errorf("독특한 관점 holds a sentence whose only cue is inside ordinary words:\n%s", per)
	}
}

func TestPracticalIsProposals(t *testing.T) {
	w := generateQuality(t)
	pr := texts(section(t, w.Members[0].Sections, insight.KeyPractical))
	for _, want := range []string{"쓰기 직후 캐시를 지우는 방식을 도입해 보면 좋겠다", "캐시 적중률을 반드시 측정해야 한다"} {
		if !strings.Contains(pr, want) {
			t.Errorf("실무 적용 misses %q:\n%s", want, pr)
		}
	}
	if strings.Contains(pr, "대형 쇼핑몰") {
		t.Errorf("실무 적용 holds a book example from a 사례 heading:\n%s", pr)
	}
}

func TestANoteWithNothingOfAKindSaysSo(t *testing.T) {
	w := generateQuality(t)
	m := w.Members[1]
	for key, notice := range map[string]string{
		insight.KeyPerspective: NoticeNoPerspective,
		insight.KeyPractical:   NoticeNoPractical,
		insight.KeyStudy:       NoticeNoStudy,
	} {
		sec := section(t, m.Sections, key)
		if len(sec.Bullets) != 0 || sec.Notice != notice {
			t.Errorf("%s of a note without one: bullets %q, notice %q; want only %q", key, texts(sec), sec.Notice, notice)
		}
	}
	if ins := section(t, m.Sections, insight.KeyInsights); len(ins.Bullets) == 0 {
		t.Error("a summary note still has key insights")
	}
}

var reClause = regexp.MustCompile(`(다|요|까|니다|는데|지만|하고|해서)$`)

func TestBulletsKeepTheirFrameAndNoDebris(t *testing.T) {
	w := generateQuality(t)
	var all strings.Builder
	for _, m := range w.Members {
		for _, s := range m.Sections {
			for _, b := range s.Bullets {
				all.WriteString(b.Markdown() + "\n")
				for _, bad := range []string{" = ", " > ", "**", "<", "…"} {
					if strings.Contains(b.Text, bad) {
						t.Errorf("%s/%s: debris %q in %q", m.Name, s.Key, bad, b.Text)
					}
				}
				if h := b.Head; h != "" && (reClause.MatchString(h) || strings.IndexFunc(h, func(r rune) bool { return r >= '0' && r <= '9' }) == 0) {
					t.Errorf("%s/%s: headline %q is a clause or a number", m.Name, s.Key, h)
				}
			}
		}
	}
	if !strings.Contains(all.String(), "**캐시 스탬피드 대응**: 만료 시간에 무작위 지터를 더해") {
		t.Errorf("the list item lost the label it hangs from:\n%s", all.String())
	}
}

func TestGroupClaimsAreGrounded(t *testing.T) {
	w := generateQuality(t)
	names := []string{"서연", "민호"}
	for _, sec := range w.Group {
		for _, b := range sec.Bullets {
			if sec.Key == insight.KeyNext && len(b.Sources) > 0 && b.Sources[0].File == "README.md" {
				continue
			}
			for _, n := range names {
				if !strings.Contains(b.Text, n) {
					continue
				}
				found := false
				for _, src := range b.Sources {
					if src.Member == n {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: %q names %s without quoting %s's note (sources %+v)", sec.Key, b.Text, n, n, b.Sources)
				}
			}
			if strings.Contains(b.Text, "각자 ") || strings.Contains(b.Text, "모든 멤버가 다룬") {
				t.Errorf("%s: a fill-in template question: %q", sec.Key, b.Text)
			}
		}
	}
	common := section(t, w.Group, insight.KeyCommon)
	if len(common.Bullets) == 0 {
		t.Fatalf("no common question although both members wrote about 캐시 스탬피드's risk (notice %q)", common.Notice)
	}
	if b := common.Bullets[0]; b.Head != "캐시 스탬피드" || !strings.Contains(b.Text, "서연") || !strings.Contains(b.Text, "민호") {
		t.Errorf("the common question should be on 캐시 스탬피드 and name both members who wrote about it: %+v", b)
	}
}

func TestNoToolInstructionsInTheDocument(t *testing.T) {
	w := generateQuality(t)
	for _, m := range w.Members {
		sec := section(t, m.Sections, insight.KeyCorrections)
		if len(sec.Rows) != 0 || len(sec.Bullets) != 0 || sec.Notice != "" {
			t.Errorf("%s: the 오개념 table holds engine text: %+v", m.Name, sec)
		}
	}
	warned := false
	for _, wn := range w.Warnings {
		warned = warned || strings.Contains(wn, "오개념")
	}
	if !warned {
		t.Errorf("warnings %q do not say on stderr that no one reviewed misconceptions", w.Warnings)
	}
}
