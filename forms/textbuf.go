package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// textBuffer is the text a text field edits: logical lines (split at "\n")
// of bytes, and a cursor at a grapheme boundary. Edits touch one line's
// bytes, so typing costs the same in a 200-byte note and in a 200 KB email
// that lemlist stores as one line of HTML.
type textBuffer struct {
	lines [][]byte
	line  int // the cursor's line
	at    int // the cursor's byte offset in that line
}

func newTextBuffer(s string) textBuffer {
	var b textBuffer
	b.set(s)
	return b
}

// set replaces the text and puts the cursor at its start.
func (b *textBuffer) set(s string) {
	b.lines = b.lines[:0]
	for l := range strings.SplitSeq(s, "\n") {
		b.lines = append(b.lines, []byte(l))
	}
	b.line, b.at = 0, 0
}

// String is the whole text.
func (b *textBuffer) String() string {
	n := len(b.lines) - 1
	for _, l := range b.lines {
		n += len(l)
	}
	var s strings.Builder
	s.Grow(n)
	for i, l := range b.lines {
		if i > 0 {
			s.WriteByte('\n')
		}
		s.Write(l)
	}
	return s.String()
}

// insert puts clean text (see cleanTyped) at the cursor and moves the
// cursor past it. It reports the lines it touched: from, and how many lines
// now stand where the one line stood.
func (b *textBuffer) insert(s string) (from, count int) {
	cur := b.lines[b.line]
	if !strings.Contains(s, "\n") {
		old := len(cur)
		if cap(cur) < old+len(s) {
			// Grow with room to spare, so the keys typed next reuse it.
			cur = append(make([]byte, 0, 2*(old+len(s))), cur...)
		}
		cur = cur[:old+len(s)]
		copy(cur[b.at+len(s):], cur[b.at:old])
		copy(cur[b.at:], s)
		b.lines[b.line] = cur
		b.at += len(s)
		return b.line, 1
	}
	parts := strings.Split(s, "\n")
	tail := string(cur[b.at:])
	first := append([]byte(string(cur[:b.at])), parts[0]...)
	added := make([][]byte, 0, len(parts))
	added = append(added, first)
	for _, p := range parts[1 : len(parts)-1] {
		added = append(added, []byte(p))
	}
	last := parts[len(parts)-1]
	added = append(added, []byte(last+tail))
	from = b.line
	b.lines = append(b.lines[:b.line], append(added, b.lines[b.line+1:]...)...)
	b.line += len(parts) - 1
	b.at = len(last)
	return from, len(parts)
}

// deleteTo removes the text between the cursor and (line, at), either
// side, and leaves the cursor where the removed text began.
func (b *textBuffer) deleteTo(line, at int) {
	sl, sa, el, ea := b.line, b.at, line, at
	if el < sl || (el == sl && ea < sa) {
		sl, sa, el, ea = el, ea, sl, sa
	}
	if sl == el {
		l := b.lines[sl]
		b.lines[sl] = append(l[:sa], l[ea:]...)
	} else {
		joined := append(append([]byte(nil), b.lines[sl][:sa]...), b.lines[el][ea:]...)
		b.lines = append(append(b.lines[:sl], joined), b.lines[el+1:]...)
	}
	b.line, b.at = sl, sa
}

// prevBoundary is the grapheme boundary before at in line, or -1 at the start.
func (b *textBuffer) prevBoundary(line, at int) int {
	if at == 0 {
		return -1
	}
	l := b.lines[line]
	if l[at-1] < utf8.RuneSelf && (at < 2 || l[at-2] < utf8.RuneSelf) {
		return at - 1
	}
	// Walk the graphemes of a bounded window before at: a cluster is never
	// longer than a few dozen bytes.
	start := max(0, at-64)
	for start > 0 && !utf8.RuneStart(l[start]) {
		start--
	}
	prev, pos := start, start
	state := -1
	for pos < at {
		prev = pos
		var c []byte
		c, _, _, state = uniseg.FirstGraphemeCluster(l[pos:at], state)
		pos += len(c)
	}
	return prev
}

// nextBoundary is the grapheme boundary after at in line, or -1 at the end.
func (b *textBuffer) nextBoundary(line, at int) int {
	l := b.lines[line]
	if at >= len(l) {
		return -1
	}
	if l[at] < utf8.RuneSelf && (at+1 == len(l) || l[at+1] < utf8.RuneSelf) {
		return at + 1
	}
	c, _, _, _ := uniseg.FirstGraphemeCluster(l[at:], -1)
	return at + len(c)
}

// left moves the cursor one grapheme back, to the previous line's end at a
// line's start.
func (b *textBuffer) left() {
	if p := b.prevBoundary(b.line, b.at); p >= 0 {
		b.at = p
	} else if b.line > 0 {
		b.line--
		b.at = len(b.lines[b.line])
	}
}

// right moves the cursor one grapheme on, to the next line's start at a
// line's end.
func (b *textBuffer) right() {
	if n := b.nextBoundary(b.line, b.at); n >= 0 {
		b.at = n
	} else if b.line < len(b.lines)-1 {
		b.line++
		b.at = 0
	}
}

// wordLeft is where the word before the cursor starts: spaces, then a run
// of letters and digits (or of other marks) are skipped. It crosses a line
// break only when the cursor is at a line's start.
func (b *textBuffer) wordLeft() (line, at int) {
	if b.at == 0 {
		if b.line == 0 {
			return 0, 0
		}
		return b.line - 1, len(b.lines[b.line-1])
	}
	l := b.lines[b.line]
	at = b.at
	for at > 0 {
		r, n := utf8.DecodeLastRune(l[:at])
		if !unicode.IsSpace(r) {
			break
		}
		at -= n
	}
	if at == 0 {
		return b.line, 0
	}
	r, _ := utf8.DecodeLastRune(l[:at])
	word := isWordRune(r)
	for at > 0 {
		r, n := utf8.DecodeLastRune(l[:at])
		if unicode.IsSpace(r) || isWordRune(r) != word {
			break
		}
		at -= n
	}
	return b.line, at
}

// wordRight is where the word after the cursor ends, mirroring wordLeft.
func (b *textBuffer) wordRight() (line, at int) {
	l := b.lines[b.line]
	if b.at == len(l) {
		if b.line == len(b.lines)-1 {
			return b.line, b.at
		}
		return b.line + 1, 0
	}
	at = b.at
	for at < len(l) {
		r, n := utf8.DecodeRune(l[at:])
		if !unicode.IsSpace(r) {
			break
		}
		at += n
	}
	if at == len(l) {
		return b.line, at
	}
	r, _ := utf8.DecodeRune(l[at:])
	word := isWordRune(r)
	for at < len(l) {
		r, n := utf8.DecodeRune(l[at:])
		if unicode.IsSpace(r) || isWordRune(r) != word {
			break
		}
		at += n
	}
	return b.line, at
}

// isWordRune tells letters and digits (a word) from punctuation and marks,
// so a word jump stops at "{{" and at the "<" of a tag.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\''
}

// cleanTyped is text as a field holds it: tabs held as tabMark (see
// plaintext.go), CRLF and CR as "\n" (a space on one line), invalid UTF-8
// and other control characters dropped. A text field never holds a byte
// that could steer the terminal.
func cleanTyped(s string, multiline bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
		case r == '\r' && strings.HasPrefix(s[i+n:], "\n"):
		case r == '\r' || r == '\n':
			if multiline {
				out.WriteByte('\n')
			} else {
				out.WriteByte(' ')
			}
		case r == '\t':
			out.WriteRune(tabMark)
		case unicode.IsControl(r):
		default:
			out.WriteString(s[i : i+n])
		}
		i += n
	}
	return out.String()
}
