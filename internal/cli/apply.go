package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/spf13/cobra"

	"lemstep/api"
)

func (a *app) applyCommand() *cobra.Command {
	var opts applyOptions
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "apply FILE|-",
		Short: "Send a list of step updates from a JSON or YAML file",
		Long: "Reads a list of updates, each with sequenceId, stepId, type and the fields to change\n" +
			"(the endpoint's field names), from FILE or from stdin (-). Every entry is checked first\n" +
			"with the editor's rules, target campaigns included: if any would be refused, every\n" +
			"problem is listed, nothing is sent and the exit code is 2. Every step is read then, from\n" +
			"the campaign holding its sequence. Then the updates are sent in order within lemlist's\n" +
			"rate limit; an update whose fields someone changed on lemlist since the file was checked\n" +
			"is not sent (--force sends it anyway). The first failure stops the run unless\n" +
			"--keep-going is given; the summary says what changed and what failed, and the exit code\n" +
			"is 1 if anything failed. Each update lemlist accepts is written to the journal\n" +
			"(`lemstep history`, `lemstep undo`).\n\n" +
			"--dry-run checks the file without the network (campaign ids are not looked up) and\n" +
			"prints one JSON line per entry: {\"sequenceId\", \"stepId\", \"body\"}, body being the\n" +
			"exact compact JSON that would be sent.",
		Example: "  lemstep apply fixes.yaml\n" +
			"  lemstep apply --keep-going fixes.json\n" +
			"  jq '[.[] | {sequenceId, stepId: ._id, type, delay: 2}]' steps.json | lemstep apply -\n\n" +
			"  # fixes.yaml\n" +
			"  - sequenceId: seq_1\n" +
			"    stepId: stp_1\n" +
			"    type: email\n" +
			"    subject: 'Quick question, {{firstName}}'\n" +
			"  - {sequenceId: seq_1, stepId: stp_2, type: linkedinInvite, delay: 1}",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			entries, err := a.readApplyFile(args[0])
			if err != nil {
				return err
			}
			if dryRun {
				return a.applyDryRun(entries)
			}
			return a.applyUpdates(cmd.Context(), entries, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.keepGoing, "keep-going", false, "send the remaining updates after one fails")
	cmd.Flags().BoolVar(&opts.force, "force", false, "send updates even over fields someone changed on lemlist since the check")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the file and print the bodies that would be sent; send nothing")
	return cmd
}

func (a *app) readApplyFile(path string) ([]applyEntry, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(a.stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("could not read the updates: %w", err)}
	}
	return parseApplyFile(data)
}

// refusedHeading introduces the problems that stopped an apply before
// anything was sent.
func refusedHeading(problems []string) string {
	return fmt.Sprintf("nothing was sent: lemlist would refuse the file (%s)", plural(len(problems), "problem", "problems"))
}

// dryRunLine is what --dry-run prints for each entry.
type dryRunLine struct {
	SequenceID string          `json:"sequenceId"`
	StepID     string          `json:"stepId"`
	Body       json.RawMessage `json:"body"`
}

func (a *app) applyDryRun(entries []applyEntry) error {
	if problems := checkEntries(entries, api.Target{}, nil); len(problems) > 0 {
		return rejected(refusedHeading(problems), problems)
	}
	for _, e := range entries {
		body, err := json.Marshal(e.update)
		if err != nil {
			return err
		}
		line, err := json.Marshal(dryRunLine{SequenceID: e.sequenceID, StepID: e.stepID, Body: body})
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%s\n", line)
	}
	return nil
}

// applyOptions are the flags that shape a run.
type applyOptions struct {
	keepGoing bool // send the rest after a failure
	force     bool // send over a teammate's change
}

func (a *app) applyUpdates(ctx context.Context, entries []applyEntry, opts applyOptions) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	lookup := newCampaignLookup(ctx, s.client)
	steps := &stepLocator{ctx: ctx, finder: newSequenceFinder(s.client)}
	problems := checkEntries(entries, api.Target{Campaigns: lookup.find}, steps.locate)
	for _, err := range []error{lookup.err, steps.err} {
		if err != nil {
			return err
		}
	}
	if len(problems) > 0 {
		return rejected(refusedHeading(problems), problems)
	}
	r := a.newApplyReporter(len(entries))
	results := a.sendEntries(ctx, s, entries, opts, r)
	r.finish()
	writeApplySummary(a.stdout, results)
	return applyOutcome(ctx, results)
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
	entry applyEntry
	sent  bool
	step  api.Step
	err   error
}

// sendEntries sends the updates in order, the client keeping them within
// the rate limit. Each starts from the step as the check read it, or as an
// earlier entry of the run left it, so a file may change one step twice.
// Without keepGoing the first failure stops the run; an interruption
// always does. Entries not attempted come back with sent false.
func (a *app) sendEntries(ctx context.Context, s *session, entries []applyEntry, opts applyOptions, r *applyReporter) []applyResult {
	results := make([]applyResult, len(entries))
	latest := map[string]api.Step{}
	stop := false
	for i, e := range entries {
		results[i].entry = e
		if stop || ctx.Err() != nil {
			continue
		}
		r.sending(i, e)
		loaded, ok := latest[e.stepID]
		if !ok {
			loaded = e.loaded
		}
		step, before, err := sendStep(ctx, s.client, e.campaign.ID, loaded, e.update, opts.force)
		results[i] = applyResult{entry: e, sent: true, step: step, err: err}
		r.done(i, results[i])
		if err != nil {
			stop = !opts.keepGoing
			continue
		}
		latest[e.stepID] = e.update.Apply(before)
		a.recordUpdate(s, e.campaign, before, e.update, 0)
	}
	return results
}

// applyOutcome turns the results into the command's error: 130 when
// interrupted, 1 when any update failed.
func applyOutcome(ctx context.Context, results []applyResult) error {
	failed, conflicts := 0, 0
	for _, res := range results {
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
	if failed == 0 {
		return nil
	}
	msg := fmt.Sprintf("%s of %d failed; see the summary above", plural(failed, "update", "updates"), len(results))
	if conflicts > 0 {
		msg += "; --force sends an update over what someone changed on lemlist"
	}
	return errors.New(msg)
}
