package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
)

// abOptions are the flags every `lemstep ab` command shares.
type abOptions struct {
	yes    bool
	asJSON bool
}

func (o *abOptions) register(cmd *cobra.Command) {
	cmd.Flags().BoolVarP(&o.yes, "yes", "y", false, "go ahead without asking (required when stdin is not a terminal)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the result as JSON")
}

func (a *app) abCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ab",
		Short: "Start, decide or end the A/B test of an email step",
		Long: "An A/B test sends half of a step's leads variant A (the step itself) and half variant B.\n" +
			"lemlist offers it on email steps, from the Email Pro plan. Each command says what it will\n" +
			"do and asks first; --yes goes ahead without asking, as scripts need. Edit variant B with\n" +
			"`lemstep update SEQUENCE_ID STEP_ID --variant b`; `lemstep steps` shows it.",
		Args: noArgs,
		RunE: groupHelp,
	}
	cmd.AddCommand(a.abStartCommand(), a.abWinnerCommand(), a.abDeleteCommand())
	return cmd
}

func (a *app) abStartCommand() *cobra.Command {
	var opts abOptions
	cmd := &cobra.Command{
		Use:               "start SEQUENCE_ID STEP_ID",
		Short:             "Start an A/B test: variant B begins as a copy of the step",
		Example:           "  lemstep ab start seq_1 stp_1 --yes",
		Args:              exactArgs("`lemstep steps CAMPAIGN_ID` shows the sequence and step ids of a campaign"),
		ValidArgsFunction: a.completeSequenceAndStep,
		RunE: func(cmd *cobra.Command, args []string) error {
			what := fmt.Sprintf("Start an A/B test on email step %s: lemlist copies the step's subject and message into a new variant B, "+
				"and from then on half of the leads who reach the step get B.\n"+
				"`lemstep ab delete %s %s` ends the test again.", safetext.Line(args[1]), safetext.Line(args[0]), safetext.Line(args[1]))
			if err := a.confirmAB(what, "Start the test?", opts); err != nil {
				return err
			}
			return a.withSession(func(s *session) error {
				b, err := s.client.StartABTest(cmd.Context(), args[0], args[1])
				if err != nil {
					return err
				}
				entry, recorded := a.recordABAction(s, args[0], args[1], journal.ABStart, api.VariantB)
				if opts.asJSON {
					return writeJSON(a.io.Out, b)
				}
				fmt.Fprintf(a.io.Out, "Started an A/B test on step %s; variant B is a copy of A.\n", safetext.Line(args[1]))
				printLines(a.io.Out, variantFieldLines(b))
				fmt.Fprintf(a.io.Out, "Change B with `lemstep update %s %s --variant b --subject …`.\n", safetext.Line(args[0]), safetext.Line(args[1]))
				if recorded {
					fmt.Fprintf(a.io.Out, "Journal entry #%d records it; `lemstep undo %d` ends the test again by deleting B.\n", entry.ID, entry.ID)
				}
				return nil
			})
		},
	}
	opts.register(cmd)
	return cmd
}

func (a *app) abWinnerCommand() *cobra.Command {
	var opts abOptions
	cmd := &cobra.Command{
		Use:               "winner SEQUENCE_ID STEP_ID A|B",
		Short:             "Pick the winning variant of an A/B test",
		Example:           "  lemstep ab winner seq_1 stp_1 B --yes",
		Args:              exactArgs("`lemstep steps CAMPAIGN_ID` shows the sequence and step ids of a campaign"),
		ValidArgsFunction: a.completeSequenceAndStep,
		RunE: func(cmd *cobra.Command, args []string) error {
			v, ok := api.ParseVariant(args[2])
			if !ok {
				return usageError("the winner must be A or B, not %q", safetext.Line(args[2]))
			}
			what := fmt.Sprintf("Pick variant %s as the winner of step %s's A/B test: every lead who reaches the step from now on gets %s.\n"+
				"This cannot be undone: lemlist has no way to reopen a decided test.", v, safetext.Line(args[1]), v)
			if err := a.confirmAB(what, "Pick "+string(v)+"?", opts); err != nil {
				return err
			}
			return a.withSession(func(s *session) error {
				if err := s.client.PickABWinner(cmd.Context(), args[0], args[1], v); err != nil {
					return err
				}
				a.recordABAction(s, args[0], args[1], journal.ABWinner, v)
				if opts.asJSON {
					return writeJSON(a.io.Out, map[string]string{"stepId": args[1], "winner": string(v)})
				}
				fmt.Fprintf(a.io.Out, "Variant %s won the A/B test of step %s.\n", v, safetext.Line(args[1]))
				return nil
			})
		},
	}
	opts.register(cmd)
	return cmd
}

func (a *app) abDeleteCommand() *cobra.Command {
	var opts abOptions
	var variant string
	cmd := &cobra.Command{
		Use:   "delete SEQUENCE_ID STEP_ID",
		Short: "End an A/B test by deleting one variant (B unless --variant a)",
		Long: "Deleting variant B ends the test and keeps the step as it is (variant A). Deleting\n" +
			"variant A ends the test too, and B's subject and message become the step's own.\n" +
			"Either way the deleted variant's text is gone from lemlist: it cannot be undone.",
		Example:           "  lemstep ab delete seq_1 stp_1 --yes\n  lemstep ab delete seq_1 stp_1 --variant a --yes",
		Args:              exactArgs("`lemstep steps CAMPAIGN_ID` shows the sequence and step ids of a campaign"),
		ValidArgsFunction: a.completeSequenceAndStep,
		RunE: func(cmd *cobra.Command, args []string) error {
			v, ok := api.ParseVariant(variant)
			if !ok {
				return usageError("--variant must be a or b, not %q", safetext.Line(variant))
			}
			if err := a.confirmAB(deleteWhat(args[1], v), "Delete variant "+string(v)+"?", opts); err != nil {
				return err
			}
			return a.withSession(func(s *session) error {
				if err := s.client.DeleteABVariant(cmd.Context(), args[0], args[1], v); err != nil {
					return err
				}
				a.recordABAction(s, args[0], args[1], journal.ABDelete, v)
				if opts.asJSON {
					return writeJSON(a.io.Out, map[string]string{"stepId": args[1], "deleted": string(v)})
				}
				fmt.Fprintf(a.io.Out, "Deleted variant %s of step %s; the A/B test has ended.\n", v, safetext.Line(args[1]))
				return nil
			})
		},
	}
	opts.register(cmd)
	cmd.Flags().StringVar(&variant, "variant", "b", "the variant to delete: b (keep the step as it is) or a (B becomes the step)")
	return cmd
}

// deleteWhat says what deleting variant v of a step does.
func deleteWhat(stepID string, v api.Variant) string {
	if v == api.VariantA {
		return fmt.Sprintf("Delete variant A of step %s: the A/B test ends and variant B's subject and message become the step's own.\n"+
			"A's subject and message are gone from lemlist afterwards: this cannot be undone.", safetext.Line(stepID))
	}
	return fmt.Sprintf("Delete variant B of step %s: the A/B test ends and every lead gets the step as it is (variant A).\n"+
		"B's subject and message are gone from lemlist afterwards: this cannot be undone.", safetext.Line(stepID))
}

// confirmAB says what will happen and asks for it, unless --yes. A script
// (stdin not a terminal) must say --yes: there is nobody to answer.
func (a *app) confirmAB(what, question string, opts abOptions) error {
	out := a.io.Out
	if opts.asJSON {
		out = a.io.ErrOut
	}
	fmt.Fprintln(out, what)
	if opts.yes {
		return nil
	}
	if !a.io.IsStdinTTY() {
		return usageError("stdin is not a terminal, so nobody can confirm; pass --yes to go ahead without asking")
	}
	ok, err := confirm(a.io.In, out, question+" [y/N] ")
	if err != nil {
		return err
	}
	if !ok {
		return &exitError{code: exitFailure, err: errors.New("nothing was sent: not confirmed")}
	}
	return nil
}

// withSession runs fn with a connected session.
func (a *app) withSession(fn func(s *session) error) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	return fn(s)
}

// recordABAction writes an A/B change lemlist accepted to the journal. The
// change is made whatever happens here, so a failure to write is a warning
// on stderr, and ok is false.
func (a *app) recordABAction(s *session, sequenceID, stepID string, act journal.ABAction, v api.Variant) (journal.Entry, bool) {
	return a.appendABEntry(journal.RecordABAction(s.workspace(), api.Campaign{}, sequenceID, stepID, act, v))
}

func (a *app) appendABEntry(e journal.Entry) (journal.Entry, bool) {
	written, err := a.journal().Append(e)
	if err != nil {
		fmt.Fprintf(a.io.ErrOut, "Warning: the A/B test of step %s changed, but lemstep could not write it to its journal (%s); "+
			"`lemstep history` will not show it.\n", safetext.Line(e.StepID), safetext.Line(err.Error()))
		return journal.Entry{}, false
	}
	return written, true
}

// abNote says why variant B of a step is not shown.
func abNote(err error) string {
	switch {
	case errors.Is(err, api.ErrPlanRequired):
		return "not shown: A/B tests need lemlist's Email Pro plan"
	case errors.Is(err, api.ErrNoVariant):
		return "lemlist has no variant B for this step"
	case errors.Is(err, context.Canceled):
		return "not read: stopped"
	}
	return "could not be read: " + safetext.Line(err.Error())
}
