package cli

import (
	"context"
	"errors"
	"net/http"

	"lemstep/api"
)

// batchSender sends the step updates of one run (an apply file, or any
// command sending many updates) at about one request per update. lemlist
// has no route for a single step, so a conflict check per update costs a
// read of the whole campaign's sequences; here each campaign is read once,
// just before the first update sent to it, and that read is what every
// update to the campaign is checked against. A step whose check finds a
// conflict is read again, fresh, before anything is decided about it, so
// a conflict is never reported, nor forced over, on the strength of a read
// made earlier in the run.
//
// The sender remembers what the run itself sent: a later update to the
// same step starts from the step as the earlier one left it.
type batchSender struct {
	client *api.Client
	force  bool                     // send over a teammate's change
	read   map[string]api.Sequences // by campaign id: the batch's one read
	latest map[string]api.Step      // by step id: as this run left it
}

func newBatchSender(c *api.Client, force bool) *batchSender {
	return &batchSender{client: c, force: force, read: map[string]api.Sequences{}, latest: map[string]api.Step{}}
}

// send sends u to the step of campaignID that was read as loaded when the
// run was checked. It returns what sendStep returns: the step whole (as
// read before the PATCH, with the sent fields applied) and before, what
// undoing the update must restore.
func (b *batchSender) send(ctx context.Context, campaignID string, loaded api.Step, u api.StepUpdate) (updated, before api.Step, err error) {
	if prev, ok := b.latest[loaded.ID]; ok {
		loaded = prev
	}
	current, ok, err := b.current(ctx, campaignID, loaded)
	if err != nil {
		return api.Step{}, api.Step{}, err
	}
	var ce *api.ConflictError
	if ok {
		updated, before, err = b.client.UpdateStepOver(ctx, campaignID, loaded, current, u)
		ok = !errors.As(err, &ce)
		if ok && err == nil {
			updated = wholeStep(u, updated, before)
		}
	}
	if !ok {
		// A conflict in the batch's read, or a step not where that read put
		// it (moved, deleted, or no sequences then): the step's own fresh
		// read decides, as for a single update.
		updated, before, err = sendStep(ctx, b.client, campaignID, loaded, u, b.force)
	}
	if _, applied := api.Applied(err); err == nil || applied {
		b.latest[loaded.ID] = u.Apply(before)
	}
	return updated, before, err
}

// current is the step as the batch last saw it: as this run left it, or
// as the campaign's one read found it (made now when it is the campaign's
// first update). ok is false when the read does not hold the step.
func (b *batchSender) current(ctx context.Context, campaignID string, loaded api.Step) (api.Step, bool, error) {
	if st, ok := b.latest[loaded.ID]; ok {
		return st, true, nil
	}
	seqs, ok := b.read[campaignID]
	if !ok {
		var err error
		seqs, err = b.client.Sequences(ctx, campaignID)
		if err != nil && api.StatusOf(err) != http.StatusBadRequest { // "Campaign has no sequence"
			return api.Step{}, false, err
		}
		b.read[campaignID] = seqs
	}
	st, ok := seqs.StepIn(loaded.SequenceID, loaded.ID)
	return st, ok, nil
}
