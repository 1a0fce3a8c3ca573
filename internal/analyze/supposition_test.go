package analyze

import "testing"

// A question that only supposes ("…전환한다면…?") right above code is
// answered by the code, which shows what then happens; the same words
// with no code after them stay an open question.
func TestSuppositionAboveCodeIsAnswered(t *testing.T) {
	const src = "# 4장 예외\n\n## 기술에 독립적인 DAO\n\n- 다른 데이터 액세스 기술로 DAO 구현을 전환한다면…?\n\n```java\npublic void add(User user) throws PersistentException;\npublic void add(User user) throws HibernateException;\n```\n\n- 어떻게 해결할 수 있을까?\n\n## 남은 질문\n\n- 캐시 구현을 다른 라이브러리로 바꾼다면?\n"
	m := Analyze([]Note{{Member: "찬", Doc: parse("a.md", src)}}).Members[0]
	if s := find(t, m, "DAO 구현을 전환한다면"); !s.Answered {
		t.Errorf("%q: not answered; the code below shows what happens", s.Body)
	}
	if s := find(t, m, "다른 라이브러리로 바꾼다면"); s.Answered {
		t.Errorf("%q: answered, with nothing after it", s.Body)
	}
}
