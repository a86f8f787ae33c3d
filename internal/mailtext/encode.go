package mailtext

import "strings"

// emitter writes the HTML of edited tokens: the decoded bytes of each
// token align kept, the message's style for the rest.
type emitter struct {
	b      strings.Builder
	old    []token
	edited []token
	match  []int32
	st     *style
	opens  []openEmitted
}

// openEmitted is an open tag written: which decoded token it reused (or
// -1) and its tag name, which its closing tag must repeat.
type openEmitted struct {
	old  int32
	name string
}

func encode(old, edited []token, st *style, sizeHint int) string {
	e := emitter{old: old, edited: edited, match: align(old, edited), st: st}
	e.b.Grow(sizeHint + sizeHint/8)
	for j := range edited {
		e.token(j)
	}
	return e.b.String()
}

func (e *emitter) token(j int) {
	t := &e.edited[j]
	i := e.match[j]
	switch {
	case isOpen(t.kind):
		var src string
		if i >= 0 {
			src = e.kept(j)
		} else {
			src = e.generated(t)
		}
		e.opens = append(e.opens, openEmitted{old: i, name: tagName(src)})
		e.b.WriteString(src)
	case isClose(t.kind):
		open := e.opens[len(e.opens)-1]
		e.opens = e.opens[:len(e.opens)-1]
		if i >= 0 && open.old >= 0 && e.old[i].pair == open.old {
			e.b.WriteString(e.kept(j))
			return
		}
		e.closing(t, open.name)
	case t.kind == kChar:
		e.char(j)
	case i >= 0:
		e.b.WriteString(e.kept(j))
	default:
		e.b.WriteString(e.generated(t))
	}
}

// char writes a character kept with its own spelling, unless that
// spelling would read differently next to what the edit changed: a bare
// '&', '<' or '{' before new text could start a reference, a tag or
// Liquid, and layout whitespace beside a tag would be read as part of it.
func (e *emitter) char(j int) {
	if i := e.match[j]; i >= 0 {
		src := e.old[i].src
		if len(src) == 1 && !isSpace(src[0]) && !mustEscape(rune(src[0])) {
			e.b.WriteByte(src[0]) // the common case: a letter kept
			return
		}
		switch {
		case len(src) == 1 && mustEscape(rune(src[0])) && !e.readsTheSame(j):
		case layoutSpace(src) && (!e.prevKept(j) || !e.nextKept(j)):
		default:
			e.b.WriteString(src)
			return
		}
	}
	e.b.WriteString(e.st.char(e.edited[j].r))
}

// kept is the source of a kept token. Layout whitespace a paragraph, item
// or line break took in is left out where the copy beside it changed: new
// copy there must not be read as part of the tag.
func (e *emitter) kept(j int) string {
	t := &e.old[e.match[j]]
	src := t.src
	switch t.kind {
	case kParaOpen, kItemOpen, kBr:
		if !e.nextKept(j) {
			src = strings.TrimRight(src, " \t\n\r\f")
		}
	case kParaClose, kItemClose:
		if !e.prevKept(j) {
			src = strings.TrimLeft(src, " \t\n\r\f")
		}
	}
	return src
}

// readsTheSame reports whether the bare '&', '<' or '{' kept at j is
// followed by the same bytes as in the message for as far as a reader
// could take them into a reference, a tag or Liquid ("&amp" then a new ";"
// would become "&amp;", "<" then a new "b" a tag).
func (e *emitter) readsTheSame(j int) bool {
	next := func(q int) (string, bool) {
		if j+q >= len(e.match) || e.match[j+q] != e.match[j]+int32(q) {
			return "", false
		}
		return e.old[e.match[j+q]].src, true
	}
	switch e.old[e.match[j]].src[0] {
	case '{':
		_, ok := next(1)
		return ok
	case '<':
		src, ok := next(1)
		if ok && strings.HasPrefix(src, "/") {
			_, ok = next(2)
		}
		return ok
	}
	// '&': through the name that follows, as far as entityEnd reads.
	for q := 1; q <= 41; q++ {
		src, ok := next(q)
		if !ok {
			return false
		}
		if src == "" || !isNameByte(src[0]) && src[0] != '#' {
			return true
		}
	}
	return true
}

func (e *emitter) nextKept(j int) bool {
	return j+1 < len(e.match) && e.match[j] >= 0 && e.match[j+1] == e.match[j]+1
}

func (e *emitter) prevKept(j int) bool {
	if j == 0 {
		return e.match[0] == 0 // both start the message
	}
	return e.match[j] > 0 && e.match[j-1] == e.match[j]-1
}

func (e *emitter) generated(t *token) string {
	switch t.kind {
	case kBr:
		return e.st.br
	case kLiquid:
		return t.str
	case kBoldOpen:
		return e.st.bold
	case kItalicOpen:
		return e.st.italic
	case kLinkOpen:
		return e.st.linkOpen(t.str)
	case kParaOpen:
		return e.blockGap() + e.st.para
	case kListOpen:
		return e.blockGap() + e.st.list
	case kItemOpen:
		return e.st.item
	}
	return ""
}

// blockGap is the message's whitespace before a new block, when something
// was written before it.
func (e *emitter) blockGap() string {
	if e.b.Len() == 0 {
		return ""
	}
	return e.st.gap
}

func (e *emitter) closing(t *token, name string) {
	if t.empty && t.kind == kParaClose && e.st.emptyBr {
		e.b.WriteString(e.st.br)
	}
	e.b.WriteString("</")
	e.b.WriteString(name)
	e.b.WriteByte('>')
}
