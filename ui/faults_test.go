package ui

import (
	"strings"
	"testing"
	"time"

	"lemstep/api/sandbox"
)

// faultySandbox answers slowly and often fails: a third of the requests
// with 502, 503 or 504, a tenth with 429, a few by closing the connection.
// Faults are drawn per request, so the team, list and sequences loads that
// run at the same time meet the same faults in every run. With this seed
// the team meets two 429s, the founders' sequences two 5xx, the inbound
// campaign's sequences a dropped connection; each succeeds within the
// client's retries.
func faultySandbox(o *sandbox.Options) {
	o.Faults = sandbox.Faults{
		Latency: 5 * time.Millisecond, FailRatio: 1.0 / 3, Force429Ratio: 0.1, DropRatio: 0.05,
		Seed: 30, PerRequest: true,
	}
}

func TestBrowsingThroughFaults(t *testing.T) {
	s := startSession(t, 120, 40, sessionOptions{sandbox: faultySandbox})

	scr := s.waitFor("the team and the campaigns", func(scr string) bool {
		return strings.Contains(scr, "Northwind Growth") && strings.Contains(scr, "Inbound demo requests")
	})
	for _, want := range []string{"Q4 SaaS founders", "Webinar follow-up", "Customer stories"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the campaign list lacks %q:\n%s", want, scr)
		}
	}

	s.openCampaign("Q4 SaaS founders")
	scr = s.waitText("Quick question about {{companyName}}")
	if !strings.Contains(scr, "Condition") && !strings.Contains(scr, "If the lead") {
		t.Errorf("the founders' tree lacks its condition:\n%s", scr)
	}

	s.press("esc")
	s.waitText("/ Q4 SaaS founders")
	s.press("esc") // clears the filter
	s.waitText("Webinar follow-up")
	s.openCampaign("Inbound demo requests")
	s.waitText("Your Northwind demo — pick a time that works")

	for _, bad := range []string{"lemlist failed", "could not reach", "rate limit", "did not answer"} {
		if strings.Contains(s.screen(), bad) {
			t.Errorf("the screen shows an error (%q):\n%s", bad, s.screen())
		}
	}
	st := s.sb.Stats()
	t.Logf("sandbox: %+v", st)
	if st.Faults < 5 || st.RateLimited < 2 {
		t.Errorf("stats %+v: want the seeded faults (5xx, 429s and a drop) to have happened", st)
	}
}
