package api_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// patchHandler answers a PATCH in place of the sandbox; apply has the
// sandbox apply it and returns the sandbox's answer.
type patchHandler func(w http.ResponseWriter, r *http.Request, apply func() *httptest.ResponseRecorder)

// tamperedSandbox serves the sandbox's demo workspace, except that every
// PATCH goes to patch. It returns a client for it and an email step.
func tamperedSandbox(t *testing.T, patch patchHandler, opts ...func(*api.Config)) (*api.Client, string, api.Step) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Keys: []string{testKey}, RateLimit: 1000, RateWindow: 1})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPatch {
			srv.ServeHTTP(w, r)
			return
		}
		patch(w, r, func() *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, r)
			return rec
		})
	}))
	t.Cleanup(ts.Close)
	c := sandboxClient(t, ts.URL+"/api", opts...)
	camps, err := c.Campaigns(context.Background(), api.CampaignQuery{})
	if err != nil {
		t.Fatal(err)
	}
	campaignID, step := firstEmailStep(t, c, camps)
	return c, campaignID, step
}

func subjectUpdate(subject string) api.StepUpdate {
	return api.StepUpdate{Type: api.Email, Subject: &subject}
}

// An answer to a PATCH that is not the step asked for is no proof the
// update was made: the step is read back, and only a read showing the
// values sent counts as success.
func TestPatchAnswerThatIsNotTheStepIsReadBack(t *testing.T) {
	answers := map[string]string{
		"empty object": `{}`,
		"empty body":   ``,
		"another step": `{"_id":"stp_other","type":"email","subject":"New subject"}`,
		"not JSON":     `<html>ok</html>`,
	}
	for name, body := range answers {
		t.Run(name+"/applied", func(t *testing.T) {
			c, campaignID, step := tamperedSandbox(t, func(w http.ResponseWriter, r *http.Request, apply func() *httptest.ResponseRecorder) {
				if rec := apply(); rec.Code != 200 {
					t.Errorf("the sandbox refused the update: %d %s", rec.Code, rec.Body)
				}
				writeJSON(w, 200, body)
			})
			updated, _, err := c.UpdateStepFrom(context.Background(), campaignID, step, subjectUpdate("New subject"))
			if err != nil {
				t.Fatalf("UpdateStepFrom: %v", err)
			}
			if updated.ID != step.ID || updated.Subject != "New subject" {
				t.Errorf("updated = %s %q, want the step read back", updated.ID, updated.Subject)
			}
		})
		t.Run(name+"/not applied", func(t *testing.T) {
			c, campaignID, step := tamperedSandbox(t, func(w http.ResponseWriter, r *http.Request, _ func() *httptest.ResponseRecorder) {
				writeJSON(w, 200, body)
			})
			_, _, err := c.UpdateStepFrom(context.Background(), campaignID, step, subjectUpdate("New subject"))
			var ue *api.UnconfirmedError
			if !errors.As(err, &ue) || ue.Lost || !ue.Checked || ue.Applied {
				t.Fatalf("error = %v (%+v), want an unconfirmed change the read-back disproves", err, ue)
			}
			if !strings.HasPrefix(err.Error(), "lemlist answered PATCH /sequences/") ||
				!strings.Contains(err.Error(), "reading the step back shows its subject without the values sent: the change is not confirmed") {
				t.Errorf("error = %q", err)
			}
			if _, ok := api.Applied(err); ok {
				t.Error("Applied says the update was made")
			}
		})
	}
}

// resetConn ends a request's connection with a TCP reset, as a crashed
// server or a middlebox does.
func resetConn(t *testing.T, w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	conn.Close()
}

// A connection reset while a PATCH is out leaves unknown whether lemlist
// applied it: the error says so, and the step read back tells.
func TestResetDuringPatchIsReadBack(t *testing.T) {
	for _, applied := range []bool{true, false} {
		c, campaignID, step := tamperedSandbox(t, func(w http.ResponseWriter, r *http.Request, apply func() *httptest.ResponseRecorder) {
			if applied {
				apply()
			}
			resetConn(t, w)
		})
		_, _, err := c.UpdateStepFrom(context.Background(), campaignID, step, subjectUpdate("New subject"))
		var ue *api.UnconfirmedError
		if !errors.As(err, &ue) || !ue.Lost || !ue.Checked || ue.Applied != applied {
			t.Fatalf("applied=%v: error = %v (%+v)", applied, err, ue)
		}
		msg := err.Error()
		if !strings.Contains(msg, "but its answer was lost (the connection") {
			t.Errorf("error = %q, want the lost answer named", msg)
		}
		got, ok := api.Applied(err)
		switch {
		case applied && (!ok || got.Subject != "New subject" || !strings.HasSuffix(msg, "reading the step back shows lemlist applied it.")):
			t.Errorf("error = %q, Applied = %v %q; want the update read back as made", msg, ok, got.Subject)
		case !applied && (ok || !strings.Contains(msg, "lemlist may or may not have applied it")):
			t.Errorf("error = %q, Applied = %v; want the outcome said to be unknown", msg, ok)
		}
		assertNoSecret(t, testKey, "error", msg)
	}
}

// A PATCH cancelled after it went out (ctrl+c) may have been applied: the
// error says so and is still a cancellation, and the step is read back
// although the call's context is done.
func TestCancelDuringPatchIsReadBack(t *testing.T) {
	arrived := make(chan struct{})
	c, campaignID, step := tamperedSandbox(t, func(w http.ResponseWriter, r *http.Request, apply func() *httptest.ResponseRecorder) {
		apply()
		close(arrived)
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-arrived; cancel() }()
	_, _, err := c.UpdateStepFrom(ctx, campaignID, step, subjectUpdate("New subject"))
	var ue *api.UnconfirmedError
	if !errors.As(err, &ue) || !ue.Lost || !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want a lost answer that is a cancellation", err)
	}
	if !strings.Contains(err.Error(), "but its answer was lost (the request was cancelled); reading the step back shows lemlist applied it.") {
		t.Errorf("error = %q", err)
	}
}

// A PATCH that never left (the server is gone) was certainly not made.
func TestPatchThatNeverLeftIsNotUnconfirmed(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {})
	c := newTestClient(t, f)
	f.Close()
	_, err := c.UpdateStep(context.Background(), "seq_1", "stp_1", subjectUpdate("x"))
	var ue *api.UnconfirmedError
	if err == nil || errors.As(err, &ue) || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("error = %v, want a plain network error", err)
	}
}
