package mailtext

import "strings"

// The text notation (see the package comment) is written by render and
// read back by parseText; each literal character that could start a mark
// is escaped with a backslash, so copy never turns into markup.
const (
	markBold       = "**"
	markItalic     = "_"
	markLinkOpen   = "["
	markEmptyLine  = `\`  // a line of a paragraph or item that holds nothing
	markItem       = "- " // the first line of a list item
	markItemIndent = "  " // the following lines of a list item
)

// escapedInText are the characters written with a backslash in copy.
const escapedInText = `\*_[]{`

// render writes tokens (ending with kEnd, pairs set) as text.
func render(toks []token, lay layout) string {
	var b strings.Builder
	b.Grow(len(toks) + len(toks)/8)
	if lay == layoutBare {
		writeLines(&b, toks, 0, len(toks)-1, "", "", false)
		return b.String()
	}
	pending, content := 0, false
	for i := 0; toks[i].kind != kEnd; i = int(toks[i].pair) + 1 {
		closeIdx := int(toks[i].pair)
		if toks[i].kind == kParaOpen && toks[closeIdx].empty {
			pending++
			continue
		}
		if content {
			b.WriteString("\n\n")
		}
		writeNewlines(&b, pending)
		pending, content = 0, true
		if toks[i].kind == kParaOpen {
			writeLines(&b, toks, i+1, closeIdx, "", "", true)
		} else {
			writeList(&b, toks, i+1, closeIdx)
		}
	}
	if !content {
		pending--
	}
	writeNewlines(&b, pending)
	return b.String()
}

func writeNewlines(b *strings.Builder, n int) {
	for range n {
		b.WriteByte('\n')
	}
}

func writeList(b *strings.Builder, toks []token, from, to int) {
	first := true
	for i := from; i < to; i = int(toks[i].pair) + 1 {
		if !first {
			b.WriteByte('\n')
		}
		first = false
		closeIdx := int(toks[i].pair)
		if toks[closeIdx].empty {
			b.WriteString(markItem)
			continue
		}
		writeLines(b, toks, i+1, closeIdx, markItem, markItemIndent, false)
	}
}

// writeLines writes toks[from:to] as lines split at line breaks, the
// first prefixed with first and the others with rest. In a block (a
// paragraph or an item), an empty line is written as a backslash so that
// it cannot be read as the blank line between paragraphs; in a paragraph a
// line starting with "- " has its dash escaped so that it is not an item.
func writeLines(b *strings.Builder, toks []token, from, to int, first, rest string, para bool) {
	block := first != "" || para
	lineStart := true
	b.WriteString(first)
	for i := from; i < to; i++ {
		t := &toks[i]
		if t.kind == kBr {
			if lineStart && block {
				b.WriteString(markEmptyLine)
			}
			b.WriteByte('\n')
			b.WriteString(rest)
			lineStart = true
			continue
		}
		if lineStart && para && t.kind == kChar && t.r == '-' && i+1 < to && toks[i+1].kind == kChar && toks[i+1].r == ' ' {
			b.WriteString(`\-`)
			lineStart = false
			continue
		}
		lineStart = false
		writeToken(b, toks, i)
	}
	if lineStart && block && to > from {
		b.WriteString(markEmptyLine)
	}
}

func writeToken(b *strings.Builder, toks []token, i int) {
	t := &toks[i]
	switch t.kind {
	case kChar:
		if t.r < 0x80 && strings.IndexByte(escapedInText, byte(t.r)) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteRune(t.r)
	case kLiquid:
		b.WriteString(t.str)
	case kBoldOpen, kBoldClose:
		b.WriteString(markBold)
	case kItalicOpen, kItalicClose:
		b.WriteString(markItalic)
	case kLinkOpen:
		b.WriteString(markLinkOpen)
	case kLinkClose:
		b.WriteString("](")
		writeURL(b, toks[t.pair].str)
		b.WriteByte(')')
	}
}

// writeURL writes a link's address, escaping the backslash and the closing
// parenthesis outside Liquid.
func writeURL(b *strings.Builder, url string) {
	for url != "" {
		if liquidAt(url, 0) {
			n := liquidLen(url)
			if n < 0 {
				n = len(url)
			}
			b.WriteString(url[:n])
			url = url[n:]
			continue
		}
		if url[0] == '\\' || url[0] == ')' {
			b.WriteByte('\\')
		}
		b.WriteByte(url[0])
		url = url[1:]
	}
}
