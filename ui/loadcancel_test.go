package ui

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// hanging makes every request whose path ends with suffix wait until the
// client gives up on it, while hang is set. Each such request is reported
// on arrived when it arrives and on gone when the client gave up.
type hanging struct {
	hang          atomic.Bool
	arrived, gone chan string
}

func hangOn(suffix string, h *hanging) sessionOptions {
	h.arrived, h.gone = make(chan string, 4), make(chan string, 4)
	return sessionOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if h.hang.Load() && strings.HasSuffix(r.URL.Path, suffix) {
				h.arrived <- r.URL.Path
				<-r.Context().Done()
				h.gone <- r.URL.Path
				return
			}
			next.ServeHTTP(w, r)
		})
	}}
}

func waitOn(t *testing.T, c <-chan string, what string) {
	t.Helper()
	select {
	case <-c:
	case <-time.After(15 * time.Second):
		t.Fatalf("waited in vain for %s", what)
	}
}

// esc on "Loading campaigns…" stops the load (the request is cancelled)
// and says so; r loads again.
func TestEscStopsLoadingTheCampaigns(t *testing.T) {
	var h hanging
	h.hang.Store(true)
	s := startSession(t, 100, 30, hangOn("/campaigns", &h))
	s.waitText("Loading campaigns… (esc stops)")
	s.waitText("esc stop loading")
	waitOn(t, h.arrived, "the campaigns to be asked for")
	s.press("esc")
	s.waitText("Loading the campaigns was stopped.")
	waitOn(t, h.gone, "lemstep to cancel the request")
	h.hang.Store(false)
	s.press("r")
	s.waitText("Q4 SaaS founders")
}

// esc while a campaign's steps load goes back to the campaigns and cancels
// the load; opening the campaign again loads it.
func TestEscStopsLoadingTheSteps(t *testing.T) {
	var h hanging
	s := startSession(t, 100, 30, hangOn("/sequences", &h))
	s.waitText("Q4 SaaS founders")
	h.hang.Store(true)
	s.press("/")
	s.typeText("Q4 SaaS founders")
	s.waitFor("the filtered campaign", func(scr string) bool {
		return strings.Contains(scr, "› ") && strings.Contains(scr, "Q4 SaaS founders")
	})
	s.press("enter", "enter")
	s.waitText("Loading sequences…")
	waitOn(t, h.arrived, "the sequences to be asked for")
	s.press("esc")
	s.waitFor("the campaigns", func(scr string) bool {
		return !strings.Contains(scr, "Loading sequences…") && strings.Contains(scr, "/ Q4 SaaS founders")
	})
	waitOn(t, h.gone, "lemstep to cancel the request")
	h.hang.Store(false)
	s.press("enter")
	s.waitText("steps in")
}
