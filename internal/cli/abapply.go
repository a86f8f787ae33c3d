package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// variantEntry is what an apply entry with `variant: b` holds: the body of
// PATCH …/ab-test instead of a step update.
type variantEntry struct {
	on     bool
	update api.VariantUpdate
}

// parseVariantField reads an entry's `variant`, removing it from fields: ""
// or "a" is the step itself, "b" its variant B. It reports whether the entry
// is about B and notes a value that is neither.
func (e *applyEntry) parseVariantField(fields map[string]json.RawMessage) bool {
	raw, ok := fields["variant"]
	if !ok {
		return false
	}
	delete(fields, "variant")
	var s string
	v, known := api.Variant(""), false
	if json.Unmarshal(raw, &s) == nil {
		v, known = api.ParseVariant(s)
	}
	if !known {
		e.problems = append(e.problems, e.label()+": variant must be \"a\" (the step) or \"b\" (variant B of its A/B test)")
		return false
	}
	return v == api.VariantB
}

// parseVariantBody reads the body of an entry about variant B with the
// rules of PATCH …/ab-test: only B's fields, no type.
func (e *applyEntry) parseVariantBody(body []byte) {
	u, vs := api.ParseVariantUpdate(body)
	e.variant = variantEntry{on: true, update: u}
	for _, v := range vs {
		msg := v.Message
		if strings.HasPrefix(msg, "Match error: Unknown key in field ") {
			msg = fmt.Sprintf("%s is not a field of variant B, which has only subject, message, altMessage, cc and plainText", v.Field)
		}
		e.problems = append(e.problems, e.label()+": "+msg)
	}
}

// checkVariantEntry is the check of an entry about B, once its step is
// found: an email step with an A/B test, and the lint of B's texts.
func (a *app) checkVariantEntry(e *applyEntry, allowBlocking bool) []string {
	if e.loaded.Type != api.Email || !e.loaded.ABTest.Active() {
		return []string{e.label() + ": the step has no A/B test, so it has no variant B; `lemstep ab start` starts one"}
	}
	return lintGate(a.io.ErrOut, e.label()+": variant B: ", e.variant.update.EmailUpdate(), allowBlocking)
}

// sendVariantEntry sends an entry about B: B is read just before, for the
// journal's earlier values, then the fields go out and are journaled.
func (a *app) sendVariantEntry(ctx context.Context, s *session, e applyEntry) error {
	before, err := s.client.ABVariant(ctx, e.sequenceID, e.stepID)
	if err != nil {
		return variantReadFailure(err, e.stepID)
	}
	if _, err := s.client.UpdateABVariant(ctx, e.sequenceID, e.stepID, e.variant.update); err != nil {
		return err
	}
	a.recordVariant(s, e.campaign, e.sequenceID, before, e.variant.update, 0)
	return nil
}

// variantResultLine is the summary line of an entry about B.
func variantResultLine(where string, e applyEntry) string {
	return fmt.Sprintf("%s (variant B of step %s: %s)", where, safetext.Clean(e.stepID), strings.Join(fieldNames(e.variant.update.Fields()), ", "))
}
