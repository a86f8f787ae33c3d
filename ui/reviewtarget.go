package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/ui/changeview"
)

// reviewTarget is what a review sends: a step's update (stepTarget) or
// variant B's (variantTarget). The review screen is the same for both: the
// checks that hold a send, the changes whole, the exact request, the
// conflict and the retry.
type reviewTarget interface {
	// name is what the update changes: "this Email step" in a title, "this
	// step" in a sentence; "variant B of step 4", "variant B".
	name(title bool) string
	fields() []api.Field
	changesView(c *Context, width int) string
	// lintUpdate is the update as the lint reads it.
	lintUpdate() api.StepUpdate
	// request is the request send makes, byte for byte.
	request() (method, path string, body []byte, err error)
	// send submits the update if lemlist's copy of the fields it changes
	// still matches the version the edit began from, or, to overwrite, the
	// version the last conflict showed.
	send(c *Context, to screen, overwrite bool) tea.Cmd
	// answer reads lemlist's answer to send; ok is false for any other
	// message.
	answer(msg tea.Msg) (a reviewAnswer, ok bool)
	conflictView(c *Context, width int) string
	// canRebase reports whether the edit can be redone on the version a
	// conflict showed; rebase asks the root to do it.
	canRebase() bool
	rebase(from sentBy) tea.Msg
}

// reviewAnswer is lemlist's answer to a submit, as the review acts on it.
type reviewAnswer struct {
	err      error // the update was not made
	conflict bool  // nothing was sent: lemlist's copy moved on
	// saved is the message reporting the update made, and what became of
	// its draft.
	saved func(from sentBy, draftErr error) tea.Msg
}

// stepTarget is a step's update, sent by PATCH /sequences/{id}/steps/{id}.
type stepTarget struct {
	campaign  api.Campaign
	campaigns []api.Campaign // to name the campaign a step sends leads to
	original  api.Step
	update    api.StepUpdate
	conflict  *api.ConflictError
}

// newReviewScreen reviews the step editor's edits.
func newReviewScreen(c *Context, keys Keys, e *editorScreen) *reviewScreen {
	u, err := api.Diff(e.Original(), e.Edited())
	if errors.Is(err, api.ErrNoChange) {
		u = api.StepUpdate{Type: e.Original().Type}
	}
	t := &stepTarget{campaign: e.campaign, campaigns: e.targets, original: e.Original(), update: u}
	return newReview(c, keys, t, e.Drafts(), e.checkPlaces)
}

func (t *stepTarget) name(title bool) string {
	if title {
		return "this " + t.original.Type.Label() + " step"
	}
	return "this step"
}

func (t *stepTarget) fields() []api.Field { return t.update.Fields() }

func (t *stepTarget) changesView(c *Context, width int) string {
	return changeview.Render(changeview.Changes(t.original, t.update),
		changeview.Options{Width: width, Theme: c.Theme, Campaigns: t.campaigns})
}

func (t *stepTarget) lintUpdate() api.StepUpdate { return t.update }

func (t *stepTarget) request() (string, string, []byte, error) {
	return api.UpdateStepRequest(t.original.SequenceID, t.original.ID, t.update)
}

func (t *stepTarget) send(c *Context, to screen, overwrite bool) tea.Cmd {
	base := t.original
	if overwrite && t.conflict != nil {
		base = t.conflict.Current
	}
	t.conflict = nil
	return submitStep(c, to, submission{campaign: t.campaign, base: base, update: t.update})
}

func (t *stepTarget) answer(msg tea.Msg) (reviewAnswer, bool) {
	m, ok := msg.(stepUpdatedMsg)
	if !ok {
		return reviewAnswer{}, false
	}
	if errors.As(m.err, &t.conflict) {
		return reviewAnswer{conflict: true}, true
	}
	return reviewAnswer{err: m.err, saved: func(from sentBy, draftErr error) tea.Msg {
		return stepSavedMsg{sentBy: from, stepID: t.original.ID, entry: m.entry.ID, journalErr: m.journalErr,
			lost: m.lost, draftErr: draftErr}
	}}, true
}

func (t *stepTarget) conflictView(c *Context, width int) string {
	return conflictView(c, t.conflict, t.campaigns, width)
}

func (t *stepTarget) canRebase() bool { return t.conflict != nil }

func (t *stepTarget) rebase(from sentBy) tea.Msg {
	return rebaseMsg{sentBy: from, current: t.conflict.Current}
}
