package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/ui/changeview"
)

func (a *app) updateCommand() *cobra.Command {
	var vflags variantFlags
	var opts updateOptions
	cmd := &cobra.Command{
		Use:   "update SEQUENCE_ID STEP_ID --type TYPE [field flags]",
		Short: "Change the fields of one step",
		Long: "Sends one PATCH /sequences/SEQUENCE_ID/steps/STEP_ID with the step's type and only the\n" +
			"fields whose flags are given. The update is checked first with the editor's rules: when\n" +
			"lemlist would refuse it, every reason is listed, nothing is sent and the exit code is 2.\n\n" +
			"The step is read first, from the campaign given with --in-campaign or else from the\n" +
			"campaign found to hold the sequence (lemlist cannot tell which one does, so lemstep\n" +
			"reads campaigns until it finds it). If a field being changed moves on lemlist between\n" +
			"that read and the PATCH, nothing is sent, the three values are shown and the exit code\n" +
			"is 1; --force sends anyway. Each update lemlist accepts is written to the journal:\n" +
			"`lemstep history` lists it and `lemstep undo` puts the previous values back.\n\n" +
			"--type is the step's type as the API says it (linkedinSend) or as `lemstep steps` and the\n" +
			"editor show it (\"LinkedIn message\"), in any case, spaces, hyphens and underscores\n" +
			"ignored; --json and --dry-run print the API's word. A word that names no type, or\n" +
			"several (\"LinkedIn\"), is refused with the words --type takes.\n\n" +
			"The step's real type wins: when --type is not the type of the step read, nothing is\n" +
			"sent and the exit code is 2. The texts are linted as in the editor's preview: warnings\n" +
			"go to stderr; a blocking problem (Liquid that cannot render, an empty message, a subject\n" +
			"over 400 characters) stops the update with exit code 2 unless --allow-blocking is given.\n\n" +
			"--dry-run reads the step and checks everything the same way, then prints the exact JSON\n" +
			"body (compact, one line) instead of sending it.\n\n" +
			"--variant b changes variant B of the step's A/B test instead (PATCH …/ab-test, no --type):\n" +
			"only --subject, --message[-file], --alt-message[-file], --cc, --clear-cc and --plain-text;\n" +
			"any other field is refused with exit code 2 and nothing is sent.\n" +
			"Find sequence and step ids with `lemstep steps CAMPAIGN_ID`.",
		Example: "  lemstep update seq_1 stp_1 --type email --subject 'Quick question, {{firstName}}'\n" +
			"  lemstep update seq_1 stp_1 --type email --message-file body.html --delay 3 --in-campaign cam_1\n" +
			"  lemstep update seq_1 stp_2 --type linkedinSend --image https://example.com/a.png --clear-videos\n" +
			"  lemstep update seq_yes stp_4 --type 'Phone call' --message 'Call {{firstName}} about the proposal'\n" +
			"  lemstep update seq_1 stp_3 --type conditional --condition-key emailsOpened --delay-type within --delay 3\n" +
			"  lemstep update seq_1 stp_1 --type email --delay 2 --dry-run\n" +
			"  lemstep update seq_1 stp_1 --variant b --subject 'Another angle, {{firstName}}' --cc sam@acme.com",
		Args:              exactArgs("`lemstep steps CAMPAIGN_ID` shows the sequence and step ids of a campaign"),
		ValidArgsFunction: a.completeSequenceAndStep,
		// --variant b has no --type: relax it before the root's own checks,
		// which cobra runs only when a command has no persistent pre-run.
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := vflags.relaxType(cmd); err != nil {
				return err
			}
			return cmd.Root().PersistentPreRunE(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.sequenceID, opts.stepID = args[0], args[1]
			if b, err := vflags.wantsB(cmd.Flags()); b || err != nil {
				return a.updateVariant(cmd, &vflags, opts, err)
			}
			return a.runUpdate(cmd.Context(), cmd.Flags(), opts)
		},
	}
	opts.fields.register(cmd)
	vflags.register(cmd)
	cmd.Flags().StringVar(&opts.campaignID, "in-campaign", "", "the campaign holding the step's sequence (skips searching for it)")
	deprecatedAlias(cmd.Flags(), "campaign", "in-campaign", &opts.campaignID)
	_ = cmd.RegisterFlagCompletionFunc("in-campaign", a.completeCampaignID)
	_ = cmd.RegisterFlagCompletionFunc("move-to-campaign", a.completeCampaignID)
	cmd.Flags().BoolVar(&opts.force, "force", false, "send even over fields someone changed on lemlist since the step was read")
	cmd.Flags().BoolVar(&opts.allowBlocking, "allow-blocking", false, allowBlockingUsage)
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "check the update against the step, print the JSON body that would be sent, and send nothing")
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the updated step, or a conflict, as JSON")
	return cmd
}

// runUpdate builds the update from the field flags, checks it as the editor
// would, and sends it.
func (a *app) runUpdate(ctx context.Context, flags *pflag.FlagSet, opts updateOptions) error {
	u, err := opts.fields.build(flags, a.io.In)
	if err != nil {
		return err
	}
	if vs := checkUpdate(u, api.Target{}); len(vs) > 0 {
		return rejected("nothing was sent: lemlist would refuse this update because", violationLines("", vs))
	}
	return a.sendUpdate(ctx, opts.sequenceID, opts.stepID, u, opts)
}

// checkUpdate is the editor's check of an update, plus one the endpoint
// does not make: an update that changes nothing is a mistake on the
// command line, not something worth sending.
func checkUpdate(u api.StepUpdate, t api.Target) api.Violations {
	vs := u.Validate(t)
	if len(vs) == 0 && u.Empty() {
		vs = append(vs, api.Violation{Message: fmt.Sprintf(
			"The update changes nothing: give at least one field a %s step can change (%s).", u.Type, api.JoinOr(fieldNames(api.EditableFields(u.Type))))})
	}
	return vs
}

// dryRunUpdate makes the checks sending would make, the target campaign's
// existence included, and prints the body instead of sending it; unless
// asJSON, what the update would change on loaded goes to stderr, in the
// change view the editor's review uses, and stdout stays the body alone.
func (a *app) dryRunUpdate(ctx context.Context, c *api.Client, loaded api.Step, u api.StepUpdate, asJSON bool) error {
	lookup := newCampaignLookup(ctx, c)
	vs := checkUpdate(u, api.Target{Campaigns: lookup.find})
	if lookup.err != nil {
		return lookup.err
	}
	if len(vs) > 0 {
		return rejected("nothing was sent: lemlist would refuse this update because", violationLines("", vs))
	}
	if !asJSON {
		fmt.Fprintln(a.io.ErrOut, "Dry run, nothing sent. From what lemlist has now, [-taken away-] {+brought in+}:")
		var names []api.Campaign // the campaigns a step sends leads to, before and after
		if u.CampaignID != nil && lookup.err == nil {
			for _, id := range []string{loaded.CampaignID, *u.CampaignID} {
				if id == "" {
					continue
				}
				if camp, ok := lookup.find(id); ok && camp.ID != "" {
					names = append(names, camp)
				}
			}
		}
		fmt.Fprintln(a.io.ErrOut, changeview.Render(changeview.Changes(loaded, u), a.changeOptions(a.io.ErrOut, names)))
	}
	return a.writeBody(u)
}

// writeBody prints the body exactly as the client would send it: compact
// JSON as json.Marshal writes it, then a newline.
func (a *app) writeBody(u api.StepUpdate) error {
	body, err := json.Marshal(u)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.io.Out, "%s\n", body)
	return err
}

// updateOptions are the arguments and flags of `lemstep update`.
type updateOptions struct {
	sequenceID    string
	stepID        string
	fields        updateFlags // the fields to send
	campaignID    string
	force         bool
	asJSON        bool
	allowBlocking bool
	dryRun        bool // check everything, print the body, send nothing
}

// sendUpdate reads the step, checks u against it (its type, the lint) and
// sends u, or with opts.dryRun prints the body it would send.
func (a *app) sendUpdate(ctx context.Context, sequenceID, stepID string, u api.StepUpdate, opts updateOptions) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	camp, loaded, err := a.loadStep(ctx, s.client, opts.campaignID, sequenceID, stepID)
	if err != nil {
		return err
	}
	if p := typeProblem(loaded, u); p != "" {
		return &exitError{code: exitUsage, err: fmt.Errorf("%s; nothing was sent", p)}
	}
	if blocking := lintGate(a.io.ErrOut, "", u, opts.allowBlocking); len(blocking) > 0 {
		return rejected(blockingHeading(len(blocking)), blocking)
	}
	if opts.dryRun {
		return a.dryRunUpdate(ctx, s.client, loaded, u, opts.asJSON)
	}
	step, before, err := sendStep(ctx, s.client, camp.ID, loaded, u, opts.force)
	step, err = a.landed(step, err)
	if err != nil {
		return a.sendFailure(err, opts.asJSON, sentLabels)
	}
	entry, recorded := a.recordUpdate(s, camp, before, u, 0)
	if step.SequenceID == "" {
		step.SequenceID = sequenceID
	}
	if opts.asJSON {
		return writeJSON(a.io.Out, step)
	}
	fmt.Fprintf(a.io.Out, "Updated %s step %s in sequence %s.\n", safetext.Line(string(step.Type)),
		safetext.Line(step.ID), safetext.Line(step.SequenceID))
	if err := writeStepFields(a.io.Out, step); err != nil {
		return err
	}
	if recorded {
		fmt.Fprintf(a.io.Out, "Journal entry #%d; `lemstep undo %d` puts the previous values back.\n", entry.ID, entry.ID)
	}
	return nil
}

// landed turns an update whose answer was lost, but which the step read
// back shows was made, into the success it is, saying on stderr what
// happened: it is then journaled like any other. Any other outcome is left
// as it is; one whose answer was lost says lemlist may or may not have
// applied it.
func (a *app) landed(step api.Step, err error) (api.Step, error) {
	current, ok := api.Applied(err)
	if !ok {
		return step, err
	}
	fmt.Fprintln(a.io.ErrOut, "lemstep: "+safetext.Clean(err.Error()))
	return current, nil
}

// loadStep reads the step an update starts from, in the campaign given or
// else in the one found to hold the sequence.
func (a *app) loadStep(ctx context.Context, c *api.Client, campaignID, sequenceID, stepID string) (api.Campaign, api.Step, error) {
	f := newSequenceFinder(c)
	var camp api.Campaign
	var seqs api.Sequences
	var err error
	if campaignID != "" {
		camp, seqs, err = f.in(ctx, campaignID, sequenceID)
	} else {
		camp, seqs, err = f.find(ctx, sequenceID)
		if err == nil {
			fmt.Fprintf(a.io.ErrOut, "Found sequence %s in campaign %s; --in-campaign %s skips this search.\n",
				safetext.Line(sequenceID), campaignLabel(camp), safetext.Line(camp.ID))
		}
	}
	if err != nil {
		return api.Campaign{}, api.Step{}, err
	}
	step, err := stepIn(seqs, camp, sequenceID, stepID)
	return camp, step, err
}

// sendStep sends u to a step whose fields were read as loaded. lemlist is
// read again first; when a field u changes moved meanwhile, nothing is sent
// and the error is an *api.ConflictError, unless force is set: then the
// update goes out from what lemlist has now, which is what before holds.
func sendStep(ctx context.Context, c *api.Client, campaignID string, loaded api.Step, u api.StepUpdate, force bool) (updated, before api.Step, err error) {
	updated, before, err = c.UpdateStepFrom(ctx, campaignID, loaded, u)
	var ce *api.ConflictError
	if force && errors.As(err, &ce) {
		// ce.Current was read just now: sending over it needs no new read.
		updated, before, err = c.UpdateStepOver(ctx, campaignID, ce.Current, ce.Current, u)
	}
	if err != nil {
		return updated, before, err
	}
	return wholeStep(u, updated, before), before, nil
}

// wholeStep is the step a command prints after sending u. lemlist answers a
// PATCH with part of the step (_id, type, delay, emailTemplateId, message),
// so a subject would be missing from its answer: this is the step as read
// just before the PATCH with the sent fields applied, which is whole.
func wholeStep(u api.StepUpdate, answered, before api.Step) api.Step {
	whole := u.Apply(before)
	whole.SequenceID = cmp.Or(whole.SequenceID, answered.SequenceID)
	return whole
}

// sendFailure turns what stopped an update into the command's error: the
// rules it breaks (exit 2), a conflict with lemlist's values (exit 1, as
// JSON on stdout when asJSON), or lemlist's answer.
func (a *app) sendFailure(err error, asJSON bool, labels changeview.ConflictLabels) error {
	var vs api.Violations
	if errors.As(err, &vs) {
		return rejected("nothing was sent: lemlist would refuse this update because", violationLines("", vs))
	}
	var ce *api.ConflictError
	if !errors.As(err, &ce) {
		return err
	}
	if asJSON {
		if jerr := writeJSON(a.io.Out, conflictJSON(ce, 0, "")); jerr != nil {
			return jerr
		}
		return &exitError{code: exitFailure, err: ce}
	}
	return conflictFailure(fmt.Sprintf("step %s changed on lemlist since lemstep read it; nothing was sent",
		safetext.Line(ce.StepID)), ce.Conflicts, labels,
		"Run the command again to start from lemlist's values, or pass --force to send yours anyway.")
}

// sentLabels are the labels of a conflict met while sending an update.
var sentLabels = changeview.ConflictLabels{Loaded: "loaded", Current: "lemlist now", Yours: "yours"}

// conflictFailure is the error of a conflict: the heading, each field with
// its three values, whole, and what to do about it. Nothing was sent: exit 1.
func conflictFailure(heading string, cs []api.Conflict, labels changeview.ConflictLabels, hint string) error {
	return &exitError{code: exitFailure, err: &rejectedError{
		heading: heading + "\n" + conflictText(cs, labels) + "\n" + hint,
	}}
}

// conflictText shows each field that moved with its three values, in the
// change view's words, plain and unwrapped: it goes to stderr or a log.
func conflictText(cs []api.Conflict, labels changeview.ConflictLabels) string {
	return changeview.Render(changeview.Conflicts(cs, labels), changeview.Options{})
}

// conflictReport is a conflict as --json prints it on stdout.
type conflictReport struct {
	Error     string          `json:"error"`
	Message   string          `json:"message"`
	StepID    string          `json:"stepId"`
	Entry     int             `json:"entry,omitempty"`
	Conflicts []conflictValue `json:"conflicts"`
	Current   api.Step        `json:"current"`
}

// conflictValue is one field of a conflict: loaded is the value the
// change started from, current lemlist's, yours the one to send.
type conflictValue struct {
	Field   api.Field `json:"field"`
	Loaded  any       `json:"loaded"`
	Current any       `json:"current"`
	Yours   any       `json:"yours"`
}

// conflictJSON is the report of ce; message says what happened, ce's own
// words when it is "".
func conflictJSON(ce *api.ConflictError, entry int, message string) conflictReport {
	if message == "" {
		message = ce.Error()
	}
	r := conflictReport{Error: "conflict", Message: message, StepID: ce.StepID, Entry: entry, Current: ce.Current}
	for _, c := range ce.Conflicts {
		r.Conflicts = append(r.Conflicts, conflictValue{Field: c.Field, Loaded: c.Loaded, Current: c.Current, Yours: c.Yours})
	}
	return r
}
