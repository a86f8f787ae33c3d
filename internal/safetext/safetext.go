// Package safetext makes text that came from the network harmless to print on
// a terminal: escape sequences (CSI, OSC, DCS, SOS, PM, APC, nF and two-byte
// escapes, in their 7-bit and 8-bit forms) are removed whole, payload
// included, and every other C0 and C1 control is dropped except tab and
// newline. The output is always valid UTF-8.
//
// Sequences are recognised the way a terminal's parser recognises them
// (ECMA-48, and the DEC VT500 state machine xterm follows), so the text left
// over is what a terminal would have printed: CAN and SUB cancel a sequence,
// ESC inside one starts the next, and a C1 control ends a control string.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// Clean returns s without terminal control sequences. Invalid UTF-8 becomes
// U+FFFD. Text without controls is returned unchanged, without allocating.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	st := stText
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		st = step(st, r, &b)
	}
	return b.String()
}

// isPlain reports whether s is valid UTF-8 with no control characters.
func isPlain(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || (isControl(r) && r != '\t' && r != '\n') {
			return false
		}
	}
	return true
}

// isControl reports whether r is a C0 control, DEL, or a C1 control.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// Control characters with a meaning to the parser.
const (
	bel = 0x07
	can = 0x18 // cancels the sequence in progress
	sub = 0x1a // cancels the sequence in progress
	esc = 0x1b
	del = 0x7f
	dcs = 0x90 // 8-bit ESC P
	sos = 0x98 // 8-bit ESC X
	csi = 0x9b // 8-bit ESC [
	st8 = 0x9c // 8-bit ESC \ (string terminator)
	osc = 0x9d // 8-bit ESC ]
	pm  = 0x9e // 8-bit ESC ^
	apc = 0x9f // 8-bit ESC _
)

type state int

const (
	stText   state = iota
	stEscape       // after ESC
	stCSI          // inside a control sequence, until a final byte
	stString       // inside OSC/DCS/SOS/PM/APC, until ST or BEL
	stStrEsc       // ESC seen inside a string: ST is ESC \
	stNF           // ESC followed by intermediate bytes, until a final byte
)

// step consumes r in state st, writes what a terminal would print, and
// returns the next state.
func step(st state, r rune, b *strings.Builder) state {
	if next, ok := anywhere(st, r); ok {
		return next
	}
	switch st {
	case stEscape:
		return afterEscape(r, b)
	case stCSI:
		return inSequence(r, b, 0x40, stCSI)
	case stNF:
		return inSequence(r, b, 0x30, stNF)
	case stString:
		if r == bel {
			// xterm ends an OSC at BEL; ending any string there keeps more
			// text visible and is never less safe.
			return stText
		}
		return stString
	case stStrEsc:
		if r == '\\' {
			return stText
		}
		// The ESC ended the string and began a new sequence.
		return afterEscape(r, b)
	}
	return inText(r, b)
}

// anywhere applies the transitions a terminal makes whatever its state:
// CAN and SUB cancel, ESC and the 8-bit introducers begin a sequence, and any
// other C1 control (8-bit ST included) ends the sequence in progress.
func anywhere(st state, r rune) (state, bool) {
	switch {
	case r == can || r == sub:
		return stText, true
	case r == esc && st == stString:
		return stStrEsc, true
	case r == esc:
		return stEscape, true
	case r == csi:
		return stCSI, true
	case r == dcs || r == sos || r == osc || r == pm || r == apc:
		return stString, true
	case r >= 0x80 && r <= 0x9f:
		return stText, true
	}
	return st, false
}

// inText writes r unless it is a control other than tab and newline.
func inText(r rune, b *strings.Builder) state {
	switch {
	case r == '\t' || r == '\n':
		b.WriteRune(r)
	case isControl(r):
	default:
		// utf8.RuneError stands for invalid input and is written as U+FFFD.
		b.WriteRune(r)
	}
	return stText
}

// afterEscape reads the byte after ESC: it opens a control sequence, a
// control string or an nF escape, or it is the final byte of a two-byte
// escape.
func afterEscape(r rune, b *strings.Builder) state {
	switch {
	case r == '[':
		return stCSI
	case r == ']' || r == 'P' || r == 'X' || r == '^' || r == '_':
		return stString
	case r >= 0x20 && r <= 0x2f:
		return stNF
	case r >= 0x30 && r <= 0x7e:
		return stText
	}
	return inSequence(r, b, 0x7f, stEscape)
}

// inSequence handles r inside an escape or control sequence whose final
// bytes start at finalFrom: a C0 control is carried out as in text (the
// sequence goes on), a final byte ends the sequence, and a character beyond
// ASCII is not part of any sequence, so it ends it and is printed.
func inSequence(r rune, b *strings.Builder, finalFrom rune, st state) state {
	switch {
	case r < 0x20:
		inText(r, b)
		return st
	case r == del:
		return st
	case r >= finalFrom && r <= 0x7e:
		return stText
	case r > del:
		return inText(r, b)
	}
	return st
}
