package note

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text cleaning: everything that turns the raw text gathered from markdown
// and HTML nodes into the plain text of a block.

var (
	// reCitation matches what ChatGPT leaves behind when its answers are
	// pasted: 【12†source】, :contentReference[oaicite:3]{index=3},
	// [oaicite:0], and the private-use-area cite markers.
	reCitation = regexp.MustCompile(`【[^】\n]{0,80}†[^】\n]{0,80}】` +
		`|:?contentReference\[oaicite:\d+\](?:\{index=\d+\})?` +
		`|\[oaicite:\d+\]` +
		`|\x{E200}[^\x{E201}\n]{0,200}\x{E201}`)

	// reURL matches a bare URL, optionally wrapped in parentheses. Hangul
	// ends a URL: "https://example.com에서" keeps its particle.
	reURL = regexp.MustCompile(`(?i)\(\s*(?:https?://|www\.)[^\s<>"'()\x{AC00}-\x{D7A3}\x{3131}-\x{318E}]+\s*\)` +
		`|(?:https?://|www\.)[^\s<>"'()\[\]{}\x{AC00}-\x{D7A3}\x{3131}-\x{318E}]+`)

	// reLatexCmd matches a LaTeX command, with the doubled backslash that
	// markdown escaping sometimes leaves.
	reLatexCmd = regexp.MustCompile(`\\{1,2}([A-Za-z]+|[,;:! ]|[{}$%&_#|])`)

	// reArrow matches arrow-like LaTeX commands written outside $...$.
	reArrow = regexp.MustCompile(`\\{1,2}(rightarrow|Rightarrow|leftarrow|Leftarrow|leftrightarrow|Leftrightarrow|longrightarrow|times)\b`)

	// reFrac matches a simple fraction, rewritten as a/b.
	reFrac = regexp.MustCompile(`\\{1,2}[dt]?frac\{([^{}]*)\}\{([^{}]*)\}`)

	// reCalloutMarker matches the GitHub alert marker opening a callout.
	reCalloutMarker = regexp.MustCompile(`^\[![A-Za-z]+\][+-]?\s*`)
	// reWikiLink is a wiki link as Obsidian writes it: [[page]] or
	// [[page|shown text]]; reHighlight a highlight, ==text==, whose marks
	// touch the text ("A == B" is no highlight).
	reWikiLink  = regexp.MustCompile(`\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]`)
	reHighlight = regexp.MustCompile(`==([^=\s](?:[^=\n]*[^=\s])?)==`)
)

// latexSymbols maps LaTeX commands to the character they stand for.
var latexSymbols = map[string]string{
	"rightarrow": "→", "Rightarrow": "⇒", "longrightarrow": "→", "to": "→",
	"leftarrow": "←", "Leftarrow": "⇐", "gets": "←", "leftrightarrow": "↔",
	"Leftrightarrow": "⇔", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓",
	"times": "×", "cdot": "·", "div": "÷", "pm": "±", "mp": "∓",
	"le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠",
	"approx": "≈", "sim": "~", "simeq": "≃", "equiv": "≡", "propto": "∝",
	"infty": "∞", "sum": "Σ", "prod": "Π", "int": "∫", "partial": "∂",
	"nabla": "∇", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
	"cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "neg": "¬",
	"land": "∧", "lor": "∨", "mid": "|", "ldots": "…", "cdots": "…", "dots": "…",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "kappa": "κ",
	"lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
	"sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
	"omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
	"Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"quad": " ", "qquad": " ",
}

// braces drops LaTeX grouping braces.
var braces = strings.NewReplacer("{", "", "}", "")

// latexWords are commands whose name is the text (\log → log).
var latexWords = map[string]bool{
	"log": true, "ln": true, "exp": true, "max": true, "min": true, "arg": true,
	"sin": true, "cos": true, "tan": true, "lim": true, "det": true, "Pr": true,
	"argmax": true, "argmin": true,
}

// maxMath bounds the length of an inline $...$ formula, which keeps the
// search for its closing dollar linear.
const maxMath = 1000

// clean turns raw gathered text into a block's plain text: citation
// leftovers and bare URLs removed, LaTeX simplified, entities already
// decoded by the caller, whitespace collapsed (line breaks kept as single
// "\n").
func clean(s string) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	if strings.Contains(s, "oaicite") || strings.ContainsRune(s, '†') || strings.ContainsRune(s, '\uE200') {
		s = reCitation.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "WWW.") {
		s = removeURLs(s)
	}
	if strings.IndexByte(s, '$') >= 0 {
		s, _ = convertMath(s)
	}
	if strings.Contains(s, "[[") {
		s = reWikiLink.ReplaceAllStringFunc(s, wikiText)
	}
	if strings.Contains(s, "==") {
		s = reHighlight.ReplaceAllString(s, "$1")
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = reArrow.ReplaceAllStringFunc(s, func(m string) string {
			return latexSymbols[strings.TrimLeft(m, `\`)]
		})
	}
	return collapse(s)
}

// wikiText is the text a wiki link shows: its shown text, else its page
// without a section anchor ("[[4장 저장소#로그]]" → "4장 저장소").
func wikiText(m string) string {
	sub := reWikiLink.FindStringSubmatch(m)
	if sub[2] != "" {
		return sub[2]
	}
	page, _, _ := strings.Cut(sub[1], "#")
	return page
}

// bareURLs returns the bare URLs in s, as clean would remove them.
func bareURLs(s string) []string {
	if !strings.Contains(s, "://") && !strings.Contains(s, "www.") {
		return nil
	}
	var out []string
	for _, m := range reURL.FindAllString(s, -1) {
		m = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(m, "("), ")"))
		out = append(out, strings.TrimRight(m, ".,;:!?"))
	}
	return out
}

// removeURLs removes bare URLs, keeping the sentence punctuation that
// follows them.
func removeURLs(s string) string {
	return reURL.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "(") {
			return ""
		}
		trimmed := strings.TrimRight(m, ".,;:!?")
		return m[len(trimmed):]
	})
}

// convertMath replaces $...$ and $$...$$ formulas by their simplified text
// and reports how many it found. A dollar opens an inline formula only when
// followed by a non-space, and the closing dollar must follow a non-space
// and not precede a digit (so "$5 and $10" stays as it is).
func convertMath(s string) (string, int) {
	var b strings.Builder
	n := 0
	i := 0
	for i < len(s) {
		j := strings.IndexByte(s[i:], '$')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		b.WriteString(s[i:j])
		if strings.HasPrefix(s[j:], "$$") {
			rest := s[j+2 : min(len(s), j+2+maxMath*4)]
			if k := strings.Index(rest, "$$"); k > 0 {
				b.WriteString(" " + latexText(rest[:k]) + " ")
				n++
				i = j + 2 + k + 2
				continue
			}
			b.WriteString("$$")
			i = j + 2
			continue
		}
		if j+1 < len(s) && !isSpaceByte(s[j+1]) {
			rest := s[j+1 : min(len(s), j+1+maxMath)]
			if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
				rest = rest[:nl]
			}
			if k := strings.IndexByte(rest, '$'); k > 0 && !isSpaceByte(rest[k-1]) &&
				(j+1+k+1 >= len(s) || s[j+1+k+1] < '0' || s[j+1+k+1] > '9') {
				b.WriteString(latexText(rest[:k]))
				n++
				i = j + 1 + k + 1
				continue
			}
		}
		b.WriteByte('$')
		i = j + 1
	}
	return b.String(), n
}

// countMath counts the formulas convertMath would convert.
func countMath(s string) int {
	if strings.IndexByte(s, '$') < 0 {
		return 0
	}
	_, n := convertMath(s)
	return n
}

// latexText simplifies a formula to readable text: fractions become a/b
// and roots √x (their parts bracketed when they are more than one term),
// known symbols become characters (\rightarrow → →), function names lose
// their backslash, other commands and braces are dropped.
func latexText(f string) string {
	if strings.Contains(f, "frac") || strings.Contains(f, "sqrt") {
		f = fracsAndRoots(f)
	}
	f = reFrac.ReplaceAllString(f, "$1/$2")
	f = reLatexCmd.ReplaceAllStringFunc(f, func(m string) string {
		name := strings.TrimLeft(m, `\`)
		if sym, ok := latexSymbols[name]; ok {
			return sym
		}
		if latexWords[name] {
			return name
		}
		switch name {
		case ",", ";", ":", "!", " ":
			return " "
		case "{", "}", "$", "%", "&", "_", "#", "|":
			return name
		}
		return ""
	})
	f = braces.Replace(f)
	return strings.Join(strings.Fields(f), " ")
}

// reFracOpen matches the opening of a fraction or a root, whose groups
// may nest: \frac{…}{…}, \dfrac, \tfrac, \sqrt{…}, \sqrt[n]{…}.
var reFracOpen = regexp.MustCompile(`\\{1,2}(?:([dt]?frac)|sqrt(?:\[[^\]{}]*\])?)\s*\{`)

// fracsAndRoots rewrites fractions as a/b and roots as √x, innermost
// parts first, so that nested ones ("\frac{QK^T}{\sqrt{d_k}}") keep
// what is over what. A group that does not close is left as it is.
func fracsAndRoots(f string) string {
	var b strings.Builder
	for {
		m := reFracOpen.FindStringSubmatchIndex(f)
		if m == nil {
			b.WriteString(f)
			return b.String()
		}
		b.WriteString(f[:m[0]])
		frac := m[2] >= 0
		first, end, ok := group(f, m[1]-1)
		if !ok {
			b.WriteString(f[m[0]:])
			return b.String()
		}
		if !frac {
			b.WriteString("√" + term(fracsAndRoots(first)))
			f = f[end:]
			continue
		}
		rest := strings.TrimLeft(f[end:], " ")
		second, end2, ok := group(rest, 0)
		if !ok {
			b.WriteString(f[m[0]:end])
			f = f[end:]
			continue
		}
		b.WriteString(term(fracsAndRoots(first)) + "/" + term(fracsAndRoots(second)))
		f = rest[end2:]
	}
}

// group returns the text of the brace group opening at f[at] (without
// its braces), the index after it, and whether it closes.
func group(f string, at int) (string, int, bool) {
	if at >= len(f) || f[at] != '{' {
		return "", at, false
	}
	depth := 0
	for i := at; i < len(f); i++ {
		switch f[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return f[at+1 : i], i + 1, true
			}
		}
	}
	return "", at, false
}

// term brackets a fraction's or root's part when it is more than one
// term ("a + b", "\sum_j e^{x_j}"), so that "/" and "√" bind to all of it.
func term(s string) string {
	t := strings.TrimSpace(s)
	plain := strings.TrimSpace(braces.Replace(reLatexCmd.ReplaceAllStringFunc(t, func(m string) string {
		name := strings.TrimLeft(m, `\`)
		if _, ok := latexSymbols[name]; ok || latexWords[name] {
			return "x"
		}
		return ""
	})))
	if plain == "" || !strings.ContainsAny(plain, " +-*/·×") {
		return t
	}
	return "(" + t + ")"
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// collapse normalises whitespace: NBSP and other spaces become one space,
// invisible and control characters go, runs of spaces collapse, spaces
// around line breaks are trimmed and blank lines disappear.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, newline := false, false
	for _, r := range s {
		switch {
		case r == '\n':
			newline = true
			space = false
			continue
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000' || r == '\f' || r == '\v' ||
			(r >= '\u2000' && r <= '\u200a') || r == '\u202f' || r == '\u205f':
			space = true
			continue
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' ||
			r == '\x1f' || (r >= '\ue000' && r <= '\uf8ff') || unicode.IsControl(r):
			continue
		}
		if b.Len() > 0 {
			if newline {
				b.WriteByte('\n')
			} else if space {
				b.WriteByte(' ')
			}
		}
		space, newline = false, false
		b.WriteRune(r)
	}
	return b.String()
}

// hasLetter reports whether s holds at least one letter, which tells a
// sentence from a run of numbers and punctuation.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// cut is a byte range removed from a raw text.
type cut struct{ start, end int }

// applyCuts removes the cut ranges (sorted, disjoint) from s and moves the
// span offsets accordingly.
func applyCuts(s string, cuts []cut, spans [][2]int) (string, [][2]int) {
	if len(cuts) == 0 {
		return s, spans
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := 0
	for _, c := range cuts {
		b.WriteString(s[prev:c.start])
		prev = c.end
	}
	b.WriteString(s[prev:])
	// removed[i] is the number of bytes removed by cuts[:i].
	removed := make([]int, len(cuts)+1)
	for i, c := range cuts {
		removed[i+1] = removed[i] + c.end - c.start
	}
	shift := func(off int) int {
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i].start >= off })
		d := removed[i]
		if i > 0 && cuts[i-1].end > off { // off inside the previous cut
			d -= cuts[i-1].end - off
		}
		return off - d
	}
	out := make([][2]int, 0, len(spans))
	for _, sp := range spans {
		out = append(out, [2]int{shift(sp[0]), shift(sp[1])})
	}
	return b.String(), out
}

// literalStrong finds "**text**" pairs that the markdown parser left as
// literal text (CommonMark's flanking rules reject common Korean forms such
// as **'용어'**는 or **모델(model)**을) outside code spans; an unpaired
// marker is removed too. It returns the marker ranges to cut and the spans of the emphasised text
// (in offsets before cutting).
func literalStrong(s string, code [][2]int) (cuts []cut, spans [][2]int) {
	if !strings.Contains(s, "**") {
		return nil, nil
	}
	if len(code) > 64 {
		code = code[:64]
	}
	inCode := func(i int) bool {
		for _, c := range code {
			if i >= c[0] && i < c[1] {
				return true
			}
		}
		return false
	}
	open := -1
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '*' || s[i+1] != '*' || inCode(i) {
			continue
		}
		switch {
		case open < 0:
			open = i
		case strings.TrimSpace(s[open+2:i]) != "":
			cuts = append(cuts, cut{open, open + 2}, cut{i, i + 2})
			if len(spans) < maxSpans {
				spans = append(spans, [2]int{open + 2, i})
			}
			open = -1
		default:
			cuts = append(cuts, cut{open, open + 2})
			open = i
		}
		i++
	}
	if open >= 0 { // an unpaired marker is a typo, not text
		cuts = append(cuts, cut{open, open + 2})
	}
	return cuts, spans
}
