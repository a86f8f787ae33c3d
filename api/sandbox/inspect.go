package sandbox

import (
	"errors"
	"net/http"
	"slices"
	"time"

	"lemstep/api"
)

// maxReceived bounds the record of requests so a long demo session does not
// grow without end; tests stay far below it.
const maxReceived = 10000

// Request is one request as the sandbox received it. The Authorization
// header is deliberately not kept: the API key must not end up anywhere.
type Request struct {
	Method string
	// Path is relative to the base URL: "/sequences/seq_…/steps/stp_…"
	// whether the client called it under /api or not.
	Path     string
	RawQuery string
	Body     []byte
	At       time.Time
}

// Stats counts the sandbox's answers.
type Stats struct {
	Requests    int // every request received
	RateLimited int // 429 answers, from the limit or injected
	Faults      int // injected 5xx and 429 answers and dropped connections
}

func (s *Server) record(r *http.Request, rel string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.Requests++
	s.received.add(Request{
		Method:   r.Method,
		Path:     rel,
		RawQuery: r.URL.RawQuery,
		Body:     slices.Clone(body),
		At:       s.opts.Now(),
	})
}

// Received returns the requests received so far, oldest first; once more
// than maxReceived arrived, the latest maxReceived.
func (s *Server) Received() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.received.list()
}

// requestLog keeps the latest maxReceived requests in a ring, so recording
// one never moves the others.
type requestLog struct {
	reqs []Request
	next int // where the next request goes once reqs is full: the oldest
}

func (l *requestLog) add(r Request) {
	if len(l.reqs) < maxReceived {
		l.reqs = append(l.reqs, r)
		return
	}
	l.reqs[l.next] = r
	l.next = (l.next + 1) % maxReceived
}

// list copies the requests out, oldest first.
func (l *requestLog) list() []Request {
	out := make([]Request, 0, len(l.reqs))
	out = append(out, l.reqs[l.next:]...)
	out = append(out, l.reqs[:l.next]...)
	for i := range out {
		out[i].Body = slices.Clone(out[i].Body)
	}
	return out
}

// Stats returns the counters so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// SetFaults replaces the injected faults and reseeds their generator.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = newFaultInjector(f)
}

// Campaigns returns a copy of the workspace's campaigns.
func (s *Server) Campaigns() []api.Campaign {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]api.Campaign, len(s.ws.Campaigns))
	for i, c := range s.ws.Campaigns {
		out[i] = api.CloneCampaign(c)
	}
	return out
}

// Sequences returns a copy of a campaign's sequences (nil for an unknown
// campaign).
func (s *Server) Sequences(campaignID string) api.Sequences {
	s.mu.Lock()
	defer s.mu.Unlock()
	seqs, ok := s.ws.Sequences[campaignID]
	if !ok {
		return nil
	}
	return api.CloneSequences(seqs)
}

// ErrStepNotFound is returned by EditStep for a step id the workspace lacks.
var ErrStepNotFound = errors.New("sandbox: no step with that id")

// EditStep changes a step directly, as a teammate editing it in lemlist's
// app would, so tests can make the server's copy differ from the client's.
// The update obeys the same rules as a PATCH; an empty Type means the step's
// own type. The error is ErrStepNotFound or the api.Violations refusing u.
func (s *Server) EditStep(stepID string, u api.StepUpdate) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	loc, ok := s.findStep(stepID)
	if !ok {
		return ErrStepNotFound
	}
	step := loc.step()
	if u.Type == "" {
		u.Type = step.Type
	}
	if vs := u.Validate(s.target(step.Type)); len(vs) > 0 {
		return vs
	}
	loc.set(u.Apply(step))
	return nil
}

// Snapshot returns a copy of the workspace as it is now, edits included,
// for a caller that keeps the sandbox's data from one run to the next.
func (s *Server) Snapshot() *Workspace {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ws.Clone()
}
