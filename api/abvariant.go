package api

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"unicode/utf8"
)

// Variant names one side of an A/B test.
type Variant string

// The two variants of an A/B test: A is the step's own content, B the
// alternative lemlist sends to half the leads.
const (
	VariantA Variant = "A"
	VariantB Variant = "B"
)

// ParseVariant reads a variant letter, in either case.
func ParseVariant(s string) (Variant, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "A":
		return VariantA, true
	case "B":
		return VariantB, true
	}
	return "", false
}

// The fields only variant B has (REFERENCE §8.4).
const (
	FieldCC        Field = "cc"
	FieldPlainText Field = "plainText"
)

// variantFields is what PATCH …/ab-test may change, in the body's order. It
// is the one list the client, the sandbox, the commands and the form use.
var variantFields = []Field{FieldSubject, FieldMessage, FieldAltMessage, FieldCC, FieldPlainText}

// VariantFields returns the fields of variant B that can change.
func VariantFields() []Field { return slices.Clone(variantFields) }

// IsVariantField reports whether f is a field of variant B.
func IsVariantField(f Field) bool { return slices.Contains(variantFields, f) }

// ABVariant is variant B of an A/B-tested email step, as GET …/ab-test
// answers it.
type ABVariant struct {
	StepID           string   `json:"stepId"`
	ABTest           ABTest   `json:"abTest,omitzero"`
	EmailTemplateBID string   `json:"emailTemplateBId,omitempty"`
	Subject          string   `json:"subject"`
	Message          string   `json:"message"`
	AltMessage       string   `json:"altMessage,omitempty"`
	CC               []string `json:"cc,omitempty"`
	PlainText        bool     `json:"plainText,omitempty"`
}

// Clone copies b so that changing the copy leaves b alone.
func (b ABVariant) Clone() ABVariant {
	b.CC = slices.Clone(b.CC)
	return b
}

// VariantValue returns b's value for field f (string, []string or bool); ok
// is false when b has none.
func VariantValue(b ABVariant, f Field) (v any, ok bool) {
	switch f {
	case FieldSubject:
		return b.Subject, b.Subject != ""
	case FieldMessage:
		return b.Message, b.Message != ""
	case FieldAltMessage:
		return b.AltMessage, b.AltMessage != ""
	case FieldCC:
		return slices.Clone(b.CC), b.CC != nil
	case FieldPlainText:
		return b.PlainText, b.PlainText
	}
	return nil, false
}

// VariantUpdate is the body of PATCH …/ab-test: only the fields of variant B
// that change. A nil pointer is an absent field; CC pointing at an empty
// list clears the copies.
type VariantUpdate struct {
	Subject    *string   `json:"subject,omitempty"`
	Message    *string   `json:"message,omitempty"`
	AltMessage *string   `json:"altMessage,omitempty"`
	CC         *[]string `json:"cc,omitempty"`
	PlainText  *bool     `json:"plainText,omitempty"`
}

// EmailUpdate is u as a step update of an email, the way the checks that
// gate a send read it: B is an email.
func (u VariantUpdate) EmailUpdate() StepUpdate {
	return StepUpdate{Type: Email, Subject: u.Subject, Message: u.Message}
}

// Fields lists the fields u sets, in the body's order.
func (u VariantUpdate) Fields() []Field {
	var fs []Field
	for _, f := range variantFields {
		if _, ok := u.Value(f); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// Empty reports whether u changes nothing.
func (u VariantUpdate) Empty() bool { return len(u.Fields()) == 0 }

// Value returns what u sets field f to; ok is false when u leaves f alone.
func (u VariantUpdate) Value(f Field) (v any, ok bool) {
	switch f {
	case FieldSubject:
		return deref(u.Subject)
	case FieldMessage:
		return deref(u.Message)
	case FieldAltMessage:
		return deref(u.AltMessage)
	case FieldCC:
		if u.CC == nil {
			return nil, false
		}
		return slices.Clone(*u.CC), true
	case FieldPlainText:
		return deref(u.PlainText)
	}
	return nil, false
}

func deref[T any](p *T) (any, bool) {
	if p == nil {
		return nil, false
	}
	return *p, true
}

// Set sets field f of u to v, which must have the field's type; it reports
// whether v was accepted.
func (u *VariantUpdate) Set(f Field, v any) bool {
	switch val := v.(type) {
	case string:
		switch f {
		case FieldSubject:
			u.Subject = &val
		case FieldMessage:
			u.Message = &val
		case FieldAltMessage:
			u.AltMessage = &val
		default:
			return false
		}
	case []string:
		if f != FieldCC {
			return false
		}
		l := slices.Clone(val)
		if l == nil {
			l = []string{}
		}
		u.CC = &l
	case bool:
		if f != FieldPlainText {
			return false
		}
		u.PlainText = &val
	default:
		return false
	}
	return true
}

// Apply returns a copy of b with u's fields set.
func (u VariantUpdate) Apply(b ABVariant) ABVariant {
	out := b.Clone()
	setString(&out.Subject, u.Subject)
	setString(&out.Message, u.Message)
	setString(&out.AltMessage, u.AltMessage)
	if u.CC != nil {
		out.CC = slices.Clone(*u.CC)
		if out.CC == nil {
			out.CC = []string{}
		}
	}
	if u.PlainText != nil {
		out.PlainText = *u.PlainText
	}
	return out
}

// Validate returns every reason PATCH …/ab-test would refuse u: a subject
// over 400 characters, or a cc that is not a list of e-mail addresses.
func (u VariantUpdate) Validate() Violations {
	var vs Violations
	if u.Subject != nil {
		if n := utf8.RuneCountInString(*u.Subject); n > MaxTextLength {
			vs.add(FieldSubject, "Variant B's subject is %d characters long; lemlist allows at most %d, Liquid tags included.", n, MaxTextLength)
		}
	}
	if u.CC != nil {
		for i, addr := range *u.CC {
			if msg := CCProblem(addr); msg != "" {
				vs.add(FieldCC, "Copy %d: %s", i+1, msg)
			}
		}
	}
	return vs
}

// CCProblem explains why s is not an e-mail address a copy can go to, or
// returns "". Only a bare address is accepted ("ana@acme.com"), not a
// display name with it.
func CCProblem(s string) string {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return fmt.Sprintf("%q is not an e-mail address; write it as name@domain.com.", s)
	}
	return ""
}

// DiffVariant returns the body that turns original into edited: only the
// fields of variant B whose value differs. An empty cc list stands for no
// copies. It returns ErrNoChange when nothing changed.
func DiffVariant(original, edited ABVariant) (VariantUpdate, error) {
	var u VariantUpdate
	for _, f := range variantFields {
		if VariantFieldEqual(original, edited, f) {
			continue
		}
		v, ok := VariantValue(edited, f)
		if !ok {
			v = clearedVariantValue(f)
		}
		u.Set(f, v)
	}
	if u.Empty() {
		return u, ErrNoChange
	}
	return u, nil
}

// clearedVariantValue is what the body sends for a field of B whose value
// was removed.
func clearedVariantValue(f Field) any {
	switch f {
	case FieldCC:
		return []string{}
	case FieldPlainText:
		return false
	}
	return ""
}

// VariantFieldEqual reports whether a and b hold the same value for f,
// with the rules of FieldEqual: an absent value equals "", false or an
// empty list.
func VariantFieldEqual(a, b ABVariant, f Field) bool {
	av, aok := variantValues(a)(f)
	bv, bok := variantValues(b)(f)
	return ValuesEqual(av, aok, bv, bok)
}

// PreviousVariant is the update that puts back b's values for the fields u
// changes: what undoing u means. Every field of B can be sent empty, so
// nothing is left out.
func PreviousVariant(b ABVariant, u VariantUpdate) VariantUpdate {
	var prev VariantUpdate
	for _, f := range u.Fields() {
		v, ok := VariantValue(b, f)
		if !ok {
			v = clearedVariantValue(f)
		}
		prev.Set(f, v)
	}
	return prev
}
