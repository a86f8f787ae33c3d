package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"lemstep/api"
	"lemstep/internal/findreplace"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/changeview"
)

// isBatchName reports whether an argument of undo names a batch: "b12".
func isBatchName(arg string) bool {
	return len(arg) > 1 && (arg[0] == 'b' || arg[0] == 'B')
}

func (a *app) undoBatchArg(ctx context.Context, arg string, opts undoOptions) error {
	n, err := strconv.Atoi(arg[1:])
	if err != nil || n < 1 || n > journal.MaxID {
		return usageError("%q is not a batch; `lemstep history` lists them (b12)", safetext.Line(arg))
	}
	if opts.force {
		return usageError("--force undoes one entry, not a batch: undo the steps someone changed one by one (`lemstep undo ENTRY --force`)")
	}
	return a.undoBatch(ctx, n, opts)
}

// batchUndo is one step of a batch to put back: the entry and the change
// that undoes it.
type batchUndo struct {
	entry  journal.Entry
	change findreplace.Change
}

// undoLatest undoes the latest change, the first line of `history`: the
// latest entry, or when it belongs to a batch, the whole batch, since that
// is what the line shows and what was done at once. The review says so,
// and how to take back the one entry alone; the batch is confirmed and
// undone as `undo bN` does.
func (a *app) undoLatest(ctx context.Context, opts undoOptions) error {
	entries, err := a.readJournal()
	if err != nil {
		return err
	}
	latest, err := journal.Find(entries, 0)
	if err != nil || latest.Batch == 0 {
		e, err := undoableIn(entries, 0, opts.force)
		if err != nil {
			return err
		}
		return a.undoEntry(ctx, e, opts)
	}
	id := latest.Batch
	if opts.force {
		return usageError("the latest change is batch b%d, and --force undoes one entry, not a batch: "+
			"undo its steps someone changed one by one (`lemstep undo ENTRY --force`)", id)
	}
	fmt.Fprintf(a.reviewOut(opts), "The latest change is batch b%d of %s: undo takes back all of it, as `lemstep undo b%d` does "+
		"(`lemstep undo %d` takes back its latest entry alone).\n\n", id,
		steptext.Count(len(journal.BatchEntries(entries, id)), "update", "updates"), id, latest.ID)
	return a.undoBatchIn(ctx, entries, id, opts)
}

// undoBatch puts back every step of batch id, checking each as a single
// undo does, with one confirmation; the undo is a batch of its own.
func (a *app) undoBatch(ctx context.Context, id int, opts undoOptions) error {
	entries, err := a.readJournal()
	if err != nil {
		return err
	}
	return a.undoBatchIn(ctx, entries, id, opts)
}

// undoBatchIn is undoBatch in the entries read.
func (a *app) undoBatchIn(ctx context.Context, entries []journal.Entry, id int, opts undoOptions) error {
	batch := journal.BatchEntries(entries, id)
	if len(batch) == 0 {
		return fmt.Errorf("nothing to undo: the journal has no batch b%d; `lemstep history` lists the batches", id)
	}
	todo, notes := undoableInBatch(entries, batch)
	if len(todo) == 0 {
		if by := undoneByBatch(entries, batch); by > 0 {
			return fmt.Errorf("batch b%d was already undone by b%d; `lemstep undo b%d` puts its changes back", id, by, by)
		}
		return fmt.Errorf("nothing to undo in batch b%d: %s", id, strings.Join(notes, "; "))
	}
	s, err := a.connectFor(batch[0])
	if err != nil {
		return err
	}
	defer s.close()
	out := a.reviewOut(opts)
	writeBatchUndoReview(out, id, todo, notes, a.changeOptions(out, nil))
	if err := a.askUndo(out, opts.yes); err != nil {
		return err
	}
	changes := make([]findreplace.Change, len(todo))
	for i, u := range todo {
		changes[i] = u.change
	}
	undoBatch := a.journal().NewBatch()
	r := a.newBatchReporter(len(changes))
	outcomes := findreplace.Send(ctx, s.client, changes, func(i int, o findreplace.Outcome) {
		if o.Sent {
			a.recordUndoInBatch(undoBatch, s, todo[i].entry, o)
		}
		kind, what := undoOutcome(o, todo[i].entry)
		r.done(kind + ": " + what)
	})
	r.finish()
	return a.finishBatchUndo(ctx, id, todo, outcomes, notes, undoBatch, opts.asJSON)
}

// undoableInBatch is each entry of the batch that can be undone, as the
// change that undoes it, and a note on each that cannot.
func undoableInBatch(entries, batch []journal.Entry) ([]batchUndo, []string) {
	var todo []batchUndo
	var notes []string
	for _, e := range batch {
		if by, undone := undoneBy(entries, e.ID); undone {
			notes = append(notes, fmt.Sprintf("%s was already undone by #%d", entryLabel(e), by))
			continue
		}
		ch, ok := undoChange(e)
		if !ok {
			notes = append(notes, fmt.Sprintf("%s changed only fields lemlist gave no earlier value for", entryLabel(e)))
			continue
		}
		todo = append(todo, batchUndo{entry: e, change: ch})
	}
	return todo, notes
}

// undoChange is the change that puts back what e changed: from the values
// e sent (what lemlist must still have) to the values before it.
func undoChange(e journal.Entry) (findreplace.Change, bool) {
	camp := api.Campaign{ID: e.CampaignID, Name: e.CampaignName}
	sent := api.Step{ID: e.StepID, SequenceID: e.SequenceID, Type: e.Type}
	t := findreplace.Target{Campaign: camp, Path: e.StepID, Step: sent}
	if e.IsVariant() {
		b := e.VariantAfter.Apply(api.ABVariant{StepID: e.StepID})
		t.B = &b
		return findreplace.Change{Target: t, VariantUpdate: *e.VariantBefore}, e.VariantBefore != nil && !e.VariantBefore.Empty()
	}
	restore := e.Before
	restore.Type = e.Type
	t.Step = e.After.Apply(sent)
	return findreplace.Change{Target: t, Update: restore}, !restore.Empty()
}

// writeBatchUndoReview shows each step's change back, from the values the
// batch sent to those it puts back.
func writeBatchUndoReview(w io.Writer, id int, todo []batchUndo, notes []string, o changeview.Options) {
	fmt.Fprintf(w, "Undo batch b%d: %s. From what the batch sent, [-taken away-] {+put back+}:\n", id, steptext.Count(len(todo), "update", "updates"))
	for _, u := range todo {
		fmt.Fprintf(w, "\n%s\n", entryLabel(u.entry))
		fmt.Fprintln(w, changeview.Render(changeEntries(u.change), o))
	}
	for _, n := range notes {
		fmt.Fprintf(w, "Not undone: %s.\n", n)
	}
	fmt.Fprintln(w)
}

// recordUndoInBatch journals the undo of entry e as an entry of the undo's
// batch.
func (a *app) recordUndoInBatch(batch *journal.Batch, s *session, e journal.Entry, o findreplace.Outcome) {
	ch := o.Change
	rec := journal.Record(s.workspace(), ch.Campaign, o.Before, ch.Update)
	if ch.B != nil {
		rec = journal.RecordVariant(s.workspace(), ch.Campaign, ch.Step.SequenceID, o.BeforeB, ch.VariantUpdate)
	}
	rec.Undoes, rec.UndoesBatch = e.ID, e.Batch
	a.appendToBatch(batch, rec)
}

// batchUndoResult is what --json prints after undoing a batch.
type batchUndoResult struct {
	Undid   string              `json:"undid"`
	Batch   int                 `json:"batch,omitempty"`
	Results []replaceResultJSON `json:"results"`
	Notes   []string            `json:"notes,omitempty"`
}

// finishBatchUndo says what was undone and what was not: exit 1 when a
// step was not, 130 when interrupted. outcomes are todo's, in its order.
func (a *app) finishBatchUndo(ctx context.Context, id int, todo []batchUndo, outcomes []findreplace.Outcome, notes []string,
	batch *journal.Batch, asJSON bool) error {
	undone := 0
	var missed []string
	for i, o := range outcomes {
		if o.Sent {
			undone++
			continue
		}
		_, what := undoOutcome(o, todo[i].entry)
		missed = append(missed, what)
	}
	if asJSON {
		res := batchUndoResult{Undid: fmt.Sprintf("b%d", id), Batch: batch.ID(), Results: []replaceResultJSON{}, Notes: notes}
		var rep replaceReport
		rep.results(outcomes, batch)
		res.Results = append(res.Results, rep.Results...)
		if err := writeJSON(a.io.Out, res); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.io.Out, "Undid %d of %s of batch b%d.\n", undone, steptext.Count(len(outcomes), "update", "updates"), id)
		for _, m := range missed {
			fmt.Fprintf(a.io.Out, "  not undone: %s\n", m)
		}
		if b := batch.ID(); b > 0 {
			fmt.Fprintf(a.io.Out, "Journal batch b%d records the undo; `lemstep undo b%d` puts the changes back.\n", b, b)
		}
	}
	if ctx.Err() != nil {
		return &exitError{code: exitInterrupted, err: errors.New("interrupted; the steps undone stay undone, the others were not sent")}
	}
	if len(missed) > 0 {
		return fmt.Errorf("%s of batch b%d not undone; see above", steptext.Count(len(missed), "step", "steps"), id)
	}
	return nil
}

// undoOutcome says what happened to the undo of entry e, as a kind
// ("undone", "skipped", "failed", "not sent") and a sentence naming its
// step by entryLabel. A step someone changed on lemlist since says which
// fields moved, and how to put it back anyway.
func undoOutcome(o findreplace.Outcome, e journal.Entry) (kind, what string) {
	label := entryLabel(e)
	var ce *api.ConflictError
	switch {
	case o.Sent:
		return "undone", fmt.Sprintf("%s (%s back)", label, api.JoinAnd(fieldNames(changedOf(o.Change))))
	case errors.As(o.Err, &ce):
		moved := "it was changed on lemlist since"
		if len(ce.Conflicts) > 0 {
			moved = fmt.Sprintf("its %s changed on lemlist since", conflictFields(ce.Conflicts))
		}
		return "skipped", fmt.Sprintf("%s: %s, so nothing was sent; `lemstep undo %d --force` puts the earlier values back anyway",
			label, moved, e.ID)
	case o.Err != nil:
		return "failed", label + ": " + safetext.Line(o.Err.Error())
	}
	return "not sent", label
}

// undoneByBatch is the batch whose entries undid every entry of batch, 0
// when no one batch did.
func undoneByBatch(entries, batch []journal.Entry) int {
	byID := map[int]journal.Entry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	by := 0
	for _, e := range batch {
		undoer, undone := undoneBy(entries, e.ID)
		b := byID[undoer].Batch
		if !undone || b == 0 || (by != 0 && b != by) {
			return 0
		}
		by = b
	}
	return by
}
