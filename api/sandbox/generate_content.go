package sandbox

import (
	"fmt"

	"lemstep/api"
)

// wordPools are the generator's word lists: enough variety that list
// screens and previews look like real data.
type wordPools struct {
	segments, purposes, statuses, labels []string
	subjects, openers, lines, skills     []string
	// Conditional steps are added separately; the others appear in these
	// proportions.
	stepTypes []api.StepType
}

func newWordPools() wordPools {
	return wordPools{
		segments: []string{"SaaS founders", "Heads of RevOps", "Fintech product leaders", "E-commerce CMOs",
			"HR tech buyers", "Agency owners", "Series B CTOs", "Logistics VPs"},
		purposes: []string{"multichannel", "email only", "LinkedIn warm-up", "webinar follow-up",
			"reactivation", "event leads"},
		statuses: []string{"running", "running", "draft", "paused", "ended", "errors", "archived"},
		labels:   []string{"outbound", "inbound", "partners", "events", "nurture"},
		subjects: []string{"{{firstName}}, quick question", "Idea for {{companyName}}",
			"Re: onboarding at {{companyName}}", "{{firstName}}, worth a look?"},
		openers: []string{"I noticed {{companyName}} is hiring for growth.",
			"Teams like {{companyName}} usually lose a third of their trials in week one.",
			"Following up on my last note."},
		lines: []string{"Open to a 15-minute call next week?", "Happy to send the numbers for your segment.",
			"Is this on your roadmap this quarter?"},
		skills: []string{"Demand Generation", "SaaS", "Product Management", "Revenue Operations"},
		stepTypes: []api.StepType{api.Email, api.Email, api.Email, api.Manual, api.Phone, api.APICall,
			api.LinkedinVisit, api.LinkedinInvite, api.LinkedinSend, api.LinkedinVoiceNote, api.LinkedinFollow,
			api.LinkedinLikeLastPost, api.LinkedinCommentLastPost, api.LinkedinEndorse,
			api.LinkedinWithdrawInvitation, api.SendToAnotherCampaign, api.WhatsappMessage, api.SMS},
	}
}

// step makes a step of type t with content fit for its type.
func (g *generator) step(t api.StepType, target string) api.Step {
	st := api.Step{ID: g.ids.next("stp_"), Type: t, EmailTemplateID: g.ids.next("etp_")}
	text := "Hi {{firstName}}, " + g.pick(g.words.openers) + " " + g.pick(g.words.lines)
	switch t {
	case api.Email:
		st.Subject = g.pick(g.words.subjects)
		st.Message = fmt.Sprintf(`<p style="margin: 0 0 12px;">Hi {{firstName}},</p><p style="margin: 0 0 12px;">%s</p><p style="margin: 0;">%s<br>Avery</p>`,
			g.pick(g.words.openers), g.pick(g.words.lines))
	case api.Manual:
		st.Title = "Research {{companyName}} before the call"
		st.Message = text
	case api.Phone, api.LinkedinInvite, api.WhatsappMessage, api.SMS:
		st.Message = text
	case api.LinkedinSend:
		st.Message = text
		st.AltMessage = g.pick(g.words.lines)
	case api.APICall:
		st.Method = g.pick([]string{"GET", "POST", "PUT", "DELETE", "PATCH"})
		st.URL = fmt.Sprintf("https://hooks.generated.example/lemlist/%d", g.rng.IntN(1000))
	case api.LinkedinVoiceNote:
		st.RecordMode = g.pick([]string{"manual", "ai"})
	case api.LinkedinEndorse:
		st.SkillName = g.pick(g.words.skills)
		fallback := g.rng.IntN(2) == 0
		st.EndorseAnyFallback = &fallback
	case api.SendToAnotherCampaign:
		st.CampaignID = target
	}
	return st
}
