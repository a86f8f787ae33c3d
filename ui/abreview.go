package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/ui/changeview"
)

type (
	// variantSavedMsg reports an accepted PATCH …/ab-test and the journal
	// entry recording it.
	variantSavedMsg struct {
		sentBy
		stepID     string
		entry      int
		journalErr error
		draftErr   error
	}
	// variantUpdatedMsg is the end of a submit of variant B: err when it was
	// not made (a *api.VariantConflictError when B moved on lemlist).
	variantUpdatedMsg struct {
		replyTo
		entry      journal.Entry
		err        error
		journalErr error
	}
	// leaveVariantMsg asks to close the variant editor, asking first when
	// edits would be lost.
	leaveVariantMsg struct{ sentBy }
)

// variantTarget is variant B's update, sent by PATCH …/ab-test after B is
// read again: a change made meanwhile on lemlist is a conflict, and
// nothing is sent.
type variantTarget struct {
	campaign api.Campaign
	step     api.Step      // the A/B-tested step
	stepName string        // the step as the editor names it: "step No · 1"
	base     api.ABVariant // what the edit began from
	update   api.VariantUpdate
	conflict *api.VariantConflictError
}

// newVariantReview reviews the variant editor's edits.
func newVariantReview(c *Context, keys Keys, e *variantEditor) *reviewScreen {
	u, _ := e.form.Changes() // no change leaves u empty: the review says so
	t := &variantTarget{campaign: e.campaign, step: e.step, stepName: e.stepName(), base: e.form.Original(), update: u}
	return newReview(c, keys, t, e.drafts, e.checkPlaces)
}

func (t *variantTarget) name(title bool) string {
	if title {
		return "variant B of " + t.stepName
	}
	return "variant B"
}

func (t *variantTarget) fields() []api.Field { return t.update.Fields() }

func (t *variantTarget) changesView(c *Context, width int) string {
	return changeview.Render(changeview.VariantChanges(t.base, t.update), changeview.Options{Width: width, Theme: c.Theme})
}

// lintUpdate is B as the email lint reads it.
func (t *variantTarget) lintUpdate() api.StepUpdate { return t.update.EmailUpdate() }

func (t *variantTarget) request() (string, string, []byte, error) {
	return api.UpdateABVariantRequest(t.step.SequenceID, t.step.ID, t.update)
}

func (t *variantTarget) send(c *Context, to screen, overwrite bool) tea.Cmd {
	base := t.base
	if overwrite && t.conflict != nil {
		base = t.conflict.Current
	}
	t.conflict = nil
	return submitVariant(c, to, t.campaign, t.step.SequenceID, base, t.update)
}

func (t *variantTarget) answer(msg tea.Msg) (reviewAnswer, bool) {
	m, ok := msg.(variantUpdatedMsg)
	if !ok {
		return reviewAnswer{}, false
	}
	if errors.As(m.err, &t.conflict) {
		return reviewAnswer{conflict: true}, true
	}
	return reviewAnswer{err: m.err, saved: func(from sentBy, draftErr error) tea.Msg {
		return variantSavedMsg{sentBy: from, stepID: t.step.ID, entry: m.entry.ID, journalErr: m.journalErr, draftErr: draftErr}
	}}, true
}

func (t *variantTarget) conflictView(c *Context, width int) string {
	if t.conflict == nil {
		return ""
	}
	labels := changeview.ConflictLabels{Loaded: "when you began", Current: "on lemlist now", Yours: "yours"}
	return changeview.Render(changeview.Conflicts(t.conflict.Conflicts, labels), changeview.Options{Width: width, Theme: c.Theme})
}

// canRebase is false: B's edits are not redone on lemlist's version; the
// user overwrites or goes back to edit.
func (t *variantTarget) canRebase() bool { return false }

func (t *variantTarget) rebase(sentBy) tea.Msg { return nil }

// submitVariant sends u to variant B if lemlist's copy of the fields it
// changes still matches base, and journals it.
func submitVariant(c *Context, to screen, camp api.Campaign, sequenceID string, base api.ABVariant, u api.VariantUpdate) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.ctx()
		defer cancel()
		_, before, err := c.Client.UpdateABVariantFrom(ctx, sequenceID, base, u)
		if err != nil {
			return variantUpdatedMsg{replyTo: replyTo{to}, err: err}
		}
		entry, jerr := c.Journal.Append(journal.RecordVariant(c.Workspace, camp, sequenceID, before, u))
		return variantUpdatedMsg{replyTo: replyTo{to}, entry: entry, journalErr: jerr}
	}
}
