package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/ui/changeview"
)

// variantFieldList names the fields an update of variant B sets, as the
// history shows them: "subject, cc (variant B)".
func variantFieldList(u api.VariantUpdate) string {
	return strings.Join(fieldNames(u.Fields()), ", ") + " (variant B)"
}

// undoVariant undoes an update of variant B: B is read from lemlist, the
// fields the entry changed must still hold its values (unless --force), the
// change is confirmed, and the earlier values go back with PATCH …/ab-test.
func (a *app) undoVariant(ctx context.Context, e journal.Entry, opts undoOptions) error {
	if e.VariantBefore == nil || e.VariantBefore.Empty() {
		return fmt.Errorf("entry #%d has no earlier values of variant B to put back", e.ID)
	}
	restore := *e.VariantBefore
	s, err := a.connectFor(e)
	if err != nil {
		return err
	}
	defer s.close()
	now, err := s.client.ABVariant(ctx, e.SequenceID, e.StepID)
	if err != nil {
		return variantReadFailure(err, e.StepID)
	}
	if cs := variantMovedSince(e, now); len(cs) > 0 {
		if !opts.force {
			heading := fmt.Sprintf("variant B of step %s changed on lemlist after entry #%d; nothing was sent", safetext.Line(e.StepID), e.ID)
			labels := changeview.ConflictLabels{Loaded: fmt.Sprintf("entry #%d set", e.ID), Current: "lemlist now", Yours: "undo puts back"}
			return conflictFailure(heading, cs, labels, fmt.Sprintf("Pass --force to put back the values from before #%d anyway.", e.ID))
		}
		fmt.Fprintf(a.io.ErrOut, "Warning: %s of variant B changed on lemlist after entry #%d; --force puts the earlier values back over that.\n",
			conflictFields(cs), e.ID)
	}
	if err := a.confirmVariantUndo(e, now, restore, opts); err != nil {
		return err
	}
	updated, err := s.client.UpdateABVariant(ctx, e.SequenceID, e.StepID, restore)
	if err != nil {
		return a.sendFailure(err, opts.asJSON, sentLabels)
	}
	entry, recorded := a.recordVariant(s, api.Campaign{ID: e.CampaignID, Name: e.CampaignName}, e.SequenceID, now, restore, e.ID)
	if opts.asJSON {
		res := struct {
			Undid    int            `json:"undid"`
			Entry    *journal.Entry `json:"entry"`
			VariantB api.ABVariant  `json:"variantB"`
		}{Undid: e.ID, VariantB: updated}
		if recorded {
			res.Entry = &entry
		}
		return writeJSON(a.io.Out, res)
	}
	a.writeUndone(e, restore.Fields(), entry, recorded)
	return nil
}

// variantMovedSince lists the fields of B the entry changed that no longer
// hold the values it sent.
func variantMovedSince(e journal.Entry, now api.ABVariant) []api.Conflict {
	var cs []api.Conflict
	after := *e.VariantAfter
	sentB := after.Apply(now)
	for _, f := range after.Fields() {
		if api.VariantFieldEqual(sentB, now, f) {
			continue
		}
		sent, _ := after.Value(f)
		current, _ := api.VariantValue(now, f)
		earlier, _ := e.VariantBefore.Value(f)
		cs = append(cs, api.Conflict{Field: f, Loaded: sent, Current: current, Yours: earlier})
	}
	return cs
}

// confirmVariantUndo shows the fields of B now and after the undo, and asks.
func (a *app) confirmVariantUndo(e journal.Entry, now api.ABVariant, restore api.VariantUpdate, opts undoOptions) error {
	out := a.reviewOut(opts)
	fmt.Fprintf(out, "%s\n\n", undoHeading(e, ""))
	fmt.Fprintln(out, "From what lemlist has now, [-taken away-] {+put back+}:")
	fmt.Fprintln(out, changeview.Render(changeview.VariantChanges(now, restore), a.changeOptions(out, nil)))
	return a.askUndo(out, opts.yes)
}

// undoABAction undoes a change of an A/B test where lemlist allows it: a
// started test is ended by deleting B, after showing what B holds now and
// confirming. A winner and a deleted variant cannot be undone, and the
// error says so.
func (a *app) undoABAction(ctx context.Context, e journal.Entry, opts undoOptions) error {
	if !e.ABUndoable() {
		return fmt.Errorf("entry #%d (%s on step %s) cannot be undone: %s", e.ID, e.ABSummary(), safetext.Line(e.StepID), e.ABWhyNot())
	}
	s, err := a.connectFor(e)
	if err != nil {
		return err
	}
	defer s.close()
	b, err := s.client.ABVariant(ctx, e.SequenceID, e.StepID)
	switch {
	case errors.Is(err, api.ErrNoVariant):
		return fmt.Errorf("entry #%d started the A/B test of step %s, and the step has no test any more: there is nothing to undo: %w",
			e.ID, safetext.Line(e.StepID), err)
	case err != nil:
		return err
	case b.ABTest.Winner != "":
		return fmt.Errorf("the A/B test entry #%d started on step %s is decided (%s won): lemlist has no way to reopen a decided test, "+
			"and deleting B now would not undo the start; nothing was sent", e.ID, safetext.Line(e.StepID), safetext.Line(b.ABTest.Winner))
	}
	if err := a.confirmStartUndo(e, b, opts); err != nil {
		return err
	}
	if err := s.client.DeleteABVariant(ctx, e.SequenceID, e.StepID, api.VariantB); err != nil {
		return a.sendFailure(err, opts.asJSON, sentLabels)
	}
	undo := journal.RecordABAction(s.workspace(), api.Campaign{ID: e.CampaignID, Name: e.CampaignName}, e.SequenceID, e.StepID, journal.ABDelete, api.VariantB)
	undo.Undoes = e.ID
	entry, recorded := a.appendABEntry(undo)
	if opts.asJSON {
		res := struct {
			Undid int            `json:"undid"`
			Entry *journal.Entry `json:"entry"`
		}{Undid: e.ID}
		if recorded {
			res.Entry = &entry
		}
		return writeJSON(a.io.Out, res)
	}
	fmt.Fprintf(a.io.Out, "Undid entry #%d: variant B of %s is deleted and the A/B test has ended.\n", e.ID, entryPlace(e))
	if recorded {
		fmt.Fprintf(a.io.Out, "Journal entry #%d records the undo; a deleted variant cannot be brought back.\n", entry.ID)
	}
	return nil
}

// confirmStartUndo shows what deleting B takes away, and asks.
func (a *app) confirmStartUndo(e journal.Entry, b api.ABVariant, opts undoOptions) error {
	out := a.reviewOut(opts)
	fmt.Fprintln(out, undoHeading(e, "the A/B test started on "))
	fmt.Fprintln(out, "Variant B is deleted: the test ends and every lead gets the step as it is (variant A). B's text is gone afterwards:")
	var gone []changeview.Entry
	for _, f := range api.VariantFields() {
		if v, ok := api.VariantValue(b, f); ok {
			gone = append(gone, changeview.Change(f, v, nil))
		}
	}
	fmt.Fprintln(out, changeview.Render(gone, a.changeOptions(out, nil)))
	return a.askUndo(out, opts.yes)
}
