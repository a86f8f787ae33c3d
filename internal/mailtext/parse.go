package mailtext

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// parseText reads edited text into tokens (ending with kEnd, pairs set).
// It never fails: a mark that is not closed by the end of its paragraph or
// item is read as the characters typed.
func parseText(text string, lay layout) []token {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	toks := make([]token, 0, len(text)+8)
	lines := strings.Split(text, "\n")
	if lay == layoutBare {
		toks = parseInline(toks, lines, false)
	} else {
		toks = parseBlocks(toks, lines)
	}
	toks = append(toks, token{kind: kEnd})
	setPairs(toks)
	return toks
}

// parseBlocks groups lines into paragraphs and lists. Between two blocks
// one empty line separates them and each further one is an empty
// paragraph; before the first and after the last block every empty line is
// an empty paragraph; a text of n empty lines is n empty paragraphs.
func parseBlocks(toks []token, lines []string) []token {
	emptyPara := func(toks []token, n int) []token {
		for range n {
			toks = append(toks, token{kind: kParaOpen}, token{kind: kParaClose, empty: true})
		}
		return toks
	}
	i, seen := 0, false
	for i < len(lines) {
		j := i
		for j < len(lines) && lines[j] == "" {
			j++
		}
		if empties := j - i; j == len(lines) || !seen {
			toks = emptyPara(toks, empties)
		} else {
			toks = emptyPara(toks, empties-1)
		}
		if j == len(lines) {
			break
		}
		k := j
		for k < len(lines) && lines[k] != "" {
			k++
		}
		toks = parseBlock(toks, lines[j:k])
		seen, i = true, k
	}
	return toks
}

func parseBlock(toks []token, lines []string) []token {
	if !strings.HasPrefix(lines[0], markItem) {
		toks = append(toks, token{kind: kParaOpen})
		from := len(toks)
		toks = parseInline(toks, lines, true)
		return closeBlock(toks, from, kParaClose)
	}
	toks = append(toks, token{kind: kListOpen})
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], markItem) {
			j++
		}
		item := make([]string, j-i)
		item[0] = lines[i][len(markItem):]
		for n, l := range lines[i+1 : j] {
			item[n+1] = strings.TrimPrefix(l, markItemIndent)
		}
		toks = append(toks, token{kind: kItemOpen})
		from := len(toks)
		toks = parseInline(toks, item, true)
		toks = closeBlock(toks, from, kItemClose)
		i = j
	}
	return append(toks, token{kind: kListClose})
}

// closeBlock closes a paragraph or item whose content starts at from; one
// that holds nothing, or a lone line break, is empty, as the decoder reads
// such an element.
func closeBlock(toks []token, from int, k kind) []token {
	switch {
	case len(toks) == from:
		return append(toks, token{kind: k, empty: true})
	case len(toks) == from+1 && toks[from].kind == kBr:
		return append(toks[:from], token{kind: k, empty: true})
	}
	return append(toks, token{kind: k})
}

// inlineParser reads the marks of one paragraph, item or bare message.
type inlineParser struct {
	toks  []token
	stack []int // indices of open marks
}

func parseInline(toks []token, lines []string, block bool) []token {
	p := inlineParser{toks: toks}
	for n, line := range lines {
		if n > 0 {
			p.toks = append(p.toks, token{kind: kBr})
		}
		if block && line == markEmptyLine {
			continue
		}
		p.line(line)
	}
	return p.literalUnclosed()
}

func (p *inlineParser) line(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(escapedInText+"-)", s[i+1]) >= 0:
			p.char(rune(s[i+1]))
			i += 2
		case liquidAt(s, i):
			if n := liquidLen(s[i:]); n > 0 {
				p.toks = append(p.toks, token{kind: kLiquid, str: s[i : i+n]})
				i += n
			} else {
				p.char('{')
				i++
			}
		case c == '*' && i+1 < len(s) && s[i+1] == '*':
			p.toggle(kBoldOpen, "**")
			i += 2
		case c == '_':
			p.toggle(kItalicOpen, "_")
			i++
		case c == '[' && !p.inside(kLinkOpen):
			p.open(kLinkOpen)
			i++
		case c == ']' && i+1 < len(s) && s[i+1] == '(' && p.top() == kLinkOpen:
			i = p.closeLink(s, i)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '\t' || r == '\f' {
				r = ' '
			}
			p.char(r)
			i += n
		}
	}
}

func (p *inlineParser) char(r rune) { p.toks = append(p.toks, token{kind: kChar, r: r}) }

func (p *inlineParser) top() kind {
	if len(p.stack) == 0 {
		return kEnd
	}
	return p.toks[p.stack[len(p.stack)-1]].kind
}

func (p *inlineParser) inside(k kind) bool {
	for _, i := range p.stack {
		if p.toks[i].kind == k {
			return true
		}
	}
	return false
}

func (p *inlineParser) open(k kind) {
	p.stack = append(p.stack, len(p.toks))
	p.toks = append(p.toks, token{kind: k})
}

// toggle opens a mark, or closes it when it is the innermost open one; a
// mark open further out cannot close here (the HTML would not nest), so
// the characters are copy.
func (p *inlineParser) toggle(k kind, mark string) {
	switch {
	case p.top() == k:
		p.stack = p.stack[:len(p.stack)-1]
		p.toks = append(p.toks, token{kind: closeOf(k)})
	case p.inside(k):
		for _, r := range mark {
			p.char(r)
		}
	default:
		p.open(k)
	}
}

// closeLink reads "](address)" at s[i]; without its closing parenthesis
// on the line, the bracket is copy.
func (p *inlineParser) closeLink(s string, i int) int {
	url, end, ok := scanURL(s, i+2)
	if !ok {
		p.char(']')
		return i + 1
	}
	open := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	p.toks[open].str = url
	p.toks = append(p.toks, token{kind: kLinkClose})
	return end
}

// scanURL reads an address from s[j] to its unescaped ')', Liquid whole.
func scanURL(s string, j int) (url string, end int, ok bool) {
	from, escaped := j, false
	for j < len(s) {
		switch {
		case s[j] == ')':
			if !escaped {
				return s[from:j], j + 1, true
			}
			return unescapeURL(s[from:j]), j + 1, true
		case s[j] == '\\' && j+1 < len(s) && (s[j+1] == '\\' || s[j+1] == ')'):
			escaped = true
			j += 2
		case liquidAt(s, j) && liquidLen(s[j:]) > 0:
			j += liquidLen(s[j:])
		default:
			j++
		}
	}
	return "", 0, false
}

func unescapeURL(s string) string {
	var b strings.Builder
	for j := 0; j < len(s); j++ {
		switch {
		case liquidAt(s, j) && liquidLen(s[j:]) > 0:
			n := liquidLen(s[j:])
			b.WriteString(s[j : j+n])
			j += n - 1
		case s[j] == '\\' && j+1 < len(s) && (s[j+1] == '\\' || s[j+1] == ')'):
			b.WriteByte(s[j+1])
			j++
		default:
			b.WriteByte(s[j])
		}
	}
	return b.String()
}

// literalUnclosed turns the marks still open at the end of a block into
// the characters that were typed.
func (p *inlineParser) literalUnclosed() []token {
	for n := len(p.stack) - 1; n >= 0; n-- {
		i := p.stack[n]
		var mark string
		switch p.toks[i].kind {
		case kBoldOpen:
			mark = markBold
		case kItalicOpen:
			mark = markItalic
		case kLinkOpen:
			mark = markLinkOpen
		}
		chars := make([]token, 0, len(mark))
		for _, r := range mark {
			chars = append(chars, token{kind: kChar, r: r})
		}
		p.toks = slices.Replace(p.toks, i, i+1, chars...)
	}
	p.stack = p.stack[:0]
	return p.toks
}

// setPairs links each open token with its close.
func setPairs(toks []token) {
	stack := make([]int32, 0, 8)
	for i := range toks {
		switch {
		case isOpen(toks[i].kind):
			stack = append(stack, int32(i))
		case isClose(toks[i].kind):
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			toks[o].pair, toks[i].pair = int32(i), o
		}
	}
}
