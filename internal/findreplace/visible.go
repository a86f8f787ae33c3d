package findreplace

import (
	"html"
	"sort"
	"strings"
)

// visibleText is an email's HTML as a reader sees it (tags removed, the
// ends of blocks as line breaks, entities decoded), with where each piece of
// it comes from in the HTML, so a match found in the text can be placed in
// the HTML.
type visibleText struct {
	text string
	segs []segment
}

// segment is a run of the text: copied from the HTML byte for byte, or
// standing for a tag or an entity as a whole.
type segment struct {
	at      int // where it starts in the text
	src     int // where its HTML starts
	srcLen  int // how long its HTML is
	textLen int
	copied  bool
}

// blockTags end a line where they open or close.
var blockTags = map[string]bool{"br": true, "p": true, "div": true, "li": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true, "ul": true, "ol": true}

// visible builds the text of src, whose regions (tags among them) are rs,
// its segments in segs's memory.
func visible(segs []segment, src string, rs []region) visibleText {
	v := visibleText{segs: segs[:0]}
	var b strings.Builder
	b.Grow(len(src))
	add := func(text string, from, srcLen int, copied bool) {
		if text == "" {
			return
		}
		v.segs = append(v.segs, segment{at: b.Len(), src: from, srcLen: srcLen, textLen: len(text), copied: copied})
		b.WriteString(text)
	}
	copyText := func(from, to int) { // text between tags: copied, entities decoded
		for from < to {
			amp := strings.IndexByte(src[from:to], '&')
			if amp < 0 {
				add(src[from:to], from, to-from, true)
				return
			}
			add(src[from:from+amp], from, amp, true)
			at := from + amp
			if n, decoded := entityAt(src[:to], at); n > 0 {
				add(decoded, at, n, false)
				from = at + n
				continue
			}
			add("&", at, 1, true)
			from = at + 1
		}
	}
	prev := 0
	for _, r := range rs {
		if r.kind != regionTag {
			continue
		}
		copyText(prev, r.start)
		if blockTags[tagName(src[r.start:r.end])] {
			add("\n", r.start, r.end-r.start, false)
		}
		prev = r.end
	}
	copyText(prev, len(src))
	v.text = b.String()
	return v
}

// tagName is the lower-case name of a tag, without the "/" of a closing one.
func tagName(tag string) string {
	tag = strings.TrimPrefix(strings.TrimPrefix(tag, "<"), "/")
	end := strings.IndexAny(tag, " \t\r\n/>")
	if end < 0 {
		end = len(tag)
	}
	return strings.ToLower(tag[:end])
}

// entityAt reads a character reference starting at i ("&amp;", "&#39;"):
// its length and what it stands for; 0 when there is none.
func entityAt(s string, i int) (int, string) {
	end := strings.IndexByte(s[i:min(len(s), i+34)], ';')
	if end < 2 {
		return 0, ""
	}
	ref := s[i : i+end+1]
	decoded := html.UnescapeString(ref)
	if decoded == ref {
		return 0, ""
	}
	return len(ref), decoded
}

// segAt is the index of the segment holding byte i of the text.
func (v visibleText) segAt(i int) int {
	return sort.Search(len(v.segs), func(k int) bool { return v.segs[k].at+v.segs[k].textLen > i })
}

// source is the HTML [start, end) that the text's [start, end) comes from.
func (v visibleText) source(start, end int) (int, int) {
	first, last := v.segs[v.segAt(start)], v.segs[v.segAt(end-1)]
	from := first.src
	if first.copied {
		from += start - first.at
	}
	to := last.src + last.srcLen
	if last.copied {
		to = last.src + (end - last.at)
	}
	return from, to
}

// around is the span of the text that the HTML [start, end) shows: the
// text's bytes that come from inside it.
func (v visibleText) around(start, end int) (int, int) {
	return v.textAt(start), max(v.textAt(start), v.textAt(end))
}

// textAt is the first byte of the text that comes from HTML at or after pos.
func (v visibleText) textAt(pos int) int {
	k := sort.Search(len(v.segs), func(k int) bool { return v.segs[k].src+v.segs[k].srcLen > pos })
	if k == len(v.segs) {
		return len(v.text)
	}
	s := v.segs[k]
	if s.copied && pos > s.src {
		return s.at + (pos - s.src)
	}
	return s.at
}
