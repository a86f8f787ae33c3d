package preview

import (
	"strings"
)

// tokenKind tells literal text from Liquid markup.
type tokenKind int

const (
	tokText   tokenKind = iota
	tokObject           // {{ … }}
	tokTag              // {% … %}
)

// token is one piece of a template with its byte span in the source. For
// objects and tags, Inner is the markup between the delimiters (the
// whitespace-control dashes of {{- -}} and {%- -%} removed).
type token struct {
	Kind       tokenKind
	Start, End int // byte offsets in the source; End is exclusive
	Inner      string
	Closed     bool // false when the closing delimiter is missing
}

// parsedTemplate is a template scanned once for everything a render needs
// of it: the tokens, the variables it reads and the locals it binds.
type parsedTemplate struct {
	src    string
	toks   []token
	refs   []varRef
	locals map[string]bool
}

func parseTemplate(src string) parsedTemplate {
	toks := scanTemplate(src)
	refs, locals := variableRefs(toks)
	return parsedTemplate{src: src, toks: toks, refs: refs, locals: locals}
}

// scanTemplate splits src into text, objects and tags, the way Liquid does:
// "{{" opens an object that the first "}}" closes, "{%" a tag that the first
// "%}" closes. Content between {% raw %} and {% endraw %} is text. It never
// fails: an unclosed delimiter yields a token with Closed false that runs to
// the end of the source.
func scanTemplate(src string) []token {
	var toks []token
	pos, textStart := 0, 0
	inRaw := false
	for pos < len(src) {
		open := strings.Index(src[pos:], "{")
		if open < 0 || pos+open+1 >= len(src) {
			break
		}
		at := pos + open
		kind, closeDelim := delimAt(src, at)
		if kind == tokText {
			pos = at + 1
			continue
		}
		tok := readMarkup(src, at, kind, closeDelim)
		if inRaw && !(kind == tokTag && tagName(tok.Inner) == "endraw") {
			pos = at + 2
			continue
		}
		if at > textStart {
			toks = append(toks, token{Kind: tokText, Start: textStart, End: at})
		}
		toks = append(toks, tok)
		if kind == tokTag {
			switch tagName(tok.Inner) {
			case "raw":
				inRaw = true
			case "endraw":
				inRaw = false
			}
		}
		pos, textStart = tok.End, tok.End
	}
	if textStart < len(src) {
		toks = append(toks, token{Kind: tokText, Start: textStart, End: len(src)})
	}
	return toks
}

// delimAt reports whether an object or tag opens at src[at].
func delimAt(src string, at int) (tokenKind, string) {
	switch src[at+1] {
	case '{':
		return tokObject, "}}"
	case '%':
		return tokTag, "%}"
	}
	return tokText, ""
}

func readMarkup(src string, at int, kind tokenKind, closeDelim string) token {
	body := at + 2
	end := strings.Index(src[body:], closeDelim)
	tok := token{Kind: kind, Start: at}
	if end < 0 {
		tok.End = len(src)
		tok.Inner = trimMarkup(src[body:])
		return tok
	}
	tok.End = body + end + len(closeDelim)
	tok.Inner = trimMarkup(src[body : body+end])
	tok.Closed = true
	return tok
}

// trimMarkup drops the whitespace-control dashes and surrounding spaces.
func trimMarkup(s string) string {
	s = strings.TrimPrefix(s, "-")
	s = strings.TrimSuffix(s, "-")
	return strings.TrimSpace(s)
}

// tagName is the first word of a tag's markup: "if", "endif", "assign"…
func tagName(inner string) string {
	name, _, _ := strings.Cut(inner, " ")
	name, _, _ = strings.Cut(name, "\t")
	name, _, _ = strings.Cut(name, "\n")
	return name
}

// tagArgs is a tag's markup after its name.
func tagArgs(inner string) string {
	return strings.TrimSpace(strings.TrimPrefix(inner, tagName(inner)))
}

// lineCol converts a byte offset of src to a 1-based line and a 1-based
// column counted in characters (runes).
func lineCol(src string, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	before := src[:offset]
	line = strings.Count(before, "\n") + 1
	lineStart := strings.LastIndexByte(before, '\n') + 1
	col = len([]rune(before[lineStart:])) + 1
	return line, col
}
