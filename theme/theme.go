// Package theme holds every style lemstep draws with, defined once as data:
// lipgloss styles for the screens, a matching huh theme for the forms and a
// matching glamour style for the message preview. A theme is dark, light or
// colourless (NO_COLOR); the colourless one still uses bold, underline and
// reverse so the selection and headings stay visible.
package theme

import (
	"charm.land/lipgloss/v2"
)

// Theme is the set of styles of one palette. Build it with New and pass it
// explicitly to the screens that draw; its fields are values, so a screen may
// derive a variant (style.Width(n)) without touching the theme.
type Theme struct {
	dark    bool
	noColor bool
	pal     palette
	status  map[string]lipgloss.Style

	App         lipgloss.Style // the whole screen
	Header      lipgloss.Style // top bar
	HeaderTitle lipgloss.Style // program name in the top bar
	Breadcrumb  lipgloss.Style // campaign › sequence › step
	DemoBadge   lipgloss.Style // DEMO marker when running against the sandbox
	Footer      lipgloss.Style // bottom bar
	HelpKey     lipgloss.Style // a key in the help bar ("ctrl+s")
	HelpDesc    lipgloss.Style // what the key does
	HelpSep     lipgloss.Style // separator between help entries

	Title    lipgloss.Style // screen and pane titles
	Subtle   lipgloss.Style // least important text
	Muted    lipgloss.Style // secondary text, hints
	Selected lipgloss.Style // the selected row of a list
	Cursor   lipgloss.Style // the cursor mark before the selected row

	Error   lipgloss.Style
	Warning lipgloss.Style
	Success lipgloss.Style
	Notice  lipgloss.Style // neutral information
	Info    lipgloss.Style // lint findings of severity info

	Tree        lipgloss.Style // tree guides (├─ └─ │)
	DiffAdd     lipgloss.Style
	DiffDel     lipgloss.Style
	DiffContext lipgloss.Style
	Badge       lipgloss.Style // small labels (step type, counters)

	Border        lipgloss.Style // an unfocused pane
	BorderFocused lipgloss.Style // the focused pane

	Key   lipgloss.Style // field names on the review screen
	Value lipgloss.Style // field values on the review screen

	Counter     lipgloss.Style // a character or segment counter within its limit
	CounterOver lipgloss.Style // a counter past its limit

	Template lipgloss.Style // {{ … }} and {% … %} in the raw template view
}

// New builds the theme for a dark or light background; noColor drops every
// colour (the NO_COLOR convention) and keeps only text attributes.
func New(dark, noColor bool) *Theme {
	pal := lightPalette()
	if dark {
		pal = darkPalette()
	}
	if noColor {
		pal = palette{}
	}
	t := &Theme{dark: dark, noColor: noColor, pal: pal}
	t.buildChrome()
	t.buildText()
	t.buildPanes()
	t.status = statusStyles(pal)
	return t
}

// Dark reports whether the theme is meant for a dark background.
func (t *Theme) Dark() bool { return t.dark }

// NoColor reports whether the theme draws without colour.
func (t *Theme) NoColor() bool { return t.noColor }

func (t *Theme) buildChrome() {
	p, s := t.pal, lipgloss.NewStyle()
	t.App = s
	t.Header = s.Padding(0, 1)
	t.HeaderTitle = fg(s.Bold(true), p.Accent)
	t.Breadcrumb = fg(s, p.Muted)
	t.DemoBadge = s.Bold(true).Padding(0, 1)
	if p.Badge == nil {
		t.DemoBadge = t.DemoBadge.Reverse(true)
	} else {
		t.DemoBadge = fg(bg(t.DemoBadge, p.Badge), p.BadgeFg)
	}
	t.Footer = s.Padding(0, 1)
	t.HelpKey = fg(s.Bold(true), p.Accent2)
	t.HelpDesc = fg(s, p.Muted)
	t.HelpSep = fg(s, p.Subtle)
}

func (t *Theme) buildText() {
	p, s := t.pal, lipgloss.NewStyle()
	t.Title = fg(s.Bold(true), p.Accent)
	t.Subtle = fg(s, p.Subtle)
	t.Muted = fg(s, p.Muted)
	if p.SelectBg == nil {
		t.Selected = s.Reverse(true)
	} else {
		t.Selected = fg(bg(s, p.SelectBg), p.SelectFg)
	}
	t.Cursor = fg(s.Bold(true), p.Accent2)
	t.Error = fg(s.Bold(true), p.Error)
	t.Warning = fg(s.Bold(true), p.Warning)
	t.Success = fg(s.Bold(true), p.Success)
	t.Notice = fg(s, p.Info)
	t.Info = fg(s, p.Info)
	t.Template = fg(s.Bold(true), p.Accent2)
	t.Badge = s.Padding(0, 1)
	if p.Subtle == nil {
		t.Badge = t.Badge.Underline(true)
	} else {
		t.Badge = fg(bg(t.Badge, p.Subtle), p.SelectFg)
	}
}

func (t *Theme) buildPanes() {
	p, s := t.pal, lipgloss.NewStyle()
	t.Tree = fg(s, p.Subtle)
	t.DiffAdd = fg(s, p.DiffAdd)
	t.DiffDel = fg(s, p.DiffDel)
	if p.DiffAdd == nil {
		t.DiffAdd = s.Bold(true)
		t.DiffDel = s.Strikethrough(true)
	}
	t.DiffContext = fg(s, p.Muted)
	t.Border = borderFg(s.Border(lipgloss.RoundedBorder()), p.Subtle)
	t.BorderFocused = borderFg(s.Border(lipgloss.RoundedBorder()), p.Accent)
	if p.Accent == nil {
		t.BorderFocused = s.Border(lipgloss.ThickBorder())
	}
	t.Key = fg(s.Bold(true), p.Muted)
	t.Value = fg(s, p.Text)
	t.Counter = fg(s, p.Muted)
	t.CounterOver = fg(s.Bold(true), p.Error)
	if p.Error == nil {
		t.CounterOver = t.CounterOver.Underline(true)
	}
}
