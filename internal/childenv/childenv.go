// Package childenv builds the environment of the programs lemstep starts
// (the user's editor): the user's own, without lemstep's secrets, so a child
// process, its plugins and whatever it spawns never hold the API key.
package childenv

import "strings"

// Scrubbed returns environ (as os.Environ gives it) without the secrets.
func Scrubbed(environ []string) []string {
	out := make([]string, 0, len(environ))
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !isSecret(name) {
			out = append(out, kv)
		}
	}
	return out
}

// isSecret reports a variable a child never inherits. Names compare without
// case: Windows treats Lemlist_Api_Key and LEMLIST_API_KEY as one variable.
func isSecret(name string) bool {
	return strings.EqualFold(name, "LEMLIST_API_KEY")
}
