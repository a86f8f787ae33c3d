package forms

import (
	"lemstep/api"
	"lemstep/internal/mailtext"
)

// maxTextModeBytes is the longest email edited as text when the editor
// opens. Every keystroke in text mode writes the message's HTML again, in
// time that grows with the message; past this size ctrl+t still offers
// text, but the message opens as its HTML, whose keystrokes cost the same
// at any size.
const maxTextModeBytes = 64 << 10

// mailEdit is an email message edited as text: the binding keeps its HTML
// (what is sent), the field shows and types the text, and each edit of
// the text is written back as HTML in the message's own conventions (see
// internal/mailtext).
type mailEdit struct {
	doc    mailtext.Doc
	asText bool   // the field shows the text; else the HTML
	text   string // the text as the field holds it (see plaintext.go)
	reason string // why the message cannot be edited as text; "" when it can
}

// isEmailMessage reports a field that holds an email's HTML.
func isEmailMessage(t api.StepType, f api.Field) bool {
	return t.IsEmail() && f == api.FieldMessage
}

// newMailEdit reads the binding's HTML and opens it as text when it
// round-trips exactly and is not too long to type in fast.
func newMailEdit(b *binding) *mailEdit {
	m := &mailEdit{}
	m.decode(b)
	m.asText = m.reason == "" && len(b.current) <= maxTextModeBytes
	return m
}

// decode reads the binding's current HTML again.
func (m *mailEdit) decode(b *binding) {
	doc, ok, reason := mailtext.Decode(fromWidget(b.currentText()))
	m.doc, m.reason = doc, reason
	if ok {
		m.text = cleanTyped(toWidget(doc.Text()), true)
	}
}

// get is what the field shows.
func (m *mailEdit) get(b *binding) string {
	if m.asText {
		return m.text
	}
	return b.currentText()
}

// set takes what the field holds; in text mode the HTML is written from it.
func (m *mailEdit) set(b *binding, v string) {
	if !m.asText {
		b.setCurrent(v)
		return
	}
	m.text = v
	b.setCurrent(displayForm(kindText, m.doc.Encode(fromWidget(v)), true))
}

// toggle switches between the text and the HTML; it reports why the text
// cannot be shown, "" when the switch was made.
func (m *mailEdit) toggle(b *binding) string {
	if m.asText {
		m.asText = false
		return ""
	}
	m.decode(b)
	if m.reason != "" {
		return m.reason
	}
	m.asText = true
	return ""
}

// description is the help under the message's title.
func (m *mailEdit) description() string {
	switch {
	case m.asText:
		return "Text: a blank line between paragraphs, **bold**, _italic_, [link](address). ctrl+t shows the HTML."
	case m.reason != "":
		return "HTML: " + m.reason + ". Sent exactly as written."
	}
	return "HTML. Sent exactly as written; ctrl+t edits it as text."
}

// mailAccessor lets the message's TextField read and write through the
// mail edit.
type mailAccessor struct{ b *binding }

func (a mailAccessor) Get() string  { return a.b.mail.get(a.b) }
func (a mailAccessor) Set(v string) { a.b.mail.set(a.b, v) }
