package forms

import (
	"errors"
	"strings"
	"testing"

	"lemstep/api"
)

// variantB is B of an A/B test as lemlist stores it: styled paragraphs,
// a misspelling in the second.
func variantB() api.ABVariant {
	return api.ABVariant{StepID: "stp_ab", Subject: "A 3-point teardown",
		Message: `<p style="margin: 0 0 12px;">Hi {{firstName}},</p><p style="margin: 0 0 12px;">We recieve notes.</p>`}
}

// B's message is edited as text, as a step email's is: a new paragraph
// typed after the last is sent as HTML in the message's own conventions,
// and ctrl+t shows the HTML without changing it.
func TestVariantMessageIsEditedAsText(t *testing.T) {
	d := newDriver(t, NewVariant(variantB(), testOptions(80)))
	d.focus("message")
	if view := d.plain(); strings.Contains(view, "<p style=") || !strings.Contains(view, "ctrl+t shows the HTML") {
		t.Fatalf("B's message did not open as text:\n%s", view)
	}
	d.settle(d.form.GoTo(api.FieldMessage, htmlPlace(t, variantB().Message, "notes.", 0)))
	d.repeat("right", len("notes."))
	d.press("enter", "enter")
	d.typeText("Worth a chat?")
	want := `<p style="margin: 0 0 12px;">Hi {{firstName}},</p><p style="margin: 0 0 12px;">We recieve notes.</p><p style="margin: 0 0 12px;">Worth a chat?</p>`
	if got := d.form.Edited().Message; got != want {
		t.Fatalf("B's message:\n got %q\nwant %q", got, want)
	}
	d.press("ctrl+t")
	if view := d.plain(); !strings.Contains(view, `<p style="margin: 0 0 12px;">Hi`) {
		t.Fatalf("ctrl+t does not show the HTML:\n%s", view)
	}
	d.press("ctrl+t")
	if got := d.form.Edited().Message; got != want {
		t.Fatalf("switching twice changed the message to %q", got)
	}
}

// Opening B and switching its message to HTML and back sends nothing.
func TestVariantOpenedAndSwitchedIsUnchanged(t *testing.T) {
	d := newDriver(t, NewVariant(variantB(), testOptions(80)))
	d.focus("message")
	d.press("ctrl+t", "ctrl+t")
	if _, err := d.form.Changes(); !errors.Is(err, api.ErrNoChange) {
		t.Fatalf("an untouched B has changes: %v", err)
	}
}

// The lint's places are found in B's fields as they show: Spot, GoTo and
// Correct work on B as on a step.
func TestVariantSpotGoToAndCorrect(t *testing.T) {
	d := newDriver(t, NewVariant(variantB(), testOptions(80)))
	html := variantB().Message
	if s := d.form.Spots(api.FieldMessage, []Place{htmlPlace(t, html, "recieve", 0)})[0]; !s.OK || s.Line != 3 || s.Col != 4 {
		t.Fatalf("Spot = %+v, want 3:4 (the text's third line)", s)
	}
	if !d.form.Correct(api.FieldMessage, htmlPlace(t, html, "recieve", 0), "receive") {
		t.Fatal("the misspelling was not corrected")
	}
	if got := d.form.Edited().Message; !strings.Contains(got, `<p style="margin: 0 0 12px;">We receive notes.</p>`) {
		t.Fatalf("after the fix, B's message is %q", got)
	}
	d.settle(d.form.GoTo(api.FieldMessage, htmlPlace(t, html, "{{firstName}}", 0)))
	if d.form.Focused() != api.FieldMessage || !d.form.TakesText() {
		t.Fatalf("GoTo left the focus on %q", d.form.Focused())
	}
	d.typeText("dear ")
	if got := d.form.Edited().Message; !strings.Contains(got, "Hi dear {{firstName}},") {
		t.Fatalf("typed at the wrong place: %q", got)
	}
}

// "{{" on B's subject offers the campaign's own variables with lemlist's;
// esc then closes the list (Filtering), not the editor.
func TestVariantOffersTheCampaignsVariables(t *testing.T) {
	opts := testOptions(80)
	opts.Variables = []string{"podcastEpisode"}
	d := newDriver(t, NewVariant(variantB(), opts))
	d.typeText(" {{podc")
	if !d.form.Filtering() || !strings.Contains(d.plain(), "{{podcastEpisode}}") {
		t.Fatalf("no list of variables after {{podc:\n%s", d.plain())
	}
	d.press("enter")
	if got := d.form.Edited().Subject; got != "A 3-point teardown {{podcastEpisode}}" {
		t.Fatalf("subject = %q", got)
	}
	d.typeText(" {{comp")
	d.press("esc")
	if d.form.Filtering() {
		t.Fatal("esc left the list open")
	}
}

// A refused copy is a field error the caller can show, as on a step.
func TestVariantFieldErrors(t *testing.T) {
	d := newDriver(t, NewVariant(variantB(), testOptions(80)))
	d.focus("cc")
	d.typeText("not an address")
	d.press("tab")
	vs := d.form.FieldErrors()
	if len(vs.For(api.FieldCC)) != 1 {
		t.Fatalf("FieldErrors = %v, want the copy refused", vs)
	}
}

// The message box takes the room a tall screen leaves.
func TestVariantMessageGrowsWithTheHeight(t *testing.T) {
	f := NewVariant(variantB(), testOptions(80))
	d := newDriver(t, f)
	f.SetHeight(24)
	short := strings.Count(d.plain(), "\n")
	f.SetHeight(50)
	if tall := strings.Count(d.plain(), "\n"); tall <= short+20 {
		t.Fatalf("the form takes %d lines at 50, %d at 24: the message box did not grow", tall, short)
	}
}
