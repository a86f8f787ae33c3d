package cli

import (
	"slices"
	"testing"

	"lemstep/api"
)

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
