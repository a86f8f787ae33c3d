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
	return conflicts(u.Fields(), stepValues(loaded), stepValues(current), u.UpdateValue)
}

// VariantConflicts is Conflicts for an update of variant B: someone changed
// B meanwhile.
func VariantConflicts(loaded, current ABVariant, u VariantUpdate) []Conflict {
	return conflicts(u.Fields(), variantValues(loaded), variantValues(current), u.Value)
}

// valueOf reads one field's value of a step, of variant B or of an update;
// ok is false when it has none.
type valueOf func(Field) (v any, ok bool)

func stepValues(s Step) valueOf { return func(f Field) (any, bool) { return StepValue(s, f) } }

// variantValues reads B's fields as always present: each has a typed
// value ("", false, no copies) that its absence means, as lemlist reads it.
func variantValues(b ABVariant) valueOf {
	return func(f Field) (any, bool) {
		v, _ := VariantValue(b, f)
		return v, true
	}
}

// conflicts is the one conflict check, for steps and variant B alike: each
// of fields whose value moved from loaded to current, unless current
// already holds yours.
func conflicts(fields []Field, loaded, current, yours valueOf) []Conflict {
	var cs []Conflict
	for _, f := range fields {
		before, beforeOK := loaded(f)
		now, nowOK := current(f)
		if ValuesEqual(before, beforeOK, now, nowOK) {
			continue
		}
		mine, mineOK := yours(f)
		if ValuesEqual(now, nowOK, mine, mineOK) {
			continue
		}
		cs = append(cs, Conflict{Field: f, Loaded: before, Current: now, Yours: mine})
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
// that is absent equals "", a delay that is absent equals 0, and a media
// list that is absent equals an empty one, as lemlist treats them.
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
		return isEmpty(a) && isEmpty(b)
	}
	return a == b
}

// isEmpty reports an absent value, "" or a delay of 0: lemlist counts a
// step without a delay as running on day 0.
func isEmpty(v any) bool {
	switch val := v.(type) {
	case nil:
		return true
	case string:
		return val == ""
	case int:
		return val == 0
	}
	return false
}

// Previous is the update that would put back the values step has for the
// fields u changes: what undoing u means. A media list that was absent comes
// back as [], a text as "". A field that was absent and whose absence the
// endpoint cannot express (a delay, a yes/no, a choice such as delayType or
// method, a URL, a target campaign) is left out: sending it would be
// refused, and the rest of the undo with it. So is a value lemstep's own
// checks refuse (a condition key the endpoint cannot send, such as
// customLeadInfo) and a field of step that lemstep could not read.
func Previous(step Step, u StepUpdate) StepUpdate {
	prev := StepUpdate{Type: u.Type}
	locked := LockedFields(step)
	for _, f := range u.Fields() {
		if _, no := locked[f]; no && !isConditionLock(step, f) {
			continue
		}
		v, ok := StepValue(step, f)
		if !ok {
			v, ok = absentValue(u.Type, f)
		}
		if ok && sendable(u.Type, f, v) {
			prev.Set(f, v)
		}
	}
	return prev
}

// isConditionLock reports a lock on a condition's key that only stops a new
// edit: putting back the key the condition had is still a body lemlist
// takes, as long as the key is one the endpoint can send.
func isConditionLock(step Step, f Field) bool {
	if f != FieldConditionKey {
		return false
	}
	first, _ := step.Branches()
	return first != nil && len(first.Unreadable) == 0 && IsChoice(ConditionKeys, first.Key)
}

// sendable reports whether an update setting only f to v passes lemstep's
// own checks.
func sendable(t StepType, f Field, v any) bool {
	probe := StepUpdate{Type: t}
	return probe.Set(f, v) && len(probe.Validate(Target{})) == 0
}

// lockedViolations refuses the fields u sets that LockedFields names on
// loaded, with the reason for each.
func lockedViolations(loaded Step, u StepUpdate) Violations {
	locked := LockedFields(loaded)
	var vs Violations
	for _, f := range u.Fields() {
		if why, ok := locked[f]; ok {
			vs = append(vs, Violation{Field: f, Message: why})
		}
	}
	return vs
}

// ClearedValue is what an update sends for a field whose value was
// removed, when the endpoint can express that: [] for a media list, "" for
// a text; a delay or a yes/no cannot be removed.
func ClearedValue(f Field) (any, bool) {
	switch f {
	case FieldImages, FieldVideos:
		return []string{}, true
	case FieldDelay, FieldEndorseAnyFallback:
		return nil, false
	}
	return "", true
}

// absentValue is ClearedValue for field f of a t step, when lemlist would
// also accept it: "" is no delay type, method or URL.
func absentValue(t StepType, f Field) (any, bool) {
	v, ok := ClearedValue(f)
	if v != "" {
		return v, ok
	}
	probe := StepUpdate{Type: t}
	probe.Set(f, "")
	return "", len(probe.Validate(Target{})) == 0
}

// UpdateStepFrom is UpdateStep for an edit that began from loaded: the step
// is read again first, and when a field u changes no longer has the value it
// had on loaded, nothing is sent and a *ConflictError carries what lemlist
// has now. before is what undoing the update must restore: the step as it
// was just before, except for fields that already held the user's value
// (an earlier submit whose answer was lost), which keep the value the edit
// began from.
func (c *Client) UpdateStepFrom(ctx context.Context, campaignID string, loaded Step, u StepUpdate) (updated, before Step, err error) {
	if vs := lockedViolations(loaded, u); len(vs) > 0 {
		return Step{}, Step{}, vs
	}
	if err := c.check(ctx, u); err != nil {
		return Step{}, Step{}, err
	}
	current, err := c.Step(ctx, campaignID, loaded.SequenceID, loaded.ID)
	if err != nil {
		return Step{}, Step{}, err
	}
	return c.updateOver(ctx, campaignID, loaded, current, u)
}

// UpdateStepOver is UpdateStepFrom for a caller that has just read the step
// as lemlist has it now (current), with the rest of its campaign: a batch
// reads each campaign once and checks every step of it against that read,
// instead of reading the campaign again before each PATCH.
func (c *Client) UpdateStepOver(ctx context.Context, campaignID string, loaded, current Step, u StepUpdate) (updated, before Step, err error) {
	if vs := lockedViolations(loaded, u); len(vs) > 0 {
		return Step{}, Step{}, vs
	}
	if err := c.check(ctx, u); err != nil {
		return Step{}, Step{}, err
	}
	return c.updateOver(ctx, campaignID, loaded, current, u)
}

// updateOver sends u unless a field it changes moved between loaded and
// current.
func (c *Client) updateOver(ctx context.Context, campaignID string, loaded, current Step, u StepUpdate) (updated, before Step, err error) {
	if cs := Conflicts(loaded, current, u); len(cs) > 0 {
		return Step{}, current, &ConflictError{StepID: loaded.ID, Current: current, Conflicts: cs}
	}
	updated, err = c.patchStep(ctx, campaignID, loaded.SequenceID, loaded.ID, u)
	return updated, undoBase(loaded, current, u), err
}

// undoBase is current, with the fields u changes that moved since loaded
// (to the user's own value, as there was no conflict) set back to loaded's.
func undoBase(loaded, current Step, u StepUpdate) Step {
	moved := StepUpdate{Type: u.Type}
	for _, f := range u.Fields() {
		if !FieldEqual(loaded, current, f) {
			v, _ := u.UpdateValue(f)
			moved.Set(f, v)
		}
	}
	if moved.Empty() {
		return current
	}
	return Previous(loaded, moved).Apply(current)
}
