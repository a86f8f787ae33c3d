package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/steptext"
)

func (a *app) applyCommand() *cobra.Command {
	var opts applyOptions
	var dryRun, allowControl bool
	cmd := &cobra.Command{
		Use:   "apply FILE|-",
		Short: "Send a list of step updates from a JSON or YAML file",
		Long: "Reads a list of updates, each with sequenceId, stepId, type and the fields to change\n" +
			"(the endpoint's field names), from FILE or from stdin (-). Every entry is checked first\n" +
			"with the editor's rules, target campaigns included, and every step is read, from the\n" +
			"campaign holding its sequence: an entry whose type is not its step's, or whose texts have\n" +
			"a blocking lint problem (Liquid that cannot render, an empty message, a subject over 400\n" +
			"characters; --allow-blocking sends those), is refused; lint warnings go to stderr. If any\n" +
			"entry is refused, every problem is listed, nothing is sent and the exit code is 2; with\n" +
			"--keep-going the other entries are sent, and the exit code is still 2.\n\n" +
			"The updates are sent in order within lemlist's rate limit; an update whose fields someone\n" +
			"changed on lemlist since the file was checked is not sent (--force sends it anyway): each\n" +
			"campaign is read once more just before its first update goes out, and its updates are\n" +
			"checked against that read, so a file costs about one request per update. The\n" +
			"first failure stops the run unless --keep-going is given; the summary says what changed\n" +
			"and what failed, and the exit code is 1 if anything failed. Each update lemlist accepts\n" +
			"is written to the journal (`lemstep history`, `lemstep undo`).\n\n" +
			"An entry with `variant: b` changes variant B of the step's A/B test instead (PATCH\n" +
			"…/ab-test): no type, and only subject, message, altMessage, cc and plainText.\n\n" +
			"--dry-run makes the same checks, then prints one JSON line per entry that would be sent:\n" +
			"{\"sequenceId\", \"stepId\", \"body\"}, body being the exact compact JSON (and \"variant\": \"B\"\n" +
			"for a body sent to variant B).",
		Example: "  lemstep apply fixes.yaml\n" +
			"  lemstep apply --keep-going fixes.json\n" +
			"  lemstep steps cam_1 --json | jq '[.[].steps[] | select(.type == \"email\") | {sequenceId, stepId: ._id, type, delay: 2}]' | lemstep apply -\n\n" +
			"  # fixes.yaml\n" +
			"  - sequenceId: seq_1\n" +
			"    stepId: stp_1\n" +
			"    type: email\n" +
			"    subject: 'Quick question, {{firstName}}'\n" +
			"  - {sequenceId: seq_1, stepId: stp_2, type: linkedinSend, delay: 1}\n\n" +
			"  # fixes.json\n" +
			"  [{\"sequenceId\": \"seq_1\", \"stepId\": \"stp_1\", \"type\": \"email\", \"delay\": 3}]",
		Args: exactArgs("`lemstep apply --help` shows one, in YAML"),
		RunE: func(cmd *cobra.Command, args []string) error {
			entries, err := a.readApplyFile(args[0])
			if err != nil {
				return err
			}
			if !allowControl {
				markControls(entries)
			}
			opts.dryRun = dryRun
			return a.applyUpdates(cmd.Context(), entries, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.keepGoing, "keep-going", false, "send the remaining updates after one fails or is refused by the check")
	cmd.Flags().BoolVar(&opts.allowBlocking, "allow-blocking", false, allowBlockingUsage)
	cmd.Flags().BoolVar(&opts.force, "force", false, "send updates even over fields someone changed on lemlist since the check")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the file and print the bodies that would be sent; send nothing")
	cmd.Flags().BoolVar(&allowControl, allowControlFlag, false, allowControlUsage)
	return cmd
}

func (a *app) readApplyFile(path string) ([]applyEntry, error) {
	data, err := readInput(path, a.io.In, maxApplyInput, "a list of updates")
	if err != nil {
		return nil, err
	}
	return parseApplyFile(data)
}

// refusedHeading introduces the problems that stopped an apply before
// anything was sent.
func refusedHeading(problems []string) string {
	return fmt.Sprintf("nothing was sent: lemlist would refuse the file (%s)", steptext.Count(len(problems), "problem", "problems"))
}

// dryRunLine is what --dry-run prints for each entry.
type dryRunLine struct {
	SequenceID string          `json:"sequenceId"`
	StepID     string          `json:"stepId"`
	Variant    api.Variant     `json:"variant,omitempty"` // "B" for a body sent to …/ab-test
	Body       json.RawMessage `json:"body"`
}

// writeDryRun prints the body of each entry the check let through.
func (a *app) writeDryRun(entries []applyEntry, refused [][]string) error {
	for i, e := range entries {
		if len(refused[i]) > 0 {
			continue
		}
		dl := dryRunLine{SequenceID: e.sequenceID, StepID: e.stepID}
		var err error
		if e.variant.on {
			dl.Variant = api.VariantB
			dl.Body, err = json.Marshal(e.variant.update)
		} else {
			dl.Body, err = json.Marshal(e.update)
		}
		if err != nil {
			return err
		}
		line, err := json.Marshal(dl)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.io.Out, "%s\n", line)
	}
	return refusedOutcome(refused, 0)
}

// applyOptions are the flags that shape a run.
type applyOptions struct {
	keepGoing     bool // send the rest after a failure or a refused entry
	force         bool // send over a teammate's change
	allowBlocking bool // send despite blocking lint findings
	dryRun        bool // check everything, print the bodies, send nothing
}

func (a *app) applyUpdates(ctx context.Context, entries []applyEntry, opts applyOptions) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	return a.applyIn(ctx, s, entries, opts)
}

// applyIn checks and sends entries through the session's client.
func (a *app) applyIn(ctx context.Context, s *session, entries []applyEntry, opts applyOptions) error {
	lookup := newCampaignLookup(ctx, s.client)
	steps := &stepLocator{ctx: ctx, finder: newSequenceFinder(s.client)}
	refused := a.checkApplyEntries(entries, api.Target{Campaigns: lookup.find}, steps, opts.allowBlocking)
	for _, err := range []error{lookup.err, steps.err} {
		if err != nil {
			return err
		}
	}
	if problems := slices.Concat(refused...); len(problems) > 0 && !opts.keepGoing {
		return rejected(refusedHeading(problems), problems)
	}
	if opts.dryRun {
		return a.writeDryRun(entries, refused)
	}
	r := a.newApplyReporter(len(entries))
	results := a.sendEntries(ctx, s, entries, refused, opts, r)
	r.finish()
	writeApplySummary(a.io.Out, results)
	return applyOutcome(ctx, results)
}

// checkApplyEntries checks each entry on its own (the editor's rules, then
// its step found on lemlist, then the step's type and the lint) and returns
// the problems of each, nil for an entry that may be sent. Lint warnings go
// to stderr.
func (a *app) checkApplyEntries(entries []applyEntry, t api.Target, steps *stepLocator, allowBlocking bool) [][]string {
	refused := make([][]string, len(entries))
	for i := range entries {
		e := &entries[i]
		refused[i] = checkEntries(entries[i:i+1], t, steps.locate)
		if len(refused[i]) > 0 || steps.err != nil {
			continue
		}
		if e.variant.on {
			refused[i] = a.checkVariantEntry(e, allowBlocking)
			continue
		}
		if p := typeProblem(e.loaded, e.update); p != "" {
			refused[i] = []string{e.label() + ": " + p}
			continue
		}
		refused[i] = lintGate(a.io.ErrOut, e.label()+": ", e.update, allowBlocking)
	}
	return refused
}

// stepLocator finds the step of each entry when the file is checked,
// remembering the first error that was not a plain "not there".
type stepLocator struct {
	ctx    context.Context
	finder *sequenceFinder
	err    error
}

func (l *stepLocator) locate(e *applyEntry) []string {
	if l.err != nil {
		return nil
	}
	camp, seqs, err := l.finder.find(l.ctx, e.sequenceID)
	if err == nil {
		e.campaign = camp
		e.loaded, err = stepIn(seqs, camp, e.sequenceID, e.stepID)
	}
	var nf *notFoundError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &nf):
		return []string{e.label() + ": " + nf.msg}
	}
	l.err = err
	return nil
}

// campaignLookup finds target campaigns on lemlist once each, remembering
// the first error that was not a plain "no such campaign".
type campaignLookup struct {
	ctx    context.Context
	client *api.Client
	seen   map[string]api.Campaign
	err    error
}

func newCampaignLookup(ctx context.Context, c *api.Client) *campaignLookup {
	return &campaignLookup{ctx: ctx, client: c, seen: map[string]api.Campaign{}}
}

func (l *campaignLookup) find(id string) (api.Campaign, bool) {
	if c, ok := l.seen[id]; ok {
		return c, c.ID != ""
	}
	if l.err != nil {
		return api.Campaign{}, true
	}
	c, err := l.client.Campaign(l.ctx, id)
	switch status := api.StatusOf(err); {
	case err == nil:
	case status == http.StatusNotFound, status == http.StatusBadRequest:
		// 400 "Bad team": the campaign belongs to another team.
		c = api.Campaign{}
	default:
		l.err = err
		return api.Campaign{}, true
	}
	l.seen[id] = c
	return c, c.ID != ""
}

// applyResult is what happened to one entry.
type applyResult struct {
	entry   applyEntry
	sent    bool
	step    api.Step
	err     error
	refused []string // the check's problems with an entry not sent for them
}

// sendEntries sends the updates in order, the client keeping them within
// the rate limit, each checked for a teammate's change against one read of
// its campaign (see batchSender). Each starts from the step as the check
// read it, or as an earlier entry of the run left it, so a file may change
// one step twice.
// Without keepGoing the first failure stops the run; an interruption
// always does. Entries not attempted come back with sent false.
func (a *app) sendEntries(ctx context.Context, s *session, entries []applyEntry, refused [][]string, opts applyOptions, r *applyReporter) []applyResult {
	results := make([]applyResult, len(entries))
	sender := newBatchSender(s.client, opts.force)
	stop := false
	for i, e := range entries {
		results[i].entry = e
		if stop || ctx.Err() != nil {
			continue
		}
		if len(refused[i]) > 0 {
			results[i].refused = refused[i]
			r.done(i, results[i])
			continue
		}
		r.sending(i, e)
		if e.variant.on {
			err := a.sendVariantEntry(ctx, s, e)
			results[i] = applyResult{entry: e, sent: true, step: e.loaded, err: err}
			r.done(i, results[i])
			stop = err != nil && !opts.keepGoing
			continue
		}
		step, before, err := sender.send(ctx, e.campaign.ID, e.loaded, e.update)
		step, err = a.landed(step, err)
		results[i] = applyResult{entry: e, sent: true, step: step, err: err}
		r.done(i, results[i])
		if err != nil {
			stop = !opts.keepGoing
			continue
		}
		a.recordUpdate(s, e.campaign, before, e.update, 0)
	}
	return results
}

// applyOutcome turns the results into the command's error: 130 when
// interrupted, 2 when an entry was refused by the check, 1 when any update
// failed.
func applyOutcome(ctx context.Context, results []applyResult) error {
	failed, conflicts := 0, 0
	refused := make([][]string, len(results))
	for i, res := range results {
		refused[i] = res.refused
		if res.sent && res.err != nil {
			failed++
		}
		var ce *api.ConflictError
		if errors.As(res.err, &ce) {
			conflicts++
		}
	}
	if ctx.Err() != nil {
		return &exitError{code: exitInterrupted, err: errors.New("interrupted; the updates not yet sent were not sent")}
	}
	if err := refusedOutcome(refused, failed); err != nil {
		return err
	}
	if failed == 0 {
		return nil
	}
	msg := fmt.Sprintf("%s of %d failed; see the summary above", steptext.Count(failed, "update", "updates"), len(results))
	if conflicts > 0 {
		msg += "; --force sends an update over what someone changed on lemlist"
	}
	return errors.New(msg)
}

// refusedOutcome is the error of a --keep-going run in which the check
// refused entries (exit 2, the file needs fixing), nil when it refused none;
// failed is how many of the others lemlist did not take.
func refusedOutcome(refused [][]string, failed int) error {
	n := 0
	for _, ps := range refused {
		if len(ps) > 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	msg := fmt.Sprintf("%s of %d refused by the check (see above); --keep-going let the others through",
		steptext.Count(n, "entry", "entries"), len(refused))
	if failed > 0 {
		msg += fmt.Sprintf("; %s failed", steptext.Count(failed, "update", "updates"))
	}
	return &exitError{code: exitUsage, err: errors.New(msg)}
}
