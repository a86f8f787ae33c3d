package forms

import (
	"errors"
	"strings"
	"testing"

	"lemstep/api"
)

// B opened and edited back changes nothing, whatever lemlist stored: CRLF
// line endings, tabs, control characters, or a cc list the field shows
// otherwise than lemlist lists it. An edit keeps B's CRLF line endings.
func TestVariantEditedBackChangesNothing(t *testing.T) {
	b := api.ABVariant{StepID: "stp_ab", Subject: "S\x07ubject", Message: "<p>Hi there,</p>\r\n\t<p>We write.</p>",
		AltMessage: "Hi\r\nthere", CC: []string{" a@b.co", ""}}
	for _, field := range []string{"subject", "message", "altMessage"} {
		d := newDriver(t, NewVariant(b, testOptions(80)))
		d.focus(field)
		d.typeText("x")
		d.press("backspace")
		d.focus("cc")
		d.focus("plainText")
		if u, err := d.form.Changes(); !errors.Is(err, api.ErrNoChange) {
			t.Errorf("%s typed and erased: B changes %+v", field, u)
		}
	}
	d := newDriver(t, NewVariant(b, testOptions(80)))
	d.focus("altMessage")
	d.typeText("!")
	if got := d.form.Edited().AltMessage; got != "Hi\r\nthere!" && !strings.HasPrefix(got, "!") {
		t.Errorf("an edit of a CRLF text lost its line endings: %q", got)
	}
}
