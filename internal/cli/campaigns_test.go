package cli

import (
	"bytes"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/theme"
)

// A campaign in error is explained under the table with lemlist's words.
func TestCampaignTableExplainsErrors(t *testing.T) {
	camps := []api.Campaign{
		{ID: "cam_ok", Name: "Fine", Status: "running"},
		{ID: "cam_bad", Name: "Broken \x1b[2J", Status: "errors", HasError: true,
			Errors: []string{"Your campaign does not have sender.", "One of your sender has no email provider."}},
		{ID: "cam_mute", Name: "Silent", Status: "paused", HasError: true},
	}
	var out bytes.Buffer
	if err := writeCampaignTable(&out, theme.New(false, true), camps); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"\n\n! Broken (cam_bad): Your campaign does not have sender. One of your sender has no email provider.\n",
		"! Silent (cam_mute): lemlist reports an error without saying which.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "cam_ok)") || strings.Contains(got, "[2J") {
		t.Errorf("output:\n%q", got)
	}
}
