package summary

import (
	"regexp"
	"strings"

	"github.com/moim-study/moim/internal/analyze"
	"github.com/moim-study/moim/internal/insight"
	"github.com/moim-study/moim/internal/text"
)

// This file decides which points do not stand on their own in the draft
// and which note blocks are no points at all:
//
//   - a point that opens by pointing back ("이는 …", "이 문제를 피하기
//     위해 …", "하지만 …": analyze.Dependent, the insights' rule) needs
//     the member's point before it under the same heading;
//   - a point that defines the symbols of a formula ("σ : 시그모이드
//     함수") needs the formula above it;
//   - a point that opens on a numbered figure or table ("그림 2-18과
//     같이 …") points at what the draft does not show;
//   - a pasted link card (the title, the site's blurb and the bare domain
//     that a link preview leaves: "[X의 …님(@handle)", "…", "x.com]") is
//     debris, not a point.
//
// A cluster whose representative needs a point the draft does not keep
// takes another member's version that stands alone, or is left out (see
// builder.settleNeeds).

// maxLookBack is how many of the member's points before it a symbol list
// looks back over for its formula.
const maxLookBack = 3

// lean sets what a point needs among the member's points before it under
// the same heading (prev, in note order).
func lean(p *point, prev []*point) {
	if p.kind == insight.PointCode || p.kind == insight.PointTable {
		return
	}
	first := strings.TrimSpace(p.plain)
	if figureOpenRe.MatchString(first) {
		p.orphan = true
		return
	}
	if symbolDef(first) {
		for i := len(prev) - 1; i >= 0 && i >= len(prev)-maxLookBack; i-- {
			if prev[i].formula {
				p.needs = prev[i]
				return
			}
		}
	}
	if len(prev) == 0 && visualRefRe.MatchString(first) {
		p.orphan = true // "이 목록에 없는 언어는 …" under a table shown as an image
		return
	}
	if len(prev) == 0 || strings.HasPrefix(first, "아래") {
		return // the heading is what it points at; "아래" points ahead
	}
	if analyze.Dependent(first) && !bookRefRe.MatchString(first) {
		p.needs = prev[len(prev)-1]
	}
}

// bookRefRe matches a demonstrative before the book or its parts ("이
// 장에서는", "이 책은"): what it names needs no line above.
var bookRefRe = regexp.MustCompile(`^(?:이|그|해당|위의?)\s*(?:책|장|절|글|노트|스터디)(?:\s|에|은|는|의|을|를|이|과|와|$)`)

// figureOpenRe matches a point that opens on a numbered figure or table
// of the book ("그림 2-18과 같이", "[그림 3.1]", "표 2에서", "Figure 4").
var figureOpenRe = regexp.MustCompile(`(?i)^\[?\s*(그림|도표|표|figure|fig\.?|table)\s*\d+(?:[-.]\d+)*\s*\]?`)

// visualRefRe matches a point that opens by pointing at a figure, table
// or list ("이 목록에", "위 표는", "이 그림처럼"): first under its heading,
// what it points at is an image the draft does not show.
var visualRefRe = regexp.MustCompile(`^(?:이|위|위의|아래|아래의|해당)\s*(?:목록|표|그림|도표|차트|이미지|사진|리스트|그래프)(?:\s|에|은|는|의|을|를|이|과|와|처럼|에서)`)

// promiseRe matches a point's last line that announces a formula or a
// list after it ("…는 다음과 같이 계산된다.", "…는 아래와 같다:").
var promiseRe = regexp.MustCompile(`(?:다음과|아래와)\s?같(?:이|은|다|음)[^.]{0,20}[.:：]?\s*$|[:：]\s*$`)

// maxFormulaGap is the most note lines between a point that announces a
// formula and the formula.
const maxFormulaGap = 3

// joinFormulas puts a formula under the point that announces it, so that
// neither stands without the other: "p_i는 다음과 같이 계산된다." and
// "p_i = e^x_i/(Σ_j e^x_j)" are one point.
func joinFormulas(pts []*point) []*point {
	into := map[*point]*point{}
	out := make([]*point, 0, len(pts))
	for _, p := range pts {
		if n := len(out); n > 0 && p.formula && p.line-out[n-1].end <= maxFormulaGap {
			q := out[n-1]
			last := q.lines[len(q.lines)-1]
			if q.kind != insight.PointCode && q.kind != insight.PointTable && q.kind != insight.PointQuote && promiseRe.MatchString(plainText([]string{last})) {
				indent := len(last) - len(strings.TrimLeft(last, " "))
				q.kind = insight.PointBullet
				pad := strings.Repeat(" ", indent+2)
				q.lines = append(q.lines, pad+"- "+p.lines[0])
				for _, l := range p.lines[1:] {
					q.lines = append(q.lines, pad+l) // the formula's own nested lines
				}
				q.plain += " " + p.plain
				q.grams = text.NewBigrams(q.plain, text.BigramOptions{})
				q.ids = append(q.ids, p.ids...)
				q.end = max(q.end, p.end)
				into[p] = q
				continue
			}
		}
		out = append(out, p)
	}
	for _, p := range out {
		if q, ok := into[p.needs]; ok {
			p.needs = q // a symbol of the formula needs the point that holds it
		}
	}
	return out
}

// symbolRe reads the definition of a formula's symbol: a short symbol
// before a colon ("r_θ : …", "σ : …", "y_w : …"): a single Latin letter,
// one or two Greek letters, or a letter with a subscript or superscript.
var symbolRe = regexp.MustCompile(`^(?:[A-Za-z]|\p{Greek}{1,2}|[^\s:：]{0,7}[_^][^\s:：]{0,7})\s+[:：]\s*\S`)

// symbolDef reports whether a point defines a formula's symbol.
func symbolDef(s string) bool { return symbolRe.MatchString(s) }

// stands reports whether a point can stand in the draft when the points
// in kept are what the draft shows: it needs nothing, or what it needs
// is in kept (in its own words or another member's).
func stands(p *point, kept map[*point]bool) bool {
	return !p.orphan && (p.needs == nil || kept[p.needs])
}

// settleNeeds makes every kept cluster stand: a cluster whose
// representative needs a point the draft leaves out takes the best
// version of the point that stands, or is left out; until nothing
// changes (a left-out formula takes its symbols with it).
func (b *builder) settleNeeds(secs []*draftSection) {
	for changed := true; changed; {
		changed = false
		kept := map[*point]bool{}
		for _, ds := range secs {
			for _, c := range ds.clusters {
				for _, p := range c.points {
					kept[p] = true
				}
			}
		}
		for _, ds := range secs {
			out := ds.clusters[:0]
			for _, c := range ds.clusters {
				if !stands(c.rep, kept) {
					var alt []*point
					for _, p := range c.points {
						if stands(p, kept) {
							alt = append(alt, p)
						}
					}
					changed = true
					if len(alt) == 0 {
						continue
					}
					c.rep = representative(&cluster{points: alt})
				}
				out = append(out, c)
			}
			ds.clusters = out
		}
	}
}
