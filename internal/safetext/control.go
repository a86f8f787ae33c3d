package safetext

import (
	"fmt"
	"unicode/utf8"
)

// Control is a character a terminal acts on instead of printing, found in
// text: Offset is its byte offset, Rune the character (utf8.RuneError for a
// byte that is not UTF-8).
type Control struct {
	Offset int
	Rune   rune
}

// FindControl returns the first character of s that is a control other than
// tab, newline and carriage return (C0, DEL and C1, ESC and NUL among
// them), or a byte that is not UTF-8; ok is false when s has none. Such
// characters in a field lemlist stores travel to every screen the text is
// shown on, so input is checked with this before it is sent.
func FindControl(s string) (c Control, ok bool) {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return Control{Offset: i, Rune: r}, true
			}
			continue
		}
		if isControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return Control{Offset: i, Rune: r}, true
		}
	}
	return Control{}, false
}

// c0Names are the ASCII names of the C0 controls, by code.
var c0Names = [32]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// Name says what the character is: "ESC (U+001B)", "the C1 control U+009B",
// "a byte that is not UTF-8".
func (c Control) Name() string {
	switch {
	case c.Rune == utf8.RuneError:
		return "a byte that is not UTF-8"
	case c.Rune < 0x20:
		return fmt.Sprintf("%s (U+%04X)", c0Names[c.Rune], c.Rune)
	case c.Rune == 0x7f:
		return "DEL (U+007F)"
	}
	return fmt.Sprintf("the C1 control U+%04X", c.Rune)
}

// Position says where the character is in s for a person to find it:
// "character 5", or "line 3, column 7" when s has several lines. Characters
// and columns are counted from 1, in characters, not bytes.
func (c Control) Position(s string) string {
	line, col, multi := 1, 1, false
	for i, r := range s {
		if i >= c.Offset {
			break
		}
		if r == '\n' {
			line, col, multi = line+1, 1, true
			continue
		}
		col++
	}
	if !multi {
		for _, r := range s[c.Offset:] {
			if r == '\n' {
				multi = true
				break
			}
		}
	}
	if multi {
		return fmt.Sprintf("line %d, column %d", line, col)
	}
	return fmt.Sprintf("character %d", col)
}
