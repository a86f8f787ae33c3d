package changeview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cell is one character of a line to draw, with how it is painted.
type cell struct {
	r     rune
	w     int // columns it takes
	paint paint
	open  bool // part of an opening bracket: no row ends after it
}

type paint int

const (
	paintPlain paint = iota
	paintGone        // words only the old version has
	paintNew         // words only the new version has
	paintMuted       // a placeholder: (empty), (not set)
)

// paints are the styles of each paint.
type paints [4]func(string) string

// wrapCells breaks a line into rows of at most width columns, at a space
// when there is one (the space ends the row it follows), else inside the
// word: nothing is ever cut. width <= 0 leaves the line whole.
func wrapCells(line []cell, width int) [][]cell {
	if width <= 0 || lineWidth(line) <= width {
		return [][]cell{line}
	}
	var rows [][]cell
	start, col, lastBreak := 0, 0, -1
	for i := 0; i < len(line); i++ {
		c := line[i]
		if col+c.w > width && i > start {
			end := i
			if lastBreak > start {
				end = lastBreak
			}
			rows = append(rows, line[start:end])
			start, lastBreak = end, -1
			col = lineWidth(line[start:i])
		}
		col += c.w
		if c.r == ' ' && (i == 0 || !line[i-1].open) {
			lastBreak = i + 1
		}
	}
	return append(rows, line[start:])
}

func lineWidth(cs []cell) int {
	n := 0
	for _, c := range cs {
		n += c.w
	}
	return n
}

// toCells turns text (one line, no line break) into cells of one paint.
// Tabs become four spaces: the terminal would move to a tab stop the width
// cannot account for.
func toCells(text string, p paint) []cell {
	out := make([]cell, 0, len(text))
	for _, r := range text {
		if r == '\t' {
			for range 4 {
				out = append(out, cell{r: ' ', w: 1, paint: p})
			}
			continue
		}
		out = append(out, cell{r: r, w: ansi.StringWidth(string(r)), paint: p})
	}
	return out
}

// drawCells paints a row, one style call per run of the same paint; trailing
// spaces are dropped.
func drawCells(row []cell, ps paints) string {
	for len(row) > 0 && row[len(row)-1].r == ' ' && row[len(row)-1].paint == paintPlain {
		row = row[:len(row)-1]
	}
	var b, run strings.Builder
	cur := paintPlain
	flush := func() {
		if run.Len() > 0 {
			b.WriteString(ps[cur](run.String()))
			run.Reset()
		}
	}
	for _, c := range row {
		if c.paint != cur {
			flush()
			cur = c.paint
		}
		run.WriteRune(c.r)
	}
	flush()
	return b.String()
}
