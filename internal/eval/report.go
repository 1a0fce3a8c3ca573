package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/moim-study/moim/internal/workspace"
)

// WriteJSON writes the result as indented JSON.
func WriteJSON(w io.Writer, r *Result) error { return writeJSON(w, r) }

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteTable writes the result as a table for people: one line per member
// and section, then one per section key over all members, then the
// member sections together (MEMBERS) and everything (TOTAL).
// The supp and attr columns exist only when notes were given.
func WriteTable(w io.Writer, r *Result) error {
	head := []string{"member", "section", "ref#", "gen#", "ref_len", "gen_len", "terms", "f1"}
	if r.Notes {
		head = append(head, "supp", "attr")
	}
	head = append(head, "debris")
	rows := [][]string{head}
	line := func(member string, x *Row) []string {
		cells := []string{member, x.Section,
			fmt.Sprint(x.RefBullets), fmt.Sprint(x.GenBullets),
			fmt.Sprintf("%.0f", x.RefLen), fmt.Sprintf("%.0f", x.GenLen),
			num(x.TermOverlap), num(x.BigramF1)}
		if r.Notes {
			cells = append(cells, num(x.Supported), num(x.Attributed))
		}
		return append(cells, fmt.Sprint(x.Debris))
	}
	for i := range r.Rows {
		rows = append(rows, line(r.Rows[i].Member, &r.Rows[i]))
	}
	rows = append(rows, nil)
	for i := range r.Sections {
		rows = append(rows, line("(all)", &r.Sections[i]))
	}
	rows = append(rows, nil, line("MEMBERS", &r.MemberTotal), line("TOTAL", &r.Total))

	widths := make([]int, len(head))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], workspace.TextWidth(c))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "reference: %s\ngenerated: %s\n\n", r.Reference, r.Generated)
	for _, row := range rows {
		if row == nil {
			b.WriteString("\n")
			continue
		}
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-workspace.TextWidth(c))
			switch {
			case i < 2:
				b.WriteString(c + pad)
			default:
				b.WriteString(pad + c)
			}
			if i < len(row)-1 {
				b.WriteString("  ")
			}
		}
		b.WriteString("\n")
	}
	if len(r.Total.DebrisKinds) > 0 {
		kinds := make([]string, 0, len(r.Total.DebrisKinds))
		for k, v := range r.Total.DebrisKinds {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, v))
		}
		sort.Strings(kinds)
		fmt.Fprintf(&b, "debris by kind: %s\n", strings.Join(kinds, ", "))
	}
	if r.Notes {
		fmt.Fprintf(&b, "reference document against the notes: supp %s, attr %s (threshold %.2f)\n",
			num(r.Total.RefSupported), num(r.Total.RefAttributed), r.Threshold)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", *v)
}
