package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/eval"
)

// EvalOptions are the flags of `moim eval`.
type EvalOptions struct {
	Reference string
	Generated string
	Repo      string
	Week      int
	JSON      bool
	Threshold float64
	Doc       string
}

func newEvalCmd(s *IO) *cobra.Command {
	o := &EvalOptions{}
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Compare a generated insights document with a reference one and with the notes",
		Long: `Eval measures a generated insights document against a reference document
(for example one written by hand) and, with --week, against the week's
notes. Per member and section it prints:

  ref# gen#        bullets in the reference and generated section
  ref_len gen_len  mean bullet length in characters
  terms            share of the reference's concept terms the generated section has
  f1               character-bigram F1 of the two sections' texts
  supp             share of generated bullets supported by a sentence of the
                   member's own note (any note for the group block)
  attr             share of generated bullets whose best-matching note is the
                   member's own
  debris           generated bullets with markdown/HTML/LaTeX/citation leftovers

Members are matched by the name in "## 이름 (Roman)", sections by meaning.
docs/quality.md explains every number. --generated may also be the JSON of
'moim generate --format json'; its bullets' quotes then count as support.

With --doc summary it compares summaries (summary.md): the share of the
reference outline's headings the generated outline covers, the share of
its terms and concept terms found, and (with --week) the share of
generated points whose every sentence is supported by the note of a
member who wrote it (with the JSON of 'moim generate --doc summary
--format json') or by any note of the week. docs/summary.md explains them.`,
		Example: `  moim eval --reference ai-insights.md --generated /tmp/w1.md
  moim eval --reference weeks/week01/ai-insights.md --generated /tmp/w1.md --week 1
  moim eval --reference ref.md --generated gen.md --repo ../study --week 2 --json
  moim eval --doc summary --reference weeks/week03/summary.md --generated /tmp/w3.json --week 3`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("repo") && o.Week == 0 {
				return fmt.Errorf("--repo needs --week: the notes of which week?")
			}
			return runEval(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Reference, "reference", "", "reference insights `FILE` (required)")
	f.StringVar(&o.Generated, "generated", "", "generated insights `FILE`, markdown or moim JSON (required)")
	f.StringVar(&o.Repo, "repo", ".", "study repository `DIR` whose notes --week reads")
	f.IntVar(&o.Week, "week", 0, "week `N` whose notes the bullets are checked against")
	f.BoolVar(&o.JSON, "json", false, "print JSON instead of a table")
	f.Float64Var(&o.Threshold, "threshold", eval.DefaultThreshold, "least sentence score that supports a bullet (0-1)")
	f.StringVar(&o.Doc, "doc", "insights", "kind of document compared: insights or summary")
	_ = cmd.MarkFlagRequired("reference")
	_ = cmd.MarkFlagRequired("generated")
	return cmd
}

func runEval(o *EvalOptions, s *IO) error {
	if o.Threshold <= 0 || o.Threshold > 1 {
		return fmt.Errorf("--threshold %v: use a number in (0, 1]", o.Threshold)
	}
	if o.Week < 0 {
		return fmt.Errorf("--week %d: weeks are numbered from 1", o.Week)
	}
	if o.Doc == "summary" {
		return runEvalSummary(o, s)
	}
	if o.Doc != "insights" {
		return fmt.Errorf("--doc %q: use insights or summary", o.Doc)
	}
	ref, err := eval.ReadDocument(o.Reference, o.Week)
	if err != nil {
		return err
	}
	gen, err := eval.ReadDocument(o.Generated, o.Week)
	if err != nil {
		return err
	}
	notes, err := evalNotes(o, s)
	if err != nil {
		return err
	}
	res := eval.Compare(ref, gen, notes, eval.Options{Threshold: o.Threshold})
	warn(s, res.Warnings...)
	if o.JSON {
		return eval.WriteJSON(s.Out, res)
	}
	return eval.WriteTable(s.Out, res)
}

// runEvalSummary compares two summaries (eval --doc summary).
func runEvalSummary(o *EvalOptions, s *IO) error {
	ref, err := eval.ReadSummary(o.Reference, o.Week)
	if err != nil {
		return err
	}
	gen, err := eval.ReadSummary(o.Generated, o.Week)
	if err != nil {
		return err
	}
	notes, err := evalNotes(o, s)
	if err != nil {
		return err
	}
	res := eval.CompareSummary(ref, gen, notes, eval.Options{Threshold: o.Threshold})
	if o.JSON {
		return eval.WriteSummaryJSON(s.Out, res)
	}
	return eval.WriteSummaryTable(s.Out, res)
}

// evalNotes reads the notes of --week, nil without it.
func evalNotes(o *EvalOptions, s *IO) (eval.Notes, error) {
	if o.Week == 0 {
		return nil, nil
	}
	notes, warns, err := eval.LoadNotes(o.Repo, o.Week)
	if err != nil {
		return nil, err
	}
	warn(s, warns...)
	return notes, nil
}
