package api

import (
	"errors"
	"fmt"
)

// ErrNoChange is returned by Diff when the edited step carries the
// same values as the original in every field its type may change.
var ErrNoChange = errors.New("nothing to submit: no field of this step changed")

// Diff returns the update body that turns original into edited: the
// step's type plus only the editable fields whose value differs. Values are
// read with StepValue on both steps, so a conditional step is compared on
// its first branch. Fields LockedFields names are never in the body. It
// returns ErrNoChange when nothing changed.
//
// A media list that goes from some links to none is sent as [], which clears
// it; an absent list and an empty one are the same. A delay or a yes/no that
// disappears cannot be sent (the endpoint has no way to remove them), which
// is an error rather than a silent no-op.
func Diff(original, edited Step) (StepUpdate, error) {
	if edited.Type != original.Type {
		return StepUpdate{}, fmt.Errorf("a %s step cannot become a %s step; delete it and add a new step instead", original.Type, edited.Type)
	}
	if !original.Supported() {
		return StepUpdate{}, fmt.Errorf("lemstep cannot edit a step of type %q", original.Type)
	}
	u := StepUpdate{Type: original.Type}
	for _, f := range EditableFieldsOf(original) {
		before, hadBefore := StepValue(original, f)
		after, hasAfter := StepValue(edited, f)
		if ValuesEqual(before, hadBefore, after, hasAfter) {
			continue
		}
		if !hasAfter {
			zero, ok := ClearedValue(f)
			if !ok {
				return StepUpdate{}, fmt.Errorf("the %s of a step can be changed but not removed", f)
			}
			after = zero
		}
		if !u.Set(f, after) {
			return StepUpdate{}, fmt.Errorf("%s: a value of type %T cannot be sent", f, after)
		}
	}
	if u.Empty() {
		return u, ErrNoChange
	}
	return u, nil
}
