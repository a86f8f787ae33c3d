package mailtext

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	`<p style="margin: 0 0 12px;">Hi {{firstName | default: "there"}},</p><p style="margin: 0;">Thanks,<br>Maya</p>`,
	`<ul><li><b>Time:</b> <a href="https://x.example/?a=1&amp;b={{id}}">eleven</a></li></ul><p><br></p>`,
	"Hi,<br><br>Thanks * _ [x] { &amp; &nbsp;<br/>Maya",
	"<p>\n  Hello\n</p>\n<div><em>x</em></div>\n",
	`<p><a href='{{ link | default: "a>b" }}' title="{% if a > b %}x{% endif %}">a</a></p>`,
	"<table><tr><td>x</td></tr></table>",
	"<p>a<b>b</p>",
	"",
}

// FuzzDecode: any input either declines or decodes to text that encodes
// back to the input exactly, and whose edits encode to HTML that decodes.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, html, typed string) {
		doc, ok, why := Decode(html)
		if !ok {
			if why == "" || doc.Text() != html {
				t.Fatalf("declined without a reason or with a changed text: %q", why)
			}
			return
		}
		if got := doc.Encode(doc.Text()); got != html {
			t.Fatalf("round trip\n in: %q\nout: %q", html, got)
		}
		if got := encode(doc.d.toks, parseText(doc.Text(), doc.d.layout), doc.d.style, 0); got != html {
			t.Fatalf("parse and encode\n in: %q\nout: %q\ntext: %q", html, got, doc.Text())
		}
		edited := doc.Text() + typed
		out := doc.Encode(edited)
		again, ok, why := Decode(out)
		if !ok {
			t.Fatalf("the HTML written for an edit is declined (%s): %q", why, out)
		}
		if want := render(parseText(edited, doc.d.layout), doc.d.layout); again.Text() != want && !strings.ContainsAny(html, "\t\n\r\f") {
			t.Fatalf("edit\nwant %q\n got %q\nhtml %q", want, again.Text(), out)
		}
	})
}

// FuzzEncode: whatever is typed into a lemlist-style message is written
// as HTML that decodes to the text as lemstep shows it.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "a\n\nb", "- a\n  b", `\`, "**x _y_**", "[a](b\\)c)", "{{x", "\\{\\{", "\n\n\n"} {
		f.Add(s)
	}
	docs := []Doc{}
	for _, s := range fuzzSeeds[:4] {
		doc, _, _ := Decode(s)
		docs = append(docs, doc)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, doc := range docs {
			out := doc.Encode(text)
			again, ok, why := Decode(out)
			if !ok {
				t.Fatalf("declined (%s): %q", why, out)
			}
			if want := render(parseText(text, doc.d.layout), doc.d.layout); again.Text() != want {
				t.Fatalf("want %q\n got %q\nhtml %q", want, again.Text(), out)
			}
		}
	})
}
