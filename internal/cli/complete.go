package cli

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// completionTimeout bounds what one press of tab may wait for lemlist: a
// shell that hangs is worse than one that offers nothing. The client's own
// limiter keeps the few requests within lemlist's rate limit.
const completionTimeout = 3 * time.Second

// completeWith runs list on a session of the workspace the flags choose,
// within completionTimeout; on any failure the shell offers nothing (and
// no file names).
func (a *app) completeWith(cmd *cobra.Command, list func(ctx context.Context, c *api.Client) []string) ([]string, cobra.ShellCompDirective) {
	if a.flags.timeout == 0 || a.flags.timeout > completionTimeout {
		a.flags.timeout = completionTimeout
	}
	s, err := a.connect()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer s.close()
	ctx, cancel := context.WithTimeout(cmd.Context(), completionTimeout)
	defer cancel()
	return list(ctx, s.client), cobra.ShellCompDirectiveNoFileComp
}

// completion is one candidate with its description, as shells show it.
func completion(value, description string) string {
	return safetext.Line(value) + "\t" + safetext.Line(description)
}

// completeCampaignID completes a campaign id: every campaign that is not
// archived, named.
func (a *app) completeCampaignID(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeWith(cmd, func(ctx context.Context, c *api.Client) []string {
		camps, err := c.Campaigns(ctx, api.CampaignQuery{})
		if err != nil {
			return nil
		}
		var out []string
		for _, camp := range camps {
			if !camp.IsArchived() {
				out = append(out, completion(camp.ID, camp.Name+" ("+camp.StatusLabel()+")"))
			}
		}
		return out
	})
}

// completeCampaignArg completes the first argument with a campaign id.
func (a *app) completeCampaignArg(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return a.completeCampaignID(cmd, args, toComplete)
}

// completeSequenceAndStep completes SEQUENCE_ID STEP_ID: the sequences of
// the campaign given with --in-campaign, then the steps of the sequence
// given (read from that campaign, or from the campaign found to hold it).
func (a *app) completeSequenceAndStep(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	campaignID, _ := cmd.Flags().GetString("in-campaign")
	switch len(args) {
	case 0:
		if campaignID == "" {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return a.completeWith(cmd, func(ctx context.Context, c *api.Client) []string {
			seqs, err := c.Sequences(ctx, campaignID)
			if err != nil {
				return nil
			}
			var out []string
			for _, id := range slices.Sorted(maps.Keys(seqs)) {
				out = append(out, completion(id, steptext.Count(len(seqs[id].Steps), "step", "steps")))
			}
			return out
		})
	case 1:
		return a.completeWith(cmd, func(ctx context.Context, c *api.Client) []string {
			f := newSequenceFinder(c)
			var seqs api.Sequences
			var err error
			if campaignID != "" {
				_, seqs, err = f.in(ctx, campaignID, args[0])
			} else {
				_, seqs, err = f.find(ctx, args[0])
			}
			if err != nil {
				return nil
			}
			var out []string
			for _, st := range seqs[args[0]].Steps {
				out = append(out, completion(st.ID, strings.TrimSpace(stepLabel(st)+" · "+excerpt(st))))
			}
			return out
		})
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// completeDraftStep completes the step id of a draft, from the drafts on
// this machine: no network.
func (a *app) completeDraftStep(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	listed, _ := a.drafts().List()
	var out []string
	for _, l := range listed {
		desc := "damaged draft"
		if l.Err == nil {
			desc = campaignName(l.Draft.CampaignName, l.Draft.CampaignID) + " · " + stepLabel(l.Draft.Edited)
		}
		out = append(out, completion(l.StepID, desc))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeJournalStep completes a step id from the journal: no network.
func (a *app) completeJournalStep(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	entries, _, err := a.journal().Read()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range slices.Backward(entries) {
		if !seen[e.StepID] {
			seen[e.StepID] = true
			out = append(out, completion(e.StepID, entryStepLabel(e)))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
