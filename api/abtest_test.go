package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// Demo steps with A/B tests (see api/sandbox/demo.json).
const (
	abRunningSeq  = "seq_ono3WfTLZipDtBoT9"
	abRunningStep = "stp_vyoKvMRoiWxxcpagq" // running campaign, test running
	abDecidedSeq  = "seq_sYSQuBdv6aFtAyknL"
	abDecidedStep = "stp_9RsikYghRCTD8EzYS" // paused campaign, B won
	plainEmailSeq = "seq_NyWkaBz2z8jTS4zw2"
	plainEmail    = "stp_wrmoBRrxM8do47ZDP" // paused campaign, no test
)

// lastRequest is the last request the sandbox received.
func lastRequest(t *testing.T, srv *sandbox.Server) sandbox.Request {
	t.Helper()
	rs := srv.Received()
	if len(rs) == 0 {
		t.Fatal("the sandbox received nothing")
	}
	return rs[len(rs)-1]
}

func TestClientReadsVariantB(t *testing.T) {
	_, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	b, err := c.ABVariant(context.Background(), abRunningSeq, abRunningStep)
	if err != nil {
		t.Fatal(err)
	}
	if b.StepID != abRunningStep || !b.ABTest.Running || !strings.HasPrefix(b.Subject, "Three onboarding fixes") || len(b.CC) != 1 {
		t.Errorf("variant B = %+v", b)
	}
}

func TestClientUpdateVariantSendsChangedFieldsOnly(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	subject := "A sharper B"
	b, err := c.UpdateABVariant(context.Background(), abRunningSeq, abRunningStep, api.VariantUpdate{Subject: &subject})
	if err != nil {
		t.Fatal(err)
	}
	req := lastRequest(t, srv)
	if req.Method != "PATCH" || req.Path != "/sequences/"+abRunningSeq+"/steps/"+abRunningStep+"/ab-test" {
		t.Errorf("sent %s %s", req.Method, req.Path)
	}
	if string(req.Body) != `{"subject":"A sharper B"}` {
		t.Errorf("body = %s", req.Body)
	}
	if b.Subject != subject || len(b.CC) != 1 {
		t.Errorf("answer = %+v", b)
	}
}

func TestClientUpdateVariantChecksFirst(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	long := strings.Repeat("é", api.MaxTextLength+1)
	cc := []string{"Sam <sam@acme.com>"}
	_, err := c.UpdateABVariant(context.Background(), abRunningSeq, abRunningStep, api.VariantUpdate{Subject: &long, CC: &cc})
	var vs api.Violations
	if !errors.As(err, &vs) || len(vs.For(api.FieldSubject)) != 1 || len(vs.For(api.FieldCC)) != 1 {
		t.Fatalf("err = %v, want a subject and a cc violation", err)
	}
	if n := len(srv.Received()); n != 0 {
		t.Errorf("%d requests sent for a refused update", n)
	}
	if _, err := c.UpdateABVariant(context.Background(), abRunningSeq, abRunningStep, api.VariantUpdate{}); !errors.Is(err, api.ErrNoChange) {
		t.Errorf("empty update: err = %v", err)
	}
}

func TestClientStartWinnerDelete(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	ctx := context.Background()
	b, err := c.StartABTest(ctx, plainEmailSeq, plainEmail)
	if err != nil {
		t.Fatal(err)
	}
	if req := lastRequest(t, srv); req.Method != "POST" || !strings.HasSuffix(req.Path, "/ab-test") {
		t.Errorf("start sent %s %s", req.Method, req.Path)
	}
	if !b.ABTest.Running || b.Subject == "" {
		t.Errorf("started B = %+v", b)
	}
	if err := c.PickABWinner(ctx, plainEmailSeq, plainEmail, api.VariantA); err != nil {
		t.Fatal(err)
	}
	if req := lastRequest(t, srv); string(req.Body) != `{"variant":"A"}` || !strings.HasSuffix(req.Path, "/ab-test/winner") {
		t.Errorf("winner sent %s %s", req.Path, req.Body)
	}
	if got, _ := c.ABVariant(ctx, plainEmailSeq, plainEmail); got.ABTest.Winner != "A" {
		t.Errorf("after winner abTest = %+v", got.ABTest)
	}
	if err := c.DeleteABVariant(ctx, plainEmailSeq, plainEmail, api.VariantB); err != nil {
		t.Fatal(err)
	}
	if req := lastRequest(t, srv); req.Method != "DELETE" || req.RawQuery != "variant=B" {
		t.Errorf("delete sent %s ?%s", req.Method, req.RawQuery)
	}
	if _, err := c.ABVariant(ctx, plainEmailSeq, plainEmail); !errors.Is(err, api.ErrNoVariant) {
		t.Errorf("after delete: err = %v, want ErrNoVariant", err)
	}
}

func TestClientTypesABRefusals(t *testing.T) {
	ctx := context.Background()
	_, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	_, basicBase := startSandbox(t, sandbox.Options{Plan: sandbox.PlanBasic})
	basic := sandboxClient(t, basicBase)
	for _, tc := range []struct {
		name   string
		call   func() error
		reason error
		status int
		words  string
	}{
		{"plan", func() error { _, err := basic.ABVariant(ctx, abRunningSeq, abRunningStep); return err }, api.ErrPlanRequired, http.StatusPaymentRequired, api.MsgPlanRequired},
		{"no variant", func() error { _, err := c.ABVariant(ctx, plainEmailSeq, plainEmail); return err }, api.ErrNoVariant, http.StatusNotFound, api.MsgNoVariant},
		{"exists", func() error { _, err := c.StartABTest(ctx, abDecidedSeq, abDecidedStep); return err }, api.ErrABTestExists, http.StatusBadRequest, api.MsgABTestExists},
		{"winner", func() error { return c.PickABWinner(ctx, abDecidedSeq, abDecidedStep, api.VariantA) }, api.ErrWinnerChosen, http.StatusBadRequest, api.MsgWinnerChosen},
		{"running", func() error { return c.DeleteABVariant(ctx, abRunningSeq, abRunningStep, api.VariantA) }, api.ErrCampaignRunning, http.StatusBadRequest, api.MsgCampaignRunning},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, tc.reason) {
				t.Fatalf("err = %v, want %v", err, tc.reason)
			}
			if api.StatusOf(err) != tc.status || !strings.Contains(err.Error(), tc.words) {
				t.Errorf("err = %q (status %d), want the server's words and %d", err, api.StatusOf(err), tc.status)
			}
		})
	}
	// A refusal that is none of the documented ones stays a plain *Error.
	_, err := c.ABVariant(ctx, abRunningSeq, "stp_nope")
	if api.StatusOf(err) != http.StatusNotFound || errors.Is(err, api.ErrNoVariant) {
		t.Errorf("unknown step: err = %v, want a 404 that is not ErrNoVariant", err)
	}
}

func TestClientUpdateVariantFromSeesConflicts(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	ctx := context.Background()
	loaded, err := c.ABVariant(ctx, abRunningSeq, abRunningStep)
	if err != nil {
		t.Fatal(err)
	}
	theirs := "Changed by a teammate"
	if err := srv.EditABVariant(abRunningStep, api.VariantUpdate{Subject: &theirs}); err != nil {
		t.Fatal(err)
	}
	mine := "Mine"
	sent := len(srv.Received())
	_, current, err := c.UpdateABVariantFrom(ctx, abRunningSeq, loaded, api.VariantUpdate{Subject: &mine})
	var ce *api.VariantConflictError
	if !errors.As(err, &ce) || len(ce.Conflicts) != 1 || ce.Conflicts[0].Current != theirs || current.Subject != theirs {
		t.Fatalf("err = %v, want a conflict on the subject", err)
	}
	for _, r := range srv.Received()[sent:] {
		if r.Method != "GET" {
			t.Errorf("a conflict sent %s %s", r.Method, r.Path)
		}
	}
	// A field nobody else touched goes through, and before is B as it was.
	alt := "Fallback"
	updated, before, err := c.UpdateABVariantFrom(ctx, abRunningSeq, loaded, api.VariantUpdate{AltMessage: &alt})
	if err != nil {
		t.Fatal(err)
	}
	if updated.AltMessage != alt || before.Subject != theirs || before.AltMessage != "" {
		t.Errorf("updated %+v, before %+v", updated, before)
	}
}
