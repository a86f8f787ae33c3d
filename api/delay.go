package api

import (
	"fmt"
	"strconv"
)

// maxDelayDigits bounds how long a delay may be written: more digits than
// this cannot be a delay lemlist accepts, and the bound keeps the number
// far from overflowing an int.
const maxDelayDigits = 9

// DelayError says why a delay written as text was refused; Text is what was
// written.
type DelayError struct{ Text string }

func (e *DelayError) Error() string {
	return fmt.Sprintf("The delay must be a whole number of days from 0 to %d, written in decimal digits only; %s is not.",
		MaxDelay, strconv.Quote(e.Text))
}

// ParseDelay reads a delay as a person or a file writes it: decimal digits
// only, "0" or without a leading zero. It is the one rule for every way a
// delay reaches lemstep (flags, the form, apply files, request bodies):
// Go's and YAML's number syntaxes would otherwise read "010" as 8, "0x10"
// as 16, "0b11" as 3, "1_000" as 1000 and "1e1" or "10.0" as 10, values the
// writer never meant. The range (0 to MaxDelay) is checked by Validate.
func ParseDelay(text string) (int, error) {
	if text == "" || len(text) > maxDelayDigits || (text[0] == '0' && len(text) > 1) {
		return 0, &DelayError{Text: text}
	}
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' {
			return 0, &DelayError{Text: text}
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// ParseDelayNumber reads a delay written as a number in a JSON body or a
// YAML file, from the number as written: a negative whole number is read
// too, so Validate can say the delay cannot be negative, but every other
// form (fractions, exponents, prefixes, a leading zero) is refused as
// ParseDelay refuses it.
func ParseDelayNumber(literal string) (int, error) {
	if len(literal) > 1 && literal[0] == '-' {
		n, err := ParseDelay(literal[1:])
		if err != nil || n == 0 {
			return 0, &DelayError{Text: literal}
		}
		return -n, nil
	}
	return ParseDelay(literal)
}
