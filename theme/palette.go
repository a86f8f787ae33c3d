package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// palette holds the colours every style is built from. In no-colour mode every
// entry is nil, and the style builders skip colour entirely, so nothing but
// bold, italic, underline and reverse ever reaches the terminal.
type palette struct {
	Text     color.Color // body text
	Muted    color.Color // help, hints, secondary text
	Subtle   color.Color // tree guides, borders of unfocused panes
	Accent   color.Color // titles, focused borders, links
	Accent2  color.Color // key names in help, template tags
	SelectBg color.Color // background of the selected row
	SelectFg color.Color
	Error    color.Color
	Warning  color.Color
	Success  color.Color
	Info     color.Color
	DiffAdd  color.Color
	DiffDel  color.Color
	Badge    color.Color // background of badges (DEMO, counters)
	BadgeFg  color.Color
	Archived color.Color
	Hex      hexPalette
}

// hexPalette repeats the colours as "#rrggbb" strings, the form glamour's
// style configuration wants.
type hexPalette struct {
	Text, Muted, Accent, Accent2, Code string
}

func darkPalette() palette {
	return palette{
		Text:     lipgloss.Color("#E4E4E7"),
		Muted:    lipgloss.Color("#8B8B94"),
		Subtle:   lipgloss.Color("#52525B"),
		Accent:   lipgloss.Color("#8B83FF"),
		Accent2:  lipgloss.Color("#F59EE0"),
		SelectBg: lipgloss.Color("#3B3670"),
		SelectFg: lipgloss.Color("#FFFFFF"),
		Error:    lipgloss.Color("#F87171"),
		Warning:  lipgloss.Color("#FBBF24"),
		Success:  lipgloss.Color("#4ADE80"),
		Info:     lipgloss.Color("#60A5FA"),
		DiffAdd:  lipgloss.Color("#4ADE80"),
		DiffDel:  lipgloss.Color("#F87171"),
		Badge:    lipgloss.Color("#F59E0B"),
		BadgeFg:  lipgloss.Color("#1C1917"),
		Archived: lipgloss.Color("#71717A"),
		Hex: hexPalette{
			Text: "#E4E4E7", Muted: "#8B8B94", Accent: "#8B83FF",
			Accent2: "#F59EE0", Code: "#FBBF24",
		},
	}
}

func lightPalette() palette {
	return palette{
		Text:     lipgloss.Color("#27272A"),
		Muted:    lipgloss.Color("#6B6B74"),
		Subtle:   lipgloss.Color("#A1A1AA"),
		Accent:   lipgloss.Color("#4F46E5"),
		Accent2:  lipgloss.Color("#B4237F"),
		SelectBg: lipgloss.Color("#E0DEFF"),
		SelectFg: lipgloss.Color("#18181B"),
		Error:    lipgloss.Color("#C81E1E"),
		Warning:  lipgloss.Color("#A15C00"),
		Success:  lipgloss.Color("#15803D"),
		Info:     lipgloss.Color("#1D4ED8"),
		DiffAdd:  lipgloss.Color("#15803D"),
		DiffDel:  lipgloss.Color("#C81E1E"),
		Badge:    lipgloss.Color("#B45309"),
		BadgeFg:  lipgloss.Color("#FFFFFF"),
		Archived: lipgloss.Color("#71717A"),
		Hex: hexPalette{
			Text: "#27272A", Muted: "#6B6B74", Accent: "#4F46E5",
			Accent2: "#B4237F", Code: "#A15C00",
		},
	}
}

// fg returns s with foreground c, or s unchanged when c is nil (no colour).
func fg(s lipgloss.Style, c color.Color) lipgloss.Style {
	if c == nil {
		return s
	}
	return s.Foreground(c)
}

// bg returns s with background c, or s unchanged when c is nil (no colour).
func bg(s lipgloss.Style, c color.Color) lipgloss.Style {
	if c == nil {
		return s
	}
	return s.Background(c)
}

// borderFg returns s with border colour c, or s unchanged when c is nil.
func borderFg(s lipgloss.Style, c color.Color) lipgloss.Style {
	if c == nil {
		return s
	}
	return s.BorderForeground(c)
}
