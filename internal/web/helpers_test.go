package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture is a small study repository written for these tests: three
// members, two weeks. 서진우's week-1 note carries script payloads that
// must stay inert; 윤보라's week-2 note answers 한가람's week-1 question.
// Week 1 has an image beside the notes, a written 통합 정리 and an empty
// presentation template; week 2 has neither.
var fixture = map[string]string{
	"README.md": `# 벡터 검색 스터디

## 참여자

- 한가람 (@garam-han)
- 윤보라 (@bora-yoon)
- 서진우 (@jinwoo-seo)

## 일정표

| 주차 | 날짜 | 범위 | 주요 내용 | 발표자 | 통합 정리자 |
|---|---|---|---|---|---|
| 1주차 | 4/1 | 1장 | 임베딩 기초 | 한가람 | 윤보라 |
| 2주차 | 4/8 | 2장 | 벡터 데이터베이스 | 윤보라 | 서진우 |
| 3주차 | 4/15 | 3장 | 검색 증강 생성 | 서진우 | 한가람 |
`,
	"weeks/week01/study-note-HGR.md": `# 1주차 임베딩 기초

## 핵심 정리

- **임베딩**은 텍스트를 고정 길이 벡터로 바꾸는 표현 방법이다.
- **코사인 유사도**는 두 벡터의 방향이 얼마나 비슷한지 측정한다.
- 임베딩 차원이 커질수록 표현력은 늘지만 저장 비용도 커진다.

## 생각

- 개인적으로는 임베딩 모델을 고를 때 한국어 성능을 먼저 확인해야 한다고 생각한다.

## 궁금한 점

- 벡터 데이터베이스의 인덱스 구조는 어떻게 검색 속도를 높일까?

## 비교

| 방법 | 속도 |
|---|---|
| HNSW | 빠름 |

![임베딩 공간](images/space.png)
`,
	"weeks/week01/images/space.png": tinyPNG,
	"weeks/week01/summary.md": `# 통합 정리

**정리자**: 윤보라

## 임베딩

- 임베딩은 텍스트를 벡터로 바꾸고, 코사인 유사도로 비교한다.
`,
	"weeks/week01/presentation.md": "# 발표 자료\n\n**발표자**: \n**날짜**: \n\n---\n\n## 내용\n",
	"weeks/week01/study-note-YBR.md": `# 임베딩 노트

- **임베딩**은 의미가 비슷한 문장을 가까운 벡터로 보낸다.
- 코사인 유사도와 내적은 정규화된 벡터에서 같은 순위를 준다.
- 실무에서는 사내 문서 검색에 임베딩을 적용해 볼 수 있겠다.
- 토크나이저가 한국어를 어떻게 나누는지 더 공부해야 한다.
`,
	"weeks/week01/study-note-SJW.md": `# 보안 테스트 노트

<script>window.__xss = 1</script>

<img src="x" onerror="window.__xss = 2">

[위험한 링크](javascript:window.__xss=3) 를 눌러도 아무 일도 없어야 한다.

**임베딩** 모델은 <b onmouseover="window.__xss=4">문맥</b>을 반영한 벡터를 만든다.

- 코드 예시 ` + "`<img src=x onerror=window.__xss=5>`" + ` 도 글자로만 보여야 한다는 점이 중요하다.
- 임베딩 벡터는 코사인 유사도로 비교하는 것이 일반적이다.

<img src="images/space.png" onerror="window.__xss = 6"> 그림도 글자 외의 일은 하지 않아야 한다.

![그림 링크](javascript:window.__xss=7)
`,
	"weeks/week02/study-note-HGR.md": `# 2주차 벡터 데이터베이스

- **근사 최근접 이웃** 검색은 정확도를 조금 내주고 속도를 얻는다.
- 벡터 데이터베이스는 메타데이터 필터링도 함께 지원해야 한다.
`,
	"weeks/week02/study-note-YBR.md": `# 벡터 데이터베이스

- 벡터 데이터베이스의 인덱스 구조로 쓰이는 **HNSW** 그래프가 검색 속도를 높인다.
- IVF 인덱스는 벡터를 군집으로 나눈 뒤 가까운 군집만 찾아본다.
- 실무에서는 인덱스 재구축 시간을 운영 계획에 넣어야 한다.
`,
}

// writeRepo writes files into a new temporary folder and returns it.
func writeRepo(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// mustWrite writes a file of a test repository.
func mustWrite(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// mustRead reads a file a test needs.
func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newSite(t testing.TB, root string) *Site {
	t.Helper()
	s, err := New(root, Options{})
	if err != nil {
		t.Fatalf("New(%s): %v", root, err)
	}
	return s
}

// get runs one request through the handler.
func get(t testing.TB, h http.Handler, method, target string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:8765"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustContain(t testing.TB, page, what string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(page, w) {
			t.Errorf("%s: missing %q", what, w)
		}
	}
}
