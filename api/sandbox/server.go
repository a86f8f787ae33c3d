package sandbox

import (
	"cmp"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
)

// maxBody is the largest request body the sandbox reads; lemlist's own limit
// is not documented, and no step comes close.
const maxBody = 1 << 20

// Server is the in-memory lemlist. It is safe for concurrent requests: one
// lock guards the workspace, the rate-limit windows, the fault generator and
// the record of requests.
type Server struct {
	opts Options
	keys keyring

	mu       sync.Mutex
	ws       *Workspace
	idx      workspaceIndex
	limiter  *limiter
	faults   faultInjector
	ids      *idSource
	received requestLog
	stats    Stats
}

// New returns a server over a copy of opts.Workspace (the demo workspace when
// nil).
func New(opts Options) *Server {
	opts = opts.withDefaults()
	ws := opts.Workspace
	if ws == nil {
		ws = DemoWorkspace()
	} else {
		ws = ws.Clone()
	}
	opts.Workspace = nil
	return &Server{
		opts:    opts,
		keys:    newKeyring(opts),
		ws:      ws,
		idx:     indexWorkspace(ws),
		limiter: newLimiter(opts.RateLimit, opts.RateWindow),
		faults:  newFaultInjector(opts.Faults),
		ids:     newIDSource(0x1e3157e9),
	}
}

// call is what a handler needs from a request.
type call struct {
	route route
	query url.Values
	body  []byte
}

// reply is a handler's answer: JSON when json is set, else text of type
// ctype (plain text when empty).
type reply struct {
	status int
	text   string
	ctype  string
	json   any
}

func textReply(status int, text string) reply { return reply{status: status, text: text} }

func jsonReply(v any) reply { return reply{status: http.StatusOK, json: v} }

// ServeHTTP answers in the order of REFERENCE §7.6: route, authentication,
// rate limit, injected faults, then the route's own checks.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	wait(r.Context(), s.currentFaults().Latency)
	rel := relativePath(r.URL.Path)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	s.record(r, rel, body)
	creds := presented(r)
	key := creds.key
	if err != nil {
		s.answerEarly(w, key, bodyError(err))
		return
	}
	rt, ok := matchRoute(rel)
	if !ok {
		s.answerEarly(w, key, s.unknownRoute())
		return
	}
	if status, msg := s.keys.check(creds); status != 0 {
		s.answerEarly(w, key, textReply(status, msg))
		return
	}
	h := handlerFor(rt.ep, r.Method)
	s.mu.Lock()
	rep, q := s.admit(key, r.Method+" "+r.URL.RequestURI(), h)
	if rep.status == statusDrop {
		s.mu.Unlock()
		dropConnection(w)
		return
	}
	if rep.status == 0 {
		rep = h(s, call{route: rt, query: r.URL.Query(), body: body})
	}
	status, data, ctype := rep.encode()
	s.mu.Unlock()
	q.set(w.Header())
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", q.retryAfter())
	}
	write(w, status, ctype, data)
}

// admit counts the request against key's rate limit and draws injected
// faults for request (method and URI); it returns a non-zero reply when the
// request must not reach its handler, statusDrop when its connection is to
// be closed. The caller holds the lock.
func (s *Server) admit(key, request string, h handler) (reply, quota) {
	now := s.opts.Now()
	q, ok := s.limiter.take(key, now)
	if !ok {
		s.stats.RateLimited++
		return textReply(http.StatusTooManyRequests, msgTooMany), q
	}
	if status := s.faults.draw(request); status != 0 {
		s.stats.Faults++
		switch status {
		case http.StatusTooManyRequests:
			s.stats.RateLimited++
			return textReply(status, msgTooMany), s.limiter.exhausted(key, now)
		case statusDrop:
			return reply{status: statusDrop}, q
		}
		return textReply(status, http.StatusText(status)), q
	}
	if h == nil {
		return textReply(http.StatusMethodNotAllowed, "Method Not Allowed"), q
	}
	return reply{}, q
}

const msgTooMany = "Too Many Requests"

func bodyError(err error) reply {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return textReply(http.StatusRequestEntityTooLarge, "request entity too large")
	}
	return textReply(http.StatusBadRequest, "Bad request")
}

// answerEarly sends an answer given before the rate limit counts the request.
func (s *Server) answerEarly(w http.ResponseWriter, key string, rep reply) {
	s.mu.Lock()
	q := s.limiter.peek(key, s.opts.Now())
	s.mu.Unlock()
	q.set(w.Header())
	status, data, ctype := rep.encode()
	write(w, status, ctype, data)
}

// catchAllPage stands in for the lemlist web app that answers unknown paths.
const catchAllPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>lemlist</title></head><body><div id="react-root"></div></body></html>`

// unknownRoute is the answer to a path that is no route of the API.
func (s *Server) unknownRoute() reply {
	if !s.opts.HTMLCatchAll {
		return textReply(http.StatusNotFound, "Not found")
	}
	return reply{status: http.StatusOK, text: catchAllPage, ctype: "text/html; charset=utf-8"}
}

// encode turns a reply into bytes; it runs under the lock because a JSON
// reply may point into the workspace.
func (rep reply) encode() (status int, data []byte, ctype string) {
	const text = "text/plain; charset=utf-8"
	if rep.json == nil {
		return rep.status, []byte(rep.text), cmp.Or(rep.ctype, text)
	}
	data, err := json.Marshal(rep.json)
	if err != nil {
		return http.StatusInternalServerError, []byte("Internal Server Error"), text
	}
	return rep.status, data, "application/json; charset=utf-8"
}

func write(w http.ResponseWriter, status int, ctype string, data []byte) {
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

func (s *Server) currentFaults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults.cfg
}
