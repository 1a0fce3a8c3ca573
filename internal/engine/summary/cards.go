package summary

import (
	"regexp"
	"strings"

	"github.com/moim-study/moim/internal/note"
)

// A pasted link card (the title, the site's blurb and the bare domain that
// a link preview leaves: "[X의 …님(@handle)", "…", "x.com]") is debris,
// not a point.

// domainEndRe matches the last line of a pasted link card: the site's
// bare domain closing the link's bracket ("x.com]", "github.com]").
var domainEndRe = regexp.MustCompile(`(?i)^\s*(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\s*\]\s*$`)

// cardTitleRe matches a card's title line: a repository's ("GitHub -
// owner/repo: …") or a social post's ("X의 이름님(@handle)", "Name
// (@handle) on X").
var cardTitleRe = regexp.MustCompile(`(?i)^\s*\[?\s*(?:github\s*-\s*[\w.-]+/[\w.-]+\s*:.*|.{0,60}\(@[\w.]{1,30}\)\s*(?:on\s+\w+|/\s*\w+)?)\s*$`)

// maxCard is the most blocks a link card spans, title to domain.
const maxCard = 4

// linkCards marks the blocks of blocks that are pasted link cards: a run
// of paragraphs from one that opens a bracket it does not close (the
// card's title) down to the bare domain closing it, at most maxCard
// blocks; and a lone domain line or card title.
func linkCards(d *note.Document, blocks []int) []bool {
	out := make([]bool, len(blocks))
	for k := range blocks {
		b := d.Blocks[blocks[k]]
		if b.Kind != note.KindParagraph {
			continue
		}
		t := strings.TrimSpace(b.Text)
		if domainEndRe.MatchString(t) || cardTitleRe.MatchString(t) {
			out[k] = true
		}
		if !strings.HasPrefix(t, "[") || strings.Count(t, "[") <= strings.Count(t, "]") {
			continue
		}
		for j := k + 1; j < len(blocks) && j < k+maxCard; j++ {
			c := d.Blocks[blocks[j]]
			if c.Kind != note.KindParagraph {
				break
			}
			if domainEndRe.MatchString(c.Text) {
				for i := k; i <= j; i++ {
					out[i] = true
				}
				break
			}
		}
	}
	return out
}
