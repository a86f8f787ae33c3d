// Package mailtext shows an email message, stored by lemlist as HTML, as
// text a copywriter can edit, and writes the edited text back as HTML in
// the message's own conventions.
//
// The text:
//
//	Hi {{firstName}},
//
//	Thanks for the **demo** of _Acme_.
//	Here is [the deck](https://acme.example/deck.pdf).
//
//	- one
//	- two
//	  still two
//
// Paragraphs are separated by a blank line; each further empty line is an
// empty paragraph. A line break inside a paragraph is a new line; a line
// holding only a backslash is an empty line inside a paragraph. **bold**,
// _italic_ and [text](address) are the marks; a list is lines starting with
// "- ", the lines of an item after its first indented by two spaces. A
// character of copy that could start a mark (\ * _ [ ] {, and "- " at the
// start of a line of a paragraph) is written after a backslash, so copy is
// never read as markup. Liquid ({{…}} and {%…%}) is written as it is.
// Character references are shown as the characters they stand for.
//
// Decode declines a message it cannot give back byte for byte (a table,
// markup other than p, div, br, b, strong, i, em, a, ul and li, broken
// HTML); the caller edits its HTML instead and shows the reason.
package mailtext

// Doc is a decoded message: its text, and what Encode needs to write an
// edit of that text as HTML. A Doc is immutable and safe to share.
type Doc struct {
	d *doc
}

type doc struct {
	html   string
	ok     bool
	toks   []token
	layout layout
	text   string
	style  *style
}

// Decode reads a message's HTML. ok is false when the message cannot be
// edited as text and give back the same HTML; reason then says why, in
// words for the person editing ("this message has a table; editing its
// HTML"), and the Doc edits the HTML itself: Text is the HTML, Encode gives
// back what it is given.
func Decode(html string) (d Doc, ok bool, reason string) {
	if len(html) > MaxBytes {
		return declined(html), false, "this message is too long to edit as text; editing its HTML"
	}
	toks, lay, why := newDecoder(html).run()
	if why != "" {
		return declined(html), false, why + "; editing its HTML"
	}
	dd := &doc{html: html, ok: true, toks: toks, layout: lay}
	dd.text = render(toks, lay)
	dd.style = learnStyle(toks)
	return Doc{d: dd}, true, ""
}

func declined(html string) Doc { return Doc{d: &doc{html: html}} }

// Text is the message as text to edit (its HTML when declined).
func (doc Doc) Text() string {
	if doc.d == nil {
		return ""
	}
	if !doc.d.ok {
		return doc.d.html
	}
	return doc.d.text
}

// OK reports whether the message is edited as text.
func (doc Doc) OK() bool { return doc.d != nil && doc.d.ok }

// Encode writes edited text as HTML. Everything the edit kept is written
// with the message's own bytes, so Encode(Text()) is the decoded HTML
// exactly; what the edit added is written in the message's conventions
// (its paragraph tag and style, <b> or <strong>, <br> or <br/>, its
// character references). A declined Doc gives back text unchanged.
func (doc Doc) Encode(text string) string {
	if doc.d == nil {
		return text
	}
	if !doc.d.ok {
		return text
	}
	if text == doc.d.text {
		return doc.d.html
	}
	edited := parseText(text, doc.d.layout)
	return encode(doc.d.toks, edited, doc.d.style, len(doc.d.html))
}
