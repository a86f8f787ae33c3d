package ui

import (
	"charm.land/lipgloss/v2"

	"lemstep/theme"
)

// Styles is the theme plus the few derived styles only the screens use.
type Styles struct {
	*theme.Theme
	LaneYes   lipgloss.Style // "✓ Yes" heading of a condition's yes lane
	LaneNo    lipgloss.Style // "✗ No" heading
	Condition lipgloss.Style // a condition's sentence in the tree
	StepType  lipgloss.Style // the step type column
}

func newStyles(t *theme.Theme) Styles {
	return Styles{
		Theme:     t,
		LaneYes:   t.Success,
		LaneNo:    t.Warning,
		Condition: t.Title,
		StepType:  t.Notice,
	}
}

// Status is the style of a campaign status.
func (s Styles) Status(status string) lipgloss.Style { return s.StatusStyle(status) }
