package theme

import "charm.land/lipgloss/v2"

// statusStyles gives each campaign status (see api.CampaignStatuses) its
// style: running stands out, ended and archived recede, errors alarm.
func statusStyles(p palette) map[string]lipgloss.Style {
	s := lipgloss.NewStyle()
	return map[string]lipgloss.Style{
		"draft":    fg(s, p.Muted),
		"running":  fg(s.Bold(true), p.Success),
		"paused":   fg(s, p.Warning),
		"ended":    fg(s, p.Info),
		"errors":   fg(s.Bold(true), p.Error),
		"archived": fg(s.Faint(p.Archived == nil), p.Archived),
	}
}

// StatusStyle returns the style of a campaign status such as "running" or
// "paused"; an unknown status gets the muted style.
func (t *Theme) StatusStyle(status string) lipgloss.Style {
	if st, ok := t.status[status]; ok {
		return st
	}
	return t.Muted
}
