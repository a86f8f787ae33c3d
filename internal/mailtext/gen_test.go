package mailtext

import (
	"strings"

	"pgregory.net/rapid"
)

// The generators write lemlist-style messages: paragraphs with the
// editor's styles, lists, line breaks, bold, italic and links in their
// several spellings, Liquid in copy, in tag attributes and in addresses,
// character references, and copy holding the characters the notation uses.

var (
	paraOpens = []string{
		`<p style="margin: 0 0 12px;">`, `<p style="margin: 0;">`, `<p>`, `<div>`,
		`<p style="color: {{ brandColor | default: "#333" }};">`, `<P class='intro'>`,
	}
	emptyParas = []string{`<p style="margin: 0 0 12px;"><br></p>`, `<p></p>`, `<p style="margin: 0;"><br/></p>`}
	brs        = []string{"<br>", "<br/>", "<br />", "<BR>"}
	bolds      = [][2]string{{"<b>", "</b>"}, {"<strong>", "</strong>"}, {`<strong style="font-weight: 700;">`, "</strong>"}}
	italics    = [][2]string{{"<i>", "</i>"}, {"<em>", "</em>"}}
	linkOpens  = []string{
		`<a href="https://northwind.example/playbooks/activation">`,
		`<a href="https://cal.example/{{senderFirstName}}?lead={{ email | url_encode }}&amp;src=mail" target="_blank">`,
		`<a target="_blank" href='https://x.example/a_(b)'>`,
		`<a href="{{ calendarLink | default: "https://cal.example" }}">`,
	}
	words = []string{
		"Hi", "there", "growth", "onboarding", "week", "Q&amp;A", "Q&A", "it&#39;s", "caf&eacute;", "naïve", "—",
		"&nbsp;", "a*b", "snake_case", "[draft]", `back\slash`, "{ brace", "50%", "&lt;tag&gt;", "5 > 3", "a < b",
		"-", "\"quoted\"", "émoji 🚀", "&#x27;", "x]", "#1", "**", "__", "~",
	}
	liquids = []string{
		"{{firstName}}", `{{ firstName | default: "there" }}`, "{{companyName}}",
		"{% if companyName %}", "{% else %}", "{% endif %}", "{% if score > 3 and tier < 2 %}",
		`{{ "<b>" }}`, "{{icebreaker}}",
	}
)

// inline writes copy for a paragraph or item; depth bounds nesting and
// open lists the marks already open (HTML lemstep edits never nests a mark
// in itself).
func genInline(t *rapid.T, depth int, open string) string {
	var b strings.Builder
	n := rapid.IntRange(0, 7).Draw(t, "pieces")
	for range n {
		switch rapid.IntRange(0, 9).Draw(t, "piece") {
		case 0, 1, 2:
			b.WriteString(rapid.SampledFrom(words).Draw(t, "word"))
		case 3:
			b.WriteString(" ")
		case 4:
			b.WriteString(rapid.SampledFrom(brs).Draw(t, "br"))
		case 5:
			b.WriteString(rapid.SampledFrom(liquids).Draw(t, "liquid"))
		case 6:
			genMark(t, &b, depth, open, "b", bolds)
		case 7:
			genMark(t, &b, depth, open, "i", italics)
		case 8:
			if depth > 0 && !strings.Contains(open, "a") {
				b.WriteString(rapid.SampledFrom(linkOpens).Draw(t, "link"))
				b.WriteString(genInline(t, depth-1, open+"a"))
				b.WriteString("</a>")
			}
		case 9:
			b.WriteString(" " + rapid.SampledFrom(words).Draw(t, "word") + " ")
		}
	}
	return b.String()
}

func genMark(t *rapid.T, b *strings.Builder, depth int, open, mark string, spellings [][2]string) {
	if depth == 0 || strings.Contains(open, mark) {
		return
	}
	s := rapid.SampledFrom(spellings).Draw(t, mark)
	b.WriteString(s[0])
	b.WriteString(genInline(t, depth-1, open+mark))
	b.WriteString(s[1])
}

// genMessage is a whole message: blocks, or (one time in eight) copy with
// line breaks and no blocks, as older messages are.
func genMessage(t *rapid.T) string {
	if rapid.IntRange(0, 7).Draw(t, "bare") == 0 {
		return genInline(t, 3, "")
	}
	var b strings.Builder
	sep := rapid.SampledFrom([]string{"", "", "\n", "\n  "}).Draw(t, "sep")
	n := rapid.IntRange(1, 6).Draw(t, "blocks")
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		switch rapid.IntRange(0, 9).Draw(t, "block") {
		case 0:
			b.WriteString(rapid.SampledFrom(emptyParas).Draw(t, "empty"))
		case 1, 2:
			genList(t, &b, sep)
		default:
			open := rapid.SampledFrom(paraOpens).Draw(t, "p")
			b.WriteString(open)
			b.WriteString(genInline(t, 3, ""))
			b.WriteString("</" + tagName(open) + ">")
		}
	}
	return b.String()
}

func genList(t *rapid.T, b *strings.Builder, sep string) {
	b.WriteString(rapid.SampledFrom([]string{"<ul>", `<ul style="margin: 0 0 12px;">`}).Draw(t, "ul"))
	for range rapid.IntRange(1, 4).Draw(t, "items") {
		b.WriteString(sep)
		b.WriteString(rapid.SampledFrom([]string{"<li>", `<li style="margin-bottom: 4px;">`}).Draw(t, "li"))
		b.WriteString(genInline(t, 3, ""))
		b.WriteString("</li>")
	}
	b.WriteString(sep)
	b.WriteString("</ul>")
}

// genWords is plain copy an edit types.
func genWords(t *rapid.T, label string) string {
	ws := rapid.SliceOfN(rapid.SampledFrom([]string{
		"new", "copy", "here", "Acme", "trial", "week", "&", "<", "café", "'s", "50%",
	}), 1, 4).Draw(t, label)
	return strings.Join(ws, " ")
}
