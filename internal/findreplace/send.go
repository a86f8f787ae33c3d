package findreplace

import (
	"context"
	"errors"
	"net/http"
	"sync"

	"lemstep/api"
)

// senders is how many campaigns are sent at once: each reads its campaign
// once, then sends its steps one after the other; the client's rate
// limiter paces them all.
const senders = 4

// Outcome is what happened to one change.
type Outcome struct {
	Change Change
	// Sent: lemlist took the PATCH. Updated is then the step as lemlist has
	// it (read before, with the sent fields applied), and Before (or
	// BeforeB) what an undo puts back.
	Sent    bool
	Updated api.Step
	Before  api.Step
	BeforeB api.ABVariant
	// Err is why the change was not made: an *api.ConflictError when a field
	// it changes moved on lemlist since the plan was read (nothing sent),
	// or lemlist's refusal. Neither Sent nor Err: the run stopped first.
	Err error
	// Note tells of a PATCH whose answer was lost but which the step read
	// back shows landed.
	Note string
}

// Send sends every change that changes something, and returns one outcome
// per change, in the order given. Each campaign is read once more just
// before its changes go out, and each change is checked against that read:
// one whose fields moved since the plan was read is skipped (a conflict).
// done, when set, hears of each outcome as it comes, one call at a time.
// A cancelled ctx stops the run; what was sent stays sent.
func Send(ctx context.Context, c *api.Client, changes []Change, done func(int, Outcome)) []Outcome {
	out := make([]Outcome, len(changes))
	for i, ch := range changes {
		out[i].Change = ch
	}
	groups := byCampaign(changes)
	jobs := make(chan []int)
	var mu sync.Mutex
	report := func(i int, o Outcome) {
		mu.Lock()
		defer mu.Unlock()
		out[i] = o
		if done != nil {
			done(i, o)
		}
	}
	var wg sync.WaitGroup
	for range min(senders, len(groups)) {
		wg.Go(func() {
			for idx := range jobs {
				sendCampaign(ctx, c, changes, idx, report)
			}
		})
	}
	for _, g := range groups {
		if ctx.Err() != nil {
			break
		}
		jobs <- g
	}
	close(jobs)
	wg.Wait()
	return out
}

// byCampaign groups the indices of the changes that send something by
// campaign, campaigns in the order they first appear.
func byCampaign(changes []Change) [][]int {
	at := map[string]int{}
	var groups [][]int
	for i, ch := range changes {
		if !ch.Changed() {
			continue
		}
		g, ok := at[ch.Campaign.ID]
		if !ok {
			g = len(groups)
			at[ch.Campaign.ID] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// sendCampaign reads one campaign, then sends its changes in order.
func sendCampaign(ctx context.Context, c *api.Client, changes []Change, idx []int, report func(int, Outcome)) {
	var seqs api.Sequences
	var readErr error
	for _, i := range idx {
		if ctx.Err() != nil {
			return
		}
		ch := changes[i]
		if ch.B != nil {
			report(i, sendVariant(ctx, c, ch))
			continue
		}
		if seqs == nil && readErr == nil {
			seqs, readErr = c.Sequences(ctx, ch.Campaign.ID)
		}
		if readErr != nil {
			report(i, Outcome{Change: ch, Err: readErr})
			continue
		}
		report(i, sendStep(ctx, c, ch, seqs))
	}
}

// sendStep sends one step's change, checked against the campaign as just
// read.
func sendStep(ctx context.Context, c *api.Client, ch Change, seqs api.Sequences) Outcome {
	o := Outcome{Change: ch}
	current, ok := seqs.StepIn(ch.Step.SequenceID, ch.Step.ID)
	if !ok {
		o.Err = &api.Error{Status: http.StatusNotFound, Message: "Step not found", Method: http.MethodGet,
			Path: "/campaigns/" + ch.Campaign.ID + "/sequences"}
		return o
	}
	updated, before, err := c.UpdateStepOver(ctx, ch.Campaign.ID, ch.Step, current, ch.Update)
	if landed, ok := api.Applied(err); ok {
		o.Note, updated, err = err.Error(), landed, nil
	}
	if err != nil {
		o.Err = err
		return o
	}
	o.Sent, o.Before = true, before
	// lemlist answers a PATCH with part of the step: the whole step is the
	// one read just before, with the sent fields applied.
	o.Updated = ch.Update.Apply(before)
	if o.Updated.SequenceID == "" {
		o.Updated.SequenceID = updated.SequenceID
	}
	return o
}

// sendVariant reads variant B, checks it against the plan's read, and
// sends the change.
func sendVariant(ctx context.Context, c *api.Client, ch Change) Outcome {
	o := Outcome{Change: ch}
	current, err := c.ABVariant(ctx, ch.Step.SequenceID, ch.Step.ID)
	if err != nil {
		o.Err = err
		return o
	}
	if cs := api.VariantConflicts(*ch.B, current, ch.VariantUpdate); len(cs) > 0 {
		o.Err = &api.ConflictError{StepID: ch.Step.ID, Conflicts: cs}
		return o
	}
	if _, err := c.UpdateABVariant(ctx, ch.Step.SequenceID, ch.Step.ID, ch.VariantUpdate); err != nil {
		o.Err = err
		return o
	}
	o.Sent, o.BeforeB = true, current
	return o
}

// IsConflict reports whether an outcome was skipped because lemlist's
// values moved since the plan was read.
func (o Outcome) IsConflict() bool {
	var ce *api.ConflictError
	return errors.As(o.Err, &ce)
}
