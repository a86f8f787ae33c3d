package api_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// fixedWindowServer counts requests in fixed windows, as lemlist counts them
// per key, and answers 429 past the limit.
type fixedWindowServer struct {
	limit  int
	window time.Duration
	start  time.Time

	mu       sync.Mutex
	current  int64 // index of the window being counted
	count    int
	rejected atomic.Int64
}

func (s *fixedWindowServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	win := int64(time.Since(s.start) / s.window)
	if win != s.current {
		s.current, s.count = win, 0
	}
	s.count++
	over := s.count > s.limit
	s.mu.Unlock()
	if over {
		s.rejected.Add(1)
		w.Header().Set("Retry-After", "0")
		writeText(w, 429, "Too Many Requests")
		return
	}
	writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
}

// BenchmarkRateCeiling sends 200 GETs from 4 goroutines through one client
// against a server allowing 20 requests per 100ms window, and reports the
// achieved rate as a fraction of that ceiling and the 429s the server sent.
// "sandbox" is lemstep's sandbox, whose window opens with a key's first
// request; "fixed-window" counts in windows that start wherever the clock
// says, so they fall at any phase of the client's requests.
func BenchmarkRateCeiling(b *testing.B) {
	const (
		limit  = 20
		window = 100 * time.Millisecond
	)
	b.Run("sandbox", func(b *testing.B) {
		measureCeiling(b, limit, window, func() (http.Handler, func() int64) {
			srv := sandbox.New(sandbox.Options{Keys: []string{testKey}, RateLimit: limit, RateWindow: window})
			return srv, func() int64 { return int64(srv.Stats().RateLimited) }
		})
	})
	b.Run("fixed-window", func(b *testing.B) {
		measureCeiling(b, limit, window, func() (http.Handler, func() int64) {
			srv := &fixedWindowServer{limit: limit, window: window, start: time.Now().Add(-time.Duration(rand.Int64N(int64(window))))}
			return srv, srv.rejected.Load
		})
	})
}

// measureCeiling runs the 200 requests once per iteration against a fresh
// server and client.
func measureCeiling(b *testing.B, limit int, window time.Duration, newServer func() (http.Handler, func() int64)) {
	const (
		requests = 200
		workers  = 4
	)
	var elapsed time.Duration
	var rejected int64
	for b.Loop() {
		handler, count429s := newServer()
		ts := httptest.NewServer(handler)
		c, err := api.NewClient(api.Config{BaseURL: ts.URL + "/api", APIKey: testKey, RateLimit: limit, RateWindow: window})
		if err != nil {
			b.Fatal(err)
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		began := time.Now()
		for range workers {
			wg.Go(func() {
				for next.Add(1) <= requests {
					if _, err := c.Team(context.Background()); err != nil {
						b.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
		elapsed += time.Since(began)
		rejected += count429s()
		ts.Close()
	}
	iterations := float64(b.N)
	// At the ceiling, 200 requests at 20 per window need 10 windows, the
	// first of which opens with the first request: the last batch can start
	// 9 windows in, and that is the shortest possible run.
	shortest := time.Duration((requests+limit-1)/limit-1) * window
	b.ReportMetric(shortest.Seconds()*iterations/elapsed.Seconds(), "ceiling-fraction")
	b.ReportMetric(float64(rejected)/iterations, "server-429s")
}
