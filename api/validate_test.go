package api_test

import (
	"strings"
	"testing"

	"lemstep/api"
)

func str(s string) *string { return &s }
func num(n int) *int       { return &n }
func list(l ...string) *[]string {
	if l == nil {
		l = []string{}
	}
	return &l
}

func campaigns(id string) (api.Campaign, bool) {
	switch id {
	case "cam_live":
		return api.Campaign{ID: id, Name: "Live", Status: "running"}, true
	case "cam_old":
		return api.Campaign{ID: id, Name: "Old", Status: "ended", Archived: true}, true
	case "cam_shelved":
		return api.Campaign{ID: id, Name: "Shelved", Status: "archived"}, true
	}
	return api.Campaign{}, false
}

func TestValidateRules(t *testing.T) {
	tests := []struct {
		name   string
		u      api.StepUpdate
		target api.Target
		want   []api.Violation // nil when valid
	}{
		{"type missing", api.StepUpdate{Subject: str("x")}, api.Target{},
			[]api.Violation{{api.FieldType, `The step type is missing: send "type" with the step's current type.`}}},
		{"unknown type", api.StepUpdate{Type: "fax", Subject: str("x")}, api.Target{},
			[]api.Violation{{api.FieldType, `"fax" is not a step type lemlist knows.`}}},
		{"type change", api.StepUpdate{Type: api.Phone}, api.Target{Type: api.Email},
			[]api.Violation{{api.FieldType, "This is a email step and its type cannot change to phone; delete it and add a new step instead."}}},
		{"same type", api.StepUpdate{Type: api.Email, Subject: str("Hi")}, api.Target{Type: api.Email}, nil},
		{"field of another type", api.StepUpdate{Type: api.Phone, Subject: str("Hi")}, api.Target{},
			[]api.Violation{{api.FieldSubject, "A phone step has no subject to change; it can change message and delay."}}},
		{"nothing editable but delay", api.StepUpdate{Type: api.LinkedinVisit, Message: str("Hi")}, api.Target{},
			[]api.Violation{{api.FieldMessage, "A linkedinVisit step has no message to change; it can change delay."}}},
		{"delay on sendToAnotherCampaign", api.StepUpdate{Type: api.SendToAnotherCampaign, Delay: num(2000)}, api.Target{},
			[]api.Violation{{api.FieldDelay, "A step that sends the lead to another campaign has no delay; only its campaign can change."}}},
		{"subject at the limit", api.StepUpdate{Type: api.Email, Subject: str(strings.Repeat("é", 400))}, api.Target{}, nil},
		{"subject too long", api.StepUpdate{Type: api.Email, Subject: str(strings.Repeat("{", 401))}, api.Target{},
			[]api.Violation{{api.FieldSubject, "The subject is 401 characters long; lemlist allows at most 400, Liquid tags included."}}},
		{"title too long", api.StepUpdate{Type: api.Manual, Title: str(strings.Repeat("a", 450))}, api.Target{},
			[]api.Violation{{api.FieldTitle, "The title is 450 characters long; lemlist allows at most 400, Liquid tags included."}}},
		{"long message is fine", api.StepUpdate{Type: api.Email, Message: str(strings.Repeat("a", 5000))}, api.Target{}, nil},
		{"method", api.StepUpdate{Type: api.APICall, Method: str("get")}, api.Target{},
			[]api.Violation{{api.FieldMethod, `"get" is not an HTTP method lemlist accepts; use one of GET, POST, PUT, DELETE or PATCH.`}}},
		{"delay type", api.StepUpdate{Type: api.Conditional, DelayType: str("until")}, api.Target{},
			[]api.Violation{{api.FieldDelayType, `"until" is not a delay type lemlist accepts; use one of within or waitUntil.`}}},
		{"condition key", api.StepUpdate{Type: api.Conditional, ConditionKey: str("opened")}, api.Target{},
			[]api.Violation{{api.FieldConditionKey, `"opened" is not a condition lemlist accepts; use one of hasEmailAddress, hasLinkedinUrl, hasPhoneNumber, hasScore, emailsOpened, emailsClicked, emailsUnsubscribed, meetingBooked, linkedinInviteAccepted, linkedinOpened, aircallDone, linkedinNetworkCheck or hasWhatsappAccount.`}}},
		{"record mode", api.StepUpdate{Type: api.LinkedinVoiceNote, RecordMode: str("auto")}, api.Target{},
			[]api.Violation{{api.FieldRecordMode, `"auto" is not a record mode lemlist accepts; use one of manual or ai.`}}},
		{"valid conditional", api.StepUpdate{Type: api.Conditional, ConditionKey: str("emailsOpened"), DelayType: str("within"), Delay: num(3)}, api.Target{}, nil},
		{"delay bounds", api.StepUpdate{Type: api.Email, Delay: num(0)}, api.Target{}, nil},
		{"delay at the cap", api.StepUpdate{Type: api.Email, Delay: num(1500)}, api.Target{}, nil},
		{"negative delay", api.StepUpdate{Type: api.Email, Delay: num(-1)}, api.Target{},
			[]api.Violation{{api.FieldDelay, "The delay is -1 days; it cannot be negative."}}},
		{"delay over the cap", api.StepUpdate{Type: api.Email, Delay: num(1501)}, api.Target{},
			[]api.Violation{{api.FieldDelay, "Delay between the steps can't be greater than 1500 days (it is 1501)."}}},
		{"http URL", api.StepUpdate{Type: api.APICall, URL: str("http://hooks.example/x")}, api.Target{}, nil},
		{"URL without scheme", api.StepUpdate{Type: api.APICall, URL: str("hooks.example/x")}, api.Target{},
			[]api.Violation{{api.FieldURL, `The URL must be an absolute address starting with http:// or https://; "hooks.example/x" is not.`}}},
		{"ftp URL", api.StepUpdate{Type: api.APICall, URL: str("ftp://hooks.example")}, api.Target{},
			[]api.Violation{{api.FieldURL, `The URL must be an absolute address starting with http:// or https://; "ftp://hooks.example" is not.`}}},
		{"media cleared", api.StepUpdate{Type: api.LinkedinSend, Images: list(), Videos: list()}, api.Target{}, nil},
		{"http image", api.StepUpdate{Type: api.LinkedinInvite, Images: list("https://cdn.example/a.png", "http://cdn.example/b.png")}, api.Target{},
			[]api.Violation{{api.FieldImages, `Image 2: attachments must be public https:// addresses; "http://cdn.example/b.png" is not.`}}},
		{"video without host", api.StepUpdate{Type: api.LinkedinSend, Videos: list("https:///v.mp4")}, api.Target{},
			[]api.Violation{{api.FieldVideos, `Video 1: attachments must be public https:// addresses; "https:///v.mp4" is not.`}}},
		{"six media", api.StepUpdate{Type: api.LinkedinSend, Images: list("https://c.example/1", "https://c.example/2", "https://c.example/3"),
			Videos: list("https://c.example/4", "https://c.example/5", "https://c.example/6")}, api.Target{}, nil},
		{"seven media", api.StepUpdate{Type: api.LinkedinSend, Images: list("https://c.example/1", "https://c.example/2", "https://c.example/3", "https://c.example/4"),
			Videos: list("https://c.example/5", "https://c.example/6", "https://c.example/7")}, api.Target{},
			[]api.Violation{{api.FieldImages, "A step can carry at most 6 images and videos together; this update has 7."}}},
		{"seven videos", api.StepUpdate{Type: api.LinkedinSend, Videos: list("https://c.example/1", "https://c.example/2", "https://c.example/3",
			"https://c.example/4", "https://c.example/5", "https://c.example/6", "https://c.example/7")}, api.Target{},
			[]api.Violation{{api.FieldVideos, "A step can carry at most 6 images and videos together; this update has 7."}}},
		{"no campaign picked", api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: str("")}, api.Target{Campaigns: campaigns},
			[]api.Violation{{api.FieldCampaignID, "Pick the campaign to send the lead to."}}},
		{"unknown campaign", api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: str("cam_x")}, api.Target{Campaigns: campaigns},
			[]api.Violation{{api.FieldCampaignID, `There is no campaign with id "cam_x" in this team.`}}},
		{"archived campaign", api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: str("cam_old")}, api.Target{Campaigns: campaigns},
			[]api.Violation{{api.FieldCampaignID, `The campaign "Old" is archived; pick one that is not.`}}},
		{"archived by status", api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: str("cam_shelved")}, api.Target{Campaigns: campaigns},
			[]api.Violation{{api.FieldCampaignID, `The campaign "Shelved" is archived; pick one that is not.`}}},
		{"live campaign", api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: str("cam_live")}, api.Target{Campaigns: campaigns}, nil},
		{"campaigns unknown to the caller", api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: str("cam_x")}, api.Target{}, nil},
		{"several at once", api.StepUpdate{Type: api.Email, Title: str("T"), Delay: num(2000)}, api.Target{},
			[]api.Violation{
				{api.FieldTitle, "A email step has no title to change; it can change subject, message and delay."},
				{api.FieldDelay, "Delay between the steps can't be greater than 1500 days (it is 2000)."},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.u.Validate(tt.target)
			if len(got) != len(tt.want) {
				t.Fatalf("Validate = %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("violation %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestViolationsAsError(t *testing.T) {
	vs := api.StepUpdate{Type: api.Email, Title: str("T"), Delay: num(-5)}.Validate(api.Target{})
	want := "A email step has no title to change; it can change subject, message and delay.\nThe delay is -5 days; it cannot be negative."
	if vs.Error() != want {
		t.Errorf("Error() = %q", vs.Error())
	}
	if len(vs.For(api.FieldDelay)) != 1 || len(vs.For(api.FieldSubject)) != 0 {
		t.Errorf("For: %v", vs)
	}
}
