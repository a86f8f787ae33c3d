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

// TestTabsStayTabs: a tab in the copy, or in a paste, is sent as a tab (the
// widgets alone would send four spaces), and the form shows where it is.
func TestTabsStayTabs(t *testing.T) {
	step := api.Step{ID: "s", Type: api.LinkedinSend, Message: "Name:\tAna", Delay: intp(1)}
	d := newDriver(t, New(step, testOptions(80)))
	d.typeText("!")
	d.paste(" Role:\tCTO")
	u, err := d.form.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if want := "Name:\tAna! Role:\tCTO"; u.Message == nil || *u.Message != want {
		t.Errorf("message sent as %q, want %q", deref(u.Message), want)
	}
	if !contains(d.plain(), "Name:⇥Ana! Role:⇥CTO") {
		t.Errorf("the tabs are not shown:\n%s", d.plain())
	}

	email := sampleStep(api.Email)
	d = newDriver(t, New(email, testOptions(80)))
	d.paste("\tindented")
	if u, err := d.form.Changes(); err != nil || *u.Subject != email.Subject+"\tindented" {
		t.Errorf("a tab pasted in the subject became %q (%v)", deref(u.Subject), err)
	}
}

// TestPastedBlockGainsNoBlankLines: terminals paste line breaks as CRLF or
// as CR; either is one line break, not two.
func TestPastedBlockGainsNoBlankLines(t *testing.T) {
	for _, tc := range []struct{ message, paste, want string }{
		{"", "one\r\ntwo\r\nthree", "one\ntwo\nthree"},
		{"", "one\rtwo\r\rfour", "one\ntwo\n\nfour"},
		{"", "one\ntwo\n", "one\ntwo\n"},
		{"a\r\nb", "\r\nc\r\nd", "a\r\nb\r\nc\r\nd"}, // a CRLF step keeps CRLF
	} {
		step := api.Step{ID: "s", Type: api.SMS, Message: tc.message, Delay: intp(1)}
		d := newDriver(t, New(step, testOptions(80)))
		d.press("down", "down") // the end of a two-line message
		d.paste(tc.paste)
		u, err := d.form.Changes()
		if err != nil {
			t.Fatal(err)
		}
		if *u.Message != tc.want {
			t.Errorf("%q pasted after %q sent as %q, want %q", tc.paste, tc.message, *u.Message, tc.want)
		}
	}
}
