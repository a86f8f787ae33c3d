package api

import (
	"bytes"
	"encoding/json"
	"errors"
)

// The shapes of lemlist's GET answers are not all published (media as links
// or as objects, delays as numbers or as strings, abTest as a flag or a
// letter), so sequences, steps and conditions are read field by field: a
// field of an unexpected shape is kept raw in Unreadable, a field lemstep does
// not know is kept in Extra, and the rest of the campaign reads normally.

// wholeValue is the name under which a step, condition or sequence that is
// not a JSON object at all is kept in Unreadable.
const wholeValue = "(value)"

// errNotObject refuses a top-level answer that is not a map of sequences.
var errNotObject = errors.New("expected an object of sequences keyed by id")

// UnmarshalJSON reads the sequences map: it must be an object; each entry
// is read leniently, its id taken from the key when the entry lacks one.
func (seqs *Sequences) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(data, &entries); err != nil {
		return errNotObject
	}
	out := make(Sequences, len(entries))
	for id, raw := range entries {
		var s Sequence
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		if s.ID == "" {
			s.ID = id
		}
		out[id] = s
	}
	*seqs = out
	return nil
}

// UnmarshalJSON reads a sequence leniently.
func (s *Sequence) UnmarshalJSON(data []byte) error {
	*s = Sequence{}
	r, ok := newObjectReader(data)
	if !ok {
		s.Unreadable = map[string]json.RawMessage{wholeValue: json.RawMessage(data)}
		return nil
	}
	r.str("_id", &s.ID)
	r.whole("level", &s.Level)
	r.str("parentId", &s.ParentID)
	r.wholePtr("conditionalStepIndex", &s.ConditionalStepIndex)
	if v, ok := r.take("steps"); ok {
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			r.setAside("steps", v)
		}
		for _, item := range items {
			var st Step
			if err := json.Unmarshal(item, &st); err != nil {
				return err
			}
			s.Steps = append(s.Steps, st)
		}
	}
	s.Unreadable, s.Extra = r.odd, r.rest()
	return nil
}

// MarshalJSON writes the sequence with what could not be read as it came.
func (s Sequence) MarshalJSON() ([]byte, error) {
	type plain Sequence
	out, err := marshalPlain(plain(s))
	if err != nil {
		return nil, err
	}
	return appendFields(out, s.Extra, s.Unreadable)
}

// UnmarshalJSON reads a step field by field; it fails only on invalid JSON.
func (s *Step) UnmarshalJSON(data []byte) error {
	*s = Step{}
	r, ok := newObjectReader(data)
	if !ok {
		s.Unreadable = map[string]json.RawMessage{wholeValue: json.RawMessage(data)}
		return nil
	}
	var typ string
	r.str("_id", &s.ID)
	r.str("type", &typ)
	s.Type = StepType(typ)
	r.wholePtr("delay", &s.Delay)
	r.whole("index", &s.Index)
	r.str("sequenceId", &s.SequenceID)
	r.whole("sequenceStep", &s.SequenceStep)
	r.str("emailTemplateId", &s.EmailTemplateID)
	r.str("emailTemplateBId", &s.EmailTemplateBID)
	if v, ok := r.take("abTest"); ok && json.Unmarshal(v, &s.ABTest) != nil {
		r.setAside("abTest", v)
	}
	for name, dst := range map[string]*string{
		"subject": &s.Subject, "message": &s.Message, "altMessage": &s.AltMessage,
		"title": &s.Title, "method": &s.Method, "url": &s.URL, "campaignId": &s.CampaignID,
		"skillName": &s.SkillName, "recordMode": &s.RecordMode,
	} {
		r.str(name, dst)
	}
	r.media("images", &s.Images)
	r.media("videos", &s.Videos)
	r.flag("endorseAnyFallback", &s.EndorseAnyFallback)
	if v, ok := r.take("conditions"); ok {
		if err := readConditions(v, &s.Conditions); err != nil {
			r.setAside("conditions", v)
		}
	}
	s.Unreadable, s.Extra = r.odd, r.rest()
	return nil
}

func readConditions(v json.RawMessage, dst *[]Condition) error {
	var items []json.RawMessage
	if err := json.Unmarshal(v, &items); err != nil {
		return err
	}
	out := make([]Condition, 0, len(items))
	for _, item := range items {
		var c Condition
		if err := json.Unmarshal(item, &c); err != nil {
			return err
		}
		out = append(out, c)
	}
	*dst = out
	return nil
}

// MarshalJSON writes the step with its unread and unreadable fields as
// lemlist sent them.
func (s Step) MarshalJSON() ([]byte, error) {
	type plain Step
	out, err := marshalPlain(plain(s))
	if err != nil {
		return nil, err
	}
	return appendFields(out, s.Extra, s.Unreadable)
}

// UnmarshalJSON reads one entry of `conditions` field by field.
func (c *Condition) UnmarshalJSON(data []byte) error {
	*c = Condition{}
	r, ok := newObjectReader(data)
	if !ok {
		c.Unreadable = map[string]json.RawMessage{wholeValue: json.RawMessage(data)}
		return nil
	}
	var fallback *bool
	r.str("sequenceId", &c.SequenceID)
	r.str("label", &c.Label)
	r.str("name", &c.Name)
	r.str("key", &c.Key)
	r.wholePtr("delay", &c.Delay)
	r.str("delayType", &c.DelayType)
	r.flag("fallback", &fallback)
	c.Fallback = fallback != nil && *fallback
	r.str("scoreComparator", &c.ScoreComparator)
	r.number("scoreThreshold", &c.ScoreThreshold)
	r.str("customField", &c.CustomField)
	r.str("customOperator", &c.CustomOperator)
	r.texts("customValues", &c.CustomValues)
	c.Unreadable, c.Extra = r.odd, r.rest()
	return nil
}

// MarshalJSON writes the entry with what lemstep did not read as it came.
func (c Condition) MarshalJSON() ([]byte, error) {
	type plain Condition
	out, err := marshalPlain(plain(c))
	if err != nil {
		return nil, err
	}
	return appendFields(out, c.Extra, c.Unreadable)
}

// marshalPlain encodes v without escaping HTML: a Marshaler's output is
// escaped, or not, by the encoder that calls it, as for any other value.
func marshalPlain(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
