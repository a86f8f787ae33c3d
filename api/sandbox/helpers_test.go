package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/internal/spectest"
)

// testKey is a made-up key accepted by test servers.
const testKey = "sandbox-test-key"

// Ids of the demo workspace the tests lean on.
const (
	foundersCampaign = "cam_pdWtC9WkcuDo9qhM2" // running, nested conditions
	webinarCampaign  = "cam_i5rmXzqm4KTEzZmGn" // paused
	inboundCampaign  = "cam_49B6CiqBpSHKocyAv" // running, sendToAnotherCampaign
	partnersCampaign = "cam_q6iRY6YGc96ozFoRb" // draft, linkedinEndorse
	nurtureCampaign  = "cam_ocMgshZ8WXoGxqqEF" // running, target of sendToAnotherCampaign
	holidayCampaign  = "cam_ymBuF3MLP6MrPQvJo" // archived: true, status ended
	scoringCampaign  = "cam_JLoowzDmGnBGmrDA6" // running, a three-branch hasScore condition and a customLeadInfo one
	foundersMain     = "seq_jPRy4tmoz6mqnnrB6"
	partnersMain     = "seq_KTgEeqiQBYpjoDToJ"
)

// harness drives a Server through its http.Handler.
type harness struct {
	t   *testing.T
	srv *Server
}

func newHarness(t *testing.T, opts Options) harness {
	t.Helper()
	if opts.Keys == nil {
		opts.Keys = []string{testKey}
	}
	if opts.RateLimit == 0 {
		opts.RateLimit = 1 << 20 // tests about other things must not meet the limit
	}
	return harness{t: t, srv: New(opts)}
}

// call sends a request with the test key.
func (h harness) call(method, path string, body []byte) *httptest.ResponseRecorder {
	h.t.Helper()
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.SetBasicAuth("", testKey)
	return h.send(req)
}

func (h harness) send(req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, req)
	return rec
}

// patch sends an Update Sequence Step body; the body must conform to the
// documented schema, so the sandbox is only ever tested with requests
// lemlist would accept in form.
func (h harness) patch(seqID, stepID string, body string) *httptest.ResponseRecorder {
	h.t.Helper()
	spectest.CheckUpdateBody(h.t, seqID, stepID, []byte(body))
	return h.call("PATCH", "/api/sequences/"+seqID+"/steps/"+stepID, []byte(body))
}

// sequences fetches a campaign's sequences over HTTP.
func (h harness) sequences(campaignID string) api.Sequences {
	h.t.Helper()
	rec := h.call("GET", "/api/campaigns/"+campaignID+"/sequences", nil)
	expectStatus(h.t, rec, http.StatusOK)
	var seqs api.Sequences
	decode(h.t, rec, &seqs)
	return seqs
}

func expectStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status %d, want %d; body: %s", rec.Code, want, rec.Body.String())
	}
}

// expectText checks a text/plain error answer.
func expectText(t *testing.T, rec *httptest.ResponseRecorder, status int, text string) {
	t.Helper()
	expectStatus(t, rec, status)
	if got := rec.Body.String(); got != text {
		t.Fatalf("body %q, want %q", got, text)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Fatalf("Content-Type %q, want text/plain", ct)
	}
}

func decode(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type %q, want application/json; body: %s", ct, rec.Body.String())
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("decode %s: %v", rec.Body.String(), err)
	}
}

func mustFind(t *testing.T, seqs api.Sequences, stepID string) api.Step {
	t.Helper()
	st, ok := seqs.FindStep(stepID)
	if !ok {
		t.Fatalf("step %s not in the sequences", stepID)
	}
	return st
}

// firstStepOfType finds a step of type typ in the workspace, with its
// campaign.
func firstStepOfType(t *testing.T, ws *Workspace, typ api.StepType) (campaignID string, step api.Step) {
	t.Helper()
	for _, c := range ws.Campaigns {
		if c.IsArchived() {
			continue
		}
		var found *api.Step
		tree, err := api.BuildTree(ws.Sequences[c.ID])
		if err != nil {
			continue
		}
		tree.Walk(func(n api.Node, _ int) {
			if found == nil && n.Step.Type == typ {
				st := n.Step
				found = &st
			}
		})
		if found != nil {
			return c.ID, *found
		}
	}
	t.Fatalf("no %s step in the workspace", typ)
	return "", api.Step{}
}

// fakeClock is a clock tests move by hand.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) Advance(d time.Duration) { c.now = c.now.Add(d) }

// newRequest builds a request without credentials.
func newRequest(method, path, body string) *http.Request {
	return httptest.NewRequest(method, path, strings.NewReader(body))
}
