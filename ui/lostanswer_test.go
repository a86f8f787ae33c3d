package ui

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// resetPatches ends every PATCH's connection with a TCP reset, after the
// sandbox applied it when apply is set: its answer is lost either way.
func resetPatches(apply bool) sessionOptions {
	return sessionOptions{wrap: func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPatch {
				h.ServeHTTP(w, r)
				return
			}
			if apply {
				h.ServeHTTP(httptest.NewRecorder(), r)
			}
			_, _ = io.Copy(io.Discard, r.Body)
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			if tcp, ok := conn.(*net.TCPConn); ok {
				_ = tcp.SetLinger(0)
			}
			conn.Close()
		})
	}}
}

// An update whose answer is lost, but which the step read back shows, is a
// success: journaled, the draft gone, and the notice says what happened.
func TestLostAnswerThatLandedIsSaved(t *testing.T) {
	s := startSession(t, 120, 40, resetPatches(true))
	s.editQuickQuestion(" now")
	s.reviewAndSend()
	s.waitText("Step updated (its answer was lost; reading the step back shows lemlist applied it)")
	entries, err := s.journal.Entries()
	if err != nil || len(entries) != 1 {
		t.Errorf("journal = %d entries, %v; want the update", len(entries), err)
	}
	if ids := s.drafts.StepIDs("demo"); len(ids) != 0 {
		t.Errorf("drafts left: %v", ids)
	}
}

// An update whose answer is lost and which the step read back does not
// show is not said to be "not made": lemlist may or may not have it, and
// the edits stay in the draft.
func TestLostAnswerThatDidNotLandKeepsTheDraft(t *testing.T) {
	s := startSession(t, 120, 40, resetPatches(false))
	s.editQuickQuestion(" now")
	s.reviewAndSend()
	scr := s.waitText("lemlist may or may not have applied the update.")
	s.waitText("saved as a draft")
	if ids := s.drafts.StepIDs("demo"); len(ids) != 1 {
		t.Errorf("drafts = %v, want the edited step's\n%s", ids, scr)
	}
	if entries, _ := s.journal.Entries(); len(entries) != 0 {
		t.Errorf("journal = %d entries, want none", len(entries))
	}
}
