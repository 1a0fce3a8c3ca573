package note

import (
	"regexp"
	"strings"
	"unicode"
)

// linkOnlyProse is the most prose (letters and digits outside link text) a
// note that has links may hold and still be only a pointer to a post
// elsewhere.
const linkOnlyProse = 80

// reNotionProp matches the property lines a Notion page export puts under
// its title (날짜:, 담당자:, 진행 상태: ...).
var reNotionProp = regexp.MustCompile(`^\s*(?:날짜|담당자|진행 상태|상태|작성자|작성일|생성 일시|최종 편집 일시|태그|유형|카테고리|참여자|Created|Created by|Last edited time|Tags|Status|Assignee|Date)\s*:`)

// detectStyle sets doc.Style from what the parse saw.
func (p *parser) detectStyle(src string) {
	d := p.doc
	prose := 0
	for _, b := range d.Blocks {
		if b.Kind == KindCode {
			continue
		}
		for _, r := range b.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				prose++
			}
		}
	}
	prose -= p.linkText
	switch {
	case len(d.Blocks) == 0:
		d.Style = StyleEmpty
	case len(d.Links) > 0 && prose < linkOnlyProse && d.Stats.Code == 0 && d.Stats.Tables == 0:
		d.Style = StyleLinkOnly
	case d.Stats.Callouts > 0 && p.asideSeen() || notionProps(src) >= 2:
		d.Style = StyleNotion
	case p.tags >= 3 && p.htmlText*2 >= p.allText:
		d.Style = StyleHTML
	default:
		d.Style = StyleMarkdown
	}
}

// asideSeen reports whether a Notion <aside> call-out was found (as opposed
// to GitHub "> [!NOTE]" alerts only).
func (p *parser) asideSeen() bool { return p.asides > 0 }

// notionProps counts Notion property lines among the first lines of src.
func notionProps(src string) int {
	n := 0
	for i := 0; i < 12 && src != ""; i++ {
		var line string
		line, src, _ = strings.Cut(src, "\n")
		if reNotionProp.MatchString(line) {
			n++
		}
	}
	return n
}
