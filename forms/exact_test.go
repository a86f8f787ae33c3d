package forms

import (
	"errors"
	"testing"

	"lemstep/api"
)

// TestUntouchedCopyIsKeptExactly: opening and walking through the form
// alters nothing, even text the widgets cannot show as is.
func TestUntouchedCopyIsKeptExactly(t *testing.T) {
	messages := []string{
		"  leading and trailing spaces  ",
		"\n\nblank lines around\n\n\n",
		"line one\r\nline two\r\n",
		"tab\there",
		"colour \x1b[31mred\x1b[0m and a bell \x07",
	}
	for _, msg := range messages {
		step := api.Step{ID: "s", Type: api.SMS, Message: msg, Delay: intp(1)}
		d := newDriver(t, New(step, testOptions(80)))
		d.press("tab", "shift+tab", "tab")
		if got := d.form.Edited().Message; got != msg {
			t.Errorf("untouched message %q became %q", msg, got)
		}
		if _, err := d.form.Changes(); !errors.Is(err, api.ErrNoChange) {
			t.Errorf("message %q: Changes = %v, want ErrNoChange", msg, err)
		}
		if contains(d.plain(), "\x07") || contains(d.plain(), "[31m") {
			t.Errorf("the form draws the step's control sequences: %q", d.plain())
		}
	}
}

// TestTypedCopyIsSentAsWritten: spaces and blank lines the user types are
// part of the copy.
func TestTypedCopyIsSentAsWritten(t *testing.T) {
	step := api.Step{ID: "s", Type: api.SMS, Message: "", Delay: intp(1)}
	d := newDriver(t, New(step, testOptions(80)))
	d.typeText("  Hi ")
	d.press("alt+enter", "alt+enter")
	d.typeText("bye  ")
	d.press("alt+enter")
	u, err := d.form.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if want := "  Hi \n\nbye  \n"; u.Message == nil || *u.Message != want {
		t.Errorf("message sent as %q, want %q", deref(u.Message), want)
	}
}

// TestEditedCRLFCopyKeepsItsLineEndings: a message stored with CRLF is shown
// with plain line breaks and sent back with CRLF once edited.
func TestEditedCRLFCopyKeepsItsLineEndings(t *testing.T) {
	step := api.Step{ID: "s", Type: api.Phone, Message: "a\r\nb", Delay: intp(1)}
	d := newDriver(t, New(step, testOptions(80)))
	d.typeText("c")
	u, err := d.form.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\r\nbc"; *u.Message != want {
		t.Errorf("message sent as %q, want %q", *u.Message, want)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<absent>"
	}
	return *s
}
