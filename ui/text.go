package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// truncate cuts s (which may hold styles) to w cells, marking the cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// excerpt is the one line that stands for a step in the tree: its subject or
// title, else the first non-empty line of its message.
func excerpt(s api.Step) string {
	switch {
	case s.Type == api.Conditional:
		return safetext.Line(api.ConditionSentence(s))
	case s.Subject != "":
		return safetext.Line(s.Subject)
	case s.Title != "":
		return safetext.Line(s.Title)
	case s.Type == api.APICall && s.URL != "":
		return safetext.Line(s.Method + " " + s.URL)
	case s.Type == api.SendToAnotherCampaign:
		return "→ " + safetext.Line(s.CampaignID)
	case s.Type == api.LinkedinEndorse && s.SkillName != "":
		return "Endorse “" + safetext.Line(s.SkillName) + "”"
	}
	for _, line := range strings.Split(steptext.Plain(s.Type, s.Message), "\n") {
		if l := safetext.Line(line); l != "" {
			return l
		}
	}
	return ""
}
