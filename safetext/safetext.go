// Package safetext makes text that came from the network harmless to print on
// a terminal: escape sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte
// escapes) are removed whole, payload included, and every other C0 and C1
// control is dropped except tab and newline.
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

func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

type state int

const (
	stText   state = iota
	stEscape       // after ESC
	stCSI          // inside a control sequence, until a final byte
	stString       // inside OSC/DCS/SOS/PM/APC, until ST or BEL
	stStrEsc       // ESC seen inside a string: ST is ESC \
	stNF           // ESC followed by intermediate bytes, until a final byte
)

func step(st state, r rune, b *strings.Builder) state {
	switch st {
	case stEscape:
		return afterEscape(r)
	case stCSI:
		if r >= 0x40 && r <= 0x7e {
			return stText
		}
		return stCSI
	case stString:
		switch r {
		case 0x07, 0x9c:
			return stText
		case 0x1b:
			return stStrEsc
		}
		return stString
	case stStrEsc:
		if r == '\\' {
			return stText
		}
		return stString
	case stNF:
		if r >= 0x30 && r <= 0x7e {
			return stText
		}
		return stNF
	}
	return inText(r, b)
}

func inText(r rune, b *strings.Builder) state {
	switch {
	case r == 0x1b:
		return stEscape
	case r == 0x9b:
		return stCSI
	case r == 0x90 || r == 0x9d || r == 0x98 || r == 0x9e || r == 0x9f:
		return stString
	case r == '\t' || r == '\n':
		b.WriteRune(r)
	case isControl(r):
	case r == utf8.RuneError:
		b.WriteRune(utf8.RuneError)
	default:
		b.WriteRune(r)
	}
	return stText
}

func afterEscape(r rune) state {
	switch {
	case r == '[':
		return stCSI
	case r == ']' || r == 'P' || r == 'X' || r == '^' || r == '_':
		return stString
	case r >= 0x20 && r <= 0x2f:
		return stNF
	}
	return stText
}
