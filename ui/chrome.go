package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/internal/safetext"
)

// header is the top line of every screen: the program, the team, where the
// user is (campaign › sequence › step) and the DEMO badge in the sandbox.
func header(c *Context, crumbs []string) string {
	st := c.Styles
	left := st.HeaderTitle.Render("lemstep")
	if c.Team != "" {
		left += st.Muted.Render(" · " + safetext.Line(c.Team))
	}
	if c.Demo {
		left += " " + st.DemoBadge.Render("DEMO")
	}
	clean := make([]string, 0, len(crumbs))
	for _, cr := range crumbs {
		if cr != "" {
			clean = append(clean, safetext.Line(cr))
		}
	}
	line := left
	if len(clean) > 0 {
		line += "  " + st.Breadcrumb.Render(strings.Join(clean, " › "))
	}
	return st.Header.Render(truncate(line, c.Width-2))
}

// footer is the help bar built from the active screen's keymap, so the help
// never drifts from the keys; full shows every binding.
func footer(c *Context, h help.Model, k help.KeyMap, full bool) string {
	width := max(10, c.Width-2)
	if full {
		return c.Styles.Footer.Render(lipgloss.NewStyle().MaxWidth(width).Render(fullHelp(h, k, width)))
	}
	h.SetWidth(width)
	h.ShowAll = false
	// bubbles' help adds a binding past its width when the "…" would not
	// fit either (help.shouldAddItem), and the terminal then wraps the
	// line; cut what it drew to the width.
	return c.Styles.Footer.Render(lipgloss.NewStyle().MaxWidth(max(10, c.Width-2)).Render(h.View(k)))
}

// helpGap separates the full help's columns, as bubbles' help does.
const helpGap = "    "

// fullHelp lays the full help's columns out in rows that fit width:
// bubbles' help puts them all on one row and cuts what passes the width
// to "…", which hid the last columns (review, back, quit) at 80 columns.
func fullHelp(h help.Model, k help.KeyMap, width int) string {
	h.SetWidth(0)
	var rows, row []string
	used := 0
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
		}
		row, used = nil, 0
	}
	for _, group := range k.FullHelp() {
		if len(group) == 0 {
			continue
		}
		col := h.FullHelpView([][]key.Binding{group})
		w := lipgloss.Width(col)
		if len(row) > 0 && used+len(helpGap)+w > width {
			flush()
		}
		if len(row) > 0 {
			row = append(row, helpGap)
			used += len(helpGap)
		}
		row, used = append(row, col), used+w
	}
	flush()
	return strings.Join(rows, "\n\n")
}

func newHelp(c *Context) help.Model {
	h := help.New()
	st := c.Styles
	h.Styles.ShortKey = st.HelpKey
	h.Styles.ShortDesc = st.HelpDesc
	h.Styles.ShortSeparator = st.HelpSep
	h.Styles.FullKey = st.HelpKey
	h.Styles.FullDesc = st.HelpDesc
	h.Styles.FullSeparator = st.HelpSep
	h.Styles.Ellipsis = st.HelpSep
	return h
}

// tooSmall is shown instead of a screen when the terminal is below the
// smallest usable size.
func tooSmall(c *Context) string {
	msg := "lemstep needs a window of at least 60×16.\nMake the window bigger to continue."
	return lipgloss.Place(c.Width, c.Height, lipgloss.Center, lipgloss.Center, msg)
}

// fitHeight pads or cuts s to exactly h lines so the footer stays put.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(0, h)]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// spin moves a spinner on while busy; once the work is done its ticks stop,
// and with them the redraws they cause.
func spin(sp *spinner.Model, busy bool, msg spinner.TickMsg) tea.Cmd {
	if !busy {
		return nil
	}
	var cmd tea.Cmd
	*sp, cmd = sp.Update(msg)
	return cmd
}
