// Package textplace names a place in a text by what is there rather than
// by its byte offset, so that a place the lint finds in the HTML lemlist
// stores can be found again in the text an editor shows (an email edited
// as text, tabs shown as marks), where every offset differs.
package textplace

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Place is the Nth (from 0) occurrence of Text. In a text with markup,
// occurrences are counted in the copy alone or, when InMarkup, in the
// markup alone (inside HTML tags; in the text notation of an email, the
// addresses of links, where the HTML's href attributes show). Without
// markup every occurrence counts and InMarkup is false. The zero Place
// names nothing.
type Place struct {
	Text     string
	Nth      int
	InMarkup bool
}

// Span is a byte range [Start, End) of markup.
type Span struct{ Start, End int }

// Index locates places in one text: its markup, and the occurrences of
// each text asked for, found once and split into those in the markup and
// those in the copy.
type Index struct {
	text   string
	markup []Span
	occ    map[string]*occurrences
}

type occurrences struct{ copy, markup []int }

// of is the occurrence list of the class a place is in.
func (o *occurrences) of(inMarkup bool) []int {
	if inMarkup {
		return o.markup
	}
	return o.copy
}

// NewIndex indexes text whose markup is markup (nil: none).
func NewIndex(text string, markup []Span) *Index {
	return &Index{text: text, markup: markup, occ: map[string]*occurrences{}}
}

// occurrences are the starts of s, counted as strings.Count counts them
// (without overlap), by class.
func (x *Index) occurrences(s string) *occurrences {
	if o, ok := x.occ[s]; ok {
		return o
	}
	o := &occurrences{}
	for from := 0; ; {
		i := strings.Index(x.text[from:], s)
		if i < 0 {
			break
		}
		if at := from + i; InSpans(x.markup, at) {
			o.markup = append(o.markup, at)
		} else {
			o.copy = append(o.copy, at)
		}
		from += i + len(s)
	}
	x.occ[s] = o
	return o
}

// Name names the place at byte offset whose text is s (a word, a Liquid
// tag); it is the zero Place when s does not start there.
func (x *Index) Name(offset int, s string) Place {
	if s == "" || offset < 0 || offset > len(x.text) || !strings.HasPrefix(x.text[offset:], s) {
		return Place{}
	}
	inMarkup := InSpans(x.markup, offset)
	nth := sort.SearchInts(x.occurrences(s).of(inMarkup), offset)
	return Place{Text: s, Nth: nth, InMarkup: inMarkup}
}

// Find is the byte offset of p, or false when the text no longer holds it.
func (x *Index) Find(p Place) (int, bool) {
	if p.Text == "" || p.Nth < 0 {
		return 0, false
	}
	list := x.occurrences(p.Text).of(p.InMarkup)
	if p.Nth >= len(list) {
		return 0, false
	}
	return list[p.Nth], true
}

// InSpans reports whether byte at lies in one of spans, which are sorted
// and do not overlap.
func InSpans(spans []Span, at int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > at })
	return i < len(spans) && spans[i].Start <= at
}

// Tags are the tags of HTML: from a "<" that starts one (a letter, "/" or
// "!" follows) to its ">".
func Tags(html string) []Span {
	var out []Span
	for i := 0; i < len(html); i++ {
		if html[i] != '<' || i+1 >= len(html) || !startsTag(html[i+1]) {
			continue
		}
		end := strings.IndexByte(html[i:], '>')
		if end < 0 {
			break
		}
		out = append(out, Span{i, i + end + 1})
		i += end
	}
	return out
}

func startsTag(c byte) bool { return c == '/' || c == '!' || c|0x20 >= 'a' && c|0x20 <= 'z' }

// LinkAddresses are the addresses of the links of text in an email's text
// notation ("[label](address)"): what stands between "](" and the ")" that
// closes it on the same line.
func LinkAddresses(text string) []Span {
	var out []Span
	for from := 0; ; {
		i := strings.Index(text[from:], "](")
		if i < 0 {
			return out
		}
		start := from + i + 2
		end := strings.IndexAny(text[start:], ")\n")
		if end < 0 {
			return out
		}
		out = append(out, Span{start, start + end})
		from = start + end
	}
}

// maxMarkup bounds the Liquid markup a place quotes; longer markup is
// named by its opening braces.
const maxMarkup = 200

// TextAt is what names the place at the start of rest: the Liquid markup
// ({{ … }} or {% … %}) or the word that starts there, else its character.
func TextAt(rest string) string {
	for _, pair := range [][2]string{{"{{", "}}"}, {"{%", "%}"}} {
		if strings.HasPrefix(rest, pair[0]) {
			if end := strings.Index(rest, pair[1]); end > 0 && end < maxMarkup && !strings.Contains(rest[:end], "\n") {
				return rest[:end+len(pair[1])]
			}
			return pair[0]
		}
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '\'' })
	switch {
	case end == 0:
		_, n := utf8.DecodeRuneInString(rest)
		return rest[:n]
	case end < 0:
		return rest
	}
	return rest[:end]
}

// LineCursor gives the 1-based line and column (in characters) of byte
// offsets of a text, met in increasing order as a scan of its words meets
// them: each call counts from the last one, so placing every word of a long
// one-line email costs one pass over it, not one pass per word.
type LineCursor struct {
	src       string
	offset    int
	line, col int // of offset
	start     int // the byte offset where offset's line starts
}

// NewLineCursor starts at the beginning of src.
func NewLineCursor(src string) *LineCursor { return &LineCursor{src: src, line: 1, col: 1} }

// At is the line and column of offset; an offset before the last one
// counts from the beginning again.
func (c *LineCursor) At(offset int) (line, col int) {
	offset = max(0, min(offset, len(c.src)))
	if offset < c.offset {
		*c = LineCursor{src: c.src, line: 1, col: 1}
	}
	between := c.src[c.offset:offset]
	if nl := strings.LastIndexByte(between, '\n'); nl >= 0 {
		c.line += strings.Count(between, "\n")
		c.col = 1
		c.start = c.offset + nl + 1
		between = between[nl+1:]
	}
	c.col += utf8.RuneCountInString(between)
	c.offset = offset
	return c.line, c.col
}

// LineStart is the byte offset where the line of the last offset starts.
func (c *LineCursor) LineStart() int { return c.start }
