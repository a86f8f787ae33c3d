package draft

import (
	"errors"

	"lemstep/api"
)

// variantMark ends the key of a draft of variant B. lemlist's ids never
// hold a '+', so B's draft never takes the name of a step's.
const variantMark = "+B"

// VariantKey is what the draft of variant B of stepID is kept under: a
// name of its own beside the step's draft, locked and listed like one.
func VariantKey(stepID string) string { return stepID + variantMark }

// VariantEdit is an unsent edit of variant B: B as it was when editing
// began (the base of the conflict check) and with every edit applied.
type VariantEdit struct {
	Loaded api.ABVariant `json:"loaded"`
	Edited api.ABVariant `json:"edited"`
}

// Key is what the draft is kept under: the step's id, or VariantKey of it
// for a draft of variant B.
func (d Draft) Key() string {
	if d.Variant != nil {
		return VariantKey(d.StepID())
	}
	return d.StepID()
}

// Changed reports whether the draft holds an edit lemlist does not have
// from the step (or B) as loaded.
func (d Draft) Changed() bool {
	if d.Variant != nil {
		_, err := api.DiffVariant(d.Variant.Loaded, d.Variant.Edited)
		return !errors.Is(err, api.ErrNoChange)
	}
	_, err := api.Diff(d.Loaded, d.Edited)
	return !errors.Is(err, api.ErrNoChange)
}

// Clone copies d so that changing the copy leaves d alone.
func (d Draft) Clone() Draft {
	d.Loaded, d.Edited = api.CloneStep(d.Loaded), api.CloneStep(d.Edited)
	if d.Variant != nil {
		v := VariantEdit{Loaded: d.Variant.Loaded.Clone(), Edited: d.Variant.Edited.Clone()}
		d.Variant = &v
	}
	return d
}
