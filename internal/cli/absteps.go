package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// variantsByStep indexes variant-B results by step id.
func variantsByStep(results []api.ABVariantResult) map[string]api.ABVariantResult {
	m := make(map[string]api.ABVariantResult, len(results))
	for _, r := range results {
		m[r.StepID] = r
	}
	return m
}

// variantLine prints, under an A/B-tested step and lined up with its type
// (prefix is the room before it), its variant B: the winner once decided,
// and B's subject, or why B could not be read.
func (tw *treeWriter) variantLine(st api.Step, prefix string) {
	if !st.ABTest.Active() {
		return
	}
	label := "B"
	if w := st.ABTest.Winner; w != "" {
		label = fmt.Sprintf("B (decided: %s won)", safetext.Line(w))
	}
	r, ok := tw.variants[st.ID]
	text := "(not read)"
	switch {
	case ok && r.Err != nil:
		text = "(" + abNote(r.Err) + ")"
	case ok:
		text = variantExcerpt(r.Variant)
	}
	tw.printf("%s\n", strings.TrimRight(prefix+label+"  "+text, " "))
}

// variantExcerpt is B's subject, else the start of its message, on one line.
func variantExcerpt(b api.ABVariant) string {
	text := b.Subject
	if text == "" {
		text = steptext.Plain(api.Email, b.Message)
	}
	return ansi.Truncate(safetext.Line(text), excerptWidth, "…")
}

// stepWithVariant is a step as `steps --json` prints it: every field, plus
// variant B of an A/B-tested step or why it could not be read.
type stepWithVariant struct {
	api.Step
	VariantB     *api.ABVariant `json:"variantB,omitempty"`
	VariantBNote string         `json:"variantBNote,omitempty"`
}

// MarshalJSON writes the step as api.Step does (embedding would hand the
// whole value to Step's own MarshalJSON and drop the variant), then adds
// variantB or variantBNote.
func (s stepWithVariant) MarshalJSON() ([]byte, error) {
	body, err := marshalText(s.Step)
	if err != nil {
		return nil, err
	}
	var extra any
	key := ""
	switch {
	case s.VariantB != nil:
		key, extra = "variantB", s.VariantB
	case s.VariantBNote != "":
		key, extra = "variantBNote", s.VariantBNote
	default:
		return body, nil
	}
	value, err := marshalText(extra)
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSuffix(bytes.TrimSpace(body), []byte("}"))
	if !bytes.HasSuffix(body, []byte("{")) {
		body = append(body, ',')
	}
	body = append(append(append(body, `"`+key+`":`...), value...), '}')
	return body, nil
}

// sequenceWithVariants is a sequence whose steps carry variant B.
type sequenceWithVariants struct {
	api.Sequence
	Steps []stepWithVariant `json:"steps"`
}

// MarshalJSON writes the sequence as api.Sequence does, its steps with
// their variant B. A sequence without A/B-tested steps is written as is; one
// with them has its object's keys in alphabetical order, as the steps are
// put in through a map.
func (s sequenceWithVariants) MarshalJSON() ([]byte, error) {
	if !slices.ContainsFunc(s.Steps, func(st stepWithVariant) bool { return st.VariantB != nil || st.VariantBNote != "" }) {
		return marshalText(s.Sequence)
	}
	body, err := marshalText(s.Sequence)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil, err
	}
	if fields["steps"], err = marshalText(s.Steps); err != nil {
		return nil, err
	}
	return marshalText(fields)
}

// withVariants is seqs with variant B added to each A/B-tested step.
func withVariants(seqs api.Sequences, results []api.ABVariantResult) map[string]sequenceWithVariants {
	byStep := variantsByStep(results)
	out := make(map[string]sequenceWithVariants, len(seqs))
	for id, seq := range seqs {
		sv := sequenceWithVariants{Sequence: seq, Steps: make([]stepWithVariant, len(seq.Steps))}
		for i, st := range seq.Steps {
			sv.Steps[i] = stepWithVariant{Step: st}
			r, ok := byStep[st.ID]
			switch {
			case !ok:
			case r.Err != nil:
				sv.Steps[i].VariantBNote = abNote(r.Err)
			default:
				b := r.Variant
				sv.Steps[i].VariantB = &b
			}
		}
		out[id] = sv
	}
	return out
}

// marshalText is json.Marshal without escaping <, > and &, as writeJSON
// writes them: a message's HTML stays readable, and the outer encoder
// cannot undo an escape done here.
func marshalText(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(buf.Bytes()), nil
}
