package preview

import (
	"strconv"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"golang.org/x/net/html"
)

// newHTMLConverter builds the email HTML → Markdown converter: CommonMark
// output (inline styles and unknown tags dropped, <br> as hard breaks,
// links as [text](url)) with images as a short "[image: alt]" marker,
// since the preview cannot show pictures.
func newHTMLConverter() *converter.Converter {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
	))
	conv.Register.RendererFor("img", converter.TagTypeInline, renderImage, converter.PriorityEarly)
	conv.Register.RendererFor("a", converter.TagTypeInline, renderBareLink, converter.PriorityEarly)
	return conv
}

// renderImage writes "[image: alt]". Tracking pixels (1×1 images) are left
// out: the lead never sees them.
func renderImage(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if isPixel(n) {
		return converter.RenderSuccess
	}
	alt := strings.Join(strings.Fields(dom.GetAttributeOr(n, "alt", "")), " ")
	label := "[image]"
	if alt != "" {
		label = "[image: " + alt + "]"
	}
	if prev := dom.PrevSiblingNode(n); prev != nil && dom.NodeName(prev) == "img" && !isPixel(prev) {
		w.WriteString(" ")
	}
	w.WriteString(escapeMarkdown(label))
	return converter.RenderSuccess
}

func isPixel(n *html.Node) bool {
	w, h := dom.GetAttributeOr(n, "width", ""), dom.GetAttributeOr(n, "height", "")
	return (w == "0" || w == "1") && (h == "0" || h == "1")
}

// renderBareLink writes a link whose text is its own address once, as
// text: "https://cal.example" rather than the address twice. Other links
// go to the CommonMark renderer and show as text plus address.
func renderBareLink(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	href := strings.TrimSpace(dom.GetAttributeOr(n, "href", ""))
	text := strings.TrimSpace(dom.CollectText(n))
	if href == "" || (text != href && "mailto:"+text != href) {
		return converter.RenderTryNext
	}
	w.WriteString(escapeMarkdown(text))
	return converter.RenderSuccess
}

// plainMarkdown turns plain text (LinkedIn, SMS, WhatsApp, task notes) into
// Markdown that glamour renders as exactly that text: every ASCII
// punctuation character becomes a numeric character reference, so no
// "*", "_", "#", "1.", ">", "`" or "[" can turn into formatting, and no URL
// into an autolink. Blank lines and leading spaces are kept with
// non-breaking spaces, so the whole message stays one block whose line
// breaks glamour preserves.
func plainMarkdown(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var sb strings.Builder
	sb.Grow(len(text) * 2)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if strings.TrimSpace(line) == "" {
			sb.WriteString("&#160;")
			continue
		}
		sb.WriteString(escapeLine(line))
	}
	return sb.String()
}

// escapeLine escapes one line, keeping its indentation visible.
func escapeLine(line string) string {
	var sb strings.Builder
	leading := true
	for _, r := range line {
		switch {
		case leading && r == ' ':
			sb.WriteString("&#160;")
			continue
		case leading && r == '\t':
			sb.WriteString("&#160;&#160;&#160;&#160;")
			continue
		}
		leading = false
		writeEscaped(&sb, r)
	}
	return sb.String()
}

// escapeMarkdown escapes s so Markdown shows it literally.
func escapeMarkdown(s string) string {
	var sb strings.Builder
	for _, r := range s {
		writeEscaped(&sb, r)
	}
	return sb.String()
}

func writeEscaped(sb *strings.Builder, r rune) {
	if r == '\\' {
		// After decoding references glamour drops a backslash that precedes
		// punctuation, but reduces a doubled backslash to one: so a doubled
		// one shows exactly the single backslash that was written.
		sb.WriteString("&#92;&#92;")
		return
	}
	if r < 0x80 && isASCIIPunct(byte(r)) {
		sb.WriteString("&#")
		sb.WriteString(strconv.Itoa(int(r)))
		sb.WriteByte(';')
		return
	}
	sb.WriteRune(r)
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
		(c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}
