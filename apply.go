package main

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
	var keepGoing, dryRun bool
	cmd := &cobra.Command{
		Use:   "apply FILE|-",
		Short: "Send a list of step updates from a JSON or YAML file",
		Long: "Reads a list of updates, each with sequenceId, stepId, type and the fields to change\n" +
			"(the endpoint's field names), from FILE or from stdin (-). Every entry is checked first\n" +
			"with the editor's rules, target campaigns included: if any would be refused, every\n" +
			"problem is listed, nothing is sent and the exit code is 2. Then the updates are sent in\n" +
			"order within lemlist's rate limit. The first failure stops the run unless --keep-going\n" +
			"is given; the summary says what changed and what failed, and the exit code is 1 if\n" +
			"anything failed.\n\n" +
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
			return a.applyUpdates(cmd.Context(), entries, keepGoing)
		},
	}
	cmd.Flags().BoolVar(&keepGoing, "keep-going", false, "send the remaining updates after one fails")
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
	if problems := checkEntries(entries, api.Target{}); len(problems) > 0 {
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

func (a *app) applyUpdates(ctx context.Context, entries []applyEntry, keepGoing bool) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	lookup := newCampaignLookup(ctx, s.client)
	problems := checkEntries(entries, api.Target{Campaigns: lookup.find})
	if lookup.err != nil {
		return lookup.err
	}
	if len(problems) > 0 {
		return rejected(refusedHeading(problems), problems)
	}
	r := a.newApplyReporter(len(entries))
	results := sendEntries(ctx, s.client, entries, keepGoing, r)
	r.finish()
	writeApplySummary(a.stdout, results)
	return applyOutcome(ctx, results)
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
// the rate limit. Without keepGoing the first failure stops the run; an
// interruption always does. Entries not attempted come back with sent false.
func sendEntries(ctx context.Context, c *api.Client, entries []applyEntry, keepGoing bool, r *applyReporter) []applyResult {
	results := make([]applyResult, len(entries))
	stop := false
	for i, e := range entries {
		results[i].entry = e
		if stop || ctx.Err() != nil {
			continue
		}
		r.sending(i, e)
		step, err := c.UpdateStep(ctx, e.sequenceID, e.stepID, e.update)
		results[i] = applyResult{entry: e, sent: true, step: step, err: err}
		r.done(i, results[i])
		if err != nil && !keepGoing {
			stop = true
		}
	}
	return results
}

// applyOutcome turns the results into the command's error: 130 when
// interrupted, 1 when any update failed.
func applyOutcome(ctx context.Context, results []applyResult) error {
	failed := 0
	for _, res := range results {
		if res.sent && res.err != nil {
			failed++
		}
	}
	if ctx.Err() != nil {
		return &exitError{code: exitInterrupted, err: errors.New("interrupted; the updates not yet sent were not sent")}
	}
	if failed > 0 {
		return fmt.Errorf("%s of %d failed; see the summary above", plural(failed, "update", "updates"), len(results))
	}
	return nil
}
