package api_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"lemstep/api"
)

// testKey looks like a real key so that leaks are easy to spot.
const testKey = "3f9a1c7e5b2d4f608a1b9c3d7e5f2a4b"

// exchange is what a test server saw of one request.
type exchange struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   string
}

// fakeLemlist is an httptest server that records requests and answers them
// with a purpose-built handler.
type fakeLemlist struct {
	*httptest.Server
	mu   sync.Mutex
	seen []exchange
}

func newFake(t *testing.T, handle http.HandlerFunc) *fakeLemlist {
	t.Helper()
	f := &fakeLemlist{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.seen = append(f.seen, exchange{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), string(body)})
		f.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		handle(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeLemlist) requests() []exchange {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]exchange(nil), f.seen...)
}

// syncBuffer is a debug log safe to read while the client writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newTestClient returns a client for f with fast retries and a generous rate
// limit; opts adjust the config.
func newTestClient(t *testing.T, f *fakeLemlist, opts ...func(*api.Config)) *api.Client {
	t.Helper()
	cfg := api.Config{
		BaseURL:    f.URL + "/api",
		APIKey:     testKey,
		RateLimit:  1000,
		RateWindow: 10 * time.Millisecond,
		MaxRetries: 3,
		Backoff:    time.Millisecond,
	}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := api.NewClient(cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

func writeText(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

func TestNewClientBaseURL(t *testing.T) {
	tests := []struct {
		url     string
		refused string // a phrase of the error, or "" when accepted
	}{
		{"", ""},
		{"https://api.lemlist.com/api", ""},
		{"https://api.lemlist.com/api/", ""},
		{"http://127.0.0.1:8080/api", ""},
		{"http://127.9.9.9/api", ""},
		{"http://[::1]:9999/api", ""},
		{"http://localhost:3000/api", ""},
		{"http://api.lemlist.com/api", "plain http"},
		{"http://10.0.0.8/api", "plain http"},
		{"http://localhost.example.com/api", "plain http"},
		{"ftp://api.lemlist.com/api", "not a web address"},
		{"api.lemlist.com", "not a web address"},
		{"https://me:secret@api.lemlist.com/api", "user name or password"},
	}
	for _, tt := range tests {
		_, err := api.NewClient(api.Config{BaseURL: tt.url, APIKey: testKey})
		switch {
		case tt.refused == "" && err != nil:
			t.Errorf("NewClient(%q) = %v, want it accepted", tt.url, err)
		case tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)):
			t.Errorf("NewClient(%q) error = %v, want one saying %q", tt.url, err, tt.refused)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("NewClient(%q) error repeats the password: %v", tt.url, err)
		}
	}
}

func TestNewClientRefusesEmptyKey(t *testing.T) {
	for _, key := range []string{"", "   "} {
		_, err := api.NewClient(api.Config{APIKey: key})
		if !errors.Is(err, api.ErrNoAPIKey) {
			t.Fatalf("NewClient(key %q) error = %v, want ErrNoAPIKey", key, err)
		}
		for _, phrase := range []string{"LEMLIST_API_KEY", "--demo"} {
			if !strings.Contains(err.Error(), phrase) {
				t.Errorf("error %q does not mention %s", err, phrase)
			}
		}
	}
}

func TestRequestsCarryAuthAndJSONHeaders(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"stp_1","type":"email"}`)
	})
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.BaseURL += "/"; cfg.UserAgent = "lemstep-test" })
	subject := "Hi"
	if _, err := c.UpdateStep(context.Background(), "seq_1", "stp_1", api.StepUpdate{Type: api.Email, Subject: &subject}); err != nil {
		t.Fatal(err)
	}
	req := f.requests()[0]
	if req.Method != http.MethodPatch || req.Path != "/api/sequences/seq_1/steps/stp_1" {
		t.Errorf("request = %s %s, want PATCH /api/sequences/seq_1/steps/stp_1", req.Method, req.Path)
	}
	wantAuth := "Basic " + base64.StdEncoding.EncodeToString([]byte(":"+testKey))
	for name, want := range map[string]string{
		"Authorization": wantAuth,
		"Content-Type":  "application/json",
		"Accept":        "application/json",
		"User-Agent":    "lemstep-test",
	} {
		if got := req.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if req.Body != `{"type":"email","subject":"Hi"}` {
		t.Errorf("body = %s", req.Body)
	}
}

func TestPathSegmentsAreEscaped(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"cam_1","name":"x"}`)
	})
	c := newTestClient(t, f)
	if _, err := c.Campaign(context.Background(), "cam/../team?x=1"); err != nil {
		t.Fatal(err)
	}
	if got := f.requests()[0].Path; got != "/api/campaigns/cam%2F..%2Fteam%3Fx=1" {
		t.Errorf("path = %s", got)
	}
}

func TestDebugLogHasOneLinePerRequestAndNoKey(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
	})
	var log syncBuffer
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.DebugLog = &log })
	for range 2 {
		if _, err := c.Team(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("debug log has %d lines, want 2:\n%s", len(lines), log.String())
	}
	for _, want := range []string{"GET", "/team", "200", "authorization=REDACTED"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("debug line %q lacks %q", lines[0], want)
		}
	}
	assertNoSecret(t, testKey, "debug log", log.String())
}

func TestConcurrentUseSharesOneClient(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/team":
			writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
		case r.URL.Path == "/api/campaigns":
			writeJSON(w, 200, `[{"_id":"cam_1","name":"One"}]`)
		default:
			writeJSON(w, 200, `{"seq_1":{"_id":"seq_1","level":0,"steps":[{"_id":"stp_1","type":"email"}]}}`)
		}
	})
	var log syncBuffer
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.DebugLog = &log })
	var wg sync.WaitGroup
	errs := make(chan error, 60)
	for range 20 {
		wg.Go(func() {
			ctx := context.Background()
			if _, err := c.Team(ctx); err != nil {
				errs <- err
			}
			if _, err := c.Campaigns(ctx, api.CampaignQuery{}); err != nil {
				errs <- err
			}
			if _, err := c.Step(ctx, "cam_1", "seq_1", "stp_1"); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(f.requests()); n != 60 {
		t.Errorf("server saw %d requests, want 60", n)
	}
	if n := strings.Count(log.String(), "\n"); n != 60 {
		t.Errorf("debug log has %d lines, want 60", n)
	}
}
