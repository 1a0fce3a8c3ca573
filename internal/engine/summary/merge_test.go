package summary

import (
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/engine"
)

func TestMergeSiblingHeadings(t *testing.T) {
	// 한서진 and 오태윤 write "리더 선출" and "체크포인트" in Korean; 김도현
	// writes one of them as an English loanword ("checkpoint") and adds
	// "리더 선출이 필요한 이유", whose points the others already
	// made under "리더 선출", beside her own "리더 선출". 오태윤's "장애
	// 복구 시간" narrows his "장애 복구" but says something else: it
	// stays.
	in := &engine.Input{Week: 5, Chapters: []engine.Chapter{{Number: 5}}}
	addNote(in, "한서진", `# 5장. 복제

## 5.1 리더와 팔로워

- 모든 쓰기는 리더로만 가고 팔로워는 변경 로그를 적용한다.

### 리더 선출

- 리더가 죽으면 남은 팔로워들이 투표해서 새 리더를 뽑는다.
- 가장 최신 로그를 가진 팔로워가 새 리더가 되어야 데이터를 잃지 않는다.

### 체크포인트

- 새 팔로워는 리더의 체크포인트를 받은 뒤 그 뒤의 로그를 따라잡는다.

### 장애 복구

- 리더가 죽었는지는 일정 시간 응답이 없을 때 타임아웃으로 판단한다.
`)
	addNote(in, "오태윤", `# 5장. 복제

## 5.1 리더와 팔로워

- 쓰기는 리더가 받고 팔로워는 리더의 변경 로그를 순서대로 적용한다.

### 리더 선출

- 리더 장애가 나면 팔로워들이 투표로 새 리더를 뽑는다.

### 장애 복구

- 응답이 없는 리더는 타임아웃이 지나면 죽은 것으로 본다.

### 장애 복구 시간

- 새 리더가 쓰기를 받기까지 보통 수십 초가 걸린다.
`)
	addNote(in, "김도현", `# 5장. 복제

## 5.1 리더와 팔로워

- 팔로워는 리더의 변경 로그를 받아 같은 순서로 적용한다.

### checkpoint

- 새로 붙는 팔로워는 리더 체크포인트를 먼저 받고 그 뒤 로그를 따라잡는다.

### 리더 선출

- 선출에는 과반수의 표가 필요하다.

### 리더 선출이 필요한 이유

- 리더가 죽으면 팔로워들이 투표로 새 리더를 뽑아야 한다.
- 최신 로그를 가진 팔로워가 새 리더가 되어야 데이터를 잃지 않는다.
`)
	in.Analysis = analyze.Analyze(in.Notes())
	s := summarize(t, in)
	got := strings.Join(headings(s), "\n")
	for _, gone := range []string{"checkpoint", "리더 선출이 필요한 이유"} {
		if strings.Contains(got, gone) {
			t.Errorf("heading %q kept beside the one it repeats:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"### 리더 선출", "### 체크포인트", "### 장애 복구", "### 장애 복구 시간"} {
		if !strings.Contains(got, kept) {
			t.Errorf("heading %q lost:\n%s", kept, got)
		}
	}
	snap := find(s, "체크포인트")
	if snap == nil {
		t.Fatal("no 체크포인트")
	}
	if len(snap.Points) != 1 || len(snap.Points[0].Members) != 2 {
		t.Errorf("체크포인트: %d points (%v), want one point by both members", len(snap.Points), pointLines(snap.Points))
	}
	if elect := find(s, "리더 선출"); elect == nil || !strings.Contains(strings.Join(elect.Members, ","), "김도현") {
		t.Errorf("리더 선출 does not name 김도현's heading: %+v", elect)
	}
}

func TestSameWords(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"transformer block 이전", "트랜스포머 블록 이전: 임베딩(Embedding)", true},
		{"Transformer Block", "트랜스포머 블록", true},
		{"checkpoint 전송", "체크포인트 전송", true},
		{"트랜스포머 블록", "트랜스포머 블록", false}, // the alignment compared them
		{"transformer block 이후", "트랜스포머 블록 이전", false},
		{"transformer", "트랜스포머 블록", false},
		{"사용자 프롬프트", "시스템 프롬프트", false},
	} {
		if got := sameWords(nameWords(c.a), nameWords(c.b)); got != c.same {
			t.Errorf("%q / %q: same %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
