package steptext

import (
	"strconv"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Excerpt is what names a step best on one line: a condition's sentence,
// a subject or title, an API call's method and URL, a target campaign, an
// endorsed skill, or else the message as a reader sees it.
func Excerpt(s api.Step) string {
	var text string
	switch {
	case s.Type == api.Conditional:
		text = api.ConditionSentence(s)
	case s.Subject != "":
		text = s.Subject
	case s.Title != "":
		text = s.Title
	case s.Type == api.APICall && s.URL != "":
		text = s.Method + " " + s.URL
	case s.Type == api.SendToAnotherCampaign:
		text = "to campaign " + s.CampaignID
	case s.Type == api.LinkedinEndorse && s.SkillName != "":
		text = "endorse " + strconv.Quote(s.SkillName)
	default:
		text = Plain(s.Type, s.Message)
	}
	return safetext.Line(text)
}
