package forms

import (
	"slices"
	"strings"
	"testing"

	"lemstep/api"
)

// The editor's result for B's message lands in B's message only; the
// file the editor got was B's message as the field shows it (as text),
// named .html like the step's; the text written back is HTML in the
// message's conventions; a result meant for the step's own form (variant
// A) never lands in B's.
func TestVariantExternalEditChangesOnlyTheFocusedField(t *testing.T) {
	script, dir := scriptedEditor(t, `cp "$1" "$(dirname "$0")/given" && printf '\n\nPS: see you at SaaStr' >> "$1"`)
	opts := testOptions(80)
	opts.Editor = script
	b := api.ABVariant{StepID: "stp_1", Subject: "Hi", Message: "<p>Hello</p>", AltMessage: "Hello"}
	f := NewVariant(b, opts)
	f.Init()
	if cmd := f.EditExternally(); cmd == nil {
		t.Fatal("ctrl+e on B's subject opens nothing")
	}
	edit, err := f.startExternalEdit(api.FieldMessage)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(edit.path, ".html") {
		t.Errorf("B's message goes to the editor as %s, want an .html file", edit.path)
	}
	f, _ = f.Update(edit.done(edit.cmd.Run()))
	if given := record(t, dir, "given"); given != "Hello" {
		t.Errorf("the editor was given %q, want the message's text", given)
	}
	if mode := record(t, dir, "mode"); mode != "600" {
		t.Errorf("the editor's file has mode %s, want 600", mode)
	}
	u, err := f.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Fields(); !slices.Equal(got, []api.Field{api.FieldMessage}) {
		t.Fatalf("the editor changed %v, want only the message", got)
	}
	if *u.Message != "<p>Hello</p><p>PS: see you at SaaStr</p>" {
		t.Fatalf("B's message = %q", *u.Message)
	}
	if !strings.Contains(f.View(), "PS: see you at SaaStr") {
		t.Errorf("the field does not show the editor's text:\n%s", f.View())
	}

	f, _ = f.Update(externalEditMsg{step: "stp_1", field: api.FieldSubject, sent: "Hi", text: "A's subject"})
	if f.Edited().Subject != "Hi" {
		t.Fatalf("a result for the step's own form changed B's subject to %q", f.Edited().Subject)
	}
}

// An editor that cannot start leaves the field and says why; the
// plain-text switch is no text to open.
func TestVariantExternalEditOnASwitchOrWithoutEditor(t *testing.T) {
	opts := testOptions(80)
	opts.Editor = "/nonexistent/editor"
	f := NewVariant(api.ABVariant{StepID: "stp_1", Subject: "Hi"}, opts)
	f.Init()
	cmd := f.EditExternally()
	if cmd == nil {
		t.Fatal("ctrl+e on the subject did nothing")
	}
	f, _ = f.Update(cmd())
	if f.ExternalEditError() == nil || f.Edited().Subject != "Hi" {
		t.Fatalf("a missing editor: error %v, subject %q", f.ExternalEditError(), f.Edited().Subject)
	}
	if _, ok := f.texts[api.FieldPlainText]; ok {
		t.Fatal("ctrl+e would open the plain-text switch in an editor")
	}
}
