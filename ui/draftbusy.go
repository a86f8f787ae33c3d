package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// busyScreen is shown when another lemstep is editing the step opened (it
// holds the step's draft): editing here too would have the two overwrite
// each other's draft. It offers the step read-only, or a separate draft of
// this lemstep's own.
type busyScreen struct {
	c        *Context
	keys     Keys
	open     openStepMsg
	readOnly bool // showing the step's fields
	view     viewport.Model
	height   int
}

// separateDraftMsg opens the editor on a separate draft of the busy step.
type separateDraftMsg struct{ sentBy }

func newBusyScreen(c *Context, keys Keys, open openStepMsg) *busyScreen {
	s := &busyScreen{c: c, keys: keys, open: open, view: viewport.New()}
	s.refresh()
	return s
}

func (s *busyScreen) SetSize(w, h int) {
	s.height = h
	s.view.SetWidth(w)
	s.view.SetHeight(max(1, h-4))
	s.refresh()
}

// refresh lays out the step's fields as lemlist has them, for reading.
func (s *busyScreen) refresh() {
	st := s.c.Styles
	var b strings.Builder
	for _, f := range api.EditableFields(s.open.step.Type) {
		v, _ := api.StepValue(s.open.step, f)
		b.WriteString(st.Key.Render(string(f)) + "\n")
		text := lipgloss.NewStyle().Width(max(20, s.view.Width()-2)).Render(fieldText(v))
		b.WriteString(lipgloss.NewStyle().PaddingLeft(2).Render(text) + "\n")
	}
	s.view.SetContent(strings.TrimRight(b.String(), "\n"))
}

// CapturesKeys is false: the screen has no text to type.
func (s *busyScreen) CapturesKeys() bool { return false }

// Crumbs names the screen.
func (s *busyScreen) Crumbs() []string { return []string{"busy"} }

func (s *busyScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Separate):
		return emit(separateDraftMsg{sentBy{s}})
	case key.Matches(k, s.keys.ReadOnly):
		s.readOnly = true
		return nil
	case key.Matches(k, s.keys.Back):
		return emit(backMsg{sentBy{s}})
	}
	var cmd tea.Cmd
	s.view, cmd = s.view.Update(k)
	return cmd
}

func (s *busyScreen) View() string {
	st := s.c.Styles
	head := st.Title.Render("Another lemstep is editing this step") + "\n" +
		st.Warning.Render("Its edits are kept in the step's draft; editing here too would overwrite them.") + "\n" +
		"s edits a separate draft of your own · v shows the step read-only · esc goes back"
	head = lipgloss.NewStyle().Width(max(20, s.view.Width())).Render(head)
	if !s.readOnly {
		return head
	}
	title := st.Muted.Render("Read-only: step " + safetext.Clean(s.open.step.ID) + " as lemlist has it")
	s.view.SetHeight(max(1, s.height-lipgloss.Height(head)-3))
	return head + "\n\n" + title + "\n" + s.view.View()
}

func (s *busyScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Separate, s.keys.ReadOnly, s.keys.Back, s.keys.Quit}
}

func (s *busyScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Separate, s.keys.ReadOnly}, {s.keys.Up, s.keys.Down, s.keys.Back, s.keys.Quit}}
}

// fieldText shows a field's value for reading, cleaned of control
// sequences: it came from the network.
func fieldText(v any) string {
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
	}
	return safetext.Clean(fmt.Sprint(v))
}
