package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/journal"
)

// Messages that carry what the API answered back into the update loop.
type (
	teamLoadedMsg struct {
		team   api.Team
		err    error
		client *api.Client // the workspace asked: a late answer after w is dropped
	}
	// campaignsPageMsg is one page of the campaign list; more reads the next.
	campaignsPageMsg struct {
		replyTo
		page []api.Campaign
		done bool
		err  error
		more tea.Cmd
		gen  int
	}
	sequencesLoadedMsg struct {
		replyTo
		campaignID string
		seqs       api.Sequences
		err        error
		drafted    []string // the steps with a draft, read with the sequences
	}
	// draftsListedMsg is which steps have an unsent draft, for the ✎ marks.
	draftsListedMsg struct {
		replyTo
		drafted []string
	}
	// stepUpdatedMsg is the end of a submit: err when the update was not
	// made (a *api.ConflictError when lemlist's copy moved on), journalErr
	// when it was made but could not be recorded.
	stepUpdatedMsg struct {
		replyTo
		step       api.Step
		entry      journal.Entry
		err        error
		journalErr error
		// lost: the answer never came, but the step read back shows the
		// update was made.
		lost bool
	}
)

// errLoadCancelled ends a load the user no longer waits for (esc): its
// outcome is dropped, not shown as a failure.
var errLoadCancelled = errors.New("the load was cancelled")

// cancellable is c.ctx() with a cancel that marks the load as cancelled by
// the user, told apart from a timeout.
func (c *Context) cancellable() (context.Context, context.CancelFunc) {
	base, stop := c.ctx()
	ctx, cancel := context.WithCancelCause(base)
	return ctx, func() { cancel(errLoadCancelled); stop() }
}

// cancelled reports whether the user cancelled the load ctx belongs to.
func cancelled(ctx context.Context) bool {
	return errors.Is(context.Cause(ctx), errLoadCancelled)
}

func (c *Context) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), c.Timeout)
}

func loadTeam(c *Context) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.ctx()
		defer cancel()
		team, err := c.Client.Team(ctx)
		return teamLoadedMsg{team: team, err: err, client: c.Client}
	}
}

// loadCampaigns streams the campaign list page by page, so the first page is
// on screen while the rest load. gen tells pages of a stale load apart; the
// returned cancel stops a load the user no longer waits for.
func loadCampaigns(c *Context, to screen, gen int) (tea.Cmd, context.CancelFunc) {
	ctx, cancel := c.cancellable()
	pages := make(chan campaignsPageMsg, 1)
	send := func(m campaignsPageMsg) error {
		select {
		case pages <- m:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	go func() {
		defer close(pages)
		err := c.Client.CampaignPages(ctx, api.CampaignQuery{}, func(page []api.Campaign, done bool) error {
			return send(campaignsPageMsg{replyTo: replyTo{to}, page: page, done: done, gen: gen})
		})
		if err != nil && !cancelled(ctx) {
			// send gives up once ctx is done: a load that timed out says so
			// all the same.
			pages <- campaignsPageMsg{replyTo: replyTo{to}, err: err, done: true, gen: gen}
		}
	}()
	return nextPage(pages), cancel
}

func nextPage(pages <-chan campaignsPageMsg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-pages
		if !ok {
			return nil
		}
		if !msg.done {
			msg.more = nextPage(pages)
		}
		return msg
	}
}

// loadSequences reads a campaign's sequences; the returned cancel stops a
// load the user no longer waits for, whose outcome is then dropped.
func loadSequences(c *Context, to screen, campaignID string) (tea.Cmd, context.CancelFunc) {
	ctx, cancel := c.cancellable()
	return func() tea.Msg {
		defer cancel()
		seqs, err := c.Client.Sequences(ctx, campaignID)
		if cancelled(ctx) {
			return nil
		}
		return sequencesLoadedMsg{replyTo: replyTo{to}, campaignID: campaignID, seqs: seqs, err: err,
			drafted: c.Drafts.StepIDs(c.Workspace)}
	}, cancel
}

// listDrafts reads which steps have an unsent draft.
func listDrafts(c *Context, to screen) tea.Cmd {
	return func() tea.Msg {
		return draftsListedMsg{replyTo: replyTo{to}, drafted: c.Drafts.StepIDs(c.Workspace)}
	}
}

// submission is one submit: where the step lives, the step as the edit
// began (or, to overwrite a teammate's change, as lemlist showed it in the
// conflict), and the update.
type submission struct {
	campaign api.Campaign
	base     api.Step
	update   api.StepUpdate
}

// submitStep reads the step again and sends the update unless a field it
// changes moved on lemlist since base, then records the accepted update in
// the journal.
func submitStep(c *Context, to screen, s submission) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.ctx()
		defer cancel()
		updated, before, err := c.Client.UpdateStepFrom(ctx, s.campaign.ID, s.base, s.update)
		// An answer lost on the way back, with the update read back as
		// made, is a success and is journaled like one.
		landed, lost := api.Applied(err)
		if lost {
			updated, err = landed, nil
		}
		if err != nil {
			return stepUpdatedMsg{replyTo: replyTo{to}, err: err}
		}
		entry, jerr := c.Journal.Append(journal.Record(c.Workspace, s.campaign, before, s.update))
		return stepUpdatedMsg{replyTo: replyTo{to}, step: updated, entry: entry, journalErr: jerr, lost: lost}
	}
}

// describeError turns an API failure into what the user reads: the status and
// the server's own words when there are some.
func describeError(err error) string {
	// These say what happened in full, their cause included.
	var unconfirmed *api.UnconfirmedError
	var timeout *api.TimeoutError
	if errors.As(err, &unconfirmed) || errors.As(err, &timeout) {
		return err.Error()
	}
	var apiErr *api.Error
	if errors.As(err, &apiErr) {
		return apiErr.Error()
	}
	var vs api.Violations
	if errors.As(err, &vs) {
		return vs.Error()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "lemlist did not answer in time. Check your connection and try again."
	}
	return err.Error()
}
