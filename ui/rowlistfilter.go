package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The filter of a rowList: its input, what it holds and what it matched.

// Filtering reports whether the filter input has focus (keys are text then).
func (l *rowList[T]) Filtering() bool { return l.filtering }

// Filtered reports whether a filter narrows the rows.
func (l *rowList[T]) Filtered() bool { return l.input.Value() != "" }

// Term is the filter typed, "" when none.
func (l *rowList[T]) Term() string { return l.input.Value() }

// Matches is how many of the rows shown match the filter: those not shown
// only as the heading of a match.
func (l *rowList[T]) Matches() int {
	n := len(l.visible)
	for _, c := range l.context {
		if c {
			n--
		}
	}
	return n
}

// updateFilter handles a key while the filter is typed: letters are text,
// so only the arrows move.
func (l *rowList[T]) updateFilter(k tea.KeyPressMsg, keys Keys) tea.Cmd {
	switch {
	case key.Matches(k, keys.ClearFilter):
		l.filtering = false
		l.input.Blur()
		l.input.SetValue("")
		l.refilter()
		return nil
	case key.Matches(k, keys.ApplyFilter):
		l.filtering = false
		l.input.Blur()
		return nil
	case key.Matches(k, keys.FilterUp):
		l.move(-1)
		return nil
	case key.Matches(k, keys.FilterDown):
		l.move(1)
		return nil
	}
	before := l.input.Value()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(k)
	if l.input.Value() != before {
		l.refilter()
	}
	return cmd
}

// FilterLine is the filter prompt, or "" when no filter is set or typed.
func (l *rowList[T]) FilterLine() string {
	if !l.filtering && !l.Filtered() {
		return ""
	}
	// The input pads its text to its width: show only what is typed (or
	// the placeholder) and the cursor's cell, so what follows the line
	// stands beside it.
	shown := l.input.Value()
	if shown == "" {
		shown = l.input.Placeholder
	}
	w := ansi.StringWidth(l.input.Prompt) + ansi.StringWidth(shown)
	if l.filtering {
		w++ // the cursor's cell
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(l.input.View())
}
