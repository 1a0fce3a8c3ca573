package doc

import (
	"fmt"
	"strings"

	"github.com/moim-study/moim/internal/insight"
)

// Parse reads a template, or an existing insights document used as one:
// the title line, the intro, the member blocks ("## <name> (<Roman>)" with
// "### <section>" headings, each optionally followed by a <!-- hint -->
// comment and, for a table section, the table header) and the group block
// ("## 통합 토론 주제", or any H2 whose sections are group sections). The
// member sections are those of the first member block. Headings are mapped
// to keys with KeyFor; unknown headings get the key "".
//
// Parse fails only when the document has no section moim recognises.
func Parse(path string, src string) (*Template, error) {
	d := parseTree(src)
	t := &Template{Title: d.title, Source: path}
	t.Intro = strings.TrimSpace(itemsText(append(append([]item{}, d.intro...), d.introTrailer...)))

	var group *block
	var members []*block
	for _, b := range d.blocks {
		switch {
		case isGroupBlock(b):
			if group == nil {
				group = b
			}
		case len(b.sections) > 0:
			members = append(members, b)
			if !b.implicit {
				t.MemberHeadings = append(t.MemberHeadings, b.heading)
			}
		}
	}
	var first *block
	for _, b := range members {
		if hasKnownSection(b) {
			first = b
			break
		}
	}
	if first == nil && len(members) > 0 {
		first = members[0]
	}
	if first != nil {
		for _, s := range first.sections {
			t.MemberSections = append(t.MemberSections, specFor(s))
		}
	}
	if group != nil {
		t.GroupHeading = group.heading
		t.GroupIntro = strings.TrimSpace(itemsText(group.pre))
		for _, s := range group.sections {
			t.GroupSections = append(t.GroupSections, specFor(s))
		}
	}
	known := false
	for _, s := range append(append([]SectionSpec{}, t.MemberSections...), t.GroupSections...) {
		if s.Key != "" {
			known = true
		}
	}
	if !known {
		return nil, fmt.Errorf("template: %s: no recognisable section: expected member blocks (\"## 이름\") with headings such as \"### 핵심 인사이트\" or \"### 실무 적용 아이디어\", or a \"## 통합 토론 주제\" block with \"### 공통 질문\"", path)
	}
	return t, nil
}

func hasKnownSection(b *block) bool {
	for _, s := range b.sections {
		if KeyFor(s.heading) != "" {
			return true
		}
	}
	return false
}

// specFor describes a parsed section.
func specFor(s *section) SectionSpec {
	key := KeyFor(s.heading)
	spec := SectionSpec{Key: key, Heading: s.heading, Hint: hintText(s.hint), Kind: KindFor(key)}
	var header []string
	for _, it := range s.items {
		if it.kind == iHeader {
			header = it.lines
			break
		}
	}
	switch {
	case key == insight.KeyCorrections:
		spec.TableHeader = header
		if header == nil {
			spec.TableHeader = append([]string(nil), DefaultTableHeader...)
		}
	case key == "" && header != nil:
		spec.Kind = insight.KindTable
		spec.TableHeader = header
	}
	return spec
}

// IsFillable reports whether moim may fill the document src: a document
// moim wrote before (it carries the moim state comment), or a template
// whose member sections are all empty (only hints, "-" placeholders,
// table headers and empty rows; the group block may hold people's
// questions). A document without moim state whose member sections hold
// content was written by hand: moim must not fill it.
func IsFillable(src string) bool {
	d := parseTree(src)
	if d.stateFound {
		return true
	}
	known := false
	for _, b := range d.blocks {
		if hasKnownSection(b) {
			known = true
		}
	}
	if !known {
		// Not a template: fillable only when there is nothing in it.
		return !hasContent(d.intro) && !hasContent(d.introTrailer) && !blocksHaveContent(d.blocks)
	}
	for _, b := range d.blocks {
		if isGroupBlock(b) {
			continue
		}
		for _, s := range b.sections {
			if hasContent(s.items) {
				return false
			}
		}
	}
	return true
}

// blocksHaveContent reports whether any block holds content.
func blocksHaveContent(blocks []*block) bool {
	for _, b := range blocks {
		if hasContent(b.pre) || hasContent(b.trailer) {
			return true
		}
		for _, s := range b.sections {
			if hasContent(s.items) {
				return true
			}
		}
	}
	return false
}

func hasContent(items []item) bool {
	for _, it := range items {
		if it.isContent() {
			return true
		}
	}
	return false
}
