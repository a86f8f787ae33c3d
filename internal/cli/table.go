package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"lemstep/theme"
)

// writeTable prints rows (the first is the header) with columns aligned by
// display width, so names with emoji or CJK line up. Cells must already be
// cleaned of terminal controls. With a theme, the header is styled, and
// paint (when given) styles the other cells: it gets the column and the
// cell's text, and returns it styled.
func writeTable(w io.Writer, th *theme.Theme, rows [][]string, paint func(col int, cell string) string) error {
	widths := columnWidths(rows)
	for i, row := range rows {
		cells := make([]string, len(row))
		for j, cell := range row {
			pad := strings.Repeat(" ", widths[j]-ansi.StringWidth(cell))
			switch {
			case th == nil:
			case i == 0:
				cell = th.Title.Render(cell)
			case paint != nil:
				cell = paint(j, cell)
			}
			cells[j] = cell + pad
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(strings.Join(cells, "  "), " ")); err != nil {
			return err
		}
	}
	return nil
}

func columnWidths(rows [][]string) []int {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for j, cell := range row {
			widths[j] = max(widths[j], ansi.StringWidth(cell))
		}
	}
	return widths
}
