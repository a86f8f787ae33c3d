package sandbox

import (
	"net/http"
	"testing"

	"lemstep/api"
)

// Demo steps with A/B tests, and one without.
const (
	abRunningSeq  = "seq_ono3WfTLZipDtBoT9" // founders (running campaign), test running
	abRunningStep = "stp_vyoKvMRoiWxxcpagq"
	abDecidedSeq  = "seq_sYSQuBdv6aFtAyknL" // case studies (paused), B won
	abDecidedStep = "stp_9RsikYghRCTD8EzYS"
	webinarSeq    = "seq_NyWkaBz2z8jTS4zw2" // webinar (paused), plain email step
	webinarEmail  = "stp_wrmoBRrxM8do47ZDP"
)

func abPath(seq, step string) string { return "/api/sequences/" + seq + "/steps/" + step + "/ab-test" }

func TestABTestGetAnswersVariantB(t *testing.T) {
	h := newHarness(t, Options{})
	rec := h.call("GET", abPath(abRunningSeq, abRunningStep), nil)
	expectStatus(t, rec, http.StatusOK)
	var b api.ABVariant
	decode(t, rec, &b)
	if b.StepID != abRunningStep || !b.ABTest.Running || b.EmailTemplateBID != "etp_BfYnGPY2Xd8CC7po2" {
		t.Errorf("variant B = %+v", b)
	}
	if b.Subject != "Three onboarding fixes for {{companyName}}, {{firstName}}" || len(b.CC) != 1 {
		t.Errorf("variant B content = %q, cc %v", b.Subject, b.CC)
	}
	rec = h.call("GET", abPath(abDecidedSeq, abDecidedStep), nil)
	decode(t, rec, &b)
	if b.ABTest.Winner != "B" || !b.PlainText {
		t.Errorf("decided variant = %+v", b)
	}
}

func TestABTestDocumentedRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, method, path, body string
		opts                     Options
		status                   int
		text                     string
	}{
		{"no variant", "GET", abPath(webinarSeq, webinarEmail), "", Options{}, 404, api.MsgNoVariant},
		{"plan", "GET", abPath(abRunningSeq, abRunningStep), "", Options{Plan: PlanBasic}, 402, api.MsgPlanRequired},
		{"plan on start", "POST", abPath(webinarSeq, webinarEmail), "{}", Options{Plan: PlanBasic}, 402, api.MsgPlanRequired},
		{"start twice", "POST", abPath(abDecidedSeq, abDecidedStep), "{}", Options{}, 400, api.MsgABTestExists},
		{"start while running", "POST", abPath("seq_7sZ8tghRNbJAyvKYD", "stp_cWXvLWqWsRAZWdQMK"), "{}", Options{}, 400, api.MsgCampaignRunning},
		{"start on linkedin", "POST", abPath(abRunningSeq, "stp_2nsXcKrZBFbTRMyS5"), "{}", Options{}, 400, msgNotEmail},
		{"delete while running", "DELETE", abPath(abRunningSeq, abRunningStep), "", Options{}, 400, api.MsgCampaignRunning},
		{"delete without test", "DELETE", abPath(webinarSeq, webinarEmail) + "?variant=B", "", Options{}, 404, api.MsgNoVariant},
		{"delete bad variant", "DELETE", abPath(abDecidedSeq, abDecidedStep) + "?variant=C", "", Options{}, 400, "Bad params"},
		{"winner twice", "POST", abPath(abDecidedSeq, abDecidedStep) + "/winner", `{"variant":"A"}`, Options{}, 400, api.MsgWinnerChosen},
		{"winner bad letter", "POST", abPath(abRunningSeq, abRunningStep) + "/winner", `{"variant":"C"}`, Options{}, 400, `Match error: Expected one of "A", "B" in field variant`},
		{"patch decided", "PATCH", abPath(abDecidedSeq, abDecidedStep), `{"subject":"x"}`, Options{}, 400, api.MsgWinnerChosen},
		{"patch number", "PATCH", abPath(abRunningSeq, abRunningStep), `{"subject":3}`, Options{}, 400, "Match error: Expected string, got number"},
		{"patch type", "PATCH", abPath(abRunningSeq, abRunningStep), `{"type":"email"}`, Options{}, 400, "Match error: Unknown key in field type"},
		{"patch delay", "PATCH", abPath(abRunningSeq, abRunningStep), `{"delay":3}`, Options{}, 400, "Match error: Unknown key in field delay"},
		{"patch cc", "PATCH", abPath(abRunningSeq, abRunningStep), `{"cc":["not an address"]}`, Options{}, 400, `Copy 1: "not an address" is not an e-mail address; write it as name@domain.com.`},
		{"patch plainText", "PATCH", abPath(abRunningSeq, abRunningStep), `{"plainText":"yes"}`, Options{}, 400, "Match error: Expected boolean, got string"},
		{"unknown step", "GET", abPath(abRunningSeq, "stp_nope"), "", Options{}, 404, "Step not found"},
		{"unknown sequence", "GET", abPath("seq_nope", abRunningStep), "", Options{}, 404, "Sequence not found"},
		{"method", "PUT", abPath(abRunningSeq, abRunningStep), "{}", Options{}, 405, "Method Not Allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, tc.opts)
			rec := h.call(tc.method, tc.path, []byte(tc.body))
			expectText(t, rec, tc.status, tc.text)
		})
	}
}

func TestABTestLongSubjectRefused(t *testing.T) {
	h := newHarness(t, Options{})
	long := make([]byte, 401)
	for i := range long {
		long[i] = 'a'
	}
	rec := h.call("PATCH", abPath(abRunningSeq, abRunningStep), []byte(`{"subject":"`+string(long)+`"}`))
	expectStatus(t, rec, http.StatusBadRequest)
	if b, _ := h.srv.ABVariant(abRunningStep); b.Subject == string(long) {
		t.Error("a refused subject was stored")
	}
}

func TestABTestPatchChangesOnlyB(t *testing.T) {
	h := newHarness(t, Options{})
	before := mustFind(t, h.sequences(foundersCampaign), abRunningStep)
	rec := h.call("PATCH", abPath(abRunningSeq, abRunningStep), []byte(`{"subject":"New B","cc":[],"plainText":true}`))
	expectStatus(t, rec, http.StatusOK)
	b, ok := h.srv.ABVariant(abRunningStep)
	if !ok || b.Subject != "New B" || len(b.CC) != 0 || !b.PlainText {
		t.Errorf("B after PATCH = %+v", b)
	}
	if b.Message == "" {
		t.Error("PATCH cleared a field it did not send")
	}
	after := mustFind(t, h.sequences(foundersCampaign), abRunningStep)
	if after.Subject != before.Subject || after.Message != before.Message {
		t.Error("PATCH …/ab-test changed variant A")
	}
}

func TestABTestStartCopiesA(t *testing.T) {
	h := newHarness(t, Options{})
	a := mustFind(t, h.sequences(webinarCampaign), webinarEmail)
	rec := h.call("POST", abPath(webinarSeq, webinarEmail), []byte("{}"))
	expectStatus(t, rec, http.StatusOK)
	var b api.ABVariant
	decode(t, rec, &b)
	if b.Subject != a.Subject || b.Message != a.Message || !b.ABTest.Running || !ValidID("etp_", b.EmailTemplateBID) {
		t.Errorf("started B = %+v", b)
	}
	st := mustFind(t, h.sequences(webinarCampaign), webinarEmail)
	if !st.ABTest.Running || st.EmailTemplateBID != b.EmailTemplateBID {
		t.Errorf("step after start: abTest %+v, B template %q", st.ABTest, st.EmailTemplateBID)
	}
}

func TestABTestWinnerDecides(t *testing.T) {
	h := newHarness(t, Options{})
	rec := h.call("POST", abPath(abRunningSeq, abRunningStep)+"/winner", []byte(`{"variant":"B"}`))
	expectStatus(t, rec, http.StatusOK)
	st := mustFind(t, h.sequences(foundersCampaign), abRunningStep)
	if st.ABTest.Winner != "B" {
		t.Errorf("abTest after winner = %+v", st.ABTest)
	}
}

func TestABTestDeleteVariants(t *testing.T) {
	const caseStudies = "cam_5gx8jRmYSjRWy2n8M"
	for _, tc := range []struct {
		query       string
		wantSubject func(a api.Step, b api.ABVariant) string
	}{
		{"", func(a api.Step, _ api.ABVariant) string { return a.Subject }},
		{"?variant=B", func(a api.Step, _ api.ABVariant) string { return a.Subject }},
		{"?variant=A", func(_ api.Step, b api.ABVariant) string { return b.Subject }},
	} {
		t.Run(tc.query, func(t *testing.T) {
			h := newHarness(t, Options{})
			a := mustFind(t, h.sequences(caseStudies), abDecidedStep)
			b, _ := h.srv.ABVariant(abDecidedStep)
			rec := h.call("DELETE", abPath(abDecidedSeq, abDecidedStep)+tc.query, nil)
			expectStatus(t, rec, http.StatusOK)
			st := mustFind(t, h.sequences(caseStudies), abDecidedStep)
			if st.ABTest.Active() || st.EmailTemplateBID != "" {
				t.Errorf("step still A/B tested: %+v", st.ABTest)
			}
			if want := tc.wantSubject(a, b); st.Subject != want {
				t.Errorf("subject after delete = %q, want %q", st.Subject, want)
			}
			if _, ok := h.srv.ABVariant(abDecidedStep); ok {
				t.Error("variant B is still there")
			}
			expectText(t, h.call("GET", abPath(abDecidedSeq, abDecidedStep), nil), 404, api.MsgNoVariant)
		})
	}
}
