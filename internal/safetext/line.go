package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Invisible reports whether r is a character that prints as nothing yet
// changes how the text around it reads: the bidi controls (U+202A–U+202E,
// U+2066–U+2069, U+200E, U+200F, U+061C), which can reverse a name or an
// id on screen, and the zero-width characters (U+200B–U+200D, U+2060,
// U+FEFF), which make two different texts look the same.
func Invisible(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r >= 0x200b && r <= 0x200f:
		return true
	}
	return r == 0x061c || r == 0x2060 || r == 0xfeff
}

// Line returns s as one line for a name, a table cell or a heading: Clean,
// with every run of white space (line breaks, tabs, Unicode spaces and
// line separators) folded to one space and the ends trimmed, so a newline
// in a campaign name cannot draw a row of its own, and with the invisible
// characters shown as ⟨U+202E⟩, so they cannot disguise the text.
func Line(s string) string {
	s = Clean(s)
	if isLine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		writeVisible(&b, rs, i)
	}
	return b.String()
}

// Visible returns Clean(s) with the invisible characters shown as
// ⟨U+202E⟩ and its lines kept: for text shown in full, such as a message
// in a review.
func Visible(s string) string {
	s = Clean(s)
	if !strings.ContainsFunc(s, Invisible) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	rs := []rune(s)
	for i := range rs {
		writeVisible(&b, rs, i)
	}
	return b.String()
}

// isLine reports whether s is already one line: no invisible character and
// no white space but single spaces between words.
func isLine(s string) bool {
	prevSpace := true // a leading space must go
	for _, r := range s {
		switch {
		case Invisible(r):
			return false
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r):
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// writeVisible writes rs[i], spelled out when it is invisible. A zero-width
// joiner between two pictographs is part of an emoji (👩‍💻) and is kept.
func writeVisible(b *strings.Builder, rs []rune, i int) {
	r := rs[i]
	if !Invisible(r) || (r == 0x200d && joinsEmoji(rs, i)) {
		b.WriteRune(r)
		return
	}
	fmt.Fprintf(b, "⟨U+%04X⟩", r)
}

// joinsEmoji reports whether the joiner at rs[i] sits inside an emoji
// sequence: after a symbol, a skin tone or the emoji presentation selector,
// and before a symbol.
func joinsEmoji(rs []rune, i int) bool {
	if i == 0 || i+1 >= len(rs) {
		return false
	}
	prev, next := rs[i-1], rs[i+1]
	prevOK := unicode.In(prev, unicode.So, unicode.Sk) || prev == 0xfe0f
	return prevOK && unicode.Is(unicode.So, next)
}

// LinePart is Line for a piece of a line, such as the words before a match:
// a space at either end is kept (as one), so the piece does not run into
// its neighbour.
func LinePart(s string) string {
	line := Line(s)
	if line == "" {
		return line
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		line = " " + line
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		line += " "
	}
	return line
}
