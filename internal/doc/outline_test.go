package doc

import (
	"reflect"
	"testing"

	"github.com/moim-study/moim/internal/insight"
)

// TestReadOutlineComposed reads a generated document a person then edited:
// the items are there in document order, moim's items carry the hashes the
// state lists for their section, and the person's do not.
func TestReadOutlineComposed(t *testing.T) {
	tpl := mustParse(t, "extended.md")
	w := makeWeek(tpl, 7, genSet{
		"박지민/summary":     {"파이프라인 구성 요소를 순서대로 정리한 노트입니다."},
		"박지민/insights":    {"**배치 처리**: 데이터를 모아서 한 번에 처리한다.", "스트림 처리는 지연이 짧다."},
		"박지민/corrections": {"카프카는 DB다|카프카는 로그 기반 메시지 브로커다|비고"},
		"group/common":    {"배치와 스트림 중 무엇을 먼저 도입할까?", "데이터 계약은 누가 관리할까?"},
	})
	for i, s := range w.Members[0].Sections {
		if s.Key == insight.KeyCorrections {
			w.Members[0].Sections[i].Rows[0].Remark = "a | b" // written as a \| b
		}
	}
	doc := mustCompose(t, "", tpl, w)
	doc = insertAfter(doc, "- 데이터 계약은 누가 관리할까?", "- 사람이 덧붙인 질문: 스키마 변경은 어떻게 알릴까?")
	doc = replaceLine(doc, "- 스트림 처리는 지연이 짧다.", "- 스트림 처리는 지연이 짧지만 운영이 어렵다.")
	doc = insertAfter(doc, "- **배치 처리**: 데이터를 모아서 한 번에 처리한다.", "```text", "### 코드 안의 제목", "```")

	st, ok := ReadState(doc)
	if !ok {
		t.Fatal("no state")
	}
	o := ReadOutline(doc)
	if o.Title != tpl.TitleFor(7) {
		t.Errorf("title %q", o.Title)
	}
	var names []string
	for _, b := range o.Blocks {
		names = append(names, b.Name)
	}
	if want := []string{"박지민", "최유나", "group"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("blocks %v, want %v", names, want)
	}
	sec := func(block, key string) OutlineSection {
		t.Helper()
		for _, b := range o.Blocks {
			for _, s := range b.Sections {
				if b.Name == block && s.Key == key {
					return s
				}
			}
		}
		t.Fatalf("no section %s/%s", block, key)
		return OutlineSection{}
	}
	gen := func(s OutlineSection) map[string]bool {
		m := map[string]bool{}
		for _, h := range st.Generated[s.StateKey] {
			m[h] = true
		}
		return m
	}

	type want struct {
		kind, text string
		generated  bool
	}
	tests := []struct {
		block, key, stateKey string
		items                []want
	}{
		{"박지민", insight.KeySummary, "박지민/summary", []want{
			{ItemText, "파이프라인 구성 요소를 순서대로 정리한 노트입니다.", true}}},
		{"박지민", insight.KeyInsights, "박지민/insights", []want{
			{ItemBullet, "**배치 처리**: 데이터를 모아서 한 번에 처리한다.", true},
			{ItemCode, "```text ### 코드 안의 제목 ```", false},
			{ItemBullet, "스트림 처리는 지연이 짧지만 운영이 어렵다.", false}}},
		{"박지민", insight.KeyPerspective, "박지민/perspective", nil},
		{"박지민", insight.KeyCorrections, "박지민/corrections", []want{
			{ItemRow, `| 카프카는 DB다 | 카프카는 로그 기반 메시지 브로커다 | a \| b |`, true}}},
		{"group", insight.KeyCommon, "group/common", []want{
			{ItemBullet, "배치와 스트림 중 무엇을 먼저 도입할까?", true},
			{ItemBullet, "데이터 계약은 누가 관리할까?", true},
			{ItemBullet, "사람이 덧붙인 질문: 스키마 변경은 어떻게 알릴까?", false}}},
	}
	for _, tt := range tests {
		s := sec(tt.block, tt.key)
		if s.StateKey != tt.stateKey {
			t.Errorf("%s/%s: state key %q", tt.block, tt.key, s.StateKey)
		}
		g := gen(s)
		var got []want
		for _, it := range s.Items {
			got = append(got, want{it.Kind, it.Text, g[it.Hash]})
		}
		if !reflect.DeepEqual(got, tt.items) {
			t.Errorf("%s: items\n got %+v\nwant %+v", tt.stateKey, got, tt.items)
		}
	}
	row := sec("박지민", insight.KeyCorrections).Items[0]
	if want := []string{"카프카는 DB다", "카프카는 로그 기반 메시지 브로커다", "a | b"}; !reflect.DeepEqual(row.Cells, want) {
		t.Errorf("cells %q, want %q", row.Cells, want)
	}
	// The group block's intro text is the template's, written by moim.
	for _, b := range o.Blocks {
		if b.Group && (len(b.Intro) != 1 || !gen(OutlineSection{StateKey: b.IntroKey})[b.Intro[0].Hash]) {
			t.Errorf("group intro %+v is not moim's (%s)", b.Intro, b.IntroKey)
		}
	}
	// BulletHash is the hash of the line moim writes for a bullet.
	common := sec("group", insight.KeyCommon)
	for i, b := range w.Group[0].Bullets {
		if h := BulletHash(b.Markdown()); h != common.Items[i].Hash {
			t.Errorf("BulletHash(%q) = %s, document item hash %s", b.Markdown(), h, common.Items[i].Hash)
		}
	}
}

func TestBulletHash(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"**배치**: 모아서 처리", "**배치**:   모아서\n처리", true},
		{" 한글  정규화 ", "한글 정규화", true},
		{"\u1112\u1161\u11ab", "한", true}, // NFD and NFC
		{"배치 처리", "배치 처리!", false},
		{"<!-- 주석 -->", "&lt;!-- 주석 --&gt;", true}, // comment delimiters are defused when written
	}
	for _, tt := range tests {
		ha, hb := BulletHash(tt.a), BulletHash(tt.b)
		if len(ha) != 12 || (ha == hb) != tt.same {
			t.Errorf("BulletHash(%q) = %s, BulletHash(%q) = %s, same want %v", tt.a, ha, tt.b, hb, tt.same)
		}
	}
	if h := BulletHash("  \n "); h != "" {
		t.Errorf("blank: %q", h)
	}
}

// TestOutlinePlainAndGap: Plain drops the markers of nested list lines;
// Gap marks an item after a blank line or after an item the outline leaves
// out (a comment), not one that directly follows another.
func TestOutlinePlainAndGap(t *testing.T) {
	src := "## 박지민\n### 핵심 인사이트\n- **캐시**: 지역성\n  - 시간 지역성\n바로 이어진 줄\n\n떨어진 문단\n<!-- 메모 -->\n주석 뒤 줄\n"
	o := ReadOutline(src)
	if len(o.Blocks) != 1 || len(o.Blocks[0].Sections) != 1 {
		t.Fatalf("outline %+v", o)
	}
	type got struct {
		Kind, Text, Plain string
		Gap               bool
	}
	var items []got
	for _, it := range o.Blocks[0].Sections[0].Items {
		items = append(items, got{it.Kind, it.Text, it.Plain, it.Gap})
	}
	want := []got{
		{ItemBullet, "**캐시**: 지역성 - 시간 지역성", "**캐시**: 지역성 시간 지역성", false},
		{ItemText, "바로 이어진 줄", "바로 이어진 줄", false},
		{ItemText, "떨어진 문단", "떨어진 문단", true},
		{ItemText, "주석 뒤 줄", "주석 뒤 줄", true},
	}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("items\n got %+v\nwant %+v", items, want)
	}
}
