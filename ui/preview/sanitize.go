package preview

import (
	"strings"

	"lemstep/internal/safetext"
)

// keepSGR removes every escape sequence from glamour's output except SGR
// (colour and text attributes, "ESC [ … m"). Message text was already
// cleaned before rendering; this also drops what glamour itself adds around
// URLs (OSC 8 hyperlinks), so what reaches the screen is styled text and
// nothing that can move the cursor, retitle the window or touch the
// clipboard.
func keepSGR(s string) string {
	if !strings.ContainsRune(s, 0x1b) {
		return safetext.Clean(s)
	}
	var out, seg strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], 0x1b)
		if j < 0 {
			seg.WriteString(s[i:])
			break
		}
		seg.WriteString(s[i : i+j])
		i += j
		if n := sgrLen(s[i:]); n > 0 {
			out.WriteString(safetext.Clean(seg.String()))
			seg.Reset()
			out.WriteString(s[i : i+n])
			i += n
			continue
		}
		// Not SGR: hand the escape to safetext, which drops it whole.
		seg.WriteByte(0x1b)
		i++
	}
	out.WriteString(safetext.Clean(seg.String()))
	return out.String()
}

// sgrLen returns the length of the SGR sequence at the start of s, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 'm':
			return i + 1
		case (c >= '0' && c <= '9') || c == ';' || c == ':':
			continue
		default:
			return 0
		}
	}
	return 0
}
