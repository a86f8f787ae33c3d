package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// ParseVariantUpdate decodes a PATCH …/ab-test body strictly, as lemlist's
// Meteor `check` does: a JSON object holding only variant B's fields, each
// of its JSON type. The messages are Meteor's own ("Match error: Expected
// string, got number" is the documented example), as the sandbox must answer
// them. `type` is no field of this body.
func ParseVariantUpdate(body []byte) (VariantUpdate, Violations) {
	raw, vs := decodeObject(body)
	if vs != nil {
		return VariantUpdate{}, vs
	}
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	var u VariantUpdate
	for _, name := range names {
		if msg := decodeVariantField(&u, Field(name), raw[name]); msg != "" {
			vs.add(Field(name), "Match error: %s", msg)
		}
	}
	return u, vs
}

// decodeVariantField sets field f of u from v, or says why it cannot.
func decodeVariantField(u *VariantUpdate, f Field, v json.RawMessage) string {
	if !IsVariantField(f) {
		return fmt.Sprintf("Unknown key in field %s", f)
	}
	got := jsonKind(v)
	switch f {
	case FieldCC:
		var l []string
		if got != "array" {
			return "Expected array, got " + got
		}
		if err := json.Unmarshal(v, &l); err != nil {
			return "Expected string, got " + firstNonString(v) + " in field cc"
		}
		u.Set(f, l)
	case FieldPlainText:
		var b bool
		if got != "boolean" || json.Unmarshal(v, &b) != nil {
			return "Expected boolean, got " + got
		}
		u.Set(f, b)
	default:
		var s string
		if got != "string" || json.Unmarshal(v, &s) != nil {
			return "Expected string, got " + got
		}
		u.Set(f, s)
	}
	return ""
}

// jsonKind names the JSON type of v the way Meteor's messages do.
func jsonKind(v json.RawMessage) string {
	t := bytes.TrimSpace(v)
	if len(t) == 0 {
		return "undefined"
	}
	switch t[0] {
	case '"':
		return "string"
	case '[':
		return "array"
	case '{':
		return "object"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// firstNonString names the kind of the first item of a JSON list that is not
// a string.
func firstNonString(v json.RawMessage) string {
	var items []json.RawMessage
	if json.Unmarshal(v, &items) != nil {
		return "undefined"
	}
	for _, it := range items {
		if k := jsonKind(it); k != "string" {
			return k
		}
	}
	return "string"
}
