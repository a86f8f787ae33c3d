package mailtext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// style is how a message writes what an edit may add: the most common
// spelling of each tag in it, and of each character it spells as a
// character reference. Ties go to the first seen.
type style struct {
	br, bold, italic, para, list, item string
	// gap is the layout whitespace the message puts before a paragraph or
	// list that follows another block ("\n" in "</p>\n<p>"), written
	// before each new one that follows something.
	gap          string
	link         linkTemplate
	emptyBr      bool            // empty paragraphs hold a <br>
	chars        map[rune]string // characters spelled as a reference more often than not
	nonASCIIRefs bool            // non-ASCII characters are mostly spelled as references
}

// linkTemplate is an <a> of the message with its address cut out.
type linkTemplate struct {
	before, after string
	quote         byte
}

// templateOf cuts the address out of a decoded <a> (its source may start
// with nothing but the tag: links are inline, so no whitespace is taken in).
func templateOf(src string) linkTemplate {
	t, _ := scanTag(src, 0)
	return linkTemplate{before: src[:t.href.start], after: src[t.href.end:], quote: t.href.quote}
}

// tally counts spellings and remembers the first to reach the top count.
type tally struct {
	counts map[string]int
	best   string
}

func (t *tally) add(s string) {
	if t.counts == nil {
		t.counts = map[string]int{}
	}
	t.counts[s]++
	if t.counts[s] > t.counts[t.best] || t.best == "" && len(t.counts) == 1 {
		t.best = s
	}
}

func (t *tally) or(fallback string) string {
	if t.counts == nil {
		return fallback
	}
	return t.best
}

// spellings counts how a message writes each kind of token.
type spellings struct {
	br, bold, italic, para, list, item, link tally
	gap                                      tally // see style.gap
	links                                    map[string]linkTemplate
	refs                                     map[rune]*tally // references, per character
	emptyBr, emptyPlain                      int
	refsNonASCII, literalNonASCII            int
}

func (sp *spellings) add(t *token) {
	switch t.kind {
	case kBr:
		sp.br.add(trimLayout(t.src))
	case kBoldOpen:
		sp.bold.add(t.src)
	case kItalicOpen:
		sp.italic.add(t.src)
	case kParaOpen:
		sp.para.add(strings.TrimLeft(trimLayout(t.src), layoutChars))
	case kListOpen:
		sp.list.add(strings.TrimLeft(t.src, layoutChars))
	case kItemOpen:
		sp.item.add(trimLayout(t.src))
	case kLinkOpen:
		lt := templateOf(t.src)
		key := lt.before + "\x00" + lt.after
		sp.links[key] = lt
		sp.link.add(key)
	case kParaClose:
		if t.empty && strings.Contains(strings.ToLower(t.src), "<br") {
			sp.emptyBr++
		} else if t.empty {
			sp.emptyPlain++
		}
	case kChar:
		sp.char(t)
	}
}

func (sp *spellings) char(t *token) {
	ref := t.src[0] == '&' && len(t.src) > 1
	if t.r >= 0x80 && t.r != 0xa0 {
		if ref {
			sp.refsNonASCII++
		} else {
			sp.literalNonASCII++
		}
	}
	if ref {
		if sp.refs[t.r] == nil {
			sp.refs[t.r] = &tally{}
		}
		sp.refs[t.r].add(t.src)
	}
}

// learnStyle reads the conventions of decoded tokens.
func learnStyle(toks []token) *style {
	sp := spellings{links: map[string]linkTemplate{}, refs: map[rune]*tally{}}
	for i := range toks {
		sp.add(&toks[i])
		if k := toks[i].kind; i > 0 && (k == kParaOpen || k == kListOpen) {
			src := toks[i].src
			sp.gap.add(src[:len(src)-len(strings.TrimLeft(src, layoutChars))])
		}
	}
	st := &style{
		br:           sp.br.or("<br>"),
		bold:         sp.bold.or("<b>"),
		italic:       sp.italic.or("<i>"),
		para:         sp.para.or(`<p style="margin: 0 0 12px;">`),
		list:         sp.list.or("<ul>"),
		gap:          sp.gap.or(""),
		item:         sp.item.or("<li>"),
		link:         linkTemplate{before: `<a href="`, after: `">`, quote: '"'},
		emptyBr:      sp.emptyBr >= sp.emptyPlain,
		chars:        map[rune]string{},
		nonASCIIRefs: sp.refsNonASCII > sp.literalNonASCII,
	}
	if lt, ok := sp.links[sp.link.best]; ok {
		st.link = lt
	}
	st.learnChars(toks, sp.refs)
	return st
}

// trimLayout drops the whitespace a tag took in after it: new copy right
// after a new tag must not be read as part of the tag.
func trimLayout(src string) string { return strings.TrimRight(src, layoutChars) }

// layoutChars are the whitespace characters HTML source is laid out with.
const layoutChars = " \t\n\r\f"

// learnChars keeps the reference spelling of each character the message
// spells as a reference at least as often as literally.
func (st *style) learnChars(toks []token, refs map[rune]*tally) {
	if len(refs) == 0 {
		return
	}
	literal := map[rune]int{}
	for i := range toks {
		t := &toks[i]
		if t.kind == kChar && t.src[0] != '&' && refs[t.r] != nil {
			literal[t.r]++
		}
	}
	for r, t := range refs {
		if t.counts[t.best] >= literal[r] || mustEscape(r) {
			st.chars[r] = t.best
		}
	}
}

// mustEscape are the characters an edit never writes literally: in copy
// they could start a tag, a reference or Liquid.
func mustEscape(r rune) bool { return r == '&' || r == '<' || r == '{' }

// char is the spelling of a character an edit adds.
func (st *style) char(r rune) string {
	if s, ok := st.chars[r]; ok {
		return s
	}
	switch r {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '{':
		return "&#123;"
	case 0xa0:
		return "&nbsp;"
	}
	if r >= 0x80 && st.nonASCIIRefs {
		return "&#" + strconv.Itoa(int(r)) + ";"
	}
	var buf [utf8.UTFMax]byte
	return string(buf[:utf8.EncodeRune(buf[:], r)])
}

// linkOpen is an <a> for an address, shaped like the message's links.
func (st *style) linkOpen(url string) string {
	var b strings.Builder
	b.WriteString(st.link.before)
	writeAttr(&b, url, st.link.quote)
	b.WriteString(st.link.after)
	return b.String()
}

// writeAttr writes an attribute value: '&' and the quote as references,
// Liquid as written (lemlist renders it before reading the HTML), and the
// brace of a Liquid opening that never closes as a reference.
func writeAttr(b *strings.Builder, v string, quote byte) {
	for v != "" {
		if liquidAt(v, 0) && liquidLen(v) > 0 {
			n := liquidLen(v)
			b.WriteString(v[:n])
			v = v[n:]
			continue
		}
		switch c := v[0]; {
		case c == '{' && liquidAt(v, 0):
			b.WriteString("&#123;") // a Liquid opening never closed: as typed, not as Liquid
		case c == '&':
			b.WriteString("&amp;")
		case c == '"' && quote != '\'':
			b.WriteString("&quot;")
		case c == '\'' && quote == '\'':
			b.WriteString("&#39;")
		case quote == 0 && (isSpace(c) || c == '>'):
			b.WriteString("&#" + strconv.Itoa(int(c)) + ";")
		default:
			b.WriteByte(c)
		}
		v = v[1:]
	}
}
