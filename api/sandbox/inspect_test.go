package sandbox

import (
	"strconv"
	"testing"
)

func TestReceivedKeepsTheLatestRequestsOldestFirst(t *testing.T) {
	h := newHarness(t, Options{})
	const extra = 5
	for i := range maxReceived + extra {
		h.call("GET", "/api/team?n="+strconv.Itoa(i), nil)
	}
	got := h.srv.Received()
	if len(got) != maxReceived {
		t.Fatalf("%d requests kept, want %d", len(got), maxReceived)
	}
	for i, r := range got {
		if want := "n=" + strconv.Itoa(i+extra); r.RawQuery != want {
			t.Fatalf("request %d has query %q, want %q", i, r.RawQuery, want)
		}
	}
	if n := h.srv.Stats().Requests; n != maxReceived+extra {
		t.Fatalf("Stats().Requests = %d, want %d", n, maxReceived+extra)
	}
}
