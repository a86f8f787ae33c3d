package mailtext

import (
	"html"
	"strings"
)

// tag is one scanned HTML tag.
type tag struct {
	name        string // lower case
	closing     bool   // </name>
	selfClosing bool   // <name/>
	end         int    // index after '>'
	href        span   // the href value of an <a>, relative to the tag's start; end 0 when absent
}

// markup handles a '<': a tag lemstep knows, a tag it declines, or a
// less-than sign that starts no tag and is copy.
func (d *decoder) markup() {
	start := d.pos
	rest := d.src[start:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		d.decline("this message has an HTML comment")
		return
	case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
		d.decline("this message has a <%c…> declaration", rest[1])
		return
	}
	t, ok := scanTag(d.src, start)
	if !ok {
		if t.end < 0 {
			d.decline("this message's HTML is not well formed (a tag is never closed with >)")
			return
		}
		d.char('<', start, start+1)
		return
	}
	d.pos = t.end
	if t.closing {
		d.closeTag(t, start)
		return
	}
	d.openTag(t, start)
}

func (d *decoder) openTag(t tag, start int) {
	k, ok := openKinds[t.name]
	if !ok {
		d.decline("%s", unknownTag(t.name))
		return
	}
	if t.selfClosing && k != kBr {
		d.decline("this message has a self-closing <%s/>", t.name)
		return
	}
	switch k {
	case kParaOpen, kListOpen:
		start = d.structuralStart(start, false)
		if d.top() != kEnd || d.layout == layoutBare {
			d.decline("this message has a <%s> inside another element or after loose text", t.name)
			return
		}
		d.layout = layoutBlocks
	case kItemOpen:
		start = d.structuralStart(start, false)
		if d.top() != kListOpen {
			d.decline("this message has a list item outside a list")
			return
		}
	default:
		d.flushSpace()
		if !d.inline() || !d.inlineAllowed(k, t.name) {
			return
		}
	}
	tok := token{kind: k, src: d.src[start:t.end]}
	if k == kLinkOpen {
		if !d.link(&tok, t, start) {
			return
		}
	}
	if k != kBr {
		d.stack = append(d.stack, int32(len(d.toks)))
	}
	d.push(tok)
}

// inlineAllowed refuses formatting nested in the same formatting, which
// the text notation cannot tell apart from two separate runs.
func (d *decoder) inlineAllowed(k kind, name string) bool {
	if k == kBr {
		return true
	}
	for _, i := range d.stack {
		if d.toks[i].kind == k {
			d.decline("this message has a <%s> inside another one of its kind", name)
			return false
		}
	}
	return true
}

func (d *decoder) link(tok *token, t tag, start int) bool {
	if t.href.end == 0 {
		d.decline("this message has a link without an address")
		return false
	}
	value := d.src[start+int(t.href.start) : start+int(t.href.end)]
	if strings.ContainsAny(value, "\n\r") {
		d.decline("this message has a link address over several lines")
		return false
	}
	tok.str = decodeAttr(value)
	return true
}

func (d *decoder) closeTag(t tag, start int) {
	k, ok := openKinds[t.name]
	if !ok {
		d.decline("%s", unknownTag(t.name))
		return
	}
	if k == kBr {
		d.decline("this message has a </br>")
		return
	}
	structural := k == kParaOpen || k == kListOpen || k == kItemOpen
	if structural {
		start = d.structuralStart(start, true)
	} else {
		d.flushSpace()
	}
	if len(d.stack) == 0 {
		d.decline("this message's HTML is not well formed (</%s> closes nothing)", t.name)
		return
	}
	openIdx := d.stack[len(d.stack)-1]
	open := &d.toks[openIdx]
	if open.kind != k || tagName(open.src) != t.name {
		d.decline("this message's HTML is not well formed (<%s> is closed by </%s>)", tagName(open.src), t.name)
		return
	}
	d.stack = d.stack[:len(d.stack)-1]
	closeTok := token{kind: closeOf(k), src: d.src[start:t.end], pair: openIdx}
	switch k {
	case kListOpen:
		if d.last().kind == kListOpen {
			d.decline("this message has an empty list")
			return
		}
	case kParaOpen, kItemOpen:
		d.foldEmpty(&closeTok, openIdx, start, t.end)
	}
	open.pair = int32(len(d.toks))
	d.push(closeTok)
}

// foldEmpty marks a paragraph or item that shows nothing: no content, or
// one lone <br> (how editors keep an empty paragraph open), which becomes
// part of the closing tag's source.
func (d *decoder) foldEmpty(closeTok *token, openIdx int32, start, end int) {
	n := int32(len(d.toks))
	switch {
	case n == openIdx+1:
		closeTok.empty = true
	case n == openIdx+2 && d.toks[n-1].kind == kBr:
		// The <br>'s source ends where the closing tag's begins: whitespace
		// between them is either part of one of them or a space of copy.
		closeTok.src = d.src[start-len(d.toks[n-1].src) : end]
		closeTok.empty = true
		d.toks = d.toks[:n-1]
	}
}

// openKinds maps the tag names lemstep edits as text to their token kind.
var openKinds = map[string]kind{
	"p": kParaOpen, "div": kParaOpen, "ul": kListOpen, "li": kItemOpen, "br": kBr,
	"b": kBoldOpen, "strong": kBoldOpen, "i": kItalicOpen, "em": kItalicOpen, "a": kLinkOpen,
}

// unknownTag says, in a reader's words, what a message holds that is not
// edited as text.
func unknownTag(name string) string {
	switch name {
	case "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "col", "colgroup":
		return "this message has a table"
	case "img", "picture", "svg", "video":
		return "this message has an image"
	case "ol":
		return "this message has a numbered list"
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return "this message has a heading"
	case "hr":
		return "this message has a horizontal line"
	case "blockquote":
		return "this message has a quote block"
	case "html", "head", "body", "style", "script", "meta", "title", "link":
		return "this message is a whole HTML page"
	}
	return "this message uses <" + name + "> markup"
}

// tagName is the lower-case name of the tag in src, after any whitespace.
func tagName(src string) string {
	src = strings.TrimLeft(src, " \t\n\r\f")
	if strings.HasPrefix(src, "<br") || strings.HasPrefix(src, "<BR") {
		// A folded empty paragraph's close starts with its <br>.
		if i := strings.Index(src, "</"); i >= 0 {
			src = src[i:]
		}
	}
	src = strings.TrimPrefix(strings.TrimPrefix(src, "<"), "/")
	i := 0
	for i < len(src) && isNameByte(src[i]) {
		i++
	}
	return strings.ToLower(src[:i])
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// decodeAttr decodes the character references of an attribute value,
// leaving Liquid as written (lemlist renders Liquid before the HTML).
func decodeAttr(v string) string {
	if !strings.Contains(v, "&") {
		return v
	}
	var b strings.Builder
	for v != "" {
		i := liquidStart(v)
		if i < 0 {
			b.WriteString(html.UnescapeString(v))
			break
		}
		b.WriteString(html.UnescapeString(v[:i]))
		n := liquidLen(v[i:])
		if n < 0 {
			n = len(v) - i
		}
		b.WriteString(v[i : i+n])
		v = v[i+n:]
	}
	return b.String()
}
