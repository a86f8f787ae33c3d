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

// mailStore is where an email's HTML is kept, as its field holds it (see
// plaintext.go): a step's binding, or variant B's message.
type mailStore interface {
	currentText() string
	setCurrent(string)
}

// mailEdit is an email message edited as text: the store keeps its HTML
// (what is sent), the field shows and types the text, and each edit of
// the text is written back as HTML in the message's own conventions (see
// internal/mailtext). It is the message field's accessor.
type mailEdit struct {
	store  mailStore
	doc    mailtext.Doc
	asText bool   // the field shows the text; else the HTML
	text   string // the text as the field holds it (see plaintext.go)
	reason string // why the message cannot be edited as text; "" when it can
}

// isEmailMessage reports a field that holds an email's HTML.
func isEmailMessage(t api.StepType, f api.Field) bool {
	return t.IsEmail() && f == api.FieldMessage
}

// newMailEdit reads the stored HTML and opens it as text when it
// round-trips exactly, is not too long to type in fast, and asHTML (the
// user's last ctrl+t) does not ask for the HTML.
func newMailEdit(store mailStore, asHTML bool) *mailEdit {
	m := &mailEdit{store: store}
	m.decode()
	m.asText = m.reason == "" && len(store.currentText()) <= maxTextModeBytes && !asHTML
	return m
}

// decode reads the stored HTML again.
func (m *mailEdit) decode() {
	doc, ok, reason := mailtext.Decode(fromWidget(m.store.currentText()))
	m.doc, m.reason = doc, reason
	if ok {
		m.text = cleanTyped(toWidget(doc.Text()), true)
	}
}

// Get is what the field shows.
func (m *mailEdit) Get() string {
	if m.asText {
		return m.text
	}
	return m.store.currentText()
}

// Set takes what the field holds; in text mode the HTML is written from it.
func (m *mailEdit) Set(v string) {
	if !m.asText {
		m.store.setCurrent(v)
		return
	}
	m.text = v
	m.store.setCurrent(displayForm(kindText, m.doc.Encode(fromWidget(v)), true))
}

// toggle switches between the text and the HTML and shows the other in
// field; it reports false when the text cannot be shown (the message does
// not round-trip: description then says why).
func (m *mailEdit) toggle(field *TextField) (switched bool) {
	if m.asText {
		m.asText, switched = false, true
	} else if m.decode(); m.reason == "" {
		m.asText, switched = true, true
	}
	if field != nil {
		field.Reload()
	}
	return switched
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
