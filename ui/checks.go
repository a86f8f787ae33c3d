package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"lemstep/internal/safetext"
	"lemstep/ui/preview"
)

// checksList is the preview's lint findings, each wrapped whole under the
// counters. With the focus (f3), one is selected: enter takes the cursor to
// its place in the form, f makes the fix a finding offers.
type checksList struct {
	focused  bool
	selected int
	top      int    // the first finding shown when they do not all fit
	note     string // what the last key did ("Replaced …"), until the next
}

// checkPlace names where a finding is, in the form as the user sees it:
// "Message 3:4", or the field alone.
type checkPlace func(preview.Finding) string

// clamp keeps the selection on a finding after the findings changed.
func (l *checksList) clamp(n int) {
	l.selected = min(max(0, l.selected), max(0, n-1))
	if n == 0 {
		l.focused = false
	}
}

// move selects the finding n below (above when negative).
func (l *checksList) move(n, count int) { l.selected += n; l.clamp(count) }

// view draws the findings in at most lines lines of width columns: all of
// them when they fit, else a window holding the selection (the first
// ones when not focused) and a line saying how many more there are.
func (l *checksList) view(st Styles, fs []preview.Finding, place checkPlace, width, lines int) string {
	if l.note != "" {
		note := st.Notice.Render(lipgloss.Wrap(l.note, max(10, width), ""))
		lines -= lipgloss.Height(note)
		return strings.TrimSuffix(note+"\n"+l.findings(st, fs, place, width, max(2, lines)), "\n")
	}
	return l.findings(st, fs, place, width, lines)
}

func (l *checksList) findings(st Styles, fs []preview.Finding, place checkPlace, width, lines int) string {
	if len(fs) == 0 {
		return ""
	}
	l.clamp(len(fs))
	if !l.focused {
		// Say where the checks lead, once, above them.
		head := st.Muted.Render(truncate(countFindings(len(fs), "check")+" · f3 goes through them", width))
		return head + "\n" + l.blocksView(st, fs, place, width, lines-1)
	}
	return l.blocksView(st, fs, place, width, lines)
}

func (l *checksList) blocksView(st Styles, fs []preview.Finding, place checkPlace, width, lines int) string {
	blocks := make([]string, len(fs))
	total := 0
	for i, f := range fs {
		blocks[i] = l.block(st, f, place(f), i == l.selected && l.focused, width)
		total += lipgloss.Height(blocks[i])
	}
	if total <= lines {
		l.top = 0
		return strings.Join(blocks, "\n")
	}
	if !l.focused {
		l.top = 0
	}
	shown := l.window(blocks, lines-1)
	hidden := len(fs) - len(shown)
	more := fmt.Sprintf("… and %d more · f3 lists them", hidden)
	if l.focused {
		more = fmt.Sprintf("%d of %d · ↑/↓ for the others", l.selected+1, len(fs))
	}
	return strings.Join(append(shown, st.Muted.Render(truncate(more, width))), "\n")
}

// window is the run of blocks, from top, that fits in lines, moved so the
// selection shows; a block taller than lines shows alone, whole.
func (l *checksList) window(blocks []string, lines int) []string {
	if l.selected < l.top {
		l.top = l.selected
	}
	for {
		used, end := 0, l.top
		for end < len(blocks) && (end == l.top || used+lipgloss.Height(blocks[end]) <= lines) {
			used += lipgloss.Height(blocks[end])
			end++
		}
		if l.selected < end || l.top >= l.selected {
			return blocks[l.top:end]
		}
		l.top++
	}
}

// block is one finding, wrapped, hanging under its mark; the selected one
// is marked and says what enter and f do.
func (l *checksList) block(st Styles, f preview.Finding, where string, selected bool, width int) string {
	mark, style := "·", st.Info
	switch f.Severity {
	case preview.Blocking:
		mark, style = "✗", st.Error
	case preview.Warning:
		mark, style = "!", st.Warning
	}
	lead := "  "
	if selected {
		lead = st.Cursor.Render("› ")
	}
	text := lipgloss.Wrap(mark+" "+where+": "+safetext.Clean(f.Message), max(10, width-4), "")
	out := lead + style.Render(strings.ReplaceAll(text, "\n", "\n    "))
	if selected {
		hint := "enter goes there"
		if f.Fix.Old != "" {
			hint = fmt.Sprintf("f makes it %q · %s", safetext.Line(f.Fix.New), hint)
		}
		out += "\n    " + st.Muted.Render(truncate(hint, max(10, width-4)))
	}
	return out
}
