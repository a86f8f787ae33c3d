package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// NewStep is the body of POST /sequences/{sequenceId}/steps: the fields of
// an update plus where to insert the step (nil or past the end: appended).
type NewStep struct {
	StepUpdate
	Index *int
}

// MarshalJSON writes the update's body with `index` added when set.
func (s NewStep) MarshalJSON() ([]byte, error) {
	body, err := json.Marshal(s.StepUpdate)
	if err != nil || s.Index == nil {
		return body, err
	}
	body = bytes.TrimSuffix(bytes.TrimSpace(body), []byte("}"))
	if !bytes.HasSuffix(body, []byte("{")) {
		body = append(body, ',')
	}
	body = append(body, `"index":`...)
	body = strconv.AppendInt(body, int64(*s.Index), 10)
	return append(body, '}'), nil
}

func stepsPath(sequenceID string) string {
	return "/sequences/" + pathSegment(sequenceID) + "/steps"
}

func stepPath(sequenceID, stepID string) string {
	return stepsPath(sequenceID) + "/" + pathSegment(stepID)
}

func sequencesPath(campaignID string) string {
	return "/campaigns/" + pathSegment(campaignID) + "/sequences"
}

// pathSegment escapes an id for use as one segment of a path, so that an id
// can never reach another route: "/", "?", "#" and "%" are escaped, and so
// are the dots of "." and "..", which a server or proxy would otherwise
// resolve as a directory step.
func pathSegment(id string) string {
	seg := url.PathEscape(id)
	if seg == "." || seg == ".." {
		return strings.Repeat("%2E", len(seg))
	}
	return seg
}

// Sequences returns every sequence of a campaign, keyed by sequence id.
func (c *Client) Sequences(ctx context.Context, campaignID string) (Sequences, error) {
	if campaignID == "" {
		return nil, fmt.Errorf("a campaign id is needed to read its sequences")
	}
	var seqs Sequences
	if err := c.getJSON(ctx, sequencesPath(campaignID), nil, &seqs); err != nil {
		return nil, err
	}
	if seqs == nil {
		seqs = Sequences{}
	}
	return seqs, nil
}

// Step returns one step as lemlist has it now. lemlist has no route for a
// single step, so the campaign's sequences are read and the step picked out.
// A step that is not in sequenceID (or anywhere, when sequenceID is "") is an
// *Error with status 404.
func (c *Client) Step(ctx context.Context, campaignID, sequenceID, stepID string) (Step, error) {
	seqs, err := c.Sequences(ctx, campaignID)
	if err != nil {
		return Step{}, err
	}
	notFound := c.annotate(&Error{Status: http.StatusNotFound, Message: "Step not found", Method: http.MethodGet, Path: sequencesPath(campaignID),
		Subject: &Subject{Kind: "step", ID: stepID, SequenceID: sequenceID}})
	if sequenceID == "" {
		if st, ok := seqs.FindStep(stepID); ok {
			return st, nil
		}
		return Step{}, notFound
	}
	if st, ok := seqs.StepIn(sequenceID, stepID); ok {
		return st, nil
	}
	return Step{}, notFound
}

// UpdateStep sends u to PATCH /sequences/{sequenceId}/steps/{stepId} and
// returns the step lemlist answers with. An answer that is not that step is
// an *UnconfirmedError (without the campaign, the step cannot be read back
// to confirm it; UpdateStepFrom can). u is checked first with the same
// rules lemlist applies; when it breaks any, the Violations are returned and
// nothing is sent. A target campaign (sendToAnotherCampaign) is looked up
// with GET /campaigns/{id} to check it exists and is not archived.
func (c *Client) UpdateStep(ctx context.Context, sequenceID, stepID string, u StepUpdate) (Step, error) {
	if sequenceID == "" || stepID == "" {
		return Step{}, fmt.Errorf("a sequence id and a step id are needed to update a step")
	}
	if err := c.check(ctx, u); err != nil {
		return Step{}, err
	}
	return c.patchStep(ctx, "", sequenceID, stepID, u)
}

// stepAnswer is a step sent as a whole answer (POST): it is read as
// leniently as a step of the sequences, but it must be a JSON object.
type stepAnswer Step

func (a *stepAnswer) UnmarshalJSON(data []byte) error {
	if _, ok := newObjectReader(data); !ok {
		return errors.New("expected a step (a JSON object)")
	}
	return (*Step)(a).UnmarshalJSON(data)
}

// AddStep creates a step with POST /sequences/{sequenceId}/steps, after the
// same checks as UpdateStep, and returns it.
func (c *Client) AddStep(ctx context.Context, sequenceID string, s NewStep) (Step, error) {
	if sequenceID == "" {
		return Step{}, fmt.Errorf("a sequence id is needed to add a step")
	}
	if s.Index != nil && !indexAccepted(int64(*s.Index)) {
		return Step{}, Violations{{Field: fieldIndex, Message: fmt.Sprintf("The position %d is not one lemlist accepts; use -1 or more.", *s.Index)}}
	}
	if err := c.check(ctx, s.StepUpdate); err != nil {
		return Step{}, err
	}
	var st stepAnswer
	if err := c.sendJSON(ctx, http.MethodPost, stepsPath(sequenceID), s, &st); err != nil {
		return Step{}, err
	}
	return Step(st), nil
}

// DeleteStep removes a step with DELETE /sequences/{sequenceId}/steps/{stepId}.
func (c *Client) DeleteStep(ctx context.Context, sequenceID, stepID string) error {
	if sequenceID == "" || stepID == "" {
		return fmt.Errorf("a sequence id and a step id are needed to delete a step")
	}
	return c.do(ctx, call{method: http.MethodDelete, path: stepPath(sequenceID, stepID)}, nil)
}

// check validates u, looking a target campaign up on lemlist. It returns the
// Violations, or the error that prevented the lookup.
func (c *Client) check(ctx context.Context, u StepUpdate) error {
	var lookupErr error
	lookup := func(id string) (Campaign, bool) {
		camp, err := c.Campaign(ctx, id)
		switch {
		case err == nil:
			return camp, true
		case StatusOf(err) == http.StatusNotFound, StatusOf(err) == http.StatusBadRequest:
			// 400 "Bad team": the campaign belongs to another team.
			return Campaign{}, false
		}
		lookupErr = err
		return Campaign{}, true
	}
	vs := u.Validate(Target{Campaigns: lookup})
	if lookupErr != nil {
		return lookupErr
	}
	if len(vs) > 0 {
		return vs
	}
	return nil
}
