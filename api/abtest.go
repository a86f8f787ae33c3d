package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// Texts lemlist answers on the A/B-test routes (REFERENCE §8.4).
const (
	MsgPlanRequired    = "route is available starting emailPro plan"
	MsgNoVariant       = "No A/B test variant on this step"
	MsgABTestExists    = "A/B test already exists on this step"
	MsgWinnerChosen    = "A winning variant has already been selected for this step"
	MsgCampaignRunning = "You cannot edit this step because the campaign is running"
)

// The refusals of the A/B-test routes a caller handles on its own; an error
// from an A/B-test call matches one of them with errors.Is, and still
// carries the *Error with the server's words.
var (
	ErrPlanRequired    = errors.New("A/B tests need lemlist's Email Pro plan")
	ErrNoVariant       = errors.New("this step has no A/B test")
	ErrABTestExists    = errors.New("this step already has an A/B test")
	ErrWinnerChosen    = errors.New("this A/B test already has a winner")
	ErrCampaignRunning = errors.New("the campaign is running")
)

// ABTestError is lemlist refusing an A/B-test route for one of the reasons
// above.
type ABTestError struct {
	Reason error  // one of the Err… values above
	Err    *Error // the answer, with the server's words
}

func (e *ABTestError) Error() string {
	switch e.Reason {
	case ErrPlanRequired:
		return e.Err.Error() + " A/B tests need lemlist's Email Pro plan; the step itself can still be edited."
	case ErrCampaignRunning:
		return e.Err.Error() + " Pause the campaign in lemlist first."
	}
	return e.Err.Error()
}

// Unwrap lets errors.Is find the reason and errors.As the *Error.
func (e *ABTestError) Unwrap() []error { return []error{e.Reason, e.Err} }

// abTestRefusal types err when it is one of the documented A/B refusals.
func abTestRefusal(err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	var reason error
	switch {
	case e.Status == http.StatusPaymentRequired:
		reason = ErrPlanRequired
	case e.Status == http.StatusNotFound && e.Message == MsgNoVariant:
		reason = ErrNoVariant
	case e.Status == http.StatusBadRequest && e.Message == MsgABTestExists:
		reason = ErrABTestExists
	case e.Status == http.StatusBadRequest && e.Message == MsgWinnerChosen:
		reason = ErrWinnerChosen
	case e.Status == http.StatusBadRequest && e.Message == MsgCampaignRunning:
		reason = ErrCampaignRunning
	default:
		return err
	}
	return &ABTestError{Reason: reason, Err: e}
}

func abTestPath(sequenceID, stepID string) string {
	return stepPath(sequenceID, stepID) + "/ab-test"
}

func needIDs(sequenceID, stepID, what string) error {
	if sequenceID == "" || stepID == "" {
		return fmt.Errorf("a sequence id and a step id are needed to %s", what)
	}
	return nil
}

// ABVariant returns variant B of an A/B-tested step (GET …/ab-test).
func (c *Client) ABVariant(ctx context.Context, sequenceID, stepID string) (ABVariant, error) {
	if err := needIDs(sequenceID, stepID, "read an A/B test"); err != nil {
		return ABVariant{}, err
	}
	var b ABVariant
	if err := c.getJSON(ctx, abTestPath(sequenceID, stepID), nil, &b); err != nil {
		return ABVariant{}, abTestRefusal(err)
	}
	if b.StepID == "" {
		b.StepID = stepID
	}
	return b, nil
}

// StartABTest starts an A/B test on an email step (POST …/ab-test): lemlist
// creates variant B as a copy of A. It returns B as lemlist answers it.
func (c *Client) StartABTest(ctx context.Context, sequenceID, stepID string) (ABVariant, error) {
	if err := needIDs(sequenceID, stepID, "start an A/B test"); err != nil {
		return ABVariant{}, err
	}
	var b ABVariant
	if err := c.sendJSON(ctx, http.MethodPost, abTestPath(sequenceID, stepID), struct{}{}, &b); err != nil {
		return ABVariant{}, abTestRefusal(err)
	}
	if b.StepID == "" {
		b.StepID = stepID
	}
	return b, nil
}

// UpdateABVariant sends u to PATCH …/ab-test, which changes variant B only,
// after checking it with the rules lemlist applies; when u breaks any, the
// Violations are returned and nothing is sent.
func (c *Client) UpdateABVariant(ctx context.Context, sequenceID, stepID string, u VariantUpdate) (ABVariant, error) {
	if err := needIDs(sequenceID, stepID, "update variant B"); err != nil {
		return ABVariant{}, err
	}
	if u.Empty() {
		return ABVariant{}, ErrNoChange
	}
	if vs := u.Validate(); len(vs) > 0 {
		return ABVariant{}, vs
	}
	var b ABVariant
	if err := c.sendJSON(ctx, http.MethodPatch, abTestPath(sequenceID, stepID), u, &b); err != nil {
		return ABVariant{}, abTestRefusal(err)
	}
	if b.StepID == "" {
		b.StepID = stepID
	}
	return b, nil
}

// UpdateABVariantFrom is UpdateABVariant for an edit that began from loaded:
// B is read again first, and when a field u changes no longer has the value
// it had on loaded, nothing is sent and a *VariantConflictError carries B as
// lemlist has it now. before is B just before the update, which undo puts
// back.
func (c *Client) UpdateABVariantFrom(ctx context.Context, sequenceID string, loaded ABVariant, u VariantUpdate) (updated, before ABVariant, err error) {
	if vs := u.Validate(); len(vs) > 0 {
		return ABVariant{}, ABVariant{}, vs
	}
	current, err := c.ABVariant(ctx, sequenceID, loaded.StepID)
	if err != nil {
		return ABVariant{}, ABVariant{}, err
	}
	if cs := VariantConflicts(loaded, current, u); len(cs) > 0 {
		return ABVariant{}, current, &VariantConflictError{StepID: loaded.StepID, Current: current, Conflicts: cs}
	}
	updated, err = c.UpdateABVariant(ctx, sequenceID, loaded.StepID, u)
	return updated, current, err
}

// VariantConflictError stops an update of variant B whose fields changed on
// lemlist since they were loaded. Nothing was sent.
type VariantConflictError struct {
	StepID    string
	Current   ABVariant // B as lemlist has it now
	Conflicts []Conflict
}

func (e *VariantConflictError) Error() string {
	names := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		names[i] = string(c.Field)
	}
	return fmt.Sprintf("variant B of step %s changed on lemlist since it was loaded (%s); nothing was sent", e.StepID, JoinAnd(names))
}

// DeleteABVariant ends an A/B test by deleting one variant (DELETE
// …/ab-test?variant=A|B): deleting B keeps A as the step's content; deleting
// A makes B the step's content.
func (c *Client) DeleteABVariant(ctx context.Context, sequenceID, stepID string, v Variant) error {
	if err := needIDs(sequenceID, stepID, "end an A/B test"); err != nil {
		return err
	}
	if v != VariantA && v != VariantB {
		return fmt.Errorf("the variant to delete must be A or B, not %q", v)
	}
	rc := call{method: http.MethodDelete, path: abTestPath(sequenceID, stepID), query: url.Values{"variant": {string(v)}}}
	return abTestRefusal(c.do(ctx, rc, nil))
}

// PickABWinner picks the winning variant of an A/B test (POST
// …/ab-test/winner); the step's abTest becomes "A" or "B".
func (c *Client) PickABWinner(ctx context.Context, sequenceID, stepID string, v Variant) error {
	if err := needIDs(sequenceID, stepID, "pick an A/B test winner"); err != nil {
		return err
	}
	if v != VariantA && v != VariantB {
		return fmt.Errorf("the winning variant must be A or B, not %q", v)
	}
	body := struct {
		Variant Variant `json:"variant"`
	}{v}
	return abTestRefusal(c.sendJSON(ctx, http.MethodPost, abTestPath(sequenceID, stepID)+"/winner", body, nil))
}
