package ui

import (
	"fmt"
	"strings"

	"lemstep/internal/steptext"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// pager scrolls a text taller than its room with the key contract's keys
// (↑/↓, pgup/pgdn, home/end) and, when the text does not fit, gives its last
// line to saying how much is above and below. The bubbles viewport's own
// keys are not used: its b, d and f would take the review's and the draft
// offer's keys.
type pager struct {
	keys    Keys
	view    viewport.Model
	lines   int // of the content
	height  int // the room, status line included
	content string
}

func newPager(keys Keys) pager {
	return pager{keys: keys, view: viewport.New()}
}

// SetSize gives the pager its room: w columns and h lines.
func (p *pager) SetSize(w, h int) {
	p.view.SetWidth(max(1, w))
	p.height = max(1, h)
	p.fit()
}

// SetContent replaces the text, keeping the scroll position where it can.
func (p *pager) SetContent(s string) {
	p.content = s
	p.lines = strings.Count(s, "\n") + 1
	p.view.SetContent(s)
	p.fit()
}

// Top scrolls back to the first line.
func (p *pager) Top() { p.view.GotoTop() }

func (p *pager) fit() {
	h := p.height
	if p.lines > h && h > 1 {
		h-- // the status line
	}
	p.view.SetHeight(h)
	p.view.SetContent(p.content) // clamps the offset to the new height
}

// Update scrolls on a key; it reports whether the key was the pager's.
func (p *pager) Update(k tea.KeyPressMsg) bool {
	switch {
	case key.Matches(k, p.keys.Up):
		p.view.ScrollUp(1)
	case key.Matches(k, p.keys.Down):
		p.view.ScrollDown(1)
	case key.Matches(k, p.keys.PageUp):
		p.view.PageUp()
	case key.Matches(k, p.keys.PageDown):
		p.view.PageDown()
	case key.Matches(k, p.keys.Home):
		p.view.GotoTop()
	case key.Matches(k, p.keys.End):
		p.view.GotoBottom()
	default:
		return false
	}
	return true
}

// View draws the visible lines and, when the text does not fit, how much
// more there is.
func (p pager) View(st Styles) string {
	v := p.view.View()
	if p.lines <= p.height || p.height <= 1 {
		return v
	}
	return v + "\n" + st.Muted.Render(p.status())
}

func (p pager) status() string {
	below := max(0, p.lines-p.view.YOffset()-p.view.Height())
	above := p.view.YOffset()
	switch {
	case below > 0 && above > 0:
		return fmt.Sprintf("↓ %s below · ↑ %d above", steptext.Count(below, "more line", "more lines"), above)
	case below > 0:
		return fmt.Sprintf("↓ %s below (pgdn)", steptext.Count(below, "more line", "more lines"))
	}
	return fmt.Sprintf("↑ %s above (home) · nothing below", steptext.Count(above, "line", "lines"))
}
