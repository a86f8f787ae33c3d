package cli

import "strings"

// isUsage recognises cobra's own usage errors (unknown flag, wrong number of
// arguments, bad flag value), which exit with code 2.
func isUsage(err error) bool {
	msg := err.Error()
	for _, s := range []string{"unknown flag", "unknown shorthand", "unknown command", "accepts ", "requires ", "invalid argument", "flag needs an argument", "required flag"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
