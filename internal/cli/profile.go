package cli

import (
	"regexp"
	"strings"

	"lemstep/internal/safetext"
)

// profileName is what a profile may be called: it names a table of the
// config file and goes into draft and journal records, so it stays plain.
var profileName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

// profile is the profile chosen with --profile, else $LEMLIST_PROFILE; ""
// for none.
func (a *app) profile() string {
	if a.flags.profile != "" {
		return a.flags.profile
	}
	return strings.TrimSpace(a.getenv("LEMLIST_PROFILE"))
}

// checkProfileName refuses a profile name lemstep cannot keep.
func checkProfileName(name string) error {
	if name == "" || profileName.MatchString(name) {
		return nil
	}
	return usageError("%q cannot name a profile: use letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit", safetext.Line(name))
}
