package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/note"
	"github.com/moim-study/moim/internal/testutil"
	"github.com/moim-study/moim/internal/text"
)

// flat lists a document's items as "member/key: text" (group items under
// GroupMember).
func flat(d *Document) []string {
	var out []string
	for _, m := range d.Members {
		for _, s := range m.Sections {
			for _, it := range s.Items {
				out = append(out, m.Name+"/"+s.Key+": "+it.Text)
			}
		}
	}
	for _, s := range d.Group {
		for _, it := range s.Items {
			out = append(out, GroupMember+"/"+s.Key+": "+it.Text)
		}
	}
	return out
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "hints, placeholders and state are not items",
			src: "# 제목\n\n소개 문단\n\n## 박지민 (Park Ji-Min)\n\n### 핵심 인사이트\n<!-- 힌트 -->\n-\n- 첫째\n\n### 추가 학습이 필요한 부분\n<!--\n여러 줄 힌트\n-->\n\n" +
				"## 통합 토론 주제\n\n자유롭게 추가해주세요.\n\n### 공통 질문\n-\n\n<!-- moim:state v1 {} -->\n",
			want: []string{"박지민/insights: 첫째"},
		},
		{
			name: "nested and continued lines stay in their bullet",
			src:  "## 박지민\n### 핵심 인사이트\n- **캐시**: 지역성을 이용\n  - 시간 지역성\n  이어지는 줄\n* 둘째\n1. 셋째\n",
			want: []string{"박지민/insights: **캐시**: 지역성을 이용 시간 지역성 이어지는 줄", "박지민/insights: 둘째", "박지민/insights: 셋째"},
		},
		{
			name: "table rows without header, empty rows dropped",
			src:  "## 박지민\n### 오개념 정리\n| 작성 내용 | 수정/보완 내용 | 비고 |\n|---|---|---|\n| 스레드는 메모리를 공유하지 않는다 | 힙은 공유한다 | 교재 2장 |\n|  |  |  |\n",
			want: []string{"박지민/corrections: 스레드는 메모리를 공유하지 않는다 | 힙은 공유한다 | 교재 2장"},
		},
		{
			name: "an escaped pipe stays inside its cell",
			src:  "## 박지민\n### 오개념 정리\n| 작성 내용 | 수정/보완 내용 | 비고 |\n|---|---|---|\n| 엔진은 openai\\|anthropic | 둘 다 된다 | 확인 |\n",
			want: []string{"박지민/corrections: 엔진은 openai|anthropic | 둘 다 된다 | 확인"},
		},
		{
			name: "member headings with full-width parentheses",
			src:  "## 박지민（Park Ji-Min）\n### 핵심 인사이트\n- 하나\n",
			want: []string{"박지민/insights: 하나"},
		},
		{
			name: "paragraphs split at blank lines and after lists",
			src:  "## 최도윤 (Choi Do-Yun)\n### 전체적인 작성 내용 요약\n첫 문단\n같은 문단\n\n둘째 문단\n### 핵심 인사이트\n- 항목\n\n목록 뒤 문단\n",
			want: []string{"최도윤/summary: 첫 문단 같은 문단", "최도윤/summary: 둘째 문단", "최도윤/insights: 항목", "최도윤/insights: 목록 뒤 문단"},
		},
		{
			name: "text after a block's rule belongs to no section",
			src:  "## 박지민\n### 핵심 인사이트\n- 하나\n\n---\n\n꼬리 문장\n",
			want: []string{"박지민/insights: 하나"},
		},
		{
			name: "group block known by its sections, unknown section kept by heading",
			src:  "## 모임 메모\n### 공통 질문\n- 질문 하나\n### 다음 주차 연결 포인트\n- 연결\n## 박지민\n### 읽은 책 목록\n- 운영체제 교재\n",
			want: []string{"박지민/읽은책목록: 운영체제 교재", GroupMember + "/common: 질문 하나", GroupMember + "/next: 연결"},
		},
		{
			name: "a heading inside code is not structure",
			src:  "## 박지민\n### 핵심 인사이트\n```\n### 주석\n```\n- 다음\n",
			want: []string{"박지민/insights: ``` ### 주석 ```", "박지민/insights: 다음"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := flat(ParseMarkdown("x.md", tt.src))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("items:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParseMarkdownMemberHeading(t *testing.T) {
	d := ParseMarkdown("x.md", "## 박지민 (Park Ji-Min)\n### 핵심 인사이트\n- 가\n## 최도윤\n### 핵심 인사이트\n- 나\n")
	var got [][2]string
	for _, m := range d.Members {
		got = append(got, [2]string{m.Name, m.Roman})
	}
	want := [][2]string{{"박지민", "Park Ji-Min"}, {"최도윤", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("members = %q, want %q", got, want)
	}
}

func mustRead(t *testing.T, path string) *Document {
	t.Helper()
	d, err := ReadDocument(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustNotes(t *testing.T) Notes {
	t.Helper()
	notes, warns, err := LoadNotes("testdata/repo", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 || len(notes) != 2 {
		t.Fatalf("notes of the fixture repo: %d notes, warnings %q; want the 2 notes", len(notes), warns)
	}
	return notes
}

func rowOf(t *testing.T, r *Result, member, section string) Row {
	t.Helper()
	for _, row := range r.Rows {
		if row.Member == member && row.Section == section {
			return row
		}
	}
	t.Fatalf("no row %s/%s", member, section)
	return Row{}
}

func val(v *float64) float64 {
	if v == nil {
		return -1
	}
	return *v
}

func TestCompareIdentical(t *testing.T) {
	ref := mustRead(t, "testdata/ref.md")
	res := Compare(ref, ref, mustNotes(t), Options{})
	for _, r := range res.Rows {
		if val(r.TermOverlap) != 1 || val(r.TermPrecision) != 1 || val(r.BigramF1) != 1 {
			t.Errorf("%s/%s: terms %v precision %v f1 %v, want 1", r.Member, r.Section, val(r.TermOverlap), val(r.TermPrecision), val(r.BigramF1))
		}
		if r.RefBullets != r.GenBullets || r.RefLen != r.GenLen {
			t.Errorf("%s/%s: counts %d/%d lengths %v/%v differ", r.Member, r.Section, r.RefBullets, r.GenBullets, r.RefLen, r.GenLen)
		}
		if val(r.Supported) != val(r.RefSupported) || val(r.Attributed) != val(r.RefAttributed) {
			t.Errorf("%s/%s: generated and reference support differ for one document", r.Member, r.Section)
		}
	}
	if val(res.Total.TermOverlap) != 1 || val(res.Total.BigramF1) != 1 || len(res.Warnings) > 0 {
		t.Errorf("total terms %v f1 %v warnings %q", val(res.Total.TermOverlap), val(res.Total.BigramF1), res.Warnings)
	}
}

func TestCompareUnrelated(t *testing.T) {
	res := Compare(mustRead(t, "testdata/ref.md"), mustRead(t, "testdata/unrelated.md"), nil, Options{})
	if len(res.Rows) != 5 {
		t.Fatalf("%d rows, want 5 (two sections of two members, one group section)", len(res.Rows))
	}
	for _, r := range res.Rows {
		if val(r.TermOverlap) != 0 || val(r.BigramF1) > 0.1 {
			t.Errorf("%s/%s: terms %v f1 %v, want about 0", r.Member, r.Section, val(r.TermOverlap), val(r.BigramF1))
		}
		if r.Supported != nil || r.Attributed != nil {
			t.Errorf("%s/%s: support measured without notes", r.Member, r.Section)
		}
	}
}

func TestCompareMixed(t *testing.T) {
	res := Compare(mustRead(t, "testdata/ref.md"), mustRead(t, "testdata/mixed.md"), mustNotes(t), Options{})

	r := rowOf(t, res, "박지민", insight.KeyInsights)
	// Four bullets: own, copied from 최도윤's note, own with HTML debris,
	// own with a broken bold marker and an image.
	if r.GenBullets != 4 || r.RefBullets != 2 {
		t.Errorf("bullets %d/%d, want 2/4", r.RefBullets, r.GenBullets)
	}
	if val(r.Supported) != 0.75 || val(r.Attributed) != 0.75 {
		t.Errorf("supported %v attributed %v, want 0.75 (the copied bullet fails both)", val(r.Supported), val(r.Attributed))
	}
	if r.Debris != 2 {
		t.Errorf("debris %d, want 2", r.Debris)
	}
	wantKinds := map[string]int{"entity": 1, "html": 1, "bold": 1, "image": 1, "link": 1}
	if !reflect.DeepEqual(r.DebrisKinds, wantKinds) {
		t.Errorf("debris kinds %v, want %v", r.DebrisKinds, wantKinds)
	}

	// A section only the generated document has, and one it lacks.
	if p := rowOf(t, res, "최도윤", insight.KeyPractical); p.RefBullets != 0 || p.GenBullets != 1 || p.TermOverlap != nil || p.BigramF1 != nil {
		t.Errorf("generated-only section: %+v", p)
	}
	if s := rowOf(t, res, "최도윤", insight.KeyStudy); s.GenBullets != 0 || val(s.BigramF1) != 0 || s.Supported != nil {
		t.Errorf("reference-only section: %+v", s)
	}

	// Group bullets are supported by any note and never attributed.
	g := rowOf(t, res, GroupMember, insight.KeyCommon)
	if val(g.Supported) != 0.5 || g.Attributed != nil {
		t.Errorf("group: supported %v attributed %v, want 0.5 and none", val(g.Supported), val(g.Attributed))
	}

	// Members are matched by name although the order differs.
	if res.Rows[0].Member != "박지민" || len(res.Warnings) != 0 {
		t.Errorf("rows start with %s, warnings %q", res.Rows[0].Member, res.Warnings)
	}
	if res.Total.GenBullets != 9 || res.Total.RefBullets != 6 || res.Total.Debris != 2 {
		t.Errorf("total bullets %d/%d debris %d", res.Total.RefBullets, res.Total.GenBullets, res.Total.Debris)
	}
	// Shares over bullets: 6 of the 7 member bullets are supported, 7 of 9
	// with the group's; term overlap is the mean over the 4 rows with a
	// reference section.
	m := res.MemberTotal
	if m.GenBullets != 7 || val(m.Supported) != 0.8571 || val(res.Total.Supported) != 0.7778 {
		t.Errorf("member total %d bullets supported %v, total supported %v", m.GenBullets, val(m.Supported), val(res.Total.Supported))
	}
	wantTerms := (*rowOf(t, res, "박지민", insight.KeyInsights).TermOverlap + *rowOf(t, res, "박지민", insight.KeyStudy).TermOverlap +
		*rowOf(t, res, "최도윤", insight.KeyInsights).TermOverlap + *rowOf(t, res, "최도윤", insight.KeyStudy).TermOverlap) / 4
	if abs(val(m.TermOverlap)-wantTerms) > 1e-4 {
		t.Errorf("member term overlap %v, want the row mean %v", val(m.TermOverlap), wantTerms)
	}
}

// TestCheck decides support and attribution for single bullets.
func TestCheck(t *testing.T) {
	notes := mustNotes(t)
	c := &comparer{opt: Options{Threshold: DefaultThreshold}, notes: map[string]*noteIndex{}, hasNote: true}
	for _, name := range []string{"박지민", "최도윤"} {
		ix := newNoteIndex(name, notes[name])
		c.notes[name] = ix
		c.order = append(c.order, ix)
	}
	own := c.notes["박지민"]
	tests := []struct {
		name           string
		item           Item
		supp, attr     bool
		group, groupOK bool
	}{
		{name: "copied from the own note", item: Item{Text: "**스케줄링**: 라운드 로빈 스케줄링은 타임 퀀텀이 너무 짧으면 문맥 교환 오버헤드가 커진다."}, supp: true, attr: true},
		{name: "part of an own sentence", item: Item{Text: "우선순위 상속으로 해결"}, supp: true, attr: true},
		{name: "copied from another member's note", item: Item{Text: "TLB는 최근에 사용한 주소 변환 결과를 캐시해서 메모리 접근을 줄여 준다."}, supp: false, attr: false},
		{name: "found in no note", item: Item{Text: "오늘 점심 메뉴는 김치찌개가 좋겠다"}, supp: false, attr: false},
		{name: "paraphrase with a cited quote", item: Item{Text: "CFS가 공정성을 계산하는 법이 궁금함",
			Sources: []insight.Source{{File: "weeks/week01/박지민.md", Line: 15, Quote: "가상 실행 시간을 어떻게 계산할까"}}}, supp: true, attr: true},
		{name: "a quote from another note does not count", item: Item{Text: "메모리가 부족할 때의 현상",
			Sources: []insight.Source{{Quote: "스래싱이 발생해 시스템 전체가 느려진다"}}}, supp: false, attr: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			supp, attr := c.check(tt.item, own, false)
			if supp != tt.supp || attr != tt.attr {
				t.Errorf("supported %v attributed %v, want %v %v", supp, attr, tt.supp, tt.attr)
			}
		})
	}
	t.Run("group block: quotes of two notes side by side", func(t *testing.T) {
		for _, tt := range []struct {
			text string
			want bool
		}{
			{"박지민은 “가상 실행 시간을 어떻게 계산할까”라고 물었고, 최도윤은 “스래싱이 발생해 시스템 전체가 느려진다”라고 적었습니다. 둘은 어떻게 이어질까요?", true},
			{"박지민은 “가상 실행 시간을 어떻게 계산할까”라고 물었고, 최도윤은 “스케줄러는 언제나 공정하다”라고 적었습니다. 둘은 어떻게 이어질까요?", false},
			{"두 멤버가 가상 실행 시간과 스래싱을 함께 다룬 까닭은 무엇일까요? 서로의 설명을 비교해 봅시다.", false},
		} {
			if supp, _ := c.check(Item{Text: tt.text}, nil, true); supp != tt.want {
				t.Errorf("%q: supported %v, want %v", tt.text, supp, tt.want)
			}
		}
	})
	t.Run("group block: any note supports", func(t *testing.T) {
		supp, attr := c.check(Item{Text: "TLB는 최근에 사용한 주소 변환 결과를 캐시해서 메모리 접근을 줄여 준다."}, nil, true)
		if !supp || attr {
			t.Errorf("supported %v attributed %v, want true false", supp, attr)
		}
	})
}

func TestDebris(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"깨끗한 문장입니다", nil},
		{"**굵게**: 정상적인 굵은 글씨", nil},
		{"HTTP 프로토콜과 a < b 비교", nil},
		{"공백&nbsp;문자", []string{"entity"}},
		{"줄바꿈<br>태그", []string{"html"}},
		{"<p>문단</p>", []string{"html"}},
		{"그림 ![도식](a.png)", []string{"image", "link"}},
		{"[링크](https://example.com)", []string{"link", "url"}},
		{"주소 https://example.com 참고", []string{"url"}},
		{"A \\rightarrow B", []string{"latex"}},
		{"출처【4:0†source】", []string{"citation"}},
		{"인용 :contentReference[oaicite:1]", []string{"citation"}},
		{"**끊긴 굵은 글씨: 본문", []string{"bold"}},
	}
	for _, tt := range tests {
		if got := debris(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("debris(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestIndexedSupport checks that the note index scores a sentence as
// text.Support does with text.SentenceSupport.
func TestIndexedSupport(t *testing.T) {
	pairs := [][2]string{
		{"검색 증강 생성", "검색증강생성은 외부 지식을 가져온다"},
		{"LoRA로 파인튜닝", "lora 파인 튜닝"},
		{"가", "가나다"},
		{"완전히 다른 문장", "unrelated english"},
	}
	for _, p := range pairs {
		ix := newNoteIndex("x", &note.Document{Sentences: []note.Sentence{{Text: p[1]}}})
		got := ix.best(text.NewBigrams(p[0], text.SentenceSupport.BigramOptions))
		if want := text.Support(p[0], p[1], text.SentenceSupport); got != want {
			t.Errorf("%q vs %q: indexed score %v, text.Support %v", p[0], p[1], got, want)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestMemberMatching(t *testing.T) {
	ref := ParseMarkdown("ref.md", "## 박지민 (Park Ji-Min)\n### 핵심 인사이트\n- 가나다\n")
	gen := ParseMarkdown("gen.md", "## 박 지민 (Park Jimin)\n### 핵심 인사이트\n- 가나다\n## 정하늘 (Jeong Ha-Neul)\n### 핵심 인사이트\n- 라마바\n")
	res := Compare(ref, gen, nil, Options{})
	if r := rowOf(t, res, "박지민", insight.KeyInsights); val(r.BigramF1) != 1 {
		t.Errorf("names differing in spacing are not matched: %+v", r)
	}
	if r := rowOf(t, res, "정하늘", insight.KeyInsights); r.RefBullets != 0 || r.GenBullets != 1 {
		t.Errorf("generated-only member row: %+v", r)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "정하늘") {
		t.Errorf("warnings %q, want one naming 정하늘", res.Warnings)
	}

	// The romanised name matches when the Hangul names differ.
	gen = ParseMarkdown("gen.md", "## 박지밍 (Park Ji-Min)\n### 핵심 인사이트\n- 가나다\n")
	if r := Compare(ref, gen, nil, Options{}); len(r.Warnings) != 0 {
		t.Errorf("roman fallback: warnings %q", r.Warnings)
	}
}

func TestMemberWithoutNote(t *testing.T) {
	ref := mustRead(t, "testdata/ref.md")
	gen := ParseMarkdown("gen.md", "## 정하늘\n### 핵심 인사이트\n- 페이지 테이블은 가상 주소를 물리 주소로 변환하는 자료구조이다.\n")
	res := Compare(ref, gen, mustNotes(t), Options{})
	r := rowOf(t, res, "정하늘", insight.KeyInsights)
	if val(r.Supported) != 0 || val(r.Attributed) != 0 {
		t.Errorf("bullets of a member without a note: supported %v attributed %v, want 0", val(r.Supported), val(r.Attributed))
	}
	found := false
	for _, w := range res.Warnings {
		found = found || strings.Contains(w, "정하늘: no note")
	}
	if !found {
		t.Errorf("warnings %q lack the missing note", res.Warnings)
	}
}

func TestReadDocument(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	week := insight.Week{Number: 2, Members: []insight.Member{{Name: "박지민", Sections: []insight.Section{{
		Key: insight.KeyInsights, Heading: "핵심 인사이트", Kind: insight.KindBullets,
		Bullets: []insight.Bullet{{Head: "캐시", Text: "지역성을 이용한다", Sources: []insight.Source{{File: "a.md", Line: 3, Quote: "지역성"}}}},
	}}}}, Group: []insight.Section{{Key: insight.KeyCorrections, Rows: []insight.Row{{Written: "가", Correction: "나", Remark: "다"}}}}}
	rep, err := json.Marshal(insight.Report{Tool: "moim", Weeks: []insight.Week{{Number: 1}, week}})
	if err != nil {
		t.Fatal(err)
	}
	one, err := json.Marshal(week)
	if err != nil {
		t.Fatal(err)
	}
	reportPath, weekPath := write("report.json", string(rep)), write("week.json", string(one))
	want := []string{"박지민/insights: **캐시**: 지역성을 이용한다", GroupMember + "/corrections: 가 | 나 | 다"}

	for _, tc := range []struct {
		path string
		week int
	}{{reportPath, 2}, {weekPath, 0}} {
		d, err := ReadDocument(tc.path, tc.week)
		if err != nil {
			t.Fatal(err)
		}
		if got := flat(d); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: items %q, want %q", tc.path, got, want)
		}
		if src := d.Members[0].Sections[0].Items[0].Sources; len(src) != 1 || src[0].Quote != "지역성" {
			t.Errorf("%s: sources %+v not kept", tc.path, src)
		}
	}

	errCases := []struct {
		name, path, want string
		week             int
	}{
		{"missing file", filepath.Join(dir, "없음.md"), "없음.md", 0},
		{"not an insights document", write("note.md", "# 그냥 노트\n\n본문만 있다.\n"), "note.md: not an insights document", 0},
		{"report without the week", reportPath, "report.json: the report holds 2 week(s) and none is week 3", 3},
		{"report with several weeks and no --week", reportPath, "report.json", 0},
		{"broken JSON", write("bad.json", "{\"weeks\": ["), "bad.json", 0},
		{"binary", write("bin.md", "\x00\x01\x02PK\x03\x04"), "bin.md", 0},
	}
	for _, tc := range errCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDocument(tc.path, tc.week)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestLoadNotesErrors(t *testing.T) {
	if _, _, err := LoadNotes("testdata/repo", 9); err == nil || !strings.Contains(err.Error(), "week 9 not found") {
		t.Errorf("missing week: %v", err)
	}
}

// TestGolden pins the table and the JSON of the mixed fixture. Rewrite
// with go test ./internal/eval -run Golden -update.
func TestGolden(t *testing.T) {
	res := Compare(mustRead(t, "testdata/ref.md"), mustRead(t, "testdata/mixed.md"), mustNotes(t), Options{})
	var table, js bytes.Buffer
	if err := WriteTable(&table, res); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, res); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "testdata/mixed.txt.golden", table.Bytes())
	testutil.Golden(t, "testdata/mixed.json.golden", js.Bytes())

	// The JSON shape machines rely on.
	var shape struct {
		Notes bool `json:"notes"`
		Rows  []map[string]any
		Total map[string]any
	}
	if err := json.Unmarshal(js.Bytes(), &shape); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"member", "section", "ref_bullets", "gen_bullets", "ref_len", "gen_len", "term_overlap", "bigram_f1", "supported", "attributed", "debris"} {
		if _, ok := shape.Rows[0][k]; !ok {
			t.Errorf("row JSON lacks %q: %v", k, shape.Rows[0])
		}
	}
	if !shape.Notes || shape.Total["section"] != "total" {
		t.Errorf("notes %v total %v", shape.Notes, shape.Total)
	}

	// Without notes the support columns are left out.
	res = Compare(mustRead(t, "testdata/ref.md"), mustRead(t, "testdata/mixed.md"), nil, Options{})
	js.Reset()
	table.Reset()
	if err := WriteJSON(&js, res); err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&table, res); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(js.String(), "supported") || strings.Contains(table.String(), "supp") {
		t.Errorf("support columns present without notes:\n%s", table.String())
	}
	// The rest is there: the absence above is of those columns only.
	shape.Rows, shape.Notes = nil, true
	if err := json.Unmarshal(js.Bytes(), &shape); err != nil {
		t.Fatal(err)
	}
	if shape.Notes || len(shape.Rows) == 0 || shape.Rows[0]["bigram_f1"] == nil {
		t.Errorf("JSON without notes: notes %v, %d rows, first %v", shape.Notes, len(shape.Rows), shape.Rows)
	}
	if !strings.Contains(table.String(), "f1") || !strings.Contains(table.String(), "total") {
		t.Errorf("table without notes lacks its columns or total:\n%s", table.String())
	}
}
