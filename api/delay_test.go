package api_test

import (
	"errors"
	"testing"

	"lemstep/api"
)

// Delays are decimal digits only: the forms Go and YAML read as octal, hex,
// binary, with separators, exponents or fractions are refused, not turned
// into another number of days.
func TestParseDelayDecimalDigitsOnly(t *testing.T) {
	for text, want := range map[string]int{"0": 0, "7": 7, "10": 10, "1500": 1500, "999999999": 999999999} {
		got, err := api.ParseDelay(text)
		if err != nil || got != want {
			t.Errorf("ParseDelay(%q) = %d, %v; want %d", text, got, err, want)
		}
	}
	for _, text := range []string{"", "010", "00", "0x10", "0X10", "0b11", "0o7", "1_000", "1e1", "10.0", "+5", "-1", " 5", "5 ", "١٢", "1000000000", "9999999999999999999999"} {
		n, err := api.ParseDelay(text)
		var de *api.DelayError
		if !errors.As(err, &de) || de.Text != text {
			t.Errorf("ParseDelay(%q) = %d, %v; want a DelayError quoting it", text, n, err)
		}
	}
}
