package cli

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"syscall"
	"testing"
)

// resetPatch ends the connection of every PATCH with a TCP reset, after the
// sandbox applied it when apply is set: the update is made or not, and its
// answer is lost either way.
func resetPatch(h *hookedSandbox, apply bool) {
	h.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPatch {
			return false
		}
		if apply {
			h.server.ServeHTTP(httptest.NewRecorder(), r)
		}
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			h.t.Error(err)
			return true
		}
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
		}
		conn.Close()
		return true
	})
}

var phoneDelay = []string{"update", "seq_no00000000000001", "stp_phone0000000001", "--type", "phone",
	"--delay", "4", "--in-campaign", "cam_spring0000000001"}

// An update whose answer is lost but which the step read back shows was
// made is journaled, and lemstep says what happened.
func TestUpdateWhoseAnswerIsLostButLandedIsJournaled(t *testing.T) {
	h := newHookedSandbox(t)
	resetPatch(h, true)
	out, errOut, code := h.run(phoneDelay...)
	if code != exitOK {
		t.Fatalf("exit code %d, want 0\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "but its answer was lost (the connection was reset before the answer was complete); reading the step back shows lemlist applied it.") ||
		!strings.Contains(out, "Updated phone step stp_phone0000000001") || !strings.Contains(out, "Journal entry #1") {
		t.Errorf("stdout %q\nstderr %q", out, errOut)
	}
	if n := len(h.journal()); n != 1 {
		t.Errorf("the journal holds %d entries, want the update", n)
	}
}

// An update whose answer is lost and which the step read back does not
// show is not said to be "not made": lemlist may or may not have it.
func TestUpdateWhoseAnswerIsLostSaysItMayHaveLanded(t *testing.T) {
	h := newHookedSandbox(t)
	resetPatch(h, false)
	out, errOut, code := h.run(phoneDelay...)
	if code != exitFailure {
		t.Fatalf("exit code %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "lemlist may or may not have applied it") || strings.Contains(out, "Journal entry") {
		t.Errorf("stdout %q\nstderr %q", out, errOut)
	}
	if n := len(h.journal()); n != 0 {
		t.Errorf("the journal holds %d entries, want none", n)
	}
}

// A redirected PATCH is an error: nothing is journaled and the step is
// unchanged.
func TestRedirectedUpdateIsAnError(t *testing.T) {
	h := newHookedSandbox(t)
	h.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPatch {
			return false
		}
		http.Redirect(w, r, "/api/sequences/seq_no00000000000001/steps/stp_other", http.StatusTemporaryRedirect)
		return true
	})
	out, errOut, code := h.run(phoneDelay...)
	if code != exitFailure || !strings.Contains(errOut, "with a redirect (307, to ") ||
		!strings.Contains(errOut, "lemstep never follows a redirect for a change, so the change was not made") {
		t.Fatalf("exit code %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if h.patches() != 0 {
		t.Errorf("the sandbox applied %d PATCHes", h.patches())
	}
	if n := len(h.journal()); n != 0 {
		t.Errorf("the journal holds %d entries, want none", n)
	}
}

// --timeout bounds a request lemlist never answers; LEMLIST_TIMEOUT sets it
// too, and a value that is not a duration is a usage error.
func TestTimeoutBoundsASilentServer(t *testing.T) {
	h := newHookedSandbox(t)
	h.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		<-r.Context().Done()
		return true
	})
	out, errOut, code := h.run("campaigns", "--timeout", "300ms")
	if code != exitFailure || !strings.Contains(errOut, "lemlist did not answer GET /campaigns within 300ms, the time lemstep allows one request") {
		t.Fatalf("exit code %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	t.Setenv("LEMLIST_TIMEOUT", "250ms")
	if _, errOut, code := h.run("campaigns"); code != exitFailure || !strings.Contains(errOut, "within 250ms") {
		t.Fatalf("exit code %d, stderr: %s", code, errOut)
	}
	t.Setenv("LEMLIST_TIMEOUT", "soon")
	if _, errOut, code := h.run("campaigns"); code != exitUsage || !strings.Contains(errOut, `LEMLIST_TIMEOUT="soon" is not a duration`) {
		t.Fatalf("exit code %d, stderr: %s", code, errOut)
	}
}

// ctrl+c while a PATCH is out: lemlist may have it. The step is read back
// all the same; here it landed, so it is journaled and said to be made.
func TestInterruptDuringUpdateReadsTheStepBack(t *testing.T) {
	for _, apply := range []bool{true, false} {
		h := newHookedSandbox(t)
		h.setHook(func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method != http.MethodPatch {
				return false
			}
			if apply {
				h.server.ServeHTTP(httptest.NewRecorder(), r)
			}
			// The server notices the client hang up only once the body is read.
			_, _ = io.Copy(io.Discard, r.Body)
			// Run catches SIGINT while a command runs, as it does now.
			if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
				h.t.Error(err)
			}
			<-r.Context().Done()
			return true
		})
		out, errOut, code := h.run(phoneDelay...)
		switch {
		case apply && (code != exitOK || !strings.Contains(errOut, "(the request was cancelled); reading the step back shows lemlist applied it.") ||
			len(h.journal()) != 1):
			t.Errorf("landed: exit code %d, %d journal entries\nstdout: %s\nstderr: %s", code, len(h.journal()), out, errOut)
		case !apply && (code != exitInterrupted || !strings.Contains(errOut, "(the request was cancelled): lemlist may or may not have applied it.") ||
			len(h.journal()) != 0):
			t.Errorf("not landed: exit code %d, %d journal entries\nstdout: %s\nstderr: %s", code, len(h.journal()), out, errOut)
		}
	}
}
