package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// screen is one page of the interface. The root keeps the open pages on a
// stack (the campaign list at the bottom, the page on display on top) and
// routes, sizes, helps and names them with loops over it.
type screen interface {
	help.KeyMap
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	// CapturesKeys reports whether keys are text for this screen (a filter
	// being typed, a form field), so q, esc and ? belong to it.
	CapturesKeys() bool
	// Crumbs is what this screen adds to the header's path.
	Crumbs() []string
}

// backgroundWorker is a screen with work that goes on while another screen
// covers it, such as the editor's preview renders and draft writes during
// the review.
type backgroundWorker interface {
	Background(tea.Msg) (tea.Cmd, bool)
}

// closer is a screen that lets go of something (a draft's lock) when it
// closes.
type closer interface{ Closed() }

// closeAbove closes every screen above scr, telling those that hold
// something; scr stays open.
func (s stack) closeAbove(scr screen) stack {
	kept := s.popTo(scr)
	for _, gone := range s[len(kept):] {
		if c, ok := gone.(closer); ok {
			c.Closed()
		}
	}
	return kept
}

// addressed is a background result meant for the screen that asked for it.
// The root drops it when that screen is no longer open: an answer can
// arrive after the user moved on.
type addressed interface{ recipient() screen }

// replyTo addresses a result message; embed it and fill it with the screen
// that starts the command.
type replyTo struct{ to screen }

func (r replyTo) recipient() screen { return r.to }

// request is a message that asks the root to move between screens. It is
// acted on only while its sender is on display: two keys pressed back to
// back can send a second request from a screen the first one already left.
type request interface{ sender() screen }

// sentBy marks a request with the screen that made it.
type sentBy struct{ from screen }

func (s sentBy) sender() screen { return s.from }

// emit is a command that delivers msg.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// stack is the open screens, the one on display last.
type stack []screen

func (s stack) top() screen { return s[len(s)-1] }

// holds reports whether scr is open.
func (s stack) holds(scr screen) bool {
	for _, o := range s {
		if o == scr {
			return true
		}
	}
	return false
}

// below returns the screens under the top one, nearest first.
func (s stack) below() []screen {
	out := make([]screen, 0, len(s)-1)
	for i := len(s) - 2; i >= 0; i-- {
		out = append(out, s[i])
	}
	return out
}

// popTo closes every screen above scr.
func (s stack) popTo(scr screen) stack {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == scr {
			return s[:i+1]
		}
	}
	return s
}

// find returns the nearest open screen of type T.
func find[T screen](s stack) (T, bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if t, ok := s[i].(T); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}
