package forms

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
)

// A read-only step's notices follow the width down as well as up.
func TestAReadOnlyFormNarrowsWithTheScreen(t *testing.T) {
	f := New(api.Step{ID: "stp_poke", Type: "linkedinPoke", SequenceID: "seq_main"}, testOptions(80))
	newDriver(t, f)
	f.SetWidth(100)
	f.SetWidth(40)
	for _, line := range strings.Split(f.View(), "\n") {
		if w := ansi.StringWidth(line); w > 40 {
			t.Fatalf("a line of %d columns at width 40: %q", w, line)
		}
	}
}
