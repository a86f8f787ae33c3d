package ui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// confirmBox asks a yes/no question before an action that loses edits.
type confirmBox struct {
	question string
	yes      func() tea.Cmd
}

func (b *confirmBox) View(c *Context) string {
	st := c.Styles
	// The question wraps to fit narrow terminals, inside the box's border
	// and padding.
	question := lipgloss.NewStyle().Width(max(20, min(c.Width-10, 64))).Render(b.question)
	box := st.BorderFocused.Padding(1, 3).Render(
		st.Warning.Render(question) + "\n\n" +
			st.HelpKey.Render("y") + st.HelpDesc.Render(" yes   ") +
			st.HelpKey.Render("n") + st.HelpDesc.Render(" no, keep editing"))
	return lipgloss.Place(c.Width, max(1, c.Height-3), lipgloss.Center, lipgloss.Center, box)
}
