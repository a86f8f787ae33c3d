package api

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Conflict is a field an update changes whose value on lemlist is no longer
// the one the edit started from: someone else changed it meanwhile.
type Conflict struct {
	Field   Field
	Loaded  any // the value when editing began (nil when there was none)
	Current any // the value lemlist has now
	Yours   any // the value the update would send
}

// Conflicts lists the fields u changes whose value on current differs from
// the one on loaded, in the order of the body. Fields u leaves alone never
// conflict: a PATCH does not touch them. Nor does a field lemlist already
// has the user's value for (an earlier submit of the same edit got through,
// or a teammate made the same fix).
func Conflicts(loaded, current Step, u StepUpdate) []Conflict {
	var cs []Conflict
	for _, f := range u.Fields() {
		if FieldEqual(loaded, current, f) {
			continue
		}
		now, nowOK := StepValue(current, f)
		yours, yoursOK := u.UpdateValue(f)
		if ValuesEqual(now, nowOK, yours, yoursOK) {
			continue
		}
		before, _ := StepValue(loaded, f)
		cs = append(cs, Conflict{Field: f, Loaded: before, Current: now, Yours: yours})
	}
	return cs
}

// ConflictError stops an update whose fields changed on lemlist since they
// were loaded. Nothing was sent.
type ConflictError struct {
	StepID    string
	Current   Step // the step as lemlist has it now
	Conflicts []Conflict
}

func (e *ConflictError) Error() string {
	names := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		names[i] = string(c.Field)
	}
	return fmt.Sprintf("step %s changed on lemlist since it was loaded (%s); nothing was sent", e.StepID, strings.Join(names, ", "))
}

// FieldEqual reports whether steps a and b hold the same value for f. Text
// that is absent equals "", and a media list that is absent equals an empty
// one, as lemlist treats them.
func FieldEqual(a, b Step, f Field) bool {
	av, aok := StepValue(a, f)
	bv, bok := StepValue(b, f)
	return ValuesEqual(av, aok, bv, bok)
}

// ValuesEqual compares two StepValue or UpdateValue results with the rules of
// FieldEqual.
func ValuesEqual(a any, aok bool, b any, bok bool) bool {
	al, aList := a.([]string)
	bl, bList := b.([]string)
	if aList || bList || (!aok && !bok) {
		return slices.Equal(al, bl)
	}
	if aok != bok {
		return isEmptyText(a) && isEmptyText(b)
	}
	return a == b
}

func isEmptyText(v any) bool {
	s, ok := v.(string)
	return v == nil || (ok && s == "")
}

// Previous is the update that would put back the values step has for the
// fields u changes: what undoing u means. A text that was absent comes back
// as "", a media list as []. A delay or a yes/no that was absent cannot be
// sent back, and is left out.
func Previous(step Step, u StepUpdate) StepUpdate {
	prev := StepUpdate{Type: u.Type}
	for _, f := range u.Fields() {
		v, ok := StepValue(step, f)
		if !ok {
			switch f {
			case FieldDelay, FieldEndorseAnyFallback:
				continue
			case FieldImages, FieldVideos:
				v = []string{}
			default:
				v = ""
			}
		}
		prev.Set(f, v)
	}
	return prev
}

// UpdateStepFrom is UpdateStep for an edit that began from loaded: the step
// is read again first, and when a field u changes no longer has the value it
// had on loaded, nothing is sent and a *ConflictError carries what lemlist
// has now. before is the step as it was just before the update, which is
// what undoing it must restore.
func (c *Client) UpdateStepFrom(ctx context.Context, campaignID string, loaded Step, u StepUpdate) (updated, before Step, err error) {
	if err := c.check(ctx, u); err != nil {
		return Step{}, Step{}, err
	}
	current, err := c.Step(ctx, campaignID, loaded.SequenceID, loaded.ID)
	if err != nil {
		return Step{}, Step{}, err
	}
	if cs := Conflicts(loaded, current, u); len(cs) > 0 {
		return Step{}, current, &ConflictError{StepID: loaded.ID, Current: current, Conflicts: cs}
	}
	updated, err = c.patchStep(ctx, loaded.SequenceID, loaded.ID, u)
	return updated, current, err
}
