package forms

import "lemstep/api"

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }

// testCampaigns is the workspace the tests edit in: "cam_home" holds the
// steps; one campaign is archived.
func testCampaigns() []api.Campaign {
	return []api.Campaign{
		{ID: "cam_home", Name: "Q3 founders", Status: "running"},
		{ID: "cam_nurture", Name: "Nurture \x1b[31mred\x1b[0m", Status: "draft"},
		{ID: "cam_events", Name: "Events follow-up", Status: "paused"},
		{ID: "cam_old", Name: "Old launch", Status: "ended", Archived: true},
	}
}

func testOptions(width int) Options {
	return Options{Width: width, Campaigns: testCampaigns(), CampaignID: "cam_home", CampaignStatus: "draft"}
}

// sampleStep is a realistic step of type t, with a value in every field its
// type may change.
func sampleStep(t api.StepType) api.Step {
	s := api.Step{ID: "stp_" + string(t), Type: t, SequenceID: "seq_main", Delay: intp(2)}
	switch t {
	case api.Email:
		s.Subject = "Quick question about {{companyName}}"
		s.Message = "<p>Hi {{firstName}},</p>\n<p>Worth a chat?</p>"
	case api.Manual:
		s.Title = "Call the main office"
		s.Message = "Ask for the head of sales."
	case api.Phone, api.WhatsappMessage, api.SMS:
		s.Message = "Hi {{firstName}}, it's Ana from Acme."
	case api.APICall:
		s.Method = "POST"
		s.URL = "https://hooks.acme.example/lead"
	case api.LinkedinInvite:
		s.Message = "Hi {{firstName}}, let's connect."
		s.Images = []string{"https://cdn.acme.example/a.png"}
	case api.LinkedinSend:
		s.Message = "Thanks for connecting!"
		s.AltMessage = "Thanks for accepting!"
		s.Images = []string{"https://cdn.acme.example/a.png"}
		s.Videos = []string{"https://cdn.acme.example/demo.mp4"}
	case api.LinkedinVoiceNote:
		s.RecordMode = "manual"
	case api.LinkedinEndorse:
		s.SkillName = "Go"
		s.EndorseAnyFallback = boolp(false)
	case api.SendToAnotherCampaign:
		s.Delay = nil
		s.CampaignID = "cam_nurture"
	case api.Conditional:
		s.Delay = nil
		s.Conditions = []api.Condition{
			{SequenceID: "seq_yes", Key: "emailsOpened", Delay: intp(3), DelayType: "within"},
			{SequenceID: "seq_no", Fallback: true},
		}
	}
	return s
}
