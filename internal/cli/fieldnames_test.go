package cli

import (
	"testing"

	"lemstep/api"
)

func TestFieldWording(t *testing.T) {
	subject, delay, message := "Hi", 2, "Body"
	u := api.StepUpdate{Type: api.Email, Subject: &subject, Delay: &delay}
	for _, tc := range []struct{ name, got, want string }{
		{"an update's fields", fieldList(u), "subject, delay"},
		{"no fields", fieldList(api.StepUpdate{Type: api.Email}), ""},
		{"the apply report", changedFields(u), "email step: subject, delay"},
		{"fields no earlier value was found for", missingFrom(
			api.StepUpdate{Type: api.Email, Subject: &subject, Message: &message, Delay: &delay},
			api.StepUpdate{Type: api.Email, Message: &message}), "subject, delay"},
		{"one conflict", conflictFields([]api.Conflict{{Field: api.FieldSubject}}), "subject"},
		{"conflicts", conflictFields([]api.Conflict{{Field: api.FieldSubject}, {Field: api.FieldMessage}, {Field: api.FieldDelay}}),
			"subject, message and delay"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestEmptyUpdateOffersTheTypesFields(t *testing.T) {
	for _, tc := range []struct {
		t    api.StepType
		want string
	}{
		{api.Email, "The update changes nothing: give at least one field a email step can change (subject, message or delay)."},
		{api.LinkedinVisit, "The update changes nothing: give at least one field a linkedinVisit step can change (delay)."},
		{api.SendToAnotherCampaign, "The update changes nothing: give at least one field a sendToAnotherCampaign step can change (campaignId)."},
	} {
		vs := checkUpdate(api.StepUpdate{Type: tc.t}, api.Target{})
		if len(vs) != 1 || vs[0].Message != tc.want {
			t.Errorf("checkUpdate of an empty %s update = %v, want one violation %q", tc.t, vs, tc.want)
		}
	}
}
