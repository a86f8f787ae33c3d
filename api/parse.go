package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// ParseStepUpdate decodes an Update Sequence Step body strictly: the body must
// be a JSON object, each field must have its JSON type (delay a whole number,
// images a list of strings…), and fields the endpoint does not have are
// refused. It is how the sandbox reads a PATCH and how `lemstep apply` reads
// a file, so both see the same rules as the client.
func ParseStepUpdate(body []byte) (StepUpdate, Violations) {
	raw, vs := decodeObject(body)
	if vs != nil {
		return StepUpdate{}, vs
	}
	return updateFromFields(raw)
}

// decodeObject splits a body into its fields, or says it is not an object.
func decodeObject(body []byte) (map[string]json.RawMessage, Violations) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil || raw == nil {
		return nil, Violations{{Field: "", Message: "The body must be a JSON object."}}
	}
	return raw, nil
}

// fieldIndex is the create body's position, which is not a step field.
const fieldIndex Field = "index"

// ParseNewStep decodes a Create Sequence Step body: an update body, read with
// the rules of ParseStepUpdate, plus an optional `index`. A bad index is
// reported alone, before the fields are looked at, as lemlist does.
func ParseNewStep(body []byte) (NewStep, Violations) {
	raw, vs := decodeObject(body)
	if vs != nil {
		return NewStep{}, vs
	}
	var s NewStep
	if v, ok := raw[string(fieldIndex)]; ok {
		i, ok := decodeIndex(v)
		if !ok {
			return NewStep{}, Violations{{Field: fieldIndex, Message: "The index must be a whole number, -1 or more."}}
		}
		s.Index = &i
		delete(raw, string(fieldIndex))
	}
	s.StepUpdate, vs = updateFromFields(raw)
	return s, vs
}

// decodeIndex reads a create body's `index`: a JSON number that is a whole
// number lemlist accepts and that fits an int.
func decodeIndex(v json.RawMessage) (int, bool) {
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	var n json.Number
	if err := dec.Decode(&n); err != nil {
		return 0, false
	}
	i, err := n.Int64()
	if err != nil || !indexAccepted(i) || i > 1<<31 {
		return 0, false
	}
	return int(i), true
}

// indexAccepted is lemlist's rule for where a new step may go: -1 (the end)
// or a 0-based position; past the end also appends.
func indexAccepted(i int64) bool { return i >= -1 }

func updateFromFields(raw map[string]json.RawMessage) (StepUpdate, Violations) {
	var u StepUpdate
	var vs Violations
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := decodeField(&u, Field(name), raw[name]); err != nil {
			vs.add(Field(name), "%s", err)
		}
	}
	return u, vs
}

func decodeField(u *StepUpdate, f Field, v json.RawMessage) error {
	if bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return fmt.Errorf("%s cannot be null; leave it out to keep the current value", f)
	}
	if f == FieldType {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("type must be a string")
		}
		u.Type = StepType(s)
		return nil
	}
	if p := stringField(u, f); p != nil {
		return decodeString(p, f, v)
	}
	switch f {
	case FieldDelay:
		return decodeDelay(u, v)
	case FieldImages:
		return decodeList(&u.Images, f, v)
	case FieldVideos:
		return decodeList(&u.Videos, f, v)
	case FieldEndorseAnyFallback:
		var b bool
		if err := json.Unmarshal(v, &b); err != nil {
			return fmt.Errorf("endorseAnyFallback must be true or false")
		}
		u.EndorseAnyFallback = &b
		return nil
	}
	return fmt.Errorf("%q is not a field of a sequence step", string(f))
}

// stringField returns where a string field of the body is kept, or nil when f
// is not a string field.
func stringField(u *StepUpdate, f Field) **string {
	switch f {
	case FieldSubject:
		return &u.Subject
	case FieldTitle:
		return &u.Title
	case FieldMessage:
		return &u.Message
	case FieldAltMessage:
		return &u.AltMessage
	case FieldMethod:
		return &u.Method
	case FieldURL:
		return &u.URL
	case FieldDelayType:
		return &u.DelayType
	case FieldConditionKey:
		return &u.ConditionKey
	case FieldCampaignID:
		return &u.CampaignID
	case FieldSkillName:
		return &u.SkillName
	case FieldRecordMode:
		return &u.RecordMode
	}
	return nil
}

func decodeString(dst **string, f Field, v json.RawMessage) error {
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return fmt.Errorf("%s must be text (a JSON string)", f)
	}
	*dst = &s
	return nil
}

func decodeDelay(u *StepUpdate, v json.RawMessage) error {
	literal := string(bytes.TrimSpace(v))
	if strings.HasPrefix(literal, `"`) {
		// A string holding a number ("3") is text, not a JSON number.
		return fmt.Errorf("The delay must be a whole number of days from 0 to %d, not text.", MaxDelay)
	}
	if !json.Valid([]byte(literal)) || literal == "" || (literal[0] != '-' && (literal[0] < '0' || literal[0] > '9')) {
		return fmt.Errorf("The delay must be a whole number of days from 0 to %d.", MaxDelay)
	}
	d, err := ParseDelayNumber(literal)
	if err != nil {
		return err
	}
	u.Delay = &d
	return nil
}

func decodeList(dst **[]string, f Field, v json.RawMessage) error {
	var l []string
	if err := json.Unmarshal(v, &l); err != nil {
		return fmt.Errorf("%s must be a list of URLs", f)
	}
	if l == nil {
		l = []string{}
	}
	*dst = &l
	return nil
}
