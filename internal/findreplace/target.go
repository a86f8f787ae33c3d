package findreplace

import (
	"lemstep/api"
)

// Target is what one PATCH changes: a step, or variant B of its A/B test.
type Target struct {
	Campaign api.Campaign
	// Path names the step in its campaign as the step tree does ("4",
	// "Yes · 2").
	Path string
	Step api.Step // as read
	// B is variant B as read when the target is variant B; nil for the
	// step itself.
	B *api.ABVariant
}

// Key names the target uniquely in a workspace: the step's id, and "#B"
// after it for variant B.
func (t Target) Key() string {
	if t.B != nil {
		return t.Step.ID + "#B"
	}
	return t.Step.ID
}

// Variant is api.VariantB for variant B, "" for the step itself.
func (t Target) Variant() api.Variant {
	if t.B != nil {
		return api.VariantB
	}
	return ""
}

// fields are the text fields of the target that can be changed, in the
// order a step shows them.
func (t Target) fields() []api.Field {
	var out []api.Field
	for _, f := range textFields {
		switch {
		case t.B != nil:
			if api.IsVariantField(f) {
				out = append(out, f)
			}
		case api.CanEdit(t.Step.Type, f):
			if _, locked := api.LockedFields(t.Step)[f]; !locked {
				out = append(out, f)
			}
		}
	}
	return out
}

// value is the target's text in field f.
func (t Target) value(f api.Field) string {
	if t.B != nil {
		v, _ := api.VariantValue(*t.B, f)
		s, _ := v.(string)
		return s
	}
	v, _ := api.StepValue(t.Step, f)
	s, _ := v.(string)
	return s
}

// isHTML reports whether field f holds HTML: an email's message, A's or B's.
func (t Target) isHTML(f api.Field) bool {
	return f == api.FieldMessage && t.Step.Type.IsEmail()
}

// Found is the matches of the pattern in one target, in the order of its
// fields and, in each, of position.
type Found struct {
	Target
	Matches []Match
}

// Search finds the pattern in every text field of t that the query looks in.
func (m *Matcher) Search(t Target) Found {
	return m.searchWith(&scratch{}, t)
}

func (m *Matcher) searchWith(sc *scratch, t Target) Found {
	found := Found{Target: t}
	for _, f := range t.fields() {
		if !m.wants(f) {
			continue
		}
		ms := m.findWith(sc, f, t.value(f), t.isHTML(f))
		if found.Matches == nil {
			found.Matches = ms // most steps match in one field: no copy
			continue
		}
		found.Matches = append(found.Matches, ms...)
	}
	return found
}

// SearchAll searches every target of the campaigns read, keeping those
// with a match, in the campaigns' order and each campaign's tree order.
func (m *Matcher) SearchAll(read []CampaignSteps) []Found {
	targets := 0
	for _, cs := range read {
		targets += len(cs.Targets)
	}
	// Sized once: a Found holds its step, and growing the list would copy
	// every step found so far each time.
	out := make([]Found, 0, targets)
	sc := &scratch{}
	for _, cs := range read {
		for _, t := range cs.Targets {
			if f := m.searchWith(sc, t); len(f.Matches) > 0 {
				out = append(out, f)
			}
		}
	}
	return out
}
