package forms

import (
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/textplace"
)

// spotEmail stores its copy as HTML with a link and an entity, so the text
// the field shows and the HTML the lint reads differ in every offset, and
// the link's address comes before its label in one and after in the other.
func spotEmail() api.Step {
	s := sampleStep(api.Email)
	s.Message = `<p style="margin: 0 0 12px;">Hi {{fristName}}, we <a href="https://a.example/recieve">recieve</a> &amp; reply.</p><p>We recieve more.</p>`
	return s
}

// htmlPlace names the nth occurrence of s in the HTML, as the lint does.
func htmlPlace(t *testing.T, html, s string, nth int) Place {
	t.Helper()
	x := textplace.NewIndex(html, textplace.Tags(html))
	at := -1
	for i := 0; i <= nth; i++ {
		at += 1 + strings.Index(html[at+1:], s)
	}
	return x.Name(at, s)
}

func TestSpotsFindTheLintsPlacesInTheTextShown(t *testing.T) {
	html := spotEmail().Message
	f := New(spotEmail(), testOptions(80))
	newDriver(t, f)
	// occurrence 0 is the link's address, 1 its label, 2 the second
	// paragraph's, on the text's third line (a blank line separates them).
	spots := f.Spots(api.FieldMessage, []Place{htmlPlace(t, html, "recieve", 1), htmlPlace(t, html, "recieve", 2),
		htmlPlace(t, html, "recieve", 0), {Text: "recieve", Nth: 2}})
	want := []Spot{{Line: 1, Col: 23, OK: true}, {Line: 3, Col: 4, OK: true}, {Line: 1, Col: 50, OK: true}, {}}
	for i := range want {
		if got := spots[i]; got.Line != want[i].Line || got.Col != want[i].Col || got.OK != want[i].OK {
			t.Errorf("spot %d = %+v, want %+v", i, got, want[i])
		}
	}
	if s := f.Spots(api.FieldURL, []Place{{Text: "https"}}); s[0].OK {
		t.Fatal("an email has no URL field, yet a place was found in one")
	}
}

func TestGoToFocusesTheFieldAtThePlace(t *testing.T) {
	f := New(spotEmail(), testOptions(80))
	d := newDriver(t, f)
	d.settle(f.GoTo(api.FieldMessage, htmlPlace(t, spotEmail().Message, "{{fristName}}", 0)))
	if f.Focused() != api.FieldMessage {
		t.Fatalf("focus is on %q, want the message", f.Focused())
	}
	// Typing lands where the variable begins.
	d.typeText("X")
	if got := f.Edited().Message; !contains(got, "Hi X{{fristName}}") {
		t.Fatalf("typed at the wrong place: %q", got)
	}
}

// The fix of a misspelt link label changes the label, never the address
// that comes before it in the HTML.
func TestCorrectFixesTheCopyAndKeepsTheRestOfTheHTML(t *testing.T) {
	html := spotEmail().Message
	f := New(spotEmail(), testOptions(80))
	newDriver(t, f)
	label := htmlPlace(t, html, "recieve", 1)
	if !f.Correct(api.FieldMessage, label, "receive") {
		t.Fatal("the link's label was not corrected")
	}
	want := strings.Replace(html, ">recieve</a>", ">receive</a>", 1)
	if got := f.Edited().Message; got != want {
		t.Fatalf("message after the fix:\n got %q\nwant %q", got, want)
	}
	if f.Correct(api.FieldMessage, Place{Text: "recieve", Nth: 5}, "receive") {
		t.Fatal("a sixth occurrence was corrected in a message holding two")
	}
	now := f.Edited().Message
	if !f.Correct(api.FieldMessage, htmlPlace(t, now, "recieve", 1), "receive") {
		t.Fatal("the second paragraph's was not corrected")
	}
	if got := f.Edited().Message; !strings.Contains(got, "We receive more") || !strings.Contains(got, "a.example/recieve") {
		t.Fatalf("message after both fixes: %q", got)
	}
}

func TestTheTextShowsWholeAgainAfterTheVariableListCloses(t *testing.T) {
	s := sampleStep(api.LinkedinInvite)
	s.Message = "Hi {{firstName}}, I've been following how {{companyName}} approaches product-led growth — would love to connect and swap notes on activation."
	f := New(s, testOptions(60))
	d := newDriver(t, f)
	d.focus("message")
	d.typeText(" We recieve {{fristName}} teh notes.")
	d.typeText("X")
	if view := d.plain(); !contains(view, "Hi {{firstName}}") {
		t.Fatalf("the first row stayed hidden after the list of variables closed, though the text fits:\n%s", view)
	}
}
