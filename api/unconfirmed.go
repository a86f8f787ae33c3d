package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"lemstep/internal/safetext"
)

// readBackLimit bounds the read that checks a change whose answer was lost
// when the call itself was cancelled: the user is waiting to leave.
const readBackLimit = 10 * time.Second

// UnconfirmedError is a change lemstep cannot say was made: the request
// went out and its answer was lost (Lost: the connection failed, the call
// was cancelled or timed out), or lemlist answered with something other than
// the step. The step was read back to find out when possible: Applied says
// the read showed every value sent, Current holds what it showed.
type UnconfirmedError struct {
	Method, Path string
	Lost         bool
	// Reason says in a few words what went wrong.
	Reason string
	// Cause is the failure behind a lost answer; errors.Is reaches it (a
	// cancelled call is still context.Canceled).
	Cause error
	// Checked: the step was read back. Applied: it shows every value the
	// change sent. Unapplied lists the fields it does not.
	Checked, Applied bool
	Current          Step
	Unapplied        []Field
	// CheckErr is why the step could not be read back.
	CheckErr error
}

func (e *UnconfirmedError) Error() string {
	where := safetext.Clean(e.Method + " " + e.Path)
	reason := safetext.Clean(e.Reason)
	head := fmt.Sprintf("lemstep sent %s but its answer was lost (%s)", where, reason)
	if !e.Lost {
		head = fmt.Sprintf("lemlist answered %s with %s instead of the step", where, reason)
	}
	switch {
	case e.Applied:
		return head + "; reading the step back shows lemlist applied it."
	case e.Checked && e.Lost:
		return head + fmt.Sprintf(": lemlist may or may not have applied it. Reading the step back just after showed %s without the values sent; look at the step before sending it again.", fieldList(e.Unapplied))
	case e.Checked:
		return head + fmt.Sprintf(", and reading the step back shows %s without the values sent: the change is not confirmed. Look at the step before sending it again.", fieldList(e.Unapplied))
	case e.Lost && e.CheckErr == nil:
		return head + ": lemlist may or may not have applied it. Look at lemlist before sending it again."
	case e.Lost:
		return head + fmt.Sprintf(": lemlist may or may not have applied it, and lemstep could not read the step back to see (%s). Look at the step before sending it again.", checkWords(e.CheckErr))
	}
	return head + fmt.Sprintf(", and lemstep could not read the step back to confirm the change (%s). Look at the step before sending it again.", checkWords(e.CheckErr))
}

func (e *UnconfirmedError) Unwrap() error { return e.Cause }

func checkWords(err error) string {
	return strings.TrimSuffix(cleanWords(err.Error()), ".")
}

func fieldList(fs []Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	if len(names) == 0 {
		return "it"
	}
	return "its " + JoinAnd(names)
}

// Applied returns the step as read back when err is a change whose answer
// was lost but whose values lemlist shows: it was made, and should be
// recorded as made.
func Applied(err error) (Step, bool) {
	var ue *UnconfirmedError
	if errors.As(err, &ue) && ue.Applied {
		return ue.Current, true
	}
	return Step{}, false
}

// Unapplied lists the fields u sets whose value step does not show.
func Unapplied(step Step, u StepUpdate) []Field {
	var fs []Field
	for _, f := range u.Fields() {
		have, haveOK := StepValue(step, f)
		sent, sentOK := u.UpdateValue(f)
		if !ValuesEqual(have, haveOK, sent, sentOK) {
			fs = append(fs, f)
		}
	}
	return fs
}

// patchStep sends an update already checked and returns the step lemlist
// answers with. An answer that is not that step (`{}`, an empty body,
// another step, something unreadable) is confirmed by reading the step back
// from campaignID: only a read showing every value sent counts as success.
// A PATCH whose answer was lost is read back the same way, and stays an
// *UnconfirmedError whatever the read shows, so that the caller can say
// so; Applied tells whether it was made.
func (c *Client) patchStep(ctx context.Context, campaignID, sequenceID, stepID string, u StepUpdate) (Step, error) {
	rc, err := jsonCall(http.MethodPatch, stepPath(sequenceID, stepID), u)
	if err != nil {
		return Step{}, err
	}
	a, err := c.send(ctx, rc)
	var ue *UnconfirmedError
	var tl *TooLargeError
	switch {
	case errors.As(err, &ue):
		return Step{}, c.readBack(ctx, campaignID, sequenceID, stepID, u, ue)
	case errors.As(err, &tl) && tl.Status >= 200 && tl.Status <= 299:
		ue = &UnconfirmedError{Method: rc.method, Path: rc.path, Reason: "an answer larger than " + ByteSize(tl.Limit)}
	case err != nil:
		return Step{}, err
	case a.status < 200 || a.status > 299:
		return Step{}, c.decode(rc, a, nil)
	default:
		st, notStep, cause := c.answeredStep(rc, a, stepID)
		if notStep == "" {
			return st, nil
		}
		ue = &UnconfirmedError{Method: rc.method, Path: rc.path, Reason: notStep, Cause: cause}
	}
	if err := c.readBack(ctx, campaignID, sequenceID, stepID, u, ue); err != nil {
		return Step{}, err
	}
	return ue.Current, nil
}

// answeredStep decodes a 2xx answer to a PATCH, or says what it holds
// instead of step stepID (with the *Error that describes an answer that is
// not data).
func (c *Client) answeredStep(rc call, a answer, stepID string) (Step, string, error) {
	if len(bytes.TrimSpace(a.body)) == 0 {
		return Step{}, "an empty answer", &Error{Status: a.status, Method: rc.method, Path: rc.path, Message: "an empty answer"}
	}
	var answered stepAnswer // a step, read leniently, but an object
	if err := c.decode(rc, a, &answered); err != nil {
		return Step{}, "an answer that is not data", err
	}
	st := Step(answered)
	switch st.ID {
	case stepID:
		return st, "", nil
	case "":
		return Step{}, "an answer without a step id", nil
	}
	return Step{}, "step " + c.scrub(cleanWords(st.ID)), nil
}

// readBack reads the step a change was sent to and records on ue what it
// shows. It returns nil only when the change was confirmed for an answer
// that came back (not lost).
func (c *Client) readBack(ctx context.Context, campaignID, sequenceID, stepID string, u StepUpdate, ue *UnconfirmedError) error {
	if campaignID == "" {
		ue.CheckErr = errors.New("the campaign holding the step is not known")
		return ue
	}
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), min(c.timeout, readBackLimit))
		defer cancel()
	}
	current, err := c.Step(ctx, campaignID, sequenceID, stepID)
	if err != nil {
		ue.CheckErr = err
		return ue
	}
	ue.Checked, ue.Current = true, current
	ue.Unapplied = Unapplied(current, u)
	ue.Applied = len(ue.Unapplied) == 0
	if ue.Applied && !ue.Lost {
		return nil
	}
	return ue
}
