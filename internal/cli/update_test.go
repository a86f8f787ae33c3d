package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"lemstep/api"
	"lemstep/api/sandbox"
	"lemstep/internal/journal"
	"lemstep/internal/keyscan"
)

// hookedSandbox serves the CLI test workspace with a hook that sees every
// request first, to make something happen at an exact point of a command:
// a teammate's edit between two reads, a PATCH that keeps failing.
type hookedSandbox struct {
	t      *testing.T
	server *sandbox.Server
	key    string
	state  string
	mu     sync.Mutex
	hook   func(w http.ResponseWriter, r *http.Request) bool // true: answered
}

func newHookedSandbox(t *testing.T) *hookedSandbox {
	t.Helper()
	ws, err := loadWorkspace("testdata/cli-workspace.json")
	if err != nil {
		t.Fatal(err)
	}
	h := &hookedSandbox{t: t, key: testKey(), state: t.TempDir()}
	h.server = sandbox.New(sandbox.Options{Keys: []string{h.key}, Workspace: ws, RateLimit: 10000})
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		hook := h.hook
		h.mu.Unlock()
		if hook != nil && hook(w, r) {
			return
		}
		h.server.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	t.Setenv("LEMLIST_BASE_URL", hs.URL+"/api")
	t.Setenv("LEMLIST_API_KEY", h.key)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(h.state, "config"))
	t.Setenv("XDG_STATE_HOME", h.state)
	return h
}

func (h *hookedSandbox) setHook(hook func(w http.ResponseWriter, r *http.Request) bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.hook = hook
}

// run runs lemstep in this process and returns what it printed and its
// exit code; the API key must appear in neither stream.
func (h *hookedSandbox) run(args ...string) (stdout, stderr string, code int) {
	h.t.Helper()
	streams, out, errOut := NewTestIOStreams("")
	code = run(args, streams)
	for _, s := range [][]byte{out.Bytes(), errOut.Bytes()} {
		if form, found := keyscan.Find(s, h.key); found {
			h.t.Fatalf("lemstep printed %s", form)
		}
	}
	return out.String(), errOut.String(), code
}

// patches counts the PATCH requests the sandbox received.
func (h *hookedSandbox) patches() int {
	n := 0
	for _, r := range h.server.Received() {
		if r.Method == http.MethodPatch {
			n++
		}
	}
	return n
}

func (h *hookedSandbox) journal() []journal.Entry {
	h.t.Helper()
	entries, err := journal.Open(filepath.Join(h.state, "lemstep", "journal.jsonl")).Entries()
	if err != nil {
		h.t.Fatal(err)
	}
	return entries
}

// editOnRead makes a teammate edit a step when the sandbox is asked for a
// campaign's sequences for the nth time, before it answers: the edit lands
// after lemstep read the step and before it reads it again to send. reads
// counts the sequence reads so far.
func (h *hookedSandbox) editOnRead(n int, stepID string, u api.StepUpdate) (reads func() int) {
	var count atomic.Int32
	h.setHook(func(_ http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/sequences") && int(count.Add(1)) == n {
			if err := h.server.EditStep(stepID, u); err != nil {
				h.t.Error(err)
			}
		}
		return false
	})
	return func() int { return int(count.Load()) }
}

func text(s string) *string { return &s }

// A teammate's edit between lemstep's read of the step and the PATCH: the
// update is not sent, the three values are shown, exit 1.
func TestUpdateConflictSendsNothing(t *testing.T) {
	h := newHookedSandbox(t)
	h.editOnRead(2, "stp_email0000000001", api.StepUpdate{Subject: text("Theirs")})
	out, errOut, code := h.run("update", "seq_main000000000001", "stp_email0000000001", "--type", "email",
		"--subject", "Mine", "--in-campaign", "cam_spring0000000001")
	if code != exitFailure {
		t.Fatalf("exit code %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	want := "Error: step stp_email0000000001 changed on lemlist since lemstep read it; nothing was sent\n" +
		"Subject\n" +
		"  loaded       Quick question, {{firstName}}\n" +
		"  lemlist now  {+Theirs+}\n" +
		"  yours        {+Mine+}\n" +
		"Run the command again to start from lemlist's values, or pass --force to send yours anyway.\n"
	if errOut != want || out != "" {
		t.Errorf("stdout %q\nstderr:\n%s\nwant stderr:\n%s", out, errOut, want)
	}
	if n := h.patches(); n != 0 {
		t.Errorf("the sandbox received %d PATCH requests, want 0", n)
	}
	if n := len(h.journal()); n != 0 {
		t.Errorf("the journal holds %d entries, want 0", n)
	}
}

// --json prints the conflict on stdout as JSON.
func TestUpdateConflictAsJSON(t *testing.T) {
	h := newHookedSandbox(t)
	h.editOnRead(2, "stp_phone0000000001", api.StepUpdate{Message: text("Theirs")})
	out, _, code := h.run("update", "seq_no00000000000001", "stp_phone0000000001", "--type", "phone",
		"--message", "Mine", "--in-campaign", "cam_spring0000000001", "--json")
	if code != exitFailure {
		t.Fatalf("exit code %d, want 1", code)
	}
	for _, want := range []string{`"error": "conflict"`, `"stepId": "stp_phone0000000001"`,
		`"field": "message",`, `"loaded": "Call about the proposal",`, `"current": "Theirs",`, `"yours": "Mine"`} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %s:\n%s", want, out)
		}
	}
	if h.patches() != 0 {
		t.Error("an update with a conflict was sent")
	}
}

// --force sends over the teammate's edit, and the journal's before value
// is the teammate's: what lemlist had just before the PATCH.
func TestUpdateForceJournalsTheServersValue(t *testing.T) {
	h := newHookedSandbox(t)
	h.editOnRead(2, "stp_email0000000001", api.StepUpdate{Subject: text("Theirs")})
	out, errOut, code := h.run("update", "seq_main000000000001", "stp_email0000000001", "--type", "email",
		"--subject", "Mine", "--force")
	if code != exitOK {
		t.Fatalf("exit code %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if n := h.patches(); n != 1 {
		t.Errorf("the sandbox received %d PATCH requests, want 1", n)
	}
	entries := h.journal()
	if len(entries) != 1 {
		t.Fatalf("the journal holds %d entries, want 1", len(entries))
	}
	e := entries[0]
	if e.Before.Subject == nil || *e.Before.Subject != "Theirs" || *e.After.Subject != "Mine" {
		t.Errorf("journal entry before %v after %v, want Theirs then Mine", e.Before.Subject, e.After.Subject)
	}
	if e.CampaignID != "cam_spring0000000001" || e.CampaignName != "Spring outreach" || e.SequenceID != "seq_main000000000001" {
		t.Errorf("journal entry is for %s (%q) sequence %s", e.CampaignID, e.CampaignName, e.SequenceID)
	}
}

// A PATCH lemlist keeps failing (the first try and every retry) is not in
// the journal.
func TestFailedUpdateLeavesTheJournalAlone(t *testing.T) {
	h := newHookedSandbox(t)
	attempts := 0
	h.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPatch {
			return false
		}
		attempts++
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return true
	})
	out, errOut, code := h.run("update", "seq_no00000000000001", "stp_phone0000000001", "--type", "phone",
		"--delay", "4", "--in-campaign", "cam_spring0000000001")
	if code != exitFailure {
		t.Fatalf("exit code %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if attempts != 1+api.DefaultMaxRetries {
		t.Errorf("lemlist was sent the PATCH %d times, want %d", attempts, 1+api.DefaultMaxRetries)
	}
	if !strings.Contains(errOut, "lemlist failed: Service Unavailable. Try again in a moment.") || strings.Contains(out, "Journal entry") {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	if n := len(h.journal()); n != 0 {
		t.Errorf("the journal holds %d entries after a failed update, want 0", n)
	}
}

// Long values are shown whole, the words each side changed marked, so the
// change shows however far into the text it is.
func TestConflictTextShowsLongValuesWhole(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("word ", 30))
	got := conflictText([]api.Conflict{{Field: api.FieldMessage, Loaded: long + " ours", Current: long + " theirs", Yours: "short"}}, sentLabels)
	want := "Message\n" +
		"  loaded       " + long + " ours\n" +
		"  lemlist now  " + long + " [-ours-]{+theirs+}\n" +
		"  yours        {+short+}"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// lemlist answers a PATCH with part of the step; the command prints the
// whole step, its subject included, as read before the PATCH with the sent
// fields applied.
func TestUpdatePrintsTheWholeStepNotThePartialAnswer(t *testing.T) {
	h := newHookedSandbox(t)
	h.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPatch {
			return false
		}
		rec := httptest.NewRecorder()
		h.server.ServeHTTP(rec, r) // lemlist applies it…
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"_id":"stp_email0000000001","type":"email","delay":5,"emailTemplateId":"etp_1","message":"<p>Hi</p>"}`) // …and answers with part of it
		return true
	})
	out, errOut, code := h.run("update", "seq_main000000000001", "stp_email0000000001", "--type", "email",
		"--delay", "5", "--in-campaign", "cam_spring0000000001")
	if code != exitOK {
		t.Fatalf("exit %d\nstderr: %s", code, errOut)
	}
	if !strings.Contains(out, "Quick question, {{firstName}}") || !strings.Contains(out, "5 days") {
		t.Errorf("the output lacks the step's subject or its new delay:\n%s", out)
	}
}
