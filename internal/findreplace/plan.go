package findreplace

import (
	"errors"

	"lemstep/api"
)

// MatchKey names one match in a workspace, so a person can turn it off.
type MatchKey struct {
	Target string // Target.Key
	Field  api.Field
	Start  int
}

// Key is the key of match i of f.
func (f Found) Key(i int) MatchKey {
	return MatchKey{Target: f.Target.Key(), Field: f.Matches[i].Field, Start: f.Matches[i].Start}
}

// Change is the replacement planned for one target: what one PATCH sends.
type Change struct {
	Target
	// Matches are every match of the target: Replaced on those the
	// replacement is written into, Skip on those it cannot be.
	Matches []Match
	// Update is the step's body (type and the fields that change) when the
	// target is the step; VariantUpdate the body of …/ab-test when it is
	// variant B. Either is empty when nothing changes.
	Update        api.StepUpdate
	VariantUpdate api.VariantUpdate
	// Edited is the step, and EditedB variant B, with the replacements.
	Edited  api.Step
	EditedB api.ABVariant
}

// Changed reports whether the change sends anything.
func (c Change) Changed() bool {
	if c.B != nil {
		return !c.VariantUpdate.Empty()
	}
	return !c.Update.Empty()
}

// Replaced is how many matches the change replaces.
func (c Change) Replaced() int {
	n := 0
	for _, mt := range c.Matches {
		if mt.Replaced {
			n++
		}
	}
	return n
}

// Plan builds the change of each target found: replacement written into
// each match that on chooses (every match when on is nil) and can be
// replaced. With a --regex query, $1 and ${name} in replacement stand for
// the match's groups. Targets that end up unchanged are kept, so their
// skipped matches can be shown.
func (m *Matcher) Plan(found []Found, replacement string, on func(MatchKey) bool) ([]Change, error) {
	out := make([]Change, 0, len(found))
	for _, f := range found {
		c, err := m.planOne(f, replacement, on)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (m *Matcher) planOne(f Found, replacement string, on func(MatchKey) bool) (Change, error) {
	c := Change{Target: f.Target, Edited: api.CloneStep(f.Step)}
	if f.B != nil {
		c.EditedB = f.B.Clone()
	}
	for _, field := range f.fields() {
		var idx []int
		for i, mt := range f.Matches {
			if mt.Field == field {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		ms := make([]Match, len(idx))
		for k, i := range idx {
			ms[k] = f.Matches[i]
		}
		choose := func(k int) bool { return on == nil || on(f.Key(idx[k])) }
		value, done := m.replaceIn(f.value(field), f.isHTML(field), ms, choose, replacement)
		for k := range done {
			done[k].Replaced = done[k].Skip == "" && choose(k)
		}
		c.Matches = append(c.Matches, done...)
		c.set(field, value)
	}
	return c, c.diff()
}

// set writes value into field f of the edited step or variant.
func (c *Change) set(f api.Field, value string) {
	if c.B != nil {
		u := api.VariantUpdate{}
		u.Set(f, value)
		c.EditedB = u.Apply(c.EditedB)
		return
	}
	u := api.StepUpdate{Type: c.Step.Type}
	u.Set(f, value)
	c.Edited = u.Apply(c.Edited)
}

// diff fills the body from the edited copy.
func (c *Change) diff() error {
	var err error
	if c.B != nil {
		c.VariantUpdate, err = api.DiffVariant(*c.B, c.EditedB)
	} else {
		c.Update, err = api.Diff(c.Step, c.Edited)
	}
	if errors.Is(err, api.ErrNoChange) {
		return nil
	}
	return err
}

// ReplacementFor is the text the replacement writes into match mt of t:
// the replacement as given, or with a --regex query its groups filled in.
func (m *Matcher) ReplacementFor(t Target, mt Match, replacement string) string {
	if mt.loc == nil {
		return replacement
	}
	return m.expand(replacement, t.value(mt.Field), mt.loc)
}
