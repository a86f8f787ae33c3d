package forms

import (
	"testing"

	"lemstep/api"
)

// spotEmail stores its copy as HTML with an entity, so the text the field
// shows and the HTML the lint reads differ in every offset.
func spotEmail() api.Step {
	s := sampleStep(api.Email)
	s.Message = `<p style="margin: 0 0 12px;">Hi {{fristName}}, we recieve &amp; reply.</p><p>We recieve more.</p>`
	return s
}

func TestSpotFindsTheLintsPlaceInTheTextShown(t *testing.T) {
	f := New(spotEmail(), testOptions(80))
	newDriver(t, f)
	// The second "recieve" of the HTML is on the text's third line: the
	// paragraphs are separated by a blank line.
	line, col, ok := f.Spot(api.FieldMessage, "recieve", 1)
	if !ok || line != 3 || col != 4 {
		t.Fatalf("Spot = %d:%d %v, want 3:4 true", line, col, ok)
	}
	if _, _, ok := f.Spot(api.FieldMessage, "recieve", 2); ok {
		t.Fatal("a third occurrence was found in a message holding two")
	}
	if _, _, ok := f.Spot(api.FieldURL, "https", 0); ok {
		t.Fatal("an email has no URL field, yet a place was found in one")
	}
}

func TestGoToFocusesTheFieldAtThePlace(t *testing.T) {
	f := New(spotEmail(), testOptions(80))
	d := newDriver(t, f)
	d.settle(f.GoTo(api.FieldMessage, "{{fristName}}", 0))
	if f.Focused() != api.FieldMessage {
		t.Fatalf("focus is on %q, want the message", f.Focused())
	}
	// Typing lands where the variable begins.
	d.typeText("X")
	if got := f.Edited().Message; !contains(got, "Hi X{{fristName}}") {
		t.Fatalf("typed at the wrong place: %q", got)
	}
}

func TestCorrectFixesOneWordAndKeepsTheRestOfTheHTML(t *testing.T) {
	f := New(spotEmail(), testOptions(80))
	newDriver(t, f)
	if !f.Correct(api.FieldMessage, "recieve", 1, "receive") {
		t.Fatal("the second occurrence was not corrected")
	}
	want := `<p style="margin: 0 0 12px;">Hi {{fristName}}, we recieve &amp; reply.</p><p>We receive more.</p>`
	if got := f.Edited().Message; got != want {
		t.Fatalf("message after the fix:\n got %q\nwant %q", got, want)
	}
	if f.Correct(api.FieldMessage, "recieve", 1, "receive") {
		t.Fatal("a fix applied twice found a second occurrence that is gone")
	}
	if f.Edited().Message != want {
		t.Fatal("a refused fix changed the message")
	}
}

func TestTheTextShowsWholeAgainAfterTheVariableListCloses(t *testing.T) {
	s := sampleStep(api.LinkedinInvite)
	s.Message = "Hi {{firstName}}, I've been following how {{companyName}} approaches product-led growth — would love to connect and swap notes on activation."
	f := New(s, testOptions(60))
	d := newDriver(t, f)
	d.focus("message")
	d.typeText(" We recieve {{fristName}} teh notes.")
	if !f.Correct(api.FieldMessage, "recieve", 0, "receive") {
		t.Fatal("no fix")
	}
	d.settle(f.GoTo(api.FieldMessage, "teh", 0))
	d.typeText("X")
	if view := d.plain(); !contains(view, "Hi {{firstName}}") {
		t.Fatalf("the first row stayed hidden after the list of variables closed, though the text fits:\n%s", view)
	}
}
