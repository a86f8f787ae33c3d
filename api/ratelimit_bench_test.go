package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lemstep/api"
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
func BenchmarkRateCeiling(b *testing.B) {
	const (
		limit    = 20
		window   = 100 * time.Millisecond
		requests = 200
		workers  = 4
	)
	var elapsed time.Duration
	var rejected int64
	for b.Loop() {
		srv := &fixedWindowServer{limit: limit, window: window, start: time.Now()}
		ts := httptest.NewServer(srv)
		c, err := api.NewClient(api.Config{BaseURL: ts.URL, APIKey: testKey, RateLimit: limit, RateWindow: window})
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
		rejected += srv.rejected.Load()
		ts.Close()
	}
	iterations := float64(b.N)
	achieved := float64(requests) * iterations / elapsed.Seconds()
	ceiling := float64(limit) / window.Seconds()
	b.ReportMetric(achieved/ceiling, "ceiling-fraction")
	b.ReportMetric(float64(rejected)/iterations, "server-429s")
}
