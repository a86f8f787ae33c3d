package ui

import (
	"fmt"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

	"lemstep/internal/safetext"
)

// fieldDiff shows one field's change. Short values read "old → new"; long or
// multi-line texts become a line diff so a one-word fix in a long email is
// easy to find.
func fieldDiff(st Styles, old, nu any, width int) string {
	o, n := display(old), display(nu)
	long := strings.Contains(o, "\n") || strings.Contains(n, "\n") || len(o)+len(n) > width-10
	if _, isText := nu.(string); !long || !isText {
		return "  " + st.DiffDel.Render(truncate(o, width-4)) + "\n  " + st.Muted.Render("→ ") + st.DiffAdd.Render(truncate(n, width-6)) + "\n"
	}
	return lineDiff(st, o, n, width)
}

func lineDiff(st Styles, old, nu string, width int) string {
	edits := udiff.Lines(breakLines(old), breakLines(nu))
	unified, err := udiff.ToUnifiedDiff("before", "after", breakLines(old), edits, 1)
	if err != nil {
		return "  " + st.DiffAdd.Render(nu) + "\n"
	}
	var b strings.Builder
	for _, h := range unified.Hunks {
		for _, l := range h.Lines {
			text := strings.TrimRight(l.Content, "\n")
			switch l.Kind {
			case udiff.Delete:
				b.WriteString(st.DiffDel.Render(truncate("- "+text, width-2)))
			case udiff.Insert:
				b.WriteString(st.DiffAdd.Render(truncate("+ "+text, width-2)))
			default:
				b.WriteString(st.DiffContext.Render(truncate("  "+text, width-2)))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// breakLines splits HTML at its block ends so an email diff goes paragraph
// by paragraph rather than as one enormous line.
func breakLines(s string) string {
	for _, tag := range []string{"</p>", "<br>", "<br/>", "<br />", "</li>", "</div>"} {
		s = strings.ReplaceAll(s, tag, tag+"\n")
	}
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// display renders a field value as the user would type it; text from the
// network is stripped of control sequences.
func display(v any) string {
	switch val := v.(type) {
	case nil:
		return "(empty)"
	case string:
		if val == "" {
			return "(empty)"
		}
		return safetext.Clean(val)
	case []string:
		if len(val) == 0 {
			return "(none)"
		}
		return safetext.Clean(strings.Join(val, "\n"))
	case bool:
		if val {
			return "yes"
		}
		return "no"
	}
	return fmt.Sprint(v)
}
