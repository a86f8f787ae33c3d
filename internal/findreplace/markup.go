package findreplace

import "strings"

// regionKind is a piece of a text that a replacement must leave whole.
type regionKind int

const (
	regionTag    regionKind = iota + 1 // an HTML tag, comment or declaration: <…>
	regionLiquid                       // a Liquid output {{…}} or tag {%…%}
)

func (k regionKind) String() string {
	if k == regionTag {
		return "an HTML tag"
	}
	return "a Liquid expression"
}

// region is [start, end) of a text, in bytes. A tag that is never closed
// runs to the end of the text: a replacement must not touch what a mail
// reader could take for the rest of it.
type region struct {
	start, end int
	kind       regionKind
}

// regions finds the HTML tags (when html) and the Liquid expressions of s,
// in order of where they start. Tags never overlap each other, nor do
// Liquid expressions; but a Liquid expression may sit inside a tag (an
// address built from a field), and each is a piece of its own to keep
// whole. Each scan is one pass.
func regions(s string, html bool) []region {
	out, _ := appendRegions(nil, nil, s, html)
	return out
}

// appendRegions is regions written into out's memory, with buf as room
// for the Liquid expressions while the tags are found: a search reuses
// both from one field to the next, so both come back.
func appendRegions(out, buf []region, s string, html bool) (regions, room []region) {
	out = out[:0]
	// Past the last closer of a kind, no opening of that kind closes:
	// checking that first keeps a text of openings alone linear.
	lastOutput, lastTag := strings.LastIndex(s, "}}"), strings.LastIndex(s, "%}")
	for i := 0; i < len(s); i++ {
		j := strings.IndexByte(s[i:], '{')
		if j < 0 {
			break
		}
		i += j
		if opensLiquid(s, i) && ((s[i+1] == '{' && lastOutput >= i+2) || (s[i+1] == '%' && lastTag >= i+2)) {
			if end := liquidEnd(s, i); end > 0 {
				out = append(out, region{i, end, regionLiquid})
				i = end - 1
			}
		}
	}
	if !html {
		return out, buf
	}
	liquid := append(buf[:0], out...)
	buf = liquid
	out = out[:0]
	for i := 0; i < len(s); i++ {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if opensTag(s, i) {
			end := tagEnd(s, i)
			for len(liquid) > 0 && liquid[0].start < i {
				out, liquid = append(out, liquid[0]), liquid[1:]
			}
			out = append(out, region{i, end, regionTag})
			i = end - 1
		}
	}
	return append(out, liquid...), buf
}

// opensTag reports whether a tag starts at i: "<" followed by a letter, "/",
// "!" or "?", as an HTML parser reads it; "a < b" is text.
func opensTag(s string, i int) bool {
	if s[i] != '<' || i+1 >= len(s) {
		return false
	}
	c := s[i+1]
	return c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// tagEnd is the end of the tag opening at i: after its ">", quotes
// respected so a ">" inside an attribute value does not end it; a comment
// ends at "-->".
func tagEnd(s string, i int) int {
	if hasPrefixAt(s, i, "<!--") {
		if j := indexFrom(s, i+4, "-->"); j >= 0 {
			return j + 3
		}
		return len(s)
	}
	for j := i + 1; j < len(s); {
		k := strings.IndexAny(s[j:], "\"'>")
		if k < 0 {
			break
		}
		j += k
		if s[j] == '>' {
			return j + 1
		}
		closing := strings.IndexByte(s[j+1:], s[j]) // the end of the quoted value
		if closing < 0 {
			break
		}
		j += closing + 2
	}
	return len(s)
}

func opensLiquid(s string, i int) bool {
	return hasPrefixAt(s, i, "{{") || hasPrefixAt(s, i, "{%")
}

// liquidEnd is the end of the Liquid expression opening at i: after the
// "}}" or "%}" that closes its kind; -1 when none does. Liquid reads an
// opening it never sees closed as text, as "{{% if %}" is text then a tag.
func liquidEnd(s string, i int) int {
	closer := "}}"
	if s[i+1] == '%' {
		closer = "%}"
	}
	if j := indexFrom(s, i+2, closer); j >= 0 {
		return j + 2
	}
	return -1
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

func indexFrom(s string, from int, sub string) int {
	if j := strings.Index(s[from:], sub); j >= 0 {
		return from + j
	}
	return -1
}
