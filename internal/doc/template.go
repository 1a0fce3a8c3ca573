package doc

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// SectionSpec is one section of the template (a ### heading).
type SectionSpec struct {
	// Key is the section's canonical meaning (insight.Key*), "" when moim
	// does not know the heading; unknown sections are kept as they are.
	Key string `json:"key"`
	// Heading is the heading text as written in the template.
	Heading string `json:"heading"`
	// Hint is the text of the section's <!-- hint --> comment, if any.
	Hint string `json:"hint,omitempty"`
	// Kind is insight.KindBullets, KindParagraph or KindTable.
	Kind string `json:"kind"`
	// TableHeader holds the table's header and separator lines for
	// table sections ("| 작성 내용 | 수정/보완 내용 | 비고 |", "|---|---|---|").
	TableHeader []string `json:"table_header,omitempty"`
}

// Template is the structure of an insights document.
type Template struct {
	// Title is the title line without "# ", with the week number in it as
	// written: "Week 02 - AI Engineering 인사이트". TitleFor substitutes the
	// number.
	Title string `json:"title"`
	// Intro is the text between the title and the first member heading.
	Intro string `json:"intro,omitempty"`
	// MemberSections are the sections every member block has, in order.
	MemberSections []SectionSpec `json:"member_sections"`
	// GroupHeading is the group block's heading ("통합 토론 주제").
	GroupHeading string `json:"group_heading"`
	// GroupIntro is the text between the group heading and its first section.
	GroupIntro string `json:"group_intro,omitempty"`
	// GroupSections are the group block's sections, in order.
	GroupSections []SectionSpec `json:"group_sections"`
	// Source is where the template came from: a path or "built-in".
	Source string `json:"source"`
	// MemberHeadings are the member headings the template was written
	// with ("박지민 (Park Ji-Min)"), in order; empty for the built-in one.
	MemberHeadings []string `json:"member_headings,omitempty"`
}

// DefaultGroupHeading is the group block's heading when a template names
// none.
const DefaultGroupHeading = "통합 토론 주제"

// BuiltinSource is the Source of the template returned by Builtin.
const BuiltinSource = "built-in"

// Builtin returns the basic template moim uses when a week has neither its
// own document nor a configured template: four member sections and the
// three group sections, with Korean hints.
func Builtin() *Template {
	return &Template{
		Title: "Week {NN} - 스터디 인사이트",
		Intro: "멤버별 스터디 노트를 읽고 이번 주의 핵심 내용과 토론거리를 정리한 문서입니다.",
		MemberSections: []SectionSpec{
			{Key: insight.KeyInsights, Heading: "핵심 인사이트", Kind: insight.KindBullets,
				Hint: "노트에서 가장 무게를 둔 개념과 그렇게 본 이유"},
			{Key: insight.KeyPerspective, Heading: "독특한 관점 또는 흥미로운 발견", Kind: insight.KindBullets,
				Hint: "이 멤버만의 시각, 의견, 스스로 던진 질문"},
			{Key: insight.KeyPractical, Heading: "실무 적용 아이디어", Kind: insight.KindBullets,
				Hint: "업무나 개인 프로젝트에서 바로 시도해 볼 수 있는 방법"},
			{Key: insight.KeyStudy, Heading: "추가 학습이 필요한 부분", Kind: insight.KindBullets,
				Hint: "아직 흐릿하거나 더 파고들고 싶은 주제"},
		},
		GroupHeading: DefaultGroupHeading,
		GroupIntro:   "모임에서 함께 이야기하고 싶은 질문이 있다면 아래에 자유롭게 덧붙여 주세요.",
		GroupSections: []SectionSpec{
			{Key: insight.KeyCommon, Heading: "공통 질문", Kind: insight.KindBullets},
			{Key: insight.KeyDebate, Heading: "심화 토론", Kind: insight.KindBullets},
			{Key: insight.KeyNext, Heading: "다음 주차 연결 포인트", Kind: insight.KindBullets},
		},
		Source: BuiltinSource,
	}
}

// Warnings say when the template lacks what moim fills: member sections it
// knows or a group block. The document is still written; the notes' content
// has fewer places to go.
func (t *Template) Warnings() []string {
	if t.Source == BuiltinSource {
		return nil
	}
	var out []string
	known := func(specs []SectionSpec) bool {
		for _, s := range specs {
			if s.Key != "" {
				return true
			}
		}
		return false
	}
	if !known(t.MemberSections) {
		out = append(out, fmt.Sprintf("template %s: no member section moim fills (### 핵심 인사이트, 독특한 관점, 실무 적용, 추가 학습, 요약, 오개념): nothing from the notes is written for the members; add such headings under each \"## 이름\"", t.Source))
	}
	if !known(t.GroupSections) {
		out = append(out, fmt.Sprintf("template %s: no \"## 통합 토론 주제\" block with ### 공통 질문, 심화 토론 or 다음 주차 연결 포인트: no group questions are written", t.Source))
	}
	return out
}

// DefaultTableHeader is the header of the 오개념 정리 table used when a
// template names the section but draws no table.
var DefaultTableHeader = []string{"| 작성 내용 | 수정/보완 내용 | 비고 |", "|---|---|---|"}

var (
	titlePlaceholder = regexp.MustCompile(`\{(NN|N)\}`)
	titleWeekEN      = regexp.MustCompile(`(?i)(week\s*[-_.]?\s*)(\d+)`)
	titleWeekKO      = regexp.MustCompile(`(\d+)(\s*주차|\s*주)`)
)

// TitleFor returns the template's title for the given week. The week number
// replaces the one in the title keeping its zero padding ("Week 02" →
// "Week 07", "Week 7" → "Week 12", "3주차" → "4주차"); a "{NN}" or "{N}"
// placeholder is replaced by the padded or plain number. A title without a
// week number gets a "Week NN - " prefix.
func (t *Template) TitleFor(week int) string {
	title := strings.TrimSpace(t.Title)
	if title == "" {
		return fmt.Sprintf("Week %02d - 스터디 인사이트", week)
	}
	if titlePlaceholder.MatchString(title) {
		return titlePlaceholder.ReplaceAllStringFunc(title, func(m string) string {
			if m == "{NN}" {
				return fmt.Sprintf("%02d", week)
			}
			return strconv.Itoa(week)
		})
	}
	pad := func(digits string) string {
		if len(digits) > 1 && digits[0] == '0' {
			return fmt.Sprintf("%0*d", len(digits), week)
		}
		return strconv.Itoa(week)
	}
	if loc := titleWeekEN.FindStringSubmatchIndex(title); loc != nil {
		return title[:loc[4]] + pad(title[loc[4]:loc[5]]) + title[loc[5]:]
	}
	if loc := titleWeekKO.FindStringSubmatchIndex(title); loc != nil {
		return title[:loc[2]] + pad(title[loc[2]:loc[3]]) + title[loc[3]:]
	}
	return fmt.Sprintf("Week %02d - %s", week, title)
}

// keyRules map heading keywords to section keys. The heading is compared
// lower-cased with spaces and punctuation removed; the first rule with a
// matching keyword wins, so the more specific meanings come first.
var keyRules = []text.WordRule{
	{Key: insight.KeyCorrections, Words: []string{"오개념", "잘못이해", "바로잡", "misconception", "correction", "errata", "mistake"}},
	{Key: insight.KeySummary, Words: []string{"요약", "개요", "summary", "overview", "tldr"}},
	{Key: insight.KeyNext, Words: []string{"다음주", "다음차시", "다음시간", "nextweek", "nextsession", "nextchapter", "nexttopic"}},
	{Key: insight.KeyCommon, Words: []string{"공통", "common", "shared"}},
	{Key: insight.KeyDebate, Words: []string{"심화", "토론", "debate", "discussion", "deepdive"}},
	{Key: insight.KeyStudy, Words: []string{"추가학습", "더공부", "더학습", "더알아", "보충", "궁금", "이해가부족", "further", "tostudy", "studymore", "learnmore", "openquestion"}},
	{Key: insight.KeyPractical, Words: []string{"실무", "적용", "활용", "practical", "application", "apply", "inpractice"}},
	{Key: insight.KeyPerspective, Words: []string{"독특", "관점", "발견", "unique", "perspective", "interesting", "finding"}},
	{Key: insight.KeyInsights, Words: []string{"핵심", "인사이트", "insight", "takeaway", "keypoint", "keyidea"}},
}

// KeyFor maps a section heading to its canonical key (insight.Key*) by
// keywords, tolerant of wording, numbering, emoji and English headings.
// It returns "" for a heading moim does not know.
func KeyFor(heading string) string { return firstRule(keyRules, heading) }

// firstRule returns the key of the first rule with a word in s
// (compacted: lower case, letters and digits only), "" when none has.
func firstRule(rules []text.WordRule, s string) string {
	return text.FirstRule(rules, text.Compact(s))
}

// KindFor returns how a section with the given key is rendered.
func KindFor(key string) string {
	switch key {
	case insight.KeySummary:
		return insight.KindParagraph
	case insight.KeyCorrections:
		return insight.KindTable
	}
	return insight.KindBullets
}
