package cli

import (
	"strconv"

	"lemstep/api"
)

// delayFlag is --delay: read with the api's rule for delays (decimal digits
// only), not pflag's int parsing, which takes Go's prefixes and would send
// 8 for "010" and 16 for "0x10".
type delayFlag struct{ days *int }

func (d delayFlag) String() string {
	if d.days == nil {
		return "0"
	}
	return strconv.Itoa(*d.days)
}

func (d delayFlag) Set(text string) error {
	n, err := api.ParseDelay(text)
	if err != nil {
		return err
	}
	*d.days = n
	return nil
}

func (delayFlag) Type() string { return "days" }
