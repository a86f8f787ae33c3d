package mailtext

import (
	"strings"
	"testing"
)

func TestDecodeShowsTheNotation(t *testing.T) {
	for _, tc := range []struct{ name, html, text string }{
		{"paragraphs and a line break",
			`<p style="margin: 0 0 12px;">Hi {{firstName}},</p><p style="margin: 0;">Thanks,<br>Maya</p>`,
			"Hi {{firstName}},\n\nThanks,\nMaya"},
		{"marks, nested",
			`<p><strong>bold <em>both</em></strong> <a href="https://x.example/?a=1&amp;b=2">a <b>link</b></a></p>`,
			"**bold _both_** [a **link**](https://x.example/?a=1&b=2)"},
		{"copy that looks like marks is escaped",
			`<p>5 * 3, snake_case, [draft], back\slash, { brace</p><p>- not an item</p>`,
			`5 \* 3, snake\_case, \[draft\], back\\slash, \{ brace` + "\n\n" + `\- not an item`},
		{"references show as characters",
			`<p>Q&amp;A &lt;b&gt; caf&eacute; it&#39;s&nbsp;here</p>`,
			"Q&A <b> café it's\u00a0here"},
		{"a list with a two-line item",
			`<ul><li>one</li><li>two<br>still two</li></ul>`,
			"- one\n- two\n  still two"},
		{"empty paragraphs are empty lines",
			`<p>a</p><p><br></p><p></p><p>b</p><p><br></p>`,
			"a\n\n\n\nb\n"},
		{"an empty line inside a paragraph",
			`<p>a<br><br>b<br></p>`,
			"a\n\\\nb\n\\"},
		{"Liquid with quotes and comparisons stays as written",
			`<p>{% if score > 3 %}{{ firstName | default: "there" }}{% endif %}</p>`,
			`{% if score > 3 %}{{ firstName | default: "there" }}{% endif %}`},
		{"a link address with Liquid and a parenthesis",
			`<p><a href="{{ calendarLink | default: "https://c.example/(x)" }}/a)">book</a></p>`,
			`[book]({{ calendarLink | default: "https://c.example/(x)" }}/a\))`},
		{"copy without paragraphs",
			"Hi,<br><br>Thanks<br/>Maya",
			"Hi,\n\nThanks\nMaya"},
		{"layout whitespace of hand-written HTML",
			"<p>\n  Hello\n  there<br>\n  Maya\n</p>\n<ul>\n  <li>one</li>\n</ul>\n",
			"Hello there\nMaya\n\n- one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, ok, why := Decode(tc.html)
			if !ok {
				t.Fatalf("declined: %s", why)
			}
			if doc.Text() != tc.text {
				t.Errorf("text %q, want %q", doc.Text(), tc.text)
			}
			if got := doc.Encode(tc.text); got != tc.html {
				t.Errorf("round trip %q", got)
			}
		})
	}
}

func TestDecodeDeclinesWithAReason(t *testing.T) {
	for _, tc := range []struct{ html, reason string }{
		{"<table><tr><td>x</td></tr></table>", "this message has a table; editing its HTML"},
		{`<p>Hi <img src="x.png"></p>`, "this message has an image"},
		{`<p><span style="color:red">x</span></p>`, "this message uses <span> markup"},
		{"<ol><li>a</li></ol>", "this message has a numbered list"},
		{"<p>a<!-- note --></p>", "this message has an HTML comment"},
		{"<p>Hi {{firstName</p>", "this message has {{ without a closing }}"},
		{"<p>a<b>b</p>", "not well formed (<b> is closed by </p>)"},
		{"<p>a", "not well formed (<p> is never closed)"},
		{"<p>a</p>b", "text or Liquid between its paragraphs"},
		{"<p>a</p>{% if x %}<p>b</p>{% endif %}", "text or Liquid between its paragraphs"},
		{"<p><b>a<strong>b</strong></b></p>", "a <strong> inside another one of its kind"},
		{"<p>a<p>b</p></p>", "inside another element"},
		{"<ul></ul>", "an empty list"},
		{"<ul><li>a<ul><li>b</li></ul></li></ul>", "inside another element"},
		{"<p><a name=x>a</a></p>", "a link without an address"},
		{"<p>a&#10;b</p>", "a control character written as &#10;"},
		{"<p><br", "a tag is never closed"},
		{strings.Repeat("a", MaxBytes+1), "too long"},
	} {
		doc, ok, why := Decode(tc.html)
		if ok || !strings.Contains(why, tc.reason) || !strings.HasSuffix(why, "; editing its HTML") {
			t.Errorf("%.40q: ok %v, reason %q, want %q", tc.html, ok, why, tc.reason)
		}
		if doc.OK() || doc.Text() != tc.html || doc.Encode("<p>x</p>") != "<p>x</p>" {
			t.Errorf("%.40q: a declined message must edit its HTML as it is", tc.html)
		}
	}
}

func TestEncodeUsesTheMessagesConventions(t *testing.T) {
	for _, tc := range []struct{ name, html, edit, want string }{
		{"paragraph style, <strong>, <br/>",
			`<p style="margin: 0 0 12px;">Hi<br/>there</p><p style="margin: 0;"><strong>x</strong></p>`,
			"Hi\nthere\n\nNew **bold**\nline\n\n**x**",
			`<p style="margin: 0 0 12px;">Hi<br/>there</p><p style="margin: 0 0 12px;">New <strong>bold</strong><br/>line</p><p style="margin: 0;"><strong>x</strong></p>`},
		{"<em> and a link shaped like the message's",
			`<p><em>a</em> <a href="https://a.example" target="_blank" rel="noopener">a</a></p>`,
			"_a_ [a](https://a.example) _b_ [b](https://b.example/?x=1&y=\"2\")",
			`<p><em>a</em> <a href="https://a.example" target="_blank" rel="noopener">a</a> <em>b</em> <a href="https://b.example/?x=1&amp;y=&quot;2&quot;" target="_blank" rel="noopener">b</a></p>`},
		{"character references as the message spells them",
			`<p>it&#39;s caf&eacute; Q&amp;A</p>`,
			"it's café Q&A, don't & naïve",
			`<p>it&#39;s caf&eacute; Q&amp;A, don&#39;t &amp; na&#239;ve</p>`},
		{"copy that would be markup is escaped",
			`<p>x</p>`,
			`x <b> \{\{ not liquid }} & {{firstName}}`,
			`<p>x &lt;b&gt; &#123;&#123; not liquid }} &amp; {{firstName}}</p>`},
		{"an empty paragraph as the message writes them",
			`<p>a</p><p><br></p><p>b</p>`,
			"a\n\n\nb\n\n\nc",
			`<p>a</p><p><br></p><p>b</p><p><br></p><p>c</p>`},
		{"a new list item like the others",
			"<ul>\n  <li class=\"x\">one</li>\n</ul>",
			"- one\n- two",
			"<ul>\n  <li class=\"x\">one</li>\n  <li class=\"x\">two</li>\n</ul>"},
		{"a new paragraph laid out on its own line, as the others",
			"<p>Hi,</p>\n<p>Worth a chat?</p>",
			"Hi,\n\nWorth a chat?\n\nPS: soon",
			"<p>Hi,</p>\n<p>Worth a chat?</p>\n<p>PS: soon</p>"},
		{"a new paragraph after CRLF-separated ones, and a new list",
			"<p>a</p>\r\n<p>b</p>",
			"a\n\nb\n\nc\n\n- d",
			"<p>a</p>\r\n<p>b</p>\r\n<p>c</p>\r\n<ul><li>d</li></ul>"},
		{"deleting everything leaves an empty paragraph",
			`<p style="margin: 0;">a</p>`,
			"",
			`<p style="margin: 0;"><br></p>`},
		{"copy without paragraphs stays so",
			"Hi,<br><br>Maya",
			"Hi,\n\nThanks\n\nMaya",
			"Hi,<br><br>Thanks<br><br>Maya"},
		{"a bare & kept beside new text is written as a reference",
			`<p>Q&A</p>`,
			"Q&amp;A",
			`<p>Q&amp;amp;A</p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, ok, why := Decode(tc.html)
			if !ok {
				t.Fatalf("declined: %s", why)
			}
			if got := doc.Encode(tc.edit); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestEncodeReadsUnclosedMarksAsTyped(t *testing.T) {
	doc, _, _ := Decode("<p>x</p>")
	for edit, want := range map[string]string{
		"**half":          "<p>**half</p>",
		"_half":           "<p>_half</p>",
		"[half](no end":   "<p>[half](no end</p>",
		"**a _b** c_":     "<p>**a <i>b** c</i></p>", // marks cannot cross
		"- a\n- b**\n- c": "<ul><li>a</li><li>b**</li><li>c</li></ul>",
	} {
		if got := doc.Encode(edit); got != want {
			t.Errorf("%q: got %s, want %s", edit, got, want)
		}
	}
}

func TestDecodeIsBoundedOnHostileInput(t *testing.T) {
	deep := strings.Repeat("<b><i>", 50000) + "x"
	if _, ok, _ := Decode(deep); ok {
		t.Error("nested marks decoded")
	}
	wide := strings.Repeat(`<p style="margin: 0 0 12px;">a &amp; {{b}}<br></p>`, 12000)
	doc, ok, why := Decode(wide)
	if !ok {
		t.Fatalf("a long message declined: %s", why)
	}
	// A rewrite far past the search bound is still written, fresh.
	rewritten := strings.Repeat("z\n\n", 20000)
	out := doc.Encode(rewritten)
	again, ok, _ := Decode(out)
	if !ok || again.Text() != render(parseText(rewritten, layoutBlocks), layoutBlocks) {
		t.Error("a rewrite past the alignment bound is not what was typed")
	}
}
