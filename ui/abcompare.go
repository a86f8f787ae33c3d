package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/internal/steptext"
	"lemstep/ui/changeview"
)

// compareMsg asks to compare variant A with variant B, from either
// variant's editor: the edits there are compared with the other variant
// as the tree read it.
type compareMsg struct{ sentBy }

// compareWide is the width from which A and B sit side by side.
const compareWide = 140

// compareScreen shows variant A and variant B as the same sample lead reads
// them, side by side on wide terminals and one above the other on narrow
// ones, with the words that differ marked above them (as the change view
// marks them: [-A's-] {+B's+}).
type compareScreen struct {
	c      *Context
	keys   Keys
	a, b   api.Step // both as emails
	paneA  *previewPane
	paneB  *previewPane
	width  int
	height int
}

// newCompareScreen compares a with b, both as emails.
func newCompareScreen(c *Context, keys Keys, a, b api.Step) *compareScreen {
	return &compareScreen{c: c, keys: keys, a: a, b: b, paneA: newPreviewPane(c), paneB: newPreviewPane(c)}
}

func (s *compareScreen) Init() tea.Cmd {
	return tea.Batch(s.paneA.Schedule(s.a), s.paneB.Schedule(s.b))
}

func (s *compareScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	pw := w
	if w >= compareWide {
		pw = w/2 - 1
	}
	s.paneA.SetSize(max(20, pw-2), h)
	s.paneB.SetSize(max(20, pw-2), h)
}

func (s *compareScreen) CapturesKeys() bool { return false }

func (s *compareScreen) Crumbs() []string { return []string{"A and B"} }

func (s *compareScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.Back):
			return emit(backMsg{sentBy{s}})
		case key.Matches(k, s.keys.NextLead):
			return tea.Batch(s.paneA.NextLead(), s.paneB.NextLead())
		case key.Matches(k, s.keys.RawToggle):
			return tea.Batch(s.paneA.ToggleRaw(), s.paneB.ToggleRaw())
		}
		return nil
	}
	cmdA, _ := s.paneA.Update(msg)
	cmdB, _ := s.paneB.Update(msg)
	return tea.Batch(cmdA, cmdB)
}

func (s *compareScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.NextLead, s.keys.RawToggle, s.keys.Back, s.keys.Quit}
}

func (s *compareScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

func (s *compareScreen) View() string {
	st := s.c.Styles
	// The words B changes from A, marked as every change is, the message
	// read as its text: the previews below show the rest.
	o := changeview.Options{Width: s.width, Theme: s.c.Theme}
	subject := changeview.Render([]changeview.Entry{changeview.Change(api.FieldSubject, s.a.Subject, s.b.Subject)}, o)
	message := changeview.Render([]changeview.Entry{changeview.Change(api.FieldMessage,
		steptext.Plain(api.Email, s.a.Message), steptext.Plain(api.Email, s.b.Message))}, o)
	top := fitHeight(subject, 3) + "\n" + fitHeight(message, 4)
	rest := max(4, s.height-lipgloss.Height(top)-1)
	if s.width >= compareWide {
		half := s.width/2 - 1
		left := lipgloss.NewStyle().Width(half).Render(st.Title.Render("Variant A") + "\n" + s.paneA.View(rest-1))
		right := lipgloss.NewStyle().Width(half).Render(st.Title.Render("Variant B") + "\n" + s.paneB.View(rest-1))
		return top + "\n" + lipgloss.JoinHorizontal(lipgloss.Top, left, "  ", right)
	}
	each := max(2, rest/2-1)
	return top + "\n" + st.Title.Render("Variant A") + "\n" + fitHeight(s.paneA.View(each), each) +
		"\n" + st.Title.Render("Variant B") + "\n" + s.paneB.View(each)
}
