package note

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/testutil"
)

// wb is an expected block.
type wb struct {
	kind      Kind
	level     int
	line, end int
	text      string
	emph      []string
}

// ws is an expected sentence.
type ws struct {
	kind Kind
	line int
	text string
	emph []string
}

func parseFixture(t *testing.T, name string) *Document {
	t.Helper()
	s, err := ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(name, s)
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file      string
		style     Style
		title     string
		stats     Stats
		links     []string
		blocks    []wb
		sentences []ws
		paths     map[int][]string // block index → path
	}{
		{
			file:  "plain.md",
			style: StyleMarkdown,
			title: "3장. 평가 방법론",
			stats: Stats{Bytes: 1014, Lines: 33, Headings: 4, Links: 2, Formulas: 1, Callouts: 1, HTML: 2},
			links: []string{"https://example.com/eval", "https://example.org/ppl"},
			blocks: []wb{
				{KindHeading, 1, 5, 5, "3장. 평가 방법론", nil},
				{KindParagraph, 0, 7, 8, "이번 장은 모델 평가가 왜 어려운지 다룬다.\n평가 기준이 모호하면 개선 방향도 흐려진다.", []string{"모델 평가"}},
				{KindHeading, 2, 10, 10, "핵심 개념", nil},
				{KindListItem, 0, 12, 12, "정확도만으로는 부족하다.", []string{"정확도"}},
				{KindListItem, 1, 13, 13, "사람 평가는 비싸지만 믿을 만하다.", nil},
				{KindListItem, 2, 14, 14, "세 단계 아래 항목", nil},
				{KindListItem, 0, 15, 15, "자동 평가는 빠르다 참고 자료 를 보자.", nil},
				{KindHeading, 3, 17, 17, "용어 정리", nil},
				{KindParagraph, 0, 19, 21, "퍼플렉서티는 perplexity 로 계산한다. 낮을수록 좋다 → 예측이 정확하다.\n자세한 내용은 에 있다.\nChatGPT가 알려준 내용이다 출처 표기가 남았다.", nil},
				{KindQuote, 0, 23, 23, "좋은 평가는 좋은 질문에서 시작한다.", nil},
				{KindCallout, 0, 25, 26, "개인적인 생각: 평가 데이터부터 만들어야 한다.", nil},
				{KindHeading, 2, 28, 28, "마무리", nil},
				{KindListItem, 0, 30, 30, "평가 지표를 먼저 정한다.", nil},
				{KindListItem, 0, 31, 31, "12.5", nil},
				{KindParagraph, 0, 33, 33, "'검증 세트'는 따로 두고, 재현성 도 꼭 기록한다.", []string{"'검증 세트'", "재현성", "꼭 기록"}},
			},
			sentences: []ws{
				{KindParagraph, 7, "이번 장은 모델 평가가 왜 어려운지 다룬다.", []string{"모델 평가"}},
				{KindParagraph, 8, "평가 기준이 모호하면 개선 방향도 흐려진다.", nil},
				{KindListItem, 12, "정확도만으로는 부족하다.", []string{"정확도"}},
				{KindListItem, 13, "사람 평가는 비싸지만 믿을 만하다.", nil},
				{KindListItem, 14, "세 단계 아래 항목", nil},
				{KindListItem, 15, "자동 평가는 빠르다 참고 자료 를 보자.", nil},
				{KindParagraph, 19, "퍼플렉서티는 perplexity 로 계산한다.", nil},
				{KindParagraph, 19, "낮을수록 좋다 → 예측이 정확하다.", nil},
				{KindParagraph, 20, "자세한 내용은 에 있다.", nil},
				{KindParagraph, 21, "ChatGPT가 알려준 내용이다 출처 표기가 남았다.", nil},
				{KindQuote, 23, "좋은 평가는 좋은 질문에서 시작한다.", nil},
				{KindCallout, 26, "개인적인 생각: 평가 데이터부터 만들어야 한다.", nil},
				{KindListItem, 30, "평가 지표를 먼저 정한다.", nil},
				// "12.5" is only a number: no sentence.
				{KindParagraph, 33, "'검증 세트'는 따로 두고, 재현성 도 꼭 기록한다.", []string{"'검증 세트'", "재현성", "꼭 기록"}},
			},
			paths: map[int][]string{
				0:  nil,
				4:  {"3장. 평가 방법론", "핵심 개념"},
				8:  {"3장. 평가 방법론", "핵심 개념", "용어 정리"},
				12: {"3장. 평가 방법론", "마무리"},
			},
		},
		{
			file:  "notion.md",
			style: StyleNotion,
			title: "4장. 프롬프트 엔지니어링",
			stats: Stats{Bytes: 495, Lines: 25, Headings: 3, Callouts: 2, HTML: 3},
			blocks: []wb{
				{KindHeading, 1, 1, 1, "4장. 프롬프트 엔지니어링", nil},
				{KindParagraph, 0, 3, 5, "날짜: 2025년 3월 4일\n담당자: 홍길동\n진행 상태: 완료", nil},
				{KindHeading, 2, 7, 7, "프롬프트란", nil},
				{KindListItem, 0, 9, 9, "프롬프트는 모델에게 주는 지시문이다.", []string{"지시문"}},
				{KindCallout, 0, 13, 14, "개인적인 생각:\n시스템 프롬프트를 버전 관리하면 팀 협업이 쉬워질 것 같다.", nil},
				{KindCallout, 0, 19, 20, "Q: 퓨샷 예시는 몇 개가 적당할까?\n예시 개수는 실험으로 정해야 한다.", []string{"예시 개수"}},
				{KindHeading, 3, 23, 23, "참고", nil},
				{KindParagraph, 0, 25, 25, "컨텍스트 길이가 길수록 비용이 늘어난다.", nil},
			},
			sentences: []ws{
				{KindParagraph, 3, "날짜: 2025년 3월 4일", nil},
				{KindParagraph, 4, "담당자: 홍길동", nil},
				{KindParagraph, 5, "진행 상태: 완료", nil},
				{KindListItem, 9, "프롬프트는 모델에게 주는 지시문이다.", []string{"지시문"}},
				{KindCallout, 13, "개인적인 생각:", nil},
				{KindCallout, 14, "시스템 프롬프트를 버전 관리하면 팀 협업이 쉬워질 것 같다.", nil},
				{KindCallout, 19, "Q: 퓨샷 예시는 몇 개가 적당할까?", nil},
				{KindCallout, 20, "예시 개수는 실험으로 정해야 한다.", []string{"예시 개수"}},
				{KindParagraph, 25, "컨텍스트 길이가 길수록 비용이 늘어난다.", nil},
			},
			paths: map[int][]string{7: {"4장. 프롬프트 엔지니어링", "프롬프트란", "참고"}},
		},
		{
			file:  "tistory.md",
			style: StyleHTML,
			stats: Stats{Bytes: 929, Lines: 17, Headings: 1, Images: 1, Links: 1, HTML: 2},
			links: []string{"https://blog.example.com/entry/5"},
			blocks: []wb{
				{KindParagraph, 0, 1, 1, "티스토리 원문", nil},
				{KindHeading, 2, 4, 4, "임베딩 기초", nil},
				{KindParagraph, 0, 5, 5, "임베딩은 의미를 벡터로 옮긴 것이다.", []string{"의미를 벡터로"}},
				{KindParagraph, 0, 6, 6, "비슷한 문장은 가까운 벡터가 된다.\n거리 계산에는 코사인 유사도를 쓴다.", nil},
				{KindListItem, 0, 8, 8, "밀집 벡터 : 대부분의 값이 0이 아님", []string{"밀집 벡터"}},
				{KindListItem, 1, 10, 10, "차원이 작고 의미를 잘 담는다", nil},
				{KindListItem, 0, 13, 13, "희소 벡터 : 대부분의 값이 0", nil},
				{KindParagraph, 0, 17, 17, `검색 시스템은 두 방식을 함께 쓰기도 한다 실무에서는 "하이브리드" 검색이라 부른다.`, []string{"함께"}},
			},
			sentences: []ws{
				{KindParagraph, 1, "티스토리 원문", nil},
				{KindParagraph, 5, "임베딩은 의미를 벡터로 옮긴 것이다.", []string{"의미를 벡터로"}},
				{KindParagraph, 6, "비슷한 문장은 가까운 벡터가 된다.", nil},
				{KindParagraph, 6, "거리 계산에는 코사인 유사도를 쓴다.", nil},
				{KindListItem, 8, "밀집 벡터 : 대부분의 값이 0이 아님", []string{"밀집 벡터"}},
				{KindListItem, 10, "차원이 작고 의미를 잘 담는다", nil},
				{KindListItem, 13, "희소 벡터 : 대부분의 값이 0", nil},
				{KindParagraph, 17, `검색 시스템은 두 방식을 함께 쓰기도 한다 실무에서는 "하이브리드" 검색이라 부른다.`, []string{"함께"}},
			},
			paths: map[int][]string{0: nil, 1: nil, 7: {"임베딩 기초"}},
		},
		{
			file:  "linkonly.md",
			style: StyleLinkOnly,
			stats: Stats{Bytes: 111, Lines: 3, Links: 1},
			links: []string{"https://velog.example.com/@member/chapter-5"},
			blocks: []wb{
				{KindParagraph, 0, 1, 1, "5장 정리 블로그 링크", nil},
				{KindParagraph, 0, 3, 3, "위 링크에 정리했습니다.", nil},
			},
			sentences: []ws{
				{KindParagraph, 1, "5장 정리 블로그 링크", nil},
				{KindParagraph, 3, "위 링크에 정리했습니다.", nil},
			},
		},
		{
			file:  "code.md",
			style: StyleMarkdown,
			title: "코드로 보는 토큰화",
			stats: Stats{Bytes: 358, Lines: 23, Headings: 1, Code: 4},
			blocks: []wb{
				{KindHeading, 1, 1, 1, "코드로 보는 토큰화", nil},
				{KindParagraph, 0, 3, 3, "토크나이저를 직접 돌려 보았다.", nil},
				{KindCode, 0, 5, 9, "func count(s string) int {\n\treturn len(strings.Fields(s)) // 단어 수\n}", nil},
				{KindParagraph, 0, 11, 11, "결과는 예상보다 토큰 수가 많았다.", []string{"토큰 수가 많았다"}},
				{KindCode, 0, 13, 14, "indented := true\nfmt.Println(indented)", nil},
				{KindListItem, 0, 16, 16, "목록 안의 코드:", nil},
				{KindCode, 0, 18, 20, `print("안녕")`, nil},
				{KindCode, 0, 22, 23, "닫히지 않은 코드 블록", nil},
			},
			sentences: []ws{
				{KindParagraph, 3, "토크나이저를 직접 돌려 보았다.", nil},
				{KindParagraph, 11, "결과는 예상보다 토큰 수가 많았다.", []string{"토큰 수가 많았다"}},
				{KindListItem, 16, "목록 안의 코드:", nil},
			},
		},
		{
			file:  "tables.md",
			style: StyleMarkdown,
			title: "모델 비교",
			stats: Stats{Bytes: 400, Lines: 13, Headings: 1, Images: 3, Links: 1, Tables: 1, HTML: 1},
			links: []string{"https://docs.example.com"},
			blocks: []wb{
				{KindHeading, 1, 1, 1, "모델 비교", nil},
				{KindTable, 0, 5, 5, "모델 | 특징 | 비고", nil},
				{KindTable, 0, 7, 7, "소형 모델 | 빠르고 저렴함 | 로컬 실행", []string{"빠르고"}},
				{KindTable, 0, 8, 8, "대형 모델 | 정확하지만 느림 | 문서", nil},
				{KindParagraph, 0, 12, 13, "표를 보면 모델 크기와 비용이 비례한다.", nil},
			},
			sentences: []ws{
				{KindTable, 5, "모델 | 특징 | 비고", nil},
				{KindTable, 7, "소형 모델 | 빠르고 저렴함 | 로컬 실행", []string{"빠르고"}},
				{KindTable, 8, "대형 모델 | 정확하지만 느림 | 문서", nil},
				{KindParagraph, 12, "표를 보면 모델 크기와 비용이 비례한다.", nil},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseFixture(t, tt.file)
			if d.Path != tt.file {
				t.Errorf("Path = %q", d.Path)
			}
			if d.Style != tt.style {
				t.Errorf("Style = %q, want %q", d.Style, tt.style)
			}
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if d.Stats != tt.stats {
				t.Errorf("Stats = %+v\n want %+v", d.Stats, tt.stats)
			}
			if !reflect.DeepEqual(d.Links, tt.links) {
				t.Errorf("Links = %q, want %q", d.Links, tt.links)
			}
			var got []wb
			for _, b := range d.Blocks {
				got = append(got, wb{b.Kind, b.Level, b.Line, b.EndLine, b.Text, b.Emphasis})
			}
			if !reflect.DeepEqual(got, tt.blocks) {
				t.Errorf("blocks:\n got %s\nwant %s", dumpBlocks(got), dumpBlocks(tt.blocks))
			}
			var gotS []ws
			for _, s := range d.Sentences {
				gotS = append(gotS, ws{s.Kind, s.Line, s.Text, s.Emphasis})
			}
			if !reflect.DeepEqual(gotS, tt.sentences) {
				t.Errorf("sentences:\n got %+v\nwant %+v", gotS, tt.sentences)
			}
			for i, want := range tt.paths {
				if i >= len(d.Blocks) {
					t.Errorf("no block %d", i)
					continue
				}
				if got := d.Blocks[i].Path; !reflect.DeepEqual(got, want) {
					t.Errorf("block %d (%q) Path = %q, want %q", i, d.Blocks[i].Text, got, want)
				}
			}
		})
	}
}

func dumpBlocks(bs []wb) string {
	var b strings.Builder
	for _, x := range bs {
		b.WriteString("\n  ")
		j, err := json.Marshal([]any{x.kind, x.level, x.line, x.end, x.text, x.emph})
		if err != nil {
			panic(err)
		}
		b.Write(j)
	}
	return b.String()
}

// TestParseInvariants checks, on every fixture, what must hold for any
// note: sentences are clean plain text, their ids, blocks and lines are
// consistent, and code and headings give no sentences.
func TestParseInvariants(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) < 6 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			d := parseFixture(t, filepath.Base(f))
			checkInvariants(t, d)
			for _, s := range d.Sentences {
				for _, bad := range []string{"<", "](", "http", "&nbsp;", "**", "\u00a0", "oaicite", "†", "$"} {
					if strings.Contains(s.Text, bad) {
						t.Errorf("sentence %d %q contains %q", s.ID, s.Text, bad)
					}
				}
			}
			for _, b := range d.Blocks {
				if b.Kind != KindCode && (strings.Contains(b.Text, "  ") || strings.TrimSpace(b.Text) != b.Text) {
					t.Errorf("block %q has uncollapsed whitespace", b.Text)
				}
			}
		})
	}
}

// checkInvariants asserts the structural guarantees of a Document.
func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	for i, b := range d.Blocks {
		if b.Line < 1 || b.EndLine < b.Line || b.EndLine > d.Stats.Lines {
			t.Errorf("block %d lines %d-%d outside 1..%d", i, b.Line, b.EndLine, d.Stats.Lines)
		}
		if b.Text == "" {
			t.Errorf("block %d has no text", i)
		}
	}
	for i, s := range d.Sentences {
		if s.ID != i {
			t.Errorf("sentence %d has ID %d", i, s.ID)
		}
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			t.Errorf("sentence %d block %d out of range", i, s.Block)
			continue
		}
		b := d.Blocks[s.Block]
		if s.Line < b.Line || s.Line > b.EndLine {
			t.Errorf("sentence %d line %d outside its block %d-%d", i, s.Line, b.Line, b.EndLine)
		}
		if b.Kind == KindCode || b.Kind == KindHeading {
			t.Errorf("sentence %d from a %s block", i, b.Kind)
		}
		path := s.Path
		if s.Cell && len(path) == len(b.Path)+1 {
			path = path[:len(b.Path)] // a cell's row label, last in its path
		}
		if s.Kind != b.Kind || !reflect.DeepEqual(path, b.Path) && !(len(path) == 0 && len(b.Path) == 0) {
			t.Errorf("sentence %d kind/path differ from its block", i)
		}
		if strings.TrimSpace(s.Text) == "" || !hasLetter(s.Text) {
			t.Errorf("sentence %d %q has no words", i, s.Text)
		}
	}
}

// TestGolden compares the JSON of each fixture's Document with
// testdata/golden/<name>.json; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			d := parseFixture(t, filepath.Base(f))
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			testutil.Golden(t, filepath.Join("testdata", "golden", name+".json"), got)
		})
	}
}

// An italic paragraph right under an image (markdown or HTML) is the
// image's caption; the same italic line elsewhere, or a line that is only
// partly italic, is text.
func TestCaptionUnderImage(t *testing.T) {
	src := "# 메모\n\n![구조](a.png)\n\n*그림 속 왼쪽 노드가 리더이다*\n\n<img src=\"b.png\" />\n\n*복제 지연을 보여주는 그래프*\n\n*이 줄은 그림 아래가 아니다*\n\n![](c.png)\n\n지연이 *크게* 늘어난다.\n"
	d := Parse("w1/하늘.md", src)
	want := map[string]bool{
		"그림 속 왼쪽 노드가 리더이다": true,
		"복제 지연을 보여주는 그래프":  true,
		"이 줄은 그림 아래가 아니다":  false,
		"지연이 크게 늘어난다.":     false,
	}
	seen := 0
	for _, b := range d.Blocks {
		if w, ok := want[b.Text]; ok {
			seen++
			if b.Caption != w {
				t.Errorf("%q: caption %v, want %v", b.Text, b.Caption, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d blocks: %+v", seen, len(want), d.Blocks)
	}
}

func TestMarkdownFenceIsTheWritersText(t *testing.T) {
	// A "```md" fence at the top level boxes the writer's own remarks; a
	// fence of any other language, or one inside a list, stays code.
	src := "# 캐시\n\n```md\n📌 짚고 넘어가기\n\n만료 시간은 짧게 잡는 것이 좋을 듯 싶다.\n\n- 무효화\n  - 쓰기 직후에 지운다.\n```\n\n```go\nfunc get() {}\n```\n\n- 목록 안\n  ```md\n  목록 안의 상자는 코드로 남는다.\n  ```\n"
	d := Parse("w1/하늘.md", src)
	lines := map[string]int{}
	kinds := map[string]Kind{}
	for _, s := range d.Sentences {
		lines[s.Text] = s.Line
	}
	for _, b := range d.Blocks {
		kinds[b.Text] = b.Kind
	}
	for text, line := range map[string]int{"만료 시간은 짧게 잡는 것이 좋을 듯 싶다.": 6, "쓰기 직후에 지운다.": 9} {
		if lines[text] != line {
			t.Errorf("sentence %q on line %d, want %d (the fence's text, at its line): %+v", text, lines[text], line, d.Sentences)
		}
	}
	if kinds["무효화"] != KindListItem {
		t.Errorf("list item inside the md fence has kind %q, want a list item", kinds["무효화"])
	}
	if kinds["func get() {}"] != KindCode {
		t.Errorf("go fence has kind %q, want code", kinds["func get() {}"])
	}
	if _, ok := lines["목록 안의 상자는 코드로 남는다."]; ok {
		t.Errorf("an md fence inside a list item was read as text: %+v", d.Sentences)
	}
	if d.Stats.Code != 2 {
		t.Errorf("Stats.Code = %d, want 2 (the md box is no code block)", d.Stats.Code)
	}
}

func TestTagTheProseNamesStays(t *testing.T) {
	// "<style> 태그", "<div> 요소": the writer names a tag in the sentence;
	// markup elsewhere ("<b>굵게</b>") is still markup.
	d := Parse("w7/하늘.md", "# 7장\n\n- 스타일 라이브러리는 문서 상단에 <style> 태그를 추가한다.\n- 버튼을 <div> 요소로 감싼다.\n- 본문을 <b>굵게</b> 쓴다.\n")
	wantSentences(t, d, "스타일 라이브러리는 문서 상단에 <style> 태그를 추가한다.", "버튼을 <div> 요소로 감싼다.", "본문을 굵게 쓴다.")
}

// wantSentences checks that a document's sentences are want, in order.
func wantSentences(t *testing.T, d *Document, want ...string) {
	t.Helper()
	if len(d.Sentences) != len(want) {
		t.Fatalf("sentences %+v", d.Sentences)
	}
	for i, s := range d.Sentences {
		if s.Text != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, s.Text, want[i])
		}
	}
}

func TestCodeInAngleBracketsStaysAsWritten(t *testing.T) {
	// "<entry>" and "<T>" read as tags by markdown are code the writer did
	// not put in backticks; a title in angle brackets is a title.
	d := Parse("w7/하늘.md", "# 7장\n\n- 새 SQL마다 <entry> 설정만 추가한다.\n- <T extends string> 이런식으로 제약한다.\n- <Attention Is All You Need> 논문을 읽었다.\n")
	wantSentences(t, d, "새 SQL마다 <entry> 설정만 추가한다.", "<T extends string> 이런식으로 제약한다.", "《Attention Is All You Need》 논문을 읽었다.")
}
