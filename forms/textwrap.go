package forms

import (
	"slices"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// wrapped is where each logical line of a textBuffer breaks into screen
// rows at a width: rows[i] holds the byte offsets at which line i's rows
// start (the first is always 0). An edit re-wraps only from the row before
// the edit until a row starts where it started before, so a keystroke in a
// long paragraph costs a few rows, not the paragraph.
type wrapped struct {
	width int
	rows  [][]int
}

// wrapAll wraps every line of lines at width.
func wrapAll(lines [][]byte, width int) wrapped {
	w := wrapped{width: max(1, width), rows: make([][]int, len(lines))}
	for i, l := range lines {
		w.rows[i] = wrapLine(l, w.width, nil)
	}
	return w
}

// wrapLine is the row starts of line at width, appended to into.
func wrapLine(line []byte, width int, into []int) []int {
	into = append(into, 0)
	for pos := 0; ; {
		end := rowEnd(line, pos, width)
		if end >= len(line) {
			return into
		}
		into = append(into, end)
		pos = end
	}
}

// rowEnd is where the row starting at start ends: after the last space that
// fits, else (one long word, a URL) where the width runs out. A space that
// meets the width hangs at the row's end, as in any editor.
func rowEnd(line []byte, start, width int) int {
	col, lastBreak := 0, -1
	state := -1
	for pos := start; pos < len(line); {
		n, w := 1, 1
		if c := line[pos]; c >= utf8.RuneSelf || (pos+1 < len(line) && line[pos+1] >= utf8.RuneSelf) {
			var cluster []byte
			cluster, _, _, state = uniseg.FirstGraphemeCluster(line[pos:], state)
			n, w = len(cluster), ansi.StringWidth(string(cluster))
		} else {
			state = -1
		}
		space := n == 1 && line[pos] == ' '
		if col+w > width {
			switch {
			case space:
				return pos + 1
			case lastBreak > start:
				return lastBreak
			case pos == start:
				return pos + n
			}
			return pos
		}
		col += w
		pos += n
		if space {
			lastBreak = pos
		}
	}
	return len(line)
}

// rewrap updates the rows of line i after an edit that replaced the bytes
// at [at, at+removed) with added bytes.
func (w *wrapped) rewrap(line []byte, i, at, removed, added int) {
	old := w.rows[i]
	k, _ := slices.BinarySearch(old, at+1)
	from := k - 1
	// A row is decided by what it scans, which runs past its end up to the
	// grapheme that overflows it: earlier rows that scanned the edit can
	// take a word back.
	for from > 0 && scansTo(line, old[from-1], at, w.width) {
		from--
	}
	next := append(make([]int, 0, len(old)+1), old[:from+1]...)
	delta := added - removed
	for pos := old[from]; ; {
		end := rowEnd(line, pos, w.width)
		if end >= len(line) {
			break
		}
		if end > at+added {
			// Past the edit: once a row starts where one started before,
			// every later row does too.
			if j, found := slices.BinarySearch(old, end-delta); found && j > 0 {
				for _, s := range old[j:] {
					next = append(next, s+delta)
				}
				break
			}
		}
		next = append(next, end)
		pos = end
	}
	// A deletion at the end of the line can leave the kept row start past it.
	for len(next) > 1 && next[len(next)-1] >= len(line) {
		next = next[:len(next)-1]
	}
	w.rows[i] = next
}

// scansTo reports whether the row starting at start reads the grapheme at
// byte at when it looks for its end (rowEnd stops at the first grapheme
// that does not fit).
func scansTo(line []byte, start, at, width int) bool {
	col, state := 0, -1
	for pos := start; pos < at; {
		var cluster []byte
		cluster, _, _, state = uniseg.FirstGraphemeCluster(line[pos:], state)
		if col += ansi.StringWidth(string(cluster)); col > width {
			return false
		}
		pos += len(cluster)
	}
	return true
}

// splice replaces the rows of count lines from line from with the rows of
// the lines that now stand there (a line break typed, pasted or removed).
func (w *wrapped) splice(lines [][]byte, from, oldCount, newCount int) {
	fresh := make([][]int, newCount)
	for j := range fresh {
		fresh[j] = wrapLine(lines[from+j], w.width, nil)
	}
	w.rows = slices.Replace(w.rows, from, from+oldCount, fresh...)
}

// rowOf is the row of line i that shows byte offset at: at a row boundary,
// the row that starts there.
func (w *wrapped) rowOf(i, at int) int {
	r, found := slices.BinarySearch(w.rows[i], at)
	if found {
		return r
	}
	return r - 1
}

// rowSpan is the bytes of row r of line i.
func (w *wrapped) rowSpan(line []byte, i, r int) (start, end int) {
	rows := w.rows[i]
	start, end = rows[r], len(line)
	if r+1 < len(rows) {
		end = rows[r+1]
	}
	return start, end
}

// colOf is the screen column of byte offset at within a row starting at start.
func colOf(line []byte, start, at int) int {
	return ansi.StringWidth(string(line[start:at]))
}

// atCol is the byte offset in [start, end) nearest to screen column col,
// at a grapheme boundary; a row that ends where the next one starts never
// puts the cursor past its last grapheme.
func atCol(line []byte, start, end, col int, last bool) int {
	c, state := 0, -1
	pos := start
	for pos < end {
		var cluster []byte
		cluster, _, _, state = uniseg.FirstGraphemeCluster(line[pos:end], state)
		w := ansi.StringWidth(string(cluster))
		if c+w > col {
			return pos
		}
		c += w
		pos += len(cluster)
	}
	if !last && pos == end && end > start {
		// The end of a wrapped row is the next row's start: stay on this row.
		if p := lastBoundary(line, start, end); p >= 0 {
			return p
		}
	}
	return pos
}

// lastBoundary is the start of the last grapheme in [start, end), or -1.
func lastBoundary(line []byte, start, end int) int {
	prev, state := -1, -1
	for pos := start; pos < end; {
		prev = pos
		var cluster []byte
		cluster, _, _, state = uniseg.FirstGraphemeCluster(line[pos:end], state)
		pos += len(cluster)
	}
	return prev
}
