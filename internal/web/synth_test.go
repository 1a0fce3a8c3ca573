package web

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// synthStudy writes a made-up study repository of the given number of
// weeks for the scaling benchmarks: four members, a README with the member
// list and the schedule, and per week four notes of about 20 KB each (one
// of them blog HTML), with headings, emphasis, opinions, questions and
// study targets. Each week has topic terms of its own and shares general
// ones with every week, as a real study does; week w's questions are
// answered in later weeks' notes now and then. The text is generated, so
// the run is the same every time.
func synthStudy(tb testing.TB, weeks int) string {
	tb.Helper()
	files := map[string]string{}
	members := []struct{ name, roman, ini string }{
		{"한가람", "Han Ga-Ram", "HGR"}, {"윤보라", "Yoon Bo-Ra", "YBR"},
		{"서진우", "Seo Jin-U", "SJW"}, {"임하늘", "Lim Ha-Neul", "LHN"},
	}
	var readme strings.Builder
	readme.WriteString("# 합성 스터디\n\n## 참여자\n\n")
	for _, m := range members {
		fmt.Fprintf(&readme, "- %s\n", m.name)
	}
	readme.WriteString("\n## 일정표\n\n| 주차 | 날짜 | 범위 | 주요 내용 | 발표자 | 통합 정리자 |\n|---|---|---|---|---|---|\n")
	for w := 1; w <= weeks; w++ {
		fmt.Fprintf(&readme, "| %d주차 | %d/%d | %d장 | %s | %s | %s |\n", w, 1+w/4, 1+w%28, w,
			topic(w, 0)+"와 "+topic(w, 1), members[w%4].name, members[(w+1)%4].name)
	}
	files["README.md"] = readme.String()
	for w := 1; w <= weeks; w++ {
		for i, m := range members {
			r := rand.New(rand.NewPCG(uint64(w), uint64(i)))
			body := synthNote(r, w, i == 3)
			files[fmt.Sprintf("weeks/week%02d/study-note-%s.md", w, m.ini)] = body
		}
		files[fmt.Sprintf("weeks/week%02d/summary.md", w)] = "# 통합 정리\n\n**정리자**: \n\n## 주요 내용\n"
	}
	return writeRepo(tb, files)
}

var (
	synthSyllables = strings.Fields("가 나 다 라 마 바 사 아 자 차 카 타 파 하 거 너 더 러 머 버 서 어 저 처 커 터 퍼 허 고 노 도 로 모 보 소 오 조 초 코 토 포 호 구 누 두 루 무 부 수 우 주 추 쿠 투 푸 후")
	synthHeads     = strings.Fields("검색 압축 정렬 분산 추론 평가 색인 학습 병렬 캐시 요약 변환 탐색 정규화 증류")
	synthTails     = strings.Fields("기법 구조 전략 지표 파이프라인 알고리즘 모듈 계층 스케줄러 프로토콜")
	synthGeneral   = strings.Fields("시스템 모델 데이터 성능 방법 결과 과정 사용자 비용 품질")
)

// topic returns the k-th topic term of week w: a compound noun no other
// week has ("가나다 검색 기법").
func topic(w, k int) string {
	r := rand.New(rand.NewPCG(uint64(w)*131+uint64(k), 7))
	var b strings.Builder
	for range 3 {
		b.WriteString(synthSyllables[r.IntN(len(synthSyllables))])
	}
	return b.String() + " " + synthHeads[(w+k)%len(synthHeads)] + " " + synthTails[(w*3+k)%len(synthTails)]
}

// synthNote writes one member's note of week w, about 20 KB.
func synthNote(r *rand.Rand, w int, blog bool) string {
	term := func() string {
		switch n := r.IntN(10); {
		case n < 6:
			return topic(w, r.IntN(8))
		case n < 8 && w > 1:
			return topic(1+r.IntN(w-1), r.IntN(8)) // an earlier week's topic
		default:
			return synthGeneral[r.IntN(len(synthGeneral))]
		}
	}
	sentence := func() string {
		a, b := term(), term()
		switch r.IntN(9) {
		case 0:
			return fmt.Sprintf("%s은 %s의 한계를 보완하기 위해 설계되었다.", a, b)
		case 1:
			return fmt.Sprintf("개인적으로는 %s보다 %s가 실무에서 더 중요하다고 생각한다.", a, b)
		case 2:
			return fmt.Sprintf("%s와 %s는 어떤 조건에서 서로 다른 결과를 낼까?", a, b)
		case 3:
			return fmt.Sprintf("%s를 %s에 적용하면 처리 시간을 줄일 수 있을 것 같다.", a, b)
		case 4:
			return fmt.Sprintf("%s의 내부 동작은 더 공부해 봐야 할 것 같다.", a)
		case 5:
			return fmt.Sprintf("**%s**는 %s를 단계별로 나누어 다룬다.", a, b)
		case 6:
			return fmt.Sprintf("책에서는 %s가 %s의 품질을 결정한다고 설명한다.", a, b)
		case 7:
			return fmt.Sprintf("%s를 도입할 때는 %s의 비용을 먼저 측정해야 한다.", a, b)
		default:
			return fmt.Sprintf("%s는 %s와 함께 쓰일 때 가장 효과가 크다.", a, b)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %d주차 %s\n\n", w, topic(w, 0))
	for b.Len() < 20_000 {
		if blog {
			fmt.Fprintf(&b, "<h2 data-ke-size=\"size26\">%s</h2>\n", term())
			for range 6 {
				fmt.Fprintf(&b, "<p data-ke-size=\"size16\">%s&nbsp;%s</p>\n", sentence(), sentence())
			}
			b.WriteString("<p data-ke-size=\"size16\">&nbsp;</p>\n\n")
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", term())
		for range 5 {
			fmt.Fprintf(&b, "- %s\n", sentence())
			if r.IntN(3) == 0 {
				fmt.Fprintf(&b, "  - %s\n", sentence())
			}
		}
		fmt.Fprintf(&b, "\n%s %s\n\n", sentence(), sentence())
	}
	return b.String()
}

// TestHelperSynthStudy copies the made-up study of $MOIM_SYNTH_WEEKS weeks
// (default 64) into $MOIM_STUDY_OUT, for comparing the sites two builds of
// moim write (docs/web.md#speed); it does nothing in a normal test run.
func TestHelperSynthStudy(t *testing.T) {
	dir := os.Getenv("MOIM_STUDY_OUT")
	if dir == "" {
		t.Skip("writes the made-up study into $MOIM_STUDY_OUT")
	}
	weeks := 64
	if v := os.Getenv("MOIM_SYNTH_WEEKS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("MOIM_SYNTH_WEEKS=%q: want a number of weeks", v)
		}
		weeks = n
	}
	if err := os.CopyFS(dir, os.DirFS(synthStudy(t, weeks))); err != nil {
		t.Fatal(err)
	}
}
