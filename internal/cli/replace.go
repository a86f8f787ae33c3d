package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/findreplace"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// replaceOptions are the flags of `lemstep replace`.
type replaceOptions struct {
	searchFlags
	dryRun bool
	yes    bool
}

func (a *app) replaceCommand() *cobra.Command {
	var opts replaceOptions
	cmd := &cobra.Command{
		Use:   "replace PATTERN REPLACEMENT",
		Short: "Replace text in the steps of your campaigns, one PATCH per step",
		Long: "Finds PATTERN as `lemstep grep` does and plans the change of every step it is in: each\n" +
			"match is replaced, except one the replacement would break an HTML tag or a Liquid\n" +
			"expression at (it is listed and left as it is). Each change is shown field by field\n" +
			"as the editor's review shows it, and checked with the endpoint's rules and the lint: a\n" +
			"step lemlist would refuse, or whose text would have a blocking problem, is listed and\n" +
			"left out. Running campaigns are named, then the whole plan is confirmed once (on a\n" +
			"terminal by answering y, in a script with --yes).\n\n" +
			"Each step is one PATCH with its type and only the fields that change (variant B's\n" +
			"fields go to …/ab-test), within lemlist's rate limit. Each campaign is read again just\n" +
			"before its steps are sent: a step someone changed on lemlist since the plan was read is\n" +
			"not sent, and is reported. Progress goes to stderr; the summary says what changed.\n" +
			"The updates form one batch of the journal: `lemstep history` shows it on one line and\n" +
			"`lemstep undo bN` puts every step of it back.\n\n" +
			"--dry-run shows the plan and sends nothing. Exit codes: 0 done, 1 a step failed or\n" +
			"was skipped for a teammate's change (or nothing matched), 2 bad usage or a step left\n" +
			"out by the checks (the others are sent), 130 interrupted (what was sent stays sent).",
		Example: "  lemstep replace 'Acme Robotics' 'Acme Industries' --dry-run\n" +
			"  lemstep replace 'calendly.com/old' 'calendly.com/new' --field message --yes\n" +
			"  lemstep replace --regex '\\bteh\\b' 'the' --status running,paused --json --yes",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runReplace(cmd.Context(), args[0], args[1], opts)
		},
	}
	opts.register(cmd, "print the plan and the results as JSON on stdout (the review goes to stderr)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "show the plan and send nothing")
	cmd.Flags().BoolVarP(&opts.yes, "yes", "y", false, "send without asking (required when stdin is not a terminal)")
	return cmd
}

func (a *app) runReplace(ctx context.Context, pattern, replacement string, opts replaceOptions) error {
	s, r, err := a.search(ctx, pattern, opts.searchFlags)
	if err != nil {
		return err
	}
	defer s.close()
	found, searched := r.found, r.searched
	changes, err := r.matcher.Plan(found, replacement, nil)
	if err != nil {
		return err
	}
	p := a.checkPlan(changes)
	report := replaceReport{Pattern: pattern, Replacement: replacement, DryRun: opts.dryRun}
	report.fill(p, found)
	review := a.io.Out
	if opts.asJSON {
		review = a.io.ErrOut
	}
	a.writeReplaceReview(review, p, found, searched)
	if len(p.send) == 0 || opts.dryRun {
		if opts.dryRun {
			fmt.Fprintln(review, "Dry run: nothing was sent.")
		}
		return a.finishWithoutSending(report, p, opts.asJSON)
	}
	if err := a.confirmReplace(review, p, opts.yes); err != nil {
		return err
	}
	outcomes, batch := a.sendPlan(ctx, s, p.send)
	report.results(outcomes, batch)
	writeReplaceSummary(review, outcomes, batch)
	if opts.asJSON {
		if err := writeJSON(a.io.Out, report); err != nil {
			return err
		}
	}
	return replaceOutcome(ctx, outcomes, len(p.leftOut))
}

// finishWithoutSending ends a dry run, or a plan with nothing to send:
// nothing matched (exit 1, as grep), every change was left out (exit 2),
// or the dry run's plan (exit 2 when it leaves steps out).
func (a *app) finishWithoutSending(report replaceReport, p replacePlan, asJSON bool) error {
	if asJSON {
		if err := writeJSON(a.io.Out, report); err != nil {
			return err
		}
	}
	switch {
	case len(p.leftOut) > 0:
		return &exitError{code: exitUsage, err: fmt.Errorf("%s left out by the checks (see above); nothing was sent for them",
			steptext.Count(len(p.leftOut), "step", "steps"))}
	case len(p.send) == 0 && !report.DryRun:
		return &exitError{code: exitFailure, err: errors.New("nothing to replace: no match can be replaced")}
	}
	return nil
}

// confirmReplace names the running campaigns the plan changes, then has
// the person at the terminal confirm the whole plan once, unless yes; a
// script must say --yes.
func (a *app) confirmReplace(w io.Writer, p replacePlan, yes bool) error {
	if running := runningCampaigns(p.send); len(running) > 0 {
		fmt.Fprintf(w, "Running: %s. Leads already scheduled for a step keep its old text; the others get the new one.\n",
			strings.Join(running, ", "))
	}
	if yes {
		return nil
	}
	if !a.io.IsStdinTTY() {
		return usageError("stdin is not a terminal, so nobody can confirm the replacement; pass --yes to send without asking")
	}
	ok, err := confirm(a.io.In, w, fmt.Sprintf("Send %s? [y/N] ", planSize(p.send)))
	if err != nil {
		return err
	}
	if !ok {
		return &exitError{code: exitFailure, err: errors.New("nothing was sent: the replacement was not confirmed")}
	}
	return nil
}

// runningCampaigns names the running campaigns among the changes, once each.
func runningCampaigns(changes []findreplace.Change) []string {
	var out []string
	seen := map[string]bool{}
	for _, ch := range changes {
		if ch.Campaign.Status == "running" && !seen[ch.Campaign.ID] {
			seen[ch.Campaign.ID] = true
			out = append(out, campaignLabel(ch.Campaign))
		}
	}
	return out
}

// planSize says how big a plan is: "12 updates to 7 steps of 3 campaigns".
func planSize(changes []findreplace.Change) string {
	steps, camps := map[string]bool{}, map[string]bool{}
	for _, ch := range changes {
		steps[ch.Step.ID], camps[ch.Campaign.ID] = true, true
	}
	return fmt.Sprintf("%s to %s of %s", steptext.Count(len(changes), "update", "updates"),
		steptext.Count(len(steps), "step", "steps"), steptext.Count(len(camps), "campaign", "campaigns"))
}

// changeLabel names a change in messages: `"Spring" (cam_…) › step Yes · 2
// · email`, with "· variant B" for B.
func changeLabel(ch findreplace.Change) string {
	label := fmt.Sprintf("%s › step %s · %s", campaignLabel(ch.Campaign), safetext.Line(ch.Path), safetext.Line(string(ch.Step.Type)))
	if ch.B != nil {
		label += " · variant B"
	}
	return label
}

// replaceOutcome is the command's error after sending: 130 when
// interrupted, 1 when a step failed or was skipped for a conflict, 2 when
// the checks left steps out.
func replaceOutcome(ctx context.Context, outcomes []findreplace.Outcome, leftOut int) error {
	failed, conflicts := 0, 0
	for _, o := range outcomes {
		switch {
		case o.IsConflict():
			conflicts++
		case o.Err != nil:
			failed++
		}
	}
	if ctx.Err() != nil {
		return &exitError{code: exitInterrupted, err: errors.New("interrupted; what was sent stays sent (see the summary), the rest was not sent")}
	}
	if failed+conflicts > 0 {
		msg := fmt.Sprintf("%s of %d not made; see the summary above", steptext.Count(failed+conflicts, "update", "updates"), len(outcomes))
		if conflicts > 0 {
			msg += "; run the replace again to start from lemlist's values"
		}
		return errors.New(msg)
	}
	if leftOut > 0 {
		return &exitError{code: exitUsage, err: fmt.Errorf("%s left out by the checks (see above); the others were sent",
			steptext.Count(leftOut, "step", "steps"))}
	}
	return nil
}

// leftOutChange is a change the checks keep from being sent, and why.
type leftOutChange struct {
	change   findreplace.Change
	problems []string
}

// replacePlan is the plan split by the checks.
type replacePlan struct {
	send    []findreplace.Change
	leftOut []leftOutChange
	// unchanged are the steps whose every match is left as it is.
	unchanged []findreplace.Change
}

// checkPlan checks each change that sends something with the endpoint's
// rules and the lint; lint warnings go to stderr.
func (a *app) checkPlan(changes []findreplace.Change) replacePlan {
	var p replacePlan
	for _, ch := range changes {
		if !ch.Changed() {
			p.unchanged = append(p.unchanged, ch)
			continue
		}
		if problems := a.checkChange(ch); len(problems) > 0 {
			p.leftOut = append(p.leftOut, leftOutChange{change: ch, problems: problems})
			continue
		}
		p.send = append(p.send, ch)
	}
	return p
}

func (a *app) checkChange(ch findreplace.Change) []string {
	where := changeLabel(ch) + ": "
	if ch.B != nil {
		if vs := ch.VariantUpdate.Validate(); len(vs) > 0 {
			return violationLines(changeLabel(ch), vs)
		}
		return lintGate(a.io.ErrOut, where, ch.VariantUpdate.EmailUpdate(), false)
	}
	if vs := ch.Update.Validate(api.Target{Type: ch.Step.Type, Base: &ch.Step}); len(vs) > 0 {
		return violationLines(changeLabel(ch), vs)
	}
	return lintGate(a.io.ErrOut, where, ch.Update, false)
}
