package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/ui/changeview"
)

// revertPlan: every field of B the edits change, going back.
func (e *variantEditor) revertPlan() revertPlan {
	var plan revertPlan
	original := e.form.Original()
	if u, err := e.form.Changes(); err == nil {
		plan.changed = u.Fields()
		for _, f := range plan.changed {
			mine, _ := u.Value(f)
			theirs, _ := api.VariantValue(original, f)
			plan.back = append(plan.back, changeview.Change(f, mine, theirs))
		}
	}
	return plan
}

// revert puts B's fields back to lemlist's values, keeping every other
// edit and the focus where it was.
func (e *variantEditor) revert(fields []api.Field) tea.Cmd {
	focused := e.form.Focused()
	var kept api.VariantUpdate
	if u, err := e.form.Changes(); err == nil {
		for _, f := range u.Fields() {
			if !slices.Contains(fields, f) {
				v, _ := u.Value(f)
				kept.Set(f, v)
			}
		}
	}
	return e.reverted(focused, e.form.SetValues(kept.Apply(e.form.Original())))
}
