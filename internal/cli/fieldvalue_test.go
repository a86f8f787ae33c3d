package cli

import (
	"slices"
	"testing"

	"lemstep/api"
)

// Each view of a value has its own words for an absent or empty one; these
// are the words the scripts and the journal's readers know.
func TestValueViews(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{nil, "(none)"},
		{"", "(empty)"},
		{"a\nb  c", "a b c"},
		{"Hi \x1b[31mthere", "Hi there"},
		{"\x1b[2J", ""},
		{[]string{}, "(none)"},
		{[]string{"x.png", "y\nz"}, "x.png, y z"},
		{3, "3"},
		{true, "true"},
	} {
		if got := valueText(tc.v); got != tc.want {
			t.Errorf("valueText(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestFieldLines(t *testing.T) {
	for _, tc := range []struct {
		f    api.Field
		v    any
		want []string
	}{
		{api.FieldDelay, 1, []string{"  delay: 1 day"}},
		{api.FieldDelay, 3, []string{"  delay: 3 days"}},
		{api.FieldImages, []string{}, []string{"  images: none"}},
		{api.FieldImages, []string{"a.png", ""}, []string{"  images:", "    a.png", "    "}},
		{api.FieldSubject, "Hi \x1b[31mthere", []string{"  subject: Hi there"}},
		{api.FieldMessage, "Line one  \n\nLine three\n", []string{"  message:", "    Line one", "", "    Line three"}},
		{api.FieldEndorseAnyFallback, true, []string{"  endorseAnyFallback: true"}},
	} {
		if got := fieldLines(tc.f, tc.v); !slices.Equal(got, tc.want) {
			t.Errorf("fieldLines(%s, %#v) = %q, want %q", tc.f, tc.v, got, tc.want)
		}
	}
}

func TestReviewLines(t *testing.T) {
	for _, tc := range []struct {
		f    api.Field
		v    any
		ok   bool
		want []string
	}{
		{api.FieldSubject, nil, false, []string{"  subject: (none)"}},
		{api.FieldSubject, "", false, []string{"  subject: (none)"}},
		{api.FieldSubject, "", true, []string{"  subject: (none)"}},
		{api.FieldImages, []string{}, true, []string{"  images: none"}},
		{api.FieldDelay, 0, true, []string{"  delay: 0 days"}},
		{api.FieldSubject, "Hello", true, []string{"  subject: Hello"}},
	} {
		if got := reviewLines(tc.f, tc.v, tc.ok); !slices.Equal(got, tc.want) {
			t.Errorf("reviewLines(%s, %#v, %v) = %q, want %q", tc.f, tc.v, tc.ok, got, tc.want)
		}
	}
}
