package mailtext

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// MaxBytes is the longest message decoded as text; a longer one is edited
// as HTML, which keeps the work done on every key bounded.
const MaxBytes = 1 << 20

// layout is how a message arranges its copy.
type layout uint8

const (
	layoutUnknown layout = iota
	layoutBare           // copy and <br> at the top level, no block elements
	layoutBlocks         // paragraphs and lists, only whitespace between them
)

// decoder reads HTML into tokens in one pass. It declines (why != "") at
// the first thing it cannot give back byte for byte.
type decoder struct {
	src    string
	pos    int
	toks   []token
	stack  []int32 // indices of the open tokens enclosing pos
	layout layout
	// pending is whitespace read but not yet placed: it becomes copy, or
	// part of the next structural tag's source, depending on what follows.
	pendStart, pendEnd int
	why                string
}

func newDecoder(src string) *decoder {
	// Copy is most of an email's bytes and a tag is one token: about one
	// token for every byte and a half.
	return &decoder{src: src, toks: make([]token, 0, len(src)*2/3+16), pendStart: -1}
}

// run decodes the whole source; it returns the tokens and the layout, or
// the reason it declined.
func (d *decoder) run() ([]token, layout, string) {
	for d.pos < len(d.src) && d.why == "" {
		c := d.src[d.pos]
		switch {
		case isSpace(c):
			d.space()
		case c == '<':
			d.markup()
		case c == '{' && d.pos+1 < len(d.src) && (d.src[d.pos+1] == '{' || d.src[d.pos+1] == '%'):
			d.liquid()
		case c == '&':
			d.entity()
		default:
			r, n := utf8.DecodeRuneInString(d.src[d.pos:])
			d.char(r, d.pos, d.pos+n)
		}
	}
	if d.why == "" {
		d.end()
	}
	return d.toks, d.layout, d.why
}

func (d *decoder) decline(format string, args ...any) {
	if d.why == "" {
		d.why = fmt.Sprintf(format, args...)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// layoutSpace is whitespace an HTML author uses to lay out source (a line
// break, a tab), as opposed to spaces that may be typed copy.
func layoutSpace(s string) bool { return strings.ContainsAny(s, "\t\n\r\f") }

func (d *decoder) top() kind {
	if len(d.stack) == 0 {
		return kEnd // the top level
	}
	return d.toks[d.stack[len(d.stack)-1]].kind
}

func (d *decoder) last() *token {
	if len(d.toks) == 0 {
		return nil
	}
	return &d.toks[len(d.toks)-1]
}

// space reads a whitespace run. Layout whitespace right after a paragraph,
// item or line break is part of that tag (browsers do not show it);
// anything else waits for what follows.
func (d *decoder) space() {
	start := d.pos
	for d.pos < len(d.src) && isSpace(d.src[d.pos]) {
		d.pos++
	}
	run := d.src[start:d.pos]
	if l := d.last(); l != nil && layoutSpace(run) && d.pendStart < 0 &&
		(l.kind == kBr || (l.kind == kParaOpen || l.kind == kItemOpen) && d.top() == l.kind) {
		l.src = d.src[start-len(l.src) : d.pos]
		return
	}
	if d.pendStart < 0 {
		d.pendStart = start
	}
	d.pendEnd = d.pos
}

// structuralStart is where a structural tag starting at pos begins its
// source: pending whitespace is taken in when it is not copy (at the top
// level of a block message, inside a list, or layout whitespace before a
// closing tag).
func (d *decoder) structuralStart(pos int, closing bool) int {
	if d.pendStart < 0 {
		return pos
	}
	top := d.top()
	run := d.src[d.pendStart:d.pendEnd]
	if top == kListOpen || (top == kEnd && d.layout != layoutBare) || (closing && layoutSpace(run)) {
		start := d.pendStart
		d.pendStart = -1
		return start
	}
	d.flushSpace()
	return pos
}

// flushSpace turns pending whitespace into copy: one space per typed
// space, one space for a run of layout whitespace.
func (d *decoder) flushSpace() {
	if d.pendStart < 0 {
		return
	}
	start, end := d.pendStart, d.pendEnd
	d.pendStart = -1
	if !d.inline() {
		return
	}
	if layoutSpace(d.src[start:end]) {
		d.push(token{kind: kChar, r: ' ', src: d.src[start:end]})
		return
	}
	for i := start; i < end; i++ {
		d.push(token{kind: kChar, r: ' ', src: d.src[i : i+1]})
	}
}

// inline checks that copy may appear here, fixing the layout of a message
// whose top level holds copy.
func (d *decoder) inline() bool {
	switch d.top() {
	case kListOpen:
		d.decline("this message has text directly inside a list")
		return false
	case kEnd:
		if d.layout == layoutBlocks {
			d.decline("this message has text or Liquid between its paragraphs")
			return false
		}
		d.layout = layoutBare
	}
	return true
}

func (d *decoder) push(t token) { d.toks = append(d.toks, t) }

func (d *decoder) char(r rune, start, end int) {
	d.flushSpace()
	d.pos = end
	if d.inline() {
		d.push(token{kind: kChar, r: r, src: d.src[start:end]})
	}
}

func (d *decoder) liquid() {
	d.flushSpace()
	n := liquidLen(d.src[d.pos:])
	if n < 0 {
		closer := "}}"
		if d.src[d.pos+1] == '%' {
			closer = "%}"
		}
		d.decline("this message has %s without a closing %s", d.src[d.pos:d.pos+2], closer)
		return
	}
	end := d.pos + n
	markup := d.src[d.pos:end]
	d.pos = end
	if strings.ContainsAny(markup, "\n\r") {
		d.decline("this message has Liquid written over several lines")
		return
	}
	if d.inline() {
		d.push(token{kind: kLiquid, str: markup, src: markup})
	}
}

// entity reads a character reference as the one character it stands for;
// an ampersand that starts none is copy.
func (d *decoder) entity() {
	start := d.pos
	end := entityEnd(d.src, start)
	if end < 0 {
		d.char('&', start, start+1)
		return
	}
	raw := d.src[start:end]
	decoded := html.UnescapeString(raw)
	r, n := utf8.DecodeRuneInString(decoded)
	if decoded == raw || n != len(decoded) {
		d.char('&', start, start+1)
		return
	}
	if r < 0x20 || r == 0x7f {
		d.pos = end
		d.decline("this message has a control character written as %s", raw)
		return
	}
	d.char(r, start, end)
}

// entityEnd is the end of the character reference at src[i] ("&amp;",
// "&#39;", "&#x27;"), or -1.
func entityEnd(src string, i int) int {
	j := i + 1
	isName := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	if j < len(src) && src[j] == '#' {
		j++
		if j < len(src) && (src[j] == 'x' || src[j] == 'X') {
			j++
		}
	}
	from := j
	for j < len(src) && j-i < 40 && isName(src[j]) {
		j++
	}
	if j == from || j >= len(src) || src[j] != ';' {
		return -1
	}
	return j + 1
}

// end closes the decoding: everything opened must be closed, and trailing
// whitespace of a block message belongs to the end.
func (d *decoder) end() {
	if len(d.stack) > 0 {
		t := d.toks[d.stack[len(d.stack)-1]]
		d.decline("this message's HTML is not well formed (<%s> is never closed)", tagName(t.src))
		return
	}
	if d.layout == layoutUnknown {
		d.layout = layoutBare // nothing but whitespace, if anything
	}
	start := d.structuralStart(len(d.src), false)
	d.push(token{kind: kEnd, src: d.src[start:]})
}
