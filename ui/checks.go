package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"lemstep/internal/safetext"
	"lemstep/ui/preview"
)

// checksList is the preview's lint findings, each wrapped under the
// counters. With the focus (f3), one is selected: enter takes the cursor to
// its place in the form, f makes the fix a finding offers.
type checksList struct {
	focused  bool
	selected int
	top      int    // the first finding shown when they do not all fit; kept by view
	note     string // what the last key did ("Replaced …"), until the next
	// key opens the list from the form ("f3"); "" where nothing does, and
	// then the list does not offer it.
	key string
}

// checkPlaces names where each finding is, in the form as the user sees
// it: "Message 3:4", or the field alone.
type checkPlaces func([]preview.Finding) []string

// storedPlaces names where each finding is in the text as lemlist stores
// it, for when no form shows the fields.
func storedPlaces(fs []preview.Finding) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = findingPlace(f)
	}
	return names
}

// clamp keeps the selection on one of n findings after they changed.
func (l *checksList) clamp(n int) { l.selected = min(max(0, l.selected), max(0, n-1)) }

// move selects the finding n below (above when negative).
func (l *checksList) move(n, count int) { l.selected += n; l.clamp(count) }

// view draws the findings, named by places, in at most lines lines of
// width columns: all of them when they fit, else a window holding the
// selection (the first ones when not focused) and a line saying how many
// more there are.
func (l *checksList) view(st Styles, fs []preview.Finding, places []string, width, lines int) string {
	if l.note == "" {
		return l.findings(st, fs, places, width, lines)
	}
	note := st.Notice.Render(lipgloss.Wrap(l.note, max(10, width), ""))
	rest := l.findings(st, fs, places, width, max(2, lines-lipgloss.Height(note)))
	return strings.TrimSuffix(note+"\n"+rest, "\n")
}

func (l *checksList) findings(st Styles, fs []preview.Finding, places []string, width, lines int) string {
	if len(fs) == 0 {
		return ""
	}
	if l.focused || l.key == "" {
		return l.blocksView(st, fs, places, width, lines)
	}
	// Say where the checks lead, once, above them.
	head := st.Muted.Render(truncate(countFindings(len(fs), "check")+" · "+l.key+" goes through them", width))
	return head + "\n" + l.blocksView(st, fs, places, width, lines-1)
}

func (l *checksList) blocksView(st Styles, fs []preview.Finding, places []string, width, lines int) string {
	selected := min(l.selected, len(fs)-1)
	blocks := make([]string, len(fs))
	total := 0
	for i, f := range fs {
		blocks[i] = l.block(st, f, places[i], i == selected && l.focused, width, max(2, lines-1))
		total += lipgloss.Height(blocks[i])
	}
	if total <= lines {
		l.top = 0
		return strings.Join(blocks, "\n")
	}
	if !l.focused {
		l.top = 0
	}
	shown := l.window(blocks, selected, lines-1)
	more := fmt.Sprintf("… and %d more", len(fs)-len(shown))
	if l.key != "" {
		more += " · " + l.key + " lists them"
	}
	if l.focused {
		more = fmt.Sprintf("%d of %d · ↑/↓ for the others", selected+1, len(fs))
	}
	return strings.Join(append(shown, st.Muted.Render(truncate(more, width))), "\n")
}

// window is the run of blocks, from top, that fits in lines, moved so the
// selected one shows; blocks are never taller than lines (see block).
func (l *checksList) window(blocks []string, selected, lines int) []string {
	l.top = min(l.top, selected)
	for {
		used, end := 0, l.top
		for end < len(blocks) && (end == l.top || used+lipgloss.Height(blocks[end]) <= lines) {
			used += lipgloss.Height(blocks[end])
			end++
		}
		if selected < end || l.top >= selected {
			return blocks[l.top:end]
		}
		l.top++
	}
}

// block is one finding, wrapped, hanging under its mark, in at most
// lines lines (a finding quoting a huge variable name ends in "…"); the
// selected one is marked and says what enter and f do.
func (l *checksList) block(st Styles, f preview.Finding, where string, selected bool, width, lines int) string {
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
		lines--
	}
	rows := strings.Split(lipgloss.Wrap(mark+" "+where+": "+safetext.Clean(f.Message), max(10, width-4), ""), "\n")
	if len(rows) > lines {
		rows = rows[:max(1, lines)]
		rows[len(rows)-1] = truncate(rows[len(rows)-1]+" …", max(10, width-4))
	}
	out := lead + style.Render(strings.Join(rows, "\n    "))
	if selected {
		hint := "enter goes there"
		if f.Fix.Old != "" {
			hint = fmt.Sprintf("f makes it %q · %s", safetext.Line(f.Fix.New), hint)
		}
		out += "\n    " + st.Muted.Render(truncate(hint, max(10, width-4)))
	}
	return out
}
