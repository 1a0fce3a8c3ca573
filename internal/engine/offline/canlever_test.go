package offline

import (
	"strings"
	"testing"
)

// "X하면 Y할 수 있다" says what a way gains. It is a practical idea when
// it names a tool to use, something to make, a harm to avoid or a
// situation of the reader's work; what a design principle gains, said of
// nothing of the kind, is the book's account of the principle and no
// practical idea (it may still be a key insight).
func TestCanLeverIsPracticalOnlyWithSomethingToDo(t *testing.T) {
	const src = `# 4장 설계

## 결합도

- 협력 경로를 제한하면 결합도를 효과적으로 낮출 수 있다.

## 타입

- useState를 쓸 때 상태 타입을 명시하면 잘못된 값 대입을 줄일 수 있다.
- OrderService에 트랜잭션 시작과 종료를 맡는 최소한의 코드만 가져오게 만들면 책임이 다른 코드를 나눠 둔 채로 트랜잭션 문제를 풀 수 있다.
- 제네릭을 필요 없는 곳에 쓰게 되면 코드만 길어지고 가독성을 해칠 수 있다.

## 후처리

- 모델이 자주 틀리는 형식을 파악하면 이를 고치는 스크립트를 작성해 오류를 줄일 수 있다.
`
	got, _ := practicalHas(t, "바다", src, "")
	for _, want := range []string{"useState를 쓸 때", "OrderService에 트랜잭션", "가독성을 해칠 수 있다", "스크립트를 작성해"} {
		if !strings.Contains(got, want) {
			t.Errorf("실무 적용 = %q, want the line with %q", got, want)
		}
	}
	if strings.Contains(got, "협력 경로를 제한하면") {
		t.Errorf("실무 적용 = %q: what a principle gains is no practical idea", got)
	}
}

// "…와 마찬가지로 생각하자", "…로 이해하자" propose a way to see something,
// the book framing its design, not a step to take in a project; "…를
// 넣자" is one.
func TestProposalToUnderstandIsNoPracticalIdea(t *testing.T) {
	const src = `# 7장 설정

## 내장 리더

- 내부 리더는 서비스 안에 들어 있는 부품과 마찬가지로 생각하자.
- 캐시 키에는 설정 파일의 버전을 함께 넣자.
`
	got, _ := practicalHas(t, "바다", src, "")
	if strings.Contains(got, "마찬가지로 생각하자") {
		t.Errorf("실무 적용 = %q: a way to see something is no action", got)
	}
	if !strings.Contains(got, "버전을 함께 넣자") {
		t.Errorf("실무 적용 = %q, want the proposal to put the version in the key", got)
	}
}

// Advice that opens by pointing back at the situation the line above sets
// out ("이럴 땐 …하는 것이 좋다") carries that line: alone, "이럴 땐"
// points at nothing.
func TestAdviceCarriesTheSituationItPointsBackAt(t *testing.T) {
	const src = `# 5장 등급

## 등급 업그레이드

- 로그인 횟수가 기준 값인 50 이상이 되면 등급이 한 단계 올라간다.
- 이럴 땐 테스트에 쓸 데이터를 기준 값의 바로 앞뒤로 고르는 것이 좋다.
`
	got, _ := practicalHas(t, "바다", src, "")
	if want := "로그인 횟수가 기준 값인 50 이상이 되면 등급이 한 단계 올라간다. 이럴 땐 테스트에 쓸 데이터를 기준 값의 바로 앞뒤로 고르는 것이 좋다."; !strings.Contains(got, want) {
		t.Errorf("실무 적용 = %q, want the advice with the situation it points back at: %q", got, want)
	}
}

// Advice to change something into something else that names neither what
// nor a topic ("정수형 상수로 변경하는 것이 좋은 방법이다") says into what,
// not what: no practical idea. With an object or a topic it is one.
func TestAdviceToChangeNamesWhat(t *testing.T) {
	const src = `# 5장 등급

## 중복 제거

- 등급 기준 값이 코드와 테스트에 따로 적혀 있다.
- 정수형 상수로 변경하는 것이 좋은 방법이다.

## 상수

- 매직 넘버를 이름 있는 상수로 변경하는 것이 좋다.
- 복구할 수 없는 예외는 가능한 한 빨리 런타임 예외로 전환하는 것이 바람직하다.
`
	got, _ := practicalHas(t, "바다", src, "")
	if strings.Contains(got, "정수형 상수로 변경하는") {
		t.Errorf("실무 적용 = %q: the advice does not say what to change", got)
	}
	for _, want := range []string{"매직 넘버를", "복구할 수 없는 예외는"} {
		if !strings.Contains(got, want) {
			t.Errorf("실무 적용 = %q, want the advice with %q", got, want)
		}
	}
}

// A check on particular instances of the example's data ("세 번째 주문을
// 처리하다 예외 발생 → 첫 번째 주문이 어떻게 되는지 확인") walks the book's
// example through; a check said of any such case, or an ordinal that picks
// an item of a list of ways, is advice.
func TestCheckOnTheExamplesInstancesIsNoPracticalIdea(t *testing.T) {
	const src = `# 5장 트랜잭션

## 테스트

- 세 번째 주문을 처리하는 중에 예외 발생 → 첫 번째 주문의 상태가 어떻게 되는지 확인
- 배치 작업이 중간에 실패하면 앞서 처리한 주문의 상태가 되돌려지는지 확인
- 두 번째 방법처럼 실패를 강제로 일으키는 대역 클래스를 만들어 테스트하는 것이 좋다.
`
	got, _ := practicalHas(t, "바다", src, "")
	if strings.Contains(got, "세 번째 주문을") {
		t.Errorf("실무 적용 = %q: a step through the example's data is no practical idea", got)
	}
	for _, want := range []string{"배치 작업이 중간에", "두 번째 방법처럼"} {
		if !strings.Contains(got, want) {
			t.Errorf("실무 적용 = %q, want the advice with %q", got, want)
		}
	}
}
