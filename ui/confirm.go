package ui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// confirmBox asks a yes/no question before an action that loses edits.
type confirmBox struct {
	question string
	yes      func() tea.Cmd
	// no runs when the answer is no, when there is something to undo;
	// noLabel says what no does ("no, keep editing" when empty).
	no      func()
	noLabel string
}

func (b *confirmBox) View(c *Context) string {
	st := c.Styles
	// The question wraps to fit narrow terminals, inside the box's border
	// and padding.
	question := lipgloss.NewStyle().Width(max(20, min(c.Width-10, 64))).Render(b.question)
	noLabel := b.noLabel
	if noLabel == "" {
		noLabel = "no, keep editing"
	}
	box := st.BorderFocused.Padding(1, 3).Render(
		st.Warning.Render(question) + "\n\n" +
			st.HelpKey.Render("y") + st.HelpDesc.Render(" yes   ") +
			st.HelpKey.Render("n") + st.HelpDesc.Render(" "+noLabel))
	return lipgloss.Place(c.Width, max(1, c.Height-3), lipgloss.Center, lipgloss.Center, box)
}
