package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestStartServesOnLoopbackUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	srv := New(Options{Keys: []string{testKey}})
	base, err := srv.Start(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/api") {
		t.Fatalf("base URL %q", base)
	}
	req, _ := http.NewRequest("GET", base+"/team", nil)
	req.SetBasicAuth("", testKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var team struct{ Name string }
	err = json.NewDecoder(resp.Body).Decode(&team)
	resp.Body.Close()
	if err != nil || team.Name != "Northwind Growth" {
		t.Fatalf("team %+v, err %v", team, err)
	}
	if got := srv.Received(); len(got) != 1 || got[0].Path != "/team" {
		t.Fatalf("received %+v", got)
	}
	cancel()
	// Shutdown is asynchronous: wait for the state, not for a duration.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range 10000 {
		resp, err := client.Do(req.Clone(context.Background()))
		if err != nil {
			return
		}
		resp.Body.Close()
	}
	t.Fatal("the server still answers after its context ended")
}

func TestServeReturnsABaseURL(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, err := Serve(ctx, "127.0.0.1:0", Options{})
	if err != nil || !strings.HasSuffix(base, "/api") {
		t.Fatalf("Serve: %q, %v", base, err)
	}
	if _, err := Serve(ctx, "not an address", Options{}); err == nil {
		t.Fatal("a bad address is an error")
	}
}
